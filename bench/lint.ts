/**
 * Lints a generated 800-migration Prisma-style history with the CLI (`lint --migrations-dir`,
 * the bundle users run: dist/cli/index.js, BENCH_CLI=path for another build, BENCH_NODE=path for
 * another Node) and with squawk (squawk-cli) on the same files, each a whole process, A/B
 * alternated, median of the rounds (BENCH_ROUNDS, default 5), with peak RSS. Target: ours ≤ 1.5×
 * squawk. Then, in-process, the findings, and whether every hazard planted on an existing table
 * was reported. Run: npx tsx bench/lint.ts
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintMigrations, readLintDir } from '../src/lint/index.js';
import { alternate, median, ratioLine, rssText, runProcess, type ProcessRun } from './measure.js';

const MIGRATIONS = 800;
const HAZARD_EVERY = 40;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/index.js');
const NODE = process.env.BENCH_NODE ?? process.execPath;
// squawk-cli is not a devDependency (its other-platform binaries are not on every registry mirror,
// which breaks `npm ci`): the benchmark installs it on first use into a cache folder.
const SQUAWK = ensureSquawk();

function ensureSquawk(): string {
  const local = path.resolve('node_modules/.bin/squawk');
  if (fs.existsSync(local)) return local;
  const prefix = path.join(os.tmpdir(), 'pma-bench-squawk');
  const bin = path.join(prefix, 'node_modules', '.bin', 'squawk');
  if (!fs.existsSync(bin)) {
    console.log(`Installing squawk-cli into ${prefix} …`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'squawk-cli@2'], { stdio: 'inherit' });
  }
  return bin;
}

interface Planted {
  migration: string;
  ruleId: string;
}

function newTable(i: number): string {
  const t = `T${i}`;
  const fk =
    i > 1
      ? `\nALTER TABLE "${t}" ADD CONSTRAINT "${t}_prevId_fkey" FOREIGN KEY ("prevId") REFERENCES "T${i - 1}"("id") ON DELETE SET NULL ON UPDATE CASCADE;`
      : '';
  return `-- CreateTable
CREATE TABLE "${t}" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prevId" TEXT,
    "count" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "${t}_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE UNIQUE INDEX "${t}_name_key" ON "${t}"("name");
-- CreateIndex
CREATE INDEX "${t}_prevId_idx" ON "${t}"("prevId");${fk}
`;
}

/** Hazards on a table an earlier migration created (so it exists when this one deploys). */
const HAZARDS: Array<{ ruleId: string; sql: (t: string) => string }> = [
  { ruleId: 'lock/create-index-non-concurrent', sql: (t) => `CREATE INDEX "${t}_createdAt_idx" ON "${t}"("createdAt");` },
  { ruleId: 'compat/add-not-null-column-without-default', sql: (t) => `ALTER TABLE "${t}" ADD COLUMN "kind" TEXT NOT NULL;` },
  { ruleId: 'lock/set-not-null', sql: (t) => `ALTER TABLE "${t}" ALTER COLUMN "prevId" SET NOT NULL;` },
  { ruleId: 'data-loss/drop-column', sql: (t) => `ALTER TABLE "${t}" DROP COLUMN "count";` },
  { ruleId: 'lock/alter-column-type', sql: (t) => `ALTER TABLE "${t}" ALTER COLUMN "count" SET DATA TYPE BIGINT;` },
];

async function generate(dir: string): Promise<Planted[]> {
  const planted: Planted[] = [];
  for (let i = 1; i <= MIGRATIONS; i++) {
    const name = `${String(20240000000000 + i * 100)}_m${i}`;
    let sql: string;
    if (i % HAZARD_EVERY === 0) {
      const hazard = HAZARDS[(i / HAZARD_EVERY) % HAZARDS.length];
      sql = `-- AlterTable\n${hazard.sql(`T${i - 10}`)}\n`;
      planted.push({ migration: name, ruleId: hazard.ruleId });
    } else sql = newTable(i);
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return planted;
}

/** squawk's finding count on the files (one extra run, outside the timing). */
function squawkFindings(files: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(SQUAWK, ['--reporter', 'json', '--pg-version', '16.0', ...files], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`squawk not found at ${SQUAWK}`));
      try {
        resolve((JSON.parse(stdout) as unknown[]).length);
      } catch {
        reject(new Error(`squawk output is not JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} does not exist: run npm run build first.`);
  const dir = await mkdtemp(path.join(tmpdir(), 'lint-bench-'));
  try {
    const planted = await generate(dir);
    const files = (await readLintDir(dir)).map((m) => m.path);
    // Exit 1 is expected (the planted hazards are errors); anything else is a failure of the run.
    const finished = (run: ProcessRun, what: string): ProcessRun => {
      if (run.code !== 0 && run.code !== 1) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-500)}`);
      return run;
    };
    const runs = await alternate(ROUNDS, {
      ours: async () => finished(await runProcess(NODE, [CLI, 'lint', '--migrations-dir', dir], { ...process.env, NO_COLOR: '1' }), 'lint'),
      squawk: async () => finished(await runProcess(SQUAWK, ['--reporter', 'json', '--pg-version', '16.0', ...files]), 'squawk'),
    });
    const ms = (name: string): number => median(runs[name].map((r) => r.ms));
    const rss = (name: string): number => Math.max(...runs[name].map((r) => r.peakRss));
    const r = await lintMigrations({ migrations: await readLintDir(dir), changeSet: 'each', engine: 'builtin', serverMajor: 16 });
    const missed = planted.filter((p) => !r.findings.some((f) => f.migration === p.migration && f.ruleId === p.ruleId));
    const squawkCount = await squawkFindings(files);
    console.log(
      `history: ${MIGRATIONS} migrations, ${planted.length} hazards planted on existing tables, ${r.statementsLinted} statements; node ${NODE === process.execPath ? process.version : NODE}`,
    );
    console.log(`whole processes, median of ${ROUNDS} (A/B alternated):`);
    console.log(`  CLI lint: ${ms('ours').toFixed(0).padStart(5)} ms  peak RSS ${rssText(rss('ours'))}`);
    console.log(`  squawk:   ${ms('squawk').toFixed(0).padStart(5)} ms  peak RSS ${rssText(rss('squawk'))}`);
    console.log(ratioLine('  lint / squawk', ms('ours') / ms('squawk'), 1.5));
    console.log(
      `findings ours/squawk: ${r.findings.length}/${squawkCount} (ours: ${r.summary.error} error, ${r.summary.warning} warning, ${r.summary.notice} notice)`,
    );
    console.log(
      `planted hazards reported by ours: ${planted.length - missed.length}/${planted.length}${missed.length ? ` — MISSED: ${missed.map((m) => `${m.migration} ${m.ruleId}`).join(', ')}` : ''}`,
    );
    if (missed.length) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
