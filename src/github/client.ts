/**
 * The GitHub API client and what the run knows about itself. Built on @actions/github's
 * getOctokit; the base URL follows GITHUB_API_URL so GitHub Enterprise Server (and the tests'
 * local server) work. Every failure becomes a MigrateActionsError with the token masked.
 */
import { readFileSync } from 'node:fs';
import { getOctokit } from '@actions/github';
import { MigrateActionsError } from '../errors.js';
import { redact, registerSecret } from '../postgres/redact.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  token: string;
  /** Defaults to GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  if (!options.token) {
    throw new MigrateActionsError('E_GITHUB_TOKEN_MISSING', 'No GitHub token was given, so the GitHub API cannot be called.', {
      remedy: 'Pass `github-token: ${{ github.token }}` (the default) or a token with the permissions this action needs.',
    });
  }
  registerSecret(options.token);
  const baseUrl = (options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  // Octokit logs failed requests itself; we report them through typed errors instead.
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  return getOctokit(options.token, { baseUrl, log: quiet });
}

export function parseRepo(text: string): RepoRef {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text.trim());
  if (!match) {
    throw new MigrateActionsError('E_GITHUB_REPO_INVALID', `"${text}" is not a repository in the form owner/name.`, {
      remedy: 'Pass the repository as owner/name, e.g. octo-org/app (GITHUB_REPOSITORY in a workflow).',
    });
  }
  return { owner: match[1], repo: match[2] };
}

export interface RunContext {
  repo?: RepoRef;
  eventName?: string;
  runId?: number;
  runAttempt?: number;
  /** The PR this run is about (pull_request, pull_request_target, or an issue_comment on a PR). */
  prNumber?: number;
  sha?: string;
  actor?: string;
  serverUrl: string;
  apiUrl: string;
  /** https://github.com/owner/repo/actions/runs/ID, when repo and run id are known. */
  runUrl?: string;
}

function readEventPayload(path: string | undefined): Record<string, any> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  } catch {
    return {};
  }
}

function positiveInt(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function prNumberFrom(payload: Record<string, any>): number | undefined {
  if (payload.pull_request?.number) return payload.pull_request.number;
  if (payload.issue?.pull_request && payload.issue.number) return payload.issue.number;
  return undefined;
}

/** What the runner tells us about this run, read from the environment and the event payload. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readEventPayload(env.GITHUB_EVENT_PATH);
  const repo = env.GITHUB_REPOSITORY ? parseRepo(env.GITHUB_REPOSITORY) : undefined;
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runId = positiveInt(env.GITHUB_RUN_ID);
  return {
    repo,
    eventName: env.GITHUB_EVENT_NAME,
    runId,
    runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT),
    prNumber: prNumberFrom(payload),
    sha: env.GITHUB_SHA,
    actor: env.GITHUB_ACTOR,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: repo && runId ? `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` : undefined,
  };
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own message for a failed request ("Resource not accessible by integration"), masked. */
export function apiMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } })?.response?.data;
  const message = typeof data?.message === 'string' ? data.message : error instanceof Error ? error.message : String(error);
  return redact(message);
}

/** A failed API call as a typed error: what we tried, GitHub's status and message, and what to do. */
export function gitHubApiError(what: string, error: unknown, remedy: string): MigrateActionsError {
  const status = httpStatus(error);
  const statusText = status ? `HTTP ${status}: ` : '';
  return new MigrateActionsError('E_GITHUB_API', `GitHub refused to ${what} (${statusText}${apiMessage(error)}).`, {
    remedy,
    details: { status },
  });
}
