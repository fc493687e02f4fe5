import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 736;
export const ids = [736,612];
export const modules = {

/***/ 612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   acquireReplayServer: () => (/* binding */ acquireReplayServer),
/* harmony export */   replayMigrations: () => (/* binding */ replayMigrations)
/* harmony export */ });
/* unused harmony export nearestLocalMajors */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_binaries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7543);
/* harmony import */ var _migrations_apply_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4323);
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
        await (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_3__.applyMigrations)({ connection: database, migrations, log });
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


/***/ }),

/***/ 6736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rehearsePending: () => (/* binding */ rehearsePending),
/* harmony export */   rehearsePlanStep: () => (/* binding */ rehearsePlanStep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8261);
/* harmony import */ var _drift_replay_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(612);
/* harmony import */ var _postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7543);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8620);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3242);
/**
 * The deploy plan's rehearsal: a database's pending migrations rehearsed on a throwaway
 * PostgreSQL of its major — never on the database itself, which is only read for its table
 * statistics (through stats-database-url). The applied history is replayed there, the touched
 * tables are filled to the sizes read from the statistics, then the pending migrations are traced.
 */








/** Filling tables to production's sizes on production's own server would load it: refused. */
function refuseTargetServer(server, target) {
    if (server.host !== target.host || server.port !== target.port)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_REHEARSAL_SERVER', `rehearsal-database-url points at the server of the database being planned (${target.host}:${target.port}); the rehearsal fills tables to production's sizes and would load it.`, {
        remedy: 'Leave rehearsal-database-url empty (a throwaway PostgreSQL is started), or give a scratch server such as a CI service container.',
    });
}
async function rehearsePending(options) {
    const { settings, log } = options;
    if (settings.serverUrl)
        refuseTargetServer((0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDatabaseUrl */ .mx)(settings.serverUrl, 'rehearsal-database-url'), options.target);
    const { server, notice } = options.major || settings.serverUrl
        ? await (0,_drift_replay_js__WEBPACK_IMPORTED_MODULE_4__.acquireReplayServer)({ major: options.major ?? 0, replayDatabaseUrl: settings.serverUrl, log })
        : { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_5__/* .startThrowawayCluster */ .j2)({ log }), notice: undefined };
    try {
        const db = await (0,_drift_replay_js__WEBPACK_IMPORTED_MODULE_4__.replayMigrations)(server, options.schema, options.applied, log);
        const existing = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_6__.withClient)(db, { applicationName: 'prisma-migrate-actions rehearsal' }, (client) => (0,_index_js__WEBPACK_IMPORTED_MODULE_7__/* .existingTouchedTables */ .J3)(client, options.schema, options.pending));
        if (!existing.length)
            return { skipped: 'The pending migrations touch no table that exists before them: nothing to rehearse.', notice };
        const result = await (0,_index_js__WEBPACK_IMPORTED_MODULE_7__/* .rehearse */ .Km)({
            connection: db,
            migrations: options.pending,
            stats: settings.statsDatabase,
            rows: settings.rehearsalRows,
            budget: settings.rehearsalBudget,
            timeoutMs: settings.rehearsalTimeoutMs,
            serverMajor: server.major,
            log,
        });
        return { result, notice };
    }
    finally {
        await server.stop().catch(() => undefined);
    }
}
/**
 * The rehearsal as a step of a plan: fills the check (what was rehearsed, or why not) and returns
 * the result. A rehearsal that cannot run warns and the plan goes on: it stands without it.
 */
async function rehearsePlanStep(check, options) {
    try {
        const outcome = await rehearsePending(options);
        check.items = outcome.notice ? [outcome.notice] : [];
        if (!outcome.result) {
            check.status = 'skip';
            check.detail = outcome.skipped;
            return undefined;
        }
        const { result } = outcome;
        check.detail = [
            ...(0,_findings_js__WEBPACK_IMPORTED_MODULE_3__.describeRehearsal)(result),
            `Rehearsed on ${options.settings.serverUrl ? 'a scratch database of rehearsal-database-url' : 'a throwaway PostgreSQL'}; only statistics were read from the stats database.`,
        ].join(' ');
        check.items.push(...result.sizing.notes, ...result.seeded.filter((s) => s.skipped).map((s) => `${s.table} not filled: ${s.skipped}`));
        if (result.trace.stopped || result.seeded.some((s) => s.skipped))
            check.status = 'warn';
        return result;
    }
    catch (error) {
        check.status = 'warn';
        check.detail = `Not rehearsed: ${(0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error))}. The plan shows the locks the SQL predicts.`;
        return undefined;
    }
}


/***/ })

};
