/**
 * The deploy's verification step (smoke SQL, HTTP health check) and the secrets rule: the
 * database password, the backup passphrase and the GitHub token appear in no output.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { deployCommand, deployReport, deploySettings } from '../../src/commands/deploy.js';
import { readOptions } from '../../src/commands/options.js';
import { deploy } from '../../src/deploy/pipeline.js';
import { checkHealth } from '../../src/deploy/verify.js';
import { githubServices } from '../../src/github/services.js';
import { buildDatabaseUrl, parseDatabaseUrl } from '../../src/postgres/url.js';
import { isMigrateActionsError } from '../../src/errors.js';
import { renderConsole, renderJson, renderMarkdown } from '../../src/report/render.js';
import { approvalEntry, startFakeGitHub } from '../helpers/github-api.js';
import { dropTestDatabases, query } from '../helpers/pg.js';
import {
  MIGRATIONS,
  check,
  databaseState,
  catalogChanges,
  filesUnder,
  production,
  runDeployCommand,
  tempDir,
  writeHistory,
  type DeployRun,
} from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const POSTS = '20240201000000_posts';

/** A local HTTP server answering each request with the next status of `statuses` (the last repeats). */
async function statusServer(statuses: number[]): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    const status = statuses[Math.min(hits++, statuses.length - 1)];
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('deploy: verification', () => {
  it('smoke SQL: a bad query fails the deploy with its file and line', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const smoke = path.join(tempDir('smoke'), 'smoke.sql');
    fs.writeFileSync(smoke, 'SELECT count(*) FROM "User";\n\nSELECT "missing" FROM "Post";\n');
    const run = await runDeployCommand(db, dir, { 'smoke-sql': smoke });
    expect(run.data.outcome).toBe('failed');
    expect(run.result.exitCode).toBe(1);
    const error = run.data.audit.error!;
    expect(error.code).toBe('E_SMOKE_SQL');
    expect(error.message).toMatch(/column "missing" does not exist/);
    expect(error.message).toContain(`${smoke}:3`);
    expect(check(run, 'Verify').status).toBe('fail');
    const finding = run.report.findings.find((f) => f.ruleId === 'E_SMOKE_SQL');
    expect(finding).toMatchObject({ file: path.relative(process.cwd(), smoke), line: 3, column: 1 });
    // The migration itself is applied: the outputs say so.
    expect(run.result.outputs?.applied).toBe(POSTS);
  });

  it('smoke SQL that passes is reported with its query count', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const smoke = path.join(tempDir('smoke'), 'smoke.sql');
    fs.writeFileSync(smoke, 'SELECT count(*) FROM "User";\nSELECT "title" FROM "Post" LIMIT 1;\n');
    const run = await runDeployCommand(db, dir, { 'smoke-sql': smoke });
    expect(run.data.outcome).toBe('success');
    expect(check(run, 'Verify').items).toContain('Smoke SQL: 2 read-only queries succeeded.');
  });

  it('smoke SQL runs read-only: a write in it fails and changes nothing', async () => {
    const dir = writeHistory({});
    const db = await production(dir);
    const smoke = path.join(tempDir('smoke'), 'smoke.sql');
    fs.writeFileSync(smoke, 'DELETE FROM "User";\n');
    const { runSmokeSql } = await import('../../src/deploy/verify.js');
    const error = await runSmokeSql(db, smoke).catch((e: unknown) => e);
    expect(isMigrateActionsError(error, 'E_SMOKE_SQL')).toBe(true);
    expect((error as Error).message).toMatch(/read-only transaction/);
    expect((await query(db, 'SELECT count(*)::int AS n FROM "User"'))[0].n).toBe(3);
  });

  it('health check: retries, then fails clearly against a server answering 500', async () => {
    const server = await statusServer([500]);
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const work = tempDir('health');
      const values = readOptions(
        deployCommand.options,
        (spec) =>
          ({
            'database-url': db.url,
            'migrations-dir': dir,
            'approved-by': 'alice',
            'drift-policy': 'ignore',
            'skip-backup': 'true',
            'health-check-url': server.url,
            'report-dir': work,
          })[spec.name],
        'option',
      );
      const settings = { ...deploySettings(values, { cwd: work, log: () => undefined }), healthCheckAttempts: 2 };
      const result = await deploy(settings, { log: () => undefined });
      expect(result.outcome).toBe('failed');
      expect(server.hits()).toBe(2);
      expect(result.error).toMatchObject({
        code: 'E_HEALTH_CHECK',
        message: expect.stringContaining(`The health check ${server.url} did not answer 2xx after 2 attempts (last: HTTP 500)`),
      });
      expect(deployReport(result, settings).verdict).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('health check: a 500 then a 200 passes on the second attempt', async () => {
    const server = await statusServer([500, 200]);
    try {
      expect(await checkHealth(server.url, 3, 10)).toEqual({ status: 200, attempts: 2 });
    } finally {
      await server.close();
    }
  });
});

describe('deploy: secrets appear in no output', () => {
  const password = 'Pw-Sekr1t-Zebra-42';
  const passphrase = 'Passphrase-Sekr1t-Otter';
  const token = 'ghs_Sekr1tToken0123456789abcdefABCDEF';

  function everything(run: DeployRun, extra: string[]): string[] {
    const files = filesUnder(run.workDir);
    return [
      ...run.logs,
      renderConsole(run.report, { color: false }),
      renderMarkdown(run.report),
      renderJson(run.report),
      JSON.stringify(run.result.outputs),
      ...files.map((f) => f.file),
      ...files.map((f) => f.text),
      ...extra,
    ];
  }

  it('password in the URL, backup passphrase and GitHub token: in no log, report, audit, manifest or file name', async () => {
    const github = await startFakeGitHub();
    try {
      github.approvals.set(77, [approvalEntry('alice', 'approved', 'production')]);
      const services = githubServices(token, { GITHUB_REPOSITORY: 'octo-org/app', GITHUB_RUN_ID: '77', GITHUB_API_URL: github.baseUrl });
      const context = { token, repository: 'octo-org/app', runId: 77, services };
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts, '20240202000000_segmented': MIGRATIONS.segmentedFailure });
      const plain = await production(dir);
      const db = parseDatabaseUrl(buildDatabaseUrl({ ...plain, password }));
      expect(db.url).toContain(password);
      const before = await databaseState(db);
      const inputs = {
        'approved-by': '',
        'github-token': token,
        'backup-passphrase': passphrase,
        'on-failure': 'restore',
        'audit-table': 'true',
      };
      const run = await runDeployCommand(db, dir, inputs, context);
      // The encrypted backup was restored with the passphrase: the run really used every secret.
      expect(run.data.outcome).toBe('restored');
      expect(catalogChanges(before.snapshot, (await databaseState(db)).snapshot)).toEqual([]);
      expect(run.data.audit.database).toContain('***');
      expect(run.data.audit.backup?.path).toMatch(/\.gpg$/);
      const auditRows = await query(db, 'SELECT record::text AS record FROM prisma_migrate_actions.deployments');
      const texts = everything(
        run,
        auditRows.map((r) => r.record),
      );
      for (const secret of [password, passphrase, token]) {
        const leaks = texts.filter((text) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
        expect(leaks).toEqual([]);
      }
    } finally {
      await github.close();
    }
  });
});
