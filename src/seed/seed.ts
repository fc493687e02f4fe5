/**
 * Fills every table of a schema with generated rows — the "upgrade path with data" check runs
 * the new migrations over them, which catches what an empty database hides (NOT NULL without a
 * default, casts that fail on real values, unique indexes over duplicates).
 *
 * Rows respect column types, NOT NULL, unique keys, simple CHECK constraints and foreign keys
 * (parents first, existing parent keys chosen). Columns with defaults, identity and generated
 * columns are left to the database. Rows go in as parameters in multi-row INSERTs; a rejected
 * batch is retried row by row with other values. Runs in autocommit mode: call it outside a
 * transaction. A table it cannot fill is reported with the reason, not thrown.
 */
import fs from 'node:fs';
import type pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { qualify, quoteIdent } from '../postgres/sql.js';
import { countTableRows } from '../postgres/row-counts.js';
import { loadParser, positionOf, splitStatements, type SqlStatement } from '../sql/parser.js';
import { readSeedTables, type SeedColumn, type SeedForeignKey, type SeedTable } from './catalog.js';
import { applyCheck, columnComparisons, type ColumnComparison, type ColumnDomain } from './checks.js';
import { isNullable, isSelfReference, planTableOrder, type TablePlan } from './order.js';
import { generateValue, hashText, seededRandom, UnsupportedTypeError } from './values.js';

export interface SeedOptions {
  /** The schema to fill (Prisma's `?schema=`, usually `public`). */
  schema: string;
  /** Rows to add to each table (`seed-rows`); default 50. */
  rowsPerTable?: number;
  /** A user SQL file to run as well as (or instead of) the generated rows. */
  seedSqlFile?: string;
  /** When the file runs: after the generated rows (default), before them, or instead of them. */
  seedSqlPhase?: 'before' | 'after' | 'instead';
  /** Makes the generated values reproducible; default 1. */
  randomSeed?: number;
  log?: (line: string) => void;
}

export interface SeedTableResult {
  table: string;
  /** Rows this run added (with `instead`: rows the table holds after the seed file). */
  rows: number;
  /** Why the table got no rows. */
  skipped?: string;
  /** Why it got fewer rows than asked. */
  note?: string;
}

export interface SeedResult {
  tables: SeedTableResult[];
  totalRows: number;
}

const DEFAULT_ROWS = 50;
const MAX_ATTEMPTS = 8;
const MAX_FAILED_ROWS = 3;
const MAX_PARAMETERS = 60_000;
const MAX_BATCH_ROWS = 1000;
const PARENT_KEY_SAMPLE = 1000;
const NULL_SHARE = 0.15;
const BOOKKEEPING_TABLES = ['_prisma_migrations'];

export async function seedDatabase(client: pg.Client, options: SeedOptions): Promise<SeedResult> {
  const phase = options.seedSqlPhase ?? 'after';
  const rowsPerTable = options.rowsPerTable ?? DEFAULT_ROWS;
  if (!Number.isInteger(rowsPerTable) || rowsPerTable < 0) {
    throw new MigrateActionsError('E_SEED_ROWS', `seed-rows must be a whole number of 0 or more, got ${rowsPerTable}.`, {
      remedy: 'Set seed-rows to a number such as 50.',
    });
  }
  if (options.seedSqlFile && phase !== 'after') await runSeedSql(client, options.seedSqlFile, options.log);
  const tables = await readSeedTables(client, options.schema, BOOKKEEPING_TABLES);
  const counts = await countRows(client, tables);
  const results: SeedTableResult[] = [];
  if (options.seedSqlFile && phase === 'instead') {
    for (const table of tables) results.push({ table: table.name, rows: counts.get(table)! });
  } else {
    for (const plan of planTableOrder(tables)) {
      const result = await seedTable(client, plan, counts.get(plan.table)!, rowsPerTable, options.randomSeed ?? 1);
      options.log?.(
        result.skipped
          ? `seed: ${result.table} skipped: ${result.skipped}`
          : `seed: ${result.table} +${result.rows} rows${result.note ? ` (${result.note})` : ''}`,
      );
      results.push(result);
    }
  }
  if (options.seedSqlFile && phase === 'after') await runSeedSql(client, options.seedSqlFile, options.log);
  return { tables: results, totalRows: results.reduce((sum, t) => sum + t.rows, 0) };
}

/**
 * Runs the user's seed file statement by statement in one transaction (all or nothing), so a
 * failure names the statement's line even when PostgreSQL gives no position.
 */
