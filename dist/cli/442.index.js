export const id = 442;
export const ids = [442];
export const modules = {

/***/ 1442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPrCheck: () => (/* binding */ runPrCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/postgres/ephemeral.ts
var ephemeral = __webpack_require__(908);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __webpack_require__(1926);
// EXTERNAL MODULE: ./src/prisma/cli.ts
var prisma_cli = __webpack_require__(9086);
// EXTERNAL MODULE: ./src/report/model.ts
var model = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/report/render.ts + 4 modules
var render = __webpack_require__(5476);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/guard/git.ts
var git = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/guard/history-guard.ts
/**
 * The history guard of the pull request check: merged migrations are immutable. Compares the
 * migrations directory at the base ref with the working tree and reports, per file, what a
 * reviewer must not let through.
 */




const sha = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
const sortNames = (names) => [...names].sort((a, b) => a.localeCompare(b));
async function workingTreeFiles(dir) {
    const out = new Map();
    let entries = [];
    try {
        entries = await promises_default().readdir(dir);
    }
    catch {
        return out;
    }
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry);
        const stat = await promises_default().stat(full);
        if (stat.isFile())
            out.set(entry, await promises_default().readFile(full));
        else if (stat.isDirectory()) {
            for (const inner of await promises_default().readdir(full)) {
                const innerPath = external_node_path_default().join(full, inner);
                if ((await promises_default().stat(innerPath)).isFile())
                    out.set(`${entry}/${inner}`, await promises_default().readFile(innerPath));
            }
            if (!out.has(`${entry}/migration.sql`))
                out.set(`${entry}/`, Buffer.alloc(0)); // remember the folder
        }
    }
    return out;
}
function migrationFolders(files) {
    const folders = new Map();
    for (const [rel, content] of files) {
        const [folder, file] = rel.split('/');
        if (file === undefined)
            continue;
        if (!folders.has(folder))
            folders.set(folder, undefined);
        if (file === 'migration.sql')
            folders.set(folder, content);
    }
    return folders;
}
async function checkHistory(options) {
    const dir = external_node_path_default().resolve(options.migrationsDir);
    const root = await (0,git/* repoRoot */.jv)(dir);
    const relDir = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    const baseCommit = await (0,git/* resolveRef */.qE)(root, options.baseRef);
    const base = migrationFolders(await (0,git/* filesAtRef */.iD)(root, baseCommit, relDir));
    const headFiles = await workingTreeFiles(dir);
    const head = migrationFolders(headFiles);
    const baseLock = (await (0,git/* filesAtRef */.iD)(root, baseCommit, `${relDir}/migration_lock.toml`)).values().next().value;
    const problems = [];
    const rel = (name) => `${relDir}/${name}`;
    const addedNames = sortNames([...head.keys()].filter((name) => !base.has(name)));
    const headByHash = new Map();
    for (const name of addedNames) {
        const content = head.get(name);
        if (content)
            headByHash.set(sha(content), name);
    }
    for (const [name, content] of base) {
        const now = head.get(name);
        if (!head.has(name)) {
            const renamedTo = content ? headByHash.get(sha(content)) : undefined;
            problems.push(renamedTo
                ? {
                    kind: 'renamed',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was renamed to ${renamedTo}. Databases that applied it record the old name and would apply it again.`,
                    remedy: `Restore the folder name ${name}.`,
                }
                : {
                    kind: 'deleted',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was deleted. Databases that applied it keep its changes; new databases would not get them.`,
                    remedy: `Restore ${name}; to undo its changes, add a new migration.`,
                });
        }
        else if (content && now && !content.equals(now)) {
            problems.push({
                kind: 'edited',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `Merged migration ${name} was edited. Databases that applied it will never run the change, and its checksum no longer matches.`,
                remedy: `Revert the edit to ${name}/migration.sql and put the change in a new migration (prisma migrate dev --create-only).`,
            });
        }
    }
    const renamedTargets = new Set(problems.filter((p) => p.kind === 'renamed').map((p) => p.message.match(/renamed to (\S+)\./)?.[1]));
    const newestMerged = sortNames(base.keys()).pop();
    for (const name of addedNames) {
        if (!head.get(name)) {
            problems.push({
                kind: 'missing-sql',
                migration: name,
                file: rel(`${name}/`),
                message: `Migration folder ${name} has no migration.sql.`,
                remedy: 'Add the migration.sql (prisma migrate dev --create-only) or remove the folder; Prisma refuses to deploy it (P3015).',
            });
        }
        if (newestMerged && name.localeCompare(newestMerged) < 0 && !renamedTargets.has(name)) {
            problems.push({
                kind: 'out-of-order',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `New migration ${name} sorts before the newest merged migration ${newestMerged}: databases already past it would apply it out of order.`,
                remedy: `Recreate it with a newer timestamp (rename the folder to a name after ${newestMerged}).`,
            });
        }
    }
    const headLock = headFiles.get('migration_lock.toml');
    if (baseLock && (!headLock || !baseLock.equals(headLock))) {
        problems.push({
            kind: 'lock-changed',
            file: rel('migration_lock.toml'),
            message: headLock ? 'migration_lock.toml was changed (it pins the database provider).' : 'migration_lock.toml was deleted.',
            remedy: 'Revert migration_lock.toml; changing the provider needs a new migration history, not an edit.',
        });
    }
    return {
        baseRef: options.baseRef,
        baseCommit,
        merged: sortNames(base.keys()),
        added: addedNames,
        problems,
    };
}

