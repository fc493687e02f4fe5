/**
 * fleet-plan and fleet-summary: the two ends of the fleet workflow. fleet-plan reads the targets
 * file (checking it, before any job connects) and emits the rollout as GitHub matrices; each
 * deploy job then runs `deploy --targets … --only <its slice>`. fleet-summary joins the run
 * records those jobs uploaded into one report for the job summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { MATRIX_LIMIT, planMatrices } from '../fleet/matrix.js';
import { fleetReport } from '../fleet/report.js';
import type { TargetResult } from '../fleet/pool.js';
import { addTable, createReport, finishReport } from '../report/model.js';
import { plural } from '../report/format.js';
import { waveLabel } from '../fleet/waves.js';
import { list, num, str, type OptionSpec, type ValuesOf } from './options.js';
import { EXIT, type Command, type CommandContext, type CommandResult } from './types.js';

/** Stage jobs the fleet workflow has: the canary and this many numbered waves. */
export const WORKFLOW_WAVES = 4;

const PLAN_OPTIONS = [
  { name: 'targets', type: 'path', required: true, description: 'The targets file (YAML or JSON).' },
  { name: 'group', type: 'list', description: 'Only the targets of these groups.' },
  {
    name: 'targets-per-job',
    type: 'integer',
    min: 1,
    max: 1000,
    default: '1',
    description: 'Targets each matrix job deploys (with the CLI concurrency); raise it for fleets of thousands.',
  },
] as const satisfies readonly OptionSpec[];

async function runFleetPlan(values: ValuesOf<typeof PLAN_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const { readTargetsFile, selectGroups } = await import('../fleet/targets.js'); // the YAML parser: only here
  const file = readTargetsFile(path.resolve(context.cwd, str(values, 'targets')!));
  const targets = selectGroups(file, list(values, 'group'));
  const chunks = planMatrices(targets, num(values, 'targets-per-job') ?? 1);
  const waves = [...new Set(chunks.map((c) => c.wave))];
  const multiChunk = waves.filter((w) => chunks.filter((c) => c.wave === w).length > 1);
  if (waves.filter((w) => w !== 'canary').length > WORKFLOW_WAVES || multiChunk.length) {
    throw new MigrateActionsError(
      'E_FLEET_TARGETS',
      multiChunk.length
        ? `${waveLabel(multiChunk[0])} needs more than ${MATRIX_LIMIT} jobs (GitHub's matrix limit).`
        : `The fleet has ${waves.length} waves; the fleet workflow runs the canary and up to ${WORKFLOW_WAVES} numbered waves.`,
      {
        remedy: multiChunk.length
          ? 'Raise targets-per-job so each wave fits in 256 jobs.'
          : `Merge waves so at most ${WORKFLOW_WAVES} remain after the canary.`,
        where: { file: file.file },
      },
    );
  }
  // Stage 0 is the canary (empty when there is none), stages 1… the numbered waves in order.
  const stage = (i: number) => {
    const wave = i === 0 ? 'canary' : waves.filter((w) => w !== 'canary')[i - 1];
    const chunk = chunks.find((c) => c.wave === wave);
    return chunk ? JSON.stringify({ include: chunk.include }) : '';
  };
  const report = createReport('plan', `Fleet plan of ${path.relative(context.cwd, file.file)}`);
  addTable(report, {
    title: 'Waves',
    columns: ['wave', 'targets', 'jobs'],
    rows: chunks.map((c) => [
      waveLabel(c.wave),
      String(c.include.reduce((n, j) => n + j.targets.split(',').length, 0)),
      String(c.include.length),
    ]),
  });
  const outputs: Record<string, string | number> = { 'target-count': targets.length, canary: stage(0) };
  for (let i = 1; i <= WORKFLOW_WAVES; i++) outputs[`wave-${i}`] = stage(i);
  report.outputs = outputs;
  report.data = { chunks };
  return {
    report: finishReport(report, { summary: `${plural(targets.length, 'target')} in ${plural(waves.length, 'wave')}.` }),
    exitCode: EXIT.ok,
    outputs,
  };
}

