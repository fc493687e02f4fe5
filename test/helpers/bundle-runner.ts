/**
 * Runs a committed bundle (`dist/<action>/index.js`) as GitHub's runner runs a JavaScript action:
 * a child process under Node 24, cwd = GITHUB_WORKSPACE, every input the action.yml declares as
 * an INPUT_* variable (the `with:` value, else the action.yml default with `${{ github.token }}`
 * filled in), the run's GITHUB_* variables, an event payload file and the runner's command files
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH). What comes back is
 * what the runner would read: exit code, stdout, outputs, summary, state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseOutputs } from './action-runner.js';
import { node24Binary } from './node24.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTIONS = ['migration-test', 'drift-check', 'backup', 'restore', 'prod-deploy'] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

export function readActionMetadata(action: ActionName, text?: string): ActionMetadata {
  const meta = parse(text ?? fs.readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as ActionMetadata;
  return { inputs: meta.inputs ?? {}, outputs: meta.outputs ?? {}, runs: meta.runs };
}

/** The runner's name for an input's variable: spaces become underscores, upper case, hyphens kept. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** The few `${{ }}` expressions our action.yml defaults use, evaluated as the runner would. */
function evaluateDefault(value: string, context: { token: string }): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, context.token);
}

export interface RunnerInputs {
  env: Record<string, string>;
  /** What the runner prints for `with:` keys the action does not declare ("Unexpected input(s) …"). */
  warnings: string[];
}

/** INPUT_* as the runner sets them from a step's `with:` and the action's metadata. */
export function runnerInputs(meta: ActionMetadata, withValues: Record<string, string>, token: string): RunnerInputs {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs)) {
    const given = withValues[name];
    const value = given ?? (spec.default === undefined ? undefined : evaluateDefault(String(spec.default), { token }));
    if (value !== undefined) env[inputVariable(name)] = value;
  }
  const unexpected = Object.keys(withValues).filter((name) => !(name in meta.inputs));
  const warnings = unexpected.length
    ? [`##[warning]Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(meta.inputs).join("', '")}']`]
    : [];
  return { env, warnings };
}

export interface RunContextSpec {
  eventName: string;
  payload: Record<string, unknown>;
  repository: string;
  sha: string;
  ref: string;
  runId: number;
  actor: string;
  workflow?: string;
  job?: string;
  headRef?: string;
  baseRef?: string;
}

export interface BundleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: string;
  /** The runner's own warnings (unexpected inputs). */
  runnerWarnings: string[];
}

export interface BundleRunOptions {
  action: ActionName;
  with: Record<string, string>;
  context: RunContextSpec;
  workspace: string;
  runnerTemp: string;
  apiUrl: string;
  token: string;
  /** action.yml text to use instead of the committed one (to prove a mismatch is caught). */
  actionYml?: string;
  env?: Record<string, string>;
}

/** PATH as a runner has it: the project's node_modules/.bin (which npm test adds) left out. */
function runnerPath(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.includes(`${path.sep}node_modules${path.sep}.bin`))
    .join(path.delimiter);
}

let counter = 0;

export async function runBundle(options: BundleRunOptions): Promise<BundleRun> {
  const meta = readActionMetadata(options.action, options.actionYml);
  const { env: inputs, warnings } = runnerInputs(meta, options.with, options.token);
  const step = `${options.action}-${++counter}`;
  const files = path.join(options.runnerTemp, '_runner_file_commands', step);
  fs.mkdirSync(files, { recursive: true });
  const file = (name: string) => {
    const full = path.join(files, name);
    fs.writeFileSync(full, '');
    return full;
  };
  const eventPath = path.join(options.runnerTemp, '_github_workflow', `event-${step}.json`);
  fs.mkdirSync(path.dirname(eventPath), { recursive: true });
  fs.writeFileSync(eventPath, JSON.stringify(options.context.payload, null, 2));
  const [owner] = options.context.repository.split('/');
  const c = options.context;
  const env: Record<string, string> = {
    PATH: runnerPath(),
    HOME: process.env.HOME ?? '/root',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: `__prisma-migrate-actions_${options.action}`,
    GITHUB_ACTION_PATH: path.join(REPO_ROOT, 'actions', options.action),
    GITHUB_ACTION_REPOSITORY: 'prisma-migrate-actions/prisma-migrate-actions',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: c.actor,
    GITHUB_ACTOR_ID: '1042',
    GITHUB_TRIGGERING_ACTOR: c.actor,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: c.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_ID: '700012',
    GITHUB_EVENT_NAME: c.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: c.sha,
    GITHUB_REF: c.ref,
    GITHUB_REF_NAME: c.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
    GITHUB_REF_TYPE: c.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: c.headRef ?? '',
    GITHUB_BASE_REF: c.baseRef ?? '',
    GITHUB_RUN_ID: String(c.runId),
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: c.workflow ?? 'Database',
    GITHUB_WORKFLOW_REF: `${c.repository}/.github/workflows/database.yml@${c.ref}`,
    GITHUB_JOB: c.job ?? options.action,
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: file('set_output'),
    GITHUB_STEP_SUMMARY: file('step_summary'),
    GITHUB_STATE: file('save_state'),
    GITHUB_ENV: file('set_env'),
    GITHUB_PATH: file('add_path'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: options.runnerTemp,
    RUNNER_TOOL_CACHE: path.join(options.runnerTemp, '_tool'),
    CHECKPOINT_DISABLE: '1',
    ...inputs,
    ...options.env,
  };
  const entry = path.join(path.dirname(path.join(REPO_ROOT, 'actions', options.action, 'action.yml')), meta.runs.main);
  const child = spawn(node24Binary(), [entry], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputs(fs.readFileSync(env.GITHUB_OUTPUT, 'utf8')),
    summary: fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'),
    state: fs.readFileSync(env.GITHUB_STATE, 'utf8'),
    runnerWarnings: warnings,
  };
}
