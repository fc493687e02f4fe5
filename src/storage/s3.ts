/**
 * Backups in an S3-compatible bucket (AWS S3, R2, GCS's S3 interface, MinIO) through the AWS
 * SDK v3 and its standard credential chain (environment, web identity / OIDC in workflows,
 * profiles). Objects are written as multipart uploads from a stream (memory bounded by the part
 * size); an upload that fails or is interrupted is aborted in the bucket too, and one left by a
 * killed run (SIGKILL) is found by its marker object and aborted by the next run.
 */
import os from 'node:os';
import { PassThrough, Readable } from 'node:stream';
// Types only: the SDK is loaded when a bucket is first used, so commands without one start fast.
import type { S3Client, ServerSideEncryption, StorageClass } from '@aws-sdk/client-s3';
import { MigrateActionsError } from '../errors.js';
import { redact, registerSecret } from '../postgres/redact.js';
import { isProcessAlive } from '../util/cleanup.js';
import type { BackupStore, ObjectWriter, S3Settings, StoredObject } from './types.js';

const MARKER_SUFFIX = '.uploading';
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const MIN_PART_SIZE = 5 * 1024 * 1024;
/** A marker of another machine is abandoned after this long (no run takes a day to upload). */
const FOREIGN_MARKER_MS = 24 * 60 * 60 * 1000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type S3Sdk = typeof import('@aws-sdk/client-s3');

interface Marker {
  host: string;
  pid: number;
  startedAt: string;
}

