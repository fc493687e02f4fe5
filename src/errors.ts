/**
 * Typed errors: every failure the suite reports carries a stable code, a message that says
 * what is wrong and where, and a remedy that says what to do next. Domain code throws these;
 * entry points render them (never a bare stack trace). Codes come from the registry in
 * error-codes.ts, which also says what kind of failure each is.
 */
import { ERROR_CODES, type ErrorCode, type ErrorKind } from './error-codes.js';

export type { ErrorCode, ErrorKind } from './error-codes.js';

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  migration?: string;
}

export interface MigrateActionsErrorOptions {
  remedy?: string;
  where?: ErrorLocation;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class MigrateActionsError extends Error {
  readonly code: ErrorCode;
  readonly remedy?: string;
  readonly where?: ErrorLocation;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: MigrateActionsErrorOptions = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'MigrateActionsError';
    this.code = code;
    this.remedy = options.remedy;
    this.where = options.where;
    this.details = options.details;
  }

  /** usage (bad input or configuration), failure (the check or operation failed) or internal. */
  get kind(): ErrorKind {
    return ERROR_CODES[this.code].kind;
  }
}

/** Formats a location as `file:line:column (migration NAME)`. */
export function formatLocation(where: ErrorLocation | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.file) {
    let spot = where.file;
    if (where.line !== undefined) spot += `:${where.line}`;
    if (where.line !== undefined && where.column !== undefined) spot += `:${where.column}`;
    parts.push(spot);
  }
  if (where.migration && !(where.file && where.file.includes(where.migration))) {
    parts.push(`migration ${where.migration}`);
  }
  return parts.join(', ');
}

/** One human-readable text for any thrown value: message, location, remedy. */
export function describeError(error: unknown): string {
  if (error instanceof MigrateActionsError) {
    const location = formatLocation(error.where);
    let text = `[${error.code}] ${error.message}`;
    if (location) text += `\n  at ${location}`;
    if (error.remedy) text += `\n  what to do: ${error.remedy}`;
    return text;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function isMigrateActionsError(error: unknown, code?: ErrorCode): error is MigrateActionsError {
  return error instanceof MigrateActionsError && (code === undefined || error.code === code);
}