async function runSeedSql(client: pg.Client, file: string, log?: (line: string) => void): Promise<void> {
  let sql: string;
  try {
    sql = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MigrateActionsError('E_SEED_FILE', `Cannot read the seed SQL file ${file}: ${(error as Error).message}`, {
      remedy: 'Check the seed SQL path (relative to the working directory) and that the file is committed.',
      where: { file },
    });
  }
  await loadParser();
  const statements = splitStatements(sql, { file });
  const transactional = statements.every((s) => s.transactional);
  if (transactional) await client.query('BEGIN');
  for (const statement of statements) {
    try {
      await client.query(statement.text);
    } catch (error) {
      if (transactional) await client.query('ROLLBACK');
      throw seedSqlError(error, file, sql, statement);
    }
  }
  if (transactional) await client.query('COMMIT');
  log?.(`seed: ran ${file} (${statements.length} statements)`);
}

function seedSqlError(error: unknown, file: string, sql: string, statement: SqlStatement): MigrateActionsError {
  const pgError = error as pg.DatabaseError;
  const position = Number(pgError.position);
  const spot = positionOf(sql, position > 0 ? statement.start + position - 1 : statement.start);
  return new MigrateActionsError(
    'E_SEED_SQL',
    `The seed SQL file failed: ${redact(pgError.message)}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}`,
    {
      remedy: 'Fix the statement at that position; the file runs in one transaction, so nothing from it was kept.',
      where: { file, ...spot },
      cause: error,
    },
  );
}

/** The rows each table holds (a partitioned table's: its partitions'). */
async function countRows(client: pg.Client, tables: SeedTable[]): Promise<Map<SeedTable, number>> {
  const counts = await countTableRows(client, tables, { only: false });
  return new Map(tables.map((table, i) => [table, counts[i]]));
}

/** A table that cannot be filled; the message becomes the reported reason. */
class SeedSkip extends Error {}

async function seedTable(client: pg.Client, plan: TablePlan, existing: number, rows: number, randomSeed: number): Promise<SeedTableResult> {
  const table = plan.table.name;
  if (plan.blocked) return { table, rows: 0, skipped: plan.blocked };
  try {
    const seeder = await TableSeeder.prepare(client, plan, existing, randomSeed);
    return { table, ...(await seeder.fill(rows)) };
  } catch (error) {
    if (error instanceof SeedSkip) return { table, rows: 0, skipped: error.message };
    throw error;
  }
}

interface ColumnPlan {
  column: SeedColumn;
  domain: ColumnDomain;
  distinct: boolean;
  /** Always NULL (a nullable column whose type or CHECK admits no generated value). */
  alwaysNull: boolean;
}

interface ForeignKeySource {
  fk: SeedForeignKey;
  /** Indexes into the written columns, in the key's order. */
  slots: number[];
  /** Parent key tuples as text; undefined = leave NULL; 'self' = copy from the same row. */
  keys?: string[][] | 'self';
  selfSlots?: number[];
  /** The key covers a unique key: give each row another parent. */
  oneToOne: boolean;
}

/** A two-column CHECK (`period_end >= period_start`) as indexes into the written columns. */
interface SlotComparison {
  left: number;
  op: ColumnComparison['op'];
  right: number;
}

interface GeneratedRow {
  index: number;
  attempt: number;
  values: unknown[];
}

class TableSeeder {
  private readonly seen: Set<string>[];
  private lastError = '';

  private constructor(
    private readonly client: pg.Client,
    private readonly table: SeedTable,
    private readonly columns: ColumnPlan[],
    private readonly uniqueSlots: number[][],
    private readonly sources: ForeignKeySource[],
    private readonly comparisons: SlotComparison[],
    private readonly firstRow: number,
    private readonly rng: () => number,
  ) {
    this.seen = uniqueSlots.map(() => new Set());
  }

