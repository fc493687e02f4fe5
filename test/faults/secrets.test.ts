/**
 * Secrets: every command's success and failure paths run through the CLI with a recognisable
 * password (in the URL), backup passphrase and GitHub token; every byte they write — stdout,
 * stderr, JSON, SARIF, reports, audit records (file and table), backup manifests, file names,
 * bookkeeping logs — is searched for them.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { buildDatabaseUrl, type ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query, testServer } from '../helpers/pg.js';
import { cli, filesUnder, scenario, tempDir, writeMigrations } from './support.js';

jest.setTimeout(180000);
afterAll(dropTestDatabases);

const PASSWORD = 'Pw#Secr3t-7a1c/zz';
const PASSPHRASE = 'Passphrase-Secr3t-44e2';
const TOKEN = 'ghp_TokenSecr3t00000000000000000000aa';
const FORMS = [PASSWORD, encodeURIComponent(PASSWORD), PASSPHRASE, TOKEN];

function withPassword(db: ConnectionSettings): string {
  return buildDatabaseUrl({ ...db, password: PASSWORD, schema: db.schema });
}

const GOOD = {
  '20250101000000_init': "CREATE TABLE account (id int PRIMARY KEY, email text);\nINSERT INTO account VALUES (1, 'a@example.com');\n",
  '20250102000000_index': 'CREATE INDEX account_email_idx ON account (email);\n',
};
const BAD = { ...GOOD, '20250103000000_fails': 'ALTER TABLE account ADD COLUMN n int;\nSELECT 1 / 0;\n' };

scenario('Secrets', 'password, passphrase and token never appear in any output of any command (success and failure paths)', async (r) => {
  const work = tempDir('secrets');
  const good = writeMigrations(path.join(work, 'good'), GOOD);
  const bad = writeMigrations(path.join(work, 'bad'), BAD);
  const db = await freshDatabase();
  const url = withPassword(db);
  const replay = withPassword((await testServer()).admin);
  const out = (name: string) => path.join(work, 'out', name);
  const env = { PMA_DEBUG: '1', DATABASE_URL: url, BACKUP_PASSPHRASE: PASSPHRASE, GITHUB_TOKEN: TOKEN };
  const runs: Array<{ argv: string[]; code: number; text: string }> = [];
  /** Runs as text and as --json (`once`: commands that change state run once, as text). */
  const run = async (argv: string[], once = false): Promise<number> => {
    for (const json of once ? [false] : [false, true]) {
      const result = await cli(json ? [...argv, '--json'] : argv, work, env);
      runs.push({ argv, code: result.code, text: result.out + result.err });
    }
    return runs.at(-1)!.code;
  };
  const token: string[] = []; // GITHUB_TOKEN: the command line takes no secrets

  // Engine commands.
  await run(['plan', '--database-url', url, '--migrations-dir', good]);
  await run(['apply', '--database-url', url, '--migrations-dir', good, '--dry-run']);
  expect(await run(['apply', '--database-url', url, '--migrations-dir', good])).toBe(0);
  await run(['status', '--database-url', url, '--migrations-dir', good]);
  fs.mkdirSync(out(''), { recursive: true });
  await run(['lint', '--database-url', url, '--migrations-dir', bad, '--sarif', out('lint.sarif')]);
  // Strict: the failed row stays failed, so resolve has something to resolve.
  expect(await run(['apply', '--database-url', url, '--migrations-dir', bad, '--strict-failures'])).toBe(1);
  await run(['status', '--database-url', url, '--migrations-dir', bad, '--strict']);
  await run(['resolve', '--database-url', url, '--migrations-dir', bad, '--applied', '20250199999999_unknown']);
  expect(await run(['resolve', '--database-url', url, '--migrations-dir', bad, '--rolled-back', '20250103000000_fails'], true)).toBe(0);
  // Connection failures with the password in the URL.
  await run(['status', '--database-url', url.replace(':5432/', ':5499/'), '--migrations-dir', good]);
  await run(['status', '--database-url', `postgresql://app:${encodeURIComponent(PASSWORD)}@db:notaport/x`]);
  await run(['status', '--migrations-dir', good]); // from DATABASE_URL

  // Backup and restore.
  expect(await run(['backup', '--database-url', url, '--output-dir', out('backups'), '--verify', 'restore'], true)).toBe(0);
  fs.writeFileSync(out('not-a-dir'), '');
  expect(await run(['backup', '--database-url', url, '--output-dir', path.join(out('not-a-dir'), 'x')])).not.toBe(0);
  const backup = fs.readdirSync(out('backups')).find((f) => f.endsWith('.gpg'))!;
  const backupPath = path.join(out('backups'), backup);
  expect(await run(['restore', '--database-url', url, '--backup-path', backupPath], true)).toBe(0);
  const typo = path.join(tempDir('secret-files'), 'typo'); // the user's own secret file, not something the runs wrote
  fs.writeFileSync(typo, `${PASSPHRASE}-typo\n`, { mode: 0o600 });
  expect(await run(['restore', '--database-url', url, '--backup-path', backupPath, '--passphrase-file', typo])).toBe(1);
  // Secrets on argv are refused (exit 2) without echoing them.
  expect(await run(['backup', '--database-url', url, '--passphrase', PASSPHRASE])).toBe(2);
  expect(await run(['drift-check', '--database-url', url, '--github-token', TOKEN])).toBe(2);

  // Drift check: clean, then drifted.
  expect(
    await run([
      'drift-check',
      '--database-url',
      url,
      '--migrations-dir',
      good,
      '--replay-database-url',
      replay,
      ...token,
      '--report-dir',
      out('drift'),
    ]),
  ).toBe(0);
  await query(db, 'ALTER TABLE account ADD COLUMN hand_made int');
  expect(
    await run([
      'drift-check',
      '--database-url',
      url,
      '--migrations-dir',
      good,
      '--replay-database-url',
      replay,
      ...token,
      '--report-dir',
      out('drift'),
    ]),
  ).toBe(1);
  await query(db, 'ALTER TABLE account DROP COLUMN hand_made');

  // Deploy: success (new migration, encrypted backup, audit table), then a failing migration.
  const deployDir = writeMigrations(path.join(work, 'deploy'), {
    ...GOOD,
    '20250104000000_more': 'ALTER TABLE account ADD COLUMN name text;\n',
  });
  const deployArgs = [
    'deploy',
    '--database-url',
    url,
    '--environment',
    'production',
    '--approved-by',
    'alice',
    ...token,
    '--backup-dir',
    out('deploy-backups'),
    '--report-dir',
    out('deploy-reports'),
    '--audit-table',
    '--drift-policy',
    'warn',
  ];
  expect(await run([...deployArgs, '--migrations-dir', deployDir], true)).toBe(0);
  const failingDir = writeMigrations(path.join(work, 'deploy-bad'), {
    ...GOOD,
    '20250104000000_more': 'ALTER TABLE account ADD COLUMN name text;\n',
    '20250105000000_fails': 'CREATE INDEX CONCURRENTLY account_name_idx ON account (name);\nSELECT 1 / 0;\n',
  });
  expect(await run([...deployArgs, '--migrations-dir', failingDir], true)).toBe(1);
  await run([
    'deploy',
    '--database-url',
    url,
    '--migrations-dir',
    good,
    '--environment',
    'production',
    ...token,
    '--report-dir',
    out('refused'),
  ]); // refused: no approval

  // The pull request check, with a token and the server URL carrying the password.
  await run([
    'migration-test',
    '--database-url',
    replay,
    '--migrations-dir',
    good,
    ...token,
    '--schema-path',
    path.join(work, 'none.prisma'),
    '--report-dir',
    out('pr'),
  ]);

  // Everything written: output, files and their names, and what went into the database.
  const files = filesUnder(work);
  const dbText = JSON.stringify([
    await query(db, 'SELECT * FROM _prisma_migrations'),
    await query(db, 'SELECT * FROM prisma_migrate_actions.deployments'),
  ]);
  const haystacks = [
    ...runs.map((x) => ({ where: `output of ${x.argv.slice(0, 1).join(' ')}`, text: x.text })),
    ...files.map((f) => ({ where: `file ${f.name}`, text: `${f.name}\n${f.text}` })),
    { where: 'database rows (bookkeeping logs, audit table)', text: dbText },
  ];
  const leaks = haystacks.flatMap((h) =>
    FORMS.filter((secret) => h.text.includes(secret)).map(
      (secret) =>
        `${h.where} contains ${secret === PASSWORD || secret === encodeURIComponent(PASSWORD) ? 'the password' : secret === TOKEN ? 'the token' : 'the passphrase'}`,
    ),
  );
  r.numbers['command runs'] = runs.length;
  r.numbers['files scanned'] = files.length;
  r.numbers['bytes scanned'] = haystacks.reduce((n, h) => n + h.text.length, 0);
  expect(leaks).toEqual([]);
  // The secrets were really given, and the scanned files include every kind of artefact.
  expect(url).toContain(encodeURIComponent(PASSWORD));
  for (const kind of [/\.manifest\.json$/, /audit-production-.*\.json$/, /lint\.sarif$/, /\.sql\.custom\.gpg$/])
    expect(files.some((f) => kind.test(f.name))).toBe(true);
  expect(dbText).toMatch(/E_APPROVAL_MISSING|E_MIGRATION_FAILED/);
  // The runs really exercised success and failure paths.
  expect(runs.some((x) => x.code === 0)).toBe(true);
  expect(runs.some((x) => x.code === 1)).toBe(true);
  expect(runs.some((x) => x.code === 2)).toBe(true);
  r.note = 'demo takes no secret and is not run here';
});
