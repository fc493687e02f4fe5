/** The drift check: a live database against its migration history. */
export {
  driftCheck,
  targetSession,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type DriftCheckOptions,
  type DriftResult,
  type HistoryReport,
} from './check.js';
export { acquireReplayServer, replayMigrations, nearestLocalMajors } from './replay.js';
