/**
 * One comment per pull request, updated in place: found again by its hidden marker. A token
 * that may not write (pull requests from forks get a read-only one) is not a failure — the
 * caller gets { posted: false, reason } and adds a notice to the job summary instead.
 */
import { commentMarker, PR_COMMENT_LIMIT } from '../report/render.js';
import { redact } from '../postgres/redact.js';
import { createGitHubClient, gitHubApiError, httpStatus, apiMessage, type GitHubClient, type RepoRef } from './client.js';

export interface UpsertPrCommentOptions {
  token: string;
  repo: RepoRef;
  prNumber: number;
  /** Names this comment among ours, e.g. "migration-test". */
  marker: string;
  /** Markdown; the marker line is added when missing. */
  body: string;
  baseUrl?: string;
}

export type UpsertPrCommentResult =
  { posted: true; action: 'created' | 'updated'; commentId: number; url: string } | { posted: false; reason: string };

/** Statuses that mean "this token may not comment here", not "something broke". */
const PERMISSION_STATUSES = new Set([403, 404]);

export async function upsertPrComment(options: UpsertPrCommentOptions): Promise<UpsertPrCommentResult> {
  const client = createGitHubClient({ token: options.token, baseUrl: options.baseUrl });
  const marker = commentMarker(options.marker);
  const body = withMarker(redact(options.body), marker);
  try {
    const existing = await findMarkedComment(client, options.repo, options.prNumber, marker);
    if (existing) {
      const { data } = await client.rest.issues.updateComment({ ...options.repo, comment_id: existing, body });
      return { posted: true, action: 'updated', commentId: data.id, url: data.html_url };
    }
    const { data } = await client.rest.issues.createComment({ ...options.repo, issue_number: options.prNumber, body });
    return { posted: true, action: 'created', commentId: data.id, url: data.html_url };
  } catch (error) {
    const status = httpStatus(error);
    if (status !== undefined && PERMISSION_STATUSES.has(status)) {
      return {
        posted: false,
        reason:
          `The PR comment was not posted: GitHub answered HTTP ${status} (${apiMessage(error)}). ` +
          'Pull requests from forks run with a read-only token; the job summary has the full report. ' +
          'To get the comment, give the job `permissions: pull-requests: write` (same-repository PRs).',
      };
    }
    throw gitHubApiError(
      `post the PR comment on #${options.prNumber}`,
      error,
      'Check the token and GitHub’s status; the job summary still has the report.',
    );
  }
}

function withMarker(body: string, marker: string): string {
  const full = body.startsWith(marker) ? body : `${marker}\n${body}`;
  if (full.length <= PR_COMMENT_LIMIT) return full;
  const note = '\n\n> **Truncated** to fit GitHub’s comment limit; see the job summary.\n';
  return full.slice(0, PR_COMMENT_LIMIT - note.length) + note;
}

/** The id of our comment on the PR, looking through every page of comments. */
async function findMarkedComment(client: GitHubClient, repo: RepoRef, prNumber: number, marker: string): Promise<number | undefined> {
  const route = client.rest.issues.listComments;
  for await (const page of client.paginate.iterator(route, { ...repo, issue_number: prNumber, per_page: 100 })) {
    const ours = page.data.find((comment) => comment.body?.startsWith(marker));
    if (ours) return ours.id;
  }
  return undefined;
}
