/**
 * The secrets matrix: passwords made of distinctive 3-character pieces joined by every character
 * that needs percent-encoding in a URL (@ # / ? : %), a space, non-ASCII letters, and a 64-character
 * random one — each given raw (a malformed URL) and percent-encoded (a valid one) to every command
 * and to every action, against a closed port and against a real server where it is the role's
 * password (scram-sha-256). No piece may appear in stdout, stderr, JSON, the job summary, outputs,
 * or any file the runs write. GitHub masks whole secrets only, so a fragment would reach the log.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startThrowawayCluster, type PostgresServer } from '../../src/postgres/ephemeral.js';
import { buildDatabaseUrl, withDatabase } from '../../src/postgres/url.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { runAsAction } from '../helpers/action-runner.js';
import { query } from '../helpers/pg.js';
import { cli, filesUnder, scenario, tempDir, writeMigrations } from './support.js';

jest.setTimeout(240000);

const AREA = 'Secrets';
const CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@#/?:% ~!*';

function randomPassword(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += CHARSET[bytes[i] % CHARSET.length];
  return out.includes('@') ? out : `${out.slice(0, -1)}@`; // always malformed when raw
}

interface MatrixPassword {
  label: string;
  password: string;
  /** What must never appear (each piece, and its percent-encoded form). */
  pieces: string[];
}

const PIECES = ['Qx7', 'Zk9', 'Wm4', 'Rt2', 'Lp8', 'Hv5', 'Jn3'];
const random = randomPassword(64);
const PASSWORDS: MatrixPassword[] = [
  { label: 'reserved characters', password: PIECES.join('@') + '#' + PIECES.join('/?:%'), pieces: PIECES },
  { label: 'space and non-ASCII', password: 'Bc6 Dg4 Ünï Fy3ß', pieces: ['Bc6', 'Dg4', 'Ünï', 'Fy3', encodeURIComponent('Ünï')] },
  // 6-character windows: random 3-character ones would match ordinary text by chance.
  { label: '64 random characters', password: random, pieces: Array.from({ length: 59 }, (_, i) => random.slice(i, i + 6)) },
];

const MIGRATIONS = {
  '20250101000000_init': 'CREATE TABLE account (id int PRIMARY KEY, email text);\n',
  '20250102000000_index': 'CREATE INDEX account_email_idx ON account (email);\n',
};

let server: PostgresServer;
let work: string;
let migrations: string;

