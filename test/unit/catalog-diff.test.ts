import { diffSnapshots, reconcileSql, identityOf, matchesPattern, splitIdentity, type CatalogSnapshot } from '../../src/catalog/index.js';
import { emptyObjects } from '../../src/catalog/snapshot.js';
import { collapseWhitespace, normalizeFunctionDefinition, normalizeViewDefinition } from '../../src/catalog/normalize.js';
import { compareVersions } from '../../src/catalog/reconcile.js';
import type { CatalogObjects, EnumObject, TableObject, ColumnObject } from '../../src/catalog/types.js';

function snapshot(fill: (o: CatalogObjects) => void): CatalogSnapshot {
  const objects = emptyObjects();
  fill(objects);
  return { serverVersion: '17.0', serverMajor: 17, schemas: ['public'], includeGrants: false, objects };
}

const status = (values: string[]): EnumObject => ({ schema: 'public', name: 'Status', values });

describe('identities and patterns', () => {
  test('parts are shown raw unless a dot or quote would make them ambiguous, and split back', () => {
    expect(identityOf('public', 'User', 'id')).toBe('public.User.id');
    expect(identityOf('a.b', 'say "hi"', 'Ünï')).toBe('"a.b"."say ""hi""".Ünï');
    expect(splitIdentity('"a.b"."say ""hi""".Ünï')).toEqual(['a.b', 'say "hi"', 'Ünï']);
    expect(splitIdentity('public.User.id')).toEqual(['public', 'User', 'id']);
  });

  test('* stays within a part, ** crosses parts, a type prefix narrows, a table pattern covers its contents', () => {
    expect(matchesPattern('public.audit_*', 'table', 'public.audit_2024')).toBe(true);
    expect(matchesPattern('public.audit_*', 'column', 'public.audit_2024.id')).toBe(true);
    expect(matchesPattern('public.a*', 'table', 'other.a1')).toBe(false);
    expect(matchesPattern('*.legacy', 'table', 'app.legacy')).toBe(true);
    expect(matchesPattern('index:public.*.tmp_*', 'index', 'public.User.tmp_email')).toBe(true);
    expect(matchesPattern('index:public.*.tmp_*', 'column', 'public.User.tmp_email')).toBe(false);
    expect(matchesPattern('public.User', 'table', 'public.Users')).toBe(false);
    expect(matchesPattern('**', 'function', 'public.f(integer)')).toBe(true);
  });
});

describe('normalisation', () => {
  test('PostgreSQL 15 and 17 single-relation view definitions compare equal', () => {
    const pg15 = ' SELECT "Goal"."userId",\n    avg("Goal".progress) AS avg_progress\n   FROM public."Goal"\n  GROUP BY "Goal"."userId";';
    const pg17 = ' SELECT "userId",\n    avg(progress) AS avg_progress\n   FROM public."Goal"\n  GROUP BY "userId";';
    expect(normalizeViewDefinition(pg15)).toBe(normalizeViewDefinition(pg17));
    // With a join the qualifiers are meaningful and stay.
    const join = 'SELECT a.id FROM public.a JOIN public.b ON a.id = b.id';
    expect(normalizeViewDefinition(join)).toBe(join);
  });

  test('whitespace in quoted text is kept; elsewhere it collapses', () => {
    expect(collapseWhitespace("  DEFAULT   'a   b'::text \n")).toBe("DEFAULT 'a   b'::text");
    expect(collapseWhitespace('lower( ( title )::text )')).toBe('lower((title)::text)');
  });

  test('CRLF and indentation in function bodies are not drift; a changed token is', () => {
    const lf = 'CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\nAS $function$\nBEGIN\n  RETURN 1;\nEND;\n$function$\n';
    const crlf = lf.replace(/\n/g, '\r\n').replace('  RETURN', '\t\tRETURN');
    expect(normalizeFunctionDefinition(crlf)).toBe(normalizeFunctionDefinition(lf));
    expect(normalizeFunctionDefinition(lf.replace('RETURN 1', 'RETURN 2'))).not.toBe(normalizeFunctionDefinition(lf));
  });

  test('extension versions compare numerically', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.7', '1.8')).toBeLessThan(0);
    expect(compareVersions('2.0', '2.0')).toBe(0);
  });
});

