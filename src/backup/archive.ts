/**
 * Reading archives back: pg_restore --list over a stream (the table of contents), a restore of
 * a (possibly encrypted) file into a database as one pass, and the checksum of a file. Shared
 * by backup verification and restore; every failure becomes a typed error naming the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../util/sha256.js';
import { MigrateActionsError } from '../errors.js';
import type { ConnectionSettings } from '../postgres/url.js';
import { decryptionError, startGpgFilter, type GpgHome } from './gpg.js';
import { libpqInvocation, type ClientTool } from './pgtools.js';
import { forwardingSink, startTool, stopTools, type Tool } from './process.js';
import { nullSink, readArchive, type ReadArchiveOutcome } from './pipeline.js';
import type { Readable, Writable } from 'node:stream';
import type { BackupStore } from '../storage/types.js';
import type { RoleHandling, TableRowCount } from './types.js';
import { redact } from '../postgres/redact.js';
import { quoteIdent } from '../postgres/sql.js';

/** pg_restore --list reading stdin; `toc()` is what it printed. */
export interface Lister {
  tool: Tool;
  sink: ReturnType<typeof forwardingSink>;
  toc(): string;
}

/** An archive in a store (a bucket object); a plain string is a path on this machine. */
export interface ArchiveRef {
  store: BackupStore;
  name: string;
}

export type ArchiveSource = string | ArchiveRef;

/** The path or URL of an archive, for messages and results. */
export function sourceLabel(source: ArchiveSource): string {
  return typeof source === 'string' ? source : source.store.locate(source.name);
}

async function openSource(source: ArchiveSource): Promise<Readable> {
  return typeof source === 'string' ? fs.createReadStream(source) : source.store.openReader(source.name);
}

