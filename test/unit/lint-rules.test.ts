/**
 * One block per rule, driven by the rule catalogue's examples: every bad example is found on an
 * existing object, not on one the change set creates (for lock/compat/data-loss rules), not
 * when silenced with a reason, and not in the documented safe form.
 */
import { lintMigrations, RULES, type LintInput, type LintResult, type LintSource } from '../../src/lint/index.js';

const src = (name: string, sql: string): LintSource => ({ name, path: `migrations/${name}/migration.sql`, sql });

async function lint(input: Partial<LintInput> & { migrations: LintSource[] }): Promise<LintResult> {
  return lintMigrations({ serverMajor: 16, ...input });
}

const ids = (result: LintResult): string[] => result.findings.map((f) => f.ruleId);

/** Inserts a comment line above 1-based line `line`. */
function commentAbove(sql: string, line: number, comment: string): string {
  const lines = sql.split('\n');
  lines.splice(line - 1, 0, comment);
  return lines.join('\n');
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const { example } = rule;
  const engine = example.engine ?? 'builtin';
  const existing = example.existing ? [src('0_init', example.existing)] : [];
  const [firstBad] = example.bad;

  test.each(example.bad.map((sql, i) => [i + 1, sql] as const))('bad example %i is found on an existing object', async (_n, sql) => {
    const result = await lint({ existing, migrations: [src('1_change', sql)], engine });
    expect(ids(result)).toContain(id);
    const finding = result.findings.find((f) => f.ruleId === id)!;
    expect(finding.file).toBe('migrations/1_change/migration.sql');
    expect(finding.migration).toBe('1_change');
    expect(finding.title).toBe(rule.title);
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.fix).toBe(rule.safe);
    expect(finding.statement.length).toBeGreaterThan(0);
    if (rule.lock) expect(finding.lock).toBe(rule.lock);
  });

  if (example.good.length) {
    test.each(example.good.map((sql, i) => [i + 1, sql] as const))('good example %i is not flagged', async (_n, sql) => {
      const result = await lint({ existing, migrations: [src('1_change', sql)], engine });
      expect(ids(result)).not.toContain(id);
    });
  }

  if (example.existing) {
    test(
      rule.scope === 'existing'
        ? 'is not raised when the change set created the object (same migration or an earlier one)'
        : 'is raised on new objects too (not a lock hazard)',
      async () => {
        const same = await lint({ migrations: [src('1_change', `${example.existing}\n${firstBad}`)], engine });
        const split = await lint({ migrations: [src('1_create', example.existing!), src('2_change', firstBad)], engine });
        for (const result of [same, split]) {
          if (rule.scope === 'existing') expect(ids(result)).not.toContain(id);
          else expect(ids(result)).toContain(id);
        }
      },
    );
  }

  if (!id.startsWith('lint/')) {
    test('is silenced by a lint-ignore comment with a reason, and the result lists it', async () => {
      const first = await lint({ existing, migrations: [src('1_change', firstBad)], engine });
      const lines = [...new Set(first.findings.filter((f) => f.ruleId === id).map((f) => f.line))].sort((a, b) => b - a);
      const sql = lines.reduce((text, line) => commentAbove(text, line, `-- lint-ignore ${id}: reviewed, safe here`), firstBad);
      const result = await lint({ existing, migrations: [src('1_change', sql)], engine });
      expect(ids(result)).not.toContain(id);
      expect(result.silenced.filter((s) => s.ruleId === id).map((s) => s.reason)).toContain('reviewed, safe here');
    });
  }
});

test('every rule has a title, at least one bad example, and a distinct id', () => {
  for (const rule of RULES) {
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.example.bad.length).toBeGreaterThanOrEqual(1);
  }
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  expect(RULES.reduce((n, r) => n + r.example.bad.length + r.example.good.length, 0)).toBeGreaterThan(2 * RULES.length);
});
