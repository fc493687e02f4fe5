/**
 * How long a throwaway PostgreSQL takes from the call to its first answered query: with the
 * cached initdb template (the default after the first start) against running initdb every time
 * (templateCacheDir: false), in the same process, A/B alternated, median of the rounds.
 * The ratio is template ÷ initdb (lower is better).
 *   npx tsx bench/postgres-start.ts [--rounds 7] [--major 15]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayCluster } from '../src/postgres/ephemeral.js';
import { toClientConfig } from '../src/postgres/url.js';
import { alternate, median, ratioLine } from './measure.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('--rounds', 7);
const MAJOR = arg('--major', 15);
const cacheDir = path.join(os.tmpdir(), `pma-bench-templates-${process.pid}`);

async function firstQuery(templateCacheDir: string | false, expectTemplate = templateCacheDir !== false): Promise<number> {
  const started = performance.now();
  const server = await startThrowawayCluster({ major: MAJOR, templateCacheDir });
  try {
    const client = new pg.Client(toClientConfig(server.admin));
    await client.connect();
    await client.query('SELECT 1');
    const ms = performance.now() - started;
    await client.end();
    if (server.fromTemplate !== expectTemplate) throw new Error(`expected fromTemplate ${expectTemplate}, got ${server.fromTemplate}`);
    return ms;
  } finally {
    await server.stop();
  }
}

try {
  await firstQuery(cacheDir, false); // builds the template (and warms the binaries' page cache for both sides)
  const runs = await alternate(ROUNDS, { template: () => firstQuery(cacheDir), initdb: () => firstQuery(false) });
  const [withTemplate, withInitdb] = [median(runs.template), median(runs.initdb)];
  console.log(
    `PostgreSQL ${MAJOR} start to first query, median of ${ROUNDS}: template ${withTemplate.toFixed(0)} ms, initdb ${withInitdb.toFixed(0)} ms`,
  );
  console.log(
    `  template: ${runs.template.map((v) => v.toFixed(0)).join(' ')} ms; initdb: ${runs.initdb.map((v) => v.toFixed(0)).join(' ')} ms`,
  );
  console.log(ratioLine('throwaway PostgreSQL start, template ÷ initdb', withTemplate / withInitdb, 0.5));
} finally {
  fs.rmSync(cacheDir, { recursive: true, force: true });
}
