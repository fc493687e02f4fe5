/**
 * reconcileSql: for each difference, the SQL that makes the database match its migration
 * history. Steps come out in an order that can run top to bottom: drops of dependent objects
 * first, then creates from containers to contents. What has no safe automatic fix (removing
 * an enum value, downgrading an extension, re-partitioning) becomes a manual step whose SQL is
 * a commented suggestion.
 */
import { qualify, quoteIdent, quoteLiteral } from '../postgres/sql.js';
import { identityOf, splitIdentity } from './identity.js';
import type {
  CatalogObject,
  CatalogSnapshot,
  ColumnObject,
  ConstraintObject,
  EnumObject,
  ExtensionObject,
  FunctionObject,
  GrantObject,
  IndexObject,
  ObjectType,
  PolicyObject,
  ReconcileStep,
  SchemaDiff,
  SchemaDifference,
  SequenceObject,
  TableObject,
  TriggerObject,
  ViewObject,
} from './types.js';

/** Execution order of steps; lower runs first. */
const PHASE = {
  dropPolicy: 10,
  dropTrigger: 11,
  dropView: 12,
  dropForeignKey: 13,
  dropConstraint: 14,
  dropIndex: 15,
  dropFunction: 16,
  dropColumn: 17,
  dropTable: 18,
  dropSequence: 19,
  dropEnum: 20,
  dropSchema: 21,
  dropExtension: 22,
  extension: 30,
  schema: 31,
  enum: 32,
  sequence: 33,
  table: 34,
  column: 35,
  function: 36,
  sequenceOwner: 37,
  constraint: 38,
  foreignKey: 39,
  index: 40,
  view: 41,
  viewIndex: 42,
  trigger: 43,
  policy: 44,
  tableFlags: 45,
  grant: 46,
} as const;

interface PhasedStep extends ReconcileStep {
  phase: number;
}

interface Context {
  expected: CatalogSnapshot;
  actual: CatalogSnapshot;
  steps: PhasedStep[];
  difference: SchemaDifference;
}

export function reconcileSql(diff: SchemaDiff, expected: CatalogSnapshot, actual: CatalogSnapshot): ReconcileStep[] {
  const steps: PhasedStep[] = [];
  for (const difference of diff.differences) {
    HANDLERS[difference.objectType]({ expected, actual, steps, difference });
  }
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.phase - b.step.phase || a.order - b.order)
    .map(({ step: { phase: _phase, ...step } }) => step);
}

/** The whole reconcile as one script (manual steps stay comments). */
export function reconcileScript(steps: ReconcileStep[]): string {
  return steps.map((s) => (s.note ? `-- ${s.note.replace(/\n/g, '\n-- ')}\n${s.sql}` : s.sql)).join('\n\n');
}

type Handler = (ctx: Context) => void;

function add(
  ctx: Context,
  phase: number,
  sql: string | string[],
  extra: { destructive?: boolean; manual?: boolean; note?: string } = {},
): void {
  const { objectType, identity, change } = ctx.difference;
  const text = Array.isArray(sql) ? sql.join('\n') : sql;
  ctx.steps.push({
    phase,
    objectType,
    identity,
    change,
    sql: text,
    destructive: !!extra.destructive,
    manual: !!extra.manual,
    ...(extra.note ? { note: extra.note } : {}),
  });
}

function manual(ctx: Context, phase: number, note: string, suggestion: string[] = []): void {
  const sql = suggestion.length ? suggestion.map((line) => `-- ${line}`).join('\n') : '-- (no automatic SQL)';
  add(ctx, phase, sql, { manual: true, note });
}

const exp = <T extends CatalogObject>(ctx: Context): T => ctx.difference.expected as T;
const act = <T extends CatalogObject>(ctx: Context): T => ctx.difference.actual as T;
const changed = (ctx: Context, field: string): boolean => !!ctx.difference.fields?.includes(field);
const tableName = (o: { schema: string; table: string }): string => qualify(o.schema, o.table);

// ---------------------------------------------------------------- schemas and extensions

