import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 505;
export const ids = [505,736,612];
export const modules = {

/***/ 1505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
;// CONCATENATED MODULE: ./src/postgres/server-facts.ts
async function roleFacts(client) {
    const { rows } = await client.query(`SELECT current_setting('server_version') AS version, r.rolsuper AS superuser, d.datdba = r.oid AS owner, current_user AS role
       FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`);
    return rows[0];
}
/** pg_database_size of the current database, in bytes. */
async function databaseSize(client) {
    const { rows } = await client.query('SELECT pg_database_size(current_database())::bigint AS size');
    return Number(rows[0].size);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/deploy/audit.ts
/**
 * The audit record of a production deploy: who approved what, what ran, what it cost, how it
 * ended. Written to JSON (redacted) and optionally appended to a table in a dedicated schema of
 * the target that drift-check ignores.
 */




const AUDIT_SCHEMA = 'prisma_migrate_actions';
const AUDIT_TABLE = 'deployments';
function writeAuditFile(record, dir) {
    external_node_fs_default().mkdirSync(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `audit-${record.environment.replace(/[^A-Za-z0-9_-]/g, '_')}-${record.startedAt.replace(/[:.]/g, '-')}.json`);
    external_node_fs_default().writeFileSync(file, JSON.stringify((0,redact/* redactDeep */.KL)(record), null, 2) + '\n', { mode: 0o600 });
    return file;
}
/** Appends the record to prisma_migrate_actions.deployments (created when missing). */
async function appendAuditRow(settings, record) {
    await (0,postgres_client.withClient)(settings, { applicationName: 'prisma-migrate-actions-audit' }, async (client) => {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${AUDIT_SCHEMA}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${AUDIT_SCHEMA}.${AUDIT_TABLE} (
         id text PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL,
         environment text NOT NULL, outcome text NOT NULL, commit text, actor text, approvers text[] NOT NULL,
         record jsonb NOT NULL)`);
        const safe = (0,redact/* redactDeep */.KL)(record);
        await client.query(`INSERT INTO ${AUDIT_SCHEMA}.${AUDIT_TABLE} (id, started_at, finished_at, environment, outcome, commit, actor, approvers, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
            safe.id,
            safe.startedAt,
            safe.finishedAt,
            safe.environment,
            safe.outcome,
            safe.commit ?? null,
            safe.actor ?? null,
            safe.approvers,
            JSON.stringify(safe),
        ]);
    });
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
;// CONCATENATED MODULE: ./src/deploy/run.ts
/**
 * The state one deploy carries from step to step (what was read, applied, backed up; the audit
 * record; the manual path), how a step runs (the report's one step runner), and how the
 * pipeline stops early with an outcome.
 */




/** Ends the pipeline early with an outcome; `reason` is the error that caused it, if any. */
class Stop extends Error {
    outcome;
    reason;
    constructor(outcome, reason) {
        super(outcome);
        this.outcome = outcome;
        this.reason = reason;
    }
}
const DEPLOY_CONNECT_REMEDY = 'Check the database-url secret of this environment, network access from the runner, and the server.';
/** How the deploy's own sessions connect; a failed connect names this environment's secret. */
function deploySession(applicationName, extra = {}) {
    return { applicationName, connectRemedy: DEPLOY_CONNECT_REMEDY, ...extra };
}
/** The error as the result and the audit record keep it: code, message with its location, remedy, where. */
function deployError(error) {
    if (!(error instanceof errors/* MigrateActionsError */.nj))
        return { code: 'E_UNEXPECTED', message: (0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error)) };
    const location = (0,errors/* formatLocation */.j$)(error.where);
    return {
        code: error.code,
        message: (0,redact/* redact */.E$)(location ? `${error.message} (at ${location})` : error.message),
        remedy: error.remedy ? (0,redact/* redact */.E$)(error.remedy) : undefined,
        where: error.where ? (0,redact/* redactDeep */.KL)(error.where) : undefined,
    };
}
class DeployRun {
    settings;
    deps;
    steps = [];
    audit;
    manualCommands = [];
    applied = [];
    pending = [];
    local = [];
    /** The local migrations the target records as applied (finished, not rolled back), in order. */
    appliedBefore = [];
    plan;
    lint;
    backup;
    monitor;
    rehearsal;
    /** What the rehearsal observed, as findings that inform (file: the migration's path). */
    rehearsalFindings;
    error;
    deployLock;
    /** The catalog right before applying (restore policy only). */
    catalogBefore;
    started = Date.now();
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.audit = {
            recordVersion: 1,
            id: (0,external_node_crypto_.randomUUID)(),
            startedAt: new Date().toISOString(),
            finishedAt: '',
            outcome: 'failed',
            environment: settings.environment,
            repository: settings.repository,
            commit: settings.commit,
            runUrl: settings.runUrl,
            actor: settings.actor,
            approvers: [],
            approvalSource: 'not-required',
            database: settings.connection.maskedUrl,
            migrations: [],
            timingsMs: {},
            lockWaits: [],
            warnings: [],
        };
    }
    log = (line) => this.deps.log((0,redact/* redact */.E$)(line));
    /** A step of the pipeline: a check in the result, its duration in the audit record. A Stop is told by the result's error, not the step. */
    step(name, body) {
        return (0,model/* runStep */.eg)(this.steps, name, body, {
            log: this.log,
            timings: this.audit.timingsMs,
            describeFailure: (error) => (error instanceof Stop ? undefined : (0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))),
        });
    }
    recordError(error) {
        this.error = deployError(error);
    }
}

;// CONCATENATED MODULE: ./src/deploy/gate.ts
/** The approval gate: nothing touches the database before an approval is recorded (or not required). */


