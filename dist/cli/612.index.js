import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 612;
export const ids = [612];
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


/***/ })

};
