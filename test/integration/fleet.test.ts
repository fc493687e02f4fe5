/**
 * A fleet of 40 real databases on both test clusters (15 and 17) plus one unreachable target:
 * the canary runs alone first, the unreachable target fails with a clear error, no later wave
 * starts, the started targets are fully migrated, the pool never runs more than --concurrency at
 * once, and --max-failures 1 lets the rest run. Then a drift check across the fleet with 3
 * drifted targets, each history replayed once per major.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli.js';
import { driftCheckCommand } from '../../src/commands/drift-check.js';
import { readOptions } from '../../src/commands/options.js';
import type { GitHubServices } from '../../src/commands/types.js';
import type { TargetResult } from '../../src/fleet/pool.js';
import type { ConnectionSettings } from '../../src/postgres/url.js';
import { dropTestDatabases, freshDatabase, query, testMajors } from '../helpers/pg.js';

afterAll(dropTestDatabases);

const MIGRATIONS = path.resolve('prisma/migrations');
const HISTORY = fs.readdirSync(MIGRATIONS).filter((name) => fs.statSync(path.join(MIGRATIONS, name)).isDirectory()).length;
const DOWN_PASSWORD = 'fleet-canary-pw-7d1e';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
const databases = new Map<string, ConnectionSettings>();
const env: NodeJS.ProcessEnv = { ...process.env };

function waveOf(i: number): string {
  return i === 0 ? 'canary' : String(1 + Math.floor((i - 1) / 13));
}

function io(): CliIo & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    env,
    isTTY: false,
    cwd: work,
  };
  return captured;
}

async function deploy(targetsFile: string, extra: string[] = []) {
  const c = io();
  const code = await runCli(
    [
      'deploy',
      '--targets',
      targetsFile,
      '--migrations-dir',
      MIGRATIONS,
      '--environment',
      'staging',
      '--require-approval',
      'false',
      '--skip-backup',
      '--drift-policy',
      'ignore',
      '--concurrency',
      '4',
      ...extra,
      '--json',
    ],
    c,
  );
  const report = JSON.parse(c.out) as { data: { targets: TargetResult[]; stoppedAfter?: string }; summary: string };
  return { code, report, targets: report.data.targets, all: c.out + c.err };
}

/** Migrations recorded as finished on a database (0 when it has no _prisma_migrations). */
async function appliedCount(db: ConnectionSettings): Promise<number> {
  const [{ present }] = await query<{ present: boolean }>(db, `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!present) return 0;
  const [{ n }] = await query<{ n: string }>(
    db,
    `SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return Number(n);
}

/** Most targets running at one moment, from the recorded start times and durations. */
function maxOverlap(targets: TargetResult[]): number {
  const events = targets
    .filter((t) => t.startedAt)
    .flatMap((t) => {
      const start = Date.parse(t.startedAt!);
      return [
        { at: start, delta: 1 },
        { at: start + t.durationMs!, delta: -1 },
      ];
    })
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let running = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (running += e.delta));
  return most;
}

let targetsFile = '';
let healthyFile = '';

beforeAll(async () => {
  const majors = testMajors();
  const lines = ['targets:'];
  const healthy = ['targets:'];
  for (let i = 0; i < 40; i++) {
    const db = await freshDatabase({ major: majors[i % majors.length] });
    const name = `tenant-${String(i).padStart(2, '0')}`;
    databases.set(name, db);
    env[`FLEET_DB_${i}`] = db.url;
    const entry = [`  - name: ${name}`, `    url: env:FLEET_DB_${i}`, `    wave: ${waveOf(i)}`];
    lines.push(...entry);
    healthy.push(...entry);
    if (i === 14) lines.push('  - name: tenant-down', '    url: secret:DOWN_URL', '    wave: 2');
  }
  env.DATABASE_URLS = JSON.stringify({ DOWN_URL: `postgresql://fleet:${DOWN_PASSWORD}@127.0.0.1:1/nowhere` });
  targetsFile = path.join(work, 'targets.yml');
  fs.writeFileSync(targetsFile, lines.join('\n') + '\n');
  healthyFile = path.join(work, 'healthy.yml');
  fs.writeFileSync(healthyFile, healthy.join('\n') + '\n');
}, 120_000);

