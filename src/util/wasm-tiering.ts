/**
 * V8 flags that keep WebAssembly on its baseline compiler. Both WebAssembly programs that run
 * here — the SQL parser, and the Prisma CLI's schema engine and schema tools where the native
 * engine is absent — are large and run briefly: the optimising tier's compile costs more CPU than
 * it ever saves them.
 */
export const WASM_BASELINE_FLAGS = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'] as const;
