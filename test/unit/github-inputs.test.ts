import {
  getBooleanInput,
  getDurationInput,
  getEnumInput,
  getIntegerInput,
  getListInput,
  getSecretInput,
  getStringInput,
  parseDuration,
  registerSecretsWithActions,
} from '../../src/github/inputs.js';
import { describeError, isMigrateActionsError } from '../../src/errors.js';
import { redact, registerSecret } from '../../src/postgres/redact.js';
import { captureRunnerLog } from '../helpers/github-api.js';

/** The runner's convention: INPUT_ + name upper-cased, spaces → _, hyphens kept. */
function setInput(name: string, value: string): void {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});

describe('string, required and default', () => {
  test('reads INPUT_<NAME> with hyphens kept, trimmed', () => {
    setInput('database-url', '  postgresql://u@h/db \n');
    expect(process.env['INPUT_DATABASE-URL']).toBeDefined();
    expect(getStringInput('database-url')).toBe('postgresql://u@h/db');
    setInput('base ref', 'main');
    expect(process.env.INPUT_BASE_REF).toBe('main');
    expect(getStringInput('base ref')).toBe('main');
  });

  test('missing → default, or INPUT_REQUIRED naming the input', () => {
    expect(getStringInput('schema', { default: 'public' })).toBe('public');
    expect(getStringInput('schema')).toBeUndefined();
    const error = thrown(() => getStringInput('database-url', { required: true }));
    expect(isMigrateActionsError(error, 'INPUT_REQUIRED')).toBe(true);
    expect(describeError(error)).toContain('Input "database-url" is required');
  });
});

describe('boolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s → %s', (value, expected) => {
    setInput('dry-run', value);
    expect(getBooleanInput('dry-run')).toBe(expected);
  });

  test('anything else names the input and the allowed values', () => {
    setInput('dry-run', 'yes');
    expect(describeError(thrown(() => getBooleanInput('dry-run')))).toContain(
      'Input "dry-run" has the value "yes", which is not `true` or `false`.',
    );
    delete process.env['INPUT_DRY-RUN'];
    expect(getBooleanInput('dry-run', { default: true })).toBe(true);
  });
});

describe('integer', () => {
  test('in range', () => {
    setInput('seed-rows', '50');
    expect(getIntegerInput('seed-rows', { min: 0, max: 10_000 })).toBe(50);
  });

  test.each([
    ['12.5', 'which is not a whole number between 0 and 100'],
    ['abc', 'which is not a whole number between 0 and 100'],
    ['101', 'which is not a whole number between 0 and 100'],
    ['-1', 'which is not a whole number between 0 and 100'],
  ])('%s is refused', (value, message) => {
    setInput('retries', value);
    const error = thrown(() => getIntegerInput('retries', { min: 0, max: 100 }));
    expect(isMigrateActionsError(error, 'INPUT_INVALID')).toBe(true);
    expect(error.message).toContain(`Input "retries" has the value "${value}", ${message}`);
  });
});

describe('duration', () => {
  test.each([
    ['5s', 5000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
    ['750', 750],
    [' 3 s ', 3000],
  ])('%j → %d ms', (value, ms) => {
    setInput('lock-timeout', value);
    expect(getDurationInput('lock-timeout')).toBe(ms);
  });

  test('bad forms and out-of-range values are refused', () => {
    setInput('lock-timeout', '5 seconds');
    expect(thrown(() => getDurationInput('lock-timeout')).message).toContain('which is not a duration such as "500ms", "5s", "2m", "1h"');
    setInput('lock-timeout', '10m');
    expect(thrown(() => getDurationInput('lock-timeout', { max: 60_000 })).message).toContain('a duration in milliseconds at most 60000');
    expect(parseDuration('-5s')).toBeUndefined();
  });
});

describe('enum and list', () => {
  test('enum accepts listed values only', () => {
    setInput('on-failure', 'restore');
    expect(getEnumInput('on-failure', ['restore', 'mark-rolled-back', 'stop'] as const)).toBe('restore');
    setInput('on-failure', 'panic');
    expect(thrown(() => getEnumInput('on-failure', ['restore', 'mark-rolled-back', 'stop'] as const)).message).toBe(
      'Input "on-failure" has the value "panic", which is not one of "restore", "mark-rolled-back", "stop".',
    );
  });

  test('list splits on newlines and commas', () => {
    setInput('ignore', 'audit.*\n  legacy_table, tmp_*\n\n,');
    expect(getListInput('ignore')).toEqual(['audit.*', 'legacy_table', 'tmp_*']);
    expect(getListInput('nothing')).toEqual([]);
  });
});

describe('secrets', () => {
  let log: ReturnType<typeof captureRunnerLog>;
  beforeEach(() => {
    log = captureRunnerLog();
  });
  afterEach(() => log.restore());

  test('registered secrets, earlier and later, are masked in the runner log via ::add-mask::', () => {
    registerSecret('early-secret-value');
    registerSecretsWithActions();
    registerSecretsWithActions(); // idempotent: each secret masked once
    registerSecret('late-secret-value');
    const masks = log.lines().filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::early-secret-value');
    expect(masks).toContain('::add-mask::late-secret-value');
    expect(masks.filter((line) => line === '::add-mask::late-secret-value')).toHaveLength(1);
  });

  test('a secret input is registered for redaction and masked', () => {
    setInput('backup-passphrase', 'correct horse battery');
    expect(getSecretInput('backup-passphrase')).toBe('correct horse battery');
    expect(redact('pass: correct horse battery')).toBe('pass: ***');
    expect(log.lines()).toContain('::add-mask::correct horse battery');
  });

  test('an invalid value that is a secret is masked in the error', () => {
    registerSecret('hunter2-secret');
    setInput('dry-run', 'hunter2-secret');
    expect(thrown(() => getBooleanInput('dry-run')).message).toContain('"***"');
  });
});
