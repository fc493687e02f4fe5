/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */
import { execFile } from 'node:child_process';
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

/** Files under `relDir` at `ref`: path relative to relDir → content (binary-safe Buffer). */
export async function filesAtRef(cwd: string, ref: string, relDir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const listing = await git(cwd, ['ls-tree', '-r', '-z', '--name-only', ref, '--', relDir]);
  const names = listing.split('\0').filter(Boolean);
  for (const name of names) {
    const { stdout } = await execFileAsync('git', ['show', `${ref}:${name}`], { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
    out.set(path.posix.relative(relDir.split(path.sep).join('/'), name), stdout as Buffer);
  }
  return out;
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
