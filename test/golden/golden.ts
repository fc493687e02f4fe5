/**
 * Golden files: one text file per case under test/golden/__golden__/, made of sections
 * (`-- console --`, `-- summary.md --` …) like txtar, so a review sees every word a user reads
 * for that case in one diff. `UPDATE_GOLDEN=1 npm test -- test/golden` rewrites them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

export type GoldenSections = Array<[name: string, text: string | undefined]>;

export function goldenText(sections: GoldenSections): string {
  return sections
    .filter((section): section is [string, string] => section[1] !== undefined)
    .map(([name, text]) => `-- ${name} --\n${text.endsWith('\n') ? text : `${text}\n`}`)
    .join('');
}

/** Compares with (or, under UPDATE_GOLDEN=1, writes) `__golden__/<name>.txt`; a difference throws a line diff. */
export function expectGolden(name: string, sections: GoldenSections): void {
  const file = path.join(GOLDEN_DIR, `${name}.txt`);
  const actual = goldenText(sections);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(`No golden file ${path.relative(process.cwd(), file)}. Create it with: UPDATE_GOLDEN=1 npm test -- test/golden`);
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (actual === expected) return;
  throw new Error(
    `${path.relative(process.cwd(), file)} differs (- golden, + this run). If the change is intended: UPDATE_GOLDEN=1 npm test -- test/golden\n\n${lineDiff(expected, actual)}`,
  );
}

/** A unified-style line diff (longest common subsequence), with 2 lines of context. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Array<[' ' | '-' | '+', string]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push([' ', a[(j++, i++)]]);
    else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push(['+', b[j++]]);
    else ops.push(['-', a[i++]]);
  }
  const near = (index: number) => ops.slice(Math.max(0, index - 2), index + 3).some(([op]) => op !== ' ');
  const out: string[] = [];
  let skipped = false;
  ops.forEach(([op, line], index) => {
    if (near(index)) {
      out.push(`${op} ${line}`);
      skipped = false;
    } else if (!skipped) {
      out.push('  …');
      skipped = true;
    }
  });
  return out.join('\n');
}
