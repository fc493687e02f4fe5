/**
 * A stand-in for GitHub's REST API on 127.0.0.1: a real node:http server that keeps issues,
 * issue comments and run approvals in memory and answers with the JSON shapes GitHub returns
 * (fields as in docs.github.com/rest for issue comments, issues, workflow-run reviews, the pull
 * requests of a commit, deployments and deployment statuses),
 * including Link-header pagination and GitHub's error bodies. Tests point the client's baseUrl
 * at it and read back the requests it recorded — the only place GitHub is faked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface FailureRule {
  method: string;
  path: RegExp;
  status: number;
  body: (request: RecordedRequest) => unknown;
}

const BOT_USER = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  html_url: 'https://github.com/apps/github-actions',
  type: 'Bot',
  site_admin: false,
};

export function githubUser(login: string, id = 1000 + login.length) {
  return {
    login,
    id,
    node_id: `U_${login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

/** One entry of GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals. */
export function approvalEntry(login: string, state: 'approved' | 'rejected' | 'pending', environment: string, comment = '') {
  return {
    state,
    comment,
    environments: [
      {
        id: 161088068,
        node_id: 'MDExOkVudmlyb25tZW50MTYxMDg4MDY4',
        name: environment,
        url: `https://api.github.com/repos/octo-org/app/environments/${environment}`,
        html_url: `https://github.com/octo-org/app/deployments/activity_log?environments_filter=${environment}`,
        created_at: '2024-01-05T10:00:00Z',
        updated_at: '2024-01-05T10:00:00Z',
      },
    ],
    user: githubUser(login),
  };
}

/** One pull request as GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls lists it. */
export function pullRequestJson(number: number, options: { title?: string; merged?: boolean; fork?: boolean; repository?: string } = {}) {
  const repository = options.repository ?? 'octo-org/app';
  const headRepository = options.fork ? `contributor-${number}/app` : repository;
  const repoJson = (fullName: string, fork: boolean) => ({
    id: 700_000 + fullName.length,
    node_id: `R_${fullName}`,
    name: fullName.split('/')[1],
    full_name: fullName,
    private: false,
    owner: githubUser(fullName.split('/')[0]),
    html_url: `https://github.com/${fullName}`,
    fork,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: 'main',
  });
  const merged = options.merged ?? true;
  return {
    url: `https://api.github.com/repos/${repository}/pulls/${number}`,
    id: 1_800_000_000 + number,
    node_id: `PR_kwDO${number}`,
    html_url: `https://github.com/${repository}/pull/${number}`,
    diff_url: `https://github.com/${repository}/pull/${number}.diff`,
    patch_url: `https://github.com/${repository}/pull/${number}.patch`,
    issue_url: `https://api.github.com/repos/${repository}/issues/${number}`,
    number,
    state: merged ? 'closed' : 'open',
    locked: false,
    title: options.title ?? `Pull request ${number}`,
    user: githubUser(options.fork ? `contributor-${number}` : 'developer'),
    body: null,
    created_at: '2024-02-20T09:00:00Z',
    updated_at: '2024-02-21T10:00:00Z',
    closed_at: merged ? '2024-02-21T10:00:00Z' : null,
    merged_at: merged ? '2024-02-21T10:00:00Z' : null,
    merge_commit_sha: merged ? 'f'.repeat(40) : null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    labels: [],
    milestone: null,
    draft: false,
    head: {
      label: `${headRepository.split('/')[0]}:feature-${number}`,
      ref: `feature-${number}`,
      sha: 'e'.repeat(40),
      user: githubUser(headRepository.split('/')[0]),
      repo: repoJson(headRepository, Boolean(options.fork)),
    },
    base: {
      label: `${repository.split('/')[0]}:main`,
      ref: 'main',
      sha: 'd'.repeat(40),
      user: githubUser(repository.split('/')[0]),
      repo: repoJson(repository, false),
    },
    author_association: options.fork ? 'CONTRIBUTOR' : 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
  };
}

export interface StoredDeployment {
  id: number;
  environment: string;
  sha: string;
  ref: string;
  createdAt: string;
}

