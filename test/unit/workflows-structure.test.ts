/**
 * Structural checks over every workflow (reusable ones and ready-to-copy callers), read with the
 * `yaml` package: references resolve, `with:`/`secrets:` match what the target declares, outputs
 * exist, deploys are gated and serialized, and the safety rules hold. Each check also runs on a small
 * bad workflow to prove it flags what it is meant to flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** How the published suite is referenced; one tag versions the actions and the reusable workflows. */
const PUBLISHED_REPOSITORY = 'prisma-migrate-actions/prisma-migrate-actions';
const PUBLISHED_TAG = 'v1';
/** The workflows this suite ships (ci.yml is this repository's own CI, checked by the generic rules only). */
const SUITE_FILES = [
  '.github/workflows/migration-check.yml',
  '.github/workflows/integration.yml',
  '.github/workflows/deploy.yml',
  '.github/workflows/drift-schedule.yml',
  'workflows/pull-request.yml',
  'workflows/main.yml',
  'workflows/production-deploy.yml',
  'workflows/nightly-drift.yml',
];

type Mapping = Record<string, unknown>;

interface InputSpec {
  required?: boolean;
  default?: unknown;
}

interface Step {
  index: number;
  id?: string;
  uses?: string;
  /** The `# vX` comment after `uses:`. */
  usesComment?: string;
  run?: string;
  with: Mapping;
  raw: Mapping;
}

interface Job {
  id: string;
  uses?: string;
  with: Mapping;
  secrets: Mapping | 'inherit';
  needs: string[];
  outputs: Mapping;
  steps: Step[];
  raw: Mapping;
}

interface Workflow {
  file: string;
  on: Mapping;
  call?: { inputs: Record<string, InputSpec>; secrets: Record<string, InputSpec>; outputs: Record<string, { value?: string }> };
  jobs: Job[];
}

interface ActionMeta {
  inputs: Record<string, InputSpec>;
  outputs: string[];
}

type Target =
  | { kind: 'action'; name: string; meta: ActionMeta }
  | { kind: 'workflow'; path: string; workflow: Workflow }
  | { kind: 'third-party' }
  | { kind: 'unresolved'; reason: string };

/** Where references are resolved: this checkout, plus in-memory files for the negative tests. */
interface Repository {
  read(relativePath: string): string | undefined;
}

const asMapping = (value: unknown): Mapping => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Mapping) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

function checkoutRepository(overrides: Record<string, string> = {}): Repository {
  return {
    read(relativePath) {
      if (relativePath in overrides) return overrides[relativePath];
      const file = path.join(root, relativePath);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    },
  };
}

/** The trailing comment of each step's `uses:` (yaml keeps it on the value node). */
function usesComments(text: string): Map<string, string> {
  const comments = new Map<string, string>();
  const jobs = parseDocument(text).get('jobs');
  if (!isMap(jobs)) return comments;
  for (const jobPair of jobs.items) {
    const steps = isMap(jobPair.value) ? jobPair.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      const uses = isMap(step) ? step.get('uses', true) : undefined;
      if (isScalar(uses) && uses.comment) comments.set(`${String(jobPair.key)}#${index}`, uses.comment.trim());
    });
  }
  return comments;
}

function parseWorkflowText(file: string, text: string): Workflow {
  const doc = asMapping(parseDocument(text).toJS());
  const comments = usesComments(text);
  const on =
    typeof doc.on === 'string'
      ? { [doc.on]: null }
      : Array.isArray(doc.on)
        ? Object.fromEntries(doc.on.map((e) => [e, null]))
        : asMapping(doc.on);
  const callRaw = 'workflow_call' in on ? asMapping(on.workflow_call) : undefined;
  const jobs = Object.entries(asMapping(doc.jobs)).map(([id, value]): Job => {
    const raw = asMapping(value);
    const steps = asList(raw.steps).map((s, index): Step => {
      const step = asMapping(s);
      return {
        index,
        id: typeof step.id === 'string' ? step.id : undefined,
        uses: typeof step.uses === 'string' ? step.uses : undefined,
        usesComment: comments.get(`${id}#${index}`),
        run: typeof step.run === 'string' ? step.run : undefined,
        with: asMapping(step.with),
        raw: step,
      };
    });
    return {
      id,
      uses: typeof raw.uses === 'string' ? raw.uses : undefined,
      with: asMapping(raw.with),
      secrets: raw.secrets === 'inherit' ? 'inherit' : asMapping(raw.secrets),
      needs: asList(raw.needs).map(String),
      outputs: asMapping(raw.outputs),
      steps,
      raw,
    };
  });
  const call = callRaw && {
    inputs: asMapping(callRaw.inputs) as Record<string, InputSpec>,
    secrets: Object.fromEntries(Object.entries(asMapping(callRaw.secrets)).map(([k, v]) => [k, asMapping(v) as InputSpec])),
    outputs: asMapping(callRaw.outputs) as Record<string, { value?: string }>,
  };
  return { file, on, call, jobs };
}

