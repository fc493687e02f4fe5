/**
 * The CLI starts fast because `--help` and the option parsing load no domain module: the parser's
 * WebAssembly, pg, the AWS SDKs and the engine are imported only by the command that runs. This
 * walks the static import graph from src/cli.ts (esbuild's metafile: dynamic imports are
 * separate chunks) and fails when an eager import pulls one of them back in.
 */
import path from 'node:path';
import { build, stop } from 'esbuild';

const ROOT = process.cwd();

async function staticInputs(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: path.join(ROOT, 'node_modules', '.cache', 'pma-start-graph'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entryChunk = Object.keys(outputs).find((name) => outputs[name].entryPoint === entry)!;
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of outputs[name].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entryChunk);
  return [...seen].flatMap((chunk) => Object.keys(outputs[chunk].inputs));
}

describe('CLI start', () => {
  afterAll(() => stop());

  test('the modules loaded before a command runs include no parser, database driver, AWS SDK or engine', async () => {
    const inputs = await staticInputs('src/cli.ts');
    expect(inputs).toContain('src/commands/engine.ts');
    const heavy = inputs.filter((f) =>
      /node_modules\/(libpg-query|pg|pg-protocol|@aws-sdk|@smithy|@actions)\/|src\/(migrations\/(?!engine\.ts)|(deploy|backup|drift|pr-check|demo|seed)\/)|src\/lint\/rules\/(?!doc-url)/.test(
        f,
      ),
    );
    expect(heavy).toEqual([]);
  });

  test('status reads no SQL: the status engine loads no parser', async () => {
    const inputs = await staticInputs('src/migrations/status.ts');
    expect(inputs).toContain('src/migrations/reader.ts');
    expect(inputs.filter((f) => /node_modules\/libpg-query\/|src\/sql\/parser\.ts/.test(f))).toEqual([]);
  });

  test('lint without a database loads no database driver', async () => {
    const inputs = await staticInputs('src/lint/index.ts');
    expect(inputs).toContain('src/lint/lint.ts');
    expect(inputs.filter((f) => /node_modules\/(pg|pg-protocol)\/|src\/lint\/database\.ts/.test(f))).toEqual([]);
  });
});
