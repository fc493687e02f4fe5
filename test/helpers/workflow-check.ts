/**
 * The workflow checker: reads every workflow (reusable ones and ready-to-copy callers) with the
 * `yaml` package and checks that references resolve, `with:`/`secrets:` match what the target
 * declares, outputs exist, deploys are gated and serialized, and the safety rules hold. Each check
 * returns its findings as lines; test/unit/workflows-structure.test.ts runs them on this checkout
 * and on small bad workflows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** How the published suite is referenced; one tag versions the actions and the reusable workflows. */
export const PUBLISHED_REPOSITORY = 'prisma-migrate-actions/prisma-migrate-actions';
export const PUBLISHED_TAG = 'v1';
/** The workflows this suite ships (ci.yml is this repository's own CI, checked by the generic rules only). */
export const SUITE_FILES = [
  '.github/workflows/migration-check.yml',
  '.github/workflows/integration.yml',
  '.github/workflows/deploy.yml',
  '.github/workflows/drift-schedule.yml',
  '.github/workflows/fleet-deploy.yml',
  '.github/workflows/fleet-drift.yml',
  'workflows/pull-request.yml',
  'workflows/main.yml',
  'workflows/production-deploy.yml',
  'workflows/nightly-drift.yml',
  'workflows/fleet-deploy.yml',
  'workflows/nightly-fleet-drift.yml',
];

export type Mapping = Record<string, unknown>;

export interface InputSpec {
  required?: boolean;
  default?: unknown;
}

export interface Step {
  index: number;
  id?: string;
  uses?: string;
  /** The `# vX` comment after `uses:`. */
  usesComment?: string;
  run?: string;
  with: Mapping;
  raw: Mapping;
}

export interface Job {
  id: string;
  uses?: string;
  with: Mapping;
  secrets: Mapping | 'inherit';
  needs: string[];
  outputs: Mapping;
  steps: Step[];
  raw: Mapping;
}

export interface Workflow {
  file: string;
  on: Mapping;
  call?: { inputs: Record<string, InputSpec>; secrets: Record<string, InputSpec>; outputs: Record<string, { value?: string }> };
  jobs: Job[];
}

export interface ActionMeta {
  inputs: Record<string, InputSpec>;
  outputs: string[];
}

export type Target =
  | { kind: 'action'; name: string; meta: ActionMeta }
  | { kind: 'workflow'; path: string; workflow: Workflow }
  | { kind: 'third-party' }
  | { kind: 'unresolved'; reason: string };

/** Where references are resolved: this checkout, plus in-memory files for the negative tests. */
export interface Repository {
  read(relativePath: string): string | undefined;
}

const asMapping = (value: unknown): Mapping => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Mapping) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export function checkoutRepository(overrides: Record<string, string> = {}): Repository {
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

export function parseWorkflowText(file: string, text: string): Workflow {
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

export function resolveUses(uses: string, repo: Repository): Target {
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
export function usesSites(workflow: Workflow): Array<{ where: string; uses: string; with: Mapping; job: Job; step?: Step }> {
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

export function checkReferences(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    const target = resolveUses(site.uses, repo);
    return target.kind === 'unresolved' ? [`${site.where}: ${site.uses} ${target.reason}`] : [];
  });
}

export function checkInputs(workflow: Workflow, repo: Repository): string[] {
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

export function checkOutputs(workflow: Workflow, repo: Repository): string[] {
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

export function checkSecretsDeclared(workflow: Workflow): string[] {
  if (!workflow.call) return [];
  const declared = Object.keys(workflow.call.secrets).map((name) => name.toLowerCase());
  return workflow.jobs.flatMap((job) =>
    secretsReadBy(job)
      .filter((name) => !declared.includes(name.toLowerCase()))
      .map((name) => `job ${job.id}: secrets.${name} is not declared under on.workflow_call.secrets`),
  );
}

/** A misspelt `inputs.X` evaluates to '' without any error: every one read must be declared. */
export function checkInputsDeclared(workflow: Workflow): string[] {
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

export function checkSecretsOnlyInEnvironmentJobs(workflow: Workflow): string[] {
  if (!workflow.call) return [];
  return workflow.jobs
    .filter((job) => !job.raw.environment && secretsReadBy(job).length > 0)
    .map((job) => `job ${job.id}: reads ${secretsReadBy(job).join(', ')} without being bound to an environment`);
}

const environmentName = (value: unknown): string => (typeof value === 'string' ? value : String(asMapping(value).name ?? ''));
const expressionBody = (text: string): string => text.replace(EXPRESSION, (_, body: string) => body.trim());

/** A real (not dry-run) prod-deploy runs in a job bound to the environment it deploys, serialized per environment. */
export function checkDeployGate(workflow: Workflow, repo: Repository): string[] {
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
export function checkRunScripts(workflow: Workflow): string[] {
  return workflow.jobs.flatMap((job) =>
    job.steps.flatMap((step) =>
      [...(step.run ?? '').matchAll(EXPRESSION)].map(
        (m) => `job ${job.id} step ${step.id ?? step.index + 1}: run: interpolates ${m[0]} (pass it through env:)`,
      ),
    ),
  );
}

export function checkPermissions(workflow: Workflow): string[] {
  return workflow.jobs.flatMap((job) => {
    if (!('permissions' in job.raw)) return [`job ${job.id}: no permissions`];
    return job.raw.permissions === 'write-all' ? [`job ${job.id}: permissions write-all`] : [];
  });
}

export function checkPinned(workflow: Workflow, repo: Repository): string[] {
  return usesSites(workflow).flatMap((site) => {
    if (resolveUses(site.uses, repo).kind !== 'third-party') return [];
    if (site.uses.startsWith('docker://'))
      return /@sha256:[0-9a-f]{64}$/.test(site.uses) ? [] : [`${site.where}: ${site.uses} is not pinned by digest`];
    if (!/@[0-9a-f]{40}$/.test(site.uses)) return [`${site.where}: ${site.uses} is not pinned to a full commit SHA`];
    return /^v\d/.test(site.step?.usesComment ?? '') ? [] : [`${site.where}: ${site.uses} has no "# vX" comment naming its tag`];
  });
}

export function checkNoPullRequestTargetCheckout(workflow: Workflow): string[] {
  if (!('pull_request_target' in workflow.on)) return [];
  return usesSites(workflow)
    .filter((site) => /^actions\/checkout@/.test(site.uses))
    .map((site) => `${site.where}: checks out code in a pull_request_target workflow`);
}

export type Check = (workflow: Workflow, repo: Repository) => string[];

export function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows'].flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? fs
          .readdirSync(path.join(root, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => `${dir}/${name}`)
      : [],
  );
}
