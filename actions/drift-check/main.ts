import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { driftCheckCommand } from '../../src/commands/drift-check.js';

await runActionCommand(driftCheckCommand, { services: githubServices });
