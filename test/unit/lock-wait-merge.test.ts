/**
 * The lock monitor samples pg_stat_activity; a sample taken as the blocker lets go can still show
 * the session waiting with no blocker left. The report keeps the longest wait and every blocker
 * any sample saw.
 */
import { mergeLockWait, type LockWait } from '../../src/deploy/monitor.js';

const wait = (waitedMs: number, blockedBy: number[]): LockWait => ({
  pid: 41,
  applicationName: 'waiter',
  waitedMs,
  blockedBy,
  query: 'SELECT count(*) FROM t',
});

describe('mergeLockWait', () => {
  it('takes the first sample as it is', () => {
    expect(mergeLockWait(undefined, wait(50, [7]))).toEqual(wait(50, [7]));
  });

  it('a later, longer sample with no blocker left keeps the blocker seen before', () => {
    expect(mergeLockWait(wait(550, [7]), wait(609, []))).toEqual(wait(609, [7]));
  });

  it('blockers seen in different samples are all kept, once each', () => {
    expect(mergeLockWait(wait(100, [7]), wait(200, [9, 7]))).toEqual(wait(200, [7, 9]));
  });

  it('a shorter sample does not shorten the wait', () => {
    expect(mergeLockWait(wait(300, [7]), wait(20, [7]))).toEqual(wait(300, [7]));
  });
});
