/**
 * Throwaway PostgreSQL: the one module that gives tests, the demo and the migration-test /
 * drift-check actions a database. A given database-url is used as is; otherwise a cluster is
 * started from local or npm binaries with settings for disposable data, on a unix socket in a
 * temp dir, as the `postgres` user when we are root (initdb refuses root). Teardown is
 * guaranteed on normal exit and on SIGINT/SIGTERM; a cluster whose owner was SIGKILLed is
 * swept at the next start.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MigrateActionsError } from '../errors.js';
import { findPostgresBinaries, type PostgresBinaries } from './binaries.js';
import { buildDatabaseUrl, parseDatabaseUrl, withDatabase, type ConnectionSettings } from './url.js';
import { quoteIdent } from './sql.js';
import { withClient as withPgClient } from './client.js';
import { isProcessAlive, onExitCleanup } from '../util/cleanup.js';
import { createDataDir, defaultTemplateCacheDir, type DataDirRequest } from './initdb-template.js';

export interface PostgresServer {
  /** Where this server came from. */
  source: 'url' | 'system' | 'npm';
  major: number;
  /** Settings for the maintenance database (`postgres`), or the given URL. */
  admin: ConnectionSettings;
  /** Unix socket directory of a throwaway cluster (undefined for a given URL). */
  socketDir?: string;
  binaries?: PostgresBinaries;
  /** A throwaway cluster whose data directory was copied from a cached initdb template. */
  fromTemplate?: boolean;
  /** Creates an empty database (optionally from a template) and returns its settings. */
  createDatabase(name?: string, options?: { template?: string; schema?: string }): Promise<ConnectionSettings>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the cluster and removes its files (or drops the databases created on a given server). */
  stop(): Promise<void>;
}

export interface AcquireOptions {
  databaseUrl?: string;
  /** Requested major (`postgres-version`); undefined = newest local. */
  major?: number;
  allowInstall?: boolean;
  log?: (line: string) => void;
}

const TEMP_PREFIX = 'pma-pg-';
const OWNER_FILE = 'owner.json';

/** Linux's memory file system, where a disposable cluster's files can live. */
const MEMORY_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994; // statfs(2) f_type of tmpfs
/**
 * What memory must have left for a cluster to live there: a rehearsal at its default budget
 * (2 million rows) and the copies of the base branch's database take a few hundred MB to a few GB.
 */
export const MEMORY_ROOM_BYTES = 4 * 1024 ** 3;

/** What decides where throwaway clusters live (see clustersDir). */
export interface ClustersDirFacts {
  /** PMA_PG_CLUSTER_DIR. */
  configured?: string;
  /** The memory file system, when there is a writable tmpfs at /dev/shm: its free bytes. */
  memoryFreeBytes?: number;
  /** The machine's available memory (tmpfs pages are memory). */
  availableMemoryBytes: number;
  tmpdir: string;
}

/**
 * Where throwaway clusters live: PMA_PG_CLUSTER_DIR when set; else memory (/dev/shm) when it and
 * the machine have room, since a disposable cluster's files never need to reach a disk (fsync is off)
 * and creating thousands of small files — every copy of a database — is where a virtual disk is
 * slowest (a copy of an 800-migration database took 0.5–1.4 s on ext4 here, 40 ms in memory); else
 * the temp directory. A container's default /dev/shm (64 MB) is too small and is not used.
 */
export function clustersDirFor(facts: ClustersDirFacts): string {
  if (facts.configured) return facts.configured;
  const room = (facts.memoryFreeBytes ?? 0) >= MEMORY_ROOM_BYTES && facts.availableMemoryBytes >= MEMORY_ROOM_BYTES;
  return room ? MEMORY_DIR : facts.tmpdir;
}

const configuredClustersDir = (): string | undefined => process.env.PMA_PG_CLUSTER_DIR || undefined;

