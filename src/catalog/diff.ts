/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */
import { matchesAny, objectLocation, identityOf } from './identity.js';
import { isSuiteObject } from './snapshot.js';
import type { CatalogObject, CatalogSnapshot, ChangeKind, ObjectType, SchemaDiff, SchemaDifference, Severity } from './types.js';

export interface DiffOptions {
  /** Identity patterns whose differences are not reported (see identity.ts). */
  ignore?: string[];
}

/** Report order: containers before their contents. */
export const OBJECT_TYPES: readonly ObjectType[] = [
  'extension',
  'schema',
  'enum',
  'table',
  'sequence',
  'column',
  'constraint',
  'index',
  'function',
  'view',
  'trigger',
  'policy',
  'grant',
];

/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED: Partial<Record<ObjectType, readonly string[]>> = {
  column: ['position'],
  function: ['source'],
};

/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set<ObjectType>(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);

export function diffSnapshots(expected: CatalogSnapshot, actual: CatalogSnapshot, options: DiffOptions = {}): SchemaDiff {
  const differences: SchemaDifference[] = [];
  let ignored = 0;
  const wholeTables = new Set<string>();
  for (const type of OBJECT_TYPES) {
    const want = expected.objects[type] as Record<string, CatalogObject>;
    const have = actual.objects[type] as Record<string, CatalogObject>;
    const found: SchemaDifference[] = [];
    const visit = (identity: string): void => {
      const difference = compareObject(type, identity, own(want, identity), own(have, identity));
      if (!difference) return;
      const object = (difference.expected ?? difference.actual)!;
      if (isSuiteObject(type, object) || isInsideWholeTable(type, object, wholeTables)) return;
      if ((type === 'table' || type === 'view') && difference.change !== 'changed') wholeTables.add(identity);
      if (matchesAny(options.ignore, type, identity)) {
        ignored++;
        return;
      }
      found.push(difference);
    };
    // Every identity of both sides once; only the differences are sorted (10⁵ objects, a handful of differences).
    for (const identity in want) visit(identity);
    for (const identity in have) if (!Object.hasOwn(want, identity)) visit(identity);
    differences.push(...found.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0)));
  }
  return { differences, ignored };
}

function own(objects: Record<string, CatalogObject>, identity: string): CatalogObject | undefined {
  return Object.hasOwn(objects, identity) ? objects[identity] : undefined;
}

function isInsideWholeTable(type: ObjectType, object: CatalogObject, wholeTables: Set<string>): boolean {
  if (!TABLE_CHILDREN.has(type)) return false;
  const where = objectLocation(type, object);
  return where.table !== undefined && wholeTables.has(identityOf(where.schema!, where.table));
}

function compareObject(type: ObjectType, identity: string, expected?: CatalogObject, actual?: CatalogObject): SchemaDifference | undefined {
  if (expected && !actual) return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
  if (!expected && actual)
    return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
  const fields = changedFields(type, expected!, actual!);
  if (!fields.length) return undefined;
  const e = expected as unknown as Record<string, unknown>;
  const a = actual as unknown as Record<string, unknown>;
  const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
  return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}

export function changedFields(type: ObjectType, expected: CatalogObject, actual: CatalogObject): string[] {
  const skip = UNCOMPARED[type] ?? [];
  const e = expected as unknown as Record<string, unknown>;
  const a = actual as unknown as Record<string, unknown>;
  return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}

/** Field values are primitives or arrays of strings. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((item, i) => item === y[i]);
  return false;
}

function difference(
  objectType: ObjectType,
  identity: string,
  change: ChangeKind,
  expected: CatalogObject | undefined,
  actual: CatalogObject | undefined,
  fields: string[],
  detail: string,
): SchemaDifference {
  const result: SchemaDifference = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
  if (expected) result.expected = expected;
  if (actual) result.actual = actual;
  if (fields.length) result.fields = fields;
  return result;
}

/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type: ObjectType, change: ChangeKind, fields: string[]): Severity {
  if (type === 'grant') return 'warning';
  if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid'))) return 'warning';
  if (type === 'extension' && change !== 'missing') return 'warning';
  return 'error';
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
