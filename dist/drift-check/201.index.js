import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 201;
export const ids = [201];
export const modules = {

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qo: () => (/* binding */ headCommit)
/* harmony export */ });
/* unused harmony exports repoRoot, resolveRef, filesAtRef, materializeAtRef, commitsTouching, isShallowClone */
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
        throw new MigrateActionsError('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
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
        throw new MigrateActionsError('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
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
    const base = relDir.split(path.sep).join('/');
    blobs.forEach((blob, i) => out.set(path.posix.relative(base, blob.name), contents[i]));
    return out;
}
/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd, oids) {
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
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
                    reject(new MigrateActionsError('E_GIT', `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`, { remedy: 'Check that the clone is complete (fetch-depth: 0).' }));
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
        const file = path.join(target, ...rel.split('/'));
        if (!file.startsWith(path.resolve(target) + path.sep))
            continue; // never write outside target
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, content);
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
    const cwd = path.dirname(target);
    const out = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H', '--', path.basename(target)]);
    return out.split('\n').filter(Boolean);
}
/** A clone made with fetch-depth 1 (or any shallow one) has no history to look commits up in. */
async function isShallowClone(cwd) {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}


/***/ }),

/***/ 5201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  webhookCheck: () => (/* binding */ webhookCheck)
});

// UNUSED EXPORTS: withDeployNotifications

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var postgres_redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/notify/events.ts
var events = __webpack_require__(5368);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/notify/slack.ts
/**
 * The Slack-compatible rendering of an event: what a Slack (or Mattermost, Teams-compatible)
 * incoming webhook shows — a one-line text fallback plus mrkdwn blocks with the migrations.
 */

const HEADLINE = {
    'plan-ready': (e) => `:hourglass: ${(0,format/* plural */.LS)(e.migrations.length, 'migration')} for *${e.environment}* ${e.migrations.length === 1 ? 'is' : 'are'} waiting for approval`,
    deployed: (e) => `:white_check_mark: Deployed ${(0,format/* plural */.LS)(appliedCount(e), 'migration')} to *${e.environment}* in ${(0,format/* formatDuration */.a3)(e.durationMs)}`,
    failed: (e) => `:x: The deploy to *${e.environment}* failed (${e.result})`,
    restored: (e) => `:rewind: The deploy to *${e.environment}* failed; the database was restored from the pre-migration backup`,
    'drift-found': (e) => `:warning: *${e.environment}* drifted from its migration history (${(0,format/* plural */.LS)(e.driftCount ?? 0, 'object')})`,
};
function appliedCount(event) {
    return event.migrations.filter((m) => m.status === 'applied').length;
}
/** Slack mrkdwn needs &, < and > escaped in text it should not read as markup. */
function slack_escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function slackMessage(event) {
    const headline = HEADLINE[event.event](event);
    const lines = [];
    if (event.repository)
        lines.push(`Repository: ${slack_escape(event.repository)}${event.commit ? ` @ \`${event.commit.slice(0, 7)}\`` : ''}`);
    for (const m of event.migrations.slice(0, 20)) {
        lines.push(`• \`${slack_escape(m.name)}\` ${m.status}${m.durationMs !== undefined ? ` in ${(0,format/* formatDuration */.a3)(m.durationMs)}` : ''}`);
    }
    if (event.migrations.length > 20)
        lines.push(`… and ${event.migrations.length - 20} more`);
    for (const line of (event.plan ?? event.differences ?? []).slice(0, 10))
        lines.push(`› ${slack_escape(line)}`);
    if (event.approvedBy.length)
        lines.push(`Approved by ${slack_escape(event.approvedBy.join(', '))}`);
    if (event.error)
        lines.push(`Error ${slack_escape(event.error.code)}: ${slack_escape(event.error.message).slice(0, 500)}`);
    const link = event.approveUrl ?? event.runUrl;
    if (link)
        lines.push(`<${link}|${event.event === 'plan-ready' ? 'Review and approve' : 'Open the run'}>`);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: headline } }];
    if (lines.length)
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 2900) } });
    return { text: headline.replace(/\*/g, ''), blocks };
}

