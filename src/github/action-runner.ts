/**
 * The GitHub front end of every command: inputs are read with the command's own option specs
 * (the same names as the CLI flags), the command runs, and its one Report is rendered to the
 * job summary, annotations, step outputs and report files. Any error ends in core.setFailed
 * with what is wrong and what to do — never a bare stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { describeError } from '../errors.js';
import { redact, registerSecret } from '../postgres/redact.js';
import { readOptions, str } from '../commands/options.js';
import type { Command, CommandResult, GitHubServices } from '../commands/types.js';
import { renderJson, renderMarkdown, toAnnotations } from '../report/render.js';
import { emitAnnotations, registerSecretsWithActions, setOutputs, writeJobSummary } from './outputs.js';
import { readRunContext } from './client.js';

export interface ActionRunnerOptions {
  /** Builds the GitHub API services for this run (token from the inputs); omitted in tests of the runner. */
  services?: (token: string | undefined) => GitHubServices | undefined;
}

/** Writes `<report-dir>/<kind>.json` and `.md`; returns the JSON path. */
export function writeReportFiles(result: CommandResult, reportDir: string): string {
  fs.mkdirSync(reportDir, { recursive: true });
  const jsonPath = path.join(reportDir, `${result.report.kind}.json`);
  fs.writeFileSync(jsonPath, renderJson(result.report) + '\n');
  fs.writeFileSync(path.join(reportDir, `${result.report.kind}.md`), renderMarkdown(result.report) + '\n');
  return jsonPath;
}

export async function runActionCommand(command: Command, options: ActionRunnerOptions = {}): Promise<CommandResult | undefined> {
  registerSecretsWithActions();
  try {
    const values = readOptions(command.options, (spec) => (spec.cliOnly ? undefined : core.getInput(spec.name)), 'input');
    const token = str(values, 'github-token');
    registerSecret(token);
    const run = readRunContext();
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const result = await command.run(
      values,
      {
        cwd,
        log: (line) => core.info(redact(line)),
        github: {
          token,
          repository: run.repo ? `${run.repo.owner}/${run.repo.repo}` : undefined,
          runId: run.runId,
          runUrl: run.runUrl,
          prNumber: run.prNumber,
          eventName: run.eventName,
          actor: run.actor,
          sha: run.sha,
          apiUrl: run.apiUrl,
          baseRef: process.env.GITHUB_BASE_REF || undefined,
          services: options.services?.(token),
        },
      },
      [],
    );
    const reportDir = str(values, 'report-dir');
    const outputs = { ...(result.outputs ?? {}) };
    if (reportDir) {
      const jsonPath = writeReportFiles(result, path.resolve(cwd, reportDir));
      outputs['report-json'] ??= jsonPath;
    }
    setOutputs(outputs);
    await writeJobSummary(renderMarkdown(result.report));
    emitAnnotations(toAnnotations(result.report));
    if (result.exitCode !== 0) core.setFailed(redact(`${result.report.title}: ${result.report.summary}`));
    return result;
  } catch (error) {
    core.setFailed(redact(describeError(error)));
    return undefined;
  }
}
