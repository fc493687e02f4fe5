/** Markdown for docs/rules/: one page per rule and an index table, rendered from the catalogue. */
import type { RuleMeta } from './rule.js';
import { RULES, ruleDocFile } from './rules/index.js';

function sqlBlock(sql: string): string {
  return ['```sql', sql.trim(), '```'].join('\n');
}

function sqlBlocks(label: string, examples: string[]): string[] {
  return examples.length ? [label, '', ...examples.flatMap((sql) => [sqlBlock(sql), ''])] : [];
}

export function renderRuleDoc(rule: RuleMeta): string {
  const { example } = rule;
  const parts = [
    `# ${rule.title}`,
    '',
    `Rule \`${rule.id}\` — default severity: \`${rule.severity}\`${rule.lock ? ` · lock: \`${rule.lock}\`` : ''}`,
    '',
    '## What it flags',
    '',
    rule.flags,
    '',
    rule.scope === 'existing'
      ? 'Only raised for objects that existed before the change set: tables, columns and indexes created earlier in the same migration, or in another migration of the same pull request, are new and empty, so no finding.'
      : 'Raised wherever it occurs, also on objects the change set creates.',
    '',
    '## Lock',
    '',
    rule.lock
      ? `\`${rule.lock}\`${rule.scalable ? ' — with `--database-url`, severity follows the table size: a small table is a notice, a large one an error.' : ''}`
      : 'No table lock of its own.',
    '',
    '## What it blocks',
    '',
    rule.blocks,
    '',
    '## The safe way',
    '',
    rule.safe,
    '',
    ...(example.existing ? ['Given an existing schema:', '', sqlBlock(example.existing), ''] : []),
    ...(example.engine === 'prisma' ? ['Applied with the Prisma CLI (`engine: prisma`).', ''] : []),
    ...sqlBlocks('Flagged:', example.bad),
    ...sqlBlocks('Not flagged:', example.good),
    '## In a Prisma migration',
    '',
    rule.prisma,
    '',
    '## Silencing',
    '',
    'On or above the statement, with a reason:',
    '',
    sqlBlock(`-- lint-ignore ${rule.id}: <why this is safe here>`),
    '',
    `Or change its severity / turn it off in \`.migration-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`,
    '',
  ];
  return parts.join('\n');
}

export function renderRulesIndex(): string {
  const lines = [
    '# Migration lint rules',
    '',
    'Every rule of `prisma-migrate-actions lint`, with its default severity and the lock it takes.',
    'Lock hazards are raised only for objects that existed before the change set; given',
    '`--database-url` (read-only), severities follow table sizes and the data is checked.',
    '',
    'Silence one statement with `-- lint-ignore <rule-id>: <reason>` on or above it; change severities',
    'or turn rules off in `.migration-lint.json` (or `"migrationLint"` in package.json):',
    '',
    '```json',
    '{ "rules": { "types/prefer-timestamptz": "off", "lock/drop-index-non-concurrent": "error" },',
    '  "thresholds": { "smallRows": 10000, "smallBytes": 10485760, "largeRows": 1000000, "largeBytes": 1073741824 },',
    '  "statementTimeoutMs": 5000 }',
    '```',
    '',
    '| rule | severity | lock | what it flags |',
    '| --- | --- | --- | --- |',
  ];
  for (const rule of RULES)
    lines.push(`| [${rule.id}](${ruleDocFile(rule.id)}) | ${rule.severity} | ${rule.lock ?? '—'} | ${rule.title} |`);
  lines.push('');
  return lines.join('\n');
}
