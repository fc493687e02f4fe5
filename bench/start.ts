/**
 * How long the CLI takes to start: `--help`, a no-op `status` and a no-op `apply` (a database with
 * every migration applied) against a bare `node -e 0`, each a whole process, A/B alternated, median of the rounds.
 * Measures the bundle users run (dist/cli/index.js; BENCH_CLI=path for another build; BENCH_NODE=path
 * runs both sides on another Node, e.g. the Node 24 the actions use, where the compile cache works).
 * Targets: both ≤ 1.5× `node -e 0`. For context it also times the least any Node command that reads
 * the database can do: a script that loads pg, connects, reads _prisma_migrations and exits.
 *   npx tsx bench/start.ts [--rounds 9]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../src/migrations/index.js';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { alternate, median, ratioLine, rssText, runProcess, type ProcessRun } from './measure.js';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 9;
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/index.js');
const NODE = process.env.BENCH_NODE ?? process.execPath;

function history(root: string, count: number): string {
  const dir = path.join(root, 'migrations');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (let i = 0; i < count; i++) {
    const name = `2024${String(100000000 + i).slice(1)}_m${i}`;
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), `CREATE TABLE "t${i}" ("id" SERIAL PRIMARY KEY, "label" TEXT NOT NULL);\n`);
  }
  return dir;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} does not exist: run npm run build first.`);
  const server = await startThrowawayCluster();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-bench-start-'));
  try {
    const dir = history(root, 20);
    const db = await server.createDatabase();
    await applyMigrations({ connection: db, dir });
    const env = { ...process.env, DATABASE_URL: db.url, NO_COLOR: '1' };
    const pgFloor = path.join(root, 'pg-floor.cjs');
    fs.writeFileSync(
      pgFloor,
      [
        "require('node:module').enableCompileCache?.();",
        `const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve('pg'))});`,
        'const client = new pg.Client({ connectionString: process.env.DATABASE_URL });',
        "client.connect().then(() => client.query('SELECT * FROM _prisma_migrations')).then(() => {",
        '  client.end();',
        '  client.connection.stream.unref();',
        '});',
        '',
      ].join('\n'),
    );
    const node = (args: string[]) => async (): Promise<ProcessRun> => {
      const run = await runProcess(NODE, args, env);
      if (run.code !== 0) throw new Error(`node ${args.join(' ')} exited ${run.code}: ${run.stderr.slice(-500)}`);
      return run;
    };
    const runs = await alternate(ROUNDS, {
      bare: node(['-e', '0']),
      pg: node([pgFloor]),
      help: node([CLI, '--help']),
      status: node([CLI, 'status', '--migrations-dir', dir]),
      apply: node([CLI, 'apply', '--migrations-dir', dir]),
    });
    const ms = (name: string): number => median(runs[name].map((r) => r.ms));
    const rss = (name: string): number => Math.max(...runs[name].map((r) => r.peakRss));
    console.log(
      `CLI start, ${path.relative(process.cwd(), CLI)}, node ${NODE === process.execPath ? process.version : NODE}, median of ${ROUNDS} (A/B alternated)`,
    );
    for (const name of ['bare', 'pg', 'help', 'status', 'apply']) {
      console.log(`  ${name.padEnd(7)} ${ms(name).toFixed(0).padStart(5)} ms  peak RSS ${rssText(rss(name))}`);
    }
    console.log(ratioLine('  --help / node -e 0', ms('help') / ms('bare'), 1.5));
    console.log(ratioLine('  no-op status / node -e 0', ms('status') / ms('bare'), 1.5));
    console.log(
      `  no-op status / the pg script: ${(ms('status') / ms('pg')).toFixed(2)}× (that script alone is ${(ms('pg') / ms('bare')).toFixed(2)}× node -e 0)`,
    );
    console.log(`  no-op apply / node -e 0: ${(ms('apply') / ms('bare')).toFixed(2)}× (no target of its own; it parses no SQL)`);
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
