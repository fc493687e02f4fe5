import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 4;
export const ids = [4];
export const modules = {

/***/ 1004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
;// CONCATENATED MODULE: ./src/postgres/server-facts.ts
async function roleFacts(client) {
    const { rows } = await client.query(`SELECT current_setting('server_version') AS version, r.rolsuper AS superuser, d.datdba = r.oid AS owner, current_user AS role
       FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`);
    return rows[0];
}
/** pg_database_size of the current database, in bytes. */
async function databaseSize(client) {
    const { rows } = await client.query('SELECT pg_database_size(current_database())::bigint AS size');
    return Number(rows[0].size);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/deploy/audit.ts
/**
 * The audit record of a production deploy: who approved what, what ran, what it cost, how it
 * ended. Written to JSON (redacted) and optionally appended to a table in a dedicated schema of
 * the target that drift-check ignores.
 */




const AUDIT_SCHEMA = 'prisma_migrate_actions';
const AUDIT_TABLE = 'deployments';
function writeAuditFile(record, dir) {
    external_node_fs_default().mkdirSync(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `audit-${record.environment.replace(/[^A-Za-z0-9_-]/g, '_')}-${record.startedAt.replace(/[:.]/g, '-')}.json`);
    external_node_fs_default().writeFileSync(file, JSON.stringify((0,redact/* redactDeep */.KL)(record), null, 2) + '\n', { mode: 0o600 });
    return file;
}
/** Appends the record to prisma_migrate_actions.deployments (created when missing). */
async function appendAuditRow(settings, record) {
    await (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-audit' }, async (client) => {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${AUDIT_SCHEMA}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${AUDIT_SCHEMA}.${AUDIT_TABLE} (
         id text PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL,
         environment text NOT NULL, outcome text NOT NULL, commit text, actor text, approvers text[] NOT NULL,
         record jsonb NOT NULL)`);
        const safe = (0,redact/* redactDeep */.KL)(record);
        await client.query(`INSERT INTO ${AUDIT_SCHEMA}.${AUDIT_TABLE} (id, started_at, finished_at, environment, outcome, commit, actor, approvers, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
            safe.id,
            safe.startedAt,
            safe.finishedAt,
            safe.environment,
            safe.outcome,
            safe.commit ?? null,
            safe.actor ?? null,
            safe.approvers,
            JSON.stringify(safe),
        ]);
    });
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
;// CONCATENATED MODULE: ./src/deploy/run.ts
/**
 * The state one deploy carries from step to step (what was read, applied, backed up; the audit
 * record; the manual path), how a step runs (the report's one step runner), and how the
 * pipeline stops early with an outcome.
 */




/** Ends the pipeline early with an outcome; `reason` is the error that caused it, if any. */
class Stop extends Error {
    outcome;
    reason;
    constructor(outcome, reason) {
        super(outcome);
        this.outcome = outcome;
        this.reason = reason;
    }
}
const DEPLOY_CONNECT_REMEDY = 'Check the database-url secret of this environment, network access from the runner, and the server.';
/** How the deploy's own sessions connect; a failed connect names this environment's secret. */
function deploySession(applicationName, extra = {}) {
    return { applicationName, connectRemedy: DEPLOY_CONNECT_REMEDY, ...extra };
}
/** The error as the result and the audit record keep it: code, message with its location, remedy, where. */
function deployError(error) {
    if (!(error instanceof errors/* MigrateActionsError */.nj))
        return { code: 'E_UNEXPECTED', message: (0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error)) };
    const location = (0,errors/* formatLocation */.j$)(error.where);
    return {
        code: error.code,
        message: (0,redact/* redact */.E$)(location ? `${error.message} (at ${location})` : error.message),
        remedy: error.remedy ? (0,redact/* redact */.E$)(error.remedy) : undefined,
        where: error.where ? (0,redact/* redactDeep */.KL)(error.where) : undefined,
    };
}
class DeployRun {
    settings;
    deps;
    steps = [];
    audit;
    manualCommands = [];
    applied = [];
    pending = [];
    local = [];
    /** The local migrations the target records as applied (finished, not rolled back), in order. */
    appliedBefore = [];
    plan;
    lint;
    backup;
    monitor;
    rehearsal;
    /** What the rehearsal observed, as findings that inform (file: the migration's path). */
    rehearsalFindings;
    error;
    deployLock;
    /** The catalog right before applying (restore policy only). */
    catalogBefore;
    started = Date.now();
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.audit = {
            recordVersion: 1,
            id: (0,external_node_crypto_.randomUUID)(),
            startedAt: new Date().toISOString(),
            finishedAt: '',
            outcome: 'failed',
            environment: settings.environment,
            repository: settings.repository,
            commit: settings.commit,
            runUrl: settings.runUrl,
            actor: settings.actor,
            approvers: [],
            approvalSource: 'not-required',
            database: settings.connection.maskedUrl,
            migrations: [],
            timingsMs: {},
            lockWaits: [],
            warnings: [],
        };
    }
    log = (line) => this.deps.log((0,redact/* redact */.E$)(line));
    /** A step of the pipeline: a check in the result, its duration in the audit record. A Stop is told by the result's error, not the step. */
    step(name, body) {
        return (0,model/* runStep */.eg)(this.steps, name, body, {
            log: this.log,
            timings: this.audit.timingsMs,
            describeFailure: (error) => (error instanceof Stop ? undefined : (0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))),
        });
    }
    recordError(error) {
        this.error = deployError(error);
    }
}

;// CONCATENATED MODULE: ./src/deploy/gate.ts
/** The approval gate: nothing touches the database before an approval is recorded (or not required). */


async function approvalGate(run) {
    await run.step('Approval gate', async (step) => {
        const { settings, deps, audit } = run;
        if (!settings.requireApproval) {
            step.status = 'skip';
            step.detail = `Approval not required for ${settings.environment}.`;
            return;
        }
        if (settings.approvedBy?.length) {
            audit.approvers = settings.approvedBy;
            audit.approvalSource = 'command-line';
            step.detail = `Approved on the command line by ${settings.approvedBy.join(', ')}.`;
            return;
        }
        if (!deps.approvals) {
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_APPROVAL_MISSING', `Deploying to ${settings.environment} requires an approval, and none could be checked; nothing was changed.`, {
                remedy: 'In GitHub, bind the job to the environment with required reviewers (the action checks the approval through the API); locally, pass --approved-by NAME.',
            }));
        }
        const approvals = await deps.approvals(settings.environment).catch((error) => {
            throw new Stop('refused', error);
        });
        if (!approvals.approved) {
            const why = approvals.rejectedBy?.length ? `was rejected by ${approvals.rejectedBy.join(', ')}` : 'has no approval';
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_APPROVAL_MISSING', `This run's deployment to ${settings.environment} ${why}; nothing was changed.`, {
                remedy: 'Configure required reviewers on the environment (Settings → Environments) and have one approve the run.',
            }));
        }
        audit.approvers = approvals.approvers;
        audit.approvalSource = 'github';
        step.detail = `Approved by ${approvals.approvers.join(', ')}.`;
    });
}

// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/sql/parser.ts + 1 modules
var parser = __webpack_require__(487);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/lint/rule.ts
/** A catalogue entry; lock rules scale with table size and, like most, look at existing objects only. */
function rule(spec) {
    return { scope: 'existing', scalable: spec.id.startsWith('lock/'), ...spec };
}
const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';

;// CONCATENATED MODULE: ./src/lint/rules/batch.ts
/**
 * Batch directive rules: directives the engine would refuse (found at lint time with the same
 * positions apply reports), batched statements that are not safe to run again, and directives the
 * Prisma CLI engine ignores. Also the directive a backfill's fix suggests, sized from the table.
 */


const EXISTING = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, plan text, logins int NOT NULL DEFAULT 0);';
const BATCH_RULES = [
    rule({
        id: 'batch/invalid-directive',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'Batch directive the engine cannot run',
        flags: 'A `-- prisma-migrate-actions: batch …` comment with an unknown option or a bad value, not directly above a statement, or above a statement that cannot run in batches (not a single-table UPDATE/DELETE; FROM/USING, WITH or RETURNING; a file with BEGIN/COMMIT; an UPDATE that assigns its own batch key).',
        blocks: 'Nothing: apply refuses the migration with the same error, at the same line, before anything runs.',
        safe: 'Write `-- prisma-migrate-actions: batch size=5000 pause=50ms` (optional key=<column>, max-lag=<duration>, timeout=<duration>) on the line directly above one single-table UPDATE or DELETE.',
        prisma: 'Prisma ignores the comment; fix it so the built-in engine can run the statement in batches, or remove it.',
        example: {
            bad: [
                '-- prisma-migrate-actions: batch size=5000 speed=fast\nUPDATE users SET plan = NULL WHERE plan IS NULL;',
                '-- prisma-migrate-actions: batch size=lots\nDELETE FROM users WHERE email IS NULL;',
                '-- prisma-migrate-actions: batch\nUPDATE users SET plan = o.plan FROM orgs o WHERE o.id = users.id AND users.plan IS NULL;',
                '-- prisma-migrate-actions: batch\nCREATE INDEX users_plan_idx ON users (plan);',
            ],
            good: [
                "-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                '-- prisma-migrate-actions: batch size=2000 max-lag=5s timeout=1s\nDELETE FROM users WHERE email IS NULL;',
            ],
        },
    }),
    rule({
        id: 'batch/not-restartable',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Batched UPDATE that changes rows again when run again',
        flags: 'A batched UPDATE whose WHERE does not mention any column it sets, so it does not exclude rows already done (e.g. `SET logins = logins + 1` with no WHERE on logins).',
        blocks: "Nothing while the built-in engine resumes it from its checkpoint. Run any other way — Prisma's `migrate deploy`, a rerun after `resolve`, a manual retry — it changes the rows already done a second time.",
        safe: "Make the WHERE exclude finished rows: `UPDATE users SET plan = 'free' WHERE plan IS NULL`, or `… WHERE col IS DISTINCT FROM <new value>`.",
        prisma: 'Prisma runs the file whole and has no checkpoint: write the backfill so running it twice leaves the same data (a WHERE on the column it sets).',
        example: {
            existing: EXISTING,
            bad: [
                '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET logins = logins + 1;',
                "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = plan || '-legacy' WHERE email IS NOT NULL;",
            ],
            good: [
                "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET email = lower(email) WHERE email IS DISTINCT FROM lower(email);',
                '-- prisma-migrate-actions: batch size=5000\nDELETE FROM users WHERE email IS NULL;',
            ],
        },
    }),
    rule({
        id: 'batch/ignored-by-prisma-cli',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Batch directive the Prisma CLI will ignore',
        flags: 'A batch directive in a migration deployed with the Prisma CLI engine (`engine: prisma`).',
        blocks: 'Prisma runs the statement whole, in one transaction with the rest of the file: it holds row locks on every row it touches until the file commits, and the DDL locks before it too.',
        safe: 'Deploy with the built-in engine (`engine: builtin`), which runs the statement in batches; or move the backfill to a script that batches it.',
        prisma: 'Keep the directive for the built-in engine; with the Prisma CLI, run large backfills outside `migrate deploy`.',
        example: {
            engine: 'prisma',
            bad: ["-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;"],
            good: ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"],
        },
    }),
];
/** Columns a WHERE mentions (the last name of each column reference). */
function whereColumns(where) {
    const out = new Set();
    const walk = (node) => {
        if (!node || typeof node !== 'object')
            return;
        if (Array.isArray(node))
            return node.forEach(walk);
        const ref = node.ColumnRef;
        const last = ref?.fields?.at(-1)?.String?.sval;
        if (last)
            out.add(last);
        Object.values(node).forEach(walk);
    };
    walk(where);
    return out;
}
function directiveFindings({ statements, directives, engine }) {
    const out = [];
    for (const error of directives.errors) {
        const line = error.where?.line ?? 1;
        const statement = statements.find((s) => s.endLine >= line) ?? statements.at(-1);
        if (!statement)
            continue;
        // The finding sits on the directive's line; the statement it names is the one below it.
        out.push({
            ruleId: 'batch/invalid-directive',
            statement: { ...statement, line, column: error.where?.column ?? 1 },
            tables: [],
            message: error.message,
        });
    }
    for (const { statement, target, directive } of directives.batched) {
        if (engine === 'prisma')
            out.push({
                ruleId: 'batch/ignored-by-prisma-cli',
                statement,
                tables: [],
                message: `The batch directive on line ${directive.line} is ignored by the Prisma CLI: it runs this ${target.kind} whole, in one transaction with the rest of the file.`,
            });
        if (target.kind !== 'UPDATE')
            continue;
        const mentioned = whereColumns(statement.node.whereClause);
        if (target.setColumns.some((c) => mentioned.has(c)))
            continue;
        out.push({
            ruleId: 'batch/not-restartable',
            statement,
            tables: [],
            message: `This batched UPDATE sets ${target.setColumns.join(', ')} but its WHERE does not look at ${target.setColumns.length > 1 ? 'them' : 'it'}: run again outside the checkpoint (by Prisma, or after resolve), it changes the rows already done a second time.`,
        });
    }
    return out;
}
/** Rows per batch for a table: about 2 MB of rows, between 500 and 10 000 (5 000 when unknown). */
function batchSizeFor(stats) {
    const s = stats.find((t) => (t.rows ?? 0) > 0 && t.bytes > 0);
    if (!s)
        return directive/* DEFAULT_BATCH_SIZE */.jg;
    const rowBytes = s.bytes / s.rows;
    const size = Math.min(10_000, Math.max(500, (2 * 1024 * 1024) / rowBytes));
    const magnitude = 10 ** Math.floor(Math.log10(size));
    return Math.floor(size / magnitude) * magnitude;
}
/** The backfill with a batch directive above it, when the statement could run in batches. */
function batchedReplacement(statement) {
    try {
        (0,directive/* batchTarget */.S9)(statement, {});
    }
    catch {
        return undefined;
    }
    return (stats) => `-- prisma-migrate-actions: batch size=${batchSizeFor(stats)} pause=50ms\n${statement.text}`;
}
const batch = { rules: BATCH_RULES, migration: directiveFindings };

// EXTERNAL MODULE: ./src/lint/names.ts
var lint_names = __webpack_require__(9397);
// EXTERNAL MODULE: ./src/lint/nodes.ts
var nodes = __webpack_require__(7344);
;// CONCATENATED MODULE: ./src/lint/expressions.ts


/** Functions known not to be volatile (a default using only these does not rewrite on PG 11+). */
const NON_VOLATILE_FUNCTIONS = new Set([
    'now',
    'statement_timestamp',
    'transaction_timestamp',
    'current_setting',
    'lower',
    'upper',
    'length',
    'coalesce',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'array',
    'to_jsonb',
    'make_interval',
    'concat',
    'md5',
    'abs',
    'round',
    'btrim',
    'trim',
    'to_timestamp',
    'date_trunc',
    'timezone',
    'nullif',
]);
/** Every FuncCall name inside a parse-tree fragment. */
function functionNames(node, out = []) {
    if (Array.isArray(node)) {
        for (const item of node)
            functionNames(item, out);
    }
    else if (node && typeof node === 'object') {
        const call = (0,nodes/* nodeOf */.E7)(node, 'FuncCall');
        if (call)
            out.push(((0,lint_names/* nameParts */.IN)(call.funcname).pop() ?? '').toLowerCase());
        for (const value of Object.values(node))
            functionNames(value, out);
    }
    return out;
}
/** The first function in the expression that is (or may be) volatile. */
function volatileFunction(expr) {
    return functionNames(expr).find((name) => !NON_VOLATILE_FUNCTIONS.has(name));
}
const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const SMALL_ID_TYPES = new Set(['int4', 'int2', 'integer', 'smallint', 'int', 'serial', 'serial4', 'smallserial', 'serial2']);
function isSerial(type) {
    return !!type && SERIAL_TYPES.has(type.name);
}
function isSmallIdType(type) {
    return !!type && !type.isArray && SMALL_ID_TYPES.has(type.name);
}
const TEXTUAL = new Set(['text', 'varchar']);
/** True when PostgreSQL changes the type without rewriting the table (binary-coercible widening). */
function isBinaryCoercible(from, to) {
    if (from.isArray !== to.isArray)
        return false;
    if (from.name === to.name) {
        if (to.typmods.length === 0)
            return from.name === 'varchar' || from.name === 'numeric' || from.typmods.length === 0;
        if (from.typmods.length === 0)
            return false;
        if (from.name === 'varchar' || from.name === 'varbit')
            return to.typmods[0] >= from.typmods[0];
        if (from.name === 'numeric')
            return to.typmods[0] >= from.typmods[0] && (to.typmods[1] ?? 0) === (from.typmods[1] ?? 0);
        return from.typmods.every((mod, i) => mod === to.typmods[i]);
    }
    if (TEXTUAL.has(from.name) && to.name === 'text')
        return true;
    if (from.name === 'text' && to.name === 'varchar' && to.typmods.length === 0)
        return true;
    return from.name === 'cidr' && to.name === 'inet';
}
/**
 * The source text of a CHECK constraint's expression: the balanced parentheses after CHECK,
 * starting at the constraint's offset in the file.
 */
function checkExpressionText(sql, fromOffset) {
    const match = /check\s*\(/iy;
    let i = fromOffset;
    for (; i < sql.length; i++) {
        match.lastIndex = i;
        if (match.test(sql))
            break;
    }
    if (i >= sql.length)
        return undefined;
    const open = sql.indexOf('(', i);
    let depth = 0;
    for (let j = open; j < sql.length; j++) {
        const c = sql[j];
        if (c === "'" || c === '"') {
            j = sql.indexOf(c, j + 1);
            while (j >= 0 && sql[j + 1] === c)
                j = sql.indexOf(c, j + 2);
            if (j < 0)
                return undefined;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return sql.slice(open + 1, j).trim();
    }
    return undefined;
}
/** String offset of a UTF-8 byte offset in `text`. */
function charOffset(text, byteOffset, isAscii) {
    return isAscii ? byteOffset : Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}
function newColumn(def, serverMajor) {
    const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint');
    const find = (type) => constraints.find((c) => c.contype === type);
    const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
    const type = (0,lint_names/* typeInfo */.L7)(def.typeName);
    const rewrite = isSerial(type)
        ? `its ${type?.name} type fills every row from a sequence`
        : find('CONSTR_IDENTITY')
            ? 'an identity column fills every row'
            : find('CONSTR_GENERATED')
                ? 'a stored generated column is computed for every row'
                : defaultExpr && serverMajor < 11
                    ? `any default rewrites the table before PostgreSQL 11 (target: ${serverMajor})`
                    : defaultExpr && volatileFunction(defaultExpr)
                        ? `its default calls ${volatileFunction(defaultExpr)}(), which is (or may be) volatile`
                        : undefined;
    return { rewrite, filled: !!(defaultExpr || rewrite), notNull: !!find('CONSTR_NOTNULL') };
}
/** The column an ADD COLUMN subcommand adds NOT NULL with nothing to fill existing rows, if it does. */
function notNullColumnWithoutDefault(cmd, serverMajor) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    if (!def)
        return undefined;
    const column = newColumn(def, serverMajor);
    return column.notNull && !column.filled ? def : undefined;
}
/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
function isZeroSetting(statement) {
    const value = (0,nodes/* nodeOf */.E7)(statement.node.args?.[0], 'A_Const');
    if (!value)
        return statement.node.kind !== 'VAR_SET_VALUE';
    if (value.ival)
        return !value.ival.ival;
    return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
}

;// CONCATENATED MODULE: ./src/lint/rules/compat.ts



const COMPAT_RULES = [
    rule({
        id: 'compat/add-not-null-column-without-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New NOT NULL column without a default on an existing table',
        flags: 'ALTER TABLE … ADD COLUMN … NOT NULL with no DEFAULT (and not generated or identity) on an existing table.',
        blocks: 'The statement fails on any table with rows; once it succeeds, application versions still running fail on INSERT because they do not send the column.',
        safe: 'Add the column nullable (or with a non-volatile default), backfill, then make it NOT NULL.',
        prisma: 'Give the field a `@default(...)` in schema.prisma, or make it optional (`Type?`) first and required in a later release after a backfill.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users ADD COLUMN plan text NOT NULL;', 'ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;'],
            good: [
                "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
                'ALTER TABLE users ADD COLUMN plan text;',
                'ALTER TABLE users ADD COLUMN serial_no bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
            ],
        },
    }),
    rule({
        id: 'compat/rename-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a table breaks running application versions',
        flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
        blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
        safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
        prisma: 'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users RENAME TO accounts;', 'ALTER TABLE IF EXISTS users RENAME TO members;'],
            good: ['CREATE TABLE drafts (id bigint);\nALTER TABLE drafts RENAME TO posts;'],
        },
    }),
    rule({
        id: 'compat/rename-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a column breaks running application versions',
        flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
        blocks: 'Queries of application versions that still use the old column name fail.',
        safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
        prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users RENAME COLUMN name TO full_name;', 'ALTER TABLE users RENAME email TO email_address;'],
            good: ['ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO nickname;'],
        },
    }),
    rule({
        id: 'compat/rename-schema',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a schema breaks running application versions',
        flags: 'ALTER SCHEMA … RENAME TO of a schema that existed before this change set.',
        blocks: 'Every query that names the old schema, or whose search_path holds it, fails.',
        safe: 'Create the new schema, move objects while the code reads both, then drop the old one.',
        prisma: 'Change `?schema=` / `@@schema` only together with a planned move of the data.',
        example: {
            existing: 'CREATE SCHEMA reporting;',
            bad: ['ALTER SCHEMA reporting RENAME TO analytics;'],
            good: ['CREATE SCHEMA staging;\nALTER SCHEMA staging RENAME TO scratch;'],
        },
    }),
    rule({
        id: 'compat/enum-add-value-without-position',
        severity: 'notice',
        lock: undefined,
        scope: 'existing',
        title: 'Enum value added without BEFORE/AFTER',
        flags: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER on an enum that existed before this change set (the value sorts last).',
        blocks: 'Nothing; ORDER BY on the column and comparisons use the declaration order, which may not be the intended one. Before PostgreSQL 12 the statement cannot run in a transaction block, and the new value cannot be used in the transaction that adds it.',
        safe: "Say where the value goes: ALTER TYPE … ADD VALUE 'x' AFTER 'y'; use it only in a later migration.",
        prisma: `${CREATE_ONLY} add \`BEFORE '…'\` or \`AFTER '…'\` to Prisma's \`ALTER TYPE … ADD VALUE\`.`,
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            bad: ["ALTER TYPE role ADD VALUE 'owner';", "ALTER TYPE role ADD VALUE IF NOT EXISTS 'guest';"],
            good: ["ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';", "ALTER TYPE role ADD VALUE 'guest' BEFORE 'user';"],
        },
    }),
    rule({
        id: 'compat/enum-rename-value',
        severity: 'warning',
        title: 'Enum value renamed',
        flags: 'ALTER TYPE … RENAME VALUE on an enum that existed before this change set.',
        blocks: 'Application versions still sending the old value fail on INSERT/UPDATE.',
        safe: 'Add the new value, migrate rows and code to it, remove the old one later.',
        prisma: 'Use `@map` on the enum value to keep the database value while renaming it in code.',
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            bad: ["ALTER TYPE role RENAME VALUE 'admin' TO 'administrator';"],
            good: ["ALTER TYPE role ADD VALUE 'administrator' AFTER 'admin';"],
        },
    }),
];
function rename(node, env, emit) {
    const { ctx } = env;
    const table = ctx.key(node.relation);
    switch (node.renameType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
            if (!ctx.isNewTable(table))
                emit({
                    ruleId: 'compat/rename-table',
                    tables: [table],
                    message: `${table} is renamed to ${node.newname}; running application versions still query the old name.`,
                });
            return;
        case 'OBJECT_COLUMN':
            if (!ctx.isNewColumn(table, node.subname ?? ''))
                emit({
                    ruleId: 'compat/rename-column',
                    tables: [table],
                    message: `Column ${table}.${node.subname} is renamed to ${node.newname}; running application versions still use the old name.`,
                });
            return;
        case 'OBJECT_SCHEMA':
            if (!ctx.isNewObject('schema', node.subname ?? ''))
                emit({
                    ruleId: 'compat/rename-schema',
                    tables: [],
                    message: `Schema ${node.subname} is renamed to ${node.newname}; queries and search_path settings naming it break.`,
                });
            return;
        default:
            return;
    }
}
function alterEnum(node, env, emit) {
    const type = (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(node.typeName), env.ctx.defaultSchema);
    if (env.ctx.isNewObject('type', type))
        return;
    if (node.oldVal !== undefined) {
        emit({
            ruleId: 'compat/enum-rename-value',
            tables: [],
            message: `Enum ${type}: value '${node.oldVal}' is renamed to '${node.newVal}'; running application versions still send '${node.oldVal}'.`,
        });
    }
    else if (!node.newValNeighbor) {
        emit({
            ruleId: 'compat/enum-add-value-without-position',
            tables: [],
            message: `Enum ${type}: '${node.newVal}' is added without BEFORE/AFTER, so it sorts after every existing value.`,
        });
    }
}
function addColumn({ cmd, table, env, emit }) {
    const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
    if (!def)
        return;
    emit({
        ruleId: 'compat/add-not-null-column-without-default',
        tables: [table],
        message: `${table}.${def.colname} is added NOT NULL without a default: the statement fails if ${table} has rows, and running application versions cannot insert.`,
    });
}
const compat = {
    rules: COMPAT_RULES,
    statements: { RenameStmt: rename, AlterEnumStmt: alterEnum },
    alterTable: { AT_AddColumn: addColumn },
};

;// CONCATENATED MODULE: ./src/lint/rules/data-loss.ts