const schemaHandler: Handler = (ctx) => {
  const name = (ctx.difference.expected ?? ctx.difference.actual) as { name: string };
  if (ctx.difference.change === 'missing') add(ctx, PHASE.schema, `CREATE SCHEMA ${quoteIdent(name.name)};`);
  else add(ctx, PHASE.dropSchema, `DROP SCHEMA ${quoteIdent(name.name)};`, { destructive: true });
};

const extensionHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'missing') {
    const e = exp<ExtensionObject>(ctx);
    add(
      ctx,
      PHASE.extension,
      `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)} WITH SCHEMA ${quoteIdent(e.schema)} VERSION ${quoteLiteral(e.version)};`,
    );
    return;
  }
  if (change === 'unexpected') {
    add(ctx, PHASE.dropExtension, `DROP EXTENSION ${quoteIdent(act<ExtensionObject>(ctx).name)};`, { destructive: true });
    return;
  }
  const e = exp<ExtensionObject>(ctx);
  const a = act<ExtensionObject>(ctx);
  if (changed(ctx, 'schema')) add(ctx, PHASE.extension, `ALTER EXTENSION ${quoteIdent(e.name)} SET SCHEMA ${quoteIdent(e.schema)};`);
  if (!changed(ctx, 'version')) return;
  if (compareVersions(a.version, e.version) < 0) {
    add(ctx, PHASE.extension, `ALTER EXTENSION ${quoteIdent(e.name)} UPDATE TO ${quoteLiteral(e.version)};`);
  } else {
    manual(
      ctx,
      PHASE.extension,
      `${e.name} is at ${a.version} but the history installs ${e.version}; extensions rarely ship downgrade scripts. Record the upgrade in a migration instead.`,
      [`migration: ALTER EXTENSION ${quoteIdent(e.name)} UPDATE TO ${quoteLiteral(a.version)};`],
    );
  }
};

/** Numeric comparison of dotted versions (`1.10` > `1.9`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------- enums and sequences

const enumHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'missing') {
    const e = exp<EnumObject>(ctx);
    add(ctx, PHASE.enum, `CREATE TYPE ${qualify(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')});`);
  } else if (change === 'unexpected') {
    const a = act<EnumObject>(ctx);
    add(ctx, PHASE.dropEnum, `DROP TYPE ${qualify(a.schema, a.name)};`, { destructive: true });
  } else {
    enumValueSteps(ctx, exp<EnumObject>(ctx), act<EnumObject>(ctx));
  }
};

/** Adds missing labels next to a neighbour that exists; removed or reordered labels need a person. */
function enumValueSteps(ctx: Context, e: EnumObject, a: EnumObject): void {
  const present = new Set(a.values);
  const type = qualify(e.schema, e.name);
  e.values.forEach((value, i) => {
    if (present.has(value)) return;
    const next = e.values.slice(i + 1).find((v) => present.has(v));
    const previous = e.values
      .slice(0, i)
      .reverse()
      .find((v) => present.has(v));
    const anchor = next !== undefined ? ` BEFORE ${quoteLiteral(next)}` : previous !== undefined ? ` AFTER ${quoteLiteral(previous)}` : '';
    add(ctx, PHASE.enum, `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${quoteLiteral(value)}${anchor};`);
    present.add(value);
  });
  const extra = a.values.filter((v) => !e.values.includes(v));
  if (extra.length) {
    manual(
      ctx,
      PHASE.enum,
      `${identityOf(e.schema, e.name)} has ${extra.length === 1 ? 'the value' : 'the values'} ${extra.join(', ')} that the history does not create. PostgreSQL cannot drop an enum value: record it in a migration, or rebuild the type after moving rows off it.`,
      [`migration: ALTER TYPE ${type} ADD VALUE ${quoteLiteral(extra[0])};`],
    );
  }
  const common = e.values.filter((v) => a.values.includes(v));
  const commonActual = a.values.filter((v) => e.values.includes(v));
  if (common.join('\u0000') !== commonActual.join('\u0000')) {
    manual(
      ctx,
      PHASE.enum,
      `The values of ${identityOf(e.schema, e.name)} are in a different order (${a.values.join(', ')} instead of ${e.values.join(', ')}); only rebuilding the type changes the order.`,
    );
  }
}

