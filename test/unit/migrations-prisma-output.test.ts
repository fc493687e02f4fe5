import { parseDeployOutput } from '../../src/migrations/prisma-cli.js';

describe('parseDeployOutput', () => {
  test('reads the applied tree', () => {
    const text = [
      'The following migration(s) have been applied:',
      '',
      'migrations/',
      '  └─ 20240101000000_init/',
      '    └─ migration.sql',
      '  └─ 20240102000000_posts/',
      '    └─ migration.sql',
    ].join('\n');
    expect(parseDeployOutput(text)).toMatchObject({ applied: ['20240101000000_init', '20240102000000_posts'], noPending: false });
  });

  test('names the failed migration from a P3018 error', () => {
    const text = [
      'Error: P3018',
      '',
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from.',
      '',
      'Migration name: 20240102000000_broken',
      '',
      'Database error code: 42601',
    ].join('\n');
    expect(parseDeployOutput(text)).toMatchObject({ errorCode: 'P3018', failedMigration: '20240102000000_broken' });
  });

  test('names the failed migration from a P3009 refusal', () => {
    const text =
      'Error: P3009\n\nmigrate found failed migrations in the target database\nThe `20240102000000_broken` migration started at … failed\nmigration_name="20240102000000_broken"';
    expect(parseDeployOutput(text)).toMatchObject({ errorCode: 'P3009', failedMigration: '20240102000000_broken' });
  });

  test('no pending migrations', () => {
    expect(parseDeployOutput('No pending migrations to apply.')).toMatchObject({
      noPending: true,
      applied: [],
      failedMigration: undefined,
    });
  });
});