  /** `existing`: the rows the table held before the seed, so generated unique values follow them. */
  static async prepare(client: pg.Client, plan: TablePlan, existing: number, randomSeed: number): Promise<TableSeeder> {
    const { table } = plan;
    rejectImpossibleChecks(table);
    const unique = table.uniqueKeys.map((key) => new Set(key));
    const written = table.columns.filter((c) => needsValue(c, unique));
    const uniqueSlots = table.uniqueKeys
      .filter((key) => key.every((name) => written.some((c) => c.name === name)))
      .map((key) => key.map((name) => written.findIndex((c) => c.name === name)));
    const distinct = new Set(uniqueSlots.flat());
    const columns = written.map((column, i) => planColumn(table, column, distinct.has(i)));
    const sources: ForeignKeySource[] = [];
    for (const fk of table.foreignKeys) {
      const source = await foreignKeySource(client, plan, fk, written, uniqueSlots);
      if (source) sources.push(source);
    }
    const slot = (name: string) => written.findIndex((c) => c.name === name);
    const comparisons = table.checks
      .filter((check) => check.columns.length === 2)
      .flatMap((check) => columnComparisons(check.definition))
      .map(({ left, op, right }) => ({ left: slot(left), op, right: slot(right) }))
      .filter((c) => c.left >= 0 && c.right >= 0);
    const rng = seededRandom(hashText(`${table.schema}.${table.name}`) ^ randomSeed);
    return new TableSeeder(client, table, columns, uniqueSlots, sources, comparisons, existing, rng);
  }

  async fill(count: number): Promise<{ rows: number; note?: string }> {
    const generated: GeneratedRow[] = [];
    for (let i = 0; i < count; i++) {
      const row = this.uniqueRow(this.firstRow + i, 0);
      if (row) generated.push(row);
    }
    const batchSize = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, this.columns.length))));
    let inserted = 0;
    let failedRows = 0;
    for (let start = 0; start < generated.length; start += batchSize) {
      const batch = generated.slice(start, start + batchSize);
      if (await this.tryInsert(batch)) {
        inserted += batch.length;
        continue;
      }
      for (const row of batch) {
        if (await this.insertWithRetries(row)) inserted++;
        else if (++failedRows >= MAX_FAILED_ROWS && inserted === 0) break;
      }
      if (inserted === 0 && failedRows >= MAX_FAILED_ROWS) break;
    }
    const reason =
      this.lastError || (generated.length < count ? 'not enough distinct values for its unique keys and CHECK constraints' : '');
    if (inserted === 0 && count > 0) throw new SeedSkip(reason || 'no row could be generated');
    return inserted < count ? { rows: inserted, note: `${count - inserted} of ${count} rows not added: ${reason}` } : { rows: inserted };
  }

  private async insertWithRetries(first: GeneratedRow): Promise<boolean> {
    let row: GeneratedRow | undefined = first;
    for (let tries = 0; row && tries < MAX_ATTEMPTS; tries++) {
      if (await this.tryInsert([row])) return true;
      row = this.uniqueRow(row.index, row.attempt + 1);
    }
    return false;
  }

  private async tryInsert(rows: GeneratedRow[]): Promise<boolean> {
    try {
      await this.client.query(
        insertStatement(this.table, this.columns, rows.length),
        this.columns.length ? rows.flatMap((r) => r.values) : [rows.length],
      );
      return true;
    } catch (error) {
      const pgError = error as pg.DatabaseError;
      if (!pgError.code) throw error; // not PostgreSQL rejecting the data: a lost connection, a bug
      this.lastError = redact(pgError.message);
      return false;
    }
  }

  /** A row whose unique keys differ from every earlier row's, trying up to MAX_ATTEMPTS variants. */
  private uniqueRow(index: number, fromAttempt: number): GeneratedRow | undefined {
    for (let attempt = fromAttempt; attempt < fromAttempt + MAX_ATTEMPTS; attempt++) {
      const values = this.generateRow(index, attempt);
      const keys = this.uniqueSlots.map((slots) =>
        slots.some((s) => values[s] === null) ? undefined : JSON.stringify(slots.map((s) => values[s])),
      );
      if (keys.some((key, k) => key !== undefined && this.seen[k].has(key))) continue;
      keys.forEach((key, k) => key !== undefined && this.seen[k].add(key));
      return { index, attempt, values };
    }
    return undefined;
  }

  private generateRow(index: number, attempt: number): unknown[] {
    const values = this.columns.map((plan) => {
      if (plan.alwaysNull || (!plan.column.notNull && !plan.distinct && this.rng() < NULL_SHARE)) return null;
      return generateValue(plan.column, plan.domain, { row: index, attempt, rng: this.rng, distinct: plan.distinct });
    });
    for (const source of this.sources) this.assignParent(source, values, index + attempt);
    for (const comparison of this.comparisons) enforceOrder(values, comparison, this.columns);
    return values;
  }

  private assignParent(source: ForeignKeySource, values: unknown[], spread: number): void {
    const { keys, slots } = source;
    let tuple: unknown[];
    if (keys === undefined) tuple = slots.map(() => null);
    else if (keys === 'self') tuple = source.selfSlots!.map((s) => values[s]);
    else tuple = keys[source.oneToOne ? spread % keys.length : Math.floor(this.rng() * keys.length)];
    slots.forEach((slot, i) => (values[slot] = tuple[i]));
  }
}

