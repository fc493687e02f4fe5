import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 505;
export const ids = [505];
export const modules = {

/***/ 7505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  acquireReplayServer: () => (/* binding */ acquireReplayServer),
  replayMigrations: () => (/* binding */ replayMigrations)
});

// UNUSED EXPORTS: nearestLocalMajors

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/binaries.ts
var postgres_binaries = __webpack_require__(1758);
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
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var postgres_url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
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

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
;// CONCATENATED MODULE: ./src/util/wasm-tiering.ts
/**
 * V8 flags that keep WebAssembly on its baseline compiler. Both WebAssembly programs that run
 * here — the SQL parser, and the Prisma CLI's schema engine and schema tools where the native
 * engine is absent — are large and run briefly: the optimising tier's compile costs more CPU than
 * it ever saves them.
 */
const WASM_BASELINE_FLAGS = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];

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
        for (const flag of WASM_BASELINE_FLAGS)
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
    return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, for ${(0,format/* formatDuration */.a3)(session.durationMs)}${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || 'no query'}`;
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
        options.log?.(`Ending pid ${holder.pid} (${holder.applicationName}, idle for ${(0,format/* formatDuration */.a3)(holder.stateMs ?? 0)}): it holds the migration lock and looks left behind by a crashed run (--take-over-stale-lock).`);
        await client.query('SELECT pg_terminate_backend($1)', [holder.pid]);
        if (await tryLock(client, timeoutMs)) {
            return { pid: holder.pid, applicationName: holder.applicationName, idleMs: holder.stateMs ?? 0 };
        }
    }
    throw lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, Boolean(options.takeOverStale));
}
function lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, triedTakeOver) {
    const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
    const base = `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${(0,format/* formatDuration */.a3)(timeoutMs)}. Holder: ${named}.`;
    if (stale.length) {
        const which = stale.map((h) => `pid ${h.pid}, idle for ${(0,format/* formatDuration */.a3)(h.stateMs ?? 0)}`).join('; ');
        return new src_errors/* MigrateActionsError */.nj('E_ADVISORY_LOCK_STALE', `${base} It is an idle session of prisma-migrate-actions (${which}), idle longer than ${(0,format/* formatDuration */.a3)(staleAfterMs)}: most likely left behind by a run that crashed or lost its runner.`, {
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

// EXTERNAL MODULE: ./src/migrations/reader.ts + 1 modules
var reader = __webpack_require__(1026);
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
    return schema ? `${(0,sql/* quoteIdent */.v4)(schema)}.${(0,sql/* quoteIdent */.v4)(table)}` : (0,sql/* quoteIdent */.v4)(table);
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
    const owner = b.target.alias ? (0,sql/* quoteIdent */.v4)(b.target.alias) : relation; // schema.table.column is a valid column reference
    return { column: chosen.attname, type: chosen.type, relation, ref: `${owner}.${(0,sql/* quoteIdent */.v4)(chosen.attname)}`, table: chosen.table };
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

// EXTERNAL MODULE: ./src/catalog/snapshot.ts + 1 modules
var snapshot = __webpack_require__(7685);
;// CONCATENATED MODULE: ./src/migrations/batch/checkpoint.ts


const PROGRESS_TABLE = 'batch_progress';
const PROGRESS = (0,sql/* qualify */.Ss)(snapshot/* SUITE_SCHEMA */.nM, PROGRESS_TABLE);
async function ensureProgressTable(client) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,sql/* quoteIdent */.v4)(snapshot/* SUITE_SCHEMA */.nM)}`);
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
        resumable.forEach((r, i) => (plans[i].resuming = describeProgress(r.running, format/* formatCount */.B4)));
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
    return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,sql/* qualify */.Ss)(indexSchema, name)}` };
}
/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
async function blockersAfterTheFact(client, statement, schema) {
    if (!statement)
        return [];
    const tables = locksOf(statement.kind, statement.node).flatMap((l) => l.on);
    const found = [];
    for (const table of tables) {
        const name = table.includes('.') ? table : `${(0,sql/* qualify */.Ss)(schema, table)}`;
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
            const row = await client.query(`SELECT finished_at FROM ${(0,sql/* qualify */.Ss)(settings.schema, migrations_history/* MIGRATIONS_TABLE */.tN)} WHERE id = $1`, [id]);
            finished = row.rowCount ? row.rows[0].finished_at !== null : false;
            if (row.rowCount && !finished) {
                const logs = `Connection lost while applying ${name}. ${(0,format/* plural */.LS)(committed.length, 'statement')} committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
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
    const col = `${key.relation}.${(0,sql/* quoteIdent */.v4)(key.column)}`;
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
    const done = `${cursor.batches} batches (${(0,format/* formatCount */.B4)(cursor.keysDone)} rows) are committed and checkpointed`;
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
        this.options.log?.(`  batching ${s.table} (line ${s.line}): ${(0,format/* formatCount */.B4)(this.cursor.keysDone)} of ${(0,format/* formatCount */.B4)(total)} rows (${done ? 100 : percent}%), ${(0,format/* formatCount */.B4)(Math.round(rate))} rows/s${eta}, ${(0,format/* formatCount */.B4)(this.cursor.rowsChanged)} changed${done ? `, done in ${this.cursor.batches} batches` : ''}`);
    }
}

// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/migrations/recovery-store.ts



const ATTEMPTS_TABLE = 'migration_attempts';
const TABLE = `${catalog/* SUITE_SCHEMA */.nM}.${ATTEMPTS_TABLE}`;
const CHANGE_WORD = { unexpected: 'created', changed: 'altered', missing: 'dropped' };
/** Sessions that have made sure of the table (one check per apply run, not per migration). */
const ensured = new WeakSet();
async function ensureTable(client) {
    if (ensured.has(client))
        return;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${catalog/* SUITE_SCHEMA */.nM}`);
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
    await storeCatalogBefore(client, id, prepared, await (0,catalog/* snapshotSchema */.ap)(client));
}
/** After a failed catalogKnownAfterFailure migration: the catalog now, without the index it left. */
async function rememberCatalogAfterFailure(client, id, prepared, leftIndex) {
    const now = await (0,catalog/* snapshotSchema */.ap)(client);
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
    const diff = (0,catalog/* diffSnapshots */.V1)(before, now);
    return {
        migration,
        changes: diff.differences.flatMap((d) => [changeOf(d), ...indexesOfWholeTable(d, before, now)]),
        undo: (0,catalog/* reconcileSql */.lC)(diff, before, now),
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
        const plan = recoveryPlan(prepared.migration.name, attempt.before, await (0,catalog/* snapshotSchema */.ap)(client), prepared.statements, count);
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
        const { applyWithPrismaCli } = await __webpack_require__.e(/* import() */ 880).then(__webpack_require__.bind(__webpack_require__, 880));
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
        ? `  slow statement in ${name} line ${first.line} took ${(0,format/* formatDuration */.a3)(durationMs)}: ${summarizeStatement(first.text, 80)}`
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

;// CONCATENATED MODULE: ./src/drift/replay.ts
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
            (0,postgres_binaries/* findPostgresBinaries */.S6)({ major: m, allowInstall: false });
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
        return { server: await acquirePostgres({ databaseUrl: options.replayDatabaseUrl }) };
    }
    try {
        return { server: await startThrowawayCluster({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
    }
    catch (error) {
        if (!(0,src_errors/* isMigrateActionsError */.F2)(error, 'E_PG_BINARIES') || options.majorFallback === false)
            throw error;
        const nearest = nearestLocalMajors(options.major)[0];
        if (nearest === undefined)
            throw error;
        const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
        options.log?.(notice);
        return { server: await startThrowawayCluster({ major: nearest, allowInstall: false, log: options.log }), notice };
    }
}
/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
async function replayMigrations(server, schema, migrations, log) {
    const database = await server.createDatabase(undefined, { schema });
    try {
        await applyMigrations({ connection: database, migrations, log });
    }
    catch (error) {
        const where = (0,src_errors/* isMigrateActionsError */.F2)(error) ? error.where : undefined;
        throw new src_errors/* MigrateActionsError */.nj('E_DRIFT_REPLAY', `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${error.message}`, {
            where,
            remedy: 'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
            cause: error,
        });
    }
    return database;
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


/***/ })

};
