import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 722;
export const ids = [722];
export const modules = {

/***/ 7514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Us: () => (/* binding */ advanceProgress),
/* harmony export */   cB: () => (/* binding */ ensureProgressTable),
/* harmony export */   gQ: () => (/* binding */ readProgress),
/* harmony export */   ot: () => (/* binding */ startProgress),
/* harmony export */   vk: () => (/* binding */ describeProgress)
/* harmony export */ });
/* unused harmony exports PROGRESS_TABLE, PROGRESS */
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7685);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);


const PROGRESS_TABLE = 'batch_progress';
const PROGRESS = (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM, PROGRESS_TABLE);
async function ensureProgressTable(client) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${PROGRESS} (
    migration_id varchar(36) NOT NULL,
    statement_index integer NOT NULL,
    migration_name text NOT NULL,
    checksum varchar(64) NOT NULL,
    statement_line integer NOT NULL,
    table_name text NOT NULL,
    key_column text NOT NULL,
    last_key text,
    keys_done bigint NOT NULL DEFAULT 0,
    rows_changed bigint NOT NULL DEFAULT 0,
    batches integer NOT NULL DEFAULT 0,
    rows_estimate bigint,
    state text NOT NULL DEFAULT 'running',
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (migration_id, statement_index))`);
}
function fromRow(row) {
    return {
        migrationId: row.migration_id,
        migrationName: row.migration_name,
        checksum: row.checksum,
        statementIndex: row.statement_index,
        statementLine: row.statement_line,
        table: row.table_name,
        keyColumn: row.key_column,
        lastKey: row.last_key,
        keysDone: Number(row.keys_done),
        rowsChanged: Number(row.rows_changed),
        batches: row.batches,
        rowsEstimate: row.rows_estimate === null ? null : Number(row.rows_estimate),
        state: row.state,
        startedAt: row.started_at,
        updatedAt: row.updated_at,
    };
}
/** Checkpoints of these bookkeeping rows, in statement order ([] when none was ever written). */
async function readProgress(client, migrationIds) {
    if (!migrationIds.length)
        return [];
    const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS ok', [PROGRESS]);
    if (!exists.rows[0].ok)
        return [];
    const result = await client.query(`SELECT * FROM ${PROGRESS} WHERE migration_id = ANY($1) ORDER BY migration_id, statement_index`, [
        migrationIds,
    ]);
    return result.rows.map(fromRow);
}
async function startProgress(client, p) {
    await client.query(`INSERT INTO ${PROGRESS} (migration_id, statement_index, migration_name, checksum, statement_line, table_name, key_column, rows_estimate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (migration_id, statement_index) DO NOTHING`, [p.migrationId, p.statementIndex, p.migrationName, p.checksum, p.statementLine, p.table, p.keyColumn, p.rowsEstimate]);
}
/** Records one committed batch; runs inside the batch's own transaction. */
async function advanceProgress(client, key, batch) {
    await client.query(`UPDATE ${PROGRESS} SET last_key = COALESCE($3, last_key), keys_done = keys_done + $4, rows_changed = rows_changed + $5,
       batches = batches + 1, state = CASE WHEN $6 THEN 'done' ELSE state END, updated_at = clock_timestamp()
     WHERE migration_id = $1 AND statement_index = $2`, [key.migrationId, key.statementIndex, batch.lastKey, batch.keys, batch.rows, batch.done]);
}
/** "batching, 40% (1.2 M of 3 M rows)": what status says of a statement still running in batches. */
function describeProgress(p, format) {
    if (p.state === 'done')
        return `batched statement on line ${p.statementLine} done (${format(p.rowsChanged)} rows changed)`;
    const total = p.rowsEstimate ?? 0;
    const percent = total > 0 ? Math.min(99, Math.floor((p.keysDone / total) * 100)) : undefined;
    return `batching, ${percent === undefined ? '?%' : `${percent}%`} (${format(p.keysDone)} of ${total > 0 ? format(total) : '?'} rows)`;
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ DIRECTIVE_PREFIX),
/* harmony export */   Ic: () => (/* binding */ scanBatchDirectives),
/* harmony export */   S9: () => (/* binding */ batchTarget),
/* harmony export */   d4: () => (/* binding */ batchDirectives),
/* harmony export */   jg: () => (/* binding */ DEFAULT_BATCH_SIZE),
/* harmony export */   yo: () => (/* binding */ keyAssigned)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7117);



const DIRECTIVE_PREFIX = 'prisma-migrate-actions:';
const DEFAULT_BATCH_SIZE = 5000;
const MAX_BATCH_SIZE = 1_000_000;
const DIRECTIVE_LINE = /^[ \t]*--[ \t]*prisma-migrate-actions:(.*)$/gm;
const OPTIONS = ['size', 'pause', 'key', 'max-lag', 'timeout'];
function directiveError(code, message, where, remedy) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj(code, message, { where, remedy });
}
const SYNTAX_REMEDY = 'Write it as `-- prisma-migrate-actions: batch size=5000 pause=50ms` (optional key=<column>, max-lag=<duration>, timeout=<duration>) on the line directly above one UPDATE or DELETE.';
/** Directive comments outside statements; consecutive lines form one directive. */
function rawDirectives(sql, statements) {
    const raw = [];
    const inside = [];
    for (const match of sql.matchAll(DIRECTIVE_LINE)) {
        const offset = (match.index ?? 0) + match[0].indexOf('--');
        const end = (match.index ?? 0) + match[0].length;
        const owner = statements.find((s) => s.start <= offset && offset < s.end);
        const entry = { offset, ...(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .df)(sql, offset), text: match[0].trim(), body: match[1], end };
        if (owner) {
            if (isCommentIn(owner, offset))
                inside.push(entry);
            continue; // inside a string or dollar-quoted body: not a directive
        }
        const previous = raw.at(-1);
        if (previous && previous.line + previous.text.split('\n').length === entry.line) {
            previous.body += ` ${entry.body}`;
            previous.text += `\n${entry.text}`;
            previous.end = end;
        }
        else
            raw.push(entry);
    }
    return { raw, inside };
}
function isCommentIn(statement, fileOffset) {
    const local = Buffer.byteLength(statement.text.slice(0, fileOffset - statement.start));
    return (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .pgQuery */ .E5)()
        .scanSync(statement.text)
        .tokens.some((t) => t.tokenName === 'SQL_COMMENT' && t.start <= local && local < t.end);
}
function parseOptions(raw, where) {
    const words = raw.body.trim().split(/\s+/).filter(Boolean);
    if (words[0] !== 'batch') {
        throw directiveError('E_BATCH_DIRECTIVE', `Unknown prisma-migrate-actions directive "${words[0] ?? ''}": the only directive is "batch".`, where, SYNTAX_REMEDY);
    }
    const seen = new Set();
    const directive = { line: raw.line, column: raw.column, text: raw.text, size: DEFAULT_BATCH_SIZE, pauseMs: 0 };
    for (const word of words.slice(1)) {
        const eq = word.indexOf('=');
        const name = (eq < 0 ? word : word.slice(0, eq));
        const value = eq < 0 ? '' : word.slice(eq + 1);
        if (!OPTIONS.includes(name)) {
            throw directiveError('E_BATCH_DIRECTIVE', `Unknown batch option "${name}" (known: ${OPTIONS.join(', ')}).`, where, SYNTAX_REMEDY);
        }
        if (seen.has(name))
            throw directiveError('E_BATCH_DIRECTIVE', `The batch option ${name} is given twice.`, where, SYNTAX_REMEDY);
        seen.add(name);
        applyOption(directive, name, value, where);
    }
    return directive;
}
function applyOption(directive, name, value, where) {
    const bad = (expected) => directiveError('E_BATCH_DIRECTIVE', `The batch option ${name}=${value} is not ${expected}.`, where, SYNTAX_REMEDY);
    const duration = (min) => {
        const ms = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(value);
        if (ms === undefined || ms < min)
            throw bad(`a duration${min ? ' above 0' : ''} such as 50ms, 2s or 1m`);
        return ms;
    };
    switch (name) {
        case 'size': {
            const n = Number(value);
            if (!/^\d+$/.test(value) || n < 1 || n > MAX_BATCH_SIZE)
                throw bad(`a whole number of rows from 1 to ${MAX_BATCH_SIZE}`);
            directive.size = n;
            return;
        }
        case 'pause':
            directive.pauseMs = duration(0);
            return;
        case 'max-lag':
            directive.maxLagMs = duration(1);
            return;
        case 'timeout':
            directive.timeoutMs = duration(1);
            return;
        case 'key': {
            const key = /^"(.+)"$/.exec(value)?.[1]?.replace(/""/g, '"') ?? value;
            if (!key || !/^("[^"]+"|[^"\s]+)$/.test(value))
                throw bad('a column name');
            directive.key = key;
        }
    }
}
const TARGET_REMEDY = 'Batch a single-table `UPDATE t SET … WHERE …` or `DELETE FROM t WHERE …` (no FROM/USING, WITH or RETURNING), or remove the directive and run the statement whole.';
function columnNames(targetList) {
    return (targetList ?? []).map((t) => t.ResTarget?.name).filter((n) => typeof n === 'string');
}
/** The table and WHERE of a statement the directive may govern; throws E_BATCH_TARGET otherwise. */
function batchTarget(statement, where) {
    const what = statement.kind.replace(/Stmt$/, '');
    const refuse = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_TARGET', `The batch directive cannot govern this statement: ${why}.`, {
        where: { ...where, line: statement.line, column: statement.column },
        remedy: TARGET_REMEDY,
    });
    if (statement.kind !== 'UpdateStmt' && statement.kind !== 'DeleteStmt')
        throw refuse(`it is ${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what} statement, not an UPDATE or DELETE`);
    const node = statement.node;
    const extra = node.fromClause?.length ? 'FROM' : node.usingClause?.length ? 'USING' : undefined;
    if (extra)
        throw refuse(`it reads other tables (${extra}); batches are taken from one table's key`);
    if (node.withClause)
        throw refuse('it has a WITH clause');
    if (node.returningList?.length || node.returningClause?.exprs?.length)
        throw refuse('it has RETURNING (its rows would come back batch by batch)');
    if (node.whereClause?.CurrentOfExpr)
        throw refuse('WHERE CURRENT OF needs a cursor');
    const relation = node.relation;
    return {
        kind: statement.kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE',
        schema: relation.schemaname,
        table: relation.relname,
        alias: relation.alias?.aliasname,
        setColumns: columnNames(node.targetList),
        whereOffset: node.whereClause ? topLevelWhere(statement.text) : undefined,
    };
}
/** The statement's own WHERE keyword: the one outside every parenthesis (subqueries have their own). */
function topLevelWhere(text) {
    let depth = 0;
    for (const token of (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .pgQuery */ .E5)().scanSync(text).tokens) {
        if (token.text === '(')
            depth++;
        else if (token.text === ')')
            depth--;
        else if (depth === 0 && token.text.toUpperCase() === 'WHERE')
            return Buffer.from(text).subarray(0, token.start).toString().length;
    }
    return undefined;
}
/** Finds the batch directives of a parsed file and the statements they govern. */
function scanBatchDirectives(sql, statements, source = {}) {
    if (!sql.includes(DIRECTIVE_PREFIX))
        return { batched: [], errors: [] };
    const { raw, inside } = rawDirectives(sql, statements);
    const errors = [];
    const batched = [];
    const at = (d) => ({ ...source, line: d.line, column: d.column });
    for (const d of inside)
        errors.push(directiveError('E_BATCH_DIRECTIVE', 'The batch directive is inside a statement; it must be on the line directly above the statement it governs.', at(d), SYNTAX_REMEDY));
    const script = statements.find((s) => s.transactionControl);
    const claimed = new Set();
    for (const d of raw) {
        try {
            const directive = parseOptions(d, at(d));
            const statement = statements.find((s) => s.start > d.offset);
            if (!statement)
                throw directiveError('E_BATCH_DIRECTIVE', 'The batch directive is not followed by a statement.', at(d), SYNTAX_REMEDY);
            if (claimed.has(statement.index))
                throw directiveError('E_BATCH_DIRECTIVE', `The statement on line ${statement.line} has two batch directives.`, at(d), 'Keep one directive per statement.');
            if (script)
                throw directiveError('E_BATCH_TARGET', `The file controls its own transactions (${script.transactionControl} on line ${script.line}), so a statement in it cannot run in batches.`, at(d), 'Remove BEGIN/COMMIT from the file (the engine runs each part in its own transaction) or remove the directive.');
            const target = batchTarget(statement, source);
            if (directive.key && target.setColumns.includes(directive.key))
                throw keyAssigned(statement, directive.key, source);
            claimed.add(statement.index);
            batched.push({ directive, target, statement });
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj))
                throw error;
            errors.push(error);
        }
    }
    errors.sort((a, b) => (a.where?.line ?? 0) - (b.where?.line ?? 0));
    return { batched, errors };
}
function keyAssigned(statement, key, source) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_KEY', `The batched UPDATE assigns its own batch key "${key}", so batches would move under it.`, {
        where: { ...source, line: statement.line, column: statement.column },
        remedy: 'Batch on another unique, NOT NULL column (key=<column>), or run the statement whole.',
    });
}
/** As scanBatchDirectives, throwing the first mistake (apply: before anything runs). */
function batchDirectives(sql, statements, source = {}) {
    const scan = scanBatchDirectives(sql, statements, source);
    if (scan.errors.length)
        throw scan.errors[0];
    return scan.batched;
}


