import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
export const id = 407;
export const ids = [407];
export const modules = {

/***/ 8407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf),
/* harmony export */   migrationStatus: () => (/* binding */ migrationStatus)
/* harmony export */ });
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5237);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1926);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7297);
/* harmony import */ var _batch_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7514);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2011);





async function migrationStatus(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .toSettings */ .R4)(options.connection);
    // The folders are read while the session connects; a folder error still comes first.
    const connecting = (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(settings, 'prisma-migrate-actions status');
    connecting.catch(() => undefined); // awaited below; a refusal must not go unhandled meanwhile
    const checking = options.targetCheck?.(connecting);
    checking?.catch(() => undefined); // awaited below
    let local;
    try {
        local = options.migrations ?? (await (0,_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .readMigrationsDir */ .Nb)(options.dir ?? 'prisma/migrations')).migrations;
        await checking;
    }
    catch (error) {
        await connecting.then((client) => client.end()).catch(() => undefined);
        throw error;
    }
    const client = await connecting;
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


/***/ })

};
