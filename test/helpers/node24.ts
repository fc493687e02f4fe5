/**
 * The Node that `runs.using: node24` means, for running the committed bundles as GitHub's runner
 * does. It is the npm package `node@24`, installed by the test run into a cache folder of its own
 * (not a devDependency: a package named `node` would put its binary first on the PATH of every
 * npm script, so `npm test` itself would change Node). Installed once, reused by later runs; a
 * lock folder keeps two jest workers from installing at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const NODE24_SPEC = 'node@24';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside node_modules, so a fresh `npm ci` starts without it and nothing is committed. */
export const NODE24_DIR = path.join(repoRoot, 'node_modules', '.cache', 'pma-node24');
const binary = path.join(NODE24_DIR, 'node_modules', 'node', 'bin', 'node');

function version(file: string): string | undefined {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The path of a Node 24 binary, installing `node@24` from the npm registry when it is missing. */
export function node24Binary(): string {
  if (version(binary)?.startsWith('v24.')) return binary;
  fs.mkdirSync(path.dirname(NODE24_DIR), { recursive: true });
  const lock = `${NODE24_DIR}.lock`;
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (version(binary)?.startsWith('v24.')) return binary;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (remove it if no test run is installing Node 24).`);
      sleep(500);
    }
  }
  try {
    if (!version(binary)?.startsWith('v24.')) {
      fs.rmSync(NODE24_DIR, { recursive: true, force: true });
      fs.mkdirSync(NODE24_DIR, { recursive: true });
      fs.writeFileSync(path.join(NODE24_DIR, 'package.json'), JSON.stringify({ name: 'pma-node24', private: true }) + '\n');
      // --prefix: the package goes here, not into the project's package.json or lockfile.
      execFileSync('npm', ['install', '--prefix', NODE24_DIR, '--no-audit', '--no-fund', '--loglevel=error', NODE24_SPEC], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, npm_config_update_notifier: 'false' },
      });
    }
    const got = version(binary);
    if (!got?.startsWith('v24.')) throw new Error(`npm install ${NODE24_SPEC} gave ${binary} reporting ${got ?? 'nothing'}, not v24.`);
    return binary;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