async function approvalGate(run) {
    await run.step('Approval gate', async (step) => {
        const { settings, deps, audit } = run;
        if (!settings.requireApproval) {
            step.status = 'skip';
            step.detail = `Approval not required for ${settings.environment}.`;
            return;
        }
        if (settings.approvedBy?.length) {
            audit.approvers = settings.approvedBy;
            audit.approvalSource = 'command-line';
            step.detail = `Approved on the command line by ${settings.approvedBy.join(', ')}.`;
            return;
        }
        if (!deps.approvals) {
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_APPROVAL_MISSING', `Deploying to ${settings.environment} requires an approval, and none could be checked; nothing was changed.`, {
                remedy: 'In GitHub, bind the job to the environment with required reviewers (the action checks the approval through the API); locally, pass --approved-by NAME.',
            }));
        }
        const approvals = await deps.approvals(settings.environment).catch((error) => {
            throw new Stop('refused', error);
        });
        if (!approvals.approved) {
            const why = approvals.rejectedBy?.length ? `was rejected by ${approvals.rejectedBy.join(', ')}` : 'has no approval';
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_APPROVAL_MISSING', `This run's deployment to ${settings.environment} ${why}; nothing was changed.`, {
                remedy: 'Configure required reviewers on the environment (Settings → Environments) and have one approve the run.',
            }));
        }
        audit.approvers = approvals.approvers;
        audit.approvalSource = 'github';
        step.detail = `Approved by ${approvals.approvers.join(', ')}.`;
    });
}

// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/lint/index.ts + 8 modules
var lint = __webpack_require__(5941);
// EXTERNAL MODULE: ./src/migrations/locks.ts
var locks = __webpack_require__(4425);
;// CONCATENATED MODULE: ./src/deploy/lock.ts




/** pg_advisory_lock(int, int): Prisma's key as the namespace, 1 for "deploy". */
const LOCK_KEYS = [locks/* PRISMA_ADVISORY_LOCK_KEY */.bh, 1];
const DEPLOY_APPLICATION_NAME = 'prisma-migrate-actions-deploy';
/** Takes the deploy lock or throws E_DEPLOY_RUNNING; `runId` names this deploy to the others. */
async function acquireDeployLock(settings, runId, session = {}) {
    // Long-lived (openClient): the session holds the advisory lock until the deploy releases it;
    // a lost lock session ends with the deploy.
    const client = await (0,postgres_client.openClient)(settings, { ...session, applicationName: `${DEPLOY_APPLICATION_NAME} ${runId}` });
    try {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS locked', LOCK_KEYS);
        if (!rows[0].locked)
            throw busy(settings, await holders(client));
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
    return {
        async release() {
            // Ending the session releases the lock even if the unlock itself fails.
            await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK_KEYS).catch(() => undefined);
            await client.end().catch(() => undefined);
        },
    };
}
async function holders(client) {
    const { rows } = await client.query(`SELECT a.pid, a.application_name, a.usename, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, LOCK_KEYS);
    return rows;
}
function busy(settings, found) {
    const who = found.length
        ? found
            .map((h) => `pid ${h.pid} (${h.application_name || 'no application_name'}, user ${h.usename}, since ${h.backend_start.toISOString()})`)
            .join('; ')
        : 'a session that has just ended';
    return new errors/* MigrateActionsError */.nj('E_DEPLOY_RUNNING', (0,redact/* redact */.E$)(`Another deploy is running on ${settings.maskedUrl}: ${who}. This one was refused before changing anything.`), {
        remedy: 'Wait for it to finish and run this deploy again (it will apply whatever is still pending). In GitHub, give the deploy job a concurrency group per environment with cancel-in-progress: false.',
    });
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
;// CONCATENATED MODULE: ./src/deploy/preflight.ts
/**
 * The preflight: read the migrations, take the deploy lock, connect read-only and read the
 * server, the role and the history; refuse on failed migrations or (by policy) drift; lint the
 * pending migrations against this database and plan their locks. Changes nothing.
 */












/** Returns false when nothing is pending (a successful no-op). */
async function preflight(run) {
    const { settings, audit } = run;
    return run.step('Preflight', async (step) => {
        const items = [];
        run.local = (await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir)).migrations;
        if (!settings.dryRun)
            await takeDeployLock(run);
        const { rows, resumable } = await (0,postgres_client.withClient)(settings.connection, deploySession('prisma-migrate-actions-preflight', { readOnly: true, statementTimeoutMs: 30_000 }), async (client) => {
            const { version, superuser, owner, role } = await roleFacts(client);
            audit.serverVersion = version;
            items.push(`Connected to ${settings.connection.maskedUrl} (PostgreSQL ${version}) as ${role}.`);
            if (superuser || owner) {
                const warning = `The role ${role} is ${superuser ? 'a superuser' : 'the database owner'}: a migration that goes wrong can then change anything in this database. Deploy with a dedicated migration role that has only the privileges the migrations need.`;
                audit.warnings.push(warning);
                items.push(`⚠ ${warning}`);
                step.status = 'warn';
            }
            audit.databaseSizeBefore = await databaseSize(client);
            const applied = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.connection.schema);
            const resumable = applied ? await (0,resume/* resumableRuns */.F)(client, applied, run.local) : [];
            return { rows: applied, resumable };
        });
        for (const r of resumable)
            items.push(`${r.row.migrationName} stopped mid-way through a batched statement (${(0,checkpoint/* describeProgress */.vk)(r.running, format/* formatCount */.B4)}); this deploy resumes it.`);
        const history = (0,migrations_history/* compareHistory */.wr)(run.local, rows);
        const blocking = history.failed.filter((row) => !resumable.some((r) => r.row.id === row.id));
        if (blocking.length) {
            for (const row of blocking) {
                run.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${row.migrationName}   # after undoing what it applied`);
                run.manualCommands.push(`prisma-migrate-actions resolve --applied ${row.migrationName}       # after finishing it by hand`);
            }
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('P3009', `Failed migrations block this deploy: ${blocking.map((r) => `${r.migrationName} (started ${r.startedAt.toISOString()})`).join(', ')}.`, { remedy: `Resolve them first: ${run.manualCommands.join(' | ')} (or npx prisma migrate resolve …).` }));
        }
        if (history.edited.length) {
            const warning = `Applied migrations edited since: ${history.edited.map((e) => e.migration.name).join(', ')} (their checksums differ).`;
            audit.warnings.push(warning);
            items.push(`⚠ ${warning}`);
        }
        run.pending = [...resumable.map((r) => r.migration), ...history.pending]; // resumed first, as apply runs them
        audit.migrations = run.pending.map((m) => ({ name: m.name, checksum: m.checksum, status: 'pending' }));
        items.push(run.pending.length
            ? `${run.pending.length} pending: ${run.pending.map((m) => m.name).join(', ')}.`
            : 'Nothing pending: the database is up to date.');
        if (!run.pending.length) {
            step.items = items;
            return false;
        }
        await checkDrift(run, items, step);
        const appliedNames = new Set((rows ?? []).filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.migrationName));
        run.appliedBefore = run.local.filter((m) => appliedNames.has(m.name));
        const toSource = (m) => ({ name: m.name, path: m.sqlPath, sql: m.sql });
        run.lint = await (0,lint.lintMigrations)({
            migrations: run.pending.map(toSource),
            existing: run.local.filter((m) => appliedNames.has(m.name)).map(toSource),
            engine: settings.engine,
            database: settings.connection,
            log: run.log,
        });
        const s = run.lint.summary;
        items.push(`Lint with this database's table sizes and data: ${(0,format/* severityCounts */.ur)(s)}.`);
        if (s.error && step.status === 'pass')
            step.status = 'warn';
        run.plan = (await (0,plan/* planMigrations */.n6)({ connection: settings.connection, migrations: run.local })).migrations;
        step.items = items;
        return true;
    });
}
/** One deploy at a time per database; a second one is refused before it changes anything. */
async function takeDeployLock(run) {
    try {
        run.deployLock = await acquireDeployLock(run.settings.connection, run.audit.id.slice(0, 8), { connectRemedy: DEPLOY_CONNECT_REMEDY });
    }
    catch (error) {
        if (error instanceof errors/* MigrateActionsError */.nj && error.code !== 'E_CONNECT')
            throw new Stop('refused', error);
        throw error;
    }
}
async function checkDrift(run, items, step) {
    const { settings } = run;
    if (settings.driftPolicy === 'ignore' || !run.deps.drift) {
        items.push(settings.driftPolicy === 'ignore' ? 'Drift check skipped (drift-policy: ignore).' : 'Drift check not available.');
        return;
    }
    const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
    if (!drift.drift) {
        items.push('No drift: the database matches its migration history.');
        return;
    }
    items.push(`Drift: ${(0,format/* plural */.LS)(drift.count, 'object')} ${drift.count === 1 ? 'differs' : 'differ'} from the migration history.`, ...drift.lines.slice(0, 20));
    if (settings.driftPolicy === 'fail') {
        step.items = items;
        throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_DRIFT', `The database drifted from its migration history (${(0,format/* plural */.LS)(drift.count, 'object')}); nothing was changed.`, {
            remedy: 'Run drift-check for the reconcile SQL, fix the database or record the change in a migration, then deploy again (or set drift-policy: warn).',
        }));
    }
    run.audit.warnings.push(`Drift present: ${(0,format/* plural */.LS)(drift.count, 'object')}.`);
    step.status = 'warn';
}

