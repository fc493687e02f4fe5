import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 323;
export const ids = [323];
export const modules = {

/***/ 4323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MIGRATIONS_DIR: () => (/* binding */ DEFAULT_MIGRATIONS_DIR),
  applyMigrations: () => (/* binding */ applyMigrations)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/locks.ts
var locks = __webpack_require__(4425);
// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/script.ts
var script = __webpack_require__(3062);
// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/migrations/blockers.ts
var blockers = __webpack_require__(94);
// EXTERNAL MODULE: ./src/migrations/failure.ts
var failure = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/key.ts
var batch_key = __webpack_require__(5825);
// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
;// CONCATENATED MODULE: ./src/migrations/batch/run.ts





const DEFAULT_BATCH_LOCK_TIMEOUT_MS = 5000;
const DEFAULT_BATCH_RETRIES = 5;
/** Batch timings kept in the JSON report (the totals always cover every batch). */
const MAX_TIMINGS = 10_000;
const PROGRESS_EVERY_MS = 2000;
/** The statement restricted to keys in (lower, upper]: its own WHERE kept intact, in parentheses. */
function batchedStatementSql(b, key, hasLower) {
    const range = hasLower ? `${key.ref} > $1 AND ${key.ref} <= $2` : `${key.ref} <= $1`;
    const { text } = b.statement;
    const at = b.target.whereOffset;
    if (at === undefined)
        return `${text}\nWHERE ${range}`;
    return `${text.slice(0, at)}WHERE (${text.slice(at + 'WHERE'.length)}\n) AND ${range}`;
}
/** The last of the next `size` keys and how many there are (n = 0: nothing left). */
function nextBoundSql(key, hasLower, size) {
    const col = `${key.relation}.${(0,sql/* quoteIdent */.v4)(key.column)}`;
    return `SELECT s.k::text AS upper, count(*) OVER ()::int AS n
    FROM (SELECT ${col} AS k FROM ${key.relation}${hasLower ? ` WHERE ${col} > $1` : ''} ORDER BY ${col} LIMIT ${size}) s
    ORDER BY s.k DESC LIMIT 1`;
}
const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function runBatchedStatement(options) {
    const { client, batched } = options;
    const { directive } = batched;
    const key = await (0,batch_key/* resolveBatchKey */.wL)(client, batched, options.where);
    if (!key)
        throw missingTable(batched, options.where);
    const rowsEstimate = options.resume?.rowsEstimate ?? (await (0,batch_key/* estimateRows */.ab)(client, key.relation));
    const id = { migrationId: options.migrationId, statementIndex: batched.statement.index };
    if (!options.resume) {
        await (0,checkpoint/* startProgress */.ot)(client, {
            ...id,
            migrationName: options.migrationName,
            checksum: options.checksum,
            statementLine: batched.statement.line,
            table: key.table,
            keyColumn: key.column,
            rowsEstimate,
        });
    }
    const resumed = options.resume;
    const cursor = resumed
        ? { lastKey: resumed.lastKey, keysDone: resumed.keysDone, rowsChanged: resumed.rowsChanged, batches: resumed.batches }
        : { lastKey: null, keysDone: 0, rowsChanged: 0, batches: 0 };
    const summary = {
        line: batched.statement.line,
        table: key.table,
        key: key.column,
        size: directive.size,
        pauseMs: directive.pauseMs,
        batches: 0,
        keysScanned: 0,
        rowsChanged: 0,
        rowsEstimate,
        durationMs: 0,
        rowsPerSecond: 0,
        lockRetries: 0,
        backoffMs: 0,
        resumedFrom: resumed ? { keysDone: resumed.keysDone, rowsChanged: resumed.rowsChanged, batches: resumed.batches } : undefined,
        batchTimingsMs: [],
    };
    const pacing = new Pacing(options, summary);
    const progress = new ProgressLine(options, summary, cursor);
    if (resumed)
        options.log?.(`  resuming the batched statement on line ${batched.statement.line} of ${options.migrationName} after ${(0,format/* formatCount */.B4)(resumed.keysDone)} rows (batch ${resumed.batches})`);
    const started = performance.now();
    for (let done = false; !done;) {
        await pacing.beforeBatch();
        const batchStarted = performance.now();
        done = await runOneBatch(options, key, cursor, summary);
        const ms = performance.now() - batchStarted;
        if (summary.batchTimingsMs.length < MAX_TIMINGS)
            summary.batchTimingsMs.push(Math.round(ms * 10) / 10);
        summary.durationMs = performance.now() - started;
        progress.maybeLog(done);
        if (!done)
            await pacing.afterBatch(ms);
    }
    summary.rowsPerSecond = summary.durationMs > 0 ? Math.round((summary.keysScanned / summary.durationMs) * 1000) : 0;
    return summary;
}
function missingTable(b, where) {
    return new errors/* MigrateActionsError */.nj('E_BATCH_TARGET', `The batched statement's table ${b.target.table} does not exist.`, {
        where: { ...where, line: b.statement.line, column: b.statement.column },
        remedy: 'Check the table name; a migration that creates the table must come before this one.',
    });
}
/** One batch in its own transaction, retried after lock timeouts. True when it was the last. */
async function runOneBatch(options, key, cursor, summary) {
    const retries = options.retries ?? DEFAULT_BATCH_RETRIES;
    for (let attempt = 0;; attempt++) {
        try {
            return await batchTransaction(options, key, cursor, summary);
        }
        catch (error) {
            await options.client.query('ROLLBACK').catch(() => undefined);
            const code = error.code;
            if (code === '55P03' && attempt < retries) {
                summary.lockRetries++;
                const wait = (options.retryBackoffMs ?? 200) * 2 ** attempt;
                options.log?.(`  batch ${cursor.batches + 1} of the statement on line ${summary.line} waited too long for a lock on ${summary.table}; retry ${attempt + 1}/${retries} in ${wait} ms`);
                await (options.sleep ?? sleepFor)(wait);
                continue;
            }
            throw batchFailure(options, cursor, summary, error, code === '55P03' ? retries : undefined);
        }
    }
}
async function batchTransaction(options, key, cursor, summary) {
    const { client, batched } = options;
    const size = batched.directive.size;
    const lockTimeout = batched.directive.timeoutMs ?? options.lockTimeoutMs ?? DEFAULT_BATCH_LOCK_TIMEOUT_MS;
    const settings = [`SET LOCAL lock_timeout = ${Math.round(lockTimeout)}`];
    if (options.statementTimeoutMs)
        settings.push(`SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`);
    await client.query(`BEGIN; ${settings.join('; ')}`);
    const hasLower = cursor.lastKey !== null;
    const lower = hasLower ? [cursor.lastKey] : [];
    const bound = await client.query(nextBoundSql(key, hasLower, size), lower);
    const n = bound.rows[0]?.n ?? 0;
    const upper = bound.rows[0]?.upper ?? null;
    let rows = 0;
    if (n > 0)
        rows = (await client.query(batchedStatementSql(batched, key, hasLower), [...lower, upper])).rowCount ?? 0;
    const last = n < size; // fewer keys than a batch: nothing after this one
    await (0,checkpoint/* advanceProgress */.Us)(client, { migrationId: options.migrationId, statementIndex: batched.statement.index }, { lastKey: upper, keys: n, rows, done: last });
    if (last && options.finishSql)
        await client.query(options.finishSql);
    await client.query('COMMIT');
    cursor.lastKey = upper ?? cursor.lastKey;
    cursor.keysDone += n;
    cursor.rowsChanged += rows;
    cursor.batches++;
    summary.batches++;
    summary.keysScanned += n;
    summary.rowsChanged += rows;
    return last;
}
function batchFailure(options, cursor, summary, error, exhaustedRetries) {
    const pg = error;
    const where = { ...options.where, line: summary.line, column: options.batched.statement.column };
    const done = `${cursor.batches} batches (${(0,format/* formatCount */.B4)(cursor.keysDone)} rows) are committed and checkpointed`;
    const details = { sqlState: pg.code, batch: cursor.batches + 1, lastKey: cursor.lastKey, summary };
    if (exhaustedRetries !== undefined)
        return new errors/* MigrateActionsError */.nj('E_BATCH_LOCK_TIMEOUT', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} could not lock its rows of ${summary.table} after ${exhaustedRetries} retries; ${done}.`, {
            where,
            details,
            cause: error,
            remedy: 'Find what holds locks on the table (long transactions), then apply again: it resumes from the checkpoint.',
        });
    return new errors/* MigrateActionsError */.nj('E_BATCH_FAILED', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} failed (${pg.code ?? 'error'}): ${pg.message ?? String(error)}; ${done}.`, {
        where,
        details,
        cause: error,
        remedy: 'Fix the cause (the data or the statement), then apply again: it resumes from the checkpoint.',
    });
}
/**
 * Pauses between batches; waits while replication lags beyond max-lag (when pg_stat_replication
 * is visible) and, when a batch takes far longer than the usual one (it waited on locks), stretches
 * the pause so the sessions it waited for get through.
 */
