/**
 * Passwords from the environment, as libpq finds them when the connection string has none:
 * PGPASSWORD, then the password file (the `passfile` parameter, PGPASSFILE, or ~/.pgpass) —
 * lines of hostname:port:database:username:password, `*` matching anything, `\` escaping `:`
 * and `\`, the first match winning; a file readable by group or others is ignored, as libpq
 * ignores it. Teams on self-hosted runners keep passwords there instead of in URLs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerSecret } from './redact.js';

export interface PasswordLookup {
  host: string;
  port: number;
  database: string;
  user: string;
  passfile?: string;
}

export interface FoundPassword {
  password: string;
  source: 'PGPASSWORD' | 'passfile';
  file?: string;
}

/** Debian's and PostgreSQL's default socket directories count as "localhost", as in libpq. */
const DEFAULT_SOCKET_DIRS = new Set(['/var/run/postgresql', '/run/postgresql', '/tmp']);

export function passwordFromEnvironment(lookup: PasswordLookup, env: NodeJS.ProcessEnv = process.env): FoundPassword | undefined {
  if (env.PGPASSWORD) {
    registerSecret(env.PGPASSWORD);
    return { password: env.PGPASSWORD, source: 'PGPASSWORD' };
  }
  const home = env.HOME ?? os.homedir();
  const file = lookup.passfile || env.PGPASSFILE || (home ? path.join(home, '.pgpass') : undefined);
  if (!file) return undefined;
  const password = passwordFromFile(file, lookup);
  return password === undefined ? undefined : { password, source: 'passfile', file };
}

export function passwordFromFile(file: string, lookup: PasswordLookup): string | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return undefined;
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) return undefined; // libpq: "permissions should be u=rw (0600) or less"
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const host = lookup.host.startsWith('/') && DEFAULT_SOCKET_DIRS.has(lookup.host.replace(/\/$/, '')) ? 'localhost' : lookup.host;
  const wanted = [host, String(lookup.port), lookup.database, lookup.user];
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const fields = splitLine(line);
    if (fields.length < 5) continue;
    for (const f of fields.slice(4)) registerSecret(f);
    const password = fields.slice(4).join(':');
    registerSecret(password);
    if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value)) return password;
  }
  return undefined;
}

/** Splits on unescaped ":" and removes the escapes. */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) current += line[++i];
    else if (c === ':') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}
