/**
 * The GitHub deployment record of the environment-bound job: GitHub creates a deployment when a
 * job with `environment:` starts; the deploy finds it (same environment and commit, newest first)
 * and sets its status — in_progress, then success or failure with the run's log URL and a short
 * description — so the environment page lists each migration. Missing permissions or no such
 * deployment are a notice, never a failure.
 */
import { apiMessage, createGitHubClient, gitHubApiError, httpStatus, type RepoRef } from './client.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure';

export interface DeploymentStatusOptions {
  token: string;
  repo: RepoRef;
  environment: string;
  sha: string;
  state: DeploymentState;
  description: string;
  logUrl?: string;
  /** A deployment found by an earlier call of this run. */
  deploymentId?: number;
  baseUrl?: string;
}

export type DeploymentStatusResult = { set: true; deploymentId: number } | { set: false; reason: string };

/** GitHub keeps at most 140 characters of a deployment status description. */
const DESCRIPTION_LIMIT = 140;

export async function setDeploymentStatus(options: DeploymentStatusOptions): Promise<DeploymentStatusResult> {
  const client = createGitHubClient({ token: options.token, baseUrl: options.baseUrl });
  try {
    let id = options.deploymentId;
    if (id === undefined) {
      const { data } = await client.rest.repos.listDeployments({
        ...options.repo,
        environment: options.environment,
        sha: options.sha,
        per_page: 10,
      });
      const newest = [...data].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)[0];
      if (!newest) {
        return {
          set: false,
          reason: `No GitHub deployment of ${options.sha.slice(0, 7)} to ${options.environment} was found, so no deployment status was set. Bind the job to the environment (environment: ${options.environment}) to get one.`,
        };
      }
      id = newest.id;
    }
    const description =
      options.description.length > DESCRIPTION_LIMIT ? `${options.description.slice(0, DESCRIPTION_LIMIT - 1)}…` : options.description;
    await client.rest.repos.createDeploymentStatus({
      ...options.repo,
      deployment_id: id,
      state: options.state,
      description,
      ...(options.logUrl ? { log_url: options.logUrl } : {}),
    });
    return { set: true, deploymentId: id };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) {
      return {
        set: false,
        reason: `The deployment status was not set: GitHub answered HTTP ${status} (${apiMessage(error)}). Give the job \`permissions: deployments: write\`.`,
      };
    }
    throw gitHubApiError(
      `set the status of the deployment to ${options.environment}`,
      error,
      'Check the token and GitHub’s status; the deploy itself is unaffected.',
    );
  }
}
