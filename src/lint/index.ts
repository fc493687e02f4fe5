/** The migration linter's public API. */
export { lintMigrations } from './lint.js';
export { loadLintConfig, validateLintConfig, CONFIG_FILE, DEFAULT_THRESHOLDS } from './config.js';
export { toSarif, formatLintText, lintExitCode, type SarifOptions } from './output.js';
export { readLintDir, readLintFiles } from './files.js';
export { RULES, ruleById, ruleDocFile, type RuleMeta, type RuleExample } from './rules.js';
export { renderRuleDoc, renderRulesIndex } from './docs.js';
export type * from './types.js';
