/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */
import { scanSync } from 'libpg-query';
import { positionOf, type SqlStatement } from '../sql/parser.js';
import { charOffset } from './expressions.js';
import type { RawFinding } from './lint.js';
import type { LintSource } from './types.js';

const MAX_IDENTIFIER_BYTES = 63;
/** Cheap pre-filters: a run long enough to be an over-long identifier (most files have none). */
const LONG_ASCII_RUN = /[A-Za-z0-9_$]{64,}|"[^"]{64,}/;
const LONG_RUN = /[\p{L}\p{N}_$]{16,}|"[^"]{16,}/u; // 16 four-byte characters already exceed 63 bytes

export function longIdentifiers(source: LintSource, statements: SqlStatement[]): RawFinding[] {
  const isAscii = Buffer.byteLength(source.sql) === source.sql.length;
  if (!statements.length || !(isAscii ? LONG_ASCII_RUN : LONG_RUN).test(source.sql)) return [];
  const out: RawFinding[] = [];
  for (const token of scanSync(source.sql).tokens) {
    if (token.tokenName !== 'IDENT') continue;
    const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
    const bytes = Buffer.byteLength(name);
    if (bytes <= MAX_IDENTIFIER_BYTES) continue;
    const offset = charOffset(source.sql, token.start, isAscii);
    const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
    const truncated = Buffer.from(name).subarray(0, MAX_IDENTIFIER_BYTES).toString('utf8').replace(/\uFFFD$/, '');
    out.push({
      ruleId: 'naming/identifier-too-long',
      source,
      ...positionOf(source.sql, offset),
      endLine: statement.endLine,
      statement: statement.text,
      statementIndex: statement.index,
      message: `Identifier "${name.slice(0, 40)}…" is ${bytes} bytes; PostgreSQL truncates it to "${truncated}".`,
      tables: [],
    });
  }
  return out;
}