/**
 * Makes `left op right` hold by moving a value that no unique key depends on: copy it across
 * for `>=`/`<=`, swap for `>`/`<`. Whatever still fails is retried when the database rejects it.
 */
function enforceOrder(values: unknown[], { left, op, right }: SlotComparison, columns: ColumnPlan[]): void {
  const [a, b] = [values[left], values[right]];
  if (a === null || b === null || holds(compareValues(a, b), op)) return;
  const [leftFree, rightFree] = [!columns[left].distinct, !columns[right].distinct];
  if (op === '>' || op === '<') {
    if (leftFree && rightFree) [values[left], values[right]] = [b, a];
  } else if (leftFree) values[left] = b;
  else if (rightFree) values[right] = a;
}

function compareValues(a: unknown, b: unknown): number {
  const [x, y] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0; // ISO dates and times sort as text
}

function holds(order: number, op: ColumnComparison['op']): boolean {
  return op === '>=' ? order >= 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order < 0;
}

/** A CHECK that can never pass (`CHECK (false)`) makes the table unfillable. */
function rejectImpossibleChecks(table: SeedTable): void {
  for (const check of table.checks) {
    if (check.columns.length === 0 && applyCheck({}, check.definition, '').impossible) {
      throw new SeedSkip(`check constraint "${check.name}" (${check.definition}) rejects every row`);
    }
  }
}

/** Columns the database fills itself are left out — unless a constant default would repeat in a unique key. */
function needsValue(column: SeedColumn, uniqueKeys: Set<string>[]): boolean {
  if (column.identity || column.generated) return false;
  if (!column.defaultExpr) return true;
  const constant = !/[(]|current_|localtime|\bnow\b/i.test(column.defaultExpr);
  return constant && uniqueKeys.some((key) => key.has(column.name));
}

function planColumn(table: SeedTable, column: SeedColumn, distinct: boolean): ColumnPlan {
  let domain: ColumnDomain = {};
  const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
  for (const definition of [...checks, ...column.domainChecks]) domain = applyCheck(domain, definition, column.name);
  let problem = domain.impossible ? 'its CHECK constraints admit no value' : undefined;
  if (!problem) {
    try {
      generateValue(column, domain, { row: 0, attempt: 0, rng: () => 0, distinct });
    } catch (error) {
      if (!(error instanceof UnsupportedTypeError)) throw error;
      problem = error.message;
    }
  }
  if (problem && column.notNull) throw new SeedSkip(`column "${column.name}" (${column.sqlType}) is NOT NULL and ${problem}`);
  return { column, domain, distinct, alwaysNull: problem !== undefined };
}

async function foreignKeySource(
  client: pg.Client,
  plan: TablePlan,
  fk: SeedForeignKey,
  written: SeedColumn[],
  uniqueSlots: number[][],
): Promise<ForeignKeySource | undefined> {
  const { table } = plan;
  const slots = fk.columns.map((name) => written.findIndex((c) => c.name === name));
  if (slots.includes(-1)) return undefined; // a column with a default: the database decides
  const oneToOne = uniqueSlots.some((key) => key.every((s) => slots.includes(s)));
  const source: ForeignKeySource = { fk, slots, oneToOne };
  if (plan.nullForeignKeys.has(fk.name)) return source;
  if (isSelfReference(table, fk)) return selfReference(table, fk, source, written);
  source.keys = await parentKeys(client, fk);
  if (source.keys.length > 0) return source;
  if (isNullable(table, fk)) return { ...source, keys: undefined };
  throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}

function selfReference(table: SeedTable, fk: SeedForeignKey, source: ForeignKeySource, written: SeedColumn[]): ForeignKeySource {
  if (isNullable(table, fk)) return source; // left NULL
  const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
  if (selfSlots.includes(-1)) throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
  return { ...source, keys: 'self', selfSlots };
}

/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client: pg.Client, fk: SeedForeignKey): Promise<string[][]> {
  const columns = fk.parentColumns.map(quoteIdent);
  const result = await client.query<string[]>({
    text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${qualify(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
    rowMode: 'array',
  });
  return result.rows;
}

/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table: SeedTable, columns: ColumnPlan[], rowCount: number): string {
  const target = qualify(table.schema, table.name);
  if (columns.length === 0) return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
  const tuples = Array.from(
    { length: rowCount },
    (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`,
  );
  return `INSERT INTO ${target} (${columns.map((c) => quoteIdent(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}