const DATA_LOSS_RULES = [
    rule({
        id: 'data-loss/drop-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP TABLE loses data',
        flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
        blocks: 'Every query on the table; afterwards every application version still reading it fails.',
        safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
        prisma: 'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
        example: {
            existing: EXISTING_USERS,
            bad: ['DROP TABLE users;', 'DROP TABLE IF EXISTS users CASCADE;'],
            good: ['CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;'],
        },
    }),
    rule({
        id: 'data-loss/drop-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP COLUMN loses data',
        flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
        blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
        safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
        prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users DROP COLUMN name;', 'ALTER TABLE users DROP COLUMN IF EXISTS email, DROP COLUMN age;'],
            good: ['ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;'],
        },
    }),
    rule({
        id: 'data-loss/drop-schema',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SCHEMA loses every object in it',
        flags: 'DROP SCHEMA of a schema that existed before this change set.',
        blocks: 'Every object in the schema is gone; with CASCADE, objects elsewhere that depend on them too.',
        safe: 'Move or back up what the schema holds, stop using it, then drop it deliberately.',
        prisma: 'Remove the schema from `schemas = [...]` only after its models are gone from production.',
        example: {
            existing: 'CREATE SCHEMA reporting;',
            bad: ['DROP SCHEMA reporting CASCADE;', 'DROP SCHEMA IF EXISTS reporting;'],
            good: ['CREATE SCHEMA scratch;\nDROP SCHEMA scratch;'],
        },
    }),
    rule({
        id: 'data-loss/drop-sequence',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SEQUENCE breaks defaults that use it',
        flags: 'DROP SEQUENCE of a sequence that existed before this change set.',
        blocks: 'Inserts that call nextval() on it fail; its current value is lost.',
        safe: 'Remove the column defaults that use the sequence first, then drop it in a later migration.',
        prisma: 'Remove `@default(autoincrement())` in one release and the sequence in the next.',
        example: {
            existing: 'CREATE SEQUENCE order_number_seq;',
            bad: ['DROP SEQUENCE order_number_seq;', 'DROP SEQUENCE IF EXISTS order_number_seq CASCADE;'],
            good: ['CREATE SEQUENCE scratch_seq;\nDROP SEQUENCE scratch_seq;'],
        },
    }),
    rule({
        id: 'data-loss/truncate',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'TRUNCATE empties tables (CASCADE: others too)',
        flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} All rows are gone.`,
        safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
        prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['TRUNCATE users CASCADE;', 'TRUNCATE TABLE users;'],
            good: ['CREATE TABLE staging (id bigint);\nTRUNCATE staging;'],
        },
    }),
    rule({
        id: 'data-loss/delete-without-where',
        severity: 'error',
        lock: 'ROW EXCLUSIVE',
        title: 'DELETE without WHERE',
        flags: 'DELETE without a WHERE clause on an existing table.',
        blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
        safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
        prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
        example: {
            existing: EXISTING_USERS,
            bad: ['DELETE FROM users;', 'DELETE FROM ONLY users;'],
            good: ['DELETE FROM users WHERE id < 0;'],
        },
    }),
    rule({
        id: 'data-loss/update-without-where',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'UPDATE without WHERE',
        flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
        blocks: 'Concurrent writes to every row until the migration commits.',
        safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
        prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
        example: {
            existing: EXISTING_USERS,
            bad: ["UPDATE users SET name = 'x';", 'UPDATE users SET age = age + 1, name = upper(name);'],
            good: ["UPDATE users SET name = 'x' WHERE name IS NULL;"],
        },
    }),
];
function drop(node, env, emit) {
    const { ctx } = env;
    const objects = node.objects ?? [];
    const keys = objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), ctx.defaultSchema));
    const cascade = node.behavior === 'DROP_CASCADE';
    switch (node.removeType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_MATVIEW': {
            const existing = keys.filter((k) => !ctx.isNewTable(k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-table',
                    tables: existing,
                    message: `DROP removes ${existing.join(', ')} and all its rows; running application versions that use it fail.`,
                });
            return;
        }
        case 'OBJECT_SCHEMA': {
            const names = objects.map((o) => (0,lint_names/* nameParts */.IN)(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
            if (names.length)
                emit({
                    ruleId: 'data-loss/drop-schema',
                    tables: [],
                    message: `DROP SCHEMA removes ${names.join(', ')} and everything in it${cascade ? ' (CASCADE: and what depends on it)' : ''}.`,
                });
            return;
        }
        case 'OBJECT_SEQUENCE': {
            const existing = keys.filter((k) => !ctx.isNewObject('seq', k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-sequence',
                    tables: [],
                    message: `DROP SEQUENCE ${existing.join(', ')}: defaults calling nextval() on it fail and its position is lost.`,
                });
            return;
        }
        default:
            return;
    }
}
function truncate(node, env, emit) {
    const tables = (0,nodes/* nodesOf */.Nh)(node.relations, 'RangeVar')
        .map((r) => env.ctx.key(r))
        .filter((t) => !env.ctx.isNewTable(t));
    if (!tables.length)
        return;
    const cascade = node.behavior === 'DROP_CASCADE' ? ' CASCADE also empties every table with a foreign key to them.' : '';
    emit({ ruleId: 'data-loss/truncate', tables, message: `TRUNCATE removes every row of ${tables.join(', ')}.${cascade}` });
}
function withoutWhere(verb) {
    return (node, env, emit) => {
        const table = env.ctx.key(node.relation);
        if (env.ctx.isNewTable(table) || node.whereClause)
            return;
        emit({
            ruleId: verb === 'DELETE' ? 'data-loss/delete-without-where' : 'data-loss/update-without-where',
            tables: [table],
            message: `${verb} without WHERE ${verb === 'DELETE' ? 'removes' : 'overwrites'} every row of ${table}.`,
        });
    };
}
const dataLoss = {
    rules: DATA_LOSS_RULES,
    statements: { DropStmt: drop, TruncateStmt: truncate, DeleteStmt: withoutWhere('DELETE'), UpdateStmt: withoutWhere('UPDATE') },
    alterTable: {
        AT_DropColumn: ({ cmd, table, env, emit }) => {
            if (env.ctx.column(table, cmd.name ?? '')?.isNew)
                return;
            emit({
                ruleId: 'data-loss/drop-column',
                tables: [table],
                message: `Column ${table}.${cmd.name} and its data are dropped; running application versions that select it fail.`,
            });
        },
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/data.ts





const DATA_RULES = [
    rule({
        id: 'data/duplicate-values',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New unique index or constraint on data that holds duplicates',
        flags: 'A unique index, UNIQUE or PRIMARY KEY constraint on an existing table. Given a database, the linter looks for duplicates (read-only); without one it reports a notice that the data was not checked.',
        blocks: 'Nothing: the migration fails on the first duplicate (error 23505), mid-deploy.',
        safe: 'Find and resolve duplicates first (a data migration or a script), then add the index.',
        prisma: 'Run the check against staging with `prisma-migrate-actions lint --database-url …`; clean the data in an earlier migration or script before adding `@unique`.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
                'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
                'CREATE UNIQUE INDEX users_lower_email_key ON users (lower(email));',
            ],
            good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'],
        },
    }),
    rule({
        id: 'data/null-values',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'NOT NULL on data that holds NULLs',
        flags: 'SET NOT NULL, or a new NOT NULL column without default, on an existing table. Given a database, the linter looks for NULLs / rows (read-only); without one it reports a notice.',
        blocks: 'Nothing: the migration fails on the first NULL (error 23502), mid-deploy.',
        safe: 'Backfill the NULLs first, then add NOT NULL.',
        prisma: 'Backfill in an earlier migration (`UPDATE … SET col = … WHERE col IS NULL`, in batches for big tables) before making the field required.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD COLUMN plan text NOT NULL;'],
            good: ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"],
        },
    }),
    rule({
        id: 'data/check-violations',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New CHECK constraint on data that violates it',
        flags: 'A validated CHECK constraint (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter evaluates the expression with a read-only SELECT … WHERE NOT (expr) LIMIT 1.',
        blocks: 'Nothing: the migration fails (error 23514), mid-deploy.',
        safe: 'Fix the rows first, or add the constraint NOT VALID and fix rows before validating.',
        prisma: 'Clean the data in an earlier migration before the constraint migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
            ],
            good: ['ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;'],
        },
    }),
    rule({
        id: 'data/foreign-key-violations',
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New foreign key on rows that reference nothing',
        flags: 'A validated FOREIGN KEY (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter looks for orphan rows (read-only).',
        blocks: 'Nothing: the migration fails (error 23503), mid-deploy.',
        safe: 'Delete or repair the orphan rows first, or add the key NOT VALID and repair before validating.',
        prisma: 'Repair the data in an earlier migration or script before adding the relation.',
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
            ],
            good: ['ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;'],
        },
    }),
];
function uniqueIndex(node, env, emit) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || !node.unique)
        return;
    const elements = (0,nodes/* nodesOf */.Nh)(node.indexParams, 'IndexElem');
    const columns = elements.map((e) => e.name).filter((n) => typeof n === 'string');
    const unverifiable = columns.length !== elements.length || node.whereClause;
    emit({
        ruleId: 'data/duplicate-values',
        tables: [table],
        message: `Unique index ${node.idxname ?? ''} on ${table} fails if existing rows hold duplicates.`,
        dataCheck: unverifiable
            ? { kind: 'unverifiable', table, ruleId: 'data/duplicate-values', why: 'an expression or partial index' }
            : { kind: 'unique', table, columns, nullsNotDistinct: !!node.nulls_not_distinct },
    });
}
/** The expression text only if it parses as exactly one expression (it is run in a SELECT later). */
function singleExpression(text) {
    if (!text)
        return undefined;
    try {
        return (0,parser/* pgQuery */.E5)().parseSync(`SELECT 1 WHERE NOT (${text})`).stmts?.length === 1 ? text : undefined;
    }
    catch {
        return undefined;
    }
}
function checkData({ table, env, emit }, constraint) {
    const offset = charOffset(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
    const expression = singleExpression(checkExpressionText(env.sql, offset));
    emit({
        ruleId: 'data/check-violations',
        tables: [table],
        message: `CHECK ${constraint.conname ?? ''} on ${table} fails if existing rows violate ${expression ?? 'it'}.`,
        dataCheck: expression
            ? { kind: 'check', table, expression }
            : { kind: 'unverifiable', table, ruleId: 'data/check-violations', why: 'the expression could not be read' },
    });
}
function foreignKeyData({ table, env, emit }, constraint, message) {
    const refTable = env.ctx.key(constraint.pktable);
    const columns = (0,lint_names/* nameParts */.IN)(constraint.fk_attrs);
    emit({
        ruleId: 'data/foreign-key-violations',
        tables: [table],
        message: message(refTable),
        dataCheck: { kind: 'fk', table, columns, refTable, refColumns: (0,lint_names/* nameParts */.IN)(constraint.pk_attrs), refIsNew: env.ctx.isNewTable(refTable) },
    });
}
function addConstraint(args) {
    const { cmd, table, emit } = args;
    const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
    if (!constraint)
        return;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the unique index was checked when it was built
            const isPk = constraint.contype === 'CONSTR_PRIMARY';
            const columns = (0,lint_names/* nameParts */.IN)(constraint.keys);
            emit({
                ruleId: 'data/duplicate-values',
                tables: [table],
                message: `${isPk ? 'PRIMARY KEY' : 'UNIQUE'} ${(0,lint_names/* constraintName */.bd)(table, constraint)} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
                dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
            });
            return;
        }
        case 'CONSTR_FOREIGN':
            if (!constraint.skip_validation)
                foreignKeyData(args, constraint, (ref) => `Foreign key on ${table} (${(0,lint_names/* nameParts */.IN)(constraint.fk_attrs).join(', ')}) fails if rows reference missing ${ref} rows.`);
            return;
        case 'CONSTR_CHECK':
            if (!constraint.skip_validation)
                checkData(args, constraint);
            return;
        default:
            return;
    }
}
function validateConstraint(args) {
    const { cmd, table, env } = args;
    const known = env.ctx.constraint(table, cmd.name ?? '');
    if (known?.node.contype === 'CONSTR_CHECK')
        checkData(args, known.node);
    if (known?.node.contype === 'CONSTR_FOREIGN')
        foreignKeyData(args, known.node, (ref) => `Validating ${cmd.name} on ${table} fails if rows reference missing ${ref} rows.`);
}
function setNotNull({ cmd, table, env, emit }) {
    const column = cmd.name ?? '';
    const state = env.ctx.column(table, column);
    emit({
        ruleId: 'data/null-values',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} fails if any row holds NULL.`,
        dataCheck: state?.isNew ? (state.hasDefault ? undefined : { kind: 'has-rows', table, column }) : { kind: 'not-null', table, column },
    });
}
function data_addColumn({ cmd, table, env, emit }) {
    const def = notNullColumnWithoutDefault(cmd, env.serverMajor);
    if (!def)
        return;
    emit({
        ruleId: 'data/null-values',
        tables: [table],
        message: `${table}.${def.colname} is added NOT NULL without a default: every existing row of ${table} would hold NULL.`,
        dataCheck: { kind: 'has-rows', table, column: def.colname ?? '' },
    });
}
const data = {
    rules: DATA_RULES,
    statements: { IndexStmt: uniqueIndex },
    alterTable: {
        AT_AddColumn: data_addColumn,
        AT_AddConstraint: addConstraint,
        AT_ValidateConstraint: validateConstraint,
        AT_SetNotNull: setNotNull,
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/lock-table.ts





const LOCK_TABLE_RULES = [
    rule({
        id: 'lock/add-column-volatile-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New column that rewrites the table',
        flags: 'ADD COLUMN on an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval …), a serial type, an identity, or a stored generated column; before PostgreSQL 11 any default.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while every row is rewritten.`,
        safe: 'Add the column without a default, set the default for new rows (ALTER COLUMN … SET DEFAULT), and backfill existing rows in batches outside the schema migration.',
        prisma: `${CREATE_ONLY} split Prisma's \`ADD COLUMN … DEFAULT gen_random_uuid()\` into ADD COLUMN and SET DEFAULT; backfill with a script.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
                'ALTER TABLE users ADD COLUMN joined_at timestamptz DEFAULT clock_timestamp();',
                'ALTER TABLE users ADD COLUMN seq bigserial;',
                'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;',
            ],
            good: [
                'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
                'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();',
                "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';",
            ],
        },
    }),
    rule({
        id: 'lock/alter-column-type',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ALTER COLUMN TYPE rewrites the table and its indexes',
        flags: 'ALTER COLUMN … TYPE on an existing table, unless the change is known to be binary-coercible (varchar growth, varchar → text, numeric precision growth).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the table and every index on it are rewritten.`,
        safe: 'Add a new column of the new type, write both, backfill in batches, switch readers, then drop the old column.',
        prisma: 'Add a new field with the new type (`@map` lets it keep a database name), deploy dual writes, backfill, then remove the old field in a later migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
                'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);',
                'ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;',
            ],
            good: ['ALTER TABLE users ADD COLUMN age_big bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
        },
    }),
    rule({
        id: 'lock/vacuum-full',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'VACUUM FULL rewrites the table',
        flags: 'VACUUM FULL of an existing table (or of the whole database).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
        prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['VACUUM FULL users;', 'VACUUM (FULL, ANALYZE) users;', 'VACUUM FULL;'],
            good: ['VACUUM users;', 'VACUUM (ANALYZE) users;'],
        },
    }),
    rule({
        id: 'lock/cluster',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'CLUSTER rewrites the table',
        flags: 'CLUSTER of an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack; schedule rewrites outside migrations.',
        prisma: 'Do not put CLUSTER in migration.sql.',
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['CLUSTER users USING users_name_idx;', 'CLUSTER users;'],
            good: ['CREATE TABLE t (id bigint PRIMARY KEY);\nCLUSTER t USING t_pkey;'],
        },
    }),
    rule({
        id: 'lock/detach-partition-non-concurrent',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DETACH PARTITION without CONCURRENTLY',
        flags: 'ALTER TABLE … DETACH PARTITION without CONCURRENTLY on an existing partitioned table.',
        blocks: 'Every read and write of the parent table and the partition.',
        safe: 'DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block.',
        prisma: 'Write DETACH PARTITION … CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
            bad: ['ALTER TABLE events DETACH PARTITION events_2020;'],
            good: ['ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;'],
        },
    }),
    rule({
        id: 'lock/set-logged-unlogged',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET LOGGED / SET UNLOGGED rewrites the table',
        flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} UNLOGGED tables are also emptied after a crash and not replicated.`,
        safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users SET UNLOGGED;', 'ALTER TABLE users SET LOGGED;'],
            good: [],
        },
    }),
    rule({
        id: 'lock/set-access-method',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET ACCESS METHOD rewrites the table',
        flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users SET ACCESS METHOD heap;'],
            good: [],
        },
    }),
    rule({
        id: 'lock/create-trigger',
        severity: 'warning',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'Trigger added to an existing table',
        flags: 'CREATE TRIGGER on an existing table.',
        blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
        safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
        prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
                'CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
            ],
            good: ['CREATE TABLE t (id bigint);\nCREATE TRIGGER t_audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION audit();'],
        },
    }),
    rule({
        id: 'lock/backfill-in-ddl-migration',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'Data backfill in the same migration as schema changes',
        flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
        blocks: 'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
        safe: 'Put `-- prisma-migrate-actions: batch size=5000 pause=50ms` directly above the UPDATE/DELETE: the built-in engine commits the schema changes first, then runs the backfill in batches of its own short transactions, resumable after a crash. Or run the backfill outside the schema migration, in batches, between the expand and the contract migrations.',
        prisma: 'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                'ALTER TABLE users ADD COLUMN plan text;\nDELETE FROM users WHERE email IS NULL;',
                'ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET email = lower(email) WHERE email <> lower(email);',
            ],
            good: [
                "ALTER TABLE users ADD COLUMN plan text;\n-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
                'ALTER TABLE users ADD COLUMN plan text;',
                "UPDATE users SET name = 'x' WHERE name IS NULL;",
            ],
        },
    }),
    rule({
        id: 'lock/missing-lock-timeout',
        severity: 'warning',
        scalable: false,
        title: 'Heavy lock taken without a lock_timeout (Prisma CLI)',
        flags: 'With the Prisma CLI engine, a migration that takes a blocking lock on an existing table without SET lock_timeout before it (the built-in engine always sets one).',
        blocks: 'While the statement waits for its lock, every later query on the table queues behind it: a short migration becomes an outage.',
        safe: "Start the migration with SET lock_timeout = '5s' (and retry on timeout), or deploy with the built-in engine.",
        prisma: "Add `SET lock_timeout = '5s';` as the first line of migration.sql.",
        example: {
            engine: 'prisma',
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users DROP COLUMN name;', 'CREATE INDEX users_name_idx ON users (name);'],
            good: [
                "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;",
                "SET lock_timeout = '5s';\nCREATE INDEX users_name_idx ON users (name);",
            ],
        },
    }),
];
function lock_table_addColumn({ cmd, table, env, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    const rewrite = def && newColumn(def, env.serverMajor).rewrite;
    if (!def || !rewrite)
        return;
    emit({
        ruleId: 'lock/add-column-volatile-default',
        tables: [table],
        message: `Adding ${table}.${def.colname} rewrites ${table} under ACCESS EXCLUSIVE: ${rewrite}.`,
    });
}
function alterColumnType({ cmd, table, env, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    const to = (0,lint_names/* typeInfo */.L7)(def?.typeName);
    const from = env.ctx.column(table, cmd.name ?? '')?.type;
    if (to && from && !def?.raw_default && isBinaryCoercible(from, to))
        return;
    const why = def?.raw_default
        ? 'a USING expression always rewrites'
        : from
            ? `${(0,lint_names/* describeType */.MF)(from)} → ${(0,lint_names/* describeType */.MF)(to)} is not binary-coercible`
            : `the column's current type is not known to the linter, so ${(0,lint_names/* describeType */.MF)(to)} is assumed to need a rewrite`;
    emit({
        ruleId: 'lock/alter-column-type',
        tables: [table],
        message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
    });
}
function vacuum(node, env, emit) {
    const full = (0,nodes/* nodesOf */.Nh)(node.options, 'DefElem').some((o) => o.defname === 'full');
    if (!node.is_vacuumcmd || !full)
        return;
    const tables = (0,nodes/* nodesOf */.Nh)(node.rels, 'VacuumRelation').map((r) => env.ctx.key(r.relation));
    const existing = tables.filter((t) => !env.ctx.isNewTable(t));
    if (tables.length && !existing.length)
        return;
    emit({
        ruleId: 'lock/vacuum-full',
        tables: existing,
        message: `VACUUM FULL rewrites ${existing.length ? existing.join(', ') : 'every table in the database'} under ACCESS EXCLUSIVE.`,
    });
}
function cluster(node, env, emit) {
    const table = node.relation ? env.ctx.key(node.relation) : undefined;
    if (table && env.ctx.isNewTable(table))
        return;
    emit({
        ruleId: 'lock/cluster',
        tables: table ? [table] : [],
        message: `CLUSTER rewrites ${table ?? 'every clustered table'} under ACCESS EXCLUSIVE.`,
    });
}
function createTrigger(node, env, emit) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table))
        return;
    emit({
        ruleId: 'lock/create-trigger',
        tables: [table],
        message: `Trigger ${node.trigname} is added to ${table}; creating it blocks writes, and every later write runs it.`,
    });
}
const HEAVY_LOCKS = new Set(['ACCESS EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE']);
const DDL_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);
function isBackfill(statement) {
    if (statement.kind === 'UpdateStmt' || statement.kind === 'DeleteStmt')
        return true;
    return statement.kind === 'InsertStmt' && !!(0,nodes/* nodeOf */.E7)(statement.node.selectStmt, 'SelectStmt')?.fromClause;
}
function backfills({ statements, existingTargets, directives, engine }) {
    if (!statements.some((s, i) => existingTargets[i] && DDL_KINDS.has(s.kind)))
        return [];
    // The built-in engine runs a batched statement after the DDL before it has committed.
    const batched = new Set(engine === 'builtin' ? directives.batched.map((b) => b.statement.index) : []);
    return statements.flatMap((statement, i) => {
        const table = existingTargets[i];
        if (!table || !isBackfill(statement) || batched.has(statement.index))
            return [];
        return [
            {
                ruleId: 'lock/backfill-in-ddl-migration',
                statement,
                tables: [table],
                message: `This change to the rows of ${table} runs in the same transaction as schema changes to existing tables: their locks are held until it finishes.`,
                replacementFor: engine === 'builtin' ? batchedReplacement(statement) : undefined,
            },
        ];
    });
}
function isLockTimeoutSet(statement) {
    return statement.kind === 'VariableSetStmt' && statement.node.name === 'lock_timeout' && !isZeroSetting(statement);
}
/** With the Prisma CLI (which sets no lock_timeout), the first heavy lock taken before one is set. */
function missingLockTimeout({ statements, perStatement, engine, rules }) {
    if (engine !== 'prisma')
        return [];
    const setAt = statements.findIndex(isLockTimeoutSet);
    const heavy = perStatement.flat().find((c) => {
        const found = rules.get(c.ruleId);
        return found?.scope === 'existing' && found.lock && HEAVY_LOCKS.has(found.lock) && (setAt < 0 || c.statement.index < setAt);
    });
    if (!heavy)
        return [];
    return [
        {
            ruleId: 'lock/missing-lock-timeout',
            statement: heavy.statement,
            tables: heavy.tables,
            message: `This statement takes ${rules.get(heavy.ruleId)?.lock} on ${heavy.tables.join(', ') || 'an existing table'} with no lock_timeout set: while it waits for the lock, every later query on the table waits behind it.`,
            replacement: `SET lock_timeout = '5s';\n${heavy.statement.text}`,
        },
    ];
}
const rewrites = (ruleId, text) => ({ table, emit }) => emit({ ruleId, tables: [table], message: text(table) });
const lockTable = {
    rules: LOCK_TABLE_RULES,
    statements: { VacuumStmt: vacuum, ClusterStmt: cluster, CreateTrigStmt: createTrigger },
    alterTable: {
        AT_AddColumn: lock_table_addColumn,
        AT_AlterColumnType: alterColumnType,
        AT_DetachPartition: ({ cmd, table, emit, statement, single }) => {
            if ((0,nodes/* nodeOf */.E7)(cmd.def, 'PartitionCmd')?.concurrent)
                return;
            emit({
                ruleId: 'lock/detach-partition-non-concurrent',
                tables: [table],
                message: `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}.`,
                replacement: single ? `${statement.text} CONCURRENTLY` : undefined,
            });
        },
        AT_SetLogged: rewrites('lock/set-logged-unlogged', (t) => `SET LOGGED rewrites ${t} under ACCESS EXCLUSIVE.`),
        AT_SetUnLogged: rewrites('lock/set-logged-unlogged', (t) => `SET UNLOGGED rewrites ${t} under ACCESS EXCLUSIVE; afterwards it is emptied on crash and not replicated.`),
        AT_SetAccessMethod: rewrites('lock/set-access-method', (t) => `SET ACCESS METHOD rewrites ${t} under ACCESS EXCLUSIVE.`),
    },
    migration: (view) => [...backfills(view), ...missingLockTimeout(view)],
};

// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
;// CONCATENATED MODULE: ./src/lint/rules/lock.ts




