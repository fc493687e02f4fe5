import { runActionCommand } from '../../src/github/action-runner.js';
import { githubServices } from '../../src/github/services.js';
import { fleetPlanCommand } from '../../src/commands/fleet-plan.js';

await runActionCommand(fleetPlanCommand, { services: githubServices });
