/** drift-check: options → driftCheck → one Report (and the drift issue on a schedule). */
// The drift modules are imported when a command runs, so `--help` loads none of them.
import type { DriftResult } from '../drift/index.js';
import { reconcileScript } from '../catalog/reconcile.js';
import { parseDatabaseUrl, type ConnectionSettings } from '../postgres/url.js';
import path from 'node:path';
import { createReport, finishReport, addTable, addCodeBlock, type Check, type Report } from '../report/model.js';
import { renderMarkdown } from '../report/render.js';
import { formatDuration, plural } from '../report/format.js';
import type { DriftSummary } from '../deploy/pipeline.js';
import { resolveMigrationsDir } from '../prisma/config.js';
import { COMMON, bool, list, num, str, type OptionSpec, type ValuesOf } from './options.js';
import type { TargetResult } from '../fleet/pool.js';
import { driftEvent } from '../notify/events.js';
import { notifyOptions, webhookSettings } from './notify-options.js';
import { FLEET_READ_OPTIONS, isFleetRun, runFleet } from './fleet-options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

const OPTIONS = [
  COMMON.databaseUrl('The database to check (read-only session); a Prisma URL, ?schema= honoured.'),
  COMMON.migrationsDir(),
  {
    name: 'postgres-version',
    type: 'integer',
    min: 9,
    max: 99,
    description:
      "Major of the throwaway PostgreSQL the history is replayed into (default: the target's major, or the nearest available, with a notice).",
  },
  {
    name: 'replay-database-url',
    type: 'string',
    description: 'Replay into this server instead of a throwaway PostgreSQL (a scratch database is created and dropped there).',
  },
  {
    name: 'cache-dir',
    type: 'path',
    description:
      "Keep the expected schema (the replayed history) in this directory, keyed by the migrations' checksums and the PostgreSQL major: an unchanged history is read from it instead of replayed. An entry that fails its checksum is rebuilt.",
  },
  {
    name: 'ignore',
    type: 'list',
    description: 'Objects to ignore, one pattern per line or comma-separated (e.g. public.audit_*, *.tmp_*).',
  },
  { name: 'fail-on-drift', type: 'boolean', default: 'true', description: 'Fail (exit 1) when drift is found.' },
  { name: 'environment', type: 'string', description: 'Environment name, used for the drift issue title.' },
  {
    name: 'open-issue',
    type: 'boolean',
    default: 'false',
    description: 'Open, update and close one GitHub issue per environment (GitHub only; needs issues: write).',
  },
  COMMON.githubToken('the drift issue', 'issues: write'),
  ...notifyOptions('drift-found, when drift is found'),
  COMMON.reportDir(),
  ...FLEET_READ_OPTIONS,
] as const satisfies readonly OptionSpec[];

export function driftReport(result: DriftResult): Report {
  const report = createReport('drift-check', `Drift check of ${result.target.maskedUrl}`);
  const h = result.history;
  report.checks.push({
    name: 'Migration history',
    status: h.failed.length || h.edited.length || h.missingLocally.length ? 'fail' : h.pending.length ? 'warn' : 'pass',
    detail: `${h.replayed.length} applied, ${h.pending.length} pending (not drift), ${h.failed.length} failed, ${h.edited.length} edited after apply, ${h.missingLocally.length} applied but missing in the repository.`,
    items: [
      ...h.pending.map((n) => `pending: ${n}`),
      ...h.failed.map((f) => `failed: ${f.name} (started ${f.startedAt})`),
      ...h.edited.map(
        (e) => `edited after apply: ${e.name} (recorded ${e.recordedChecksum.slice(0, 12)}…, local ${e.localChecksum.slice(0, 12)}…)`,
      ),
      ...h.missingLocally.map((n) => `applied but not in the repository: ${n}`),
    ],
  });
  report.checks.push({
    name: 'Schema',
    status: result.differences.length ? 'fail' : 'pass',
    detail: `${plural(result.differences.length, 'object')} ${result.differences.length === 1 ? 'differs' : 'differ'} from what the history creates; ${result.ignored} ignored. ${result.expectedFrom === 'cache' ? 'Expected schema from the cache (replayed' : 'Replayed'} on PostgreSQL ${result.replay.serverMajor}${result.expectedFrom === 'cache' ? ')' : ''}.${result.replay.notice ? ` ${result.replay.notice}` : ''}`,
  });
  if (result.cache) report.checks.push(cacheCheck(result));
  if (result.differences.length) {
    addTable(report, {
      title: 'Drifted objects',
      columns: ['object', 'kind', 'change', 'detail'],
      rows: result.differences.map((d) => [d.identity, d.objectType, d.change, d.detail]),
    });
  }
  if (result.reconcile.length) {
    addCodeBlock(report, {
      title: 'SQL that makes the database match its history (review before running)',
      language: 'sql',
      code: reconcileScript(result.reconcile),
      collapsed: true,
    });
  }
  for (const notice of result.notices) report.checks.push({ name: 'Notice', status: 'skip', detail: notice });
  const t = result.timings;
  report.timings = {
    ...(result.expectedFrom === 'replay' ? { replay: t.replayMs } : {}),
    ...(t.cacheReadMs !== undefined ? { 'cache read': t.cacheReadMs } : {}),
    ...(t.cacheWriteMs !== undefined ? { 'cache write': t.cacheWriteMs } : {}),
    snapshot: t.snapshotMs,
    diff: t.diffMs,
  };
  report.data = result;
  return finishReport(report, {
    verdict: result.drift ? 'fail' : result.pendingCount ? 'warn' : 'pass',
    summary: result.drift
      ? `Drift: ${plural(result.driftCount, 'difference')} from the migration history.`
      : `No drift${result.pendingCount ? `; ${plural(result.pendingCount, 'migration')} pending` : ''}.`,
  });
}