/***/ }),

/***/ 5825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ab: () => (/* binding */ estimateRows),
/* harmony export */   wL: () => (/* binding */ resolveBatchKey)
/* harmony export */ });
/* unused harmony export relationSql */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5259);
/* harmony import */ var _directive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);



function relationSql(b) {
    const { schema, table } = b.target;
    return schema ? `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(schema)}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(table)}` : (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(table);
}
/** Columns of the table with whether each is a usable key; null when the table does not exist. */
async function keyColumns(client, relation) {
    const result = await client.query(`SELECT a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod) AS type,
            format('%I.%I', n.nspname, c.relname) AS table,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indpred IS NULL
                      AND i.indexprs IS NULL AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS unique_alone,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1
                      AND i.indkey[0] = a.attnum) AS primary_alone
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.oid = to_regclass($1) ORDER BY a.attnum`, [relation]);
    if (result.rows.length)
        return result.rows;
    const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS ok', [relation]);
    return exists.rows[0].ok ? [] : null;
}
const KEY_REMEDY = 'Give the table a single-column primary key, or name a column with a unique index that is NOT NULL: `-- prisma-migrate-actions: batch size=5000 key=<column>`.';
/**
 * The usable key, or undefined when the table does not exist yet (an earlier migration of the
 * same run creates it: checked again when the statement is reached). Throws E_BATCH_KEY.
 */
async function resolveBatchKey(client, b, where) {
    const relation = relationSql(b);
    const columns = await keyColumns(client, relation);
    if (columns === null)
        return undefined;
    const at = { ...where, line: b.directive.line, column: b.directive.column };
    const fail = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_KEY', message, { where: at, remedy: KEY_REMEDY });
    const name = columns[0]?.table ?? (b.target.schema ? `${b.target.schema}.${b.target.table}` : b.target.table);
    let chosen;
    if (b.directive.key) {
        chosen = columns.find((c) => c.attname === b.directive.key);
        if (!chosen)
            throw fail(`The batch key "${b.directive.key}" is not a column of ${name}.`);
        if (!chosen.unique_alone)
            throw fail(`The batch key ${name}.${chosen.attname} has no unique index of its own, so batches could overlap.`);
        if (!chosen.attnotnull)
            throw fail(`The batch key ${name}.${chosen.attname} may be NULL, so some rows would be in no batch.`);
    }
    else {
        chosen = columns.find((c) => c.primary_alone);
        if (!chosen)
            throw fail(`${name} has no single-column primary key to take batches by.`);
    }
    if (b.target.setColumns.includes(chosen.attname))
        throw (0,_directive_js__WEBPACK_IMPORTED_MODULE_1__/* .keyAssigned */ .yo)(b.statement, chosen.attname, where);
    const owner = b.target.alias ? (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(b.target.alias) : relation; // schema.table.column is a valid column reference
    return { column: chosen.attname, type: chosen.type, relation, ref: `${owner}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(chosen.attname)}`, table: chosen.table };
}
/** The planner's row estimate; counted when the table was never analyzed. */
async function estimateRows(client, relation) {
    const stats = await client.query('SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)', [relation]);
    const n = Number(stats.rows[0]?.n ?? -1);
    if (n > 0)
        return n;
    const counted = await client.query(`SELECT count(*) AS n FROM ${relation}`);
    return Number(counted.rows[0].n);
}


/***/ }),

