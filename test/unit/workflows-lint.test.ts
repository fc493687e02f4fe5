/**
 * Lints every workflow with GitHub's own parser (@actions/workflow-parser, the one behind the
 * Actions language service): schema, expressions, contexts allowed per key, and — with the reusable
 * workflows fetched one level deep — the `with:` and `secrets:` of each call against the called
 * workflow's `workflow_call` inputs and secrets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The repository the published `uses:` references name; served from this checkout. */
const PUBLISHED_REPOSITORY = 'prisma-migrate-actions/prisma-migrate-actions';

function workflowFiles(): string[] {
  return ['.github/workflows', 'workflows'].flatMap((dir) =>
    fs.existsSync(path.join(root, dir))
      ? fs
          .readdirSync(path.join(root, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => `${dir}/${name}`)
      : [],
  );
}

/** Serves `./.github/workflows/x.yml` and `<published>/.github/workflows/x.yml@ref` from this checkout. */
function fileProvider(extra: Record<string, string>) {
  return {
    async getFileContent(ref: FileReference) {
      if ('repository' in ref && `${ref.owner}/${ref.repository}` !== PUBLISHED_REPOSITORY) {
        throw new Error(`not a reference to this repository: ${ref.owner}/${ref.repository}`);
      }
      const relative = ref.path.replace(/^\.\//, '');
      const content = extra[relative] ?? fs.readFileSync(path.join(root, relative), 'utf8');
      return { name: relative, content };
    },
  };
}

/** Every error message the parser reports for one workflow text (empty when valid). */
async function lintWorkflow(name: string, content: string, extra: Record<string, string> = {}): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (!parsed.value)
    return parsed.context.errors
      .getErrors()
      .map((error) => error.message)
      .concat('the file has no workflow');
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, fileProvider(extra), { fetchReusableWorkflowDepth: 1 });
  return (template.errors ?? []).map((error) => error.Message);
}

describe('workflow files linted with @actions/workflow-parser', () => {
  const files = workflowFiles();

  test('the reusable workflows and the callers are all there', () => {
    for (const file of [
      '.github/workflows/migration-check.yml',
      '.github/workflows/integration.yml',
      '.github/workflows/deploy.yml',
      '.github/workflows/drift-schedule.yml',
      'workflows/pull-request.yml',
      'workflows/main.yml',
      'workflows/production-deploy.yml',
      'workflows/nightly-drift.yml',
    ]) {
      expect(files).toContain(file);
    }
  });

  test.each(files)('%s has no parser errors', async (file) => {
    expect(await lintWorkflow(file, fs.readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });
});

describe('the linter itself reports errors (so a clean result means something)', () => {
  const job = (extra: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: echo hi\n`;

  test('an unknown job key', async () => {
    const errors = await lintWorkflow('bad.yml', job('    runs-onn: x\n'));
    expect(errors.join('\n')).toMatch(/runs-onn/);
  });

  test('a context that is not allowed where it is used', async () => {
    const errors = await lintWorkflow('bad.yml', job('    concurrency: ${{ secrets.X }}\n'));
    expect(errors.join('\n')).toMatch(/secrets/);
  });

  test('an invalid permission level', async () => {
    const errors = await lintWorkflow('bad.yml', job('    permissions:\n      contents: admin\n'));
    expect(errors.length).toBeGreaterThan(0);
  });

  const caller = (body: string) =>
    `on: push\njobs:\n  call:\n    permissions: {}\n    uses: ${PUBLISHED_REPOSITORY}/.github/workflows/deploy.yml@v1\n${body}`;

  test('an input the called reusable workflow does not declare', async () => {
    const errors = await lintWorkflow('bad.yml', caller('    with:\n      environment: production\n      enviroment: typo\n'));
    expect(errors.join('\n')).toMatch(/enviroment is not defined/);
  });

  test('a required input of the called reusable workflow left out', async () => {
    const errors = await lintWorkflow('bad.yml', caller('    with:\n      migrations-dir: prisma/migrations\n'));
    expect(errors.join('\n')).toMatch(/Input environment is required/);
  });

  test('a secret the called reusable workflow does not declare', async () => {
    const errors = await lintWorkflow(
      'bad.yml',
      caller('    with:\n      environment: production\n    secrets:\n      DATABASE_PASSWORD: x\n'),
    );
    expect(errors.join('\n')).toMatch(/DATABASE_PASSWORD is not defined/);
  });

  test('a called reusable workflow that does not exist', async () => {
    const missing = `on: push\njobs:\n  call:\n    uses: ./.github/workflows/no-such-workflow.yml\n`;
    expect((await lintWorkflow('bad.yml', missing)).join('\n')).toMatch(/Unable to find reusable workflow/);
  });
});
