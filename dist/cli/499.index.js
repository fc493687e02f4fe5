import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 499;
export const ids = [499];
export const modules = {

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
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _sql_parser_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7117);



const DIRECTIVE_PREFIX = 'prisma-migrate-actions:';
const DEFAULT_BATCH_SIZE = 5000;
const MAX_BATCH_SIZE = 1_000_000;
const DIRECTIVE_LINE = /^[ \t]*--[ \t]*prisma-migrate-actions:(.*)$/gm;
const OPTIONS = ['size', 'pause', 'key', 'max-lag', 'timeout'];
function directiveError(code, message, where, remedy) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj(code, message, { where, remedy });
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
        const entry = { offset, ...(0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .df)(sql, offset), text: match[0].trim(), body: match[1], end };
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
    return (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .pgQuery */ .E5)()
        .scanSync(statement.text)
        .tokens.some((t) => t.tokenName === 'SQL_COMMENT' && t.start <= local && local < t.end);
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
        const ms = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(value);
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
    const refuse = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_TARGET', `The batch directive cannot govern this statement: ${why}.`, {
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
    for (const token of (0,_sql_parser_js__WEBPACK_IMPORTED_MODULE_1__/* .pgQuery */ .E5)().scanSync(text).tokens) {
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
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj))
                throw error;
            errors.push(error);
        }
    }
    errors.sort((a, b) => (a.where?.line ?? 0) - (b.where?.line ?? 0));
    return { batched, errors };
}
function keyAssigned(statement, key, source) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MigrateActionsError */ .nj('E_BATCH_KEY', `The batched UPDATE assigns its own batch key "${key}", so batches would move under it.`, {
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
/* unused harmony export parserLoaded */
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2159);
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
    // The parser's one huge function (the grammar) costs V8's optimising tier seconds of CPU to
    // compile — 2.2 s on Node 24, which the process then waits for at exit — while the baseline
    // tier parses a migration history faster than the tier-up would ever repay. Set before the
    // module compiles; no other WebAssembly runs in this process.
    if (!loaded)
        for (const flag of _util_wasm_tiering_js__WEBPACK_IMPORTED_MODULE_2__/* .WASM_BASELINE_FLAGS */ .V)
            node_v8__WEBPACK_IMPORTED_MODULE_0___default().setFlagsFromString(flag);
    loaded ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)).then(async (module) => {
        await module.loadModule();
        library = module;
    });
    return loaded;
}
/** Whether anything in this process has asked for the parser (apply with nothing pending does not). */
function parserLoaded() {
    return loaded !== undefined;
}
/** libpg-query's functions (parse, scan …), once `loadParser()` has resolved. */
function pgQuery() {
    if (!library)
        throw new Error('The SQL parser is not loaded: await loadParser() first.');
    return library;
}
class SqlParseError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MigrateActionsError */ .nj {
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

/***/ 2159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ WASM_BASELINE_FLAGS)
/* harmony export */ });
/**
 * V8 flags that keep WebAssembly on its baseline compiler. Both WebAssembly programs that run
 * here — the SQL parser, and the Prisma CLI's schema engine and schema tools where the native
 * engine is absent — are large and run briefly: the optimising tier's compile costs more CPU than
 * it ever saves them.
 */
const WASM_BASELINE_FLAGS = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];


/***/ })

};
