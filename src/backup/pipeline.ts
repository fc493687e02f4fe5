/**
 * The two streaming passes every backup and restore is made of, each one read of the data:
 *  - writeArchive: pg_dump stdout → gpg (an OS pipe) → SHA-256 → file or upload; or, with a verifier
 *    reading the plaintext or no encryption, pg_dump stdout → [SHA-256, tee to the verifier] → [gpg] → SHA-256 → …
 *  - readArchive:  file or download → SHA-256 → [gpg --decrypt] → SHA-256 (plaintext) → a consumer (pg_restore)
 * Memory stays bounded by the stream buffers (backpressure end to end); the store creates the
 * file 0600 and exclusively (or the multipart upload); nothing is written in plaintext when encrypting.
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashTap, TeeTap, startTool, stopTools, type Tool } from './process.js';

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

/** How to run pg_dump: its binary, arguments and environment (the password lives only there). */
export interface DumpCommand {
  path: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** pg_dump and, when encrypting, gpg, started with their streams wired for writeArchive. */
export interface DumpTools {
  dump: Tool;
  encrypt?: Tool;
  /** pg_dump writes straight into gpg's stdin (an OS pipe): no plaintext passes through here. */
  direct: boolean;
}

/**
 * Starts the dump's processes. Encrypting with nothing here that reads the plaintext, pg_dump's
 * stdout is gpg's stdin itself, so the two run on their own cores and this process only sees
 * (hashes and stores) the ciphertext. gpg starts first and its stdin is handed to pg_dump, then
 * closed here: a pipe end this process never reads, so no byte can be taken from it.
 */
export function startDumpTools(command: DumpCommand, startEncrypt: (() => Tool) | undefined, readPlaintext: boolean): DumpTools {
  if (!startEncrypt || readPlaintext) {
    const dump = startTool('pg_dump', command.path, command.args, { stdio: ['ignore', 'pipe', 'pipe'], env: command.env });
    return { dump, encrypt: startEncrypt?.(), direct: false };
  }
  const encrypt = startEncrypt();
  const gpgStdin = encrypt.child.stdin!;
  const dump = startTool('pg_dump', command.path, command.args, { stdio: ['ignore', gpgStdin, 'pipe'], env: command.env });
  gpgStdin.destroy();
  return { dump, encrypt, direct: true };
}

export interface WriteArchiveInput extends DumpTools {
  /** Side consumer of the plaintext (pg_restore --list); needs `direct` false. */
  verifier?: Writable;
  /** Where the final bytes go (a file, or the body of an upload). */
  output: Writable;
}

export interface WriteArchiveOutcome extends PassOutcome {
  sha256: string;
  /** Absent when the plaintext went straight from pg_dump to gpg (it is hashed when read back). */
  plaintextSha256?: string;
  sizeBytes: number;
  /** The error of the file write itself (disk full, permission), if that is what failed. */
  writeError?: Error;
}

export async function writeArchive(input: WriteArchiveInput): Promise<WriteArchiveOutcome> {
  const final = new HashTap();
  const file = input.output;
  let writeError: Error | undefined;
  file.on('error', (error) => (writeError ??= error));
  const tools = [input.dump, ...(input.encrypt ? [input.encrypt] : [])];
  if (input.direct && input.encrypt) {
    const outcome = await settle([pipeline(input.encrypt.child.stdout!, final, file)], tools);
    return { ...outcome, writeError, sha256: final.digest(), sizeBytes: final.bytes };
  }
  const plain = input.encrypt ? new HashTap() : undefined;
  const head: Array<NodeJS.ReadableStream | NodeJS.ReadWriteStream> = [input.dump.child.stdout!, ...(plain ? [plain] : [])];
  if (input.verifier) head.push(new TeeTap(input.verifier));
  const pipelines = input.encrypt
    ? [
        pipeline([...head, input.encrypt.child.stdin!] as unknown as [Readable, Writable]),
        pipeline(input.encrypt.child.stdout!, final, file),
      ]
    : [pipeline([...head, final, file] as unknown as [Readable, Writable])];
  const outcome = await settle(pipelines, tools);
  const sha256 = final.digest();
  // Not encrypted: the stored bytes are the plaintext.
  return { ...outcome, writeError, sha256, plaintextSha256: plain ? plain.digest() : sha256, sizeBytes: final.bytes };
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
