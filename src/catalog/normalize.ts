/**
 * Normalising what PostgreSQL prints differently for the same thing, so that equal schemas
 * never show as drift: whitespace and line endings (function bodies checked out with CRLF),
 * trailing semicolons of view definitions, NOT VALID suffixes (kept as a separate flag).
 */

const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v]|^\s|\s$|\( | [),;]/;

/** Runs of whitespace outside quoted text become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  // Most catalog text is already one tidy line: skip the character loop for it.
  if (!NEEDS_COLLAPSE.test(text)) return text;
  let out = '';
  let quote: string | null = null;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace && !spaceIsInsignificant(out[out.length - 1], ch)) out += ' ';
    pendingSpace = false;
    if (ch === "'" || ch === '"') quote = ch;
    out += ch;
  }
  return out;
}

/** `( a )` and `(a)` are the same expression; versions differ in such spacing. */
function spaceIsInsignificant(before: string, after: string): boolean {
  return before === '(' || after === ')' || after === ',' || after === ';';
}

/** View definitions: whitespace, the trailing semicolon, and single-relation column qualifiers. */
export function normalizeViewDefinition(text: string): string {
  return dropSingleRelationQualifier(collapseWhitespace(text).replace(/;$/, ''));
}

const NAME = String.raw`(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`;
const SINGLE_FROM = new RegExp(
  String.raw`\bFROM (${NAME}\.)?(${NAME})(?= (?:WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT)\b|\)|$)`,
  'u',
);

/**
 * PostgreSQL 16 stopped qualifying column names with the table name when a query reads one
 * relation without an alias (15 prints `"Goal".progress`, 17 prints `progress`). When the
 * definition has exactly one FROM item and no JOIN, drop that qualifier so both compare equal.
 */
function dropSingleRelationQualifier(definition: string): string {
  const fromCount = definition.match(/\bFROM\b/g)?.length ?? 0;
  if (fromCount !== 1 || /\bJOIN\b/.test(definition)) return definition;
  const m = SINGLE_FROM.exec(definition);
  return m ? definition.split(`${m[2]}.`).join('') : definition;
}

/**
 * Function definitions: the body is stored verbatim, so the migration file's line endings and
 * indentation would otherwise show as drift. Whitespace runs (inside the body too) count as one.
 */
export function normalizeFunctionDefinition(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ;/g, ';').trim();
}

/** NOT VALID is a state, not part of the definition. */
export function splitNotValid(definition: string): { definition: string; notValid: boolean } {
  const m = /\s+NOT VALID$/.exec(definition);
  return m ? { definition: definition.slice(0, m.index), notValid: true } : { definition, notValid: false };
}

export function normalizeExpression(text: string | null): string | null {
  return text === null ? null : collapseWhitespace(text);
}
