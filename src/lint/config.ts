/**
 * Linter configuration: `.migration-lint.json` in the project, or a `migrationLint` section in
 * package.json. Changes rule severities, turns rules off, sets size thresholds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MigrateActionsError } from '../errors.js';
import { isRuleId } from './rules/index.js';
import type { LintConfig, SizeThresholds } from './types.js';

export const CONFIG_FILE = '.migration-lint.json';

export const DEFAULT_THRESHOLDS: SizeThresholds = {
  smallRows: 10_000,
  smallBytes: 10 * 1024 * 1024,
  largeRows: 1_000_000,
  largeBytes: 1024 * 1024 * 1024,
};

const SETTINGS = new Set(['error', 'warning', 'notice', 'off']);

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MigrateActionsError('E_LINT_CONFIG', `${file} is not valid JSON: ${(error as Error).message}`, {
      where: { file },
      remedy: 'Fix the JSON syntax (see docs/rules/README.md for the format).',
    });
  }
}

/** Reads the project's lint configuration; an empty config when there is none. */
export async function loadLintConfig(projectDir: string): Promise<LintConfig & { source?: string }> {
  const file = path.join(projectDir, CONFIG_FILE);
  const own = await readJson(file);
  if (own !== undefined) return { ...validateLintConfig(own, file), source: file };
  const pkgFile = path.join(projectDir, 'package.json');
  const pkg = (await readJson(pkgFile)) as { migrationLint?: unknown } | undefined;
  if (pkg?.migrationLint !== undefined) return { ...validateLintConfig(pkg.migrationLint, `${pkgFile} (migrationLint)`), source: pkgFile };
  return {};
}

export function validateLintConfig(raw: unknown, file: string): LintConfig {
  const bad = (why: string): MigrateActionsError =>
    new MigrateActionsError('E_LINT_CONFIG', `Invalid lint configuration in ${file}: ${why}.`, {
      where: { file },
      remedy:
        'Use { "rules": { "<rule-id>": "error" | "warning" | "notice" | "off" }, "thresholds": { "smallRows": 10000, ... }, "statementTimeoutMs": 5000 } with rule ids from docs/rules/README.md.',
    });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('expected an object');
  const input = raw as Record<string, unknown>;
  const config: LintConfig = {};
  if (input.rules !== undefined) {
    if (!input.rules || typeof input.rules !== 'object') throw bad('"rules" must be an object');
    config.rules = {};
    for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
      if (!isRuleId(id)) throw bad(`unknown rule "${id}"`);
      if (typeof value !== 'string' || !SETTINGS.has(value))
        throw bad(`rule "${id}" must be error, warning, notice or off (got ${JSON.stringify(value)})`);
      config.rules[id] = value as 'error';
    }
  }
  if (input.thresholds !== undefined) {
    const thresholds = input.thresholds as Record<string, unknown>;
    config.thresholds = {};
    for (const [key, value] of Object.entries(thresholds ?? {})) {
      if (!(key in DEFAULT_THRESHOLDS)) throw bad(`unknown threshold "${key}"`);
      if (typeof value !== 'number' || value < 0) throw bad(`threshold "${key}" must be a non-negative number`);
      config.thresholds[key as keyof SizeThresholds] = value;
    }
  }
  if (input.statementTimeoutMs !== undefined) {
    if (typeof input.statementTimeoutMs !== 'number' || input.statementTimeoutMs <= 0)
      throw bad('"statementTimeoutMs" must be a positive number');
    config.statementTimeoutMs = input.statementTimeoutMs;
  }
  return config;
}
