/** Backup and restore: streamed, checksummed, optionally encrypted, verified. */
export { createBackup } from './backup.js';
export { restoreBackup } from './restore.js';
export { planRetention, applyRetention, type RetentionPlan } from './retention.js';
export { backupFileName, manifestPathFor, parseBackupName } from './naming.js';
export { readManifest } from './manifest.js';
export type * from './types.js';
