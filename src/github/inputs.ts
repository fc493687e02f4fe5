/**
 * Typed action inputs. Each reader validates and throws a MigrateActionsError that names the
 * input, the value and what is allowed, so `getInputs()` in an action fails before any work.
 * Values come from INPUT_<NAME> environment variables, as the runner sets them.
 */
import * as core from '@actions/core';
import { MigrateActionsError } from '../errors.js';
import { onSecretRegistered, redact, registerSecret } from '../postgres/redact.js';
import { parseDuration } from '../commands/options.js';

export interface InputOptions<T> {
  required?: boolean;
  default?: T;
}

/** The raw, trimmed value; '' when unset. */
function rawInput(name: string): string {
  return core.getInput(name);
}

function invalid(name: string, value: string, allowed: string): MigrateActionsError {
  return new MigrateActionsError('INPUT_INVALID', `Input "${name}" has the value "${redact(value)}", which is not ${allowed}.`, {
    remedy: `Set "${name}" to ${allowed} in the workflow's \`with:\` block (or remove it to use the default).`,
    details: { input: name },
  });
}

function missing(name: string): MigrateActionsError {
  return new MigrateActionsError('INPUT_REQUIRED', `Input "${name}" is required and was not supplied.`, {
    remedy: `Add \`${name}: …\` to the step's \`with:\` block.`,
    details: { input: name },
  });
}

/** Reads the input and returns the default (or throws when required) when it is empty. */
function readWith<T>(name: string, options: InputOptions<T>, parse: (value: string) => T): T | undefined {
  const value = rawInput(name);
  if (value === '') {
    if (options.required) throw missing(name);
    return options.default;
  }
  return parse(value);
}

export function getStringInput(name: string, options: InputOptions<string> & { required: true }): string;
export function getStringInput(name: string, options: InputOptions<string> & { default: string }): string;
export function getStringInput(name: string, options?: InputOptions<string>): string | undefined;
export function getStringInput(name: string, options: InputOptions<string> = {}): string | undefined {
  return readWith(name, options, (value) => value);
}

/** A token, password or passphrase: registered for redaction before anything can print it. */
export function getSecretInput(name: string, options: InputOptions<string> = {}): string | undefined {
  const value = readWith(name, options, (text) => text);
  registerSecret(value);
  if (value) core.setSecret(value);
  return value;
}

const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);

/** YAML 1.2 core-schema booleans, as @actions/core accepts them. */
export function getBooleanInput(name: string, options: InputOptions<boolean> & { default: boolean }): boolean;
export function getBooleanInput(name: string, options?: InputOptions<boolean>): boolean | undefined;
export function getBooleanInput(name: string, options: InputOptions<boolean> = {}): boolean | undefined {
  return readWith(name, options, (value) => {
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    throw invalid(name, value, '`true` or `false`');
  });
}

export interface IntegerOptions extends InputOptions<number> {
  min?: number;
  max?: number;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return '';
}

function checkRange(name: string, value: string, parsed: number, options: IntegerOptions, unit: string): number {
  const { min, max } = options;
  if ((min !== undefined && parsed < min) || (max !== undefined && parsed > max)) {
    throw invalid(name, value, `${unit} ${rangeText(min, max)}`.trim());
  }
  return parsed;
}

export function getIntegerInput(name: string, options: IntegerOptions & { default: number }): number;
export function getIntegerInput(name: string, options?: IntegerOptions): number | undefined;
export function getIntegerInput(name: string, options: IntegerOptions = {}): number | undefined {
  return readWith(name, options, (value) => {
    if (!/^[+-]?\d+$/.test(value)) throw invalid(name, value, `a whole number ${rangeText(options.min, options.max)}`.trim());
    return checkRange(name, value, Number(value), options, 'a whole number');
  });
}

const DURATION_FORMS = 'a duration such as "500ms", "5s", "2m", "1h" or a number of milliseconds';

// One duration grammar for the CLI options and these readers.
export { parseDuration };

export function getDurationInput(name: string, options: IntegerOptions & { default: number }): number;
export function getDurationInput(name: string, options?: IntegerOptions): number | undefined;
export function getDurationInput(name: string, options: IntegerOptions = {}): number | undefined {
  return readWith(name, options, (value) => {
    const ms = parseDuration(value);
    if (ms === undefined) throw invalid(name, value, DURATION_FORMS);
    return checkRange(name, value, ms, options, 'a duration in milliseconds');
  });
}

export function getEnumInput<T extends string>(name: string, values: readonly T[], options: InputOptions<T> & { default: T }): T;
export function getEnumInput<T extends string>(name: string, values: readonly T[], options?: InputOptions<T>): T | undefined;
export function getEnumInput<T extends string>(name: string, values: readonly T[], options: InputOptions<T> = {}): T | undefined {
  return readWith(name, options, (value) => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw invalid(name, value, `one of ${values.map((v) => `"${v}"`).join(', ')}`);
  });
}

/** Entries separated by newlines or commas, trimmed, empty ones dropped. */
export function getListInput(name: string, options: InputOptions<string[]> = {}): string[] {
  return (
    readWith(name, options, (value) =>
      value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ) ?? []
  );
}

let forwarding = false;

/** Masks every secret the library registers (URL passwords, passphrases, tokens) in the runner's log too. */
export function registerSecretsWithActions(): void {
  if (forwarding) return;
  forwarding = true;
  onSecretRegistered((secret) => core.setSecret(secret));
}
