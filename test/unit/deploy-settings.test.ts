import { deployCommand, deploySettings } from '../../src/commands/deploy.js';
import { readOptions } from '../../src/commands/options.js';
import type { CommandContext } from '../../src/commands/types.js';

const context: CommandContext = { cwd: process.cwd(), log: () => undefined };
const settingsFrom = (flags: Record<string, string>) =>
  deploySettings(
    readOptions(deployCommand.options, (spec) => flags[spec.name], 'option'),
    context,
  );

describe('deploy settings from options', () => {
  const url = 'postgresql://migrator:pw@db.example.com/app';

  test('production defaults: approval required, drift fails, 5 s lock timeout, 3 retries, 5 health-check attempts', () => {
    const s = settingsFrom({ 'database-url': url });
    expect(s).toMatchObject({
      environment: 'production',
      requireApproval: true,
      driftPolicy: 'fail',
      lockTimeoutMs: 5000,
      retries: 3,
      healthCheckAttempts: 5,
      onFailure: 'stop',
      skipBackup: false,
    });
  });

  test('other environments: no approval, drift warns', () => {
    expect(settingsFrom({ 'database-url': url, environment: 'staging' })).toMatchObject({ requireApproval: false, driftPolicy: 'warn' });
  });

  test('explicit values win', () => {
    const s = settingsFrom({
      'database-url': url,
      environment: 'staging',
      'require-approval': 'true',
      'drift-policy': 'ignore',
      'health-check-attempts': '2',
      'lock-timeout': '750ms',
    });
    expect(s).toMatchObject({ requireApproval: true, driftPolicy: 'ignore', healthCheckAttempts: 2, lockTimeoutMs: 750 });
  });

  test('invalid policy values are input errors naming the option', () => {
    expect(() => settingsFrom({ 'database-url': url, 'require-approval': 'maybe' })).toThrow(/require-approval is "maybe"/);
    expect(() => settingsFrom({ 'database-url': url, 'drift-policy': 'panic' })).toThrow(/drift-policy is "panic"/);
  });
});