function readAction(repo: Repository, name: string): ActionMeta | undefined {
  const text = repo.read(`actions/${name}/action.yml`);
  if (text === undefined) return undefined;
  const meta = asMapping(parseDocument(text).toJS());
  return { inputs: asMapping(meta.inputs) as Record<string, InputSpec>, outputs: Object.keys(asMapping(meta.outputs)) };
}

function resolveUses(uses: string, repo: Repository): Target {
  const published = uses.startsWith(`${PUBLISHED_REPOSITORY}/`);
  if (!published && !uses.startsWith('./')) return { kind: 'third-party' };
  let inner = published ? uses.slice(PUBLISHED_REPOSITORY.length + 1) : uses.slice(2);
  if (published) {
    const at = inner.lastIndexOf('@');
    const ref = at < 0 ? '' : inner.slice(at + 1);
    if (ref !== PUBLISHED_TAG) return { kind: 'unresolved', reason: `is pinned to "${ref}", the suite's tag is ${PUBLISHED_TAG}` };
    inner = inner.slice(0, at);
  }
  const action = /^actions\/([\w-]+)$/.exec(inner);
  if (action) {
    const meta = readAction(repo, action[1]);
    return meta ? { kind: 'action', name: action[1], meta } : { kind: 'unresolved', reason: `has no actions/${action[1]}/action.yml` };
  }
  if (/^\.github\/workflows\/[\w.-]+\.ya?ml$/.test(inner)) {
    const text = repo.read(inner);
    if (text === undefined) return { kind: 'unresolved', reason: `has no ${inner}` };
    const workflow = parseWorkflowText(inner, text);
    return workflow.call
      ? { kind: 'workflow', path: inner, workflow }
      : { kind: 'unresolved', reason: `${inner} has no workflow_call trigger` };
  }
  return { kind: 'unresolved', reason: 'names neither actions/<name> nor .github/workflows/<file> of this repository' };
}

/** Every `uses:` of a workflow with where it is. */
function usesSites(workflow: Workflow): Array<{ where: string; uses: string; with: Mapping; job: Job; step?: Step }> {
  return workflow.jobs.flatMap((job) => [
    ...(job.uses ? [{ where: `job ${job.id}`, uses: job.uses, with: job.with, job }] : []),
    ...job.steps
      .filter((s) => s.uses)
      .map((step) => ({ where: `job ${job.id} step ${step.id ?? step.index + 1}`, uses: step.uses!, with: step.with, job, step })),
  ]);
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** The expressions in a value: `${{ }}` anywhere, plus the bare text of `if:` keys. */
function expressionsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const wrapped = [...value.matchAll(EXPRESSION)].map((m) => m[1]);
    return key === 'if' && wrapped.length === 0 ? [value] : wrapped;
  }
  if (Array.isArray(value)) return value.flatMap((item) => expressionsIn(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => expressionsIn(v, k));
  return [];
}

const requiredNames = (specs: Record<string, InputSpec>) =>
  Object.entries(specs)
    .filter(([, spec]) => spec?.required === true && spec.default === undefined)
    .map(([name]) => name);

function checkReferences(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    const target = resolveUses(site.uses, repo);
    return target.kind === 'unresolved' ? [`${site.where}: ${site.uses} ${target.reason}`] : [];
  });
}

