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

/** Attribute types may contain letters, digits, _, -, (), [] — "character varying(255)" → character_varying(255). */
function safeType(type: string): string {
  const cleaned = type
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_()[\]-]/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `t_${cleaned || 'unknown'}`;
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
  const notes: string[] = [];
  if (safeAttribute(column.name) !== column.name) notes.push(column.name);
  if (column.fk) notes.push(`references ${column.fk}`);
  const parts = [safeType(column.type), safeAttribute(column.name)];
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