const LOCK_RULES = [
    rule({
        id: 'lock/create-index-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'CREATE INDEX without CONCURRENTLY on an existing table',
        flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
        blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
        safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
        prisma: `${CREATE_ONLY} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'CREATE INDEX users_email_idx ON users (email);',
                'CREATE UNIQUE INDEX users_email_key ON users (email);',
                'CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE email IS NOT NULL;',
            ],
            good: [
                'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
                'CREATE TABLE sessions (id bigint, user_id bigint);\nCREATE INDEX sessions_user_idx ON sessions (user_id);',
            ],
        },
    }),
    rule({
        id: 'lock/drop-index-non-concurrent',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP INDEX without CONCURRENTLY',
        flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
        blocks: ACCESS_EXCLUSIVE_BLOCKS,
        safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
        prisma: `${CREATE_ONLY} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['DROP INDEX users_name_idx;', 'DROP INDEX IF EXISTS users_name_idx;'],
            good: ['DROP INDEX CONCURRENTLY users_name_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;'],
        },
    }),
    rule({
        id: 'lock/reindex-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'REINDEX without CONCURRENTLY',
        flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
        blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
        safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
        prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['REINDEX INDEX users_name_idx;', 'REINDEX TABLE users;'],
            good: ['REINDEX INDEX CONCURRENTLY users_name_idx;', 'REINDEX TABLE CONCURRENTLY users;'],
        },
    }),
    rule({
        id: 'lock/add-unique-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
        flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the whole index builds.`,
        safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
        prisma: `${CREATE_ONLY} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
                'ALTER TABLE users ADD CONSTRAINT users_name_email_key UNIQUE (name, email);',
                'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
            ],
            good: [
                'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
            ],
        },
    }),
    rule({
        id: 'lock/add-foreign-key-validated',
        severity: 'error',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'ADD FOREIGN KEY validates every row while both tables are locked',
        flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
        blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
        safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
        prisma: `${CREATE_ONLY} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
                'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
                'ALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
            ],
        },
    }),
    rule({
        id: 'lock/add-check-validated',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD CHECK validates every row under an exclusive lock',
        flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
        prisma: `${CREATE_ONLY} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
                'ALTER TABLE users ADD CHECK (length(name) < 200);',
                'ALTER TABLE users ADD COLUMN score int CHECK (score > 0);',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;',
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
            ],
        },
    }),
    rule({
        id: 'lock/add-exclusion-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Exclusion constraint added to an existing table',
        flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the index builds and every row is checked.`,
        safe: 'Schedule it for a quiet window, or build the constraint on a new table and move the data.',
        prisma: 'Write the EXCLUDE constraint by hand in migration.sql and schedule the deploy deliberately.',
        example: {
            existing: 'CREATE TABLE bookings (id bigint, room int, during tsrange);',
            bad: [
                'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);',
                'ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =, during WITH &&);',
            ],
            good: [],
        },
    }),
    rule({
        id: 'lock/set-not-null',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET NOT NULL scans the table under ACCESS EXCLUSIVE',
        flags: 'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
        prisma: `${CREATE_ONLY} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
                'ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN age SET NOT NULL;',
            ],
            good: [
                'ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_name_not_null;',
            ],
        },
    }),
];
function createIndex(node, env, emit, statement) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || node.concurrent)
        return;
    emit({
        ruleId: 'lock/create-index-non-concurrent',
        tables: [table],
        message: `CREATE INDEX on existing table ${table} takes a SHARE lock: inserts, updates and deletes wait for the whole build.`,
        replacement: statement.text.replace(/^(create\s+(?:unique\s+)?index)\b/i, '$1 CONCURRENTLY'),
    });
}
function dropIndex(node, env, emit) {
    if (node.removeType !== 'OBJECT_INDEX' || node.concurrent)
        return;
    const { ctx } = env;
    const objects = node.objects ?? [];
    const keys = objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), ctx.defaultSchema));
    const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
    if (!existing.length)
        return;
    const tables = existing.map((k) => ctx.index(k)?.table).filter((t) => !!t);
    emit({
        ruleId: 'lock/drop-index-non-concurrent',
        tables,
        message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
        replacement: keys.length === 1
            ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${(0,lint_names/* nameParts */.IN)(objects[0]).map(postgres_sql/* quoteIdent */.v4).join('.')}`
            : undefined,
    });
}
function reindex(node, env, emit, statement) {
    if (!statement.transactional)
        return; // CONCURRENTLY
    const { ctx } = env;
    let tables = [];
    if (node.relation) {
        const key = ctx.key(node.relation);
        const index = node.kind === 'REINDEX_OBJECT_INDEX' ? ctx.index(key) : undefined;
        const table = index ? index.table : node.kind === 'REINDEX_OBJECT_TABLE' ? key : undefined;
        if (index?.isNew || (table && ctx.isNewTable(table)))
            return;
        tables = table ? [table] : [];
    }
    emit({
        ruleId: 'lock/reindex-non-concurrent',
        tables,
        message: `REINDEX without CONCURRENTLY blocks writes to ${tables.length ? tables.join(', ') : 'the tables it covers'} and reads that use the index for the whole rebuild.`,
        replacement: statement.text.replace(/^(reindex\s+(?:\([^)]*\)\s*)?(?:index|table|schema|database|system))\b/i, '$1 CONCURRENTLY'),
    });
}
/** Inline UNIQUE / PRIMARY KEY / CHECK on a column added to an existing table. */
function lock_addColumn({ cmd, table, emit }) {
    const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
    if (!def)
        return;
    const column = `${table}.${def.colname}`;
    for (const constraint of (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint')) {
        if (constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') {
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `The inline ${constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${column} builds an index under ACCESS EXCLUSIVE on ${table}.`,
            });
        }
        else if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `The inline CHECK on ${column} scans ${table} under ACCESS EXCLUSIVE.`,
            });
        }
    }
}
function lock_addConstraint({ cmd, table, env, emit, statement, single }) {
    const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
    if (!constraint)
        return;
    const withNotValid = single && !constraint.skip_validation ? `${statement.text} NOT VALID` : undefined;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the index was built beforehand
            const kind = constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
            const name = (0,postgres_sql/* quoteIdent */.v4)((0,lint_names/* constraintName */.bd)(table, constraint));
            const target = (0,lint_names/* quoteKey */._z)(table);
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `${kind} ${(0,lint_names/* constraintName */.bd)(table, constraint)} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
                replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${target} (${(0,lint_names/* nameParts */.IN)(constraint.keys).map(postgres_sql/* quoteIdent */.v4).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}`,
            });
            return;
        }
        case 'CONSTR_FOREIGN': {
            if (constraint.skip_validation)
                return;
            const refTable = env.ctx.key(constraint.pktable);
            emit({
                ruleId: 'lock/add-foreign-key-validated',
                tables: [table, refTable],
                message: `Foreign key ${constraint.conname ?? ''} is validated while ${table} and ${refTable} are locked (SHARE ROW EXCLUSIVE): writes to both wait for the scan of ${table}.`,
                replacement: withNotValid,
            });
            return;
        }
        case 'CONSTR_CHECK':
            if (constraint.skip_validation)
                return;
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `CHECK ${constraint.conname ?? ''} scans ${table} under ACCESS EXCLUSIVE.`,
                replacement: withNotValid,
            });
            return;
        case 'CONSTR_EXCLUSION':
            emit({
                ruleId: 'lock/add-exclusion-constraint',
                tables: [table],
                message: `Exclusion constraint ${constraint.conname ?? ''} builds its index and checks every row of ${table} under ACCESS EXCLUSIVE.`,
            });
            return;
        default:
            return;
    }
}
function lock_setNotNull({ cmd, table, env, emit }) {
    const column = cmd.name ?? '';
    if (env.serverMajor >= 12 && env.ctx.hasNotNullProof(table, column))
        return;
    const target = (0,lint_names/* quoteKey */._z)(table);
    const check = (0,postgres_sql/* quoteIdent */.v4)(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
    emit({
        ruleId: 'lock/set-not-null',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
        replacement: [
            `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${(0,postgres_sql/* quoteIdent */.v4)(column)} IS NOT NULL) NOT VALID`,
            `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
            `ALTER TABLE ${target} ALTER COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(column)} SET NOT NULL`,
            `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
        ].join(';\n'),
    });
}
const lock = {
    rules: LOCK_RULES,
    statements: { IndexStmt: createIndex, DropStmt: dropIndex, ReindexStmt: reindex },
    alterTable: { AT_AddColumn: lock_addColumn, AT_AddConstraint: lock_addConstraint, AT_SetNotNull: lock_setNotNull },
};

;// CONCATENATED MODULE: ./src/lint/rules/meta.ts

const META_RULES = [
    rule({
        id: 'lint/syntax-error',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'SQL that PostgreSQL cannot parse',
        flags: "A migration file PostgreSQL's parser rejects; the position is the parser's.",
        blocks: 'Nothing: the migration fails at this statement when applied.',
        safe: 'Fix the syntax at the reported line and column.',
        prisma: 'Edit migration.sql; `prisma migrate dev` would fail on the same text.',
        example: {
            bad: ['CREATE TABLE t (id bigint,);', 'CREATE TABLE t (id bigint);\nALTER TABEL t ADD COLUMN name text;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
    rule({
        id: 'lint/ignore-without-reason',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore comment without a reason',
        flags: 'A `-- lint-ignore rule-id` comment that gives no reason after a colon; it silences nothing.',
        blocks: 'Nothing.',
        safe: 'Write the reason: `-- lint-ignore lock/create-index-non-concurrent: table is empty in prod`.',
        prisma: 'Put the comment on the line above the statement in migration.sql.',
        example: {
            bad: [
                '-- lint-ignore types/prefer-jsonb\nCREATE TABLE t (doc json);',
                '/* lint-ignore types/prefer-jsonb */\nCREATE TABLE t (doc json);',
            ],
            good: ['-- lint-ignore types/prefer-jsonb: payloads are stored verbatim\nCREATE TABLE t (doc json);'],
        },
    }),
    rule({
        id: 'lint/unknown-rule',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore names a rule that does not exist',
        flags: 'A `-- lint-ignore` comment naming an unknown rule id (a typo silences nothing).',
        blocks: 'Nothing.',
        safe: 'Use an id from docs/rules/README.md.',
        prisma: 'Fix the id in the comment in migration.sql.',
        example: {
            bad: [
                '-- lint-ignore lock/no-such-rule: typo\nCREATE TABLE t (id bigint);',
                '-- lint-ignore types/prefer-jsonb, lock/typo: stored verbatim\nCREATE TABLE t (doc json);',
            ],
            good: [
                'CREATE TABLE t (id bigint);',
                '-- lint-ignore types/prefer-jsonb, types/prefer-text: stored verbatim\nCREATE TABLE t (doc json, code char(2));',
            ],
        },
    }),
];
/** Findings for lint-ignore comments without a reason or naming an unknown rule. */
function ignoreFindings(source, ignores, isRule) {
    const out = [];
    const at = (comment, ruleId, message) => ({
        ruleId,
        source,
        line: comment.line,
        column: comment.column,
        endLine: comment.line,
        statement: comment.text,
        message,
        tables: [],
    });
    for (const comment of ignores) {
        for (const id of comment.rules.filter((r) => !isRule(r)))
            out.push(at(comment, 'lint/unknown-rule', `lint-ignore names "${id}", which is not a rule id.`));
        if (!comment.reason)
            out.push(at(comment, 'lint/ignore-without-reason', `lint-ignore ${comment.rules.join(', ')} gives no reason, so it silences nothing.`));
    }
    return out;
}
/** Raised by lint.ts (syntax errors, lint-ignore comments), not by a statement detector. */
const meta = { rules: META_RULES };

;// CONCATENATED MODULE: ./src/lint/rules/naming.ts
/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */



const NAMING_RULES = [
    rule({
        id: 'naming/identifier-too-long',
        severity: 'error',
        scope: 'any',
        title: 'Identifier longer than 63 bytes',
        flags: 'Any identifier in a migration over 63 bytes (NAMEDATALEN - 1).',
        blocks: 'Nothing; PostgreSQL silently truncates the name, so two long names can collide and later migrations that use the full name miss the object.',
        safe: 'Shorten the name to at most 63 bytes.',
        prisma: 'Give the index or constraint a shorter name with `map: "…"` in @@index / @@unique / @relation.',
        example: {
            bad: [
                `CREATE TABLE t (id bigint);\nCREATE INDEX ${'t_'.padEnd(70, 'x')} ON t (id);`,
                'CREATE TABLE t (id bigint, c_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy text);',
            ],
            good: ['CREATE TABLE t (id bigint);\nCREATE INDEX t_id_idx ON t (id);'],
        },
    }),
];
const MAX_IDENTIFIER_BYTES = 63;
/**
 * Cheap linear pre-filter (most files have no long identifier, and scanning tokens costs as much
 * as parsing): a run of identifier characters, or quoted text, of at least `minChars`.
 */
function mayHoldLongIdentifier(sql, minChars) {
    let run = 0;
    let quoted = false;
    for (let i = 0; i < sql.length; i++) {
        const c = sql.charCodeAt(i);
        if (c === 34) {
            quoted = !quoted;
            run = 0;
        }
        else if (quoted || c >= 128 || c === 95 || c === 36 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) {
            if (++run >= minChars)
                return true;
        }
        else
            run = 0;
    }
    return false;
}
function longIdentifiers(source, statements) {
    const isAscii = Buffer.byteLength(source.sql) === source.sql.length;
    // 16 four-byte characters already exceed 63 bytes.
    if (!statements.length || !mayHoldLongIdentifier(source.sql, isAscii ? MAX_IDENTIFIER_BYTES + 1 : 16))
        return [];
    const out = [];
    for (const token of (0,parser/* pgQuery */.E5)().scanSync(source.sql).tokens) {
        if (token.tokenName !== 'IDENT')
            continue;
        const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
        const bytes = Buffer.byteLength(name);
        if (bytes <= MAX_IDENTIFIER_BYTES)
            continue;
        const offset = charOffset(source.sql, token.start, isAscii);
        const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
        const truncated = Buffer.from(name)
            .subarray(0, MAX_IDENTIFIER_BYTES)
            .toString('utf8')
            .replace(/\uFFFD$/, '');
        out.push({
            ruleId: 'naming/identifier-too-long',
            source,
            ...(0,parser/* positionOf */.df)(source.sql, offset),
            endLine: statement.endLine,
            statement: statement.text,
            statementIndex: statement.index,
            message: `Identifier "${name.slice(0, 40)}…" is ${bytes} bytes; PostgreSQL truncates it to "${truncated}".`,
            tables: [],
        });
    }
    return out;
}
/** Found by lint.ts from the token stream (longIdentifiers), not by a statement detector. */
const naming = { rules: NAMING_RULES };

;// CONCATENATED MODULE: ./src/lint/rules/review.ts


const REVIEW_RULES = [
    rule({
        id: 'review/replica-identity',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'REPLICA IDENTITY changed',
        flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
        blocks: 'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
        safe: 'Coordinate with the owners of replication / CDC consumers.',
        prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
        example: {
            existing: EXISTING_USERS,
            bad: ['ALTER TABLE users REPLICA IDENTITY FULL;', 'ALTER TABLE users REPLICA IDENTITY DEFAULT;'],
            good: [],
        },
    }),
    rule({
        id: 'review/row-level-security',
        severity: 'notice',
        scope: 'any',
        title: 'Row-level security changed',
        flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
        blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
        safe: 'Review the policies explicitly with the people who own authorisation.',
        prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
                "CREATE POLICY own_rows ON users USING (id = current_setting('app.user_id')::bigint);",
                'ALTER TABLE users FORCE ROW LEVEL SECURITY;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    rule({
        id: 'review/grant-revoke',
        severity: 'notice',
        scope: 'any',
        title: 'Privileges granted or revoked',
        flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
        blocks: 'Nothing; who may read or write changes.',
        safe: 'Review explicitly; prefer granting to roles, not to users.',
        prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
        example: {
            existing: EXISTING_USERS,
            bad: [
                'GRANT SELECT ON users TO reporting;',
                'REVOKE ALL ON users FROM PUBLIC;',
                'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reporting;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    rule({
        id: 'review/extension',
        severity: 'notice',
        scope: 'any',
        title: 'Extension created, upgraded or dropped',
        flags: 'CREATE EXTENSION, ALTER EXTENSION, DROP EXTENSION.',
        blocks: 'Nothing directly; the extension must be installable on every server (managed services allow a fixed list), and DROP … CASCADE drops every column and index that depends on it.',
        safe: 'Check that production has the extension available; review drops explicitly.',
        prisma: 'Prisma writes CREATE EXTENSION for `extensions = [...]` (previewFeatures postgresqlExtensions); confirm availability on the target.',
        example: {
            bad: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;', 'DROP EXTENSION pg_trgm CASCADE;', 'ALTER EXTENSION pg_trgm UPDATE;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
];
function rls(message, table, emit) {
    emit({
        ruleId: 'review/row-level-security',
        tables: [table],
        message: `${message} Row visibility changes for every role the policy names.`,
    });
}
const security = (text) => ({ table, emit }) => rls(text(table), table, emit);
function review_drop(node, env, emit) {
    const objects = node.objects ?? [];
    if (node.removeType === 'OBJECT_EXTENSION')
        emit({
            ruleId: 'review/extension',
            tables: [],
            message: `Extension ${objects.map((o) => (0,lint_names/* nameParts */.IN)(o)[0]).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`,
        });
    else if (node.removeType === 'OBJECT_POLICY')
        rls(`Policy ${objects.map((o) => (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(o), env.ctx.defaultSchema)).join(', ')} is dropped.`, '', emit);
}
function grant(node, _env, emit) {
    const objects = String(node.objtype ?? '')
        .replace('OBJECT_', '')
        .toLowerCase();
    emit({
        ruleId: 'review/grant-revoke',
        tables: [],
        message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes who may access ${objects} objects.`,
    });
}
const review = {
    rules: REVIEW_RULES,
    statements: {
        DropStmt: review_drop,
        GrantStmt: grant,
        GrantRoleStmt: (node, _env, emit) => emit({ ruleId: 'review/grant-revoke', tables: [], message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes role membership.` }),
        AlterDefaultPrivilegesStmt: (_node, _env, emit) => emit({ ruleId: 'review/grant-revoke', tables: [], message: 'ALTER DEFAULT PRIVILEGES changes who may access future objects.' }),
        CreatePolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} is created on ${env.ctx.key(node.table)}.`, env.ctx.key(node.table), emit),
        AlterPolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} on ${env.ctx.key(node.table)} is changed.`, env.ctx.key(node.table), emit),
        CreateExtensionStmt: (node, _env, emit) => emit({
            ruleId: 'review/extension',
            tables: [],
            message: `Extension ${node.extname} is created: it must be available on every target server.`,
        }),
        AlterExtensionStmt: (node, _env, emit) => emit({ ruleId: 'review/extension', tables: [], message: `Extension ${node.extname} is upgraded.` }),
    },
    alterTable: {
        AT_ReplicaIdentity: ({ table, emit }) => emit({
            ruleId: 'review/replica-identity',
            tables: [table],
            message: `REPLICA IDENTITY of ${table} changes what logical replication publishes for updates and deletes.`,
        }),
    },
    // Authorisation changes are reviewed on new tables too.
    alterAnyTable: {
        AT_EnableRowSecurity: security((t) => `Row-level security is enabled on ${t}.`),
        AT_DisableRowSecurity: security((t) => `Row-level security is disabled on ${t}.`),
        AT_ForceRowSecurity: security((t) => `Row-level security is forced on ${t} (owners too).`),
        AT_NoForceRowSecurity: security((t) => `Row-level security is no longer forced on ${t}.`),
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/transaction.ts


const TRANSACTION_RULES = [
    rule({
        id: 'transaction/concurrently-in-transaction',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'Statement that cannot run in a transaction block is inside one',
        flags: 'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM (and ALTER TYPE … ADD VALUE before PostgreSQL 12) where the engine will run it inside a transaction: inside an explicit BEGIN block, or, with the Prisma CLI, in a file with other statements.',
        blocks: 'Nothing: PostgreSQL rejects the statement (error 25001) and the migration fails.',
        safe: 'Run the statement on its own. The built-in engine does this for every non-transactional statement; with the Prisma CLI put it alone in its own migration.',
        prisma: 'Move the statement into a migration of its own (`prisma migrate dev --create-only --name add_index_concurrently`), containing only that statement and no BEGIN/COMMIT.',
        example: {
            bad: [
                'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
                'BEGIN;\nDROP INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
                'START TRANSACTION;\nREINDEX INDEX CONCURRENTLY users_email_idx;\nCOMMIT;',
            ],
            good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', 'DROP INDEX CONCURRENTLY users_email_idx;'],
        },
    }),
    rule({
        id: 'transaction/timeout-override',
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Migration overrides lock_timeout / statement_timeout',
        flags: 'SET (LOCAL) lock_timeout, statement_timeout or idle_in_transaction_session_timeout in a migration. With the built-in engine any override (the engine sets them from the prod-deploy inputs); with the Prisma CLI only turning them off (0).',
        blocks: 'Without a lock timeout, a DDL statement waiting for its lock queues every later query on the table behind it.',
        safe: 'Let the engine set the timeouts (prod-deploy inputs lock-timeout / statement-timeout); raise them there for one deploy if a migration needs it.',
        prisma: "With the Prisma CLI, start the migration.sql with `SET lock_timeout = '5s';` instead of turning timeouts off.",
        example: {
            bad: ['SET lock_timeout = 0;', "SET statement_timeout = '1h';", 'RESET lock_timeout;'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
    rule({
        id: 'transaction/explicit-transaction-control',
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'BEGIN / COMMIT / ROLLBACK inside a migration file',
        flags: 'Transaction control statements (BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION) in a migration, and unbalanced ones.',
        blocks: "Nothing directly; it breaks the engine's own transaction handling (a COMMIT ends the engine's transaction early, so a later failure leaves a half-applied migration).",
        safe: 'Remove them: the engine runs each migration atomically where PostgreSQL allows it.',
        prisma: 'Delete the BEGIN/COMMIT lines from migration.sql.',
        example: {
            bad: ['BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', 'CREATE TABLE t (id bigint);\nCOMMIT;', 'BEGIN;\nCREATE TABLE t (id bigint);'],
            good: ['CREATE TABLE t (id bigint);'],
        },
    }),
];
const TIMEOUT_SETTINGS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);
function timeoutOverride(node, env, emit, statement) {
    // The Prisma CLI sets no timeouts, so only turning them off is an override there.
    if (!TIMEOUT_SETTINGS.has(node.name ?? '') || (env.engine === 'prisma' && !isZeroSetting(statement)))
        return;
    emit({
        ruleId: 'transaction/timeout-override',
        tables: [],
        message: `The migration sets ${node.name}${node.kind === 'VAR_RESET' ? ' back to its default' : ''}, overriding the value the deploy configured.`,
    });
}
function transactionControl(node, _env, emit) {
    emit({
        ruleId: 'transaction/explicit-transaction-control',
        tables: [],
        message: `${String(node.kind ?? '').replace('TRANS_STMT_', '')} in a migration file interferes with the engine's own transaction around the migration.`,
    });
}
function transactionBlocks({ statements, engine }) {
    const out = [];
    const open = [];
    const add = (ruleId, statement, message) => out.push({ ruleId, statement, message, tables: [] });
    for (const statement of statements) {
        const control = statement.transactionControl;
        if (control === 'BEGIN' || control === 'START')
            open.push(statement);
        else if ((control === 'COMMIT' || control === 'ROLLBACK' || control === 'PREPARE') && !open.pop())
            add('transaction/explicit-transaction-control', statement, `${control} on line ${statement.line} ends a transaction the file never began: it ends the engine's own transaction early.`);
        if (statement.transactional)
            continue;
        const why = open.length
            ? `it is inside the transaction begun on line ${open[open.length - 1].line}`
            : engine === 'prisma' && statements.length > 1
                ? `the Prisma CLI sends the whole file (${statements.length} statements) as one transaction; put this statement alone in its own migration`
                : undefined;
        if (why)
            add('transaction/concurrently-in-transaction', statement, `${statement.nonTransactionalReason ?? 'This statement cannot run in a transaction block'}, and ${why}.`);
    }
    for (const statement of open)
        add('transaction/explicit-transaction-control', statement, `The transaction begun on line ${statement.line} is never committed in this file.`);
    return out;
}
const transaction = {
    rules: TRANSACTION_RULES,
    statements: { VariableSetStmt: timeoutOverride, TransactionStmt: transactionControl },
    migration: transactionBlocks,
};

;// CONCATENATED MODULE: ./src/lint/rules/types.ts




