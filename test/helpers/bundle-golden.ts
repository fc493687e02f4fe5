/**
 * Golden transcripts of bundle runs: what the runner and GitHub saw (exit code, outputs, job
 * summary, workflow commands on stdout, API requests), with what varies from run to run
 * (ports, temp paths, database names, timestamps, durations, checksums, pids) replaced by
 * placeholders. `UPDATE_GOLDEN=1` rewrites the files; otherwise a difference fails with a diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diff } from 'jest-diff';
import type { RecordedRequest } from './github-api.js';
import type { BundleRun } from './bundle-runner.js';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
export const REGENERATE_COMMAND = 'npm run test:golden-bundles';

export interface Placeholders {
  /** Exact strings (paths, names, secrets) → what stands for them; longest are replaced first. */
  literals: Record<string, string>;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<timestamp>'],
  [/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?(?:UTC|[+-]\d{2}(?::?\d{2})?))?/g, '<timestamp>'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z/g, '<stamp>'],
  [/(?<!\d)\d{8}[_T]\d{6}(?!\d)/g, '<stamp>'],
  [/PostgreSQL (\d+)\.\d+(?: \([^)]*\))?/g, 'PostgreSQL $1.<minor>'],
  [/pma-(pg|test-run|runner-temp|bundle-ws)-[A-Za-z0-9]{6}\b/g, 'pma-$1-<id>'],
  [/^(size-bytes=)\d+$/gm, '$1<size>'],
  [/\b\d+(?:\.\d+)?\s?(?:ms|s|min)\b(?![-\w])/g, '<duration>'],
  [/\b\d{13}\b/g, '<epoch-ms>'],
  [/\b[0-9a-f]{64}\b/g, '<sha256>'],
  [/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>'],
  [/([?&]port=|\bport[ =])\d+/g, '$1<port>'],
  [/\bpid \d+/g, 'pid <pid>'],
  [/\bpma_[a-z0-9]+(?:_[a-z0-9]+)*\b/g, '<scratch-db>'],
  [/\b\d+(?:\.\d+)? ?(?:B|KB|kB|KiB|MB|MiB|bytes)\b/g, '<size>'],
  // What the production-scale rehearsal measured (queries run, samples taken, queries blocked).
  [/\((\d+) (queries|samples)\)/g, '(<n> $2)'],
  [/\b(yes|no)( \| | {2})\d+\2(<duration>|—)/g, '$1$2<n>$2$3'],
];

export function normalise(text: string, placeholders: Placeholders): string {
  let out = text;
  const literals = Object.entries(placeholders.literals)
    .filter(([literal]) => literal.length > 0)
    .sort(([a], [b]) => b.length - a.length);
  for (const [literal, placeholder] of literals) {
    out = out.split(literal).join(placeholder);
    // Paths also appear URL-encoded (a socket directory in ?host=), and workflow commands escape % as %25.
    if (literal.includes('/')) {
      const encoded = encodeURIComponent(literal);
      out = out.split(encoded.replace(/%/g, '%25')).join(placeholder).split(encoded).join(placeholder);
    }
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out.replace(/[ \t]+$/gm, '');
}

function sortedQuery(query: URLSearchParams): string {
  const entries = [...query.entries()].sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

/** The API requests one run made, as readable text: method, path, query and JSON body. */
export function describeRequests(requests: RecordedRequest[], token: string): string {
  return requests
    .map((request) => {
      const auth = request.headers.authorization;
      const authText = auth === undefined ? 'no token' : auth.endsWith(token) ? 'the run token' : 'ANOTHER token';
      const lines = [`${request.method} ${request.path}${sortedQuery(request.query)}  (${authText})`];
      if (request.body !== undefined) {
        const { body, ...rest } = request.body as Record<string, unknown>;
        if (Object.keys(rest).length) lines.push(JSON.stringify(rest, null, 2));
        if (typeof body === 'string') lines.push('body:', ...body.split('\n').map((line) => `  | ${line}`));
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

export interface TranscriptPart {
  title: string;
  run: BundleRun;
  requests: RecordedRequest[];
  /** Anything else the scenario wants compared (e.g. what the database holds afterwards). */
  extra?: string;
}

/** One step's transcript; workflow commands only from stdout (the rest is log text). */
export function transcript(part: TranscriptPart, token: string): string {
  const { run } = part;
  const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
  const outputs = Object.entries(run.outputs).map(([name, value]) =>
    value.includes('\n') ? `${name}<<EOF\n${value}\nEOF` : `${name}=${value}`,
  );
  const section = (name: string, body: string) => `### ${name}\n${body.trim() === '' ? '(none)' : body.replace(/\n+$/, '')}\n`;
  return [
    `## ${part.title}\n`,
    section('exit code', String(run.exitCode)),
    ...(run.runnerWarnings.length ? [section('runner warnings', run.runnerWarnings.join('\n'))] : []),
    section('outputs (GITHUB_OUTPUT)', outputs.join('\n')),
    section('workflow commands (stdout)', commands.join('\n')),
    section('job summary (GITHUB_STEP_SUMMARY)', run.summary),
    ...(run.state ? [section('state (GITHUB_STATE)', run.state)] : []),
    section('GitHub API requests', describeRequests(part.requests, token)),
    ...(part.extra ? [section('afterwards', part.extra)] : []),
  ].join('\n');
}

export interface GoldenCheck {
  file: string;
  matches: boolean;
  /** A readable diff (expected = the golden file, received = this run) when they differ. */
  message: string;
}

export function checkGolden(file: string, actual: string): GoldenCheck {
  const relative = path.relative(process.cwd(), file);
  if (!fs.existsSync(file)) {
    return { file, matches: false, message: `No golden file ${relative}. Create it with: ${REGENERATE_COMMAND}` };
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected === actual) return { file, matches: true, message: '' };
  const shown = diff(expected, actual, {
    aAnnotation: `golden ${relative}`,
    bAnnotation: 'this run',
    contextLines: 3,
    expand: false,
  });
  return {
    file,
    matches: false,
    message: `${relative} differs from this run of the bundle.\nIf the change is intended (e.g. dist/ was rebuilt), regenerate with: ${REGENERATE_COMMAND}\n\n${shown}`,
  };
}

/** Compares with the golden file, or rewrites it under UPDATE_GOLDEN=1. Throws with the diff. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const check = checkGolden(file, actual);
  if (!check.matches) throw new Error(check.message);
}
