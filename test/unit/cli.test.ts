import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, type CliIo } from '../../src/cli.js';
import { COMMANDS } from '../../src/commands/index.js';

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    env,
    isTTY: false,
    cwd: process.cwd(),
  };
  return captured;
}

describe('CLI', () => {
  test('--help lists every command and the exit codes', async () => {
    const c = io();
    expect(await runCli(['--help'], c)).toBe(0);
    for (const command of COMMANDS) expect(c.out).toContain(command.name);
    expect(c.out).toMatch(/Exit codes:/);
  });

  test('no command is a usage error (2)', async () => {
    expect(await runCli([], io())).toBe(2);
  });

  test.each(COMMANDS.map((c) => c.name))('%s --help shows options, examples and exit codes', async (name) => {
    const c = io();
    expect(await runCli([name, '--help'], c)).toBe(0);
    const command = COMMANDS.find((x) => x.name === name)!;
    for (const option of command.options) expect(c.out).toContain(`--${option.name}`);
    expect(c.out).toContain('--json');
    expect(c.out).toMatch(/Examples:/);
    expect(c.out).toMatch(/Exit codes:/);
  });

  test('an unknown command and an unknown flag are usage errors with a pointer to help', async () => {
    const a = io();
    expect(await runCli(['deploi'], a)).toBe(2);
    expect(a.err).toMatch(/Unknown command "deploi"/);
    const b = io();
    expect(await runCli(['status', '--databse-url', 'x'], b)).toBe(2);
    expect(b.err).toMatch(/--help/);
  });

  test('a malformed URL is a usage error naming the problem, password masked, also with --json', async () => {
    const c = io();
    expect(await runCli(['status', '--database-url', 'postgresql://app:Sup3rS3cretPw@db:notaport/x'], c)).toBe(2);
    expect(c.err).toMatch(/port "notaport"/);
    expect(c.err).not.toContain('Sup3rS3cretPw');
    const j = io();
    expect(await runCli(['status', '--json', '--database-url', 'postgresql://app:Sup3rS3cretPw@db:notaport/x'], j)).toBe(2);
    const payload = JSON.parse(j.out) as { error: { code: string; remedy: string } };
    expect(payload.error.code).toBe('E_URL_INVALID');
    expect(payload.error.remedy).toBeTruthy();
    expect(j.out).not.toContain('Sup3rS3cretPw');
  });

  test('DATABASE_URL is the fallback for --database-url', async () => {
    const c = io({ DATABASE_URL: 'postgresql://u:EnvPassw0rd!@db:99999/x' });
    expect(await runCli(['plan'], c)).toBe(2);
    expect(c.err).toMatch(/port "99999"/);
    expect(c.err).not.toContain('EnvPassw0rd');
  });

  test('a missing required option names the option and the environment fallback', async () => {
    const c = io();
    expect(await runCli(['status'], c)).toBe(2);
    expect(c.err).toMatch(/database-url is required/);
    expect(c.err).toMatch(/DATABASE_URL/);
  });

  test('invalid typed values are rejected with the allowed values', async () => {
    const c = io({ DATABASE_URL: 'postgresql://u@localhost/db' });
    expect(await runCli(['apply', '--lock-timeout', 'soon'], c)).toBe(2);
    expect(c.err).toMatch(/lock-timeout is "soon", expected a duration/);
    const d = io({ DATABASE_URL: 'postgresql://u@localhost/db' });
    expect(await runCli(['apply', '--engine', 'flyway'], d)).toBe(2);
    expect(d.err).toMatch(/one of builtin, prisma/);
  });
});

describe('action metadata and commands agree', () => {
  const pairs: Array<[string, string]> = [
    ['migration-test', 'migration-test'],
    ['drift-check', 'drift-check'],
    ['backup', 'backup'],
    ['restore', 'restore'],
    ['prod-deploy', 'deploy'],
    ['fleet-plan', 'fleet-plan'],
    ['fleet-summary', 'fleet-summary'],
  ];
  test.each(pairs)('actions/%s/action.yml inputs are exactly the %s options', (action, commandName) => {
    const meta = parse(fs.readFileSync(path.join('actions', action, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    const command = COMMANDS.find((c) => c.name === commandName)!;
    const options = command.options
      .filter((o) => !o.cliOnly)
      .map((o) => o.name)
      .sort();
    expect(Object.keys(meta.inputs).sort()).toEqual(options);
    expect(meta.runs.using).toBe('node24');
    expect(fs.existsSync(path.join('actions', action, meta.runs.main))).toBe(true);
  });
});

describe('no secret on the command line', () => {
  const SECRET = 'argv-Secr3t-Vq9';
  test.each([
    [['backup', '--passphrase', SECRET], /BACKUP_PASSPHRASE.*--passphrase-file/],
    [['restore', '--backup-path', 'x', '--private-key', SECRET], /BACKUP_PRIVATE_KEY.*--private-key-file/],
    [['deploy', '--backup-passphrase', SECRET], /BACKUP_PASSPHRASE.*--backup-passphrase-file/],
    [['drift-check', '--github-token', SECRET], /GITHUB_TOKEN/],
    [['migration-test', `--github-token=${SECRET}`], /GITHUB_TOKEN/],
  ])('%j is refused (exit 2), naming the alternative, never echoing the value', async (argv, alternative) => {
    for (const json of [false, true]) {
      const c = io();
      expect(await runCli(json ? [...argv, '--json'] : argv, c)).toBe(2);
      const text = c.out + c.err;
      expect(text).toMatch(/E_SECRET_IN_ARGS/);
      expect(text).toMatch(/process list/);
      expect(text).toMatch(alternative);
      expect(text).not.toContain('Secr3t');
    }
  });

  test('--passphrase-file is read (trailing newline dropped) and the help shows no secret flag as usable', async () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), 'tmp-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'pp'), `${SECRET}\n`, { mode: 0o600 });
      // A URL error comes after the options were read: the file was accepted, the value never shown.
      const c = io();
      expect(await runCli(['backup', '--passphrase-file', path.join(dir, 'pp'), '--database-url', 'mysql://x/y'], c)).toBe(2);
      expect(c.err).toMatch(/scheme is "mysql"/);
      const missing = io();
      expect(await runCli(['backup', '--database-url', 'postgres://h/d', '--passphrase-file', path.join(dir, 'nope')], missing)).toBe(2);
      expect(missing.err).toMatch(/--passphrase-file .*nope cannot be read: ENOENT/);
      const help = io();
      await runCli(['backup', '--help'], help);
      expect(help.out).toMatch(
        /--passphrase {2}\(a secret: refused on the command line; set BACKUP_PASSPHRASE or pass --passphrase-file FILE\)/,
      );
      expect(help.out).not.toMatch(/--passphrase "\$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