class Pacing {
    options;
    summary;
    timings = [];
    stretch = 1;
    constructor(options, summary) {
        this.options = options;
        this.summary = summary;
    }
    sleep(ms) {
        return (this.options.sleep ?? sleepFor)(ms);
    }
    async beforeBatch() {
        const maxLag = this.options.batched.directive.maxLagMs;
        if (maxLag === undefined)
            return;
        let reported = 0;
        for (;;) {
            const lag = await replicationLagMs(this.options.client);
            if (lag === undefined || lag <= maxLag)
                return;
            const wait = Math.min(5000, Math.max(100, lag - maxLag));
            if (performance.now() - reported > 10_000) {
                this.options.log?.(`  replication lag ${Math.round(lag)} ms is above max-lag ${maxLag} ms; batches wait`);
                reported = performance.now();
            }
            this.summary.backoffMs += wait;
            await this.sleep(wait);
        }
    }
    async afterBatch(ms) {
        const usual = median(this.timings);
        this.timings.push(ms);
        if (this.timings.length > 50)
            this.timings.shift();
        const contended = usual !== undefined && ms > 100 && ms > 4 * usual;
        const before = this.stretch;
        this.stretch = contended ? Math.min(16, this.stretch * 2) : Math.max(1, this.stretch / 2);
        if (contended && before === 1)
            this.options.log?.(`  a batch took ${Math.round(ms)} ms (usually ${Math.round(usual)} ms): waiting longer between batches`);
        const base = this.options.batched.directive.pauseMs;
        const pause = contended || this.stretch > 1 ? Math.max(base, 50) * this.stretch : base;
        if (pause > base)
            this.summary.backoffMs += pause - base;
        if (pause > 0)
            await this.sleep(pause);
    }
}
function median(values) {
    if (!values.length)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
/** The largest replay lag of the standbys, or undefined when there are none or it is not visible. */
async function replicationLagMs(client) {
    const result = await client.query(`SELECT (EXTRACT(epoch FROM max(replay_lag)) * 1000)::float8 AS lag FROM pg_stat_replication`);
    const lag = result.rows[0]?.lag;
    return lag === null || lag === undefined ? undefined : Number(lag);
}
/** Progress through the log callback: rows, rows/s, ETA from the table's estimate. */
class ProgressLine {
    options;
    summary;
    cursor;
    lastLogged = performance.now();
    constructor(options, summary, cursor) {
        this.options = options;
        this.summary = summary;
        this.cursor = cursor;
    }
    maybeLog(done) {
        const now = performance.now();
        if (!done && now - this.lastLogged < PROGRESS_EVERY_MS)
            return;
        this.lastLogged = now;
        const s = this.summary;
        const rate = s.durationMs > 0 ? (s.keysScanned / s.durationMs) * 1000 : 0;
        const total = Math.max(s.rowsEstimate, this.cursor.keysDone);
        const percent = total ? Math.floor((this.cursor.keysDone / total) * 100) : 100;
        const eta = rate > 0 && !done ? `, ETA ${Math.ceil((total - this.cursor.keysDone) / rate)} s` : '';
        this.options.log?.(`  batching ${s.table} (line ${s.line}): ${(0,format/* formatCount */.B4)(this.cursor.keysDone)} of ${(0,format/* formatCount */.B4)(total)} rows (${done ? 100 : percent}%), ${(0,format/* formatCount */.B4)(Math.round(rate))} rows/s${eta}, ${(0,format/* formatCount */.B4)(this.cursor.rowsChanged)} changed${done ? `, done in ${this.cursor.batches} batches` : ''}`);
    }
}

// EXTERNAL MODULE: ./src/migrations/recovery-store.ts
var recovery_store = __webpack_require__(1226);
;// CONCATENATED MODULE: ./src/migrations/apply.ts
/**
 * The built-in engine: applies pending Prisma migrations with `pg`, keeping `_prisma_migrations`
 * exactly as Prisma does, under Prisma's advisory lock. Safer than Prisma: a migration is atomic
 * together with its bookkeeping unless PostgreSQL forbids it; then it runs in segments, and a
 * failure says exactly which statements are committed. Each migration is one round trip when atomic.
 *
 * Over 500 lines (about 550) on purpose: the run loop, its segments (plain, batched, resumed) and the
 * bookkeeping that must commit with them share one RunContext and read best in one place; the
 * batching, recovery snapshots and failure descriptions already live in their own modules.
 */




















const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';
async function applyMigrations(options) {
    if (options.engine === 'prisma') {
        await (0,session/* checkOnItsOwnSession */.gx)((0,session/* toSettings */.R4)(options.connection), options.targetCheck);
        await warnIgnoredDirectives(options);
        const { applyWithPrismaCli } = await __webpack_require__.e(/* import() */ 58).then(__webpack_require__.bind(__webpack_require__, 6058));
        return applyWithPrismaCli(options);
    }
    const started = performance.now();
    const settings = (0,session/* toSettings */.R4)(options.connection);
    if (options.dryRun)
        await (0,session/* checkOnItsOwnSession */.gx)(settings, options.targetCheck);
    const reading = options.migrations ?? (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR).then((d) => d.migrations);
    const result = {
        engine: 'builtin',
        dryRun: Boolean(options.dryRun),
        schema: settings.schema,
        applied: [],
        notApplied: [],
        plan: [],
        createdMigrationsTable: false,
        durationMs: 0,
    };
    if (options.dryRun) {
        const plan = await (0,migrations_plan/* planMigrations */.n6)({ connection: settings, migrations: await reading, upTo: options.upTo });
        return {
            ...result,
            plan: plan.migrations,
            notApplied: [...plan.migrations.map((m) => m.name), ...plan.later],
            durationMs: performance.now() - started,
        };
    }
    const [client, local] = await (0,session/* connectWhileChecking */.C9)(settings, 'prisma-migrate-actions apply', options.targetCheck, reading);
    let finished = false;
    try {
        const major = await (0,session/* serverMajor */.jk)(client);
        await (0,session/* ensureSchema */.K_)(client, settings.schema);
        result.staleLockTakeOver = await (0,locks/* acquireAdvisoryLock */.lX)(client, {
            timeoutMs: options.advisoryLockTimeoutMs,
            takeOverStale: options.takeOverStaleLock,
            staleAfterMs: options.staleLockAgeMs,
            log: options.log,
        });
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        const ctx = { client, settings, options, pid, watch: new blockers/* BlockerWatch */.e(settings, pid) };
        try {
            await applyPending(ctx, local, major, result);
        }
        finally {
            await ctx.watch.close();
            await (0,locks/* releaseAdvisoryLock */.Yy)(client).catch(() => undefined); // a dead session has released it already
        }
        result.durationMs = performance.now() - started;
        finished = true;
        return result;
    }
    finally {
        // A failure may be followed here by the deploy's failure policy, which can restore over this
        // database: the session is gone before that. After a finished run nothing needs to wait for it.
        if (finished)
            (0,postgres_client.endWithoutWaiting)(client);
        else
            await client.end().catch(() => undefined);
    }
}
/** The Prisma CLI runs a batched statement whole: say so before it does. */
async function warnIgnoredDirectives(options) {
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR).catch(() => undefined))?.migrations;
    for (const m of local ?? [])
        if (m.sql.includes(directive/* DIRECTIVE_PREFIX */.Bn))
            options.log?.(`${m.name} has a batch directive; the Prisma CLI ignores it and runs the statement whole, in one transaction with the rest of the file (use engine builtin to run it in batches)`);
}
async function applyPending(ctx, local, major, result) {
    const { client, settings, options } = ctx;
    const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema); // read under the lock: nothing runs twice
    const resumable = rows ? await (0,resume/* resumableRuns */.F)(client, rows, local) : [];
    if (rows !== null)
        (0,session/* refuseFailedMigrations */.Re)(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
    const { selected, rest } = (0,migrations_plan/* selectUpTo */.Nk)((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
    result.notApplied = rest.map((m) => m.name);
    const resumed = await prepareAll(client, resumable.map((r) => r.migration), major);
    const prepared = await prepareAll(client, selected, major);
    if (rows === null) {
        await (0,session/* createMigrationsTable */.gP)(client, settings.schema);
        result.createdMigrationsTable = true;
    }
    result.plan = [...resumed, ...prepared].map((p) => (0,migrations_plan/* planOf */.XC)(p));
    if (!prepared.length && !resumed.length)
        options.log?.('No pending migrations to apply.');
    const runs = [
        ...resumed.map((p, i) => [p, resumable[i]]),
        ...prepared.map((p) => [p, undefined]),
    ];
    for (const [migration, resume] of runs) {
        try {
            result.applied.push(await applyOne(ctx, migration, resume));
        }
        catch (error) {
            if (error instanceof errors/* MigrateActionsError */.nj) {
                Object.assign(error.details ?? {}, { appliedBefore: result.applied.map((a) => a.name) });
            }
            throw error;
        }
    }
}
/**
 * Parses every pending migration, and checks the keys of batched statements on tables that exist,
 * before any runs: a syntax or directive error anywhere changes nothing.
 */
async function prepareAll(client, migrations, major) {
    try {
        const prepared = await Promise.all(migrations.map((m) => (0,migrations_plan/* prepareMigration */.wh)(m, major)));
        for (const p of prepared)
            for (const b of p.batched)
                await (0,batch_key/* resolveBatchKey */.wL)(client, b, { file: p.migration.sqlPath, migration: p.migration.name });
        return prepared;
    }
    catch (error) {
        if (!(error instanceof errors/* MigrateActionsError */.nj))
            throw error;
        throw new errors/* MigrateActionsError */.nj(error.code, `${error.message.replace(/\.$/, '')}. Nothing was applied: every pending migration is parsed before any runs.`, {
            where: error.where,
            remedy: error.remedy,
            details: { ...error.details, nothingApplied: true },
            cause: error,
        });
    }
}
async function applyOne(ctx, prepared, resume) {
    const { name } = prepared.migration;
    ctx.options.log?.(resume
        ? `Resuming ${name} at its batched statement on line ${resume.running.statementLine}`
        : `Applying ${name} (${(0,format/* plural */.LS)(prepared.statements.length, 'statement')}, ${prepared.mode})`);
    if (prepared.batched.length && !resume)
        ctx.options.log?.(`  ${name} has batched statements: the statements before each commit first, then its batches one by one`);
    const started = performance.now();
    const state = { id: resume?.row.id ?? (0,external_node_crypto_.randomUUID)(), retries: 0, roundTrips: [], batches: [] };
    if (prepared.mode === 'atomic')
        await withRetries(ctx, prepared, state, undefined, () => runAtomic(ctx, prepared, state));
    else
        await runInSteps(ctx, prepared, state, resume);
    const durationMs = performance.now() - started;
    ctx.options.log?.(`Applied ${name} in ${(0,format/* formatDuration */.a3)(durationMs)}`);
    return {
        name,
        mode: prepared.mode,
        durationMs,
        statements: prepared.statements.length,
        retries: state.retries,
        roundTrips: state.roundTrips,
        ...(state.batches.length ? { batches: state.batches } : {}),
        ...(resume ? { resumed: true } : {}),
    };
}
function timeoutSettings(options, scope) {
    const set = scope === 'LOCAL' ? 'SET LOCAL' : 'SET';
    const parts = [];
    if (options.lockTimeoutMs !== undefined)
        parts.push({ text: `${set} lock_timeout = ${Math.round(options.lockTimeoutMs)}` });
    if (options.statementTimeoutMs !== undefined)
        parts.push({ text: `${set} statement_timeout = ${Math.round(options.statementTimeoutMs)}` });
    return parts;
}
function statementParts(statements) {
    return statements.map((statement) => ({ text: statement.text, statement }));
}
/** How long a round trip's statements took, reporting them when slow. */
function recordRoundTrip(ctx, prepared, statements, durationMs, state) {
    if (!statements.length)
        return;
    const first = statements[0];
    const last = statements[statements.length - 1];
    state.roundTrips.push({ lines: [first.line, last.line], statements: statements.length, durationMs });
    if (durationMs < (ctx.options.slowStatementMs ?? 2000))
        return;
    const { name } = prepared.migration;
    ctx.options.log?.(statements.length === 1
        ? `  slow statement in ${name} line ${first.line} took ${(0,format/* formatDuration */.a3)(durationMs)}: ${(0,parser/* summarizeStatement */.pp)(first.text, 80)}`
        : `  slow statements in ${name} lines ${first.line}–${last.line} took ${(0,format/* formatDuration */.a3)(durationMs)} together (${statements.length} statements in one query; PostgreSQL does not say how long each took)`);
}
/** One transaction: BEGIN, timeouts, the statements, the bookkeeping row, COMMIT. */
async function runAtomic(ctx, prepared, state) {
    const { schema } = ctx.settings;
    const parts = [
        { text: 'BEGIN' },
        ...timeoutSettings(ctx.options, 'LOCAL'),
        ...statementParts(prepared.statements),
        { text: migrations_history/* bookkeeping */.Xw.insertApplied(schema, state.id, prepared.migration) },
        { text: 'COMMIT' },
    ];
    const outcome = await runWatched(ctx, parts);
    if (!outcome.error)
        return recordRoundTrip(ctx, prepared, prepared.statements, outcome.durationMs, state);
    if ((0,failure/* isConnectionLoss */.y7)(outcome.error))
        throw await (0,failure/* connectionLost */.Bx)(ctx.settings, prepared, state.id, []);
    await ctx.client.query('ROLLBACK');
    throw await failureFor(ctx, prepared, outcome, [], state);
}
async function runWatched(ctx, parts) {
    if (ctx.options.lockTimeoutMs !== undefined)
        ctx.watch.arm(ctx.options.lockTimeoutMs);
    try {
        return await (0,script/* runScript */.j)(ctx.client, parts);
    }
    finally {
        ctx.watch.disarm();
    }
}
async function failureFor(ctx, prepared, outcome, committed, state) {
    const statement = (0,script/* failedStatement */.L)(outcome);
    await ctx.watch.settle();
    let blockers = ctx.watch.lastSeen;
    if (!blockers.length && outcome.error?.code === '55P03')
        blockers = await (0,failure/* blockersAfterTheFact */.$J)(ctx.client, statement, ctx.settings.schema);
    const invalidIndex = await (0,failure/* findInvalidIndex */.jY)(ctx.client, statement, ctx.settings.schema);
    const context = {
        prepared,
        outcome,
        committed: [...committed],
        retries: state.retries,
        blockers,
        statement,
        strict: Boolean(ctx.options.strictFailures),
    };
    const error = (0,failure/* failureError */.Xv)(context, invalidIndex);
    if (prepared.mode !== 'atomic' && !error.details?.nothingApplied) {
        if ((0,recovery_store/* catalogKnownAfterFailure */.nW)(prepared))
            await (0,recovery_store/* rememberCatalogAfterFailure */.Zy)(ctx.client, state.id, prepared, invalidIndex).catch(catalogNotStored(ctx, prepared));
        await (0,recovery_store/* attachRecoveryPlan */.IF)(ctx.client, state.id, prepared, statement?.index, committed, error);
    }
    return error;
}
/**
 * Retries a unit of work (a whole atomic migration, or one segment) after lock timeouts, with
 * exponential backoff, reporting the blocking sessions each time. Other failures record the
 * failed row and propagate.
 */
async function withRetries(ctx, prepared, state, segment, unit) {
    const retries = ctx.options.retries ?? 0;
    for (;;) {
        ctx.watch.reset();
        try {
            await unit();
            return;
        }
        catch (error) {
            const lockTimeout = error instanceof errors/* MigrateActionsError */.nj && error.details?.sqlState === '55P03';
            if (lockTimeout && state.retries < retries) {
                state.retries++;
                const wait = (ctx.options.retryBackoffMs ?? 1000) * 2 ** (state.retries - 1);
                const blockers = error.details?.blockers ?? [];
                ctx.options.log?.(`  lock timeout in ${prepared.migration.name}${segment ? ` (statement at line ${segment.statements[0].line})` : ''}; blocked by ${blockers.length ? blockers.map((b) => `pid ${b.pid} (${b.applicationName})`).join(', ') : 'unknown sessions'}; retry ${state.retries}/${retries} in ${(0,format/* formatDuration */.a3)(wait)}`);
                await new Promise((resolve) => setTimeout(resolve, wait));
                continue;
            }
            await recordFailedRow(ctx, prepared, state, error);
            throw error;
        }
    }
}
/**
 * Records the failed attempt (logs = the error), unless the connection is gone: rolled back when
 * nothing of it is committed (the next apply retries it), else the failed row Prisma would leave.
 */
async function recordFailedRow(ctx, prepared, state, error) {
    if (error instanceof errors/* MigrateActionsError */.nj && error.code === 'E_CONNECTION_LOST')
        return;
    const logs = (0,redact/* redact */.E$)(error instanceof Error ? error.message : String(error));
    const rolledBack = error instanceof errors/* MigrateActionsError */.nj && error.details?.recordedRolledBack === true;
    const sql = prepared.mode === 'atomic'
        ? migrations_history/* bookkeeping */.Xw.insertFailed(ctx.settings.schema, state.id, prepared.migration, logs, rolledBack)
        : migrations_history/* bookkeeping */.Xw.setLogs(ctx.settings.schema, state.id, logs, rolledBack);
    await ctx.client.query(sql);
}
const catalogNotStored = (ctx, prepared) => (error) => ctx.options.log?.(`  could not store the catalog before ${prepared.migration.name} (recover needs it): ${(0,redact/* redact */.E$)(String(error))}`);
/**
 * Segmented and script modes: the row is committed first, so an interruption leaves a failed row
 * (or, inside a batched statement, a checkpoint the next apply resumes from: `resume`).
 */
async function runInSteps(ctx, prepared, state, resume) {
    const { schema } = ctx.settings;
    state.committed = [];
    // The catalog before it, for the recovery plan should it fail half-way (recovery-store.ts).
    const snapshotFirst = !resume && !(0,recovery_store/* catalogKnownAfterFailure */.nW)(prepared);
    if (snapshotFirst)
        await (0,recovery_store/* rememberCatalogBefore */.q1)(ctx.client, state.id, prepared).catch(catalogNotStored(ctx, prepared));
    if (!resume)
        await ctx.client.query(migrations_history/* bookkeeping */.Xw.insertStarted(schema, state.id, prepared.migration));
    const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
    const from = resume ? units.findIndex((u) => u.batch?.statement.index === resume.running.statementIndex) : 0;
    if (from < 0)
        throw new Error(`internal: no batched statement ${resume?.running.statementIndex} in ${prepared.migration.name}`);
    let finished = false;
    for (const [i, segment] of units.entries()) {
        if (i < from) {
            state.committed.push(...segment.statements); // committed by the interrupted run
            continue;
        }
        const last = i === units.length - 1;
        if (segment.batch) {
            await runBatchSegment(ctx, prepared, segment, state, last, i === from ? resume : undefined);
            finished = last;
        }
        else
            await withRetries(ctx, prepared, state, segment, () => runSegment(ctx, prepared, segment, state));
    }
    if (!finished)
        await ctx.client.query(migrations_history/* bookkeeping */.Xw.markFinished(schema, state.id));
    if (snapshotFirst || resume)
        await (0,recovery_store/* forgetCatalogBefore */.ic)(ctx.client, state.id);
}
/** A batched statement; when it is the migration's last, its final batch also finishes the row. */
async function runBatchSegment(ctx, prepared, segment, state, last, resume) {
    const batched = segment.batch;
    const { migration } = prepared;
    try {
        await (0,checkpoint/* ensureProgressTable */.cB)(ctx.client);
        const summary = await runBatchedStatement({
            client: ctx.client,
            migrationId: state.id,
            migrationName: migration.name,
            checksum: migration.checksum,
            batched,
            where: { file: migration.sqlPath, migration: migration.name },
            lockTimeoutMs: ctx.options.lockTimeoutMs || undefined,
            statementTimeoutMs: ctx.options.statementTimeoutMs || undefined,
            retries: ctx.options.retries || undefined,
            finishSql: last ? migrations_history/* bookkeeping */.Xw.markFinished(ctx.settings.schema, state.id) : undefined,
            resume: resume?.running,
            log: ctx.options.log,
        });
        state.batches.push(summary);
        // Its batches log their own progress: a long backfill is not a slow statement.
        const line = batched.statement.line;
        state.roundTrips.push({ lines: [line, line], statements: 1, durationMs: summary.durationMs });
        state.committed.push(batched.statement);
    }
    catch (error) {
        const cause = (error instanceof errors/* MigrateActionsError */.nj ? error.cause : error);
        if (cause && (0,failure/* isConnectionLoss */.y7)(cause))
            throw new errors/* MigrateActionsError */.nj('E_CONNECTION_LOST', `The connection was lost while ${migration.name} ran its batched statement on line ${batched.statement.line}; the batches committed before it are checkpointed.`, {
                where: { file: migration.sqlPath, line: batched.statement.line, migration: migration.name },
                remedy: 'Apply again when the database is reachable: the statement resumes after its last committed batch.',
                cause: error,
            });
        await recordFailedRow(ctx, prepared, state, error).catch(() => undefined);
        throw error;
    }
}
async function runSegment(ctx, prepared, segment, state) {
    const committed = state.committed;
    const script = prepared.mode === 'script';
    let parts;
    let sessionSettings = false;
    if (segment.transactional) {
        parts = [{ text: 'BEGIN' }, ...timeoutSettings(ctx.options, 'LOCAL'), ...statementParts(segment.statements), { text: 'COMMIT' }];
    }
    else {
        // A non-transactional statement must be alone in its query string.
        const settings = timeoutSettings(ctx.options, 'SESSION');
        sessionSettings = settings.length > 0;
        if (sessionSettings)
            await ctx.client.query(settings.map((p) => p.text).join('; '));
        parts = statementParts(segment.statements); // script mode: the file's own BEGIN/COMMIT included
    }
    const outcome = await runWatched(ctx, parts);
    // Reset when set here, or when the file may have set them itself (script mode): not per statement.
    if (sessionSettings || script)
        await ctx.client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
    if (!outcome.error) {
        recordRoundTrip(ctx, prepared, segment.statements, outcome.durationMs, state);
        committed.push(...segment.statements);
        return;
    }
    if ((0,failure/* isConnectionLoss */.y7)(outcome.error))
        throw await (0,failure/* connectionLost */.Bx)(ctx.settings, prepared, state.id, committed);
    if (segment.transactional || script)
        await ctx.client.query('ROLLBACK').catch(() => undefined);
    throw await failureFor(ctx, prepared, outcome, committed, state);
}


/***/ }),

