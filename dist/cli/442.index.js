import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 442;
export const ids = [442,693];
export const modules = {

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitsTouching: () => (/* binding */ commitsTouching),
/* harmony export */   filesAtRef: () => (/* binding */ filesAtRef),
/* harmony export */   headCommit: () => (/* binding */ headCommit),
/* harmony export */   isShallowClone: () => (/* binding */ isShallowClone),
/* harmony export */   materializeAtRef: () => (/* binding */ materializeAtRef),
/* harmony export */   repoRoot: () => (/* binding */ repoRoot),
/* harmony export */   resolveRef: () => (/* binding */ resolveRef)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */





const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = String(error.stderr ?? error.message).trim();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
            remedy: 'Check out with history for the base branch (actions/checkout with fetch-depth: 0) and pass base-ref (e.g. origin/main).',
            cause: error,
        });
    }
}
/** The repository root containing `dir`. */
async function repoRoot(dir) {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
}
/** Resolves a ref to a commit, with a clear error when it is not in the clone. */
async function resolveRef(cwd, ref) {
    try {
        return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
            remedy: 'Fetch it (actions/checkout with fetch-depth: 0, or git fetch origin main) and pass base-ref, e.g. origin/main.',
        });
    }
}
/**
 * Files under `relDir` at `ref`: path relative to relDir → content (binary-safe Buffer). One
 * `git cat-file --batch` reads every blob, so an 800-migration history costs two processes, not 800.
 */
async function filesAtRef(cwd, ref, relDir) {
    const out = new Map();
    const listing = await git(cwd, ['ls-tree', '-r', '-z', ref, '--', relDir]);
    // Each entry: "<mode> <type> <oid>\t<path>".
    const blobs = listing
        .split('\0')
        .filter(Boolean)
        .map((entry) => {
        const tab = entry.indexOf('\t');
        const [, type, oid] = entry.slice(0, tab).split(' ');
        return { type, oid, name: entry.slice(tab + 1) };
    })
        .filter((entry) => entry.type === 'blob');
    if (!blobs.length)
        return out;
    const contents = await catFileBatch(cwd, blobs.map((b) => b.oid));
    const base = relDir.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
    blobs.forEach((blob, i) => out.set(node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.relative(base, blob.name), contents[i]));
    return out;
}
/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd, oids) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            const data = Buffer.concat(chunks);
            const blobs = [];
            let at = 0;
            for (let i = 0; i < oids.length; i++) {
                const headerEnd = data.indexOf(0x0a, at);
                const header = data.subarray(at, headerEnd).toString('utf8').split(' ');
                if (headerEnd < 0 || header[1] !== 'blob') {
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_GIT', `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`, { remedy: 'Check that the clone is complete (fetch-depth: 0).' }));
                    return;
                }
                const size = Number(header[2]);
                blobs.push(data.subarray(headerEnd + 1, headerEnd + 1 + size));
                at = headerEnd + 1 + size + 1;
            }
            resolve(blobs);
        });
        child.stdin.end(oids.join('\n') + '\n');
    });
}
/** Writes the migrations directory as it is at `ref` into `target` (for the upgrade path). */
async function materializeAtRef(cwd, ref, relDir, target) {
    const files = await filesAtRef(cwd, ref, relDir);
    for (const [rel, content] of files) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(target, ...rel.split('/'));
        if (!file.startsWith(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(target) + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)))
            continue; // never write outside target
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().writeFile(file, content);
    }
    return files.size;
}
/** The checked-out commit, or undefined outside a git work tree (recorded in manifests and audits). */
function headCommit(cwd) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** Commits that changed `target` (a file or folder), newest first, at most `limit`. */
async function commitsTouching(target, limit = 20) {
    const cwd = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target);
    const out = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H', '--', node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(target)]);
    return out.split('\n').filter(Boolean);
}
/** A clone made with fetch-depth 1 (or any shallow one) has no history to look commits up in. */
async function isShallowClone(cwd) {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
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


/***/ }),

