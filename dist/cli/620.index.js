import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 620;
export const ids = [620];
export const modules = {

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