function sequenceOptions(s: SequenceObject): string {
  return `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}

function ownedByClause(s: SequenceObject): string {
  if (!s.ownedBy) return 'OWNED BY NONE';
  const [schema, table, column] = splitOwner(s.ownedBy);
  return `OWNED BY ${qualify(schema, table)}.${quoteIdent(column)}`;
}

function splitOwner(identity: string): [string, string, string] {
  const [schema, table, column] = splitIdentity(identity);
  return [schema, table, column];
}

const sequenceHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'unexpected') {
    const a = act<SequenceObject>(ctx);
    add(ctx, PHASE.dropSequence, `DROP SEQUENCE ${qualify(a.schema, a.name)};`, { destructive: true });
    return;
  }
  const e = exp<SequenceObject>(ctx);
  const name = qualify(e.schema, e.name);
  if (change === 'missing') add(ctx, PHASE.sequence, `CREATE SEQUENCE ${name} ${sequenceOptions(e)};`);
  else if (ctx.difference.fields!.some((f) => f !== 'ownedBy')) add(ctx, PHASE.sequence, `ALTER SEQUENCE ${name} ${sequenceOptions(e)};`);
  if (change === 'missing' ? e.ownedBy !== null : changed(ctx, 'ownedBy'))
    add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${name} ${ownedByClause(e)};`);
};

// ---------------------------------------------------------------- tables and columns

