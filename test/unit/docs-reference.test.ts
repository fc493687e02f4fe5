/**
 * action.yml, README's action reference, docs/actions/ and the error-code table are generated
 * from the declarations: one edit of a spec reaches all of them, and the committed files are
 * what the generator writes (as `npm run check:docs` checks in CI).
 */
import fs from 'node:fs';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/commands/index.js';
import {
  actionCommands,
  actionPage,
  actionReference,
  errorCodeTable,
  renderActionYml,
  type ActionCommand,
  actionInputs,
} from '../../src/docs/reference.js';
import { ERROR_CODES } from '../../src/error-codes.js';

const read = (file: string): string => fs.readFileSync(file, 'utf8');

describe('generated action metadata and docs', () => {
  test('the seven actions are the commands that declare one', () => {
    expect(actionCommands().map((c) => c.action.id)).toEqual([
      'migration-test',
      'drift-check',
      'backup',
      'restore',
      'prod-deploy',
      'fleet-plan',
      'fleet-summary',
    ]);
  });

  test.each(actionCommands().map((c) => [c.action.id, c] as const))('actions/%s/action.yml is the generated text', (id, command) => {
    const text = read(`actions/${id}/action.yml`);
    expect(text).toBe(renderActionYml(command));
    expect(text.split('\n')[0]).toMatch(/^# Generated .* do not edit/);
    const meta = parse(text) as {
      inputs: Record<string, { description: string; required: boolean; default?: string }>;
      outputs: Record<string, { description: string }>;
    };
    for (const spec of actionInputs(command)) {
      expect(meta.inputs[spec.name]).toEqual({
        description: spec.description,
        required: spec.required === true,
        ...((spec.actionDefault ?? spec.default) !== undefined ? { default: spec.actionDefault ?? spec.default } : {}),
      });
    }
    expect(Object.keys(meta.outputs)).toEqual(command.outputs.map((o) => o.name));
    expect(read(`docs/actions/${id}.md`)).toBe(actionPage(command));
  });

  test('github-token keeps its action-only default, the job token', () => {
    for (const command of actionCommands().filter((c) => c.options.some((o) => o.name === 'github-token'))) {
      const meta = parse(renderActionYml(command)) as { inputs: Record<string, { default?: string }> };
      expect(meta.inputs['github-token'].default).toBe('${{ github.token }}');
    }
  });

  test('README and troubleshooting hold the generated sections', () => {
    expect(read('README.md')).toContain(actionReference());
    expect(read('docs/troubleshooting.md')).toContain(errorCodeTable());
  });

  test('one edit of a spec description changes action.yml, the README reference and the docs page', () => {
    const deploy = COMMANDS.find((c) => c.name === 'deploy') as ActionCommand;
    const edited: ActionCommand = {
      ...deploy,
      options: deploy.options.map((o) => (o.name === 'lock-timeout' ? { ...o, description: 'Edited once, seen everywhere.' } : o)),
      outputs: deploy.outputs.map((o) => (o.name === 'applied' ? { ...o, description: 'Output edited once.' } : o)),
    };
    const commands = COMMANDS.map((c) => (c === deploy ? edited : c));
    for (const text of [renderActionYml(edited), actionReference(commands), actionPage(edited)]) {
      expect(text).toContain('Edited once, seen everywhere.');
      expect(text).toContain('Output edited once.');
    }
    expect(actionReference(commands)).not.toBe(actionReference());
  });

  test('the error-code table lists every registered code with its kind and CLI exit code', () => {
    const table = errorCodeTable();
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(table).toContain(`| \`${code}\` | ${info.kind} | ${info.kind === 'usage' ? 2 : 1} |`);
    }
  });
});