/***/ 4583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ resumableRuns)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5237);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1926);
/* harmony import */ var _checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7514);




/** Unfinished rows whose batched statement has a running checkpoint (throws when the file changed). */
async function resumableRuns(client, rows, local) {
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailedRow */ .UZ);
    const progress = await (0,_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .readProgress */ .gQ)(client, failed.map((r) => r.id));
    const out = [];
    for (const row of failed) {
        const mine = progress.filter((p) => p.migrationId === row.id);
        const running = mine.find((p) => p.state === 'running');
        const migration = local.find((m) => m.name === row.migrationName);
        if (!running || !migration)
            continue;
        if (!(0,_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .checksumMatches */ .XK)(migration.sql, row.checksum)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_RESUME_CHANGED', `${row.migrationName} stopped mid-way through its batched statement on line ${running.statementLine}, and its migration.sql has changed since, so it cannot be resumed where it stopped.`, {
                where: { file: migration.sqlPath, migration: row.migrationName },
                remedy: `Restore the file as it was when the run started (checksum ${row.checksum}), apply again to finish it, and make further changes in a new migration.`,
            });
        }
        out.push({ row, migration, running, progress: mine });
    }
    return out;
}


/***/ }),

/***/ 4425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ redactQuery),
/* harmony export */   RJ: () => (/* binding */ tableLockHolders),
/* harmony export */   Yy: () => (/* binding */ releaseAdvisoryLock),
/* harmony export */   _0: () => (/* binding */ describeSession),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   fI: () => (/* binding */ DEFAULT_ADVISORY_LOCK_TIMEOUT_MS),
/* harmony export */   io: () => (/* binding */ isStaleHolder),
/* harmony export */   lX: () => (/* binding */ acquireAdvisoryLock),
/* harmony export */   rl: () => (/* binding */ STALE_LOCK_AGE_MS),
/* harmony export */   rm: () => (/* binding */ blockingSessions),
/* harmony export */   wh: () => (/* binding */ advisoryLockHolders)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);