describe('a fleet deploy', () => {
  let first: Awaited<ReturnType<typeof deploy>>;
  beforeAll(async () => {
    first = await deploy(targetsFile);
  }, 600_000);

  test('the canary ran alone, before any other target started', () => {
    const canary = first.targets.find((t) => t.wave === 'canary')!;
    expect(canary.result).toBe('succeeded');
    const canaryEnd = Date.parse(canary.startedAt!) + canary.durationMs!;
    const others = first.targets.filter((t) => t.wave !== 'canary' && t.startedAt);
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(Date.parse(t.startedAt!)).toBeGreaterThanOrEqual(canaryEnd);
  });

  test('the unreachable target failed with a clear error that names it, not its URL', () => {
    expect(first.code).toBe(1);
    const down = first.targets.find((t) => t.name === 'tenant-down')!;
    expect(down.result).toBe('failed');
    expect(down.error?.code).toBe('E_CONNECT');
    expect(down.error?.message).toMatch(/target tenant-down/);
    expect(first.report.data.stoppedAfter).toBe('tenant-down');
    expect(first.all).not.toContain(DOWN_PASSWORD);
    expect(first.all).not.toContain('127.0.0.1:1/');
    for (const db of databases.values()) expect(first.all).not.toContain(db.url);
  });

  test('no target of a later wave started, and every target that succeeded is fully migrated', async () => {
    expect(first.targets.filter((t) => t.wave === 3).every((t) => t.result === 'not-started')).toBe(true);
    expect(first.targets.filter((t) => t.wave === 1).every((t) => t.result === 'succeeded')).toBe(true);
    for (const t of first.targets.filter((x) => x.name !== 'tenant-down')) {
      const applied = await appliedCount(databases.get(t.name)!);
      expect([t.name, applied]).toEqual([t.name, t.result === 'succeeded' ? HISTORY : 0]);
      if (t.result === 'succeeded') expect(t.applied).toHaveLength(HISTORY);
    }
  });

  test('never more than --concurrency targets at once', () => {
    const most = maxOverlap(first.targets);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  test('one audit record per target and one for the run', () => {
    const run = (first.report.data as unknown as { audit: { run: string; targets: string[] } }).audit;
    expect(run.targets).toHaveLength(41);
    const record = JSON.parse(fs.readFileSync(run.run, 'utf8')) as { kind: string; targets: TargetResult[] };
    expect(record.kind).toBe('fleet-run');
    expect(record.targets).toHaveLength(41);
    expect(fs.readFileSync(run.run, 'utf8')).not.toContain(DOWN_PASSWORD);
  });

  test('--max-failures 1 lets the remaining targets run', async () => {
    const second = await deploy(targetsFile, ['--max-failures', '1']);
    expect(second.targets.filter((t) => t.result === 'failed').map((t) => t.name)).toEqual(['tenant-down']);
    expect(second.targets.filter((t) => t.result === 'not-started')).toEqual([]);
    for (const db of databases.values()) {
      expect(await appliedCount(db)).toBe(HISTORY);
    }
  }, 600_000);
});

describe('a fleet drift check', () => {
  test('3 of 40 drifted: all three named, in one issue body, the history replayed once per major', async () => {
    // The deploy tests above migrated every database; drift three of them.
    const driftedNames = ['tenant-03', 'tenant-17', 'tenant-30'];
    for (const name of driftedNames) await query(databases.get(name)!, `CREATE TABLE public.hand_made_${name.slice(-2)} (id int)`);
    const issues: Array<{ environment: string; drift: boolean; body: string }> = [];
    const services = {
      syncDriftIssue: async (environment: string, drift: boolean, body: string) => {
        issues.push({ environment, drift, body });
        return { action: 'opened', number: 7 };
      },
    } as unknown as GitHubServices;
    const raw: Record<string, string> = {
      targets: healthyFile,
      'migrations-dir': MIGRATIONS,
      environment: 'production',
      'open-issue': 'true',
      concurrency: '4',
    };
    const values = readOptions(driftCheckCommand.options, (spec) => raw[spec.name], 'input');
    const log: string[] = [];
    const result = await driftCheckCommand.run(values, { cwd: work, env, log: (line) => log.push(line), github: { services } }, []);
    const targets = (result.report.data as { targets: TargetResult[] }).targets;
    expect(targets.filter((t) => t.outputs?.drift === true).map((t) => t.name)).toEqual(driftedNames);
    expect(targets.filter((t) => t.result === 'not-started')).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(result.report.summary).toBe(`Drift on 3 targets of 40: ${driftedNames.join(', ')}.`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ environment: 'production', drift: true });
    for (const name of driftedNames) expect(issues[0].body).toContain(name);
    for (const db of databases.values()) expect(issues[0].body).not.toContain(db.url);
    const replays = log.filter((line) => /\] Replaying \d+ applied migrations? on PostgreSQL/.test(line));
    expect(replays).toHaveLength(testMajors().length);
  }, 600_000);
});