/***/ 94:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ BlockerWatch)
/* harmony export */ });
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4425);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7297);


class BlockerWatch {
    settings;
    pid;
    /** Blockers seen during the current attempt. */
    lastSeen = [];
    timer;
    observer;
    pendingLook;
    constructor(settings, pid) {
        this.settings = settings;
        this.pid = pid;
    }
    reset() {
        this.lastSeen = [];
    }
    arm(lockTimeoutMs) {
        this.disarm();
        this.timer = setTimeout(() => {
            this.pendingLook = this.look();
        }, Math.max(5, Math.floor(lockTimeoutMs / 2)));
    }
    disarm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    /** Waits for a look in flight, so a failure report includes what it saw. */
    async settle() {
        await this.pendingLook;
    }
    async look() {
        try {
            this.observer ??= (0,_session_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(this.settings, 'prisma-migrate-actions observer');
            const found = await (0,_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .blockingSessions */ .rm)(await this.observer, this.pid);
            if (found.length)
                this.lastSeen = found;
        }
        catch {
            /* watching is best effort: the failure is still reported without names */
        }
    }
    async close() {
        this.disarm();
        await this.pendingLook;
        if (this.observer)
            await (await this.observer.catch(() => undefined))?.end().catch(() => undefined);
    }
}


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ blockersAfterTheFact),
/* harmony export */   Bx: () => (/* binding */ connectionLost),
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   Xv: () => (/* binding */ failureError),
/* harmony export */   jY: () => (/* binding */ findInvalidIndex),
/* harmony export */   y7: () => (/* binding */ isConnectionLoss)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5259);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7117);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4425);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9089);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7297);









