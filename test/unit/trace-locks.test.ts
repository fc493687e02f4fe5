/**
 * Which locks a traced statement is charged with: its own additions, and what the sampler saw
 * while it ran — but never a lock an earlier statement of the same transaction took, even when
 * the sampler (late on a busy machine) first saw that lock during this one.
 */
import { toStatement, type Run } from '../../src/rehearsal/trace.js';
import type { LockSpan } from '../../src/rehearsal/sampler.js';
import type { SqlStatement } from '../../src/sql/parser.js';

const statement = (line: number, text: string) => ({ line, endLine: line, text }) as unknown as SqlStatement;

function run(overrides: Partial<Run>): Run {
  return {
    migration: '20250321150000_task_priority',
    statement: statement(5, 'CREATE INDEX "tasks_priority_idx" ON "tasks"("priority");'),
    predicted: [],
    transactional: true,
    start: 100,
    end: 110,
    release: 120,
    own: new Map(),
    heldBefore: new Map(),
    rewritten: [],
    ...overrides,
  };
}

const span = (mode: string, first: number): LockSpan => ({ pid: 7, relation: 'public.tasks', mode, granted: true, first, last: 118 });

test('a lock the transaction already held is not charged to the next statement', () => {
  const second = run({ own: new Map([['public.tasks', 'SHARE']]), heldBefore: new Map([['public.tasks', new Set(['ACCESS EXCLUSIVE'])]]) });
  // The sampler first saw the earlier ACCESS EXCLUSIVE only while the CREATE INDEX ran.
  const traced = toStatement(second, [span('ACCESS EXCLUSIVE', 104), span('SHARE', 105)], 7, 2);
  expect(traced.locks.map((l) => [l.relation, l.mode])).toEqual([['public.tasks', 'SHARE']]);
});

test('the strongest lock it took is reported, from the sampler when its own view has none', () => {
  const traced = toStatement(run({}), [span('SHARE', 104), span('ACCESS EXCLUSIVE', 106)], 7, 2);
  expect(traced.locks.map((l) => l.mode)).toEqual(['ACCESS EXCLUSIVE']);
  // Another session's locks and ones seen long before it started are not its.
  expect(toStatement(run({}), [{ ...span('ACCESS EXCLUSIVE', 104), pid: 8 }, span('SHARE', 50)], 7, 2).locks).toEqual([]);
});
