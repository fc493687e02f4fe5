import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 831;
export const ids = [831];
export const modules = {

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
 * for its server's pid; a pooler must give the first another server connection. The URL and
 * startup parameters then name which pooler it is.
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
/** The pooler behind these settings, or undefined for a direct connection (or one that fails: the caller's own connect reports that). */
async function detectPooler(settings) {
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
    const behaviour = await probe(settings).catch(() => undefined);
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
async function probe(settings) {
    const parameters = {};
    const first = await connectProbe(settings, parameters);
    let second;
    try {
        const name = nameFromParameters(parameters);
        const before = await pidOf(first);
        second = await connectProbe(settings, {});
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
        await second?.end().catch(() => undefined);
        await first.end().catch(() => undefined);
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
/**
 * What a target database is, checked before anything is changed on it: a transaction-mode
 * pooler (the migration lock and session settings would not survive), a hot standby or a
 * read-only session (every write would fail with a bare PostgreSQL error, after the run had
 * started). Commands that change the database refuse such targets up front; read-only commands
 * go on and say what they are reading through.
 */



/** Undefined when the server cannot be reached: the command's own connection reports that. */
async function readOnlyState(settings) {
    return (0,client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions target-check' }, async (client) => {
        const { rows } = await client.query(`SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS ro,
                CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag,
                CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::text END AS behind`);
        const row = rows[0];
        return {
            standby: row.standby,
            readOnlySession: row.ro === 'on',
            replayLagSeconds: row.lag === null ? null : Math.max(0, Number(row.lag)),
            replayBytesBehind: row.behind === null ? null : Number(row.behind),
        };
    }).catch(() => undefined);
}
/**
 * Refuses a target migrations cannot run on safely: a transaction/statement pooler
 * (E_URL_POOLED) or a standby / read-only session (E_URL_READ_ONLY). Call before any lock.
 */
async function assertMigrationTarget(settings, command) {
    const pooler = await detectPooler(settings);
    if (pooler)
        throw pooledError(settings, command, pooler);
    const state = await readOnlyState(settings);
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
/** Notices for read-only commands: what the numbers they show come through. */
async function targetNotices(settings) {
    const notices = [];
    const pooler = await detectPooler(settings);
    if (pooler) {
        notices.push({
            title: 'Read through a connection pooler',
            message: `${settings.maskedUrl} goes through ${pooler.pooler}${pooler.mode === 'unknown' ? '' : ` (${pooler.mode} mode)`}: ${pooler.reasons.join('; ')}. Reading works; applying migrations needs a direct URL.`,
        });
    }
    const state = await readOnlyState(settings);
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

/***/ 4831:
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
// EXTERNAL MODULE: ./src/postgres/ephemeral.ts
var ephemeral = __webpack_require__(908);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/prisma/cli.ts
var prisma_cli = __webpack_require__(9086);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/render.ts + 4 modules
var render = __webpack_require__(5476);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/guard/history-guard.ts
/**
 * The history guard of the pull request check: merged migrations are immutable. Compares the
 * migrations directory at the base ref with the working tree and reports, per file, what a
 * reviewer must not let through.
 */




const sha = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
const sortNames = (names) => [...names].sort((a, b) => a.localeCompare(b));
async function workingTreeFiles(dir) {
    const out = new Map();
    let entries = [];
    try {
        entries = await promises_default().readdir(dir);
    }
    catch {
        return out;
    }
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry);
        const stat = await promises_default().stat(full);
        if (stat.isFile())
            out.set(entry, await promises_default().readFile(full));
        else if (stat.isDirectory()) {
            for (const inner of await promises_default().readdir(full)) {
                const innerPath = external_node_path_default().join(full, inner);
                if ((await promises_default().stat(innerPath)).isFile())
                    out.set(`${entry}/${inner}`, await promises_default().readFile(innerPath));
            }
            if (!out.has(`${entry}/migration.sql`))
                out.set(`${entry}/`, Buffer.alloc(0)); // remember the folder
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
    const root = await (0,git/* repoRoot */.jv)(dir);
    const relDir = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    const baseCommit = await (0,git/* resolveRef */.qE)(root, options.baseRef);
    const base = migrationFolders(await (0,git/* filesAtRef */.iD)(root, baseCommit, relDir));
    const headFiles = await workingTreeFiles(dir);
    const head = migrationFolders(headFiles);
    const baseLock = (await (0,git/* filesAtRef */.iD)(root, baseCommit, `${relDir}/migration_lock.toml`)).values().next().value;
    const problems = [];
    const rel = (name) => `${relDir}/${name}`;
    const addedNames = sortNames([...head.keys()].filter((name) => !base.has(name)));
    const headByHash = new Map();
    for (const name of addedNames) {
        const content = head.get(name);
        if (content)
            headByHash.set(sha(content), name);
    }
    for (const [name, content] of base) {
        const now = head.get(name);
        if (!head.has(name)) {
            const renamedTo = content ? headByHash.get(sha(content)) : undefined;
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
    const newestMerged = sortNames(base.keys()).pop();
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
        if (newestMerged && name.localeCompare(newestMerged) < 0 && !renamedTargets.has(name)) {
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
        merged: sortNames(base.keys()),
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
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
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

// EXTERNAL MODULE: ./src/lint/index.ts + 25 modules
var lint = __webpack_require__(9911);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/seed/index.ts + 2 modules
var seed = __webpack_require__(4764);
// EXTERNAL MODULE: ./src/backup/index.ts + 12 modules
var src_backup = __webpack_require__(1249);
// EXTERNAL MODULE: ./src/backup/dbstate.ts
var dbstate = __webpack_require__(9529);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var catalog_diff = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/pr-check/rehearsal.ts
/**
 * The rollback rehearsal: a backup of the upgrade-path database before the new migrations,
 * restored after them into a new database and compared — catalog and row counts — with the
 * state it was taken from. Proves the pre-deploy backup is a way back.
 */






/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
function rehearsalDifferences(before, restored) {
    const catalog = (0,catalog_diff/* diffSnapshots */.V1)(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
    const counts = (0,dbstate/* compareRowCounts */.OU)(before.counts, restored.counts);
    return [...catalog, ...(counts.length ? [(0,dbstate/* describeDifferences */.g7)(counts)] : [])];
}
async function backUpBefore(run, db, workDir) {
    const backup = await (0,src_backup.createBackup)({
        connection: db,
        outputDir: external_node_path_default().join(workDir, 'backup'),
        prefix: 'rehearsal',
        verify: 'none',
        log: run.env.log,
    });
    return {
        backupPath: backup.backupPath,
        sizeBytes: backup.sizeBytes,
        snapshot: await (0,pr_check_run/* snapshotOf */.eY)(db),
        counts: await (0,pr_check_run/* withClient */.SV)(db, dbstate/* countRows */.BO),
    };
}
async function rehearseRollback(run, upgraded, before) {
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.rehearsal, async (check) => {
        if (!upgraded || !before) {
            check.status = 'skip';
            check.detail = 'Needs the upgrade path to reach the new migrations first.';
            return;
        }
        const restored = await (0,src_backup.restoreBackup)({
            backupPath: before.backupPath,
            connection: upgraded,
            mode: 'new-database',
            log: run.env.log,
        });
        const restoredDb = { ...upgraded, database: restored.database };
        try {
            const after = { snapshot: await (0,pr_check_run/* snapshotOf */.eY)(restoredDb), counts: await (0,pr_check_run/* withClient */.SV)(restoredDb, dbstate/* countRows */.BO) };
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
 * data (with the rollback rehearsal's backup taken in between when it is on).
 */









/** Applies the whole history on an empty database; returns it, or undefined when that failed. */
async function fromScratch(run, migrations) {
    let applied;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.scratch, async (check) => {
        const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'scratch');
        const result = await (0,pr_check_run/* applyHistory */.xu)(run, db, migrations, run.settings.migrationsDir);
        applied = db;
        check.detail = `${(0,format/* plural */.LS)(migrations.length, 'migration')} applied on an empty database in ${(0,format/* formatDuration */.a3)(result.durationMs)} (${run.settings.engine} engine).`;
    });
    return applied;
}
async function upgradePath(run, all, base, added, guard) {
    const { settings, env } = run;
    let upgraded;
    let before;
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
            const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'upgrade');
            // The base branch's own files (what production ran), not the working tree's.
            const baseDir = external_node_path_default().join(workDir, 'base');
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
            await (0,git/* materializeAtRef */.Uh)(root, guard.baseCommit, external_node_path_default().relative(root, settings.migrationsDir).split((external_node_path_default()).sep).join('/'), baseDir);
            await (0,pr_check_run/* applyHistory */.xu)(run, db, (await (0,reader/* readMigrationsDir */.Nb)(baseDir)).migrations, baseDir);
            const seeded = await (0,pr_check_run/* withClient */.SV)(db, (client) => (0,seed/* seedDatabase */.v)(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log: env.log }));
            if (settings.rollbackRehearsal)
                before = await backUpBefore(run, db, workDir);
            upgraded = db;
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
            await rehearseRollback(run, upgraded, before);
    }
    finally {
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
async function schemaAgreement(run, fromScratch, earlySql) {
    const { settings, prisma } = run;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.schema, async (check) => {
        if (!prisma.cli) {
            check.status = 'skip';
            check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
            return;
        }
        if (!fromScratch) {
            check.status = 'skip';
            check.detail = 'Skipped: the migrations did not apply from scratch.';
            return;
        }
        const fromSchema = await (0,pr_check_run/* newDatabase */.gL)(run, 'schema');
        // A driver-adapter config connects even for --from-empty: give it the still-empty database.
        const converted = await (earlySql ??
            settledSchemaSql(prisma.cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl: fromSchema.url }));
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

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
;// CONCATENATED MODULE: ./src/pr-check/touched-tables.ts
/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */

/** Every relation name (RangeVar) any statement mentions. */
async function touchedTables(migrations) {
    await (0,parser/* loadParser */.qd)();
    const names = new Set();
    const walk = (node) => {
        if (Array.isArray(node)) {
            node.forEach(walk);
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        const record = node;
        if (record.RangeVar?.relname)
            names.add(record.RangeVar.relname);
        if (typeof record.relname === 'string' && 'inh' in record)
            names.add(record.relname);
        for (const value of Object.values(record))
            walk(value);
    };
    for (const migration of migrations) {
        try {
            for (const statement of (0,parser/* splitStatements */.Xd)(migration.sql, { migration: migration.name }))
                walk(statement.node);
        }
        catch {
            /* unparseable SQL is reported by the lint and apply steps */
        }
    }
    return names;
}
/** `a, "B c"` (a column list of pg_get_constraintdef) → ['a', 'B c']. */
function identifierList(text) {
    return [...text.matchAll(/\s*("(?:[^"]|"")*"|[^,\s]+)\s*(?:,|$)/g)].map((m) => m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
}
/** The last part of a possibly schema-qualified, possibly quoted name: `public."User"` → User. */
function unqualified(name) {
    const parts = [...name.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
    return parts[parts.length - 1] ?? name;
}
/** `FOREIGN KEY (a, b) REFERENCES s."T"(x, y) …` as its parts, or undefined for another shape. */
function parseForeignKey(definition) {
    const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ((?:"(?:[^"]|"")*"|[^\s("])+)\(([^)]*)\)/.exec(definition);
    if (!m)
        return undefined;
    return { columns: identifierList(m[1]), table: unqualified(m[2]), referenced: identifierList(m[3]) };
}
/** The touched tables as ER entities: PK and FK marks from their constraints, one relationship per foreign key. */
function erTablesFor(snapshot, touched) {
    const columns = Object.values(snapshot.objects.column);
    const constraints = Object.values(snapshot.objects.constraint);
    const tables = [];
    for (const name of [...touched].sort()) {
        const own = columns.filter((c) => c.table === name).sort((a, b) => a.position - b.position);
        if (!own.length)
            continue;
        const pkDefinition = constraints.find((c) => c.table === name && c.kind === 'primary')?.definition;
        const pkColumns = new Set(pkDefinition ? identifierList(/\(([^)]*)\)/.exec(pkDefinition)?.[1] ?? '') : []);
        const fks = constraints
            .filter((c) => c.table === name && c.kind === 'foreign')
            .map((c) => parseForeignKey(c.definition))
            .filter((fk) => fk !== undefined);
        const referencedBy = new Map();
        for (const fk of fks)
            fk.columns.forEach((column, i) => referencedBy.set(column, `${fk.table}.${fk.referenced[i] ?? '?'}`));
        tables.push({
            name,
            columns: own.map((c) => ({ name: c.name, type: c.type, pk: pkColumns.has(c.name), fk: referencedBy.get(c.name) })),
            references: fks.map((fk) => ({ to: fk.table, label: fk.columns.join(', ') })),
        });
    }
    return tables;
}

// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/target.ts + 1 modules
var target = __webpack_require__(4703);
// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/seed/catalog.ts
var catalog = __webpack_require__(4610);
// EXTERNAL MODULE: ./src/seed/checks.ts
var seed_checks = __webpack_require__(6868);
// EXTERNAL MODULE: ./src/seed/order.ts
var order = __webpack_require__(8845);
;// CONCATENATED MODULE: ./src/rehearsal/bulk-seed.ts





const CHUNK_ROWS = 250_000;
const PARENT_KEYS = 100_000;
const INT_MAX = { int2: 32_767, int4: 2_147_483_647, int8: 9_007_199_254_740_991 };
/** Adds rows to each table in `targets` until it holds the wanted count (parents first). */
async function bulkSeed(client, schema, targets, log) {
    const tables = (await (0,catalog/* readSeedTables */.N)(client, schema, ['_prisma_migrations'])).filter((t) => targets.has(t.name));
    const results = [];
    for (const plan of (0,order/* planTableOrder */.G$)(tables)) {
        const table = plan.table;
        const have = await countRows(client, table);
        const want = targets.get(table.name);
        if (plan.blocked) {
            results.push({ table: table.name, rows: have, added: 0, skipped: plan.blocked });
            continue;
        }
        try {
            let added = 0;
            while (have + added < want) {
                const n = Math.min(CHUNK_ROWS, want - have - added);
                const inserted = await insertChunk(client, table, plan.nullForeignKeys, have + added, n);
                added += inserted;
                if (inserted < n)
                    break; // one-to-one keys ran out of parents
            }
            await client.query(`ANALYZE ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`);
            log?.(`rehearsal: ${table.name} +${added} rows (now ${have + added})`);
            results.push({ table: table.name, rows: have + added, added });
        }
        catch (error) {
            const message = error instanceof SkipTable ? error.message : (0,redact/* redact */.E$)(error.message);
            if (!(error instanceof SkipTable) && !error.code)
                throw error;
            log?.(`rehearsal: ${table.name} not filled: ${message}`);
            results.push({ table: table.name, rows: have, added: 0, skipped: message });
        }
    }
    return results;
}
class SkipTable extends Error {
}
async function countRows(client, table) {
    return Number((await client.query(`SELECT count(*) AS n FROM ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`)).rows[0].n);
}
/** One INSERT … SELECT of `n` rows numbered from `offset + 1`; returns how many went in. */
async function insertChunk(client, table, nullFks, offset, n) {
    const target = (0,postgres_sql/* qualify */.Ss)(table.schema, table.name);
    const uniqueColumns = new Set(table.uniqueKeys.flat());
    const expressions = new Map();
    const joins = [];
    const ctes = [];
    let radix = '1';
    let limit = n;
    for (const [i, fk] of table.foreignKeys.entries()) {
        const nullable = (0,order/* isNullable */.wD)(table, fk);
        if (nullFks.has(fk.name) || (0,order/* isSelfReference */.QZ)(table, fk)) {
            if (!nullable)
                throw new SkipTable(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
            fk.columns.forEach((c) => expressions.set(c, 'NULL'));
            continue;
        }
        const parent = (0,postgres_sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable);
        const cols = fk.parentColumns.map(postgres_sql/* quoteIdent */.v4);
        const oneToOne = table.uniqueKeys.some((key) => key.every((c) => fk.columns.includes(c)));
        // A one-to-one key gets parents no row references yet; others cycle through a sample of parent keys.
        const unused = oneToOne
            ? ` AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE ${fk.columns.map((c, k) => `x.${(0,postgres_sql/* quoteIdent */.v4)(c)} = p.${cols[k]}`).join(' AND ')})`
            : '';
        ctes.push(`p${i} AS MATERIALIZED (SELECT row_number() OVER () - 1 AS k, ${cols.map((c, k) => `p.${c} AS c${k}`).join(', ')} FROM ${parent} p
        WHERE ${cols.map((c) => `p.${c} IS NOT NULL`).join(' AND ')}${unused} LIMIT ${oneToOne ? n : PARENT_KEYS}),
       n${i} AS (SELECT greatest(count(*), 1) AS n FROM p${i})`);
        const available = Number((await client.query(`WITH ${ctes.at(-1)} SELECT count(*) AS n FROM p${i}`)).rows[0].n);
        if (available === 0) {
            if (!nullable)
                throw new SkipTable(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none to spare`);
            ctes.pop();
            fk.columns.forEach((c) => expressions.set(c, 'NULL'));
            continue;
        }
        if (oneToOne)
            limit = Math.min(limit, available);
        joins.push(`JOIN p${i} ON p${i}.k = ((g - 1) / ${radix}) % (SELECT n FROM n${i})`);
        radix = `(${radix} * (SELECT n FROM n${i}))`;
        fk.columns.forEach((c, k) => expressions.set(c, `p${i}.c${k}`));
    }
    const written = table.columns.filter((c) => !c.identity && !c.generated && (!c.defaultExpr || uniqueColumns.has(c.name)));
    for (const column of written) {
        if (expressions.has(column.name))
            continue;
        const domain = columnDomain(table, column);
        const distinct = uniqueColumns.has(column.name);
        const base = distinct ? await distinctBase(client, table, column) : 0;
        const expr = valueExpression(column, domain, distinct, base);
        if (expr === undefined) {
            if (column.notNull)
                throw new SkipTable(`column "${column.name}" (${column.sqlType}) is NOT NULL and has a type the seeder cannot generate`);
            expressions.set(column.name, 'NULL');
        }
        else
            expressions.set(column.name, !column.notNull && !distinct ? `CASE WHEN g % 7 = 3 THEN NULL ELSE ${expr} END` : expr);
    }
    // `a >= b`-style CHECKs between two generated columns: the left takes the right's value.
    for (const check of table.checks.filter((c) => c.columns.length === 2)) {
        for (const { left, op, right } of (0,seed_checks/* columnComparisons */.Z)(check.definition)) {
            if ((op === '>=' || op === '<=') && expressions.has(left) && expressions.has(right) && !uniqueColumns.has(left))
                expressions.set(left, expressions.get(right));
        }
    }
    const columns = written.filter((c) => expressions.has(c.name));
    const fkOnly = table.foreignKeys.flatMap((fk) => fk.columns).filter((c) => !columns.some((w) => w.name === c) && expressions.has(c));
    const names = [...columns.map((c) => c.name), ...fkOnly];
    const values = names.map((name) => {
        const column = table.columns.find((c) => c.name === name);
        return `(${expressions.get(name)})::${column.sqlType}`;
    });
    const sql = `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}INSERT INTO ${target} ${names.length ? `(${names.map(postgres_sql/* quoteIdent */.v4).join(', ')})` : ''}
    SELECT ${values.join(', ')} FROM generate_series(${offset + 1}::bigint, ${offset + limit}::bigint) g ${joins.join(' ')}`;
    return (await client.query(sql)).rowCount ?? 0;
}
function columnDomain(table, column) {
    let domain = {};
    const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
    for (const definition of [...checks, ...column.domainChecks])
        domain = (0,seed_checks/* applyCheck */.b)(domain, definition, column.name);
    return domain;
}
/** Where distinct numbers continue from: after the largest value already there. */
async function distinctBase(client, table, column) {
    if (column.category !== 'N')
        return 0;
    const r = await client.query(`SELECT max(${(0,postgres_sql/* quoteIdent */.v4)(column.name)})::text AS m FROM ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`);
    return Math.max(0, Math.ceil(Number(r.rows[0].m ?? 0)));
}
/** A SQL expression of `g` for the column, or undefined for a type with no generator. */
function valueExpression(column, domain, distinct, base) {
    const spread = (span) => `((g * 7919) % ${Math.max(1, Math.floor(span))})`;
    if (domain.values?.length)
        return `(ARRAY[${domain.values.map(postgres_sql/* quoteLiteral */.ce).join(', ')}])[1 + (g % ${domain.values.length})::int]`;
    if (column.enumLabels?.length)
        return `(ARRAY[${column.enumLabels.map(postgres_sql/* quoteLiteral */.ce).join(', ')}])[1 + (g % ${column.enumLabels.length})::int]`;
    if (column.category === 'A')
        return `'{}'`;
    switch (column.baseType) {
        case 'uuid':
            return `md5('r' || g::text)::uuid`;
        case 'json':
        case 'jsonb':
            return `json_build_object('seed', g)::text`;
        case 'bytea':
            return `decode(md5(g::text), 'hex')`;
        case 'bool':
            return `(g % 2 = 0)`;
        case 'date':
            return distinct ? `date '2100-01-01' + g::int` : `date '2024-01-01' + ${spread(730)}::int`;
        case 'timestamp':
        case 'timestamptz':
            return distinct
                ? `timestamp '2030-01-01' + g * interval '1 second'`
                : `timestamp '2024-01-01' + ${spread(63_072_000)} * interval '1 second'`;
        case 'time':
        case 'timetz':
            return `time '00:00' + (g % 86400) * interval '1 second'`;
        case 'interval':
            return `(1 + g % 10000) * interval '1 minute'`;
        case 'inet':
        case 'cidr':
            return `('10.0.0.0'::inet + g)`;
        case 'money':
            return `((g % 100000)::numeric / 100)`;
    }
    if (column.category === 'N') {
        const integral = column.baseType in INT_MAX || (column.baseType === 'numeric' && column.scale === 0);
        let max = domain.max ?? (distinct ? INT_MAX.int8 : 1000);
        const min = domain.min ?? (distinct ? 1 : 0);
        if (column.baseType in INT_MAX)
            max = Math.min(max, INT_MAX[column.baseType]);
        if (column.precision !== undefined)
            max = Math.min(max, 10 ** (column.precision - (column.scale ?? 0)) - 1);
        if (distinct)
            return `(${Math.max(base, Math.ceil(min) - 1)} + g)`;
        const span = Math.floor(max) - Math.ceil(min) + 1;
        return integral ? `(${Math.ceil(min)} + ${spread(span)})` : `(${Math.ceil(min)} + ${spread(span * 100)}::numeric / 100)`;
    }
    if (column.category === 'S') {
        const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
        const token = distinct ? `'r' || g` : `'w' || (g % 1000)`;
        let text = /e?mail/i.test(column.name) ? `'user.' || ${token} || '@example.com'` : `${(0,postgres_sql/* quoteLiteral */.ce)(`${column.name}_`)} || ${token}`;
        if (Number.isFinite(maxLength))
            text = distinct ? `right(${text}, ${maxLength})` : `left(${text}, ${maxLength})`;
        if (domain.minLength)
            text = `rpad(${text}, ${Math.min(domain.minLength, maxLength)}, 'x')`;
        return text;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/rehearsal/rows-spec.ts
var rows_spec = __webpack_require__(9340);
;// CONCATENATED MODULE: ./src/rehearsal/sizing.ts
/**
 * How many rows each touched table gets in the rehearsal: the production (or staging) sizes read
 * from a stats database when one is given (pg_class.reltuples, read-only, statement-timeout
 * bounded), else `rehearsal-rows`; then capped by the row budget, scaled down proportionally.
 */

const STATS_TIMEOUT_MS = 10_000;

/** Sizes of `tables` (names in `schema`) from the stats database, read-only; tables it lacks or never analyzed are left out. */
async function readProductionSizes(stats, tables) {
    const rows = await (0,postgres_client/* withClient */.SV)(stats, { applicationName: 'prisma-migrate-actions rehearsal sizes', readOnly: true, statementTimeoutMs: STATS_TIMEOUT_MS }, async (client) => (await client.query(`SELECT c.relname, c.reltuples::float8 AS reltuples, (c.relpages::bigint * current_setting('block_size')::int)::text AS table_bytes,
                  pg_indexes_size(c.oid)::text AS index_bytes
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = ANY($2) AND c.relkind IN ('r', 'p')`, [stats.schema, tables])).rows);
    return new Map(rows.map((r) => [r.relname, r]));
}
async function sizeTables(input) {
    const notes = [];
    const stats = input.stats ? await readProductionSizes(input.stats, input.tables) : undefined;
    const tables = input.tables.map((table) => {
        const key = `${input.schema}.${table}`;
        const fallback = input.rows.perTable[table] ?? input.rows.perTable[key] ?? input.rows.default;
        const row = stats?.get(table);
        if (stats && (!row || row.reltuples < 0)) {
            notes.push(`${table}: the stats database ${row ? 'has never analyzed it' : 'has no such table'}; rehearsed with ${fallback.toLocaleString('en-US')} rows.`);
        }
        const fromStats = row && row.reltuples >= 0 ? Math.round(row.reltuples) : undefined;
        return {
            key,
            table,
            wanted: fromStats ?? fallback,
            rehearsed: fromStats ?? fallback,
            tableBytes: row ? Number(row.table_bytes) : undefined,
            indexBytes: row ? Number(row.index_bytes) : undefined,
        };
    });
    const total = tables.reduce((sum, t) => sum + t.wanted, 0);
    const scaledDown = total > input.budget;
    const scale = scaledDown ? input.budget / total : 1;
    if (scaledDown)
        for (const t of tables)
            t.rehearsed = Math.max(t.wanted > 0 ? 1 : 0, Math.floor(t.wanted * scale));
    return { source: stats ? 'stats-database' : 'rehearsal-rows', tables, scaledDown, scale, notes };
}

// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
;// CONCATENATED MODULE: ./src/rehearsal/types.ts
/**
 * What a rehearsal at production scale reports: per statement, the locks it really took and for
 * how long, whether it rewrote a table, and how long the application's queries waited behind it.
 * `RehearsalData` is the JSON report's `data.rehearsal`, field for field.
 */
/** Lock modes from weakest to strongest (the order of PostgreSQL's conflict table). */
const LOCK_MODES = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];
/** Rank of a mode (`ACCESS EXCLUSIVE (new table)` counts as ACCESS EXCLUSIVE); -1 for none/unknown. */
function lockRank(mode) {
    const base = mode.replace(/\s*\(.*\)$/, '').toUpperCase();
    return LOCK_MODES.indexOf(base);
}
/** pg_locks' `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
function lockModeName(pgMode) {
    return pgMode
        .replace(/Lock$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
}
/** Modes that make an application's INSERT/UPDATE/DELETE wait (conflict with ROW EXCLUSIVE). */
function blocksWrites(mode) {
    return lockRank(mode) >= lockRank('SHARE');
}

;// CONCATENATED MODULE: ./src/rehearsal/sampler.ts


const DEFAULT_SAMPLE_INTERVAL_MS = 2;
// Relation locks in the schema (tables only, by name), and any lock a session waits for — with
// whether the migration's backend is what it waits behind (workload sessions also wait for each other's rows).
const SAMPLE_SQL = `SELECT l.pid, l.mode, l.granted, CASE WHEN c.relkind IN ('r', 'p', 'm') AND n.nspname = $2 THEN n.nspname || '.' || c.relname END AS relation,
       CASE WHEN NOT l.granted THEN $3::int = ANY (pg_blocking_pids(l.pid)) ELSE false END AS by_migration
  FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = ANY($1::int[]) AND ((l.locktype = 'relation' AND c.relname NOT LIKE 'pg\\_temp\\_%') OR NOT l.granted)`;
class LockSampler {
    client;
    schema;
    intervalMs;
    migrationPid;
    spans = [];
    samples = 0;
    /** Gaps between consecutive samples, for the resolution the report states. */
    gaps = [];
    open = new Map();
    running = false;
    loop;
    constructor(client, schema, intervalMs, migrationPid) {
        this.client = client;
        this.schema = schema;
        this.intervalMs = intervalMs;
        this.migrationPid = migrationPid;
    }
    /** Samples the locks of `migrationPid` and of `otherPids` (the workload) until `stop`. */
    static async start(settings, migrationPid, otherPids, intervalMs = DEFAULT_SAMPLE_INTERVAL_MS) {
        const client = await (0,postgres_client/* openClient */.My)(settings, { applicationName: 'prisma-migrate-actions rehearsal sampler' });
        const sampler = new LockSampler(client, settings.schema, intervalMs, migrationPid);
        sampler.running = true;
        sampler.loop = sampler.run([migrationPid, ...otherPids]);
        return sampler;
    }
    async run(pids) {
        let previous;
        while (this.running) {
            const started = performance.now();
            const rows = (await this.client.query({ name: 'rehearsal-locks', text: SAMPLE_SQL, values: [pids, this.schema, this.migrationPid] })).rows;
            const at = (started + performance.now()) / 2;
            if (previous !== undefined)
                this.gaps.push(at - previous);
            previous = at;
            this.samples++;
            this.record(rows, at);
            const rest = this.intervalMs - (performance.now() - started);
            if (rest > 0)
                await new Promise((resolve) => setTimeout(resolve, rest));
        }
    }
    record(rows, at) {
        const seen = new Set();
        for (const row of rows) {
            // The workload's waits count only when the migration is what they wait behind.
            if (row.pid !== this.migrationPid && (row.granted || !row.by_migration))
                continue;
            const relation = row.relation ?? (row.granted ? undefined : '(other lock)');
            if (!relation)
                continue;
            const key = `${row.pid}\0${relation}\0${row.mode}\0${row.granted}`;
            seen.add(key);
            const span = this.open.get(key);
            if (span)
                span.last = at;
            else {
                const fresh = { pid: row.pid, relation, mode: lockModeName(row.mode), granted: row.granted, first: at, last: at };
                this.open.set(key, fresh);
                this.spans.push(fresh);
            }
        }
        for (const key of [...this.open.keys()])
            if (!seen.has(key))
                this.open.delete(key);
    }
    /** The median gap between samples: locks shorter than about this may go unseen. */
    medianGapMs() {
        if (!this.gaps.length)
            return this.intervalMs;
        const sorted = [...this.gaps].sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)];
    }
    async stop() {
        this.running = false;
        await this.loop?.catch(() => undefined);
        await this.client.end().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/workload.ts


const WORKLOAD_KINDS = ['read', 'read', 'insert', 'update'];
const KEY_SAMPLE = 500;
/** Reads each table's primary key and a sample of its values; tables without one get reads only. */
async function prepareTables(client, schema, tables) {
    const prepared = [];
    for (const table of tables) {
        const target = (0,postgres_sql/* qualify */.Ss)(schema, table);
        const info = await client.query(`SELECT (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
              (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS cols,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attidentity = 'a') AS always
         FROM pg_class c WHERE c.oid = to_regclass($1)`, [target]);
        const row = info.rows[0];
        if (!row)
            continue;
        const key = `${schema}.${table}`;
        if (!row.pk?.length) {
            prepared.push({ key, read: `SELECT 1 FROM ${target} LIMIT 1`, keys: [[]] });
            continue;
        }
        const pk = row.pk.map(postgres_sql/* quoteIdent */.v4);
        const where = `(${pk.join(', ')}) = (${pk.map((_, i) => `$${i + 1}`).join(', ')})`;
        const sample = await client.query({
            text: `SELECT ${pk.map((c) => `${c}::text`).join(', ')} FROM ${target} LIMIT ${KEY_SAMPLE}`,
            rowMode: 'array',
        });
        if (!sample.rows.length)
            continue;
        const cols = row.cols.map(postgres_sql/* quoteIdent */.v4).join(', ');
        prepared.push({
            key,
            read: `SELECT * FROM ${target} WHERE ${where}`,
            insert: `INSERT INTO ${target} (${cols}) ${row.always ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${cols} FROM ${target} WHERE ${where} ON CONFLICT DO NOTHING`,
            update: `UPDATE ${target} SET ${pk[0]} = ${pk[0]} WHERE ${where}`,
            keys: sample.rows,
        });
    }
    return prepared;
}
class Workload {
    clients;
    pids;
    tables;
    queries = [];
    running = false;
    loops = [];
    constructor(clients, pids, tables) {
        this.clients = clients;
        this.pids = pids;
        this.tables = tables;
    }
    /** Sessions connected and tables prepared; nothing runs until `run`. */
    static async prepare(settings, tables, kinds = WORKLOAD_KINDS) {
        const clients = [];
        for (const _ of kinds)
            clients.push(await (0,postgres_client/* openClient */.My)(settings, { applicationName: 'prisma-migrate-actions rehearsal workload' }));
        const pids = [];
        for (const client of clients)
            pids.push((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
        const prepared = await prepareTables(clients[0], settings.schema, tables);
        const workload = new Workload(clients, pids, prepared);
        workload.kinds = kinds;
        return workload;
    }
    kinds = WORKLOAD_KINDS;
    get tableCount() {
        return this.tables.length;
    }
    run() {
        if (!this.tables.length)
            return;
        this.running = true;
        this.loops = this.clients.map((client, i) => this.loop(client, this.pids[i], this.kinds[i], i));
    }
    async loop(client, pid, kind, seed) {
        let n = seed * 7;
        while (this.running) {
            const table = this.tables[n % this.tables.length];
            const text = table[kind] ?? table.read;
            const values = table.keys[(n * 31) % table.keys.length];
            n++;
            const start = performance.now();
            let failed = false;
            try {
                await client.query(text, values.length ? values : undefined);
            }
            catch {
                failed = true; // the migration changed the table under it (a dropped column); the wait still counts
            }
            this.queries.push({ pid, kind: table[kind] ? kind : 'read', table: table.key, start, end: performance.now(), failed });
            // A little think time between queries, as an application has; also leaves the CPU to the migration.
            await new Promise((resolve) => setTimeout(resolve, 1));
        }
    }
    async stop() {
        this.running = false;
        await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
        await Promise.all(this.clients.map((c) => c.end().catch(() => undefined)));
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/trace.ts






const OWN_LOCKS_SQL = `SELECT n.nspname || '.' || c.relname AS relation, l.mode FROM pg_locks l
  JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND n.nspname = $1
   AND c.relkind IN ('r', 'p', 'm') AND c.relname NOT LIKE 'pg\\_temp\\_%'`;
const FILENODES_SQL = `SELECT c.oid::text AS oid, n.nspname || '.' || c.relname AS relation, c.relfilenode::text AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`;
async function filenodes(client, schema) {
    const rows = (await client.query(FILENODES_SQL, [schema])).rows;
    return new Map(rows.map((r) => [r.oid, { relation: r.relation, filenode: r.filenode }]));
}
async function ownLocks(client, schema) {
    const rows = (await client.query(OWN_LOCKS_SQL, [schema])).rows;
    const locks = new Map();
    for (const row of rows) {
        const mode = lockModeName(row.mode);
        if (lockRank(mode) > lockRank(locks.get(row.relation) ?? ''))
            locks.set(row.relation, mode);
    }
    return locks;
}
function rewrittenBetween(before, after) {
    return [...before].filter(([oid, b]) => after.has(oid) && after.get(oid).filenode !== b.filenode).map(([, b]) => b.relation);
}
async function traceMigrations(options) {
    const { connection } = options;
    const schema = connection.schema;
    const client = await (0,postgres_client/* openClient */.My)(connection, { applicationName: 'prisma-migrate-actions rehearsal' });
    const runs = [];
    let stopped;
    let workload;
    let sampler;
    try {
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        workload = await Workload.prepare(connection, options.tables);
        sampler = await LockSampler.start(connection, pid, workload.pids, options.sampleIntervalMs);
        workload.run();
        await new Promise((resolve) => setTimeout(resolve, 50)); // the workload is under way before the first statement
        const deadline = performance.now() + options.timeoutMs;
        const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
        outer: for (const migration of options.migrations) {
            const prepared = await (0,migrations_plan/* prepareMigration */.wh)(migration, options.serverMajor);
            const plan = (0,migrations_plan/* planOf */.XC)(prepared);
            const predicted = new Map(prepared.statements.map((s, i) => [s, plan.statements[i].locks]));
            const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
            for (const unit of units) {
                const unitRuns = [];
                if (unit.transactional)
                    await client.query('BEGIN; SET LOCAL lock_timeout = 0');
                else
                    await client.query('SET lock_timeout = 0');
                let before = await filenodes(client, schema);
                let held = new Map();
                let failure;
                for (const statement of unit.statements) {
                    await client.query(`SET ${unit.transactional ? 'LOCAL ' : ''}statement_timeout = ${remaining()}`);
                    const run = {
                        migration: migration.name,
                        statement,
                        predicted: predicted.get(statement) ?? [],
                        transactional: unit.transactional,
                        start: performance.now(),
                        end: 0,
                        release: 0,
                        own: new Map(),
                        rewritten: [],
                    };
                    runs.push(run);
                    unitRuns.push(run);
                    try {
                        await client.query(statement.text);
                    }
                    catch (error) {
                        failure = { error: error, run };
                    }
                    run.end = performance.now();
                    if (failure) {
                        run.release = run.end;
                        run.timedOut = failure.error.code === '57014';
                        break;
                    }
                    if (unit.transactional) {
                        const now = await ownLocks(client, schema);
                        for (const [relation, mode] of now)
                            if (held.get(relation) !== mode)
                                run.own.set(relation, mode);
                        held = now;
                    }
                    const after = await filenodes(client, schema);
                    run.rewritten = rewrittenBetween(before, after);
                    before = after;
                }
                if (unit.transactional)
                    await client.query(failure ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
                else
                    await client.query('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
                const release = performance.now();
                for (const run of unitRuns)
                    if (unit.transactional || !run.release)
                        run.release = unit.transactional ? release : run.end;
                if (failure) {
                    const { error, run } = failure;
                    stopped = {
                        migration: run.migration,
                        line: run.statement.line,
                        timedOut: Boolean(run.timedOut),
                        reason: run.timedOut ? 'rehearsal-timeout reached' : `${(0,redact/* redact */.E$)(error.message)}${error.code ? ` (SQLSTATE ${error.code})` : ''}`,
                    };
                    options.log?.(`rehearsal: stopped at ${run.migration} line ${run.statement.line}: ${stopped.reason}`);
                    break outer;
                }
            }
        }
    }
    finally {
        await workload?.stop();
        await sampler?.stop();
        await client.end().catch(() => undefined);
    }
    const spans = sampler.spans;
    const migrationPid = sampler.migrationPid;
    const statements = runs.map((run) => toStatement(run, spans, migrationPid, sampler.medianGapMs()));
    attributeWaits(runs, statements, spans, workload.queries, migrationPid);
    return {
        statements,
        stopped,
        sampler: { samples: sampler.samples, medianGapMs: sampler.medianGapMs() },
        workload: { sessions: workload.pids.length, queries: workload.queries.length, tables: workload.tableCount },
    };
}
/** The strongest lock on each table, from the session's own view and the sampler's, with how long it was held. */
function toStatement(run, spans, migrationPid, gapMs) {
    const seen = spans.filter((s) => s.pid === migrationPid && s.granted && s.relation.includes('.') && s.first >= run.start - gapMs && s.first <= run.end + gapMs);
    const strongest = new Map();
    const offer = (relation, mode, from, to) => {
        const current = strongest.get(relation);
        if (!current || lockRank(mode) > lockRank(current.mode))
            strongest.set(relation, { mode, from, to });
        else if (current.mode === mode)
            current.from = Math.min(current.from, from);
    };
    for (const span of seen)
        offer(span.relation, span.mode, span.first, run.transactional ? run.release : span.last);
    for (const [relation, mode] of run.own)
        offer(relation, mode, run.start, run.release);
    const locks = [...strongest].map(([relation, l]) => ({
        relation,
        mode: l.mode,
        heldMs: Math.max(0, Math.round(Math.max(l.from, run.start) <= l.to ? l.to - Math.max(l.from, run.start) : 0)),
    }));
    return {
        migration: run.migration,
        line: run.statement.line,
        endLine: run.statement.endLine,
        sql: run.statement.text.trim(),
        locks: locks.sort((a, b) => lockRank(b.mode) - lockRank(a.mode) || a.relation.localeCompare(b.relation)),
        durationMs: Math.round(run.end - run.start),
        rewrite: run.rewritten.length > 0,
        rewritten: run.rewritten,
        blocked: { queries: 0, maxWaitMs: 0 },
        blockedKinds: new Set(),
        predicted: run.predicted,
        ...(run.timedOut ? { timedOut: true } : {}),
    };
}
/**
 * A workload query was blocked when the sampler saw its session wait behind the migration while it
 * ran; its wait is its whole latency (a primary-key query takes well under a millisecond). It is
 * charged to the statement whose lock on that table was held then — the earliest in the
 * transaction that took one — else to the statement running at the time.
 */
function attributeWaits(runs, statements, spans, queries, migrationPid) {
    const waits = spans.filter((s) => !s.granted && s.pid !== migrationPid);
    for (const query of queries) {
        const wait = waits.find((w) => w.pid === query.pid && w.last >= query.start && w.first <= query.end);
        if (!wait)
            continue;
        const at = wait.first;
        const active = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.start <= at && at <= r.release + 1);
        const holder = active.find(({ i }) => statements[i].locks.some((l) => l.relation === query.table && lockRank(l.mode) > lockRank('ROW EXCLUSIVE'))) ??
            active.at(-1);
        if (!holder)
            continue;
        statements[holder.i].blockedKinds.add(query.kind);
        const blocked = statements[holder.i].blocked;
        blocked.queries++;
        blocked.maxWaitMs = Math.max(blocked.maxWaitMs, Math.round(query.end - query.start));
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/findings.ts



const REHEARSAL_RULE = 'rehearsal';
const findings_unqualified = (name) => name.replace(/"/g, '').split('.').at(-1);
/** The predicted mode on a table (unqualified match), or undefined when the SQL names no lock there. */
function predictedMode(statement, relation) {
    const table = findings_unqualified(relation);
    const modes = statement.predicted.filter((l) => l.on.some((on) => findings_unqualified(on) === table)).map((l) => l.mode);
    return modes.sort((a, b) => lockRank(b) - lockRank(a))[0];
}
function observationFindings(statements, options) {
    const findings = [];
    for (const s of statements) {
        const where = { file: options.fileOf(s.migration), line: s.line, endLine: s.endLine };
        const what = (0,parser/* summarizeStatement */.pp)(s.sql, 80);
        for (const lock of s.locks) {
            if (!options.existing.has(lock.relation))
                continue;
            const predicted = predictedMode(s, lock.relation);
            if (lockRank(lock.mode) > lockRank(predicted ?? 'ACCESS SHARE') && lockRank(lock.mode) >= lockRank('SHARE')) {
                findings.push({
                    severity: 'error',
                    ruleId: `${REHEARSAL_RULE}/stronger-lock`,
                    ...where,
                    title: 'Takes a stronger lock than its SQL suggests',
                    message: `\`${what}\` took ${lock.mode} on ${lock.relation} for ${(0,format/* formatDuration */.a3)(lock.heldMs)} in the rehearsal; from its SQL, ${predicted ? `${predicted} was expected` : 'no lock on that table was expected'}.`,
                    fix: 'Check what the statement does to that table (a rewrite, a validation, a trigger) and split it into steps that take weaker locks.',
                });
            }
        }
        if (s.blocked.maxWaitMs > options.maxBlockingMs) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/blocks-application`,
                ...where,
                title: 'Blocks application queries longer than max-blocking',
                message: `While \`${what}\` ran, ${s.blocked.queries} application ${s.blocked.queries === 1 ? 'query' : 'queries'} waited, the longest ${(0,format/* formatDuration */.a3)(s.blocked.maxWaitMs)} (max-blocking is ${(0,format/* formatDuration */.a3)(options.maxBlockingMs)}); it ${s.locks[0] ? `held ${s.locks[0].mode} on ${s.locks[0].relation} for ${(0,format/* formatDuration */.a3)(s.locks[0].heldMs)}` : 'ran'}${s.rewrite ? ' and rewrote the table' : ''}${s.estimatedProductionMs !== undefined ? `; at production size about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)}` : ''}.`,
                fix: 'Use the online form of the change (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches), or schedule it for a maintenance window.',
            });
        }
        if (s.timedOut) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/timeout`,
                ...where,
                title: 'Ran past rehearsal-timeout',
                message: `\`${what}\` was stopped after ${(0,format/* formatDuration */.a3)(s.durationMs)} (rehearsal-timeout); the table above shows what it did until then. Later statements were not rehearsed.`,
                fix: 'Expect this statement to take at least that long in production; raise rehearsal-timeout to measure it fully, or lower the rehearsal sizes.',
            });
        }
    }
    return findings;
}
/**
 * Lint lock findings on statements the trace shows harmless at production sizes become notices
 * that say why. Only with sizes from a stats database: generated sizes prove nothing about production.
 */
function downgradeHarmless(findings, statements, options) {
    let downgraded = 0;
    for (const finding of findings) {
        if (!finding.ruleId?.startsWith('lock/') || finding.severity === 'notice' || finding.line === undefined)
            continue;
        const s = statements.find((st) => finding.file === options.fileOf(st.migration) && finding.line >= st.line && finding.line <= st.endLine);
        if (!s || s.estimatedProductionMs === undefined || s.timedOut)
            continue;
        const longest = Math.max(s.estimatedProductionMs, s.blocked.maxWaitMs);
        if (longest > options.maxBlockingMs)
            continue;
        finding.severity = 'notice';
        finding.message += ` — Rehearsed at production size: the statement took ${(0,format/* formatDuration */.a3)(s.durationMs)} (about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)} in production) and application queries waited at most ${(0,format/* formatDuration */.a3)(s.blocked.maxWaitMs)}, under max-blocking (${(0,format/* formatDuration */.a3)(options.maxBlockingMs)}), so it is harmless at these sizes.`;
        downgraded++;
    }
    return downgraded;
}
/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
function rehearsalTable(statements, withEstimates) {
    return {
        title: 'Rehearsal at production scale',
        columns: [
            'Statement',
            'Line',
            'Lock taken',
            'Held for',
            'Rewrite',
            'App queries blocked',
            'Longest wait',
            ...(withEstimates ? ['At production size'] : []),
        ],
        rows: statements.map((s) => {
            const lock = s.locks[0];
            return [
                `${(0,parser/* summarizeStatement */.pp)(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
                `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
                lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
                lock ? (0,format/* formatDuration */.a3)(lock.heldMs) : '—',
                s.rewrite ? 'yes' : 'no',
                String(s.blocked.queries),
                s.blocked.queries ? (0,format/* formatDuration */.a3)(s.blocked.maxWaitMs) : '—',
                ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)}` : '—'] : []),
            ];
        }),
    };
}

;// CONCATENATED MODULE: ./src/rehearsal/index.ts








/** Rows the small seeder gives every table first, so the parents of the touched tables have keys to point at. */
const PARENT_ROWS = 20;
/** Touched tables (by the new migrations) that exist in the database now. */
async function existingTouchedTables(client, schema, migrations) {
    const touched = [...(await touchedTables(migrations))];
    const rows = (await client.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2) ORDER BY 1`, [schema, touched])).rows;
    return rows.map((r) => r.relname);
}
async function rehearse(options) {
    const { connection, log } = options;
    const schema = connection.schema;
    const seedStarted = performance.now();
    const { tables, sizing, seeded, rows } = await (0,postgres_client/* withClient */.SV)(connection, { applicationName: 'prisma-migrate-actions rehearsal seed' }, async (client) => {
        const tables = await existingTouchedTables(client, schema, options.migrations);
        const sizing = await sizeTables({ schema, tables, stats: options.stats, rows: options.rows, budget: options.budget });
        await (0,seed/* seedDatabase */.v)(client, { schema, rowsPerTable: PARENT_ROWS });
        const seeded = await bulkSeed(client, schema, new Map(sizing.tables.map((t) => [t.table, t.rehearsed])), log);
        const rows = {};
        for (const t of sizing.tables)
            rows[t.key] = seeded.find((s) => s.table === t.table)?.rows ?? 0;
        return { tables, sizing, seeded, rows };
    });
    const seedMs = performance.now() - seedStarted;
    const traceStarted = performance.now();
    const trace = await traceMigrations({
        connection,
        migrations: options.migrations,
        tables,
        timeoutMs: options.timeoutMs,
        serverMajor: options.serverMajor,
        sampleIntervalMs: options.sampleIntervalMs,
        log,
    });
    const traceMs = performance.now() - traceStarted;
    if (sizing.source === 'stats-database') {
        // Linear in rows: the statement's time × (production rows / rehearsed rows) of the largest factor among the tables it locked.
        for (const s of trace.statements) {
            const factors = s.locks
                .map((l) => sizing.tables.find((t) => t.key === l.relation))
                .filter((t) => t !== undefined && rows[t.key] > 0)
                .map((t) => t.wanted / rows[t.key]);
            s.estimatedProductionMs = Math.round(s.durationMs * Math.max(1, ...factors));
        }
    }
    const { statements, ...rest } = trace;
    return {
        data: { rows, scaledDown: sizing.scaledDown, statements: statements.map(publicShape) },
        statements,
        sizing,
        seeded,
        trace: rest,
        existing: new Set(sizing.tables.map((t) => t.key)),
        seedMs,
        traceMs,
    };
}
/** A traced statement as `data.rehearsal` carries it. */
function publicShape(s) {
    return {
        migration: s.migration,
        line: s.line,
        sql: s.sql,
        locks: s.locks,
        durationMs: s.durationMs,
        rewrite: s.rewrite,
        blocked: s.blocked,
        ...(s.estimatedProductionMs !== undefined ? { estimatedProductionMs: s.estimatedProductionMs } : {}),
        ...(s.timedOut ? { timedOut: true } : {}),
    };
}

;// CONCATENATED MODULE: ./src/pr-check/scale-rehearsal-step.ts
/**
 * The pull request's rehearsal at production scale (src/rehearsal/): on its own database at the
 * base branch's state, after the concurrent steps (so their load does not distort its timings).
 * Its findings join the report, lint lock findings it proves harmless become notices, and its
 * per-statement table goes to the PR comment and job summary.
 */









async function rehearseAtScale(run, base, added, guard) {
    const { settings, env } = run;
    let data;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-rehearsal-'));
    try {
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
            const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'rehearsal');
            const baseDir = external_node_path_default().join(workDir, 'base');
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
            await (0,git/* materializeAtRef */.Uh)(root, guard.baseCommit, external_node_path_default().relative(root, settings.migrationsDir).split((external_node_path_default()).sep).join('/'), baseDir);
            await (0,pr_check_run/* applyHistory */.xu)(run, db, (await (0,reader/* readMigrationsDir */.Nb)(baseDir)).migrations, baseDir);
            const existing = await (0,pr_check_run/* withClient */.SV)(db, (client) => existingTouchedTables(client, run.schema, added));
            if (!existing.length) {
                check.status = 'skip';
                check.detail = 'The new migrations touch no table that exists before them: nothing to rehearse.';
                return;
            }
            const result = await rehearse({
                connection: db,
                migrations: added,
                stats: settings.statsDatabase,
                rows: settings.rehearsalRows,
                budget: settings.rehearsalBudget,
                timeoutMs: settings.rehearsalTimeoutMs,
                serverMajor: run.server.major || undefined,
                log: env.log,
            });
            data = result.data;
            const fileOf = (migration) => (0,pr_check_run/* displayPath */.Gt)(run, undefined, migration);
            const options = { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing };
            const findings = observationFindings(result.statements, options);
            (0,model/* addFindings */.W7)(run.report, findings);
            const downgraded = downgradeHarmless(run.report.findings, result.statements, options);
            (0,model/* addTable */.GC)(run.report, rehearsalTable(result.data.statements, result.sizing.source === 'stats-database'));
            const sizes = result.sizing.tables.map((t) => `${t.table} ${result.data.rows[t.key].toLocaleString('en-US')}`).join(', ');
            check.detail = [
                `${(0,format/* plural */.LS)(result.data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${result.sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${result.sizing.scaledDown ? `, scaled down to ${Math.round(result.sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${(0,format/* plural */.LS)(result.trace.workload.sessions, 'application session')} (${(0,format/* plural */.LS)(result.trace.workload.queries, 'query', 'queries')}).`,
                `Locks sampled every ${(0,format/* formatDuration */.a3)(result.trace.sampler.medianGapMs)} (${(0,format/* plural */.LS)(result.trace.sampler.samples, 'sample')}); seeding took ${(0,format/* formatDuration */.a3)(result.seedMs)}, the trace ${(0,format/* formatDuration */.a3)(result.traceMs)}.`,
                result.sizing.source === 'stats-database' ? 'Production times are estimated linearly in rows from the rehearsed sizes.' : '',
                downgraded
                    ? `${(0,format/* plural */.LS)(downgraded, 'lint finding')} shown harmless at these sizes, now ${downgraded === 1 ? 'a notice' : 'notices'}.`
                    : '',
                result.trace.stopped
                    ? `Stopped at ${result.trace.stopped.migration} line ${result.trace.stopped.line}: ${result.trace.stopped.reason}.`
                    : '',
            ]
                .filter(Boolean)
                .join(' ');
            const skipped = result.seeded.filter((s) => s.skipped);
            check.items = [...result.sizing.notes, ...skipped.map((s) => `${s.table} not filled: ${s.skipped}`)];
            if (findings.some((f) => f.severity === 'error'))
                check.status = 'fail';
            else if (result.trace.stopped || skipped.length)
                check.status = 'warn';
        });
    }
    finally {
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
    return data;
}

;// CONCATENATED MODULE: ./src/pr-check/pipeline.ts
/**
 * The pull request check: every step is a check in one Report; a step that cannot run (no git
 * history, no Prisma CLI) is skipped with the reason, never faked. The history guard runs first;
 * then, on a throwaway PostgreSQL, apply-from-scratch, the upgrade path (with the rollback
 * rehearsal), schema.prisma agreement and lint run concurrently.
 */
















async function runPrCheck(settings, env) {
    const started = Date.now();
    const report = (0,model/* createReport */.LU)('migration-test', 'Migration test');
    const log = env.log;
    const given = settings.databaseUrl ? (0,url/* parseDatabaseUrl */.mx)(settings.databaseUrl) : undefined;
    const schema = given?.schema ?? 'public';
    if (given)
        await (0,target.assertMigrationTarget)(given, 'migration-test'); // it creates and migrates databases there
    const guard = await historyGuard(report, settings, env);
    let head;
    try {
        head = await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir);
    }
    catch (error) {
        // An unreadable history (wrong provider in migration_lock.toml, bad folder) stops before any database work.
        report.checks.push({ name: 'Read the migrations', status: 'fail', detail: (0,errors/* describeError */.Uc)(error) });
        (0,model/* addFindings */.W7)(report, [(0,pr_check_run/* errorFinding */.i9)({ settings, env }, error)]);
        (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
        return { report, newMigrations: [], guard };
    }
    const mergedNames = new Set(guard?.merged ?? []);
    const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
    const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
    for (const m of newMigrations)
        (0,model/* addCodeBlock */.sW)(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });
    // The project's CLI (beside schema.prisma), else the one of the directory we run from.
    const cli = (0,prisma_cli/* findPrismaCli */.WO)(external_node_path_default().dirname(settings.schemaPath)) ?? (0,prisma_cli/* findPrismaCli */.WO)(env.cwd);
    const prisma = { cli, configPath: cli ? (0,prisma_cli/* findPrismaConfig */.iK)(settings.schemaPath, env.cwd) : undefined };
    // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
    const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;
    log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
    const startedAt = Date.now();
    const server = await (0,ephemeral/* acquirePostgres */.sb)({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log });
    (0,model/* recordTiming */.oo)(report, 'PostgreSQL start', Date.now() - startedAt);
    const run = { settings, env, report, server, schema, prisma };
    let rehearsal;
    try {
        // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
        const scratch = fromScratch(run, head.migrations);
        await Promise.all([
            upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
            scratch.then((db) => schemaAgreement(run, db, earlySql)),
            lintNewMigrations(run, newMigrations, baseMigrations),
        ]);
        // Alone, after the concurrent steps: their load would distort what it measures.
        rehearsal = await rehearseAtScale(run, baseMigrations, newMigrations, guard);
        const scratchDb = await scratch;
        // The tables the change touches, as an ER diagram.
        if (scratchDb && newMigrations.length) {
            const names = await touchedTables(newMigrations);
            const snap = await (0,pr_check_run/* snapshotOf */.eY)(scratchDb).catch(() => undefined);
            if (snap && names.size)
                report.mermaid = (0,render/* mermaidErDiagram */.KS)(erTablesFor(snap, names));
        }
    }
    finally {
        await server.stop().catch(() => undefined);
    }
    report.checks.sort((a, b) => pr_check_run/* CHECK_ORDER */.Ut.indexOf(a.name) - pr_check_run/* CHECK_ORDER */.Ut.indexOf(b.name));
    (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
    return { report, newMigrations, guard, rehearsal };
}


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
/* unused harmony export plugAndPlayRoot */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2410);
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
