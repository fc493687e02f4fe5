import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file whole, readable by its owner only, leaving no temporary file', () => {
    const file = path.join(dir, 'manifest.json');
    fs.writeFileSync(file, 'old');
    writeFileAtomic(file, '{"new":true}\n', { sync: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('on a failed rename keeps the old file and removes the temporary one', () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true }); // a non-empty folder cannot be renamed over
    expect(() => writeFileAtomic(target, 'x', { temporary: path.join(dir, 'occupied.tmp') })).toThrow();
    expect(fs.existsSync(path.join(dir, 'occupied.tmp'))).toBe(false);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });
});
