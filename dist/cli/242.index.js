import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 242;
export const ids = [242];
export const modules = {

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


/***/ }),

/***/ 8261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REHEARSAL_RULE: () => (/* binding */ REHEARSAL_RULE),
/* harmony export */   REHEARSAL_TITLE: () => (/* reexport safe */ _phrases_js__WEBPACK_IMPORTED_MODULE_3__.XT),
/* harmony export */   atProductionSize: () => (/* reexport safe */ _phrases_js__WEBPACK_IMPORTED_MODULE_3__.M),
/* harmony export */   describeRehearsal: () => (/* binding */ describeRehearsal),
/* harmony export */   downgradeHarmless: () => (/* binding */ downgradeHarmless),
/* harmony export */   observationFindings: () => (/* binding */ observationFindings),
/* harmony export */   planFindings: () => (/* binding */ planFindings),
/* harmony export */   rehearsalTable: () => (/* binding */ rehearsalTable),
/* harmony export */   rehearsedCell: () => (/* reexport safe */ _phrases_js__WEBPACK_IMPORTED_MODULE_3__.qU),
/* harmony export */   settleLintCheck: () => (/* binding */ settleLintCheck)
/* harmony export */ });
/* harmony import */ var _lint_rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3322);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7117);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5398);
/* harmony import */ var _phrases_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1553);




const REHEARSAL_RULE = 'rehearsal';


const unqualified = (name) => name.replace(/"/g, '').split('.').at(-1);
/** The predicted mode on a table (unqualified match), or undefined when the SQL names no lock there. */
function predictedMode(statement, relation) {
    const table = unqualified(relation);
    const modes = statement.predicted.filter((l) => l.on.some((on) => unqualified(on) === table)).map((l) => l.mode);
    return modes.sort((a, b) => (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)(b) - (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)(a))[0];
}
function observationFindings(statements, options) {
    const findings = [];
    for (const s of statements) {
        const where = { file: options.fileOf(s.migration), line: s.line, endLine: s.endLine };
        const what = (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .summarizeStatement */ .pp)(s.sql, 80);
        for (const lock of s.locks) {
            if (!options.existing.has(lock.relation))
                continue;
            const predicted = predictedMode(s, lock.relation);
            if ((0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)(lock.mode) > (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)(predicted ?? 'ACCESS SHARE') && (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)(lock.mode) >= (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .lockRank */ .wb)('SHARE')) {
                findings.push({
                    severity: 'error',
                    ruleId: `${REHEARSAL_RULE}/stronger-lock`,
                    ...where,
                    title: 'Takes a stronger lock than its SQL suggests',
                    message: `\`${what}\` took ${lock.mode} on ${lock.relation} for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(lock.heldMs)} in the rehearsal; from its SQL, ${predicted ? `${predicted} was expected` : 'no lock on that table was expected'}.`,
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
                message: `While \`${what}\` ran, ${s.blocked.queries} application ${s.blocked.queries === 1 ? 'query' : 'queries'} waited, the longest ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.blocked.maxWaitMs)} (max-blocking is ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.maxBlockingMs)}); it ${s.locks[0] ? `held ${s.locks[0].mode} on ${s.locks[0].relation} for ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.locks[0].heldMs)}` : 'ran'}${s.rewrite ? ' and rewrote the table' : ''}${s.estimatedProductionMs !== undefined ? `; at production size about ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.estimatedProductionMs)}` : ''}.`,
                fix: 'Use the online form of the change (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE, a new column backfilled in batches), or schedule it for a maintenance window.',
            });
        }
        if (s.timedOut) {
            findings.push({
                severity: 'error',
                ruleId: `${REHEARSAL_RULE}/timeout`,
                ...where,
                title: 'Ran past rehearsal-timeout',
                message: `\`${what}\` was stopped after ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.durationMs)} (rehearsal-timeout); the table above shows what it did until then. Later statements were not rehearsed.`,
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
        finding.message += ` — Rehearsed at production size: the statement took ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.durationMs)} (about ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.estimatedProductionMs)} in production) and application queries waited at most ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.blocked.maxWaitMs)}, under max-blocking (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.maxBlockingMs)}), so it is harmless at these sizes.`;
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
    if (findings.some((f) => f.severity === 'error' && f.ruleId !== undefined && (0,_lint_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isRuleId */ .KX)(f.ruleId)))
        return;
    check.status = 'warn';
    check.detail = `${check.detail ? `${check.detail} ` : ''}The rehearsal showed ${downgraded === 1 ? 'the lock finding that failed it' : 'the lock findings that failed it'} harmless at production size (now ${downgraded === 1 ? 'a notice' : 'notices'}).`;
}
/** The compact per-statement table: lock taken on what, held for, rewrite, application queries blocked. */
function rehearsalTable(statements, withEstimates) {
    return {
        title: _phrases_js__WEBPACK_IMPORTED_MODULE_3__/* .REHEARSAL_TITLE */ .XT,
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
                `${(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .summarizeStatement */ .pp)(s.sql, 60)}${s.timedOut ? ' (stopped: rehearsal-timeout)' : ''}`,
                `${s.migration.replace(/^(\d{8})\d*_/, '$1_')}:${s.line}`,
                lock ? `${lock.mode} on ${lock.relation}${s.locks.length > 1 ? ` (+${s.locks.length - 1})` : ''}` : 'none seen',
                lock ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(lock.heldMs) : '—',
                s.rewrite ? 'yes' : 'no',
                String(s.blocked.queries),
                s.blocked.queries ? (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.blocked.maxWaitMs) : '—',
                ...(withEstimates ? [s.estimatedProductionMs !== undefined ? `about ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s.estimatedProductionMs)}` : '—'] : []),
            ];
        }),
    };
}
/** What was rehearsed, on what sizes, under what load, how finely sampled, and how long it took: the step's detail. */
function describeRehearsal(result) {
    const { sizing, data, trace } = result;
    const sizes = sizing.tables.map((t) => `${t.table} ${data.rows[t.key].toLocaleString('en-US')}`).join(', ');
    return [
        `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${sizing.scaledDown ? `, scaled down to ${Math.round(sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(trace.workload.sessions, 'application session')} (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(trace.workload.queries, 'query', 'queries')}).`,
        `Locks sampled every ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(trace.sampler.medianGapMs)} (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(trace.sampler.samples, 'sample')}); seeding took ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(result.seedMs)}, the trace ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(result.traceMs)}.`,
        ...(sizing.source === 'stats-database' ? ['Production times are estimated linearly in rows from the rehearsed sizes.'] : []),
        ...(trace.stopped ? [`Stopped at ${trace.stopped.migration} line ${trace.stopped.line}: ${trace.stopped.reason}.`] : []),
    ];
}
/** In a plan the rehearsal's observations inform the approvers; they do not fail it. */
function planFindings(statements, options) {
    return observationFindings(statements, options).map((f) => ({ ...f, severity: f.severity === 'error' ? 'warning' : f.severity }));
}


/***/ }),

/***/ 3242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zy: () => (/* reexport */ findings.describeRehearsal),
  LG: () => (/* reexport */ findings.downgradeHarmless),
  J3: () => (/* binding */ existingTouchedTables),
  HM: () => (/* reexport */ findings.observationFindings),
  kP: () => (/* reexport */ findings.rehearsalTable),
  Km: () => (/* binding */ rehearse),
  Xb: () => (/* reexport */ findings.settleLintCheck)
});

// UNUSED EXPORTS: DEFAULT_REHEARSAL_BUDGET, DEFAULT_REHEARSAL_ROWS, REHEARSAL_TITLE, atProductionSize, parseRowsSpec

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
    }
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
    const rows = await (0,postgres_client.withClient)(stats, { applicationName: 'prisma-migrate-actions rehearsal sizes', readOnly: true, statementTimeoutMs: STATS_TIMEOUT_MS }, async (client) => (await client.query(`SELECT c.relname, c.reltuples::float8 AS reltuples, (c.relpages::bigint * current_setting('block_size')::int)::text AS table_bytes,
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

