/** The migration linter's public API. */
export { lintMigrations } from './lint.js';
export { loadLintConfig, validateLintConfig, CONFIG_FILE, DEFAULT_THRESHOLDS } from './config.js';
export { toSarif, lintExitCode, type SarifOptions } from './output.js';
export { readLintDir, readLintFiles } from './files.js';
export { RULES, ruleById, ruleDocFile, ruleDocUrl, isRuleId, RULE_DOCS_BASE_URL } from './rules/index.js';
export type { RuleMeta, RuleExample } from './rule.js';
export { renderRuleDoc, renderRulesIndex } from './docs.js';
export type * from './types.js';
