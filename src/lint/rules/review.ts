/**
 * Review rules: changes that lock little but change who sees what (row-level security,
 * privileges), what replication publishes, or which extensions the server must have.
 */
import type { DropStmt, GrantStmt } from 'libpg-query';
import { nameParts, partsKey } from '../names.js';
import { EXISTING_USERS, rule, type AlterArgs, type Emit, type RuleFamily } from '../rule.js';

export const REVIEW_RULES = [
  rule({
    id: 'review/replica-identity',
    severity: 'warning',
    lock: 'ACCESS EXCLUSIVE',
    title: 'REPLICA IDENTITY changed',
    flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
    blocks:
      'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
    safe: 'Coordinate with the owners of replication / CDC consumers.',
    prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
    example: {
      existing: EXISTING_USERS,
      bad: ['ALTER TABLE users REPLICA IDENTITY FULL;', 'ALTER TABLE users REPLICA IDENTITY DEFAULT;'],
      good: [],
    },
  }),
  rule({
    id: 'review/row-level-security',
    severity: 'notice',
    scope: 'any',
    title: 'Row-level security changed',
    flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
    blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
    safe: 'Review the policies explicitly with the people who own authorisation.',
    prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
    example: {
      existing: EXISTING_USERS,
      bad: [
        'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
        "CREATE POLICY own_rows ON users USING (id = current_setting('app.user_id')::bigint);",
        'ALTER TABLE users FORCE ROW LEVEL SECURITY;',
      ],
      good: ['ALTER TABLE users ADD COLUMN note text;'],
    },
  }),
  rule({
    id: 'review/grant-revoke',
    severity: 'notice',
    scope: 'any',
    title: 'Privileges granted or revoked',
    flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
    blocks: 'Nothing; who may read or write changes.',
    safe: 'Review explicitly; prefer granting to roles, not to users.',
    prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
    example: {
      existing: EXISTING_USERS,
      bad: [
        'GRANT SELECT ON users TO reporting;',
        'REVOKE ALL ON users FROM PUBLIC;',
        'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reporting;',
      ],
      good: ['ALTER TABLE users ADD COLUMN note text;'],
    },
  }),
  rule({
    id: 'review/extension',
    severity: 'notice',
    scope: 'any',
    title: 'Extension created, upgraded or dropped',
    flags: 'CREATE EXTENSION, ALTER EXTENSION, DROP EXTENSION.',
    blocks:
      'Nothing directly; the extension must be installable on every server (managed services allow a fixed list), and DROP … CASCADE drops every column and index that depends on it.',
    safe: 'Check that production has the extension available; review drops explicitly.',
    prisma:
      'Prisma writes CREATE EXTENSION for `extensions = [...]` (previewFeatures postgresqlExtensions); confirm availability on the target.',
    example: {
      bad: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;', 'DROP EXTENSION pg_trgm CASCADE;', 'ALTER EXTENSION pg_trgm UPDATE;'],
      good: ['CREATE TABLE t (id bigint);'],
    },
  }),
];

function rls(message: string, table: string, emit: Emit): void {
  emit({
    ruleId: 'review/row-level-security',
    tables: [table],
    message: `${message} Row visibility changes for every role the policy names.`,
  });
}

const security =
  (text: (table: string) => string) =>
  ({ table, emit }: AlterArgs) =>
    rls(text(table), table, emit);

function drop(node: DropStmt, env: { ctx: { defaultSchema: string } }, emit: Emit): void {
  const objects = node.objects ?? [];
  if (node.removeType === 'OBJECT_EXTENSION')
    emit({
      ruleId: 'review/extension',
      tables: [],
      message: `Extension ${objects.map((o) => nameParts(o)[0]).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`,
    });
  else if (node.removeType === 'OBJECT_POLICY')
    rls(`Policy ${objects.map((o) => partsKey(nameParts(o), env.ctx.defaultSchema)).join(', ')} is dropped.`, '', emit);
}

function grant(node: GrantStmt, _env: unknown, emit: Emit): void {
  const objects = String(node.objtype ?? '')
    .replace('OBJECT_', '')
    .toLowerCase();
  emit({
    ruleId: 'review/grant-revoke',
    tables: [],
    message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes who may access ${objects} objects.`,
  });
}

export const review: RuleFamily = {
  rules: REVIEW_RULES,
  statements: {
    DropStmt: drop,
    GrantStmt: grant,
    GrantRoleStmt: (node, _env, emit) =>
      emit({ ruleId: 'review/grant-revoke', tables: [], message: `${node.is_grant ? 'GRANT' : 'REVOKE'} changes role membership.` }),
    AlterDefaultPrivilegesStmt: (_node, _env, emit) =>
      emit({ ruleId: 'review/grant-revoke', tables: [], message: 'ALTER DEFAULT PRIVILEGES changes who may access future objects.' }),
    CreatePolicyStmt: (node, env, emit) =>
      rls(`Policy ${node.policy_name} is created on ${env.ctx.key(node.table)}.`, env.ctx.key(node.table), emit),
    AlterPolicyStmt: (node, env, emit) =>
      rls(`Policy ${node.policy_name} on ${env.ctx.key(node.table)} is changed.`, env.ctx.key(node.table), emit),
    CreateExtensionStmt: (node, _env, emit) =>
      emit({
        ruleId: 'review/extension',
        tables: [],
        message: `Extension ${node.extname} is created: it must be available on every target server.`,
      }),
    AlterExtensionStmt: (node, _env, emit) =>
      emit({ ruleId: 'review/extension', tables: [], message: `Extension ${node.extname} is upgraded.` }),
  },
  alterTable: {
    AT_ReplicaIdentity: ({ table, emit }) =>
      emit({
        ruleId: 'review/replica-identity',
        tables: [table],
        message: `REPLICA IDENTITY of ${table} changes what logical replication publishes for updates and deletes.`,
      }),
  },
  // Authorisation changes are reviewed on new tables too.
  alterAnyTable: {
    AT_EnableRowSecurity: security((t) => `Row-level security is enabled on ${t}.`),
    AT_DisableRowSecurity: security((t) => `Row-level security is disabled on ${t}.`),
    AT_ForceRowSecurity: security((t) => `Row-level security is forced on ${t} (owners too).`),
    AT_NoForceRowSecurity: security((t) => `Row-level security is no longer forced on ${t}.`),
  },
};
