/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */
import { pgQuery, positionOf, type SqlStatement } from '../../sql/parser.js';
import { charOffset } from '../expressions.js';
import type { RawFinding } from '../lint.js';
import { rule, type RuleFamily } from '../rule.js';
import type { LintSource } from '../types.js';

export const NAMING_RULES = [
  rule({
    id: 'naming/identifier-too-long',
    severity: 'error',
    scope: 'any',
    title: 'Identifier longer than 63 bytes',
    flags: 'Any identifier in a migration over 63 bytes (NAMEDATALEN - 1).',
    blocks:
      'Nothing; PostgreSQL silently truncates the name, so two long names can collide and later migrations that use the full name miss the object.',
    safe: 'Shorten the name to at most 63 bytes.',
    prisma: 'Give the index or constraint a shorter name with `map: "…"` in @@index / @@unique / @relation.',
    example: {
      bad: [
        `CREATE TABLE t (id bigint);\nCREATE INDEX ${'t_'.padEnd(70, 'x')} ON t (id);`,
        'CREATE TABLE t (id bigint, c_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy text);',
      ],
      good: ['CREATE TABLE t (id bigint);\nCREATE INDEX t_id_idx ON t (id);'],
    },
  }),
];

const MAX_IDENTIFIER_BYTES = 63;
/**
 * Cheap linear pre-filter (most files have no long identifier, and scanning tokens costs as much
 * as parsing): a run of identifier characters, or quoted text, of at least `minChars`.
 */
function mayHoldLongIdentifier(sql: string, minChars: number): boolean {
  let run = 0;
  let quoted = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
      run = 0;
    } else if (quoted || c >= 128 || c === 95 || c === 36 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) {
      if (++run >= minChars) return true;
    } else run = 0;
  }
  return false;
}

export function longIdentifiers(source: LintSource, statements: SqlStatement[]): RawFinding[] {
  const isAscii = Buffer.byteLength(source.sql) === source.sql.length;
  // 16 four-byte characters already exceed 63 bytes.
  if (!statements.length || !mayHoldLongIdentifier(source.sql, isAscii ? MAX_IDENTIFIER_BYTES + 1 : 16)) return [];
  const out: RawFinding[] = [];
  for (const token of pgQuery().scanSync(source.sql).tokens) {
    if (token.tokenName !== 'IDENT') continue;
    const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
    const bytes = Buffer.byteLength(name);
    if (bytes <= MAX_IDENTIFIER_BYTES) continue;
    const offset = charOffset(source.sql, token.start, isAscii);
    const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
    const truncated = Buffer.from(name)
      .subarray(0, MAX_IDENTIFIER_BYTES)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
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

/** Found by lint.ts from the token stream (longIdentifiers), not by a statement detector. */
export const naming: RuleFamily = { rules: NAMING_RULES };
