import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 322;
export const ids = [322];
export const modules = {

/***/ 1366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ isSmallIdType),
/* harmony export */   C$: () => (/* binding */ charOffset),
/* harmony export */   Mm: () => (/* binding */ checkExpressionText),
/* harmony export */   Z0: () => (/* binding */ isZeroSetting),
/* harmony export */   aH: () => (/* binding */ isBinaryCoercible),
/* harmony export */   b4: () => (/* binding */ newColumn),
/* harmony export */   wd: () => (/* binding */ notNullColumnWithoutDefault)
/* harmony export */ });
/* unused harmony exports volatileFunction, isSerial */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9397);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7344);


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
        const call = (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(node, 'FuncCall');
        if (call)
            out.push(((0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .nameParts */ .IN)(call.funcname).pop() ?? '').toLowerCase());
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
    const constraints = (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodesOf */ .Nh)(def.constraints, 'Constraint');
    const find = (type) => constraints.find((c) => c.contype === type);
    const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
    const type = (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .typeInfo */ .L7)(def.typeName);
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
    const def = (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(cmd.def, 'ColumnDef');
    if (!def)
        return undefined;
    const column = newColumn(def, serverMajor);
    return column.notNull && !column.filled ? def : undefined;
}
/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
function isZeroSetting(statement) {
    const value = (0,_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeOf */ .E7)(statement.node.args?.[0], 'A_Const');
    if (!value)
        return statement.node.kind !== 'VAR_SET_VALUE';
    if (value.ival)
        return !value.ival.ival;
    return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
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


/***/ }),

/***/ 5619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ EXISTING_USERS),
/* harmony export */   Hu: () => (/* binding */ rule),
/* harmony export */   Yo: () => (/* binding */ EXISTING_ORGS),
/* harmony export */   pf: () => (/* binding */ ACCESS_EXCLUSIVE_BLOCKS),
/* harmony export */   us: () => (/* binding */ CREATE_ONLY)
/* harmony export */ });
/** A catalogue entry; lock rules scale with table size and, like most, look at existing objects only. */
function rule(spec) {
    return { scope: 'existing', scalable: spec.id.startsWith('lock/'), ...spec };
}
const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';


/***/ }),

/***/ 3322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BU: () => (/* binding */ FAMILIES),
  y0: () => (/* binding */ RULES),
  kF: () => (/* binding */ RULES_BY_ID),
  t1: () => (/* reexport */ doc_url/* RULE_DOCS_BASE_URL */.t1),
  KX: () => (/* binding */ isRuleId),
  BD: () => (/* binding */ ruleById),
  du: () => (/* reexport */ doc_url/* ruleDocFile */.du),
  Cg: () => (/* reexport */ doc_url/* ruleDocUrl */.Cg),
  sg: () => (/* binding */ ruleOrThrow),
  jX: () => (/* binding */ ruleOrder)
});

// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/lint/rule.ts
var rule = __webpack_require__(5619);
;// CONCATENATED MODULE: ./src/lint/rules/batch.ts
/**
 * Batch directive rules: directives the engine would refuse (found at lint time with the same
 * positions apply reports), batched statements that are not safe to run again, and directives the
 * Prisma CLI engine ignores. Also the directive a backfill's fix suggests, sized from the table.
 */


