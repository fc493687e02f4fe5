/**
 * The production gate: proof from GitHub that this run's deployment to the environment was
 * approved, and by whom (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals).
 */
import { MigrateActionsError } from '../errors.js';
import { createGitHubClient, gitHubApiError, type RepoRef } from './client.js';

export interface RunApprovalsOptions {
  token: string;
  repo: RepoRef;
  runId: number;
  environment: string;
  baseUrl?: string;
}

export interface RunApprovals {
  approved: boolean;
  /** Logins that approved this environment, in review order, without repeats. */
  approvers: string[];
  rejectedBy?: string[];
  /** The reviewers' comments, for the audit record. */
  comments: Array<{ user: string; state: string; comment: string }>;
}

interface ReviewEntry {
  state: string;
  comment?: string | null;
  user?: { login?: string } | null;
  environments?: Array<{ name?: string }>;
}

const REVIEWERS_REMEDY =
  'Bind the job to the environment (`environment: NAME`) and configure required reviewers on it ' +
  '(Settings → Environments → NAME → Required reviewers), so GitHub pauses the run until someone approves.';

function namesEnvironment(entry: ReviewEntry, environment: string): boolean {
  // GitHub environment names are case-insensitive.
  return (entry.environments ?? []).some((env) => env.name?.toLowerCase() === environment.toLowerCase());
}

function uniqueLogins(entries: ReviewEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.user?.login ?? 'unknown'))];
}

export async function getRunApprovals(options: RunApprovalsOptions): Promise<RunApprovals> {
  const client = createGitHubClient({ token: options.token, baseUrl: options.baseUrl });
  let reviews: ReviewEntry[];
  try {
    ({ data: reviews } = await client.rest.actions.getReviewsForRun({ ...options.repo, run_id: options.runId }));
  } catch (error) {
    throw gitHubApiError(
      `read the approvals of run ${options.runId}`,
      error,
      'Give the job `permissions: actions: read` and check that the run id belongs to this repository.',
    );
  }
  const relevant = reviews.filter((entry) => namesEnvironment(entry, options.environment));
  const approvals = relevant.filter((entry) => entry.state === 'approved');
  const rejections = relevant.filter((entry) => entry.state === 'rejected');
  const result: RunApprovals = {
    approved: approvals.length > 0 && rejections.length === 0,
    approvers: uniqueLogins(approvals),
    comments: relevant
      .filter((entry) => entry.comment)
      .map((entry) => ({ user: entry.user?.login ?? 'unknown', state: entry.state, comment: entry.comment ?? '' })),
  };
  if (rejections.length > 0) result.rejectedBy = uniqueLogins(rejections);
  return result;
}

/** getRunApprovals, throwing E_APPROVAL_REJECTED or E_APPROVAL_MISSING unless the run was approved. */
export async function requireRunApproval(options: RunApprovalsOptions): Promise<RunApprovals> {
  const approvals = await getRunApprovals(options);
  if (approvals.rejectedBy) {
    throw new MigrateActionsError(
      'E_APPROVAL_REJECTED',
      `The deployment of run ${options.runId} to "${options.environment}" was rejected by ${approvals.rejectedBy.join(', ')}; nothing was changed.`,
      { remedy: 'Address the reviewers’ comments and re-run the workflow to request approval again.', details: { ...approvals } },
    );
  }
  if (!approvals.approved) {
    throw new MigrateActionsError(
      'E_APPROVAL_MISSING',
      `GitHub has no approval of run ${options.runId} for environment "${options.environment}"; refusing to touch the database.`,
      { remedy: REVIEWERS_REMEDY, details: { ...approvals } },
    );
  }
  return approvals;
}
