import { addCheck, addFindings, createReport, deriveVerdict, finishReport, findingFromError, runCheck } from '../../src/report/model.js';
import { mermaidErDiagram, mermaidType } from '../../src/report/mermaid.js';
import { formatBytes, formatDuration, orderedTimings, plural, severityCounts } from '../../src/report/format.js';
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
    expect(lines).toContain('        timestamp(3) due_date "due date"');
    expect(lines).toContain('        char _1st "1st"');
    expect(lines).toContain('        t_2d n "2d"');
    expect(lines).toContain('    goal_items }o--|| goal-items : "has \'many\'"');
    // Every entity line is a plain identifier followed by "{".
    for (const line of lines.filter((l) => l.endsWith('{'))) expect(line.trim()).toMatch(/^[A-Za-z_][A-Za-z0-9_-]* \{$/);
  });
});

describe('mermaidType', () => {
  test.each([
    ['public."TaskStatus"', 'TaskStatus', undefined],
    ['"TaskStatus"[]', 'TaskStatus[]', undefined],
    ['timestamp(3) without time zone', 'timestamp(3)', undefined],
    ['timestamp with time zone', 'timestamptz', undefined],
    ['time(6) with time zone', 'timetz(6)', undefined],
    ['character varying(255)', 'varchar(255)', undefined],
    ['double precision', 'float8', undefined],
    ['text[]', 'text[]', undefined],
    ['numeric(10,2)', 'numeric', 'numeric(10,2)'],
    ['interval year to month', 'interval_year_to_month', 'interval year to month'],
  ])('%s → %s', (type, shown, full) => {
    expect(mermaidType(type)).toEqual(full ? { type: shown, full } : { type: shown });
  });

  test('only a column that holds a foreign key is marked FK; the exact type is kept in the comment when shortened', () => {
    const diagram = mermaidErDiagram([
      {
        name: 'tasks',
        columns: [
          { name: 'id', type: 'uuid', pk: true },
          { name: 'action_id', type: 'uuid', fk: 'actions.id' },
          { name: 'cost', type: 'numeric(10,2)' },
        ],
        references: [{ to: 'actions', label: 'action_id' }],
      },
    ]);
    expect(diagram.split('\n')).toEqual([
      'erDiagram',
      '    tasks {',
      '        uuid id PK',
      '        uuid action_id FK "references actions.id"',
      '        numeric cost "numeric(10,2)"',
      '    }',
      '    tasks }o--|| actions : "action_id"',
    ]);
  });
});

describe('formatDuration, plural, formatBytes', () => {
  test.each([
    [0, '0 ms'],
    [14.830384000000095, '15 ms'],
    [269.768424, '270 ms'],
    [999.6, '1 s'],
    [1234, '1.2 s'],
    [9960, '10 s'],
    [14_500, '15 s'],
    [59_960, '1 min'],
    [123_000, '2 min 3 s'],
    [3_600_000, '1 h'],
    [3_930_000, '1 h 6 min'],
    [Number.NaN, '0 ms'],
  ])('%p ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test('the noun agrees with the count', () => {
    expect(plural(1, 'migration')).toBe('1 migration');
    expect(plural(0, 'migration')).toBe('0 migrations');
    expect(plural(2, 'index')).toBe('2 indexes');
    expect(plural(3, 'archive entry', 'archive entries')).toBe('3 archive entries');
    expect(severityCounts({ error: 1, warning: 0, notice: 2 })).toBe('1 error, 0 warnings, 2 notices');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
  });
});

test('timings follow the order of the checks whatever order steps finished in, the total last', () => {
  const report = createReport('migration-test', 'T');
  addCheck(report, { name: 'A', status: 'pass' });
  addCheck(report, { name: 'B', status: 'pass' });
  report.timings = { Total: 9, B: 2, 'PostgreSQL start': 5, A: 1 };
  expect(orderedTimings(report).map(([step]) => step)).toEqual(['A', 'B', 'PostgreSQL start', 'Total']);
});