function columnDefinition(c: ColumnObject): string {
  const parts = [quoteIdent(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  else if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push('NOT NULL');
  if (c.identity) parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
  return parts.join(' ');
}

function childrenOf<T extends ObjectType>(
  snapshot: CatalogSnapshot,
  type: T,
  schema: string,
  table: string,
): Array<CatalogSnapshot['objects'][T][string]> {
  return Object.values(snapshot.objects[type]).filter((o) => {
    const r = o as unknown as { schema: string; table?: string };
    return r.schema === schema && r.table === table;
  }) as Array<CatalogSnapshot['objects'][T][string]>;
}

function createTableSteps(ctx: Context, t: TableObject): void {
  const name = qualify(t.schema, t.name);
  const columns = (childrenOf(ctx.expected, 'column', t.schema, t.name) as ColumnObject[]).sort((a, b) => a.position - b.position);
  const constraints = childrenOf(ctx.expected, 'constraint', t.schema, t.name) as ConstraintObject[];
  for (const s of Object.values(ctx.expected.objects.sequence)) {
    if (s.ownedBy && splitIdentity(s.ownedBy).slice(0, 2).join('\u0000') === [t.schema, t.name].join('\u0000')) {
      add(ctx, PHASE.sequence, `CREATE SEQUENCE IF NOT EXISTS ${qualify(s.schema, s.name)} ${sequenceOptions(s)};`);
      add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${qualify(s.schema, s.name)} ${ownedByClause(s)};`);
    }
  }
  const inline = constraints
    .filter((c) => c.kind !== 'foreign' && c.validated)
    .map((c) => `CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  const body = t.partitionOf ? '' : ` (\n  ${[...columns.map(columnDefinition), ...inline].join(',\n  ')}\n)`;
  const head = `CREATE ${t.persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${name}`;
  const partition = t.partitionOf ? ` PARTITION OF ${qualifyIdentity(t.partitionOf)} ${t.partitionBound}` : '';
  const key = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
  const options = t.options.length ? ` WITH (${t.options.join(', ')})` : '';
  if (t.kind === 'foreign') {
    manual(ctx, PHASE.table, `${identityOf(t.schema, t.name)} is a foreign table: recreate it with its server and options.`);
    return;
  }
  add(ctx, PHASE.table, `${head}${partition}${body}${key}${options};`);
  if (t.partitionOf && columns.length)
    for (const c of columns) add(ctx, PHASE.column, `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(c)};`);
  for (const c of constraints.filter((c) => c.kind === 'foreign' || !c.validated)) addConstraint(ctx, c);
  for (const i of childrenOf(ctx.expected, 'index', t.schema, t.name) as IndexObject[]) add(ctx, PHASE.index, `${i.definition};`);
  for (const tr of childrenOf(ctx.expected, 'trigger', t.schema, t.name) as TriggerObject[]) createTrigger(ctx, tr);
  for (const p of childrenOf(ctx.expected, 'policy', t.schema, t.name) as PolicyObject[]) add(ctx, PHASE.policy, createPolicy(p));
  tableFlagSteps(ctx, t, { rowSecurity: false, forceRowSecurity: false });
}

function tableFlagSteps(ctx: Context, e: TableObject, a: Pick<TableObject, 'rowSecurity' | 'forceRowSecurity'>): void {
  const name = qualify(e.schema, e.name);
  if (e.rowSecurity !== a.rowSecurity)
    add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
  if (e.forceRowSecurity !== a.forceRowSecurity)
    add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
}

const tableHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'missing') return createTableSteps(ctx, exp<TableObject>(ctx));
  if (change === 'unexpected') {
    const a = act<TableObject>(ctx);
    add(ctx, PHASE.dropTable, `DROP TABLE ${qualify(a.schema, a.name)};`, { destructive: true });
    return;
  }
  const e = exp<TableObject>(ctx);
  const a = act<TableObject>(ctx);
  const name = qualify(e.schema, e.name);
  tableFlagSteps(ctx, e, a);
  if (changed(ctx, 'persistence'))
    add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET ${e.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'};`);
  if (changed(ctx, 'options')) {
    const reset = a.options.map((o) => o.split('=')[0]).filter((k) => !e.options.some((o) => o.startsWith(`${k}=`)));
    if (reset.length) add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} RESET (${reset.join(', ')});`);
    if (e.options.length) add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET (${e.options.join(', ')});`);
  }
  const structural = ['kind', 'partitionKey', 'partitionOf', 'partitionBound'].filter((f) => changed(ctx, f));
  if (structural.length) {
    manual(
      ctx,
      PHASE.table,
      `${identityOf(e.schema, e.name)} differs in ${structural.join(', ')}: rebuilding a table's partitioning needs a data migration.`,
    );
  }
};

const columnHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'missing') {
    const e = exp<ColumnObject>(ctx);
    add(ctx, PHASE.column, `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`);
    return;
  }
  if (change === 'unexpected') {
    const a = act<ColumnObject>(ctx);
    add(ctx, PHASE.dropColumn, `ALTER TABLE ${tableName(a)} DROP COLUMN ${quoteIdent(a.name)};`, { destructive: true });
    return;
  }
  alterColumnSteps(ctx, exp<ColumnObject>(ctx), act<ColumnObject>(ctx));
};

function alterColumnSteps(ctx: Context, e: ColumnObject, a: ColumnObject): void {
  const alter = `ALTER TABLE ${tableName(e)} ALTER COLUMN ${quoteIdent(e.name)}`;
  if (changed(ctx, 'generated')) {
    if (e.generated === null) add(ctx, PHASE.column, `${alter} DROP EXPRESSION;`);
    else {
      add(
        ctx,
        PHASE.column,
        [
          `ALTER TABLE ${tableName(e)} DROP COLUMN ${quoteIdent(e.name)};`,
          `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`,
        ],
        {
          destructive: a.generated === null,
          note: 'A generation expression cannot be changed in place on every supported version: the column is dropped and re-added.',
        },
      );
      return;
    }
  }
  if (changed(ctx, 'type') || changed(ctx, 'collation')) {
    const collate = e.collation ? ` COLLATE ${e.collation}` : '';
    add(ctx, PHASE.column, `${alter} TYPE ${e.type}${collate} USING ${quoteIdent(e.name)}::${e.type};`, {
      destructive: changed(ctx, 'type'),
    });
  }
  if (changed(ctx, 'identity')) {
    if (e.identity === null) add(ctx, PHASE.column, `${alter} DROP IDENTITY;`);
    else if (a.identity === null) add(ctx, PHASE.column, `${alter} ADD GENERATED ${e.identity.toUpperCase()} AS IDENTITY;`);
    else add(ctx, PHASE.column, `${alter} SET GENERATED ${e.identity.toUpperCase()};`);
  }
  if (changed(ctx, 'default')) add(ctx, PHASE.column, e.default === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${e.default};`);
  if (changed(ctx, 'notNull')) add(ctx, PHASE.column, `${alter} ${e.notNull ? 'SET' : 'DROP'} NOT NULL;`);
}

// ---------------------------------------------------------------- constraints and indexes

function addConstraint(ctx: Context, c: ConstraintObject): void {
  const phase = c.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint;
  add(ctx, phase, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}${c.validated ? '' : ' NOT VALID'};`);
}