function ref(statement) {
    return { index: statement.index, line: statement.line, summary: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(statement.text, 100) };
}
/** File position of the error: the cursor inside the statement when the server gave one. */
function errorPosition(context) {
    const { statement, outcome, prepared } = context;
    if (!statement)
        return {};
    if (outcome.failedOffset === undefined)
        return { line: statement.line, column: statement.column };
    return (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(prepared.migration.sql, statement.start + outcome.failedOffset);
}
/** Nothing of the migration is in the database: its transaction rolled back, or no segment committed. */
function nothingCommitted(context, invalidIndex) {
    const { prepared, committed } = context;
    return prepared.mode === 'atomic' || (prepared.mode === 'segmented' && !committed.length && !invalidIndex);
}
/** The exact CLI command, as the remedy names it. */
function command(args) {
    return `\`prisma-migrate-actions ${args}\``;
}
function committedText(context, invalidIndex) {
    const { prepared, committed } = context;
    const recorded = nothingCommitted(context, invalidIndex)
        ? context.strict
            ? ' Its row is left failed (strict-failures), so later deploys stop until it is resolved.'
            : ' The attempt is recorded as rolled back, so the next apply runs it again.'
        : '';
    if (prepared.mode === 'atomic')
        return `Nothing of this migration was applied: its transaction (with its bookkeeping row) was rolled back.${recorded}`;
    if (prepared.mode === 'script')
        return 'The file controls its own transactions (BEGIN/COMMIT in it): what it committed before the failing statement is in the database.';
    if (!committed.length)
        return invalidIndex
            ? 'No statement of this migration is committed, but the failed statement left an index behind.'
            : `No statement of this migration is committed.${recorded}`;
    const lines = committed.map((s) => `#${s.index + 1} (line ${s.line}) ${(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(s.text, 60)}`);
    return `Committed before the failure (they are in the database): ${lines.join('; ')}.`;
}
function failureError(context, invalidIndex) {
    const { prepared, outcome, statement } = context;
    const error = outcome.error;
    const where = { file: prepared.migration.sqlPath, migration: prepared.migration.name, ...errorPosition(context) };
    const what = statement
        ? `statement #${statement.index + 1} (line ${statement.line}): ${(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(statement.text, 100)}`
        : 'its bookkeeping (commit)';
    const blockers = context.blockers.length ? ` Blocked by: ${context.blockers.map(_locks_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSession */ ._0).join('; ')}.` : '';
    const retried = context.retries ? ` (after ${context.retries} retr${context.retries === 1 ? 'y' : 'ies'})` : '';
    const invalid = invalidIndex
        ? ` It left the INVALID index ${invalidIndex.schema}.${invalidIndex.name}; drop it with: ${invalidIndex.dropSql}`
        : '';
    const message = (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`Migration ${prepared.migration.name} failed at ${what}${retried}: ${error.message} [SQLSTATE ${error.code ?? 'unknown'}]${error.hint ? ` Hint: ${error.hint}` : ''}.${blockers} ${committedText(context, invalidIndex)}${invalid}`);
    const nothingApplied = nothingCommitted(context, invalidIndex);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_MIGRATION_FAILED', message, {
        where,
        remedy: remedyFor(context, invalidIndex),
        details: {
            migration: prepared.migration.name,
            mode: prepared.mode,
            statement: statement ? (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(statement.text) : undefined,
            line: where.line,
            column: where.column,
            sqlState: error.code,
            pgMessage: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error.message),
            detail: error.detail ? (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error.detail) : undefined,
            hint: error.hint,
            nothingApplied,
            recordedRolledBack: nothingApplied && !context.strict,
            committedStatements: context.committed.map(ref),
            blockers: context.blockers,
            retries: context.retries,
            invalidIndex,
        },
    });
}
/** Every remedy matches what happened and names the command to run. */
function remedyFor(context, invalidIndex) {
    const name = context.prepared.migration.name;
    const file = `${name}/migration.sql`;
    const line = context.statement ? ` (line ${context.statement.line})` : '';
    const lockTimeout = context.outcome.error?.code === '55P03';
    if (nothingCommitted(context, invalidIndex)) {
        const first = lockTimeout
            ? 'Wait until the blocking sessions are done (or raise --lock-timeout / --retries)'
            : `Fix the failing statement in ${file}${line}`;
        return context.strict
            ? `${first}, then run ${command(`resolve --rolled-back ${name}`)} and ${command('apply')} again (strict-failures keeps the failed row until it is resolved).`
            : `${first}, then run ${command('apply')} again: nothing needs resolving.`;
    }
    const finish = lockTimeout
        ? `once the blocking sessions are done, ${command(`recover ${name} --finish`)} (runs the statements that did not run, then records it applied)`
        : `fix the failing statement in ${file}${line} and run ${command(`recover ${name} --finish`)} (runs the statements that did not run, from the fixed file, then records it applied)`;
    return `Run ${command(`recover ${name} --dry-run`)} to see what it changed and both plans. Then either ${command(`recover ${name} --undo`)} (returns the schema to its state before the migration${invalidIndex ? ', the INVALID index included' : ''} and records it rolled back), or ${finish}.`;
}
/** A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind. */
async function findInvalidIndex(client, statement, schema) {
    if (statement?.kind !== 'IndexStmt' || !statement.node.concurrent || !statement.node.idxname)
        return undefined;
    const indexSchema = statement.node.relation?.schemaname ?? schema;
    const name = statement.node.idxname;
    const found = await client.query(`SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND NOT i.indisvalid`, [indexSchema, name]);
    if (!found.rowCount)
        return undefined;
    return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(indexSchema, name)}` };
}
/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
async function blockersAfterTheFact(client, statement, schema) {
    if (!statement)
        return [];
    const tables = (0,_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .locksOf */ .aZ)(statement.kind, statement.node).flatMap((l) => l.on);
    const found = [];
    for (const table of tables) {
        const name = table.includes('.') ? table : `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(schema, table)}`;
        found.push(...(await (0,_locks_js__WEBPACK_IMPORTED_MODULE_5__/* .tableLockHolders */ .RJ)(client, name).catch(() => [])));
    }
    return found;
}
const CONNECTION_LOSS_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
function isConnectionLoss(error) {
    if (error.code && CONNECTION_LOSS_CODES.has(error.code))
        return true;
    return /Connection terminated|connection.*(closed|ended)|ECONNRESET|EPIPE|not queryable/i.test(error.message ?? '');
}
/**
 * The session died mid-migration. Looks at the database from a new connection to report the
 * truth: an atomic migration is either fully committed or not at all; a segmented one keeps
 * its row (finished_at NULL) and the segments committed so far.
 */
async function connectionLost(settings, prepared, id, committed) {
    const name = prepared.migration.name;
    let finished;
    try {
        const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_7__/* .connect */ .Ng)(settings, 'prisma-migrate-actions recovery');
        try {
            const row = await client.query(`SELECT finished_at FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(settings.schema, _history_js__WEBPACK_IMPORTED_MODULE_4__/* .MIGRATIONS_TABLE */ .tN)} WHERE id = $1`, [id]);
            finished = row.rowCount ? row.rows[0].finished_at !== null : false;
            if (row.rowCount && !finished) {
                const logs = `Connection lost while applying ${name}. ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(committed.length, 'statement')} committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
                await client.query(_history_js__WEBPACK_IMPORTED_MODULE_4__/* .bookkeeping */ .Xw.setLogs(settings.schema, id, logs));
            }
        }
        finally {
            await client.end().catch(() => undefined);
        }
    }
    catch {
        finished = undefined; // the database is unreachable: say so below
    }
    const state = finished === undefined
        ? 'The database could not be reached afterwards to check what was committed.'
        : finished
            ? `It had committed completely (its row is finished).`
            : prepared.mode === 'atomic'
                ? 'Its transaction was rolled back by PostgreSQL: nothing of it is applied and it is still pending.'
                : `Its row stays failed (finished_at NULL). Committed before the loss: ${committed.length ? committed.map((s) => `#${s.index + 1} (line ${s.line})`).join(', ') : 'no statement'}.`;
    const recoverable = finished === true
        ? `Nothing to recover: run ${command('status')} to confirm, then ${command('apply')} for what is left.`
        : prepared.mode === 'atomic'
            ? `Run ${command('apply')} again once the database is reachable.`
            : `Run ${command(`recover ${name} --dry-run`)} to see what it changed, then ${command(`recover ${name} --undo`)} or ${command(`recover ${name} --finish`)}.`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_CONNECTION_LOST', `The connection was lost while applying ${name}. ${state}`, {
        where: { migration: name, file: prepared.migration.sqlPath },
        remedy: recoverable,
        details: { migration: name, mode: prepared.mode, finished, committedStatements: committed.map(ref) },
    });
}


