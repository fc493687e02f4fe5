import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { restoreCommand } from '../../src/commands/backup.js';

await runActionCommand(restoreCommand, { services: githubServices });
