/**
 * Shared by the fault suite: every scenario records what was tried and how it ended (survived,
 * lost nothing, measured numbers) into a JSON file per area, from which
 * scripts/reliability-table.mjs writes docs/reliability.md. Also: migrations folders in temp
 * dirs, the CLI with captured output, a child process running the library, own clusters that
 * can be stopped hard and restarted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli.js';
import { clusterRoots, type PostgresServer } from '../../src/postgres/ephemeral.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';
import { query } from '../helpers/pg.js';

/**
 * Outside the run's temp folder (global-teardown removes that), so the generator can read it:
 * build/reliability in the checkout (git-ignored), not a stray folder in /tmp.
 */
export const RELIABILITY_DIR = process.env.PMA_RELIABILITY_DIR ?? path.resolve('build', 'reliability');

export interface ScenarioOutcome {
  area: string;
  scenario: string;
  tried: boolean;
  survived: boolean;
  /** null when the scenario has no data at stake. */
  lostNothing: boolean | null;
  numbers: Record<string, number | string>;
  note?: string;
  /** A real, unfixed bug this scenario reveals (the test is marked failing). */
  knownBug?: string;
}

/** What a scenario body fills in while it runs. */
export interface Recorder {
  numbers: Record<string, number | string>;
  lostNothing: boolean | null;
  note?: string;
  tried: boolean;
}

const outcomes = new Map<string, ScenarioOutcome[]>();

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function save(outcome: ScenarioOutcome): void {
  const list = outcomes.get(outcome.area) ?? [];
  const at = list.findIndex((o) => o.scenario === outcome.scenario);
  if (at >= 0) list[at] = outcome;
  else list.push(outcome);
  outcomes.set(outcome.area, list);
  fs.mkdirSync(RELIABILITY_DIR, { recursive: true });
  fs.writeFileSync(path.join(RELIABILITY_DIR, `${slug(outcome.area)}.json`), JSON.stringify(list, null, 2) + '\n');
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split('\n')[0]
    .slice(0, 200);
}

async function runRecorded(area: string, name: string, body: (r: Recorder) => Promise<void>, knownBug?: string): Promise<void> {
  const rec: Recorder = { numbers: {}, lostNothing: null, tried: true };
  try {
    await body(rec);
  } catch (error) {
    save({
      area,
      scenario: name,
      tried: rec.tried,
      survived: false,
      lostNothing: knownBug ? rec.lostNothing : false,
      numbers: rec.numbers,
      note: knownBug ? rec.note : firstLine(error),
      knownBug,
    });
    throw error;
  }
  const fixed = knownBug ? 'the known bug no longer reproduces: remove test.failing' : undefined;
  save({
    area,
    scenario: name,
    tried: rec.tried,
    survived: rec.tried,
    lostNothing: rec.lostNothing,
    numbers: rec.numbers,
    note: fixed ?? rec.note,
  });
}

/** A test whose outcome goes into the reliability table. */
export function scenario(area: string, name: string, body: (r: Recorder) => Promise<void>, timeoutMs?: number): void {
  test(name, () => runRecorded(area, name, body), timeoutMs);
}

/** A scenario that reveals a real, unfixed bug in code this suite does not own (test.failing). */
export function knownBugScenario(area: string, name: string, bug: string, body: (r: Recorder) => Promise<void>, timeoutMs?: number): void {
  test.failing(name, () => runRecorded(area, name, body, bug), timeoutMs);
}

const tempDirs: string[] = [];

/** A fresh temp dir, removed after the test file (hooks registered by importing this module). */
export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pma-faults-${label}-`));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `{ name: sql }` as Prisma migration folders (sql may be bytes). */
export function writeMigrations(dir: string, migrations: Record<string, string | Buffer>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    env,
    isTTY: false,
    cwd,
  };
  return io;
}

/** Runs the CLI in-process; returns exit code and everything it wrote. */
export async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(cwd, env);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Polls until `probe` returns a value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15000,
  everyMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Backend pids of a database waiting on a lock, optionally only those whose query matches. */
export async function waitingPids(db: ConnectionSettings, queryLike = '%'): Promise<number[]> {
  const rows = await query<{ pid: number }>(
    db,
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE $2 AND pid <> pg_backend_pid()`,
    [db.database, queryLike],
  );
  return rows.map((r) => r.pid);
}

/** A child node process running the real CLI (test/faults/cli-child.ts) with these arguments. */
export function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'test', 'faults', 'cli-child.ts'), ...args], {
    cwd: process.cwd(), // the repository root, where tsx resolves; the CLI runs in `cwd`
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PMA_CHILD_CWD: cwd },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Temp entries (clusters, gpg homes, …) whose owner record names `pid`. */
export function clusterDirsOwnedBy(pid: number): string[] {
  return clusterRoots().filter((dir) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8')).pid === pid;
    } catch {
      return false;
    }
  });
}

/** Processes whose command line mentions `needle` (a data dir, a gpg home). */
export function processesMentioning(needle: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) => line.includes(needle) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Hard stop and restart of an own throwaway cluster (its files and socket stay). */
export class ClusterControl {
  constructor(private readonly server: PostgresServer) {}

  private get cluster(): { rootDir: string; dataDir: string; socketDir: string; binaries: { binDir: string; libDir?: string } } {
    return this.server as never;
  }

  private pgCtl(args: string[]): { status: number | null; output: string } {
    const c = this.cluster;
    const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    const command = [...asPostgres, path.join(c.binaries.binDir, 'pg_ctl'), ...args];
    const env = { ...process.env, LC_ALL: 'C', ...(c.binaries.libDir ? { LD_LIBRARY_PATH: c.binaries.libDir } : {}) };
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env, cwd: c.rootDir });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  stopImmediate(): void {
    const r = this.pgCtl(['stop', '-D', this.cluster.dataDir, '-m', 'immediate', '-w']);
    if (r.status !== 0) throw new Error(`pg_ctl stop failed: ${r.output}`);
  }

  start(): void {
    const c = this.cluster;
    const options = `-c listen_addresses='' -c unix_socket_directories='${c.socketDir}' -c port=5432 -c fsync=off -c synchronous_commit=on -c max_connections=200`;
    const r = this.pgCtl(['start', '-D', c.dataDir, '-w', '-t', '60', '-l', path.join(c.rootDir, 'server.log'), '-o', options]);
    if (r.status !== 0) throw new Error(`pg_ctl start failed: ${r.output}`);
  }

  /** Switches local connections to password authentication (scram-sha-256). */
  requirePasswords(): void {
    const hba = path.join(this.cluster.dataDir, 'pg_hba.conf');
    fs.writeFileSync(hba, 'local all all scram-sha-256\n');
    const r = this.pgCtl(['reload', '-D', this.cluster.dataDir]);
    if (r.status !== 0) throw new Error(`pg_ctl reload failed: ${r.output}`);
  }
}

/** Every file under `dir` (relative names) with its text, for leak scans. */
export function filesUnder(dir: string): Array<{ name: string; text: string }> {
  if (!fs.existsSync(dir)) return [];
  const out: Array<{ name: string; text: string }> = [];
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entry);
    const stat = fs.statSync(full);
    out.push({ name: entry, text: stat.isFile() && stat.size < 20_000_000 ? fs.readFileSync(full).toString('latin1') : '' });
  }
  return out;
}
