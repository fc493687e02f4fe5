import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 118;
export const ids = [118,693];
export const modules = {

/***/ 9529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ countRows),
/* harmony export */   OU: () => (/* binding */ compareRowCounts),
/* harmony export */   a_: () => (/* binding */ migrationState),
/* harmony export */   g7: () => (/* binding */ describeDifferences),
/* harmony export */   v2: () => (/* binding */ exportSnapshot)
/* harmony export */ });
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5259);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8620);
/* harmony import */ var _postgres_row_counts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3804);



/** Ordinary tables pg_dump dumps the data of (not system, not owned by an extension). */
const USER_TABLES = `
  SELECT n.nspname AS schema, c.relname AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND c.relpersistence = 'p'
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1, 2`;
async function countRows(client) {
    const tables = (await client.query(USER_TABLES)).rows;
    const counts = await (0,_postgres_row_counts_js__WEBPACK_IMPORTED_MODULE_1__/* .countTableRows */ .h)(client, tables.map((t) => ({ schema: t.schema, name: t.table })), { only: true });
    return tables.map((t, i) => ({ schema: t.schema, table: t.table, rows: counts[i] }));
}
async function migrationState(client, schema) {
    const exists = await client.query('SELECT to_regclass($1) AS t', [(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .qualify */ .Ss)(schema, '_prisma_migrations')]);
    if (!exists.rows[0].t)
        return { schema, tablePresent: false, applied: [] };
    const r = await client.query(`SELECT migration_name FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .qualify */ .Ss)(schema, '_prisma_migrations')}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`);
    return { schema, tablePresent: true, applied: r.rows.map((row) => row.migration_name) };
}
async function exportSnapshot(settings) {
    // Long-lived (openClient): the transaction must stay open while pg_dump reads its snapshot.
    const client = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_0__.openClient)(settings, { applicationName: 'prisma-migrate-actions-backup-snapshot' });
    try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const r = await client.query('SELECT pg_export_snapshot() AS id');
        let closed = false;
        return {
            id: r.rows[0].id,
            client,
            async close() {
                if (closed)
                    return;
                closed = true;
                await client.query('ROLLBACK').catch(() => undefined);
                await client.end().catch(() => undefined);
            },
        };
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
}
/** Tables whose counts differ (or that exist on one side only). */
function compareRowCounts(expected, actual) {
    const key = (t) => `${t.schema}.${t.table}`;
    const actualByKey = new Map(actual.map((t) => [key(t), t.rows]));
    const expectedKeys = new Set(expected.map(key));
    const differences = [];
    for (const t of expected) {
        const rows = actualByKey.get(key(t));
        if (rows !== t.rows)
            differences.push({ schema: t.schema, table: t.table, expected: t.rows, actual: rows ?? null });
    }
    for (const t of actual)
        if (!expectedKeys.has(key(t)))
            differences.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows });
    return differences;
}
function describeDifferences(differences) {
    const shown = differences
        .slice(0, 10)
        .map((d) => `${d.schema}.${d.table}: expected ${d.expected ?? 'no table'}, found ${d.actual ?? 'no table'}`);
    return shown.join('; ') + (differences.length > 10 ? `; and ${differences.length - 10} more` : '');
}


/***/ }),

/***/ 2737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDemo: () => (/* binding */ runDemo)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7543);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8620);
/* harmony import */ var _migrations_reader_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1926);
/* harmony import */ var _migrations_apply_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4323);
/* harmony import */ var _seed_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4764);
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7685);
/* harmony import */ var _catalog_diff_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9880);
/* harmony import */ var _backup_dbstate_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9529);
/* harmony import */ var _report_render_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5476);
/* harmony import */ var _pr_check_run_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8894);
/**
 * The demo: the whole chain on the example project with throwaway PostgreSQL — a pull request
 * check, a staging deploy with drift found and reported, an encrypted production backup, a
 * plan, an approved deploy with its audit record, and a restore compared with production as it
 * was. Every report the actions write lands in one folder, printed last.
 */













