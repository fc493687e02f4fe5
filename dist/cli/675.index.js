import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 675;
export const ids = [675];
export const modules = {

/***/ 6675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_STATEMENT_TIMEOUT_MS: () => (/* reexport */ DEFAULT_STATEMENT_TIMEOUT_MS),
  acquireReplayServer: () => (/* reexport */ replay/* acquireReplayServer */.f8),
  driftCheck: () => (/* reexport */ driftCheck),
  nearestLocalMajors: () => (/* reexport */ replay/* nearestLocalMajors */.er),
  replayMigrations: () => (/* reexport */ replay/* replayMigrations */.fM),
  targetSession: () => (/* reexport */ targetSession)
});

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/migrations/index.ts
var migrations = __webpack_require__(769);
// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/catalog/identity.ts
var identity = __webpack_require__(6097);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var diff = __webpack_require__(9880);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var binaries = __webpack_require__(1758);
// EXTERNAL MODULE: ./src/postgres/client.ts
var client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/catalog/queries.ts
var queries = __webpack_require__(2743);
;// CONCATENATED MODULE: ./src/drift/expected-cache.ts
/**
 * The expected-schema cache: replaying a long history is nearly all of a drift check's time, and
 * its result depends only on the migrations replayed, the PostgreSQL major, the schema and how
 * the catalog is read. One file per key in a directory the caller gives; a second check of an
 * unchanged history reads it instead of replaying.
 *
 * An entry is a header line (format, version, key, length and sha256 of the body) and the body,
 * the serialized snapshot. It is written to a temporary file and renamed into place, so a reader
 * never sees half of one. On read everything in the header is checked against the body and the
 * key asked for; an entry that does not match exactly is reported and rebuilt, never used.
 */






const CACHE_FORMAT = 'prisma-migrate-actions/drift-expected-schema';
/** Bump when the body's shape changes in a way the catalog queries do not show. */
const CACHE_VERSION = 1;
/** Entries not read or written for this long are pruned on write (older histories, other majors). */
const CACHE_UNUSED_MS = 7 * 24 * 3600 * 1000;
const ENTRY = /^drift-expected-[0-9a-f]{64}\.json$/;
/** A temporary file a killed writer left behind. */
const LEFTOVER = /^drift-expected-[0-9a-f]{64}\.json\.\d+\.[0-9a-f]{8}\.tmp$/;
const sha256 = (data) => external_node_crypto_default().createHash('sha256').update(data).digest('hex');
/**
 * The key: sha256 over every input of the replay, the entry format and the catalog reader's own
 * queries (a release that reads the catalog differently never reads an older entry).
 */