/***/ 1442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPrCheck: () => (/* binding */ runPrCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/ephemeral.ts + 1 modules
var ephemeral = __webpack_require__(7543);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/prisma/cli.ts
var prisma_cli = __webpack_require__(9086);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/render.ts + 4 modules
var render = __webpack_require__(5476);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(6701);
// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/guard/history-guard.ts
/**
 * The history guard of the pull request check: merged migrations are immutable. Compares the
 * migrations directory at the base ref with the working tree and reports, per file, what a
 * reviewer must not let through.
 */





/**
 * The migrations folder's files, one level of subfolders deep. Read synchronously: nothing else
 * runs yet, and 800 folders cost 3,200 trips through libuv's thread pool otherwise.
 */
function workingTreeFiles(dir) {
    const out = new Map();
    let entries = [];
    try {
        entries = external_node_fs_default().readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return out;
    }
    const isFile = (parent, e) => e.isFile() || (e.isSymbolicLink() && external_node_fs_default().statSync(external_node_path_default().join(parent, e.name)).isFile());
    const isDir = (parent, e) => e.isDirectory() || (e.isSymbolicLink() && external_node_fs_default().statSync(external_node_path_default().join(parent, e.name)).isDirectory());
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry.name);
        if (isFile(dir, entry))
            out.set(entry.name, external_node_fs_default().readFileSync(full));
        else if (isDir(dir, entry)) {
            for (const inner of external_node_fs_default().readdirSync(full, { withFileTypes: true }))
                if (isFile(full, inner))
                    out.set(`${entry.name}/${inner.name}`, external_node_fs_default().readFileSync(external_node_path_default().join(full, inner.name)));
            if (!out.has(`${entry.name}/migration.sql`))
                out.set(`${entry.name}/`, Buffer.alloc(0)); // remember the folder
        }
    }
    return out;
}
function migrationFolders(files) {
    const folders = new Map();
    for (const [rel, content] of files) {
        const [folder, file] = rel.split('/');
        if (file === undefined)
            continue;
        if (!folders.has(folder))
            folders.set(folder, undefined);
        if (file === 'migration.sql')
            folders.set(folder, content);
    }
    return folders;
}
async function checkHistory(options) {
    const dir = external_node_path_default().resolve(options.migrationsDir);
    const [root, baseCommit] = await Promise.all([(0,git.repoRoot)(dir), (0,git.resolveRef)(dir, options.baseRef)]);
    const relDir = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    const baseFiles = await (0,git.filesAtRef)(root, baseCommit, relDir);
    const base = migrationFolders(baseFiles);
    const headFiles = workingTreeFiles(dir);
    const head = migrationFolders(headFiles);
    const baseLock = baseFiles.get('migration_lock.toml');
    const problems = [];
    const rel = (name) => `${relDir}/${name}`;
    const addedNames = (0,reader/* sortMigrationNames */.f3)([...head.keys()].filter((name) => !base.has(name)));
    const headByHash = new Map();
    for (const name of addedNames) {
        const content = head.get(name);
        if (content)
            headByHash.set((0,sha256/* sha256Hex */.f)(content), name);
    }
    for (const [name, content] of base) {
        const now = head.get(name);
        if (!head.has(name)) {
            const renamedTo = content ? headByHash.get((0,sha256/* sha256Hex */.f)(content)) : undefined;
            problems.push(renamedTo
                ? {
                    kind: 'renamed',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was renamed to ${renamedTo}. Databases that applied it record the old name and would apply it again.`,
                    remedy: `Restore the folder name ${name}.`,
                }
                : {
                    kind: 'deleted',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was deleted. Databases that applied it keep its changes; new databases would not get them.`,
                    remedy: `Restore ${name}; to undo its changes, add a new migration.`,
                });
        }
        else if (content && now && !content.equals(now)) {
            problems.push({
                kind: 'edited',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `Merged migration ${name} was edited. Databases that applied it will never run the change, and its checksum no longer matches.`,
                remedy: `Revert the edit to ${name}/migration.sql and put the change in a new migration (prisma migrate dev --create-only).`,
            });
        }
    }
    const renamedTargets = new Set(problems.filter((p) => p.kind === 'renamed').map((p) => p.message.match(/renamed to (\S+)\./)?.[1]));
    const newestMerged = (0,reader/* sortMigrationNames */.f3)(base.keys()).pop();
    for (const name of addedNames) {
        if (!head.get(name)) {
            problems.push({
                kind: 'missing-sql',
                migration: name,
                file: rel(`${name}/`),
                message: `Migration folder ${name} has no migration.sql.`,
                remedy: 'Add the migration.sql (prisma migrate dev --create-only) or remove the folder; Prisma refuses to deploy it (P3015).',
            });
        }
        if (newestMerged && (0,reader/* compareMigrationNames */.wd)(name, newestMerged) < 0 && !renamedTargets.has(name)) {
            problems.push({
                kind: 'out-of-order',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `New migration ${name} sorts before the newest merged migration ${newestMerged}: databases already past it would apply it out of order.`,
                remedy: `Recreate it with a newer timestamp (rename the folder to a name after ${newestMerged}).`,
            });
        }
    }
    const headLock = headFiles.get('migration_lock.toml');
    if (baseLock && (!headLock || !baseLock.equals(headLock))) {
        problems.push({
            kind: 'lock-changed',
            file: rel('migration_lock.toml'),
            message: headLock ? 'migration_lock.toml was changed (it pins the database provider).' : 'migration_lock.toml was deleted.',
            remedy: 'Revert migration_lock.toml; changing the provider needs a new migration history, not an edit.',
        });
    }
    return {
        baseRef: options.baseRef,
        baseCommit,
        merged: (0,reader/* sortMigrationNames */.f3)(base.keys()),
        added: addedNames,
        problems,
    };
}

// EXTERNAL MODULE: ./src/pr-check/run.ts
var pr_check_run = __webpack_require__(8894);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/pr-check/history-step.ts
/**
 * The history guard step: which migrations are merged on the base branch and which are new,
 * and whether the pull request rewrites merged history. Without a base branch every migration
 * counts as new and the upgrade path is skipped.
 */