function checkInputs(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    const target = resolveUses(site.uses, repo);
    if (target.kind !== 'action' && target.kind !== 'workflow') return [];
    const declared = target.kind === 'action' ? target.meta.inputs : target.workflow.call!.inputs;
    const findings = Object.keys(site.with)
      .filter((key) => !(key in declared))
      .map((key) => `${site.where}: with.${key} is not an input of ${site.uses}`);
    findings.push(
      ...requiredNames(declared)
        .filter((name) => !(name in site.with))
        .map((name) => `${site.where}: required input ${name} of ${site.uses} is not given`),
    );
    if (target.kind === 'workflow' && site.job.secrets !== 'inherit') {
      const secrets = target.workflow.call!.secrets;
      const passed = site.job.secrets;
      findings.push(
        ...Object.keys(passed)
          .filter((key) => !(key in secrets))
          .map((key) => `${site.where}: secret ${key} is not declared by ${site.uses}`),
      );
      findings.push(
        ...requiredNames(secrets)
          .filter((name) => !(name in passed))
          .map((name) => `${site.where}: required secret ${name} of ${site.uses} is not passed`),
      );
    }
    return findings;
  });
}

function jobOutputNames(job: Job, repo: Repository): string[] {
  if (!job.uses) return Object.keys(job.outputs);
  const target = resolveUses(job.uses, repo);
  return target.kind === 'workflow' ? Object.keys(target.workflow.call!.outputs) : [];
}

function checkOutputs(workflow: Workflow, repo: Repository): string[] {
  const jobs = new Map(workflow.jobs.map((job) => [job.id, job]));
  const findings: string[] = [];
  for (const job of workflow.jobs) {
    for (const expression of expressionsIn(job.raw)) {
      for (const m of expression.matchAll(/\bneeds\.([A-Za-z_][\w-]*)(?:\.outputs\.([A-Za-z_][\w-]*))?/g)) {
        const [, needed, output] = m;
        if (!job.needs.includes(needed)) findings.push(`job ${job.id}: needs.${needed} but ${needed} is not in its needs`);
        else if (output && !jobOutputNames(jobs.get(needed)!, repo).includes(output))
          findings.push(`job ${job.id}: needs.${needed}.outputs.${output} is not an output of job ${needed}`);
      }
      for (const [, stepId, output] of expression.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const step = job.steps.find((s) => s.id === stepId);
        if (!step) {
          findings.push(`job ${job.id}: steps.${stepId} is not a step of this job`);
          continue;
        }
        const target = step.uses ? resolveUses(step.uses, repo) : undefined;
        if (target?.kind === 'action' && !target.meta.outputs.includes(output))
          findings.push(`job ${job.id}: steps.${stepId}.outputs.${output} is not an output of ${step.uses}`);
      }
    }
  }
  for (const [name, output] of Object.entries(workflow.call?.outputs ?? {})) {
    for (const [, jobId, jobOutput] of String(output?.value ?? '').matchAll(/\bjobs\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const job = jobs.get(jobId);
      if (!job) findings.push(`workflow output ${name}: there is no job ${jobId}`);
      else if (!jobOutputNames(job, repo).includes(jobOutput))
        findings.push(`workflow output ${name}: ${jobOutput} is not an output of job ${jobId}`);
    }
  }
  return findings;
}

/** Names of the secrets a job reads (GITHUB_TOKEN aside: it is no stored secret). */
function secretsReadBy(job: Job): string[] {
  const names = expressionsIn(job.raw).flatMap((e) => [...e.matchAll(/\bsecrets\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));
  return [...new Set(names)].filter((name) => name.toUpperCase() !== 'GITHUB_TOKEN');
}

function checkSecretsDeclared(workflow: Workflow): string[] {
  if (!workflow.call) return [];
  const declared = Object.keys(workflow.call.secrets).map((name) => name.toLowerCase());
  return workflow.jobs.flatMap((job) =>
    secretsReadBy(job)
      .filter((name) => !declared.includes(name.toLowerCase()))
      .map((name) => `job ${job.id}: secrets.${name} is not declared under on.workflow_call.secrets`),
  );
}

/** A misspelt `inputs.X` evaluates to '' without any error: every one read must be declared. */
function checkInputsDeclared(workflow: Workflow): string[] {
  const declared = [
    ...Object.keys(workflow.call?.inputs ?? {}),
    ...Object.keys(asMapping(asMapping(workflow.on.workflow_dispatch).inputs)),
  ];
  return workflow.jobs.flatMap((job) => {
    const read = expressionsIn(job.raw).flatMap((e) => [...e.matchAll(/\binputs\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]));
    return [...new Set(read)]
      .filter((name) => !declared.includes(name))
      .map((name) => `job ${job.id}: inputs.${name} is not a declared input`);
  });
}

function checkSecretsOnlyInEnvironmentJobs(workflow: Workflow): string[] {
  if (!workflow.call) return [];
  return workflow.jobs
    .filter((job) => !job.raw.environment && secretsReadBy(job).length > 0)
    .map((job) => `job ${job.id}: reads ${secretsReadBy(job).join(', ')} without being bound to an environment`);
}

const environmentName = (value: unknown): string => (typeof value === 'string' ? value : String(asMapping(value).name ?? ''));
const expressionBody = (text: string): string => text.replace(EXPRESSION, (_, body: string) => body.trim());

/** A real (not dry-run) prod-deploy runs in a job bound to the environment it deploys, serialized per environment. */
function checkDeployGate(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    const target = resolveUses(site.uses, repo);
    if (target.kind !== 'action' || target.name !== 'prod-deploy' || String(site.with['dry-run']) === 'true') return [];
    const findings: string[] = [];
    const bound = environmentName(site.job.raw.environment);
    const deployed = String(site.with.environment ?? target.meta.inputs.environment?.default ?? '');
    if (!bound) findings.push(`${site.where}: prod-deploy runs in a job without environment (no approval gate)`);
    else if (bound !== deployed) findings.push(`${site.where}: the job is bound to "${bound}" but deploys "${deployed}"`);
    const concurrency = asMapping(site.job.raw.concurrency);
    if (!String(concurrency.group ?? '').includes(expressionBody(bound) || '\u0000'))
      findings.push(`${site.where}: the job's concurrency group is not per environment (${bound})`);
    if (concurrency['cancel-in-progress'] !== false)
      findings.push(`${site.where}: the job's concurrency must set cancel-in-progress: false`);
    return findings;
  });
}

