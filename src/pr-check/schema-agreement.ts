/**
 * Does schema.prisma agree with the migrations? The Prisma CLI turns the schema into SQL
 * (migrate diff --from-empty), that SQL builds one database, the migrations another, and the
 * two catalogs are compared on what Prisma models.
 */
import path from 'node:path';
import { describeError } from '../errors.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { diffSnapshots } from '../catalog/diff.js';
import type { SchemaDifference } from '../catalog/types.js';
import { schemaToSql, type PrismaCli, type SchemaToSqlOptions } from '../prisma/cli.js';
import { addFindings } from '../report/model.js';
import { CHECK, displayPath, newDatabase, snapshotOf, step, withClient, type PrCheckRun } from './run.js';
import { plural } from '../report/format.js';

export type SchemaSql = { sql: string } | { error: unknown };

/** schema.prisma as SQL, or why the CLI could not produce it (never a rejection). */
export function settledSchemaSql(cli: PrismaCli, schemaPath: string, options: SchemaToSqlOptions): Promise<SchemaSql> {
  return schemaToSql(cli, schemaPath, options).then(
    (sql) => ({ sql }),
    (error: unknown) => ({ error }),
  );
}

/** schema.prisma's SQL and the empty database it is to build. */
export interface SchemaSqlSource {
  database: ConnectionSettings;
  converted: SchemaSql;
}

/**
 * Starts the Prisma CLI at once, and creates the database its SQL is to build meanwhile. A
 * driver-adapter config connects even for --from-empty, which reads and writes nothing there: on
 * a throwaway server it gets the empty `postgres` database, so it need not wait for a CREATE
 * DATABASE; on a given server, the new database. Undefined without a Prisma CLI. It rejects
 * only when the database cannot be created; the schema check meets that when it awaits it.
 */
export function prismaSchemaSql(run: PrCheckRun, earlySql: Promise<SchemaSql> | undefined): Promise<SchemaSqlSource> | undefined {
  const { prisma, settings, server } = run;
  const cli = prisma.cli;
  if (!cli) return undefined;
  const convert = (databaseUrl: string) => settledSchemaSql(cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl });
  const started = earlySql ?? (server.source === 'url' ? undefined : convert(server.admin.url));
  const source = newDatabase(run, 'schema').then(async (database) => ({ database, converted: await (started ?? convert(database.url)) }));
  // The CLI is awaited before the server stops, even when the database could not be created.
  const settled = source.catch(async (error: unknown) => {
    await started;
    throw error;
  });
  settled.catch(() => undefined); // the schema check awaits it
  return settled;
}

/** Differences between schema.prisma's SQL and the migrations that Prisma models and that matter. */
export function prismaModelDifferences(differences: SchemaDifference[]): { blocking: SchemaDifference[]; handWritten: SchemaDifference[] } {
  const blocking: SchemaDifference[] = [];
  const handWritten: SchemaDifference[] = [];
  for (const d of differences) {
    if (!['table', 'column', 'constraint', 'index', 'enum'].includes(d.objectType)) continue;
    const kind = (d.expected ?? d.actual) as { kind?: string } | undefined;
    if (d.objectType === 'constraint' && (kind?.kind === 'check' || kind?.kind === 'exclusion')) continue;
    if (d.change === 'changed' && (d.fields ?? []).every((f) => f === 'position')) continue; // column order is not modelled
    // Extra indexes in the migrations (partial, CONCURRENTLY) are hand-written on purpose.
    if (d.objectType === 'index' && d.change === 'unexpected') handWritten.push(d);
    else blocking.push(d);
  }
  return { blocking, handWritten };
}

function describeModelDifference(d: SchemaDifference): string {
  if (d.change === 'missing') return `${d.objectType} ${d.identity} is in schema.prisma but no migration creates it`;
  if (d.change === 'unexpected') return `${d.objectType} ${d.identity} is in the migrations but not in schema.prisma`;
  return `${d.objectType} ${d.identity} differs: ${d.detail}`;
}

export async function schemaAgreement(
  run: PrCheckRun,
  fromScratch: ConnectionSettings | undefined,
  schemaSql: Promise<SchemaSqlSource> | undefined,
): Promise<void> {
  const { settings, prisma } = run;
  await step(run, CHECK.schema, async (check) => {
    if (!prisma.cli || !schemaSql) {
      check.status = 'skip';
      check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
      return;
    }
    if (!fromScratch) {
      await schemaSql.catch(() => undefined); // the CLI finishes before the server stops
      check.status = 'skip';
      check.detail = 'Skipped: the migrations did not apply from scratch.';
      return;
    }
    const { database: fromSchema, converted } = await schemaSql;
    if ('error' in converted) {
      check.status = 'skip';
      check.detail = `Skipped: the Prisma CLI could not run here: ${describeError(converted.error)}`;
      return;
    }
    await withClient(fromSchema, async (client) => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
      await client.query(converted.sql);
    });
    const diff = diffSnapshots(await snapshotOf(fromSchema), await snapshotOf(fromScratch));
    const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
    check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${path.basename(prisma.configPath)}` : ''}) with the migrations': ${plural(blocking.length, 'difference')}; ${plural(handWritten.length, 'hand-written index', 'hand-written indexes')} only in migrations.`;
    if (blocking.length) {
      check.status = 'fail';
      check.items = blocking.map(describeModelDifference);
      addFindings(run.report, [
        {
          severity: 'error',
          ruleId: 'schema/out-of-sync',
          file: displayPath(run, settings.schemaPath),
          title: 'schema.prisma has changes that no migration contains',
          message: check.items.join('\n'),
          fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
        },
      ]);
    }
  });
}
