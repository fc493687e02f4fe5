/**
 * Stable object identities (`schema.table.column`) and the glob-like patterns users write
 * against them (`public.audit_*`, `*.legacy_*.*`, `index:public.*_tmp`).
 */
import type { ObjectType } from './types.js';

/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
export function identityPart(name: string): string {
  return /[."]/.test(name) || name === '' ? `"${name.replace(/"/g, '""')}"` : name;
}

export function identityOf(...parts: string[]): string {
  return parts.map(identityPart).join('.');
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