// EXTERNAL MODULE: ./src/notify/webhook-settings.ts
var webhook_settings = __webpack_require__(256);
;// CONCATENATED MODULE: ./src/notify/webhook.ts
/**
 * Webhook delivery: one POST of the event, signed when a secret is set, retried with backoff
 * within one overall time budget, and reported — never thrown — so a receiver that is down or
 * slow can never fail or roll back the deploy it is being told about.
 */





const SIGNATURE_HEADER = 'X-Prisma-Migrate-Actions-Signature';
const EVENT_HEADER = 'X-Prisma-Migrate-Actions-Event';
/** Attempts after the first one. */
const NOTIFY_RETRIES = 3;
/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of the signature header. */
function signBody(body, secret) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
/** Checks a signature header against the raw body (constant-time), as a receiver would. */
function verifySignature(body, secret, header) {
    if (!header)
        return false;
    const expected = Buffer.from(signBody(body, secret));
    const given = Buffer.from(header);
    if (expected.length !== given.length)
        return false;
    let diff = 0;
    for (let i = 0; i < expected.length; i++)
        diff |= expected[i] ^ given[i];
    return diff === 0;
}
function eventBody(event, format) {
    return JSON.stringify(format === 'slack' ? slackMessage(event) : event);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** Posts the event; resolves with what happened, never rejects. */
async function deliverEvent(event, settings) {
    const body = eventBody(event, settings.format);
    const headers = {
        'content-type': 'application/json',
        'user-agent': 'prisma-migrate-actions',
        [EVENT_HEADER]: event.event,
    };
    if (settings.secret)
        headers[SIGNATURE_HEADER] = signBody(body, settings.secret);
    const deadline = Date.now() + settings.timeoutMs;
    let backoff = settings.backoffMs ?? 1000;
    let attempts = 0;
    let status;
    let lastProblem = '';
    for (let attempt = 0; attempt <= NOTIFY_RETRIES; attempt++) {
        const left = deadline - Date.now();
        if (left <= 0)
            break;
        attempts++;
        try {
            const response = await fetch(settings.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(left), redirect: 'error' });
            status = response.status;
            await response.body?.cancel().catch(() => undefined);
            if (response.ok)
                return { delivered: true, attempts, status };
            lastProblem = `HTTP ${response.status}`;
            // 4xx other than 408/429 will not get better by asking again.
            if (status >= 400 && status < 500 && status !== 408 && status !== 429)
                break;
        }
        catch (error) {
            const name = error.name;
            lastProblem = name === 'TimeoutError' || name === 'AbortError' ? 'no answer in time' : describeFetchError(error);
        }
        if (attempt === NOTIFY_RETRIES)
            break;
        const wait = Math.min(backoff, deadline - Date.now());
        if (wait <= 0)
            break;
        await sleep(wait);
        backoff *= 2;
    }
    const warning = (0,postgres_redact/* redact */.E$)(`The ${event.event} notification was not delivered to the webhook after ${(0,format/* plural */.LS)(attempts, 'attempt')} within ${(0,format/* formatDuration */.a3)(settings.timeoutMs)} (${lastProblem}). ` +
        'The deploy itself is unaffected; check the receiver and its URL.');
    return { delivered: false, attempts, status, warning };
}
function describeFetchError(error) {
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/notify/shipped-prs.ts
/**
 * Tells each pull request that its migrations shipped: the commits that touched each applied
 * migration's folder (from the checkout's git history) lead, through GitHub's "pull requests for
 * a commit", to the merged pull requests; each gets one comment per environment, updated in place
 * on later deploys. Anything GitHub refuses (forks, a token without pull-requests: write) becomes
 * a notice on the deploy, never its failure.
 */





/** At most this many commits per migration folder are looked up (a folder is usually touched once). */
const COMMITS_PER_MIGRATION = 10;
function shippedMarker(environment) {
    return `shipped-${environment}`;
}
/** The merged pull requests whose commits touched the folders of the given migrations. */
async function findShippedPullRequests(migrationsDir, migrations, services) {
    const notices = [];
    if (await isShallowClone(migrationsDir)) {
        notices.push('The checkout is shallow, so the commits of the applied migrations cannot be looked up and no pull request was told; check out with fetch-depth: 0 to get the shipped comments.');
        return { pullRequests: [], notices };
    }
    const byCommit = new Map();
    for (const name of migrations) {
        for (const sha of await commitsTouching(path.join(migrationsDir, name), COMMITS_PER_MIGRATION)) {
            if (!byCommit.has(sha))
                byCommit.set(sha, new Set());
            byCommit.get(sha).add(name);
        }
    }
    const found = new Map();
    for (const [sha, names] of byCommit) {
        const pulls = await services.pullRequestsForCommit(sha).catch((error) => {
            notices.push(redact(`The pull requests of commit ${sha.slice(0, 7)} could not be listed: ${describeError(error)}`));
            return [];
        });
        for (const pr of pulls.filter((p) => p.mergedAt)) {
            const entry = found.get(pr.number) ?? { number: pr.number, title: pr.title, url: pr.url, migrations: [] };
            for (const name of names)
                if (!entry.migrations.includes(name))
                    entry.migrations.push(name);
            found.set(pr.number, entry);
        }
    }
    const pullRequests = [...found.values()].sort((a, b) => a.number - b.number);
    for (const pr of pullRequests)
        pr.migrations.sort();
    return { pullRequests, notices };
}
/** "14:03 UTC" on the day of the deploy, as people read it in the comment. */
function utcTime(iso) {
    const d = new Date(iso);
    return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
function shippedCommentBody(pr, audit) {
    const byName = new Map(audit.migrations.map((m) => [m.name, m]));
    const approved = audit.approvers.length ? `approved by ${audit.approvers.join(', ')}` : `no approval required for ${audit.environment}`;
    const lines = pr.migrations.map((name) => {
        const duration = byName.get(name)?.durationMs;
        return `- \`${name}\`, applied ${utcTime(audit.finishedAt)}${duration !== undefined ? ` in ${formatDuration(duration)}` : ''}`;
    });
    return [
        `### 🚀 Shipped to ${audit.environment}`,
        '',
        ...lines,
        '',
        `${approved[0].toUpperCase()}${approved.slice(1)}; audit record \`${audit.id}\`${audit.runUrl ? ` ([deploy run](${audit.runUrl}))` : ''}.`,
    ].join('\n');
}
/** Finds the pull requests the deploy shipped and comments on each; never throws. */
async function shipped_prs_commentOnShippedPullRequests(migrationsDir, audit, services) {
    const applied = audit.migrations.filter((m) => m.status === 'applied').map((m) => m.name);
    const result = { pullRequests: [], commented: [], notices: [] };
    if (!applied.length)
        return result;
    try {
        const found = await findShippedPullRequests(migrationsDir, applied, services);
        result.pullRequests = found.pullRequests;
        result.notices.push(...found.notices);
    }
    catch (error) {
        result.notices.push(redact(`The pull requests of the applied migrations could not be found: ${describeError(error)}`));
        return result;
    }
    if (!result.pullRequests.length && !result.notices.length) {
        result.notices.push('No merged pull request was found for the applied migrations (committed straight to the branch?).');
    }
    for (const pr of result.pullRequests) {
        try {
            const posted = await services.upsertPullRequestComment(pr.number, shippedMarker(audit.environment), shippedCommentBody(pr, audit));
            if (posted.posted)
                result.commented.push(`#${pr.number}: ${pr.migrations.join(', ')}${posted.url ? ` (${posted.url})` : ''}`);
            else
                result.notices.push(`#${pr.number}: ${posted.reason ?? 'not commented'}`);
        }
        catch (error) {
            result.notices.push(redact(`#${pr.number}: ${describeError(error)}`));
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/notify/notices.ts
/**
 * Telling the people who need to know, around a deploy and after a drift check: the GitHub
 * deployment status (in_progress, then success or failure), a comment on each pull request the
 * deploy shipped, and the webhook event. Each channel ends as a check on the report; none of
 * them can change the deploy's outcome or exit code.
 */






/** Posts the event to the webhook (if one is set) and says how it went, as a check. */
async function webhookCheck(event, webhook) {
    if (!event || !webhook)
        return undefined;
    const started = Date.now();
    const delivery = await deliverEvent(event, webhook);
    return {
        name: 'Webhook',
        status: delivery.delivered ? 'pass' : 'warn',
        durationMs: Date.now() - started,
        detail: delivery.delivered
            ? `The ${event.event} event was delivered (${webhook.format}${webhook.secret ? ', signed' : ''}, HTTP ${delivery.status}, ${(0,format/* plural */.LS)(delivery.attempts ?? 1, 'attempt')}).`
            : delivery.warning,
    };
}
function deploymentDescription(result) {
    const applied = result.applied.map((m) => m.name);
    switch (result.outcome) {
        case 'success':
            return `Applied ${plural(applied.length, 'migration')}: ${applied.join(', ')}`;
        case 'no-op':
            return 'Nothing to apply: up to date';
        case 'restored':
            return `Failed (${result.error?.code ?? 'error'}); restored from the pre-migration backup`;
        default:
            return `${result.outcome === 'refused' ? 'Refused' : 'Failed'}: ${result.error?.code ?? result.outcome}${result.error ? ` ${result.error.message}` : ''}`;
    }
}
async function deploymentStatus(services, settings, state, description) {
    try {
        const answer = await services.setDeploymentStatus(settings.environment, {
            state,
            description: redact(description),
            logUrl: settings.runUrl,
        });
        return answer.set ? `${state}: ${redact(description)}` : `ℹ ${answer.reason}`;
    }
    catch (error) {
        return redact(`⚠ ${state} not set: ${describeError(error)}`);
    }
}
/**
 * Runs the deploy between its deployment statuses, then tells the shipped pull requests and the
 * webhook. Returns the deploy's result untouched and one check per channel that was used.
 */
async function withDeployNotifications(settings, channels, run) {
    const services = settings.dryRun ? undefined : channels.services;
    const statusItems = [];
    if (services)
        statusItems.push(await deploymentStatus(services, settings, 'in_progress', `Migrating ${settings.environment}`));
    const result = await run();
    const checks = [];
    if (services) {
        const ok = result.outcome === 'success' || result.outcome === 'no-op';
        statusItems.push(await deploymentStatus(services, settings, ok ? 'success' : 'failure', deploymentDescription(result)));
        checks.push({ name: 'Deployment status', status: statusItems.some((i) => i.startsWith('⚠')) ? 'warn' : 'pass', items: statusItems });
        if (result.outcome === 'success' && result.applied.length) {
            const shipped = await commentOnShippedPullRequests(settings.migrationsDir, result.audit, services);
            checks.push({
                name: 'Shipped pull requests',
                status: 'pass',
                detail: shipped.commented.length
                    ? `Commented on ${shipped.commented.length} pull request(s).`
                    : 'No pull request was commented on.',
                items: [...shipped.commented, ...shipped.notices.map((n) => `ℹ ${n}`)],
            });
        }
    }
    const webhook = await webhookCheck(deployEvent(result, settings), channels.webhook);
    if (webhook)
        checks.push(webhook);
    return { result, checks };
}


/***/ })

};
