import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 693;
export const ids = [693];
export const modules = {

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitsTouching: () => (/* binding */ commitsTouching),
/* harmony export */   filesAtRef: () => (/* binding */ filesAtRef),
/* harmony export */   headCommit: () => (/* binding */ headCommit),
/* harmony export */   isShallowClone: () => (/* binding */ isShallowClone),
/* harmony export */   materializeAtRef: () => (/* binding */ materializeAtRef),
/* harmony export */   repoRoot: () => (/* binding */ repoRoot),
/* harmony export */   resolveRef: () => (/* binding */ resolveRef)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7452);
/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */





const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = String(error.stderr ?? error.message).trim();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
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
    const base = relDir.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
    blobs.forEach((blob, i) => out.set(node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.relative(base, blob.name), contents[i]));
    return out;
}
/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd, oids) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
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
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_GIT', `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`, { remedy: 'Check that the clone is complete (fetch-depth: 0).' }));
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
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(target, ...rel.split('/'));
        if (!file.startsWith(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(target) + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)))
            continue; // never write outside target
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default().writeFile(file, content);
    }
    return files.size;
}
/** The checked-out commit, or undefined outside a git work tree (recorded in manifests and audits). */
function headCommit(cwd) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** Commits that changed `target` (a file or folder), newest first, at most `limit`. */
async function commitsTouching(target, limit = 20) {
    const cwd = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target);
    const out = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H', '--', node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(target)]);
    return out.split('\n').filter(Boolean);
}
/** A clone made with fetch-depth 1 (or any shallow one) has no history to look commits up in. */
async function isShallowClone(cwd) {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}


/***/ })

};