const TYPES_RULES = [
    rule({
        id: 'types/prefer-bigint',
        severity: 'notice',
        scope: 'any',
        title: 'int / serial primary key',
        flags: 'A primary-key or identity column of type integer, smallint, serial or smallserial in a new column.',
        blocks: 'Nothing now; after 2^31 rows inserts fail, and widening the column later rewrites the table.',
        safe: 'Use bigint (bigserial / bigint GENERATED … AS IDENTITY).',
        prisma: 'Use `BigInt @id @default(autoincrement())`.',
        example: {
            bad: [
                'CREATE TABLE t (id serial PRIMARY KEY);',
                'CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
                'CREATE TABLE t (id int, PRIMARY KEY (id));',
            ],
            good: ['CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);', 'CREATE TABLE t (id bigserial PRIMARY KEY);'],
        },
    }),
    rule({
        id: 'types/prefer-timestamptz',
        severity: 'notice',
        scope: 'any',
        title: 'timestamp without time zone',
        flags: 'A new column of type timestamp (without time zone).',
        blocks: 'Nothing now; the value has no offset, so it is read differently by sessions in other time zones.',
        safe: 'Use timestamptz.',
        prisma: 'Annotate DateTime fields with `@db.Timestamptz(3)`.',
        example: {
            bad: ['CREATE TABLE t (at timestamp(3));', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN at timestamp;'],
            good: ['CREATE TABLE t (at timestamptz(3));', 'CREATE TABLE t (at timestamp with time zone);'],
        },
    }),
    rule({
        id: 'types/prefer-text',
        severity: 'notice',
        scope: 'any',
        title: 'char(n) / varchar(n)',
        flags: 'A new column of type char(n) (blank-padded), or a varchar(n) that shrinks an existing column (a rewrite).',
        blocks: 'Nothing now; char(n) pads and compares surprisingly, and changing a length limit later can rewrite the table.',
        safe: 'Use text, with a CHECK (length(col) <= n) if a limit matters.',
        prisma: 'Use `String` without `@db.Char(n)`.',
        example: {
            bad: ['CREATE TABLE t (code char(3));', 'CREATE TABLE t (name varchar(100));'],
            good: ['CREATE TABLE t (code text);', 'CREATE TABLE t (name varchar);'],
        },
    }),
    rule({
        id: 'types/prefer-jsonb',
        severity: 'notice',
        scope: 'any',
        title: 'json instead of jsonb',
        flags: 'A new column of type json.',
        blocks: 'Nothing; json cannot be indexed or compared and is re-parsed on every access.',
        safe: 'Use jsonb.',
        prisma: 'Prisma maps `Json` to jsonb; remove `@db.Json`.',
        example: {
            bad: ['CREATE TABLE t (doc json);', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN doc json;'],
            good: ['CREATE TABLE t (doc jsonb);'],
        },
    }),
];
function typeChoices(def, table, inPrimaryKey, emit) {
    const type = (0,lint_names/* typeInfo */.L7)(def.typeName);
    if (!type)
        return;
    const where = `${table}.${def.colname}`;
    const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint').map((c) => c.contype);
    const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
    if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial')
        emit({
            ruleId: 'types/prefer-bigint',
            tables: [],
            message: `${where} is ${(0,lint_names/* describeType */.MF)(type)}: it overflows after about 2 billion values.`,
        });
    if (type.name === 'timestamp')
        emit({ ruleId: 'types/prefer-timestamptz', tables: [], message: `${where} is timestamp without time zone.` });
    if (type.name === 'bpchar' || (type.name === 'varchar' && type.typmods.length))
        emit({
            ruleId: 'types/prefer-text',
            tables: [],
            message: `${where} is ${type.name === 'bpchar' ? 'char' : 'varchar'}(${type.typmods.join(',') || 1}); text with a CHECK is easier to change.`,
        });
    if (type.name === 'json')
        emit({ ruleId: 'types/prefer-jsonb', tables: [], message: `${where} is json, not jsonb.` });
}
function createTable(node, env, emit) {
    const table = env.ctx.key(node.relation);
    const elements = node.tableElts ?? [];
    const pk = new Set((0,nodes/* nodesOf */.Nh)(elements, 'Constraint').flatMap((c) => (c.contype === 'CONSTR_PRIMARY' ? (0,lint_names/* nameParts */.IN)(c.keys) : [])));
    for (const def of (0,nodes/* nodesOf */.Nh)(elements, 'ColumnDef'))
        typeChoices(def, table, pk.has(def.colname ?? ''), emit);
}
const types = {
    rules: TYPES_RULES,
    statements: { CreateStmt: createTable },
    alterAnyTable: {
        AT_AddColumn: ({ cmd, table, emit }) => {
            const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
            if (def)
                typeChoices(def, table, false, emit);
        },
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/index.ts











/** In catalogue order: findings on the same statement are listed in this order. */
const FAMILIES = [lock, lockTable, transaction, batch, dataLoss, compat, data, review, types, naming, meta];
const rules_RULES = FAMILIES.flatMap((family) => family.rules);
const BY_ID = new Map(rules_RULES.map((r) => [r.id, r]));
const ORDER = new Map(rules_RULES.map((r, i) => [r.id, i]));
const RULES_BY_ID = BY_ID;
function rules_isRuleId(id) {
    return BY_ID.has(id);
}
function rules_ruleById(id) {
    return BY_ID.get(id);
}
function ruleOrThrow(id) {
    const found = BY_ID.get(id);
    if (!found)
        throw new Error(`internal: unknown lint rule ${id}`);
    return found;
}
/** Position in the catalogue (the order of findings raised on one statement). */
function ruleOrder(id) {
    return ORDER.get(id) ?? rules_RULES.length;
}


;// CONCATENATED MODULE: ./src/lint/config.ts
/**
 * Linter configuration: `.migration-lint.json` in the project, or a `migrationLint` section in
 * package.json. Changes rule severities, turns rules off, sets size thresholds.
 */




const CONFIG_FILE = '.migration-lint.json';
const DEFAULT_THRESHOLDS = {
    smallRows: 10_000,
    smallBytes: 10 * 1024 * 1024,
    largeRows: 1_000_000,
    largeBytes: 1024 * 1024 * 1024,
};
const SETTINGS = new Set(['error', 'warning', 'notice', 'off']);
async function readJson(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_CONFIG', `${file} is not valid JSON: ${error.message}`, {
            where: { file },
            remedy: 'Fix the JSON syntax (see docs/rules/README.md for the format).',
        });
    }
}
/** Reads the project's lint configuration; an empty config when there is none. */
async function loadLintConfig(projectDir) {
    const file = path.join(projectDir, CONFIG_FILE);
    const own = await readJson(file);
    if (own !== undefined)
        return { ...validateLintConfig(own, file), source: file };
    const pkgFile = path.join(projectDir, 'package.json');
    const pkg = (await readJson(pkgFile));
    if (pkg?.migrationLint !== undefined)
        return { ...validateLintConfig(pkg.migrationLint, `${pkgFile} (migrationLint)`), source: pkgFile };
    return {};
}
function validateLintConfig(raw, file) {
    const bad = (why) => new MigrateActionsError('E_LINT_CONFIG', `Invalid lint configuration in ${file}: ${why}.`, {
        where: { file },
        remedy: 'Use { "rules": { "<rule-id>": "error" | "warning" | "notice" | "off" }, "thresholds": { "smallRows": 10000, ... }, "statementTimeoutMs": 5000 } with rule ids from docs/rules/README.md.',
    });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad('expected an object');
    const input = raw;
    const config = {};
    if (input.rules !== undefined) {
        if (!input.rules || typeof input.rules !== 'object')
            throw bad('"rules" must be an object');
        config.rules = {};
        for (const [id, value] of Object.entries(input.rules)) {
            if (!isRuleId(id))
                throw bad(`unknown rule "${id}"`);
            if (typeof value !== 'string' || !SETTINGS.has(value))
                throw bad(`rule "${id}" must be error, warning, notice or off (got ${JSON.stringify(value)})`);
            config.rules[id] = value;
        }
    }
    if (input.thresholds !== undefined) {
        const thresholds = input.thresholds;
        config.thresholds = {};
        for (const [key, value] of Object.entries(thresholds ?? {})) {
            if (!(key in DEFAULT_THRESHOLDS))
                throw bad(`unknown threshold "${key}"`);
            if (typeof value !== 'number' || value < 0)
                throw bad(`threshold "${key}" must be a non-negative number`);
            config.thresholds[key] = value;
        }
    }
    if (input.statementTimeoutMs !== undefined) {
        if (typeof input.statementTimeoutMs !== 'number' || input.statementTimeoutMs <= 0)
            throw bad('"statementTimeoutMs" must be a positive number');
        config.statementTimeoutMs = input.statementTimeoutMs;
    }
    return config;
}

;// CONCATENATED MODULE: ./src/lint/context.ts


class SchemaContext {
    defaultSchema;
    tables = new Map();
    indexes = new Map();
    constraints = new Map();
    others = new Map(); // schema:, seq:, type: → gen
    notNullProven = new Set();
    /** Tables written by DML earlier in the change set (their data may differ from the database's). */
    dmlTouched = new Set();
    /** Whether objects recorded now belong to the change set. */
    recordingNew = false;
    /** The current change set; promoting bumps it, so "new" needs no walk over every object. */
    generation = 0;
    constructor(defaultSchema) {
        this.defaultSchema = defaultSchema;
    }
    key(rangeVar) {
        return (0,lint_names/* rangeVarKey */.C5)(rangeVar, this.defaultSchema);
    }
    get gen() {
        return this.recordingNew ? this.generation : -1;
    }
    isNewTable(table) {
        return this.tables.get(table)?.gen === this.generation;
    }
    column(table, column) {
        const state = this.tables.get(table)?.columns.get(column);
        return state && { isNew: state.gen === this.generation, type: state.type, hasDefault: state.hasDefault };
    }
    isNewColumn(table, column) {
        return this.isNewTable(table) || (this.column(table, column)?.isNew ?? false);
    }
    index(key) {
        const index = this.indexes.get(key);
        return index && { table: index.table, isNew: index.gen === this.generation };
    }
    constraint(table, name) {
        const state = this.constraints.get(`${table}|${name}`);
        return state && { isNew: state.gen === this.generation, node: state.node, table };
    }
    isNewObject(kind, key) {
        return this.others.get(`${kind}:${key}`) === this.generation;
    }
    /** A valid CHECK (col IS NOT NULL) exists, so SET NOT NULL skips its scan (PostgreSQL 12+). */
    hasNotNullProof(table, column) {
        return this.notNullProven.has(`${table}|${column}`);
    }
    /** After a change set is deployed everything it created counts as existing. */
    promoteAll() {
        this.generation++;
        this.dmlTouched.clear();
    }
    /** Records what a statement creates, renames or drops. Call after the statement was linted. */
    apply(statement) {
        const create = (0,nodes/* statementOf */.T8)(statement, 'CreateStmt');
        if (create)
            this.createTable(this.key(create.relation), create.tableElts ?? []);
        const createAs = (0,nodes/* statementOf */.T8)(statement, 'CreateTableAsStmt');
        if (createAs)
            this.createTable(this.key(createAs.into?.rel), []);
        const view = (0,nodes/* statementOf */.T8)(statement, 'ViewStmt');
        if (view)
            this.createTable(this.key(view.view), []);
        const index = (0,nodes/* statementOf */.T8)(statement, 'IndexStmt');
        if (index?.idxname)
            this.indexes.set(this.qualify(index.relation, index.idxname), { table: this.key(index.relation), gen: this.gen });
        const alter = (0,nodes/* statementOf */.T8)(statement, 'AlterTableStmt');
        if (alter)
            this.alterTable(this.key(alter.relation), (0,nodes/* nodesOf */.Nh)(alter.cmds, 'AlterTableCmd'));
        const rename = (0,nodes/* statementOf */.T8)(statement, 'RenameStmt');
        if (rename)
            this.rename(rename);
        const drop = (0,nodes/* statementOf */.T8)(statement, 'DropStmt');
        if (drop)
            this.drop(drop);
        const schema = (0,nodes/* statementOf */.T8)(statement, 'CreateSchemaStmt');
        if (schema)
            this.others.set(`schema:${schema.schemaname}`, this.gen);
        const sequence = (0,nodes/* statementOf */.T8)(statement, 'CreateSeqStmt');
        if (sequence)
            this.others.set(`seq:${this.key(sequence.sequence)}`, this.gen);
        const enumType = (0,nodes/* statementOf */.T8)(statement, 'CreateEnumStmt');
        if (enumType)
            this.others.set(`type:${(0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(enumType.typeName), this.defaultSchema)}`, this.gen);
        const dml = (0,nodes/* statementOf */.T8)(statement, 'UpdateStmt') ?? (0,nodes/* statementOf */.T8)(statement, 'DeleteStmt') ?? (0,nodes/* statementOf */.T8)(statement, 'InsertStmt');
        if (dml)
            this.dmlTouched.add(this.key(dml.relation));
    }
    qualify(relation, name) {
        return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
    }
    createTable(key, elements) {
        const table = { gen: this.gen, columns: new Map() };
        this.tables.set(key, table);
        for (const def of (0,nodes/* nodesOf */.Nh)(elements, 'ColumnDef'))
            this.addColumn(table, def);
        for (const constraint of (0,nodes/* nodesOf */.Nh)(elements, 'Constraint'))
            this.addConstraint(key, constraint);
    }
    addColumn(table, def) {
        const constraints = (0,nodes/* nodesOf */.Nh)(def.constraints, 'Constraint');
        const hasDefault = constraints.some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
        table.columns.set(def.colname ?? '', { gen: this.gen, type: (0,lint_names/* typeInfo */.L7)(def.typeName), hasDefault });
    }
    addConstraint(table, constraint) {
        if (!constraint.conname)
            return;
        this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
        if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
            this.recordNotNullProof(table, constraint);
    }
    recordNotNullProof(table, constraint) {
        const test = (0,nodes/* nodeOf */.E7)(constraint.raw_expr, 'NullTest');
        if (test?.nulltesttype !== 'IS_NOT_NULL')
            return;
        const column = (0,lint_names/* nameParts */.IN)((0,nodes/* nodeOf */.E7)(test.arg, 'ColumnRef')?.fields).pop();
        if (column)
            this.notNullProven.add(`${table}|${column}`);
    }
    alterTable(key, cmds) {
        let table = this.tables.get(key);
        if (!table) {
            table = { gen: -1, columns: new Map() }; // known only from this statement: it existed before
            this.tables.set(key, table);
        }
        for (const cmd of cmds) {
            const def = (0,nodes/* nodeOf */.E7)(cmd.def, 'ColumnDef');
            const constraint = (0,nodes/* nodeOf */.E7)(cmd.def, 'Constraint');
            if (cmd.subtype === 'AT_AddColumn' && def)
                this.addColumn(table, def);
            else if (cmd.subtype === 'AT_AddConstraint' && constraint)
                this.addConstraint(key, constraint);
            else if (cmd.subtype === 'AT_DropColumn')
                table.columns.delete(cmd.name ?? '');
            else if (cmd.subtype === 'AT_AlterColumnType')
                this.retype(table, cmd.name ?? '', def);
            else if (cmd.subtype === 'AT_ValidateConstraint') {
                const known = this.constraint(key, cmd.name ?? '');
                if (known?.node.contype === 'CONSTR_CHECK')
                    this.recordNotNullProof(key, known.node);
            }
        }
    }
    retype(table, name, def) {
        const column = table.columns.get(name);
        const type = (0,lint_names/* typeInfo */.L7)(def?.typeName);
        if (column)
            column.type = type;
        else
            table.columns.set(name, { gen: -1, type, hasDefault: false });
    }
    rename(node) {
        const key = this.key(node.relation);
        const { newname = '', subname = '' } = node;
        if (node.renameType === 'OBJECT_TABLE' ||
            node.renameType === 'OBJECT_VIEW' ||
            node.renameType === 'OBJECT_MATVIEW' ||
            node.renameType === 'OBJECT_FOREIGN_TABLE') {
            const table = this.tables.get(key);
            this.tables.delete(key);
            if (table)
                this.tables.set(this.qualify(node.relation, newname), table);
        }
        else if (node.renameType === 'OBJECT_COLUMN') {
            const columns = this.tables.get(key)?.columns;
            const state = columns?.get(subname);
            if (columns && state) {
                columns.delete(subname);
                columns.set(newname, state);
            }
        }
        else if (node.renameType === 'OBJECT_INDEX') {
            const index = this.indexes.get(key);
            this.indexes.delete(key);
            if (index)
                this.indexes.set(this.qualify(node.relation, newname), index);
        }
        else if (node.renameType === 'OBJECT_SCHEMA') {
            const gen = this.others.get(`schema:${subname}`);
            if (gen !== undefined)
                this.others.set(`schema:${newname}`, gen);
        }
    }
    drop(node) {
        for (const object of node.objects ?? []) {
            const key = (0,lint_names/* partsKey */.qM)((0,lint_names/* nameParts */.IN)(object), this.defaultSchema);
            if (node.removeType === 'OBJECT_TABLE' || node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
                this.tables.delete(key);
            else if (node.removeType === 'OBJECT_INDEX')
                this.indexes.delete(key);
        }
    }
}

;// CONCATENATED MODULE: ./src/lint/detect.ts


/** Candidates for one statement (context not yet updated with the statement's own effects). */
function analyzeStatement(statement, env) {
    const out = [];
    const emit = (candidate) => out.push({ ...candidate, statement });
    const alter = (0,nodes/* statementOf */.T8)(statement, 'AlterTableStmt');
    if (alter)
        alterTable(alter, env, emit, statement);
    for (const family of FAMILIES) {
        // The statement's node is the type its kind names: the one place that is taken on trust.
        const detector = family.statements?.[statement.kind];
        detector?.(statement.node, env, emit, statement);
    }
    return out;
}
function alterTable(node, env, emit, statement) {
    if (node.objtype && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_MATVIEW')
        return;
    const table = env.ctx.key(node.relation);
    const isNewTable = env.ctx.isNewTable(table);
    const cmds = (0,nodes/* nodesOf */.Nh)(node.cmds, 'AlterTableCmd');
    for (const cmd of cmds) {
        if (!cmd.subtype)
            continue;
        const args = { cmd, table, env, emit, statement, single: cmds.length === 1 };
        for (const family of FAMILIES) {
            family.alterAnyTable?.[cmd.subtype]?.(args);
            if (!isNewTable)
                family.alterTable?.[cmd.subtype]?.(args);
        }
    }
}
/** Candidates that need the whole file (transaction blocks, backfills, lock timeouts). */
function analyzeMigration(view) {
    return FAMILIES.flatMap((family) => family.migration?.(view) ?? []);
}

;// CONCATENATED MODULE: ./src/lint/suppress.ts
/**
 * Silencing comments: `-- lint-ignore rule/id[, other/id]: reason` (or the same inside a block
 * comment) on the line above a statement, inside it, or after it on its last line.
 */

const IGNORE = /(?:--|\/\*)[ \t]*lint-ignore[ \t]+([\w/-]+(?:[ \t]*,[ \t]*[\w/-]+)*)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|$)/gm;
function parseIgnoreComments(sql, statements) {
    if (!sql.includes('lint-ignore'))
        return [];
    const comments = [];
    for (const match of sql.matchAll(IGNORE)) {
        const offset = match.index ?? 0;
        const reason = match[2]?.trim();
        comments.push({
            offset,
            ...(0,parser/* positionOf */.df)(sql, offset),
            text: match[0].trim(),
            rules: match[1].split(',').map((r) => r.trim()),
            reason: reason || undefined,
            statementIndex: statementFor(sql, statements, offset),
        });
    }
    return comments;
}
function statementFor(sql, statements, offset) {
    for (const statement of statements) {
        if (statement.end <= offset) {
            if (!sql.slice(statement.end, offset).includes('\n'))
                return statement.index; // trailing on its last line
            continue;
        }
        return statement.index;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/time-slice.ts
var time_slice = __webpack_require__(9344);
;// CONCATENATED MODULE: ./src/lint/lint.ts
/**
 * lintMigrations: walks the history (existing objects) and then the change set statement by
 * statement, collects candidate findings, runs the read-only database checks when a database
 * is given, then applies severities (default, table size, configuration) and silencing.
 */











const DEFAULT_SERVER_MAJOR = 16;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
function fromCandidate(candidate, source) {
    const { statement } = candidate;
    return {
        ruleId: candidate.ruleId,
        source,
        line: statement.line,
        column: statement.column,
        endLine: statement.endLine,
        statement: statement.text,
        statementIndex: statement.index,
        message: candidate.message,
        tables: candidate.tables.filter(Boolean),
        replacement: candidate.replacement,
        replacementFor: candidate.replacementFor,
        dataCheck: candidate.dataCheck,
    };
}
function parseOrFinding(source, serverMajor) {
    try {
        return { statements: (0,parser/* splitStatements */.Xd)(source.sql, { file: source.path, migration: source.name, serverMajor }) };
    }
    catch (error) {
        if (!(error instanceof parser/* SqlParseError */.Ix))
            throw error;
        const line = error.where?.line ?? 1;
        const lineText = source.sql.split('\n')[line - 1] ?? '';
        return {
            statements: [],
            error: {
                ruleId: 'lint/syntax-error',
                source,
                line,
                column: error.where?.column ?? 1,
                endLine: line,
                statement: lineText.trim(),
                message: error.message,
                tables: [],
            },
        };
    }
}
async function replayHistory(ctx, history, serverMajor) {
    ctx.recordingNew = false;
    // In a pull request check this runs beside the history being applied: it leaves that room.
    const slicer = (0,time_slice/* timeSlicer */.O)();
    for (const source of history) {
        await slicer.pause();
        for (const statement of parseOrFinding(source, serverMajor).statements)
            ctx.apply(statement);
    }
    ctx.recordingNew = true;
}
function lintFile(source, ctx, input, serverMajor) {
    const { statements, error } = parseOrFinding(source, serverMajor);
    const ignores = parseIgnoreComments(source.sql, statements);
    const raws = error ? [error] : [];
    raws.push(...ignoreFindings(source, ignores, rules_isRuleId));
    const engine = input.engine ?? 'builtin';
    const env = { ctx, sql: source.sql, isAscii: Buffer.byteLength(source.sql) === source.sql.length, serverMajor, engine };
    const perStatement = [];
    const existingTargets = [];
    for (const statement of statements) {
        existingTargets.push(existingTarget(statement, ctx));
        perStatement.push(analyzeStatement(statement, env));
        ctx.apply(statement);
    }
    const directives = (0,directive/* scanBatchDirectives */.Ic)(source.sql, statements, { file: source.path, migration: source.name });
    const candidates = [
        ...perStatement.flat(),
        ...analyzeMigration({ statements, perStatement, existingTargets, engine, directives, rules: RULES_BY_ID }),
    ];
    raws.push(...candidates.map((c) => fromCandidate(c, source)));
    raws.push(...longIdentifiers(source, statements));
    return { raws, file: { source, ignores }, statements: statements.length };
}
/** The table the statement writes to or alters, when it existed before the change set. */
function existingTarget(statement, ctx) {
    const relation = statement.node.relation;
    if (!relation)
        return undefined;
    const table = ctx.key(relation);
    return ctx.isNewTable(table) ? undefined : table;
}
const DATA_CHECK_NOT_RUN = 'no database was given; pass --database-url to check the data read-only';
async function resolveDataChecks(raws, db, ctx) {
    const out = [];
    for (const raw of raws) {
        if (!raw.ruleId.startsWith('data/')) {
            out.push(raw);
            continue;
        }
        const check = raw.dataCheck;
        if (!check)
            continue;
        if (!db || check.kind === 'unverifiable') {
            const why = check.kind === 'unverifiable' ? check.why : DATA_CHECK_NOT_RUN;
            out.push({ ...raw, severity: 'notice', severityReason: `not verified: ${why}`, message: `${raw.message} Not verified: ${why}.` });
            continue;
        }
        const outcome = await db.run(check);
        if (outcome.status === 'clean')
            continue;
        if (outcome.status === 'failed') {
            out.push({
                ...raw,
                severity: 'notice',
                severityReason: 'data check failed',
                message: `${raw.message} (could not check: ${outcome.detail})`,
            });
        }
        else if (ctx.dmlTouched.has(check.table)) {
            out.push({
                ...raw,
                severity: 'warning',
                severityReason: 'an earlier statement of the change set writes this table',
                message: `${raw.message} The database shows: ${outcome.detail}; a data change earlier in the change set may fix this.`,
            });
        }
        else {
            out.push({ ...raw, message: `${raw.message} The database shows: ${outcome.detail}.` });
        }
    }
    return out;
}
function sizeSeverity(stats, t) {
    if (!stats.length)
        return undefined;
    const describe = (s) => `${s.table}: ${s.rows ?? 'unknown'} rows (estimate), ${Math.round(s.bytes / 1024)} kB`;
    const reason = stats.map(describe).join('; ');
    if (stats.some((s) => (s.rows ?? 0) >= t.largeRows || s.bytes >= t.largeBytes))
        return { severity: 'error', reason: `large table (${reason})` };
    if (stats.every((s) => (s.rows ?? 0) <= t.smallRows && s.bytes <= t.smallBytes))
        return { severity: 'notice', reason: `small table (${reason})` };
    return { severity: 'warning', reason: `medium table (${reason})` };
}
function finalize(raw, input, stats, thresholds) {
    const rule = ruleOrThrow(raw.ruleId);
    const configured = input.config?.rules?.[rule.id];
    if (configured === 'off')
        return undefined;
    let severity = raw.severity ?? rule.severity;
    let severityReason = raw.severityReason;
    if (configured) {
        severity = configured;
        severityReason = 'set by the lint configuration';
    }
    else if (rule.scalable && !raw.severity) {
        const scaled = sizeSeverity(raw.tables.map((t) => stats.get(t)).filter((s) => !!s), thresholds);
        if (scaled)
            ({ severity, reason: severityReason } = scaled);
    }
    return {
        ruleId: rule.id,
        title: rule.title,
        severity,
        migration: raw.source.name,
        file: raw.source.path,
        line: raw.line,
        column: raw.column,
        endLine: raw.endLine,
        statement: raw.statement,
        lock: rule.lock,
        blockedTables: rule.lock ? [...new Set(raw.tables)] : [],
        message: raw.message,
        fix: rule.safe,
        replacement: raw.replacementFor?.(raw.tables.map((t) => stats.get(t)).filter((s) => !!s)) ?? raw.replacement,
        severityReason,
    };
}
function silencedBy(raw, files) {
    if (raw.statementIndex === undefined)
        return undefined;
    return files.get(raw.source)?.ignores.find((c) => c.reason && c.statementIndex === raw.statementIndex && c.rules.includes(raw.ruleId));
}
/** Lints the change set; see LintInput for the context it takes into account. */
async function lintMigrations(input) {
    await (0,parser/* loadParser */.qd)();
    const serverMajor = input.serverMajor ?? DEFAULT_SERVER_MAJOR;
    const ctx = new SchemaContext(input.defaultSchema ?? input.database?.schema ?? 'public');
    await replayHistory(ctx, input.existing ?? [], serverMajor);
    let raws = [];
    const files = new Map();
    let statementsLinted = 0;
    const slicer = (0,time_slice/* timeSlicer */.O)();
    for (const source of input.migrations) {
        await slicer.pause();
        const linted = lintFile(source, ctx, input, serverMajor);
        raws.push(...linted.raws);
        files.set(source, linted.file);
        statementsLinted += linted.statements;
        if (input.changeSet === 'each')
            ctx.promoteAll();
    }
    const thresholds = { ...DEFAULT_THRESHOLDS, ...input.config?.thresholds };
    // The driver is loaded only when there is a database to ask.
    const db = input.database
        ? await (await __webpack_require__.e(/* import() */ 528).then(__webpack_require__.bind(__webpack_require__, 6528))).openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
        : undefined;
    let tableStats = [];
    try {
        raws = await resolveDataChecks(raws, db, ctx);
        if (db) {
            input.log?.(`lint: reading sizes of ${new Set(raws.flatMap((r) => r.tables)).size} tables (read-only)`);
            tableStats = await db.tableStats([...new Set(raws.flatMap((r) => r.tables))]);
        }
    }
    finally {
        await db?.close();
    }
    const stats = new Map(tableStats.map((s) => [s.table, s]));
    const result = {
        findings: [],
        silenced: [],
        summary: { error: 0, warning: 0, notice: 0 },
        migrationsLinted: input.migrations.length,
        statementsLinted,
        engine: input.engine ?? 'builtin',
        tableStats,
    };
    const order = new Map(input.migrations.map((m, i) => [m, i]));
    raws.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) ||
        a.line - b.line ||
        a.column - b.column ||
        ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
    for (const raw of raws) {
        const finding = finalize(raw, input, stats, thresholds);
        if (!finding)
            continue;
        const ignore = silencedBy(raw, files);
        if (ignore)
            result.silenced.push({ ...finding, reason: (0,redact/* redact */.E$)(ignore.reason ?? '') });
        else {
            result.findings.push(finding);
            result.summary[finding.severity]++;
        }
    }
    return (0,redact/* redactDeep */.KL)(result);
}

;// CONCATENATED MODULE: ./src/lint/output.ts

/** 1 when an error-severity finding remains (silenced ones do not count), else 0. */
function lintExitCode(result) {
    return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function sarifResult(finding, ruleIndex, suppression) {
    const result = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: SARIF_LEVEL[finding.severity],
        message: { text: `${finding.title}: ${finding.message} Fix: ${finding.fix}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                    region: { startLine: finding.line, startColumn: finding.column, endLine: Math.max(finding.endLine, finding.line) },
                },
            },
        ],
        properties: { migration: finding.migration, lock: finding.lock, blockedTables: finding.blockedTables, severity: finding.severity },
    };
    if (finding.replacement) {
        result.fixes = [
            {
                description: { text: finding.fix },
                artifactChanges: [
                    {
                        artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                        replacements: [
                            {
                                deletedRegion: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine },
                                insertedContent: { text: finding.replacement },
                            },
                        ],
                    },
                ],
            },
        ];
    }
    if (suppression !== undefined)
        result.suppressions = [{ kind: 'inSource', justification: suppression }];
    return result;
}
/** SARIF 2.1.0 log (GitHub code scanning accepts it); silenced findings carry in-source suppressions. */
function toSarif(result, options = {}) {
    const used = [...new Set([...result.findings, ...result.silenced].map((f) => f.ruleId))];
    const ruleIndex = new Map(used.map((id, i) => [id, i]));
    const rules = used.map((id) => {
        const rule = ruleById(id) ?? RULES[0];
        const helpUri = ruleDocUrl(id, options.docsBaseUrl);
        return {
            id,
            name: id.replace(/[/-](\w)/g, (_m, c) => c.toUpperCase()),
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.flags },
            help: { text: `${rule.safe} See ${helpUri}`, markdown: `${rule.safe} [${rule.title}](${helpUri})` },
            helpUri,
            defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'prisma-migrate-actions lint',
                        version: options.toolVersion ?? '0.1.0',
                        informationUri: 'https://github.com/prisma-migrate-actions/prisma-migrate-actions',
                        rules,
                    },
                },
                results: [
                    ...result.findings.map((f) => sarifResult(f, ruleIndex)),
                    ...result.silenced.map((s) => sarifResult(s, ruleIndex, s.reason)),
                ],
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/lint/files.ts
/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */




// Synchronous on purpose, as the engine's reader: thousands of small files read faster one by one.
function readSource(file, name) {
    try {
        return { name, path: file, sql: fs.readFileSync(file, 'utf8') };
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_INPUT', `Cannot read ${file}: ${error.message}`, {
            where: { file },
            remedy: 'Check the path and its permissions.',
        });
    }
}
/** Migrations of a directory in the order Prisma applies them (folder names, localeCompare). */
async function readLintDir(dir) {
    await refusePrisma8Layout(path.resolve(dir));
    let entries;
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${error.message}`, {
            where: { file: dir },
            remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
        });
    }
    const folders = new Set(entries.filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(dir, e.name)))).map((e) => e.name));
    return sortMigrationNames(entries.map((e) => e.name))
        .map((entry) => readEntry(dir, entry, folders.has(entry)))
        .filter((source) => source !== undefined);
}
const isDirectory = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
/** A folder's migration.sql or a .sql file; undefined for anything else. */
function readEntry(dir, entry, folder) {
    const full = path.join(dir, entry);
    if (folder) {
        const sqlPath = path.join(full, 'migration.sql');
        return fs.statSync(sqlPath, { throwIfNoEntry: false })?.isFile() ? readSource(sqlPath, entry) : undefined;
    }
    return entry.endsWith('.sql') ? readSource(full, entry.slice(0, -4)) : undefined;
}
/** Named SQL files; a migration.sql is named after its folder. */
async function readLintFiles(files) {
    return files.map((file) => {
        const base = path.basename(file);
        return readSource(file, base === 'migration.sql' ? path.basename(path.dirname(file)) : base.replace(/\.sql$/, ''));
    });
}

