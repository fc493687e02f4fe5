/**
 * Audit shipping from real deploys: one JSON line per deploy appended to a file, and one event
 * in CloudWatch Logs through the real AWS SDK v3 client, pointed (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS)
 * at a loopback server that speaks the JSON 1.1 protocol with recorded-shape answers. The shipped
 * record is the audit file's record; a sink that fails is a warning and the deploy succeeds.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { shipAuditRecord } from '../../src/notify/audit-sinks.js';
import { dropTestDatabases } from '../helpers/pg.js';
import {
  MIGRATIONS,
  check,
  filesUnder,
  production,
  runDeployCommand,
  tempDir,
  writeHistory,
  type DeployRun,
} from '../fixtures/deploy/harness.js';

afterAll(dropTestDatabases);

const POSTS = '20240201000000_posts';
const ACCESS_KEY = 'AKIAIOSFODNN7CANARY1';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';

interface AwsRequest {
  target: string;
  contentType: string;
  authorization: string;
  body: any;
}

type AwsAnswer = { status: number; body?: unknown };

/** CloudWatch Logs on 127.0.0.1: the operation is named by X-Amz-Target, errors carry __type. */
async function startFakeCloudWatchLogs(answers: Partial<Record<string, AwsAnswer>> = {}) {
  const requests: AwsRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      requests.push({
        target,
        contentType: String(req.headers['content-type']),
        authorization: String(req.headers.authorization ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      const operation = target.replace('Logs_20140328.', '');
      const recorded: Record<string, AwsAnswer> = {
        CreateLogStream: { status: 200 },
        PutLogEvents: { status: 200, body: { nextSequenceToken: '49650123456789012345678901234567890123456789012345678901' } },
      };
      const answer = answers[operation] ?? recorded[operation] ?? { status: 400, body: { __type: 'UnknownOperationException' } };
      res.writeHead(answer.status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': '6f9a3c1e-7b2d-4c5e-9a8f-0d1e2f3a4b5c',
      });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `body` with the AWS SDK's standard environment configuration pointed at the fake. */
async function withAwsEnvironment<T>(endpoint: string, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
  });
  try {
    return await body();
  } finally {
    process.env = saved;
  }
}

const auditFileRecord = (run: DeployRun) => JSON.parse(fs.readFileSync(run.data.auditPath, 'utf8'));

describe('audit shipping to CloudWatch Logs', () => {
  it('the audit record as one event in the right group and stream, signed with the chain’s credentials', async () => {
    const aws = await startFakeCloudWatchLogs();
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const run = await withAwsEnvironment(aws.endpoint, () =>
        runDeployCommand(db, dir, { 'audit-cloudwatch-log-group': '/prisma/deploys', 'audit-cloudwatch-log-stream': 'app/production' }),
      );
      expect(run.data.outcome).toBe('success');
      expect(aws.requests.map((r) => r.target)).toEqual(['Logs_20140328.CreateLogStream', 'Logs_20140328.PutLogEvents']);
      expect(aws.requests.every((r) => r.contentType === 'application/x-amz-json-1.1')).toBe(true);
      expect(aws.requests[0].authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/eu-west-1/logs/aws4_request`),
      );
      expect(aws.requests[0].body).toEqual({ logGroupName: '/prisma/deploys', logStreamName: 'app/production' });
      const put = aws.requests[1].body;
      expect(put).toMatchObject({ logGroupName: '/prisma/deploys', logStreamName: 'app/production' });
      expect(put.logEvents).toHaveLength(1);
      expect(put.logEvents[0].timestamp).toBe(Date.parse(run.data.audit.finishedAt));
      expect(JSON.parse(put.logEvents[0].message)).toEqual(auditFileRecord(run));
      expect(check(run, 'Audit shipping')).toMatchObject({
        status: 'pass',
        items: ['Audit record sent to CloudWatch Logs /prisma/deploys/app/production.'],
      });
      for (const text of [JSON.stringify(run.report), ...run.logs, ...filesUnder(run.workDir).map((f) => f.text)])
        expect(text).not.toContain(SECRET_KEY);
    } finally {
      await aws.close();
    }
  }, 60_000);

  it('an existing stream is used as it is; the default stream is named after the environment', async () => {
    const aws = await startFakeCloudWatchLogs({
      CreateLogStream: {
        status: 400,
        body: { __type: 'ResourceAlreadyExistsException', message: 'The specified log stream already exists' },
      },
    });
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const run = await withAwsEnvironment(aws.endpoint, () =>
        runDeployCommand(db, dir, { 'audit-cloudwatch-log-group': '/prisma/deploys' }),
      );
      expect(check(run, 'Audit shipping').status).toBe('pass');
      expect(aws.requests[1].body).toMatchObject({ logStreamName: 'prisma-migrate-actions/production' });
      expect(JSON.parse(aws.requests[1].body.logEvents[0].message).id).toBe(run.data.audit.id);
    } finally {
      await aws.close();
    }
  }, 60_000);

  it('CloudWatch refusing the event is a warning; the deploy succeeds and the audit file is written', async () => {
    const aws = await startFakeCloudWatchLogs({
      PutLogEvents: {
        status: 400,
        body: { __type: 'AccessDeniedException', Message: 'User is not authorized to perform: logs:PutLogEvents' },
      },
    });
    try {
      const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
      const db = await production(dir);
      const run = await withAwsEnvironment(aws.endpoint, () =>
        runDeployCommand(db, dir, { 'audit-cloudwatch-log-group': '/prisma/deploys' }),
      );
      expect(run.data.outcome).toBe('success');
      expect(run.result.exitCode).toBe(0);
      const shipping = check(run, 'Audit shipping');
      expect(shipping.status).toBe('warn');
      expect(shipping.items?.[0]).toMatch(
        /not shipped to CloudWatch Logs \/prisma\/deploys\/prisma-migrate-actions\/production: .*not authorized.*The local audit file has it/,
      );
      expect(fs.existsSync(run.data.auditPath)).toBe(true);
    } finally {
      await aws.close();
    }
  }, 60_000);

  it('a log stream without a log group is refused before the deploy', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    await expect(runDeployCommand(db, dir, { 'audit-cloudwatch-log-stream': 'x' })).rejects.toMatchObject({
      code: 'E_AUDIT_CLOUDWATCH_CONFIG',
    });
  });
});

describe('audit shipping as JSON lines', () => {
  it('each deploy appends its record as one line, the same record as the audit file', async () => {
    const jsonl = path.join(tempDir('jsonl'), 'logs', 'audit.jsonl');
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts, '20240202000000_age': MIGRATIONS.addColumn });
    const db = await production(dir);
    const first = await runDeployCommand(db, dir, { 'audit-jsonl': jsonl });
    const refused = await runDeployCommand(db, dir, { 'audit-jsonl': jsonl, 'approved-by': '' });
    expect(refused.data.outcome).toBe('refused');
    const lines = fs.readFileSync(jsonl, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual(auditFileRecord(first));
    expect(JSON.parse(lines[1])).toEqual(auditFileRecord(refused));
    expect(check(first, 'Audit shipping').items).toEqual([`Audit record appended to ${jsonl} (JSON lines).`]);
  }, 60_000);

  it('"-" writes one line to stdout; an unwritable path is a warning', async () => {
    const dir = writeHistory({ [POSTS]: MIGRATIONS.posts });
    const db = await production(dir);
    const run = await runDeployCommand(db, dir, {});
    const written: string[] = [];
    const blocked = path.join(tempDir('blocked'), 'file');
    fs.writeFileSync(blocked, '');
    const step = await shipAuditRecord(
      run.data.audit,
      [
        { kind: 'jsonl', path: '-' },
        { kind: 'jsonl', path: path.join(blocked, 'audit.jsonl') },
      ],
      { stdout: (line) => written.push(line) },
    );
    expect(written).toHaveLength(1);
    expect(written[0].endsWith('\n')).toBe(true);
    expect(JSON.parse(written[0])).toEqual(auditFileRecord(run));
    expect(step?.status).toBe('warn');
    expect(step?.items[1]).toMatch(/^⚠ The audit record was not shipped to the JSON-lines file .*audit\.jsonl/);
  }, 60_000);
});
