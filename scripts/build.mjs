/**
 * Bundles each action entry and the CLI with @vercel/ncc into dist/<name>/index.js (ESM).
 * `--check` rebuilds into a temp dir and fails when the committed dist/ differs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const entries = {
  'migration-test': 'actions/migration-test/main.ts',
  'drift-check': 'actions/drift-check/main.ts',
  backup: 'actions/backup/main.ts',
  restore: 'actions/restore/main.ts',
  'prod-deploy': 'actions/prod-deploy/main.ts',
  'fleet-plan': 'actions/fleet-plan/main.ts',
  'fleet-summary': 'actions/fleet-summary/main.ts',
  cli: 'src/cli-main.ts',
};
const ESM_DIRNAME_BANNER =
  "import { fileURLToPath as __pmaFileURLToPath } from 'node:url';\n" +
  "import { dirname as __pmaDirname } from 'node:path';\n" +
  'const __filename = __pmaFileURLToPath(import.meta.url);\n' +
  'const __dirname = __pmaDirname(__filename);\n';
const check = process.argv.includes('--check');
const outRoot = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'pma-dist-')) : path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

for (const [name, entry] of Object.entries(entries)) {
  const out = path.join(outRoot, name);
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      path.join(root, entry),
      '-o',
      out,
      '--quiet',
      '--target',
      'es2022',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // The parser's WebAssembly is loaded from the bundle's folder through __dirname, which ESM lacks.
  fs.copyFileSync(path.join(root, 'node_modules', 'libpg-query', 'wasm', 'libpg-query.wasm'), path.join(out, 'libpg-query.wasm'));
  const file = path.join(out, 'index.js');
  const shebang = name === 'cli' ? '#!/usr/bin/env node\n' : '';
  fs.writeFileSync(file, `${shebang}${ESM_DIRNAME_BANNER}${fs.readFileSync(file, 'utf8')}`);
  // Modules loaded on first use are separate chunks (NNN.index.js), each its own ES module: they need it too.
  for (const chunk of fs.readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const chunkPath = path.join(out, chunk);
    fs.writeFileSync(chunkPath, `${ESM_DIRNAME_BANNER}${fs.readFileSync(chunkPath, 'utf8')}`);
  }
  if (name === 'cli') fs.chmodSync(file, 0o755);
}

if (check) {
  const committed = path.join(root, 'dist');
  try {
    execFileSync('diff', ['-r', '-q', committed, outRoot], { stdio: 'inherit' });
  } catch {
    console.error('dist/ is stale: the committed bundles differ from a fresh build. Run `npm run build` and commit dist/.');
    process.exit(1);
  } finally {
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
  console.log('dist/ is up to date.');
}
