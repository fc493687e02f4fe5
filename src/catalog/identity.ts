/**
 * Stable object identities (`schema.table.column`) and the glob-like patterns users write
 * against them (`public.audit_*`, `*.legacy_*.*`, `index:public.*_tmp`).
 */
import type { CatalogObject, ObjectType } from './types.js';

/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
export function identityPart(name: string): string {
  return name === '' || name.includes('.') || name.includes('"') ? `"${name.replace(/"/g, '""')}"` : name;
}

// Built once per catalog object (10⁵ of them in a large schema): no intermediate arrays.
export function identityOf(...parts: string[]): string {
  if (!parts.length) return '';
  let identity = identityPart(parts[0]);
  for (let i = 1; i < parts.length; i++) identity += '.' + identityPart(parts[i]);
  return identity;
}

const patternCache = new Map<string, RegExp>();

/**
 * A pattern matches an identity with `*` (any text within one part), `**` (any text across
 * parts) and `?` (one character). An optional `type:` prefix limits it to one object type.
 */
function patternRegex(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (regex) return regex;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^.]*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$+?.()|[\]{}]/g, '\\$&');
  }
  regex = new RegExp(`^${source}$`, 'u');
  patternCache.set(pattern, regex);
  return regex;
}

const TYPE_PREFIX = /^(schema|extension|enum|sequence|table|column|constraint|index|view|function|trigger|policy|grant):(.*)$/;

export function matchesPattern(pattern: string, objectType: ObjectType, identity: string): boolean {
  const typed = TYPE_PREFIX.exec(pattern);
  if (typed && typed[1] !== objectType) return false;
  const body = typed ? typed[2] : pattern;
  // A pattern on a table also covers everything inside it (`public.audit` covers its columns).
  return patternRegex(body).test(identity) || patternRegex(`${body}.**`).test(identity);
}

export function matchesAny(patterns: readonly string[] | undefined, objectType: ObjectType, identity: string): boolean {
  return !!patterns?.some((p) => matchesPattern(p, objectType, identity));
}

/** The schema an object lives in (objectLocation's schema, without building anything: it runs per object). */
export function objectSchema(type: ObjectType, object: CatalogObject): string | undefined {
  if (type === 'extension') return undefined;
  const o = object as unknown as { name?: unknown; schema?: unknown };
  return String(type === 'schema' ? o.name : o.schema);
}

/** The table an object belongs to (columns, indexes, owned sequences, …), without building anything. */
export function objectTable(type: ObjectType, object: CatalogObject): string | undefined {
  const o = object as unknown as Record<string, unknown>;
  switch (type) {
    case 'schema':
    case 'extension':
      return undefined;
    case 'table':
      return String(o.name);
    case 'sequence':
      return o.ownedBy ? splitIdentity(String(o.ownedBy))[1] : undefined;
    case 'grant':
      return o.objectKind === 'table' ? String(o.object) : undefined;
    default:
      return typeof o.table === 'string' ? o.table : undefined;
  }
}

/** The schema an object lives in and the table it belongs to. */
export function objectLocation(type: ObjectType, object: CatalogObject): { schema?: string; table?: string } {
  if (type === 'extension') return {};
  if (type === 'schema') return { schema: objectSchema(type, object) };
  return { schema: objectSchema(type, object), table: objectTable(type, object) };
}

/** The parts of an identity (undoing identityPart's quoting). */
export function splitIdentity(identity: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i <= identity.length) {
    if (identity[i] === '"') {
      let part = '';
      i++;
      for (; i < identity.length; i++) {
        if (identity[i] === '"' && identity[i + 1] === '"') {
          part += '"';
          i++;
        } else if (identity[i] === '"') break;
        else part += identity[i];
      }
      parts.push(part);
      i += 2; // closing quote and dot
    } else {
      const dot = identity.indexOf('.', i);
      const end = dot === -1 ? identity.length : dot;
      parts.push(identity.slice(i, end));
      i = end + 1;
    }
  }
  return parts;
}
