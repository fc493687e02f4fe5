/**
 * A Prisma 8 project (migration packages under migrations/app/<name>/ with ops.json, state in
 * prisma_contract.marker) gets one clear error naming what is and is not supported — from the
 * migrations reader every command uses, and as a bad-input exit (2) from the CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrationsDir } from '../../src/migrations/reader.js';
import { runCli, type CliIo } from '../../src/cli.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-prisma8-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function prisma8Package(migrationsDir: string, name = '20250601120000_init'): string {
  const dir = path.join(migrationsDir, 'app', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.ts'), 'export default {};\n');
  fs.writeFileSync(path.join(dir, 'migration.json'), '{"id":"20250601120000_init"}\n');
  fs.writeFileSync(path.join(dir, 'ops.json'), '[]\n');
  return path.join(dir, 'ops.json');
}

const SUPPORTED =
  /Supported: Prisma 5–7 migrations .*migration\.sql.*Not supported: Prisma 8's app\/<name>\/\{migration\.ts, migration\.json, ops\.json\} packages and its prisma_contract\.marker state/;

test('migration packages in the migrations directory are refused with what is supported', async () => {
  const ops = prisma8Package(path.join(root, 'migrations'));
  await expect(readMigrationsDir(path.join(root, 'migrations'))).rejects.toMatchObject({
    code: 'E_PRISMA8_MIGRATIONS_DIR',
    message: expect.stringMatching(SUPPORTED),
    where: { file: ops },
    remedy: expect.stringMatching(/Prisma 7/),
  });
});

test('a prisma_contract.marker is refused the same way', async () => {
  fs.mkdirSync(path.join(root, 'migrations'));
  fs.writeFileSync(path.join(root, 'migrations', 'prisma_contract.marker'), '');
  await expect(readMigrationsDir(path.join(root, 'migrations'))).rejects.toMatchObject({ code: 'E_PRISMA8_MIGRATIONS_DIR' });
});

test('the default prisma/migrations missing beside a Prisma 8 migrations/ folder: the same error, not "does not exist"', async () => {
  prisma8Package(path.join(root, 'migrations'));
  await expect(readMigrationsDir(path.join(root, 'prisma', 'migrations'))).rejects.toMatchObject({ code: 'E_PRISMA8_MIGRATIONS_DIR' });
});

test('Prisma 7 folders are read as before', async () => {
  fs.mkdirSync(path.join(root, 'migrations', '20250101000000_init'), { recursive: true });
  fs.writeFileSync(path.join(root, 'migrations', '20250101000000_init', 'migration.sql'), 'CREATE TABLE a (id int);\n');
  expect((await readMigrationsDir(path.join(root, 'migrations'))).migrations.map((m) => m.name)).toEqual(['20250101000000_init']);
});

test('the CLI exits 2 (bad input) with the one error', async () => {
  prisma8Package(path.join(root, 'prisma', 'migrations'));
  const captured = { out: '', err: '' };
  const io: CliIo = {
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    env: {},
    isTTY: false,
    cwd: root,
  };
  expect(await runCli(['lint', '--migrations-dir', 'prisma/migrations'], io)).toBe(2);
  expect(captured.err).toMatch(/E_PRISMA8_MIGRATIONS_DIR/);
  expect(captured.err.match(/Prisma 8 migration packages/g)).toHaveLength(1);
});
