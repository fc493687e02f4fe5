import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { fleetSummaryCommand } from '../../src/commands/fleet-plan.js';

await runActionCommand(fleetSummaryCommand, { services: githubServices });
