/** What every command (CLI subcommand and action) is: options in, a Report and an exit code out. */
import type { Report } from '../report/model.js';
import type { OptionSpec, OptionValues } from './options.js';

export interface CommandContext {
  /** Progress lines (stderr on the CLI, the log on GitHub). Already redacted by the front end. */
  log: (line: string) => void;
  cwd: string;
  /** The environment project settings are read from (schema.prisma's env("…") URLs); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Set by the GitHub front end: repository, run, PR and token for API calls. */
  github?: GitHubRunContext;
}

export interface GitHubRunContext {
  token?: string;
  repository?: string;
  runId?: number;
  runUrl?: string;
  prNumber?: number;
  eventName?: string;
  actor?: string;
  sha?: string;
  apiUrl?: string;
  baseRef?: string;
  /** GitHub API calls, provided by the GitHub front end (absent on the CLI). */
  services?: GitHubServices;
}

/** What commands may ask of GitHub; implemented in src/github/, so commands stay free of @actions. */
export interface GitHubServices {
  upsertPrComment(marker: string, body: string): Promise<{ posted: boolean; reason?: string; url?: string }>;
  syncDriftIssue(environment: string, drift: boolean, body: string): Promise<{ action: string; number?: number }>;
  getRunApprovals(environment: string): Promise<{ approved: boolean; approvers: string[]; rejectedBy?: string[] }>;
}

export interface CommandResult {
  report: Report;
  /** 0 success, 1 the check or operation failed, 2 bad input or configuration. */
  exitCode: number;
  /** Action outputs (same names as action.yml outputs). */
  outputs?: Record<string, string | number | boolean>;
  /** The command printed its own account (the demo): the CLI prints no report unless --json. */
  quiet?: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments (e.g. files for lint), described for --help. */
  positional?: { name: string; description: string };
  options: OptionSpec[];
  examples: string[];
  run(values: OptionValues, context: CommandContext, positionals: string[]): Promise<CommandResult>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
