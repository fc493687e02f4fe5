import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 873;
export const ids = [873,693,342];
export const modules = {

/***/ 4873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runFleetTargets: () => (/* binding */ runFleetTargets)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/direct.ts
var direct = __webpack_require__(2102);
// EXTERNAL MODULE: ./src/fleet/targets.ts
var fleet_targets = __webpack_require__(2342);
// EXTERNAL MODULE: ./src/fleet/waves.ts
var waves = __webpack_require__(4682);
;// CONCATENATED MODULE: ./src/fleet/pool.ts
/**
 * The fleet's worker pool: runs a step on every target, wave by wave (the canary wave alone
 * first), at most `concurrency` at a time, and stops starting targets once more than
 * `maxFailures` have failed — the running ones finish, the rest are reported as not started.
 */

async function runPool(targets, step, options) {
    const now = options.now ?? Date.now;
    const results = new Map(targets.map((t) => [t.name, { name: t.name, wave: t.wave, result: 'not-started', applied: [] }]));
    let failures = 0;
    let stoppedAfter;
    for (const { targets: wave } of (0,waves/* groupByWave */.w)(targets)) {
        if (stoppedAfter)
            break;
        const queue = [...wave];
        const worker = async () => {
            for (let target = queue.shift(); target && !stoppedAfter; target = queue.shift()) {
                const result = results.get(target.name);
                const started = now();
                result.startedAt = new Date(started).toISOString();
                let outcome;
                try {
                    outcome = await step(target);
                }
                catch (error) {
                    const code = error.code;
                    outcome = {
                        ok: false,
                        applied: [],
                        error: { code: typeof code === 'string' ? code : 'E_UNEXPECTED', message: error.message ?? String(error) },
                    };
                }
                result.durationMs = Math.round(now() - started);
                result.result = outcome.ok ? 'succeeded' : 'failed';
                result.applied = outcome.applied;
                if (outcome.summary)
                    result.summary = outcome.summary;
                if (outcome.error)
                    result.error = outcome.error;
                if (outcome.outputs)
                    result.outputs = outcome.outputs;
                if (!outcome.ok && ++failures > options.maxFailures)
                    stoppedAfter ??= target.name;
            }
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, wave.length)) }, worker));
    }
    return { targets: targets.map((t) => results.get(t.name)), stoppedAfter };
}

// EXTERNAL MODULE: ./src/fleet/report.ts
var fleet_report = __webpack_require__(5860);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
;// CONCATENATED MODULE: ./src/fleet/audit.ts
/**
 * The fleet's audit trail: one record per target and one for the run, written next to the
 * reports (and uploaded as artifacts by the fleet workflow, whose merge job joins them).
 */



/** The folder of the run's records: <report-dir>/fleet/<command>-<start time>. */
function fleetAuditDir(reportDir, context) {
    return external_node_path_default().join(reportDir, 'fleet', `${context.command}-${context.startedAt.replace(/[:.]/g, '-')}`);
}
function writeFleetAudit(dir, context, targets) {
    external_node_fs_default().mkdirSync(dir, { recursive: true });
    const write = (file, record) => {
        const full = external_node_path_default().join(dir, file);
        external_node_fs_default().writeFileSync(full, JSON.stringify((0,redact/* redactDeep */.KL)(record), null, 2) + '\n', { mode: 0o600 });
        return full;
    };
    const paths = targets.map((t) => write(`target-${t.name}.json`, { kind: 'fleet-target', ...context, target: t }));
    const run = write('run.json', { kind: 'fleet-run', ...context, endedAt: new Date().toISOString(), targets });
    return { run, targets: paths };
}

// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/types.ts
var types = __webpack_require__(8619);
;// CONCATENATED MODULE: ./src/commands/fleet.ts
/**
 * --targets on deploy, apply, status, drift-check and plan: the same command, run on every
 * target of a targets file by the fleet's pool. Each target runs exactly what the command runs on
 * one database (so a failed target is left as that command's own failure policy leaves it);
 * this file only fans out, collects the per-target results and writes the audit records.
 */











