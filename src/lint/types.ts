/**
 * The linter's data model: what goes in (migrations, history, engine, config, database) and
 * what comes out (findings with positions, locks, blocked tables and fixes; silenced findings).
 */
import type { ConnectionSettings } from '../postgres/url.js';
import type { Severity } from '../report/model.js';
import type { RuleId } from './rules/index.js';
import type { Engine } from '../migrations/engine.js';

export type { Severity } from '../report/model.js';
export type { RuleId } from './rules/index.js';
export type { Engine };

export interface LintSource {
  /** Migration name (the folder name for Prisma-style histories). */
  name: string;
  /** Path of the SQL file, as reported in findings. */
  path: string;
  sql: string;
}

export interface SizeThresholds {
  /** At or below both: a lock on the table is a notice. */
  smallRows: number;
  smallBytes: number;
  /** At or above either: a lock on the table is an error. */
  largeRows: number;
  largeBytes: number;
}

export interface LintConfig {
  /** Severity per rule id, or 'off' to disable the rule. */
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
  thresholds?: Partial<SizeThresholds>;
  /** Statement timeout for the read-only database checks. */
  statementTimeoutMs?: number;
}

export interface LintInput {
  /** The new migrations (the change set), in the order they will run. */
  migrations: LintSource[];
  /** Already merged history: the objects it creates are "existing". */
  existing?: LintSource[];
  /** Who applies the migrations; decides the transaction rules. Default 'builtin'. */
  engine?: Engine;
  /** Major version of the target server (ADD VALUE, volatile defaults and NOT NULL rules depend on it). */
  serverMajor?: number;
  config?: LintConfig;
  /** Read-only context: table sizes and data checks. Never written to. */
  database?: ConnectionSettings;
  /**
   * 'all' (default): every migration in `migrations` is part of one change set, so objects any of
   * them creates are new. 'each': each migration is deployed on its own (linting a whole history),
   * so objects created by an earlier migration are existing for the later ones.
   */
  changeSet?: 'all' | 'each';
  /** Schema for unqualified names (default: the database's ?schema=, else public). */
  defaultSchema?: string;
  log?: (line: string) => void;
}

export interface Finding {
  ruleId: RuleId;
  /** The rule's title: what the finding is about, in a few words. */
  title: string;
  severity: Severity;
  migration: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** The statement's source text. */
  statement: string;
  /** The lock the statement takes (PostgreSQL lock mode name), if the rule is about a lock. */
  lock?: string;
  /** Tables the lock blocks (schema-qualified). */
  blockedTables: string[];
  message: string;
  /** What to do instead, in prose. */
  fix: string;
  /** SQL replacing the statement, when the fix is mechanical. */
  replacement?: string;
  /** Why the severity differs from the rule's default (table size, configuration). */
  severityReason?: string;
}

export interface SilencedFinding extends Finding {
  reason: string;
}

export interface TableStats {
  table: string;
  rows: number | null;
  bytes: number;
}

export interface LintResult {
  findings: Finding[];
  silenced: SilencedFinding[];
  /** Counts of remaining findings per severity. */
  summary: Record<Severity, number>;
  migrationsLinted: number;
  statementsLinted: number;
  engine: Engine;
  /** Sizes read from the database, when one was given. */
  tableStats: TableStats[];
}
