import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 775;
export const ids = [775,880];
export const modules = {

/***/ 4775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_STATEMENT_TIMEOUT_MS: () => (/* reexport */ DEFAULT_STATEMENT_TIMEOUT_MS),
  acquireReplayServer: () => (/* reexport */ acquireReplayServer),
  driftCheck: () => (/* reexport */ driftCheck),
  nearestLocalMajors: () => (/* reexport */ nearestLocalMajors),
  replayMigrations: () => (/* reexport */ replayMigrations),
  targetSession: () => (/* reexport */ targetSession)
});

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/locks.ts
var locks = __webpack_require__(4425);
// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/migrations/failure.ts
var failure = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/migrations/blockers.ts
var blockers = __webpack_require__(94);
// EXTERNAL MODULE: ./src/migrations/apply.ts + 2 modules
var apply = __webpack_require__(2753);
// EXTERNAL MODULE: ./src/migrations/status.ts
var migrations_status = __webpack_require__(8407);
// EXTERNAL MODULE: ./src/migrations/resolve.ts
var resolve = __webpack_require__(3697);
// EXTERNAL MODULE: ./src/migrations/prisma-cli.ts + 1 modules
var prisma_cli = __webpack_require__(880);
// EXTERNAL MODULE: ./src/migrations/recover.ts
var recover = __webpack_require__(2321);
// EXTERNAL MODULE: ./src/migrations/recovery-store.ts
var recovery_store = __webpack_require__(1226);
;// CONCATENATED MODULE: ./src/migrations/index.ts
/** The Prisma-compatible migration engine: read, apply, status, resolve, plan, Prisma CLI mode. */















// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/catalog/identity.ts
var identity = __webpack_require__(6097);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var diff = __webpack_require__(9880);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var binaries = __webpack_require__(1758);
// EXTERNAL MODULE: ./src/postgres/ephemeral.ts
var ephemeral = __webpack_require__(908);
;// CONCATENATED MODULE: ./src/drift/replay.ts
/**
 * The expected schema: the migrations the target records as applied, replayed in the target's
 * order into an empty database on a throwaway PostgreSQL of the target's major (or the nearest
 * major available here, with a notice), or on a given server.
 */




