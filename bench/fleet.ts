/**
 * A fleet deploy of the example history (prisma/migrations) to 40 databases on one throwaway
 * PostgreSQL, sequential (--concurrency 1) against --concurrency 8, in one run; prints both and
 * the ratio. One run each (40 fresh databases per arm), alternated when BENCH_ROUNDS > 1.
 *   npx tsx bench/fleet.ts            (BENCH_TARGETS=40 BENCH_ROUNDS=1)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli.js';
import { startThrowawayCluster, type PostgresServer } from '../src/postgres/ephemeral.js';
import { formatDuration } from '../src/report/format.js';

const TARGETS = Number(process.env.BENCH_TARGETS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const MIGRATIONS = path.resolve('prisma/migrations');

async function fleetRun(server: PostgresServer, concurrency: number, round: number): Promise<number> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const lines = ['targets:'];
  for (let i = 0; i < TARGETS; i++) {
    const db = await server.createDatabase(`fleet_${concurrency}_${round}_${i}`, { schema: 'public' });
    env[`BENCH_DB_${i}`] = db.url;
    lines.push(`  - name: t${i}`, `    url: env:BENCH_DB_${i}`, `    wave: ${i === 0 ? 'canary' : 1}`);
  }
  fs.writeFileSync(path.join(work, 'targets.yml'), lines.join('\n') + '\n');
  let err = '';
  const started = performance.now();
  const code = await runCli(
    [
      'deploy',
      '--targets',
      'targets.yml',
      '--migrations-dir',
      MIGRATIONS,
      '--environment',
      'bench',
      '--require-approval',
      'false',
      '--skip-backup',
      '--drift-policy',
      'ignore',
      '--concurrency',
      String(concurrency),
      '--json',
    ],
    { stdout: () => undefined, stderr: (t) => void (err += t), env, isTTY: false, cwd: work },
  );
  const ms = performance.now() - started;
  fs.rmSync(work, { recursive: true, force: true });
  if (code !== 0) throw new Error(`fleet deploy exited ${code}:\n${err.slice(-2000)}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startThrowawayCluster({ major: Number(process.env.BENCH_PG_MAJOR ?? 15) });
try {
  const sequential: number[] = [];
  const parallel: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which arm goes first, so warm caches favour neither.
    if (round % 2 === 0) {
      sequential.push(await fleetRun(server, 1, round));
      parallel.push(await fleetRun(server, 8, round));
    } else {
      parallel.push(await fleetRun(server, 8, round));
      sequential.push(await fleetRun(server, 1, round));
    }
  }
  const s = median(sequential);
  const p = median(parallel);
  console.log(
    `fleet deploy of ${TARGETS} targets × ${fs.readdirSync(MIGRATIONS).filter((n) => /^\d/.test(n)).length} migrations, ${ROUNDS} round(s), ${os.cpus().length} CPUs`,
  );
  console.log(`  sequential (--concurrency 1): ${formatDuration(s)}`);
  console.log(`  --concurrency 8:              ${formatDuration(p)}`);
  console.log(`  speed-up: ${(s / p).toFixed(2)}×`);
} finally {
  await server.stop();
}