;// CONCATENATED MODULE: ./src/lint/docs.ts

function sqlBlock(sql) {
    return ['```sql', sql.trim(), '```'].join('\n');
}
function sqlBlocks(label, examples) {
    return examples.length ? [label, '', ...examples.flatMap((sql) => [sqlBlock(sql), ''])] : [];
}
function renderRuleDoc(rule) {
    const { example } = rule;
    const parts = [
        `# ${rule.title}`,
        '',
        `Rule \`${rule.id}\` — default severity: \`${rule.severity}\`${rule.lock ? ` · lock: \`${rule.lock}\`` : ''}`,
        '',
        '## What it flags',
        '',
        rule.flags,
        '',
        rule.scope === 'existing'
            ? 'Only raised for objects that existed before the change set: tables, columns and indexes created earlier in the same migration, or in another migration of the same pull request, are new and empty, so no finding.'
            : 'Raised wherever it occurs, also on objects the change set creates.',
        '',
        '## Lock',
        '',
        rule.lock
            ? `\`${rule.lock}\`${rule.scalable ? ' — with `--database-url`, severity follows the table size: a small table is a notice, a large one an error.' : ''}`
            : 'No table lock of its own.',
        '',
        '## What it blocks',
        '',
        rule.blocks,
        '',
        '## The safe way',
        '',
        rule.safe,
        '',
        ...(example.existing ? ['Given an existing schema:', '', sqlBlock(example.existing), ''] : []),
        ...(example.engine === 'prisma' ? ['Applied with the Prisma CLI (`engine: prisma`).', ''] : []),
        ...sqlBlocks('Flagged:', example.bad),
        ...sqlBlocks('Not flagged:', example.good),
        '## In a Prisma migration',
        '',
        rule.prisma,
        '',
        '## Silencing',
        '',
        'On or above the statement, with a reason:',
        '',
        sqlBlock(`-- lint-ignore ${rule.id}: <why this is safe here>`),
        '',
        `Or change its severity / turn it off in \`.migration-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`,
        '',
    ];
    return parts.join('\n');
}
function renderRulesIndex() {
    const lines = [
        '# Migration lint rules',
        '',
        'Every rule of `prisma-migrate-actions lint`, with its default severity and the lock it takes.',
        'Lock hazards are raised only for objects that existed before the change set; given',
        '`--database-url` (read-only), severities follow table sizes and the data is checked.',
        '',
        'Silence one statement with `-- lint-ignore <rule-id>: <reason>` on or above it; change severities',
        'or turn rules off in `.migration-lint.json` (or `"migrationLint"` in package.json):',
        '',
        '```json',
        '{ "rules": { "types/prefer-timestamptz": "off", "lock/drop-index-non-concurrent": "error" },',
        '  "thresholds": { "smallRows": 10000, "smallBytes": 10485760, "largeRows": 1000000, "largeBytes": 1073741824 },',
        '  "statementTimeoutMs": 5000 }',
        '```',
        '',
        '| rule | severity | lock | what it flags |',
        '| --- | --- | --- | --- |',
    ];
    for (const rule of RULES)
        lines.push(`| [${rule.id}](${ruleDocFile(rule.id)}) | ${rule.severity} | ${rule.lock ?? '—'} | ${rule.title} |`);
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/lint/index.ts
/** The migration linter's public API. */







// EXTERNAL MODULE: ./src/migrations/locks.ts
var locks = __webpack_require__(4425);
;// CONCATENATED MODULE: ./src/deploy/lock.ts




/** pg_advisory_lock(int, int): Prisma's key as the namespace, 1 for "deploy". */
const LOCK_KEYS = [locks/* PRISMA_ADVISORY_LOCK_KEY */.bh, 1];
const DEPLOY_APPLICATION_NAME = 'prisma-migrate-actions-deploy';
/** Takes the deploy lock or throws E_DEPLOY_RUNNING; `runId` names this deploy to the others. */
async function acquireDeployLock(settings, runId, session = {}) {
    // Long-lived (openClient): the session holds the advisory lock until the deploy releases it;
    // a lost lock session ends with the deploy.
    const client = await (0,postgres_client/* openClient */.My)(settings, { ...session, applicationName: `${DEPLOY_APPLICATION_NAME} ${runId}` });
    try {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS locked', LOCK_KEYS);
        if (!rows[0].locked)
            throw busy(settings, await holders(client));
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
    return {
        async release() {
            // Ending the session releases the lock even if the unlock itself fails.
            await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK_KEYS).catch(() => undefined);
            await client.end().catch(() => undefined);
        },
    };
}
async function holders(client) {
    const { rows } = await client.query(`SELECT a.pid, a.application_name, a.usename, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, LOCK_KEYS);
    return rows;
}
function busy(settings, found) {
    const who = found.length
        ? found
            .map((h) => `pid ${h.pid} (${h.application_name || 'no application_name'}, user ${h.usename}, since ${h.backend_start.toISOString()})`)
            .join('; ')
        : 'a session that has just ended';
    return new errors/* MigrateActionsError */.nj('E_DEPLOY_RUNNING', (0,redact/* redact */.E$)(`Another deploy is running on ${settings.maskedUrl}: ${who}. This one was refused before changing anything.`), {
        remedy: 'Wait for it to finish and run this deploy again (it will apply whatever is still pending). In GitHub, give the deploy job a concurrency group per environment with cancel-in-progress: false.',
    });
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
;// CONCATENATED MODULE: ./src/deploy/preflight.ts
/**
 * The preflight: read the migrations, take the deploy lock, connect read-only and read the
 * server, the role and the history; refuse on failed migrations or (by policy) drift; lint the
 * pending migrations against this database and plan their locks. Changes nothing.
 */












/** Returns false when nothing is pending (a successful no-op). */
async function preflight(run) {
    const { settings, audit } = run;
    return run.step('Preflight', async (step) => {
        const items = [];
        run.local = (await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir)).migrations;
        if (!settings.dryRun)
            await takeDeployLock(run);
        const { rows, resumable } = await (0,postgres_client/* withClient */.SV)(settings.connection, deploySession('prisma-migrate-actions-preflight', { readOnly: true, statementTimeoutMs: 30_000 }), async (client) => {
            const { version, superuser, owner, role } = await roleFacts(client);
            audit.serverVersion = version;
            items.push(`Connected to ${settings.connection.maskedUrl} (PostgreSQL ${version}) as ${role}.`);
            if (superuser || owner) {
                const warning = `The role ${role} is ${superuser ? 'a superuser' : 'the database owner'}: a migration that goes wrong can then change anything in this database. Deploy with a dedicated migration role that has only the privileges the migrations need.`;
                audit.warnings.push(warning);
                items.push(`⚠ ${warning}`);
                step.status = 'warn';
            }
            audit.databaseSizeBefore = await databaseSize(client);
            const applied = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.connection.schema);
            const resumable = applied ? await (0,resume/* resumableRuns */.F)(client, applied, run.local) : [];
            return { rows: applied, resumable };
        });
        for (const r of resumable)
            items.push(`${r.row.migrationName} stopped mid-way through a batched statement (${(0,checkpoint/* describeProgress */.vk)(r.running, format/* formatCount */.B4)}); this deploy resumes it.`);
        const history = (0,migrations_history/* compareHistory */.wr)(run.local, rows);
        const blocking = history.failed.filter((row) => !resumable.some((r) => r.row.id === row.id));
        if (blocking.length) {
            for (const row of blocking) {
                run.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${row.migrationName}   # after undoing what it applied`);
                run.manualCommands.push(`prisma-migrate-actions resolve --applied ${row.migrationName}       # after finishing it by hand`);
            }
            throw new Stop('refused', new errors/* MigrateActionsError */.nj('P3009', `Failed migrations block this deploy: ${blocking.map((r) => `${r.migrationName} (started ${r.startedAt.toISOString()})`).join(', ')}.`, { remedy: `Resolve them first: ${run.manualCommands.join(' | ')} (or npx prisma migrate resolve …).` }));
        }
        if (history.edited.length) {
            const warning = `Applied migrations edited since: ${history.edited.map((e) => e.migration.name).join(', ')} (their checksums differ).`;
            audit.warnings.push(warning);
            items.push(`⚠ ${warning}`);
        }
        run.pending = [...resumable.map((r) => r.migration), ...history.pending]; // resumed first, as apply runs them
        audit.migrations = run.pending.map((m) => ({ name: m.name, checksum: m.checksum, status: 'pending' }));
        items.push(run.pending.length
            ? `${run.pending.length} pending: ${run.pending.map((m) => m.name).join(', ')}.`
            : 'Nothing pending: the database is up to date.');
        if (!run.pending.length) {
            step.items = items;
            return false;
        }
        await checkDrift(run, items, step);
        const appliedNames = new Set((rows ?? []).filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.migrationName));
        run.appliedBefore = run.local.filter((m) => appliedNames.has(m.name));
        const toSource = (m) => ({ name: m.name, path: m.sqlPath, sql: m.sql });
        run.lint = await lintMigrations({
            migrations: run.pending.map(toSource),
            existing: run.local.filter((m) => appliedNames.has(m.name)).map(toSource),
            engine: settings.engine,
            database: settings.connection,
            log: run.log,
        });
        const s = run.lint.summary;
        items.push(`Lint with this database's table sizes and data: ${(0,format/* severityCounts */.ur)(s)}.`);
        if (s.error && step.status === 'pass')
            step.status = 'warn';
        run.plan = (await (0,migrations_plan/* planMigrations */.n6)({ connection: settings.connection, migrations: run.local })).migrations;
        step.items = items;
        return true;
    });
}
/** One deploy at a time per database; a second one is refused before it changes anything. */
async function takeDeployLock(run) {
    try {
        run.deployLock = await acquireDeployLock(run.settings.connection, run.audit.id.slice(0, 8), { connectRemedy: DEPLOY_CONNECT_REMEDY });
    }
    catch (error) {
        if (error instanceof errors/* MigrateActionsError */.nj && error.code !== 'E_CONNECT')
            throw new Stop('refused', error);
        throw error;
    }
}
async function checkDrift(run, items, step) {
    const { settings } = run;
    if (settings.driftPolicy === 'ignore' || !run.deps.drift) {
        items.push(settings.driftPolicy === 'ignore' ? 'Drift check skipped (drift-policy: ignore).' : 'Drift check not available.');
        return;
    }
    const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
    if (!drift.drift) {
        items.push('No drift: the database matches its migration history.');
        return;
    }
    items.push(`Drift: ${(0,format/* plural */.LS)(drift.count, 'object')} ${drift.count === 1 ? 'differs' : 'differ'} from the migration history.`, ...drift.lines.slice(0, 20));
    if (settings.driftPolicy === 'fail') {
        step.items = items;
        throw new Stop('refused', new errors/* MigrateActionsError */.nj('E_DRIFT', `The database drifted from its migration history (${(0,format/* plural */.LS)(drift.count, 'object')}); nothing was changed.`, {
            remedy: 'Run drift-check for the reconcile SQL, fix the database or record the change in a migration, then deploy again (or set drift-policy: warn).',
        }));
    }
    run.audit.warnings.push(`Drift present: ${(0,format/* plural */.LS)(drift.count, 'object')}.`);
    step.status = 'warn';
}

// EXTERNAL MODULE: ./src/migrations/apply.ts + 4 modules
var apply = __webpack_require__(2147);
// EXTERNAL MODULE: ./src/backup/index.ts + 14 modules
var src_backup = __webpack_require__(7319);
;// CONCATENATED MODULE: ./src/deploy/monitor.ts


const SAMPLE_SQL = `
  SELECT a.pid, coalesce(a.application_name, '') AS app, a.query,
         (extract(epoch FROM clock_timestamp() - coalesce(a.state_change, a.query_start)) * 1000)::bigint AS waited_ms,
         pg_blocking_pids(a.pid) AS blocked_by,
         (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections
    FROM pg_stat_activity a
   WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
   UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())`;
/**
 * One session's wait across samples: the longest wait, and every blocker seen. A sample taken
 * just as the blocker lets go still shows the session waiting but with no blocker left, so a
 * later sample must not erase the blockers an earlier one saw.
 */
function mergeLockWait(known, seen) {
    if (!known)
        return seen;
    const blockedBy = [...new Set([...known.blockedBy, ...seen.blockedBy])];
    const longer = seen.waitedMs > known.waitedMs ? seen : known;
    return { ...longer, blockedBy };
}
class LockMonitor {
    settings;
    intervalMs;
    log;
    client;
    timer;
    busy = false;
    waits = new Map();
    samples = 0;
    maxConnections = 0;
    constructor(settings, intervalMs = 250, log) {
        this.settings = settings;
        this.intervalMs = intervalMs;
        this.log = log;
    }
    async start() {
        // Long-lived (openClient): one session samples pg_locks for the whole apply.
        this.client = await (0,postgres_client/* openClient */.My)(this.settings, {
            applicationName: 'prisma-migrate-actions-monitor',
            readOnly: true,
            statementTimeoutMs: 5000,
        });
        this.timer = setInterval(() => void this.sample(), this.intervalMs);
        await this.sample();
    }
    async sample() {
        if (this.busy || !this.client)
            return;
        this.busy = true;
        try {
            const { rows } = await this.client.query(SAMPLE_SQL);
            this.samples++;
            for (const row of rows) {
                this.maxConnections = Math.max(this.maxConnections, Number(row.connections));
                if (row.pid === null)
                    continue;
                const wait = {
                    pid: row.pid,
                    applicationName: row.app,
                    waitedMs: Number(row.waited_ms),
                    blockedBy: row.blocked_by ?? [],
                    query: (0,redact/* redact */.E$)(String(row.query ?? '')).slice(0, 200),
                };
                const known = this.waits.get(wait.pid);
                if (!known)
                    this.log?.(`lock wait: pid ${wait.pid} (${wait.applicationName || 'no name'}) blocked by ${wait.blockedBy.join(', ') || '?'}: ${wait.query}`);
                this.waits.set(wait.pid, mergeLockWait(known, wait));
            }
        }
        catch {
            /* a sample lost to a restart or timeout is not a deploy failure */
        }
        finally {
            this.busy = false;
        }
    }
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        await this.sample();
        await this.client?.end().catch(() => undefined);
        const lockWaits = [...this.waits.values()].sort((a, b) => b.waitedMs - a.waitedMs);
        return { samples: this.samples, maxConnections: this.maxConnections, lockWaits, longestWaitMs: lockWaits[0]?.waitedMs ?? 0 };
    }
}

// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/deploy/rollback.ts


const withClient = (settings, body) => (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-restore' }, body);
/** The catalog of every user schema (the suite's own bookkeeping excluded). */
function catalogOf(settings) {
    return withClient(settings, (client) => (0,catalog/* snapshotSchema */.ap)(client));
}
/**
 * Drops, in one transaction, the objects present now that were absent before the deploy.
 * Returns the statements it ran; objects without a safe automatic drop are left for the
 * comparison after the restore to report.
 */
async function dropObjectsCreatedSince(settings, before) {
    return withClient(settings, async (client) => {
        const now = await (0,catalog/* snapshotSchema */.ap)(client);
        const diff = (0,catalog/* diffSnapshots */.V1)(before, now);
        const created = { ...diff, differences: diff.differences.filter((d) => d.change === 'unexpected') };
        const statements = (0,catalog/* reconcileSql */.lC)(created, before, now)
            .filter((step) => !step.manual)
            .map((step) => step.sql);
        if (!statements.length)
            return [];
        await client.query('BEGIN');
        try {
            for (const sql of statements)
                await client.query(sql);
            await client.query('COMMIT');
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        return statements;
    });
}
/** What differs between the catalog now and before the deploy, one line per object. */
async function catalogChangesSince(settings, before) {
    const now = await catalogOf(settings);
    return (0,catalog/* diffSnapshots */.V1)(before, now).differences.map((d) => `${d.change} ${d.objectType} ${d.identity}${d.detail ? `: ${d.detail}` : ''}`);
}

;// CONCATENATED MODULE: ./src/deploy/apply-step.ts
/**
 * Backup, then apply under the lock monitor: the pre-migration backup (or the explicit skip),
 * the catalog kept for the restore policy, the apply with timeouts and retries, and what the
 * audit record says about each pending migration however the apply ends.
 */










async function takeBackup(run) {
    const { settings, audit } = run;
    await run.step('Backup', async (step) => {
        if (settings.skipBackup) {
            step.status = 'warn';
            step.detail = 'Skipped (skip-backup: true). There is no pre-migration backup to restore.';
            audit.warnings.push('Deployed without a pre-migration backup (skip-backup).');
            return;
        }
        try {
            run.backup = await (0,src_backup.createBackup)({
                connection: settings.connection,
                outputDir: settings.backupDir,
                s3: settings.backupS3,
                prefix: `${settings.connection.database.replace(/[^A-Za-z0-9_-]/g, '_')}_predeploy`,
                encryption: settings.backupEncryption,
                verify: settings.backupVerify ?? 'list',
                gitCommit: settings.commit,
                log: run.log,
            });
        }
        catch (error) {
            throw new Stop('failed', new errors/* MigrateActionsError */.nj('E_BACKUP_FAILED', `The pre-migration backup failed, so nothing was applied: ${(0,errors/* describeError */.Uc)(error)}`, {
                remedy: 'Fix the backup (disk space, pg_dump version, permissions) and deploy again; skip-backup: true deploys without one, deliberately.',
            }));
        }
        if (settings.onFailure === 'restore') {
            run.catalogBefore = await catalogOf(settings.connection).catch((error) => {
                audit.warnings.push(`The catalog before the deploy could not be read (the restore path cannot compare): ${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}`);
                return undefined;
            });
        }
        const b = run.backup;
        audit.backup = { path: b.backupPath, sha256: b.sha256, sizeBytes: b.sizeBytes, manifestPath: b.manifestPath };
        step.detail = `${b.backupPath} (${b.sizeBytes} bytes, SHA-256 ${b.sha256}).`;
    });
}
/** Applies the pending migrations; returns the error they failed with, or undefined. */
async function applyMonitored(run) {
    const { settings } = run;
    const monitor = new LockMonitor(settings.connection, 250, run.log);
    let failure;
    await run
        .step('Apply', async (step) => {
        await monitor.start().catch(() => undefined);
        try {
            const result = await (0,apply/* applyMigrations */.K)({
                connection: settings.connection,
                migrations: run.local,
                engine: settings.engine,
                lockTimeoutMs: settings.lockTimeoutMs,
                statementTimeoutMs: settings.statementTimeoutMs,
                retries: settings.retries,
                takeOverStaleLock: settings.takeOverStaleLock,
                strictFailures: settings.strictFailures,
                log: run.log,
            });
            if (result.staleLockTakeOver) {
                const { pid, applicationName, idleMs } = result.staleLockTakeOver;
                run.audit.staleLockTakeOver = result.staleLockTakeOver;
                run.audit.warnings.push(`Ended pid ${pid} (${applicationName}, idle for ${(0,format/* formatDuration */.a3)(idleMs)}), a stale holder of the migration lock (take-over-stale-lock).`);
            }
            run.applied = result.applied;
            step.detail = `${(0,format/* plural */.LS)(result.applied.length, 'migration')} applied in ${(0,format/* formatDuration */.a3)(result.durationMs)}.`;
            step.items = result.applied.map((m) => `${m.name}: ${(0,format/* formatDuration */.a3)(m.durationMs)}, ${(0,format/* plural */.LS)(m.statements, 'statement')}, ${(0,format/* plural */.LS)(m.retries, 'retry')}, ${m.mode}`);
        }
        catch (error) {
            failure = error;
            run.applied = await appliedBeforeFailure(run, error);
            throw error;
        }
        finally {
            run.monitor = await monitor.stop();
            run.audit.lockWaits = run.monitor.lockWaits.map((w) => ({
                pid: w.pid,
                waitedMs: w.waitedMs,
                blockedBy: w.blockedBy,
                applicationName: w.applicationName,
            }));
            markMigrations(run, failure);
        }
    })
        .catch(() => undefined);
    return failure;
}
/**
 * The migrations this run completed before one failed (the engine names them); durations
 * come from their _prisma_migrations rows.
 */
async function appliedBeforeFailure(run, failure) {
    const names = failure instanceof errors/* MigrateActionsError */.nj ? (failure.details?.appliedBefore ?? []) : [];
    if (!names.length)
        return [];
    const { connection } = run.settings;
    const rows = await (0,postgres_client/* withClient */.SV)(connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), (client) => (0,migrations_history/* readAppliedRows */.f0)(client, connection.schema)).catch(() => null);
    return names.map((name) => {
        const row = rows?.find((r) => r.migrationName === name && r.finishedAt && !r.rolledBackAt);
        const plan = run.plan?.find((m) => m.name === name);
        return {
            name,
            mode: plan?.mode ?? 'atomic',
            durationMs: row?.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
            statements: plan?.statements.length ?? 0,
            retries: 0,
        };
    });
}
function markMigrations(run, failure) {
    const applied = new Map(run.applied.map((m) => [m.name, m]));
    const failedName = failure instanceof errors/* MigrateActionsError */.nj ? failure.details?.migration : undefined;
    run.audit.migrations = run.pending.map((m) => {
        const done = applied.get(m.name);
        return {
            name: m.name,
            checksum: m.checksum,
            durationMs: done ? Math.round(done.durationMs) : undefined,
            retries: done?.retries,
            status: done ? 'applied' : m.name === failedName ? 'failed' : 'pending',
        };
    });
}

// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
;// CONCATENATED MODULE: ./src/migrations/status.ts






async function migrationStatus(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    // The folders are read while the session connects and the target check runs on it.
    const [client, local] = await (0,session/* connectWhileChecking */.C9)(settings, 'prisma-migrate-actions status', options.targetCheck, options.migrations ?? (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations').then((d) => d.migrations));
    let rows;
    let progress = [];
    try {
        rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema);
        const comparison = (0,migrations_history/* compareHistory */.wr)(local, rows);
        progress = await (0,checkpoint/* readProgress */.gQ)(client, comparison.failed.map((r) => r.id));
    }
    finally {
        (0,postgres_client/* endWithoutWaiting */.zl)(client);
    }
    return statusOf(settings.schema, local, (0,migrations_history/* compareHistory */.wr)(local, rows), progress);
}
function statusOf(schema, local, comparison, progress = []) {
    const batching = comparison.failed.flatMap((row) => {
        const running = progress.find((p) => p.migrationId === row.id && p.state === 'running');
        return running ? [{ migration: row.migrationName, progress: running, text: (0,checkpoint/* describeProgress */.vk)(running, format/* formatCount */.B4) }] : [];
    });
    const prismaFails = comparison.pending.length > 0 || comparison.diverged || comparison.failed.length > 0 || (comparison.tableMissing && local.length > 0);
    const ignored = comparison.edited.length > 0 || comparison.missingLocally.length > 0;
    return {
        ...comparison,
        schema,
        localMigrations: local.map((m) => m.name),
        upToDate: !prismaFails,
        exitCode: prismaFails ? 1 : 0,
        strictExitCode: prismaFails || ignored ? 1 : 0,
        prismaIgnores: {
            edited: comparison.edited.map((e) => e.migration.name),
            missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        },
        batching,
        lines: describeComparison(comparison, batching),
    };
}
function describeComparison(c, batching) {
    const lines = [];
    const resumable = new Set(batching.map((b) => b.migration));
    const list = (title, names) => {
        if (names.length)
            lines.push(`${title}: ${names.join(', ')}`);
    };
    if (c.tableMissing)
        lines.push('_prisma_migrations does not exist: no migration has been applied.');
    for (const b of batching)
        lines.push(`${b.migration}: ${b.text}; the next apply resumes it after its last committed batch`);
    list('Failed (blocks deploys until resolved)', c.failed.filter((r) => !resumable.has(r.migrationName)).map((r) => r.migrationName));
    if (c.diverged)
        lines.push(`The local history and the database's differ${c.lastCommon ? ` (last common migration: ${c.lastCommon})` : ''}.`);
    list('Pending', c.pending.map((m) => m.name));
    list('Edited after being applied (checksum differs; Prisma status does not say)', c.edited.map((e) => e.migration.name));
    list('Applied but missing locally (Prisma status does not say)', c.missingLocally.map((r) => r.migrationName));
    list('Rolled back', c.rolledBack.map((r) => r.migrationName));
    if (!lines.length)
        lines.push('Database schema is up to date.');
    return lines;
}

;// CONCATENATED MODULE: ./src/deploy/verify.ts
/** Post-deploy verification: status, drift, smoke SQL in a read-only transaction and an HTTP health check. */








/** Runs each statement of the file read-only; the first failure is a typed error with its line. */
async function runSmokeSql(settings, file, timeoutMs = 30_000) {
    let sql;
    try {
        sql = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_SMOKE_FILE', `Cannot read the smoke SQL file ${file}: ${error.message}`, {
            remedy: 'Check the smoke-sql path.',
        });
    }
    await (0,parser/* loadParser */.qd)();
    const statements = (0,parser/* splitStatements */.Xd)(sql, { file });
    return (0,postgres_client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions-verify', readOnly: true, statementTimeoutMs: timeoutMs }, async (client) => {
        await client.query('BEGIN READ ONLY');
        for (const statement of statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                throw new errors/* MigrateActionsError */.nj('E_SMOKE_SQL', `Smoke query failed: ${(0,parser/* summarizeStatement */.pp)(statement.text)} — ${(0,redact/* redact */.E$)(error.message)}`, {
                    where: { file, line: statement.line, column: statement.column },
                    remedy: 'The migration is applied; check whether the application still works, and fix forward or restore the backup.',
                });
            }
        }
        await client.query('ROLLBACK');
        return statements.length;
    });
}
/** GET the URL until it answers 2xx, up to `attempts` times. */
async function checkHealth(url, attempts = 5, delayMs = 2000) {
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
            if (response.ok)
                return { status: response.status, attempts: attempt };
            last = `HTTP ${response.status}`;
        }
        catch (error) {
            last = error.message;
        }
        if (attempt < attempts)
            await new Promise((r) => setTimeout(r, delayMs));
    }
    throw new errors/* MigrateActionsError */.nj('E_HEALTH_CHECK', `The health check ${(0,redact/* redact */.E$)(url)} did not answer 2xx after ${attempts} attempts (last: ${(0,redact/* redact */.E$)(last)}).`, {
        remedy: 'The migration is applied; check the application, then fix forward or restore the pre-migration backup.',
    });
}
/** The Verify step: up to date, drift (by policy), smoke SQL, health check. A failure fails the deploy. */
async function verifyDeploy(run) {
    const { settings } = run;
    await run
        .step('Verify', async (step) => {
        const items = [];
        const status = await migrationStatus({ connection: settings.connection, migrations: run.local });
        if (!status.upToDate)
            throw new errors/* MigrateActionsError */.nj('E_VERIFY', `After the deploy the database is not up to date: ${status.lines.join('; ')}`, {
                remedy: 'Run status and resolve what it reports.',
            });
        items.push('Status: up to date.');
        if (run.deps.drift && settings.driftPolicy !== 'ignore') {
            const drift = await run.deps.drift(settings.connection, settings.migrationsDir, run.log);
            items.push(drift.drift ? `Drift after deploy: ${(0,format/* plural */.LS)(drift.count, 'object')}.` : 'No drift after deploy.');
            if (drift.drift)
                step.status = 'warn';
        }
        if (settings.smokeSqlFile)
            items.push(`Smoke SQL: ${await runSmokeSql(settings.connection, settings.smokeSqlFile)} read-only queries succeeded.`);
        if (settings.healthCheckUrl) {
            const health = await checkHealth(settings.healthCheckUrl, settings.healthCheckAttempts ?? 5);
            items.push(`Health check: HTTP ${health.status} after ${(0,format/* plural */.LS)(health.attempts, 'attempt')}.`);
        }
        step.items = items;
    })
        .catch((error) => {
        run.recordError(error);
        throw new Stop('failed');
    });
}