function candidateBaseRefs(settings, env) {
    if (settings.baseRef)
        return [settings.baseRef];
    return env.prBaseRef ? [`origin/${env.prBaseRef}`] : ['origin/main', 'main', 'origin/master', 'master'];
}
async function historyGuard(report, settings, env) {
    let guard;
    const refs = candidateBaseRefs(settings, env);
    await (0,model/* runCheck */.k_)(report, pr_check_run/* CHECK */.fi.guard, async (check) => {
        let lastError;
        for (const ref of refs) {
            try {
                guard = await checkHistory({ migrationsDir: settings.migrationsDir, baseRef: ref });
                break;
            }
            catch (error) {
                lastError = error;
            }
        }
        if (!guard) {
            check.status = 'skip';
            check.detail = `No base branch to compare with (${refs.join(', ')}): ${(0,errors/* describeError */.Uc)(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
            return;
        }
        check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${(0,format/* plural */.LS)(guard.merged.length, 'merged migration')}, ${guard.added.length} new.`;
        if (guard.problems.length) {
            check.status = 'fail';
            check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
            const root = await (0,git.repoRoot)(settings.migrationsDir);
            (0,model/* addFindings */.W7)(report, guard.problems.map((p) => ({
                severity: 'error',
                ruleId: `history/${p.kind}`,
                // Guard paths are relative to the repository root; annotations want the workspace's.
                file: p.file.endsWith('/') ? undefined : external_node_path_default().relative(env.cwd, external_node_path_default().join(root, p.file)).split((external_node_path_default()).sep).join('/'),
                line: 1,
                title: `history/${p.kind}`,
                message: p.message,
                fix: p.remedy,
            })));
        }
    }).catch(() => undefined);
    return guard;
}

// EXTERNAL MODULE: ./src/lint/index.ts + 8 modules
var lint = __webpack_require__(5941);
// EXTERNAL MODULE: ./src/report/lint-findings.ts
var lint_findings = __webpack_require__(1264);
;// CONCATENATED MODULE: ./src/pr-check/lint-step.ts





async function lintNewMigrations(run, added, base) {
    const { settings, env } = run;
    const toSource = (m) => ({ name: m.name, path: (0,pr_check_run/* displayPath */.Gt)(run, m.sqlPath, m.name), sql: m.sql });
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.lint, async (check) => {
        if (!added.length) {
            check.status = 'skip';
            check.detail = 'No new migrations to lint.';
            return;
        }
        const result = await (0,lint.lintMigrations)({
            migrations: added.map(toSource),
            existing: base.map(toSource),
            engine: settings.engine,
            serverMajor: run.server.major || undefined,
            log: env.log,
        });
        const findings = (0,lint_findings.reportFindings)(result.findings, { failOn: settings.failOn });
        (0,model/* addFindings */.W7)(run.report, findings);
        const errors = findings.filter((f) => f.severity === 'error').length;
        check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
        check.detail = `${(0,format/* plural */.LS)(result.statementsLinted, 'statement')} in ${(0,format/* plural */.LS)(result.migrationsLinted, 'migration')}: ${(0,format/* severityCounts */.ur)(result.summary)}; ${result.silenced.length} silenced.`;
        check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/seed/index.ts + 2 modules
var seed = __webpack_require__(4764);
// EXTERNAL MODULE: ./src/backup/index.ts + 13 modules
var src_backup = __webpack_require__(3748);
// EXTERNAL MODULE: ./src/backup/dbstate.ts
var dbstate = __webpack_require__(9529);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var catalog_diff = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/pr-check/rehearsal.ts
/**
 * The rollback rehearsal: a backup of the upgrade-path database before the new migrations,
 * restored into a new database (while they run) and compared — catalog and row counts — with
 * the state it was taken from. Proves the pre-deploy backup is a way back.
 */






/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
function rehearsalDifferences(before, restored) {
    const catalog = (0,catalog_diff/* diffSnapshots */.V1)(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
    const counts = (0,dbstate/* compareRowCounts */.OU)(before.counts, restored.counts);
    return [...catalog, ...(counts.length ? [(0,dbstate/* describeDifferences */.g7)(counts)] : [])];
}
/** The backup and the state it is compared with, read side by side: nothing writes to the database meanwhile. */
async function backUpBefore(run, db, workDir) {
    const [backup, snapshot, counts] = await Promise.all([
        (0,src_backup.createBackup)({ connection: db, outputDir: external_node_path_default().join(workDir, 'backup'), prefix: 'rehearsal', verify: 'none', log: run.env.log }),
        (0,pr_check_run/* snapshotOf */.eY)(db),
        (0,pr_check_run/* withClient */.SV)(db, dbstate/* countRows */.BO),
    ]);
    return { backupPath: backup.backupPath, sizeBytes: backup.sizeBytes, snapshot, counts };
}
/** Restores the backup `before` into a new database on the server of `db` and compares; undefined: the upgrade path stopped before its backup. */
async function rehearseRollback(run, db, before) {
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.rehearsal, async (check) => {
        if (!db || !before) {
            check.status = 'skip';
            check.detail = 'Needs the upgrade path to reach the new migrations first.';
            return;
        }
        const restored = await (0,src_backup.restoreBackup)({
            backupPath: before.backupPath,
            connection: db,
            mode: 'new-database',
            log: run.env.log,
        });
        const restoredDb = { ...db, database: restored.database };
        try {
            const [snapshot, counts] = await Promise.all([(0,pr_check_run/* snapshotOf */.eY)(restoredDb), (0,pr_check_run/* withClient */.SV)(restoredDb, dbstate/* countRows */.BO)]);
            const after = { snapshot, counts };
            const differences = rehearsalDifferences(before, after);
            check.detail = `Restored the pre-migration backup (${(0,format/* formatBytes */.z3)(before.sizeBytes)}) into a new database: ${(0,format/* plural */.LS)(differences.length, 'difference')} from the state before the new migrations.`;
            if (differences.length) {
                check.status = 'fail';
                check.items = differences;
            }
        }
        finally {
            await run.server.dropDatabase(restored.database).catch(() => undefined);
        }
    });
}

;// CONCATENATED MODULE: ./src/pr-check/upgrade-path.ts
/**
 * The two ways the history is applied: from scratch on an empty database, and the upgrade
 * path — the base branch's own migrations, generated rows, then the new migrations over the
 * data (with the rollback rehearsal's backup taken in between when it is on). Both start from
 * the base branch's database, applied once per run, when the pull request only adds migrations.
 */







/**
 * Applies the whole history on an empty database; returns it, or undefined when that failed.
 * When the pull request only adds migrations (the history guard found no merged one edited,
 * renamed or deleted, and none added out of order), the merged ones are the base branch's very
 * files in the same order: a copy of the base branch's database, which the upgrade path applies
 * anyway, gets the new ones. Should the base branch's migrations fail, all of them are applied
 * here on an empty database, so this check names the working tree's files.
 */
async function fromScratch(run, all, base, added, guard) {
    let applied;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.scratch, async (check) => {
        const onlyAdded = guard !== undefined && (0,pr_check_run/* mergedHistoryUnchanged */.Yj)(guard) && base.length > 0 && added.length > 0;
        const fromBase = onlyAdded ? await (0,pr_check_run/* atBaseBranch */.nh)(run, guard, base, 'scratch').catch(() => undefined) : undefined;
        const db = fromBase?.database ?? (await (0,pr_check_run/* newDatabase */.gL)(run, 'scratch'));
        const result = await (0,pr_check_run/* applyHistory */.xu)(run, db, all, run.settings.migrationsDir);
        applied = db;
        const engine = `${run.settings.engine} engine`;
        check.detail = fromBase
            ? `${(0,format/* plural */.LS)(all.length, 'migration')} applied on an empty database (${engine}): the base branch's ${base.length} in ${(0,format/* formatDuration */.a3)(fromBase.durationMs)}, then ${(0,format/* plural */.LS)(result.applied.length, 'new one')} in ${(0,format/* formatDuration */.a3)(result.durationMs)}.`
            : `${(0,format/* plural */.LS)(all.length, 'migration')} applied on an empty database in ${(0,format/* formatDuration */.a3)(result.durationMs)} (${engine}).`;
    });
    return applied;
}
async function upgradePath(run, all, base, added, guard) {
    const { settings, env } = run;
    let rehearsal;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-upgrade-'));
    try {
        await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.upgrade, async (check) => {
            if (!guard || !base.length || !added.length) {
                check.status = 'skip';
                check.detail = !guard
                    ? 'No base branch: nothing to upgrade from.'
                    : !base.length
                        ? 'The base branch has no migrations.'
                        : 'No new migrations.';
                return;
            }
            const { database: db } = await (0,pr_check_run/* atBaseBranch */.nh)(run, guard, base, 'upgrade');
            const seeded = await (0,pr_check_run/* withClient */.SV)(db, (client) => (0,seed/* seedDatabase */.v)(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log: env.log }));
            // The backup is restored into a new database while the new migrations run: the restore
            // is compared with the state the backup was taken in, not with the upgraded database.
            if (settings.rollbackRehearsal)
                rehearsal = rehearseRollback(run, db, await backUpBefore(run, db, workDir));
            const result = await (0,pr_check_run/* applyHistory */.xu)(run, db, all, settings.migrationsDir);
            const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
            check.detail = `${(0,format/* plural */.LS)(base.length, 'base migration')} applied, ${(0,format/* plural */.LS)(rows, 'row')} generated in ${(0,format/* plural */.LS)(seeded.tables.length, 'table')}, then ${(0,format/* plural */.LS)(result.applied.length, 'new migration')} applied over the data.`;
            const skipped = seeded.tables.filter((t) => t.skipped);
            if (skipped.length) {
                check.status = 'warn';
                check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
            }
        });
        if (settings.rollbackRehearsal)
            await (rehearsal ?? rehearseRollback(run, undefined, undefined));
    }
    finally {
        await rehearsal; // its files are in workDir
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/pr-check/schema-agreement.ts
/**
 * Does schema.prisma agree with the migrations? The Prisma CLI turns the schema into SQL
 * (migrate diff --from-empty), that SQL builds one database, the migrations another, and the
 * two catalogs are compared on what Prisma models.
 */







/** schema.prisma as SQL, or why the CLI could not produce it (never a rejection). */
function settledSchemaSql(cli, schemaPath, options) {
    return (0,prisma_cli/* schemaToSql */.Pb)(cli, schemaPath, options).then((sql) => ({ sql }), (error) => ({ error }));
}
/**
 * Starts the Prisma CLI at once, and creates the database its SQL is to build meanwhile. A
 * driver-adapter config connects even for --from-empty, which reads and writes nothing there: on
 * a throwaway server it gets the empty `postgres` database, so it need not wait for a CREATE
 * DATABASE; on a given server, the new database. Undefined without a Prisma CLI. It rejects
 * only when the database cannot be created; the schema check meets that when it awaits it.
 */
function prismaSchemaSql(run, earlySql) {
    const { prisma, settings, server } = run;
    const cli = prisma.cli;
    if (!cli)
        return undefined;
    const convert = (databaseUrl) => settledSchemaSql(cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl });
    const started = earlySql ?? (server.source === 'url' ? undefined : convert(server.admin.url));
    const source = (0,pr_check_run/* newDatabase */.gL)(run, 'schema').then(async (database) => ({ database, converted: await (started ?? convert(database.url)) }));
    // The CLI is awaited before the server stops, even when the database could not be created.
    const settled = source.catch(async (error) => {
        await started;
        throw error;
    });
    settled.catch(() => undefined); // the schema check awaits it
    return settled;
}
/** Differences between schema.prisma's SQL and the migrations that Prisma models and that matter. */
function prismaModelDifferences(differences) {
    const blocking = [];
    const handWritten = [];
    for (const d of differences) {
        if (!['table', 'column', 'constraint', 'index', 'enum'].includes(d.objectType))
            continue;
        const kind = (d.expected ?? d.actual);
        if (d.objectType === 'constraint' && (kind?.kind === 'check' || kind?.kind === 'exclusion'))
            continue;
        if (d.change === 'changed' && (d.fields ?? []).every((f) => f === 'position'))
            continue; // column order is not modelled
        // Extra indexes in the migrations (partial, CONCURRENTLY) are hand-written on purpose.
        if (d.objectType === 'index' && d.change === 'unexpected')
            handWritten.push(d);
        else
            blocking.push(d);
    }
    return { blocking, handWritten };
}
function describeModelDifference(d) {
    if (d.change === 'missing')
        return `${d.objectType} ${d.identity} is in schema.prisma but no migration creates it`;
    if (d.change === 'unexpected')
        return `${d.objectType} ${d.identity} is in the migrations but not in schema.prisma`;
    return `${d.objectType} ${d.identity} differs: ${d.detail}`;
}
async function schemaAgreement(run, fromScratch, schemaSql) {
    const { settings, prisma } = run;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.schema, async (check) => {
        if (!prisma.cli || !schemaSql) {
            check.status = 'skip';
            check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
            return;
        }
        if (!fromScratch) {
            await schemaSql.catch(() => undefined); // the CLI finishes before the server stops
            check.status = 'skip';
            check.detail = 'Skipped: the migrations did not apply from scratch.';
            return;
        }
        const { database: fromSchema, converted } = await schemaSql;
        if ('error' in converted) {
            check.status = 'skip';
            check.detail = `Skipped: the Prisma CLI could not run here: ${(0,errors/* describeError */.Uc)(converted.error)}`;
            return;
        }
        await (0,pr_check_run/* withClient */.SV)(fromSchema, async (client) => {
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
            await client.query(converted.sql);
        });
        const diff = (0,catalog_diff/* diffSnapshots */.V1)(await (0,pr_check_run/* snapshotOf */.eY)(fromSchema), await (0,pr_check_run/* snapshotOf */.eY)(fromScratch));
        const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
        check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${external_node_path_default().basename(prisma.configPath)}` : ''}) with the migrations': ${(0,format/* plural */.LS)(blocking.length, 'difference')}; ${(0,format/* plural */.LS)(handWritten.length, 'hand-written index', 'hand-written indexes')} only in migrations.`;
        if (blocking.length) {
            check.status = 'fail';
            check.items = blocking.map(describeModelDifference);
            (0,model/* addFindings */.W7)(run.report, [
                {
                    severity: 'error',
                    ruleId: 'schema/out-of-sync',
                    file: (0,pr_check_run/* displayPath */.Gt)(run, settings.schemaPath),
                    title: 'schema.prisma has changes that no migration contains',
                    message: check.items.join('\n'),
                    fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
                },
            ]);
        }
    });
}

