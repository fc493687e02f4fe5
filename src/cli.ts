/**
 * The CLI front end: `prisma-migrate-actions <command> [options]`. Options carry the action
 * input names; DATABASE_URL and friends are fallbacks. Human output on stdout (colour only on
 * a TTY, never with --json or NO_COLOR), progress on stderr, --json for machine-readable output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeError, MigrateActionsError } from './errors.js';
import { ERROR_CODES, type ErrorKind } from './error-codes.js';
import { redact, registerSecret } from './postgres/redact.js';
import { renderConsole, renderJson } from './report/render.js';
import { readOptions, type OptionSpec } from './commands/options.js';
import { EXIT, type Command, type CommandContext } from './commands/types.js';
import { COMMANDS } from './commands/index.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
}

const EXIT_CODES_HELP = `Exit codes:
  0  success (nothing pending, no error findings, no drift …)
  1  the check or operation failed (failed migration, error findings, drift, pending migrations for status)
  2  bad input or configuration (unknown option, malformed URL, missing directory …)`;

function optionHelp(spec: OptionSpec & { secretFile?: string }): string {
  const value = spec.type === 'boolean' ? '' : ` <${spec.type === 'enum' ? spec.values?.join('|') : spec.type}>`;
  const extras = [spec.default ? `default: ${spec.default}` : '', spec.env ? `env: ${spec.env}` : '', spec.required ? 'required' : '']
    .filter(Boolean)
    .join('; ');
  const names = [spec.name, ...(spec.aliases ?? [])].map((n) => `--${n}`).join(', ');
  if (spec.secret) {
    const ways = [spec.env ? `set ${spec.env}` : '', spec.secretFile ? `pass --${spec.secretFile} FILE` : ''].filter(Boolean).join(' or ');
    return `  --${spec.name}  (a secret: refused on the command line${ways ? `; ${ways}` : ''})\n      ${spec.description}`;
  }
  return `  ${names}${value}\n      ${spec.description}${extras ? ` (${extras})` : ''}`;
}

export function commandHelp(command: Command): string {
  return [
    `prisma-migrate-actions ${command.name}${command.positional ? ` [${command.positional.name}…]` : ''} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...command.options.map((spec) => optionHelp({ ...spec, secretFile: command.options.find((o) => o.secretFileFor === spec.name)?.name })),
    '  --json\n      Print the result as JSON on stdout (no colour, no progress decoration).',
    '  --help\n      Show this help.',
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'prisma-migrate-actions — carry a Prisma + PostgreSQL schema change from pull request to production.',
    '',
    'Usage: prisma-migrate-actions <command> [options]   (prisma-migrate-actions <command> --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

/**
 * A secret option's value on the CLI: from its environment variable or its --NAME-file, never
 * from argv (the process list shows every argument to every local user).
 */
function secretValue(
  command: Command,
  spec: OptionSpec,
  flag: string | boolean | undefined,
  flags: Record<string, string | boolean | undefined>,
  io: CliIo,
): string | undefined {
  const fileSpec = command.options.find((o) => o.secretFileFor === spec.name);
  if (flag !== undefined) {
    registerSecret(typeof flag === 'string' ? flag : undefined);
    const ways = [spec.env ? `set ${spec.env}` : '', fileSpec ? `pass --${fileSpec.name} FILE (a file only you can read)` : '']
      .filter(Boolean)
      .join(', or ');
    throw new MigrateActionsError(
      'E_SECRET_IN_ARGS',
      `--${spec.name} is not accepted on the command line: its value would be in the process list, readable by every user of this machine.`,
      { remedy: `Remove --${spec.name}${ways ? ` and ${ways}` : ''}.` },
    );
  }
  const file = fileSpec ? flags[fileSpec.name] : undefined;
  if (typeof file === 'string' && file) {
    const full = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(full, 'utf8');
    } catch (error) {
      throw new MigrateActionsError(
        'E_INPUT',
        `--${fileSpec!.name} ${full} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
        {
          remedy: `Give a file that holds the ${spec.name} (one line).`,
        },
      );
    }
    const value = text.replace(/\r?\n$/, '');
    registerSecret(value);
    return value;
  }
  return spec.env ? io.env[spec.env] : undefined;
}

/** Bad input or configuration exits 2; a failed check or operation, and our own defects, exit 1. */
export function exitCodeFor(kind: ErrorKind): number {
  return kind === 'usage' ? EXIT.usage : EXIT.failed;
}

/** `commands` is every command of the CLI; tests may pass others. */
export async function runCli(argv: string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout('prisma-migrate-actions 0.1.0\n');
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. Run prisma-migrate-actions --help.\n`);
    return EXIT.usage;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' }, help: { type: 'boolean' } };
    // Booleans are taken as strings too (--flag alone means true, --flag=false works).
    for (const spec of command.options) {
      for (const name of [spec.name, ...(spec.aliases ?? [])]) options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
    }
    parsed = parseArgs({ args: rest, options, allowPositionals: Boolean(command.positional), strict: true, allowNegative: true } as never);
  } catch (error) {
    io.stderr(`${redact((error as Error).message)}\nRun prisma-migrate-actions ${command.name} --help.\n`);
    return EXIT.usage;
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.stdout(commandHelp(command) + '\n');
    return EXIT.ok;
  }
  const json = flags.json === true;
  const color = io.isTTY && !json && io.env.NO_COLOR === undefined;
  const context: CommandContext = {
    cwd: io.cwd,
    env: io.env,
    log: (line) => io.stderr(`${redact(line)}\n`),
  };
  try {
    // Secrets on argv first: refused before anything else is read or reported.
    for (const spec of command.options.filter((o) => o.secret)) {
      const given = [spec.name, ...(spec.aliases ?? [])].map((n) => flags[n]).find((x) => x !== undefined);
      if (given !== undefined) secretValue(command, spec, given, flags, io);
    }
    const values = readOptions(
      command.options,
      (spec) => {
        const v = [spec.name, ...(spec.aliases ?? [])].map((name) => flags[name]).find((x) => x !== undefined);
        if (spec.secret) return secretValue(command, spec, v, flags, io);
        if (typeof v === 'boolean') return String(v);
        return v ?? (spec.env ? io.env[spec.env] : undefined);
      },
      'option',
    );
    const result = await command.run(values, context, parsed.positionals ?? []);
    if (json) io.stdout(renderJson(result.report) + '\n');
    else if (!result.quiet) io.stdout(renderConsole(result.report, { color }) + '\n');
    return result.exitCode;
  } catch (error) {
    const known = error instanceof MigrateActionsError ? error : undefined;
    if (json) {
      const payload = known
        ? { error: { code: known.code, kind: known.kind, message: known.message, remedy: known.remedy, where: known.where } }
        : { error: { code: 'E_UNEXPECTED', kind: ERROR_CODES.E_UNEXPECTED.kind, message: (error as Error).message } };
      io.stdout(redact(JSON.stringify(payload, null, 2)) + '\n');
    } else {
      io.stderr(`${redact(describeError(error))}\n`);
      if (!known && io.env.PMA_DEBUG) io.stderr(`${redact(String((error as Error).stack))}\n`);
    }
    return exitCodeFor(known?.kind ?? ERROR_CODES.E_UNEXPECTED.kind);
  }
}