;// CONCATENATED MODULE: ./src/rehearsal/types.ts
/** Lock modes from weakest to strongest (the order of PostgreSQL's conflict table). */
const LOCK_MODES = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];
/** Rank of a mode (`ACCESS EXCLUSIVE (new table)` counts as ACCESS EXCLUSIVE); -1 for none/unknown. */
function lockRank(mode) {
    const base = mode.replace(/\s*\(.*\)$/, '').toUpperCase();
    return LOCK_MODES.indexOf(base);
}
/** pg_locks' `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
function lockModeName(pgMode) {
    return pgMode
        .replace(/Lock$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
}
/** Modes that make an application's INSERT/UPDATE/DELETE wait (conflict with ROW EXCLUSIVE). */
function blocksWrites(mode) {
    return lockRank(mode) >= lockRank('SHARE');
}

// EXTERNAL MODULE: ./src/rehearsal/phrases.ts
var phrases = __webpack_require__(1553);
;// CONCATENATED MODULE: ./src/rehearsal/findings.ts




const REHEARSAL_RULE = 'rehearsal';


const unqualified = (name) => name.replace(/"/g, '').split('.').at(-1);
/** The predicted mode on a table (unqualified match), or undefined when the SQL names no lock there. */
function predictedMode(statement, relation) {
    const table = unqualified(relation);
    const modes = statement.predicted.filter((l) => l.on.some((on) => unqualified(on) === table)).map((l) => l.mode);
    return modes.sort((a, b) => lockRank(b) - lockRank(a))[0];
}
function observationFindings(statements, options) {
    const findings = [];
    for (const s of statements) {
        const where = { file: options.fileOf(s.migration), line: s.line, endLine: s.endLine };
        const what = (0,parser/* summarizeStatement */.pp)(s.sql, 80);
        for (const lock of s.locks) {
            if (!options.existing.has(lock.relation))
                continue;
            const predicted = predictedMode(s, lock.relation);
            if (lockRank(lock.mode) > lockRank(predicted ?? 'ACCESS SHARE') && lockRank(lock.mode) >= lockRank('SHARE')) {
                findings.push({
                    severity: 'error',
                    ruleId: `${REHEARSAL_RULE}/stronger-lock`,
                    ...where,
                    title: 'Takes a stronger lock than its SQL suggests',
                    message: `\`${what}\` took ${lock.mode} on ${lock.relation} for ${(0,format/* formatDuration */.a3)(lock.heldMs)} in the rehearsal; from its SQL, ${predicted ? `${predicted} was expected` : 'no lock on that table was expected'}.`,
                    fix: 'Check what the statement does to that table (a rewrite, a validation, a trigger) and split it into steps that take weaker locks.',
                });
            }
        }
        if (s.blocked.maxWaitMs > options.maxBlockingMs) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/blocks-application`,
                ...where,
                title: 'Blocks application queries longer than max-blocking',
                message: `While \`${what}\` ran, ${s.blocked.queries} application ${s.blocked.queries === 1 ? 'query' : 'queries'} waited, the longest ${(0,format/* formatDuration */.a3)(s.blocked.maxWaitMs)} (max-blocking is ${(0,format/* formatDuration */.a3)(options.maxBlockingMs)}); it ${s.locks[0] ? `held ${s.locks[0].mode} on ${s.locks[0].relation} for ${(0,format/* formatDuration */.a3)(s.locks[0].heldMs)}` : 'ran'}${s.rewrite ? ' and rewrote the table' : ''}${s.estimatedProductionMs !== undefined ? `; at production size about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)}` : ''}.`,
                fix: 'Use the online form of the change (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches), or schedule it for a maintenance window.',
            });
        }
        if (s.timedOut) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/timeout`,
                ...where,
                title: 'Ran past rehearsal-timeout',
                message: `\`${what}\` was stopped after ${(0,format/* formatDuration */.a3)(s.durationMs)} (rehearsal-timeout); the table above shows what it did until then. Later statements were not rehearsed.`,
                fix: 'Expect this statement to take at least that long in production; raise rehearsal-timeout to measure it fully, or lower the rehearsal sizes.',
            });
        }
    }
    return findings;
}
/**
 * Lint lock findings on statements the trace shows harmless at production sizes become notices
 * that say why. Only with sizes from a stats database: generated sizes prove nothing about production.
 */
function downgradeHarmless(findings, statements, options) {
    let downgraded = 0;
    for (const finding of findings) {
        if (!finding.ruleId?.startsWith('lock/') || finding.severity === 'notice' || finding.line === undefined)
            continue;
        const s = statements.find((st) => finding.file === options.fileOf(st.migration) && finding.line >= st.line && finding.line <= st.endLine);
        if (!s || s.estimatedProductionMs === undefined || s.timedOut)
            continue;
        const longest = Math.max(s.estimatedProductionMs, s.blocked.maxWaitMs);
        if (longest > options.maxBlockingMs)
            continue;
        finding.severity = 'notice';
        finding.message += ` — Rehearsed at production size: the statement took ${(0,format/* formatDuration */.a3)(s.durationMs)} (about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)} in production) and application queries waited at most ${(0,format/* formatDuration */.a3)(s.blocked.maxWaitMs)}, under max-blocking (${(0,format/* formatDuration */.a3)(options.maxBlockingMs)}), so it is harmless at these sizes.`;
        downgraded++;
    }
    return downgraded;
}
/**
 * The lint check failed on lint errors; once the rehearsal has made notices of the errors that
 * failed it, it no longer fails (it still warns: the findings are there, as notices).
 */