/** Text in a `run:` script is executed as shell: every value reaches it through `env:`. */
function checkRunScripts(workflow: Workflow): string[] {
  return workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) =>
      [...(step.run ?? '').matchAll(EXPRESSION)].map(
        (m) => `job ${job.id} step ${step.id ?? step.index + 1}: run: interpolates ${m[0]} (pass it through env:)`,
      ),
    ),
  );
}

function checkPermissions(workflow: Workflow): string[] {
  return workflow.jobs.flatMap((job) => {
    if (!('permissions' in job.raw)) return [`job ${job.id}: no permissions`];
    return job.raw.permissions === 'write-all' ? [`job ${job.id}: permissions write-all`] : [];
  });
}

function checkPinned(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    if (resolveUses(site.uses, repo).kind !== 'third-party') return [];
    if (site.uses.startsWith('docker://'))
      return /@sha256:[0-9a-f]{64}$/.test(site.uses) ? [] : [`${site.where}: ${site.uses} is not pinned by digest`];
    if (!/@[0-9a-f]{40}$/.test(site.uses)) return [`${site.where}: ${site.uses} is not pinned to a full commit SHA`];
    return /^v\d/.test(site.step?.usesComment ?? '') ? [] : [`${site.where}: ${site.uses} has no "# vX" comment naming its tag`];
  });
}

function checkNoPullRequestTargetCheckout(workflow: Workflow): string[] {
  if (!('pull_request_target' in workflow.on)) return [];
  return usesSites(workflow)
    .filter((site) => /^actions\/checkout@/.test(site.uses))
    .map((site) => `${site.where}: checks out code in a pull_request_target workflow`);
}

type Check = (workflow: Workflow, repo: Repository) => string[];

function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows'].flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? fs
          .readdirSync(path.join(root, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => `${dir}/${name}`)
      : [],
  );
}

const repo = checkoutRepository();
const workflows = workflowFiles().map((file) => parseWorkflowText(file, repo.read(file)!));
const suite = workflows.filter((workflow) => SUITE_FILES.includes(workflow.file));
const run = (check: Check, over: Workflow[] = workflows) =>
  over.flatMap((workflow) => check(workflow, repo).map((finding) => `${workflow.file}: ${finding}`));
/** Runs a check on one in-memory workflow, with optional extra files (e.g. a called workflow). */
const runOn = (check: Check, text: string, extra: Record<string, string> = {}) =>
  check(parseWorkflowText('bad.yml', text), checkoutRepository(extra));