const MAJOR_RANGE = { low: 10, high: 25 };
/** Majors whose server binaries are on this machine, nearest to `major` first (newer wins a tie). */
function nearestLocalMajors(major) {
    const found = [];
    for (let m = MAJOR_RANGE.low; m <= MAJOR_RANGE.high; m++) {
        try {
            (0,binaries/* findPostgresBinaries */.S6)({ major: m, allowInstall: false });
            found.push(m);
        }
        catch {
            /* not here */
        }
    }
    return found.sort((a, b) => Math.abs(a - major) - Math.abs(b - major) || b - a);
}
async function acquireReplayServer(options) {
    if (options.replayDatabaseUrl) {
        return { server: await (0,ephemeral/* acquirePostgres */.sb)({ databaseUrl: options.replayDatabaseUrl }) };
    }
    try {
        return { server: await (0,ephemeral/* startThrowawayCluster */.j2)({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
    }
    catch (error) {
        if (!(0,errors/* isMigrateActionsError */.F2)(error, 'E_PG_BINARIES') || options.majorFallback === false)
            throw error;
        const nearest = nearestLocalMajors(options.major)[0];
        if (nearest === undefined)
            throw error;
        const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
        options.log?.(notice);
        return { server: await (0,ephemeral/* startThrowawayCluster */.j2)({ major: nearest, allowInstall: false, log: options.log }), notice };
    }
}
/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
async function replayMigrations(server, schema, migrations, log) {
    const database = await server.createDatabase(undefined, { schema });
    try {
        await (0,apply/* applyMigrations */.K)({ connection: database, migrations, log });
    }
    catch (error) {
        const where = (0,errors/* isMigrateActionsError */.F2)(error) ? error.where : undefined;
        throw new errors/* MigrateActionsError */.nj('E_DRIFT_REPLAY', `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${error.message}`, {
            where,
            remedy: 'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
            cause: error,
        });
    }
    return database;
}

// EXTERNAL MODULE: ./src/postgres/client.ts
var client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/drift/check.ts
/**
 * driftCheck: a live database against its migration history, object by object.
 *
 * 1. History: the target's `_prisma_migrations` against the repository (pending, failed,
 *    edited after apply, applied but missing locally). Pending migrations are not drift.
 * 2. Expected schema: the migrations the target records as applied, replayed in its order.
 * 3. Both snapshotted with the catalog reader, diffed, and the reconcile SQL derived.
 *
 * The target is only read: its session runs with default_transaction_read_only = on and a
 * statement timeout.
 */









const createReplayCache = () => new Map();
function replayKey(options, schema, major, migrations) {
    return JSON.stringify([
        major,
        schema,
        options.replayDatabaseUrl ?? '',
        Boolean(options.includeGrants),
        migrations.map((m) => [m.name, m.checksum]),
    ]);
}
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
/** The target's session: read-only by default for every transaction, with a statement timeout. */
function targetSession(statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS) {
    return {
        readOnly: true,
        statementTimeoutMs,
        applicationName: 'prisma-migrate-actions drift-check',
        connectRemedy: 'Check the database URL, that the server is reachable from this runner, and the credentials (a read-only role is enough).',
    };
}
async function driftCheck(options) {
    const settings = typeof options.connection === 'string' ? (0,url/* parseDatabaseUrl */.mx)(options.connection) : options.connection;
    const local = (await (0,reader/* readMigrationsDir */.Nb)(options.migrationsDir)).migrations;
    return (0,client/* withClient */.SV)(settings, targetSession(options.statementTimeoutMs), async (target) => {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,migrations_history/* readAppliedRows */.f0)(target, settings.schema);
        const history = historyReport(local, rows);
        const notices = historyNotices(history);
        options.log?.(`Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${(0,format/* plural */.LS)(history.replayed.length, 'applied migration')}, ${history.pending.length} pending.`);
        const { expected, replayMajor, replayNotice, replayMs } = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
        const started = performance.now();
        const schemas = comparedSchemas(expected, settings.schema);
        const actual = await (0,catalog/* snapshotSchema */.ap)(target, { schemas, includeGrants: options.includeGrants });
        const snapshotMs = performance.now() - started;
        const diffStarted = performance.now();
        const diff = (0,catalog/* diffSnapshots */.V1)(restrictToSchemas(expected, schemas), actual, { ignore: options.ignore });
        const reconcile = (0,catalog/* reconcileSql */.lC)(diff, expected, actual);
        const diffMs = performance.now() - diffStarted;
        const historyProblems = history.failed.length + history.edited.length + history.missingLocally.length;
        const driftCount = diff.differences.length + historyProblems;
        return (0,redact/* redactDeep */.KL)({
            drift: driftCount > 0,
            driftCount,
            pendingCount: history.pending.length,
            target: { maskedUrl: settings.maskedUrl, schema: settings.schema, serverVersion: version.version, serverMajor: targetMajor },
            replay: { serverMajor: replayMajor, ...(replayNotice ? { notice: replayNotice } : {}) },
            history,
            schemas,
            differences: diff.differences,
            ignored: diff.ignored,
            reconcile,
            notices: replayNotice ? [replayNotice, ...notices] : notices,
            timings: { replayMs, snapshotMs, diffMs },
        });
    });
}
function historyReport(local, rows) {
    const comparison = (0,migrations_history/* compareHistory */.wr)(local, rows);
    return {
        tableMissing: comparison.tableMissing,
        pending: comparison.pending.map((m) => m.name),
        failed: comparison.failed.map((r) => ({ name: r.migrationName, startedAt: r.startedAt.toISOString(), logs: r.logs })),
        edited: comparison.edited.map(({ migration, row }) => ({
            name: migration.name,
            recordedChecksum: row.checksum,
            localChecksum: migration.checksum,
        })),
        missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        // compareHistory keeps the rows in the target's order (started_at).
        replayed: comparison.applied.map((r) => r.migrationName),
    };
}
function historyNotices(history) {
    const notices = [];
    if (history.tableMissing)
        notices.push('The target has no _prisma_migrations table: no migration is recorded as applied, so every object in it counts as unexpected.');
    for (const f of history.failed)
        notices.push(`Migration ${f.name} failed on the target (started ${f.startedAt}) and is not replayed: what it left behind shows as drift.`);
    for (const e of history.edited)
        notices.push(`Migration ${e.name} was edited after it was applied (checksum ${e.recordedChecksum.slice(0, 12)}… recorded, ${e.localChecksum.slice(0, 12)}… now): the replay uses the edited file.`);
    for (const name of history.missingLocally)
        notices.push(`Migration ${name} is applied on the target but missing from the repository: it cannot be replayed, so its objects show as unexpected.`);
    return notices;
}
/** Local migrations for the applied rows, in the target's order (rows with no local folder are skipped). */
function replayable(local, history) {
    const byName = new Map(local.map((m) => [m.name, m]));
    return history.replayed.flatMap((name) => byName.get(name) ?? []);
}
async function expectedSnapshot(options, schema, targetMajor, migrations, notices) {
    const major = options.replayMajor ?? targetMajor;
    const cache = options.replayCache;
    const key = cache && replayKey(options, schema, major, migrations);
    let replay = key ? cache.get(key) : undefined;
    if (!replay) {
        replay = replayExpected(options, schema, major, migrations);
        if (key)
            cache.set(key, replay);
    }
    else
        options.log?.(`Reusing the replay of ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${major} made for another target.`);
    const result = await replay;
    const mismatch = !result.replayNotice && result.expected.serverMajor !== targetMajor
        ? `The history was replayed on PostgreSQL ${result.expected.serverMajor}; the target runs ${targetMajor}.`
        : undefined;
    if (mismatch)
        notices.push(mismatch);
    return result;
}
async function replayExpected(options, schema, major, migrations) {
    const started = performance.now();
    const { server, notice } = await acquireReplayServer({ ...options, major });
    try {
        options.log?.(`Replaying ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
        const database = await replayMigrations(server, schema, migrations, options.log);
        const replayMs = performance.now() - started;
        const expected = await (0,client/* withClient */.SV)(database, { applicationName: 'prisma-migrate-actions drift-check replay' }, (client) => (0,catalog/* snapshotSchema */.ap)(client, { includeGrants: options.includeGrants }));
        return { expected, replayMajor: expected.serverMajor, replayNotice: notice, replayMs };
    }
    finally {
        await server.stop();
    }
}
/** The target's ?schema= and every schema the history puts something in (an empty `public` of a fresh database is not one). */
function comparedSchemas(expected, targetSchema) {
    const used = new Set([targetSchema]);
    for (const type of diff/* OBJECT_TYPES */.iQ) {
        if (type === 'schema' || type === 'extension')
            continue;
        for (const object of Object.values(expected.objects[type])) {
            const where = (0,identity/* objectLocation */.d0)(type, object);
            if (where.schema)
                used.add(where.schema);
        }
    }
    for (const name of Object.keys(expected.objects.schema))
        if (name !== 'public')
            used.add(name);
    return [...used].sort();
}
function restrictToSchemas(snapshot, schemas) {
    const keep = new Set(schemas);
    const objects = { ...snapshot.objects };
    for (const type of diff/* OBJECT_TYPES */.iQ) {
        if (type === 'extension')
            continue;
        const entries = Object.entries(snapshot.objects[type]);
        objects[type] = Object.fromEntries(entries.filter(([, o]) => keep.has((0,identity/* objectLocation */.d0)(type, o).schema ?? '')));
    }
    return { ...snapshot, schemas: [...schemas], objects };
}

;// CONCATENATED MODULE: ./src/drift/index.ts
/** The drift check: a live database against its migration history. */




/***/ }),

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
