/** Reconcile steps for tables, columns, constraints and indexes. */
import { qualify, quoteIdent } from '../postgres/sql.js';
import { identityOf, splitIdentity } from './identity.js';
import type { ColumnObject, ConstraintObject, IndexObject, PolicyObject, TableObject, TriggerObject } from './types.js';
import {
  PHASE,
  add,
  manual,
  exp,
  act,
  changed,
  tableName,
  qualifyIdentity,
  childrenOf,
  sequenceOptions,
  ownedByClause,
  createTrigger,
  createPolicy,
  type Context,
  type Handler,
} from './reconcile-steps.js';

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

export const tableHandler: Handler = (ctx) => {
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

export const columnHandler: Handler = (ctx) => {
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

export const constraintHandler: Handler = (ctx) => {
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

export const indexHandler: Handler = (ctx) => {
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
