/**
 * A real S3 REST server on loopback for the tests: s3rver (objects in a folder, signatures
 * checked against S3RVER/S3RVER), behind a thin HTTP layer that adds the two multipart calls
 * s3rver lacks (ListMultipartUploads, AbortMultipartUpload) on s3rver's own upload folder, and
 * records every request so tests can see what the client sent and wait for a given call.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export const S3_KEY = 'S3RVER';
export const S3_SECRET = 'S3RVER';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestS3 {
  endpoint: string;
  bucket: string;
  dir: string;
  requests: RecordedRequest[];
  /** Environment for a process using it (credentials, region). */
  env: Record<string, string>;
  /** Keys of completed objects in the bucket. */
  objects(): string[];
  /** Open (neither completed nor aborted) multipart uploads: their keys. */
  openUploads(): string[];
  close(): Promise<void>;
}

function uploadsDir(dir: string, bucket: string): string {
  return path.join(dir, bucket, '._S3rver_uploads');
}

function openUploads(dir: string, bucket: string): Array<{ id: string; key: string; initiated: Date }> {
  const root = uploadsDir(dir, bucket);
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).map((id) => ({
    id,
    key: fs.readFileSync(path.join(root, id, 'key'), 'utf8'),
    initiated: fs.statSync(path.join(root, id)).birthtime,
  }));
}

function listUploadsXml(bucket: string, uploads: Array<{ id: string; key: string; initiated: Date }>): string {
  const items = uploads
    .map(
      (u) =>
        `<Upload><Key>${u.key}</Key><UploadId>${u.id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>${items}</ListMultipartUploadsResult>`;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export async function startTestS3(bucket = 'pma-backups'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-s3-'));
  const s3rver = new S3rver({ directory: dir, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, reqBucket, ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const authorized = String(req.headers.authorization ?? '').includes(`Credential=${S3_KEY}/`);
    if (authorized && req.method === 'GET' && url.searchParams.has('uploads') && !key) {
      const prefix = url.searchParams.get('prefix') ?? '';
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        listUploadsXml(
          reqBucket,
          openUploads(dir, reqBucket).filter((u) => u.key.startsWith(prefix)),
        ),
      );
      return;
    }
    if (authorized && req.method === 'DELETE' && url.searchParams.has('uploadId')) {
      const id = url.searchParams.get('uploadId')!;
      const folder = path.join(uploadsDir(dir, reqBucket), path.basename(id));
      const known = fs.existsSync(folder);
      fs.rmSync(folder, { recursive: true, force: true });
      req.resume();
      res.writeHead(known ? 204 : 404, known ? {} : { 'content-type': 'application/xml' });
      res.end(known ? undefined : '<?xml version="1.0"?><Error><Code>NoSuchUpload</Code><Message>no such upload</Message></Error>');
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    dir,
    requests,
    env: { AWS_ACCESS_KEY_ID: S3_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET, AWS_REGION: 'us-east-1' },
    objects: () =>
      walk(path.join(dir, bucket))
        .filter((f) => f.endsWith('._S3rver_object'))
        .map((f) => path.relative(path.join(dir, bucket), f).replace(/\._S3rver_object$/, ''))
        .sort(),
    openUploads: () => openUploads(dir, bucket).map((u) => u.key),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
