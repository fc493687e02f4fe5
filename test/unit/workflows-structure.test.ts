/**
 * Structural checks over every workflow (the checker is test/helpers/workflow-check.ts). Each
 * check also runs on a small bad workflow to prove it flags what it is meant to flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  root,
  PUBLISHED_REPOSITORY,
  PUBLISHED_TAG,
  SUITE_FILES,
  type Workflow,
  checkoutRepository,
  parseWorkflowText,
  resolveUses,
  usesSites,
  checkReferences,
  checkInputs,
  checkOutputs,
  checkSecretsDeclared,
  checkInputsDeclared,
  checkSecretsOnlyInEnvironmentJobs,
  checkDeployGate,
  checkRunScripts,
  checkPermissions,
  checkPinned,
  checkNoPullRequestTargetCheckout,
  type Check,
  workflowFiles,
} from '../helpers/workflow-check.js';

const repo = checkoutRepository();
const workflows = workflowFiles().map((file) => parseWorkflowText(file, repo.read(file)!));
const suite = workflows.filter((workflow) => SUITE_FILES.includes(workflow.file));
const run = (check: Check, over: Workflow[] = workflows) =>
  over.flatMap((workflow) => check(workflow, repo).map((finding) => `${workflow.file}: ${finding}`));
/** Runs a check on one in-memory workflow, with optional extra files (e.g. a called workflow). */
const runOn = (check: Check, text: string, extra: Record<string, string> = {}) =>
  check(parseWorkflowText('bad.yml', text), checkoutRepository(extra));

