/**
 * The one redaction function every output path uses. Secrets are registered once (passwords
 * from database URLs, passphrases, tokens) and masked wherever text leaves the process: logs,
 * errors, summaries, PR comments, JSON reports, audit records.
 */
const MASK = '***';
const registered = new Set<string>();
/** `registered`, longest first (so a secret containing another is masked whole); rebuilt on change. */
let longestFirst: string[] | undefined;
const listeners: Array<(secret: string) => void> = [];

/**
 * Registers a secret so `redact` masks it from now on, in every form it may be written in: as
 * given, percent-decoded, percent-encoded (component and form style, either hex case), and
 * JSON-escaped (a report may carry it inside a JSON string).
 */
export function registerSecret(secret: string | undefined | null): void {
  if (!secret || secret.length < 3) return; // too short to mask without shredding ordinary text
  for (const form of secretForms(secret)) {
    if (registered.has(form)) continue;
    registered.add(form);
    longestFirst = undefined;
    for (const listener of listeners) listener(form);
  }
}

function secretForms(secret: string): Set<string> {
  const forms = new Set<string>();
  const add = (form: string | undefined): void => {
    if (form && form.length >= 3) forms.add(form);
  };
  const bases = [secret];
  try {
    const decoded = decodeURIComponent(secret);
    if (decoded !== secret) bases.push(decoded);
  } catch {
    /* not percent-encoded */
  }
  for (const base of bases) {
    add(base);
    const encoded = encodeURIComponent(base);
    add(encoded);
    add(encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    add(encodeURIComponent(base).replace(/%20/g, '+'));
    add(encodeURI(base));
    add(JSON.stringify(base).slice(1, -1));
  }
  return forms;
}

/** Called for each secret registered now and later (the GitHub layer forwards to core.setSecret). */
export function onSecretRegistered(listener: (secret: string) => void): void {
  listeners.push(listener);
  for (const secret of registered) listener(secret);
}

/**
 * A last line of defence for text that never went through the parser (a server's or tool's own
 * message quoting a URL): postgres://user:password@host → postgres://user:***@host, up to the
 * last "@" of the word, since a raw "@" may be part of the password. URLs this tool shows are
 * rendered masked from their parsed parts (url.ts), not by this pattern.
 */
const URL_PASSWORD = /\b((?:postgres(?:ql)?|prisma(?:\+postgres)?):\/\/[^:/?#@\s'"]*:)([^\s'"]*)@/gi;
/** password=secret in libpq keyword/value strings and query parameters. */
const KEYWORD_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'";]+)/gi;

export function redact(text: string): string {
  if (!text) return text;
  let out = text;
  // Each pattern only where it can match (reports redact thousands of short strings).
  if (out.includes('://')) out = out.replace(URL_PASSWORD, (_m, head: string, pw: string) => (pw ? `${head}${MASK}@` : `${head}@`));
  if (/password/i.test(out)) out = out.replace(KEYWORD_PASSWORD, (_m, head: string) => `${head}${MASK}`);
  longestFirst ??= [...registered].sort((a, b) => b.length - a.length);
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Redacts every string inside a JSON-able value (for JSON reports and audit records). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as unknown as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as unknown as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = redactDeep(item);
    return out as T;
  }
  return value;
}

/** For tests only: forget registered secrets. */
export function clearSecretsForTests(): void {
  registered.clear();
  longestFirst = undefined;
}
