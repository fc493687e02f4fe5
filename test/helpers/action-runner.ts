/**
 * Runs a command through the GitHub front end as the runner would: INPUT_* variables, the
 * runner's output and summary files, and its log captured. Restores the environment after.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../../src/commands/types.js';
import type { GitHubServices } from '../../src/commands/types.js';
import { runActionCommand } from '../../src/github/action-runner.js';
import { captureRunnerLog } from './github-api.js';

export interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  log: string[];
  /** process.exitCode the runner set (1 after core.setFailed), or undefined. */
  exitCode?: number;
}

/** The `name<<delimiter … delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return outputs;
}

export async function runAsAction(
  command: Command,
  options: {
    runnerDir: string;
    inputs: Record<string, string>;
    env?: Record<string, string>;
    services?: (token: string | undefined) => GitHubServices | undefined;
  },
): Promise<ActionRun> {
  const saved = { ...process.env };
  const outputFile = path.join(options.runnerDir, `${command.name}.output`);
  const summaryFile = path.join(options.runnerDir, 'summary.md');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  Object.assign(process.env, { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...options.env });
  for (const [name, value] of Object.entries(options.inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  process.exitCode = undefined;
  const capture = captureRunnerLog();
  try {
    await runActionCommand(command, { services: options.services });
  } finally {
    capture.restore();
  }
  const exitCode = process.exitCode as number | undefined;
  process.exitCode = undefined;
  process.env = saved;
  const outputs = parseOutputs(fs.readFileSync(outputFile, 'utf8'));
  // Every output an action sets is declared in its command (and so in action.yml and the docs).
  const undeclared = Object.keys(outputs).filter((name) => !command.outputs.some((o) => o.name === name));
  if (undeclared.length) throw new Error(`${command.name} set outputs its command does not declare: ${undeclared.join(', ')}`);
  return {
    outputs,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    log: capture.lines(),
    exitCode,
  };
}