// EXTERNAL MODULE: ./src/pr-check/run.ts
var pr_check_run = __webpack_require__(8894);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/pr-check/history-step.ts
/**
 * The history guard step: which migrations are merged on the base branch and which are new,
 * and whether the pull request rewrites merged history. Without a base branch every migration
 * counts as new and the upgrade path is skipped.
 */







function candidateBaseRefs(settings, env) {
    if (settings.baseRef)
        return [settings.baseRef];
    return env.prBaseRef ? [`origin/${env.prBaseRef}`] : ['origin/main', 'main', 'origin/master', 'master'];
}
async function historyGuard(report, settings, env) {
    let guard;
    const refs = candidateBaseRefs(settings, env);
    await (0,model/* runCheck */.k_)(report, pr_check_run/* CHECK */.fi.guard, async (check) => {
        let lastError;
        for (const ref of refs) {
            try {
                guard = await checkHistory({ migrationsDir: settings.migrationsDir, baseRef: ref });
                break;
            }
            catch (error) {
                lastError = error;
            }
        }
        if (!guard) {
            check.status = 'skip';
            check.detail = `No base branch to compare with (${refs.join(', ')}): ${(0,errors/* describeError */.Uc)(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
            return;
        }
        check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${(0,format/* plural */.LS)(guard.merged.length, 'merged migration')}, ${guard.added.length} new.`;
        if (guard.problems.length) {
            check.status = 'fail';
            check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
            (0,model/* addFindings */.W7)(report, guard.problems.map((p) => ({
                severity: 'error',
                ruleId: `history/${p.kind}`,
                // Guard paths are relative to the repository root; annotations want the workspace's.
                file: p.file.endsWith('/') ? undefined : external_node_path_default().relative(env.cwd, external_node_path_default().join(root, p.file)).split((external_node_path_default()).sep).join('/'),
                line: 1,
                title: `history/${p.kind}`,
                message: p.message,
                fix: p.remedy,
            })));
        }
    }).catch(() => undefined);
    return guard;
}

// EXTERNAL MODULE: ./src/lint/index.ts + 25 modules
var lint = __webpack_require__(9911);
// EXTERNAL MODULE: ./src/report/lint-findings.ts
var lint_findings = __webpack_require__(1264);
;// CONCATENATED MODULE: ./src/pr-check/lint-step.ts





async function lintNewMigrations(run, added, base) {
    const { settings, env } = run;
    const toSource = (m) => ({ name: m.name, path: (0,pr_check_run/* displayPath */.Gt)(run, m.sqlPath, m.name), sql: m.sql });
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.lint, async (check) => {
        if (!added.length) {
            check.status = 'skip';
            check.detail = 'No new migrations to lint.';
            return;
        }
        const result = await (0,lint.lintMigrations)({
            migrations: added.map(toSource),
            existing: base.map(toSource),
            engine: settings.engine,
            serverMajor: run.server.major || undefined,
            log: env.log,
        });
        const findings = (0,lint_findings.reportFindings)(result.findings, { failOn: settings.failOn });
        (0,model/* addFindings */.W7)(run.report, findings);
        const errors = findings.filter((f) => f.severity === 'error').length;
        check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
        check.detail = `${(0,format/* plural */.LS)(result.statementsLinted, 'statement')} in ${(0,format/* plural */.LS)(result.migrationsLinted, 'migration')}: ${(0,format/* severityCounts */.ur)(result.summary)}; ${result.silenced.length} silenced.`;
        check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/seed/index.ts + 2 modules
var seed = __webpack_require__(4764);
// EXTERNAL MODULE: ./src/backup/index.ts + 12 modules
var src_backup = __webpack_require__(1249);
// EXTERNAL MODULE: ./src/backup/dbstate.ts
var dbstate = __webpack_require__(9529);
// EXTERNAL MODULE: ./src/catalog/diff.ts
var catalog_diff = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/pr-check/rehearsal.ts
/**
 * The rollback rehearsal: a backup of the upgrade-path database before the new migrations,
 * restored after them into a new database and compared — catalog and row counts — with the
 * state it was taken from. Proves the pre-deploy backup is a way back.
 */






/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
function rehearsalDifferences(before, restored) {
    const catalog = (0,catalog_diff/* diffSnapshots */.V1)(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
    const counts = (0,dbstate/* compareRowCounts */.OU)(before.counts, restored.counts);
    return [...catalog, ...(counts.length ? [(0,dbstate/* describeDifferences */.g7)(counts)] : [])];
}
async function backUpBefore(run, db, workDir) {
    const backup = await (0,src_backup.createBackup)({
        connection: db,
        outputDir: external_node_path_default().join(workDir, 'backup'),
        prefix: 'rehearsal',
        verify: 'none',
        log: run.env.log,
    });
    return {
        backupPath: backup.backupPath,
        sizeBytes: backup.sizeBytes,
        snapshot: await (0,pr_check_run/* snapshotOf */.eY)(db),
        counts: await (0,pr_check_run/* withClient */.SV)(db, dbstate/* countRows */.BO),
    };
}
async function rehearseRollback(run, upgraded, before) {
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.rehearsal, async (check) => {
        if (!upgraded || !before) {
            check.status = 'skip';
            check.detail = 'Needs the upgrade path to reach the new migrations first.';
            return;
        }
        const restored = await (0,src_backup.restoreBackup)({
            backupPath: before.backupPath,
            connection: upgraded,
            mode: 'new-database',
            log: run.env.log,
        });
        const restoredDb = { ...upgraded, database: restored.database };
        try {
            const after = { snapshot: await (0,pr_check_run/* snapshotOf */.eY)(restoredDb), counts: await (0,pr_check_run/* withClient */.SV)(restoredDb, dbstate/* countRows */.BO) };
            const differences = rehearsalDifferences(before, after);
            check.detail = `Restored the pre-migration backup (${(0,format/* formatBytes */.z3)(before.sizeBytes)}) into a new database: ${(0,format/* plural */.LS)(differences.length, 'difference')} from the state before the new migrations.`;
            if (differences.length) {
                check.status = 'fail';
                check.items = differences;
            }
        }
        finally {
            await run.server.dropDatabase(restored.database).catch(() => undefined);
        }
    });
}

;// CONCATENATED MODULE: ./src/pr-check/upgrade-path.ts
/**
 * The two ways the history is applied: from scratch on an empty database, and the upgrade
 * path — the base branch's own migrations, generated rows, then the new migrations over the
 * data (with the rollback rehearsal's backup taken in between when it is on).
 */









/** Applies the whole history on an empty database; returns it, or undefined when that failed. */
async function fromScratch(run, migrations) {
    let applied;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.scratch, async (check) => {
        const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'scratch');
        const result = await (0,pr_check_run/* applyHistory */.xu)(run, db, migrations, run.settings.migrationsDir);
        applied = db;
        check.detail = `${(0,format/* plural */.LS)(migrations.length, 'migration')} applied on an empty database in ${(0,format/* formatDuration */.a3)(result.durationMs)} (${run.settings.engine} engine).`;
    });
    return applied;
}
async function upgradePath(run, all, base, added, guard) {
    const { settings, env } = run;
    let upgraded;
    let before;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-upgrade-'));
    try {
        await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.upgrade, async (check) => {
            if (!guard || !base.length || !added.length) {
                check.status = 'skip';
                check.detail = !guard
                    ? 'No base branch: nothing to upgrade from.'
                    : !base.length
                        ? 'The base branch has no migrations.'
                        : 'No new migrations.';
                return;
            }
            const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'upgrade');
            // The base branch's own files (what production ran), not the working tree's.
            const baseDir = external_node_path_default().join(workDir, 'base');
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
            await (0,git/* materializeAtRef */.Uh)(root, guard.baseCommit, external_node_path_default().relative(root, settings.migrationsDir).split((external_node_path_default()).sep).join('/'), baseDir);
            await (0,pr_check_run/* applyHistory */.xu)(run, db, (await (0,reader/* readMigrationsDir */.Nb)(baseDir)).migrations, baseDir);
            const seeded = await (0,pr_check_run/* withClient */.SV)(db, (client) => (0,seed/* seedDatabase */.v)(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log: env.log }));
            if (settings.rollbackRehearsal)
                before = await backUpBefore(run, db, workDir);
            upgraded = db;
            const result = await (0,pr_check_run/* applyHistory */.xu)(run, db, all, settings.migrationsDir);
            const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
            check.detail = `${(0,format/* plural */.LS)(base.length, 'base migration')} applied, ${(0,format/* plural */.LS)(rows, 'row')} generated in ${(0,format/* plural */.LS)(seeded.tables.length, 'table')}, then ${(0,format/* plural */.LS)(result.applied.length, 'new migration')} applied over the data.`;
            const skipped = seeded.tables.filter((t) => t.skipped);
            if (skipped.length) {
                check.status = 'warn';
                check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
            }
        });
        if (settings.rollbackRehearsal)
            await rehearseRollback(run, upgraded, before);
    }
    finally {
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/pr-check/schema-agreement.ts
/**
 * Does schema.prisma agree with the migrations? The Prisma CLI turns the schema into SQL
 * (migrate diff --from-empty), that SQL builds one database, the migrations another, and the
 * two catalogs are compared on what Prisma models.
 */







/** schema.prisma as SQL, or why the CLI could not produce it (never a rejection). */
function settledSchemaSql(cli, schemaPath, options) {
    return (0,prisma_cli/* schemaToSql */.Pb)(cli, schemaPath, options).then((sql) => ({ sql }), (error) => ({ error }));
}
/** Differences between schema.prisma's SQL and the migrations that Prisma models and that matter. */
function prismaModelDifferences(differences) {
    const blocking = [];
    const handWritten = [];
    for (const d of differences) {
        if (!['table', 'column', 'constraint', 'index', 'enum'].includes(d.objectType))
            continue;
        const kind = (d.expected ?? d.actual);
        if (d.objectType === 'constraint' && (kind?.kind === 'check' || kind?.kind === 'exclusion'))
            continue;
        if (d.change === 'changed' && (d.fields ?? []).every((f) => f === 'position'))
            continue; // column order is not modelled
        // Extra indexes in the migrations (partial, CONCURRENTLY) are hand-written on purpose.
        if (d.objectType === 'index' && d.change === 'unexpected')
            handWritten.push(d);
        else
            blocking.push(d);
    }
    return { blocking, handWritten };
}
function describeModelDifference(d) {
    if (d.change === 'missing')
        return `${d.objectType} ${d.identity} is in schema.prisma but no migration creates it`;
    if (d.change === 'unexpected')
        return `${d.objectType} ${d.identity} is in the migrations but not in schema.prisma`;
    return `${d.objectType} ${d.identity} differs: ${d.detail}`;
}
async function schemaAgreement(run, fromScratch, earlySql) {
    const { settings, prisma } = run;
    await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.schema, async (check) => {
        if (!prisma.cli) {
            check.status = 'skip';
            check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
            return;
        }
        if (!fromScratch) {
            check.status = 'skip';
            check.detail = 'Skipped: the migrations did not apply from scratch.';
            return;
        }
        const fromSchema = await (0,pr_check_run/* newDatabase */.gL)(run, 'schema');
        // A driver-adapter config connects even for --from-empty: give it the still-empty database.
        const converted = await (earlySql ??
            settledSchemaSql(prisma.cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl: fromSchema.url }));
        if ('error' in converted) {
            check.status = 'skip';
            check.detail = `Skipped: the Prisma CLI could not run here: ${(0,errors/* describeError */.Uc)(converted.error)}`;
            return;
        }
        await (0,pr_check_run/* withClient */.SV)(fromSchema, async (client) => {
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
            await client.query(converted.sql);
        });
        const diff = (0,catalog_diff/* diffSnapshots */.V1)(await (0,pr_check_run/* snapshotOf */.eY)(fromSchema), await (0,pr_check_run/* snapshotOf */.eY)(fromScratch));
        const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
        check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${external_node_path_default().basename(prisma.configPath)}` : ''}) with the migrations': ${(0,format/* plural */.LS)(blocking.length, 'difference')}; ${(0,format/* plural */.LS)(handWritten.length, 'hand-written index', 'hand-written indexes')} only in migrations.`;
        if (blocking.length) {
            check.status = 'fail';
            check.items = blocking.map(describeModelDifference);
            (0,model/* addFindings */.W7)(run.report, [
                {
                    severity: 'error',
                    ruleId: 'schema/out-of-sync',
                    file: (0,pr_check_run/* displayPath */.Gt)(run, settings.schemaPath),
                    title: 'schema.prisma has changes that no migration contains',
                    message: check.items.join('\n'),
                    fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
                },
            ]);
        }
    });
}

