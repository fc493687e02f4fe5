/**
 * The whole migration-test check (throwaway PostgreSQL start included) on the example project
 * and on a generated long history, with the time split by step (report.timings). Baseline,
 * measured in the same run: the least any such check does — start a PostgreSQL, apply the
 * history from scratch, stop. The ratio says what the other checks cost on top. Each run is its
 * own process (bench/migration-test-once.ts on a project made once here), baseline and check
 * alternated, median of the rounds; peak RSS is the check's own process (the Prisma CLI and
 * PostgreSQL are processes of their own). Targets: the example ≤ 3 s, ≤ 2× the baseline at 800.
 *   npx tsx bench/migration-test.ts          (BENCH_MIGRATIONS=800 BENCH_SEED_ROWS=50 BENCH_ROUNDS=5)
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exampleProject, gitProject, type GitProject } from '../test/fixtures/migration-test/project.js';
import { generatedHistoryProject } from './generated-history.js';
import { alternate, median, MB, ratioLine, rssText, runProcess } from './measure.js';

const TOTAL = Number(process.env.BENCH_MIGRATIONS ?? 800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TABLES = Math.min(100, TOTAL);
const ONCE = fileURLToPath(new URL('./migration-test-once.ts', import.meta.url));

interface Run {
  ms: number;
  peakRss: number;
  liveHeap?: number;
  verdict?: string;
  timings?: Record<string, number>;
}

/**
 * One bench/migration-test-once.ts process on `project`; its last two lines are its JSON and its ms
 * (GNU time's peak would count the Prisma CLI it waits for: the JSON has the process's own).
 */
async function runOnce(project: GitProject, mode: 'baseline' | 'check' | 'live heap'): Promise<Run> {
  const env = {
    ...process.env,
    BENCH_PROJECT: project.root,
    ...(mode === 'baseline' ? { BENCH_BASELINE: '1' } : mode === 'live heap' ? { BENCH_LIVE_HEAP: '1' } : {}),
  };
  const flags = mode === 'live heap' ? ['--expose-gc'] : [];
  const run = await runProcess(process.execPath, [...flags, '--import', 'tsx', ONCE], env, { captureStdout: true });
  const lines = run.stdout.trim().split('\n');
  if (run.code !== 0 || lines.length < 2) throw new Error(`${mode} run exited ${run.code}: ${run.stderr.slice(-800)}`);
  return { ...(JSON.parse(lines[lines.length - 2]) as Omit<Run, 'ms'>), ms: Number(lines[lines.length - 1]) };
}

const seconds = (n: number): string => `${(n / 1000).toFixed(2)} s`;

async function measure(label: string, project: GitProject): Promise<{ ms: number; base: number; peakRss: number }> {
  const runs = await alternate(ROUNDS, { baseline: () => runOnce(project, 'baseline'), check: () => runOnce(project, 'check') });
  const base = median(runs.baseline.map((r) => r.ms));
  const ms = median(runs.check.map((r) => r.ms));
  const peakRss = Math.max(...runs.check.map((r) => r.peakRss));
  const verdicts = [...new Set(runs.check.map((r) => r.verdict))].join(', ');
  console.log(`\n${label}: verdict ${verdicts}; median of ${ROUNDS} (A/B alternated), each run its own process`);
  console.log(`  whole check (PostgreSQL start included): ${seconds(ms)}; runs ${runs.check.map((r) => seconds(r.ms)).join(', ')}`);
  console.log(
    `  baseline (start PostgreSQL, apply from scratch, stop): ${seconds(base)}; runs ${runs.baseline.map((r) => seconds(r.ms)).join(', ')}`,
  );
  console.log(`  check / baseline: ${(ms / base).toFixed(2)}×`);
  console.log(
    `  peak RSS of the check's process: ${rssText(peakRss)} (the baseline's: ${rssText(Math.max(...runs.baseline.map((r) => r.peakRss)))})`,
  );
  console.log('  median time of each step (steps overlap: from scratch, upgrade path, schema check and lint run concurrently):');
  for (const step of Object.keys(runs.check[0].timings ?? {}))
    console.log(`    ${step.padEnd(42)} ${seconds(median(runs.check.map((r) => r.timings?.[step] ?? 0))).padStart(8)}`);
  return { ms, base, peakRss };
}

/** A project of the generated history: `total` migrations over (at most) 100 tables, the last one new. */
const generatedProject = (total: number): GitProject => gitProject(generatedHistoryProject(total));

const example = exampleProject({ nodeModules: true });
const exampleCount = fs.readdirSync(example.migrationsDir).filter((n) => /^\d/.test(n)).length;
try {
  console.log(
    `Example project: ${exampleCount} migrations; generated: ${TOTAL} migrations over ${TABLES} tables; ${process.env.BENCH_SEED_ROWS ?? 50} seed rows per table; node ${process.version}.`,
  );
  const small = await measure('example project (prisma/), node_modules linked (the Prisma CLI runs or is skipped)', example);
  console.log(`  ${small.ms <= 3000 ? 'met' : 'MISSED'}: target ≤ 3 s for the example`);
  const generated = generatedProject(TOTAL);
  try {
    const long = await measure(`generated ${TOTAL}-migration history`, generated);
    console.log(
      TOTAL >= 800
        ? ratioLine(`  ${TOTAL} migrations, check / baseline`, long.ms / long.base, 2)
        : `  ${TOTAL} migrations, check / baseline: ${(long.ms / long.base).toFixed(2)}× (the target, ≤ 2×, is for 800)`,
    );
    if (TOTAL > 100) {
      // The same generator at 100 migrations (the same 100 tables): what the history itself adds.
      const shorter = generatedProject(100);
      try {
        const short = await measure('generated 100-migration history (for the memory per migration)', shorter);
        const perMigration = (bytes: number): string => `${(bytes / (TOTAL - 100) / 1024).toFixed(1)} KB per migration`;
        console.log(
          `\nMemory of the check's process, generated history, 100 → ${TOTAL} migrations:\n  peak RSS ${rssText(short.peakRss)} → ${rssText(long.peakRss)}, ${perMigration(long.peakRss - short.peakRss)}`,
        );
        // One more run of each, collecting every 40 ms: what the check keeps, apart from V8's sizing.
        const [liveShort, liveLong] = [
          (await runOnce(shorter, 'live heap')).liveHeap ?? 0,
          (await runOnce(generated, 'live heap')).liveHeap ?? 0,
        ];
        console.log(
          `  largest live heap (after a full collection every 40 ms, one run each): ${(liveShort / MB).toFixed(1)} MB → ${(liveLong / MB).toFixed(1)} MB, ${perMigration(liveLong - liveShort)}`,
        );
      } finally {
        shorter.remove();
      }
    }
  } finally {
    generated.remove();
  }
} finally {
  example.remove();
}
