/**
 * drift-check reads the target's catalog while it reads the history and the expected schema:
 * the snapshot starts at once on guessed schemas; a wrong guess is read again, never used.
 */
import { snapshotAlongsideExpected } from '../../src/drift/check.js';
import type { CatalogSnapshot } from '../../src/catalog/index.js';

const snapshotOf = (schemas: string[]): CatalogSnapshot => ({ schemas }) as unknown as CatalogSnapshot;

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A snapshot function that records each call and settles when told. */
function recorder() {
  const calls: Array<{ schemas: string[]; done: ReturnType<typeof deferred<CatalogSnapshot>> }> = [];
  const snapshot = (schemas: string[]): Promise<CatalogSnapshot> => {
    const done = deferred<CatalogSnapshot>();
    calls.push({ schemas, done });
    return done.promise;
  };
  return { calls, snapshot };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('snapshotAlongsideExpected', () => {
  it('starts the snapshot on the guess before the expected schema is known, and uses it when the guess was right', async () => {
    const { calls, snapshot } = recorder();
    const expected = deferred<string[]>();
    const run = snapshotAlongsideExpected(
      ['public'],
      () => expected.promise,
      (e) => e,
      snapshot,
    );
    await tick();
    expect(calls.map((c) => c.schemas)).toEqual([['public']]);
    calls[0].done.resolve(snapshotOf(['public']));
    expected.resolve(['public']);
    const result = await run;
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ expected: ['public'], schemas: ['public'], actual: { schemas: ['public'] } });
    expect(result.snapshotMs).toBeGreaterThanOrEqual(0);
  });

  it('sends the snapshot before it starts on the expected schema (whose first part, reading the history, is synchronous)', async () => {
    const order: string[] = [];
    const run = snapshotAlongsideExpected(
      ['public'],
      async () => (order.push('expected'), ['public']),
      (e) => e,
      async (schemas) => (order.push('snapshot'), snapshotOf(schemas)),
    );
    await run;
    expect(order).toEqual(['snapshot', 'expected']);
  });

  it('a wrong guess is read again with the schemas to compare, and the first read is not used', async () => {
    const { calls, snapshot } = recorder();
    const run = snapshotAlongsideExpected(
      ['public'],
      async () => ['app', 'public'],
      (e) => e,
      snapshot,
    );
    await tick();
    calls[0].done.resolve(snapshotOf(['public']));
    await tick();
    expect(calls.map((c) => c.schemas)).toEqual([['public'], ['app', 'public']]);
    calls[1].done.resolve(snapshotOf(['app', 'public']));
    expect((await run).actual).toEqual(snapshotOf(['app', 'public']));
  });

  it('the read again waits for the first to finish (one session runs one query at a time)', async () => {
    const { calls, snapshot } = recorder();
    const run = snapshotAlongsideExpected(
      ['public'],
      async () => ['app', 'public'],
      (e) => e,
      snapshot,
    );
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].done.reject(new Error('canceled'));
    await tick();
    expect(calls).toHaveLength(2);
    calls[1].done.resolve(snapshotOf(['app', 'public']));
    expect((await run).schemas).toEqual(['app', 'public']);
  });

  it('a failed read on the right guess is the error', async () => {
    const { calls, snapshot } = recorder();
    const run = snapshotAlongsideExpected(
      ['public'],
      async () => ['public'],
      (e) => e,
      snapshot,
    );
    await tick();
    calls[0].done.reject(new Error('Could not read the database catalog'));
    await expect(run).rejects.toThrow('Could not read the database catalog');
    expect(calls).toHaveLength(1);
  });

  it("the expected schema's error is the error, once the read under way has finished", async () => {
    const { calls, snapshot } = recorder();
    const expected = deferred<string[]>();
    let settled = false;
    const run = snapshotAlongsideExpected(
      ['public'],
      () => expected.promise,
      (e) => e,
      snapshot,
    ).finally(() => (settled = true));
    run.catch(() => undefined);
    expected.reject(new Error('no such migrations directory'));
    await tick();
    expect(settled).toBe(false);
    calls[0].done.resolve(snapshotOf(['public']));
    await expect(run).rejects.toThrow('no such migrations directory');
    expect(calls).toHaveLength(1);
  });
});
