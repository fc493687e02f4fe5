import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 941;
export const ids = [941];
export const modules = {

/***/ 5941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CONFIG_FILE: () => (/* reexport */ CONFIG_FILE),
  DEFAULT_THRESHOLDS: () => (/* reexport */ DEFAULT_THRESHOLDS),
  RULES: () => (/* reexport */ lint_rules/* RULES */.y0),
  RULE_DOCS_BASE_URL: () => (/* reexport */ lint_rules/* RULE_DOCS_BASE_URL */.t1),
  isRuleId: () => (/* reexport */ lint_rules/* isRuleId */.KX),
  lintExitCode: () => (/* reexport */ lintExitCode),
  lintMigrations: () => (/* reexport */ lintMigrations),
  loadLintConfig: () => (/* reexport */ loadLintConfig),
  readLintDir: () => (/* reexport */ readLintDir),
  readLintFiles: () => (/* reexport */ readLintFiles),
  renderRuleDoc: () => (/* reexport */ renderRuleDoc),
  renderRulesIndex: () => (/* reexport */ renderRulesIndex),
  ruleById: () => (/* reexport */ lint_rules/* ruleById */.BD),
  ruleDocFile: () => (/* reexport */ lint_rules/* ruleDocFile */.du),
  ruleDocUrl: () => (/* reexport */ lint_rules/* ruleDocUrl */.Cg),
  toSarif: () => (/* reexport */ toSarif),
  validateLintConfig: () => (/* reexport */ validateLintConfig)
});

// EXTERNAL MODULE: ./src/sql/parser.ts
var parser = __webpack_require__(7117);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var redact = __webpack_require__(2410);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/lint/rules/index.ts + 9 modules
var lint_rules = __webpack_require__(3322);
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
        text = await (0,promises_.readFile)(file, 'utf8');
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
        throw new errors/* MigrateActionsError */.nj('E_LINT_CONFIG', `${file} is not valid JSON: ${error.message}`, {
            where: { file },
            remedy: 'Fix the JSON syntax (see docs/rules/README.md for the format).',
        });
    }
}
/** Reads the project's lint configuration; an empty config when there is none. */
async function loadLintConfig(projectDir) {
    const file = external_node_path_default().join(projectDir, CONFIG_FILE);
    const own = await readJson(file);
    if (own !== undefined)
        return { ...validateLintConfig(own, file), source: file };
    const pkgFile = external_node_path_default().join(projectDir, 'package.json');
    const pkg = (await readJson(pkgFile));
    if (pkg?.migrationLint !== undefined)
        return { ...validateLintConfig(pkg.migrationLint, `${pkgFile} (migrationLint)`), source: pkgFile };
    return {};
}
function validateLintConfig(raw, file) {
    const bad = (why) => new errors/* MigrateActionsError */.nj('E_LINT_CONFIG', `Invalid lint configuration in ${file}: ${why}.`, {
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
            if (!(0,lint_rules/* isRuleId */.KX)(id))
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

// EXTERNAL MODULE: ./src/lint/names.ts
var names = __webpack_require__(9397);
// EXTERNAL MODULE: ./src/lint/nodes.ts
var nodes = __webpack_require__(7344);
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
        return (0,names/* rangeVarKey */.C5)(rangeVar, this.defaultSchema);
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
            this.others.set(`type:${(0,names/* partsKey */.qM)((0,names/* nameParts */.IN)(enumType.typeName), this.defaultSchema)}`, this.gen);
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
        table.columns.set(def.colname ?? '', { gen: this.gen, type: (0,names/* typeInfo */.L7)(def.typeName), hasDefault });
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
        const column = (0,names/* nameParts */.IN)((0,nodes/* nodeOf */.E7)(test.arg, 'ColumnRef')?.fields).pop();
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
        const type = (0,names/* typeInfo */.L7)(def?.typeName);
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
            const key = (0,names/* partsKey */.qM)((0,names/* nameParts */.IN)(object), this.defaultSchema);
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
    for (const family of lint_rules/* FAMILIES */.BU) {
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
        for (const family of lint_rules/* FAMILIES */.BU) {
            family.alterAnyTable?.[cmd.subtype]?.(args);
            if (!isNewTable)
                family.alterTable?.[cmd.subtype]?.(args);
        }
    }
}
/** Candidates that need the whole file (transaction blocks, backfills, lock timeouts). */
function analyzeMigration(view) {
    return lint_rules/* FAMILIES */.BU.flatMap((family) => family.migration?.(view) ?? []);
}

// EXTERNAL MODULE: ./src/lint/rules/meta.ts
var meta = __webpack_require__(5328);
// EXTERNAL MODULE: ./src/lint/rules/naming.ts
var naming = __webpack_require__(8545);
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

// EXTERNAL MODULE: ./src/migrations/batch/directive.ts
var directive = __webpack_require__(7607);
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
    raws.push(...(0,meta/* ignoreFindings */.Zi)(source, ignores, lint_rules/* isRuleId */.KX));
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
        ...analyzeMigration({ statements, perStatement, existingTargets, engine, directives, rules: lint_rules/* RULES_BY_ID */.kF }),
    ];
    raws.push(...candidates.map((c) => fromCandidate(c, source)));
    raws.push(...(0,naming/* longIdentifiers */.jh)(source, statements));
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
    const rule = (0,lint_rules/* ruleOrThrow */.sg)(raw.ruleId);
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
        ? await (await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(528)]).then(__webpack_require__.bind(__webpack_require__, 6528))).openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
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
        (0,lint_rules/* ruleOrder */.jX)(a.ruleId) - (0,lint_rules/* ruleOrder */.jX)(b.ruleId));
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
        const rule = (0,lint_rules/* ruleById */.BD)(id) ?? lint_rules/* RULES */.y0[0];
        const helpUri = (0,lint_rules/* ruleDocUrl */.Cg)(id, options.docsBaseUrl);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
