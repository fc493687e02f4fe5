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
import { readTargetsFile, resolveTargets, selectGroups, type ResolvedTarget } from '../fleet/targets.js';
import { runPool, type StepOutcome } from '../fleet/pool.js';
import { fleetReport } from '../fleet/report.js';
import { fleetAuditDir, writeFleetAudit } from '../fleet/audit.js';
import { headCommit } from '../guard/git.js';
import { list, num, str, type OptionValues } from './options.js';
import type { FleetCommand, FleetValues } from './fleet-options.js';
import { EXIT, type CommandContext, type CommandResult } from './types.js';

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

export async function runFleetTargets(command: FleetCommand, allValues: OptionValues, context: CommandContext): Promise<FleetRun> {
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
