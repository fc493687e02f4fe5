import {
  renderConsole,
  renderMarkdown,
  renderPrComment,
  renderJson,
  toAnnotations,
  commentMarker,
  PR_COMMENT_LIMIT,
} from '../../src/report/render.js';
import {
  addCheck,
  addCodeBlock,
  addFindings,
  addTable,
  createReport,
  finishReport,
  recordTiming,
  setReportOutputs,
  type Report,
} from '../../src/report/model.js';
import { registerSecret } from '../../src/postgres/redact.js';
import { MigrateActionsError } from '../../src/errors.js';

function sampleReport(): Report {
  const report = createReport('migration-test', 'Migration test');
  addCheck(report, { name: 'history guard', status: 'pass', durationMs: 42 });
  addCheck(report, {
    name: 'from scratch',
    status: 'fail',
    durationMs: 1250,
    detail: 'Migration `20240102_add_email` failed at line 3: SQLSTATE 23502',
    items: ['User', 'Goal'],
  });
  addFindings(report, [
    {
      severity: 'error',
      ruleId: 'adding-not-null-column',
      file: 'prisma/migrations/20240102_add_email/migration.sql',
      line: 3,
      column: 5,
      title: 'NOT NULL column without default',
      message: 'ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL fails on a table with rows.',
      fix: 'Add a default, backfill, then set NOT NULL.',
      replacement: 'ALTER TABLE "User" ADD COLUMN "email" TEXT;',
    },
    { severity: 'notice', title: 'No file', message: 'A notice about the project.' },
  ]);
  addTable(report, {
    title: 'New migrations',
    columns: ['name', 'statements'],
    rows: [
      ['20240102_add_email', '2'],
      ['a|b', 'x\ny'],
    ],
  });
  addCodeBlock(report, {
    title: '20240102_add_email/migration.sql',
    language: 'sql',
    code: 'ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL;\n',
    collapsed: true,
  });
  report.mermaid = 'erDiagram\n    User {\n        text email\n    }';
  recordTiming(report, 'total', 65_300);
  return finishReport(report);
}

describe('renderMarkdown', () => {
  test('verdict line, checks table, findings, collapsed SQL, Mermaid block, timings', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toMatch(/^## ❌ Migration test: failed\n\nfailed: from scratch; 1 error, 0 warnings, 1 notice/);
    expect(md).toContain('| ❌ | from scratch | fail | 1.3 s |');
    expect(md).toContain('| ✅ | history guard | pass | 42 ms |');
    expect(md).toContain(
      '**NOT NULL column without default** · `adding-not-null-column` · `prisma/migrations/20240102_add_email/migration.sql:3:5`',
    );
    expect(md).toContain('**Fix:** Add a default, backfill, then set NOT NULL.');
    expect(md).toContain('<details><summary>20240102_add_email/migration.sql</summary>\n\n```sql\nALTER TABLE');
    expect(md).toContain('```mermaid\nerDiagram');
    expect(md).toContain('| total | 1 min 5 s |');
    expect(md).toContain('- User\n- Goal');
    // A pipe or newline in a cell must not break the table.
    expect(md).toContain('| a\\|b | x<br>y |');
  });

  test('a fence longer than any backtick run in the code', () => {
    const report = createReport('plan', 'Plan');
    addCodeBlock(report, { title: 'weird', language: 'sql', code: "SELECT '```' AS fence;" });
    expect(renderMarkdown(finishReport(report))).toContain("````sql\nSELECT '```' AS fence;\n````");
  });
});

