import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 880;
export const ids = [880];
export const modules = {

/***/ 880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyWithPrismaCli: () => (/* binding */ applyWithPrismaCli)
});

// UNUSED EXPORTS: migrateArgs, parseDeployOutput, statusWithPrismaCli

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/error-codes.ts
var error_codes = __webpack_require__(6986);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
;// CONCATENATED MODULE: ./src/prisma/cli.ts
/**
 * The project's own Prisma CLI: found in its node_modules, its version detected, and the flags
 * chosen for that version. Output is redacted; arguments go as an argv array (no shell).
 */






/**
 * Where a package manager puts `prisma` for a project in `dir`: node_modules/prisma (npm, yarn
 * with node-modules, bun, and pnpm's symlink to its store), then pnpm's hidden hoisting folder
 * (node_modules/.pnpm/node_modules), which holds every package of the workspace.
 */
const CLI_PLACES = [external_node_path_default().join('node_modules', 'prisma'), external_node_path_default().join('node_modules', '.pnpm', 'node_modules', 'prisma')];
function cliAt(packageDir, projectDir) {
    const meta = JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(packageDir, 'package.json'), 'utf8'));
    const bin = typeof meta.bin === 'string' ? meta.bin : (meta.bin?.prisma ?? 'build/index.js');
    return { entry: external_node_path_default().join(packageDir, bin), version: meta.version, major: Number(meta.version.split('.')[0]), projectDir };
}
/**
 * Finds `prisma` in node_modules at or above `projectDir` (a monorepo package's own node_modules
 * first, then the hoisted ones of the root); undefined when the project has none.
 */
function findPrismaCli(projectDir) {
    for (const place of CLI_PLACES) {
        let dir = external_node_path_default().resolve(projectDir);
        for (;;) {
            const packageDir = external_node_path_default().join(dir, place);
            if (external_node_fs_default().existsSync(external_node_path_default().join(packageDir, 'package.json')))
                return cliAt(packageDir, dir);
            const parent = external_node_path_default().dirname(dir);
            if (parent === dir)
                break;
            dir = parent;
        }
    }
    return undefined;
}
/** Yarn Plug'n'Play (.pnp.cjs above the project) installs no node_modules, so no CLI is found there. */
function plugAndPlayRoot(projectDir) {
    let dir = external_node_path_default().resolve(projectDir);
    for (;;) {
        if (external_node_fs_default().existsSync(external_node_path_default().join(dir, '.pnp.cjs')))
            return dir;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Like findPrismaCli, for callers that cannot go on without it. */
function cli_requirePrismaCli(projectDir = process.cwd()) {
    const cli = findPrismaCli(projectDir);
    if (cli)
        return cli;
    const pnp = plugAndPlayRoot(projectDir);
    throw new errors/* MigrateActionsError */.nj('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${external_node_path_default().resolve(projectDir)}.`, {
        remedy: pnp
            ? `${pnp} uses Yarn Plug'n'Play, which installs no node_modules: set \`nodeLinker: node-modules\` in .yarnrc.yml (or use engine: builtin).`
            : "Install the project's dependencies (npm ci, pnpm install, yarn install or bun install) so node_modules/prisma exists, or use engine: builtin.",
    });
}
/** Runs the Prisma CLI; never throws for a non-zero exit (the caller reads `code`). */
function cli_runPrisma(cli, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
            cwd: options.cwd ?? cli.projectDir,
            env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...options.env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            resolve({ code: code ?? 1, stdout: (0,redact/* redact */.E$)(stdout), stderr: (0,redact/* redact */.E$)(stderr) });
        });
    });
}
const CONFIG_NAMES = (/* unused pure expression or super */ null && (['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs']));
/**
 * The project's prisma.config.* (Prisma 6+): beside schema.prisma, in its parent (the usual
 * project root when the schema lives in prisma/), or in `projectRoot`. Such a config can select
 * the WebAssembly engine with a driver adapter, which runs where the native engine cannot be
 * downloaded; the CLI then needs a reachable database.
 */
function findPrismaConfig(schemaPath, projectRoot) {
    const schemaDir = path.dirname(path.resolve(schemaPath));
    const dirs = [schemaDir, path.dirname(schemaDir), ...(projectRoot ? [path.resolve(projectRoot)] : [])];
    for (const dir of dirs) {
        for (const name of CONFIG_NAMES) {
            const file = path.join(dir, name);
            if (fs.existsSync(file))
                return file;
        }
    }
    return undefined;
}
/**
 * Node flags for the CLI's `migrate diff`: on Node 20 and older, keeping its WebAssembly on the
 * baseline tier takes it from about 1.5 s to 1.25 s of wall time and a third less CPU here; on
 * Node 24 it changes nothing measurable, and later Nodes may not know the flags.
 */
