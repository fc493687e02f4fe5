/**
 * How pg_dump compresses the archive: `gzip` (pg_dump's default, every version), `zstd` or
 * `lz4` (pg_dump 16+), each with an optional level (`zstd:3`). Parsed and checked against the
 * pg_dump that will run before anything is dumped; pg_restore reads the method from the archive.
 */
import { MigrateActionsError } from '../errors.js';
import type { ClientTool } from './pgtools.js';

export type CompressionMethod = 'gzip' | 'zstd' | 'lz4';

export interface Compression {
  method: CompressionMethod;
  /** Absent: the method's default level. */
  level?: number;
}

/** Levels pg_dump accepts per method, and the first pg_dump major that has the method. */
const METHODS: Record<CompressionMethod, { min: number; max: number; sincePgDump: number }> = {
  gzip: { min: 1, max: 9, sincePgDump: 0 },
  zstd: { min: 1, max: 22, sincePgDump: 16 },
  lz4: { min: 1, max: 12, sincePgDump: 16 },
};

export const DEFAULT_COMPRESSION: Compression = { method: 'gzip' };

function badCompression(value: string, why: string): MigrateActionsError {
  return new MigrateActionsError('E_BACKUP_OPTIONS', `compression "${value}" ${why}.`, {
    remedy: 'Use gzip (default), zstd or lz4, optionally with a level: gzip:6 (1–9), zstd:3 (1–22), lz4:1 (1–12).',
  });
}

/** `gzip`, `zstd:3`, … into a method and level; throws a usage error naming what is wrong. */
export function parseCompression(value: string | undefined): Compression {
  const text = value?.trim();
  if (!text) return DEFAULT_COMPRESSION;
  const m = /^([a-z0-9]+)(?::(.*))?$/i.exec(text);
  const method = m?.[1].toLowerCase();
  if (!m || !method || !(method in METHODS)) throw badCompression(text, 'is not gzip, zstd or lz4');
  const range = METHODS[method as CompressionMethod];
  if (m[2] === undefined) return { method: method as CompressionMethod };
  const level = Number(m[2]);
  if (!/^\d+$/.test(m[2]) || level < range.min || level > range.max)
    throw badCompression(text, `has level ${m[2] || '(empty)'}; ${method} takes a whole number from ${range.min} to ${range.max}`);
  return { method: method as CompressionMethod, level };
}

export function compressionLabel(compression: Compression): string {
  return compression.level === undefined ? compression.method : `${compression.method}:${compression.level}`;
}

/**
 * pg_dump's arguments for a compression; throws a usage error when this pg_dump lacks the
 * method (zstd and lz4 came with pg_dump 16), naming the version found and the fix.
 */
export function compressionArgs(compression: Compression, pgDump: ClientTool): string[] {
  const since = METHODS[compression.method].sincePgDump;
  if (pgDump.major < since) {
    throw new MigrateActionsError(
      'E_BACKUP_COMPRESSION_UNSUPPORTED',
      `compression ${compressionLabel(compression)} needs pg_dump ${since} or newer; ${pgDump.path} is pg_dump ${pgDump.version}. Nothing was dumped.`,
      {
        remedy: `Install the PostgreSQL ${since}+ client tools (apt-get install postgresql-client-17) and pass its pg_dump (pg-dump-path), or use compression: gzip.`,
      },
    );
  }
  if (compression.method === 'gzip' && compression.level === undefined) return []; // pg_dump's own default
  // pg_dump before 16 takes only a gzip level (--compress=N).
  if (pgDump.major < 16) return [`--compress=${compression.level}`];
  return [`--compress=${compressionLabel(compression)}`];
}