function expectedCacheKey(input) {
    return sha256(JSON.stringify([
        CACHE_FORMAT,
        CACHE_VERSION,
        input.major,
        input.schema,
        input.includeGrants,
        input.replayServer,
        input.migrations.map((m) => [m.name, m.checksum]),
        (0,queries/* catalogQueries */.C)({ includeGrants: input.includeGrants }).map((q) => q.sql),
    ]));
}
const cacheEntryPath = (dir, key) => external_node_path_default().join(dir, `drift-expected-${key}.json`);
async function readCachedExpected(dir, key) {
    const started = performance.now();
    const file = cacheEntryPath(dir, key);
    const ms = () => performance.now() - started;
    let data;
    try {
        data = await external_node_fs_default().promises.readFile(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { status: 'missing', file, ms: ms() };
        return { status: 'invalid', file, reason: `unreadable (${error.code ?? 'error'})`, ms: ms() };
    }
    const invalid = (reason) => ({ status: 'invalid', file, reason, ms: ms() });
    const newline = data.indexOf(0x0a);
    if (newline < 0)
        return invalid('not a drift cache entry (no header)');
    let header;
    try {
        header = JSON.parse(data.subarray(0, newline).toString('utf8'));
    }
    catch {
        return invalid('not a drift cache entry (its header is not JSON)');
    }
    if (header.format !== CACHE_FORMAT)
        return invalid('not a drift cache entry (unknown format)');
    if (header.version !== CACHE_VERSION)
        return invalid(`written in format version ${String(header.version)}; this version reads ${CACHE_VERSION}`);
    if (header.key !== key)
        return invalid('written for another history (its key does not match its name)');
    const body = data.subarray(newline + 1);
    if (body.length !== header.bytes)
        return invalid(`truncated or extended (${body.length} bytes, ${String(header.bytes)} expected)`);
    if (sha256(body) !== header.sha256)
        return invalid('corrupt (its content does not match its sha256)');
    let value;
    try {
        value = JSON.parse(body.toString('utf8'));
    }
    catch {
        return invalid('corrupt (its content is not JSON)');
    }
    if (!isCachedExpected(value))
        return invalid('corrupt (its content is not a catalog snapshot)');
    // Its modification time is its last use, for pruning.
    const now = new Date();
    await external_node_fs_default().promises.utimes(file, now, now).catch(() => undefined);
    return { status: 'hit', file, value, ms: ms() };
}
function isCachedExpected(value) {
    const v = value;
    const objects = v?.expected?.objects;
    return (typeof v === 'object' &&
        v !== null &&
        typeof v.replayMajor === 'number' &&
        typeof v.replayMs === 'number' &&
        typeof v.expected?.serverMajor === 'number' &&
        Array.isArray(v.expected.schemas) &&
        typeof objects === 'object' &&
        objects !== null &&
        diff/* OBJECT_TYPES */.iQ.every((type) => typeof objects[type] === 'object' && objects[type] !== null));
}
/** Writes the entry atomically (temporary file, then rename) and prunes entries unused for CACHE_UNUSED_MS. */
async function writeCachedExpected(dir, key, value) {
    const started = performance.now();
    await external_node_fs_default().promises.mkdir(dir, { recursive: true });
    // A registered secret never reaches the cache, whatever a migration put in a default or comment.
    const body = Buffer.from((0,redact/* redact */.E$)(JSON.stringify(value)), 'utf8');
    const header = { format: CACHE_FORMAT, version: CACHE_VERSION, key, bytes: body.length, sha256: sha256(body) };
    const file = cacheEntryPath(dir, key);
    const temporary = `${file}.${process.pid}.${external_node_crypto_default().randomBytes(4).toString('hex')}.tmp`;
    try {
        const handle = await external_node_fs_default().promises.open(temporary, 'w', 0o600);
        try {
            await handle.writeFile(Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), body]));
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await external_node_fs_default().promises.rename(temporary, file);
    }
    catch (error) {
        await external_node_fs_default().promises.rm(temporary, { force: true });
        throw error;
    }
    await pruneEntries(dir, file);
    return { file, ms: performance.now() - started };
}
async function pruneEntries(dir, keep) {
    const cutoff = Date.now() - CACHE_UNUSED_MS;
    for (const name of await external_node_fs_default().promises.readdir(dir)) {
        const file = external_node_path_default().join(dir, name);
        if (file === keep || !(ENTRY.test(name) || LEFTOVER.test(name)))
            continue;
        const stat = await external_node_fs_default().promises.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs < cutoff)
            await external_node_fs_default().promises.rm(file, { force: true });
    }
}

// EXTERNAL MODULE: ./src/drift/replay.ts
var replay = __webpack_require__(612);
;// CONCATENATED MODULE: ./src/drift/expected.ts
/**
 * The expected schema of a drift check: the applied migrations replayed into an empty database
 * and snapshotted — or, with a cache directory, the snapshot of an earlier replay of exactly the
 * same migrations, read back after its checksum is verified. An entry that fails any check is
 * named in a notice, rebuilt by replaying, and overwritten.
 */









