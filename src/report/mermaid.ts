/**
 * Mermaid ER diagram of the tables a change touches (GitHub renders ```mermaid blocks).
 * Mermaid's erDiagram grammar takes only plain identifiers for entities, attribute types and
 * names, so everything else is rewritten to one and the original kept in a comment.
 */
export interface ErColumn {
  name: string;
  type: string;
  pk?: boolean;
  /** What the column references, e.g. "User.id". */
  fk?: string;
}

export interface ErReference {
  /** The referenced table's name. */
  to: string;
  label?: string;
}

export interface ErTable {
  name: string;
  columns: ErColumn[];
  references: ErReference[];
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Maps arbitrary names to distinct Mermaid-safe identifiers, stable for the same input. */
class IdentifierMap {
  private readonly byName = new Map<string, string>();
  private readonly taken = new Set<string>();

  get(name: string): string {
    const known = this.byName.get(name);
    if (known) return known;
    let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}_${n}`;
    this.byName.set(name, id);
    this.taken.add(id);
    return id;
  }

  renamed(): Array<[string, string]> {
    return [...this.byName].filter(([name, id]) => name !== id);
  }
}

/** PostgreSQL's multi-word type names and the one-word aliases it accepts for them. */
const ONE_WORD_TYPES: Array<[RegExp, string]> = [
  [/^timestamp(\(\d+\))? without time zone$/, 'timestamp$1'],
  [/^timestamp(\(\d+\))? with time zone$/, 'timestamptz$1'],
  [/^time(\(\d+\))? without time zone$/, 'time$1'],
  [/^time(\(\d+\))? with time zone$/, 'timetz$1'],
  [/^character varying/, 'varchar'],
  [/^character/, 'char'],
  [/^bit varying/, 'varbit'],
  [/^double precision/, 'float8'],
];

/**
 * A column type as Mermaid's attribute grammar takes it (letters, digits, _, -, (), []): the
 * schema qualifier and quotes go (`public."TaskStatus"` → `TaskStatus`), multi-word names take
 * PostgreSQL's one-word alias (`timestamp(3) without time zone` → `timestamp(3)`). What still
 * does not fit (`numeric(10,2)`) is shortened, and `full` carries the exact type for the comment.
 */
export function mermaidType(type: string): { type: string; full?: string } {
  let text = type.trim();
  const array = /(\[\])+$/.exec(text)?.[0] ?? '';
  text = text.slice(0, text.length - array.length);
  text = text.replace(/^(?:"[^"]+"|[A-Za-z_][\w$]*)\.(?=.)/, '').replace(/^"(.*)"$/, '$1');
  for (const [pattern, alias] of ONE_WORD_TYPES) {
    if (pattern.test(text)) {
      text = text.replace(pattern, alias);
      break;
    }
  }
  const exact = `${text}${array}`;
  if (/^[A-Za-z_][A-Za-z0-9_()[\]-]*$/.test(exact)) return { type: exact };
  let cleaned = exact
    .replace(/\([^)]*[^\d)][^)]*\)/g, '')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_()[\]-]/g, '');
  if (!/^[A-Za-z_]/.test(cleaned)) cleaned = `t_${cleaned || 'unknown'}`;
  return { type: cleaned, full: exact };
}

function safeAttribute(name: string): string {
  if (PLAIN_IDENTIFIER.test(name)) return name;
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Comments and labels are double-quoted; Mermaid has no escape for a quote inside. */
function quoted(text: string): string {
  return `"${text.replace(/["\n\r]/g, "'").replace(/[{}]/g, '')}"`;
}

function columnLine(column: ErColumn): string {
  const keys = [column.pk ? 'PK' : '', column.fk ? 'FK' : ''].filter(Boolean).join(', ');
  const type = mermaidType(column.type);
  const notes: string[] = [];
  if (safeAttribute(column.name) !== column.name) notes.push(column.name);
  if (type.full) notes.push(type.full);
  if (column.fk) notes.push(`references ${column.fk}`);
  const parts = [type.type, safeAttribute(column.name)];
  if (keys) parts.push(keys);
  if (notes.length > 0) parts.push(quoted(notes.join('; ')));
  return `        ${parts.join(' ')}`;
}

export function mermaidErDiagram(tables: ErTable[]): string {
  const ids = new IdentifierMap();
  const lines = ['erDiagram'];
  for (const table of tables) {
    lines.push(`    ${ids.get(table.name)} {`);
    for (const column of table.columns) lines.push(columnLine(column));
    lines.push('    }');
  }
  for (const table of tables) {
    for (const reference of table.references) {
      // Many rows of the referencing table point at one row of the referenced one.
      lines.push(`    ${ids.get(table.name)} }o--|| ${ids.get(reference.to)} : ${quoted(reference.label ?? 'references')}`);
    }
  }
  const renamed = ids.renamed();
  if (renamed.length > 0) {
    lines.splice(1, 0, ...renamed.map(([name, id]) => `    %% ${id} is ${name.replace(/[\r\n]/g, ' ')}`));
  }
  return lines.join('\n');
}
