/**
 * The fleet without PostgreSQL: the targets file's positioned errors, URL resolution and its
 * secrets, the matrix planner (10,000 targets → chunks of ≤ 256, waves in order) and the pool's
 * wave order and failure policy on plain steps.
 */
import { MigrateActionsError } from '../../src/errors.js';
import { parseTargets, resolveTargets } from '../../src/fleet/targets.js';
import { MATRIX_LIMIT, planMatrices } from '../../src/fleet/matrix.js';
import { runPool } from '../../src/fleet/pool.js';
import { redact } from '../../src/postgres/redact.js';

function errorOf(fn: () => unknown): MigrateActionsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MigrateActionsError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('targets file', () => {
  test('YAML and JSON, waves canary / numbered / default last, groups', () => {
    const yaml = parseTargets(
      'targets:\n  - name: a\n    url: env:A_URL\n    wave: canary\n  - name: b\n    url: secret:B\n    wave: 2\n    group: eu\n  - name: c\n    url: env:C_URL\n',
      'targets.yml',
    );
    expect(yaml.targets.map((t) => [t.name, t.wave, t.group, t.line])).toEqual([
      ['a', 'canary', undefined, 2],
      ['b', 2, 'eu', 5],
      ['c', 2, undefined, 9],
    ]);
    const json = parseTargets('{"targets": [\n {"name": "x", "url": "env:X"}\n]}', 'targets.json');
    expect(json.targets).toEqual([{ name: 'x', url: 'env:X', wave: 1, group: undefined, line: 2 }]);
  });

  test.each([
    [
      'duplicate names',
      'targets:\n  - name: a\n    url: env:A\n  - name: a\n    url: env:B\n',
      4,
      /"a" is listed twice \(first at line 2\)/,
    ],
    ['an unknown key', 'targets:\n  - name: a\n    url: env:A\n    wave: 1\n    region: eu\n', 5, /unknown key "region"/],
    ['an unknown top-level key', 'defaults: {}\ntargets:\n  - name: a\n    url: env:A\n', 1, /unknown key "defaults"/],
    ['a bad wave', 'targets:\n  - name: a\n    url: env:A\n    wave: first\n', 4, /wave "first" is not canary or a wave number/],
    ['no url', 'targets:\n  - name: a\n', 2, /has no url/],
    ['broken YAML', 'targets:\n  - name: a\n   url: [\n', 3, /not valid YAML or JSON/],
  ])('%s is a positioned error', (_what, text, line, message) => {
    const error = errorOf(() => parseTargets(text, '/repo/targets.yml'));
    expect(error.code).toBe('E_FLEET_TARGETS');
    expect(error.message).toMatch(new RegExp(`^targets\\.yml:${line}: `));
    expect(error.message).toMatch(message);
    expect(error.where).toEqual({ file: '/repo/targets.yml', line });
  });

  test('a URL written in clear is refused, and its password never shown', () => {
    const error = errorOf(() => parseTargets('targets:\n  - name: a\n    url: postgresql://u:clear-pw-91xq@db/app\n', 't.yml'));
    expect(error.message).toMatch(/^t\.yml:3: target "a" has a database URL written in the file/);
    expect(error.remedy).toMatch(/change the password/);
    expect(error.message + error.remedy).not.toContain('clear-pw-91xq');
    expect(redact('postgresql://u:clear-pw-91xq@db/app and clear-pw-91xq')).not.toContain('clear-pw-91xq');
  });

  test('URLs come from the environment or DATABASE_URLS; every one and its password is a secret', () => {
    const file = parseTargets('targets:\n  - name: a\n    url: env:A_URL\n  - name: b\n    url: secret:B\n', '/r/t.yml');
    const env = {
      A_URL: 'postgresql://app:env-pw-5s8k@host-a/app',
      DATABASE_URLS: JSON.stringify({ B: 'postgresql://app:secret-pw-2m4n@host-b/app' }),
    };
    const resolved = resolveTargets(file.targets, file.file, env);
    expect(resolved.map((t) => t.connection.host)).toEqual(['host-a', 'host-b']);
    expect(redact('env-pw-5s8k secret-pw-2m4n')).not.toMatch(/env-pw|secret-pw/);
    const missing = errorOf(() => resolveTargets(file.targets, file.file, { A_URL: env.A_URL }));
    expect(missing.code).toBe('E_FLEET_URL');
    expect(missing.message).toMatch(/^t\.yml:4: DATABASE_URLS is not set/);
    const unset = errorOf(() => resolveTargets(file.targets, file.file, { DATABASE_URLS: '{}' }));
    expect(unset.message).toMatch(/^t\.yml:2: target "a" reads its URL from the environment variable A_URL, which is not set/);
  });
});

