import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { checkHistory } from '../../src/guard/history-guard.js';
import { materializeAtRef } from '../../src/guard/git.js';
import { MigrateActionsError } from '../../src/errors.js';

function makeRepo(): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-guard-'));
  const dir = path.join(root, 'prisma', 'migrations');
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('migration_lock.toml', 'provider = "postgresql"\n');
  write('20250101000000_init/migration.sql', 'CREATE TABLE a (id int);\n');
  write('20250201000000_b/migration.sql', 'CREATE TABLE b (id int);\n');
  write('20250301000000_c/migration.sql', 'CREATE TABLE c (id int);\n');
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '-A');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
  return { root, dir };
}

describe('history guard', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test('a clean change that only adds a newer migration passes', async () => {
    const { root, dir } = makeRepo();
    made.push(root);
    fs.mkdirSync(path.join(dir, '20250401000000_d'));
    fs.writeFileSync(path.join(dir, '20250401000000_d', 'migration.sql'), 'CREATE TABLE d (id int);');
    const result = await checkHistory({ migrationsDir: dir, baseRef: 'main' });
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual(['20250401000000_d']);
    expect(result.merged).toHaveLength(3);
  });

  test('edited, deleted, renamed, out-of-order, missing migration.sql and lock changes are each reported', async () => {
    const { root, dir } = makeRepo();
    made.push(root);
    fs.appendFileSync(path.join(dir, '20250101000000_init', 'migration.sql'), 'ALTER TABLE a ADD x int;\n');
    fs.rmSync(path.join(dir, '20250201000000_b'), { recursive: true });
    fs.renameSync(path.join(dir, '20250301000000_c'), path.join(dir, '20250301000001_c_renamed'));
    fs.mkdirSync(path.join(dir, '20240101000000_early'));
    fs.writeFileSync(path.join(dir, '20240101000000_early', 'migration.sql'), 'CREATE TABLE e (id int);');
    fs.mkdirSync(path.join(dir, '20250501000000_empty'));
    fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "mysql"\n');
    const result = await checkHistory({ migrationsDir: dir, baseRef: 'main' });
    const kinds = result.problems.map((p) => `${p.kind}:${p.migration ?? ''}`).sort();
    expect(kinds).toEqual([
      'deleted:20250201000000_b',
      'edited:20250101000000_init',
      'lock-changed:',
      'missing-sql:20250501000000_empty',
      'out-of-order:20240101000000_early',
      'renamed:20250301000000_c',
    ]);
    for (const p of result.problems) {
      expect(p.file).toMatch(/^prisma\/migrations\//);
      expect(p.remedy.length).toBeGreaterThan(10);
    }
  });

  test('an unknown base ref says how to fetch it', async () => {
    const { root, dir } = makeRepo();
    made.push(root);
    await expect(checkHistory({ migrationsDir: dir, baseRef: 'origin/nope' })).rejects.toThrow(MigrateActionsError);
    await expect(checkHistory({ migrationsDir: dir, baseRef: 'origin/nope' })).rejects.toMatchObject({
      remedy: expect.stringMatching(/fetch-depth: 0/),
    });
  });

  test('the base migrations can be written out for the upgrade path', async () => {
    const { root, dir } = makeRepo();
    made.push(root);
    fs.rmSync(path.join(dir, '20250201000000_b'), { recursive: true });
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-base-'));
    made.push(target);
    const count = await materializeAtRef(root, 'main', 'prisma/migrations', target);
    expect(count).toBe(4);
    expect(fs.readFileSync(path.join(target, '20250201000000_b', 'migration.sql'), 'utf8')).toBe('CREATE TABLE b (id int);\n');
  });
});