const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const DEFAULT_ADVISORY_LOCK_TIMEOUT_MS = 10_000;
/** An idle session of this tool holding the lock this long is taken to be left by a crashed run. */
const STALE_LOCK_AGE_MS = 10 * 60_000;
/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
function redactQuery(text, max = 300) {
    const masked = (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
    const oneLine = masked.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
const SESSION_COLUMNS = `a.pid, a.application_name, a.usename, a.state,
  (extract(epoch from now() - coalesce(a.xact_start, a.backend_start)) * 1000)::bigint AS duration_ms, a.query,
  (extract(epoch from now() - a.state_change) * 1000)::bigint AS state_ms`;
function toSession(row) {
    return {
        pid: Number(row.pid),
        applicationName: String(row.application_name ?? ''),
        user: row.usename ?? null,
        state: row.state ?? null,
        durationMs: Number(row.duration_ms ?? 0),
        query: redactQuery(row.query),
        lockMode: row.mode ? String(row.mode) : undefined,
        stateMs: row.state_ms === null || row.state_ms === undefined ? undefined : Number(row.state_ms),
    };
}
function describeSession(session) {
    return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(session.durationMs)}${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || 'no query'}`;
}
/** Sessions holding the Prisma migration lock on this database. */
async function advisoryLockHolders(client) {
    const result = await client.query(`SELECT ${SESSION_COLUMNS} FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid <> pg_backend_pid()`, [PRISMA_ADVISORY_LOCK_KEY]);
    return result.rows.map(toSession);
}
/** Sessions blocking `pid` right now (pg_blocking_pids). */
async function blockingSessions(client, pid) {
    const result = await client.query(`SELECT ${SESSION_COLUMNS} FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids($1))`, [pid]);
    return result.rows.map(toSession);
}
/** Sessions holding locks on a table (used when the wait is already over). */
async function tableLockHolders(client, table) {
    const result = await client.query(`SELECT DISTINCT ON (a.pid) ${SESSION_COLUMNS}, l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.relation = to_regclass($1) AND l.granted AND l.pid <> pg_backend_pid()`, [table]);
    return result.rows.map(toSession);
}
/** An idle session of this tool (by application_name) that has held the lock past the threshold. */
function isStaleHolder(session, staleAfterMs = STALE_LOCK_AGE_MS) {
    return session.applicationName.startsWith('prisma-migrate-actions') && session.state === 'idle' && (session.stateMs ?? 0) >= staleAfterMs;
}
async function tryLock(client, timeoutMs) {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    try {
        await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
        return true;
    }
    catch (error) {
        if (error.code !== '55P03')
            throw error;
        return false;
    }
    finally {
        await client.query('RESET lock_timeout').catch(() => undefined);
    }
}
/**
 * Takes the migration lock, waiting at most `timeoutMs` (server-side, through lock_timeout, so
 * the wait ends cleanly). On timeout the error names the session(s) holding it, and says when a
 * holder looks left behind by a crashed run; only with `takeOverStale` is such a holder ended
 * (never by default: an idle session may still be a live run between two statements).
 * Returns the holder it ended, if any.
 */
async function acquireAdvisoryLock(client, timeoutOrOptions = DEFAULT_ADVISORY_LOCK_TIMEOUT_MS) {
    const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
    const timeoutMs = options.timeoutMs ?? DEFAULT_ADVISORY_LOCK_TIMEOUT_MS;
    const staleAfterMs = options.staleAfterMs ?? STALE_LOCK_AGE_MS;
    if (await tryLock(client, timeoutMs))
        return undefined;
    const holders = await advisoryLockHolders(client);
    const stale = holders.filter((h) => isStaleHolder(h, staleAfterMs));
    if (options.takeOverStale && stale.length === 1 && holders.length === 1) {
        const [holder] = stale;
        options.log?.(`Ending pid ${holder.pid} (${holder.applicationName}, idle for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(holder.stateMs ?? 0)}): it holds the migration lock and looks left behind by a crashed run (--take-over-stale-lock).`);
        await client.query('SELECT pg_terminate_backend($1)', [holder.pid]);
        if (await tryLock(client, timeoutMs)) {
            return { pid: holder.pid, applicationName: holder.applicationName, idleMs: holder.stateMs ?? 0 };
        }
    }
    throw lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, Boolean(options.takeOverStale));
}
function lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, triedTakeOver) {
    const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
    const base = `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)}. Holder: ${named}.`;
    if (stale.length) {
        const which = stale.map((h) => `pid ${h.pid}, idle for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(h.stateMs ?? 0)}`).join('; ');
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_ADVISORY_LOCK_STALE', `${base} It is an idle session of prisma-migrate-actions (${which}), idle longer than ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(staleAfterMs)}: most likely left behind by a run that crashed or lost its runner.`, {
            remedy: triedTakeOver
                ? 'Several sessions hold or wait for the lock, so none was ended. Check them in pg_stat_activity and end the stale one with SELECT pg_terminate_backend(PID).'
                : 'If no migration run is active, run again with --take-over-stale-lock (input take-over-stale-lock: true): it ends that session, takes the lock and records the take-over in the audit record. Or end it yourself with SELECT pg_terminate_backend(PID).',
            details: { holders, timeoutMs },
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_ADVISORY_LOCK_TIMEOUT', base, {
        remedy: 'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
        details: { holders, timeoutMs },
    });
}
async function releaseAdvisoryLock(client) {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}


/***/ }),

/***/ 9089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aZ: () => (/* binding */ locksOf),
  n6: () => (/* binding */ planMigrations),
  XC: () => (/* binding */ planOf),
  wh: () => (/* binding */ prepareMigration),
  OD: () => (/* binding */ segmentsOf),
  Nk: () => (/* binding */ selectUpTo)
});

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/migrations/batch/key.ts
var batch_key = __webpack_require__(5825);
;// CONCATENATED MODULE: ./src/migrations/batch/plan.ts

function offline(b) {
    const { directive, target } = b;
    return {
        table: target.schema ? `${target.schema}.${target.table}` : target.table,
        key: directive.key,
        size: directive.size,
        pauseMs: directive.pauseMs,
        maxLagMs: directive.maxLagMs,
        timeoutMs: directive.timeoutMs,
    };
}
/** Keys and estimates of a migration's batched statements (throws E_BATCH_KEY as apply would). */
async function estimate(client, prepared) {
    const out = new Map();
    for (const b of prepared.batched) {
        const key = await (0,batch_key/* resolveBatchKey */.wL)(client, b, { file: prepared.migration.sqlPath, migration: prepared.migration.name });
        const planned = offline(b);
        if (key) {
            const rows = await (0,batch_key/* estimateRows */.ab)(client, key.relation);
            Object.assign(planned, {
                table: key.table,
                key: key.column,
                estimatedRows: rows,
                estimatedBatches: Math.floor(rows / b.directive.size) + 1,
            });
        }
        out.set(b.statement.index, planned);
    }
    return out;
}
const planBatches = { offline, estimate };

// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/migrations/plan.ts
/**
 * What applying would do, computed without changing anything: the pending migrations, their
 * statements, how each migration runs (atomic or in segments), and the lock each statement takes.
 */










/**
 * Parses a migration and its batch directives (throws E_SQL_PARSE / E_BATCH_* with file and
 * line) and decides how it runs.
 */
async function prepareMigration(migration, serverMajor) {
    await (0,parser/* loadParser */.qd)();
    const source = { file: migration.sqlPath, migration: migration.name };
    const statements = (0,parser/* splitStatements */.Xd)(migration.sql, { ...source, serverMajor });
    const batched = (0,directive/* batchDirectives */.d4)(migration.sql, statements, source);
    const mode = statements.some((s) => s.transactionControl)
        ? 'script'
        : batched.length || statements.some((s) => !s.transactional)
            ? 'segmented'
            : 'atomic';
    return { migration, statements, mode, segments: segmentsOf(statements, batched), batched };
}
/**
 * Consecutive transactional statements form one segment; each other statement is its own, and so
 * is each batched statement (its batches commit one by one, after the statements before it).
 */
function segmentsOf(statements, batched = []) {
    const segments = [];
    const batchOf = new Map(batched.map((b) => [b.statement.index, b]));
    for (const statement of statements) {
        const last = segments.at(-1);
        const batch = batchOf.get(statement.index);
        if (batch)
            segments.push({ transactional: false, statements: [statement], batch });
        else if (statement.transactional && last?.transactional && !last.batch)
            last.statements.push(statement);
        else
            segments.push({ transactional: statement.transactional, statements: [statement] });
    }
    return segments;
}
function planOf(prepared, batches = new Map()) {
    const batchOf = new Map(prepared.batched.map((b) => [b.statement.index, b]));
    return {
        name: prepared.migration.name,
        file: prepared.migration.sqlPath,
        mode: prepared.mode,
        checksum: prepared.migration.checksum,
        statements: prepared.statements.map((s) => {
            const batched = batchOf.get(s.index);
            return {
                index: s.index,
                line: s.line,
                column: s.column,
                kind: s.kind,
                summary: (0,parser/* summarizeStatement */.pp)(s.text),
                transactional: s.transactional && !batched,
                nonTransactionalReason: batched
                    ? `runs in batches of ${batched.directive.size} rows, each its own transaction; the statements before it commit first`
                    : s.nonTransactionalReason,
                locks: locksOf(s.kind, s.node),
                batch: batched ? (batches.get(s.index) ?? planBatches.offline(batched)) : undefined,
            };
        }),
    };
}
function rangeVarName(node) {
    const rv = node?.RangeVar ?? node;
    if (!rv?.relname)
        return undefined;
    return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname;
}
function listName(item) {
    const parts = (item.List?.items ?? []);
    return parts.map((p) => p.String?.sval ?? '?').join('.');
}
function foreignKeyTargets(constraints) {
    return constraints
        .filter((c) => c.Constraint?.contype === 'CONSTR_FOREIGN')
        .map((c) => rangeVarName(c.Constraint.pktable))
        .filter((n) => Boolean(n));
}
/** ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE. */
const ALTER_TABLE_LOCKS = {
    AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
    AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
    AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
    AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
    AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
    AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
    AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
};
function alterTableLocks(node) {
    const table = rangeVarName(node.relation) ?? '?';
    const cmds = (node.cmds ?? []).map((c) => c.AlterTableCmd ?? {});
    const modes = cmds.map((cmd) => {
        if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN')
            return 'SHARE ROW EXCLUSIVE';
        return ALTER_TABLE_LOCKS[cmd.subtype] ?? 'ACCESS EXCLUSIVE';
    });
    const mode = modes.includes('ACCESS EXCLUSIVE') || !modes.length ? 'ACCESS EXCLUSIVE' : modes[0];
    const fkTables = foreignKeyTargets(cmds.map((c) => c.def ?? {}));
    const locks = [{ mode, on: [table] }];
    if (fkTables.length)
        locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
    return locks;
}
function createTableLocks(node) {
    const columns = (node.tableElts ?? []).flatMap((e) => (e.ColumnDef?.constraints ?? []));
    const tableConstraints = (node.tableElts ?? []).filter((e) => e.Constraint);
    const fkTables = foreignKeyTargets([...columns, ...tableConstraints]);
    const locks = [{ mode: 'ACCESS EXCLUSIVE (new table)', on: [rangeVarName(node.relation) ?? '?'] }];
    if (fkTables.length)
        locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
    return locks;
}
/** A simple statement-kind → lock-mode table (the strongest lock each statement takes). */
function locksOf(kind, node) {
    const on = (mode, ...names) => [
        { mode, on: names.filter((n) => Boolean(n)) },
    ];
    switch (kind) {
        case 'CreateStmt':
            return createTableLocks(node);
        case 'AlterTableStmt':
            return alterTableLocks(node);
        case 'IndexStmt':
            return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', rangeVarName(node.relation));
        case 'DropStmt':
            return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', ...(node.objects ?? []).map(listName));
        case 'RenameStmt':
            return on('ACCESS EXCLUSIVE', rangeVarName(node.relation));
        case 'TruncateStmt':
            return on('ACCESS EXCLUSIVE', ...(node.relations ?? []).map((r) => rangeVarName(r)));
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
            return on('ROW EXCLUSIVE', rangeVarName(node.relation));
        case 'CreateTrigStmt':
            return on('SHARE ROW EXCLUSIVE', rangeVarName(node.relation));
        case 'ReindexStmt':
            return on(JSON.stringify(node.params ?? []).includes('concurrently') ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', rangeVarName(node.relation) ?? node.name);
        case 'VacuumStmt':
        case 'CommentStmt':
            return on('SHARE UPDATE EXCLUSIVE');
        case 'SelectStmt':
            return on('ACCESS SHARE');
        default:
            return [{ mode: 'none', on: [] }];
    }
}
function selectUpTo(pending, upTo) {
    if (upTo === undefined)
        return { selected: pending, rest: [] };
    const index = pending.findIndex((m) => m.name === upTo);
    if (index < 0) {
        throw new errors/* MigrateActionsError */.nj('E_UPTO_NOT_PENDING', `--up-to ${upTo} is not a pending migration.`, {
            where: { migration: upTo },
            remedy: `Name one of the pending migrations: ${pending.map((m) => m.name).join(', ') || '(none are pending)'}.`,
        });
    }
    return { selected: pending.slice(0, index + 1), rest: pending.slice(index + 1) };
}
/** Everything apply would do, read-only: refuses as apply would (P3009, P3005). */
async function planMigrations(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions plan');
    try {
        const major = await (0,session/* serverMajor */.jk)(client);
        const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema);
        const resumable = rows ? await (0,resume/* resumableRuns */.F)(client, rows, local) : [];
        if (rows)
            (0,session/* refuseFailedMigrations */.Re)(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
        else {
            const tables = await (0,session/* otherTables */.wX)(client, settings.schema);
            if (tables.length)
                throw (0,session/* baselineError */.ch)(settings.schema, tables);
        }
        const { selected, rest } = selectUpTo((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
        const prepared = await Promise.all([...resumable.map((r) => r.migration), ...selected].map((m) => prepareMigration(m, major)));
        const plans = [];
        for (const p of prepared)
            plans.push(planOf(p, await planBatches.estimate(client, p)));
        resumable.forEach((r, i) => (plans[i].resuming = (0,checkpoint/* describeProgress */.vk)(r.running, format/* formatCount */.B4)));
        return { schema: settings.schema, tableMissing: rows === null, migrations: plans, later: rest.map((m) => m.name) };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}


/***/ }),

/***/ 1226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ scriptCommittedCount),
/* harmony export */   D9: () => (/* binding */ setCommittedStatements),
/* harmony export */   DT: () => (/* binding */ describeChanges),
/* harmony export */   IF: () => (/* binding */ attachRecoveryPlan),
/* harmony export */   Os: () => (/* binding */ ATTEMPTS_TABLE),
/* harmony export */   PD: () => (/* binding */ recoveryPlan),
/* harmony export */   Zy: () => (/* binding */ rememberCatalogAfterFailure),
/* harmony export */   ce: () => (/* binding */ readAttempt),
/* harmony export */   ic: () => (/* binding */ forgetCatalogBefore),
/* harmony export */   nW: () => (/* binding */ catalogKnownAfterFailure),
/* harmony export */   q1: () => (/* binding */ rememberCatalogBefore)
/* harmony export */ });
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5799);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7117);



const ATTEMPTS_TABLE = 'migration_attempts';
const TABLE = `${_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.SUITE_SCHEMA}.${ATTEMPTS_TABLE}`;
const CHANGE_WORD = { unexpected: 'created', changed: 'altered', missing: 'dropped' };
/** Sessions that have made sure of the table (one check per apply run, not per migration). */
const ensured = new WeakSet();
async function ensureTable(client) {
    if (ensured.has(client))
        return;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.SUITE_SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
       id text PRIMARY KEY, migration_name text NOT NULL, mode text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now(), committed_statements integer NOT NULL DEFAULT 0,
       before jsonb NOT NULL)`);
    ensured.add(client);
}
/**
 * A migration that is one named CREATE INDEX CONCURRENTLY can leave only that index behind when
 * it fails, so its catalog before is the catalog after the failure without it: no snapshot is
 * taken up front (one per such migration would read the whole schema each time).
 */
