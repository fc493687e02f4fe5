/**
 * Sends many statements in one simple-query round trip and still knows, on failure, which
 * statement failed: the server answers each completed statement with CommandComplete, so
 * counting those (and the error's cursor position) re-locates the failing one. Those answers
 * are held in the server's send buffer until the whole query has run, so they say which
 * statements completed, not when: only the round trip as a whole is timed.
 */
import type pg from 'pg';
import type { SqlStatement } from '../sql/parser.js';

export interface ScriptPart {
  text: string;
  /** The migration statement this part is (undefined for bookkeeping and settings). */
  statement?: SqlStatement;
}

export interface ScriptOutcome {
  /** Parts that completed before the error (all of them on success). */
  completed: number;
  /** Milliseconds the round trip took, from sending the query to its last answer. */
  durationMs: number;
  error?: PgError;
  /** The part that failed and the 0-based offset of the error inside its text, when known. */
  failedPart?: ScriptPart;
  failedOffset?: number;
}

export interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
}

/** A newline before the separator ends a trailing `--` comment the statement text may have. */
const SEPARATOR = '\n;\n';

interface Connection {
  on(event: 'commandComplete', listener: () => void): void;
  removeListener(event: 'commandComplete', listener: () => void): void;
}

export async function runScript(client: pg.Client, parts: ScriptPart[]): Promise<ScriptOutcome> {
  const text = parts.map((p) => p.text).join(SEPARATOR);
  const connection = (client as unknown as { connection: Connection }).connection;
  let completed = 0;
  const onComplete = (): void => {
    completed++;
  };
  connection.on('commandComplete', onComplete);
  const started = performance.now();
  try {
    await client.query(text);
    return { completed: parts.length, durationMs: performance.now() - started };
  } catch (error) {
    const pgError = error as PgError;
    const located = locate(parts, completed, pgError.position);
    return { completed, durationMs: performance.now() - started, error: pgError, ...located };
  } finally {
    connection.removeListener('commandComplete', onComplete);
  }
}

/** The failing part: by the error's cursor position when it has one, else the next uncompleted. */
function locate(parts: ScriptPart[], completed: number, position: string | undefined): { failedPart?: ScriptPart; failedOffset?: number } {
  if (position !== undefined) {
    let offset = Number(position) - 1; // 1-based, in characters
    for (const part of parts) {
      if (offset < part.text.length) return { failedPart: part, failedOffset: Math.max(0, offset) };
      offset -= part.text.length + SEPARATOR.length;
    }
  }
  return { failedPart: parts[completed] };
}

/** Whether the failure happened inside the statements of a migration (not in bookkeeping). */
export function failedStatement(outcome: ScriptOutcome): SqlStatement | undefined {
  return outcome.failedPart?.statement;
}
