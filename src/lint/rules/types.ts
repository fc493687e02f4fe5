/** Type choices for new columns that are cheap now and expensive to change later. */
import type { ColumnDef, CreateStmt } from 'libpg-query';
import { isSmallIdType } from '../expressions.js';
import { describeType, nameParts, typeInfo } from '../names.js';
import { nodeOf, nodesOf } from '../nodes.js';
import { rule, type Emit, type RuleFamily, type StatementEnv } from '../rule.js';

export const TYPES_RULES = [
  rule({
    id: 'types/prefer-bigint',
    severity: 'notice',
    scope: 'any',
    title: 'int / serial primary key',
    flags: 'A primary-key or identity column of type integer, smallint, serial or smallserial in a new column.',
    blocks: 'Nothing now; after 2^31 rows inserts fail, and widening the column later rewrites the table.',
    safe: 'Use bigint (bigserial / bigint GENERATED … AS IDENTITY).',
    prisma: 'Use `BigInt @id @default(autoincrement())`.',
    example: {
      bad: [
        'CREATE TABLE t (id serial PRIMARY KEY);',
        'CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
        'CREATE TABLE t (id int, PRIMARY KEY (id));',
      ],
      good: ['CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);', 'CREATE TABLE t (id bigserial PRIMARY KEY);'],
    },
  }),
  rule({
    id: 'types/prefer-timestamptz',
    severity: 'notice',
    scope: 'any',
    title: 'timestamp without time zone',
    flags: 'A new column of type timestamp (without time zone).',
    blocks: 'Nothing now; the value has no offset, so it is read differently by sessions in other time zones.',
    safe: 'Use timestamptz.',
    prisma: 'Annotate DateTime fields with `@db.Timestamptz(3)`.',
    example: {
      bad: ['CREATE TABLE t (at timestamp(3));', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN at timestamp;'],
      good: ['CREATE TABLE t (at timestamptz(3));', 'CREATE TABLE t (at timestamp with time zone);'],
    },
  }),
  rule({
    id: 'types/prefer-text',
    severity: 'notice',
    scope: 'any',
    title: 'char(n) / varchar(n)',
    flags: 'A new column of type char(n) (blank-padded), or a varchar(n) that shrinks an existing column (a rewrite).',
    blocks: 'Nothing now; char(n) pads and compares surprisingly, and changing a length limit later can rewrite the table.',
    safe: 'Use text, with a CHECK (length(col) <= n) if a limit matters.',
    prisma: 'Use `String` without `@db.Char(n)`.',
    example: {
      bad: ['CREATE TABLE t (code char(3));', 'CREATE TABLE t (name varchar(100));'],
      good: ['CREATE TABLE t (code text);', 'CREATE TABLE t (name varchar);'],
    },
  }),
  rule({
    id: 'types/prefer-jsonb',
    severity: 'notice',
    scope: 'any',
    title: 'json instead of jsonb',
    flags: 'A new column of type json.',
    blocks: 'Nothing; json cannot be indexed or compared and is re-parsed on every access.',
    safe: 'Use jsonb.',
    prisma: 'Prisma maps `Json` to jsonb; remove `@db.Json`.',
    example: {
      bad: ['CREATE TABLE t (doc json);', 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN doc json;'],
      good: ['CREATE TABLE t (doc jsonb);'],
    },
  }),
];

function typeChoices(def: ColumnDef, table: string, inPrimaryKey: boolean, emit: Emit): void {
  const type = typeInfo(def.typeName);
  if (!type) return;
  const where = `${table}.${def.colname}`;
  const constraints = nodesOf(def.constraints, 'Constraint').map((c) => c.contype);
  const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
  if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial')
    emit({
      ruleId: 'types/prefer-bigint',
      tables: [],
      message: `${where} is ${describeType(type)}: it overflows after about 2 billion values.`,
    });
  if (type.name === 'timestamp')
    emit({ ruleId: 'types/prefer-timestamptz', tables: [], message: `${where} is timestamp without time zone.` });
  if (type.name === 'bpchar' || (type.name === 'varchar' && type.typmods.length))
    emit({
      ruleId: 'types/prefer-text',
      tables: [],
      message: `${where} is ${type.name === 'bpchar' ? 'char' : 'varchar'}(${type.typmods.join(',') || 1}); text with a CHECK is easier to change.`,
    });
  if (type.name === 'json') emit({ ruleId: 'types/prefer-jsonb', tables: [], message: `${where} is json, not jsonb.` });
}

function createTable(node: CreateStmt, env: StatementEnv, emit: Emit): void {
  const table = env.ctx.key(node.relation);
  const elements = node.tableElts ?? [];
  const pk = new Set(nodesOf(elements, 'Constraint').flatMap((c) => (c.contype === 'CONSTR_PRIMARY' ? nameParts(c.keys) : [])));
  for (const def of nodesOf(elements, 'ColumnDef')) typeChoices(def, table, pk.has(def.colname ?? ''), emit);
}

export const types: RuleFamily = {
  rules: TYPES_RULES,
  statements: { CreateStmt: createTable },
  alterAnyTable: {
    AT_AddColumn: ({ cmd, table, emit }) => {
      const def = nodeOf(cmd.def, 'ColumnDef');
      if (def) typeChoices(def, table, false, emit);
    },
  },
};
