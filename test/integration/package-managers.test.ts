/**
 * pnpm and yarn projects through the reusable workflows' install step: a monorepo (the Prisma
 * project in packages/db, the lockfile at the root) installed by the step's own script, taken
 * from migration-check.yml and run with bash as the runner would, with pnpm / yarn installed from
 * npm by the test. Then migration-test finds the project's Prisma CLI (pnpm's symlinked layout,
 * yarn's hoisted one) and passes, schema.prisma check included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { migrationTestCommand } from '../../src/commands/migration-test.js';
import { findPrismaCli } from '../../src/prisma/cli.js';
import { runAsAction } from '../helpers/action-runner.js';
import { REPO_ROOT } from '../helpers/bundle-runner.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'package-managers');
const INSTALL_STEP_WORKFLOWS = [
  '.github/workflows/migration-check.yml',
  '.github/workflows/integration.yml',
  '.github/workflows/deploy.yml',
];

/** The `run:` of every step named "Install the project's …" in a workflow. */
function installScripts(file: string): string[] {
  const workflow = parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  return Object.values<any>(workflow.jobs).flatMap((job) =>
    (job.steps ?? []).filter((step: any) => /^Install the project's/.test(step.name ?? '')).map((step: any) => String(step.run)),
  );
}

const SCRIPT = installScripts('.github/workflows/migration-check.yml')[0];

let tools: string;
// One runner directory for the file: @actions/core keeps the summary file's path once it has seen it.
let runnerDir: string;
beforeAll(() => {
  runnerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-pm-runner-'));
  tools = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-pm-tools-'));
  execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', 'pnpm@10', 'yarn@1'], {
    stdio: 'ignore',
  });
}, 180_000);
afterAll(() => [tools, runnerDir].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The fixture monorepo with one lockfile, as a git repository: main has the first migration. */
function monorepo(lockfile: 'pnpm-lock.yaml' | 'yarn.lock'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `pma-pm-${lockfile.split(/[-.]/)[0]}-`));
  fs.cpSync(path.join(FIXTURE, 'monorepo'), root, { recursive: true });
  fs.copyFileSync(path.join(FIXTURE, 'lockfiles', lockfile), path.join(root, lockfile));
  const prMigration = path.join(root, 'packages', 'db', 'prisma', 'migrations', '20250201000000_item_note');
  const aside = `${root}-pr`;
  fs.renameSync(prMigration, aside);
  fs.writeFileSync(path.join(root, '.gitignore'), 'node_modules\n.prisma-migrate-actions\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  fs.renameSync(aside, prMigration);
  return root;
}

function runInstallStep(root: string, workingDirectory: string) {
  return spawnSync('bash', ['-e', '-c', SCRIPT], {
    cwd: path.join(root, workingDirectory),
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(tools, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      GITHUB_WORKSPACE: root,
      CI: 'true',
    },
  });
}

describe('the install step of the reusable workflows', () => {
  test('is one script: every install step in the reusable workflows runs the same text', () => {
    const scripts = INSTALL_STEP_WORKFLOWS.flatMap(installScripts);
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scripts).size).toBe(1);
    expect(SCRIPT).toMatch(/pnpm install --frozen-lockfile/);
  });

  test('no lockfile: a clear error, nothing installed', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-pm-none-'));
    try {
      fs.mkdirSync(path.join(root, 'packages', 'db'), { recursive: true });
      const run = runInstallStep(root, 'packages/db');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        /::error title=No lockfile::No pnpm-lock\.yaml, yarn\.lock, bun\.lock, bun\.lockb or package-lock\.json in .*packages\/db or above it/,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  const cases: Array<[string, 'pnpm-lock.yaml' | 'yarn.lock', RegExp, string]> = [
    [
      'pnpm (Prisma linked into packages/db/node_modules from the store)',
      'pnpm-lock.yaml',
      /^pnpm install in /m,
      'packages/db/node_modules/prisma',
    ],
    ['yarn classic (Prisma hoisted to the root node_modules)', 'yarn.lock', /^yarn \(classic\) install in /m, 'node_modules/prisma'],
  ];

  test.each(cases)(
    '%s: installed at the root from packages/db, then migration-test passes with the schema check',
    async (_name, lockfile, said, cliPlace) => {
      const root = monorepo(lockfile);
      try {
        const install = runInstallStep(root, 'packages/db');
        if (install.status !== 0) throw new Error(`install step failed:\n${install.stdout}\n${install.stderr}`);
        expect(install.stdout).toMatch(said);
        expect(install.stdout).toContain(`install in ${root}`);
        const cli = findPrismaCli(path.join(root, 'packages', 'db', 'prisma'));
        expect(cli?.version).toBe('6.19.3');
        expect(path.relative(root, path.dirname(path.dirname(cli!.entry)))).toBe(cliPlace);

        const run = await runAsAction(migrationTestCommand, {
          runnerDir,
          env: { GITHUB_WORKSPACE: root },
          inputs: {
            'database-url': process.env.PMA_TEST_PG15_URL!,
            'migrations-dir': 'packages/db/prisma/migrations',
            'schema-path': 'packages/db/prisma/schema.prisma',
            'base-ref': 'main',
            'seed-rows': '5',
            'rollback-rehearsal': 'false',
            comment: 'false',
            'report-dir': path.join(runnerDir, lockfile),
          },
        });
        expect(run.outputs.result).toBe('pass');
        expect(run.outputs['new-migrations']).toBe('20250201000000_item_note');
        expect(run.summary).toMatch(/✅ \| schema\.prisma agrees with the migrations \| pass/);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
