/**
 * A cached initdb for throwaway clusters. initdb is most of a throwaway PostgreSQL's start (over a
 * second, more on a busy machine) and its output depends only on the binaries, the initdb options
 * and the user it runs as — so the first start keeps a copy as a template and later starts copy
 * it (`cp -a`, a tenth of the time). A template is built in a temporary directory and renamed into
 * place whole, so processes starting at once never see half of one; a template without its
 * completion marker (written last), with another key, or with a PG_VERSION that is not the
 * binaries' major is rebuilt, never used.
 */
import type { SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PostgresBinaries } from './binaries.js';
import { isProcessAlive } from '../util/cleanup.js';
import { sha256Hex } from '../util/sha256.js';

/** Written into a template last: a directory without it (or with another key) is unfinished or foreign. */
export const TEMPLATE_MARKER = 'pma-template.json';

type Run = (file: string, args: string[], options: SpawnOptions) => Promise<{ code: number | null; output: string }>;

export interface DataDirRequest {
  binaries: PostgresBinaries;
  /** initdb's arguments after `-D <dir>`. */
  initdbArgs: string[];
  dataDir: string;
  /** uid/gid the server runs as (empty when it runs as us). */
  identity: { uid?: number; gid?: number };
  env: NodeJS.ProcessEnv;
  /** Where templates are kept; false: run initdb every time. */
  cacheDir: string | false;
  run: Run;
}

/** Where templates go unless told otherwise: the temp directory (the test runs' own folder). */
export function defaultTemplateCacheDir(): string {
  return process.env.PMA_PG_TEMPLATE_DIR || path.join(os.tmpdir(), 'pma-initdb-templates');
}

/** Creates `dataDir` ready for `pg_ctl start`: copied from a cached template when there is a good one. */
export async function createDataDir(request: DataDirRequest): Promise<{ fromTemplate: boolean }> {
  const root = request.cacheDir === false ? undefined : templateCacheRoot(request.cacheDir, request.identity);
  if (!root) {
    await initdb(request, request.dataDir);
    return { fromTemplate: false };
  }
  const { templateDir, key } = templatePlace(root, request);
  if (isGoodTemplate(templateDir, key, request.binaries.major)) return { fromTemplate: await copyOrInitdb(request, templateDir) };
  sweepLeftovers(root);
  const building = `${templateDir}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await initdb(request, building);
    const marker = path.join(building, TEMPLATE_MARKER);
    fs.writeFileSync(marker, key, { mode: 0o600 });
    if (request.identity.uid !== undefined) fs.chownSync(marker, request.identity.uid, request.identity.gid!);
    await copyOrInitdb(request, install(building, templateDir, key, request.binaries.major) ? templateDir : building);
    return { fromTemplate: false };
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}

/** The template a start with this request would copy, if the cache holds a good one. */
export function cachedTemplate(request: DataDirRequest): string | undefined {
  const root = request.cacheDir === false ? undefined : templateCacheRoot(request.cacheDir, request.identity);
  if (!root) return undefined;
  const { templateDir, key } = templatePlace(root, request);
  return isGoodTemplate(templateDir, key, request.binaries.major) ? templateDir : undefined;
}

function templatePlace(root: string, request: DataDirRequest): { templateDir: string; key: string } {
  const key = templateKey(request);
  const name = `pg${request.binaries.major}-${sha256Hex(key).slice(0, 16)}`;
  return { templateDir: path.join(root, name), key };
}

/** What a template's contents depend on; a template made under another key is not used. */
function templateKey(request: DataDirRequest): string {
  const postgres = path.join(request.binaries.binDir, 'postgres');
  const stat = fs.statSync(postgres);
  return JSON.stringify({
    binDir: fs.realpathSync(request.binaries.binDir),
    version: request.binaries.version,
    postgres: { size: stat.size, mtimeMs: stat.mtimeMs },
    initdbArgs: request.initdbArgs,
    uid: request.identity.uid ?? process.getuid?.(),
    lc: request.env.LC_ALL,
  });
}

function isGoodTemplate(dir: string, key: string, major: number): boolean {
  try {
    return (
      fs.readFileSync(path.join(dir, TEMPLATE_MARKER), 'utf8') === key &&
      fs.readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim() === String(major) &&
      fs.statSync(path.join(dir, 'global', 'pg_control')).isFile()
    );
  } catch {
    return false;
  }
}

/**
 * The cache directory, created when missing, if it is safe to build from: a real directory
 * owned by the server's user and writable by nobody else (in a shared /tmp anyone could have
 * made it). Undefined otherwise, and the cluster is initdb'd as before.
 */
export function templateCacheRoot(dir: string, identity: { uid?: number; gid?: number }): string | undefined {
  const owner = identity.uid ?? process.getuid?.();
  try {
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      try {
        fs.mkdirSync(dir, { mode: 0o700 });
        if (identity.uid !== undefined) fs.chownSync(dir, identity.uid, identity.gid!);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || (owner !== undefined && stat.uid !== owner) || (stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Renames a built template into place (replacing a broken one); false when another process's stays. */
function install(building: string, templateDir: string, key: string, major: number): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.renameSync(building, templateDir);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') return false;
      if (isGoodTemplate(templateDir, key, major)) return false; // another start installed one first
      const aside = `${templateDir}.broken-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        fs.renameSync(templateDir, aside);
      } catch {
        return false;
      }
      fs.rmSync(aside, { recursive: true, force: true });
    }
  }
  return false;
}

/** Removes half-built templates of starts that died (their pid is in the name). */
function sweepLeftovers(root: string): void {
  for (const entry of fs.readdirSync(root)) {
    const m = /\.(?:building|broken)-(\d+)-[0-9a-f]+$/.exec(entry);
    if (m && !isProcessAlive(Number(m[1]))) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
  }
}

async function initdb(request: DataDirRequest, dir: string): Promise<void> {
  const result = await request.run(path.join(request.binaries.binDir, 'initdb'), ['-D', dir, ...request.initdbArgs], {
    env: request.env,
    cwd: path.dirname(dir),
    ...request.identity,
  });
  if (result.code !== 0) throw new Error(`initdb failed: ${result.output.trim().slice(-800)}`);
}

/** The data directory copied from `source`, or initdb'd after all when the copy fails; whether it was copied. */
async function copyOrInitdb(request: DataDirRequest, source: string): Promise<boolean> {
  if (await copyTree(request, source, request.dataDir)) return true;
  fs.rmSync(request.dataDir, { recursive: true, force: true });
  await initdb(request, request.dataDir);
  return false;
}

/** `cp -a` as the server's user: modes (0700) and ownership come out as initdb made them. */
async function copyTree(request: DataDirRequest, from: string, to: string): Promise<boolean> {
  const result = await request
    .run('cp', ['-a', from, to], { env: request.env, cwd: path.dirname(to), ...request.identity })
    .catch(() => ({ code: -1 }));
  if (result.code !== 0) return false;
  fs.rmSync(path.join(to, TEMPLATE_MARKER), { force: true });
  return true;
}