const EXISTING = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, plan text, logins int NOT NULL DEFAULT 0);';
const BATCH_RULES = [
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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

// EXTERNAL MODULE: ./src/lint/expressions.ts
var expressions = __webpack_require__(1366);
// EXTERNAL MODULE: ./src/lint/names.ts
var lint_names = __webpack_require__(9397);
;// CONCATENATED MODULE: ./src/lint/rules/compat.ts



const COMPAT_RULES = [
    (0,rule/* rule */.Hu)({
        id: 'compat/add-not-null-column-without-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New NOT NULL column without a default on an existing table',
        flags: 'ALTER TABLE … ADD COLUMN … NOT NULL with no DEFAULT (and not generated or identity) on an existing table.',
        blocks: 'The statement fails on any table with rows; once it succeeds, application versions still running fail on INSERT because they do not send the column.',
        safe: 'Add the column nullable (or with a non-volatile default), backfill, then make it NOT NULL.',
        prisma: 'Give the field a `@default(...)` in schema.prisma, or make it optional (`Type?`) first and required in a later release after a backfill.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users ADD COLUMN plan text NOT NULL;', 'ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;'],
            good: [
                "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
                'ALTER TABLE users ADD COLUMN plan text;',
                'ALTER TABLE users ADD COLUMN serial_no bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
            ],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'compat/rename-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a table breaks running application versions',
        flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
        blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
        safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
        prisma: 'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users RENAME TO accounts;', 'ALTER TABLE IF EXISTS users RENAME TO members;'],
            good: ['CREATE TABLE drafts (id bigint);\nALTER TABLE drafts RENAME TO posts;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'compat/rename-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a column breaks running application versions',
        flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
        blocks: 'Queries of application versions that still use the old column name fail.',
        safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
        prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users RENAME COLUMN name TO full_name;', 'ALTER TABLE users RENAME email TO email_address;'],
            good: ['ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO nickname;'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
        id: 'compat/enum-add-value-without-position',
        severity: 'notice',
        lock: undefined,
        scope: 'existing',
        title: 'Enum value added without BEFORE/AFTER',
        flags: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER on an enum that existed before this change set (the value sorts last).',
        blocks: 'Nothing; ORDER BY on the column and comparisons use the declaration order, which may not be the intended one. Before PostgreSQL 12 the statement cannot run in a transaction block, and the new value cannot be used in the transaction that adds it.',
        safe: "Say where the value goes: ALTER TYPE … ADD VALUE 'x' AFTER 'y'; use it only in a later migration.",
        prisma: `${rule/* CREATE_ONLY */.us} add \`BEFORE '…'\` or \`AFTER '…'\` to Prisma's \`ALTER TYPE … ADD VALUE\`.`,
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            bad: ["ALTER TYPE role ADD VALUE 'owner';", "ALTER TYPE role ADD VALUE IF NOT EXISTS 'guest';"],
            good: ["ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';", "ALTER TYPE role ADD VALUE 'guest' BEFORE 'user';"],
        },
    }),
    (0,rule/* rule */.Hu)({
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
    const def = (0,expressions/* notNullColumnWithoutDefault */.wd)(cmd, env.serverMajor);
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

// EXTERNAL MODULE: ./src/lint/nodes.ts
var nodes = __webpack_require__(7344);
;// CONCATENATED MODULE: ./src/lint/rules/data-loss.ts



const DATA_LOSS_RULES = [
    (0,rule/* rule */.Hu)({
        id: 'data-loss/drop-table',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP TABLE loses data',
        flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
        blocks: 'Every query on the table; afterwards every application version still reading it fails.',
        safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
        prisma: 'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['DROP TABLE users;', 'DROP TABLE IF EXISTS users CASCADE;'],
            good: ['CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'data-loss/drop-column',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP COLUMN loses data',
        flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
        blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
        safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
        prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users DROP COLUMN name;', 'ALTER TABLE users DROP COLUMN IF EXISTS email, DROP COLUMN age;'],
            good: ['ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users DROP COLUMN tmp;'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
        id: 'data-loss/truncate',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'TRUNCATE empties tables (CASCADE: others too)',
        flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} All rows are gone.`,
        safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
        prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['TRUNCATE users CASCADE;', 'TRUNCATE TABLE users;'],
            good: ['CREATE TABLE staging (id bigint);\nTRUNCATE staging;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'data-loss/delete-without-where',
        severity: 'error',
        lock: 'ROW EXCLUSIVE',
        title: 'DELETE without WHERE',
        flags: 'DELETE without a WHERE clause on an existing table.',
        blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
        safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
        prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['DELETE FROM users;', 'DELETE FROM ONLY users;'],
            good: ['DELETE FROM users WHERE id < 0;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'data-loss/update-without-where',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'UPDATE without WHERE',
        flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
        blocks: 'Concurrent writes to every row until the migration commits.',
        safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
        prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
;// CONCATENATED MODULE: ./src/lint/rules/data.ts





const DATA_RULES = [
    (0,rule/* rule */.Hu)({
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
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
                'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
                'CREATE UNIQUE INDEX users_lower_email_key ON users (lower(email));',
            ],
            good: ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email);'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD COLUMN plan text NOT NULL;'],
            good: ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"],
        },
    }),
    (0,rule/* rule */.Hu)({
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
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
                'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
            ],
            good: ['ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
            existing: `${rule/* EXISTING_USERS */.HI}\n${rule/* EXISTING_ORGS */.Yo}`,
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
    const offset = (0,expressions/* charOffset */.C$)(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
    const expression = singleExpression((0,expressions/* checkExpressionText */.Mm)(env.sql, offset));
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
    const def = (0,expressions/* notNullColumnWithoutDefault */.wd)(cmd, env.serverMajor);
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
    (0,rule/* rule */.Hu)({
        id: 'lock/add-column-volatile-default',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New column that rewrites the table',
        flags: 'ADD COLUMN on an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval …), a serial type, an identity, or a stored generated column; before PostgreSQL 11 any default.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held while every row is rewritten.`,
        safe: 'Add the column without a default, set the default for new rows (ALTER COLUMN … SET DEFAULT), and backfill existing rows in batches outside the schema migration.',
        prisma: `${rule/* CREATE_ONLY */.us} split Prisma's \`ADD COLUMN … DEFAULT gen_random_uuid()\` into ADD COLUMN and SET DEFAULT; backfill with a script.`,
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/alter-column-type',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ALTER COLUMN TYPE rewrites the table and its indexes',
        flags: 'ALTER COLUMN … TYPE on an existing table, unless the change is known to be binary-coercible (varchar growth, varchar → text, numeric precision growth).',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held while the table and every index on it are rewritten.`,
        safe: 'Add a new column of the new type, write both, backfill in batches, switch readers, then drop the old column.',
        prisma: 'Add a new field with the new type (`@map` lets it keep a database name), deploy dual writes, backfill, then remove the old field in a later migration.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
                'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);',
                'ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;',
            ],
            good: ['ALTER TABLE users ADD COLUMN age_big bigint;', 'ALTER TABLE users ALTER COLUMN name TYPE text;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/vacuum-full',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'VACUUM FULL rewrites the table',
        flags: 'VACUUM FULL of an existing table (or of the whole database).',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held for the whole rewrite.`,
        safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
        prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['VACUUM FULL users;', 'VACUUM (FULL, ANALYZE) users;', 'VACUUM FULL;'],
            good: ['VACUUM users;', 'VACUUM (ANALYZE) users;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/cluster',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'CLUSTER rewrites the table',
        flags: 'CLUSTER of an existing table.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held for the whole rewrite.`,
        safe: 'Use pg_repack; schedule rewrites outside migrations.',
        prisma: 'Do not put CLUSTER in migration.sql.',
        example: {
            existing: `${rule/* EXISTING_USERS */.HI}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['CLUSTER users USING users_name_idx;', 'CLUSTER users;'],
            good: ['CREATE TABLE t (id bigint PRIMARY KEY);\nCLUSTER t USING t_pkey;'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
        id: 'lock/set-logged-unlogged',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET LOGGED / SET UNLOGGED rewrites the table',
        flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} UNLOGGED tables are also emptied after a crash and not replicated.`,
        safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users SET UNLOGGED;', 'ALTER TABLE users SET LOGGED;'],
            good: [],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/set-access-method',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET ACCESS METHOD rewrites the table',
        flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held for the whole rewrite.`,
        safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users SET ACCESS METHOD heap;'],
            good: [],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/create-trigger',
        severity: 'warning',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'Trigger added to an existing table',
        flags: 'CREATE TRIGGER on an existing table.',
        blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
        safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
        prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
                'CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();',
            ],
            good: ['CREATE TABLE t (id bigint);\nCREATE TRIGGER t_audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION audit();'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/backfill-in-ddl-migration',
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'Data backfill in the same migration as schema changes',
        flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
        blocks: 'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
        safe: 'Put `-- prisma-migrate-actions: batch size=5000 pause=50ms` directly above the UPDATE/DELETE: the built-in engine commits the schema changes first, then runs the backfill in batches of its own short transactions, resumable after a crash. Or run the backfill outside the schema migration, in batches, between the expand and the contract migrations.',
        prisma: 'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
    (0,rule/* rule */.Hu)({
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
            existing: rule/* EXISTING_USERS */.HI,
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
    const rewrite = def && (0,expressions/* newColumn */.b4)(def, env.serverMajor).rewrite;
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
    if (to && from && !def?.raw_default && (0,expressions/* isBinaryCoercible */.aH)(from, to))
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
    return statement.kind === 'VariableSetStmt' && statement.node.name === 'lock_timeout' && !(0,expressions/* isZeroSetting */.Z0)(statement);
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
var sql = __webpack_require__(5259);
;// CONCATENATED MODULE: ./src/lint/rules/lock.ts




const LOCK_RULES = [
    (0,rule/* rule */.Hu)({
        id: 'lock/create-index-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'CREATE INDEX without CONCURRENTLY on an existing table',
        flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
        blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
        safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
        prisma: `${rule/* CREATE_ONLY */.us} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/drop-index-non-concurrent',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP INDEX without CONCURRENTLY',
        flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
        blocks: rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf,
        safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
        prisma: `${rule/* CREATE_ONLY */.us} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
        example: {
            existing: `${rule/* EXISTING_USERS */.HI}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['DROP INDEX users_name_idx;', 'DROP INDEX IF EXISTS users_name_idx;'],
            good: ['DROP INDEX CONCURRENTLY users_name_idx;', 'DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/reindex-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        title: 'REINDEX without CONCURRENTLY',
        flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
        blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
        safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
        prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: `${rule/* EXISTING_USERS */.HI}\nCREATE INDEX users_name_idx ON users (name);`,
            bad: ['REINDEX INDEX users_name_idx;', 'REINDEX TABLE users;'],
            good: ['REINDEX INDEX CONCURRENTLY users_name_idx;', 'REINDEX TABLE CONCURRENTLY users;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'lock/add-unique-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
        flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held while the whole index builds.`,
        safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
        prisma: `${rule/* CREATE_ONLY */.us} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/add-foreign-key-validated',
        severity: 'error',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'ADD FOREIGN KEY validates every row while both tables are locked',
        flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
        blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
        safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
        prisma: `${rule/* CREATE_ONLY */.us} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
        example: {
            existing: `${rule/* EXISTING_USERS */.HI}\n${rule/* EXISTING_ORGS */.Yo}`,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/add-check-validated',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD CHECK validates every row under an exclusive lock',
        flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held during the full scan.`,
        safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
        prisma: `${rule/* CREATE_ONLY */.us} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/add-exclusion-constraint',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Exclusion constraint added to an existing table',
        flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held while the index builds and every row is checked.`,
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
    (0,rule/* rule */.Hu)({
        id: 'lock/set-not-null',
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET NOT NULL scans the table under ACCESS EXCLUSIVE',
        flags: 'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
        blocks: `${rule/* ACCESS_EXCLUSIVE_BLOCKS */.pf} It is held during the full scan.`,
        safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
        prisma: `${rule/* CREATE_ONLY */.us} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
        example: {
            existing: rule/* EXISTING_USERS */.HI,
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
            ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${(0,lint_names/* nameParts */.IN)(objects[0]).map(sql/* quoteIdent */.v4).join('.')}`
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
            const name = (0,sql/* quoteIdent */.v4)((0,lint_names/* constraintName */.bd)(table, constraint));
            const target = (0,lint_names/* quoteKey */._z)(table);
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `${kind} ${(0,lint_names/* constraintName */.bd)(table, constraint)} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
                replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${target} (${(0,lint_names/* nameParts */.IN)(constraint.keys).map(sql/* quoteIdent */.v4).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}`,
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
    const check = (0,sql/* quoteIdent */.v4)(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
    emit({
        ruleId: 'lock/set-not-null',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
        replacement: [
            `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${(0,sql/* quoteIdent */.v4)(column)} IS NOT NULL) NOT VALID`,
            `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
            `ALTER TABLE ${target} ALTER COLUMN ${(0,sql/* quoteIdent */.v4)(column)} SET NOT NULL`,
            `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
        ].join(';\n'),
    });
}
const lock = {
    rules: LOCK_RULES,
    statements: { IndexStmt: createIndex, DropStmt: dropIndex, ReindexStmt: reindex },
    alterTable: { AT_AddColumn: lock_addColumn, AT_AddConstraint: lock_addConstraint, AT_SetNotNull: lock_setNotNull },
};

// EXTERNAL MODULE: ./src/lint/rules/meta.ts
var meta = __webpack_require__(5328);
// EXTERNAL MODULE: ./src/lint/rules/naming.ts
var naming = __webpack_require__(8545);
;// CONCATENATED MODULE: ./src/lint/rules/review.ts


const REVIEW_RULES = [
    (0,rule/* rule */.Hu)({
        id: 'review/replica-identity',
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'REPLICA IDENTITY changed',
        flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
        blocks: 'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
        safe: 'Coordinate with the owners of replication / CDC consumers.',
        prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: ['ALTER TABLE users REPLICA IDENTITY FULL;', 'ALTER TABLE users REPLICA IDENTITY DEFAULT;'],
            good: [],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'review/row-level-security',
        severity: 'notice',
        scope: 'any',
        title: 'Row-level security changed',
        flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
        blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
        safe: 'Review the policies explicitly with the people who own authorisation.',
        prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
                "CREATE POLICY own_rows ON users USING (id = current_setting('app.user_id')::bigint);",
                'ALTER TABLE users FORCE ROW LEVEL SECURITY;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    (0,rule/* rule */.Hu)({
        id: 'review/grant-revoke',
        severity: 'notice',
        scope: 'any',
        title: 'Privileges granted or revoked',
        flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
        blocks: 'Nothing; who may read or write changes.',
        safe: 'Review explicitly; prefer granting to roles, not to users.',
        prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
        example: {
            existing: rule/* EXISTING_USERS */.HI,
            bad: [
                'GRANT SELECT ON users TO reporting;',
                'REVOKE ALL ON users FROM PUBLIC;',
                'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reporting;',
            ],
            good: ['ALTER TABLE users ADD COLUMN note text;'],
        },
    }),
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    if (!TIMEOUT_SETTINGS.has(node.name ?? '') || (env.engine === 'prisma' && !(0,expressions/* isZeroSetting */.Z0)(statement)))
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    (0,rule/* rule */.Hu)({
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
    if ((isId && (0,expressions/* isSmallIdType */.BO)(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial')
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

// EXTERNAL MODULE: ./src/lint/rules/doc-url.ts
var doc_url = __webpack_require__(7215);
;// CONCATENATED MODULE: ./src/lint/rules/index.ts











/** In catalogue order: findings on the same statement are listed in this order. */
const FAMILIES = [lock, lockTable, transaction, batch, dataLoss, compat, data, review, types, naming/* naming */.b7, meta/* meta */.mI];
const RULES = FAMILIES.flatMap((family) => family.rules);
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
const ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const RULES_BY_ID = BY_ID;
function isRuleId(id) {
    return BY_ID.has(id);
}
function ruleById(id) {
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
    return ORDER.get(id) ?? RULES.length;
}



/***/ }),

/***/ 5328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zi: () => (/* binding */ ignoreFindings),
/* harmony export */   mI: () => (/* binding */ meta)
/* harmony export */ });
/* unused harmony export META_RULES */
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5619);

const META_RULES = [
    (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)({
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
    (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)({
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
    (0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)({
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


/***/ }),

/***/ 8545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b7: () => (/* binding */ naming),
/* harmony export */   jh: () => (/* binding */ longIdentifiers)
/* harmony export */ });
/* unused harmony export NAMING_RULES */
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1366);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5619);
/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */



const NAMING_RULES = [
    (0,_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .rule */ .Hu)({
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
    for (const token of (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .pgQuery */ .E5)().scanSync(source.sql).tokens) {
        if (token.tokenName !== 'IDENT')
            continue;
        const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
        const bytes = Buffer.byteLength(name);
        if (bytes <= MAX_IDENTIFIER_BYTES)
            continue;
        const offset = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .charOffset */ .C$)(source.sql, token.start, isAscii);
        const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
        const truncated = Buffer.from(name)
            .subarray(0, MAX_IDENTIFIER_BYTES)
            .toString('utf8')
            .replace(/\uFFFD$/, '');
        out.push({
            ruleId: 'naming/identifier-too-long',
            source,
            ...(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .positionOf */ .df)(source.sql, offset),
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


/***/ })

};
