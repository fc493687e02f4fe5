/**
 * Batch directive rules: directives the engine would refuse (found at lint time with the same
 * positions apply reports), batched statements that are not safe to run again, and directives the
 * Prisma CLI engine ignores. Also the directive a backfill's fix suggests, sized from the table.
 */
import { batchTarget, DEFAULT_BATCH_SIZE } from '../../migrations/batch/directive.js';
import type { SqlStatement } from '../../sql/parser.js';
import { rule, type Candidate, type MigrationView, type RuleFamily } from '../rule.js';
import type { TableStats } from '../types.js';

const EXISTING = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, plan text, logins int NOT NULL DEFAULT 0);';

export const BATCH_RULES = [
  rule({
    id: 'batch/invalid-directive',
    severity: 'error',
    scope: 'any',
    scalable: false,
    title: 'Batch directive the engine cannot run',
    flags:
      'A `-- prisma-migrate-actions: batch …` comment with an unknown option or a bad value, not directly above a statement, or above a statement that cannot run in batches (not a single-table UPDATE/DELETE; FROM/USING, WITH or RETURNING; a file with BEGIN/COMMIT; an UPDATE that assigns its own batch key).',
    blocks: 'Nothing: apply refuses the migration with the same error, at the same line, before anything runs.',
    safe: 'Write `-- prisma-migrate-actions: batch size=5000 pause=50ms` (optional key=<column>, max-lag=<duration>, timeout=<duration>) on the line directly above one single-table UPDATE or DELETE.',
    prisma: 'Prisma ignores the comment; fix it so the built-in engine can run the statement in batches, or remove it.',
    example: {
      bad: [
        '-- prisma-migrate-actions: batch size=5000 speed=fast\nUPDATE users SET plan = NULL WHERE plan IS NULL;',
        '-- prisma-migrate-actions: batch size=lots\nDELETE FROM users WHERE email IS NULL;',
        '-- prisma-migrate-actions: batch\nUPDATE users SET plan = o.plan FROM orgs o WHERE o.id = users.id AND users.plan IS NULL;',
        '-- prisma-migrate-actions: batch\nCREATE INDEX users_plan_idx ON users (plan);',
      ],
      good: [
        "-- prisma-migrate-actions: batch size=5000 pause=50ms\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
        '-- prisma-migrate-actions: batch size=2000 max-lag=5s timeout=1s\nDELETE FROM users WHERE email IS NULL;',
      ],
    },
  }),
  rule({
    id: 'batch/not-restartable',
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'Batched UPDATE that changes rows again when run again',
    flags:
      'A batched UPDATE whose WHERE does not mention any column it sets, so it does not exclude rows already done (e.g. `SET logins = logins + 1` with no WHERE on logins).',
    blocks:
      "Nothing while the built-in engine resumes it from its checkpoint. Run any other way — Prisma's `migrate deploy`, a rerun after `resolve`, a manual retry — it changes the rows already done a second time.",
    safe: "Make the WHERE exclude finished rows: `UPDATE users SET plan = 'free' WHERE plan IS NULL`, or `… WHERE col IS DISTINCT FROM <new value>`.",
    prisma:
      'Prisma runs the file whole and has no checkpoint: write the backfill so running it twice leaves the same data (a WHERE on the column it sets).',
    example: {
      existing: EXISTING,
      bad: [
        '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET logins = logins + 1;',
        "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = plan || '-legacy' WHERE email IS NOT NULL;",
      ],
      good: [
        "-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
        '-- prisma-migrate-actions: batch size=5000\nUPDATE users SET email = lower(email) WHERE email IS DISTINCT FROM lower(email);',
        '-- prisma-migrate-actions: batch size=5000\nDELETE FROM users WHERE email IS NULL;',
      ],
    },
  }),
  rule({
    id: 'batch/ignored-by-prisma-cli',
    severity: 'warning',
    scope: 'any',
    scalable: false,
    title: 'Batch directive the Prisma CLI will ignore',
    flags: 'A batch directive in a migration deployed with the Prisma CLI engine (`engine: prisma`).',
    blocks:
      'Prisma runs the statement whole, in one transaction with the rest of the file: it holds row locks on every row it touches until the file commits, and the DDL locks before it too.',
    safe: 'Deploy with the built-in engine (`engine: builtin`), which runs the statement in batches; or move the backfill to a script that batches it.',
    prisma: 'Keep the directive for the built-in engine; with the Prisma CLI, run large backfills outside `migrate deploy`.',
    example: {
      engine: 'prisma',
      bad: ["-- prisma-migrate-actions: batch size=5000\nUPDATE users SET plan = 'free' WHERE plan IS NULL;"],
      good: ["UPDATE users SET plan = 'free' WHERE plan IS NULL;"],
    },
  }),
];

