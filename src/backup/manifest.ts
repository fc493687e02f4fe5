/** The manifest beside each backup: written last (atomically), read and checked before a restore. */
import fs from 'node:fs';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { redactDeep } from '../postgres/redact.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { BackupManifest } from './types.js';

export function manifestText(manifest: BackupManifest): string {
  return `${JSON.stringify(redactDeep(manifest), null, 2)}\n`;
}

export function writeManifest(manifestPath: string, manifest: BackupManifest): void {
  writeFileAtomic(manifestPath, manifestText(manifest));
}

export function readManifest(manifestPath: string, backupPath: string): BackupManifest {
  let text: string | undefined;
  try {
    text = fs.readFileSync(manifestPath, 'utf8');
  } catch {
    text = undefined;
  }
  return parseManifest(text, manifestPath, backupPath);
}

/** Checks a manifest's text (read from a file or a bucket) describes this backup. */
export function parseManifest(text: string | undefined, manifestPath: string, backupPath: string): BackupManifest {
  if (text === undefined) {
    throw new MigrateActionsError(
      'E_RESTORE_MANIFEST',
      `No manifest was found for ${path.basename(backupPath)} (looked for ${manifestPath}).`,
      {
        remedy: 'Keep the .manifest.json the backup wrote beside the file, or pass its path (manifest-path).',
        where: { file: manifestPath },
      },
    );
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch (error) {
    throw manifestError(manifestPath, `it is not valid JSON (${(error as Error).message})`);
  }
  const required: Array<keyof BackupManifest> = [
    'manifestVersion',
    'file',
    'sha256',
    'sizeBytes',
    'server',
    'pgDump',
    'encryption',
    'tables',
    'migrations',
  ];
  const missing = required.filter((key) => manifest[key] === undefined);
  if (missing.length) throw manifestError(manifestPath, `it lacks ${missing.join(', ')}`);
  if (manifest.manifestVersion !== 1) throw manifestError(manifestPath, `its version ${String(manifest.manifestVersion)} is not supported`);
  if (manifest.file !== path.basename(backupPath)) {
    throw new MigrateActionsError(
      'E_RESTORE_MANIFEST_MISMATCH',
      `The manifest ${path.basename(manifestPath)} describes ${manifest.file}, not ${path.basename(backupPath)}.`,
      {
        remedy: 'Pass the manifest written with this backup (same name plus .manifest.json).',
        where: { file: manifestPath },
      },
    );
  }
  return manifest;
}

function manifestError(manifestPath: string, why: string): MigrateActionsError {
  return new MigrateActionsError('E_RESTORE_MANIFEST', `The manifest ${manifestPath} cannot be used: ${why}.`, {
    remedy: 'Use the manifest written with the backup, unmodified.',
    where: { file: manifestPath },
  });
}