// EXTERNAL MODULE: ./src/migrations/apply.ts + 1 modules
var apply = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/backup/index.ts + 13 modules
var src_backup = __webpack_require__(3748);
;// CONCATENATED MODULE: ./src/deploy/monitor.ts


const SAMPLE_SQL = `
  SELECT a.pid, coalesce(a.application_name, '') AS app, a.query,
         (extract(epoch FROM clock_timestamp() - coalesce(a.state_change, a.query_start)) * 1000)::bigint AS waited_ms,
         pg_blocking_pids(a.pid) AS blocked_by,
         (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections
    FROM pg_stat_activity a
   WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
   UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())`;
/**
 * One session's wait across samples: the longest wait, and every blocker seen. A sample taken
 * just as the blocker lets go still shows the session waiting but with no blocker left, so a
 * later sample must not erase the blockers an earlier one saw.
 */
function mergeLockWait(known, seen) {
    if (!known)
        return seen;
    const blockedBy = [...new Set([...known.blockedBy, ...seen.blockedBy])];
    const longer = seen.waitedMs > known.waitedMs ? seen : known;
    return { ...longer, blockedBy };
}
class LockMonitor {
    settings;
    intervalMs;
    log;
    client;
    timer;
    busy = false;
    waits = new Map();
    samples = 0;
    maxConnections = 0;
    constructor(settings, intervalMs = 250, log) {
        this.settings = settings;
        this.intervalMs = intervalMs;
        this.log = log;
    }
    async start() {
        // Long-lived (openClient): one session samples pg_locks for the whole apply.
        this.client = await (0,postgres_client.openClient)(this.settings, {
            applicationName: 'prisma-migrate-actions-monitor',
            readOnly: true,
            statementTimeoutMs: 5000,
        });
        this.timer = setInterval(() => void this.sample(), this.intervalMs);
        await this.sample();
    }
    async sample() {
        if (this.busy || !this.client)
            return;
        this.busy = true;
        try {
            const { rows } = await this.client.query(SAMPLE_SQL);
            this.samples++;
            for (const row of rows) {
                this.maxConnections = Math.max(this.maxConnections, Number(row.connections));
                if (row.pid === null)
                    continue;
                const wait = {
                    pid: row.pid,
                    applicationName: row.app,
                    waitedMs: Number(row.waited_ms),
                    blockedBy: row.blocked_by ?? [],
                    query: (0,redact/* redact */.E$)(String(row.query ?? '')).slice(0, 200),
                };
                const known = this.waits.get(wait.pid);
                if (!known)
                    this.log?.(`lock wait: pid ${wait.pid} (${wait.applicationName || 'no name'}) blocked by ${wait.blockedBy.join(', ') || '?'}: ${wait.query}`);
                this.waits.set(wait.pid, mergeLockWait(known, wait));
            }
        }
        catch {
            /* a sample lost to a restart or timeout is not a deploy failure */
        }
        finally {
            this.busy = false;
        }
    }
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        await this.sample();
        await this.client?.end().catch(() => undefined);
        const lockWaits = [...this.waits.values()].sort((a, b) => b.waitedMs - a.waitedMs);
        return { samples: this.samples, maxConnections: this.maxConnections, lockWaits, longestWaitMs: lockWaits[0]?.waitedMs ?? 0 };
    }
}

// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/deploy/rollback.ts


const withClient = (settings, body) => (0,postgres_client.withClient)(settings, { applicationName: 'prisma-migrate-actions-restore' }, body);
/** The catalog of every user schema (the suite's own bookkeeping excluded). */
function catalogOf(settings) {
    return withClient(settings, (client) => (0,catalog.snapshotSchema)(client));
}
/**
 * Drops, in one transaction, the objects present now that were absent before the deploy.
 * Returns the statements it ran; objects without a safe automatic drop are left for the
 * comparison after the restore to report.
 */