;// CONCATENATED MODULE: ./src/lint/files.ts
/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */




// Synchronous on purpose, as the engine's reader: thousands of small files read faster one by one.
function readSource(file, name) {
    try {
        return { name, path: file, sql: external_node_fs_default().readFileSync(file, 'utf8') };
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_LINT_INPUT', `Cannot read ${file}: ${error.message}`, {
            where: { file },
            remedy: 'Check the path and its permissions.',
        });
    }
}
/** Migrations of a directory in the order Prisma applies them (folder names, localeCompare). */
async function readLintDir(dir) {
    await (0,reader/* refusePrisma8Layout */.Vc)(external_node_path_default().resolve(dir));
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        throw new errors/* MigrateActionsError */.nj('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${error.message}`, {
            where: { file: dir },
            remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
        });
    }
    const folders = new Set(entries.filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(external_node_path_default().join(dir, e.name)))).map((e) => e.name));
    return (0,reader/* sortMigrationNames */.f3)(entries.map((e) => e.name))
        .map((entry) => readEntry(dir, entry, folders.has(entry)))
        .filter((source) => source !== undefined);
}
const isDirectory = (file) => external_node_fs_default().statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
/** A folder's migration.sql or a .sql file; undefined for anything else. */
function readEntry(dir, entry, folder) {
    const full = external_node_path_default().join(dir, entry);
    if (folder) {
        const sqlPath = external_node_path_default().join(full, 'migration.sql');
        return external_node_fs_default().statSync(sqlPath, { throwIfNoEntry: false })?.isFile() ? readSource(sqlPath, entry) : undefined;
    }
    return entry.endsWith('.sql') ? readSource(full, entry.slice(0, -4)) : undefined;
}
/** Named SQL files; a migration.sql is named after its folder. */
async function readLintFiles(files) {
    return files.map((file) => {
        const base = external_node_path_default().basename(file);
        return readSource(file, base === 'migration.sql' ? external_node_path_default().basename(external_node_path_default().dirname(file)) : base.replace(/\.sql$/, ''));
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
    for (const rule of lint_rules/* RULES */.y0)
        lines.push(`| [${rule.id}](${(0,lint_rules/* ruleDocFile */.du)(rule.id)}) | ${rule.severity} | ${rule.lock ?? '—'} | ${rule.title} |`);
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/lint/index.ts
/** The migration linter's public API. */








/***/ })

};