function settleLintCheck(check, findings, downgraded) {
    if (!check || check.status !== 'fail' || !downgraded)
        return;
    if (findings.some((f) => f.severity === 'error' && f.ruleId !== undefined && isRuleId(f.ruleId)))
        return;
    check.status = 'warn';
    check.detail = `${check.detail ? `${check.detail} ` : ''}The rehearsal showed ${downgraded === 1 ? 'the lock finding that failed it' : 'the lock findings that failed it'} harmless at production size (now ${downgraded === 1 ? 'a notice' : 'notices'}).`;
}
/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
function rehearsalTable(statements, withEstimates) {
    return {
        title: REHEARSAL_TITLE,
        columns: [
            'Statement',
            'Line',
            'Lock taken',
            'Held for',
            'Rewrite',
            'App queries blocked',
            'Longest wait',
            ...(withEstimates ? ['At production size'] : []),
        ],
        rows: statements.map((s) => {
            const lock = s.locks[0];
            return [
                `${summarizeStatement(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
                `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
                lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
                lock ? formatDuration(lock.heldMs) : '—',
                s.rewrite ? 'yes' : 'no',
                String(s.blocked.queries),
                s.blocked.queries ? formatDuration(s.blocked.maxWaitMs) : '—',
                ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${formatDuration(s.estimatedProductionMs)}` : '—'] : []),
            ];
        }),
    };
}
/** What was rehearsed, on what sizes, under what load, how finely sampled, and how long it took: the step's detail. */
function describeRehearsal(result) {
    const { sizing, data, trace } = result;
    const sizes = sizing.tables.map((t) => `${t.table} ${data.rows[t.key].toLocaleString('en-US')}`).join(', ');
    return [
        `${(0,format/* plural */.LS)(data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${sizing.scaledDown ? `, scaled down to ${Math.round(sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${(0,format/* plural */.LS)(trace.workload.sessions, 'application session')} (${(0,format/* plural */.LS)(trace.workload.queries, 'query', 'queries')}).`,
        `Locks sampled every ${(0,format/* formatDuration */.a3)(trace.sampler.medianGapMs)} (${(0,format/* plural */.LS)(trace.sampler.samples, 'sample')}); seeding took ${(0,format/* formatDuration */.a3)(result.seedMs)}, the trace ${(0,format/* formatDuration */.a3)(result.traceMs)}.`,
        ...(sizing.source === 'stats-database' ? ['Production times are estimated linearly in rows from the rehearsed sizes.'] : []),
        ...(trace.stopped ? [`Stopped at ${trace.stopped.migration} line ${trace.stopped.line}: ${trace.stopped.reason}.`] : []),
    ];
}
/** In a plan the rehearsal's observations inform the approvers; they do not fail it. */
function planFindings(statements, options) {
    return observationFindings(statements, options).map((f) => ({ ...f, severity: f.severity === 'error' ? 'warning' : f.severity }));
}

// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/drift/replay.ts
var replay = __webpack_require__(612);
// EXTERNAL MODULE: ./src/postgres/ephemeral.ts + 1 modules
var ephemeral = __webpack_require__(7543);
// EXTERNAL MODULE: ./src/postgres/row-counts.ts
var row_counts = __webpack_require__(3804);
;// CONCATENATED MODULE: ./src/seed/catalog.ts
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

;// CONCATENATED MODULE: ./src/seed/checks.ts
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

;// CONCATENATED MODULE: ./src/seed/order.ts
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
    const tables = await readSeedTables(client, options.schema, BOOKKEEPING_TABLES);
    const counts = await countRows(client, tables);
    const results = [];
    if (options.seedSqlFile && phase === 'instead') {
        for (const table of tables)
            results.push({ table: table.name, rows: counts.get(table) });
    }
    else {
        for (const plan of planTableOrder(tables)) {
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
            .flatMap((check) => columnComparisons(check.definition))
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
        if (check.columns.length === 0 && applyCheck({}, check.definition, '').impossible) {
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
        domain = applyCheck(domain, definition, column.name);
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
    if (isSelfReference(table, fk))
        return selfReference(table, fk, source, written);
    source.keys = await parentKeys(client, fk);
    if (source.keys.length > 0)
        return source;
    if (isNullable(table, fk))
        return { ...source, keys: undefined };
    throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}
function selfReference(table, fk, source, written) {
    if (isNullable(table, fk))
        return source; // left NULL
    const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
    if (selfSlots.includes(-1))
        throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
    return { ...source, keys: 'self', selfSlots };
}
/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client, fk) {
    const columns = fk.parentColumns.map(postgres_sql/* quoteIdent */.v4);
    const result = await client.query({
        text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${(0,postgres_sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
        rowMode: 'array',
    });
    return result.rows;
}
/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table, columns, rowCount) {
    const target = (0,postgres_sql/* qualify */.Ss)(table.schema, table.name);
    if (columns.length === 0)
        return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`);
    return `INSERT INTO ${target} (${columns.map((c) => (0,postgres_sql/* quoteIdent */.v4)(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/seed/index.ts
/** Generated rows for the "upgrade path with data" check. */


;// CONCATENATED MODULE: ./src/pr-check/touched-tables.ts
/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */

/** Every relation name (RangeVar) any statement mentions. */
async function touchedTables(migrations) {
    await (0,parser/* loadParser */.qd)();
    const names = new Set();
    const walk = (node) => {
        if (Array.isArray(node)) {
            node.forEach(walk);
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        const record = node;
        if (record.RangeVar?.relname)
            names.add(record.RangeVar.relname);
        if (typeof record.relname === 'string' && 'inh' in record)
            names.add(record.relname);
        for (const value of Object.values(record))
            walk(value);
    };
    for (const migration of migrations) {
        try {
            for (const statement of (0,parser/* splitStatements */.Xd)(migration.sql, { migration: migration.name }))
                walk(statement.node);
        }
        catch {
            /* unparseable SQL is reported by the lint and apply steps */
        }
    }
    return names;
}
/** `a, "B c"` (a column list of pg_get_constraintdef) → ['a', 'B c']. */
function identifierList(text) {
    return [...text.matchAll(/\s*("(?:[^"]|"")*"|[^,\s]+)\s*(?:,|$)/g)].map((m) => m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
}
/** The last part of a possibly schema-qualified, possibly quoted name: `public."User"` → User. */
function touched_tables_unqualified(name) {
    const parts = [...name.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
    return parts[parts.length - 1] ?? name;
}
/** `FOREIGN KEY (a, b) REFERENCES s."T"(x, y) …` as its parts, or undefined for another shape. */
function parseForeignKey(definition) {
    const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ((?:"(?:[^"]|"")*"|[^\s("])+)\(([^)]*)\)/.exec(definition);
    if (!m)
        return undefined;
    return { columns: identifierList(m[1]), table: touched_tables_unqualified(m[2]), referenced: identifierList(m[3]) };
}
/** The touched tables as ER entities: PK and FK marks from their constraints, one relationship per foreign key. */
function erTablesFor(snapshot, touched) {
    const columns = Object.values(snapshot.objects.column);
    const constraints = Object.values(snapshot.objects.constraint);
    const tables = [];
    for (const name of [...touched].sort()) {
        const own = columns.filter((c) => c.table === name).sort((a, b) => a.position - b.position);
        if (!own.length)
            continue;
        const pkDefinition = constraints.find((c) => c.table === name && c.kind === 'primary')?.definition;
        const pkColumns = new Set(pkDefinition ? identifierList(/\(([^)]*)\)/.exec(pkDefinition)?.[1] ?? '') : []);
        const fks = constraints
            .filter((c) => c.table === name && c.kind === 'foreign')
            .map((c) => parseForeignKey(c.definition))
            .filter((fk) => fk !== undefined)
            // The catalog's order is not stable between servers: by columns, so the diagram is.
            .sort((a, b) => a.columns.join(',').localeCompare(b.columns.join(',')) || a.table.localeCompare(b.table));
        const referencedBy = new Map();
        for (const fk of fks)
            fk.columns.forEach((column, i) => referencedBy.set(column, `${fk.table}.${fk.referenced[i] ?? '?'}`));
        tables.push({
            name,
            columns: own.map((c) => ({ name: c.name, type: c.type, pk: pkColumns.has(c.name), fk: referencedBy.get(c.name) })),
            references: fks.map((fk) => ({ to: fk.table, label: fk.columns.join(', ') })),
        });
    }
    return tables;
}

;// CONCATENATED MODULE: ./src/rehearsal/bulk-seed.ts





const CHUNK_ROWS = 250_000;
const PARENT_KEYS = 100_000;
const INT_MAX = { int2: 32_767, int4: 2_147_483_647, int8: 9_007_199_254_740_991 };
/** Adds rows to each table in `targets` until it holds the wanted count (parents first). */
async function bulkSeed(client, schema, targets, log) {
    const tables = (await readSeedTables(client, schema, ['_prisma_migrations'])).filter((t) => targets.has(t.name));
    const results = [];
    // Every foreign key value is drawn from the parent's existing rows, so the per-row checks (and
    // triggers) are skipped where the role may (a superuser, as on a throwaway server): a third of
    // the seeding time for a table with two foreign keys.
    const unchecked = await client.query('SET session_replication_role = replica').then(() => true, () => false);
    try {
        await fill();
    }
    finally {
        if (unchecked)
            await client.query('RESET session_replication_role');
    }
    return results;
    async function fill() {
        for (const plan of planTableOrder(tables)) {
            const table = plan.table;
            const have = await bulk_seed_countRows(client, table);
            const want = targets.get(table.name);
            if (plan.blocked) {
                results.push({ table: table.name, rows: have, added: 0, skipped: plan.blocked });
                continue;
            }
            try {
                let added = 0;
                while (have + added < want) {
                    const n = Math.min(CHUNK_ROWS, want - have - added);
                    const inserted = await insertChunk(client, table, plan.nullForeignKeys, have + added, n);
                    added += inserted;
                    if (inserted < n)
                        break; // one-to-one keys ran out of parents
                }
                await client.query(`ANALYZE ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`);
                log?.(`rehearsal: ${table.name} +${added} rows (now ${have + added})`);
                results.push({ table: table.name, rows: have + added, added });
            }
            catch (error) {
                const message = error instanceof SkipTable ? error.message : (0,redact/* redact */.E$)(error.message);
                if (!(error instanceof SkipTable) && !error.code)
                    throw error;
                log?.(`rehearsal: ${table.name} not filled: ${message}`);
                results.push({ table: table.name, rows: have, added: 0, skipped: message });
            }
        }
    }
}
class SkipTable extends Error {
}
async function bulk_seed_countRows(client, table) {
    return Number((await client.query(`SELECT count(*) AS n FROM ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`)).rows[0].n);
}
/** One INSERT … SELECT of `n` rows numbered from `offset + 1`; returns how many went in. */
async function insertChunk(client, table, nullFks, offset, n) {
    const target = (0,postgres_sql/* qualify */.Ss)(table.schema, table.name);
    const uniqueColumns = new Set(table.uniqueKeys.flat());
    const expressions = new Map();
    const joins = [];
    const ctes = [];
    let radix = '1';
    let limit = n;
    for (const [i, fk] of table.foreignKeys.entries()) {
        const nullable = isNullable(table, fk);
        if (nullFks.has(fk.name) || isSelfReference(table, fk)) {
            if (!nullable)
                throw new SkipTable(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
            fk.columns.forEach((c) => expressions.set(c, 'NULL'));
            continue;
        }
        const parent = (0,postgres_sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable);
        const cols = fk.parentColumns.map(postgres_sql/* quoteIdent */.v4);
        const oneToOne = table.uniqueKeys.some((key) => key.every((c) => fk.columns.includes(c)));
        // A one-to-one key gets parents no row references yet; others cycle through a sample of parent keys.
        const unused = oneToOne
            ? ` AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE ${fk.columns.map((c, k) => `x.${(0,postgres_sql/* quoteIdent */.v4)(c)} = p.${cols[k]}`).join(' AND ')})`
            : '';
        ctes.push(`p${i} AS MATERIALIZED (SELECT row_number() OVER () - 1 AS k, ${cols.map((c, k) => `p.${c} AS c${k}`).join(', ')} FROM ${parent} p
        WHERE ${cols.map((c) => `p.${c} IS NOT NULL`).join(' AND ')}${unused} LIMIT ${oneToOne ? n : PARENT_KEYS}),
       n${i} AS (SELECT greatest(count(*), 1) AS n FROM p${i})`);
        const available = Number((await client.query(`WITH ${ctes.at(-1)} SELECT count(*) AS n FROM p${i}`)).rows[0].n);
        if (available === 0) {
            if (!nullable)
                throw new SkipTable(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none to spare`);
            ctes.pop();
            fk.columns.forEach((c) => expressions.set(c, 'NULL'));
            continue;
        }
        if (oneToOne)
            limit = Math.min(limit, available);
        joins.push(`JOIN p${i} ON p${i}.k = ((g - 1) / ${radix}) % (SELECT n FROM n${i})`);
        radix = `(${radix} * (SELECT n FROM n${i}))`;
        fk.columns.forEach((c, k) => expressions.set(c, `p${i}.c${k}`));
    }
    const written = table.columns.filter((c) => !c.identity && !c.generated && (!c.defaultExpr || uniqueColumns.has(c.name)));
    for (const column of written) {
        if (expressions.has(column.name))
            continue;
        const domain = columnDomain(table, column);
        const distinct = uniqueColumns.has(column.name);
        const base = distinct ? await distinctBase(client, table, column) : 0;
        const expr = valueExpression(column, domain, distinct, base);
        if (expr === undefined) {
            if (column.notNull)
                throw new SkipTable(`column "${column.name}" (${column.sqlType}) is NOT NULL and has a type the seeder cannot generate`);
            expressions.set(column.name, 'NULL');
        }
        else
            expressions.set(column.name, !column.notNull && !distinct ? `CASE WHEN g % 7 = 3 THEN NULL ELSE ${expr} END` : expr);
    }
    // `a >= b`-style CHECKs between two generated columns: the left takes the right's value.
    for (const check of table.checks.filter((c) => c.columns.length === 2)) {
        for (const { left, op, right } of columnComparisons(check.definition)) {
            if ((op === '>=' || op === '<=') && expressions.has(left) && expressions.has(right) && !uniqueColumns.has(left))
                expressions.set(left, expressions.get(right));
        }
    }
    const columns = written.filter((c) => expressions.has(c.name));
    const fkOnly = table.foreignKeys.flatMap((fk) => fk.columns).filter((c) => !columns.some((w) => w.name === c) && expressions.has(c));
    const names = [...columns.map((c) => c.name), ...fkOnly];
    const values = names.map((name) => {
        const column = table.columns.find((c) => c.name === name);
        return `(${expressions.get(name)})::${column.sqlType}`;
    });
    const sql = `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}INSERT INTO ${target} ${names.length ? `(${names.map(postgres_sql/* quoteIdent */.v4).join(', ')})` : ''}
    SELECT ${values.join(', ')} FROM generate_series(${offset + 1}::bigint, ${offset + limit}::bigint) g ${joins.join(' ')}`;
    return (await client.query(sql)).rowCount ?? 0;
}
function columnDomain(table, column) {
    let domain = {};
    const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
    for (const definition of [...checks, ...column.domainChecks])
        domain = applyCheck(domain, definition, column.name);
    return domain;
}
/** Where distinct numbers continue from: after the largest value already there. */
async function distinctBase(client, table, column) {
    if (column.category !== 'N')
        return 0;
    const r = await client.query(`SELECT max(${(0,postgres_sql/* quoteIdent */.v4)(column.name)})::text AS m FROM ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`);
    return Math.max(0, Math.ceil(Number(r.rows[0].m ?? 0)));
}
/** A SQL expression of `g` for the column, or undefined for a type with no generator. */
function valueExpression(column, domain, distinct, base) {
    const spread = (span) => `((g * 7919) % ${Math.max(1, Math.floor(span))})`;
    if (domain.values?.length)
        return `(ARRAY[${domain.values.map(postgres_sql/* quoteLiteral */.ce).join(', ')}])[1 + (g % ${domain.values.length})::int]`;
    if (column.enumLabels?.length)
        return `(ARRAY[${column.enumLabels.map(postgres_sql/* quoteLiteral */.ce).join(', ')}])[1 + (g % ${column.enumLabels.length})::int]`;
    if (column.category === 'A')
        return `'{}'`;
    switch (column.baseType) {
        case 'uuid':
            return `md5('r' || g::text)::uuid`;
        case 'json':
        case 'jsonb':
            return `json_build_object('seed', g)::text`;
        case 'bytea':
            return `decode(md5(g::text), 'hex')`;
        case 'bool':
            return `(g % 2 = 0)`;
        case 'date':
            return distinct ? `date '2100-01-01' + g::int` : `date '2024-01-01' + ${spread(730)}::int`;
        case 'timestamp':
        case 'timestamptz':
            return distinct
                ? `timestamp '2030-01-01' + g * interval '1 second'`
                : `timestamp '2024-01-01' + ${spread(63_072_000)} * interval '1 second'`;
        case 'time':
        case 'timetz':
            return `time '00:00' + (g % 86400) * interval '1 second'`;
        case 'interval':
            return `(1 + g % 10000) * interval '1 minute'`;
        case 'inet':
        case 'cidr':
            return `('10.0.0.0'::inet + g)`;
        case 'money':
            return `((g % 100000)::numeric / 100)`;
    }
    if (column.category === 'N') {
        const integral = column.baseType in INT_MAX || (column.baseType === 'numeric' && column.scale === 0);
        let max = domain.max ?? (distinct ? INT_MAX.int8 : 1000);
        const min = domain.min ?? (distinct ? 1 : 0);
        if (column.baseType in INT_MAX)
            max = Math.min(max, INT_MAX[column.baseType]);
        if (column.precision !== undefined)
            max = Math.min(max, 10 ** (column.precision - (column.scale ?? 0)) - 1);
        if (distinct)
            return `(${Math.max(base, Math.ceil(min) - 1)} + g)`;
        const span = Math.floor(max) - Math.ceil(min) + 1;
        return integral ? `(${Math.ceil(min)} + ${spread(span)})` : `(${Math.ceil(min)} + ${spread(span * 100)}::numeric / 100)`;
    }
    if (column.category === 'S') {
        const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
        const token = distinct ? `'r' || g` : `'w' || (g % 1000)`;
        let text = /e?mail/i.test(column.name) ? `'user.' || ${token} || '@example.com'` : `${(0,postgres_sql/* quoteLiteral */.ce)(`${column.name}_`)} || ${token}`;
        if (Number.isFinite(maxLength))
            text = distinct ? `right(${text}, ${maxLength})` : `left(${text}, ${maxLength})`;
        if (domain.minLength)
            text = `rpad(${text}, ${Math.min(domain.minLength, maxLength)}, 'x')`;
        return text;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/rehearsal/rows-spec.ts
var rows_spec = __webpack_require__(9340);
;// CONCATENATED MODULE: ./src/rehearsal/sizing.ts
/**
 * How many rows each touched table gets in the rehearsal: the production (or staging) sizes read
 * from a stats database when one is given (pg_class.reltuples, read-only, statement-timeout
 * bounded), else `rehearsal-rows`; then capped by the row budget, scaled down proportionally.
 */

const STATS_TIMEOUT_MS = 10_000;

/** Sizes of `tables` (names in `schema`) from the stats database, read-only; tables it lacks or never analyzed are left out. */
async function readProductionSizes(stats, tables) {
    const rows = await (0,postgres_client/* withClient */.SV)(stats, { applicationName: 'prisma-migrate-actions rehearsal sizes', readOnly: true, statementTimeoutMs: STATS_TIMEOUT_MS }, async (client) => (await client.query(`SELECT c.relname, c.reltuples::float8 AS reltuples, (c.relpages::bigint * current_setting('block_size')::int)::text AS table_bytes,
                  pg_indexes_size(c.oid)::text AS index_bytes
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = ANY($2) AND c.relkind IN ('r', 'p')`, [stats.schema, tables])).rows);
    return new Map(rows.map((r) => [r.relname, r]));
}
async function sizeTables(input) {
    const notes = [];
    const stats = input.stats ? await readProductionSizes(input.stats, input.tables) : undefined;
    const tables = input.tables.map((table) => {
        const key = `${input.schema}.${table}`;
        const fallback = input.rows.perTable[table] ?? input.rows.perTable[key] ?? input.rows.default;
        const row = stats?.get(table);
        if (stats && (!row || row.reltuples < 0)) {
            notes.push(`${table}: the stats database ${row ? 'has never analyzed it' : 'has no such table'}; rehearsed with ${fallback.toLocaleString('en-US')} rows.`);
        }
        const fromStats = row && row.reltuples >= 0 ? Math.round(row.reltuples) : undefined;
        return {
            key,
            table,
            wanted: fromStats ?? fallback,
            fromStats: fromStats !== undefined,
            rehearsed: fromStats ?? fallback,
            tableBytes: row ? Number(row.table_bytes) : undefined,
            indexBytes: row ? Number(row.index_bytes) : undefined,
        };
    });
    const total = tables.reduce((sum, t) => sum + t.wanted, 0);
    const scaledDown = total > input.budget;
    const scale = scaledDown ? input.budget / total : 1;
    if (scaledDown)
        for (const t of tables)
            t.rehearsed = Math.max(t.wanted > 0 ? 1 : 0, Math.floor(t.wanted * scale));
    return { source: stats ? 'stats-database' : 'rehearsal-rows', tables, scaledDown, scale, notes };
}

;// CONCATENATED MODULE: ./src/rehearsal/sampler.ts


const DEFAULT_SAMPLE_INTERVAL_MS = 2;
// Relation locks in the schema (tables only, by name), and any lock a session waits for — with
// whether the migration's backend is what it waits behind (workload sessions also wait for each other's rows).
const sampler_SAMPLE_SQL = `SELECT l.pid, l.mode, l.granted, CASE WHEN c.relkind IN ('r', 'p', 'm') AND n.nspname = $2 THEN n.nspname || '.' || c.relname END AS relation,
       CASE WHEN NOT l.granted THEN $3::int = ANY (pg_blocking_pids(l.pid)) ELSE false END AS by_migration
  FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = ANY($1::int[]) AND ((l.locktype = 'relation' AND c.relname NOT LIKE 'pg\\_temp\\_%') OR NOT l.granted)`;
class LockSampler {
    client;
    schema;
    intervalMs;
    migrationPid;
    spans = [];
    samples = 0;
    /** Gaps between consecutive samples, for the resolution the report states. */
    gaps = [];
    open = new Map();
    running = false;
    loop;
    constructor(client, schema, intervalMs, migrationPid) {
        this.client = client;
        this.schema = schema;
        this.intervalMs = intervalMs;
        this.migrationPid = migrationPid;
    }
    /** Samples the locks of `migrationPid` and of `otherPids` (the workload) until `stop`. */
    static async start(settings, migrationPid, otherPids, intervalMs = DEFAULT_SAMPLE_INTERVAL_MS) {
        const client = await (0,postgres_client/* openClient */.My)(settings, { applicationName: 'prisma-migrate-actions rehearsal sampler' });
        const sampler = new LockSampler(client, settings.schema, intervalMs, migrationPid);
        sampler.running = true;
        sampler.loop = sampler.run([migrationPid, ...otherPids]);
        return sampler;
    }
    async run(pids) {
        let previous;
        while (this.running) {
            const started = performance.now();
            const rows = (await this.client.query({ name: 'rehearsal-locks', text: sampler_SAMPLE_SQL, values: [pids, this.schema, this.migrationPid] })).rows;
            const at = (started + performance.now()) / 2;
            if (previous !== undefined)
                this.gaps.push(at - previous);
            previous = at;
            this.samples++;
            this.record(rows, at);
            const rest = this.intervalMs - (performance.now() - started);
            if (rest > 0)
                await new Promise((resolve) => setTimeout(resolve, rest));
        }
    }
    record(rows, at) {
        const seen = new Set();
        for (const row of rows) {
            // The workload's waits count only when the migration is what they wait behind.
            if (row.pid !== this.migrationPid && (row.granted || !row.by_migration))
                continue;
            const relation = row.relation ?? (row.granted ? undefined : '(other lock)');
            if (!relation)
                continue;
            const key = `${row.pid}\0${relation}\0${row.mode}\0${row.granted}`;
            seen.add(key);
            const span = this.open.get(key);
            if (span)
                span.last = at;
            else {
                const fresh = { pid: row.pid, relation, mode: lockModeName(row.mode), granted: row.granted, first: at, last: at };
                this.open.set(key, fresh);
                this.spans.push(fresh);
            }
        }
        for (const key of [...this.open.keys()])
            if (!seen.has(key))
                this.open.delete(key);
    }
    /** The median gap between samples: locks shorter than about this may go unseen. */
    medianGapMs() {
        if (!this.gaps.length)
            return this.intervalMs;
        const sorted = [...this.gaps].sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)];
    }
    async stop() {
        this.running = false;
        await this.loop?.catch(() => undefined);
        await this.client.end().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/workload.ts


const WORKLOAD_KINDS = ['read', 'read', 'insert', 'update'];
const KEY_SAMPLE = 500;
/** Reads each table's primary key and a sample of its values; tables without one get reads only. */
async function prepareTables(client, schema, tables) {
    const prepared = [];
    for (const table of tables) {
        const target = (0,postgres_sql/* qualify */.Ss)(schema, table);
        const info = await client.query(`SELECT (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
              (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS cols,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attidentity = 'a') AS always
         FROM pg_class c WHERE c.oid = to_regclass($1)`, [target]);
        const row = info.rows[0];
        if (!row)
            continue;
        const key = `${schema}.${table}`;
        if (!row.pk?.length) {
            prepared.push({ key, read: `SELECT 1 FROM ${target} LIMIT 1`, keys: [[]] });
            continue;
        }
        const pk = row.pk.map(postgres_sql/* quoteIdent */.v4);
        const where = `(${pk.join(', ')}) = (${pk.map((_, i) => `$${i + 1}`).join(', ')})`;
        const sample = await client.query({
            text: `SELECT ${pk.map((c) => `${c}::text`).join(', ')} FROM ${target} LIMIT ${KEY_SAMPLE}`,
            rowMode: 'array',
        });
        if (!sample.rows.length)
            continue;
        const cols = row.cols.map(postgres_sql/* quoteIdent */.v4).join(', ');
        prepared.push({
            key,
            read: `SELECT * FROM ${target} WHERE ${where}`,
            insert: `INSERT INTO ${target} (${cols}) ${row.always ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${cols} FROM ${target} WHERE ${where} ON CONFLICT DO NOTHING`,
            update: `UPDATE ${target} SET ${pk[0]} = ${pk[0]} WHERE ${where}`,
            keys: sample.rows,
        });
    }
    return prepared;
}
class Workload {
    clients;
    pids;
    tables;
    queries = [];
    running = false;
    loops = [];
    constructor(clients, pids, tables) {
        this.clients = clients;
        this.pids = pids;
        this.tables = tables;
    }
    /** Sessions connected and tables prepared; nothing runs until `run`. */
    static async prepare(settings, tables, kinds = WORKLOAD_KINDS) {
        const clients = [];
        for (const _ of kinds)
            clients.push(await (0,postgres_client/* openClient */.My)(settings, { applicationName: 'prisma-migrate-actions rehearsal workload' }));
        const pids = [];
        for (const client of clients)
            pids.push((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
        const prepared = await prepareTables(clients[0], settings.schema, tables);
        const workload = new Workload(clients, pids, prepared);
        workload.kinds = kinds;
        return workload;
    }
    kinds = WORKLOAD_KINDS;
    get tableCount() {
        return this.tables.length;
    }
    run() {
        if (!this.tables.length)
            return;
        this.running = true;
        this.loops = this.clients.map((client, i) => this.loop(client, this.pids[i], this.kinds[i], i));
    }
    async loop(client, pid, kind, seed) {
        let n = seed * 7;
        while (this.running) {
            const table = this.tables[n % this.tables.length];
            const text = table[kind] ?? table.read;
            const values = table.keys[(n * 31) % table.keys.length];
            n++;
            const start = performance.now();
            let failed = false;
            try {
                await client.query(text, values.length ? values : undefined);
            }
            catch {
                failed = true; // the migration changed the table under it (a dropped column); the wait still counts
            }
            this.queries.push({ pid, kind: table[kind] ? kind : 'read', table: table.key, start, end: performance.now(), failed });
            // A little think time between queries, as an application has; also leaves the CPU to the migration.
            await new Promise((resolve) => setTimeout(resolve, 1));
        }
    }
    async stop() {
        this.running = false;
        await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
        await Promise.all(this.clients.map((c) => c.end().catch(() => undefined)));
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/trace.ts






const OWN_LOCKS_SQL = `SELECT n.nspname || '.' || c.relname AS relation, l.mode FROM pg_locks l
  JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND n.nspname = $1
   AND c.relkind IN ('r', 'p', 'm') AND c.relname NOT LIKE 'pg\\_temp\\_%'`;
const FILENODES_SQL = `SELECT c.oid::text AS oid, n.nspname || '.' || c.relname AS relation, c.relfilenode::text AS filenode
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`;
async function filenodes(client, schema) {
    const rows = (await client.query(FILENODES_SQL, [schema])).rows;
    return new Map(rows.map((r) => [r.oid, { relation: r.relation, filenode: r.filenode }]));
}
/** Every lock mode the session holds, by relation. */
async function ownLocks(client, schema) {
    const rows = (await client.query(OWN_LOCKS_SQL, [schema])).rows;
    const locks = new Map();
    for (const row of rows) {
        if (!locks.has(row.relation))
            locks.set(row.relation, new Set());
        locks.get(row.relation).add(lockModeName(row.mode));
    }
    return locks;
}
/** The strongest mode on each relation that `now` holds and `before` did not. */
function addedLocks(before, now) {
    const added = new Map();
    for (const [relation, modes] of now)
        for (const mode of modes)
            if (!before.get(relation)?.has(mode) && lockRank(mode) > lockRank(added.get(relation) ?? ''))
                added.set(relation, mode);
    return added;
}
function rewrittenBetween(before, after) {
    return [...before].filter(([oid, b]) => after.has(oid) && after.get(oid).filenode !== b.filenode).map(([, b]) => b.relation);
}
async function traceMigrations(options) {
    const { connection } = options;
    const schema = connection.schema;
    const client = await (0,postgres_client/* openClient */.My)(connection, { applicationName: 'prisma-migrate-actions rehearsal' });
    const runs = [];
    let stopped;
    let workload;
    let sampler;
    try {
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        workload = await Workload.prepare(connection, options.tables);
        sampler = await LockSampler.start(connection, pid, workload.pids, options.sampleIntervalMs);
        workload.run();
        await new Promise((resolve) => setTimeout(resolve, 50)); // the workload is under way before the first statement
        const deadline = performance.now() + options.timeoutMs;
        const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
        outer: for (const migration of options.migrations) {
            const prepared = await (0,migrations_plan/* prepareMigration */.wh)(migration, options.serverMajor);
            const plan = (0,migrations_plan/* planOf */.XC)(prepared);
            const predicted = new Map(prepared.statements.map((s, i) => [s, plan.statements[i].locks]));
            const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
            for (const unit of units) {
                const unitRuns = [];
                if (unit.transactional)
                    await client.query('BEGIN; SET LOCAL lock_timeout = 0');
                else
                    await client.query('SET lock_timeout = 0');
                let before = await filenodes(client, schema);
                let held = new Map();
                let failure;
                for (const statement of unit.statements) {
                    await client.query(`SET ${unit.transactional ? 'LOCAL ' : ''}statement_timeout = ${remaining()}`);
                    const run = {
                        migration: migration.name,
                        statement,
                        predicted: predicted.get(statement) ?? [],
                        transactional: unit.transactional,
                        start: performance.now(),
                        end: 0,
                        release: 0,
                        own: new Map(),
                        heldBefore: held,
                        rewritten: [],
                    };
                    runs.push(run);
                    unitRuns.push(run);
                    try {
                        await client.query(statement.text);
                    }
                    catch (error) {
                        failure = { error: error, run };
                    }
                    run.end = performance.now();
                    if (failure) {
                        run.release = run.end;
                        run.timedOut = failure.error.code === '57014';
                        break;
                    }
                    if (unit.transactional) {
                        const now = await ownLocks(client, schema);
                        run.own = addedLocks(held, now);
                        held = now;
                    }
                    const after = await filenodes(client, schema);
                    run.rewritten = rewrittenBetween(before, after);
                    before = after;
                }
                if (unit.transactional)
                    await client.query(failure ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
                else
                    await client.query('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
                const release = performance.now();
                for (const run of unitRuns)
                    if (unit.transactional || !run.release)
                        run.release = unit.transactional ? release : run.end;
                if (failure) {
                    const { error, run } = failure;
                    stopped = {
                        migration: run.migration,
                        line: run.statement.line,
                        timedOut: Boolean(run.timedOut),
                        reason: run.timedOut ? 'rehearsal-timeout reached' : `${(0,redact/* redact */.E$)(error.message)}${error.code ? ` (SQLSTATE ${error.code})` : ''}`,
                    };
                    options.log?.(`rehearsal: stopped at ${run.migration} line ${run.statement.line}: ${stopped.reason}`);
                    break outer;
                }
            }
        }
    }
    finally {
        await workload?.stop();
        await sampler?.stop();
        await client.end().catch(() => undefined);
    }
    const spans = sampler.spans;
    const migrationPid = sampler.migrationPid;
    const statements = runs.map((run) => toStatement(run, spans, migrationPid, sampler.medianGapMs()));
    attributeWaits(runs, statements, spans, workload.queries, migrationPid);
    return {
        statements,
        stopped,
        sampler: { samples: sampler.samples, medianGapMs: sampler.medianGapMs() },
        workload: { sessions: workload.pids.length, queries: workload.queries.length, tables: workload.tableCount },
    };
}
/** The strongest lock on each table, from the session's own view and the sampler's, with how long it was held. */
function toStatement(run, spans, migrationPid, gapMs) {
    // A lock an earlier statement of the transaction took is its, however late the sampler first saw it.
    const seen = spans.filter((s) => s.pid === migrationPid &&
        s.granted &&
        s.relation.includes('.') &&
        s.first >= run.start - gapMs &&
        s.first <= run.end + gapMs &&
        !run.heldBefore.get(s.relation)?.has(s.mode));
    const strongest = new Map();
    const offer = (relation, mode, from, to) => {
        const current = strongest.get(relation);
        if (!current || lockRank(mode) > lockRank(current.mode))
            strongest.set(relation, { mode, from, to });
        else if (current.mode === mode)
            current.from = Math.min(current.from, from);
    };
    for (const span of seen)
        offer(span.relation, span.mode, span.first, run.transactional ? run.release : span.last);
    for (const [relation, mode] of run.own)
        offer(relation, mode, run.start, run.release);
    const locks = [...strongest].map(([relation, l]) => ({
        relation,
        mode: l.mode,
        heldMs: Math.max(0, Math.round(Math.max(l.from, run.start) <= l.to ? l.to - Math.max(l.from, run.start) : 0)),
    }));
    return {
        migration: run.migration,
        line: run.statement.line,
        endLine: run.statement.endLine,
        sql: run.statement.text.trim(),
        locks: locks.sort((a, b) => lockRank(b.mode) - lockRank(a.mode) || a.relation.localeCompare(b.relation)),
        durationMs: Math.round(run.end - run.start),
        rewrite: run.rewritten.length > 0,
        rewritten: run.rewritten,
        blocked: { queries: 0, maxWaitMs: 0 },
        blockedKinds: new Set(),
        predicted: run.predicted,
        ...(run.timedOut ? { timedOut: true } : {}),
    };
}
/**
 * A workload query was blocked when the sampler saw its session wait behind the migration while it
 * ran; its wait is its whole latency (a primary-key query takes well under a millisecond). It is
 * charged to the statement whose lock on that table was held then — the earliest in the
 * transaction that took one — else to the statement running at the time.
 */
function attributeWaits(runs, statements, spans, queries, migrationPid) {
    const waits = spans.filter((s) => !s.granted && s.pid !== migrationPid);
    for (const query of queries) {
        const wait = waits.find((w) => w.pid === query.pid && w.last >= query.start && w.first <= query.end);
        if (!wait)
            continue;
        const at = wait.first;
        const active = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.start <= at && at <= r.release + 1);
        const holder = active.find(({ i }) => statements[i].locks.some((l) => l.relation === query.table && lockRank(l.mode) > lockRank('ROW EXCLUSIVE'))) ??
            active.at(-1);
        if (!holder)
            continue;
        statements[holder.i].blockedKinds.add(query.kind);
        const blocked = statements[holder.i].blocked;
        blocked.queries++;
        blocked.maxWaitMs = Math.max(blocked.maxWaitMs, Math.round(query.end - query.start));
    }
}

;// CONCATENATED MODULE: ./src/rehearsal/index.ts








/** Rows the small seeder gives every table first, so the parents of the touched tables have keys to point at. */
const PARENT_ROWS = 20;
/** Touched tables (by the new migrations) that exist in the database now. */
async function existingTouchedTables(client, schema, migrations) {
    const touched = [...(await touchedTables(migrations))];
    const rows = (await client.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2) ORDER BY 1`, [schema, touched])).rows;
    return rows.map((r) => r.relname);
}
async function rehearse(options) {
    const { connection, log } = options;
    const schema = connection.schema;
    const seedStarted = performance.now();
    const { tables, sizing, seeded, rows } = await (0,postgres_client/* withClient */.SV)(connection, { applicationName: 'prisma-migrate-actions rehearsal seed' }, async (client) => {
        const tables = await existingTouchedTables(client, schema, options.migrations);
        const sizing = await sizeTables({ schema, tables, stats: options.stats, rows: options.rows, budget: options.budget });
        await seedDatabase(client, { schema, rowsPerTable: PARENT_ROWS });
        const seeded = await bulkSeed(client, schema, new Map(sizing.tables.map((t) => [t.table, t.rehearsed])), log);
        const rows = {};
        for (const t of sizing.tables)
            rows[t.key] = seeded.find((s) => s.table === t.table)?.rows ?? 0;
        return { tables, sizing, seeded, rows };
    });
    const seedMs = performance.now() - seedStarted;
    await options.traceAfter;
    const traceStarted = performance.now();
    const trace = await traceMigrations({
        connection,
        migrations: options.migrations,
        tables,
        timeoutMs: options.timeoutMs,
        serverMajor: options.serverMajor,
        sampleIntervalMs: options.sampleIntervalMs,
        log,
    });
    const traceMs = performance.now() - traceStarted;
    if (sizing.source === 'stats-database') {
        // Linear in rows: the statement's time × (production rows / rehearsed rows) of the largest factor among the tables it locked.
        for (const s of trace.statements) {
            const factors = s.locks
                .map((l) => sizing.tables.find((t) => t.key === l.relation))
                .filter((t) => t !== undefined && rows[t.key] > 0)
                .map((t) => t.wanted / rows[t.key]);
            s.estimatedProductionMs = Math.round(s.durationMs * Math.max(1, ...factors));
        }
    }
    const { statements, ...rest } = trace;
    return {
        data: {
            rows,
            scaledDown: sizing.scaledDown,
            ...(sizing.source === 'stats-database'
                ? { productionRows: Object.fromEntries(sizing.tables.filter((t) => t.fromStats).map((t) => [t.key, t.wanted])) }
                : {}),
            statements: statements.map(publicShape),
        },
        statements,
        sizing,
        seeded,
        trace: rest,
        existing: new Set(sizing.tables.map((t) => t.key)),
        seedMs,
        traceMs,
    };
}
/** A traced statement as `data.rehearsal` carries it. */
function publicShape(s) {
    return {
        migration: s.migration,
        line: s.line,
        sql: s.sql,
        locks: s.locks,
        durationMs: s.durationMs,
        rewrite: s.rewrite,
        blocked: s.blocked,
        ...(s.estimatedProductionMs !== undefined ? { estimatedProductionMs: s.estimatedProductionMs } : {}),
        ...(s.timedOut ? { timedOut: true } : {}),
    };
}

;// CONCATENATED MODULE: ./src/rehearsal/pending.ts
/**
 * The deploy plan's rehearsal: a database's pending migrations rehearsed on a throwaway
 * PostgreSQL of its major — never on the database itself, which is only read for its table
 * statistics (through stats-database-url). The applied history is replayed there, the touched
 * tables are filled to the sizes read from the statistics, then the pending migrations are traced.
 */








/** Filling tables to production's sizes on production's own server would load it: refused. */
function refuseTargetServer(server, target) {
    if (server.host !== target.host || server.port !== target.port)
        return;
    throw new errors/* MigrateActionsError */.nj('E_REHEARSAL_SERVER', `rehearsal-database-url points at the server of the database being planned (${target.host}:${target.port}); the rehearsal fills tables to production's sizes and would load it.`, {
        remedy: 'Leave rehearsal-database-url empty (a throwaway PostgreSQL is started), or give a scratch server such as a CI service container.',
    });
}
async function rehearsePending(options) {
    const { settings, log } = options;
    if (settings.serverUrl)
        refuseTargetServer((0,url/* parseDatabaseUrl */.mx)(settings.serverUrl, 'rehearsal-database-url'), options.target);
    const { server, notice } = options.major || settings.serverUrl
        ? await (0,replay.acquireReplayServer)({ major: options.major ?? 0, replayDatabaseUrl: settings.serverUrl, log })
        : { server: await (0,ephemeral/* startThrowawayCluster */.j2)({ log }), notice: undefined };
    try {
        const db = await (0,replay.replayMigrations)(server, options.schema, options.applied, log);
        const existing = await (0,postgres_client/* withClient */.SV)(db, { applicationName: 'prisma-migrate-actions rehearsal' }, (client) => existingTouchedTables(client, options.schema, options.pending));
        if (!existing.length)
            return { skipped: 'The pending migrations touch no table that exists before them: nothing to rehearse.', notice };
        const result = await rehearse({
            connection: db,
            migrations: options.pending,
            stats: settings.statsDatabase,
            rows: settings.rehearsalRows,
            budget: settings.rehearsalBudget,
            timeoutMs: settings.rehearsalTimeoutMs,
            serverMajor: server.major,
            log,
        });
        return { result, notice };
    }
    finally {
        await server.stop().catch(() => undefined);
    }
}
/**
 * The rehearsal as a step of a plan: fills the check (what was rehearsed, or why not) and returns
 * the result. A rehearsal that cannot run warns and the plan goes on: it stands without it.
 */
async function rehearsePlanStep(check, options) {
    try {
        const outcome = await rehearsePending(options);
        check.items = outcome.notice ? [outcome.notice] : [];
        if (!outcome.result) {
            check.status = 'skip';
            check.detail = outcome.skipped;
            return undefined;
        }
        const { result } = outcome;
        check.detail = [
            ...describeRehearsal(result),
            `Rehearsed on ${options.settings.serverUrl ? 'a scratch database of rehearsal-database-url' : 'a throwaway PostgreSQL'}; only statistics were read from the stats database.`,
        ].join(' ');
        check.items.push(...result.sizing.notes, ...result.seeded.filter((s) => s.skipped).map((s) => `${s.table} not filled: ${s.skipped}`));
        if (result.trace.stopped || result.seeded.some((s) => s.skipped))
            check.status = 'warn';
        return result;
    }
    catch (error) {
        check.status = 'warn';
        check.detail = `Not rehearsed: ${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}. The plan shows the locks the SQL predicts.`;
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/deploy/rehearsal-step.ts
/**
 * The dry run's rehearsal at production scale: the pending migrations rehearsed on a throwaway
 * PostgreSQL (src/rehearsal/pending.ts), sized from stats-database-url, so the plan shows each
 * statement's lock, estimated time at production's size and rewrite. Never on the target, and
 * never in a real deploy: it would delay the deploy by the time the rehearsal takes.
 */


async function rehearseDryRun(run) {
    const { settings } = run;
    const options = settings.rehearsal;
    if (!options || options.rehearsal === 'off' || !options.statsDatabase)
        return;
    await run.step(phrases/* REHEARSAL_TITLE */.XT, async (step) => {
        if (!settings.dryRun) {
            step.status = 'skip';
            step.detail = 'Not run during a deploy (it would delay it); a dry run shows the estimates.';
            return;
        }
        const rehearsal = await rehearsePlanStep(step, {
            target: settings.connection,
            schema: settings.connection.schema,
            major: Number.parseInt(run.audit.serverVersion ?? '', 10) || undefined,
            applied: run.appliedBefore,
            pending: run.pending,
            settings: options,
            log: run.log,
        });
        if (!rehearsal)
            return;
        run.rehearsal = rehearsal;
        const fileOf = (migration) => run.pending.find((m) => m.name === migration)?.sqlPath;
        const observe = { maxBlockingMs: options.maxBlockingMs, fileOf, existing: rehearsal.existing };
        // The lint findings are the linter's, on the migrations' own paths: the lock ones it shows harmless become notices.
        if (run.lint)
            downgradeHarmless(run.lint.findings, rehearsal.statements, observe);
        run.rehearsalFindings = planFindings(rehearsal.statements, observe);
    });
}

;// CONCATENATED MODULE: ./src/migrations/resolve.ts
/**
 * `resolve --applied NAME` / `--rolled-back NAME` with Prisma's semantics and error codes:
 * P3017 (no such local migration), P3008 (already applied), P3011 (never applied), P3012 (not failed).
 */







async function resolveMigration(options) {
    if (Boolean(options.applied) === Boolean(options.rolledBack)) {
        throw new errors/* MigrateActionsError */.nj('E_RESOLVE_ARGS', 'resolve needs exactly one of --applied NAME or --rolled-back NAME.', {
            remedy: 'Run resolve --applied NAME after finishing a migration by hand, or --rolled-back NAME after undoing it.',
        });
    }
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions resolve');
    try {
        await (0,session/* ensureSchema */.K_)(client, settings.schema);
        await (0,locks/* acquireAdvisoryLock */.lX)(client, options.advisoryLockTimeoutMs);
        try {
            return options.applied
                ? await markApplied(client, settings.schema, local, options.applied)
                : await markRolledBack(client, settings.schema, options.rolledBack);
        }
        finally {
            await (0,locks/* releaseAdvisoryLock */.Yy)(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** `resolve --applied` on an open session that holds the advisory lock (also used by `recover --finish`). */
async function markApplied(client, schema, local, name) {
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new errors/* MigrateActionsError */.nj('P3017', `The migration ${name} could not be found. Make sure it exists and that you passed the whole name of its directory (example: "20201207184859_initial_migration").`, {
            where: { migration: name },
            remedy: `Pass the folder name of a local migration: ${local
                .slice(-3)
                .map((m) => m.name)
                .join(', ') || '(the directory has none)'}${local.length > 3 ? ', …' : ''}.`,
        });
    }
    let rows = await (0,migrations_history/* readAppliedRows */.f0)(client, schema);
    const created = rows === null;
    if (rows === null) {
        await client.query((0,migrations_history/* createMigrationsTableSql */.Cg)(schema)); // baselining creates the table, even on a non-empty schema
        rows = [];
    }
    const same = rows.filter((row) => row.migrationName === name);
    if (same.some((row) => row.finishedAt !== null)) {
        throw new errors/* MigrateActionsError */.nj('P3008', `The migration \`${name}\` is already recorded as applied in the database.`, {
            where: { migration: name },
            remedy: 'Nothing to resolve. Run status to see which migrations are failed or pending.',
        });
    }
    const table = (0,postgres_sql/* qualify */.Ss)(schema, migrations_history/* MIGRATIONS_TABLE */.tN);
    const id = (0,external_node_crypto_.randomUUID)();
    await client.query('BEGIN');
    try {
        const marked = await rollBackFailedRows(client, table, same);
        await client.query(`INSERT INTO ${table} (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, '', clock_timestamp(), clock_timestamp(), 0)`, [id, migration.checksum, name]);
        await client.query('COMMIT');
        return { action: 'applied', migration: name, markedRolledBack: marked, insertedId: id, createdMigrationsTable: created };
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
async function rollBackFailedRows(client, table, rows) {
    const failed = rows.filter(migrations_history/* isFailedRow */.UZ).map((row) => row.id);
    if (failed.length)
        await client.query(`UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ANY($1)`, [failed]);
    return failed.length;
}
async function markRolledBack(client, schema, name) {
    const rows = (await (0,migrations_history/* readAppliedRows */.f0)(client, schema)) ?? [];
    const same = rows.filter((row) => row.migrationName === name);
    if (!same.length) {
        throw new errors/* MigrateActionsError */.nj('P3011', `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration path? (example: "20201207184859_initial_migration")`, {
            where: { migration: name },
            remedy: 'Pass the name of a failed migration (see status).',
        });
    }
    if (!same.some(migrations_history/* isFailedRow */.UZ)) {
        throw new errors/* MigrateActionsError */.nj('P3012', `Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
            where: { migration: name },
            remedy: 'Only failed migrations can be marked rolled back; to undo an applied migration write a new migration that reverts it.',
        });
    }
    const marked = await rollBackFailedRows(client, (0,postgres_sql/* qualify */.Ss)(schema, migrations_history/* MIGRATIONS_TABLE */.tN), same);
    return { action: 'rolled-back', migration: name, markedRolledBack: marked, createdMigrationsTable: false };
}

// EXTERNAL MODULE: ./src/migrations/recovery-store.ts
var recovery_store = __webpack_require__(1226);
;// CONCATENATED MODULE: ./src/migrations/recover.ts











async function recoverMigration(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions recover');
    try {
        await (0,locks/* acquireAdvisoryLock */.lX)(client, options.advisoryLockTimeoutMs);
        try {
            return await recoverLocked(client, settings.schema, local, options);
        }
        finally {
            await (0,locks/* releaseAdvisoryLock */.Yy)(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
async function recoverLocked(client, schema, local, options) {
    const name = options.migration;
    const row = failedRow((await (0,migrations_history/* readAppliedRows */.f0)(client, schema)) ?? [], name);
    const attempt = await (0,recovery_store/* readAttempt */.ce)(client, row.id);
    if (!attempt) {
        throw new errors/* MigrateActionsError */.nj('E_RECOVER_NO_SNAPSHOT', `No catalog snapshot was stored for the failed attempt of ${name} (started ${row.startedAt.toISOString()}): it ran in a mode that needs none, or another tool applied it.`, {
            where: { migration: name },
            remedy: `Check by hand what it left (\`prisma-migrate-actions drift-check\` compares the database with the history), then run \`prisma-migrate-actions resolve --rolled-back ${name}\` after undoing it or \`prisma-migrate-actions resolve --applied ${name}\` after finishing it.`,
        });
    }
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new errors/* MigrateActionsError */.nj('P3017', `The migration ${name} could not be found in the migrations directory.`, {
            where: { migration: name },
            remedy: 'Run recover from the repository that has the migration folder (or pass --migrations-dir).',
        });
    }
    const prepared = await (0,migrations_plan/* prepareMigration */.wh)(migration, await (0,session/* serverMajor */.jk)(client));
    if (attempt.committedStatements > prepared.statements.length) {
        throw new errors/* MigrateActionsError */.nj('E_RECOVER_FILE_CHANGED', `${name}/migration.sql has ${prepared.statements.length} statements, but ${attempt.committedStatements} of the failed attempt are committed.`, {
            where: { migration: name, file: migration.sqlPath },
            remedy: 'Restore the statements that ran (edit only the failing one and those after it), or use --undo.',
        });
    }
    const plan = (0,recovery_store/* recoveryPlan */.PD)(name, attempt.before, await (0,catalog/* snapshotSchema */.ap)(client), prepared.statements, attempt.committedStatements);
    const manualSteps = plan.undo.filter((s) => s.manual).map((s) => s.note ?? s.sql);
    const result = { migration: name, action: options.action, plan, manualSteps, ran: [] };
    if (options.action === 'dry-run')
        return result;
    if (options.action === 'undo')
        return undo(client, schema, row, attempt.before, result, options);
    return finish(client, schema, local, prepared.statements.slice(attempt.committedStatements), row.id, result, options);
}
/** The newest attempt of the migration, which must be failed (neither finished nor rolled back). */
function failedRow(rows, name) {
    const same = rows.filter((r) => r.migrationName === name);
    const failed = same.filter(migrations_history/* isFailedRow */.UZ).at(-1);
    if (failed)
        return failed;
    const state = !same.length
        ? 'it was never applied to this database'
        : same.some((r) => r.finishedAt !== null && r.rolledBackAt === null)
            ? 'it is recorded as applied'
            : 'its attempts are recorded as rolled back (the next apply runs it again)';
    throw new errors/* MigrateActionsError */.nj('E_RECOVER_NOT_FAILED', `There is nothing to recover for ${name}: ${state}.`, {
        where: { migration: name },
        remedy: 'Run `prisma-migrate-actions status` to see which migrations are failed or pending; `prisma-migrate-actions apply` runs what is pending.',
    });
}
async function undo(client, schema, row, before, result, options) {
    const name = result.migration;
    if (result.manualSteps.length) {
        throw new errors/* MigrateActionsError */.nj('E_RECOVER_MANUAL', `Undoing ${name} needs ${result.manualSteps.length === 1 ? 'a step' : 'steps'} no SQL can do safely: ${result.manualSteps.join('; ')}.`, {
            where: { migration: name },
            remedy: `Restore the pre-migration backup (\`prisma-migrate-actions restore\`), or fix the file and run \`prisma-migrate-actions recover ${name} --finish\`.`,
        });
    }
    await client.query('BEGIN');
    try {
        for (const step of result.plan.undo) {
            options.log?.(`  undo: ${step.sql}`);
            await client.query(step.sql);
            result.ran.push(step.sql);
        }
        const left = (0,catalog/* diffSnapshots */.V1)(before, await (0,catalog/* snapshotSchema */.ap)(client, { withinTransaction: true })).differences;
        if (left.length) {
            throw new errors/* MigrateActionsError */.nj('E_RECOVER_MISMATCH', `After the undo SQL the catalog still differs from before ${name}: ${left.map((d) => `${d.change} ${d.objectType} ${d.identity}`).join('; ')}. Nothing was changed (the undo was rolled back).`, {
                where: { migration: name },
                remedy: `Run \`prisma-migrate-actions recover ${name} --dry-run\` and undo the listed objects by hand, then \`prisma-migrate-actions resolve --rolled-back ${name}\`; or restore the pre-migration backup.`,
            });
        }
        await client.query(`UPDATE ${(0,postgres_sql/* qualify */.Ss)(schema, migrations_history/* MIGRATIONS_TABLE */.tN)} SET rolled_back_at = clock_timestamp() WHERE id = $1`, [row.id]);
        await (0,recovery_store/* forgetCatalogBefore */.ic)(client, row.id);
        await client.query('COMMIT');
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
    result.recorded = 'rolled-back';
    return result;
}
async function finish(client, schema, local, remaining, id, result, options) {
    const script = remaining.some((s) => s.transactionControl);
    // The file's own transaction control runs as written; otherwise each segment commits on its own.
    const units = script ? remaining.map((s) => ({ transactional: false, statements: [s] })) : (0,migrations_plan/* segmentsOf */.OD)(remaining);
    for (const unit of units) {
        const texts = unit.statements.map((s) => s.text);
        options.log?.(`  finish: line ${unit.statements[0].line}${texts.length > 1 ? ` (+${texts.length - 1})` : ''}`);
        try {
            await client.query(unit.transactional ? ['BEGIN', ...texts, 'COMMIT'].join('\n;\n') : texts[0]);
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            const pgError = error;
            throw new errors/* MigrateActionsError */.nj('E_MIGRATION_FAILED', `recover --finish of ${result.migration}: the statement at line ${unit.statements[0].line} failed: ${(0,redact/* redact */.E$)(pgError.message)} [SQLSTATE ${pgError.code ?? 'unknown'}]. ${result.ran.length ? `The ${result.ran.length} before it ran and are committed.` : 'Nothing more ran.'}`, {
                where: { migration: result.migration, line: unit.statements[0].line },
                remedy: `Fix the statement in ${result.migration}/migration.sql, then run \`prisma-migrate-actions recover ${result.migration} --finish\` again (it resumes after what ran), or \`prisma-migrate-actions recover ${result.migration} --undo\`.`,
                details: { migration: result.migration, sqlState: pgError.code, ran: result.ran },
            });
        }
        result.ran.push(...texts);
        // Progress is kept so a second --finish after an interruption resumes after what ran.
        if (!script)
            await (0,recovery_store/* setCommittedStatements */.D9)(client, id, unit.statements.at(-1).index + 1);
    }
    await markApplied(client, schema, local, result.migration);
    await (0,recovery_store/* forgetCatalogBefore */.ic)(client, id);
    result.recorded = 'applied';
    return result;
}

// EXTERNAL MODULE: ./src/storage/index.ts + 2 modules
var storage = __webpack_require__(4092);
;// CONCATENATED MODULE: ./src/deploy/failure-policy.ts
/**
 * What happens after a migration failed: the manual path (exact commands), then the policy —
 * nothing to do when the failed migration's transaction rolled back; otherwise restore the
 * backup, undo just the failed migration from its catalog snapshot (recover-undo), mark the
 * migration rolled back, or stop and say what is committed.
 */








async function onFailure(run, failure) {
    const { settings } = run;
    const details = failure instanceof errors/* MigrateActionsError */.nj ? (failure.details ?? {}) : {};
    const name = details.migration;
    const url = '"$DATABASE_URL"';
    const recordedRolledBack = details.recordedRolledBack === true;
    if (name) {
        run.manualCommands.push(`prisma-migrate-actions status --database-url ${url}`);
        if (details.nothingApplied === true && !recordedRolledBack) {
            run.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${name} --database-url ${url}   # or: npx prisma migrate resolve --rolled-back ${name}`);
        }
        else if (details.nothingApplied !== true) {
            run.manualCommands.push(`prisma-migrate-actions recover ${name} --dry-run --database-url ${url}`);
            run.manualCommands.push(`prisma-migrate-actions recover ${name} --undo --database-url ${url}   # or, with the file fixed: --finish`);
        }
    }
    if (run.backup) {
        run.manualCommands.push(`prisma-migrate-actions restore --backup-path ${run.backup.backupPath} --database-url ${url} --target over-target --confirm ${settings.connection.database}   # stop writers first`);
    }
    if (!name || details.nothingApplied === true) {
        await run.step('Failure policy', async (step) => {
            step.status = 'skip';
            step.detail = recordedRolledBack
                ? 'Nothing of the failed migration was committed (it ran in one transaction that was rolled back): the database is as it was before it, and the attempt is recorded rolled back. Fix the migration (or wait for the blocking sessions) and deploy again; nothing needs resolving.'
                : name
                    ? `Nothing of the failed migration was committed: the database is as it was before it. Its row is left failed (strict-failures): fix the migration, run prisma-migrate-actions resolve --rolled-back ${name}, deploy again.`
                    : 'No migration is left half-applied by this failure.';
        });
        return 'failed';
    }
    return run
        .step('Failure policy', async (step) => {
        const committed = details.committedStatements ?? [];
        step.items = committed.map((s) => `committed: line ${s.line} ${s.summary}`);
        if (settings.onFailure === 'restore')
            return restoreAfterFailure(run, step);
        if (settings.onFailure === 'recover-undo') {
            const undone = await recoverMigration({
                connection: settings.connection,
                migrations: run.local,
                migration: name,
                action: 'undo',
                log: run.log,
            });
            step.items.push(...undone.ran.map((sql) => `undone: ${sql}`));
            step.detail = `Undid ${name} (as prisma-migrate-actions recover ${name} --undo): the catalog equals the one before it, and it is recorded rolled back. Data it changed is not restored; fix the migration and deploy again.`;
            step.status = 'warn';
            return 'rolled-back';
        }
        if (settings.onFailure === 'mark-rolled-back') {
            await resolveMigration({ connection: settings.connection, migrations: run.local, rolledBack: name });
            step.detail = `Marked ${name} rolled back (as prisma migrate resolve --rolled-back would). The statements listed as committed are still in the database: undo them by hand or in the fixed migration.`;
            step.status = 'warn';
            return 'rolled-back';
        }
        step.status = 'warn';
        step.detail = `Stopped (on-failure: stop). ${(0,format/* plural */.LS)(committed.length, 'statement')} of ${name} ${committed.length === 1 ? 'is' : 'are'} committed. Run prisma-migrate-actions recover ${name} --dry-run to see what it changed, then recover ${name} --undo, or fix the file and recover ${name} --finish; or restore the backup.`;
        return 'failed';
    })
        .catch((error) => {
        run.audit.warnings.push(`The failure policy ${settings.onFailure} did not complete: ${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}`);
        return 'failed';
    });
}
/**
 * Restores the pre-migration backup over the target: first drops what the failed migration
 * created that the backup does not contain, then pg_restore --clean, then compares the catalog
 * with the one taken before applying.
 */
async function restoreAfterFailure(run, step) {
    const { settings, backup, catalogBefore } = run;
    if (!backup) {
        step.status = 'fail';
        step.detail = 'on-failure is restore, but there is no pre-migration backup (skip-backup). Follow the manual commands.';
        return 'failed';
    }
    step.detail = `Restoring the pre-migration backup over ${settings.connection.database}. Stopping the application's writers first is the operator's job.`;
    const items = (step.items ??= []);
    if (catalogBefore) {
        const dropped = await dropObjectsCreatedSince(settings.connection, catalogBefore);
        items.push(...dropped.map((sql) => `dropped (created by the failed migration, not in the backup): ${sql}`));
    }
    await (0,src_backup.restoreBackup)({
        backupPath: backup.backupPath,
        manifestPath: (0,storage/* isS3Url */.At)(backup.manifestPath) ? undefined : backup.manifestPath,
        s3: settings.backupS3,
        connection: settings.connection,
        passphrase: settings.backupEncryption && 'passphrase' in settings.backupEncryption ? settings.backupEncryption.passphrase : undefined,
        mode: 'over-target',
        confirm: settings.connection.database,
        log: run.log,
    });
    const left = catalogBefore ? await catalogChangesSince(settings.connection, catalogBefore) : [];
    if (left.length) {
        items.push(...left.map((line) => `differs from before the deploy: ${line}`));
        throw new errors/* MigrateActionsError */.nj('E_RESTORE_INCOMPLETE', `The backup was restored, but ${(0,format/* plural */.LS)(left.length, 'object')} still ${left.length === 1 ? 'differs' : 'differ'} from the catalog before the deploy.`, { remedy: 'Compare with the listed objects and drop or fix them by hand (drift-check shows the SQL).' });
    }
    // What this run applied is gone again: the record and the outputs say so.
    for (const migration of run.audit.migrations)
        if (migration.status === 'applied')
            migration.status = 'undone-by-restore';
    run.applied = [];
    step.detail += catalogBefore
        ? ' Restored: the catalog matches the one before this deploy, and the row counts match the backup.'
        : ' Restored (row counts match the backup; the catalog before the deploy could not be read to compare).';
    return 'restored';
}

// EXTERNAL MODULE: ./src/notify/audit-sinks.ts
var audit_sinks = __webpack_require__(5603);
;// CONCATENATED MODULE: ./src/deploy/pipeline.ts
/**
 * The production pipeline: gate → preflight → backup → apply (monitored) → verify, with a
 * failure policy and one audit record however it ends. Nothing touches the database before the
 * gate has passed; nothing is applied without its backup unless skipping it was explicit.
 * Each stage lives in its own module (gate, preflight, apply-step, verify, failure-policy);
 * this one runs them in order and closes the record.
 */












async function deploy(settings, deps) {
    const run = new DeployRun(settings, deps);
    let outcome = 'failed';
    try {
        await approvalGate(run);
        const proceed = await preflight(run);
        if (!proceed)
            outcome = 'no-op';
        else if (settings.dryRun) {
            await rehearseDryRun(run);
            outcome = 'dry-run';
        }
        else {
            await rehearseDryRun(run); // says it does not run here
            await takeBackup(run);
            const failure = await applyMonitored(run);
            if (failure) {
                run.recordError(failure);
                outcome = await onFailure(run, failure);
            }
            else {
                outcome = 'success';
                await verifyDeploy(run);
            }
        }
    }
    catch (error) {
        if (error instanceof Stop) {
            outcome = error.outcome;
            if (error.reason)
                run.recordError(error.reason);
        }
        else {
            run.recordError(error);
            outcome = 'failed';
        }
    }
    try {
        return await pipeline_finish(run, outcome);
    }
    finally {
        await run.deployLock?.release();
    }
}
async function pipeline_finish(run, outcome) {
    const { settings, audit } = run;
    audit.outcome = outcome;
    audit.finishedAt = new Date().toISOString();
    audit.timingsMs.total = Date.now() - run.started;
    if (run.error)
        audit.error = run.error;
    const touched = outcome !== 'refused' && outcome !== 'dry-run';
    if (touched) {
        await (0,postgres_client/* withClient */.SV)(settings.connection, deploySession('prisma-migrate-actions-audit', { readOnly: true }), async (client) => {
            audit.databaseSizeAfter = await databaseSize(client);
        }).catch(() => undefined);
    }
    if (settings.auditTable && touched) {
        await appendAuditRow(settings.connection, audit).catch((error) => audit.warnings.push(`Audit row not written: ${(0,redact/* redact */.E$)(error.message)}`));
    }
    const auditPath = writeAuditFile(audit, settings.reportDir);
    const shipping = outcome === 'dry-run' ? undefined : await (0,audit_sinks/* shipAuditRecord */.dz)(audit, settings.auditSinks ?? []);
    if (shipping)
        run.steps.push(shipping);
    return {
        outcome,
        steps: run.steps,
        applied: run.applied,
        pending: run.pending.map((m) => m.name),
        plan: run.plan,
        lint: run.lint,
        rehearsal: run.rehearsal,
        rehearsalFindings: run.rehearsalFindings,
        backup: run.backup,
        monitor: run.monitor,
        audit,
        auditPath,
        manualCommands: run.manualCommands,
        error: run.error,
    };
}


/***/ }),

/***/ 9397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ rangeVarKey),
/* harmony export */   IN: () => (/* binding */ nameParts),
/* harmony export */   L7: () => (/* binding */ typeInfo),
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   _z: () => (/* binding */ quoteKey),
/* harmony export */   bd: () => (/* binding */ constraintName),
/* harmony export */   qM: () => (/* binding */ partsKey)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7344);


/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
function rangeVarKey(rangeVar, defaultSchema) {
    if (!rangeVar)
        return `${defaultSchema}.?`;
    const rv = 'RangeVar' in rangeVar ? rangeVar.RangeVar : rangeVar;
    return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}
/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
function nameParts(node) {
    const items = Array.isArray(node) ? node : ((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(node, 'List')?.items ?? ((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(node, 'String') ? [node] : []));
    return items.map((item) => (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(item, 'String')?.sval).filter((s) => typeof s === 'string');
}
/** `schema.name` key of a possibly qualified dotted name. */
function partsKey(parts, defaultSchema) {
    return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}
/** SQL for a `schema.name` key (split at the first dot: the schema part never holds one). */
function quoteKey(key) {
    const dot = key.indexOf('.');
    return `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(key.slice(0, dot))}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(key.slice(dot + 1))}`;
}
function typeInfo(typeName) {
    if (!typeName)
        return undefined;
    const parts = nameParts(typeName.names);
    const typmods = (typeName.typmods ?? []).map((m) => Number((0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(m, 'A_Const')?.ival?.ival ?? 0));
    return { name: (parts[parts.length - 1] ?? '').toLowerCase(), typmods, isArray: Array.isArray(typeName.arrayBounds) };
}
function describeType(type) {
    if (!type)
        return 'unknown';
    return `${type.name}${type.typmods.length ? `(${type.typmods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}
/** The constraint's name, or the one PostgreSQL would choose for it (`users_pkey`, `users_email_key`). */
function constraintName(table, constraint) {
    if (constraint.conname)
        return constraint.conname;
    const bare = table.slice(table.indexOf('.') + 1);
    if (constraint.contype === 'CONSTR_PRIMARY')
        return `${bare}_pkey`;
    return `${bare}_${nameParts(constraint.keys ?? constraint.fk_attrs).join('_')}_${constraint.contype === 'CONSTR_FOREIGN' ? 'fkey' : 'key'}`;
}


/***/ }),

/***/ 7344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ nodeOf),
/* harmony export */   Nh: () => (/* binding */ nodesOf),
/* harmony export */   T8: () => (/* binding */ statementOf)
/* harmony export */ });
/** The fields of `node` when it is a `kind` node, else undefined. */
function nodeOf(node, kind) {
    return node && kind in node ? node[kind] : undefined;
}
/** The `kind` fields of every `kind` node in a list (others are skipped). */
function nodesOf(nodes, kind) {
    return (nodes ?? []).map((node) => nodeOf(node, kind)).filter((n) => n !== undefined);
}
/** The statement's fields when it is a `kind` statement (its node is the type its kind names). */
function statementOf(statement, kind) {
    return statement.kind === kind ? statement.node : undefined;
}


/***/ })

};