/** Names of the migrations a single-database result says it applied. */
function appliedOf(result) {
    const fromOutput = result.outputs?.applied;
    if (typeof fromOutput === 'string')
        return fromOutput.split('\n').filter(Boolean);
    const data = result.report.data;
    return data && !data.dryRun && Array.isArray(data.applied) ? data.applied.flatMap((m) => (m.name ? [m.name] : [])) : [];
}
async function runFleetTargets(command, allValues, context) {
    const values = allValues;
    const env = context.env ?? process.env;
    const file = external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'targets'));
    const targetsFile = (0,fleet_targets.readTargetsFile)(file);
    const only = (0,options/* list */.p_)(values, 'only');
    let selected = (0,fleet_targets.selectGroups)(targetsFile, (0,options/* list */.p_)(values, 'group'));
    if (only.length) {
        const unknown = only.filter((name) => !selected.some((t) => t.name === name));
        if (unknown.length) {
            throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `Not a target of ${external_node_path_default().basename(file)}: ${unknown.join(', ')}.`, {
                remedy: 'Give only names listed in the targets file.',
                where: { file },
            });
        }
        selected = selected.filter((t) => only.includes(t.name));
    }
    // Every URL is resolved (and registered as a secret) before any target is connected to.
    const targets = (0,fleet_targets/* resolveTargets */.h5)(selected, file, env);
    // A directUrl = env("…") of schema.prisma would send every target to that one database.
    const directEnv = (0,direct/* directUrlEnvFromSchema */.t)(external_node_path_default().join(context.cwd, 'prisma', 'schema.prisma'));
    const targetEnv = { ...env };
    if (directEnv)
        delete targetEnv[directEnv];
    const reportDir = external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'report-dir') ?? '.prisma-migrate-actions');
    const startedAt = new Date().toISOString();
    const concurrency = (0,options/* num */.bu)(values, 'concurrency') ?? 4;
    const maxFailures = (0,options/* num */.bu)(values, 'max-failures') ?? Number.POSITIVE_INFINITY;
    const replayCache = context.replayCache ?? new Map();
    const shown = (target, text) => (0,redact/* redact */.E$)(text.split(target.connection.maskedUrl).join(`target ${target.name}`));
    context.log(`${command.name} on ${targets.length} targets of ${external_node_path_default().relative(context.cwd, file)}, ${concurrency} at a time.`);
    const step = async (target) => {
        context.log(`[${target.name}] starting (${target.wave === 'canary' ? 'canary' : `wave ${target.wave}`})`);
        const result = await command.single({
            ...allValues,
            ...command.perTarget,
            'database-url': target.databaseUrl,
            'direct-database-url': undefined,
            targets: undefined,
            'report-dir': external_node_path_default().join(reportDir, 'targets', target.name),
        }, { ...context, env: targetEnv, replayCache, log: (line) => context.log(`[${target.name}] ${shown(target, line)}`) });
        const error = result.report.findings.find((f) => f.severity === 'error');
        const ok = result.exitCode === types/* EXIT */.d.ok;
        return {
            ok,
            applied: appliedOf(result),
            summary: shown(target, result.report.summary),
            outputs: result.outputs,
            error: !ok && error ? { code: error.ruleId ?? error.title, message: shown(target, error.message) } : undefined,
        };
    };
    const pool = await runPool(targets, async (target) => {
        try {
            return await step(target);
        }
        catch (error) {
            const code = error.code;
            return {
                ok: false,
                applied: [],
                error: { code: typeof code === 'string' ? code : 'E_UNEXPECTED', message: shown(target, error.message) },
            };
        }
    }, { concurrency, maxFailures });
    const relative = external_node_path_default().relative(context.cwd, file) || file;
    const report = (0,fleet_report/* fleetReport */.j)(pool, { command: command.name, kind: command.kind, file: relative, concurrency, maxFailures }, `${command.name} on the fleet in ${relative}`);
    const gh = context.github;
    const audit = writeFleetAudit(fleetAuditDir(reportDir, { command: command.name, startedAt }), {
        command: command.name,
        file: relative,
        environment: (0,options/* str */.gx)(values, 'environment'),
        commit: gh?.sha ?? (0,git.headCommit)(context.cwd),
        runUrl: gh?.runUrl,
        actor: gh?.actor ?? env.USER,
        startedAt,
    }, pool.targets);
    report.outputs = { ...report.outputs, 'audit-json': audit.run };
    report.data.audit = audit;
    const failed = pool.targets.some((t) => t.result === 'failed');
    return { report, exitCode: failed ? types/* EXIT */.d.failed : types/* EXIT */.d.ok, outputs: report.outputs, targets };
}


/***/ }),

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


/***/ }),

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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
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