// EXTERNAL MODULE: ./src/pr-check/touched-tables.ts
var touched_tables = __webpack_require__(3407);
// EXTERNAL MODULE: ./src/postgres/url.ts + 1 modules
var url = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/postgres/target.ts + 1 modules
var target = __webpack_require__(4703);
// EXTERNAL MODULE: ./src/rehearsal/index.ts + 7 modules
var rehearsal = __webpack_require__(7792);
;// CONCATENATED MODULE: ./src/pr-check/scale-rehearsal-step.ts
/**
 * The pull request's rehearsal at production scale (src/rehearsal/): on its own database at the
 * base branch's state, after the concurrent steps (so their load does not distort its timings).
 * Its findings join the report, lint lock findings it proves harmless become notices, and its
 * per-statement table goes to the PR comment and job summary.
 */









async function rehearseAtScale(run, base, added, guard) {
    const { settings, env } = run;
    let data;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-rehearsal-'));
    try {
        await (0,pr_check_run/* step */.PM)(run, pr_check_run/* CHECK */.fi.scaleRehearsal, async (check) => {
            if (settings.rehearsal === 'off' || !guard || !base.length || !added.length) {
                check.status = 'skip';
                check.detail =
                    settings.rehearsal === 'off'
                        ? 'Turned off (rehearsal: off).'
                        : !guard
                            ? 'No base branch: no existing tables to rehearse on.'
                            : !base.length
                                ? 'The base branch has no migrations.'
                                : 'No new migrations.';
                return;
            }
            const db = await (0,pr_check_run/* newDatabase */.gL)(run, 'rehearsal');
            const baseDir = external_node_path_default().join(workDir, 'base');
            const root = await (0,git/* repoRoot */.jv)(settings.migrationsDir);
            await (0,git/* materializeAtRef */.Uh)(root, guard.baseCommit, external_node_path_default().relative(root, settings.migrationsDir).split((external_node_path_default()).sep).join('/'), baseDir);
            await (0,pr_check_run/* applyHistory */.xu)(run, db, (await (0,reader/* readMigrationsDir */.Nb)(baseDir)).migrations, baseDir);
            const existing = await (0,pr_check_run/* withClient */.SV)(db, (client) => (0,rehearsal/* existingTouchedTables */.J3)(client, run.schema, added));
            if (!existing.length) {
                check.status = 'skip';
                check.detail = 'The new migrations touch no table that exists before them: nothing to rehearse.';
                return;
            }
            const result = await (0,rehearsal/* rehearse */.Km)({
                connection: db,
                migrations: added,
                stats: settings.statsDatabase,
                rows: settings.rehearsalRows,
                budget: settings.rehearsalBudget,
                timeoutMs: settings.rehearsalTimeoutMs,
                serverMajor: run.server.major || undefined,
                log: env.log,
            });
            data = result.data;
            const fileOf = (migration) => (0,pr_check_run/* displayPath */.Gt)(run, undefined, migration);
            const options = { maxBlockingMs: settings.maxBlockingMs, fileOf, existing: result.existing };
            const findings = (0,rehearsal/* observationFindings */.HM)(result.statements, options);
            (0,model/* addFindings */.W7)(run.report, findings);
            const downgraded = (0,rehearsal/* downgradeHarmless */.LG)(run.report.findings, result.statements, options);
            (0,model/* addTable */.GC)(run.report, (0,rehearsal/* rehearsalTable */.kP)(result.data.statements, result.sizing.source === 'stats-database'));
            const sizes = result.sizing.tables.map((t) => `${t.table} ${result.data.rows[t.key].toLocaleString('en-US')}`).join(', ');
            check.detail = [
                `${(0,format/* plural */.LS)(result.data.statements.length, 'statement')} rehearsed on ${sizes} rows (sizes from ${result.sizing.source === 'stats-database' ? 'the stats database' : 'rehearsal-rows'}${result.sizing.scaledDown ? `, scaled down to ${Math.round(result.sizing.scale * 1000) / 10}% by rehearsal-budget` : ''}) under ${(0,format/* plural */.LS)(result.trace.workload.sessions, 'application session')} (${(0,format/* plural */.LS)(result.trace.workload.queries, 'query', 'queries')}).`,
                `Locks sampled every ${(0,format/* formatDuration */.a3)(result.trace.sampler.medianGapMs)} (${(0,format/* plural */.LS)(result.trace.sampler.samples, 'sample')}); seeding took ${(0,format/* formatDuration */.a3)(result.seedMs)}, the trace ${(0,format/* formatDuration */.a3)(result.traceMs)}.`,
                result.sizing.source === 'stats-database' ? 'Production times are estimated linearly in rows from the rehearsed sizes.' : '',
                downgraded
                    ? `${(0,format/* plural */.LS)(downgraded, 'lint finding')} shown harmless at these sizes, now ${downgraded === 1 ? 'a notice' : 'notices'}.`
                    : '',
                result.trace.stopped
                    ? `Stopped at ${result.trace.stopped.migration} line ${result.trace.stopped.line}: ${result.trace.stopped.reason}.`
                    : '',
            ]
                .filter(Boolean)
                .join(' ');
            const skipped = result.seeded.filter((s) => s.skipped);
            check.items = [...result.sizing.notes, ...skipped.map((s) => `${s.table} not filled: ${s.skipped}`)];
            if (findings.some((f) => f.severity === 'error'))
                check.status = 'fail';
            else if (result.trace.stopped || skipped.length)
                check.status = 'warn';
        });
    }
    finally {
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
    return data;
}

;// CONCATENATED MODULE: ./src/pr-check/pipeline.ts
/**
 * The pull request check: every step is a check in one Report; a step that cannot run (no git
 * history, no Prisma CLI) is skipped with the reason, never faked. The history guard runs first;
 * then, on a throwaway PostgreSQL, apply-from-scratch, the upgrade path (with the rollback
 * rehearsal), schema.prisma agreement and lint run concurrently.
 */
















async function runPrCheck(settings, env) {
    const started = Date.now();
    const report = (0,model/* createReport */.LU)('migration-test', 'Migration test');
    const log = env.log;
    const given = settings.databaseUrl ? (0,url/* parseDatabaseUrl */.mx)(settings.databaseUrl) : undefined;
    const schema = given?.schema ?? 'public';
    if (given)
        await (0,target.assertMigrationTarget)(given, 'migration-test'); // it creates and migrates databases there
    const guard = await historyGuard(report, settings, env);
    let head;
    try {
        head = await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir);
    }
    catch (error) {
        // An unreadable history (wrong provider in migration_lock.toml, bad folder) stops before any database work.
        report.checks.push({ name: 'Read the migrations', status: 'fail', detail: (0,errors/* describeError */.Uc)(error) });
        (0,model/* addFindings */.W7)(report, [(0,pr_check_run/* errorFinding */.i9)({ settings, env }, error)]);
        (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
        return { report, newMigrations: [], guard };
    }
    const mergedNames = new Set(guard?.merged ?? []);
    const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
    const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
    for (const m of newMigrations)
        (0,model/* addCodeBlock */.sW)(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });
    // The project's CLI (beside schema.prisma), else the one of the directory we run from.
    const cli = (0,prisma_cli/* findPrismaCli */.WO)(external_node_path_default().dirname(settings.schemaPath)) ?? (0,prisma_cli/* findPrismaCli */.WO)(env.cwd);
    const prisma = { cli, configPath: cli ? (0,prisma_cli/* findPrismaConfig */.iK)(settings.schemaPath, env.cwd) : undefined };
    // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
    const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;
    log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
    const startedAt = Date.now();
    const server = await (0,ephemeral/* acquirePostgres */.sb)({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log });
    (0,model/* recordTiming */.oo)(report, 'PostgreSQL start', Date.now() - startedAt);
    const run = { settings, env, report, server, schema, prisma };
    let rehearsal;
    try {
        // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
        const scratch = fromScratch(run, head.migrations);
        await Promise.all([
            upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
            scratch.then((db) => schemaAgreement(run, db, earlySql)),
            lintNewMigrations(run, newMigrations, baseMigrations),
        ]);
        // Alone, after the concurrent steps: their load would distort what it measures.
        rehearsal = await rehearseAtScale(run, baseMigrations, newMigrations, guard);
        const scratchDb = await scratch;
        // The tables the change touches, as an ER diagram.
        if (scratchDb && newMigrations.length) {
            const names = await (0,touched_tables/* touchedTables */.C)(newMigrations);
            const snap = await (0,pr_check_run/* snapshotOf */.eY)(scratchDb).catch(() => undefined);
            if (snap && names.size)
                report.mermaid = (0,render/* mermaidErDiagram */.KS)((0,touched_tables/* erTablesFor */.g)(snap, names));
        }
    }
    finally {
        await server.stop().catch(() => undefined);
    }
    report.checks.sort((a, b) => pr_check_run/* CHECK_ORDER */.Ut.indexOf(a.name) - pr_check_run/* CHECK_ORDER */.Ut.indexOf(b.name));
    (0,model/* recordTiming */.oo)(report, 'Total', Date.now() - started);
    return { report, newMigrations, guard, rehearsal };
}