/** A directory-format archive is read by path; a custom-format file is streamed to stdin. */
export function isDirectoryArchive(source: ArchiveSource): boolean {
  if (typeof source !== 'string') return false;
  return fs.statSync(source, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

export function startLister(pgRestore: ClientTool, directory?: string): Lister {
  const tool = startTool('pg_restore', pgRestore.path, ['--list', ...(directory ? [directory] : [])], {
    stdio: [directory ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let toc = '';
  tool.child.stdout!.on('data', (d: Buffer) => (toc += d.toString()));
  return { tool, sink: directory ? nullSink() : forwardingSink(tool.child), toc: () => toc };
}

/** Entries of a TOC listing (lines that are not comments). */
export function tocEntries(toc: string): string[] {
  return toc.split('\n').filter((line) => line.trim() && !line.startsWith(';'));
}

/** Checks the listing is an archive holding the data of every counted table. */
export function checkToc(toc: string, tables: TableRowCount[], file: string): number {
  const entries = tocEntries(toc);
  const data = entries.filter((line) => / TABLE DATA /.test(line));
  const missing = tables.filter((t) => !data.some((line) => line.includes(` TABLE DATA ${t.schema} ${t.table} `)));
  // An empty database dumps to an archive with no entries: valid, as long as nothing was counted.
  if ((entries.length === 0 && tables.length > 0) || missing.length) {
    throw new MigrateActionsError(
      'E_BACKUP_VERIFY',
      entries.length === 0
        ? `pg_restore --list found no entries in ${path.basename(file)}.`
        : `The archive ${path.basename(file)} has no data for ${missing.map((t) => `${t.schema}.${t.table}`).join(', ')}.`,
      { remedy: 'Check the pg_dump output above; run the backup again.', where: { file } },
    );
  }
  return entries.length;
}

/** A directory archive reads itself: wait for the tool, and hash the tree for the caller. */
async function readDirectoryWith(dir: string, tool: Tool): Promise<ReadArchiveOutcome> {
  const exit = await tool.exited;
  const tree = await hashArchive(dir);
  return {
    streamErrors: [],
    exits: new Map([[tool.name, exit]]),
    sha256: tree.sha256,
    sizeBytes: tree.sizeBytes,
    plaintextSha256: tree.sha256,
  };
}

/** SHA-256 of a file or object, or of a directory archive as `sha256sum` lines of its files sorted by name. */
export async function hashArchive(source: ArchiveSource): Promise<{ sha256: string; sizeBytes: number }> {
  if (typeof source !== 'string') return hashStream(await openSource(source));
  const file = source;
  if (!isDirectoryArchive(file)) return hashFile(file);
  const names = fs.readdirSync(file).sort();
  let listing = '';
  let sizeBytes = 0;
  for (const name of names) {
    const part = await hashFile(path.join(file, name));
    listing += `${part.sha256}  ${name}\n`;
    sizeBytes += part.sizeBytes;
  }
  return { sha256: sha256Hex(listing), sizeBytes };
}

export async function hashFile(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  return hashStream(fs.createReadStream(file));
}

async function hashStream(stream: Readable): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

export interface Decryption {
  home: GpgHome;
  args: string[];
  passphrase?: string;
}

/** Reads an archive file (decrypting as a stream) into a consumer; throws on a decryption failure. */
export async function readInto(
  source: ArchiveSource,
  decryption: Decryption | undefined,
  consumer: { tool: Tool; sink: Writable },
): Promise<ReadArchiveOutcome> {
  if (typeof source === 'string' && isDirectoryArchive(source)) return readDirectoryWith(source, consumer.tool);
  const file = sourceLabel(source);
  const input = await openSource(source).catch((error: unknown) => {
    stopTools([consumer.tool]);
    throw error;
  });
  const decrypt = decryption ? startGpgFilter(decryption.home, decryption.args, decryption.passphrase) : undefined;
  const outcome = await readArchive({ source: input, decrypt, consumer: consumer.sink, consumerTools: [consumer.tool] });
  const gpgExit = outcome.exits.get('gpg');
  if (decrypt && gpgExit && gpgExit.code !== 0) throw decryptionError(decrypt.stderr(), file);
  const read = outcome.streamErrors.find(
    (e) => (e as NodeJS.ErrnoException).syscall === 'read' || (e as NodeJS.ErrnoException).code === 'ENOENT',
  );
  if (read) throw new MigrateActionsError('E_BACKUP_READ', `Could not read ${file}: ${read.message}.`, { where: { file } });
  return outcome;
}

/** Lists an archive file's TOC over the stream (the whole file is read, so a decryption is complete). */
export async function listArchive(
  source: ArchiveSource,
  pgRestore: ClientTool,
  decryption?: Decryption,
): Promise<{ toc: string; outcome: ReadArchiveOutcome }> {
  const lister = startLister(pgRestore, typeof source === 'string' && isDirectoryArchive(source) ? source : undefined);
  const outcome = await readInto(source, decryption, lister);
  const exit = outcome.exits.get('pg_restore');
  if (exit?.code !== 0) throw unreadable(sourceLabel(source), lister.tool.stderr());
  return { toc: lister.toc(), outcome };
}

export function unreadable(file: string, stderr: string): MigrateActionsError {
  const tooNew = /unsupported version|unrecognized file format/i.test(stderr);
  return new MigrateActionsError(
    tooNew ? 'E_RESTORE_VERSION' : 'E_BACKUP_UNREADABLE',
    `pg_restore cannot read ${path.basename(file)}: ${stderr || 'no output'}.`,
    {
      remedy: tooNew
        ? 'Use a pg_restore of the major that made the backup (manifest pgDump.major) or newer.'
        : 'The archive is damaged: restore from another backup.',
      where: { file },
    },
  );
}

export interface RestoreIntoOptions {
  decryption?: Decryption;
  clean?: boolean;
  roles?: RoleHandling;
  /**
   * Keep going past failing entries (a throwaway verification restore that lacks an extension):
   * no single transaction, and every failing TOC entry is collected instead of stopping.
   */
  tolerant?: boolean;
}

export interface RestoreIntoOutcome extends ReadArchiveOutcome {
  /** Entries that failed (tolerant mode only): TOC dump id and the server's error. */
  failures: Array<{ dumpId: number; reason: string }>;
}

/** pg_restore arguments for owners and privileges. */
export function roleArgs(roles: RoleHandling | undefined): string[] {
  if (!roles) return [];
  return [
    ...(roles.noOwner || roles.owner ? ['--no-owner'] : []),
    ...(roles.owner ? [`--role=${roles.owner}`] : []),
    ...(roles.noPrivileges ? ['--no-privileges'] : []),
  ];
}

/** Collects `from TOC entry N; …` + `error: … ERROR:  why` pairs from pg_restore --verbose. */
function collectFailures(tool: Tool): Array<{ dumpId: number; reason: string }> {
  const failures: Array<{ dumpId: number; reason: string }> = [];
  let pending = '';
  let current: number | undefined;
  tool.child.stderr!.on('data', (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const entry = /^pg_restore: from TOC entry (\d+);/.exec(line);
      if (entry) current = Number(entry[1]);
      const error = /^pg_restore: error: (?:could not execute query: )?(?:ERROR:\s+)?(.*)$/.exec(line);
      if (error && current !== undefined && failures.length < 1000 && !failures.some((f) => f.dumpId === current)) {
        failures.push({ dumpId: current, reason: redact(error[1]) });
      }
    }
  });
  return failures;
}

/** The fix for the usual pg_restore failures, named. */
export function restoreRemedy(stderr: string): string {
  const role = /role "([^"]+)" does not exist/.exec(stderr);
  if (role) {
    return `The role ${role[1]} does not exist on the target: run CREATE ROLE ${quoteIdent(role[1])} NOLOGIN; there first, or restore with no-owner: true (objects owned by the connecting role) or owner: ROLE, and no-privileges: true when it only holds grants.`;
  }
  const extension = /extension "([^"]+)" is not available/.exec(stderr);
  if (extension) {
    return `The extension ${extension[1]} is not installed on the target server: install its package there (or choose a server that has it), then restore again.`;
  }
  const permission = /permission denied|must be owner|must be superuser/.exec(stderr);
  if (permission) {
    return 'The connecting role lacks a privilege the restore needs: connect as the database owner or a superuser, or restore with no-owner: true and no-privileges: true.';
  }
  return 'Read the pg_restore error above: it names the statement that failed and why.';
}