/** Columns a WHERE mentions (the last name of each column reference). */
function whereColumns(where: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const ref = (node as { ColumnRef?: { fields?: Array<{ String?: { sval?: string } }> } }).ColumnRef;
    const last = ref?.fields?.at(-1)?.String?.sval;
    if (last) out.add(last);
    Object.values(node).forEach(walk);
  };
  walk(where);
  return out;
}

function directiveFindings({ statements, directives, engine }: MigrationView): Candidate[] {
  const out: Candidate[] = [];
  for (const error of directives.errors) {
    const line = error.where?.line ?? 1;
    const statement = statements.find((s) => s.endLine >= line) ?? statements.at(-1);
    if (!statement) continue;
    // The finding sits on the directive's line; the statement it names is the one below it.
    out.push({
      ruleId: 'batch/invalid-directive',
      statement: { ...statement, line, column: error.where?.column ?? 1 },
      tables: [],
      message: error.message,
    });
  }
  for (const { statement, target, directive } of directives.batched) {
    if (engine === 'prisma')
      out.push({
        ruleId: 'batch/ignored-by-prisma-cli',
        statement,
        tables: [],
        message: `The batch directive on line ${directive.line} is ignored by the Prisma CLI: it runs this ${target.kind} whole, in one transaction with the rest of the file.`,
      });
    if (target.kind !== 'UPDATE') continue;
    const mentioned = whereColumns(statement.node.whereClause);
    if (target.setColumns.some((c) => mentioned.has(c))) continue;
    out.push({
      ruleId: 'batch/not-restartable',
      statement,
      tables: [],
      message: `This batched UPDATE sets ${target.setColumns.join(', ')} but its WHERE does not look at ${target.setColumns.length > 1 ? 'them' : 'it'}: run again outside the checkpoint (by Prisma, or after resolve), it changes the rows already done a second time.`,
    });
  }
  return out;
}

/** Rows per batch for a table: about 2 MB of rows, between 500 and 10 000 (5 000 when unknown). */
export function batchSizeFor(stats: TableStats[]): number {
  const s = stats.find((t) => (t.rows ?? 0) > 0 && t.bytes > 0);
  if (!s) return DEFAULT_BATCH_SIZE;
  const rowBytes = s.bytes / s.rows!;
  const size = Math.min(10_000, Math.max(500, (2 * 1024 * 1024) / rowBytes));
  const magnitude = 10 ** Math.floor(Math.log10(size));
  return Math.floor(size / magnitude) * magnitude;
}

/** The backfill with a batch directive above it, when the statement could run in batches. */
export function batchedReplacement(statement: SqlStatement): ((stats: TableStats[]) => string) | undefined {
  try {
    batchTarget(statement, {});
  } catch {
    return undefined;
  }
  return (stats) => `-- prisma-migrate-actions: batch size=${batchSizeFor(stats)} pause=50ms\n${statement.text}`;
}

export const batch: RuleFamily = { rules: BATCH_RULES, migration: directiveFindings };