function dropConstraint(c: ConstraintObject): string {
  return `ALTER TABLE ${tableName(c)} DROP CONSTRAINT ${quoteIdent(c.name)};`;
}

const constraintHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'missing') return addConstraint(ctx, exp<ConstraintObject>(ctx));
  const a = act<ConstraintObject>(ctx);
  const dropPhase = a.kind === 'foreign' ? PHASE.dropForeignKey : PHASE.dropConstraint;
  if (change === 'unexpected') return add(ctx, dropPhase, dropConstraint(a));
  const e = exp<ConstraintObject>(ctx);
  if (ctx.difference.fields!.length === 1 && changed(ctx, 'validated') && e.validated) {
    add(
      ctx,
      e.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint,
      `ALTER TABLE ${tableName(e)} VALIDATE CONSTRAINT ${quoteIdent(e.name)};`,
    );
    return;
  }
  add(ctx, dropPhase, dropConstraint(a));
  addConstraint(ctx, e);
};

const indexHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  const drop = (i: IndexObject): string => `DROP INDEX ${qualify(i.schema, i.name)};`;
  if (change === 'missing') return add(ctx, PHASE.index, `${exp<IndexObject>(ctx).definition};`);
  if (change === 'unexpected') return add(ctx, PHASE.dropIndex, drop(act<IndexObject>(ctx)));
  const e = exp<IndexObject>(ctx);
  if (changed(ctx, 'definition')) {
    add(ctx, PHASE.dropIndex, drop(act<IndexObject>(ctx)));
    add(ctx, PHASE.index, `${e.definition};`);
  } else if (changed(ctx, 'valid')) {
    add(ctx, PHASE.index, `REINDEX INDEX ${qualify(e.schema, e.name)};`, {
      note: 'The index is marked invalid (a failed CREATE INDEX CONCURRENTLY?): rebuild it.',
    });
  }
};

// ---------------------------------------------------------------- views, functions, triggers, policies

function createView(v: ViewObject): string {
  const options = v.options.length ? ` WITH (${v.options.join(', ')})` : '';
  return `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualify(v.schema, v.name)}${options} AS ${v.definition};`;
}

function dropView(v: ViewObject): string {
  return `DROP ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualify(v.schema, v.name)};`;
}

const viewHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change !== 'missing') add(ctx, PHASE.dropView, dropView(act<ViewObject>(ctx)), { destructive: act<ViewObject>(ctx).materialized });
  if (change === 'unexpected') return;
  const e = exp<ViewObject>(ctx);
  add(ctx, PHASE.view, createView(e));
  // Dropping a materialized view drops its indexes: recreate the expected ones.
  const indexes = change === 'missing' || e.materialized ? (childrenOf(ctx.expected, 'index', e.schema, e.name) as IndexObject[]) : [];
  for (const i of indexes) add(ctx, PHASE.viewIndex, `${i.definition};`);
};

function dropFunction(f: FunctionObject): string {
  return `DROP ${f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${qualify(f.schema, f.name)}(${f.arguments});`;
}

const functionHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'unexpected') return add(ctx, PHASE.dropFunction, dropFunction(act<FunctionObject>(ctx)));
  const e = exp<FunctionObject>(ctx);
  const source = e.source.trimEnd();
  add(ctx, PHASE.function, `${source.endsWith(';') ? source : `${source};`}`, {
    note: change === 'changed' ? 'CREATE OR REPLACE cannot change a return type: if it fails, drop the function first.' : undefined,
  });
};

