/** The CLI's process entry: the compile cache first, then the CLI (loaded after it, to be cached). */
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (a no-op where the runtime lacks it).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import('./cli.js');

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});
process.exitCode = code;
