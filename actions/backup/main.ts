import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { backupCommand } from '../../src/commands/backup.js';

await runActionCommand(backupCommand, { services: githubServices });
