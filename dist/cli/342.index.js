import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 342;
export const ids = [342];
export const modules = {

/***/ 2342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h5: () => (/* binding */ resolveTargets),
/* harmony export */   readTargetsFile: () => (/* binding */ readTargetsFile),
/* harmony export */   selectGroups: () => (/* binding */ selectGroups)
/* harmony export */ });
/* unused harmony exports URLS_SECRET, parseTargets */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2410);
/* harmony import */ var _postgres_url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5655);
/**
 * The targets file of a fleet: the databases one change set goes to, in waves. It lives in the
 * repository, so it names where each URL comes from (an environment variable, or a key of the
 * DATABASE_URLS secret) and never holds a URL itself. Every mistake is reported with its file and
 * line before any target is connected to.
 */






const TARGET_KEYS = ['name', 'url', 'wave', 'group'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const URL_REFERENCE = /^(env|secret):([A-Za-z_][A-Za-z0-9_]*)$/;
const URLS_SECRET = 'DATABASE_URLS';
function fail(file, line, message, remedy) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_TARGETS', `${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}:${line}: ${message}`, { remedy, where: { file, line } });
}
/** Parses the YAML or JSON text of a targets file (JSON is YAML, so one parser gives both their lines). */
function parseTargets(text, file) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: false });
    const lineOf = (node) => {
        const range = node && 'range' in node ? node.range : node && 'key' in node ? node.key?.range : undefined;
        return range ? lines.linePos(range[0]).line : 1;
    };
    if (doc.errors.length) {
        const error = doc.errors[0];
        const line = error.linePos?.[0].line ?? 1;
        fail(file, line, `not valid YAML or JSON: ${error.message.split('\n')[0]}`, 'Fix the syntax at that line.');
    }
    const root = doc.contents;
    const example = 'targets:\n  - name: tenant-acme\n    url: env:ACME_DATABASE_URL';
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(root))
        fail(file, lineOf(root), 'expected a mapping with a "targets" list.', `Write it as:\n${example}`);
    for (const pair of root.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== 'targets')
            fail(file, lineOf(pair), `unknown key "${key}" (the file holds only "targets").`, `Remove "${key}".`);
    }
    const list = root.get('targets', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(list) || list.items.length === 0) {
        fail(file, lineOf(list ?? root), '"targets" must be a non-empty list.', `Write it as:\n${example}`);
    }
    const seen = new Map();
    const targets = [];
    for (const item of list.items) {
        const line = lineOf(item);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(item))
            fail(file, line, 'each target is a mapping with name and url.', `Write it as:\n${example}`);
        const fields = {};
        for (const pair of item.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            const at = lineOf(pair);
            if (!TARGET_KEYS.includes(key))
                fail(file, at, `unknown key "${key}".`, `A target has only ${TARGET_KEYS.join(', ')}.`);
            if (fields[key])
                fail(file, at, `"${key}" is given twice in one target.`, 'Keep one.');
            fields[key] = { value: (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.value) ? pair.value.value : pair.value, line: at };
        }
        const name = fields.name?.value;
        if (typeof name !== 'string' || !NAME.test(name)) {
            fail(file, fields.name?.line ?? line, fields.name ? `target name ${JSON.stringify(name)} is not a plain name.` : 'a target has no name.', 'Name each target with letters, digits, ".", "_" and "-" (it names the target in every report and artifact).');
        }
        const first = seen.get(name);
        if (first !== undefined)
            fail(file, fields.name.line, `target "${name}" is listed twice (first at line ${first}).`, 'Give each target its own name.');
        seen.set(name, fields.name.line);
        const url = fields.url?.value;
        if (typeof url !== 'string' || !URL_REFERENCE.test(url.trim())) {
            if (typeof url === 'string') {
                (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(url);
                (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(/:\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1]);
            }
            const clear = typeof url === 'string' && /:\/\/|@/.test(url);
            fail(file, fields.url?.line ?? line, !fields.url
                ? `target "${name}" has no url.`
                : clear
                    ? `target "${name}" has a database URL written in the file; the file is in the repository, so its password would be too.`
                    : `target "${name}": url must be env:NAME or secret:NAME.`, `Write url: env:VARIABLE (an environment variable holding the URL) or url: secret:KEY (a key of the ${URLS_SECRET} secret, a JSON object of name → URL)${clear ? ', and change the password that was written here' : ''}.`);
        }
        const wave = waveOf(fields.wave?.value, () => fail(file, fields.wave.line, `target "${name}": wave ${JSON.stringify(fields.wave.value)} is not canary or a wave number.`, 'Use wave: canary, or wave: 1, 2, 3 …'));
        const group = fields.group?.value;
        if (group !== undefined && typeof group !== 'string')
            fail(file, fields.group.line, `target "${name}": group must be a name.`, 'Write group: NAME.');
        targets.push({ name, url: url.trim(), wave: wave ?? Number.POSITIVE_INFINITY, group, line });
    }
    // Targets without a wave go in the last one.
    const numbered = targets.map((t) => t.wave).filter((w) => typeof w === 'number' && Number.isFinite(w));
    const last = numbered.length ? Math.max(...numbered) : 1;
    for (const target of targets)
        if (target.wave === Number.POSITIVE_INFINITY)
            target.wave = last;
    return { file, targets };
}
function waveOf(value, invalid) {
    if (value === undefined || value === null)
        return undefined;
    if (value === 'canary')
        return 'canary';
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1)
        invalid();
    return n;
}
function readTargetsFile(file) {
    let text;
    try {
        text = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_TARGETS', `The targets file ${file} cannot be read: ${error.code ?? 'error'}.`, {
            remedy: 'Give --targets the path of a YAML or JSON file listing the targets.',
            where: { file },
        });
    }
    return parseTargets(text, file);
}
/** Targets in the given groups (all when none given); an unknown group is an error, not an empty run. */
function selectGroups(targets, groups) {
    if (!groups.length)
        return targets.targets;
    const known = new Set(targets.targets.map((t) => t.group).filter(Boolean));
    const unknown = groups.filter((g) => !known.has(g));
    if (unknown.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_TARGETS', `No target of ${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(targets.file)} is in group ${unknown.join(', ')}.`, {
            remedy: `Groups in the file: ${[...known].join(', ') || 'none'}.`,
            where: { file: targets.file },
        });
    }
    return targets.targets.filter((t) => t.group && groups.includes(t.group));
}
/** Every target's URL, from the environment or DATABASE_URLS, checked before any connects. */
function resolveTargets(targets, file, env) {
    let urls;
    const secretUrls = (line) => {
        if (urls)
            return urls;
        const text = env[URLS_SECRET];
        (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(text);
        if (!text) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_URL', `${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}:${line}: ${URLS_SECRET} is not set.`, {
                remedy: `Set ${URLS_SECRET} to a JSON object of key → URL (in GitHub: a secret passed to the job as the ${URLS_SECRET} environment variable).`,
                where: { file, line },
            });
        }
        try {
            const parsed = JSON.parse(text);
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error('not an object');
            urls = parsed;
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_URL', `${URLS_SECRET} is not a JSON object.`, {
                remedy: `Set ${URLS_SECRET} to a JSON object such as {"EU1_DATABASE_URL": "postgresql://…"}.`,
                where: { file, line },
            });
        }
        for (const value of Object.values(urls))
            if (typeof value === 'string')
                (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(value);
        return urls;
    };
    return targets.map((target) => {
        const [, source, key] = URL_REFERENCE.exec(target.url);
        const value = source === 'env' ? env[key] : secretUrls(target.line)[key];
        if (typeof value !== 'string' || !value) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_URL', `${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}:${target.line}: target "${target.name}" reads its URL from ${source === 'env' ? `the environment variable ${key}` : `key ${key} of ${URLS_SECRET}`}, which is not set.`, { remedy: source === 'env' ? `Set ${key}.` : `Add "${key}" to the ${URLS_SECRET} secret.`, where: { file, line: target.line } });
        }
        (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(value);
        let connection;
        try {
            connection = (0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDatabaseUrl */ .mx)(value, `target ${target.name}`, env);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_FLEET_URL', `${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}:${target.line}: target "${target.name}": ${message}`, {
                remedy: `Fix the URL in ${target.url.slice(target.url.indexOf(':') + 1)}.`,
                where: { file, line: target.line },
            });
        }
        return { ...target, connection, databaseUrl: value };
    });
}


/***/ })

};
