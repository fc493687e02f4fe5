/**
 * lintMigrations: walks the history (existing objects) and then the change set statement by
 * statement, collects candidate findings, runs the read-only database checks when a database
 * is given, then applies severities (default, table size, configuration) and silencing.
 */
import { loadParser, splitStatements, SqlParseError, type SqlStatement } from '../sql/parser.js';
import { redact, redactDeep } from '../postgres/redact.js';
import type { Severity } from '../report/model.js';
import { DEFAULT_THRESHOLDS } from './config.js';
import { SchemaContext } from './context.js';
import type { DatabaseSession } from './database.js';
import { analyzeMigration, analyzeStatement } from './detect.js';
import type { Candidate, DataCheck } from './rule.js';
import { isRuleId, ruleOrder, ruleOrThrow, RULES_BY_ID, type RuleId } from './rules/index.js';
import { ignoreFindings } from './rules/meta.js';
import { longIdentifiers } from './rules/naming.js';
import { parseIgnoreComments, type IgnoreComment } from './suppress.js';
import { scanBatchDirectives } from '../migrations/batch/directive.js';
import { timeSlicer } from '../util/time-slice.js';
import type { Finding, LintInput, LintResult, LintSource, SilencedFinding, SizeThresholds, TableStats } from './types.js';

/** A finding before severity and silencing are decided. */
export interface RawFinding {
  ruleId: RuleId;
  source: LintSource;
  line: number;
  column: number;
  endLine: number;
  statement: string;
  statementIndex?: number;
  message: string;
  tables: string[];
  replacement?: string;
  replacementFor?: Candidate['replacementFor'];
  dataCheck?: DataCheck;
  severity?: Severity;
  severityReason?: string;
}

interface FileState {
  source: LintSource;
  ignores: IgnoreComment[];
}

const DEFAULT_SERVER_MAJOR = 16;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

export function fromCandidate(candidate: Candidate, source: LintSource): RawFinding {
  const { statement } = candidate;
  return {
    ruleId: candidate.ruleId,
    source,
    line: statement.line,
    column: statement.column,
    endLine: statement.endLine,
    statement: statement.text,
    statementIndex: statement.index,
    message: candidate.message,
    tables: candidate.tables.filter(Boolean),
    replacement: candidate.replacement,
    replacementFor: candidate.replacementFor,
    dataCheck: candidate.dataCheck,
  };
}

function parseOrFinding(source: LintSource, serverMajor: number): { statements: SqlStatement[]; error?: RawFinding } {
  try {
    return { statements: splitStatements(source.sql, { file: source.path, migration: source.name, serverMajor }) };
  } catch (error) {
    if (!(error instanceof SqlParseError)) throw error;
    const line = error.where?.line ?? 1;
    const lineText = source.sql.split('\n')[line - 1] ?? '';
    return {
      statements: [],
      error: {
        ruleId: 'lint/syntax-error',
        source,
        line,
        column: error.where?.column ?? 1,
        endLine: line,
        statement: lineText.trim(),
        message: error.message,
        tables: [],
      },
    };
  }
}

async function replayHistory(ctx: SchemaContext, history: LintSource[], serverMajor: number): Promise<void> {
  ctx.recordingNew = false;
  // In a pull request check this runs beside the history being applied: it leaves that room.
  const slicer = timeSlicer();
  for (const source of history) {
    await slicer.pause();
    for (const statement of parseOrFinding(source, serverMajor).statements) ctx.apply(statement);
  }
  ctx.recordingNew = true;
}

function lintFile(
  source: LintSource,
  ctx: SchemaContext,
  input: LintInput,
  serverMajor: number,
): { raws: RawFinding[]; file: FileState; statements: number } {
  const { statements, error } = parseOrFinding(source, serverMajor);
  const ignores = parseIgnoreComments(source.sql, statements);
  const raws: RawFinding[] = error ? [error] : [];
  raws.push(...ignoreFindings(source, ignores, isRuleId));
  const engine = input.engine ?? 'builtin';
  const env = { ctx, sql: source.sql, isAscii: Buffer.byteLength(source.sql) === source.sql.length, serverMajor, engine };
  const perStatement: Candidate[][] = [];
  const existingTargets: Array<string | undefined> = [];
  for (const statement of statements) {
    existingTargets.push(existingTarget(statement, ctx));
    perStatement.push(analyzeStatement(statement, env));
    ctx.apply(statement);
  }
  const directives = scanBatchDirectives(source.sql, statements, { file: source.path, migration: source.name });
  const candidates = [
    ...perStatement.flat(),
    ...analyzeMigration({ statements, perStatement, existingTargets, engine, directives, rules: RULES_BY_ID }),
  ];
  raws.push(...candidates.map((c) => fromCandidate(c, source)));
  raws.push(...longIdentifiers(source, statements));
  return { raws, file: { source, ignores }, statements: statements.length };
}

/** The table the statement writes to or alters, when it existed before the change set. */
function existingTarget(statement: SqlStatement, ctx: SchemaContext): string | undefined {
  const relation = statement.node.relation as Parameters<SchemaContext['key']>[0];
  if (!relation) return undefined;
  const table = ctx.key(relation);
  return ctx.isNewTable(table) ? undefined : table;
}

const DATA_CHECK_NOT_RUN = 'no database was given; pass --database-url to check the data read-only';

