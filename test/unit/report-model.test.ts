import { addCheck, addFindings, createReport, deriveVerdict, finishReport, findingFromError, runCheck } from '../../src/report/model.js';
import { mermaidErDiagram } from '../../src/report/mermaid.js';
import { MigrateActionsError } from '../../src/errors.js';

describe('verdict', () => {
  test.each([
    [[], [], 'pass'],
    [['skip', 'skip'], [], 'skip'],
    [['pass', 'skip'], [], 'pass'],
    [['pass'], ['warning'], 'warn'],
    [['pass'], ['notice'], 'pass'],
    [['warn', 'pass'], ['notice'], 'warn'],
    [['pass'], ['error'], 'fail'],
    [['fail', 'warn'], [], 'fail'],
  ] as const)('checks %j and findings %j → %s', (statuses, severities, expected) => {
    const report = createReport('lint', 'Lint');
    for (const status of statuses) addCheck(report, { name: status, status });
    addFindings(
      report,
      severities.map((severity) => ({ severity, title: 't', message: 'm' })),
    );
    expect(deriveVerdict(report)).toBe(expected);
  });

  test('an explicit summary and verdict win', () => {
    const report = finishReport(createReport('status', 'Status'), { verdict: 'skip', summary: 'nothing to do' });
    expect(report).toMatchObject({ verdict: 'skip', summary: 'nothing to do' });
  });
});

describe('runCheck', () => {
  test('records duration and timing; a failure marks the check and rethrows', async () => {
    const report = createReport('deploy', 'Deploy');
    let clock = 1000;
    const now = () => clock;
    await runCheck(
      report,
      'backup',
      async () => {
        clock += 250;
      },
      now,
    );
    await expect(
      runCheck(
        report,
        'apply',
        async () => {
          clock += 10;
          throw new Error('lock timeout');
        },
        now,
      ),
    ).rejects.toThrow('lock timeout');
    expect(report.checks).toEqual([
      { name: 'backup', status: 'pass', durationMs: 250 },
      { name: 'apply', status: 'fail', durationMs: 10, detail: 'lock timeout' },
    ]);
    expect(report.timings).toEqual({ backup: 250, apply: 10 });
    expect(finishReport(report).verdict).toBe('fail');
  });
});

describe('findingFromError', () => {
  test('carries code, location and remedy', () => {
    const error = new MigrateActionsError('E_MIGRATION_FAILED', 'column "x" does not exist', {
      remedy: 'fix the migration',
      where: { file: 'prisma/migrations/1_a/migration.sql', line: 4, column: 2, migration: '1_a' },
    });
    expect(findingFromError(error)).toEqual({
      severity: 'error',
      ruleId: 'E_MIGRATION_FAILED',
      file: 'prisma/migrations/1_a/migration.sql',
      line: 4,
      column: 2,
      title: 'E_MIGRATION_FAILED in 1_a',
      message: 'column "x" does not exist',
      fix: 'fix the migration',
    });
    expect(findingFromError(new Error('plain'))).toEqual({ severity: 'error', title: 'Unexpected error', message: 'plain' });
  });
});

describe('mermaidErDiagram', () => {
  test('entities, keys, relationships', () => {
    const diagram = mermaidErDiagram([
      {
        name: 'User',
        columns: [
          { name: 'id', type: 'integer', pk: true },
          { name: 'email', type: 'text' },
        ],
        references: [],
      },
      {
        name: 'Goal',
        columns: [
          { name: 'id', type: 'integer', pk: true },
          { name: 'userId', type: 'integer', fk: 'User.id' },
        ],
        references: [{ to: 'User', label: 'owned by' }],
      },
    ]);
    expect(diagram).toBe(
      [
        'erDiagram',
        '    User {',
        '        integer id PK',
        '        text email',
        '    }',
        '    Goal {',
        '        integer id PK',
        '        integer userId FK "references User.id"',
        '    }',
        '    Goal }o--|| User : "owned by"',
      ].join('\n'),
    );
  });

  test('names Mermaid cannot take become distinct identifiers, the original kept in a comment', () => {
    const diagram = mermaidErDiagram([
      {
        name: 'goal items',
        columns: [
          { name: 'due date', type: 'timestamp(3) without time zone' },
          { name: '1st', type: '"char"' },
          { name: 'n', type: '2d' },
        ],
        references: [{ to: 'goal-items', label: 'has "many"' }],
      },
      { name: 'goal_items', columns: [], references: [] },
      { name: 'goal-items', columns: [], references: [] },
      { name: 'ünïcode.tbl', columns: [], references: [] },
    ]);
    const lines = diagram.split('\n');
    expect(lines).toContain('    goal_items {');
    expect(lines).toContain('    goal_items_2 {');
    expect(lines).toContain('    goal-items {');
    expect(lines).toContain('    %% goal_items is goal items');
    expect(lines).toContain('        timestamp(3)_without_time_zone due_date "due date"');
    expect(lines).toContain('        char _1st "1st"');
    expect(lines).toContain('        t_2d n');
    expect(lines).toContain('    goal_items }o--|| goal-items : "has \'many\'"');
    // Every entity line is a plain identifier followed by "{".
    for (const line of lines.filter((l) => l.endsWith('{'))) expect(line.trim()).toMatch(/^[A-Za-z_][A-Za-z0-9_-]* \{$/);
  });
});
