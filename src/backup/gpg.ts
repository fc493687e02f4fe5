/**
 * OpenPGP through the `gpg` binary, as a stream stage. Every call uses a throwaway GNUPGHOME
 * (the user's keyring and agent are never touched; the home and its agent go away after). A
 * passphrase travels on its own pipe (fd 3), never on the command line or in the environment.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { runTool, startTool, type Tool } from './process.js';
import type { EncryptionMethod, EncryptionSettings } from './types.js';
import { isProcessAlive, onExitCleanup } from '../util/cleanup.js';

const GPG = process.env.PMA_GPG_PATH || 'gpg';
const GPGCONF = process.env.PMA_GPG_PATH ? path.join(path.dirname(process.env.PMA_GPG_PATH), 'gpgconf') : 'gpgconf';
const PASSPHRASE_FD = '3';

export interface GpgHome {
  dir: string;
  dispose(): Promise<void>;
}

const HOME_PREFIX = 'pma-gnupg-';
const OWNER_FILE = 'pma-owner.pid';

function killAgentSync(dir: string): void {
  spawnSync(GPGCONF, ['--homedir', dir, '--kill', 'all'], { stdio: 'ignore', timeout: 10_000 });
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Removes gpg homes (and stops their agents) left by runs that were killed: a home holds an
 * imported private key during a restore, so it must not outlive its run.
 */
export function sweepAbandonedGpgHomes(): number {
  let swept = 0;
  for (const entry of fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith(HOME_PREFIX))) {
    const dir = path.join(os.tmpdir(), entry);
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // being created, or not ours
    }
    if (!pid || isProcessAlive(pid)) continue;
    killAgentSync(dir);
    swept++;
  }
  return swept;
}

export async function openGpgHome(): Promise<GpgHome> {
  sweepAbandonedGpgHomes();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), HOME_PREFIX));
  fs.chmodSync(dir, 0o700);
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const unregister = onExitCleanup(() => killAgentSync(dir));
  const probe = await runTool('gpg', GPG, ['--homedir', dir, '--version']);
  if (probe.code !== 0) {
    unregister();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new MigrateActionsError('E_BACKUP_GPG', `gpg could not be run (${GPG}): ${probe.stderr || `exit ${probe.code}`}.`, {
      remedy: 'Install GnuPG 2 (apt-get install gnupg; it is preinstalled on GitHub-hosted runners) or set PMA_GPG_PATH to the gpg binary.',
    });
  }
  return {
    dir,
    async dispose() {
      unregister();
      await runTool('gpgconf', GPGCONF, ['--homedir', dir, '--kill', 'all']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function baseArgs(home: GpgHome): string[] {
  return ['--homedir', home.dir, '--batch', '--no-tty', '--quiet', '--yes'];
}

/** Imports keys (armored text or a key file) and returns the fingerprints of their primary keys. */
export async function importKey(home: GpgHome, key: { text?: string; file?: string }, what: string): Promise<string[]> {
  const tool = startTool('gpg', GPG, [...baseArgs(home), '--import', ...(key.file ? [key.file] : [])], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  tool.child.stdin!.end(key.text ?? '');
  const { code } = await tool.exited;
  const listing = await runTool('gpg', GPG, [...baseArgs(home), '--with-colons', '--fingerprint', '--list-keys']);
  const fingerprints = fingerprintsOf(listing.stdout);
  if (code !== 0 || fingerprints.length === 0) {
    throw new MigrateActionsError('E_BACKUP_KEY', `The ${what} could not be imported by gpg: ${tool.stderr() || 'no key found in it'}.`, {
      remedy:
        'Pass an OpenPGP key exported with `gpg --armor --export KEYID` (public) or `gpg --armor --export-secret-keys KEYID` (private).',
    });
  }
  return fingerprints;
}

function fingerprintsOf(colons: string): string[] {
  const out: string[] = [];
  let afterPrimary = false;
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === 'pub') afterPrimary = true;
    else if (fields[0] === 'fpr' && afterPrimary) {
      out.push(fields[9]);
      afterPrimary = false;
    }
  }
  return out;
}

export interface PreparedEncryption {
  method: EncryptionMethod;
  recipients?: string[];
  args: string[];
  passphrase?: string;
}

/** Resolves the encryption settings into gpg arguments (imports a public key into the home). */
export async function prepareEncryption(home: GpgHome, settings: EncryptionSettings): Promise<PreparedEncryption> {
  // The archive is already compressed by pg_dump: compressing again costs time for nothing.
  const common = ['--cipher-algo', 'AES256', '--compress-algo', 'none', '--output', '-'];
  if ('passphrase' in settings) {
    if (!settings.passphrase)
      throw new MigrateActionsError('E_BACKUP_OPTIONS', 'The encryption passphrase is empty.', {
        remedy: 'Pass a non-empty passphrase (a secret).',
      });
    return {
      method: 'passphrase-aes256',
      passphrase: settings.passphrase,
      args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', '--symmetric', ...common],
    };
  }
  const key = 'recipientPublicKeyFile' in settings ? { file: settings.recipientPublicKeyFile } : { text: settings.recipientPublicKey };
  const recipients = await importKey(home, key, 'recipient public key');
  return {
    method: 'public-key',
    recipients,
    args: ['--trust-model', 'always', '--encrypt', ...recipients.flatMap((r) => ['--recipient', r]), ...common],
  };
}

/** Decryption arguments: with a passphrase, or with a secret key imported into the home. */
export async function prepareDecryption(
  home: GpgHome,
  secret: { passphrase?: string; privateKey?: string },
): Promise<{ args: string[]; passphrase?: string }> {
  if (secret.privateKey) await importKey(home, { text: secret.privateKey }, 'private key');
  const args = ['--decrypt', '--output', '-'];
  if (secret.passphrase === undefined) return { args };
  return {
    args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', ...args],
    passphrase: secret.passphrase,
  };
}

/** Starts gpg as a filter (stdin → stdout), handing it the passphrase on fd 3 if there is one. */
export function startGpgFilter(home: GpgHome, args: string[], passphrase?: string): Tool {
  const stdio: Array<'pipe' | 'ignore'> = ['pipe', 'pipe', 'pipe', passphrase === undefined ? 'ignore' : 'pipe'];
  const tool = startTool('gpg', GPG, [...baseArgs(home), ...args], { stdio });
  if (passphrase !== undefined) {
    const fd3 = tool.child.stdio[3] as NodeJS.WritableStream;
    fd3.end(passphrase);
  }
  return tool;
}

/** A typed error for a gpg decryption that failed, from what gpg said. */
export function decryptionError(stderr: string, file: string): MigrateActionsError {
  if (/bad session key|bad passphrase/i.test(stderr)) {
    return new MigrateActionsError(
      'E_BACKUP_PASSPHRASE',
      `The passphrase does not decrypt ${path.basename(file)} (gpg: bad session key).`,
      {
        remedy: 'Pass the passphrase the backup was made with.',
        where: { file },
      },
    );
  }
  if (/no secret key/i.test(stderr)) {
    return new MigrateActionsError(
      'E_BACKUP_KEY',
      `${path.basename(file)} is encrypted to a key that was not given (gpg: no secret key).`,
      {
        remedy: 'Pass the private key matching the recipient listed in the manifest (encryption.recipients).',
        where: { file },
      },
    );
  }
  return new MigrateActionsError('E_BACKUP_DECRYPT', `gpg could not decrypt ${path.basename(file)}: ${stderr || 'unknown error'}.`, {
    remedy: 'The file is damaged or not an OpenPGP message: restore from another backup.',
    where: { file },
  });
}
