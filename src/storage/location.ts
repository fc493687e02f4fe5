/** `s3://bucket/prefix` or a folder path: which store a backup location names. */
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';

export type StorageLocation = { kind: 'folder'; dir: string } | { kind: 's3'; bucket: string; key: string };

export function isS3Url(text: string | undefined): boolean {
  return !!text && /^s3:\/\//i.test(text);
}

/** Parses `s3://bucket/key-or-prefix`; `key` has no leading or trailing slash. */
export function parseS3Url(text: string, what: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(text.trim());
  const bucket = m?.[1] ?? '';
  if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new MigrateActionsError(
      'E_STORAGE_URL',
      `${what} ${JSON.stringify(text)} is not an s3://bucket/path URL with a valid bucket name.`,
      {
        remedy: 'Write it as s3://BUCKET/PREFIX (bucket names: 3–63 lowercase letters, digits, dots and hyphens).',
      },
    );
  }
  return { bucket, key: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

export function parseLocation(text: string, cwd: string, what: string): StorageLocation {
  if (isS3Url(text)) return { kind: 's3', ...parseS3Url(text, what) };
  return { kind: 'folder', dir: path.resolve(cwd, text) };
}
