/**
 * --targets on deploy, apply, status, drift-check and plan: the same command, run on every
 * target of a targets file by the fleet's pool. Each target runs exactly what the command runs on
 * one database (so a failed target is left as that command's own failure policy leaves it);
 * this file only fans out, collects the per-target results and writes the audit records.
 */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { directUrlEnvFromSchema } from '../postgres/direct.js';
import type { ReportKind } from '../report/model.js';
import { readTargetsFile, resolveTargets, selectGroups, type ResolvedTarget } from '../fleet/targets.js';
import { runPool, type StepOutcome } from '../fleet/pool.js';
import { fleetReport } from '../fleet/report.js';
import { fleetAuditDir, writeFleetAudit } from '../fleet/audit.js';
import { headCommit } from '../guard/git.js';
import { list, num, str, type OptionSpec, type OptionValues } from './options.js';
import { EXIT, type CommandContext, type CommandResult } from './types.js';

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

type FleetValues = OptionValues<(typeof FLEET_WRITE_OPTIONS)[number]['name'] | 'report-dir' | 'environment'>;

export interface FleetCommand {
  name: string;
  kind: ReportKind;
  /** The command on one database. */
  single: (values: OptionValues, context: CommandContext) => Promise<CommandResult>;
  /** Option values every target gets instead of the fleet's (e.g. no per-target drift issue). */
  perTarget?: OptionValues;
}

export const isFleetRun = (values: OptionValues): boolean => Boolean(str(values as FleetValues, 'targets'));

/** Names of the migrations a single-database result says it applied. */
function appliedOf(result: CommandResult): string[] {
  const fromOutput = result.outputs?.applied;
  if (typeof fromOutput === 'string') return fromOutput.split('\n').filter(Boolean);
  const data = result.report.data as { applied?: Array<{ name?: string }>; dryRun?: boolean } | undefined;
  return data && !data.dryRun && Array.isArray(data.applied) ? data.applied.flatMap((m) => (m.name ? [m.name] : [])) : [];
}

export interface FleetRun extends CommandResult {
  targets: ResolvedTarget[];
}

export async function runFleet(command: FleetCommand, allValues: OptionValues, context: CommandContext): Promise<FleetRun> {
  const values = allValues as FleetValues;
  const env = context.env ?? process.env;
  const file = path.resolve(context.cwd, str(values, 'targets')!);
  const targetsFile = readTargetsFile(file);
  const only = list(values, 'only');
  let selected = selectGroups(targetsFile, list(values, 'group'));
  if (only.length) {
    const unknown = only.filter((name) => !selected.some((t) => t.name === name));
    if (unknown.length) {
      throw new MigrateActionsError('E_FLEET_TARGETS', `Not a target of ${path.basename(file)}: ${unknown.join(', ')}.`, {
        remedy: 'Give only names listed in the targets file.',
        where: { file },
      });
    }
    selected = selected.filter((t) => only.includes(t.name));
  }
  // Every URL is resolved (and registered as a secret) before any target is connected to.
  const targets = resolveTargets(selected, file, env);
  // A directUrl = env("…") of schema.prisma would send every target to that one database.
  const directEnv = directUrlEnvFromSchema(path.join(context.cwd, 'prisma', 'schema.prisma'));
  const targetEnv = { ...env };
  if (directEnv) delete targetEnv[directEnv];
  const reportDir = path.resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions');
  const startedAt = new Date().toISOString();
  const concurrency = num(values, 'concurrency') ?? 4;
  const maxFailures = num(values, 'max-failures') ?? Number.POSITIVE_INFINITY;
  const replayCache = context.replayCache ?? new Map();
  const shown = (target: ResolvedTarget, text: string): string =>
    redact(text.split(target.connection.maskedUrl).join(`target ${target.name}`));
  context.log(`${command.name} on ${targets.length} targets of ${path.relative(context.cwd, file)}, ${concurrency} at a time.`);

  const step = async (target: ResolvedTarget): Promise<StepOutcome> => {
    context.log(`[${target.name}] starting (${target.wave === 'canary' ? 'canary' : `wave ${target.wave}`})`);
    const result = await command.single(
      {
        ...allValues,
        ...command.perTarget,
        'database-url': target.databaseUrl,
        'direct-database-url': undefined,
        targets: undefined,
        'report-dir': path.join(reportDir, 'targets', target.name),
      },
      { ...context, env: targetEnv, replayCache, log: (line) => context.log(`[${target.name}] ${shown(target, line)}`) },
    );
    const error = result.report.findings.find((f) => f.severity === 'error');
    const ok = result.exitCode === EXIT.ok;
    return {
      ok,
      applied: appliedOf(result),
      summary: shown(target, result.report.summary),
      outputs: result.outputs,
      error: !ok && error ? { code: error.ruleId ?? error.title, message: shown(target, error.message) } : undefined,
    };
  };
  const pool = await runPool(
    targets,
    async (target) => {
      try {
        return await step(target);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return {
          ok: false,
          applied: [],
          error: { code: typeof code === 'string' ? code : 'E_UNEXPECTED', message: shown(target, (error as Error).message) },
        };
      }
    },
    { concurrency, maxFailures },
  );
  const relative = path.relative(context.cwd, file) || file;
  const report = fleetReport(
    pool,
    { command: command.name, kind: command.kind, file: relative, concurrency, maxFailures },
    `${command.name} on the fleet in ${relative}`,
  );
  const gh = context.github;
  const audit = writeFleetAudit(
    fleetAuditDir(reportDir, { command: command.name, startedAt }),
    {
      command: command.name,
      file: relative,
      environment: str(values, 'environment'),
      commit: gh?.sha ?? headCommit(context.cwd),
      runUrl: gh?.runUrl,
      actor: gh?.actor ?? env.USER,
      startedAt,
    },
    pool.targets,
  );
  report.outputs = { ...report.outputs, 'audit-json': audit.run };
  (report.data as Record<string, unknown>).audit = audit;
  const failed = pool.targets.some((t) => t.result === 'failed');
  return { report, exitCode: failed ? EXIT.failed : EXIT.ok, outputs: report.outputs, targets };
}
