import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { freshDatabase, dropTestDatabases, query, testMajors } from '../helpers/pg.js';
import { dataDirRequest, startThrowawayCluster, sweepAbandonedClusters, type PostgresServer } from '../../src/postgres/ephemeral.js';
import {
  TEMPLATE_MARKER,
  cachedTemplate,
  createDataDir,
  templateCacheRoot,
  type DataDirRequest,
} from '../../src/postgres/initdb-template.js';
import { findPostgresBinaries } from '../../src/postgres/binaries.js';
import { MigrateActionsError } from '../../src/errors.js';
import pg from 'pg';
import { toClientConfig } from '../../src/postgres/url.js';

const readOr = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

afterAll(dropTestDatabases);

/** A template cache of this file's own (in the run's temp folder, which the postgres user can reach). */
const templateCache = path.join(os.tmpdir(), `pma-template-test-${randomBytes(4).toString('hex')}`);
/** Data directories made without starting a server, owned like the clusters' roots. */
const scratch = `${templateCache}-data`;
afterAll(() => {
  fs.rmSync(templateCache, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

const serverUid = (): number =>
  process.getuid?.() === 0 ? Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout) : process.getuid!();

function request(name: string, cacheDir: string | false = templateCache): DataDirRequest {
  if (!fs.existsSync(scratch)) {
    fs.mkdirSync(scratch);
    if (process.getuid?.() === 0) fs.chownSync(scratch, serverUid(), serverUid());
  }
  return dataDirRequest(findPostgresBinaries({ major: 15, allowInstall: false }), path.join(scratch, name), cacheDir);
}

const templatesIn = (dir: string): string[] => fs.readdirSync(dir).filter((e) => /^pg15-[0-9a-f]+$/.test(e));

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

  test('stop ends the server and every backend at once, and removes its directory', async () => {
    const server = await startThrowawayCluster({ major: testMajors()[0] });
    const dataDir = path.join(path.dirname(server.admin.host), 'data');
    const client = new pg.Client(toClientConfig(server.admin));
    await client.connect();
    const lost = new Promise<Error>((resolve) => client.on('error', resolve));
    const processesOf = () =>
      fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && readOr(`/proc/${pid}/cmdline`).includes(dataDir));
    expect(processesOf().length).toBeGreaterThan(0);
    await server.stop();
    expect(processesOf()).toEqual([]); // the postmaster (its backends rename themselves; the session below shows they went)
    expect(fs.existsSync(path.dirname(dataDir))).toBe(false);
    await expect(lost).resolves.toBeInstanceOf(Error);
    await client.end().catch(() => undefined);
  });

  test('a cluster lives where PMA_PG_CLUSTER_DIR says, and leaves nothing there when stopped', async () => {
    const place = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-cluster-place-'));
    fs.chmodSync(place, 0o1777); // the server runs as the postgres user when we are root
    const before = process.env.PMA_PG_CLUSTER_DIR;
    process.env.PMA_PG_CLUSTER_DIR = place;
    try {
      const lines: string[] = [];
      const server = await startThrowawayCluster({ major: testMajors()[0], log: (line) => lines.push(line) });
      expect(server.admin.host.startsWith(path.join(place, 'pma-pg-'))).toBe(true);
      expect(lines.join('\n')).toContain(` in ${place}/pma-pg-`);
      expect(fs.readdirSync(place)).toHaveLength(1);
      await server.stop();
      expect(fs.readdirSync(place)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.PMA_PG_CLUSTER_DIR;
      else process.env.PMA_PG_CLUSTER_DIR = before;
      fs.rmSync(place, { recursive: true, force: true });
    }
  }, 30000);

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

  test('two first starts at once both initdb; the next start copies the cached template, owned and private like initdb made it', async () => {
    const first = await Promise.all([createDataDir(request('a')), createDataDir(request('b'))]);
    expect(first).toEqual([{ fromTemplate: false }, { fromTemplate: false }]);
    expect(fs.existsSync(path.join(scratch, 'a', 'PG_VERSION')) && fs.existsSync(path.join(scratch, 'b', 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(templateCache)).toEqual(templatesIn(templateCache)); // one template, no half-built leftovers
    expect(templatesIn(templateCache)).toHaveLength(1);

    const server = (await startThrowawayCluster({ major: 15, templateCacheDir: templateCache })) as PostgresServer & { dataDir: string };
    try {
      expect(server.fromTemplate).toBe(true);
      expect((await query<{ x: number }>(server.admin, 'SELECT 1 AS x'))[0].x).toBe(1);
      const stat = fs.statSync(server.dataDir);
      expect({ mode: stat.mode & 0o777, uid: stat.uid }).toEqual({ mode: 0o700, uid: serverUid() });
      expect(fs.existsSync(path.join(server.dataDir, TEMPLATE_MARKER))).toBe(false);
    } finally {
      await server.stop();
    }
  }, 30000);

  test('a template with a garbled PG_VERSION or without its completion marker is not used, and is rebuilt', async () => {
    const req = request('c');
    if (!cachedTemplate(req)) await createDataDir(request('setup'));
    const template = cachedTemplate(req)!;
    expect(template).toBeDefined();
    const version = path.join(template, 'PG_VERSION');
    fs.writeFileSync(version, 'garbage\n');
    expect(cachedTemplate(req)).toBeUndefined();
    fs.writeFileSync(version, '15\n');
    expect(cachedTemplate(req)).toBe(template);
    fs.rmSync(path.join(template, TEMPLATE_MARKER));
    expect(cachedTemplate(req)).toBeUndefined();

    expect(await createDataDir(req)).toEqual({ fromTemplate: false });
    expect(cachedTemplate(req)).toBe(template);
    expect(fs.readdirSync(path.join(scratch, 'c')).sort()).toEqual(expect.arrayContaining(['PG_VERSION', 'base', 'global']));
  }, 30000);

  test('a cache directory others can write to, or a symlink, is not used', () => {
    const shared = `${templateCache}-shared`;
    const link = `${templateCache}-link`;
    fs.mkdirSync(shared, { mode: 0o777 });
    fs.chmodSync(shared, 0o777);
    try {
      expect(templateCacheRoot(shared, {})).toBeUndefined();
      fs.chmodSync(shared, 0o700);
      if (process.getuid?.() === 0) fs.chownSync(shared, serverUid(), serverUid());
      const identity = process.getuid?.() === 0 ? { uid: serverUid(), gid: serverUid() } : {};
      expect(templateCacheRoot(shared, identity)).toBe(shared);
      fs.symlinkSync(shared, link);
      expect(templateCacheRoot(link, identity)).toBeUndefined();
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
      fs.rmSync(link, { force: true });
    }
  });
});
