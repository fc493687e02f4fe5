import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 407;
export const ids = [407,620];
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

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ createMigrationsTableSql),
/* harmony export */   GM: () => (/* binding */ migrationsTableExists),
/* harmony export */   UZ: () => (/* binding */ isFailedRow),
/* harmony export */   Xw: () => (/* binding */ bookkeeping),
/* harmony export */   f0: () => (/* binding */ readAppliedRows),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   wr: () => (/* binding */ compareHistory)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1926);


const MIGRATIONS_TABLE = '_prisma_migrations';
/** The DDL the Prisma schema engine uses (unqualified there; it relies on search_path). */
function createMigrationsTableSql(schema) {
    return `CREATE TABLE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}
async function migrationsTableExists(client, schema) {
    const result = await client.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE),
    ]);
    return result.rows[0].exists;
}
/** All rows ordered as Prisma reads them, or null when the table does not exist. */
async function readAppliedRows(client, schema) {
    if (!(await migrationsTableExists(client, schema)))
        return null;
    const result = await client.query(`SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} ORDER BY started_at ASC`);
    return result.rows.map((row) => ({
        id: row.id,
        checksum: row.checksum,
        finishedAt: row.finished_at,
        migrationName: row.migration_name,
        logs: row.logs,
        rolledBackAt: row.rolled_back_at,
        startedAt: row.started_at,
        appliedStepsCount: row.applied_steps_count,
    }));
}
function isFailedRow(row) {
    return row.finishedAt === null && row.rolledBackAt === null;
}
function compareHistory(local, rows) {
    const all = rows ?? [];
    const live = all.filter((row) => row.rolledBackAt === null);
    const liveNames = new Set(live.map((row) => row.migrationName));
    const localByName = new Map(local.map((migration) => [migration.name, migration]));
    const applied = live.filter((row) => row.finishedAt !== null);
    const pending = local.filter((migration) => !liveNames.has(migration.name));
    const missingLocally = applied.filter((row) => !localByName.has(row.migrationName));
    const edited = applied.flatMap((row) => {
        const migration = localByName.get(row.migrationName);
        return migration && !(0,_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .checksumMatches */ .XK)(migration.sql, row.checksum) ? [{ migration, row }] : [];
    });
    const common = local.filter((migration) => liveNames.has(migration.name));
    return {
        pending,
        applied,
        failed: all.filter(isFailedRow),
        rolledBack: all.filter((row) => row.rolledBackAt !== null),
        edited,
        missingLocally,
        // Prisma's diagnosis: unapplied local migrations and unpersisted database ones at once.
        diverged: pending.length > 0 && live.some((row) => !localByName.has(row.migrationName)),
        lastCommon: common.at(-1)?.name,
        tableMissing: rows === null,
    };
}
/** Bookkeeping statements as SQL text (literals inlined so they can share a round trip). */
const bookkeeping = {
    insertStarted(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0)`;
    },
    /**
     * The row of an atomic migration, written last in its transaction: started_at is now(), the
     * transaction's start (when the migration began); nothing outside sees the row before COMMIT, so
     * one INSERT records what INSERT-then-UPDATE would, with one statement and no dead row.
     */
    insertApplied(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, now(), clock_timestamp(), 1)`;
    },
    markFinished(schema, id) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
    /** The failed attempt's row; `rolledBack` writes what `resolve --rolled-back` would (nothing of it is committed). */
    insertFailed(schema, id, migration, logs, rolledBack = false) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count, logs, rolled_back_at)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}, ${rolledBack ? 'clock_timestamp()' : 'NULL'})`;
    },
    setLogs(schema, id, logs, rolledBack = false) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET logs = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}${rolledBack ? ', rolled_back_at = clock_timestamp()' : ''} WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
};


/***/ }),

/***/ 1926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ LOCK_FILE),
/* harmony export */   Nb: () => (/* binding */ readMigrationsDir),
/* harmony export */   Vc: () => (/* binding */ refusePrisma8Layout),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   f3: () => (/* binding */ sortMigrationNames),
/* harmony export */   g8: () => (/* binding */ MIGRATION_FILE),
/* harmony export */   lf: () => (/* binding */ checksumOf),
/* harmony export */   wd: () => (/* binding */ compareMigrationNames)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6701);
/* harmony import */ var _util_time_slice_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9344);
/**
 * Reads a Prisma migrations directory the way Prisma does: one folder per migration holding
 * migration.sql, folders sorted with `localeCompare` (Prisma 6.6+), and the provider recorded in
 * migration_lock.toml. Checksums are SHA-256 of the file's exact bytes, as Prisma stores them.
 */





