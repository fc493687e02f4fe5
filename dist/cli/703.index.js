import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 703;
export const ids = [703,620];
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


/***/ }),

/***/ 4703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assertMigrationTarget: () => (/* binding */ assertMigrationTarget),
  readOnlyState: () => (/* binding */ readOnlyState),
  targetNotices: () => (/* binding */ targetNotices)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/client.ts
var client = __webpack_require__(8620);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/postgres/pooler.ts
/**
 * Is this URL a connection pooler in transaction or statement mode (PgBouncer, Supavisor, the
 * URLs Supabase, Neon and many RDS setups hand out)? Migrations need a session: the migration
 * advisory lock and session settings (lock_timeout, search_path) belong to one server
 * connection, and a pooler hands each transaction to whichever server connection is free — the
 * unlock then runs elsewhere and the lock stays held by the pool. Found by behaviour, not by
 * name: two client connections, the second holding a transaction open while the first asks again
 * for its server's pid; a pooler must give the first another server connection. A session whose
 * backend is the one that sent its cancel key at startup cannot be pooled, and skips that probe.
 * The URL and startup parameters then name which pooler it is.
 */


const PROBE_ROUNDS = 5;
/**
 * A saturated pool makes an idle client wait for a free server — behaviour a direct connection
 * never shows, and waiting on it would deadlock probes that each hold a server.
 */
const SERVER_WAIT_MS = 3000;
const PROBE_APPLICATION_NAME = 'prisma-migrate-actions pooler-probe';
/** Hostnames of well-known pooled endpoints (the pooler runs there, whatever it answers). */
const KNOWN_POOLER_HOSTS = [
    [/\.pooler\.supabase\.com$/i, 'Supavisor'],
    [/-pooler\.[^.]+.*\.neon\.tech$/i, 'PgBouncer'],
];
/**
 * The pooler behind these settings, or undefined for a direct connection (or one that fails: the
 * caller's own connect reports that). `session`, a connection of the caller's to the same URL,
 * serves as one of the probe's two clients, so the check costs one connection instead of two.
 */