/***/ }),

/***/ 3062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ failedStatement),
/* harmony export */   j: () => (/* binding */ runScript)
/* harmony export */ });
/** A newline before the separator ends a trailing `--` comment the statement text may have. */
const SEPARATOR = '\n;\n';
async function runScript(client, parts) {
    const text = parts.map((p) => p.text).join(SEPARATOR);
    const connection = client.connection;
    let completed = 0;
    const onComplete = () => {
        completed++;
    };
    connection.on('commandComplete', onComplete);
    const started = performance.now();
    try {
        await client.query(text);
        return { completed: parts.length, durationMs: performance.now() - started };
    }
    catch (error) {
        const pgError = error;
        const located = locate(parts, completed, pgError.position);
        return { completed, durationMs: performance.now() - started, error: pgError, ...located };
    }
    finally {
        connection.removeListener('commandComplete', onComplete);
    }
}
/** The failing part: by the error's cursor position when it has one, else the next uncompleted. */
function locate(parts, completed, position) {
    if (position !== undefined) {
        let offset = Number(position) - 1; // 1-based, in characters
        for (const part of parts) {
            if (offset < part.text.length)
                return { failedPart: part, failedOffset: Math.max(0, offset) };
            offset -= part.text.length + SEPARATOR.length;
        }
    }
    return { failedPart: parts[completed] };
}
/** Whether the failure happened inside the statements of a migration (not in bookkeeping). */
function failedStatement(outcome) {
    return outcome.failedPart?.statement;
}


/***/ })

};
