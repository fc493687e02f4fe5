/**
 * Reconcile steps for everything around the tables: schemas, extensions, enums, sequences,
 * views, functions, triggers, policies and grants.
 */
import { qualify, quoteIdent, quoteLiteral } from '../postgres/sql.js';
import { identityOf } from './identity.js';
import type {
  EnumObject,
  ExtensionObject,
  FunctionObject,
  GrantObject,
  IndexObject,
  PolicyObject,
  SequenceObject,
  TriggerObject,
  ViewObject,
} from './types.js';
import {
  PHASE,
  add,
  manual,
  exp,
  act,
  changed,
  tableName,
  childrenOf,
  sequenceOptions,
  ownedByClause,
  createTrigger,
  triggerEnableSql,
  createPolicy,
  type Context,
  type Handler,
} from './reconcile-steps.js';

// ---------------------------------------------------------------- schemas and extensions

export const schemaHandler: Handler = (ctx) => {
  const name = (ctx.difference.expected ?? ctx.difference.actual) as { name: string };
  if (ctx.difference.change === 'missing') add(ctx, PHASE.schema, `CREATE SCHEMA ${quoteIdent(name.name)};`);
  else add(ctx, PHASE.dropSchema, `DROP SCHEMA ${quoteIdent(name.name)};`, { destructive: true });
};

export const extensionHandler: Handler = (ctx) => {
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

export const enumHandler: Handler = (ctx) => {
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

export const sequenceHandler: Handler = (ctx) => {
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

// ---------------------------------------------------------------- views, functions, triggers, policies

function createView(v: ViewObject): string {
  const options = v.options.length ? ` WITH (${v.options.join(', ')})` : '';
  return `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualify(v.schema, v.name)}${options} AS ${v.definition};`;
}

function dropView(v: ViewObject): string {
  return `DROP ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualify(v.schema, v.name)};`;
}

export const viewHandler: Handler = (ctx) => {
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

export const functionHandler: Handler = (ctx) => {
  const { change } = ctx.difference;
  if (change === 'unexpected') return add(ctx, PHASE.dropFunction, dropFunction(act<FunctionObject>(ctx)));
  const e = exp<FunctionObject>(ctx);
  const source = e.source.trimEnd();
  add(ctx, PHASE.function, `${source.endsWith(';') ? source : `${source};`}`, {
    note: change === 'changed' ? 'CREATE OR REPLACE cannot change a return type: if it fails, drop the function first.' : undefined,
  });
};

export const triggerHandler: Handler = (ctx) => {
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

export const policyHandler: Handler = (ctx) => {
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

export const grantHandler: Handler = (ctx) => {
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
