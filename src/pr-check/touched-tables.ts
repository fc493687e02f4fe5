/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */
import { loadParser, splitStatements, type PgNode } from '../sql/parser.js';
import type { CatalogSnapshot, ColumnObject, ConstraintObject } from '../catalog/types.js';
import type { ErTable } from '../report/mermaid.js';

/** Every relation name (RangeVar) any statement mentions. */
export async function touchedTables(migrations: Array<{ name: string; sql: string }>): Promise<Set<string>> {
  await loadParser();
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as PgNode;
    if (record.RangeVar?.relname) names.add(record.RangeVar.relname);
    if (typeof record.relname === 'string' && 'inh' in record) names.add(record.relname);
    for (const value of Object.values(record)) walk(value);
  };
  for (const migration of migrations) {
    try {
      for (const statement of splitStatements(migration.sql, { migration: migration.name })) walk(statement.node);
    } catch {
      /* unparseable SQL is reported by the lint and apply steps */
    }
  }
  return names;
}

/** `a, "B c"` (a column list of pg_get_constraintdef) → ['a', 'B c']. */
function identifierList(text: string): string[] {
  return [...text.matchAll(/\s*("(?:[^"]|"")*"|[^,\s]+)\s*(?:,|$)/g)].map((m) =>
    m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
  );
}

/** The last part of a possibly schema-qualified, possibly quoted name: `public."User"` → User. */
function unqualified(name: string): string {
  const parts = [...name.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
  return parts[parts.length - 1] ?? name;
}

interface ForeignKey {
  columns: string[];
  table: string;
  referenced: string[];
}

/** `FOREIGN KEY (a, b) REFERENCES s."T"(x, y) …` as its parts, or undefined for another shape. */
function parseForeignKey(definition: string): ForeignKey | undefined {
  const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ((?:"(?:[^"]|"")*"|[^\s("])+)\(([^)]*)\)/.exec(definition);
  if (!m) return undefined;
  return { columns: identifierList(m[1]), table: unqualified(m[2]), referenced: identifierList(m[3]) };
}

/** The touched tables as ER entities: PK and FK marks from their constraints, one relationship per foreign key. */
export function erTablesFor(snapshot: CatalogSnapshot, touched: Set<string>): ErTable[] {
  const columns = Object.values(snapshot.objects.column) as ColumnObject[];
  const constraints = Object.values(snapshot.objects.constraint) as ConstraintObject[];
  const tables: ErTable[] = [];
  for (const name of [...touched].sort()) {
    const own = columns.filter((c) => c.table === name).sort((a, b) => a.position - b.position);
    if (!own.length) continue;
    const pkDefinition = constraints.find((c) => c.table === name && c.kind === 'primary')?.definition;
    const pkColumns = new Set(pkDefinition ? identifierList(/\(([^)]*)\)/.exec(pkDefinition)?.[1] ?? '') : []);
    const fks = constraints
      .filter((c) => c.table === name && c.kind === 'foreign')
      .map((c) => parseForeignKey(c.definition))
      .filter((fk): fk is ForeignKey => fk !== undefined)
      // The catalog's order is not stable between servers: by columns, so the diagram is.
      .sort((a, b) => a.columns.join(',').localeCompare(b.columns.join(',')) || a.table.localeCompare(b.table));
    const referencedBy = new Map<string, string>();
    for (const fk of fks) fk.columns.forEach((column, i) => referencedBy.set(column, `${fk.table}.${fk.referenced[i] ?? '?'}`));
    tables.push({
      name,
      columns: own.map((c) => ({ name: c.name, type: c.type, pk: pkColumns.has(c.name), fk: referencedBy.get(c.name) })),
      references: fks.map((fk) => ({ to: fk.table, label: fk.columns.join(', ') })),
    });
  }
  return tables;
}
