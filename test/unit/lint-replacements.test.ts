/**
 * Every suggested replacement SQL of every rule parses with PostgreSQL's parser, also when the
 * catalogue's examples are rewritten to use identifiers that are reserved words, mixed case, or
 * contain double quotes — the cases a hand-rolled quoting rule gets wrong.
 */
import { loadModule, parseSync, scanSync } from 'libpg-query';
import { lintMigrations, RULES, type LintResult, type LintSource } from '../../src/lint/index.js';
import { quoteIdent } from '../../src/postgres/sql.js';

const src = (name: string, sql: string): LintSource => ({ name, path: `migrations/${name}/migration.sql`, sql });

const NAME_KEYS = new Set(['relname', 'schemaname', 'colname', 'idxname', 'conname', 'indexname', 'newname', 'subname', 'trigname']);
/** Lists whose String items are names (column lists, dotted object names). */
const NAME_LISTS = new Set(['fields', 'keys', 'fk_attrs', 'pk_attrs', 'objects']);
/** Not names of the schema's objects: settings, functions, types, literals, options. */
const SKIP = new Set(['VariableSetStmt', 'FuncCall', 'TypeName', 'typeName', 'A_Const', 'DefElem', 'RoleSpec']);

/** Names the examples give to schemas, tables, columns, indexes and constraints (read from the parse trees). */
function objectNames(sql: string): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown, parent: string, inList: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, parent, inList));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        const isName =
          NAME_KEYS.has(key) || (key === 'name' && (parent === 'AlterTableCmd' || parent === 'IndexElem')) || (key === 'sval' && inList);
        if (isName) names.add(value);
      } else if (!SKIP.has(key)) walk(value, key, inList || NAME_LISTS.has(key));
    }
  };
  walk(parseSync(sql), '', false);
  return names;
}

const RESERVED = [
  'user',
  'order',
  'select',
  'table',
  'group',
  'check',
  'from',
  'where',
  'limit',
  'column',
  'default',
  'primary',
  'unique',
  'references',
  'end',
  'offset',
  'window',
  'grant',
  'all',
  'analyse',
  'array',
  'both',
  'case',
  'constraint',
  'create',
  'desc',
  'distinct',
  'else',
  'except',
  'fetch',
];

type Variant = (name: string, index: number) => string;
const VARIANTS: Record<string, Variant> = {
  'reserved words': (_name, i) => RESERVED[i],
  'mixed case': (name) => name.replace(/(^|_)([a-z])/g, (_m, sep: string, c: string) => `${sep}${c.toUpperCase()}`),
  'embedded quotes': (name) => `${name}"q`,
};

/** Quoted here, not with the code under test, so the examples are right even when quoteIdent is not. */
const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The SQL with every object name replaced by its variant, quoted (all occurrences, consistently). */
function rewrite(sql: string, mapping: Map<string, string>): string {
  let out = '';
  let at = 0;
  for (const token of scanSync(sql).tokens) {
    const bare = token.text.startsWith('"') ? token.text.slice(1, -1) : token.text.toLowerCase();
    const renamed = mapping.get(bare);
    if (renamed === undefined || (token.tokenName !== 'IDENT' && token.keywordName === 'RESERVED_KEYWORD')) continue;
    out += sql.slice(at, token.start) + quoted(renamed);
    at = token.end;
  }
  return out + sql.slice(at);
}

beforeAll(() => loadModule());

const cases = RULES.flatMap((rule) => rule.example.bad.map((bad, i) => [`${rule.id} bad example ${i + 1}`, rule, bad] as const)).filter(
  ([, rule]) => !rule.id.startsWith('lint/') && rule.id !== 'naming/identifier-too-long',
);

describe.each(Object.entries(VARIANTS))('identifiers as %s', (_label, variant) => {
  test.each(cases)('%s: the rule is still raised and every replacement parses', async (_name, rule, bad) => {
    const existingSql = rule.example.existing ?? '';
    const names = [...new Set([...objectNames(existingSql || 'SELECT 1'), ...objectNames(bad)])];
    const mapping = new Map(names.map((name, i) => [name, variant(name, i)]));
    const existing = existingSql ? [src('0_init', rewrite(existingSql, mapping))] : [];
    const migration = rewrite(bad, mapping);
    for (const sql of [migration, ...existing.map((e) => e.sql)]) expect(() => parseSync(sql)).not.toThrow();
    const result: LintResult = await lintMigrations({
      serverMajor: 16,
      existing,
      migrations: [src('1_change', migration)],
      engine: rule.example.engine,
    });
    expect(result.findings.map((f) => f.ruleId)).toContain(rule.id);
    for (const finding of result.findings.filter((f) => f.replacement)) {
      expect(() => parseSync(finding.replacement!)).not.toThrow();
    }
  });
});

test('SET NOT NULL on a reserved-word column suggests a CHECK that PostgreSQL accepts', async () => {
  const result = await lintMigrations({
    existing: [src('0_init', 'CREATE TABLE "user" (id bigint, "order" int);')],
    migrations: [src('1_change', 'ALTER TABLE "user" ALTER COLUMN "order" SET NOT NULL;')],
  });
  const replacement = result.findings.find((f) => f.ruleId === 'lock/set-not-null')?.replacement ?? '';
  expect(replacement).toContain('CHECK ("order" IS NOT NULL) NOT VALID');
  expect(replacement).toContain('ALTER TABLE "public"."user" ALTER COLUMN "order" SET NOT NULL');
  expect(() => parseSync(replacement)).not.toThrow();
});

test('quoteIdent keeps reserved words, mixed case and embedded quotes the name they are', () => {
  expect(quoteIdent('order')).toBe('"order"');
  expect(quoteIdent('MixedCase')).toBe('"MixedCase"');
  expect(quoteIdent('we"ird')).toBe('"we""ird"');
  const tree = parseSync(`SELECT ${quoteIdent('we"ird')} FROM ${quoteIdent('User')}`) as any;
  expect(tree.stmts[0].stmt.SelectStmt.fromClause[0].RangeVar.relname).toBe('User');
  expect(tree.stmts[0].stmt.SelectStmt.targetList[0].ResTarget.val.ColumnRef.fields[0].String.sval).toBe('we"ird');
});
