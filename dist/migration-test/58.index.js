import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 58;
export const ids = [58];
export const modules = {

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyWithPrismaCli: () => (/* binding */ applyWithPrismaCli)
/* harmony export */ });
/* unused harmony exports migrateArgs, parseDeployOutput, statusWithPrismaCli */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _error_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6986);
/* harmony import */ var _prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9086);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7297);
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
    return { DATABASE_URL: (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .toSettings */ .R4)(options.connection).url, ...options.prisma?.env };
}
async function applyWithPrismaCli(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .toSettings */ .R4)(options.connection);
    const prisma = options.prisma ?? {};
    const cli = (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .requirePrismaCli */ .ib)(prisma.projectDir);
    const started = performance.now();
    options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
    const outcome = await (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .runPrisma */ .GZ)(cli, migrateArgs('deploy', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
    const parsed = parseDeployOutput(output);
    const durationMs = performance.now() - started;
    if (outcome.code !== 0) {
        // Prisma's own code when we register it (we mirror those), else ours with Prisma's in the text.
        const code = (0,_error_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .isErrorCode */ .We)(parsed.errorCode) ? parsed.errorCode : 'E_PRISMA_CLI_FAILED';
        const prismaCode = parsed.errorCode && code !== parsed.errorCode ? `${parsed.errorCode}: ` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj(code, `prisma migrate deploy failed (exit ${outcome.code}): ${prismaCode}${parsed.errorMessage ?? output.slice(-1500)}`, {
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
