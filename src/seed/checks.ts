/**
 * Reads simple CHECK constraints into value domains the generator can aim for, so most rows
 * pass on the first try: bounds (`>=`, `>`, `<=`, `<`, BETWEEN — which PostgreSQL stores as
 * `>= AND <=`), lists (`IN`, stored as `= ANY (ARRAY[…])`) and lengths (`char_length`/`length`).
 * Anything else is left to the database: a rejected row is retried with other values.
 */

export interface ColumnDomain {
  min?: number;
  max?: number;
  /** Allowed values (as text), from `IN (…)` / `= ANY (ARRAY[…])`. */
  values?: string[];
  minLength?: number;
  maxLength?: number;
  /** `CHECK (false)`-like: no value can pass. */
  impossible?: boolean;
}

const IDENT = String.raw`"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*`;
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const ATOM = String.raw`${NUMBER}|'(?:[^']|'')*'|${IDENT}`;
const TYPE_NAME = String.raw`"(?:[^"]|"")+"|character varying|double precision|bit varying|(?:timestamp|time)(?:\(\d+\))? with(?:out)? time zone|[a-z_][a-z0-9_]*`;
const CAST = new RegExp(String.raw`::(?:${TYPE_NAME})(?:\.(?:${TYPE_NAME}))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`, 'gi');
const OPS = String.raw`>=|<=|<>|!=|=|>|<`;

/** Narrows `domain` with every conjunct of `definition` that constrains only `column`. */
export function applyCheck(domain: ColumnDomain, definition: string, column: string): ColumnDomain {
  const body = normalize(
    definition
      .replace(/^CHECK\s*/i, '')
      .replace(/\s+NO INHERIT\s*$/i, '')
      .replace(/\s+NOT VALID\s*$/i, ''),
  );
  if (/^false$/i.test(body)) return { ...domain, impossible: true };
  const next = { ...domain };
  for (const conjunct of splitTopLevelAnd(body)) applyConjunct(next, stripOuterParens(conjunct), column);
  return next;
}

function applyConjunct(domain: ColumnDomain, expr: string, column: string): void {
  const list = new RegExp(String.raw`^(${IDENT}) = ANY \(\(?ARRAY\[(.*)\]\)?\)$`, 'i').exec(expr);
  if (list && sameIdent(list[1], column)) {
    const values = [...list[2].matchAll(new RegExp(ATOM, 'gi'))].map((m) => unquote(m[0]));
    domain.values = domain.values ? domain.values.filter((v) => values.includes(v)) : values;
    if (domain.values.length === 0) domain.impossible = true;
    return;
  }
  const length = new RegExp(String.raw`^(?:char_length|length|character_length)\((${IDENT})\) (${OPS}) (${NUMBER})$`, 'i').exec(expr);
  if (length && sameIdent(length[1], column)) {
    const bound = bounds(length[2], Number(length[3]), true);
    if (bound.min !== undefined) domain.minLength = Math.max(domain.minLength ?? 0, bound.min);
    if (bound.max !== undefined) domain.maxLength = Math.min(domain.maxLength ?? Infinity, bound.max);
    return;
  }
  const comparison = new RegExp(String.raw`^(${ATOM}) (${OPS}) (${ATOM})$`, 'i').exec(expr);
  if (!comparison) return;
  let [, left, op, right] = comparison;
  if (!sameIdent(left, column)) [left, op, right] = [right, flip(op), left];
  const value = unquote(right);
  if (!sameIdent(left, column) || !new RegExp(`^${NUMBER}$`).test(value)) return;
  const bound = bounds(op, Number(value), Number.isInteger(Number(value)));
  if (bound.min !== undefined) domain.min = Math.max(domain.min ?? -Infinity, bound.min);
  if (bound.max !== undefined) domain.max = Math.min(domain.max ?? Infinity, bound.max);
  if (op === '=') domain.values = [value];
}

function bounds(op: string, n: number, integral: boolean): { min?: number; max?: number } {
  const step = integral ? 1 : 0.01;
  switch (op) {
    case '>=':
      return { min: n };
    case '>':
      return { min: n + step };
    case '<=':
      return { max: n };
    case '<':
      return { max: n - step };
    case '=':
      return { min: n, max: n };
    default:
      return {};
  }
}

function flip(op: string): string {
  return ({ '>=': '<=', '<=': '>=', '>': '<', '<': '>' } as Record<string, string>)[op] ?? op;
}

/** Drops casts (`'x'::text`, `(0)::numeric`) and parentheses around single atoms. */
function normalize(expr: string): string {
  let text = expr.replace(CAST, '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(new RegExp(String.raw`(^|[^a-z0-9_$"])\((${ATOM})\)`, 'gi'), '$1$2');
  }
  return stripOuterParens(text.trim());
}

function stripOuterParens(expr: string): string {
  let text = expr.trim();
  while (text.startsWith('(') && text.endsWith(')') && matchingParen(text, 0) === text.length - 1) text = text.slice(1, -1).trim();
  return text;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevelAnd(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^ AND /i.test(expr.slice(i, i + 5))) {
      parts.push(expr.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(expr.slice(start));
  return parts;
}

function sameIdent(token: string, column: string): boolean {
  return identName(token) === column;
}

function unquote(atom: string): string {
  return atom.startsWith("'") ? atom.slice(1, -1).replace(/''/g, "'") : atom;
}

export interface ColumnComparison {
  left: string;
  op: '>=' | '>' | '<=' | '<';
  right: string;
}

/** Conjuncts that compare two columns (`period_end >= period_start`), with unquoted names. */
export function columnComparisons(definition: string): ColumnComparison[] {
  const body = normalize(definition.replace(/^CHECK\s*/i, ''));
  const pattern = new RegExp(String.raw`^(${IDENT}) (>=|<=|>|<) (${IDENT})$`, 'i');
  return splitTopLevelAnd(body).flatMap((conjunct) => {
    const m = pattern.exec(stripOuterParens(conjunct));
    if (!m || /^(true|false|null)$/i.test(m[1]) || /^(true|false|null)$/i.test(m[3])) return [];
    return [{ left: identName(m[1]), op: m[2] as ColumnComparison['op'], right: identName(m[3]) }];
  });
}

function identName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}