async function dropObjectsCreatedSince(settings, before) {
    return withClient(settings, async (client) => {
        const now = await (0,catalog.snapshotSchema)(client);
        const diff = (0,catalog.diffSnapshots)(before, now);
        const created = { ...diff, differences: diff.differences.filter((d) => d.change === 'unexpected') };
        const statements = (0,catalog.reconcileSql)(created, before, now)
            .filter((step) => !step.manual)
            .map((step) => step.sql);
        if (!statements.length)
            return [];
        await client.query('BEGIN');
        try {
            for (const sql of statements)
                await client.query(sql);
            await client.query('COMMIT');
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        return statements;
    });
}
/** What differs between the catalog now and before the deploy, one line per object. */
async function catalogChangesSince(settings, before) {
    const now = await catalogOf(settings);
    return (0,catalog.diffSnapshots)(before, now).differences.map((d) => `${d.change} ${d.objectType} ${d.identity}${d.detail ? `: ${d.detail}` : ''}`);
}

;// CONCATENATED MODULE: ./src/deploy/apply-step.ts
/**
 * Backup, then apply under the lock monitor: the pre-migration backup (or the explicit skip),
 * the catalog kept for the restore policy, the apply with timeouts and retries, and what the
 * audit record says about each pending migration however the apply ends.
 */










async function takeBackup(run) {
    const { settings, audit } = run;
    await run.step('Backup', async (step) => {
        if (settings.skipBackup) {
            step.status = 'warn';
            step.detail = 'Skipped (skip-backup: true). There is no pre-migration backup to restore.';
            audit.warnings.push('Deployed without a pre-migration backup (skip-backup).');
            return;
        }
        try {
            run.backup = await (0,src_backup.createBackup)({
                connection: settings.connection,
                outputDir: settings.backupDir,
                s3: settings.backupS3,
                prefix: `${settings.connection.database.replace(/[^A-Za-z0-9_-]/g, '_')}_predeploy`,
                encryption: settings.backupEncryption,
                verify: settings.backupVerify ?? 'list',
                gitCommit: settings.commit,
                log: run.log,
            });
        }
        catch (error) {
            throw new Stop('failed', new errors/* MigrateActionsError */.nj('E_BACKUP_FAILED', `The pre-migration backup failed, so nothing was applied: ${(0,errors/* describeError */.Uc)(error)}`, {
                remedy: 'Fix the backup (disk space, pg_dump version, permissions) and deploy again; skip-backup: true deploys without one, deliberately.',
            }));
        }
        if (settings.onFailure === 'restore') {
            run.catalogBefore = await catalogOf(settings.connection).catch((error) => {
                audit.warnings.push(`The catalog before the deploy could not be read (the restore path cannot compare): ${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}`);
                return undefined;
            });
        }
        const b = run.backup;
        audit.backup = { path: b.backupPath, sha256: b.sha256, sizeBytes: b.sizeBytes, manifestPath: b.manifestPath };
        step.detail = `${b.backupPath} (${b.sizeBytes} bytes, SHA-256 ${b.sha256}).`;
    });
}
/** Applies the pending migrations; returns the error they failed with, or undefined. */
async function applyMonitored(run) {
    const { settings } = run;
    const monitor = new LockMonitor(settings.connection, 250, run.log);
    let failure;
    await run
        .step('Apply', async (step) => {
        await monitor.start().catch(() => undefined);
        try {
            const result = await (0,apply.applyMigrations)({
                connection: settings.connection,
                migrations: run.local,
                engine: settings.engine,
                lockTimeoutMs: settings.lockTimeoutMs,
                statementTimeoutMs: settings.statementTimeoutMs,
                retries: settings.retries,
                takeOverStaleLock: settings.takeOverStaleLock,
                strictFailures: settings.strictFailures,
                log: run.log,
            });
            if (result.staleLockTakeOver) {
                const { pid, applicationName, idleMs } = result.staleLockTakeOver;
                run.audit.staleLockTakeOver = result.staleLockTakeOver;
                run.audit.warnings.push(`Ended pid ${pid} (${applicationName}, idle for ${(0,format/* formatDuration */.a3)(idleMs)}), a stale holder of the migration lock (take-over-stale-lock).`);
            }
            run.applied = result.applied;
            step.detail = `${(0,format/* plural */.LS)(result.applied.length, 'migration')} applied in ${(0,format/* formatDuration */.a3)(result.durationMs)}.`;
            step.items = result.applied.map((m) => `${m.name}: ${(0,format/* formatDuration */.a3)(m.durationMs)}, ${(0,format/* plural */.LS)(m.statements, 'statement')}, ${(0,format/* plural */.LS)(m.retries, 'retry')}, ${m.mode}`);
        }
        catch (error) {
            failure = error;
            run.applied = await appliedBeforeFailure(run, error);
            throw error;
        }
        finally {
            run.monitor = await monitor.stop();
            run.audit.lockWaits = run.monitor.lockWaits.map((w) => ({
                pid: w.pid,
                waitedMs: w.waitedMs,
                blockedBy: w.blockedBy,
                applicationName: w.applicationName,
            }));
            markMigrations(run, failure);
        }
    })
        .catch(() => undefined);
    return failure;
}
/**
 * The migrations this run completed before one failed (the engine names them); durations
 * come from their _prisma_migrations rows.
 */
async function appliedBeforeFailure(run, failure) {
    const names = failure instanceof errors/* MigrateActionsError */.nj ? (failure.details?.appliedBefore ?? []) : [];
    if (!names.length)
        return [];
    const { connection } = run.settings;
    const rows = await (0,postgres_client.withClient)(connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), (client) => (0,migrations_history/* readAppliedRows */.f0)(client, connection.schema)).catch(() => null);
    return names.map((name) => {
        const row = rows?.find((r) => r.migrationName === name && r.finishedAt && !r.rolledBackAt);
        const plan = run.plan?.find((m) => m.name === name);
        return {
            name,
            mode: plan?.mode ?? 'atomic',
            durationMs: row?.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
            statements: plan?.statements.length ?? 0,
            retries: 0,
        };
    });
}
function markMigrations(run, failure) {
    const applied = new Map(run.applied.map((m) => [m.name, m]));
    const failedName = failure instanceof errors/* MigrateActionsError */.nj ? failure.details?.migration : undefined;
    run.audit.migrations = run.pending.map((m) => {
        const done = applied.get(m.name);
        return {
            name: m.name,
            checksum: m.checksum,
            durationMs: done ? Math.round(done.durationMs) : undefined,
            retries: done?.retries,
            status: done ? 'applied' : m.name === failedName ? 'failed' : 'pending',
        };
    });
}

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/migrations/status.ts
var migrations_status = __webpack_require__(8407);
;// CONCATENATED MODULE: ./src/deploy/verify.ts
/** Post-deploy verification: status, drift, smoke SQL in a read-only transaction and an HTTP health check. */








