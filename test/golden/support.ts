/**
 * Runs one golden case through the CLI entry (runCli with a fake io) and renders the Report the
 * command returned through every channel: console (what runCli printed), job summary, JSON and
 * annotations — each normalised (./normalise.ts) and compared with its golden file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { CommandResult } from '../../src/commands/types.js';
import { renderJson, renderMarkdown, toAnnotations } from '../../src/report/render.js';
import type { Report } from '../../src/report/model.js';
import { expectGolden, type GoldenSections } from './golden.js';
import { createNormaliser, type Normaliser } from './normalise.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A normaliser that knows this run's repository, temp folders and test servers. */
export function runNormaliser(): Normaliser {
  const normaliser = createNormaliser();
  normaliser.register(REPO_ROOT, '<repo>');
  normaliser.register(process.env.PMA_TEST_RUN_DIR, '<tmp>');
  normaliser.register(fs.realpathSync(os.tmpdir()), '<tmp>');
  normaliser.register(os.tmpdir(), '<tmp>');
  return normaliser;
}

/** A temp folder whose path the normaliser prints as <label>. */
export function workDir(normaliser: Normaliser, label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pma-golden-${label}-`));
  normaliser.register(dir, `<${label}>`);
  return dir;
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  result?: CommandResult;
}

/**
 * Runs `prisma-migrate-actions ...argv` as the CLI does. The command's run() is wrapped (the
 * real one still runs) only to keep the Report it returned for the other renderers.
 */
export async function runCliCase(argv: string[], cwd = REPO_ROOT, env: Record<string, string> = {}): Promise<CliRun> {
  const command = COMMANDS.find((c) => c.name === argv[0]);
  let result: CommandResult | undefined;
  const original = command?.run;
  if (command && original) {
    command.run = async (...args) => (result = await original.apply(command, args));
  }
  let stdout = '';
  let stderr = '';
  try {
    const exitCode = await runCli(argv, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env,
      isTTY: false,
      cwd,
    });
    return { exitCode, stdout, stderr, result };
  } finally {
    if (command && original) command.run = original;
  }
}

/** The golden sections of a report: job summary, annotations, JSON. */
export function reportSections(report: Report, normaliser: Normaliser): GoldenSections {
  return [
    ['summary.md', normaliser.text(renderMarkdown(report))],
    ['annotations.json', normaliser.json(toAnnotations(report))],
    ['report.json', normaliser.json(JSON.parse(renderJson(report)))],
  ];
}

/** Runs the CLI and compares console, summary, annotations and JSON with `__golden__/<name>.txt`. */
/** `env` is the environment the command sees (secrets come from it, never from argv). */
export async function expectCliGolden(
  name: string,
  argv: string[],
  normaliser: Normaliser,
  cwd = REPO_ROOT,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const run = await runCliCase(argv, cwd, env);
  const shown = argv.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
  expectGolden(name, [
    ['command', normaliser.text(`prisma-migrate-actions ${shown}\nexit ${run.exitCode}`)],
    ['stdout', normaliser.console(run.stdout)],
    ['stderr', run.stderr ? normaliser.console(run.stderr) : undefined],
    ...(run.result ? reportSections(run.result.report, normaliser) : []),
  ]);
  return run;
}