// EXTERNAL MODULE: ./src/pr-check/touched-tables.ts
var touched_tables = __webpack_require__(3407);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/target.ts + 1 modules
var target = __webpack_require__(4703);
// EXTERNAL MODULE: ./src/rehearsal/index.ts + 5 modules
var rehearsal = __webpack_require__(3242);
;// CONCATENATED MODULE: ./src/pr-check/scale-rehearsal-step.ts




async function rehearseAtScale(run, base, added, guard, 
/** Settles when the concurrent steps are done: the new migrations are traced after it. */
quiet) {
    const { settings, env } = run;
    let data;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.scaleRehearsal, async (check) => {
        if (settings.rehearsal === 'off' || !guard || !base.length || !added.length) {
            check.status = 'skip';
            check.detail =
                settings.rehearsal === 'off'
                    ? 'Turned off (rehearsal: off).'
                    : !guard
                        ? 'No base branch: no existing tables to rehearse on.'
                        : !base.length
                            ? 'The base branch has no migrations.'
                            : 'No new migrations.';
            return;
        }
        const { database: db } = await (0,pr_check_run/* atBaseBranch */.nh)(run, guard, base, 'rehearsal');
        const existing = await (0,pr_check_run/* withClient */.SV)(db, (client) => (0,rehearsal/* existingTouchedTables */.J3)(client, run.schema, added));
        if (!existing.length) {
            check.status = 'skip';
            check.detail = 'The new migrations touch no table that exists before them: nothing to rehearse.';
            return;
        }
        const result = await (0,rehearsal/* rehearse */.Km)({
            connection: db,
            migrations: added,
            stats: settings.statsDatabase,
            rows: settings.rehearsalRows,
            budget: settings.rehearsalBudget,
            timeoutMs: settings.rehearsalTimeoutMs,
            serverMajor: run.server.major || undefined,
            log: env.log,
            traceAfter: quiet,
        });
        data = result.data;
        const fileOf = (migration) => (0,pr_check_run/* displayPath */.Gt)(run, undefined, migration);
        const options = { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing };
        const findings = (0,rehearsal/* observationFindings */.HM)(result.statements, options);
        (0,model/* addFindings */.W7)(run.report, findings);
        const downgraded = (0,rehearsal/* downgradeHarmless */.LG)(run.report.findings, result.statements, options);
        (0,rehearsal/* settleLintCheck */.Xb)(run.report.checks.find((c) => c.name === pr_check_run/* CHECK */.fi.lint), run.report.findings, downgraded);
        (0,model/* addTable */.GC)(run.report, (0,rehearsal/* rehearsalTable */.kP)(result.data.statements, result.sizing.source === 'stats-database'));
        check.detail = [
            ...(0,rehearsal/* describeRehearsal */.zy)(result),
            ...(downgraded
                ? [`${(0,format/* plural */.LS)(downgraded, 'lint finding')} shown harmless at these sizes, now ${downgraded === 1 ? 'a notice' : 'notices'}.`]
                : []),
        ].join(' ');
        const skipped = result.seeded.filter((s) => s.skipped);
        check.items = [...result.sizing.notes, ...skipped.map((s) => `${s.table} not filled: ${s.skipped}`)];
        if (findings.some((f) => f.severity === 'error'))
            check.status = 'fail';
        else if (result.trace.stopped || skipped.length)
            check.status = 'warn';
    });
    return data;
}