/** Runs each statement of the file read-only; the first failure is a typed error with its line. */
async function runSmokeSql(settings, file, timeoutMs = 30_000) {
    let sql;
    try {
        sql = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_SMOKE_FILE', `Cannot read the smoke SQL file ${file}: ${error.message}`, {
            remedy: 'Check the smoke-sql path.',
        });
    }
    await (0,parser/* loadParser */.qd)();
    const statements = (0,parser/* splitStatements */.Xd)(sql, { file });
    return (0,postgres_client.withClient)(settings, { applicationName: 'prisma-migrate-actions-verify', readOnly: true, statementTimeoutMs: timeoutMs }, async (client) => {
        await client.query('BEGIN READ ONLY');
        for (const statement of statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                throw new errors/* MigrateActionsError */.nj('E_SMOKE_SQL', `Smoke query failed: ${(0,parser/* summarizeStatement */.pp)(statement.text)} — ${(0,redact/* redact */.E$)(error.message)}`, {
                    where: { file, line: statement.line, column: statement.column },
                    remedy: 'The migration is applied; check whether the application still works, and fix forward or restore the backup.',
                });
            }
        }
        await client.query('ROLLBACK');
        return statements.length;
    });
}
/** GET the URL until it answers 2xx, up to `attempts` times. */
async function checkHealth(url, attempts = 5, delayMs = 2000) {
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
            if (response.ok)
                return { status: response.status, attempts: attempt };
            last = `HTTP ${response.status}`;
        }
        catch (error) {
            last = error.message;
        }
        if (attempt < attempts)
            await new Promise((r) => setTimeout(r, delayMs));
    }
    throw new errors/* MigrateActionsError */.nj('E_HEALTH_CHECK', `The health check ${(0,redact/* redact */.E$)(url)} did not answer 2xx after ${attempts} attempts (last: ${(0,redact/* redact */.E$)(last)}).`, {
        remedy: 'The migration is applied; check the application, then fix forward or restore the pre-migration backup.',
    });
}
/** The Verify step: up to date, drift (by policy), smoke SQL, health check. A failure fails the deploy. */
async function verifyDeploy(run) {
    const { settings } = run;
    await run
        .step('Verify', async (step) => {
        const items = [];
        const status = await (0,migrations_status.migrationStatus)({ connection: settings.connection, migrations: run.local });
        if (!status.upToDate)
            throw new errors/* MigrateActionsError */.nj('E_VERIFY', `After the deploy the database is not up to date: ${status.lines.join('; ')}`, {
                remedy: 'Run status and resolve what it reports.',
            });
        items.push('Status: up to date.');
        if (run.deps.drift && settings.driftPolicy !== 'ignore') {
            const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
            items.push(drift.drift ? `Drift after deploy: ${(0,format/* plural */.LS)(drift.count, 'object')}.` : 'No drift after deploy.');
            if (drift.drift)
                step.status = 'warn';
        }
        if (settings.smokeSqlFile)
            items.push(`Smoke SQL: ${await runSmokeSql(settings.connection, settings.smokeSqlFile)} read-only queries succeeded.`);
        if (settings.healthCheckUrl) {
            const health = await checkHealth(settings.healthCheckUrl, settings.healthCheckAttempts ?? 5);
            items.push(`Health check: HTTP ${health.status} after ${(0,format/* plural */.LS)(health.attempts, 'attempt')}.`);
        }
        step.items = items;
    })
        .catch((error) => {
        run.recordError(error);
        throw new Stop('failed');
    });
}

// EXTERNAL MODULE: ./src/rehearsal/findings.ts
var findings = __webpack_require__(8261);
// EXTERNAL MODULE: ./src/rehearsal/pending.ts
var pending = __webpack_require__(6736);
;// CONCATENATED MODULE: ./src/deploy/rehearsal-step.ts
/**
 * The dry run's rehearsal at production scale: the pending migrations rehearsed on a throwaway
 * PostgreSQL (src/rehearsal/pending.ts), sized from stats-database-url, so the plan shows each
 * statement's lock, estimated time at production's size and rewrite. Never on the target, and
 * never in a real deploy: it would delay the deploy by the time the rehearsal takes.
 */


async function rehearseDryRun(run) {
    const { settings } = run;
    const options = settings.rehearsal;
    if (!options || options.rehearsal === 'off' || !options.statsDatabase)
        return;
    await run.step(findings.REHEARSAL_TITLE, async (step) => {
        if (!settings.dryRun) {
            step.status = 'skip';
            step.detail = 'Not run during a deploy (it would delay it); a dry run shows the estimates.';
            return;
        }
        const rehearsal = await (0,pending.rehearsePlanStep)(step, {
            target: settings.connection,
            schema: settings.connection.schema,
            major: Number.parseInt(run.audit.serverVersion ?? '', 10) || undefined,
            applied: run.appliedBefore,
            pending: run.pending,
            settings: options,
            log: run.log,
        });
        if (!rehearsal)
            return;
        run.rehearsal = rehearsal;
        const fileOf = (migration) => run.pending.find((m) => m.name === migration)?.sqlPath;
        const observe = { maxBlockingMs: options.maxBlockingMs, fileOf, existing: rehearsal.existing };
        // The lint findings are the linter's, on the migrations' own paths: the lock ones it shows harmless become notices.
        if (run.lint)
            (0,findings.downgradeHarmless)(run.lint.findings, rehearsal.statements, observe);
        run.rehearsalFindings = (0,findings.planFindings)(rehearsal.statements, observe);
    });
}

// EXTERNAL MODULE: ./src/migrations/resolve.ts
var resolve = __webpack_require__(3697);
// EXTERNAL MODULE: ./src/migrations/recover.ts
var recover = __webpack_require__(2321);
// EXTERNAL MODULE: ./src/storage/index.ts + 2 modules
var storage = __webpack_require__(4092);
;// CONCATENATED MODULE: ./src/deploy/failure-policy.ts
/**
 * What happens after a migration failed: the manual path (exact commands), then the policy —
 * nothing to do when the failed migration's transaction rolled back; otherwise restore the
 * backup, undo just the failed migration from its catalog snapshot (recover-undo), mark the
 * migration rolled back, or stop and say what is committed.
 */








async function onFailure(run, failure) {
    const { settings } = run;
    const details = failure instanceof errors/* MigrateActionsError */.nj ? (failure.details ?? {}) : {};
    const name = details.migration;
    const url = '"$DATABASE_URL"';
    const recordedRolledBack = details.recordedRolledBack === true;
    if (name) {
        run.manualCommands.push(`prisma-migrate-actions status --database-url ${url}`);
        if (details.nothingApplied === true && !recordedRolledBack) {
            run.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${name} --database-url ${url}   # or: npx prisma migrate resolve --rolled-back ${name}`);
        }
        else if (details.nothingApplied !== true) {
            run.manualCommands.push(`prisma-migrate-actions recover ${name} --dry-run --database-url ${url}`);
            run.manualCommands.push(`prisma-migrate-actions recover ${name} --undo --database-url ${url}   # or, with the file fixed: --finish`);
        }
    }
    if (run.backup) {
        run.manualCommands.push(`prisma-migrate-actions restore --backup-path ${run.backup.backupPath} --database-url ${url} --target over-target --confirm ${settings.connection.database}   # stop writers first`);
    }
    if (!name || details.nothingApplied === true) {
        await run.step('Failure policy', async (step) => {
            step.status = 'skip';
            step.detail = recordedRolledBack
                ? 'Nothing of the failed migration was committed (it ran in one transaction that was rolled back): the database is as it was before it, and the attempt is recorded rolled back. Fix the migration (or wait for the blocking sessions) and deploy again; nothing needs resolving.'
                : name
                    ? `Nothing of the failed migration was committed: the database is as it was before it. Its row is left failed (strict-failures): fix the migration, run prisma-migrate-actions resolve --rolled-back ${name}, deploy again.`
                    : 'No migration is left half-applied by this failure.';
        });
        return 'failed';
    }
    return run
        .step('Failure policy', async (step) => {
        const committed = details.committedStatements ?? [];
        step.items = committed.map((s) => `committed: line ${s.line} ${s.summary}`);
        if (settings.onFailure === 'restore')
            return restoreAfterFailure(run, step);
        if (settings.onFailure === 'recover-undo') {
            const undone = await (0,recover.recoverMigration)({
                connection: settings.connection,
                migrations: run.local,
                migration: name,
                action: 'undo',
                log: run.log,
            });
            step.items.push(...undone.ran.map((sql) => `undone: ${sql}`));
            step.detail = `Undid ${name} (as prisma-migrate-actions recover ${name} --undo): the catalog equals the one before it, and it is recorded rolled back. Data it changed is not restored; fix the migration and deploy again.`;
            step.status = 'warn';
            return 'rolled-back';
        }
        if (settings.onFailure === 'mark-rolled-back') {
            await (0,resolve/* resolveMigration */.z)({ connection: settings.connection, migrations: run.local, rolledBack: name });
            step.detail = `Marked ${name} rolled back (as prisma migrate resolve --rolled-back would). The statements listed as committed are still in the database: undo them by hand or in the fixed migration.`;
            step.status = 'warn';
            return 'rolled-back';
        }
        step.status = 'warn';
        step.detail = `Stopped (on-failure: stop). ${(0,format/* plural */.LS)(committed.length, 'statement')} of ${name} ${committed.length === 1 ? 'is' : 'are'} committed. Run prisma-migrate-actions recover ${name} --dry-run to see what it changed, then recover ${name} --undo, or fix the file and recover ${name} --finish; or restore the backup.`;
        return 'failed';
    })
        .catch((error) => {
        run.audit.warnings.push(`The failure policy ${settings.onFailure} did not complete: ${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}`);
        return 'failed';
    });
}
/**
 * Restores the pre-migration backup over the target: first drops what the failed migration
 * created that the backup does not contain, then pg_restore --clean, then compares the catalog
 * with the one taken before applying.
 */
