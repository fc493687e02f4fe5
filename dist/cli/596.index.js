import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 596;
export const ids = [596];
export const modules = {

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