async function resolveDataChecks(raws: RawFinding[], db: DatabaseSession | undefined, ctx: SchemaContext): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  for (const raw of raws) {
    if (!raw.ruleId.startsWith('data/')) {
      out.push(raw);
      continue;
    }
    const check = raw.dataCheck;
    if (!check) continue;
    if (!db || check.kind === 'unverifiable') {
      const why = check.kind === 'unverifiable' ? check.why : DATA_CHECK_NOT_RUN;
      out.push({ ...raw, severity: 'notice', severityReason: `not verified: ${why}`, message: `${raw.message} Not verified: ${why}.` });
      continue;
    }
    const outcome = await db.run(check);
    if (outcome.status === 'clean') continue;
    if (outcome.status === 'failed') {
      out.push({
        ...raw,
        severity: 'notice',
        severityReason: 'data check failed',
        message: `${raw.message} (could not check: ${outcome.detail})`,
      });
    } else if (ctx.dmlTouched.has(check.table)) {
      out.push({
        ...raw,
        severity: 'warning',
        severityReason: 'an earlier statement of the change set writes this table',
        message: `${raw.message} The database shows: ${outcome.detail}; a data change earlier in the change set may fix this.`,
      });
    } else {
      out.push({ ...raw, message: `${raw.message} The database shows: ${outcome.detail}.` });
    }
  }
  return out;
}

function sizeSeverity(stats: TableStats[], t: SizeThresholds): { severity: Severity; reason: string } | undefined {
  if (!stats.length) return undefined;
  const describe = (s: TableStats) => `${s.table}: ${s.rows ?? 'unknown'} rows (estimate), ${Math.round(s.bytes / 1024)} kB`;
  const reason = stats.map(describe).join('; ');
  if (stats.some((s) => (s.rows ?? 0) >= t.largeRows || s.bytes >= t.largeBytes))
    return { severity: 'error', reason: `large table (${reason})` };
  if (stats.every((s) => (s.rows ?? 0) <= t.smallRows && s.bytes <= t.smallBytes))
    return { severity: 'notice', reason: `small table (${reason})` };
  return { severity: 'warning', reason: `medium table (${reason})` };
}

function finalize(raw: RawFinding, input: LintInput, stats: Map<string, TableStats>, thresholds: SizeThresholds): Finding | undefined {
  const rule = ruleOrThrow(raw.ruleId);
  const configured = input.config?.rules?.[rule.id];
  if (configured === 'off') return undefined;
  let severity = raw.severity ?? rule.severity;
  let severityReason = raw.severityReason;
  if (configured) {
    severity = configured;
    severityReason = 'set by the lint configuration';
  } else if (rule.scalable && !raw.severity) {
    const scaled = sizeSeverity(
      raw.tables.map((t) => stats.get(t)).filter((s): s is TableStats => !!s),
      thresholds,
    );
    if (scaled) ({ severity, reason: severityReason } = scaled);
  }
  return {
    ruleId: rule.id,
    title: rule.title,
    severity,
    migration: raw.source.name,
    file: raw.source.path,
    line: raw.line,
    column: raw.column,
    endLine: raw.endLine,
    statement: raw.statement,
    lock: rule.lock,
    blockedTables: rule.lock ? [...new Set(raw.tables)] : [],
    message: raw.message,
    fix: rule.safe,
    replacement: raw.replacementFor?.(raw.tables.map((t) => stats.get(t)).filter((s): s is TableStats => !!s)) ?? raw.replacement,
    severityReason,
  };
}

function silencedBy(raw: RawFinding, files: Map<LintSource, FileState>): IgnoreComment | undefined {
  if (raw.statementIndex === undefined) return undefined;
  return files.get(raw.source)?.ignores.find((c) => c.reason && c.statementIndex === raw.statementIndex && c.rules.includes(raw.ruleId));
}

/** Lints the change set; see LintInput for the context it takes into account. */
export async function lintMigrations(input: LintInput): Promise<LintResult> {
  await loadParser();
  const serverMajor = input.serverMajor ?? DEFAULT_SERVER_MAJOR;
  const ctx = new SchemaContext(input.defaultSchema ?? input.database?.schema ?? 'public');
  await replayHistory(ctx, input.existing ?? [], serverMajor);
  let raws: RawFinding[] = [];
  const files = new Map<LintSource, FileState>();
  let statementsLinted = 0;
  const slicer = timeSlicer();
  for (const source of input.migrations) {
    await slicer.pause();
    const linted = lintFile(source, ctx, input, serverMajor);
    raws.push(...linted.raws);
    files.set(source, linted.file);
    statementsLinted += linted.statements;
    if (input.changeSet === 'each') ctx.promoteAll();
  }
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.config?.thresholds };
  // The driver is loaded only when there is a database to ask.
  const db = input.database
    ? await (await import('./database.js')).openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
    : undefined;
  let tableStats: TableStats[] = [];
  try {
    raws = await resolveDataChecks(raws, db, ctx);
    if (db) {
      input.log?.(`lint: reading sizes of ${new Set(raws.flatMap((r) => r.tables)).size} tables (read-only)`);
      tableStats = await db.tableStats([...new Set(raws.flatMap((r) => r.tables))]);
    }
  } finally {
    await db?.close();
  }
  const stats = new Map(tableStats.map((s) => [s.table, s]));
  const result: LintResult = {
    findings: [],
    silenced: [],
    summary: { error: 0, warning: 0, notice: 0 },
    migrationsLinted: input.migrations.length,
    statementsLinted,
    engine: input.engine ?? 'builtin',
    tableStats,
  };
  const order = new Map(input.migrations.map((m, i) => [m, i]));
  raws.sort(
    (a, b) =>
      (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      ruleOrder(a.ruleId) - ruleOrder(b.ruleId),
  );
  for (const raw of raws) {
    const finding = finalize(raw, input, stats, thresholds);
    if (!finding) continue;
    const ignore = silencedBy(raw, files);
    if (ignore) result.silenced.push({ ...finding, reason: redact(ignore.reason ?? '') } satisfies SilencedFinding);
    else {
      result.findings.push(finding);
      result.summary[finding.severity]++;
    }
  }
  return redactDeep(result);
}
