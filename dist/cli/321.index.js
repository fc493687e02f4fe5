import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 321;
export const ids = [321];
export const modules = {

/***/ 2321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recoverMigration: () => (/* binding */ recoverMigration)
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
    const plan = (0,_recovery_store_js__WEBPACK_IMPORTED_MODULE_7__/* .recoveryPlan */ .PD)(name, attempt.before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client), prepared.statements, attempt.committedStatements);
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
        const left = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.diffSnapshots)(before, await (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_0__.snapshotSchema)(client, { withinTransaction: true })).differences;
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


/***/ })

};
