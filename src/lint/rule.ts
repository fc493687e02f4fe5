/**
 * What a lint rule is: its catalogue entry (id, title, severity, lock, the safe way, examples)
 * and the shape of the detectors that raise it. Each family file under rules/ holds its rules'
 * entries next to their detectors; rules/index.ts assembles the catalogue.
 */
import type { AlterTableCmd, AlterTableType } from 'libpg-query';
import type { Severity } from '../report/model.js';
import type { SqlStatement } from '../sql/parser.js';
import type { SchemaContext } from './context.js';
import type { NodeKind, NodeOf } from './nodes.js';
import type { RuleId } from './rules/index.js';
import type { DirectiveScan } from '../migrations/batch/directive.js';
import type { Engine, TableStats } from './types.js';

export interface RuleExample {
  /** SQL already deployed (the "existing" history) that the migrations act on. */
  existing?: string;
  /** Migrations that raise the rule (the tests check each; the rule page shows them). */
  bad: string[];
  /** Ways to write the change that do not raise it; the first is the safe way. */
  good: string[];
  /** The engine the examples assume (default builtin). */
  engine?: Engine;
}

/** 'existing': only raised on objects that existed before the change set. 'any': raised regardless. */
export type RuleScope = 'existing' | 'any';

export interface RuleMeta<Id extends string = RuleId> {
  id: Id;
  /** What the finding is about, in a few words: the heading of findings and of the rule's page. */
  title: string;
  severity: Severity;
  scope: RuleScope;
  /** Severity follows the table's size when a database is given. */
  scalable: boolean;
  /** Raised only with a database (or as an "unverified" notice without one). */
  needsData?: boolean;
  lock?: string;
  flags: string;
  blocks: string;
  safe: string;
  prisma: string;
  example: RuleExample;
}

type RuleSpec<Id extends string> = Omit<RuleMeta<Id>, 'scalable' | 'scope'> & { scalable?: boolean; scope?: RuleScope };

/** A catalogue entry; lock rules scale with table size and, like most, look at existing objects only. */
export function rule<const Id extends string>(spec: RuleSpec<Id>): RuleMeta<Id> {
  return { scope: 'existing', scalable: spec.id.startsWith('lock/'), ...spec };
}

export const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
export const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
export const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
export const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';

export type DataCheck =
  | { kind: 'unique'; table: string; columns: string[]; nullsNotDistinct: boolean }
  | { kind: 'not-null'; table: string; column: string }
  | { kind: 'has-rows'; table: string; column: string }
  | { kind: 'check'; table: string; expression: string }
  | { kind: 'fk'; table: string; columns: string[]; refTable: string; refColumns: string[]; refIsNew: boolean }
  | { kind: 'unverifiable'; table: string; ruleId: RuleId; why: string };

export interface Candidate {
  ruleId: RuleId;
  statement: SqlStatement;
  message: string;
  /** Tables whose lock or data the finding is about (schema-qualified keys). */
  tables: string[];
  replacement?: string;
  /** A replacement that depends on the sizes of `tables` (read when a database is given). */
  replacementFor?: (stats: TableStats[]) => string;
  dataCheck?: DataCheck;
}

export interface StatementEnv {
  ctx: SchemaContext;
  /** The whole file (node locations are offsets into it). */
  sql: string;
  isAscii: boolean;
  serverMajor: number;
  engine: Engine;
}

export type Emit = (candidate: Omit<Candidate, 'statement'>) => void;

/** A detector for one statement type, given that statement's fields. */
export type StatementDetector<K extends NodeKind> = (node: NodeOf<K>, env: StatementEnv, emit: Emit, statement: SqlStatement) => void;
export type StatementDetectors = { [K in NodeKind]?: StatementDetector<K> };

export interface AlterArgs {
  cmd: AlterTableCmd;
  /** The altered table's key. */
  table: string;
  env: StatementEnv;
  emit: Emit;
  statement: SqlStatement;
  /** The statement has only this one subcommand (a mechanical replacement is safe). */
  single: boolean;
}

/** Detectors for ALTER TABLE subcommands. */
export type AlterDetectors = { [S in AlterTableType]?: (args: AlterArgs) => void };

/** Detectors that need the whole file: transaction semantics, lock timeouts, backfills. */
export interface MigrationView {
  statements: SqlStatement[];
  /** Candidates of each statement, in order. */
  perStatement: Candidate[][];
  /** The table each statement writes to or alters, when it existed before the change set. */
  existingTargets: Array<string | undefined>;
  engine: Engine;
  /** Batch directives found in the file, and their mistakes. */
  directives: DirectiveScan;
  /** The catalogue, for the lock each candidate's rule takes. */
  rules: ReadonlyMap<RuleId, RuleMeta>;
}

export interface RuleFamily {
  rules: readonly RuleMeta[];
  statements?: StatementDetectors;
  /** Run for subcommands on tables that existed before the change set. */
  alterTable?: AlterDetectors;
  /** Run for subcommands on every table, also on new ones. */
  alterAnyTable?: AlterDetectors;
  migration?: (view: MigrationView) => Candidate[];
}
