import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 870;
export const ids = [870];
export const modules = {

/***/ 7870:
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
// EXTERNAL MODULE: ./src/drift/replay.ts
var replay = __webpack_require__(612);
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
    const local = (await (0,migrations/* readMigrationsDir */.Nb)(options.migrationsDir)).migrations;
    return (0,client/* withClient */.SV)(settings, targetSession(options.statementTimeoutMs), async (target) => {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,migrations/* readAppliedRows */.f0)(target, settings.schema);
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
    const comparison = (0,migrations/* compareHistory */.wr)(local, rows);
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
    const { server, notice } = await (0,replay/* acquireReplayServer */.f8)({ ...options, major });
    try {
        options.log?.(`Replaying ${(0,format/* plural */.LS)(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
        const database = await (0,replay/* replayMigrations */.fM)(server, schema, migrations, options.log);
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




/***/ })

};
