/**
 * Child processes in a streaming pipeline: spawn with a bounded stderr tail, wait for exit,
 * a SHA-256 tap that passes bytes through, and a sink that stops forwarding when its reader
 * has seen enough (pg_restore --list exits after the table of contents).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { redact } from '../postgres/redact.js';

const STDERR_TAIL_BYTES = 4096;

export interface Tool {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit status once the process and its pipes closed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last few KB of stderr, redacted. */
  stderr(): string;
}

export function startTool(name: string, file: string, args: string[], options: SpawnOptions): Tool {
  const child = spawn(file, args, options);
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-STDERR_TAIL_BYTES);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => {
      tail += `\n${error.message}`;
      resolve({ code: -1, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  // A pipe closing under us surfaces through the exit status, not as an unhandled error.
  for (const stream of child.stdio) stream?.on('error', () => undefined);
  return { name, child, exited, stderr: () => redact(tail.trim()) };
}

/** Kills tools still running (after a failure elsewhere in the pipeline). */
export function stopTools(tools: Tool[]): void {
  for (const tool of tools) {
    if (tool.child.exitCode === null && tool.child.signalCode === null) tool.child.kill('SIGTERM');
  }
}

/** Runs a tool to completion and returns stdout (small outputs: versions, key listings). */
export async function runTool(
  name: string,
  file: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tool = startTool(name, file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  tool.child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const { code } = await tool.exited;
  return { code, stdout, stderr: tool.stderr() };
}

/** Passes bytes through while hashing and counting them. */
export class HashTap extends Transform {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Forwards writes to a child's stdin until the child stops reading, then discards the rest. */
export function forwardingSink(child: ChildProcess): Writable {
  const stdin = child.stdin!;
  let open = true;
  const close = (): void => {
    open = false;
  };
  stdin.on('error', close);
  stdin.on('close', close);
  child.on('close', close);
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!open || stdin.write(chunk)) return callback();
      const done = (): void => {
        stdin.off('drain', done);
        stdin.off('close', done);
        callback();
      };
      stdin.on('drain', done);
      stdin.on('close', done);
    },
    final(callback) {
      if (open) stdin.end();
      callback();
    },
  });
}

/** Passes bytes through and also feeds them to a side sink (backpressure from both). */
export class TeeTap extends Transform {
  constructor(private readonly side: Writable) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.side.write(chunk, () => callback(null, chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.side.end(() => callback());
  }
}
