/**
 * A child process for the kill scenarios: runs the real CLI with the arguments given, printing
 * what the CLI prints, so a test can SIGTERM/SIGKILL it mid-command.
 */
import { runCli } from '../../src/cli.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: false,
  cwd: process.env.PMA_CHILD_CWD ?? process.cwd(),
});
process.exitCode = code;
