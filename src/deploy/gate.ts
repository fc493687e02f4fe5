/** The approval gate: nothing touches the database before an approval is recorded (or not required). */
import { MigrateActionsError } from '../errors.js';
import { Stop, type DeployRun } from './run.js';

export async function approvalGate(run: DeployRun): Promise<void> {
  await run.step('Approval gate', async (step) => {
    const { settings, deps, audit } = run;
    if (!settings.requireApproval) {
      step.status = 'skip';
      step.detail = `Approval not required for ${settings.environment}.`;
      return;
    }
    if (settings.approvedBy?.length) {
      audit.approvers = settings.approvedBy;
      audit.approvalSource = 'command-line';
      step.detail = `Approved on the command line by ${settings.approvedBy.join(', ')}.`;
      return;
    }
    if (!deps.approvals) {
      throw new Stop(
        'refused',
        new MigrateActionsError(
          'E_APPROVAL_MISSING',
          `Deploying to ${settings.environment} requires an approval, and none could be checked; nothing was changed.`,
          {
            remedy:
              'In GitHub, bind the job to the environment with required reviewers (the action checks the approval through the API); locally, pass --approved-by NAME.',
          },
        ),
      );
    }
    const approvals = await deps.approvals(settings.environment).catch((error) => {
      throw new Stop('refused', error);
    });
    if (!approvals.approved) {
      const why = approvals.rejectedBy?.length ? `was rejected by ${approvals.rejectedBy.join(', ')}` : 'has no approval';
      throw new Stop(
        'refused',
        new MigrateActionsError('E_APPROVAL_MISSING', `This run's deployment to ${settings.environment} ${why}; nothing was changed.`, {
          remedy: 'Configure required reviewers on the environment (Settings → Environments) and have one approve the run.',
        }),
      );
    }
    audit.approvers = approvals.approvers;
    audit.approvalSource = 'github';
    step.detail = `Approved by ${approvals.approvers.join(', ')}.`;
  });
}
