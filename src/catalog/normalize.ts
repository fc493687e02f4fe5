/**
 * Normalising what PostgreSQL prints differently for the same thing, so that equal schemas
 * never show as drift: whitespace and line endings (function bodies checked out with CRLF),
 * trailing semicolons of view definitions, NOT VALID suffixes (kept as a separate flag).
 */

/** Runs of whitespace outside quoted text become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
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
    if (/\s/.test(ch)) {
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
const SINGLE_FROM = new RegExp(String.raw`\bFROM (${NAME}\.)?(${NAME})(?= (?:WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT)\b|\)|$)`, 'u');

/**
 * PostgreSQL 16 stopped qualifying column names with the table name when a query reads one
 * relation without an alias (15 prints `"Goal".progress`, 17 prints `progress`). When the
 * definition has exactly one FROM item and no JOIN, drop that qualifier so both compare equal.
 */
function dropSingleRelationQualifier(definition: string): string {
  const fromCount = definition.match(/\bFROM\b/g)?.length ?? 0;
  if (fromCount !== 1 || /\bJOIN\b/.test(definition)) return definition;
  const m = SINGLE_FROM.exec(definition);
  if (!m || definition.slice(m.index).includes(',')) {
    if (!m || /\bFROM [^()]*,/.test(definition.slice(m.index))) return definition;
  }
  const qualifier = m[2] + '.';
  return definition.split(qualifier).join('').replace(new RegExp(`FROM (${NAME}\\.)?${escapeRegex(qualifier.slice(0, -1))}`, 'u'), (all) => all);
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * Function definitions: the body is stored verbatim, so line endings and indentation of the
 * migration file would otherwise show up; collapse whitespace everywhere except string literals
 * outside the body (the body itself is in dollar quotes, and its whitespace is not meaningful
 * for drift).
 */
export function normalizeFunctionDefinition(text: string): string {
  return collapseFunctionText(text.replace(/\r\n?/g, '\n'));
}

/** Like collapseWhitespace, but treats dollar-quoted bodies as code, not as quoted text. */
function collapseFunctionText(text: string): string {
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
