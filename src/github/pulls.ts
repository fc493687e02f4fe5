/**
 * The pull requests a commit belongs to (GET /repos/{owner}/{repo}/commits/{sha}/pulls): for a
 * commit on the default branch, the merged pull request that brought it there.
 */
import { createGitHubClient, gitHubApiError, type RepoRef } from './client.js';

export interface PullRequestRef {
  number: number;
  title: string;
  url: string;
  state: string;
  mergedAt: string | null;
  /** The head branch lives in another repository (a fork). */
  fromFork: boolean;
}

export async function pullRequestsForCommit(options: {
  token: string;
  repo: RepoRef;
  sha: string;
  baseUrl?: string;
}): Promise<PullRequestRef[]> {
  const client = createGitHubClient({ token: options.token, baseUrl: options.baseUrl });
  try {
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
      ...options.repo,
      commit_sha: options.sha,
      per_page: 100,
    });
    return data.map((pr) => ({
      number: pr.number,
      title: pr.title,
      url: pr.html_url,
      state: pr.state,
      mergedAt: pr.merged_at ?? null,
      fromFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
    }));
  } catch (error) {
    throw gitHubApiError(
      `list the pull requests of commit ${options.sha.slice(0, 7)}`,
      error,
      'Give the job `permissions: pull-requests: read` (or contents: read) and check the commit is in this repository.',
    );
  }
}
