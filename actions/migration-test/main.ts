import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { migrationTestCommand } from '../../src/commands/migration-test.js';

await runActionCommand(migrationTestCommand, { services: githubServices });