const STEP = (lines: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n${lines}`;

describe('workflow structure', () => {
  test('every suite workflow is read, and each reusable one is a workflow_call', () => {
    expect(suite.map((w) => w.file).sort()).toEqual([...SUITE_FILES].sort());
    for (const workflow of suite.filter((w) => w.file.startsWith('.github/'))) expect(workflow.call).toBeDefined();
  });

  describe('references resolve to actions/<name>/action.yml or a reusable workflow here', () => {
    test('all workflows', () => expect(run(checkReferences)).toEqual([]));
    test('the suite references the actions and reusable workflows through the published repository', () => {
      const ours = suite.flatMap(usesSites).filter((site) => resolveUses(site.uses, repo).kind !== 'third-party');
      expect(ours.length).toBeGreaterThan(10);
      for (const site of ours) expect(site.uses).toMatch(new RegExp(`^${PUBLISHED_REPOSITORY}/.+@${PUBLISHED_TAG}$`));
    });
    test('flags a missing action, a missing workflow, a foreign path and another tag', () => {
      const bad = STEP(
        `      - uses: ${PUBLISHED_REPOSITORY}/actions/no-such-action@v1\n` +
          `      - uses: ./actions/also-missing\n` +
          `      - uses: ${PUBLISHED_REPOSITORY}/src@v1\n` +
          `      - uses: ${PUBLISHED_REPOSITORY}/actions/backup@main\n` +
          `      - uses: ./actions/backup\n`,
      );
      const findings = runOn(checkReferences, bad);
      expect(findings).toHaveLength(4);
      expect(findings.join('\n')).toMatch(/no-such-action[\s\S]*also-missing[\s\S]*names neither[\s\S]*"main"/);
      expect(runOn(checkReferences, 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/nope.yml\n')).toEqual([
        'job c: ./.github/workflows/nope.yml has no .github/workflows/nope.yml',
      ]);
    });
  });

  describe('every with: key is an input of the target, every required input is given', () => {
    test('all workflows', () => expect(run(checkInputs)).toEqual([]));
    test('flags an unknown action input and a missing required one', () => {
      const findings = runOn(checkInputs, STEP(`      - uses: ./actions/backup\n        with:\n          databse-url: x\n`));
      expect(findings).toEqual([
        'job a step 1: with.databse-url is not an input of ./actions/backup',
        'job a step 1: required input database-url of ./actions/backup is not given',
      ]);
    });
    test('flags unknown and missing inputs and secrets of a called reusable workflow', () => {
      const called =
        'on:\n  workflow_call:\n    inputs:\n      env: { type: string, required: true }\n    secrets:\n      TOKEN: { required: true }\njobs:\n  x:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps: [{ run: "true" }]\n';
      const caller = 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/called.yml\n    with: { envv: a }\n    secrets: { OTHER: x }\n';
      expect(runOn(checkInputs, caller, { '.github/workflows/called.yml': called })).toEqual([
        'job c: with.envv is not an input of ./.github/workflows/called.yml',
        'job c: required input env of ./.github/workflows/called.yml is not given',
        'job c: secret OTHER is not declared by ./.github/workflows/called.yml',
        'job c: required secret TOKEN of ./.github/workflows/called.yml is not passed',
      ]);
    });
  });

  describe('every needs.X.outputs.Y, steps.S.outputs.O and jobs.X.outputs.Y exists', () => {
    test('all workflows', () => expect(run(checkOutputs)).toEqual([]));
    test('flags a missing job output, a job not in needs, a missing step and an action output that does not exist', () => {
      const bad =
        'on:\n  workflow_call:\n    outputs:\n      r: { value: "${{ jobs.a.outputs.nope }}" }\njobs:\n' +
        '  a:\n    runs-on: x\n    permissions: {}\n    outputs:\n      result: ${{ steps.deploy.outputs.reslt }}\n      other: ${{ steps.ghost.outputs.x }}\n' +
        '    steps:\n      - id: deploy\n        uses: ./actions/prod-deploy\n        with: { database-url: x }\n' +
        '  b:\n    needs: a\n    if: needs.a.outputs.missing == \'1\'\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo\n        env: { X: "${{ needs.c.outputs.y }}" }\n';
      expect(runOn(checkOutputs, bad)).toEqual([
        'job a: steps.deploy.outputs.reslt is not an output of ./actions/prod-deploy',
        'job a: steps.ghost is not a step of this job',
        'job b: needs.a.outputs.missing is not an output of job a',
        'job b: needs.c but c is not in its needs',
        'workflow output r: nope is not an output of job a',
      ]);
    });
  });

  describe('every secret a reusable workflow reads is declared', () => {
    test('all workflows', () => expect(run(checkSecretsDeclared)).toEqual([]));
    test('flags an undeclared secret', () => {
      const bad =
        'on:\n  workflow_call:\n    secrets:\n      DATABASE_URL:\njobs:\n  a:\n    runs-on: x\n    environment: e\n    permissions: {}\n    steps:\n      - run: echo\n        env: { A: "${{ secrets.database_url }}", B: "${{ secrets.PROD_PASSWORD }}", T: "${{ secrets.GITHUB_TOKEN }}" }\n';
      expect(runOn(checkSecretsDeclared, bad)).toEqual(['job a: secrets.PROD_PASSWORD is not declared under on.workflow_call.secrets']);
    });
  });

  describe('every input a workflow reads is declared', () => {
    test('all workflows', () => expect(run(checkInputsDeclared)).toEqual([]));
    test('flags a misspelt input, in a reusable workflow and in a dispatched one', () => {
      const job =
        '    runs-on: x\n    permissions: {}\n    if: inputs.enviroment != \'\'\n    steps:\n      - uses: ./actions/backup\n        with: { database-url: "${{ inputs.environment }}", prefix: "${{ inputs.prefx }}" }\n';
      const called = `on:\n  workflow_call:\n    inputs:\n      environment: { type: string }\njobs:\n  a:\n${job}`;
      const dispatched = `on:\n  workflow_dispatch:\n    inputs:\n      environment: { type: string }\njobs:\n  a:\n${job}`;
      const expected = ['job a: inputs.enviroment is not a declared input', 'job a: inputs.prefx is not a declared input'];
      expect(runOn(checkInputsDeclared, called)).toEqual(expected);
      expect(runOn(checkInputsDeclared, dispatched)).toEqual(expected);
    });
  });

  describe('secrets are read only in environment-bound jobs', () => {
    test('all workflows', () => expect(run(checkSecretsOnlyInEnvironmentJobs)).toEqual([]));
    test('flags a job that reads a secret without an environment', () => {
      const bad =
        'on:\n  workflow_call:\n    secrets: { DATABASE_URL: }\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ./actions/drift-check\n        with: { database-url: "${{ secrets.DATABASE_URL }}" }\n';
      expect(runOn(checkSecretsOnlyInEnvironmentJobs, bad)).toEqual(['job a: reads DATABASE_URL without being bound to an environment']);
    });
  });

  describe('prod-deploy runs behind its environment, one at a time per environment', () => {
    test('all workflows', () => expect(run(checkDeployGate)).toEqual([]));
    test("deploy.yml's deploy job is bound to inputs.environment with a non-cancelling concurrency group", () => {
      const deploy = suite.find((w) => w.file === '.github/workflows/deploy.yml')!.jobs.find((j) => j.id === 'deploy')!;
      expect(deploy.raw.environment).toBe('${{ inputs.environment }}');
      expect(deploy.raw.concurrency).toEqual({ group: 'prisma-migrate-deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
      expect(deploy.steps.some((s) => s.uses?.includes('/actions/prod-deploy@') && s.with['dry-run'] === undefined)).toBe(true);
      expect(deploy.needs).toEqual(['plan']);
    });
    test('flags the real deploy.yml once its gate is loosened', () => {
      const text = repo
        .read('.github/workflows/deploy.yml')!
        .replace('environment: ${{ inputs.environment }} # GitHub pauses', 'environment: staging # GitHub pauses')
        .replace(/cancel-in-progress: false/g, 'cancel-in-progress: true');
      expect(runOn(checkDeployGate, text)).toEqual([
        'job deploy step deploy: the job is bound to "staging" but deploys "${{ inputs.environment }}"',
        "job deploy step deploy: the job's concurrency group is not per environment (staging)",
        "job deploy step deploy: the job's concurrency must set cancel-in-progress: false",
      ]);
    });
    test('flags a deploy without environment, a mismatched environment, a shared group and cancel-in-progress', () => {
      const job = (extra: string) =>
        `on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n${extra}    steps:\n      - uses: ./actions/prod-deploy\n        with: { database-url: x, environment: "\${{ inputs.environment }}" }\n`;
      expect(runOn(checkDeployGate, job(''))).toEqual([
        'job a step 1: prod-deploy runs in a job without environment (no approval gate)',
        "job a step 1: the job's concurrency group is not per environment ()",
        "job a step 1: the job's concurrency must set cancel-in-progress: false",
      ]);
      expect(
        runOn(checkDeployGate, job('    environment: staging\n    concurrency: { group: "deploy-staging", cancel-in-progress: false }\n')),
      ).toEqual(['job a step 1: the job is bound to "staging" but deploys "${{ inputs.environment }}"']);
      expect(
        runOn(
          checkDeployGate,
          job('    environment: ${{ inputs.environment }}\n    concurrency: { group: deploy, cancel-in-progress: true }\n'),
        ),
      ).toEqual([
        "job a step 1: the job's concurrency group is not per environment (${{ inputs.environment }})",
        "job a step 1: the job's concurrency must set cancel-in-progress: false",
      ]);
    });
  });

  describe('no ${{ }} interpolation inside run: scripts', () => {
    test('all workflows', () => expect(run(checkRunScripts)).toEqual([]));
    test.each(['${{ github.event.pull_request.title }}', '${{ inputs.environment }}', '${{ github.head_ref }}'])(
      'flags %s',
      (expression) => {
        const findings = runOn(checkRunScripts, STEP(`      - run: |\n          echo "deploying"\n          echo "${expression}"\n`));
        expect(findings).toEqual([`job a step 1: run: interpolates ${expression} (pass it through env:)`]);
      },
    );
  });

  describe('every job declares permissions', () => {
    test('all workflows', () => expect(run(checkPermissions)).toEqual([]));
    test('flags a job without permissions and one with write-all', () => {
      const bad =
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: "true" }]\n  b:\n    runs-on: x\n    permissions: write-all\n    steps: [{ run: "true" }]\n  c:\n    uses: ./.github/workflows/deploy.yml\n';
      expect(runOn(checkPermissions, bad)).toEqual(['job a: no permissions', 'job b: permissions write-all', 'job c: no permissions']);
    });
  });

  describe('third-party actions are pinned to a full commit SHA with a # vX comment', () => {
    test('all workflows', () => expect(run(checkPinned)).toEqual([]));
    test('flags a tag, a short SHA, a missing comment and an unpinned image', () => {
      const bad = STEP(
        '      - uses: actions/checkout@v5\n' +
          '      - uses: actions/checkout@08c6903\n' +
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n' +
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n' +
          '      - uses: docker://alpine:3\n',
      );
      expect(runOn(checkPinned, bad)).toEqual([
        'job a step 1: actions/checkout@v5 is not pinned to a full commit SHA',
        'job a step 2: actions/checkout@08c6903 is not pinned to a full commit SHA',
        'job a step 3: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 has no "# vX" comment naming its tag',
        'job a step 5: docker://alpine:3 is not pinned by digest',
      ]);
    });
    test('docs/workflows.md names the tag of every SHA the suite pins', () => {
      const docs = fs.readFileSync(path.join(root, 'docs/workflows.md'), 'utf8');
      const pins = suite.flatMap(usesSites).filter((site) => site.step && resolveUses(site.uses, repo).kind === 'third-party');
      expect(pins.length).toBeGreaterThan(0);
      for (const site of pins) {
        const [action, sha] = site.uses.split('@');
        const row = docs.split('\n').find((line) => line.includes(sha));
        expect(`${action}@${sha}: ${row ?? 'missing from docs/workflows.md'}`).toContain(`\`${site.step!.usesComment}\``);
      }
    });
  });

  describe('no pull_request_target workflow checks out code', () => {
    test('all workflows', () => expect(run(checkNoPullRequestTargetCheckout)).toEqual([]));
    test('flags a checkout in a pull_request_target workflow, not in a pull_request one', () => {
      const body =
        'jobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n';
      expect(runOn(checkNoPullRequestTargetCheckout, `on: pull_request_target\n${body}`)).toEqual([
        'job a step 1: checks out code in a pull_request_target workflow',
      ]);
      expect(runOn(checkNoPullRequestTargetCheckout, `on: [pull_request]\n${body}`)).toEqual([]);
    });
  });
});
