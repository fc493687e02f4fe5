/**
 * How the workflows are wired to what they call, checked as GitHub evaluates it at run time:
 * every `uses:` of our actions passes only inputs the action declares; every caller passes only
 * inputs/secrets its reusable workflow declares, with values of the declared type; every
 * `needs.*.outputs.*` / `steps.*.outputs.*` names an output that exists — for a `run:` step,
 * one its script writes to $GITHUB_OUTPUT — and a step reads only steps that ran before it.
 * A typo here is no YAML error: GitHub passes an empty string. Each check also runs on a small
 * bad workflow to prove it flags what it is meant to flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLISHED = 'prisma-migrate-actions/prisma-migrate-actions/';

type Mapping = Record<string, any>;
const mapping = (value: unknown): Mapping => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Mapping) : {});

interface Files {
  read(relative: string): string | undefined;
}

const checkout: Files = {
  read: (relative) => {
    const file = path.join(root, relative);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  },
};

function withOverrides(overrides: Record<string, string>): Files {
  return { read: (relative) => overrides[relative] ?? checkout.read(relative) };
}

interface Declared {
  kind: 'action' | 'workflow';
  inputs: Mapping;
  secrets: Mapping;
  outputs: string[];
}

/** What a `uses:` of ours points at, or undefined for third-party actions. */
function resolve(uses: string, files: Files): Declared | 'missing' | undefined {
  let inner: string;
  if (uses.startsWith(PUBLISHED)) inner = uses.slice(PUBLISHED.length).replace(/@[^@]*$/, '');
  else if (uses.startsWith('./')) inner = uses.slice(2);
  else return undefined;
  const action = /^actions\/([\w-]+)$/.exec(inner);
  if (action) {
    const text = files.read(`actions/${action[1]}/action.yml`);
    if (text === undefined) return 'missing';
    const meta = mapping(parse(text));
    return { kind: 'action', inputs: mapping(meta.inputs), secrets: {}, outputs: Object.keys(mapping(meta.outputs)) };
  }
  const text = files.read(inner);
  if (text === undefined) return 'missing';
  const call = mapping(mapping(mapping(parse(text)).on).workflow_call);
  return { kind: 'workflow', inputs: mapping(call.inputs), secrets: mapping(call.secrets), outputs: Object.keys(mapping(call.outputs)) };
}

/** Outputs of the third-party actions the workflows read, from their action.yml at the pinned tag. */
const THIRD_PARTY_OUTPUTS: Record<string, string[]> = {
  'actions/cache/restore': ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
};

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** Expressions in a value: `${{ }}` anywhere, and the bare text of `if:`. */
function expressions(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const wrapped = [...value.matchAll(EXPRESSION)].map((m) => m[1]);
    return key === 'if' && wrapped.length === 0 ? [value] : wrapped;
  }
  if (Array.isArray(value)) return value.flatMap((item) => expressions(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => expressions(v, k));
  return [];
}