const DEMO_PASSPHRASE = 'demo-passphrase-change-me';
function paint(color, code, text) {
    return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}
function git(cwd, ...args) {
    (0,node_child_process__WEBPACK_IMPORTED_MODULE_2__.execFileSync)('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=Demo', ...args], { cwd, stdio: 'ignore' });
}
/** The second pull request's field: in schema.prisma, created by no migration. */
const UNMIGRATED_FIELD = { model: 'Reminder', line: '  snoozedUntil DateTime? @map("snoozed_until")', column: 'snoozed_until' };
/**
 * A git repository holding a copy of the example project: `main` committed, then the pull
 * request's change in the working tree. The project's node_modules is linked in, as `npm ci`
 * would have installed it, so the check finds the project's Prisma CLI and prisma.config.ts.
 */
function simulatedPullRequest(projectDir, workspace, change) {
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(workspace, { recursive: true });
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().cpSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(projectDir, 'prisma'), node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, 'prisma'), { recursive: true });
    const modules = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(projectDir, 'node_modules');
    if (node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync(modules))
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().symlinkSync(modules, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, 'node_modules'), 'dir');
    const migrationsDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, 'prisma', 'migrations');
    const names = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(migrationsDir)
        .filter((n) => node_fs__WEBPACK_IMPORTED_MODULE_0___default().statSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(migrationsDir, n)).isDirectory())
        .sort(_migrations_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .compareMigrationNames */ .wd);
    const prMigration = change === 'newest-migration' ? names[names.length - 1] : undefined;
    const held = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, '.pr-migration');
    if (prMigration)
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().renameSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(migrationsDir, prMigration), held);
    git(workspace, 'init', '-q', '-b', 'main');
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, '.git', 'info', 'exclude'), 'node_modules\n.pr-migration\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'main: the merged history');
    if (prMigration)
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().renameSync(held, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(migrationsDir, prMigration));
    else
        addField(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, 'prisma', 'schema.prisma'));
    return { prMigration };
}
/** Adds UNMIGRATED_FIELD among the scalar fields of its model (before the first blank line). */
function addField(schemaPath) {
    const schema = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(schemaPath, 'utf8');
    const model = schema.indexOf(`model ${UNMIGRATED_FIELD.model} {`);
    const blank = model < 0 ? -1 : schema.indexOf('\n\n', model);
    if (blank < 0)
        throw new Error(`The demo expects model ${UNMIGRATED_FIELD.model} in ${schemaPath}.`);
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(schemaPath, `${schema.slice(0, blank + 1)}${UNMIGRATED_FIELD.line}${schema.slice(blank)}`);
}
async function runDemo(options) {
    const { print, color } = options;
    const started = Date.now();
    const out = options.outputDir;
    node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(out, { recursive: true });
    const logFile = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, 'demo.log');
    const appendLog = (line) => node_fs__WEBPACK_IMPORTED_MODULE_0___default().appendFileSync(logFile, `${line}\n`);
    const runCommand = (name, flags, cwd) => options.runCommand(name, flags, cwd, appendLog);
    const save = (name, result) => {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, `${name}.json`), (0,_report_render_js__WEBPACK_IMPORTED_MODULE_11__/* .renderJson */ .hF)(result.report) + '\n');
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, `${name}.summary.md`), (0,_report_render_js__WEBPACK_IMPORTED_MODULE_11__/* .renderMarkdown */ .Gc)(result.report) + '\n');
    };
    const heading = (n, text) => print(`\n${paint(color, '1', `${n}. ${text}`)}`);
    const line = (ok, text) => print(`   ${ok === 'warn' ? paint(color, '33', '!') : ok ? paint(color, '32', '✔') : paint(color, '31', '✖')} ${text}`);
    const expectations = [];
    const expect = (condition, text, warnOnly = false) => {
        expectations.push(condition || warnOnly);
        line(condition ? true : warnOnly ? 'warn' : false, text);
    };
    print(paint(color, '1', 'prisma-migrate-actions demo') + ` — example project: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.projectDir, 'prisma')}`);
    // Inside the output folder; each has the project's node_modules linked in (its Prisma CLI).
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, 'pull-request-repo');
    const secondWorkspace = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, 'pull-request-2-repo');
    let server;
    try {
        const prMigration = simulatedPullRequest(options.projectDir, workspace, 'newest-migration').prMigration ?? '';
        simulatedPullRequest(options.projectDir, secondWorkspace, 'field-without-migration');
        const migrationTest = async (name, cwd) => {
            const result = await runCommand('migration-test', { 'migrations-dir': 'prisma/migrations', 'schema-path': 'prisma/schema.prisma', 'base-ref': 'main', 'seed-rows': '50' }, cwd);
            save(name, result);
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, `${name}.pr-comment.md`), (0,_report_render_js__WEBPACK_IMPORTED_MODULE_11__/* .renderPrComment */ .Q1)(result.report, { marker: 'migration-test' }) + '\n');
            for (const check of result.report.checks)
                line(check.status === 'fail' ? false : check.status === 'pass' ? true : 'warn', `${check.name}: ${check.status}${check.detail ? ` — ${check.detail.split('\n')[0]}` : ''}`);
            return result;
        };
        // A skipped schema step (no Prisma CLI installed) is shown with its reason; it does not fail the demo.
        const schemaCheck = (result) => result.report.checks.find((c) => c.name === _pr_check_run_js__WEBPACK_IMPORTED_MODULE_12__/* .CHECK */ .fi.schema);
        // 1. The pull request check.
        heading(1, `Pull request check (migration-test): main + ${prMigration}`);
        print('   starting a throwaway PostgreSQL, applying from scratch and the upgrade path with data…');
        const test = await migrationTest('migration-test', workspace);
        const flagged = test.report.findings.filter((f) => f.file?.includes(prMigration));
        expect(flagged.length > 0, `the linter flags the risky migration: ${flagged.map((f) => `${f.ruleId} at line ${f.line}`).join(', ') || 'nothing'}`);
        const agreed = schemaCheck(test);
        expect(agreed?.status === 'pass', `schema.prisma agrees with the migrations: ${agreed?.status ?? 'not run'}`, agreed?.status === 'skip');
        // 2. A pull request whose schema.prisma has a field no migration creates.
        heading(2, `Pull request check (migration-test): main + a ${UNMIGRATED_FIELD.model} field in schema.prisma, no migration`);
        print(`   the pull request adds \`${UNMIGRATED_FIELD.line.trim()}\` to model ${UNMIGRATED_FIELD.model} and forgets \`prisma migrate dev\`…`);
        const second = await migrationTest('migration-test-unmigrated-field', secondWorkspace);
        const disagreed = schemaCheck(second);
        const caught = disagreed?.status === 'fail' && (disagreed.items ?? []).some((item) => item.includes(UNMIGRATED_FIELD.column));
        expect(caught, caught
            ? `caught, as expected: migration-test exits ${second.exitCode} and the pull request cannot merge (${(disagreed?.items ?? []).join('; ')})`
            : `the unmigrated field was not caught: schema check ${disagreed?.status ?? 'not run'}, migration-test exit ${second.exitCode}`, disagreed?.status === 'skip');
        // Databases for staging and production at main's state, with data.
        server = await (0,_postgres_ephemeral_js__WEBPACK_IMPORTED_MODULE_3__/* .startThrowawayCluster */ .j2)({ log: (l) => node_fs__WEBPACK_IMPORTED_MODULE_0___default().appendFileSync(logFile, `${l}\n`) });
        const head = await (0,_migrations_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .readMigrationsDir */ .Nb)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, 'prisma', 'migrations'));
        const base = head.migrations.filter((m) => m.name !== prMigration);
        const staging = await server.createDatabase('goal_mandala_staging');
        const production = await server.createDatabase('goal_mandala_production');
        for (const db of [staging, production]) {
            await (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_6__.applyMigrations)({ connection: db, migrations: base });
            await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(db, (client) => (0,_seed_index_js__WEBPACK_IMPORTED_MODULE_7__/* .seedDatabase */ .v)(client, { schema: 'public', rowsPerTable: 200 }));
        }
        // 2. Staging: deploy, drift-check clean, a manual change, drift found.
        heading(3, 'Staging: deploy, drift check, a manual hotfix, drift check again');
        const stagingDeploy = await runCommand('deploy', { 'database-url': staging.url, environment: 'staging', 'skip-backup': 'true', 'report-dir': out }, workspace);
        save('deploy-staging', stagingDeploy);
        expect(stagingDeploy.exitCode === 0, `deploy to staging: ${stagingDeploy.report.summary}`);
        const clean = await runCommand('drift-check', { 'database-url': staging.url }, workspace);
        save('drift-check-staging-clean', clean);
        expect(clean.outputs?.drift === false, `drift check: ${clean.report.summary}`);
        await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(staging, (client) => client.query('ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT; CREATE INDEX "tasks_hotfix_idx" ON "tasks" ("hotfix_note")'));
        line('warn', 'someone ran ALTER TABLE tasks ADD COLUMN hotfix_note … and CREATE INDEX by hand on staging');
        const drifted = await runCommand('drift-check', { 'database-url': staging.url }, workspace);
        save('drift-check-staging-drift', drifted);
        const objects = (drifted.report.tables?.[0]?.rows ?? []).map((r) => `${r[2]} ${r[1]} ${r[0]}`);
        expect(drifted.outputs?.drift === true, `drift found (${drifted.outputs?.['drift-count']}): ${objects.join('; ')}`);
        // 3. Production: encrypted backup, plan, approved deploy, audit record.
        heading(4, 'Production: encrypted backup, plan, approved deploy, audit record');
        const beforeSnapshot = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(production, (c) => (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotSchema */ .ap)(c, { schemas: ['public'] }));
        const beforeCounts = await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(production, _backup_dbstate_js__WEBPACK_IMPORTED_MODULE_10__/* .countRows */ .BO);
        const backupDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(out, 'backups');
        const backup = await runCommand('backup', { 'database-url': production.url, 'output-dir': backupDir, passphrase: DEMO_PASSPHRASE, verify: 'list' }, workspace);
        save('backup', backup);
        expect(backup.exitCode === 0, `backup: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(String(backup.outputs?.['backup-path']))} (${backup.outputs?.['size-bytes']} bytes, sha256 ${String(backup.outputs?.sha256).slice(0, 16)}…), decrypts with gpg --decrypt`);
        const plan = await runCommand('deploy', { 'database-url': production.url, environment: 'production', 'dry-run': 'true', 'require-approval': 'false', 'report-dir': out }, workspace);
        save('deploy-plan', plan);
        expect(plan.outputs?.result === 'dry-run', `plan: ${plan.report.summary}`);
        const deployed = await runCommand('deploy', {
            'database-url': production.url,
            environment: 'production',
            'approved-by': 'demo-reviewer',
            'backup-dir': backupDir,
            'backup-passphrase': DEMO_PASSPHRASE,
            'report-dir': out,
        }, workspace);
        save('deploy-production', deployed);
        expect(deployed.outputs?.result === 'success', `deploy: ${deployed.report.summary} (approved by demo-reviewer)`);
        line(true, `audit record: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(process.cwd(), String(deployed.outputs?.['audit-json']))}`);
        // 4. Restore the first backup and compare with production as it was.
        heading(5, 'Restore the backup into a new database and compare with production before the deploy');
        const restore = await runCommand('restore', {
            'database-url': production.url,
            'backup-path': String(backup.outputs?.['backup-path']),
            passphrase: DEMO_PASSPHRASE,
            'new-database-name': 'goal_mandala_restored',
        }, workspace);
        save('restore', restore);
        const restored = { ...production, database: 'goal_mandala_restored' };
        const diff = (0,_catalog_diff_js__WEBPACK_IMPORTED_MODULE_9__/* .diffSnapshots */ .V1)(beforeSnapshot, await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(restored, (c) => (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotSchema */ .ap)(c, { schemas: ['public'] })));
        const counts = (0,_backup_dbstate_js__WEBPACK_IMPORTED_MODULE_10__/* .compareRowCounts */ .OU)(beforeCounts, await (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(restored, _backup_dbstate_js__WEBPACK_IMPORTED_MODULE_10__/* .countRows */ .BO));
        expect(diff.differences.length === 0 && counts.length === 0, `restored ${restore.outputs?.['restored-database']}: ${diff.differences.length} catalog and ${counts.length} row-count differences from production before the deploy`);
    }
    finally {
        await server?.stop().catch(() => undefined);
        for (const dir of [workspace, secondWorkspace])
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(dir, { recursive: true, force: true });
    }
    const ok = expectations.every(Boolean);
    print(`\n${ok ? paint(color, '32', 'Demo finished, every result as expected (the second pull request failing its check is what the check is for)') : paint(color, '31', 'Demo finished with unexpected results')} in ${((Date.now() - started) / 1000).toFixed(1)} s. Reports (summary markdown, PR comment, JSON, audit, backups):`);
    print(out);
    return { outputDir: out, ok };
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


