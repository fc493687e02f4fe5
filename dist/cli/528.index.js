import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 528;
export const ids = [528,620];
export const modules = {

/***/ 6528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openDatabase: () => (/* binding */ openDatabase)
/* harmony export */ });
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8620);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5259);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9397);




async function openDatabase(settings, statementTimeoutMs) {
    // Long-lived (openClient): one read-only transaction serves every check of the lint run.
    const client = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_0__.openClient)(settings, { readOnly: true, statementTimeoutMs, applicationName: 'prisma-migrate-actions lint' });
    await client.query('BEGIN READ ONLY');
    const exists = async (sql, params = []) => {
        await client.query('SAVEPOINT lint_check');
        try {
            const result = await client.query(sql, params);
            await client.query('RELEASE SAVEPOINT lint_check');
            return (result.rowCount ?? 0) > 0;
        }
        catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT lint_check');
            throw error;
        }
    };
    return {
        async tableStats(tables) {
            if (!tables.length)
                return [];
            const result = await client.query(`SELECT t.name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
           FROM unnest($1::text[], $2::text[]) AS t(name, regname)
           JOIN pg_class c ON c.oid = to_regclass(t.regname)`, [tables, tables.map(_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)]);
            return result.rows.map((r) => ({ table: r.name, rows: Number(r.rows) < 0 ? null : Number(r.rows), bytes: Number(r.bytes) }));
        },
        async run(check) {
            try {
                return await runCheck(check, exists, client);
            }
            catch (error) {
                return { status: 'failed', detail: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error.message) };
            }
        },
        async close() {
            await client.query('ROLLBACK').catch(() => undefined);
            await client.end();
        },
    };
}
const notNullAll = (columns, alias = '') => columns.map((c) => `${alias}${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v4)(c)} IS NOT NULL`).join(' AND ');
async function runCheck(check, exists, client) {
    const table = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)(check.table);
    const found = (detail) => ({ status: 'violation', detail });
    switch (check.kind) {
        case 'unique': {
            const cols = check.columns.map(_postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v4).join(', ');
            const where = check.nullsNotDistinct ? '' : ` WHERE ${notNullAll(check.columns)}`;
            const dup = await exists(`SELECT 1 FROM ${table}${where} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
            return dup ? found(`${check.table} already holds duplicate values of (${check.columns.join(', ')})`) : { status: 'clean' };
        }
        case 'not-null':
            return (await exists(`SELECT 1 FROM ${table} WHERE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v4)(check.column)} IS NULL LIMIT 1`))
                ? found(`${check.table}.${check.column} holds NULL in at least one row`)
                : { status: 'clean' };
        case 'has-rows':
            return (await exists(`SELECT 1 FROM ${table} LIMIT 1`))
                ? found(`${check.table} has rows, and ${check.column} would be NULL in each of them`)
                : { status: 'clean' };
        case 'check':
            return (await exists(`SELECT 1 FROM ${table} WHERE NOT (${check.expression}) LIMIT 1`))
                ? found(`at least one row of ${check.table} violates CHECK (${check.expression})`)
                : { status: 'clean' };
        case 'fk':
            return foreignKey(check, exists, client);
        default:
            return { status: 'failed', detail: `not checkable: ${check.why}` };
    }
}
async function foreignKey(check, exists, client) {
    const child = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)(check.table);
    const referenced = (await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)(check.refTable)])).rows[0]?.present;
    const orphans = `rows of ${check.table} reference ${check.refTable} rows that do not exist`;
    if (check.refIsNew || !referenced) {
        // The referenced table is created by the change set: it starts empty, so any non-null key is an orphan.
        return (await exists(`SELECT 1 FROM ${child} WHERE ${notNullAll(check.columns)} LIMIT 1`))
            ? { status: 'violation', detail: orphans }
            : { status: 'clean' };
    }
    const refColumns = check.refColumns.length ? check.refColumns : await primaryKeyColumns(client, check.refTable);
    if (refColumns.length !== check.columns.length)
        return { status: 'failed', detail: `could not match the key columns of ${check.refTable}` };
    const join = check.columns.map((c, i) => `p.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v4)(refColumns[i])} = c.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteIdent */ .v4)(c)}`).join(' AND ');
    const sql = `SELECT 1 FROM ${child} c WHERE ${notNullAll(check.columns, 'c.')} AND NOT EXISTS (SELECT 1 FROM ${(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)(check.refTable)} p WHERE ${join}) LIMIT 1`;
    return (await exists(sql)) ? { status: 'violation', detail: orphans } : { status: 'clean' };
}
async function primaryKeyColumns(client, table) {
    const result = await client.query(`SELECT a.attname FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`, [(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteKey */ ._z)(table)]);
    return result.rows.map((r) => r.attname);
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


/***/ })

};