async function restoreAfterFailure(run, step) {
    const { settings, backup, catalogBefore } = run;
    if (!backup) {
        step.status = 'fail';
        step.detail = 'on-failure is restore, but there is no pre-migration backup (skip-backup). Follow the manual commands.';
        return 'failed';
    }
    step.detail = `Restoring the pre-migration backup over ${settings.connection.database}. Stopping the application's writers first is the operator's job.`;
    const items = (step.items ??= []);
    if (catalogBefore) {
        const dropped = await dropObjectsCreatedSince(settings.connection, catalogBefore);
        items.push(...dropped.map((sql) => `dropped (created by the failed migration, not in the backup): ${sql}`));
    }
    await (0,src_backup.restoreBackup)({
        backupPath: backup.backupPath,
        manifestPath: (0,storage/* isS3Url */.At)(backup.manifestPath) ? undefined : backup.manifestPath,
        s3: settings.backupS3,
        connection: settings.connection,
        passphrase: settings.backupEncryption && 'passphrase' in settings.backupEncryption ? settings.backupEncryption.passphrase : undefined,
        mode: 'over-target',
        confirm: settings.connection.database,
        log: run.log,
    });
    const left = catalogBefore ? await catalogChangesSince(settings.connection, catalogBefore) : [];
    if (left.length) {
        items.push(...left.map((line) => `differs from before the deploy: ${line}`));
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_INCOMPLETE', `The backup was restored, but ${(0,format/* plural */.LS)(left.length, 'object')} still ${left.length === 1 ? 'differs' : 'differ'} from the catalog before the deploy.`, { remedy: 'Compare with the listed objects and drop or fix them by hand (drift-check shows the SQL).' });
    }
    // What this run applied is gone again: the record and the outputs say so.
    for (const migration of run.audit.migrations)
        if (migration.status === 'applied')
            migration.status = 'undone-by-restore';
    run.applied = [];
    step.detail += catalogBefore
        ? ' Restored: the catalog matches the one before this deploy, and the row counts match the backup.'
        : ' Restored (row counts match the backup; the catalog before the deploy could not be read to compare).';
    return 'restored';
}

// EXTERNAL MODULE: ./src/notify/audit-sinks.ts
var audit_sinks = __webpack_require__(5603);
;// CONCATENATED MODULE: ./src/deploy/pipeline.ts
/**
 * The production pipeline: gate → preflight → backup → apply (monitored) → verify, with a
 * failure policy and one audit record however it ends. Nothing touches the database before the
 * gate has passed; nothing is applied without its backup unless skipping it was explicit.
 * Each stage lives in its own module (gate, preflight, apply-step, verify, failure-policy);
 * this one runs them in order and closes the record.
 */












async function deploy(settings, deps) {
    const run = new DeployRun(settings, deps);
    let outcome = 'failed';
    try {
        await approvalGate(run);
        const proceed = await preflight(run);
        if (!proceed)
            outcome = 'no-op';
        else if (settings.dryRun) {
            await rehearseDryRun(run);
            outcome = 'dry-run';
        }
        else {
            await rehearseDryRun(run); // says it does not run here
            await takeBackup(run);
            const failure = await applyMonitored(run);
            if (failure) {
                run.recordError(failure);
                outcome = await onFailure(run, failure);
            }
            else {
                outcome = 'success';
                await verifyDeploy(run);
            }
        }
    }
    catch (error) {
        if (error instanceof Stop) {
            outcome = error.outcome;
            if (error.reason)
                run.recordError(error.reason);
        }
        else {
            run.recordError(error);
            outcome = 'failed';
        }
    }
    try {
        return await finish(run, outcome);
    }
    finally {
        await run.deployLock?.release();
    }
}
async function finish(run, outcome) {
    const { settings, audit } = run;
    audit.outcome = outcome;
    audit.finishedAt = new Date().toISOString();
    audit.timingsMs.total = Date.now() - run.started;
    if (run.error)
        audit.error = run.error;
    const touched = outcome !== 'refused' && outcome !== 'dry-run';
    if (touched) {
        await (0,postgres_client.withClient)(settings.connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), async (client) => {
            audit.databaseSizeAfter = await databaseSize(client);
        }).catch(() => undefined);
    }
    if (settings.auditTable && touched) {
        await appendAuditRow(settings.connection, audit).catch((error) => audit.warnings.push(`Audit row not written: ${(0,redact/* redact */.E$)(error.message)}`));
    }
    const auditPath = writeAuditFile(audit, settings.reportDir);
    const shipping = outcome === 'dry-run' ? undefined : await (0,audit_sinks/* shipAuditRecord */.dz)(audit, settings.auditSinks ?? []);
    if (shipping)
        run.steps.push(shipping);
    return {
        outcome,
        steps: run.steps,
        applied: run.applied,
        pending: run.pending.map((m) => m.name),
        plan: run.plan,
        lint: run.lint,
        rehearsal: run.rehearsal,
        rehearsalFindings: run.rehearsalFindings,
        backup: run.backup,
        monitor: run.monitor,
        audit,
        auditPath,
        manualCommands: run.manualCommands,
        error: run.error,
    };
}


/***/ }),

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

/***/ 2321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recoverMigration: () => (/* binding */ recoverMigration)
/* harmony export */ });
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5799);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5259);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4425);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9089);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1926);
/* harmony import */ var _recovery_store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1226);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3697);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7297);