const STEP = (lines: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n${lines}`;

describe('workflow structure', () => {
  test('every suite workflow is read, and each reusable one is a workflow_call', () => {
    expect(suite.map((w) => w.file).sort()).toEqual([...SUITE_FILES].sort());
    for (const workflow of suite.filter((w) => w.file.startsWith('.github/'))) expect(workflow.call).toBeDefined();
  });

  describe('references resolve to actions/<name>/action.yml or a reusable workflow here', () => {
    test('all workflows', () => expect(run(checkReferences)).toEqual([]));
    test('the suite references the actions and reusable workflows through the published repository', () => {
      const ours = suite.flatMap(usesSites).filter((site) => resolveUses(site.uses, repo).kind !== 'third-party');
      expect(ours.length).toBeGreaterThan(10);
      for (const site of ours) expect(site.uses).toMatch(new RegExp(`^${PUBLISHED_REPOSITORY}/.+@${PUBLISHED_TAG}$`));
    });
    test('flags a missing action, a missing workflow, a foreign path and another tag', () => {
      const bad = STEP(
        `      - uses: ${PUBLISHED_REPOSITORY}/actions/no-such-action@v1\n` +
          `      - uses: ./actions/also-missing\n` +
          `      - uses: ${PUBLISHED_REPOSITORY}/src@v1\n` +
          `      - uses: ${PUBLISHED_REPOSITORY}/actions/backup@main\n` +
          `      - uses: ./actions/backup\n`,
      );
      const findings = runOn(checkReferences, bad);
      expect(findings).toHaveLength(4);
      expect(findings.join('\n')).toMatch(/no-such-action[\s\S]*also-missing[\s\S]*names neither[\s\S]*"main"/);
      expect(runOn(checkReferences, 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/nope.yml\n')).toEqual([
        'job c: ./.github/workflows/nope.yml has no .github/workflows/nope.yml',
      ]);
    });
  });

  describe('every with: key is an input of the target, every required input is given', () => {
    test('all workflows', () => expect(run(checkInputs)).toEqual([]));
    test('flags an unknown action input and a missing required one', () => {
      const findings = runOn(checkInputs, STEP(`      - uses: ./actions/backup\n        with:\n          databse-url: x\n`));
      expect(findings).toEqual([
        'job a step 1: with.databse-url is not an input of ./actions/backup',
        'job a step 1: required input database-url of ./actions/backup is not given',
      ]);
    });
    test('flags unknown and missing inputs and secrets of a called reusable workflow', () => {
      const called =
        'on:\n  workflow_call:\n    inputs:\n      env: { type: string, required: true }\n    secrets:\n      TOKEN: { required: true }\njobs:\n  x:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps: [{ run: "true" }]\n';
      const caller = 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/called.yml\n    with: { envv: a }\n    secrets: { OTHER: x }\n';
      expect(runOn(checkInputs, caller, { '.github/workflows/called.yml': called })).toEqual([
        'job c: with.envv is not an input of ./.github/workflows/called.yml',
        'job c: required input env of ./.github/workflows/called.yml is not given',
        'job c: secret OTHER is not declared by ./.github/workflows/called.yml',
        'job c: required secret TOKEN of ./.github/workflows/called.yml is not passed',
      ]);
    });
  });

  describe('every needs.X.outputs.Y, steps.S.outputs.O and jobs.X.outputs.Y exists', () => {
    test('all workflows', () => expect(run(checkOutputs)).toEqual([]));
    test('flags a missing job output, a job not in needs, a missing step and an action output that does not exist', () => {
      const bad =
        'on:\n  workflow_call:\n    outputs:\n      r: { value: "${{ jobs.a.outputs.nope }}" }\njobs:\n' +
        '  a:\n    runs-on: x\n    permissions: {}\n    outputs:\n      result: ${{ steps.deploy.outputs.reslt }}\n      other: ${{ steps.ghost.outputs.x }}\n' +
        '    steps:\n      - id: deploy\n        uses: ./actions/prod-deploy\n        with: { database-url: x }\n' +
        '  b:\n    needs: a\n    if: needs.a.outputs.missing == \'1\'\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo\n        env: { X: "${{ needs.c.outputs.y }}" }\n';
      expect(runOn(checkOutputs, bad)).toEqual([
        'job a: steps.deploy.outputs.reslt is not an output of ./actions/prod-deploy',
        'job a: steps.ghost is not a step of this job',
        'job b: needs.a.outputs.missing is not an output of job a',
        'job b: needs.c but c is not in its needs',
        'workflow output r: nope is not an output of job a',
      ]);
    });
  });

  describe('every secret a reusable workflow reads is declared', () => {
    test('all workflows', () => expect(run(checkSecretsDeclared)).toEqual([]));
    test('flags an undeclared secret', () => {
      const bad =
        'on:\n  workflow_call:\n    secrets:\n      DATABASE_URL:\njobs:\n  a:\n    runs-on: x\n    environment: e\n    permissions: {}\n    steps:\n      - run: echo\n        env: { A: "${{ secrets.database_url }}", B: "${{ secrets.PROD_PASSWORD }}", T: "${{ secrets.GITHUB_TOKEN }}" }\n';
      expect(runOn(checkSecretsDeclared, bad)).toEqual(['job a: secrets.PROD_PASSWORD is not declared under on.workflow_call.secrets']);
    });
  });

  describe('every input a workflow reads is declared', () => {
    test('all workflows', () => expect(run(checkInputsDeclared)).toEqual([]));
    test('flags a misspelt input, in a reusable workflow and in a dispatched one', () => {
      const job =
        '    runs-on: x\n    permissions: {}\n    if: inputs.enviroment != \'\'\n    steps:\n      - uses: ./actions/backup\n        with: { database-url: "${{ inputs.environment }}", prefix: "${{ inputs.prefx }}" }\n';
      const called = `on:\n  workflow_call:\n    inputs:\n      environment: { type: string }\njobs:\n  a:\n${job}`;
      const dispatched = `on:\n  workflow_dispatch:\n    inputs:\n      environment: { type: string }\njobs:\n  a:\n${job}`;
      const expected = ['job a: inputs.enviroment is not a declared input', 'job a: inputs.prefx is not a declared input'];
      expect(runOn(checkInputsDeclared, called)).toEqual(expected);
      expect(runOn(checkInputsDeclared, dispatched)).toEqual(expected);
    });
  });

  describe('secrets are read only in environment-bound jobs', () => {
    test('all workflows', () => expect(run(checkSecretsOnlyInEnvironmentJobs)).toEqual([]));
    test('flags a job that reads a secret without an environment', () => {
      const bad =
        'on:\n  workflow_call:\n    secrets: { DATABASE_URL: }\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ./actions/drift-check\n        with: { database-url: "${{ secrets.DATABASE_URL }}" }\n';
      expect(runOn(checkSecretsOnlyInEnvironmentJobs, bad)).toEqual(['job a: reads DATABASE_URL without being bound to an environment']);
    });
  });

  describe('prod-deploy runs behind its environment, one at a time per environment', () => {
    test('all workflows', () => expect(run(checkDeployGate)).toEqual([]));
    test("deploy.yml's deploy job is bound to inputs.environment with a non-cancelling concurrency group", () => {
      const deploy = suite.find((w) => w.file === '.github/workflows/deploy.yml')!.jobs.find((j) => j.id === 'deploy')!;
      expect(deploy.raw.environment).toBe('${{ inputs.environment }}');
      expect(deploy.raw.concurrency).toEqual({ group: 'prisma-migrate-deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
      expect(deploy.steps.some((s) => s.uses?.includes('/actions/prod-deploy@') && s.with['dry-run'] === undefined)).toBe(true);
      expect(deploy.needs).toEqual(['plan']);
    });
    test('flags the real deploy.yml once its gate is loosened', () => {
      const text = repo
        .read('.github/workflows/deploy.yml')!
        .replace('environment: ${{ inputs.environment }} # GitHub pauses', 'environment: staging # GitHub pauses')
        .replace(/cancel-in-progress: false/g, 'cancel-in-progress: true');
      expect(runOn(checkDeployGate, text)).toEqual([
        'job deploy step deploy: the job is bound to "staging" but deploys "${{ inputs.environment }}"',
        "job deploy step deploy: the job's concurrency group is not per environment (staging)",
        "job deploy step deploy: the job's concurrency must set cancel-in-progress: false",
      ]);
    });
    test('flags a deploy without environment, a mismatched environment, a shared group and cancel-in-progress', () => {
      const job = (extra: string) =>
        `on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n${extra}    steps:\n      - uses: ./actions/prod-deploy\n        with: { database-url: x, environment: "\${{ inputs.environment }}" }\n`;
      expect(runOn(checkDeployGate, job(''))).toEqual([
        'job a step 1: prod-deploy runs in a job without environment (no approval gate)',
        "job a step 1: the job's concurrency group is not per environment ()",
        "job a step 1: the job's concurrency must set cancel-in-progress: false",
      ]);
      expect(
        runOn(checkDeployGate, job('    environment: staging\n    concurrency: { group: "deploy-staging", cancel-in-progress: false }\n')),
      ).toEqual(['job a step 1: the job is bound to "staging" but deploys "${{ inputs.environment }}"']);
      expect(
        runOn(
          checkDeployGate,
          job('    environment: ${{ inputs.environment }}\n    concurrency: { group: deploy, cancel-in-progress: true }\n'),
        ),
      ).toEqual([
        "job a step 1: the job's concurrency group is not per environment (${{ inputs.environment }})",
        "job a step 1: the job's concurrency must set cancel-in-progress: false",
      ]);
    });
  });

  describe('no ${{ }} interpolation inside run: scripts', () => {
    test('all workflows', () => expect(run(checkRunScripts)).toEqual([]));
    test.each(['${{ github.event.pull_request.title }}', '${{ inputs.environment }}', '${{ github.head_ref }}'])(
      'flags %s',
      (expression) => {
        const findings = runOn(checkRunScripts, STEP(`      - run: |\n          echo "deploying"\n          echo "${expression}"\n`));
        expect(findings).toEqual([`job a step 1: run: interpolates ${expression} (pass it through env:)`]);
      },
    );
  });

  describe('every job declares permissions', () => {
    test('all workflows', () => expect(run(checkPermissions)).toEqual([]));
    test('flags a job without permissions and one with write-all', () => {
      const bad =
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: "true" }]\n  b:\n    runs-on: x\n    permissions: write-all\n    steps: [{ run: "true" }]\n  c:\n    uses: ./.github/workflows/deploy.yml\n';
      expect(runOn(checkPermissions, bad)).toEqual(['job a: no permissions', 'job b: permissions write-all', 'job c: no permissions']);
    });
  });

  describe('third-party actions are pinned to a full commit SHA with a # vX comment', () => {
    test('all workflows', () => expect(run(checkPinned)).toEqual([]));
    test('flags a tag, a short SHA, a missing comment and an unpinned image', () => {
      const bad = STEP(
        '      - uses: actions/checkout@v5\n' +
          '      - uses: actions/checkout@08c6903\n' +
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n' +
          '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n' +
          '      - uses: docker://alpine:3\n',
      );
      expect(runOn(checkPinned, bad)).toEqual([
        'job a step 1: actions/checkout@v5 is not pinned to a full commit SHA',
        'job a step 2: actions/checkout@08c6903 is not pinned to a full commit SHA',
        'job a step 3: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 has no "# vX" comment naming its tag',
        'job a step 5: docker://alpine:3 is not pinned by digest',
      ]);
    });
    test('docs/workflows.md names the tag of every SHA the suite pins', () => {
      const docs = fs.readFileSync(path.join(root, 'docs/workflows.md'), 'utf8');
      const pins = suite.flatMap(usesSites).filter((site) => site.step && resolveUses(site.uses, repo).kind === 'third-party');
      expect(pins.length).toBeGreaterThan(0);
      for (const site of pins) {
        const [action, sha] = site.uses.split('@');
        const row = docs.split('\n').find((line) => line.includes(sha));
        expect(`${action}@${sha}: ${row ?? 'missing from docs/workflows.md'}`).toContain(`\`${site.step!.usesComment}\``);
      }
    });
  });

  describe('no pull_request_target workflow checks out code', () => {
    test('all workflows', () => expect(run(checkNoPullRequestTargetCheckout)).toEqual([]));
    test('flags a checkout in a pull_request_target workflow, not in a pull_request one', () => {
      const body =
        'jobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n';
      expect(runOn(checkNoPullRequestTargetCheckout, `on: pull_request_target\n${body}`)).toEqual([
        'job a step 1: checks out code in a pull_request_target workflow',
      ]);
      expect(runOn(checkNoPullRequestTargetCheckout, `on: [pull_request]\n${body}`)).toEqual([]);
    });
  });
});
