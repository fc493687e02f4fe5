/** demo: the whole chain on the example project (see src/demo/run.ts). */
import path from 'node:path';
import fs from 'node:fs';
import { MigrateActionsError } from '../errors.js';
import { createReport, finishReport } from '../report/model.js';
import type { DemoCommandName, RunDemoCommand } from '../demo/run.js';
import { readOptions, str, type OptionSpec, type ValuesOf } from './options.js';
import { EXIT, type Command } from './types.js';
import { migrationTestCommand } from './migration-test.js';
import { deployCommand } from './deploy.js';
import { driftCheckCommand } from './drift-check.js';
import { backupCommand, restoreCommand } from './backup.js';

const OPTIONS = [
  { name: 'project-dir', type: 'path', default: '.', description: 'Directory holding the example prisma/ folder.' },
  { name: 'output-dir', type: 'path', description: 'Where the reports go (default .demo-output/<timestamp>).' },
] as const satisfies readonly OptionSpec[];

const DEMO_COMMANDS: Record<DemoCommandName, Command> = {
  'migration-test': migrationTestCommand,
  deploy: deployCommand,
  'drift-check': driftCheckCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

/** Runs a command exactly as the CLI would, with flags given as a record. */
export const runDemoCommand: RunDemoCommand = (name, flags, cwd, log) => {
  const command = DEMO_COMMANDS[name];
  return command.run(
    readOptions(command.options, (spec) => flags[spec.name], 'option'),
    { cwd, log },
    [],
  );
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the whole chain on the example project with throwaway PostgreSQL (no Docker, no GitHub).',
  options: OPTIONS,
  outputs: [],
  examples: ['npm run demo', 'prisma-migrate-actions demo --output-dir /tmp/demo'],
  async run(values: ValuesOf<typeof OPTIONS>, context) {
    const projectDir = path.resolve(context.cwd, str(values, 'project-dir') ?? '.');
    if (!fs.existsSync(path.join(projectDir, 'prisma', 'migrations'))) {
      throw new MigrateActionsError('E_DIR', `No prisma/migrations in ${projectDir}.`, {
        remedy: 'Run the demo from the repository root, or pass --project-dir.',
      });
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outputDir = path.resolve(context.cwd, str(values, 'output-dir') ?? path.join('.demo-output', stamp));
    const { runDemo } = await import('../demo/run.js');
    const result = await runDemo({
      projectDir,
      outputDir,
      print: (line) => process.stdout.write(`${line}\n`),
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      runCommand: runDemoCommand,
    });
    const report = createReport('plan', 'Demo');
    report.data = result;
    return {
      report: finishReport(report, { verdict: result.ok ? 'pass' : 'fail', summary: `Reports in ${result.outputDir}` }),
      exitCode: result.ok ? EXIT.ok : EXIT.failed,
      quiet: true,
    };
  },
};