/** Where the expected schema came from, and what the cache cost or saved. */
function cacheCheck(result: DriftResult): Check {
  const cache = result.cache!;
  const written = cache.writeMs !== undefined ? `, written to ${cache.file} in ${formatDuration(cache.writeMs)}` : '';
  const detail =
    cache.status === 'hit'
      ? `Read from ${cache.file} in ${formatDuration(cache.readMs)}${cache.builtReplayMs !== undefined ? ` (the replay it stands for took ${formatDuration(cache.builtReplayMs)}${cache.builtAt ? `, ${cache.builtAt}` : ''})` : ''}.`
      : cache.status === 'miss'
        ? `No entry for this history yet: replayed in ${formatDuration(result.timings.replayMs)}${written}.`
        : `The entry was not usable (see the notice): replayed in ${formatDuration(result.timings.replayMs)}${written}.`;
  return { name: 'Expected schema cache', status: cache.status === 'rebuilt' ? 'warn' : 'pass', detail };
}

export async function runDriftCheck(values: ValuesOf<typeof OPTIONS>, context: CommandContext): Promise<CommandResult> {
  if (isFleetRun(values)) return runFleetDriftCheck(values, context);
  const webhook = webhookSettings(values);
  const started = Date.now();
  const connection = parseDatabaseUrl(str(values, 'database-url'));
  const [{ driftCheck }, { targetNotices }] = await Promise.all([import('../drift/check.js'), import('../postgres/target.js')]);
  // The target check opens sessions of its own (the check's session is busy with the snapshot):
  // it runs while the history is read and replayed, not after.
  const noticing = targetNotices(connection);
  const result = await driftCheck({
    connection,
    migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
    replayMajor: num(values, 'postgres-version'),
    replayDatabaseUrl: str(values, 'replay-database-url'),
    ignore: list(values, 'ignore'),
    log: context.log,
    replayCache: context.replayCache,
    cacheDir: cacheDir(values, context),
  });
  const report = driftReport(result);
  // A standby shows the primary as of its replay point; a pooler changes nothing for reading.
  for (const notice of await noticing) report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
  const services = context.github?.services;
  if (bool(values, 'open-issue') && services) {
    const environment = str(values, 'environment') ?? result.target.maskedUrl;
    const issue = await services.syncDriftIssue(environment, result.drift, renderMarkdown(report));
    report.checks.push({
      name: 'Drift issue',
      status: 'pass',
      detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
    });
  }
  const gh = context.github;
  const { webhookCheck } = await import('../notify/notices.js');
  const notified = await webhookCheck(
    driftEvent(result, {
      environment: str(values, 'environment'),
      repository: gh?.repository,
      runUrl: gh?.runUrl,
      commit: gh?.sha,
      durationMs: Date.now() - started,
    }),
    webhook,
  );
  if (notified) report.checks.push(notified);
  const outputs = {
    drift: result.drift,
    'drift-count': result.driftCount,
    'pending-count': result.pendingCount,
    'expected-from': result.expectedFrom,
  };
  report.outputs = outputs;
  const failOnDrift = bool(values, 'fail-on-drift');
  return { report, exitCode: result.drift && failOnDrift ? EXIT.failed : EXIT.ok, outputs };
}

