/**
 * Where the Prisma CLI that turns schema.prisma into SQL connects, and when it starts. A stand-in
 * CLI (a script that prints the DATABASE_URL it was given, and when it started) shows it: on a
 * throwaway server it starts at once on the empty `postgres` database, before the database its SQL
 * is loaded into exists; on a given server it gets that new database (nothing else there is ours).
 * On Node 20 it runs with its WebAssembly kept on the baseline tier.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prismaSchemaSql } from '../../src/pr-check/schema-agreement.js';
import type { PrCheckRun } from '../../src/pr-check/run.js';
import type { PostgresServer } from '../../src/postgres/ephemeral.js';
import { parseDatabaseUrl, withDatabase, type ConnectionSettings } from '../../src/postgres/url.js';
import { baselineWasmNodeArgs } from '../../src/prisma/cli.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-schema-sql-'));
const entry = path.join(root, 'fake-prisma.cjs');
fs.writeFileSync(
  entry,
  'process.stdout.write(JSON.stringify({ url: process.env.DATABASE_URL, at: Date.now(), flags: process.execArgv }));\n',
);
const schemaPath = path.join(root, 'schema.prisma');
fs.writeFileSync(schemaPath, 'datasource db {\n  provider = "postgresql"\n}\n');
const configPath = path.join(root, 'prisma.config.ts');
fs.writeFileSync(configPath, 'export default {};\n');

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A server whose CREATE DATABASE takes `delayMs` and records when it finished. */
function server(source: PostgresServer['source'], delayMs: number, created: Array<{ name: string; at: number }>): PostgresServer {
  const admin = parseDatabaseUrl('postgresql://postgres@localhost:5432/postgres?host=%2Ftmp%2Fsock');
  return {
    source,
    major: 16,
    admin,
    async createDatabase(name?: string): Promise<ConnectionSettings> {
      await new Promise((r) => setTimeout(r, delayMs));
      created.push({ name: name!, at: Date.now() });
      return withDatabase(admin, name!);
    },
    async dropDatabase() {},
    async stop() {},
  } as PostgresServer;
}

function runOn(s: PostgresServer): PrCheckRun {
  return {
    server: s,
    schema: 'public',
    settings: { schemaPath } as PrCheckRun['settings'],
    prisma: { cli: { entry, version: '6.19.3', major: 6, projectDir: root }, configPath },
  } as PrCheckRun;
}

test('on a throwaway server the CLI starts at once, on the postgres database', async () => {
  const created: Array<{ name: string; at: number }> = [];
  const source = await prismaSchemaSql(runOn(server('system', 1500, created)), undefined)!;
  if ('error' in source.converted) throw source.converted.error;
  const printed = JSON.parse(source.converted.sql) as { url: string; at: number; flags: string[] };
  expect(parseDatabaseUrl(printed.url).database).toBe('postgres');
  expect(printed.flags).toEqual(baselineWasmNodeArgs());
  expect(created).toHaveLength(1);
  expect(source.database.database).toBe(created[0].name);
  expect(printed.at).toBeLessThan(created[0].at); // it did not wait for the CREATE DATABASE
});

test('on a given server the CLI gets the new database', async () => {
  const created: Array<{ name: string; at: number }> = [];
  const source = await prismaSchemaSql(runOn(server('url', 10, created)), undefined)!;
  if ('error' in source.converted) throw source.converted.error;
  const printed = JSON.parse(source.converted.sql) as { url: string; at: number };
  expect(parseDatabaseUrl(printed.url).database).toBe(created[0].name);
});

test('a database that cannot be created reaches the caller', async () => {
  const failing = server('system', 0, []);
  failing.createDatabase = () => Promise.reject(new Error('too many databases'));
  await expect(prismaSchemaSql(runOn(failing), undefined)!).rejects.toThrow('too many databases');
});

test('the baseline-tier flags go to the CLI on Node 20 and older only', () => {
  expect(baselineWasmNodeArgs('20.20.0')).toEqual(['--no-wasm-tier-up', '--no-wasm-dynamic-tiering']);
  expect(baselineWasmNodeArgs('18.19.1')).toHaveLength(2);
  expect(baselineWasmNodeArgs('24.21.0')).toEqual([]);
});