function catalogKnownAfterFailure(prepared) {
    const [only, ...rest] = prepared.statements;
    return !rest.length && only?.kind === 'IndexStmt' && only.node.concurrent === true && Boolean(only.node.idxname);
}
/** Before a non-atomic migration: its catalog, stored under the attempt's id. */
async function rememberCatalogBefore(client, id, prepared) {
    await storeCatalogBefore(client, id, prepared, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client));
}
/** After a failed catalogKnownAfterFailure migration: the catalog now, without the index it left. */
async function rememberCatalogAfterFailure(client, id, prepared, leftIndex) {
    const now = await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client);
    if (leftIndex) {
        for (const [identity, index] of Object.entries(now.objects.index))
            if (index.schema === leftIndex.schema && index.name === leftIndex.name)
                delete now.objects.index[identity];
    }
    await storeCatalogBefore(client, id, prepared, now);
}
async function storeCatalogBefore(client, id, prepared, before) {
    await ensureTable(client);
    await client.query(`INSERT INTO ${TABLE} (id, migration_name, mode, before) VALUES ($1, $2, $3, $4)`, [
        id,
        prepared.migration.name,
        prepared.mode,
        JSON.stringify(before),
    ]);
}
/** The migration finished: its snapshot is no longer needed. */
async function forgetCatalogBefore(client, id) {
    await client.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]).catch(() => undefined);
}
async function readAttempt(client, id) {
    const exists = await client.query(`SELECT to_regclass($1) AS t`, [TABLE]);
    if (!exists.rows[0].t)
        return undefined;
    const found = await client.query(`SELECT id, migration_name, mode, before, committed_statements FROM ${TABLE} WHERE id = $1`, [id]);
    if (!found.rowCount)
        return undefined;
    const row = found.rows[0];
    return {
        id: row.id,
        migrationName: row.migration_name,
        mode: row.mode,
        before: row.before,
        committedStatements: row.committed_statements,
    };
}
async function setCommittedStatements(client, id, count) {
    await client.query(`UPDATE ${TABLE} SET committed_statements = $2 WHERE id = $1`, [id, count]);
}
/**
 * Script mode: which statements before the failing one are committed — those outside a
 * transaction block, and those in a block its COMMIT closed. Returns the committed prefix length.
 */