function baselineWasmNodeArgs(nodeVersion = process.versions.node) {
    return Number(nodeVersion.split('.')[0]) <= 20 ? [...WASM_BASELINE_FLAGS] : [];
}
/** schema.prisma → the SQL that creates it from nothing (`migrate diff --from-empty`); a database only for a driver-adapter config. */
async function schemaToSql(cli, schemaPath, options = {}) {
    if (!fs.existsSync(schemaPath)) {
        throw new MigrateActionsError('E_SCHEMA_MISSING', `schema.prisma not found at ${schemaPath}.`, {
            remedy: "Pass schema-path (default prisma/schema.prisma) pointing at the project's schema.",
        });
    }
    const target = cli.major >= 7 ? ['--to-schema', path.resolve(schemaPath)] : ['--to-schema-datamodel', path.resolve(schemaPath)];
    const config = options.configPath && cli.major >= 6 ? ['--config', path.resolve(options.configPath)] : [];
    const run = await cli_runPrisma(cli, ['migrate', 'diff', ...config, '--from-empty', ...target, '--script'], {
        cwd: options.configPath ? path.dirname(path.resolve(options.configPath)) : undefined,
        nodeArgs: baselineWasmNodeArgs(),
        env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : undefined,
        timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (run.code !== 0) {
        throw new MigrateActionsError('E_PRISMA_CLI', `prisma ${cli.version} migrate diff failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' ')}`, {
            remedy: 'Run `npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script` locally; where the Prisma engines cannot be downloaded, a prisma.config.ts with engine "js" and a driver adapter (@prisma/adapter-pg) lets Prisma 6.16+ run offline.',
        });
    }
    return run.stdout;
}

// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
;// CONCATENATED MODULE: ./src/migrations/prisma-cli.ts
/**
 * `engine: prisma`: runs the project's own Prisma CLI (`migrate deploy` / `migrate status`) with
 * the URL in the environment, and turns its outcome into the same result shape as the built-in
 * engine. Everything it prints is redacted before it is returned.
 */




/** Flags for the detected major: --schema always; --config exists from Prisma 6. */
function migrateArgs(command, cli, options) {
    const args = ['migrate', command];
    if (options.schemaPath)
        args.push('--schema', options.schemaPath);
    if (options.configPath && cli.major >= 6)
        args.push('--config', options.configPath);
    return args;
}
/** Reads `migrate deploy` output: the applied tree, "No pending migrations", `Error: P3009`. */
function parseDeployOutput(text) {
    const applied = [];
    const listStart = text.indexOf('have been applied');
    if (listStart >= 0) {
        for (const match of text.slice(listStart).matchAll(/└─ ([^/\s]+)\/\s*\n\s*└─ migration\.sql/g))
            applied.push(match[1]);
    }
    const error = /Error: (P\d{4})?\s*\n?([\s\S]*)/.exec(text);
    return {
        applied,
        errorCode: error?.[1],
        errorMessage: error ? error[2].trim().split('\n').slice(0, 12).join('\n') : undefined,
        noPending: /No pending migrations to apply/.test(text),
        // Prisma names the failing migration as `Migration name: X` or `migration_name="X"`.
        failedMigration: /Migration name: (\S+)/.exec(text)?.[1] ?? /migration_name="([^"]+)"/.exec(text)?.[1],
    };
}
function cliEnv(options) {
    return { DATABASE_URL: (0,session/* toSettings */.R4)(options.connection).url, ...options.prisma?.env };
}
async function applyWithPrismaCli(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const prisma = options.prisma ?? {};
    const cli = cli_requirePrismaCli(prisma.projectDir);
    const started = performance.now();
    options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
    const outcome = await cli_runPrisma(cli, migrateArgs('deploy', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
    const parsed = parseDeployOutput(output);
    const durationMs = performance.now() - started;
    if (outcome.code !== 0) {
        // Prisma's own code when we register it (we mirror those), else ours with Prisma's in the text.
        const code = (0,error_codes/* isErrorCode */.We)(parsed.errorCode) ? parsed.errorCode : 'E_PRISMA_CLI_FAILED';
        const prismaCode = parsed.errorCode && code !== parsed.errorCode ? `${parsed.errorCode}: ` : '';
        throw new errors/* MigrateActionsError */.nj(code, `prisma migrate deploy failed (exit ${outcome.code}): ${prismaCode}${parsed.errorMessage ?? output.slice(-1500)}`, {
            remedy: parsed.errorCode === 'P3009'
                ? 'Resolve the failed migration (resolve --rolled-back / --applied), then deploy again.'
                : 'Read the Prisma output above; run status to see the state of the history.',
            where: parsed.failedMigration ? { migration: parsed.failedMigration } : undefined,
            details: { output, exitCode: outcome.code, prismaVersion: cli.version, applied: parsed.applied, migration: parsed.failedMigration },
        });
    }
    return {
        engine: 'prisma',
        dryRun: false,
        schema: settings.schema,
        notApplied: [],
        plan: [],
        createdMigrationsTable: false,
        durationMs,
        output,
        prismaVersion: cli.version,
        // Prisma does not report per-migration timings.
        applied: parsed.applied.map((name) => ({ name, mode: 'script', durationMs: Number.NaN, statements: Number.NaN, retries: 0 })),
    };
}
async function statusWithPrismaCli(options) {
    const prisma = options.prisma ?? {};
    const cli = requirePrismaCli(prisma.projectDir);
    const outcome = await runPrisma(cli, migrateArgs('status', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    return { ...outcome, upToDate: outcome.code === 0 && /up to date/i.test(outcome.stdout), prismaVersion: cli.version };
}


/***/ })

};
