/**
 * Rules about the migration files and lint-ignore comments themselves: SQL that does not parse,
 * and silencing comments that silence nothing.
 */
import type { RawFinding } from '../lint.js';
import type { IgnoreComment } from '../suppress.js';
import type { LintSource } from '../types.js';
import { rule, type RuleFamily } from '../rule.js';

export const META_RULES = [
  rule({
    id: 'lint/syntax-error',
    severity: 'error',
    scope: 'any',
    scalable: false,
    title: 'SQL that PostgreSQL cannot parse',
    flags: "A migration file PostgreSQL's parser rejects; the position is the parser's.",
    blocks: 'Nothing: the migration fails at this statement when applied.',
    safe: 'Fix the syntax at the reported line and column.',
    prisma: 'Edit migration.sql; `prisma migrate dev` would fail on the same text.',
    example: {
      bad: ['CREATE TABLE t (id bigint,);', 'CREATE TABLE t (id bigint);\nALTER TABEL t ADD COLUMN name text;'],
      good: ['CREATE TABLE t (id bigint);'],
    },
  }),
  rule({
    id: 'lint/ignore-without-reason',
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'lint-ignore comment without a reason',
    flags: 'A `-- lint-ignore rule-id` comment that gives no reason after a colon; it silences nothing.',
    blocks: 'Nothing.',
    safe: 'Write the reason: `-- lint-ignore lock/create-index-non-concurrent: table is empty in prod`.',
    prisma: 'Put the comment on the line above the statement in migration.sql.',
    example: {
      bad: [
        '-- lint-ignore types/prefer-jsonb\nCREATE TABLE t (doc json);',
        '/* lint-ignore types/prefer-jsonb */\nCREATE TABLE t (doc json);',
      ],
      good: ['-- lint-ignore types/prefer-jsonb: payloads are stored verbatim\nCREATE TABLE t (doc json);'],
    },
  }),
  rule({
    id: 'lint/unknown-rule',
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'lint-ignore names a rule that does not exist',
    flags: 'A `-- lint-ignore` comment naming an unknown rule id (a typo silences nothing).',
    blocks: 'Nothing.',
    safe: 'Use an id from docs/rules/README.md.',
    prisma: 'Fix the id in the comment in migration.sql.',
    example: {
      bad: [
        '-- lint-ignore lock/no-such-rule: typo\nCREATE TABLE t (id bigint);',
        '-- lint-ignore types/prefer-jsonb, lock/typo: stored verbatim\nCREATE TABLE t (doc json);',
      ],
      good: [
        'CREATE TABLE t (id bigint);',
        '-- lint-ignore types/prefer-jsonb, types/prefer-text: stored verbatim\nCREATE TABLE t (doc json, code char(2));',
      ],
    },
  }),
];

/** Findings for lint-ignore comments without a reason or naming an unknown rule. */
export function ignoreFindings(source: LintSource, ignores: IgnoreComment[], isRule: (id: string) => boolean): RawFinding[] {
  const out: RawFinding[] = [];
  const at = (comment: IgnoreComment, ruleId: RawFinding['ruleId'], message: string): RawFinding => ({
    ruleId,
    source,
    line: comment.line,
    column: comment.column,
    endLine: comment.line,
    statement: comment.text,
    message,
    tables: [],
  });
  for (const comment of ignores) {
    for (const id of comment.rules.filter((r) => !isRule(r)))
      out.push(at(comment, 'lint/unknown-rule', `lint-ignore names "${id}", which is not a rule id.`));
    if (!comment.reason)
      out.push(
        at(comment, 'lint/ignore-without-reason', `lint-ignore ${comment.rules.join(', ')} gives no reason, so it silences nothing.`),
      );
  }
  return out;
}

/** Raised by lint.ts (syntax errors, lint-ignore comments), not by a statement detector. */
export const meta: RuleFamily = { rules: META_RULES };
