/** Markdown for docs/rules/: one page per rule and an index table, rendered from the catalogue. */
import { RULES, ruleDocFile, type RuleMeta } from './rules.js';

function sqlBlock(sql: string): string {
  return ['```sql', sql.trim(), '```'].join('\n');
}

export function renderRuleDoc(rule: RuleMeta): string {
  const parts = [
    `# ${rule.id}`,
    '',
    `**${rule.title}** — default severity: \`${rule.severity}\``,
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
  ];
  if (rule.example.existing) parts.push('Given an existing table:', '', sqlBlock(rule.example.existing), '');
  parts.push('Flagged:', '', sqlBlock(rule.example.hazard), '');
  if (rule.example.safe) parts.push('Instead:', '', sqlBlock(rule.example.safe), '');
  parts.push(
    '## In a Prisma migration',
    '',
    rule.prisma,
    '',
    ...(rule.example.safe ? ['The edited `prisma/migrations/<timestamp>_<name>/migration.sql`:', '', sqlBlock(rule.example.safe), ''] : []),
    '## Silencing',
    '',
    'On or above the statement, with a reason:',
    '',
    sqlBlock(`-- lint-ignore ${rule.id}: <why this is safe here>`),
    '',
    `Or change its severity / turn it off in \`.migration-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`,
    '',
  );
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
