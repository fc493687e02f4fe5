/** Where backups live: a folder or an S3-compatible bucket (see types.ts). */
import { FolderStore } from './folder.js';
import { parseLocation } from './location.js';
import { S3Store } from './s3.js';
import type { BackupStore, S3Settings } from './types.js';

export { FolderStore } from './folder.js';
export { S3Store } from './s3.js';
export { isS3Url, parseLocation, parseS3Url, type StorageLocation } from './location.js';
export type * from './types.js';

/** The store for an output-dir: a folder (resolved against cwd) or `s3://bucket/prefix`. */
export function openStore(location: string, cwd: string, s3: S3Settings = {}): BackupStore {
  const parsed = parseLocation(location, cwd, 'The backup location');
  return parsed.kind === 's3' ? new S3Store(parsed.bucket, parsed.key, s3) : new FolderStore(parsed.dir);
}