;// CONCATENATED MODULE: ./src/pr-check/pipeline.ts
/**
 * The pull request check: every step is a check in one Report; a step that cannot run (no git
 * history, no Prisma CLI) is skipped with the reason, never faked. The history guard runs while
 * PostgreSQL starts; then, on that server, apply-from-scratch, the upgrade path (with the rollback
 * rehearsal), schema.prisma agreement and lint run concurrently; the first two start from one
 * database at the base branch's state when the pull request only adds migrations.
 */
















async function runPrCheck(settings, env) {
    const started = Date.now();
    const report = (0,model/* createReport */.LU)('migration-test', 'Migration test');
    const log = env.log;
    const given = settings.databaseUrl ? (0,url/* parseDatabaseUrl */.mx)(settings.databaseUrl) : undefined;
    const schema = given?.schema ?? 'public';
    if (given)
        await (0,target.assertMigrationTarget)(given, 'migration-test'); // it creates and migrates databases there
    // The history is read first: an unreadable one (wrong provider in migration_lock.toml, bad
    // folder) stops before any database work, after the guard has said what changed.
    const head = await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir).catch((error) => ({ error }));
    if ('error' in head) {
        const guard = await historyGuard(report, settings, env);
        report.checks.push({ name: 'Read the migrations', status: 'fail', detail: (0,errors/* describeError */.Uc)(head.error) });
        (0,model/* addFindings */.W7)(report, [(0,pr_check_run/* errorFinding */.i9)({ settings, env }, head.error)]);
        (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
        return { report, newMigrations: [], guard };
    }
    // The project's CLI (beside schema.prisma), else the one of the directory we run from.
    const cli = (0,prisma_cli/* findPrismaCli */.WO)(external_node_path_default().dirname(settings.schemaPath)) ?? (0,prisma_cli/* findPrismaCli */.WO)(env.cwd);
    const prisma = { cli, configPath: cli ? (0,prisma_cli/* findPrismaConfig */.iK)(settings.schemaPath, env.cwd) : undefined };
    // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
    const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;
    // PostgreSQL starts while the guard asks git what the base branch holds.
    log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
    const startedAt = Date.now();
    let startMs = 0;
    const starting = (0,ephemeral/* acquirePostgres */.sb)({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log }).then((server) => {
        startMs = Date.now() - startedAt;
        return server;
    });
    starting.catch(() => undefined); // awaited below, after the guard
    const guard = await historyGuard(report, settings, env);
    const mergedNames = new Set(guard?.merged ?? []);
    const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
    const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
    for (const m of newMigrations)
        (0,model/* addCodeBlock */.sW)(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });
    const server = await starting;
    (0,model/* recordTiming */.oo)(report, 'PostgreSQL start', startMs);
    const run = { settings, env, report, server, schema, prisma };
    let rehearsal;
    try {
        // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
        // The Prisma CLI is the longest of them, so it starts first (see prismaSchemaSql for the database it gets).
        const schemaSql = prismaSchemaSql(run, earlySql);
        const scratch = fromScratch(run, head.migrations, baseMigrations, newMigrations, guard);
        const concurrent = Promise.all([
            upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
            scratch.then((db) => schemaAgreement(run, db, schemaSql)),
            lintNewMigrations(run, newMigrations, baseMigrations),
            // The tables the change touches, as an ER diagram.
            scratch.then(async (db) => {
                if (!db || !newMigrations.length)
                    return;
                const names = await (0,touched_tables/* touchedTables */.C)(newMigrations);
                const snap = names.size ? await (0,pr_check_run/* snapshotOf */.eY)(db).catch(() => undefined) : undefined;
                if (snap)
                    report.mermaid = (0,render/* mermaidErDiagram */.KS)((0,touched_tables/* erTablesFor */.g)(snap, names));
            }),
        ]);
        // The rehearsal fills its database meanwhile, but traces the new migrations alone, after the
        // concurrent steps: their load would distort what it measures.
        const quiet = concurrent.then(() => undefined, () => undefined);
        const rehearsed = rehearseAtScale(run, baseMigrations, newMigrations, guard, quiet);
        // Both settle before the server stops, whatever happens to either.
        const settled = await Promise.allSettled([concurrent, rehearsed]);
        for (const outcome of settled)
            if (outcome.status === 'rejected')
                throw outcome.reason;
        rehearsal = await rehearsed;
    }
    finally {
        await server.stop().catch(() => undefined);
    }
    report.checks.sort((a, b) => pr_check_run/* CHECK_ORDER */.Ut.indexOf(a.name) - pr_check_run/* CHECK_ORDER */.Ut.indexOf(b.name));
    (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
    return { report, newMigrations, guard, rehearsal };
}


