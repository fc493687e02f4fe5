/**
 * The vocabulary of the reconcile handlers: the phases steps run in, the context a handler
 * gets (one difference, both snapshots, the steps so far) and how it adds a step.
 */
import { qualify, quoteIdent } from '../postgres/sql.js';
import { splitIdentity } from './identity.js';
import type {
  CatalogObject,
  CatalogSnapshot,
  ObjectType,
  PolicyObject,
  ReconcileStep,
  SchemaDifference,
  SequenceObject,
  TriggerObject,
} from './types.js';

/** Execution order of steps; lower runs first. */
export const PHASE = {
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

export interface PhasedStep extends ReconcileStep {
  phase: number;
}

export interface Context {
  expected: CatalogSnapshot;
  actual: CatalogSnapshot;
  steps: PhasedStep[];
  difference: SchemaDifference;
}

export type Handler = (ctx: Context) => void;

export function add(
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

export function manual(ctx: Context, phase: number, note: string, suggestion: string[] = []): void {
  const sql = suggestion.length ? suggestion.map((line) => `-- ${line}`).join('\n') : '-- (no automatic SQL)';
  add(ctx, phase, sql, { manual: true, note });
}

export const exp = <T extends CatalogObject>(ctx: Context): T => ctx.difference.expected as T;
export const act = <T extends CatalogObject>(ctx: Context): T => ctx.difference.actual as T;
export const changed = (ctx: Context, field: string): boolean => !!ctx.difference.fields?.includes(field);
export const tableName = (o: { schema: string; table: string }): string => qualify(o.schema, o.table);

// ---------------------------------------------------------------- identities back to SQL names

export function qualifyIdentity(identity: string): string {
  const [schema, name] = splitIdentity(identity);
  return qualify(schema, name);
}

// ---------------------------------------------------------------- SQL both handler files use

export function childrenOf<T extends ObjectType>(
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

export function sequenceOptions(s: SequenceObject): string {
  return `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}

export function ownedByClause(s: SequenceObject): string {
  if (!s.ownedBy) return 'OWNED BY NONE';
  const [schema, table, column] = splitOwner(s.ownedBy);
  return `OWNED BY ${qualify(schema, table)}.${quoteIdent(column)}`;
}

export function splitOwner(identity: string): [string, string, string] {
  const [schema, table, column] = splitIdentity(identity);
  return [schema, table, column];
}

export function createTrigger(ctx: Context, t: TriggerObject): void {
  add(ctx, PHASE.trigger, `${t.definition};`);
  if (t.enabled !== 'O') add(ctx, PHASE.trigger, triggerEnableSql(t));
}

export function triggerEnableSql(t: TriggerObject): string {
  const verb = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' }[t.enabled];
  return `ALTER TABLE ${tableName(t)} ${verb} TRIGGER ${quoteIdent(t.name)};`;
}

export function createPolicy(p: PolicyObject): string {
  const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ');
  let sql = `CREATE POLICY ${quoteIdent(p.name)} ON ${tableName(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${roles}`;
  if (p.using !== null) sql += ` USING (${p.using})`;
  if (p.withCheck !== null) sql += ` WITH CHECK (${p.withCheck})`;
  return `${sql};`;
}