describe('renderPrComment', () => {
  test('starts with the hidden marker', () => {
    const body = renderPrComment(sampleReport(), { marker: 'migration-test' });
    expect(body.startsWith('<!-- prisma-migrate-actions:migration-test -->\n## ❌')).toBe(true);
    expect(commentMarker('a b-->c')).toBe('<!-- prisma-migrate-actions:a-b-c -->');
  });

  test('stays under GitHub’s 65,536-character limit, cutting whole blocks with a note', () => {
    const report = sampleReport();
    addFindings(
      report,
      Array.from({ length: 3000 }, (_, i) => ({ severity: 'warning' as const, title: `finding ${i}`, message: 'x'.repeat(40) })),
    );
    addCodeBlock(report, { title: 'huge.sql', language: 'sql', code: Array.from({ length: 20_000 }, (_, i) => `SELECT ${i};`).join('\n') });
    const body = renderPrComment(finishReport(report), { marker: 'm', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(body).toMatch(
      /> \*\*Truncated:\*\* \d+ more findings not shown — the full report is in the \[job summary of this run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)/,
    );
    // The checks and the first findings survive; fences stay balanced.
    expect(body).toContain('| ❌ | from scratch | fail | 1.3 s |');
    expect(body).toContain('finding 0');
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
  });

  test('a single code block too long for a comment is shortened, not dropped', () => {
    const report = createReport('migration-test', 'Big migration');
    addCodeBlock(report, {
      title: 'big.sql',
      language: 'sql',
      code: Array.from({ length: 10_000 }, (_, i) => `INSERT INTO t VALUES (${i});`).join('\n'),
      collapsed: true,
    });
    const body = renderPrComment(finishReport(report), { marker: 'm' });
    expect(body.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(body).toContain('INSERT INTO t VALUES (0);');
    expect(body).toMatch(/_Truncated: \d+ of 10000 lines shown\._/);
    expect(body).toContain('</details>');
  });

  test('a report that fits is not truncated', () => {
    expect(renderPrComment(sampleReport(), { marker: 'm' })).not.toContain('Truncated');
  });
});

describe('renderConsole', () => {
  test('no ANSI escapes unless colour is asked for', () => {
    const plain = renderConsole(sampleReport(), { color: false });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain('✖ Migration test: failed');
    expect(plain).toContain(
      'prisma/migrations/20240102_add_email/migration.sql:3:5  NOT NULL column without default  [adding-not-null-column]',
    );
    expect(plain).toContain('fix: Add a default, backfill, then set NOT NULL.');
    expect(plain).toContain('  ✖ from scratch  (1.3 s)');
    const coloured = renderConsole(sampleReport(), { color: true });
    expect(coloured).toMatch(/\u001b\[31m✖\u001b\[39m from scratch/);
  });
});

describe('toAnnotations', () => {
  test('one per finding with a file, with line, column and the fix in the message', () => {
    expect(toAnnotations(sampleReport())).toEqual([
      {
        level: 'error',
        file: 'prisma/migrations/20240102_add_email/migration.sql',
        startLine: 3,
        startColumn: 5,
        title: 'adding-not-null-column: NOT NULL column without default',
        message:
          'ALTER TABLE "User" ADD COLUMN "email" TEXT NOT NULL fails on a table with rows.\nFix: Add a default, backfill, then set NOT NULL.',
      },
    ]);
  });

  test('multi-line findings drop the column (GitHub ignores it) and keep endLine', () => {
    const report = createReport('lint', 'Lint');
    addFindings(report, [{ severity: 'warning', file: 'a.sql', line: 2, column: 3, endLine: 5, title: 't', message: 'm' }]);
    expect(toAnnotations(report)).toEqual([{ level: 'warning', file: 'a.sql', startLine: 2, endLine: 5, title: 't', message: 'm' }]);
  });
});

describe('renderJson', () => {
  test('fixed top-level order, sorted data keys, errors and bigints serialised', () => {
    const report = sampleReport();
    report.data = { zeta: 1n, alpha: new MigrateActionsError('E_MIGRATION_FAILED', 'it broke', { remedy: 'fix it' }), when: new Date(0) };
    const json = renderJson(report);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed).slice(0, 5)).toEqual(['version', 'kind', 'title', 'verdict', 'summary']);
    expect(Object.keys(parsed.data)).toEqual(['alpha', 'when', 'zeta']);
    expect(parsed.data.alpha).toEqual({ code: 'E_MIGRATION_FAILED', message: 'it broke', name: 'MigrateActionsError', remedy: 'fix it' });
    expect(parsed.data.zeta).toBe('1');
    expect(parsed.data.when).toBe('1970-01-01T00:00:00.000Z');
    expect(renderJson(report)).toBe(json);
  });
});

describe('secrets', () => {
  const secret = 'tok-Sup3rSecret-9f8e7d';
  beforeAll(() => registerSecret(secret));

  function reportWithSecretEverywhere(): Report {
    const report = createReport('deploy', `Deploy ${secret}`);
    addCheck(report, { name: `check ${secret}`, status: 'fail', detail: `detail ${secret}`, items: [`item ${secret}`] });
    addFindings(report, [
      {
        severity: 'error',
        ruleId: `rule-${secret}`,
        file: `dir/${secret}/migration.sql`,
        line: 1,
        title: `title ${secret}`,
        message: `message ${secret} postgresql://app:url-pass-123@db/x`,
        fix: `fix ${secret}`,
        replacement: `replacement ${secret}`,
      },
    ]);
    addTable(report, { title: `table ${secret}`, columns: [`col ${secret}`], rows: [[`cell ${secret}`]] });
    addCodeBlock(report, { title: `code ${secret}`, language: 'sql', code: `SELECT '${secret}';`, collapsed: true });
    report.mermaid = `erDiagram\n  %% ${secret}`;
    recordTiming(report, `step ${secret}`, 5);
    setReportOutputs(report, { token: secret });
    report.data = { [`key-${secret}`]: [`value ${secret}`], nested: { error: new Error(`boom ${secret}`) } };
    return finishReport(report, { summary: `summary ${secret}` });
  }

  test.each([
    ['console', (r: Report) => renderConsole(r, { color: true })],
    ['markdown', (r: Report) => renderMarkdown(r)],
    ['pr comment', (r: Report) => renderPrComment(r, { marker: 'm' })],
    ['annotations', (r: Report) => JSON.stringify(toAnnotations(r))],
    ['json', (r: Report) => renderJson(r)],
  ])('%s output never contains a registered secret or a URL password', (_name, render) => {
    const out = render(reportWithSecretEverywhere());
    expect(out).not.toContain(secret);
    expect(out).not.toContain('url-pass-123');
    expect(out).toContain('***');
  });

  test('every field of the markdown was masked (no field skipped)', () => {
    const md = renderMarkdown(reportWithSecretEverywhere());
    for (const prefix of [
      'Deploy',
      'check',
      'detail',
      'item',
      'title',
      'message',
      'fix',
      'replacement',
      'table',
      'col',
      'cell',
      'code',
      'step',
      'summary',
    ]) {
      expect(md).toContain(`${prefix} ***`);
    }
    const json = renderJson(reportWithSecretEverywhere());
    expect(json).toContain('"key-***"');
    expect(json).toContain('boom ***');
  });
});