function scriptCommittedCount(statements, failedIndex) {
    let committed = 0;
    let inBlock = false;
    for (const statement of statements.slice(0, failedIndex)) {
        const control = statement.transactionControl;
        if (control === 'BEGIN' || control === 'START')
            inBlock = true;
        else if (control === 'COMMIT' || control === 'ROLLBACK') {
            inBlock = false;
            committed = statement.index + 1;
        }
        else if (!inBlock)
            committed = statement.index + 1;
    }
    return committed;
}
/** The recovery plan from the stored before-snapshot and the catalog now. */
function recoveryPlan(migration, before, now, statements, committedStatements) {
    const diff = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.diffSnapshots)(before, now);
    return {
        migration,
        changes: diff.differences.flatMap((d) => [changeOf(d), ...indexesOfWholeTable(d, before, now)]),
        undo: (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.reconcileSql)(diff, before, now),
        remaining: statements.slice(committedStatements).map((s) => ({ index: s.index, line: s.line, sql: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(s.text) })),
        committedStatements,
    };
}
function changeOf(difference) {
    return {
        change: CHANGE_WORD[difference.change],
        objectType: difference.objectType,
        identity: difference.identity,
        detail: difference.change === 'changed' ? difference.detail : '',
    };
}
/**
 * The diff folds a created or dropped table's contents into the table (one DROP/CREATE covers
 * them); the report still names its indexes, which a migration creates as statements of their own.
 */
function indexesOfWholeTable(difference, before, now) {
    if (difference.objectType !== 'table' || difference.change === 'changed')
        return [];
    const table = (difference.actual ?? difference.expected);
    const side = difference.change === 'unexpected' ? now : before;
    return Object.entries(side.objects.index)
        .filter(([, index]) => index.schema === table.schema && index.table === table.name)
        .map(([identity]) => ({ change: CHANGE_WORD[difference.change], objectType: 'index', identity, detail: `on ${difference.identity}` }));
}
/** One line for the failure message: what the failed migration left. */
function describeChanges(plan) {
    if (!plan.changes.length)
        return 'The catalog is as it was before the migration.';
    const lines = plan.changes.map((c) => `${c.change} ${c.objectType} ${c.identity}`);
    return `What it changed in the catalog: ${lines.join('; ')}.`;
}
/**
 * The hook at a failure of a non-atomic migration: reads the catalog again, stores how many
 * statements are committed, and adds the recovery plan to the error (message and details).
 * Best effort: without a stored snapshot the error stays as it is.
 */
async function attachRecoveryPlan(client, id, prepared, failedIndex, committed, error) {
    const details = error.details;
    if (!details)
        return;
    try {
        const attempt = await readAttempt(client, id);
        if (!attempt)
            return;
        const count = prepared.mode === 'script' && failedIndex !== undefined
            ? scriptCommittedCount(prepared.statements, failedIndex)
            : committed.length
                ? committed.at(-1).index + 1
                : 0;
        await setCommittedStatements(client, id, count);
        const plan = recoveryPlan(prepared.migration.name, attempt.before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client), prepared.statements, count);
        details.recovery = plan;
        if (prepared.mode === 'script') {
            details.committedStatements = prepared.statements.slice(0, count).map((s) => ({
                index: s.index,
                line: s.line,
                summary: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .summarizeStatement */ .pp)(s.text, 100),
            }));
        }
        const committedLine = prepared.mode === 'script'
            ? ` Committed by the file before the failure: ${count ? `statements #1 to #${count} (up to line ${prepared.statements[count - 1].line})` : 'nothing'}.`
            : '';
        error.message = `${error.message}${committedLine} ${describeChanges(plan)}`;
    }
    catch {
        // The plan is an aid; `recover` computes it again from the stored snapshot.
    }
}


