import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { freshDatabase, dropTestDatabases, query, testMajors } from '../helpers/pg.js';
import { sweepAbandonedClusters } from '../../src/postgres/ephemeral.js';
import { findPostgresBinaries } from '../../src/postgres/binaries.js';
import { MigrateActionsError } from '../../src/errors.js';

afterAll(dropTestDatabases);

describe('throwaway PostgreSQL', () => {
  test.each(testMajors())('PostgreSQL %i serves fresh databases with ?schema=', async (major) => {
    const db = await freshDatabase({ major, schema: 'app' });
    const rows = await query<{ v: string; sp: string }>(
      db,
      "SELECT current_setting('server_version_num') AS v, current_setting('search_path') AS sp",
    );
    expect(Math.floor(Number(rows[0].v) / 10000)).toBe(major);
    expect(rows[0].sp).toBe('app');
  });

  test('the suite covers two majors', () => {
    expect(new Set(testMajors()).size).toBeGreaterThanOrEqual(2);
  });

  test('a major that exists nowhere fails with the inputs that fix it', () => {
    let caught: unknown;
    try {
      findPostgresBinaries({ major: 3, allowInstall: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrateActionsError);
    expect((caught as MigrateActionsError).remedy).toMatch(/database-url/);
    expect((caught as MigrateActionsError).remedy).toMatch(/postgres-version/);
  });

  test('a cluster whose owner was SIGKILLed is swept by the next start', async () => {
    const script = `
      import { startThrowawayCluster } from './src/postgres/ephemeral.ts';
      const s = await startThrowawayCluster({ major: 15 });
      console.log('ROOT=' + s.rootDir);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const root = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /ROOT=(\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`child exited early: ${out}`)));
    });
    expect(fs.existsSync(root)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(fs.existsSync(`${root}/data/postmaster.pid`)).toBe(true);
    expect(sweepAbandonedClusters()).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(root)).toBe(false);
  }, 30000);
});
