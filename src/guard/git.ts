/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { MigrateActionsError } from '../errors.js';

const execFileAsync = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    throw new MigrateActionsError('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
      remedy: 'Check out with history for the base branch (actions/checkout with fetch-depth: 0) and pass base-ref (e.g. origin/main).',
      cause: error,
    });
  }
}

/** The repository root containing `dir`. */
export async function repoRoot(dir: string): Promise<string> {
  return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
}

/** Resolves a ref to a commit, with a clear error when it is not in the clone. */
export async function resolveRef(cwd: string, ref: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new MigrateActionsError('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
      remedy: 'Fetch it (actions/checkout with fetch-depth: 0, or git fetch origin main) and pass base-ref, e.g. origin/main.',
    });
  }
}

/**
 * Files under `relDir` at `ref`: path relative to relDir → content (binary-safe Buffer). One
 * `git cat-file --batch` reads every blob, so an 800-migration history costs two processes, not 800.
 */
export async function filesAtRef(cwd: string, ref: string, relDir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const listing = await git(cwd, ['ls-tree', '-r', '-z', ref, '--', relDir]);
  // Each entry: "<mode> <type> <oid>\t<path>".
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf('\t');
      const [, type, oid] = entry.slice(0, tab).split(' ');
      return { type, oid, name: entry.slice(tab + 1) };
    })
    .filter((entry) => entry.type === 'blob');
  if (!blobs.length) return out;
  const contents = await catFileBatch(
    cwd,
    blobs.map((b) => b.oid),
  );
  const base = relDir.split(path.sep).join('/');
  blobs.forEach((blob, i) => out.set(path.posix.relative(base, blob.name), contents[i]));
  return out;
}

/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd: string, oids: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const data = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (let i = 0; i < oids.length; i++) {
        const headerEnd = data.indexOf(0x0a, at);
        const header = data.subarray(at, headerEnd).toString('utf8').split(' ');
        if (headerEnd < 0 || header[1] !== 'blob') {
          reject(
            new MigrateActionsError(
              'E_GIT',
              `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`,
              { remedy: 'Check that the clone is complete (fetch-depth: 0).' },
            ),
          );
          return;
        }
        const size = Number(header[2]);
        blobs.push(data.subarray(headerEnd + 1, headerEnd + 1 + size));
        at = headerEnd + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(oids.join('\n') + '\n');
  });
}

/** Writes the migrations directory as it is at `ref` into `target` (for the upgrade path). */
export async function materializeAtRef(cwd: string, ref: string, relDir: string, target: string): Promise<number> {
  const files = await filesAtRef(cwd, ref, relDir);
  for (const [rel, content] of files) {
    const file = path.join(target, ...rel.split('/'));
    if (!file.startsWith(path.resolve(target) + path.sep)) continue; // never write outside target
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return files.size;
}

/** The checked-out commit, or undefined outside a git work tree (recorded in manifests and audits). */
export function headCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Commits that changed `target` (a file or folder), newest first, at most `limit`. */
export async function commitsTouching(target: string, limit = 20): Promise<string[]> {
  const cwd = path.dirname(target);
  const out = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H', '--', path.basename(target)]);
  return out.split('\n').filter(Boolean);
}

/** A clone made with fetch-depth 1 (or any shallow one) has no history to look commits up in. */
export async function isShallowClone(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}