function errorName(error: unknown): string {
  const e = error as { name?: string; Code?: string; code?: string };
  return e?.Code ?? e?.name ?? e?.code ?? 'Error';
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export class S3Store implements BackupStore {
  readonly kind = 's3' as const;
  readonly location: string;
  private aws?: Promise<{ sdk: S3Sdk; client: S3Client }>;

  constructor(
    readonly bucket: string,
    readonly prefix: string,
    private readonly settings: S3Settings = {},
  ) {
    registerSecret(process.env.AWS_SECRET_ACCESS_KEY);
    registerSecret(process.env.AWS_SESSION_TOKEN);
    this.location = `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
  }

  /** The SDK and the client, loaded and made on first use. */
  private connect(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    const settings = this.settings;
    this.aws ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: settings.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle ?? false,
        maxAttempts: 3,
      }),
    }));
    return this.aws;
  }

  private key(name: string): string {
    return this.prefix ? `${this.prefix}/${name}` : name;
  }

  locate(name: string): string {
    return `s3://${this.bucket}/${this.key(name)}`;
  }

  private encryption(): { ServerSideEncryption?: ServerSideEncryption; SSEKMSKeyId?: string; StorageClass?: StorageClass } {
    const s = this.settings;
    return {
      ...(s.sse ? { ServerSideEncryption: s.sse as ServerSideEncryption } : {}),
      ...(s.kmsKeyId ? { SSEKMSKeyId: s.kmsKeyId } : {}),
      ...(s.storageClass ? { StorageClass: s.storageClass as StorageClass } : {}),
    };
  }

  /** One typed error for every way the bucket can refuse, naming the fix. */
  accessError(error: unknown, doing: string): MigrateActionsError {
    const name = errorName(error);
    const message = redact((error as Error)?.message ?? String(error));
    const remedies: Record<string, string> = {
      InvalidAccessKeyId: 'The access key id is not known to this endpoint: check AWS_ACCESS_KEY_ID (or the role the workflow assumes).',
      SignatureDoesNotMatch: 'The secret key does not match the access key id: check AWS_SECRET_ACCESS_KEY.',
      AccessDenied:
        'The credentials may not do this: allow s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject and s3:AbortMultipartUpload on the bucket and prefix.',
      NoSuchBucket: `The bucket ${this.bucket} does not exist at this endpoint: create it, or fix the bucket name or s3-endpoint.`,
      CredentialsProviderError:
        'No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use aws-actions/configure-aws-credentials (OIDC) before this step.',
    };
    const network = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up/i.test(`${name} ${message}`);
    const remedy =
      remedies[name] ??
      (network
        ? `Nothing answered at ${this.settings.endpoint ?? 'the AWS S3 endpoint'}: check s3-endpoint (scheme, host, port) and that the service is reachable from here.`
        : 'Check the bucket, the s3-endpoint, s3-force-path-style and the credentials.');
    return new MigrateActionsError('E_STORAGE_ACCESS', `${doing} ${this.location} failed: ${name}: ${message}.`, {
      remedy,
      where: { file: this.location },
      cause: error,
    });
  }

  async check(): Promise<void> {
    try {
      const { sdk, client } = await this.connect();
      await client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix ? `${this.prefix}/` : undefined }));
    } catch (error) {
      throw this.accessError(error, 'Listing');
    }
  }

  async createWriter(name: string): Promise<ObjectWriter> {
    const key = this.key(name);
    const marker: Marker = { host: os.hostname(), pid: process.pid, startedAt: new Date().toISOString() };
    await this.writeText(`${name}${MARKER_SUFFIX}`, JSON.stringify(marker));
    const body = new PassThrough();
    const [{ client }, { Upload }] = await Promise.all([this.connect(), import('@aws-sdk/lib-storage')]);
    const upload = new Upload({
      client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/octet-stream', ...this.encryption() },
      partSize: Math.max(MIN_PART_SIZE, this.settings.partSizeBytes ?? DEFAULT_PART_SIZE),
      queueSize: 1,
      leavePartsOnError: false,
    });
    let failure: unknown;
    const done = upload.done().then(
      () => undefined,
      (error: unknown) => {
        failure = error;
        body.destroy(error as Error); // the pipeline writing into it stops too
      },
    );
    const abort = async (): Promise<void> => {
      await upload.abort().catch(() => undefined);
      await done;
      await this.abortOpenUploads(key);
      const { sdk } = await this.connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
      await this.remove(`${name}${MARKER_SUFFIX}`).catch(() => undefined);
    };
    const release = this.abortOnSignal(abort);
    return {
      stream: body,
      complete: async () => {
        await done;
        release();
        if (failure) throw this.writeError(failure, name);
        await this.remove(`${name}${MARKER_SUFFIX}`);
      },
      abort: async () => {
        release();
        await abort();
      },
    };
  }

  private writeError(error: unknown, name: string): MigrateActionsError {
    const access = this.accessError(error, 'Uploading to');
    return new MigrateActionsError(
      'E_STORAGE_WRITE',
      `Uploading ${this.locate(name)} failed: ${errorName(error)}: ${redact((error as Error)?.message ?? '')}. The upload was aborted.`,
      {
        remedy: access.remedy,
        where: { file: this.locate(name) },
        cause: error,
      },
    );
  }

  /**
   * An interrupted run (SIGINT, SIGTERM, SIGHUP) aborts its upload before it exits: the
   * process-wide cleanup sees another listener and leaves re-raising the signal to this one.
   */
  private abortOnSignal(abort: () => Promise<void>): () => void {
    const handlers = new Map<NodeJS.Signals, () => void>();
    const release = (): void => {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
      handlers.clear();
    };
    for (const signal of SIGNALS) {
      const handler = (): void => {
        release();
        const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
        void Promise.race([abort().catch(() => undefined), timeout]).then(() => process.kill(process.pid, signal));
      };
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    return release;
  }

  private async abortOpenUploads(key: string): Promise<number> {
    let aborted = 0;
    const { sdk, client } = await this.connect();
    const open = await client.send(new sdk.ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: key })).catch(() => undefined);
    for (const upload of open?.Uploads ?? []) {
      if (upload.Key !== key || !upload.UploadId) continue;
      await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: upload.UploadId }));
      aborted++;
    }
    return aborted;
  }

  async openReader(name: string): Promise<Readable> {
    try {
      const { sdk, client } = await this.connect();
      const r = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
      return r.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) {
        throw new MigrateActionsError('E_BACKUP_READ', `${this.locate(name)} does not exist.`, {
          remedy: 'Check the backup URL (list the prefix to see the backups there).',
          where: { file: this.locate(name) },
        });
      }
      throw this.accessError(error, 'Reading from');
    }
  }

  async stat(name: string): Promise<StoredObject | undefined> {
    try {
      const { sdk, client } = await this.connect();
      const r = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
      return { name, sizeBytes: r.ContentLength ?? 0, modified: r.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.accessError(error, 'Reading from');
    }
  }

  async list(): Promise<StoredObject[]> {
    const prefix = this.prefix ? `${this.prefix}/` : '';
    const found: StoredObject[] = [];
    let token: string | undefined;
    try {
      do {
        const { sdk, client } = await this.connect();
        const r = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, Delimiter: '/', ContinuationToken: token }),
        );
        for (const o of r.Contents ?? []) {
          if (o.Key) found.push({ name: o.Key.slice(prefix.length), sizeBytes: o.Size ?? 0, modified: o.LastModified ?? new Date(0) });
        }
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw this.accessError(error, 'Listing');
    }
    return found;
  }

  async remove(name: string): Promise<void> {
    try {
      const { sdk, client } = await this.connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
    } catch (error) {
      throw this.accessError(error, 'Deleting from');
    }
  }

  private async putText(name: string, text: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(name),
        Body: text,
        ContentType: 'application/json',
        ...this.encryption(),
      }),
    );
  }

  async writeText(name: string, text: string): Promise<void> {
    try {
      await this.putText(name, text);
    } catch (error) {
      throw this.accessError(error, 'Writing to');
    }
  }

  async readText(name: string): Promise<string | undefined> {
    try {
      const { sdk, client } = await this.connect();
      const r = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(name) }));
      return await r.Body!.transformToString('utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.accessError(error, 'Reading from');
    }
  }

  /** Aborts uploads of killed runs: markers of this host whose pid is gone, or old markers of other hosts. */
  async sweep(): Promise<number> {
    let swept = 0;
    for (const object of await this.list()) {
      if (!object.name.endsWith(MARKER_SUFFIX)) continue;
      const marker = JSON.parse((await this.readText(object.name)) ?? '{}') as Partial<Marker>;
      const mine = marker.host === os.hostname();
      const abandoned = mine ? !marker.pid || !isProcessAlive(marker.pid) : Date.now() - object.modified.getTime() > FOREIGN_MARKER_MS;
      if (!abandoned) continue;
      const name = object.name.slice(0, -MARKER_SUFFIX.length);
      await this.abortOpenUploads(this.key(name));
      // No manifest: the object (if its upload completed before the kill) is not a backup.
      if (!(await this.stat(`${name}.manifest.json`))) await this.remove(name);
      await this.remove(object.name);
      swept++;
    }
    return swept;
  }

  close(): void {
    void this.aws?.then(({ client }) => client.destroy());
  }
}
