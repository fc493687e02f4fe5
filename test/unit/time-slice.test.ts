/** Long synchronous work gives the event loop a turn once a slice has run (src/util/time-slice.ts). */
import { timeSlicer } from '../../src/util/time-slice.js';
import { lintMigrations, type LintSource } from '../../src/lint/index.js';
import { loadParser } from '../../src/sql/parser.js';

const busyFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* work */
  }
};

describe('timeSlicer', () => {
  test('within a slice pause() does not wait; after one it waits for the next turn of the event loop', async () => {
    const slicer = timeSlicer(20);
    expect(slicer.pause()).toBeUndefined();
    busyFor(25);
    let timerRan = false;
    setImmediate(() => (timerRan = true));
    const paused = slicer.pause();
    expect(paused).toBeInstanceOf(Promise);
    await paused;
    expect(timerRan).toBe(true);
    expect(slicer.pause()).toBeUndefined(); // a new slice starts after the pause
  });
});

describe('lint of a long history beside other work', () => {
  test('replaying the merged history lets a timer run before the new migrations are linted', async () => {
    const existing: LintSource[] = Array.from({ length: 600 }, (_, i) => ({
      name: `m${i}`,
      path: `m${i}.sql`,
      sql: `CREATE TABLE "t${i}" ("id" SERIAL PRIMARY KEY, "label" TEXT NOT NULL UNIQUE);\nALTER TABLE "t${i}" ADD COLUMN "c" INTEGER;\n`,
    }));
    await loadParser(); // its loading waits on I/O anyway: only the replay is measured
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    try {
      const result = await lintMigrations({
        existing,
        migrations: [{ name: 'new', path: 'new.sql', sql: 'CREATE INDEX "t1_c_idx" ON "t1"("c");' }],
      });
      expect(result.findings.map((f) => f.ruleId)).toContain('lock/create-index-non-concurrent');
    } finally {
      clearInterval(timer);
    }
    // Replayed in one go, the interval could fire once at most, after the lint.
    expect(performance.now() - started).toBeGreaterThan(20);
    expect(ticks).toBeGreaterThan(3);
  });
});
