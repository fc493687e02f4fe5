/**
 * The two streaming passes every backup and restore is made of, each one read of the data:
 *  - writeArchive: pg_dump stdout → SHA-256 (plaintext) → [tee to a verifier] → [gpg] → SHA-256 → file or upload
 *  - readArchive:  file or download → SHA-256 → [gpg --decrypt] → SHA-256 (plaintext) → a consumer (pg_restore)
 * Memory stays bounded by the stream buffers (backpressure end to end); the store creates the
 * file 0600 and exclusively (or the multipart upload); nothing is written in plaintext when encrypting.
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashTap, TeeTap, stopTools, type Tool } from './process.js';

export interface PassOutcome {
  /** Errors of the stream stages (first one first). */
  streamErrors: Error[];
  /** Exit status per tool name. */
  exits: Map<string, { code: number | null; signal: NodeJS.Signals | null }>;
}

/** Waits for every pipeline and tool; the first failing pipeline stops the remaining tools. */
async function settle(pipelines: Array<Promise<void>>, tools: Tool[]): Promise<PassOutcome> {
  const streamErrors: Error[] = [];
  await Promise.all(
    pipelines.map((p) =>
      p.catch((error: Error) => {
        streamErrors.push(error);
        stopTools(tools);
      }),
    ),
  );
  const exits = new Map<string, { code: number | null; signal: NodeJS.Signals | null }>();
  for (const tool of tools) exits.set(tool.name, await tool.exited);
  return { streamErrors, exits };
}

export interface WriteArchiveInput {
  dump: Tool;
  /** gpg filter when encrypting. */
  encrypt?: Tool;
  /** Side consumer of the plaintext (pg_restore --list). */
  verifier?: Writable;
  /** Where the final bytes go (a file, or the body of an upload). */
  output: Writable;
}

export interface WriteArchiveOutcome extends PassOutcome {
  sha256: string;
  plaintextSha256: string;
  sizeBytes: number;
  plaintextBytes: number;
  /** The error of the file write itself (disk full, permission), if that is what failed. */
  writeError?: Error;
}

export async function writeArchive(input: WriteArchiveInput): Promise<WriteArchiveOutcome> {
  const plain = new HashTap();
  const final = new HashTap();
  const file = input.output;
  let writeError: Error | undefined;
  file.on('error', (error) => (writeError ??= error));
  const head: Array<NodeJS.ReadableStream | NodeJS.ReadWriteStream> = [input.dump.child.stdout!, plain];
  if (input.verifier) head.push(new TeeTap(input.verifier));
  const tools = [input.dump, ...(input.encrypt ? [input.encrypt] : [])];
  const pipelines = input.encrypt
    ? [
        pipeline([...head, input.encrypt.child.stdin!] as unknown as [Readable, Writable]),
        pipeline(input.encrypt.child.stdout!, final, file),
      ]
    : [pipeline([...head, final, file] as unknown as [Readable, Writable])];
  const outcome = await settle(pipelines, tools);
  return {
    ...outcome,
    writeError,
    sha256: final.digest(),
    plaintextSha256: plain.digest(),
    sizeBytes: final.bytes,
    plaintextBytes: plain.bytes,
  };
}

export interface ReadArchiveInput {
  /** The stored bytes (a file, or a download). */
  source: Readable;
  decrypt?: Tool;
  /** Where the plaintext goes (a forwardingSink to pg_restore, or nullSink()). */
  consumer: Writable;
  /** Tools feeding from the consumer, waited for too. */
  consumerTools: Tool[];
}

export interface ReadArchiveOutcome extends PassOutcome {
  sha256: string;
  sizeBytes: number;
  plaintextSha256: string;
}

export async function readArchive(input: ReadArchiveInput): Promise<ReadArchiveOutcome> {
  const fileTap = new HashTap();
  const plain = new HashTap();
  const source = input.source;
  const tools = [...(input.decrypt ? [input.decrypt] : []), ...input.consumerTools];
  const pipelines = input.decrypt
    ? [pipeline(source, fileTap, input.decrypt.child.stdin!), pipeline(input.decrypt.child.stdout!, plain, input.consumer)]
    : [pipeline(source, fileTap, plain, input.consumer)];
  const outcome = await settle(pipelines, tools);
  return { ...outcome, sha256: fileTap.digest(), sizeBytes: fileTap.bytes, plaintextSha256: plain.digest() };
}

/** Discards what it is given (for a pass that only hashes and decrypts). */
export function nullSink(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}