/***/ }),

/***/ 8894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   PM: () => (/* binding */ step),
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   Ut: () => (/* binding */ CHECK_ORDER),
/* harmony export */   eY: () => (/* binding */ snapshotOf),
/* harmony export */   fi: () => (/* binding */ CHECK),
/* harmony export */   gL: () => (/* binding */ newDatabase),
/* harmony export */   i9: () => (/* binding */ errorFinding),
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
/* harmony import */ var _catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2282);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6867);
/**
 * The state of one pull request check — its report, the throwaway server and the Prisma project
 * — and what every step shares: the step runner (a thrown error becomes a failed check plus one
 * finding, and the run goes on), new databases, workspace paths, applying a history.
 */








const withClient = (settings, fn) => (0,_postgres_client_js__WEBPACK_IMPORTED_MODULE_4__/* .withClient */ .SV)(settings, { applicationName: 'prisma-migrate-actions-test' }, fn);
function snapshotOf(settings) {
    return withClient(settings, (client) => (0,_catalog_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .snapshotSchema */ .ap)(client, { schemas: [settings.schema] }));
}
function newDatabase(run, label) {
    return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, { schema: run.schema });
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
    const base = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_7__/* .findingFromError */ .Oo)(error);
    return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}
/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run, name, body) {
    await (0,_report_model_js__WEBPACK_IMPORTED_MODULE_7__/* .runCheck */ .k_)(run.report, name, body).catch((error) => {
        const finding = errorFinding(run, error);
        const key = (f) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
        if (!run.report.findings.some((f) => key(f) === key(finding)))
            (0,_report_model_js__WEBPACK_IMPORTED_MODULE_7__/* .addFindings */ .W7)(run.report, [finding]);
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
        return (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__/* .applyMigrations */ .K)({ connection, migrations, engine: 'builtin', log: env.log });
    const project = node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'pma-prisma-'));
    try {
        const schemaPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'schema.prisma');
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().copyFileSync(settings.schemaPath, schemaPath);
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().cpSync(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().join(project, 'migrations'), { recursive: true });
        const cwd = run.prisma.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(run.prisma.configPath) : node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(settings.schemaPath);
        return await (0,_migrations_apply_js__WEBPACK_IMPORTED_MODULE_5__/* .applyMigrations */ .K)({
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
