/**
 * Lints a generated 800-migration Prisma-style history with our linter and with squawk
 * (squawk-cli) on the same files in the same run. Prints wall times, the ratio (target: ours
 * ≤ 2× squawk), the findings of each, and whether every hazard planted on an existing table was
 * reported by ours. Run: npx tsx bench/lint.ts
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintMigrations, readLintDir, type LintResult } from '../src/lint/index.js';

const MIGRATIONS = 800;
const HAZARD_EVERY = 40;
const RUNS = 3;
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

async function ours(dir: string): Promise<{ ms: number; result: LintResult }> {
  const start = performance.now();
  const migrations = await readLintDir(dir);
  const result = await lintMigrations({ migrations, changeSet: 'each', engine: 'builtin', serverMajor: 16 });
  return { ms: performance.now() - start, result };
}

function squawk(files: string[]): Promise<{ ms: number; findings: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(SQUAWK, ['--reporter', 'json', '--pg-version', '16.0', ...files], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      const ms = performance.now() - start;
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`squawk not found at ${SQUAWK}`));
      try {
        resolve({ ms, findings: (JSON.parse(stdout) as unknown[]).length });
      } catch {
        reject(new Error(`squawk output is not JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lint-bench-'));
  try {
    const planted = await generate(dir);
    const files = (await readLintDir(dir)).map((m) => m.path);
    const ourTimes: number[] = [];
    const squawkTimes: number[] = [];
    let result: LintResult | undefined;
    let squawkFindings = 0;
    for (let run = 0; run < RUNS; run++) {
      const a = await ours(dir);
      ourTimes.push(a.ms);
      result = a.result;
      const b = await squawk(files);
      squawkTimes.push(b.ms);
      squawkFindings = b.findings;
    }
    const r = result!;
    const missed = planted.filter((p) => !r.findings.some((f) => f.migration === p.migration && f.ruleId === p.ruleId));
    const ourMs = median(ourTimes);
    const squawkMs = median(squawkTimes);
    console.log(
      `history: ${MIGRATIONS} migrations, ${planted.length} hazards planted on existing tables, ${r.statementsLinted} statements`,
    );
    console.log(
      `ours:   ${ourMs.toFixed(0)} ms median of ${RUNS} (first, cold: ${ourTimes[0].toFixed(0)} ms), ${r.findings.length} findings (${r.summary.error} error, ${r.summary.warning} warning, ${r.summary.notice} notice)`,
    );
    console.log(`squawk: ${squawkMs.toFixed(0)} ms median of ${RUNS} (process wall time), ${squawkFindings} findings`);
    console.log(`ratio ours/squawk: ${(ourMs / squawkMs).toFixed(2)}× (target ≤ 2×); cold: ${(ourTimes[0] / squawkTimes[0]).toFixed(2)}×`);
    const nonNotice = r.findings.filter((f) => f.severity !== 'notice').length;
    console.log(`findings ours/squawk: ${r.findings.length}/${squawkFindings} (errors+warnings only: ${nonNotice})`);
    console.log(
      `planted hazards reported by ours: ${planted.length - missed.length}/${planted.length}${missed.length ? ` — MISSED: ${missed.map((m) => `${m.migration} ${m.ruleId}`).join(', ')}` : ''}`,
    );
    if (missed.length) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
