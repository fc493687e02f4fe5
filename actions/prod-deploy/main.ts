import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { deployCommand } from '../../src/commands/deploy.js';

await runActionCommand(deployCommand, { services: githubServices });
