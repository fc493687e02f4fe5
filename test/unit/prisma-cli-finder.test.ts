/**
 * Where the Prisma CLI is found in the layouts package managers make: a package's own
 * node_modules first (pnpm, non-hoisted workspaces), then a hoisted one above it, then pnpm's
 * hidden hoisting folder; Yarn Plug'n'Play (no node_modules) gets a remedy naming nodeLinker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPrismaCli, requirePrismaCli } from '../../src/prisma/cli.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-finder-'));
  fs.mkdirSync(path.join(root, 'packages', 'db', 'prisma'), { recursive: true });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function fakePrisma(dir: string, version: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'prisma', version, bin: { prisma: 'build/index.js' } }));
}

const db = () => path.join(root, 'packages', 'db', 'prisma');

test("the package's own node_modules wins over a hoisted one", () => {
  fakePrisma(path.join(root, 'node_modules', 'prisma'), '6.1.0');
  fakePrisma(path.join(root, 'packages', 'db', 'node_modules', 'prisma'), '6.19.3');
  expect(findPrismaCli(db())).toMatchObject({ version: '6.19.3', projectDir: path.join(root, 'packages', 'db') });
});

test('a hoisted CLI at the monorepo root is found from packages/db', () => {
  fakePrisma(path.join(root, 'node_modules', 'prisma'), '7.10.1');
  expect(findPrismaCli(db())).toMatchObject({
    version: '7.10.1',
    major: 7,
    entry: path.join(root, 'node_modules', 'prisma', 'build', 'index.js'),
  });
});

test("pnpm's hidden hoisting folder is the last place looked", () => {
  fakePrisma(path.join(root, 'node_modules', '.pnpm', 'node_modules', 'prisma'), '6.19.3');
  expect(findPrismaCli(db())?.entry).toBe(path.join(root, 'node_modules', '.pnpm', 'node_modules', 'prisma', 'build', 'index.js'));
});

test("Yarn Plug'n'Play: the error says to use nodeLinker: node-modules", () => {
  fs.writeFileSync(path.join(root, '.pnp.cjs'), '');
  expect(findPrismaCli(db())).toBeUndefined();
  expect(() => requirePrismaCli(db())).toThrow(
    expect.objectContaining({ code: 'E_PRISMA_CLI_MISSING', remedy: expect.stringMatching(/nodeLinker: node-modules/) }),
  );
});
