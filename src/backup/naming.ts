/** Backup file names: `<prefix>_backup_YYYYMMDD_HHMMSS.sql.custom[.gpg]` (UTC), so they sort by time. */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import type { ArchiveFormat } from './types.js';

const MANIFEST_SUFFIX = '.manifest.json';
const EXTENSION: Record<ArchiveFormat, string> = { custom: '.sql.custom', directory: '.sql.dir' };

export function validatePrefix(prefix: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) {
    throw new MigrateActionsError('E_BACKUP_OPTIONS', `The backup prefix "${prefix}" is not a plain file-name part.`, {
      remedy: 'Use letters, digits, ".", "_" and "-" only (e.g. the database or app name).',
    });
  }
}

export function timestamp(date: Date): string {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`;
}

export function backupFileName(prefix: string, date: Date, format: ArchiveFormat, encrypted: boolean): string {
  return `${prefix}_backup_${timestamp(date)}${EXTENSION[format]}${encrypted ? '.gpg' : ''}`;
}

export function manifestPathFor(backupPath: string): string {
  return `${backupPath}${MANIFEST_SUFFIX}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** When a file of this prefix was made (from its name), or undefined if it is not one of ours. */
export function parseBackupName(prefix: string, name: string): Date | undefined {
  const m = new RegExp(
    `^${escapeRegExp(prefix)}_backup_(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})\\.sql\\.(custom|dir)(\\.gpg)?$`,
  ).exec(name);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isManifestName(name: string): boolean {
  return name.endsWith(MANIFEST_SUFFIX);
}

export function baseName(file: string): string {
  return path.basename(file);
}
