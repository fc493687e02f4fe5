/**
 * Where backups live, behind one interface: a folder on this machine or an S3-compatible
 * bucket. Backup, verification, restore and retention speak only to this, so "an object
 * without its manifest is an incomplete backup" holds the same way in both.
 */
import type { Readable, Writable } from 'node:stream';

export interface S3Settings {
  /** Custom endpoint for S3-compatible services (MinIO, R2, GCS); default AWS. */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`), as most S3-compatible services want. */
  forcePathStyle?: boolean;
  /** Server-side encryption of every object written. */
  sse?: 'AES256' | 'aws:kms';
  /** KMS key id or ARN for sse aws:kms (default: the bucket's AWS-managed key). */
  kmsKeyId?: string;
  /** Storage class of the objects (STANDARD, STANDARD_IA, GLACIER_IR, …). */
  storageClass?: string;
  /** Region (default AWS_REGION, else us-east-1). */
  region?: string;
  /** Multipart part size in bytes (memory is bounded by about twice this). */
  partSizeBytes?: number;
}

/** A backup being written: bytes go into `stream`; `complete` waits until the object is stored. */
export interface ObjectWriter {
  stream: Writable;
  complete(): Promise<void>;
  /** Drops what was written (an aborted multipart upload is aborted in the bucket too). */
  abort(): Promise<void>;
}

export interface StoredObject {
  name: string;
  sizeBytes: number;
  modified: Date;
}

export interface BackupStore {
  readonly kind: 'folder' | 's3';
  /** The folder, or `s3://bucket/prefix`. */
  readonly location: string;
  /** Where a name lives: a file path, or `s3://bucket/key`. */
  locate(name: string): string;
  /** Fails with a clear error when the place cannot be reached, read or listed (before any dump starts). */
  check(): Promise<void>;
  /** Starts writing a new object; refuses to replace one. */
  createWriter(name: string): Promise<ObjectWriter>;
  openReader(name: string): Promise<Readable>;
  stat(name: string): Promise<StoredObject | undefined>;
  /** Names directly under the folder or prefix. */
  list(): Promise<StoredObject[]>;
  remove(name: string): Promise<void>;
  writeText(name: string, text: string): Promise<void>;
  readText(name: string): Promise<string | undefined>;
  /** Removes what killed runs left (open multipart uploads); returns how many. */
  sweep(): Promise<number>;
  /** Releases connections (a bucket client's sockets). */
  close(): void;
}