export interface StoredDeploymentStatus {
  id: number;
  deploymentId: number;
  state: string;
  description: string;
  logUrl: string;
  environment: string;
}

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  user: ReturnType<typeof githubUser> | typeof BOT_USER;
  createdAt: string;
  updatedAt: string;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  isPullRequest?: boolean;
}

export interface FakeGitHub {
  baseUrl: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  issues: StoredIssue[];
  /** run id → review entries (see approvalEntry). A run with no entry answers 404, as for an unknown run. */
  approvals: Map<number, unknown[]>;
  /** commit sha → its pull requests (see pullRequestJson); an unknown commit has none. */
  pulls: Map<string, unknown[]>;
  /** Deployments as GitHub creates them for environment-bound jobs (add with addDeployment). */
  deployments: StoredDeployment[];
  deploymentStatuses: StoredDeploymentStatus[];
  addDeployment(environment: string, sha: string): StoredDeployment;
  /** Answer requests matching method and path with this status and body until cleared. */
  fail(method: string, path: RegExp, status: number, body?: (request: RecordedRequest) => unknown): void;
  clearFailures(): void;
  /** Adds comments (e.g. other people's) to an issue or PR. */
  seedComments(issueNumber: number, bodies: string[], login?: string): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Largest page the server hands out, whatever per_page asks (to exercise pagination cheaply). */
  maxPerPage?: number;
}

const DEFAULT_PER_PAGE = 30;

function errorBody(status: number, message: string, docs = 'https://docs.github.com/rest') {
  return { message, documentation_url: docs, status: String(status) };
}

