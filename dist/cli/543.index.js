import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 543;
export const ids = [543];
export const modules = {

/***/ 7543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ acquirePostgres),
  j2: () => (/* binding */ startThrowawayCluster)
});

// UNUSED EXPORTS: MEMORY_ROOM_BYTES, clusterRoots, clustersDir, clustersDirFor, dataDirRequest, passwdIds, sweepAbandonedClusters

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var postgres_binaries = __webpack_require__(1758);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var postgres_url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/postgres/client.ts
var client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/util/cleanup.ts
var cleanup = __webpack_require__(4532);
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
        await copyOrInitdb(request, install(building, templateDir, key, request.binaries.major) ? templateDir : building);
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
function install(building, templateDir, key, major) {
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
        if (m && !(0,cleanup/* isProcessAlive */.j)(Number(m[1])))
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
            await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
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
        await withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
    }
    async stop() {
        stopClusterSync(this);
    }
}
function createDatabaseSql(name, template, fileCopy = false) {
    return `CREATE DATABASE ${(0,sql/* quoteIdent */.v4)(name)}${template ? ` TEMPLATE ${(0,sql/* quoteIdent */.v4)(template)}` : ''}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`;
}
function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const withClient = (settings, fn) => (0,client.withClient)(settings, { applicationName: 'prisma-migrate-actions-admin' }, fn);
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
        throw new errors/* MigrateActionsError */.nj('E_PG_ROOT', 'Running as root, and there is no `postgres` system user to run a throwaway PostgreSQL as (initdb refuses root).', {
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
        if ((0,cleanup/* isProcessAlive */.j)(owner.pid))
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
        if (!(0,cleanup/* isProcessAlive */.j)(pid))
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
    const binaries = (0,postgres_binaries/* findPostgresBinaries */.S6)({ major: options.major, allowInstall: options.allowInstall, log: options.log });
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
    const unregister = (0,cleanup/* onExitCleanup */.o)(() => stopClusterSync(cluster));
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
        throw new errors/* MigrateActionsError */.nj('E_PG_START', `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${error.message}`, {
            remedy: 'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
            cause: error,
        });
    }
}


/***/ }),

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ isProcessAlive),
/* harmony export */   o: () => (/* binding */ onExitCleanup)
/* harmony export */ });
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


/***/ })

};