/***/ }),

/***/ 8894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   PM: () => (/* binding */ step),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   Ut: () => (/* binding */ CHECK_ORDER),
/* harmony export */   Yj: () => (/* binding */ mergedHistoryUnchanged),
/* harmony export */   eY: () => (/* binding */ snapshotOf),
/* harmony export */   fi: () => (/* binding */ CHECK),
/* harmony export */   gL: () => (/* binding */ newDatabase),
/* harmony export */   i9: () => (/* binding */ errorFinding),
/* harmony export */   nh: () => (/* binding */ atBaseBranch),
/* harmony export */   xu: () => (/* binding */ applyHistory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _postgres_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8620);
/* harmony import */ var _migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4323);
/* harmony import */ var _migrations_reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1926);
/* harmony import */ var _guard_git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2693);
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7685);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6867);
/**
 * The state of one pull request check — its report, the throwaway server and the Prisma project
 * — and what every step shares: the step runner (a thrown error becomes a failed check plus one
 * finding, and the run goes on), new databases, workspace paths, applying a history.
 */










const withClient = (settings, fn) => (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__.withClient)(settings, { applicationName: 'prisma-migrate-actions-test' }, fn);
function snapshotOf(settings) {
    return withClient(settings, (client) => (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotSchema */ .ap)(client, { schemas: [settings.schema] }));
}
/** A new empty database, or a copy of `template` (a database nobody is connected to). */
function newDatabase(run, label, template) {
    return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, {
        schema: run.schema,
        ...(template ? { template } : {}),
    });
}
/**
 * Whether the pull request leaves the merged history as it is: no merged migration edited,
 * renamed or deleted, none added before them, the lock file unchanged (the history guard found
 * nothing). The working tree's merged migrations are then the base commit's files, byte for byte.
 */