/***/ }),

/***/ 8894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   PM: () => (/* binding */ step),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   Ut: () => (/* binding */ CHECK_ORDER),
/* harmony export */   Yj: () => (/* binding */ mergedHistoryUnchanged),
/* harmony export */   eY: () => (/* binding */ snapshotOf),
/* harmony export */   fi: () => (/* binding */ CHECK),
/* harmony export */   gL: () => (/* binding */ newDatabase),
/* harmony export */   i9: () => (/* binding */ errorFinding),
/* harmony export */   nh: () => (/* binding */ atBaseBranch),
/* harmony export */   xu: () => (/* binding */ applyHistory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8620);
/* harmony import */ var _migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4323);
/* harmony import */ var _migrations_reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1926);
/* harmony import */ var _guard_git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2693);
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7685);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6867);
/**
 * The state of one pull request check — its report, the throwaway server and the Prisma project
 * — and what every step shares: the step runner (a thrown error becomes a failed check plus one
 * finding, and the run goes on), new databases, workspace paths, applying a history.
 */










const withClient = (settings, fn) => (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(settings, { applicationName: 'prisma-migrate-actions-test' }, fn);
function snapshotOf(settings) {
    return withClient(settings, (client) => (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotSchema */ .ap)(client, { schemas: [settings.schema] }));
}
/** A new empty database, or a copy of `template` (a database nobody is connected to). */
function newDatabase(run, label, template) {
    return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, {
        schema: run.schema,
        ...(template ? { template } : {}),
    });
}
/**
 * Whether the pull request leaves the merged history as it is: no merged migration edited,
 * renamed or deleted, none added before them, the lock file unchanged (the history guard found
 * nothing). The working tree's merged migrations are then the base commit's files, byte for byte.
 */
