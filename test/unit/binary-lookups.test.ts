/**
 * What the check asks of the machine, asked once: `--version` of each executable (Debian's
 * pg_wrapper is a Perl start per call) and the postgres user's ids (from /etc/passwd, not two
 * `id` processes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binaryVersion, findClientTool } from '../../src/postgres/binaries.js';
import { passwdIds } from '../../src/postgres/ephemeral.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-binver-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake tool that prints `version` and counts its runs in `<file>.runs`. */
function fakeTool(name: string, version: string, exitCode = 0): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\necho x >> "$0.runs"\necho "${name} (PostgreSQL) ${version}"\nexit ${exitCode}\n`, { mode: 0o755 });
  return file;
}
const runs = (file: string) => (fs.existsSync(`${file}.runs`) ? fs.readFileSync(`${file}.runs`, 'utf8').split('\n').length - 1 : 0);

describe('binaryVersion', () => {
  it('runs each executable once, however many ask, at once or later', async () => {
    const tool = fakeTool('tool-a', '16.4');
    const answers = await Promise.all([binaryVersion(tool), binaryVersion(tool), binaryVersion(tool)]);
    expect(answers).toEqual([
      { major: 16, version: '16.4' },
      { major: 16, version: '16.4' },
      { major: 16, version: '16.4' },
    ]);
    expect(await binaryVersion(tool)).toEqual({ major: 16, version: '16.4' });
    expect(runs(tool)).toBe(1);
  });

  it('asks again when the file at that path was replaced', async () => {
    const tool = fakeTool('tool-b', '15.2');
    expect(await binaryVersion(tool)).toEqual({ major: 15, version: '15.2' });
    fs.rmSync(tool);
    fs.rmSync(`${tool}.runs`);
    fakeTool('tool-b', '17.1 (a longer line, so the size differs)');
    expect(await binaryVersion(tool)).toEqual({ major: 17, version: '17.1' });
    expect(runs(tool)).toBe(1);
  });

  it('does not remember a tool that failed, and says undefined for it', async () => {
    const tool = fakeTool('tool-c', '14.0', 3);
    expect(await binaryVersion(tool)).toBeUndefined();
    expect(await binaryVersion(tool)).toBeUndefined();
    expect(runs(tool)).toBe(2);
    expect(await binaryVersion(path.join(dir, 'missing'))).toBeUndefined();
  });
});

describe('findClientTool', () => {
  it('takes the oldest major that can handle the server, from PATH, asking each tool once', async () => {
    const [old, newer] = ['old', 'new'].map((sub) => {
      fs.mkdirSync(path.join(dir, sub));
      return path.join(dir, sub);
    });
    // PATH candidates only matter where /usr/lib/postgresql has none of that major; these report majors no system has.
    const write = (sub: string, major: number) => {
      const file = path.join(sub, 'pg_dump');
      fs.writeFileSync(file, `#!/bin/sh\necho x >> "$0.runs"\necho "pg_dump (PostgreSQL) ${major}.1"\n`, { mode: 0o755 });
      return file;
    };
    const oldDump = write(old, 90);
    const newDump = write(newer, 91);
    const saved = process.env.PATH;
    process.env.PATH = [newer, old, saved].join(path.delimiter);
    try {
      expect(await findClientTool('pg_dump', 90)).toEqual({ path: oldDump, major: 90 });
      expect(await findClientTool('pg_dump', 91)).toEqual({ path: newDump, major: 91 });
      expect(await findClientTool('pg_dump', 92)).toBeUndefined();
    } finally {
      process.env.PATH = saved;
    }
    expect([runs(oldDump), runs(newDump)]).toEqual([1, 1]);
  });
});

describe('passwdIds', () => {
  const passwd =
    'root:x:0:0:root:/root:/bin/bash\npostgresql:x:7:7::/:/bin/sh\npostgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash\n';
  it("reads a user's uid and primary gid", () => {
    expect(passwdIds(passwd, 'postgres')).toEqual({ uid: 101, gid: 104 });
    expect(passwdIds(passwd, 'root')).toEqual({ uid: 0, gid: 0 });
  });
  it('is undefined for a user not listed, or a malformed line', () => {
    expect(passwdIds(passwd, 'nobody')).toBeUndefined();
    expect(passwdIds('postgres:x::104:\n', 'postgres')).toBeUndefined();
    expect(passwdIds('', 'postgres')).toBeUndefined();
  });
});