function cacheDir(values: ValuesOf<typeof OPTIONS>, context: CommandContext): string | undefined {
  const dir = str(values, 'cache-dir');
  return dir ? path.resolve(context.cwd, dir) : undefined;
}

/** drift-check --targets: every target checked (each history replayed once), one issue naming the drifted targets. */
async function runFleetDriftCheck(values: ValuesOf<typeof OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const run = await runFleet(
    { name: 'drift-check', kind: 'drift-check', single: runDriftCheck, perTarget: { 'open-issue': false, 'fail-on-drift': true } },
    values,
    context,
  );
  const targets = (run.report.data as { targets: TargetResult[] }).targets;
  const drifted = targets.filter((t) => t.outputs?.drift === true);
  const unchecked = targets.filter((t) => t.result === 'failed' && t.outputs?.drift !== true);
  addTable(run.report, {
    title: 'Drifted targets',
    columns: ['target', 'wave', 'differences'],
    rows: drifted.map((t) => [t.name, String(t.wave), String(t.outputs?.['drift-count'] ?? '')]),
  });
  const file = (run.report.data as { file: string }).file;
  run.report.summary = drifted.length
    ? `Drift on ${plural(drifted.length, 'target')} of ${targets.length}: ${drifted.map((t) => t.name).join(', ')}.`
    : `No drift on ${plural(targets.length - unchecked.length, 'target')} of ${file}.`;
  if (unchecked.length)
    run.report.summary += ` ${plural(unchecked.length, 'target')} could not be checked: ${unchecked.map((t) => t.name).join(', ')}.`;
  const services = context.github?.services;
  if (bool(values, 'open-issue') && services) {
    const environment = str(values, 'environment') ?? 'fleet';
    const issue = await services.syncDriftIssue(environment, drifted.length > 0, renderMarkdown(run.report));
    run.report.checks.push({
      name: 'Drift issue',
      status: 'pass',
      detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
    });
  }
  // A cache worth saving again as soon as one target's expected schema was replayed.
  const replayed = targets.some((t) => t.outputs?.['expected-from'] !== 'cache');
  const outputs = {
    ...run.outputs,
    drift: drifted.length > 0,
    'drift-count': drifted.length,
    'expected-from': replayed ? 'replay' : 'cache',
  };
  run.report.outputs = outputs;
  const failOnDrift = bool(values, 'fail-on-drift');
  return { report: run.report, outputs, exitCode: unchecked.length || (drifted.length && failOnDrift) ? EXIT.failed : EXIT.ok };
}

/** The deploy pipeline's view of drift. */
export async function driftSummary(
  connection: ConnectionSettings,
  migrationsDir: string,
  log: (line: string) => void,
): Promise<DriftSummary> {
  const { driftCheck } = await import('../drift/check.js');
  const result = await driftCheck({ connection, migrationsDir, log });
  return {
    drift: result.differences.length > 0,
    count: result.differences.length,
    lines: result.differences.map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`),
  };
}

export const driftCheckCommand: Command = {
  name: 'drift-check',
  summary: 'Compare a live database with what its migration history says it should be, object by object, read-only, with reconcile SQL.',
  options: OPTIONS,
  outputs: [
    { name: 'drift', description: 'true when the database differs from its history.' },
    { name: 'drift-count', description: 'Number of drifted objects.' },
    { name: 'pending-count', description: 'Migrations in the repository the database has not applied (not drift).' },
    {
      name: 'expected-from',
      description:
        'cache when the expected schema was read from cache-dir, replay when the history was replayed (then the cache directory holds a new entry worth saving).',
    },
    { name: 'report-json', description: 'Path of the JSON report.' },
  ],
  action: {
    id: 'drift-check',
    name: 'Prisma drift check',
    description:
      'Compares a live database with what its migration history says it should be, object by object, read-only, with the SQL that would reconcile them.',
    icon: 'search',
  },
  examples: [
    'prisma-migrate-actions drift-check --database-url "$STAGING_DATABASE_URL"',
    'prisma-migrate-actions drift-check --ignore "public.audit_*" --json',
    'prisma-migrate-actions drift-check --cache-dir .prisma-migrate-actions/drift-cache',
  ],
  run: runDriftCheck,
};
