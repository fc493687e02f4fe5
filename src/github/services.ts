/** The GitHubServices commands use, backed by the API modules here and the run's context. */
import { MigrateActionsError } from '../errors.js';
import type { GitHubServices } from '../commands/types.js';
import { readRunContext } from './client.js';
import { upsertPrComment } from './pr-comment.js';
import { syncDriftIssue } from './drift-issue.js';
import { getRunApprovals } from './approvals.js';
import { pullRequestsForCommit } from './pulls.js';
import { setDeploymentStatus } from './deployments.js';

function missing(what: string): MigrateActionsError {
  return new MigrateActionsError(
    'E_GITHUB_CONTEXT',
    `Cannot ${what}: this does not look like a GitHub Actions run (GITHUB_REPOSITORY / GITHUB_RUN_ID missing) or no token was given.`,
    {
      remedy: 'Run inside GitHub Actions with github-token set (the default is the job token).',
    },
  );
}

export function githubServices(token: string | undefined, env: NodeJS.ProcessEnv = process.env): GitHubServices | undefined {
  const run = readRunContext(env);
  if (!token || !run.repo) return undefined;
  const repo = run.repo;
  const baseUrl = run.apiUrl;
  /** environment → the deployment found for this run, so later statuses go to the same one. */
  const deployments = new Map<string, number>();
  return {
    async upsertPrComment(marker, body) {
      if (!run.prNumber) return { posted: false, reason: 'this run is not about a pull request' };
      const result = await upsertPrComment({ token, repo, prNumber: run.prNumber, marker, body, baseUrl });
      return result.posted ? { posted: true, url: result.url } : { posted: false, reason: result.reason };
    },
    async syncDriftIssue(environment, drift, body) {
      const result = await syncDriftIssue({ token, repo, environment, drift, body, runUrl: run.runUrl, baseUrl });
      return { action: result.action, number: result.issueNumber };
    },
    async getRunApprovals(environment) {
      if (!run.runId) throw missing('check the deployment approval');
      return getRunApprovals({ token, repo, runId: run.runId, environment, baseUrl });
    },
    async pullRequestsForCommit(sha) {
      return pullRequestsForCommit({ token, repo, sha, baseUrl });
    },
    async upsertPullRequestComment(prNumber, marker, body) {
      const result = await upsertPrComment({ token, repo, prNumber, marker, body, baseUrl });
      return result.posted ? { posted: true, url: result.url } : { posted: false, reason: result.reason };
    },
    async setDeploymentStatus(environment, update) {
      if (!run.sha) return { set: false, reason: 'GITHUB_SHA is not set, so the deployment of this commit cannot be found.' };
      const result = await setDeploymentStatus({
        token,
        repo,
        environment,
        sha: run.sha,
        ...update,
        deploymentId: deployments.get(environment),
        baseUrl,
      });
      if (!result.set) return { set: false, reason: result.reason };
      deployments.set(environment, result.deploymentId);
      return { set: true };
    },
  };
}