async function recoverMigration(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .toSettings */ .R4)(options.connection);
    const local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .connect */ .Ng)(settings, 'prisma-migrate-actions recover');
    try {
        await (0,_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .acquireAdvisoryLock */ .lX)(client, options.advisoryLockTimeoutMs);
        try {
            return await recoverLocked(client, settings.schema, local, options);
        }
        finally {
            await (0,_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseAdvisoryLock */ .Yy)(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
async function recoverLocked(client, schema, local, options) {
    const name = options.migration;
    const row = failedRow((await (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .readAppliedRows */ .f0)(client, schema)) ?? [], name);
    const attempt = await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .readAttempt */ .ce)(client, row.id);
    if (!attempt) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_NO_SNAPSHOT', `No catalog snapshot was stored for the failed attempt of ${name} (started ${row.startedAt.toISOString()}): it ran in a mode that needs none, or another tool applied it.`, {
            where: { migration: name },
            remedy: `Check by hand what it left (\`prisma-migrate-actions drift-check\` compares the database with the history), then run \`prisma-migrate-actions resolve --rolled-back ${name}\` after undoing it or \`prisma-migrate-actions resolve --applied ${name}\` after finishing it.`,
        });
    }
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3017', `The migration ${name} could not be found in the migrations directory.`, {
            where: { migration: name },
            remedy: 'Run recover from the repository that has the migration folder (or pass --migrations-dir).',
        });
    }
    const prepared = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigration */ .wh)(migration, await (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .serverMajor */ .jk)(client));
    if (attempt.committedStatements > prepared.statements.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_FILE_CHANGED', `${name}/migration.sql has ${prepared.statements.length} statements, but ${attempt.committedStatements} of the failed attempt are committed.`, {
            where: { migration: name, file: migration.sqlPath },
            remedy: 'Restore the statements that ran (edit only the failing one and those after it), or use --undo.',
        });
    }
    const plan = (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .recoveryPlan */ .PD)(name, attempt.before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client), prepared.statements, attempt.committedStatements);
    const manualSteps = plan.undo.filter((s) => s.manual).map((s) => s.note ?? s.sql);
    const result = { migration: name, action: options.action, plan, manualSteps, ran: [] };
    if (options.action === 'dry-run')
        return result;
    if (options.action === 'undo')
        return undo(client, schema, row, attempt.before, result, options);
    return finish(client, schema, local, prepared.statements.slice(attempt.committedStatements), row.id, result, options);
}
/** The newest attempt of the migration, which must be failed (neither finished nor rolled back). */
function failedRow(rows, name) {
    const same = rows.filter((r) => r.migrationName === name);
    const failed = same.filter(_history_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailedRow */ .UZ).at(-1);
    if (failed)
        return failed;
    const state = !same.length
        ? 'it was never applied to this database'
        : same.some((r) => r.finishedAt !== null && r.rolledBackAt === null)
            ? 'it is recorded as applied'
            : 'its attempts are recorded as rolled back (the next apply runs it again)';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_NOT_FAILED', `There is nothing to recover for ${name}: ${state}.`, {
        where: { migration: name },
        remedy: 'Run `prisma-migrate-actions status` to see which migrations are failed or pending; `prisma-migrate-actions apply` runs what is pending.',
    });
}
async function undo(client, schema, row, before, result, options) {
    const name = result.migration;
    if (result.manualSteps.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_MANUAL', `Undoing ${name} needs ${result.manualSteps.length === 1 ? 'a step' : 'steps'} no SQL can do safely: ${result.manualSteps.join('; ')}.`, {
            where: { migration: name },
            remedy: `Restore the pre-migration backup (\`prisma-migrate-actions restore\`), or fix the file and run \`prisma-migrate-actions recover ${name} --finish\`.`,
        });
    }
    await client.query('BEGIN');
    try {
        for (const step of result.plan.undo) {
            options.log?.(`  undo: ${step.sql}`);
            await client.query(step.sql);
            result.ran.push(step.sql);
        }
        const left = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.diffSnapshots)(before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client, { withinTransaction: true })).differences;
        if (left.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_MISMATCH', `After the undo SQL the catalog still differs from before ${name}: ${left.map((d) => `${d.change} ${d.objectType} ${d.identity}`).join('; ')}. Nothing was changed (the undo was rolled back).`, {
                where: { migration: name },
                remedy: `Run \`prisma-migrate-actions recover ${name} --dry-run\` and undo the listed objects by hand, then \`prisma-migrate-actions resolve --rolled-back ${name}\`; or restore the pre-migration backup.`,
            });
        }
        await client.query(`UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN)} SET rolled_back_at = clock_timestamp() WHERE id = $1`, [row.id]);
        await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .forgetCatalogBefore */ .ic)(client, row.id);
        await client.query('COMMIT');
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
    result.recorded = 'rolled-back';
    return result;
}
async function finish(client, schema, local, remaining, id, result, options) {
    const script = remaining.some((s) => s.transactionControl);
    // The file's own transaction control runs as written; otherwise each segment commits on its own.
    const units = script ? remaining.map((s) => ({ transactional: false, statements: [s] })) : (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .segmentsOf */ .OD)(remaining);
    for (const unit of units) {
        const texts = unit.statements.map((s) => s.text);
        options.log?.(`  finish: line ${unit.statements[0].line}${texts.length > 1 ? ` (+${texts.length - 1})` : ''}`);
        try {
            await client.query(unit.transactional ? ['BEGIN', ...texts, 'COMMIT'].join('\n;\n') : texts[0]);
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            const pgError = error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_MIGRATION_FAILED', `recover --finish of ${result.migration}: the statement at line ${unit.statements[0].line} failed: ${(0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(pgError.message)} [SQLSTATE ${pgError.code ?? 'unknown'}]. ${result.ran.length ? `The ${result.ran.length} before it ran and are committed.` : 'Nothing more ran.'}`, {
                where: { migration: result.migration, line: unit.statements[0].line },
                remedy: `Fix the statement in ${result.migration}/migration.sql, then run \`prisma-migrate-actions recover ${result.migration} --finish\` again (it resumes after what ran), or \`prisma-migrate-actions recover ${result.migration} --undo\`.`,
                details: { migration: result.migration, sqlState: pgError.code, ran: result.ran },
            });
        }
        result.ran.push(...texts);
        // Progress is kept so a second --finish after an interruption resumes after what ran.
        if (!script)
            await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .setCommittedStatements */ .D9)(client, id, unit.statements.at(-1).index + 1);
    }
    await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_8__/* .markApplied */ .$)(client, schema, local, result.migration);
    await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .forgetCatalogBefore */ .ic)(client, id);
    result.recorded = 'applied';
    return result;
}


/***/ }),

/***/ 3697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ markApplied),
/* harmony export */   z: () => (/* binding */ resolveMigration)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5259);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4425);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1926);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7297);
/**
 * `resolve --applied NAME` / `--rolled-back NAME` with Prisma's semantics and error codes:
 * P3017 (no such local migration), P3008 (already applied), P3011 (never applied), P3012 (not failed).
 */







