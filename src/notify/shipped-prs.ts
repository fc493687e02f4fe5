/**
 * Tells each pull request that its migrations shipped: the commits that touched each applied
 * migration's folder (from the checkout's git history) lead, through GitHub's "pull requests for
 * a commit", to the merged pull requests; each gets one comment per environment, updated in place
 * on later deploys. Anything GitHub refuses (forks, a token without pull-requests: write) becomes
 * a notice on the deploy, never its failure.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import { redact } from '../postgres/redact.js';
import { formatDuration } from '../report/format.js';
import { commitsTouching, isShallowClone } from '../guard/git.js';
import type { GitHubServices } from '../commands/types.js';
import type { AuditRecord } from '../deploy/audit.js';

export interface ShippedPullRequest {
  number: number;
  title: string;
  url: string;
  migrations: string[];
}

export interface ShippedComments {
  /** The pull requests found, with the migrations each shipped. */
  pullRequests: ShippedPullRequest[];
  /** One line per comment posted or updated. */
  commented: string[];
  /** Why a pull request was not told (fork, permissions, shallow clone …). */
  notices: string[];
}

/** At most this many commits per migration folder are looked up (a folder is usually touched once). */
const COMMITS_PER_MIGRATION = 10;

export function shippedMarker(environment: string): string {
  return `shipped-${environment}`;
}

/** The merged pull requests whose commits touched the folders of the given migrations. */
export async function findShippedPullRequests(
  migrationsDir: string,
  migrations: string[],
  services: Pick<GitHubServices, 'pullRequestsForCommit'>,
): Promise<{ pullRequests: ShippedPullRequest[]; notices: string[] }> {
  const notices: string[] = [];
  if (await isShallowClone(migrationsDir)) {
    notices.push(
      'The checkout is shallow, so the commits of the applied migrations cannot be looked up and no pull request was told; check out with fetch-depth: 0 to get the shipped comments.',
    );
    return { pullRequests: [], notices };
  }
  const byCommit = new Map<string, Set<string>>();
  for (const name of migrations) {
    for (const sha of await commitsTouching(path.join(migrationsDir, name), COMMITS_PER_MIGRATION)) {
      if (!byCommit.has(sha)) byCommit.set(sha, new Set());
      byCommit.get(sha)!.add(name);
    }
  }
  const found = new Map<number, ShippedPullRequest>();
  for (const [sha, names] of byCommit) {
    const pulls = await services.pullRequestsForCommit(sha).catch((error) => {
      notices.push(redact(`The pull requests of commit ${sha.slice(0, 7)} could not be listed: ${describeError(error)}`));
      return [];
    });
    for (const pr of pulls.filter((p) => p.mergedAt)) {
      const entry = found.get(pr.number) ?? { number: pr.number, title: pr.title, url: pr.url, migrations: [] };
      for (const name of names) if (!entry.migrations.includes(name)) entry.migrations.push(name);
      found.set(pr.number, entry);
    }
  }
  const pullRequests = [...found.values()].sort((a, b) => a.number - b.number);
  for (const pr of pullRequests) pr.migrations.sort();
  return { pullRequests, notices };
}

/** "14:03 UTC" on the day of the deploy, as people read it in the comment. */
function utcTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export function shippedCommentBody(pr: ShippedPullRequest, audit: AuditRecord): string {
  const byName = new Map(audit.migrations.map((m) => [m.name, m]));
  const approved = audit.approvers.length ? `approved by ${audit.approvers.join(', ')}` : `no approval required for ${audit.environment}`;
  const lines = pr.migrations.map((name) => {
    const duration = byName.get(name)?.durationMs;
    return `- \`${name}\`, applied ${utcTime(audit.finishedAt)}${duration !== undefined ? ` in ${formatDuration(duration)}` : ''}`;
  });
  return [
    `### 🚀 Shipped to ${audit.environment}`,
    '',
    ...lines,
    '',
    `${approved[0].toUpperCase()}${approved.slice(1)}; audit record \`${audit.id}\`${audit.runUrl ? ` ([deploy run](${audit.runUrl}))` : ''}.`,
  ].join('\n');
}

/** Finds the pull requests the deploy shipped and comments on each; never throws. */
export async function commentOnShippedPullRequests(
  migrationsDir: string,
  audit: AuditRecord,
  services: Pick<GitHubServices, 'pullRequestsForCommit' | 'upsertPullRequestComment'>,
): Promise<ShippedComments> {
  const applied = audit.migrations.filter((m) => m.status === 'applied').map((m) => m.name);
  const result: ShippedComments = { pullRequests: [], commented: [], notices: [] };
  if (!applied.length) return result;
  try {
    const found = await findShippedPullRequests(migrationsDir, applied, services);
    result.pullRequests = found.pullRequests;
    result.notices.push(...found.notices);
  } catch (error) {
    result.notices.push(redact(`The pull requests of the applied migrations could not be found: ${describeError(error)}`));
    return result;
  }
  if (!result.pullRequests.length && !result.notices.length) {
    result.notices.push('No merged pull request was found for the applied migrations (committed straight to the branch?).');
  }
  for (const pr of result.pullRequests) {
    try {
      const posted = await services.upsertPullRequestComment(pr.number, shippedMarker(audit.environment), shippedCommentBody(pr, audit));
      if (posted.posted) result.commented.push(`#${pr.number}: ${pr.migrations.join(', ')}${posted.url ? ` (${posted.url})` : ''}`);
      else result.notices.push(`#${pr.number}: ${posted.reason ?? 'not commented'}`);
    } catch (error) {
      result.notices.push(redact(`#${pr.number}: ${describeError(error)}`));
    }
  }
  return result;
}