const LOCK_FILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';
/** SHA-256 (lowercase hex) of the text's UTF-8 bytes, as Prisma records it. */
function checksumOf(text) {
    return (0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .f)(text);
}
/** Prisma accepts the text as-is, with CRLF→LF and with LF→CRLF. */
function checksumMatches(localSql, recordedChecksum) {
    const recorded = recordedChecksum.toLowerCase();
    const variants = [localSql, localSql.replace(/\r\n/g, '\n'), localSql.replace(/\r?\n/g, '\r\n')];
    return variants.some((variant) => checksumOf(variant) === recorded);
}
/** Where the collation's first level alone decides: digits (by value) before letters (by letter, either case). */
function primaryRank(code) {
    if (code >= 48 && code <= 57)
        return code - 48;
    if (code >= 97 && code <= 122)
        return 10 + code - 97;
    if (code >= 65 && code <= 90)
        return 10 + code - 65;
    return undefined;
}
const isLetter = (code) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
/**
 * Prisma 6.6+ order: JavaScript `localeCompare` of the folder names. Where two names first differ
 * at ASCII letters or digits of different weight, the collation's first level decides there
 * (equal prefixes weigh alike), so they are ordered without starting ICU's collator (about 10 ms,
 * a tenth of a no-op status). Not after a letter: a locale may join two letters into one (Czech
 * "ch"). Everything else is localeCompare itself.
 */
function compareMigrationNames(a, b) {
    const length = Math.min(a.length, b.length);
    let i = 0;
    while (i < length && a.charCodeAt(i) === b.charCodeAt(i))
        i++;
    if (i < length && (i === 0 || !isLetter(a.charCodeAt(i - 1)))) {
        const [x, y] = [primaryRank(a.charCodeAt(i)), primaryRank(b.charCodeAt(i))];
        if (x !== undefined && y !== undefined && x !== y)
            return x - y;
    }
    return a.localeCompare(b);
}
function sortMigrationNames(names) {
    return [...names].sort(compareMigrationNames);
}
async function readMigrationsDir(dir, options = {}) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
    await refusePrisma8Layout(absolute);
    const entries = listDirectory(absolute);
    const lockProvider = readLockProvider(absolute);
    const expected = options.expectedProvider ?? 'postgresql';
    if (lockProvider !== undefined && lockProvider !== expected) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('P3019', `The migrations in ${absolute} were created for provider "${lockProvider}" (${LOCK_FILE}), but this database is "${expected}".`, {
            where: { file: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(absolute, LOCK_FILE) },
            remedy: `Point --dir at the ${expected} migrations, or recreate the history for ${expected} (the lock file's provider must match).`,
        });
    }
    const folders = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    // One by one and synchronously: for thousands of small files that is several times faster than
    // the thread pool's open/stat/read/close hops, and the first failure is the first in order.
    // Pauses let what runs meanwhile move on (a connect, a catalog read whose rows would otherwise
    // wait in a full socket buffer).
    const migrations = [];
    const slicer = (0,_util_time_slice_js__WEBPACK_IMPORTED_MODULE_4__/* .timeSlicer */ .O)();
    for (const name of folders) {
        await slicer.pause();
        migrations.push(readMigration(absolute, name));
    }
    return { dir: absolute, lockProvider, migrations };
}
// Synchronous file system calls throughout: a handful of small reads, and fs.promises alone
// would add its module's load (~5 ms) to a no-op status.
const exists = (file) => node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(file);
/** `<dir>/app/<name>/ops.json` or a prisma_contract.marker: Prisma 8's migration packages. */
function prisma8Marker(dir) {
    if (exists(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'prisma_contract.marker')))
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'prisma_contract.marker');
    const app = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'app');
    let packages = [];
    try {
        packages = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(app, { withFileTypes: true });
    }
    catch {
        // no app/ folder
    }
    for (const entry of packages) {
        const ops = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(app, entry.name, 'ops.json');
        if (entry.isDirectory() && exists(ops))
            return ops;
    }
    return undefined;
}
/**
 * Prisma 8 replaces migration.sql folders with migration packages and keeps its state in
 * prisma_contract.marker instead of _prisma_migrations; reading such a project as folders would
 * fail deep in the engine, so it is refused up front, in the folder given or (when that does not
 * exist) in the project's migrations/ beside it.
 */
