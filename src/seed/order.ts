/**
 * The order to fill tables in: parents before children. A cycle of foreign keys is broken at a
 * table whose foreign keys into the cycle are all nullable (those are left NULL); a cycle held
 * together by NOT NULL columns cannot be filled and is reported.
 */
import type { SeedForeignKey, SeedTable } from './catalog.js';

export interface TablePlan {
  table: SeedTable;
  /** Foreign keys whose columns stay NULL (cycles). */
  nullForeignKeys: Set<string>;
  /** Why the table cannot be filled. */
  blocked?: string;
}

export function isNullable(table: SeedTable, fk: SeedForeignKey): boolean {
  return fk.columns.every((name) => !table.columns.find((c) => c.name === name)?.notNull);
}

export function isSelfReference(table: SeedTable, fk: SeedForeignKey): boolean {
  return fk.parentSchema === table.schema && fk.parentTable === table.name;
}

export function planTableOrder(tables: SeedTable[]): TablePlan[] {
  const names = new Set(tables.map((t) => t.name));
  const pending = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const plans: TablePlan[] = [];
  const waitingOn = (table: SeedTable) =>
    table.foreignKeys.filter(
      (fk) => !isSelfReference(table, fk) && fk.parentSchema === table.schema && names.has(fk.parentTable) && !placed.has(fk.parentTable),
    );
  const place = (table: SeedTable, nullForeignKeys: Set<string>) => {
    plans.push({ table, nullForeignKeys });
    placed.add(table.name);
    pending.delete(table.name);
  };
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => waitingOn(t).length === 0);
    if (ready.length > 0) {
      for (const table of ready) place(table, new Set());
      continue;
    }
    const breakable = [...pending.values()].find((t) => waitingOn(t).every((fk) => isNullable(t, fk)));
    if (breakable) {
      place(breakable, new Set(waitingOn(breakable).map((fk) => fk.name)));
      continue;
    }
    const cycle = [...pending.keys()].join(', ');
    for (const table of pending.values()) {
      plans.push({
        table,
        nullForeignKeys: new Set(),
        blocked: `foreign keys through NOT NULL columns form a cycle, or lead into one (tables ${cycle})`,
      });
    }
    pending.clear();
  }
  return plans;
}
