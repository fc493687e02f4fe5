/**
 * One GitHub issue per environment that tracks schema drift: opened when drift appears, its
 * body kept current while drift persists, closed with a comment when it is gone. The issue is
 * found again by a label plus a hidden marker in its body (titles get edited by people).
 */
import { redact } from '../postgres/redact.js';
import { commentMarker } from '../report/render.js';
import { createGitHubClient, gitHubApiError, type GitHubClient, type RepoRef } from './client.js';

export const DRIFT_LABEL = 'schema-drift';

export interface SyncDriftIssueOptions {
  token: string;
  repo: RepoRef;
  environment: string;
  drift: boolean;
  /** Markdown describing the drift (ignored when closing). */
  body: string;
  /** Linked in the closing comment. */
  runUrl?: string;
  baseUrl?: string;
}

export interface SyncDriftIssueResult {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  issueNumber?: number;
  url?: string;
}

const PERMISSION_REMEDY =
  'Give the job `permissions: issues: write` (and keep the default GITHUB_TOKEN or pass a token that may edit issues).';

export function driftIssueTitle(environment: string): string {
  return `Schema drift in ${environment}`;
}

export async function syncDriftIssue(options: SyncDriftIssueOptions): Promise<SyncDriftIssueResult> {
  const client = createGitHubClient({ token: options.token, baseUrl: options.baseUrl });
  const marker = commentMarker(`drift:${options.environment}`);
  try {
    const open = await findOpenDriftIssue(client, options.repo, marker);
    if (options.drift) return await openOrUpdate(client, options, marker, open);
    if (!open) return { action: 'none' };
    return await close(client, options, open.number);
  } catch (error) {
    throw gitHubApiError(`update the drift issue for "${options.environment}"`, error, PERMISSION_REMEDY);
  }
}

interface OpenIssue {
  number: number;
  body: string;
  url: string;
}

async function openOrUpdate(
  client: GitHubClient,
  options: SyncDriftIssueOptions,
  marker: string,
  open: OpenIssue | undefined,
): Promise<SyncDriftIssueResult> {
  const body = `${marker}\n${redact(options.body)}`;
  if (!open) {
    const { data } = await client.rest.issues.create({
      ...options.repo,
      title: driftIssueTitle(options.environment),
      body,
      labels: [DRIFT_LABEL],
    });
    return { action: 'opened', issueNumber: data.number, url: data.html_url };
  }
  if (open.body === body) return { action: 'unchanged', issueNumber: open.number, url: open.url };
  await client.rest.issues.update({ ...options.repo, issue_number: open.number, body });
  return { action: 'updated', issueNumber: open.number, url: open.url };
}

async function close(client: GitHubClient, options: SyncDriftIssueOptions, issueNumber: number): Promise<SyncDriftIssueResult> {
  const where = options.runUrl ? ` ([run](${options.runUrl}))` : '';
  await client.rest.issues.createComment({
    ...options.repo,
    issue_number: issueNumber,
    body: `No drift detected in **${options.environment}** any more${where}; closing.`,
  });
  const { data } = await client.rest.issues.update({
    ...options.repo,
    issue_number: issueNumber,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', issueNumber, url: data.html_url };
}

/** Open issues carrying our label whose body starts with this environment's marker. */
async function findOpenDriftIssue(client: GitHubClient, repo: RepoRef, marker: string): Promise<OpenIssue | undefined> {
  const route = client.rest.issues.listForRepo;
  for await (const page of client.paginate.iterator(route, { ...repo, state: 'open', labels: DRIFT_LABEL, per_page: 100 })) {
    const issue = page.data.find((candidate) => !candidate.pull_request && candidate.body?.startsWith(marker));
    if (issue) return { number: issue.number, body: issue.body ?? '', url: issue.html_url };
  }
  return undefined;
}