async function resolveMigration(options) {
    if (Boolean(options.applied) === Boolean(options.rolledBack)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RESOLVE_ARGS', 'resolve needs exactly one of --applied NAME or --rolled-back NAME.', {
            remedy: 'Run resolve --applied NAME after finishing a migration by hand, or --rolled-back NAME after undoing it.',
        });
    }
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .toSettings */ .R4)(options.connection);
    const local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .connect */ .Ng)(settings, 'prisma-migrate-actions resolve');
    try {
        await (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureSchema */ .K_)(client, settings.schema);
        await (0,_locks_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireAdvisoryLock */ .lX)(client, options.advisoryLockTimeoutMs);
        try {
            return options.applied
                ? await markApplied(client, settings.schema, local, options.applied)
                : await markRolledBack(client, settings.schema, options.rolledBack);
        }
        finally {
            await (0,_locks_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseAdvisoryLock */ .Yy)(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** `resolve --applied` on an open session that holds the advisory lock (also used by `recover --finish`). */
async function markApplied(client, schema, local, name) {
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3017', `The migration ${name} could not be found. Make sure it exists and that you passed the whole name of its directory (example: "20201207184859_initial_migration").`, {
            where: { migration: name },
            remedy: `Pass the folder name of a local migration: ${local
                .slice(-3)
                .map((m) => m.name)
                .join(', ') || '(the directory has none)'}${local.length > 3 ? ', …' : ''}.`,
        });
    }
    let rows = await (0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .readAppliedRows */ .f0)(client, schema);
    const created = rows === null;
    if (rows === null) {
        await client.query((0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .createMigrationsTableSql */ .Cg)(schema)); // baselining creates the table, even on a non-empty schema
        rows = [];
    }
    const same = rows.filter((row) => row.migrationName === name);
    if (same.some((row) => row.finishedAt !== null)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3008', `The migration \`${name}\` is already recorded as applied in the database.`, {
            where: { migration: name },
            remedy: 'Nothing to resolve. Run status to see which migrations are failed or pending.',
        });
    }
    const table = (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_2__/* .MIGRATIONS_TABLE */ .tN);
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    await client.query('BEGIN');
    try {
        const marked = await rollBackFailedRows(client, table, same);
        await client.query(`INSERT INTO ${table} (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, '', clock_timestamp(), clock_timestamp(), 0)`, [id, migration.checksum, name]);
        await client.query('COMMIT');
        return { action: 'applied', migration: name, markedRolledBack: marked, insertedId: id, createdMigrationsTable: created };
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
async function rollBackFailedRows(client, table, rows) {
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailedRow */ .UZ).map((row) => row.id);
    if (failed.length)
        await client.query(`UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ANY($1)`, [failed]);
    return failed.length;
}
async function markRolledBack(client, schema, name) {
    const rows = (await (0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .readAppliedRows */ .f0)(client, schema)) ?? [];
    const same = rows.filter((row) => row.migrationName === name);
    if (!same.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3011', `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration path? (example: "20201207184859_initial_migration")`, {
            where: { migration: name },
            remedy: 'Pass the name of a failed migration (see status).',
        });
    }
    if (!same.some(_history_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailedRow */ .UZ)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3012', `Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
            where: { migration: name },
            remedy: 'Only failed migrations can be marked rolled back; to undo an applied migration write a new migration that reverts it.',
        });
    }
    const marked = await rollBackFailedRows(client, (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_2__/* .MIGRATIONS_TABLE */ .tN), same);
    return { action: 'rolled-back', migration: name, markedRolledBack: marked, createdMigrationsTable: false };
}


/***/ }),

/***/ 8407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf),
/* harmony export */   migrationStatus: () => (/* binding */ migrationStatus)
/* harmony export */ });
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8620);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5237);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1926);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7297);
/* harmony import */ var _batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7514);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2011);






async function migrationStatus(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .toSettings */ .R4)(options.connection);
    // The folders are read while the session connects and the target check runs on it.
    const [client, local] = await (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .connectWhileChecking */ .C9)(settings, 'prisma-migrate-actions status', options.targetCheck, options.migrations ?? (0,_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations').then((d) => d.migrations));
    let rows;
    let progress = [];
    try {
        rows = await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .readAppliedRows */ .f0)(client, settings.schema);
        const comparison = (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .compareHistory */ .wr)(local, rows);
        progress = await (0,_batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .readProgress */ .gQ)(client, comparison.failed.map((r) => r.id));
    }
    finally {
        (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_0__.endWithoutWaiting)(client);
    }
    return statusOf(settings.schema, local, (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .compareHistory */ .wr)(local, rows), progress);
}
function statusOf(schema, local, comparison, progress = []) {
    const batching = comparison.failed.flatMap((row) => {
        const running = progress.find((p) => p.migrationId === row.id && p.state === 'running');
        return running ? [{ migration: row.migrationName, progress: running, text: (0,_batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .describeProgress */ .vk)(running, _report_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatCount */ .B4) }] : [];
    });
    const prismaFails = comparison.pending.length > 0 || comparison.diverged || comparison.failed.length > 0 || (comparison.tableMissing && local.length > 0);
    const ignored = comparison.edited.length > 0 || comparison.missingLocally.length > 0;
    return {
        ...comparison,
        schema,
        localMigrations: local.map((m) => m.name),
        upToDate: !prismaFails,
        exitCode: prismaFails ? 1 : 0,
        strictExitCode: prismaFails || ignored ? 1 : 0,
        prismaIgnores: {
            edited: comparison.edited.map((e) => e.migration.name),
            missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        },
        batching,
        lines: describeComparison(comparison, batching),
    };
}
function describeComparison(c, batching) {
    const lines = [];
    const resumable = new Set(batching.map((b) => b.migration));
    const list = (title, names) => {
        if (names.length)
            lines.push(`${title}: ${names.join(', ')}`);
    };
    if (c.tableMissing)
        lines.push('_prisma_migrations does not exist: no migration has been applied.');
    for (const b of batching)
        lines.push(`${b.migration}: ${b.text}; the next apply resumes it after its last committed batch`);
    list('Failed (blocks deploys until resolved)', c.failed.filter((r) => !resumable.has(r.migrationName)).map((r) => r.migrationName));
    if (c.diverged)
        lines.push(`The local history and the database's differ${c.lastCommon ? ` (last common migration: ${c.lastCommon})` : ''}.`);
    list('Pending', c.pending.map((m) => m.name));
    list('Edited after being applied (checksum differs; Prisma status does not say)', c.edited.map((e) => e.migration.name));
    list('Applied but missing locally (Prisma status does not say)', c.missingLocally.map((r) => r.migrationName));
    list('Rolled back', c.rolledBack.map((r) => r.migrationName));
    if (!lines.length)
        lines.push('Database schema is up to date.');
    return lines;
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