async function replayExpected(options, schema, major, migrations) {
    const started = performance.now();
    const { server, notice } = await (0,replay/* acquireReplayServer */.f8)({ ...options, major });
    try {
        options.log?.(`Replaying ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
        const database = await (0,replay/* replayMigrations */.fM)(server, schema, migrations, options.log);
        const replayMs = performance.now() - started;
        const expected = await (0,client.withClient)(database, { applicationName: 'prisma-migrate-actions drift-check replay' }, (client) => (0,catalog.snapshotSchema)(client, { includeGrants: options.includeGrants }));
        return { expected, replayMajor: expected.serverMajor, replayNotice: notice, replayMs, source: 'replay', cacheNotices: [] };
    }
    finally {
        await server.stop();
    }
}
/** Where the replay runs, for the key: a throwaway cluster, or the replay server without its password. */
function replayServerIdentity(options) {
    if (!options.replayDatabaseUrl)
        return 'throwaway';
    const s = (0,url/* parseDatabaseUrl */.mx)(options.replayDatabaseUrl);
    return `${s.user}@${s.host}:${s.port}/${s.database}`;
}
/**
 * An entry made on another major than asked for (with a notice) is stale once the major asked
 * for is available, or when falling back is no longer allowed.
 */
function staleFallback(options, major, replayNotice) {
    if (!replayNotice || options.replayDatabaseUrl)
        return false;
    if (options.majorFallback === false)
        return true;
    try {
        (0,binaries/* findPostgresBinaries */.S6)({ major, allowInstall: false });
        return true;
    }
    catch {
        return false;
    }
}
async function cachedOrReplayed(options, cacheDir, schema, major, migrations) {
    const dir = external_node_path_default().resolve(cacheDir);
    const key = expectedCacheKey({
        major,
        schema,
        includeGrants: Boolean(options.includeGrants),
        replayServer: replayServerIdentity(options),
        migrations,
    });
    const read = await readCachedExpected(dir, key);
    const cacheNotices = [];
    if (read.status === 'hit' && !staleFallback(options, major, read.value.replayNotice)) {
        const { value } = read;
        options.log?.(`Expected schema of ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${value.replayMajor} read from the cache (${external_node_path_default().basename(read.file)}).`);
        return {
            expected: value.expected,
            replayMajor: value.replayMajor,
            replayNotice: value.replayNotice,
            replayMs: 0,
            source: 'cache',
            cache: {
                dir,
                file: read.file,
                status: 'hit',
                readMs: read.ms,
                builtAt: value.createdAt,
                builtReplayMs: value.replayMs,
            },
            cacheNotices,
        };
    }
    if (read.status === 'invalid') {
        const notice = `The cached expected schema ${read.file} is ${read.reason}: it is not used; the history is replayed and the entry rewritten.`;
        options.log?.(notice);
        cacheNotices.push(notice);
    }
    else if (read.status === 'hit') {
        const notice = `The cached expected schema ${read.file} was replayed on another PostgreSQL major than ${major}, which is available now: the history is replayed again.`;
        options.log?.(notice);
        cacheNotices.push(notice);
    }
    const replayed = await replayExpected(options, schema, major, migrations);
    const report = { dir, file: read.file, status: read.status === 'missing' ? 'miss' : 'rebuilt', readMs: read.ms };
    try {
        const written = await writeCachedExpected(dir, key, {
            expected: replayed.expected,
            replayMajor: replayed.replayMajor,
            ...(replayed.replayNotice ? { replayNotice: replayed.replayNotice } : {}),
            replayMs: replayed.replayMs,
            createdAt: new Date().toISOString(),
        });
        report.writeMs = written.ms;
    }
    catch (error) {
        const notice = `The expected schema could not be written to the cache directory ${dir} (${(0,redact/* redact */.E$)(error.message)}): this check is complete, the next one replays again. Give a writable cache-dir.`;
        options.log?.(notice);
        cacheNotices.push(notice);
    }
    return { ...replayed, cache: report, cacheNotices };
}

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
    // The history is read while the target connects (a long history takes as long as the connection);
    // a bad migrations directory is still the error reported, as when it was read first.
    const reading = (0,migrations.readMigrationsDir)(options.migrationsDir);
    reading.catch(() => undefined);
    try {
        return await checkTarget(options, settings, reading);
    }
    catch (error) {
        await reading;
        throw error;
    }
}
async function checkTarget(options, settings, reading) {
    return (0,client.withClient)(settings, targetSession(options.statementTimeoutMs), async (target) => {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,migrations.readAppliedRows)(target, settings.schema);
        const local = (await reading).migrations;
        const history = historyReport(local, rows);
        const notices = historyNotices(history);
        options.log?.(`Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${(0,format/* plural */.LS)(history.replayed.length, 'applied migration')}, ${history.pending.length} pending.`);
        const { expected, replayMajor, replayNotice, replayMs, source, cache, cacheNotices } = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
        const started = performance.now();
        const schemas = comparedSchemas(expected, settings.schema);
        const actual = await (0,catalog.snapshotSchema)(target, { schemas, includeGrants: options.includeGrants });
        const snapshotMs = performance.now() - started;
        const diffStarted = performance.now();
        const diff = (0,catalog.diffSnapshots)(restrictToSchemas(expected, schemas), actual, { ignore: options.ignore });
        const reconcile = (0,catalog.reconcileSql)(diff, expected, actual);
        const diffMs = performance.now() - diffStarted;
        notices.push(...cacheNotices);
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
            expectedFrom: source,
            ...(cache ? { cache } : {}),
            timings: {
                replayMs,
                snapshotMs,
                diffMs,
                ...(cache?.readMs !== undefined ? { cacheReadMs: cache.readMs } : {}),
                ...(cache?.writeMs !== undefined ? { cacheWriteMs: cache.writeMs } : {}),
            },
        });
    });
}
function historyReport(local, rows) {
    const comparison = (0,migrations.compareHistory)(local, rows);
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
        replay = options.cacheDir
            ? cachedOrReplayed(options, options.cacheDir, schema, major, migrations)
            : replayExpected(options, schema, major, migrations);
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
    const outside = (type, o) => !keep.has((0,identity/* objectLocation */.d0)(type, o).schema ?? '');
    // Usually nothing is outside (the replay reads the target's schema only): no copy of 10⁵ entries then.
    const types = diff/* OBJECT_TYPES */.iQ.filter((type) => type !== 'extension');
    if (!types.some((type) => Object.values(snapshot.objects[type]).some((o) => outside(type, o))))
        return { ...snapshot, schemas: [...schemas] };
    const objects = { ...snapshot.objects };
    for (const type of types) {
        const entries = Object.entries(snapshot.objects[type]);
        objects[type] = Object.fromEntries(entries.filter(([, o]) => !outside(type, o)));
    }
    return { ...snapshot, schemas: [...schemas], objects };
}

;// CONCATENATED MODULE: ./src/drift/index.ts
/** The drift check: a live database against its migration history. */




/***/ }),

/***/ 612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   er: () => (/* binding */ nearestLocalMajors),
/* harmony export */   f8: () => (/* binding */ acquireReplayServer),
/* harmony export */   fM: () => (/* binding */ replayMigrations)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_binaries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7543);
/* harmony import */ var _migrations_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(769);
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
            (0,_postgres_binaries_js__WEBPACK_IMPORTED_MODULE_1__/* .findPostgresBinaries */ .S6)({ major: m, allowInstall: false });
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
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .acquirePostgres */ .sb)({ databaseUrl: options.replayDatabaseUrl }) };
    }
    try {
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .startThrowawayCluster */ .j2)({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isMigrateActionsError */ .F2)(error, 'E_PG_BINARIES') || options.majorFallback === false)
            throw error;
        const nearest = nearestLocalMajors(options.major)[0];
        if (nearest === undefined)
            throw error;
        const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
        options.log?.(notice);
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .startThrowawayCluster */ .j2)({ major: nearest, allowInstall: false, log: options.log }), notice };
    }
}
/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
async function replayMigrations(server, schema, migrations, log) {
    const database = await server.createDatabase(undefined, { schema });
    try {
        await (0,_migrations_index_js__WEBPACK_IMPORTED_MODULE_3__.applyMigrations)({ connection: database, migrations, log });
    }
    catch (error) {
        const where = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isMigrateActionsError */ .F2)(error) ? error.where : undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_DRIFT_REPLAY', `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${error.message}`, {
            where,
            remedy: 'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
            cause: error,
        });
    }
    return database;
}


/***/ })

};
