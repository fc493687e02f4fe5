/**
 * Makes two runs of the same case print the same bytes, so golden files can be compared.
 * What varies per run and is replaced, in this order:
 * - paths: each registered text (the repository, temp work dirs, the test run's TMPDIR, test secrets)
 *   → its label; the random tail of temp folders (pma-pg-AbC123) → <id>;
 * - database URLs' ports → <port>, their socket folder (host=%2Ftmp…) → <socket>; generated database
 *   names (pma_<base36>_<hex>) → <db>; PostgreSQL minor versions and build strings (15.18 (Debian …)) → 15.x;
 * - UUIDs → <uuid>;
 * - ISO timestamps → <timestamp>; file name stamps (20250101_120000, 2025-01-01T12-00-00-000Z) → <stamp>;
 * - SHA-256 digests → <sha256>; git commit ids (40 or 12 hex digits) → <commit>; pids → <pid>;
 * - byte sizes (12.3 KiB, 4096 bytes) → <size>;
 * - durations as the one duration formatter writes them (270 ms, 1.2 s, 2 min 3 s) → <duration>.
 *   Only those forms: a raw float such as `269.768424 ms` stays visibly broken in the golden file;
 * - in console text, runs of padding spaces and table rules (widths follow replaced values) → two spaces / `---`.
 * JSON is normalised structurally first (numbers under timing, size, pid and version-number keys
 * become 0) and printed with short arrays and objects on one line, so a table row reads as a row.
 */
export interface Normaliser {
  /** Replace every occurrence of `text` with `label` (longest registered first). */
  register(text: string | undefined, label: string): void;
  text(value: string): string;
  console(value: string): string;
  json(value: unknown): string;
}

const VARYING_NUMBER_KEY = /(Ms|^ms|Bytes|^bytes|SizeBefore|SizeAfter|^pid|^port|versionNum|^size-bytes|^queries|^samples)$/;

export function createNormaliser(): Normaliser {
  const replacements: Array<[string, string]> = [];
  const normaliseText = (value: string): string => {
    let out = value;
    for (const [from, to] of [...replacements].sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(to);
    return (
      out
        .replace(/host=%2F[^&\s"]*/g, 'host=<socket>')
        .replace(/(pma-[a-z0-9-]+-)[A-Za-z0-9]{6}\b/g, '$1<id>')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
        .replace(/\b(PostgreSQL |pg_dump |pg_restore |psql |")(\d{2})\.\d+(?: \((?:Debian|Ubuntu)[^)]*\))?/g, '$1$2.x')
        .replace(/((?:127\.0\.0\.1|localhost|\[::1\]|%2F[^:@/\s]*)):\d{2,5}\b/g, '$1:<port>')
        .replace(/\bport \d{2,5}\b/g, 'port <port>')
        .replace(/\bpma_[0-9a-z]{6,12}_[0-9a-f]{6}\b/g, '<db>')
        .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?/g, '<timestamp>')
        .replace(/\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d(?::?\d\d)?| UTC)?/g, '<timestamp>')
        .replace(/(?<!\d)\d{8}_\d{6}(?!\d)/g, '<stamp>')
        .replace(/\b\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(?:-\d+)?Z/g, '<stamp>')
        .replace(/\b[0-9a-f]{64}\b/g, '<sha256>')
        .replace(/\b[0-9a-f]{40}\b/g, '<commit>')
        .replace(/\(([0-9a-f]{12})\)/g, '(<commit>)')
        .replace(/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12}\b/g, '<commit>')
        .replace(/\bpid[ =:]+\d+/gi, 'pid <pid>')
        .replace(/\b\d+(?:\.\d+)? (?:B|bytes|KiB|MiB|GiB|kB|MB|GB)\b/g, '<size>')
        .replace(/\b\d+ min \d+ s\b/g, '<duration>')
        .replace(/\b\d+(?:\.\d)? s\b/g, '<duration>')
        .replace(/\b\d+ ms\b/g, '<duration>')
        // What the production-scale rehearsal measured (queries run, samples taken, queries blocked).
        .replace(/\((\d+) (queries|samples)\)/g, '(<n> $2)')
        .replace(/\b(yes|no)( \| | {2})\d+\2(<duration>|—)/g, '$1$2<n>$2$3')
    );
  };
  return {
    register(text, label) {
      if (text && text.length > 1) replacements.push([text, label]);
    },
    text: normaliseText,
    console: (value) =>
      normaliseText(value)
        .replace(/-{3,}/g, '---')
        .replace(/(\S) {2,}/g, '$1  ')
        .replace(/ +$/gm, ''),
    json: (value) => normaliseText(compactJson(zeroVaryingNumbers(value), '')) + '\n',
  };
}

function zeroVaryingNumbers(value: unknown, key = '', parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => zeroVaryingNumbers(item, key, parentKey));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Steps that run side by side record their timings in the order they finish.
    const entries = Object.entries(value);
    if (/^timings/.test(key)) entries.sort(([a], [b]) => a.localeCompare(b));
    for (const [k, v] of entries) out[k] = zeroVaryingNumbers(v, k, key);
    return out;
  }
  const varying = VARYING_NUMBER_KEY.test(key) || /^timings/.test(parentKey);
  if (typeof value === 'number' && varying) return 0;
  if (typeof value === 'string' && varying && /^\d+$/.test(value)) return '0'; // step outputs are strings
  return value;
}

/** JSON with two-space indent, but arrays and objects that fit in 100 characters on one line. */
function compactJson(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (typeof value !== 'object' || value === null || flat.length + indent.length <= 100) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + compactJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
