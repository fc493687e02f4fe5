/**
 * Where the audit record goes besides its JSON file: one JSON line to a file or stdout (for log
 * collectors), and one event to CloudWatch Logs through the AWS SDK v3 with the standard
 * credential chain (environment, OIDC web identity from aws-actions/configure-aws-credentials,
 * profiles, instance roles). The record is shipped as written, redacted; a sink that fails is a
 * warning on the deploy, never its failure — the local audit file is already there.
 */
import fs from 'node:fs';
import path from 'node:path';
// Types only: the SDK is loaded when a CloudWatch sink is used, so other runs start fast.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { MigrateActionsError, describeError } from '../errors.js';
import { redact, redactDeep } from '../postgres/redact.js';
import type { AuditRecord } from '../deploy/audit.js';

export type AuditSink = { kind: 'jsonl'; path: string } | { kind: 'cloudwatch'; logGroup: string; logStream: string };

/** The same shape as a deploy step, so the pipeline lists it with the others. */
export interface AuditShippingStep {
  name: string;
  status: 'pass' | 'warn';
  durationMs: number;
  items: string[];
}

export const JSONL_STDOUT = '-';
/** CloudWatch Logs refuses events over 256 KB (including 26 bytes of overhead). */
const CLOUDWATCH_EVENT_LIMIT = 256 * 1024 - 26;

/** The sinks the options ask for; a stream without a group is refused before anything runs. */
export function auditSinksFrom(options: { jsonl?: string; logGroup?: string; logStream?: string; environment: string }): AuditSink[] {
  const sinks: AuditSink[] = [];
  if (options.jsonl) sinks.push({ kind: 'jsonl', path: options.jsonl });
  if (options.logStream && !options.logGroup) {
    throw new MigrateActionsError(
      'E_AUDIT_CLOUDWATCH_CONFIG',
      'audit-cloudwatch-log-stream is set but audit-cloudwatch-log-group is not.',
      {
        remedy: 'Set audit-cloudwatch-log-group to an existing CloudWatch Logs group (the stream is created in it when missing).',
      },
    );
  }
  if (options.logGroup) {
    const stream = options.logStream ?? `prisma-migrate-actions/${options.environment}`;
    if (/[:*]/.test(stream)) {
      throw new MigrateActionsError('E_AUDIT_CLOUDWATCH_CONFIG', `The CloudWatch log stream name "${stream}" contains ":" or "*".`, {
        remedy: 'Name the stream without ":" and "*" (CloudWatch Logs refuses them), e.g. prisma-migrate-actions/production.',
      });
    }
    sinks.push({ kind: 'cloudwatch', logGroup: options.logGroup, logStream: stream });
  }
  return sinks;
}

export interface ShipOptions {
  /** Where "-" writes (stdout of the process by default). */
  stdout?: (line: string) => void;
  /** An AWS SDK client to use (tests); default: a new one from the standard configuration chain. */
  cloudWatch?: CloudWatchLogsClient;
}

/** Ships the record to every sink; undefined when there are none. */
export async function shipAuditRecord(
  record: AuditRecord,
  sinks: AuditSink[],
  options: ShipOptions = {},
): Promise<AuditShippingStep | undefined> {
  if (!sinks.length) return undefined;
  const started = Date.now();
  const line = JSON.stringify(redactDeep(record));
  const step: AuditShippingStep = { name: 'Audit shipping', status: 'pass', durationMs: 0, items: [] };
  for (const sink of sinks) {
    try {
      step.items.push(
        sink.kind === 'jsonl' ? writeJsonLine(sink.path, line, options) : await putCloudWatchEvent(sink, line, record, options),
      );
    } catch (error) {
      step.status = 'warn';
      const where = sink.kind === 'jsonl' ? `the JSON-lines file ${sink.path}` : `CloudWatch Logs ${sink.logGroup}/${sink.logStream}`;
      step.items.push(redact(`⚠ The audit record was not shipped to ${where}: ${describeError(error)}. The local audit file has it.`));
    }
  }
  step.durationMs = Date.now() - started;
  return step;
}

function writeJsonLine(file: string, line: string, options: ShipOptions): string {
  if (file === JSONL_STDOUT) {
    (options.stdout ?? ((text) => process.stdout.write(text)))(`${line}\n`);
    return 'Audit record written to stdout as one JSON line.';
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
  return `Audit record appended to ${file} (JSON lines).`;
}

async function putCloudWatchEvent(
  sink: Extract<AuditSink, { kind: 'cloudwatch' }>,
  line: string,
  record: AuditRecord,
  options: ShipOptions,
): Promise<string> {
  if (Buffer.byteLength(line) > CLOUDWATCH_EVENT_LIMIT) {
    throw new MigrateActionsError(
      'E_AUDIT_SHIP',
      `The audit record is ${Buffer.byteLength(line)} bytes, over CloudWatch Logs' 256 KB event limit.`,
      {
        remedy: 'Ship it with audit-jsonl to a collector instead.',
      },
    );
  }
  const { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const client =
    options.cloudWatch ??
    new CloudWatchLogsClient({ maxAttempts: 3, requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 } });
  const target = { logGroupName: sink.logGroup, logStreamName: sink.logStream };
  try {
    try {
      await client.send(new CreateLogStreamCommand(target));
    } catch (error) {
      if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
    }
    const timestamp = Date.parse(record.finishedAt) || Date.now();
    const answer = await client.send(new PutLogEventsCommand({ ...target, logEvents: [{ timestamp, message: line }] }));
    const rejected = answer.rejectedLogEventsInfo;
    if (rejected && Object.values(rejected).some((v) => v !== undefined)) {
      throw new MigrateActionsError('E_AUDIT_SHIP', `CloudWatch Logs rejected the event (${JSON.stringify(rejected)}).`, {
        remedy: 'Check the clock of the runner and the log group’s retention (events older than it are refused).',
      });
    }
    return `Audit record sent to CloudWatch Logs ${sink.logGroup}/${sink.logStream}.`;
  } finally {
    if (!options.cloudWatch) client.destroy();
  }
}