async function detectPooler(settings, session) {
    const reasons = [];
    let name;
    for (const [pattern, pooler] of KNOWN_POOLER_HOSTS) {
        if (pattern.test(settings.host)) {
            name = pooler;
            reasons.push(`the host ${settings.host} is a ${pooler} endpoint`);
        }
    }
    if (/^(true|1)$/i.test(settings.params?.pgbouncer ?? '')) {
        name ??= 'PgBouncer';
        reasons.push('the URL says pgbouncer=true (Prisma’s flag for a transaction-mode PgBouncer)');
    }
    let mode = 'unknown';
    const behaviour = await probe(settings, session).catch(() => undefined);
    if (behaviour?.pooled) {
        mode = behaviour.mode;
        reasons.push(behaviour.reason);
        name ??= behaviour.name ?? (await pgBouncerConsole(settings));
    }
    if (!reasons.length)
        return undefined;
    return { pooler: name ?? 'a connection pooler', mode: mode === 'unknown' && settings.params?.pgbouncer ? 'transaction' : mode, reasons };
}
async function connectProbe(settings, parameters) {
    // A bare client, not openClient: the ParameterStatus listener must be attached before connecting.
    const client = new esm/* default.Client */.Ay.Client((0,url/* toClientConfig */.d4)({ ...settings, connectTimeoutSeconds: settings.connectTimeoutSeconds ?? 10 }, { applicationName: PROBE_APPLICATION_NAME }));
    client.on('error', () => undefined);
    // node-postgres keeps ParameterStatus messages to itself: listen on its connection.
    const connection = client.connection;
    connection.on('parameterStatus', (m) => (parameters[m.parameterName] = m.parameterValue));
    await client.connect();
    return client;
}
async function withinWait(pending) {
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), SERVER_WAIT_MS)));
    try {
        return await Promise.race([pending, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
const pidOf = async (client) => (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
/**
 * A direct session: the backend that answers is the one whose pid PostgreSQL sent at startup
 * (BackendKeyData). A transaction or statement pooler must hand out cancel keys of its own — a
 * cancel has to reach whichever server runs the client's current transaction — so behind one the
 * two differ, and the behavioural probe decides.
 */
const answersAsItsStartupBackend = async (client) => {
    const startupPid = client.processID;
    return startupPid !== null && startupPid === (await pidOf(client));
};
async function probe(settings, session) {
    const parameters = {};
    const own = session ? undefined : connectProbe(settings, parameters);
    const firstSession = session ?? own;
    const endOwn = () => void own?.then((client) => client.end()).catch(() => undefined);
    let direct;
    try {
        direct = await answersAsItsStartupBackend(await firstSession);
    }
    catch (error) {
        endOwn(); // an open probe client would keep the process alive
        throw error;
    }
    if (direct) {
        endOwn();
        return undefined;
    }
    // Pooling is possible: a second client holds transactions while the first asks for its server.
    const [firstConnect, secondConnect] = await Promise.allSettled([firstSession, connectProbe(settings, session ? parameters : {})]);
    if (firstConnect.status === 'rejected' || secondConnect.status === 'rejected') {
        for (const c of session ? [secondConnect] : [firstConnect, secondConnect])
            if (c.status === 'fulfilled')
                await c.value.end().catch(() => undefined);
        throw (firstConnect.status === 'rejected' ? firstConnect : secondConnect).reason;
    }
    const first = firstConnect.value;
    const second = secondConnect.value;
    try {
        const name = nameFromParameters(parameters);
        const before = await pidOf(first);
        try {
            await second.query('BEGIN');
        }
        catch (error) {
            if (/transaction blocks not allowed|statement mode/i.test(error.message)) {
                return { pooled: true, mode: 'statement', reason: 'it refuses transaction blocks (statement pooling)', name: name ?? 'PgBouncer' };
            }
            throw error;
        }
        // One round can miss a pooler when other clients take and return servers in between (the
        // pool may hand this client the same server again); a few rounds make that vanishingly rare
        // and cost a direct connection a handful of round trips.
        for (let round = 0; round < PROBE_ROUNDS; round++) {
            if (round > 0)
                await second.query('BEGIN');
            const held = await pidOf(second);
            const after = await withinWait(pidOf(first));
            if (after === undefined) {
                return {
                    pooled: true,
                    mode: 'transaction',
                    reason: `an idle client connection waited over ${SERVER_WAIT_MS / 1000} s for a server session while another client held a transaction (a direct connection answers at once)`,
                    name,
                };
            }
            await second.query('COMMIT').catch(() => undefined);
            const again = await pidOf(first);
            if (held === before || after !== before || again !== before) {
                return {
                    pooled: true,
                    mode: 'transaction',
                    reason: `one client connection was served by different server sessions (backend pid ${before}, then ${after === before ? again : after}${held === before ? `; pid ${before} went to another client while this one was idle` : ''})`,
                    name,
                };
            }
        }
        return undefined;
    }
    finally {
        // Not awaited: the server's goodbye takes ~10 ms and nothing here needs it.
        void second.end().catch(() => undefined);
        if (!session)
            void first.end().catch(() => undefined);
    }
}
/**
 * PgBouncer answers for a virtual database named "pgbouncer" (its admin console) even when the
 * role may not use it; PostgreSQL says the database does not exist. Asked only once pooling is
 * already shown, so a direct server never sees the attempt.
 */
async function pgBouncerConsole(settings) {
    // A bare client, not openClient: the connect error itself is the answer, not a failure to report.
    const client = new esm/* default.Client */.Ay.Client((0,url/* toClientConfig */.d4)({ ...settings, database: 'pgbouncer', schema: '' }, { applicationName: PROBE_APPLICATION_NAME }));
    client.on('error', () => undefined);
    try {
        await client.connect();
        return 'PgBouncer';
    }
    catch (error) {
        const e = error;
        return e.code === '3D000' || /does not exist/.test(e.message ?? '')
            ? undefined
            : /not allowed|pgbouncer/i.test(e.message ?? '')
                ? 'PgBouncer'
                : undefined;
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** Supavisor and some PgBouncer builds say who they are in the server_version they report. */
function nameFromParameters(parameters) {
    const text = Object.values(parameters).join(' ');
    if (/supavisor/i.test(text))
        return 'Supavisor';
    if (/pgbouncer/i.test(text))
        return 'PgBouncer';
    return undefined;
}

;// CONCATENATED MODULE: ./src/postgres/target.ts



const READ_ONLY_STATE_SQL = `SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS ro,
  CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag,
  CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::text END AS behind`;
/**
 * Undefined when the server cannot be reached: the command's own connection reports that. Asked on
 * `session` (the caller's connection to the same URL) when given, else on a connection of its own.
 */
async function readOnlyState(settings, session) {
    const ask = async (client) => {
        const { rows } = await client.query(READ_ONLY_STATE_SQL);
        const row = rows[0];
        return {
            standby: row.standby,
            readOnlySession: row.ro === 'on',
            replayLagSeconds: row.lag === null ? null : Math.max(0, Number(row.lag)),
            replayBytesBehind: row.behind === null ? null : Number(row.behind),
        };
    };
    return (session ? session.then(ask) : (0,client.withClient)(settings, { applicationName: 'prisma-migrate-actions target-check' }, ask)).catch(() => undefined);
}
/**
 * Refuses a target migrations cannot run on safely: a transaction/statement pooler
 * (E_URL_POOLED) or a standby / read-only session (E_URL_READ_ONLY). Call before any lock;
 * `session`, the command's own connection to the same URL, is used rather than opening others.
 */
async function assertMigrationTarget(settings, command, session) {
    // Both questions at once (neither changes anything); the pooler's answer still wins.
    const [pooler, state] = await Promise.all([detectPooler(settings, session), readOnlyState(settings, session)]);
    if (pooler)
        throw pooledError(settings, command, pooler);
    if (state?.standby || state?.readOnlySession) {
        const what = state.standby
            ? 'is a hot standby (a read-only replica, in recovery)'
            : 'opens read-only sessions (default_transaction_read_only is on for this role, database or server)';
        throw new errors/* MigrateActionsError */.nj('E_URL_READ_ONLY', `${command} cannot change ${settings.maskedUrl}: it ${what}. Nothing was done — no lock taken, no table created.`, {
            remedy: state.standby
                ? 'Point database-url at the primary (the writable server); replicas follow it on their own.'
                : 'Connect as a role that may write, or reset the setting (ALTER ROLE … RESET default_transaction_read_only / ALTER DATABASE … RESET default_transaction_read_only).',
            details: { ...state },
        });
    }
}
function pooledError(settings, command, pooler) {
    const mode = pooler.mode === 'unknown' ? 'pooling mode' : `${pooler.mode} mode`;
    return new errors/* MigrateActionsError */.nj('E_URL_POOLED', `${command} needs a direct connection, but ${settings.maskedUrl} goes through ${pooler.pooler} (${mode}): ${pooler.reasons.join('; ')}. ` +
        'A pooler hands each transaction to whichever server connection is free, so the session advisory lock that keeps two migrations apart would be released on another connection than the one holding it (and stay held by the pool), and session settings such as lock_timeout and search_path would leak to other clients. Nothing was done.', {
        remedy: 'Use a direct URL for migrations: the non-pooled connection string of your provider (Supabase: the "direct connection" on port 5432; Neon: the host without "-pooler"), given as direct-database-url (or directUrl in schema.prisma / datasource.directUrl in prisma.config.ts), keeping the pooled URL for the application.',
        details: { pooler: pooler.pooler, mode: pooler.mode, reasons: pooler.reasons },
    });
}
/** Notices for read-only commands: what the numbers they show come through (`session` as above). */
async function targetNotices(settings, session) {
    const notices = [];
    const [pooler, state] = await Promise.all([detectPooler(settings, session), readOnlyState(settings, session)]);
    if (pooler) {
        notices.push({
            title: 'Read through a connection pooler',
            message: `${settings.maskedUrl} goes through ${pooler.pooler}${pooler.mode === 'unknown' ? '' : ` (${pooler.mode} mode)`}: ${pooler.reasons.join('; ')}. Reading works; applying migrations needs a direct URL.`,
        });
    }
    if (state?.standby) {
        const lag = state.replayLagSeconds === null || state.replayLagSeconds === undefined
            ? 'no transaction replayed yet'
            : `last replayed transaction ${state.replayLagSeconds.toFixed(1)} s ago`;
        const bytes = state.replayBytesBehind
            ? `, ${state.replayBytesBehind} bytes of WAL received but not yet replayed`
            : ', all received WAL replayed';
        notices.push({
            title: 'Read from a standby',
            message: `${settings.maskedUrl} is a hot standby: what it shows is the primary as of its replay point (${lag}${bytes}).`,
        });
    }
    return notices;
}


/***/ })

};
