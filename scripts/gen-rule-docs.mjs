/** Writes docs/rules/ from the rule catalogue in src/lint/rules/ (one source for code and docs). */
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const lint = await tsImport('../src/lint/index.ts', import.meta.url);
const dir = path.join(root, 'docs', 'rules');
fs.mkdirSync(dir, { recursive: true });
for (const rule of lint.RULES) fs.writeFileSync(path.join(dir, lint.ruleDocFile(rule.id)), lint.renderRuleDoc(rule));
fs.writeFileSync(path.join(dir, 'README.md'), lint.renderRulesIndex());
console.log(`Wrote ${lint.RULES.length} rule pages and the index to docs/rules/.`);
