/**
 * Quoting helpers for the places SQL text is built from identifiers (the one quoteIdent: it
 * always quotes, so reserved words, mixed case and embedded quotes stay the name they are).
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `schema.name`, each part quoted. */
export function qualify(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