const SUMMARY_OPTIONS = [
  {
    name: 'records-dir',
    type: 'path',
    required: true,
    description: 'Folder holding the run.json records the fleet jobs uploaded (searched recursively).',
  },
] as const satisfies readonly OptionSpec[];

function findRunRecords(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((entry) => (entry.isFile() && entry.name === 'run.json' ? [path.join(entry.parentPath, entry.name)] : []));
}

async function runFleetSummary(values: ValuesOf<typeof SUMMARY_OPTIONS>, context: CommandContext): Promise<CommandResult> {
  const dir = path.resolve(context.cwd, str(values, 'records-dir')!);
  const records = findRunRecords(dir).map(
    (file) => JSON.parse(fs.readFileSync(file, 'utf8')) as { command: string; file: string; targets: TargetResult[] },
  );
  if (!records.length) {
    throw new MigrateActionsError('E_INPUT', `No fleet run records (run.json) under ${dir}.`, {
      remedy: 'Download the artifacts the fleet jobs uploaded into this folder first.',
    });
  }
  // A target may appear in several records (a re-run job): its latest start wins.
  const byName = new Map<string, TargetResult>();
  for (const target of records.flatMap((r) => r.targets)) {
    const known = byName.get(target.name);
    if (target.result === 'not-started' && known) continue;
    if (!known || known.result === 'not-started' || (target.startedAt ?? '') > (known.startedAt ?? '')) byName.set(target.name, target);
  }
  const report = fleetReport(
    { targets: [...byName.values()] },
    { command: records[0].command, kind: 'deploy', file: records[0].file, concurrency: 0, maxFailures: 0 },
    `${records[0].command} on the fleet in ${records[0].file}`,
  );
  const failed = [...byName.values()].some((t) => t.result === 'failed');
  return { report, exitCode: failed ? EXIT.failed : EXIT.ok, outputs: report.outputs };
}

export const fleetPlanCommand: Command = {
  name: 'fleet-plan',
  summary: 'Check a targets file and emit its rollout as GitHub matrices: the canary, then each wave (at most 256 jobs a matrix).',
  options: PLAN_OPTIONS,
  outputs: [
    { name: 'target-count', description: 'Number of targets planned.' },
    { name: 'canary', description: 'The canary matrix ({"include": [{"job", "targets"}]}), empty when there is no canary.' },
    ...Array.from({ length: WORKFLOW_WAVES }, (_, i) => ({
      name: `wave-${i + 1}`,
      description: `The matrix of numbered wave ${i + 1} in order, empty when there is none.`,
    })),
  ],
  action: {
    id: 'fleet-plan',
    name: 'Prisma fleet plan',
    description: 'Checks a targets file and emits its rollout as GitHub matrices: the canary, then each wave.',
    icon: 'layers',
  },
  examples: ['prisma-migrate-actions fleet-plan --targets targets.yml --json'],
  run: runFleetPlan,
};

export const fleetSummaryCommand: Command = {
  name: 'fleet-summary',
  summary: 'Join the run records of a fleet workflow’s jobs into one report: succeeded, failed, not started, slowest targets.',
  options: SUMMARY_OPTIONS,
  outputs: [
    { name: 'succeeded', description: 'Targets that succeeded.' },
    { name: 'failed', description: 'Targets that failed.' },
    { name: 'not-started', description: 'Targets that were not started.' },
  ],
  action: {
    id: 'fleet-summary',
    name: 'Prisma fleet summary',
    description: 'Joins the run records of the fleet jobs into one summary of every target.',
    icon: 'list',
  },
  examples: ['prisma-migrate-actions fleet-summary --records-dir fleet-records'],
  run: runFleetSummary,
};