async function refusePrisma8Layout(dir) {
    const candidates = [dir];
    if (!exists(dir))
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir), 'migrations'), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)), 'migrations'));
    for (const candidate of candidates) {
        const marker = prisma8Marker(candidate);
        if (!marker)
            continue;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_PRISMA8_MIGRATIONS_DIR', `${candidate} holds Prisma 8 migration packages (${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(candidate, marker)}), which are not supported. ` +
            'Supported: Prisma 5–7 migrations — <timestamp>_<name>/migration.sql folders with migration_lock.toml, recorded in _prisma_migrations. ' +
            "Not supported: Prisma 8's app/<name>/{migration.ts, migration.json, ops.json} packages and its prisma_contract.marker state.", {
            where: { file: marker },
            remedy: 'Keep this project on Prisma 7 (prisma migrate dev writes migration.sql folders) while it uses these actions, or apply Prisma 8 migrations with Prisma 8 itself (prisma db migrate) without them.',
        });
    }
}
function listDirectory(dir) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj(code === 'ENOENT' ? 'E_MIGRATIONS_DIR_MISSING' : 'E_MIGRATIONS_DIR_UNREADABLE', code === 'ENOENT' ? `The migrations directory ${dir} does not exist.` : `The migrations directory ${dir} cannot be read (${code}).`, {
            where: { file: dir },
            remedy: 'Pass --dir with the folder that holds the migration folders (default prisma/migrations), or fix its permissions.',
            cause: error,
        });
    }
}
/** First line starting with `provider`, value with quotes stripped (what Prisma reads). */
function readLockProvider(dir) {
    let text;
    try {
        text = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, LOCK_FILE), 'utf8');
    }
    catch {
        return undefined; // Prisma skips the check when the file is absent
    }
    const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('provider'));
    if (!line)
        return undefined;
    return line
        .slice(line.indexOf('=') + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
}
function readMigration(dir, name) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
    const sqlPath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, MIGRATION_FILE);
    let bytes;
    try {
        bytes = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(sqlPath);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('P3015', `The migration folder ${name} has no ${MIGRATION_FILE} (${folder}).`, {
                where: { file: folder, migration: name },
                remedy: `Add the migration's SQL as ${MIGRATION_FILE} in that folder, or remove the folder if it is not a migration.`,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_MIGRATION_UNREADABLE', `Cannot read ${sqlPath} (${code ?? error.message}).`, {
            where: { file: sqlPath, migration: name },
            remedy: 'Fix the file permissions so the migration can be read.',
            cause: error,
        });
    }
    const sql = decodeUtf8(bytes, sqlPath, name);
    return { name, folder, sqlPath, sql, checksum: (0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Hex */ .f)(bytes) };
}
// ignoreBOM keeps a BOM in the text, so the text's bytes are exactly the file's bytes.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes, file, migration) {
    try {
        return UTF8.decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_MIGRATION_NOT_UTF8', `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`, {
            where: { file, line, migration },
            remedy: 'Re-save the file as UTF-8 (Prisma and PostgreSQL read migrations as UTF-8).',
        });
    }
}
function firstInvalidUtf8Offset(bytes) {
    let low = 0;
    let high = bytes.length;
    // Binary search on the longest valid prefix (a prefix may end mid-character: allow 3 bytes).
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            low = mid;
        }
        catch {
            high = mid - 1;
        }
    }
    return low;
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

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
const sha256Hex = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');


/***/ }),

/***/ 9344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ timeSlicer)
/* harmony export */ });
function timeSlicer(sliceMs = 4) {
    let sliceStart = performance.now();
    return {
        pause() {
            if (performance.now() - sliceStart < sliceMs)
                return undefined;
            return new Promise((resolve) => setImmediate(() => {
                sliceStart = performance.now();
                resolve();
            }));
        },
    };
}


/***/ })

};
