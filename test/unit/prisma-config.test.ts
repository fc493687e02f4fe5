import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationsDirFromConfig, resolveMigrationsDir } from '../../src/prisma/config.js';
import { runCli } from '../../src/cli.js';

describe('where the migrations are', () => {
  const dirs: string[] = [];
  const project = (config?: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-config-'));
    dirs.push(dir);
    if (config) fs.writeFileSync(path.join(dir, 'prisma.config.ts'), config);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test('an explicit directory wins', () => {
    const dir = project("export default { migrations: { path: 'db/migrations' } }");
    expect(resolveMigrationsDir('other', dir)).toBe(path.join(dir, 'other'));
  });

  test('migrations.path in prisma.config.ts', () => {
    const dir = project(
      "import { defineConfig } from 'prisma/config';\nexport default defineConfig({\n  schema: 'db/schema.prisma',\n  migrations: {\n    path: 'db/history',\n  },\n});\n",
    );
    expect(migrationsDirFromConfig(dir)).toBe(path.join(dir, 'db', 'history'));
  });

  test('beside the schema the config names', () => {
    const dir = project("export default defineConfig({ schema: 'db/schema.prisma' })");
    expect(resolveMigrationsDir(undefined, dir)).toBe(path.join(dir, 'db', 'migrations'));
  });

  test('prisma/migrations otherwise', () => {
    const dir = project();
    expect(resolveMigrationsDir(undefined, dir)).toBe(path.join(dir, 'prisma', 'migrations'));
  });

  test('--dir is the CLI alias of --migrations-dir', async () => {
    let err = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (err += t), env: {}, isTTY: false, cwd: process.cwd() };
    const code = await runCli(['lint', '--dir', '/nonexistent/migrations'], io);
    expect(code).toBe(2);
    expect(err).toContain('/nonexistent/migrations');
  });
});
