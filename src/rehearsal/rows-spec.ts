/** The rehearsal-rows grammar and the default sizes: pure, so the CLI reads options without loading the rehearsal. */
import { MigrateActionsError } from '../errors.js';

export const DEFAULT_REHEARSAL_ROWS = 100_000;
export const DEFAULT_REHEARSAL_BUDGET = 2_000_000;

/** `rehearsal-rows`: one number for every touched table, or `table=rows` pairs (with an optional plain default). */
export interface RowsSpec {
  default: number;
  perTable: Record<string, number>;
}

export function parseRowsSpec(text: string | undefined): RowsSpec {
  const spec: RowsSpec = { default: DEFAULT_REHEARSAL_ROWS, perTable: {} };
  for (const part of (text ?? '')
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(?:([^=\s]+)\s*=\s*)?(\d+)$/.exec(part.replace(/_/g, ''));
    if (!m) {
      throw new MigrateActionsError('E_REHEARSAL_ROWS', `rehearsal-rows has "${part}", which is neither a number nor table=rows.`, {
        remedy: 'Set rehearsal-rows to a number of rows per touched table (e.g. 100000), or pairs such as orders=2000000,users=50000.',
      });
    }
    if (m[1]) spec.perTable[m[1]] = Number(m[2]);
    else spec.default = Number(m[2]);
  }
  return spec;
}