function mergedHistoryUnchanged(guard) {
    return guard.problems.length === 0;
}
/**
 * A new database at the base branch's state: the migrations of its commit (what production ran,
 * not the working tree's files, unless they are the same). They are applied once per run, and
 * the steps that start from them each get a copy: copying the files is cheaper than applying a
 * long history twice on a busy machine. A failure is every caller's error.
 */
async function atBaseBranch(run, guard, base, label) {
    run.baseBranch ??= applyBaseBranch(run, guard, base);
    const state = await run.baseBranch;
    return { database: await newDatabase(run, label, state.database.database), durationMs: state.durationMs };
}
async function applyBaseBranch(run, guard, base) {
    const { migrationsDir } = run.settings;
    // Nothing merged changed: the working tree's copies need not be read out of git again. (The
    // Prisma CLI reads a whole folder, which holds the new migrations too: it gets the commit's.)
    if (mergedHistoryUnchanged(guard) && run.settings.engine !== 'prisma') {
        const db = await newDatabase(run, 'base');
        const result = await applyHistory(run, db, base, migrationsDir);
        return { database: db, durationMs: result.durationMs };
    }
    const baseCommit = guard.baseCommit;
    const workDir = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'pma-base-'));
    try {
        const [db, root] = await Promise.all([newDatabase(run, 'base'), (0,_guard_git_js__WEBPACK_IMPORTED_MODULE_7__.repoRoot)(migrationsDir)]);
        await (0,_guard_git_js__WEBPACK_IMPORTED_MODULE_7__.materializeAtRef)(root, baseCommit, node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, migrationsDir).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/'), workDir);
        const result = await applyHistory(run, db, (await (0,_migrations_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .readMigrationsDir */ .Nb)(workDir)).migrations, workDir);
        return { database: db, durationMs: result.durationMs };
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(workDir, { recursive: true, force: true });
    }
}
/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
function displayPath(run, file, migration) {
    const target = migration ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(run.settings.migrationsDir, migration, 'migration.sql') : file;
    const relative = target ? node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(run.env.cwd, target) : undefined;
    // Temp files (a backup, a copy) are no place for an annotation.
    return relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative) ? relative.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/') : undefined;
}
function errorFinding(run, error) {
    const e = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MigrateActionsError */ .nj ? error : undefined;
    const file = displayPath(run, e?.where?.file, e?.where?.migration);
    // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
    const at = file
        ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
        : '';
    const base = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .findingFromError */ .Oo)(error);
    return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}