export function clustersDir(): string {
  return clustersDirFor({
    configured: configuredClustersDir(),
    memoryFreeBytes: memoryFreeBytes(),
    availableMemoryBytes: os.freemem(),
    tmpdir: os.tmpdir(),
  });
}

function memoryFreeBytes(): number | undefined {
  try {
    const stats = fs.statfsSync(MEMORY_DIR);
    if (stats.type !== TMPFS_MAGIC) return undefined;
    fs.accessSync(MEMORY_DIR, fs.constants.W_OK);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined; // not Linux, or no /dev/shm
  }
}

/** A PostgreSQL to use: the given URL, or a throwaway cluster. */
export async function acquirePostgres(options: AcquireOptions = {}): Promise<PostgresServer> {
  if (options.databaseUrl) return serverFromUrl(parseDatabaseUrl(options.databaseUrl));
  return startThrowawayCluster(options);
}

function serverFromUrl(admin: ConnectionSettings): PostgresServer {
  const created: string[] = [];
  let major = 0;
  const server: PostgresServer = {
    source: 'url',
    major,
    admin,
    async createDatabase(name, opts = {}) {
      const dbName = name ?? uniqueName('pma_');
      await withClient(admin, async (client) => {
        if (!server.major) {
          const r = await client.query<{ v: string }>('SHOW server_version_num');
          major = Math.floor(Number(r.rows[0].v) / 10000);
          server.major = major;
        }
        await client.query(createDatabaseSql(dbName, opts.template));
      });
      created.push(dbName);
      return withDatabase({ ...admin, schema: opts.schema ?? admin.schema }, dbName);
    },
    async dropDatabase(name) {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
    async stop() {
      for (const name of created.splice(0)) await server.dropDatabase(name).catch(() => undefined);
    },
  };
  return server;
}

interface OwnerRecord {
  pid: number;
  binDir: string;
  libDir?: string;
  dataDir: string;
}

class ThrowawayCluster implements PostgresServer {
  readonly source: 'system' | 'npm';
  readonly major: number;
  readonly admin: ConnectionSettings;
  stopped = false;
  fromTemplate = false;
  onStop?: () => void;

  constructor(
    readonly binaries: PostgresBinaries,
    readonly rootDir: string,
    readonly socketDir: string,
    readonly port: number,
  ) {
    this.source = binaries.source;
    this.major = binaries.major;
    const url = buildDatabaseUrl({ host: socketDir, port, user: 'postgres', database: 'postgres' });
    this.admin = parseDatabaseUrl(url);
  }

  get dataDir(): string {
    return path.join(this.rootDir, 'data');
  }

  async createDatabase(name?: string, options: { template?: string; schema?: string } = {}): Promise<ConnectionSettings> {
    const dbName = name ?? uniqueName('pma_');
    // From 15 on, CREATE DATABASE writes every block of the template through the WAL by default;
    // copying the files instead costs a checkpoint, which is cheap with fsync off: four at once
    // take about a third of the time.
    await withClient(this.admin, (client) => client.query(createDatabaseSql(dbName, options.template, this.major >= 15)));
    return withDatabase({ ...this.admin, schema: options.schema ?? 'public' }, dbName);
  }

  async dropDatabase(name: string): Promise<void> {
    await withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }

  async stop(): Promise<void> {
    stopClusterSync(this);
  }
}

function createDatabaseSql(name: string, template?: string, fileCopy = false): string {
  return `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`;
}

function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

const withClient = <T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> =>
  withPgClient(settings, { applicationName: 'prisma-migrate-actions-admin' }, fn);

let cachedIdentity: { uid?: number; gid?: number } | undefined;

/** uid/gid to run the server as: ourselves, or the `postgres` user when we are root (looked up once). */
function serverIdentity(): { uid?: number; gid?: number } {
  cachedIdentity ??= lookUpServerIdentity();
  return cachedIdentity;
}

function lookUpServerIdentity(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  // A system user is in /etc/passwd; `id` (two processes) only for one from elsewhere (NSS).
  const local = passwdIds(readTextOrEmpty('/etc/passwd'), 'postgres');
  if (local) return local;
  const lookup = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (lookup.status !== 0 || group.status !== 0) {
    throw new MigrateActionsError(
      'E_PG_ROOT',
      'Running as root, and there is no `postgres` system user to run a throwaway PostgreSQL as (initdb refuses root).',
      {
        remedy: 'Create one (useradd --system postgres), run as a non-root user, or pass database-url.',
      },
    );
  }
  return { uid: Number(lookup.stdout.trim()), gid: Number(group.stdout.trim()) };
}

/** A user's uid and primary gid from /etc/passwd's text (name:password:uid:gid:…), if listed there. */
export function passwdIds(passwd: string, user: string): { uid: number; gid: number } | undefined {
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === user && /^\d+$/.test(uid ?? '') && /^\d+$/.test(gid ?? '')) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function readTextOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function envFor(binaries: PostgresBinaries): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  delete env.PGDATA;
  delete env.PGHOST;
  delete env.PGPORT;
  if (binaries.libDir) env.LD_LIBRARY_PATH = [binaries.libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return env;
}

function run(file: string, args: string[], options: SpawnOptions): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Every throwaway cluster's folder on this machine, wherever it was put (the choice follows free memory, which changes). */
export function clusterRoots(): string[] {
  // Every place clustersDir can choose; which one it would choose now does not matter.
  const places = [...new Set([configuredClustersDir(), MEMORY_DIR, os.tmpdir()].filter((p): p is string => p !== undefined))];
  return places.flatMap((place) => {
    try {
      return fs
        .readdirSync(place)
        .filter((e) => e.startsWith(TEMP_PREFIX))
        .map((e) => path.join(place, e));
    } catch {
      return [];
    }
  });
}

/** Stops clusters whose owning process is gone (killed with SIGKILL) and removes their files. */
export function sweepAbandonedClusters(): number {
  let swept = 0;
  for (const root of clusterRoots()) {
    let owner: OwnerRecord | undefined;
    try {
      owner = JSON.parse(fs.readFileSync(path.join(root, OWNER_FILE), 'utf8')) as OwnerRecord;
    } catch {
      continue; // being created right now, or not ours
    }
    if (isProcessAlive(owner.pid)) continue;
    spawnSync(path.join(owner.binDir, 'pg_ctl'), ['stop', '-D', owner.dataDir, '-m', 'immediate', '-w'], {
      env: owner.libDir ? { ...process.env, LD_LIBRARY_PATH: owner.libDir } : process.env,
      stdio: 'ignore',
      ...serverIdentity(),
    });
    fs.rmSync(root, { recursive: true, force: true });
    swept++;
  }
  return swept;
}

function stopClusterSync(cluster: ThrowawayCluster): void {
  if (cluster.stopped) return;
  cluster.stopped = true;
  cluster.onStop?.();
  if (!quitPostmaster(cluster.dataDir))
    spawnSync(path.join(cluster.binaries.binDir, 'pg_ctl'), ['stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30'], {
      env: envFor(cluster.binaries),
      stdio: 'ignore',
      ...serverIdentity(),
    });
  fs.rmSync(cluster.rootDir, { recursive: true, force: true });
}

/**
 * PostgreSQL's immediate shutdown, as `pg_ctl stop -m immediate` does it — SIGQUIT to the
 * postmaster named in postmaster.pid, then wait for that file to go — but looking every 2 ms
 * where pg_ctl looks every 100 ms (a stop took 130 ms through pg_ctl, 11 ms this way). Signals
 * only a process whose command line is this data directory's postgres (Linux's /proc says);
 * false when it cannot tell or the server does not go within 10 s, and pg_ctl is used instead.
 */
function quitPostmaster(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) return false;
    process.kill(pid, 'SIGQUIT');
  } catch {
    return false;
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 10_000;
  while (fs.existsSync(pidFile)) {
    if (!isProcessAlive(pid)) return true; // gone without removing its pid file: nothing left to stop
    if (Date.now() > deadline) return false;
    Atomics.wait(pause, 0, 0, 2);
  }
  return true;
}