describe('diffSnapshots', () => {
  const table = (name: string): TableObject => ({
    schema: 'public',
    name,
    kind: 'table',
    persistence: 'permanent',
    partitionKey: null,
    partitionOf: null,
    partitionBound: null,
    rowSecurity: false,
    forceRowSecurity: false,
    options: [],
  });
  const column = (tableName: string, name: string, position: number): ColumnObject => ({
    schema: 'public',
    table: tableName,
    name,
    position,
    type: 'integer',
    notNull: false,
    default: null,
    identity: null,
    generated: null,
    collation: null,
  });

  test('column order is not drift; a missing table is reported once, not once per column', () => {
    const expected = snapshot((o) => {
      o.table['public.t'] = table('t');
      o.column['public.t.a'] = column('t', 'a', 1);
      o.column['public.t.b'] = column('t', 'b', 2);
      o.table['public.gone'] = table('gone');
      o.column['public.gone.x'] = column('gone', 'x', 1);
    });
    const actual = snapshot((o) => {
      o.table['public.t'] = table('t');
      o.column['public.t.a'] = column('t', 'a', 2);
      o.column['public.t.b'] = column('t', 'b', 1);
    });
    const diff = diffSnapshots(expected, actual);
    expect(diff.differences.map((d) => `${d.change} ${d.identity}`)).toEqual(['missing public.gone']);
    const [step] = reconcileSql(diff, expected, actual);
    expect(step.sql).toBe('CREATE TABLE "public"."gone" (\n  "x" integer\n);');
  });

  test("the suite's own objects are never drift, even when a snapshot was built by hand", () => {
    const actual = snapshot((o) => {
      o.table['public._prisma_migrations'] = table('_prisma_migrations');
      o.schema.prisma_migrate_actions = { name: 'prisma_migrate_actions' };
    });
    expect(
      diffSnapshots(
        snapshot(() => undefined),
        actual,
      ).differences,
    ).toEqual([]);
  });

  test('differences come in identity order whatever order the snapshots hold them in', () => {
    const expected = snapshot((o) => {
      for (const name of ['zeta', 'alpha', 'Mid', 'beta']) o.table[`public.${name}`] = table(name);
    });
    const actual = snapshot((o) => {
      for (const name of ['omega', 'Apple', 'beta']) o.table[`public.${name}`] = table(name);
    });
    expect(diffSnapshots(expected, actual).differences.map((d) => `${d.change} ${d.identity}`)).toEqual([
      'unexpected public.Apple',
      'missing public.Mid',
      'missing public.alpha',
      'unexpected public.omega',
      'missing public.zeta',
    ]);
  });

  test('a schema named like an Object.prototype member is an object like any other', () => {
    const add = (objects: CatalogObjects, name: string): void => void (objects.schema[name] = { name });
    const actual = snapshot((o) => add(o, 'constructor'));
    const expected = snapshot((o) => add(o, 'toString'));
    expect(diffSnapshots(expected, actual).differences.map((d) => `${d.change} ${d.identity}`)).toEqual([
      'unexpected constructor',
      'missing toString',
    ]);
  });
});

describe('reconcileSql for enums', () => {
  function enumSteps(expected: string[], actual: string[]): Array<{ sql: string; manual: boolean }> {
    const e = snapshot((o) => (o.enum['public.Status'] = status(expected)));
    const a = snapshot((o) => (o.enum['public.Status'] = status(actual)));
    return reconcileSql(diffSnapshots(e, a), e, a).map(({ sql, manual }) => ({ sql, manual }));
  }

  test('missing values are added next to a neighbour that exists, in order', () => {
    expect(enumSteps(['a', 'b', 'c', 'd'], ['a', 'd'])).toEqual([
      { sql: `ALTER TYPE "public"."Status" ADD VALUE IF NOT EXISTS 'b' BEFORE 'd';`, manual: false },
      { sql: `ALTER TYPE "public"."Status" ADD VALUE IF NOT EXISTS 'c' BEFORE 'd';`, manual: false },
    ]);
    expect(enumSteps(['a', 'z'], ['a'])[0].sql).toBe(`ALTER TYPE "public"."Status" ADD VALUE IF NOT EXISTS 'z' AFTER 'a';`);
  });

  test('an extra value or a different order needs a person', () => {
    const extra = enumSteps(['a'], ['a', "it's"]);
    expect(extra).toHaveLength(1);
    expect(extra[0].manual).toBe(true);
    expect(extra[0].sql).toContain(`ADD VALUE 'it''s'`);
    const reordered = enumSteps(['a', 'b'], ['b', 'a']);
    expect(reordered.map((s) => s.manual)).toEqual([true]);
  });
});