/** Restores an archive file into a database in one transaction (optionally over existing objects). */
export async function restoreFileInto(
  source: ArchiveSource,
  target: ConnectionSettings,
  pgRestore: ClientTool,
  options: RestoreIntoOptions,
): Promise<RestoreIntoOutcome> {
  const libpq = libpqInvocation(target);
  const args = [
    ...libpq.args,
    '--dbname',
    target.database,
    ...(options.tolerant ? ['--verbose'] : ['--single-transaction', '--exit-on-error']),
    ...(options.clean ? ['--clean', '--if-exists'] : []),
    ...roleArgs(options.roles),
  ];
  const directory = isDirectoryArchive(source);
  const file = sourceLabel(source);
  if (directory) args.push(file);
  const tool = startTool('pg_restore', pgRestore.path, args, { stdio: [directory ? 'ignore' : 'pipe', 'ignore', 'pipe'], env: libpq.env });
  const failures = options.tolerant ? collectFailures(tool) : [];
  const outcome = await readInto(source, options.decryption, { tool, sink: directory ? nullSink() : forwardingSink(tool.child) });
  const exit = outcome.exits.get('pg_restore');
  if (exit?.code !== 0 && !(options.tolerant && exit?.code === 1 && failures.length)) {
    const stderr = tool.stderr();
    throw new MigrateActionsError(
      'E_RESTORE_FAILED',
      `pg_restore into ${target.database} failed${options.tolerant ? '' : ' (nothing was committed: single transaction)'}: ${stderr || `exit ${exit?.code}`}.`,
      { remedy: restoreRemedy(stderr), where: { file } },
    );
  }
  return { ...outcome, failures };
}