function mergedHistoryUnchanged(guard) {
    return guard.problems.length === 0;
}
/**
 * A new database at the base branch's state: the migrations of its commit (what production ran,
 * not the working tree's files, unless they are the same). They are applied once per run, and
 * the steps that start from them each get a copy: copying the files is cheaper than applying a
 * long history twice on a busy machine. A failure is every caller's error.
 */
async function atBaseBranch(run, guard, base, label) {
    run.baseBranch ??= applyBaseBranch(run, guard, base);
    const state = await run.baseBranch;
    return { database: await newDatabase(run, label, state.database.database), durationMs: state.durationMs };
}
async function applyBaseBranch(run, guard, base) {
    const { migrationsDir } = run.settings;
    // Nothing merged changed: the working tree's copies need not be read out of git again. (The
    // Prisma CLI reads a whole folder, which holds the new migrations too: it gets the commit's.)
    if (mergedHistoryUnchanged(guard) && run.settings.engine !== 'prisma') {
        const db = await newDatabase(run, 'base');
        const result = await applyHistory(run, db, base, migrationsDir);
        return { database: db, durationMs: result.durationMs };
    }
    const baseCommit = guard.baseCommit;
    const workDir = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'pma-base-'));
    try {
        const [db, root] = await Promise.all([newDatabase(run, 'base'), (0,_guard_git_js__WEBPACK_IMPORTED_MODULE_7__.repoRoot)(migrationsDir)]);
        await (0,_guard_git_js__WEBPACK_IMPORTED_MODULE_7__.materializeAtRef)(root, baseCommit, node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, migrationsDir).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/'), workDir);
        const result = await applyHistory(run, db, (await (0,_migrations_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .readMigrationsDir */ .Nb)(workDir)).migrations, workDir);
        return { database: db, durationMs: result.durationMs };
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(workDir, { recursive: true, force: true });
    }
}
/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
function displayPath(run, file, migration) {
    const target = migration ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.settings.migrationsDir, migration, 'migration.sql') : file;
    const relative = target ? node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(run.env.cwd, target) : undefined;
    // Temp files (a backup, a copy) are no place for an annotation.
    return relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative) ? relative.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/') : undefined;
}
function errorFinding(run, error) {
    const e = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj ? error : undefined;
    const file = displayPath(run, e?.where?.file, e?.where?.migration);
    // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
    const at = file
        ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
        : '';
    const base = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .findingFromError */ .Oo)(error);
    return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}
/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run, name, body) {
    await (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .runCheck */ .k_)(run.report, name, body).catch((error) => {
        const finding = errorFinding(run, error);
        const key = (f) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
        if (!run.report.findings.some((f) => key(f) === key(finding)))
            (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .addFindings */ .W7)(run.report, [finding]);
    });
}
/**
 * Applies `migrations` (read from `dir`) with the chosen engine. The Prisma CLI reads the
 * migrations beside the schema it is given, so it gets a temporary copy of schema.prisma with
 * exactly this history next to it (the project's prisma.config.* still applies).
 */
async function applyHistory(run, connection, migrations, dir) {
    const { settings, env } = run;
    if (settings.engine !== 'prisma')
        return (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__.applyMigrations)({ connection, migrations, engine: 'builtin', log: env.log });
    const project = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'pma-prisma-'));
    try {
        const schemaPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'schema.prisma');
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().copyFileSync(settings.schemaPath, schemaPath);
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().cpSync(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'migrations'), { recursive: true });
        const cwd = run.prisma.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(run.prisma.configPath) : node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(settings.schemaPath);
        return await (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__.applyMigrations)({
            connection,
            engine: 'prisma',
            log: env.log,
            prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
        });
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(project, { recursive: true, force: true });
    }
}
/** The check names, in the order the report shows them (steps run concurrently). */
const CHECK = {
    guard: 'History guard',
    scratch: 'Apply from scratch',
    upgrade: 'Upgrade path with data',
    rehearsal: 'Rollback rehearsal',
    schema: 'schema.prisma agrees with the migrations',
    lint: 'Lint',
    scaleRehearsal: 'Rehearsal at production scale',
};
const CHECK_ORDER = Object.values(CHECK);


/***/ }),

