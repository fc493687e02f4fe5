/** Every command of the CLI, in help order. */
import type { Command } from './types.js';
import { applyCommand, lintCommand, planCommand, resolveCommand, statusCommand } from './engine.js';
import { recoverCommand } from './recover.js';
import { migrationTestCommand } from './migration-test.js';
import { driftCheckCommand } from './drift-check.js';
import { backupCommand, restoreCommand } from './backup.js';
import { deployCommand } from './deploy.js';
import { demoCommand } from './demo.js';
import { fleetPlanCommand, fleetSummaryCommand } from './fleet-plan.js';

export const COMMANDS: Command[] = [
  applyCommand,
  statusCommand,
  resolveCommand,
  recoverCommand,
  planCommand,
  lintCommand,
  migrationTestCommand,
  driftCheckCommand,
  backupCommand,
  restoreCommand,
  deployCommand,
  fleetPlanCommand,
  fleetSummaryCommand,
  demoCommand,
];