/***/ }),

/***/ 7297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C9: () => (/* binding */ connectWhileChecking),
/* harmony export */   K_: () => (/* binding */ ensureSchema),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   R4: () => (/* binding */ toSettings),
/* harmony export */   Re: () => (/* binding */ refuseFailedMigrations),
/* harmony export */   ch: () => (/* binding */ baselineError),
/* harmony export */   gP: () => (/* binding */ createMigrationsTable),
/* harmony export */   gx: () => (/* binding */ checkOnItsOwnSession),
/* harmony export */   jk: () => (/* binding */ serverMajor),
/* harmony export */   wX: () => (/* binding */ otherTables)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5259);
/* harmony import */ var _postgres_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8620);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5237);





function toSettings(connection) {
    return typeof connection === 'string' ? (0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDatabaseUrl */ .mx)(connection) : connection;
}
/**
 * The engine's session. Long-lived on purpose (openClient, not withClient): the apply session
 * holds Prisma's advisory lock across every migration it applies, and the observer and recovery
 * sessions outlive the statement they watch.
 */
function connect(settings, applicationName) {
    return (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_2__.openClient)(settings, { applicationName });
}
/**
 * Connects, and reads the folders while the target check runs on that session: none of it changes
 * anything. A refused target wins, then a folder error, then a failed connect. (The SQL parser is
 * not compiled here: an apply with nothing pending never needs it.)
 */
async function connectWhileChecking(settings, applicationName, targetCheck, reading) {
    const connecting = connect(settings, applicationName);
    connecting.catch(() => undefined); // settled below
    const [check, read, connected] = await Promise.allSettled([targetCheck?.(connecting), reading, connecting]);
    const refused = [check, read, connected].find((r) => r.status === 'rejected');
    if (refused) {
        if (connected.status === 'fulfilled')
            await connected.value.end().catch(() => undefined);
        throw refused.reason;
    }
    return [connected.value, read.value];
}
/** Where the engine opens no session of its own (a dry run, the Prisma CLI): one for the check alone. */
async function checkOnItsOwnSession(settings, check) {
    if (!check)
        return;
    const session = connect(settings, 'prisma-migrate-actions target-check');
    session.catch(() => undefined); // a failed connect passes the check: the engine's own connect reports it
    try {
        await check(session);
    }
    finally {
        await session.then((client) => client.end()).catch(() => undefined);
    }
}
async function serverMajor(client) {
    const result = await client.query(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(result.rows[0].v) / 10000);
}
/** Prisma creates the `?schema=` schema when it is missing. */
async function ensureSchema(client, schema) {
    const found = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    if (found.rowCount === 0)
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(schema)}`);
}
/** Ordinary tables in the schema other than the bookkeeping table (the P3005 baseline rule). */
async function otherTables(client, schema) {
    const result = await client.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2 ORDER BY 1`, [schema, _history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN]);
    return result.rows.map((r) => r.relname);
}
function baselineError(schema, tables) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('P3005', `The database schema "${schema}" is not empty (tables: ${shown}) and has no ${_history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN} table, so which migrations are already in it is unknown.`, {
        remedy: 'Baseline it: for each migration already reflected in the database run `resolve --applied NAME` (https://pris.ly/d/migrate-baseline), then apply.',
        details: { schema, tables },
    });
}
/** Creates the bookkeeping table, refusing a non-empty schema (P3005) as Prisma does. */
async function createMigrationsTable(client, schema) {
    const tables = await otherTables(client, schema);
    if (tables.length)
        throw baselineError(schema, tables);
    await client.query((0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .createMigrationsTableSql */ .Cg)(schema));
}
/** Prisma's P3009: any failed row blocks every later deploy until it is resolved. */
function refuseFailedMigrations(rows) {
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailedRow */ .UZ);
    if (!failed.length)
        return;
    const lines = failed.map((row) => `The \`${row.migrationName}\` migration started at ${row.startedAt.toISOString()} failed${row.logs ? `: ${firstLine(row.logs)}` : ''}`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('P3009', `Found failed migrations in the target database; new migrations will not be applied.\n${lines.join('\n')}`, {
        where: { migration: failed[0].migrationName },
        remedy: `Run \`prisma-migrate-actions recover ${failed[0].migrationName} --dry-run\` to see what it left and the plans (when this tool applied it), then \`prisma-migrate-actions recover ${failed[0].migrationName} --undo\` or \`--finish\`; for a row another tool left, check the database by hand, then run \`prisma-migrate-actions resolve --rolled-back ${failed[0].migrationName}\` (after undoing it) or \`prisma-migrate-actions resolve --applied ${failed[0].migrationName}\` (after completing it). https://pris.ly/d/migrate-resolve`,
        details: { failed: failed.map((row) => ({ name: row.migrationName, startedAt: row.startedAt, logs: row.logs })) },
    });
}
function firstLine(text) {
    return text.split('\n')[0].slice(0, 300);
}


/***/ }),

/***/ 7117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ pgQuery),
/* harmony export */   Ix: () => (/* binding */ SqlParseError),
/* harmony export */   Xd: () => (/* binding */ splitStatements),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   pp: () => (/* binding */ summarizeStatement),
/* harmony export */   qd: () => (/* binding */ loadParser)
/* harmony export */ });
/* unused harmony export parserLoaded */
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2159);
/**
 * SQL statements split and parsed by PostgreSQL's own parser (libpg-query, WebAssembly).
 * Every statement keeps its exact source text and its position (line, column) in the file,
 * and says whether PostgreSQL lets it run inside a transaction block.
 */



let loaded;
let library;
/**
 * Loads the WebAssembly parser once; every other function here needs it. Imported on first use,
 * so commands that parse no SQL never compile it.
 */
function loadParser() {
    // The parser's one huge function (the grammar) costs V8's optimising tier seconds of CPU to
    // compile — 2.2 s on Node 24, which the process then waits for at exit — while the baseline
    // tier parses a migration history faster than the tier-up would ever repay. Set before the
    // module compiles; no other WebAssembly runs in this process.
    if (!loaded)
        for (const flag of _util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_2__/* .WASM_BASELINE_FLAGS */ .V)
            node_v8__WEBPACK_IMPORTED_MODULE_0___default().setFlagsFromString(flag);
    loaded ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (module) => {
        await module.loadModule();
        library = module;
    });
    return loaded;
}
/** Whether anything in this process has asked for the parser (apply with nothing pending does not). */
function parserLoaded() {
    return loaded !== undefined;
}
/** libpg-query's functions (parse, scan …), once `loadParser()` has resolved. */
function pgQuery() {
    if (!library)
        throw new Error('The SQL parser is not loaded: await loadParser() first.');
    return library;
}
class SqlParseError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj {
    constructor(message, where, near) {
        super('E_SQL_PARSE', `SQL syntax error: ${message}${near ? ` (near: ${near})` : ''}`, {
            where,
            remedy: 'Fix the SQL at that position; PostgreSQL would reject it the same way.',
        });
        this.name = 'SqlParseError';
    }
}
/** Maps UTF-8 byte offsets (what the parser reports) to string offsets. */
function byteToCharMapper(text) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === text.length)
        return (b) => b;
    const map = new Int32Array(bytes.length + 1);
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i);
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        for (let k = 0; k < size; k++)
            map[byte + k] = i;
        byte += size;
        if (code >= 0x10000)
            i++; // surrogate pair
    }
    map[bytes.length] = text.length;
    return (b) => map[Math.min(Math.max(b, 0), bytes.length)];
}
/**
 * Line and column of increasing offsets in one pass: statements come in file order, so each
 * lookup continues from the previous one instead of rescanning the file (linear, not quadratic).
 */