/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run, name, body) {
    await (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .runCheck */ .k_)(run.report, name, body).catch((error) => {
        const finding = errorFinding(run, error);
        const key = (f) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
        if (!run.report.findings.some((f) => key(f) === key(finding)))
            (0,_report_model_js__WEBPACK_IMPORTED_MODULE_9__/* .addFindings */ .W7)(run.report, [finding]);
    });
}
/**
 * Applies `migrations` (read from `dir`) with the chosen engine. The Prisma CLI reads the
 * migrations beside the schema it is given, so it gets a temporary copy of schema.prisma with
 * exactly this history next to it (the project's prisma.config.* still applies).
 */
async function applyHistory(run, connection, migrations, dir) {
    const { settings, env } = run;
    if (settings.engine !== 'prisma')
        return (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__.applyMigrations)({ connection, migrations, engine: 'builtin', log: env.log });
    const project = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'pma-prisma-'));
    try {
        const schemaPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'schema.prisma');
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().copyFileSync(settings.schemaPath, schemaPath);
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().cpSync(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'migrations'), { recursive: true });
        const cwd = run.prisma.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(run.prisma.configPath) : node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(settings.schemaPath);
        return await (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__.applyMigrations)({
            connection,
            engine: 'prisma',
            log: env.log,
            prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
        });
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(project, { recursive: true, force: true });
    }
}
/** The check names, in the order the report shows them (steps run concurrently). */
const CHECK = {
    guard: 'History guard',
    scratch: 'Apply from scratch',
    upgrade: 'Upgrade path with data',
    rehearsal: 'Rollback rehearsal',
    schema: 'schema.prisma agrees with the migrations',
    lint: 'Lint',
    scaleRehearsal: 'Rehearsal at production scale',
};
const CHECK_ORDER = Object.values(CHECK);


/***/ })

};