describe('matrix planner', () => {
  test('10,000 targets → chunks of at most 256 jobs, waves in order, every target once', () => {
    const waves = ['canary', 1, 2, 3] as const;
    const targets = Array.from({ length: 10_000 }, (_, i) => ({
      name: `t${i}`,
      wave: i < 10 ? ('canary' as const) : waves[1 + (i % 3)],
    }));
    const chunks = planMatrices(targets);
    // canary: 1 chunk; each wave of 3,330 jobs: 14 chunks (13 × 256 + 2)
    expect(chunks.length).toBe(1 + 3 * 14);
    for (const chunk of chunks) expect(chunk.include.length).toBeLessThanOrEqual(MATRIX_LIMIT);
    const order = chunks.map((c) => (c.wave === 'canary' ? 0 : c.wave));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(chunks[0].wave).toBe('canary');
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.flatMap((c) => c.include.map((j) => j.targets)).sort()).toEqual(targets.map((t) => t.name).sort());
  });

  test('one wave of 10,000 is 40 chunks; slices per job shrink the count', () => {
    const targets = Array.from({ length: 10_000 }, (_, i) => ({ name: `t${i}`, wave: 1 }));
    expect(planMatrices(targets)).toHaveLength(40);
    const sliced = planMatrices(targets, 50);
    expect(sliced).toHaveLength(1);
    expect(sliced[0].include).toHaveLength(200);
    expect(sliced[0].include[0].targets.split(',')).toHaveLength(50);
  });
});

describe('pool', () => {
  let clock = 0;
  const now = () => clock;
  const run = (failing: string[], maxFailures: number, concurrency = 2) => {
    const order: string[] = [];
    const targets = [
      { name: 'c', wave: 'canary' as const },
      { name: 'a1', wave: 1 },
      { name: 'a2', wave: 1 },
      { name: 'a3', wave: 1 },
      { name: 'b1', wave: 2 },
    ];
    return runPool(
      targets,
      async (t) => {
        order.push(t.name);
        clock += 10;
        await new Promise((resolve) => setImmediate(resolve));
        return {
          ok: !failing.includes(t.name),
          applied: [],
          error: failing.includes(t.name) ? { code: 'E_X', message: 'boom' } : undefined,
        };
      },
      { concurrency, maxFailures, now },
    ).then((result) => ({ ...result, order }));
  };

  test('canary first, then the waves in order', async () => {
    const result = await run([], 0);
    expect(result.order).toEqual(['c', 'a1', 'a2', 'a3', 'b1']);
    expect(result.targets.every((t) => t.result === 'succeeded')).toBe(true);
  });

  test('max-failures 0: the first failure stops new starts; running ones finish', async () => {
    const result = await run(['a1'], 0, 2);
    const by = Object.fromEntries(result.targets.map((t) => [t.name, t.result]));
    expect(by).toEqual({ c: 'succeeded', a1: 'failed', a2: 'succeeded', a3: 'not-started', b1: 'not-started' });
    expect(result.stoppedAfter).toBe('a1');
  });

  test('max-failures 1 tolerates one failure', async () => {
    const result = await run(['a1'], 1, 1);
    expect(result.targets.filter((t) => t.result === 'not-started')).toEqual([]);
    expect(result.stoppedAfter).toBeUndefined();
  });
});