beforeAll(async () => {
  server = await startThrowawayCluster({ major: 15 });
  work = tempDir('secrets-matrix');
  migrations = writeMigrations(path.join(work, 'migrations'), MIGRATIONS);
  fs.writeFileSync(path.join(work, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n');
  for (const [i, p] of PASSWORDS.entries()) {
    await query(server.admin, `CREATE ROLE matrix_${i} LOGIN SUPERUSER PASSWORD '${p.password.replace(/'/g, "''")}'`);
    await query(server.admin, `CREATE DATABASE matrix_${i} OWNER matrix_${i}`);
  }
  // The test's own admin connection stays trusted; every role of the matrix must give its password.
  const { rows } = await query<{ hba_file: string }>(server.admin, 'SHOW hba_file').then((r) => ({ rows: r }));
  fs.writeFileSync(rows[0].hba_file, 'local all postgres trust\nlocal all all scram-sha-256\n');
  await query(server.admin, 'SELECT pg_reload_conf()');
});
afterAll(() => server?.stop());

type Target = 'closed port' | 'real server';
type Form = 'raw' | 'percent-encoded';

function urlFor(i: number, form: Form, target: Target): string {
  const password = PASSWORDS[i].password;
  const shown = form === 'raw' ? password : encodeURIComponent(password);
  if (target === 'closed port') return `postgresql://matrix_${i}:${shown}@127.0.0.1:1/matrix_${i}`;
  const base = buildDatabaseUrl({ host: server.socketDir!, port: 5432, user: `matrix_${i}`, database: `matrix_${i}` });
  return base.replace(`matrix_${i}@`, `matrix_${i}:${shown}@`);
}

/** Every command, with the arguments it needs beyond the URL; state-changing ones last. */
function commandRuns(url: string, out: string): Array<{ name: string; argv: string[] }> {
  return [
    { name: 'status', argv: ['status', '--database-url', url, '--migrations-dir', migrations] },
    { name: 'plan', argv: ['plan', '--database-url', url, '--migrations-dir', migrations] },
    { name: 'lint', argv: ['lint', '--database-url', url, '--migrations-dir', migrations, '--sarif', path.join(out, 'lint.sarif')] },
    {
      name: 'drift-check',
      argv: ['drift-check', '--database-url', url, '--migrations-dir', migrations, '--replay-database-url', url, '--report-dir', out],
    },
    {
      name: 'migration-test',
      argv: [
        'migration-test',
        '--database-url',
        url,
        '--migrations-dir',
        migrations,
        '--schema-path',
        path.join(work, 'none.prisma'),
        '--rollback-rehearsal',
        'false',
        '--report-dir',
        out,
      ],
    },
    { name: 'apply', argv: ['apply', '--database-url', url, '--migrations-dir', migrations] },
    { name: 'resolve', argv: ['resolve', '--database-url', url, '--migrations-dir', migrations, '--applied', '20250199999999_unknown'] },
    { name: 'restore', argv: ['restore', '--database-url', url, '--backup-path', path.join(out, 'none.sql.custom')] },
    { name: 'backup', argv: ['backup', '--database-url', url, '--output-dir', path.join(out, 'backups'), '--verify', 'list'] },
    {
      name: 'deploy',
      argv: [
        'deploy',
        '--database-url',
        url,
        '--migrations-dir',
        migrations,
        '--environment',
        'staging',
        '--approved-by',
        'alice',
        '--backup-dir',
        path.join(out, 'deploy-backups'),
        '--report-dir',
        out,
        '--audit-table',
      ],
    },
  ];
}

const ACTION_NAMES = ['migration-test', 'drift-check', 'backup', 'restore', 'deploy'];

function leaksIn(text: string, pieces: string[]): string[] {
  return pieces.filter((piece) => text.includes(piece));
}

scenario(
  AREA,
  'matrix: 3 passwords × raw/encoded × closed port/real server × every command and action — no 3-character piece in any output or file',
  async (r) => {
    const env = { BACKUP_PASSPHRASE: 'matrix-passphrase-Kq8Vw2' };
    const leaks: string[] = [];
    let runs = 0;
    const codes = new Map<string, number>();
    for (const [i, p] of PASSWORDS.entries()) {
      for (const form of ['raw', 'percent-encoded'] as Form[]) {
        for (const target of ['closed port', 'real server'] as Target[]) {
          const url = urlFor(i, form, target);
          const out = path.join(work, 'out', `${i}-${form}-${target.replace(' ', '-')}`);
          fs.mkdirSync(out, { recursive: true });
          const where = `${p.label}, ${form}, ${target}`;
          for (const run of commandRuns(url, out)) {
            // Failures cost nothing: both renderers. A real run once, as JSON (the richer output).
            const modes = form === 'raw' || target === 'closed port' ? [false, true] : [true];
            for (const json of modes) {
              const result = await cli(json ? [...run.argv, '--json'] : run.argv, work, env);
              runs++;
              codes.set(`${where} ${run.name}`, result.code);
              for (const piece of leaksIn(result.out + result.err, p.pieces)) leaks.push(`${where}: ${run.name} output shows "${piece}"`);
            }
          }
          // The same URL through the action front end (inputs, job summary, outputs, runner log).
          if (target === 'closed port' || form === 'raw') {
            for (const name of ACTION_NAMES) {
              const command = COMMANDS.find((c) => c.name === name) as Command;
              const runnerDir = path.join(out, `runner-${name}`);
              fs.mkdirSync(runnerDir, { recursive: true });
              const action = await runAsAction(command, {
                runnerDir,
                inputs: {
                  'database-url': url,
                  'migrations-dir': migrations,
                  'backup-path': path.join(out, 'none.sql.custom'),
                  'report-dir': out,
                  environment: 'staging',
                },
                env: { GITHUB_WORKSPACE: work },
              });
              runs++;
              // ::add-mask:: lines are the runner's instruction to mask (consumed, never shown).
              const log = action.log.filter((line) => !line.startsWith('::add-mask::')).join('\n');
              const text = `${log}\n${action.summary}\n${JSON.stringify(action.outputs)}`;
              for (const piece of leaksIn(text, p.pieces)) leaks.push(`${where}: action ${name} shows "${piece}"`);
            }
          }
        }
      }
    }
    // Real runs really connected with the password (encoded), raw ones were refused as bad input.
    expect(codes.get('reserved characters, percent-encoded, real server apply')).toBe(0);
    expect(codes.get('64 random characters, percent-encoded, real server plan')).toBe(0);
    expect(codes.get('space and non-ASCII, percent-encoded, real server backup')).toBe(0);
    expect(codes.get('reserved characters, raw, real server apply')).toBe(2);
    expect(codes.get('reserved characters, percent-encoded, closed port status')).toBe(1);
    const files = filesUnder(work).filter((f) => !f.name.endsWith('schema.prisma') && !f.name.includes('migrations'));
    for (const file of files) {
      for (const [i, p] of PASSWORDS.entries()) {
        for (const piece of leaksIn(`${file.name}\n${Buffer.from(file.text, 'latin1').toString('utf8')}`, p.pieces)) {
          leaks.push(`file ${file.name} shows "${piece}" of password ${i}`);
        }
      }
    }
    // What went into the databases: bookkeeping logs and audit records.
    for (const [i, p] of PASSWORDS.entries()) {
      const db = withDatabase(server.admin, `matrix_${i}`);
      const rows = JSON.stringify([
        await query(db, 'SELECT * FROM _prisma_migrations'),
        await query(db, 'SELECT * FROM prisma_migrate_actions.deployments'),
      ]);
      expect(rows).toMatch(/20250102000000_index/);
      for (const piece of leaksIn(rows, p.pieces)) leaks.push(`database rows of matrix_${i} show "${piece}"`);
    }
    r.numbers['runs'] = runs;
    r.numbers['files scanned'] = files.length;
    expect(leaks).toEqual([]);
    r.note = 'random password checked by 6-character windows (3-character ones occur in ordinary text by chance)';
  },
);