/** GitHub's "Resource not accessible by integration" answer, as a fork PR's token gets it. */
export function forbiddenBody(docs = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment') {
  return () => errorBody(403, 'Resource not accessible by integration', docs);
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = {
    requests: [] as RecordedRequest[],
    comments: [] as StoredComment[],
    issues: [] as StoredIssue[],
    approvals: new Map<number, unknown[]>(),
    pulls: new Map<string, unknown[]>(),
    deployments: [] as StoredDeployment[],
    deploymentStatuses: [] as StoredDeploymentStatus[],
    failures: [] as FailureRule[],
    nextId: 1_900_000_000,
    clock: Date.parse('2024-03-01T12:00:00Z'),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      state.requests.push(request);
      const answer = respond(state, request, baseUrl, options.maxPerPage ?? 100);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...(answer.headers ?? {}) });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests: state.requests,
    comments: state.comments,
    issues: state.issues,
    approvals: state.approvals,
    pulls: state.pulls,
    deployments: state.deployments,
    deploymentStatuses: state.deploymentStatuses,
    addDeployment: (environment, sha) => {
      const deployment = { id: state.nextId++, environment, sha, ref: 'main', createdAt: now(state) };
      state.deployments.push(deployment);
      return deployment;
    },
    fail: (method, path, status, body = () => errorBody(status, http.STATUS_CODES[status] ?? 'Error')) =>
      state.failures.push({ method, path, status, body }),
    clearFailures: () => void state.failures.splice(0),
    seedComments: (issueNumber, bodies, login = 'reviewer') => {
      for (const body of bodies) addComment(state, issueNumber, body, githubUser(login));
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

type State = {
  comments: StoredComment[];
  issues: StoredIssue[];
  approvals: Map<number, unknown[]>;
  pulls: Map<string, unknown[]>;
  deployments: StoredDeployment[];
  deploymentStatuses: StoredDeploymentStatus[];
  failures: FailureRule[];
  nextId: number;
  clock: number;
};

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function now(state: State): string {
  state.clock += 1000;
  return new Date(state.clock).toISOString().replace('.000', '');
}

function addComment(state: State, issueNumber: number, body: string, user: StoredComment['user']): StoredComment {
  const at = now(state);
  const comment = { id: state.nextId++, issueNumber, body, user, createdAt: at, updatedAt: at };
  state.comments.push(comment);
  return comment;
}

function commentJson(base: string, repoPath: string, comment: StoredComment) {
  return {
    id: comment.id,
    node_id: `IC_kwDO${comment.id}`,
    url: `${base}${repoPath}/issues/comments/${comment.id}`,
    html_url: `https://github.com${repoPath.replace('/repos', '')}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${base}${repoPath}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: comment.user,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
    reactions: {
      url: `${base}${repoPath}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}

function issueJson(base: string, repoPath: string, issue: StoredIssue, comments: number) {
  return {
    id: 2_000_000 + issue.number,
    node_id: `I_kwDO${issue.number}`,
    url: `${base}${repoPath}/issues/${issue.number}`,
    repository_url: `${base}${repoPath}`,
    comments_url: `${base}${repoPath}/issues/${issue.number}/comments`,
    html_url: `https://github.com${repoPath.replace('/repos', '')}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: BOT_USER,
    labels: issue.labels.map((name, index) => ({
      id: 5_000 + index,
      node_id: `LA_${name}`,
      url: `${base}${repoPath}/labels/${name}`,
      name,
      color: 'd73a4a',
      default: false,
      description: null,
    })),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments,
    ...(issue.isPullRequest ? { pull_request: { url: `${base}${repoPath}/pulls/${issue.number}` } } : {}),
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
    closed_at: issue.state === 'closed' ? '2024-03-01T13:00:00Z' : null,
    author_association: 'NONE',
  };
}

/** A page of items with GitHub's Link header (rel="next"/"last") when more pages exist. */
function paginate(base: string, request: RecordedRequest, items: unknown[], maxPerPage: number): Answer {
  const perPage = Math.min(Number(request.query.get('per_page') ?? DEFAULT_PER_PAGE), maxPerPage);
  const page = Number(request.query.get('page') ?? 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number) => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `<${base}${request.path}?${query}>`;
  };
  const links: string[] = [];
  if (page < lastPage) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`);
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}

const NOT_FOUND: Answer = { status: 404, body: errorBody(404, 'Not Found', 'https://docs.github.com/rest') };

function respond(state: State, request: RecordedRequest, base: string, maxPerPage: number): Answer {
  const failure = state.failures.find((rule) => rule.method === request.method && rule.path.test(request.path));
  if (failure) return { status: failure.status, body: failure.body(request) };
  const match = /^(\/repos\/[^/]+\/[^/]+)(\/.*)$/.exec(request.path);
  if (!match) return NOT_FOUND;
  const [, repoPath, rest] = match;
  const route = `${request.method} ${rest}`;
  let m: RegExpExecArray | null;
  if ((m = /^GET \/issues\/(\d+)\/comments$/.exec(route))) {
    const list = state.comments.filter((c) => c.issueNumber === Number(m![1])).map((c) => commentJson(base, repoPath, c));
    return paginate(base, request, list, maxPerPage);
  }
  if ((m = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
    return { status: 201, body: commentJson(base, repoPath, addComment(state, Number(m[1]), request.body.body, BOT_USER)) };
  }
  if ((m = /^PATCH \/issues\/comments\/(\d+)$/.exec(route))) {
    const comment = state.comments.find((c) => c.id === Number(m![1]));
    if (!comment) return NOT_FOUND;
    Object.assign(comment, { body: request.body.body, updatedAt: now(state) });
    return { status: 200, body: commentJson(base, repoPath, comment) };
  }
  if (route === 'GET /issues') return listIssues(state, request, base, repoPath, maxPerPage);
  if (route === 'POST /issues') {
    const issue: StoredIssue = {
      number: Math.max(99, ...state.issues.map((i) => i.number)) + 1,
      title: request.body.title,
      body: request.body.body ?? '',
      state: 'open',
      stateReason: null,
      labels: request.body.labels ?? [],
    };
    state.issues.push(issue);
    return { status: 201, body: issueJson(base, repoPath, issue, 0) };
  }
  if ((m = /^PATCH \/issues\/(\d+)$/.exec(route))) {
    const issue = state.issues.find((i) => i.number === Number(m![1]));
    if (!issue) return NOT_FOUND;
    const { title, body, state: newState, state_reason: stateReason } = request.body;
    Object.assign(issue, title !== undefined ? { title } : {}, body !== undefined ? { body } : {});
    if (newState) Object.assign(issue, { state: newState, stateReason: stateReason ?? null });
    return { status: 200, body: issueJson(base, repoPath, issue, countComments(state, issue.number)) };
  }
  if ((m = /^GET \/actions\/runs\/(\d+)\/approvals$/.exec(route))) {
    const entries = state.approvals.get(Number(m[1]));
    return entries ? { status: 200, body: entries } : NOT_FOUND;
  }
  if ((m = /^GET \/commits\/([0-9a-f]{7,40})\/pulls$/.exec(route))) {
    return paginate(base, request, state.pulls.get(m[1]) ?? [], maxPerPage);
  }
  if (route === 'GET /deployments') {
    const environment = request.query.get('environment');
    const sha = request.query.get('sha');
    const list = state.deployments
      .filter((d) => (!environment || d.environment === environment) && (!sha || d.sha === sha))
      .sort((a, b) => b.id - a.id)
      .map((d) => deploymentJson(base, repoPath, d));
    return paginate(base, request, list, maxPerPage);
  }
  if ((m = /^POST \/deployments\/(\d+)\/statuses$/.exec(route))) {
    const deployment = state.deployments.find((d) => d.id === Number(m![1]));
    if (!deployment) return NOT_FOUND;
    const { state: newState, description, log_url: logUrl } = request.body;
    if (!['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'].includes(newState)) {
      return {
        status: 422,
        body: errorBody(422, 'Validation Failed', 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status'),
      };
    }
    const status = {
      id: state.nextId++,
      deploymentId: deployment.id,
      state: newState,
      description: description ?? '',
      logUrl: logUrl ?? '',
      environment: deployment.environment,
    };
    state.deploymentStatuses.push(status);
    return { status: 201, body: deploymentStatusJson(base, repoPath, status, now(state)) };
  }
  return NOT_FOUND;
}

function deploymentJson(base: string, repoPath: string, d: StoredDeployment) {
  return {
    url: `${base}${repoPath}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_kwDO${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: BOT_USER,
    created_at: d.createdAt,
    updated_at: d.createdAt,
    statuses_url: `${base}${repoPath}/deployments/${d.id}/statuses`,
    repository_url: `${base}${repoPath}`,
    transient_environment: false,
    production_environment: /^prod/i.test(d.environment),
    performed_via_github_app: null,
  };
}

function deploymentStatusJson(base: string, repoPath: string, s: StoredDeploymentStatus, at: string) {
  return {
    url: `${base}${repoPath}/deployments/${s.deploymentId}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_kwDO${s.id}`,
    state: s.state,
    creator: BOT_USER,
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    log_url: s.logUrl,
    environment_url: '',
    created_at: at,
    updated_at: at,
    deployment_url: `${base}${repoPath}/deployments/${s.deploymentId}`,
    repository_url: `${base}${repoPath}`,
    performed_via_github_app: null,
  };
}

function countComments(state: State, issueNumber: number): number {
  return state.comments.filter((c) => c.issueNumber === issueNumber).length;
}

/** GET /repos/{owner}/{repo}/issues: like GitHub, pull requests are included and labels filter with AND. */
function listIssues(state: State, request: RecordedRequest, base: string, repoPath: string, maxPerPage: number): Answer {
  const wanted = request.query.get('state') ?? 'open';
  const labels = (request.query.get('labels') ?? '').split(',').filter(Boolean);
  const list = state.issues
    .filter((issue) => wanted === 'all' || issue.state === wanted)
    .filter((issue) => labels.every((label) => issue.labels.includes(label)))
    .sort((a, b) => b.number - a.number)
    .map((issue) => issueJson(base, repoPath, issue, countComments(state, issue.number)));
  return paginate(base, request, list, maxPerPage);
}

/**
 * Captures what @actions/core writes to the runner log (workflow commands like ::error:: and
 * ::add-mask:: go to stdout) until `restore()` is called.
 */
export function captureRunnerLog(): { lines: () => string[]; restore: () => void } {
  const chunks: string[] = [];
  const original = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  return {
    lines: () => chunks.join('').split('\n').filter(Boolean),
    restore: () => {
      process.stdout.write = original;
    },
  };
}
