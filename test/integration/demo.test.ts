import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDemo } from '../../src/demo/run.js';
import { runDemoCommand } from '../../src/commands/demo.js';

describe("the demo (the README's first command)", () => {
  test('runs the whole chain on the example project and writes every report into one folder', async () => {
    const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pma-demo-test-'));
    const lines: string[] = [];
    try {
      const result = await runDemo({
        projectDir: process.cwd(),
        outputDir,
        print: (line) => lines.push(line),
        color: false,
        runCommand: runDemoCommand,
      });
      const text = lines.join('\n');
      expect(result.ok).toBe(true);
      expect(text).toMatch(/the linter flags the risky migration: lock\/create-index-non-concurrent/);
      // The first pull request's schema.prisma agrees with its migrations (offline: the WebAssembly engine).
      expect(text).toMatch(/✔ schema\.prisma agrees with the migrations: pass — .*: 0 differences;/);
      expect(text).toMatch(/✔ schema\.prisma agrees with the migrations: pass$/m);
      // The second pull request adds a field without a migration: its schema check fails, which the demo expects.
      const second = text.slice(text.indexOf('\n2. '), text.indexOf('\n3. '));
      expect(second).toMatch(/✖ schema\.prisma agrees with the migrations: fail — .*: 1 difference;/);
      expect(second).toMatch(
        /✔ caught, as expected: migration-test exits 1 .*column .*reminders.*snoozed_until.* is in schema\.prisma but no migration creates it/,
      );
      const unmigrated = JSON.parse(fs.readFileSync(path.join(outputDir, 'migration-test-unmigrated-field.json'), 'utf8')) as {
        checks: { name: string; status: string }[];
        findings: { ruleId: string }[];
      };
      expect(unmigrated.checks.find((c) => c.name === 'schema.prisma agrees with the migrations')?.status).toBe('fail');
      expect(unmigrated.findings.map((f) => f.ruleId)).toEqual(['schema/out-of-sync']);
      expect(text).toMatch(/drift found \(2\)/);
      expect(text).toMatch(/0 catalog and 0 row-count differences/);
      expect(lines[lines.length - 1]).toBe(outputDir);
      const files = fs.readdirSync(outputDir);
      for (const expected of [
        'migration-test.json',
        'migration-test.summary.md',
        'migration-test.pr-comment.md',
        'migration-test-unmigrated-field.pr-comment.md',
        'deploy-production.json',
        'restore.json',
      ]) {
        expect(files).toContain(expected);
      }
      expect(files.some((f) => /^audit-production-.*\.json$/.test(f))).toBe(true);
      const backups = fs.readdirSync(path.join(outputDir, 'backups'));
      expect(backups.some((f) => f.endsWith('.sql.custom.gpg'))).toBe(true);
      // The demo's passphrase is a secret like any other: never in a report.
      for (const file of files.filter((f) => f.endsWith('.json') || f.endsWith('.md'))) {
        expect(fs.readFileSync(path.join(outputDir, file), 'utf8')).not.toContain('demo-passphrase-change-me');
      }
    } finally {
      fs.rmSync(outputDir, { recursive: true, force: true });
    }
  }, 300_000);
});