function createTrigger(ctx: Context, t: TriggerObject): void {
  add(ctx, PHASE.trigger, `${t.definition};`);
  if (t.enabled !== 'O') add(ctx, PHASE.trigger, triggerEnableSql(t));
}

function triggerEnableSql(t: TriggerObject): string {
  const verb = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' }[t.enabled];
  return `ALTER TABLE ${tableName(t)} ${verb} TRIGGER ${quoteIdent(t.name)};`;
}

const triggerHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  const drop = (t: TriggerObject): string => `DROP TRIGGER ${quoteIdent(t.name)} ON ${tableName(t)};`;
  if (change === 'missing') return createTrigger(ctx, exp<TriggerObject>(ctx));
  if (change === 'unexpected') return add(ctx, PHASE.dropTrigger, drop(act<TriggerObject>(ctx)));
  const e = exp<TriggerObject>(ctx);
  if (changed(ctx, 'definition')) {
    add(ctx, PHASE.dropTrigger, drop(act<TriggerObject>(ctx)));
    createTrigger(ctx, e);
  } else add(ctx, PHASE.trigger, triggerEnableSql(e));
};

function createPolicy(p: PolicyObject): string {
  const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ');
  let sql = `CREATE POLICY ${quoteIdent(p.name)} ON ${tableName(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${roles}`;
  if (p.using !== null) sql += ` USING (${p.using})`;
  if (p.withCheck !== null) sql += ` WITH CHECK (${p.withCheck})`;
  return `${sql};`;
}

const policyHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change !== 'missing') {
    const a = act<PolicyObject>(ctx);
    add(ctx, PHASE.dropPolicy, `DROP POLICY ${quoteIdent(a.name)} ON ${tableName(a)};`);
  }
  if (change !== 'unexpected') add(ctx, PHASE.policy, createPolicy(exp<PolicyObject>(ctx)));
};

// ---------------------------------------------------------------- grants

function grantTarget(g: GrantObject): string {
  if (g.objectKind === 'schema') return `SCHEMA ${quoteIdent(g.schema)}`;
  if (g.objectKind === 'function') {
    const open = g.object.indexOf('(');
    return `FUNCTION ${qualify(g.schema, g.object.slice(0, open))}${g.object.slice(open)}`;
  }
  return `${g.objectKind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${qualify(g.schema, g.object)}`;
}

function granteeSql(g: GrantObject): string {
  return g.grantee === 'PUBLIC' ? 'PUBLIC' : quoteIdent(g.grantee);
}

const grantHandler: Handler = (ctx) => {
  const g = (ctx.difference.actual ?? ctx.difference.expected) as GrantObject;
  if (ctx.difference.change !== 'missing') add(ctx, PHASE.grant, `REVOKE ALL ON ${grantTarget(g)} FROM ${granteeSql(g)};`);
  if (ctx.difference.change === 'unexpected') return;
  const e = exp<GrantObject>(ctx);
  const plain = e.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
  const withOption = e.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.replace(/ WITH GRANT OPTION$/, ''));
  if (plain.length) add(ctx, PHASE.grant, `GRANT ${plain.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)};`);
  if (withOption.length)
    add(ctx, PHASE.grant, `GRANT ${withOption.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)} WITH GRANT OPTION;`);
};

const HANDLERS: Record<ObjectType, Handler> = {
  schema: schemaHandler,
  extension: extensionHandler,
  enum: enumHandler,
  sequence: sequenceHandler,
  table: tableHandler,
  column: columnHandler,
  constraint: constraintHandler,
  index: indexHandler,
  view: viewHandler,
  function: functionHandler,
  trigger: triggerHandler,
  policy: policyHandler,
  grant: grantHandler,
};

// ---------------------------------------------------------------- identities back to SQL names

function qualifyIdentity(identity: string): string {
  const [schema, name] = splitIdentity(identity);
  return qualify(schema, name);
}