export interface StartOptions {
  major?: number;
  allowInstall?: boolean;
  log?: (line: string) => void;
  /** Extra server settings (`-c name=value`). */
  settings?: Record<string, string>;
  /** Where cached initdb templates are kept (default: the temp directory); false: initdb every time. */
  templateCacheDir?: string | false;
}

const INITDB_ARGS = ['-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'];

/** How a throwaway cluster's data directory is made (initdb, or a copy of its cached template). */
export function dataDirRequest(binaries: PostgresBinaries, dataDir: string, templateCacheDir?: string | false): DataDirRequest {
  return {
    binaries,
    initdbArgs: INITDB_ARGS,
    dataDir,
    identity: serverIdentity(),
    env: envFor(binaries),
    cacheDir: templateCacheDir ?? defaultTemplateCacheDir(),
    run,
  };
}

export async function startThrowawayCluster(options: StartOptions = {}): Promise<PostgresServer> {
  sweepAbandonedClusters();
  const binaries = findPostgresBinaries({ major: options.major, allowInstall: options.allowInstall, log: options.log });
  const identity = serverIdentity();
  const rootDir = fs.mkdtempSync(path.join(clustersDir(), TEMP_PREFIX));
  const dataDir = path.join(rootDir, 'data');
  const socketDir = path.join(rootDir, 'sock');
  fs.mkdirSync(socketDir);
  fs.chmodSync(rootDir, 0o755);
  if (identity.uid !== undefined) {
    fs.chownSync(rootDir, identity.uid, identity.gid!);
    fs.chownSync(socketDir, identity.uid, identity.gid!);
  }
  const owner: OwnerRecord = { pid: process.pid, binDir: binaries.binDir, libDir: binaries.libDir, dataDir };
  fs.writeFileSync(path.join(rootDir, OWNER_FILE), JSON.stringify(owner));
  const port = 5432;
  const cluster = new ThrowawayCluster(binaries, rootDir, socketDir, port);
  const unregister = onExitCleanup(() => stopClusterSync(cluster));
  cluster.onStop = unregister;
  const env = envFor(binaries);
  const spawnOpts: SpawnOptions = { env, cwd: rootDir, ...identity };
  try {
    const created = await createDataDir(dataDirRequest(binaries, dataDir, options.templateCacheDir));
    cluster.fromTemplate = created.fromTemplate;
    const settings: Record<string, string> = {
      listen_addresses: "''",
      unix_socket_directories: `'${socketDir}'`,
      port: String(port),
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      shared_buffers: '128MB',
      ...options.settings,
    };
    const args = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    const start = await run(
      path.join(binaries.binDir, 'pg_ctl'),
      ['start', '-D', dataDir, '-w', '-t', '60', '-l', path.join(rootDir, 'server.log'), '-o', args],
      spawnOpts,
    );
    if (start.code !== 0) {
      let log = '';
      try {
        log = fs.readFileSync(path.join(rootDir, 'server.log'), 'utf8').slice(-800);
      } catch {
        /* no log */
      }
      throw new Error(`pg_ctl start failed: ${start.output.trim().slice(-400)}\n${log}`);
    }
    options.log?.(
      `Started throwaway PostgreSQL ${binaries.version} (${binaries.source}) in ${rootDir}${cluster.fromTemplate ? ' from a cached initdb template' : ''}`,
    );
    return cluster;
  } catch (error) {
    stopClusterSync(cluster);
    throw new MigrateActionsError(
      'E_PG_START',
      `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${(error as Error).message}`,
      {
        remedy:
          'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
        cause: error,
      },
    );
  }
}
