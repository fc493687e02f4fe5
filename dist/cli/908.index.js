import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 908;
export const ids = [908,686,620,799];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V1: () => (/* binding */ diffSnapshots),
/* harmony export */   iQ: () => (/* binding */ OBJECT_TYPES)
/* harmony export */ });
/* unused harmony export changedFields */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7685);
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
            if ((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .isSuiteObject */ .o5)(type, object) || isInsideWholeTable(type, object, wholeTables))
                return;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if ((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesAny */ ._I)(options.ignore, type, identity)) {
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
    const where = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .objectLocation */ .d0)(type, object);
    return where.table !== undefined && wholeTables.has((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(where.schema, where.table));
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


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUITE_SCHEMA: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.nM),
/* harmony export */   SUITE_TABLE: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.Wc),
/* harmony export */   diffSnapshots: () => (/* reexport safe */ _diff_js__WEBPACK_IMPORTED_MODULE_1__.V1),
/* harmony export */   identityOf: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.cu),
/* harmony export */   matchesPattern: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.MT),
/* harmony export */   reconcileScript: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.M3),
/* harmony export */   reconcileSql: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.lC),
/* harmony export */   snapshotSchema: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.ap),
/* harmony export */   splitIdentity: () => (/* reexport safe */ _identity_js__WEBPACK_IMPORTED_MODULE_3__.Lt)
/* harmony export */ });
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7685);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9880);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8510);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);
/** The catalog reader, schema diff and reconcile SQL. */






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
