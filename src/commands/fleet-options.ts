/**
 * What a command needs of --targets before it runs: the options, and the switch into the fleet
 * run (fleet.ts, loaded only when a targets file is given: it brings the YAML parser and the pool).
 */
import type { ReportKind } from '../report/model.js';
import { str, type OptionSpec, type OptionValues } from './options.js';
import type { CommandContext, CommandResult } from './types.js';
import type { FleetRun } from './fleet.js';

const fleetOptions = <MaxFailuresDefault extends string | undefined>(maxFailuresDefault: MaxFailuresDefault, stopsOn: string) =>
  [
    {
      name: 'targets',
      type: 'path',
      description:
        'A targets file (YAML or JSON): run this command on every target in it, canary wave first, then wave by wave (see docs/fleets.md).',
    },
    { name: 'group', type: 'list', description: 'With targets: only the targets of these groups.' },
    {
      name: 'only',
      type: 'list',
      description: 'With targets: only these targets (by name); the fleet workflow gives each job its slice this way.',
    },
    { name: 'concurrency', type: 'integer', min: 1, max: 64, default: '4', description: 'With targets: how many targets run at once.' },
    {
      name: 'max-failures',
      type: 'integer',
      min: 0,
      default: maxFailuresDefault,
      description: `With targets: failed targets tolerated before no further target starts (running ones finish); ${stopsOn}.`,
    },
  ] as const satisfies readonly OptionSpec[];

/** For commands that change targets: the first failure stops the rollout by default. */
export const FLEET_WRITE_OPTIONS = fleetOptions('0', 'default 0, stop after the first failure');
/** For commands that only read: every target is checked unless a limit is given. */
export const FLEET_READ_OPTIONS = fleetOptions(undefined, 'default: no limit, every target is checked');

export type FleetValues = OptionValues<(typeof FLEET_WRITE_OPTIONS)[number]['name'] | 'report-dir' | 'environment'>;

export interface FleetCommand {
  name: string;
  kind: ReportKind;
  /** The command on one database. */
  single: (values: OptionValues, context: CommandContext) => Promise<CommandResult>;
  /** Option values every target gets instead of the fleet's (e.g. no per-target drift issue). */
  perTarget?: OptionValues;
}

export const isFleetRun = (values: OptionValues): boolean => Boolean(str(values as FleetValues, 'targets'));

/** The command on every target of the targets file. */
export async function runFleet(command: FleetCommand, values: OptionValues, context: CommandContext): Promise<FleetRun> {
  const { runFleetTargets } = await import('./fleet.js');
  return runFleetTargets(command, values, context);
}