// EXTERNAL MODULE: ./src/migrations/plan.ts + 1 modules
var migrations_plan = __webpack_require__(9089);
// EXTERNAL MODULE: ./src/rehearsal/types.ts
var types = __webpack_require__(5398);
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
        const client = await (0,postgres_client.openClient)(settings, { applicationName: 'prisma-migrate-actions rehearsal sampler' });
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
                const fresh = { pid: row.pid, relation, mode: (0,types/* lockModeName */.US)(row.mode), granted: row.granted, first: at, last: at };
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
            clients.push(await (0,postgres_client.openClient)(settings, { applicationName: 'prisma-migrate-actions rehearsal workload' }));
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
        locks.get(row.relation).add((0,types/* lockModeName */.US)(row.mode));
    }
    return locks;
}
/** The strongest mode on each relation that `now` holds and `before` did not. */
function addedLocks(before, now) {
    const added = new Map();
    for (const [relation, modes] of now)
        for (const mode of modes)
            if (!before.get(relation)?.has(mode) && (0,types/* lockRank */.wb)(mode) > (0,types/* lockRank */.wb)(added.get(relation) ?? ''))
                added.set(relation, mode);
    return added;
}
function rewrittenBetween(before, after) {
    return [...before].filter(([oid, b]) => after.has(oid) && after.get(oid).filenode !== b.filenode).map(([, b]) => b.relation);
}
async function traceMigrations(options) {
    const { connection } = options;
    const schema = connection.schema;
    const client = await (0,postgres_client.openClient)(connection, { applicationName: 'prisma-migrate-actions rehearsal' });
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
        if (!current || (0,types/* lockRank */.wb)(mode) > (0,types/* lockRank */.wb)(current.mode))
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
        locks: locks.sort((a, b) => (0,types/* lockRank */.wb)(b.mode) - (0,types/* lockRank */.wb)(a.mode) || a.relation.localeCompare(b.relation)),
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
        const holder = active.find(({ i }) => statements[i].locks.some((l) => l.relation === query.table && (0,types/* lockRank */.wb)(l.mode) > (0,types/* lockRank */.wb)('ROW EXCLUSIVE'))) ??
            active.at(-1);
        if (!holder)
            continue;
        statements[holder.i].blockedKinds.add(query.kind);
        const blocked = statements[holder.i].blocked;
        blocked.queries++;
        blocked.maxWaitMs = Math.max(blocked.maxWaitMs, Math.round(query.end - query.start));
    }
}

// EXTERNAL MODULE: ./src/rehearsal/findings.ts
var findings = __webpack_require__(8261);
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
    const { tables, sizing, seeded, rows } = await (0,postgres_client.withClient)(connection, { applicationName: 'prisma-migrate-actions rehearsal seed' }, async (client) => {
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


/***/ }),

/***/ 5398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   US: () => (/* binding */ lockModeName),
/* harmony export */   wb: () => (/* binding */ lockRank)
/* harmony export */ });
/* unused harmony exports LOCK_MODES, blocksWrites */
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


/***/ })

};