/***/ 9086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ runPrisma),
/* harmony export */   Pb: () => (/* binding */ schemaToSql),
/* harmony export */   WO: () => (/* binding */ findPrismaCli),
/* harmony export */   iK: () => (/* binding */ findPrismaConfig),
/* harmony export */   ib: () => (/* binding */ requirePrismaCli)
/* harmony export */ });
/* unused harmony exports plugAndPlayRoot, baselineWasmNodeArgs */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2410);
/* harmony import */ var _util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2159);
/**
 * The project's own Prisma CLI: found in its node_modules, its version detected, and the flags
 * chosen for that version. Output is redacted; arguments go as an argv array (no shell).
 */






/**
 * Where a package manager puts `prisma` for a project in `dir`: node_modules/prisma (npm, yarn
 * with node-modules, bun, and pnpm's symlink to its store), then pnpm's hidden hoisting folder
 * (node_modules/.pnpm/node_modules), which holds every package of the workspace.
 */
const CLI_PLACES = [node_path__WEBPACK_IMPORTED_MODULE_2___default().join('node_modules', 'prisma'), node_path__WEBPACK_IMPORTED_MODULE_2___default().join('node_modules', '.pnpm', 'node_modules', 'prisma')];
function cliAt(packageDir, projectDir) {
    const meta = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, 'package.json'), 'utf8'));
    const bin = typeof meta.bin === 'string' ? meta.bin : (meta.bin?.prisma ?? 'build/index.js');
    return { entry: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, bin), version: meta.version, major: Number(meta.version.split('.')[0]), projectDir };
}
/**
 * Finds `prisma` in node_modules at or above `projectDir` (a monorepo package's own node_modules
 * first, then the hoisted ones of the root); undefined when the project has none.
 */
function findPrismaCli(projectDir) {
    for (const place of CLI_PLACES) {
        let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir);
        for (;;) {
            const packageDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, place);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, 'package.json')))
                return cliAt(packageDir, dir);
            const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
            if (parent === dir)
                break;
            dir = parent;
        }
    }
    return undefined;
}
/** Yarn Plug'n'Play (.pnp.cjs above the project) installs no node_modules, so no CLI is found there. */
function plugAndPlayRoot(projectDir) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir);
    for (;;) {
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.pnp.cjs')))
            return dir;
        const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Like findPrismaCli, for callers that cannot go on without it. */
function requirePrismaCli(projectDir = process.cwd()) {
    const cli = findPrismaCli(projectDir);
    if (cli)
        return cli;
    const pnp = plugAndPlayRoot(projectDir);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir)}.`, {
        remedy: pnp
            ? `${pnp} uses Yarn Plug'n'Play, which installs no node_modules: set \`nodeLinker: node-modules\` in .yarnrc.yml (or use engine: builtin).`
            : "Install the project's dependencies (npm ci, pnpm install, yarn install or bun install) so node_modules/prisma exists, or use engine: builtin.",
    });
}
/** Runs the Prisma CLI; never throws for a non-zero exit (the caller reads `code`). */
function runPrisma(cli, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
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
            resolve({ code: code ?? 1, stdout: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stdout), stderr: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stderr) });
        });
    });
}
const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs'];
/**
 * The project's prisma.config.* (Prisma 6+): beside schema.prisma, in its parent (the usual
 * project root when the schema lives in prisma/), or in `projectRoot`. Such a config can select
 * the WebAssembly engine with a driver adapter, which runs where the native engine cannot be
 * downloaded; the CLI then needs a reachable database.
 */
function findPrismaConfig(schemaPath, projectRoot) {
    const schemaDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath));
    const dirs = [schemaDir, node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(schemaDir), ...(projectRoot ? [node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectRoot)] : [])];
    for (const dir of dirs) {
        for (const name of CONFIG_NAMES) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file))
                return file;
        }
    }
    return undefined;
}
/**
 * Node flags for the CLI's `migrate diff`: on Node 20 and older, keeping its WebAssembly on the
 * baseline tier takes it from about 1.5 s to 1.25 s of wall time and a third less CPU here; on
 * Node 24 it changes nothing measurable, and later Nodes may not know the flags.
 */
function baselineWasmNodeArgs(nodeVersion = process.versions.node) {
    return Number(nodeVersion.split('.')[0]) <= 20 ? [..._util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_5__/* .WASM_BASELINE_FLAGS */ .V] : [];
}
/** schema.prisma → the SQL that creates it from nothing (`migrate diff --from-empty`); a database only for a driver-adapter config. */
async function schemaToSql(cli, schemaPath, options = {}) {
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(schemaPath)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_SCHEMA_MISSING', `schema.prisma not found at ${schemaPath}.`, {
            remedy: "Pass schema-path (default prisma/schema.prisma) pointing at the project's schema.",
        });
    }
    const target = cli.major >= 7 ? ['--to-schema', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)] : ['--to-schema-datamodel', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)];
    const config = options.configPath && cli.major >= 6 ? ['--config', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)] : [];
    const run = await runPrisma(cli, ['migrate', 'diff', ...config, '--from-empty', ...target, '--script'], {
        cwd: options.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)) : undefined,
        nodeArgs: baselineWasmNodeArgs(),
        env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : undefined,
        timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (run.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_PRISMA_CLI', `prisma ${cli.version} migrate diff failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' ')}`, {
            remedy: 'Run `npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script` locally; where the Prisma engines cannot be downloaded, a prisma.config.ts with engine "js" and a driver adapter (@prisma/adapter-pg) lets Prisma 6.16+ run offline.',
        });
    }
    return run.stdout;
}


/***/ })

};
