import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 650;
export const ids = [650];
export const modules = {

/***/ 9650:
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
    plan;
    lint;
    backup;
    monitor;
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
var plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
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

// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
;// CONCATENATED MODULE: ./src/lint/nodes.ts
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

;// CONCATENATED MODULE: ./src/lint/names.ts


/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
function rangeVarKey(rangeVar, defaultSchema) {
    if (!rangeVar)
        return `${defaultSchema}.?`;
    const rv = 'RangeVar' in rangeVar ? rangeVar.RangeVar : rangeVar;
    return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}
/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
function nameParts(node) {
    const items = Array.isArray(node) ? node : (nodeOf(node, 'List')?.items ?? (nodeOf(node, 'String') ? [node] : []));
    return items.map((item) => nodeOf(item, 'String')?.sval).filter((s) => typeof s === 'string');
}
/** `schema.name` key of a possibly qualified dotted name. */
function partsKey(parts, defaultSchema) {
    return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}
/** SQL for a `schema.name` key (split at the first dot: the schema part never holds one). */
function quoteKey(key) {
    const dot = key.indexOf('.');
    return `${(0,postgres_sql/* quoteIdent */.v4)(key.slice(0, dot))}.${(0,postgres_sql/* quoteIdent */.v4)(key.slice(dot + 1))}`;
}
function typeInfo(typeName) {
    if (!typeName)
        return undefined;
    const parts = nameParts(typeName.names);
    const typmods = (typeName.typmods ?? []).map((m) => Number(nodeOf(m, 'A_Const')?.ival?.ival ?? 0));
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
        const call = nodeOf(node, 'FuncCall');
        if (call)
            out.push((nameParts(call.funcname).pop() ?? '').toLowerCase());
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
    const constraints = nodesOf(def.constraints, 'Constraint');
    const find = (type) => constraints.find((c) => c.contype === type);
    const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
    const type = typeInfo(def.typeName);
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
    const def = nodeOf(cmd.def, 'ColumnDef');
    if (!def)
        return undefined;
    const column = newColumn(def, serverMajor);
    return column.notNull && !column.filled ? def : undefined;
}
/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
function isZeroSetting(statement) {
    const value = nodeOf(statement.node.args?.[0], 'A_Const');
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
    const type = partsKey(nameParts(node.typeName), env.ctx.defaultSchema);
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
    const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
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
            const names = objects.map((o) => nameParts(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
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
    const tables = nodesOf(node.relations, 'RangeVar')
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
    const elements = nodesOf(node.indexParams, 'IndexElem');
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
    const columns = nameParts(constraint.fk_attrs);
    emit({
        ruleId: 'data/foreign-key-violations',
        tables: [table],
        message: message(refTable),
        dataCheck: { kind: 'fk', table, columns, refTable, refColumns: nameParts(constraint.pk_attrs), refIsNew: env.ctx.isNewTable(refTable) },
    });
}
function addConstraint(args) {
    const { cmd, table, emit } = args;
    const constraint = nodeOf(cmd.def, 'Constraint');
    if (!constraint)
        return;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the unique index was checked when it was built
            const isPk = constraint.contype === 'CONSTR_PRIMARY';
            const columns = nameParts(constraint.keys);
            emit({
                ruleId: 'data/duplicate-values',
                tables: [table],
                message: `${isPk ? 'PRIMARY KEY' : 'UNIQUE'} ${constraintName(table, constraint)} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
                dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
            });
            return;
        }
        case 'CONSTR_FOREIGN':
            if (!constraint.skip_validation)
                foreignKeyData(args, constraint, (ref) => `Foreign key on ${table} (${nameParts(constraint.fk_attrs).join(', ')}) fails if rows reference missing ${ref} rows.`);
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
    const def = nodeOf(cmd.def, 'ColumnDef');
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
    const def = nodeOf(cmd.def, 'ColumnDef');
    const to = typeInfo(def?.typeName);
    const from = env.ctx.column(table, cmd.name ?? '')?.type;
    if (to && from && !def?.raw_default && isBinaryCoercible(from, to))
        return;
    const why = def?.raw_default
        ? 'a USING expression always rewrites'
        : from
            ? `${describeType(from)} → ${describeType(to)} is not binary-coercible`
            : `the column's current type is not known to the linter, so ${describeType(to)} is assumed to need a rewrite`;
    emit({
        ruleId: 'lock/alter-column-type',
        tables: [table],
        message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
    });
}
function vacuum(node, env, emit) {
    const full = nodesOf(node.options, 'DefElem').some((o) => o.defname === 'full');
    if (!node.is_vacuumcmd || !full)
        return;
    const tables = nodesOf(node.rels, 'VacuumRelation').map((r) => env.ctx.key(r.relation));
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
    return statement.kind === 'InsertStmt' && !!nodeOf(statement.node.selectStmt, 'SelectStmt')?.fromClause;
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
            if (nodeOf(cmd.def, 'PartitionCmd')?.concurrent)
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
    const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
    const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
    if (!existing.length)
        return;
    const tables = existing.map((k) => ctx.index(k)?.table).filter((t) => !!t);
    emit({
        ruleId: 'lock/drop-index-non-concurrent',
        tables,
        message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
        replacement: keys.length === 1
            ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${nameParts(objects[0]).map(postgres_sql/* quoteIdent */.v4).join('.')}`
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
    const def = nodeOf(cmd.def, 'ColumnDef');
    if (!def)
        return;
    const column = `${table}.${def.colname}`;
    for (const constraint of nodesOf(def.constraints, 'Constraint')) {
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
    const constraint = nodeOf(cmd.def, 'Constraint');
    if (!constraint)
        return;
    const withNotValid = single && !constraint.skip_validation ? `${statement.text} NOT VALID` : undefined;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY': {
            if (constraint.indexname)
                return; // USING INDEX: the index was built beforehand
            const kind = constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
            const name = (0,postgres_sql/* quoteIdent */.v4)(constraintName(table, constraint));
            const target = quoteKey(table);
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `${kind} ${constraintName(table, constraint)} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
                replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${target} (${nameParts(constraint.keys).map(postgres_sql/* quoteIdent */.v4).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}`,
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
    const target = quoteKey(table);
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
            message: `Extension ${objects.map((o) => nameParts(o)[0]).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`,
        });
    else if (node.removeType === 'OBJECT_POLICY')
        rls(`Policy ${objects.map((o) => partsKey(nameParts(o), env.ctx.defaultSchema)).join(', ')} is dropped.`, '', emit);
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
    const type = typeInfo(def.typeName);
    if (!type)
        return;
    const where = `${table}.${def.colname}`;
    const constraints = nodesOf(def.constraints, 'Constraint').map((c) => c.contype);
    const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
    if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial')
        emit({
            ruleId: 'types/prefer-bigint',
            tables: [],
            message: `${where} is ${describeType(type)}: it overflows after about 2 billion values.`,
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
    const pk = new Set(nodesOf(elements, 'Constraint').flatMap((c) => (c.contype === 'CONSTR_PRIMARY' ? nameParts(c.keys) : [])));
    for (const def of nodesOf(elements, 'ColumnDef'))
        typeChoices(def, table, pk.has(def.colname ?? ''), emit);
}
const types = {
    rules: TYPES_RULES,
    statements: { CreateStmt: createTable },
    alterAnyTable: {
        AT_AddColumn: ({ cmd, table, emit }) => {
            const def = nodeOf(cmd.def, 'ColumnDef');
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
        return rangeVarKey(rangeVar, this.defaultSchema);
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
        const create = statementOf(statement, 'CreateStmt');
        if (create)
            this.createTable(this.key(create.relation), create.tableElts ?? []);
        const createAs = statementOf(statement, 'CreateTableAsStmt');
        if (createAs)
            this.createTable(this.key(createAs.into?.rel), []);
        const view = statementOf(statement, 'ViewStmt');
        if (view)
            this.createTable(this.key(view.view), []);
        const index = statementOf(statement, 'IndexStmt');
        if (index?.idxname)
            this.indexes.set(this.qualify(index.relation, index.idxname), { table: this.key(index.relation), gen: this.gen });
        const alter = statementOf(statement, 'AlterTableStmt');
        if (alter)
            this.alterTable(this.key(alter.relation), nodesOf(alter.cmds, 'AlterTableCmd'));
        const rename = statementOf(statement, 'RenameStmt');
        if (rename)
            this.rename(rename);
        const drop = statementOf(statement, 'DropStmt');
        if (drop)
            this.drop(drop);
        const schema = statementOf(statement, 'CreateSchemaStmt');
        if (schema)
            this.others.set(`schema:${schema.schemaname}`, this.gen);
        const sequence = statementOf(statement, 'CreateSeqStmt');
        if (sequence)
            this.others.set(`seq:${this.key(sequence.sequence)}`, this.gen);
        const enumType = statementOf(statement, 'CreateEnumStmt');
        if (enumType)
            this.others.set(`type:${partsKey(nameParts(enumType.typeName), this.defaultSchema)}`, this.gen);
        const dml = statementOf(statement, 'UpdateStmt') ?? statementOf(statement, 'DeleteStmt') ?? statementOf(statement, 'InsertStmt');
        if (dml)
            this.dmlTouched.add(this.key(dml.relation));
    }
    qualify(relation, name) {
        return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
    }
    createTable(key, elements) {
        const table = { gen: this.gen, columns: new Map() };
        this.tables.set(key, table);
        for (const def of nodesOf(elements, 'ColumnDef'))
            this.addColumn(table, def);
        for (const constraint of nodesOf(elements, 'Constraint'))
            this.addConstraint(key, constraint);
    }
    addColumn(table, def) {
        const constraints = nodesOf(def.constraints, 'Constraint');
        const hasDefault = constraints.some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED');
        table.columns.set(def.colname ?? '', { gen: this.gen, type: typeInfo(def.typeName), hasDefault });
    }
    addConstraint(table, constraint) {
        if (!constraint.conname)
            return;
        this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
        if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
            this.recordNotNullProof(table, constraint);
    }
    recordNotNullProof(table, constraint) {
        const test = nodeOf(constraint.raw_expr, 'NullTest');
        if (test?.nulltesttype !== 'IS_NOT_NULL')
            return;
        const column = nameParts(nodeOf(test.arg, 'ColumnRef')?.fields).pop();
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
            const def = nodeOf(cmd.def, 'ColumnDef');
            const constraint = nodeOf(cmd.def, 'Constraint');
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
        const type = typeInfo(def?.typeName);
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
            const key = partsKey(nameParts(object), this.defaultSchema);
            if (node.removeType === 'OBJECT_TABLE' || node.removeType === 'OBJECT_VIEW' || node.removeType === 'OBJECT_MATVIEW')
                this.tables.delete(key);
            else if (node.removeType === 'OBJECT_INDEX')
                this.indexes.delete(key);
        }
    }
}

;// CONCATENATED MODULE: ./src/lint/database.ts




async function openDatabase(settings, statementTimeoutMs) {
    // Long-lived (openClient): one read-only transaction serves every check of the lint run.
    const client = await (0,postgres_client/* openClient */.My)(settings, { readOnly: true, statementTimeoutMs, applicationName: 'prisma-migrate-actions lint' });
    await client.query('BEGIN READ ONLY');
    const exists = async (sql, params = []) => {
        await client.query('SAVEPOINT lint_check');
        try {
            const result = await client.query(sql, params);
            await client.query('RELEASE SAVEPOINT lint_check');
            return (result.rowCount ?? 0) > 0;
        }
        catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT lint_check');
            throw error;
        }
    };
    return {
        async tableStats(tables) {
            if (!tables.length)
                return [];
            const result = await client.query(`SELECT t.name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
           FROM unnest($1::text[], $2::text[]) AS t(name, regname)
           JOIN pg_class c ON c.oid = to_regclass(t.regname)`, [tables, tables.map(quoteKey)]);
            return result.rows.map((r) => ({ table: r.name, rows: Number(r.rows) < 0 ? null : Number(r.rows), bytes: Number(r.bytes) }));
        },
        async run(check) {
            try {
                return await runCheck(check, exists, client);
            }
            catch (error) {
                return { status: 'failed', detail: (0,redact/* redact */.E$)(error.message) };
            }
        },
        async close() {
            await client.query('ROLLBACK').catch(() => undefined);
            await client.end();
        },
    };
}
const notNullAll = (columns, alias = '') => columns.map((c) => `${alias}${(0,postgres_sql/* quoteIdent */.v4)(c)} IS NOT NULL`).join(' AND ');
async function runCheck(check, exists, client) {
    const table = quoteKey(check.table);
    const found = (detail) => ({ status: 'violation', detail });
    switch (check.kind) {
        case 'unique': {
            const cols = check.columns.map(postgres_sql/* quoteIdent */.v4).join(', ');
            const where = check.nullsNotDistinct ? '' : ` WHERE ${notNullAll(check.columns)}`;
            const dup = await exists(`SELECT 1 FROM ${table}${where} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
            return dup ? found(`${check.table} already holds duplicate values of (${check.columns.join(', ')})`) : { status: 'clean' };
        }
        case 'not-null':
            return (await exists(`SELECT 1 FROM ${table} WHERE ${(0,postgres_sql/* quoteIdent */.v4)(check.column)} IS NULL LIMIT 1`))
                ? found(`${check.table}.${check.column} holds NULL in at least one row`)
                : { status: 'clean' };
        case 'has-rows':
            return (await exists(`SELECT 1 FROM ${table} LIMIT 1`))
                ? found(`${check.table} has rows, and ${check.column} would be NULL in each of them`)
                : { status: 'clean' };
        case 'check':
            return (await exists(`SELECT 1 FROM ${table} WHERE NOT (${check.expression}) LIMIT 1`))
                ? found(`at least one row of ${check.table} violates CHECK (${check.expression})`)
                : { status: 'clean' };
        case 'fk':
            return foreignKey(check, exists, client);
        default:
            return { status: 'failed', detail: `not checkable: ${check.why}` };
    }
}
async function foreignKey(check, exists, client) {
    const child = quoteKey(check.table);
    const referenced = (await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [quoteKey(check.refTable)])).rows[0]?.present;
    const orphans = `rows of ${check.table} reference ${check.refTable} rows that do not exist`;
    if (check.refIsNew || !referenced) {
        // The referenced table is created by the change set: it starts empty, so any non-null key is an orphan.
        return (await exists(`SELECT 1 FROM ${child} WHERE ${notNullAll(check.columns)} LIMIT 1`))
            ? { status: 'violation', detail: orphans }
            : { status: 'clean' };
    }
    const refColumns = check.refColumns.length ? check.refColumns : await primaryKeyColumns(client, check.refTable);
    if (refColumns.length !== check.columns.length)
        return { status: 'failed', detail: `could not match the key columns of ${check.refTable}` };
    const join = check.columns.map((c, i) => `p.${(0,postgres_sql/* quoteIdent */.v4)(refColumns[i])} = c.${(0,postgres_sql/* quoteIdent */.v4)(c)}`).join(' AND ');
    const sql = `SELECT 1 FROM ${child} c WHERE ${notNullAll(check.columns, 'c.')} AND NOT EXISTS (SELECT 1 FROM ${quoteKey(check.refTable)} p WHERE ${join}) LIMIT 1`;
    return (await exists(sql)) ? { status: 'violation', detail: orphans } : { status: 'clean' };
}
async function primaryKeyColumns(client, table) {
    const result = await client.query(`SELECT a.attname FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`, [quoteKey(table)]);
    return result.rows.map((r) => r.attname);
}

;// CONCATENATED MODULE: ./src/lint/detect.ts


/** Candidates for one statement (context not yet updated with the statement's own effects). */
function analyzeStatement(statement, env) {
    const out = [];
    const emit = (candidate) => out.push({ ...candidate, statement });
    const alter = statementOf(statement, 'AlterTableStmt');
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
    const cmds = nodesOf(node.cmds, 'AlterTableCmd');
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
function replayHistory(ctx, history, serverMajor) {
    ctx.recordingNew = false;
    for (const source of history) {
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
    replayHistory(ctx, input.existing ?? [], serverMajor);
    let raws = [];
    const files = new Map();
    let statementsLinted = 0;
    for (const source of input.migrations) {
        const linted = lintFile(source, ctx, input, serverMajor);
        raws.push(...linted.raws);
        files.set(source, linted.file);
        statementsLinted += linted.statements;
        if (input.changeSet === 'each')
            ctx.promoteAll();
    }
    const thresholds = { ...DEFAULT_THRESHOLDS, ...input.config?.thresholds };
    const db = input.database
        ? await openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
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




async function readSource(file, name) {
    try {
        return { name, path: file, sql: await readFile(file, 'utf8') };
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
        entries = await readdir(dir);
    }
    catch (error) {
        throw new MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${error.message}`, {
            where: { file: dir },
            remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
        });
    }
    const sources = [];
    for (const entry of entries.sort((a, b) => a.localeCompare(b))) {
        const full = path.join(dir, entry);
        const info = await stat(full);
        if (info.isDirectory()) {
            const sqlPath = path.join(full, 'migration.sql');
            const exists = await stat(sqlPath).then((s) => s.isFile(), () => false);
            if (exists)
                sources.push(await readSource(sqlPath, entry));
        }
        else if (entry.endsWith('.sql')) {
            sources.push(await readSource(full, entry.slice(0, -4)));
        }
    }
    return sources;
}
/** Named SQL files; a migration.sql is named after its folder. */
async function readLintFiles(files) {
    return Promise.all(files.map((file) => {
        const base = path.basename(file);
        return readSource(file, base === 'migration.sql' ? path.basename(path.dirname(file)) : base.replace(/\.sql$/, ''));
    }));
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
        run.plan = (await (0,plan/* planMigrations */.n6)({ connection: settings.connection, migrations: run.local })).migrations;
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

// EXTERNAL MODULE: ./src/migrations/apply.ts + 2 modules
var apply = __webpack_require__(2753);
// EXTERNAL MODULE: ./src/backup/index.ts + 13 modules
var src_backup = __webpack_require__(193);
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
                if (!known || wait.waitedMs > known.waitedMs)
                    this.waits.set(wait.pid, wait);
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

// EXTERNAL MODULE: ./src/migrations/status.ts
var migrations_status = __webpack_require__(8407);
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
        const status = await (0,migrations_status/* migrationStatus */.v)({ connection: settings.connection, migrations: run.local });
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

// EXTERNAL MODULE: ./src/migrations/resolve.ts
var resolve = __webpack_require__(3697);
// EXTERNAL MODULE: ./src/migrations/recover.ts
var recover = __webpack_require__(2321);
// EXTERNAL MODULE: ./src/storage/index.ts + 3 modules
var storage = __webpack_require__(466);
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
            const undone = await (0,recover/* recoverMigration */.d)({
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
            await (0,resolve/* resolveMigration */.z)({ connection: settings.connection, migrations: run.local, rolledBack: name });
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
        else if (settings.dryRun)
            outcome = 'dry-run';
        else {
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
        return await finish(run, outcome);
    }
    finally {
        await run.deployLock?.release();
    }
}
async function finish(run, outcome) {
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
        backup: run.backup,
        monitor: run.monitor,
        audit,
        auditPath,
        manualCommands: run.manualCommands,
        error: run.error,
    };
}


/***/ })

};