class PositionCursor {
    text;
    offset = 0;
    line = 1;
    lastNewline = -1;
    constructor(text) {
        this.text = text;
    }
    at(target) {
        if (target < this.offset)
            return positionOf(this.text, target);
        for (let i = this.offset; i < target && i < this.text.length; i++) {
            if (this.text.charCodeAt(i) === 10) {
                this.line++;
                this.lastNewline = i;
            }
        }
        this.offset = Math.max(this.offset, Math.min(target, this.text.length));
        return { line: this.line, column: target - this.lastNewline };
    }
}
/** 1-based line and column of a string offset. */
function positionOf(text, offset) {
    let line = 1;
    let lastNewline = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lastNewline = i;
        }
    }
    return { line, column: offset - lastNewline };
}
/** Skips whitespace and comments from `offset` (the parser's locations can include them). */
function skipTrivia(text, offset, end) {
    let i = offset;
    while (i < end) {
        const c = text[i];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\uFEFF') {
            i++;
        }
        else if (c === '-' && text[i + 1] === '-') {
            while (i < end && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            let depth = 1; // PostgreSQL block comments nest
            i += 2;
            while (i < end && depth > 0) {
                if (text[i] === '/' && text[i + 1] === '*') {
                    depth++;
                    i += 2;
                }
                else if (text[i] === '*' && text[i + 1] === '/') {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
        }
        else
            break;
    }
    return i;
}
function nonTransactional(kind, node, serverMajor) {
    switch (kind) {
        case 'IndexStmt':
            return node.concurrent ? 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        case 'DropStmt':
            return node.concurrent ? 'DROP INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        case 'ReindexStmt': {
            const params = (node.params ?? []);
            const concurrent = params.some((p) => p.DefElem?.defname === 'concurrently') || node.concurrent === true;
            return concurrent ? 'REINDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        }
        case 'VacuumStmt':
            return node.is_vacuumcmd ? 'VACUUM cannot run inside a transaction block' : undefined;
        case 'CreatedbStmt':
        case 'DropdbStmt':
            return 'CREATE/DROP DATABASE cannot run inside a transaction block';
        case 'CreateTableSpaceStmt':
        case 'DropTableSpaceStmt':
            return 'CREATE/DROP TABLESPACE cannot run inside a transaction block';
        case 'AlterSystemStmt':
            return 'ALTER SYSTEM cannot run inside a transaction block';
        case 'CreateSubscriptionStmt':
        case 'DropSubscriptionStmt':
            return 'CREATE/DROP SUBSCRIPTION cannot run inside a transaction block';
        case 'AlterEnumStmt':
            return serverMajor < 12 && node.newVal !== undefined && node.oldVal === undefined
                ? `ALTER TYPE … ADD VALUE cannot run inside a transaction block on PostgreSQL ${serverMajor}`
                : undefined;
        case 'AlterTableStmt': {
            const cmds = (node.cmds ?? []);
            const detach = cmds.some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd?.def?.PartitionCmd?.concurrent);
            return detach ? 'DETACH PARTITION CONCURRENTLY cannot run inside a transaction block' : undefined;
        }
        default:
            return undefined;
    }
}
/**
 * Splits a SQL file into statements with positions. Throws SqlParseError (with file, line and
 * column) when PostgreSQL's grammar rejects the text. Call `loadParser()` first.
 */
function splitStatements(sql, options = {}) {
    const text = sql.charCodeAt(0) === 0xfeff ? ' ' + sql.slice(1) : sql; // keep offsets; BOM → space
    if (skipTrivia(text, 0, text.length) >= text.length)
        return []; // empty or comments only
    const toChar = byteToCharMapper(text);
    let tree;
    try {
        tree = pgQuery().parseSync(text);
    }
    catch (error) {
        const details = error.sqlDetails;
        const message = details?.message ?? error.message ?? String(error);
        const cursor = details?.cursorPosition !== undefined ? toChar(details.cursorPosition) : text.length;
        const pos = positionOf(text, cursor);
        const near = text.slice(cursor, cursor + 40).split('\n')[0];
        throw new SqlParseError(message, { file: options.file, migration: options.migration, ...pos }, near || undefined);
    }
    const statements = [];
    const serverMajor = options.serverMajor ?? 99;
    const starts = new PositionCursor(text);
    const ends = new PositionCursor(text);
    for (const raw of tree.stmts ?? []) {
        const byteStart = raw.stmt_location ?? 0;
        const charStart = toChar(byteStart);
        const charEnd = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : text.length;
        const start = skipTrivia(text, charStart, charEnd);
        let end = charEnd;
        while (end > start && /\s/.test(text[end - 1]))
            end--;
        if (text[end - 1] === ';')
            end--;
        const [kind] = Object.keys(raw.stmt);
        const node = raw.stmt[kind];
        const startPos = starts.at(start);
        const reason = nonTransactional(kind, node, serverMajor);
        const statement = {
            index: statements.length,
            text: text.slice(start, end),
            start,
            end,
            line: startPos.line,
            column: startPos.column,
            endLine: ends.at(end).line,
            kind,
            node,
            transactional: reason === undefined,
            nonTransactionalReason: reason,
        };
        if (kind === 'TransactionStmt')
            statement.transactionControl = String(node.kind ?? '').replace('TRANS_STMT_', '');
        statements.push(statement);
    }
    return statements;
}
/** A short one-line form of a statement for reports. */
function summarizeStatement(text, max = 120) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}


/***/ }),

/***/ 2159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ WASM_BASELINE_FLAGS)
/* harmony export */ });
/**
 * V8 flags that keep WebAssembly on its baseline compiler. Both WebAssembly programs that run
 * here — the SQL parser, and the Prisma CLI's schema engine and schema tools where the native
 * engine is absent — are large and run briefly: the optimising tier's compile costs more CPU than
 * it ever saves them.
 */
const WASM_BASELINE_FLAGS = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];


/***/ })

};