/** Output names a `run:` script writes: `echo "name=…" >> "$GITHUB_OUTPUT"` and `name<<EOF` blocks. */
export function outputsWrittenBy(script: string): string[] {
  if (!/\$\{?GITHUB_OUTPUT\}?/.test(script)) return [];
  const names = new Set<string>();
  for (const m of script.matchAll(/(?:^|["'\s{])([A-Za-z_][\w-]*)(?:=|<<)/gm)) names.add(m[1]);
  return [...names];
}

const needsOf = (job: Mapping): string[] => (Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : []);

/** A literal (no expression) value that GitHub would refuse for an input of this type. */
function typeMismatch(value: unknown, type: unknown): string | undefined {
  if (typeof value === 'string' && value.includes('${{')) return undefined;
  if (type === 'boolean' && typeof value !== 'boolean') return `a boolean input given ${JSON.stringify(value)}`;
  if (type === 'number' && typeof value !== 'number') return `a number input given ${JSON.stringify(value)}`;
  if (type === 'string' && typeof value === 'object') return `a string input given ${JSON.stringify(value)}`;
  return undefined;
}

/** Every wiring problem in one workflow file, as readable lines (empty = none). */
export function wiringProblems(file: string, files: Files): string[] {
  const workflow = mapping(parse(files.read(file) ?? ''));
  const jobs = mapping(workflow.jobs);
  const problems: string[] = [];
  const jobOutputs = (id: string): string[] | undefined => {
    const job = mapping(jobs[id]);
    if (!job.uses) return Object.keys(mapping(job.outputs));
    const target = resolve(job.uses, files);
    return target && target !== 'missing' ? target.outputs : undefined;
  };
  for (const [jobId, jobValue] of Object.entries(jobs)) {
    const job = mapping(jobValue);
    const where = `${file} job ${jobId}`;
    if (job.uses) {
      const target = resolve(job.uses, files);
      if (target === 'missing') problems.push(`${where}: ${job.uses} does not exist`);
      else if (target) {
        for (const [name, value] of Object.entries(mapping(job.with))) {
          if (!(name in target.inputs)) problems.push(`${where}: with.${name} is not an input of ${job.uses}`);
          else {
            const mismatch = typeMismatch(value, mapping(target.inputs[name]).type);
            if (mismatch) problems.push(`${where}: with.${name} is ${mismatch}`);
          }
        }
        if (job.secrets !== 'inherit')
          for (const name of Object.keys(mapping(job.secrets)))
            if (!(name in target.secrets)) problems.push(`${where}: secret ${name} is not declared by ${job.uses}`);
      }
    }
    const steps: Mapping[] = Array.isArray(job.steps) ? job.steps : [];
    for (const [index, step] of steps.entries()) {
      const stepWhere = `${where} step ${step.id ?? index + 1}`;
      if (!step.uses) continue;
      const target = resolve(step.uses, files);
      if (target === 'missing') problems.push(`${stepWhere}: ${step.uses} does not exist`);
      else if (target)
        for (const name of Object.keys(mapping(step.with)))
          if (!(name in target.inputs)) problems.push(`${stepWhere}: with.${name} is not an input of ${step.uses}`);
    }
    const stepOutputs = (stepId: string, before: number): string[] | string => {
      const at = steps.findIndex((s) => s.id === stepId);
      if (at < 0) return `steps.${stepId} is not a step of this job`;
      if (at >= before) return `steps.${stepId} runs after the step that reads it`;
      const step = steps[at];
      if (typeof step.run === 'string') return outputsWrittenBy(step.run);
      const target = step.uses ? resolve(step.uses, files) : undefined;
      if (target === undefined && step.uses) return THIRD_PARTY_OUTPUTS[String(step.uses).replace(/@.*$/, '')] ?? [];
      return target && target !== 'missing' ? target.outputs : [];
    };
    const check = (value: unknown, before: number, whereText: string) => {
      for (const expression of expressions(value)) {
        for (const [, needed, output] of expression.matchAll(/\bneeds\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
          if (!needsOf(job).includes(needed)) problems.push(`${whereText}: needs.${needed} is not in needs`);
          else if (!(needed in jobs)) problems.push(`${whereText}: there is no job ${needed}`);
          else {
            const outputs = jobOutputs(needed);
            if (outputs && !outputs.includes(output))
              problems.push(`${whereText}: needs.${needed}.outputs.${output} is not an output of ${needed}`);
          }
        }
        for (const [, stepId, output] of expression.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
          const outputs = stepOutputs(stepId, before);
          if (typeof outputs === 'string') problems.push(`${whereText}: ${outputs}`);
          else if (!outputs.includes(output))
            problems.push(`${whereText}: steps.${stepId}.outputs.${output} is not an output of that step`);
        }
      }
    };
    // Job-level keys (outputs, if, with, env) are evaluated after all steps or before any.
    const { steps: _steps, outputs, ...jobLevel } = job;
    check(jobLevel, -1, where);
    check(outputs, steps.length, `${where} outputs`);
    steps.forEach((step, index) => check(step, index, `${where} step ${step.id ?? index + 1}`));
  }
  for (const [name, output] of Object.entries(mapping(mapping(mapping(workflow.on).workflow_call).outputs))) {
    for (const [, jobId, jobOutput] of String(mapping(output).value ?? '').matchAll(
      /\bjobs\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g,
    )) {
      const outputs = jobId in jobs ? jobOutputs(jobId) : undefined;
      if (!(jobId in jobs)) problems.push(`${file} output ${name}: there is no job ${jobId}`);
      else if (outputs && !outputs.includes(jobOutput))
        problems.push(`${file} output ${name}: ${jobOutput} is not an output of job ${jobId}`);
    }
  }
  return problems;
}

function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${dir}/${name}`),
  );
}

const BAD = '.github/workflows/bad.yml';

const MIGRATIONS_HASH = "hashFiles(format('{0}/**/migration.sql', inputs.migrations-dir))";

/**
 * The expected-schema cache of a drift workflow: restored before the check into the cache-dir it
 * is given, keyed on the migrations (and the major, where the workflow takes one), saved after it
 * under the restore's key only when the check replayed.
 */
export function driftCacheProblems(text: string, keyParts: string[]): string[] {
  const job = mapping(Object.values(mapping(mapping(parse(text)).jobs))[0]);
  const steps: Mapping[] = Array.isArray(job.steps) ? job.steps : [];
  const at = (pattern: RegExp): number => steps.findIndex((s) => pattern.test(String(s.uses ?? '')));
  const [restoreAt, driftAt, saveAt] = [at(/^actions\/cache\/restore@/), at(/\/actions\/drift-check@/), at(/^actions\/cache\/save@/)];
  if (restoreAt < 0 || driftAt < 0 || saveAt < 0) return ['the restore, drift-check and save steps are not all there'];
  const problems: string[] = [];
  if (!(restoreAt < driftAt && driftAt < saveAt)) problems.push('the cache is not restored before the check and saved after it');
  const [restore, drift, save] = [mapping(steps[restoreAt]), mapping(steps[driftAt]), mapping(steps[saveAt])];
  const dir = mapping(drift.with)['cache-dir'];
  if (!dir) problems.push('drift-check is given no cache-dir');
  if (mapping(restore.with).path !== dir)
    problems.push(`the cache is restored into ${mapping(restore.with).path}, not the cache-dir ${dir}`);
  if (mapping(save.with).path !== dir) problems.push(`the cache is saved from ${mapping(save.with).path}, not the cache-dir ${dir}`);
  const key = String(mapping(restore.with).key ?? '');
  for (const part of [MIGRATIONS_HASH, ...keyParts]) if (!key.includes(part)) problems.push(`the cache key does not include ${part}`);
  const prefixes = String(mapping(restore.with)['restore-keys'] ?? '')
    .split('\n')
    .filter(Boolean);
  if (!prefixes.length) problems.push('the restore has no restore-keys (every save has a new key)');
  for (const prefix of prefixes) if (!key.startsWith(prefix)) problems.push(`restore key ${prefix} is not a prefix of ${key}`);
  if (!restore.id || mapping(save.with).key !== `\${{ steps.${restore.id}.outputs.cache-primary-key }}`)
    problems.push("the cache is not saved under the restore's key");
  const when = String(save.if ?? '');
  if (!when.includes(`steps.${drift.id}.outputs.expected-from == 'replay'`)) problems.push('the cache is saved even when it was read');
  if (!when.includes('!cancelled()')) problems.push('the cache is not saved when drift fails the check');
  return problems;
}

const DRIFT_CACHES: Array<[string, string[]]> = [
  ['.github/workflows/drift-schedule.yml', ['matrix.environment', 'inputs.postgres-version']],
  ['.github/workflows/fleet-drift.yml', ['inputs.environment']],
];

describe('workflow wiring', () => {
  test('the workflows in .github/workflows and workflows/ are all read', () => {
    expect(workflowFiles().length).toBeGreaterThanOrEqual(9);
  });

  test.each(workflowFiles())('%s: inputs, secrets and outputs are wired to what exists', (file) => {
    expect(wiringProblems(file, checkout)).toEqual([]);
  });

  test('a misspelt action input and a reusable-workflow input or secret that is not declared are flagged', () => {
    const files = withOverrides({
      [BAD]: `on: push
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/migration-test
        with: { migrations-directory: prisma/migrations }
  call:
    uses: ./.github/workflows/migration-check.yml
    with: { migration-dir: prisma/migrations, comment: 'yes' }
    secrets: { DATABASE_URL: x }
`,
    });
    expect(wiringProblems(BAD, files)).toEqual([
      `${BAD} job check step 1: with.migrations-directory is not an input of ./actions/migration-test`,
      `${BAD} job call: with.migration-dir is not an input of ./.github/workflows/migration-check.yml`,
      `${BAD} job call: with.comment is a boolean input given "yes"`,
      `${BAD} job call: secret DATABASE_URL is not declared by ./.github/workflows/migration-check.yml`,
    ]);
  });

  test('a caller in workflows/ passing an input the real reusable workflow does not declare is flagged', () => {
    const text = checkout.read('workflows/pull-request.yml')!.replace('comment:', 'post-comment:');
    const files = withOverrides({ 'workflows/pull-request.yml': text });
    expect(wiringProblems('workflows/pull-request.yml', files)).toEqual([
      expect.stringMatching(/job migrations: with\.post-comment is not an input of .*migration-check\.yml@v1$/),
    ]);
  });

  test('missing outputs, a step read before it runs, and a run step that never writes the output are flagged', () => {
    const files = withOverrides({
      [BAD]: `on: push
jobs:
  first:
    runs-on: ubuntu-latest
    outputs:
      verdict: \${{ steps.test.outputs.verdict }}
      count: \${{ steps.count.outputs.total }}
    steps:
      - run: echo "\${{ steps.count.outputs.rows }}"
        env: { EARLY: '\${{ steps.count.outputs.rows }}' }
      - id: count
        run: echo "rows=3" >> "$GITHUB_OUTPUT"
      - id: test
        uses: ./actions/migration-test
  second:
    needs: first
    runs-on: ubuntu-latest
    if: needs.first.outputs.verdict == 'pass' && needs.first.outputs.verdikt != ''
    steps:
      - run: echo "\${{ needs.other.outputs.x }}"
`,
    });
    expect(wiringProblems(BAD, files)).toEqual([
      `${BAD} job first outputs: steps.test.outputs.verdict is not an output of that step`,
      `${BAD} job first outputs: steps.count.outputs.total is not an output of that step`,
      `${BAD} job first step 1: steps.count runs after the step that reads it`,
      `${BAD} job first step 1: steps.count runs after the step that reads it`,
      `${BAD} job second: needs.first.outputs.verdikt is not an output of first`,
      `${BAD} job second step 1: needs.other is not in needs`,
    ]);
  });

  test('a reusable workflow output naming a job output that does not exist is flagged', () => {
    const text = checkout
      .read('.github/workflows/migration-check.yml')!
      .replace('jobs.migration-test.outputs.findings', 'jobs.migration-test.outputs.finding');
    const files = withOverrides({ '.github/workflows/migration-check.yml': text });
    expect(wiringProblems('.github/workflows/migration-check.yml', files)).toEqual([
      '.github/workflows/migration-check.yml output findings: finding is not an output of job migration-test',
    ]);
  });

  test.each(DRIFT_CACHES)('%s: the expected-schema cache is restored into cache-dir and saved after a replay', (file, keyParts) => {
    expect(driftCacheProblems(checkout.read(file)!, keyParts)).toEqual([]);
  });

  test('a drift cache restored elsewhere, keyed without the migrations or the major, or always saved is flagged', () => {
    const text = checkout.read('.github/workflows/drift-schedule.yml')!;
    const dir = '${{ runner.temp }}/prisma-drift-cache';
    expect(driftCacheProblems(text.replace(`cache-dir: ${dir}`, 'cache-dir: /tmp/elsewhere'), [])).toEqual([
      `the cache is restored into ${dir}, not the cache-dir /tmp/elsewhere`,
      `the cache is saved from ${dir}, not the cache-dir /tmp/elsewhere`,
    ]);
    expect(driftCacheProblems(text.replaceAll(`-pg\${{ inputs.postgres-version }}`, ''), ['inputs.postgres-version'])).toEqual([
      'the cache key does not include inputs.postgres-version',
    ]);
    expect(driftCacheProblems(text.replaceAll(MIGRATIONS_HASH, 'github.sha'), [])).toEqual([
      `the cache key does not include ${MIGRATIONS_HASH}`,
    ]);
    expect(driftCacheProblems(text.replace("&& steps.drift.outputs.expected-from == 'replay' ", ''), [])).toEqual([
      'the cache is saved even when it was read',
    ]);
    expect(driftCacheProblems(text.replace(/\n {6}- id: cache\n[\s\S]*?(?=\n {6}- id: drift)/, ''), [])).toEqual([
      'the restore, drift-check and save steps are not all there',
    ]);
  });

  test('a step reading an output a third-party action does not have is flagged', () => {
    const text = checkout.read('.github/workflows/drift-schedule.yml')!.replace('outputs.cache-primary-key', 'outputs.primary-key');
    const files = withOverrides({ '.github/workflows/drift-schedule.yml': text });
    expect(wiringProblems('.github/workflows/drift-schedule.yml', files)).toEqual([
      expect.stringMatching(/steps\.cache\.outputs\.primary-key is not an output of that step$/),
    ]);
  });

  test('outputs a run script writes are read from its $GITHUB_OUTPUT lines', () => {
    expect(outputsWrittenBy('echo "count=3" >> "$GITHUB_OUTPUT"\n{ echo "list<<EOF"; cat x; echo EOF; } >> $GITHUB_OUTPUT')).toEqual([
      'count',
      'list',
    ]);
    expect(outputsWrittenBy('echo "count=3"')).toEqual([]);
  });
});
