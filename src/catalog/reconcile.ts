/**
 * reconcileSql: for each difference, the SQL that makes the database match its migration
 * history. Steps come out in an order that can run top to bottom: drops of dependent objects
 * first, then creates from containers to contents. What has no safe automatic fix (removing
 * an enum value, downgrading an extension, re-partitioning) becomes a manual step whose SQL is
 * a commented suggestion.
 *
 * The handlers live by what they reconcile: reconcile-tables.ts (tables, columns, constraints,
 * indexes) and reconcile-objects.ts (the rest); reconcile-steps.ts has what they share.
 */
import type { ObjectType, ReconcileStep, SchemaDiff, CatalogSnapshot } from './types.js';
import type { Handler, PhasedStep } from './reconcile-steps.js';
import { columnHandler, constraintHandler, indexHandler, tableHandler } from './reconcile-tables.js';
import {
  enumHandler,
  extensionHandler,
  functionHandler,
  grantHandler,
  policyHandler,
  schemaHandler,
  sequenceHandler,
  triggerHandler,
  viewHandler,
} from './reconcile-objects.js';

export { compareVersions } from './reconcile-objects.js';

export function reconcileSql(diff: SchemaDiff, expected: CatalogSnapshot, actual: CatalogSnapshot): ReconcileStep[] {
  const steps: PhasedStep[] = [];
  for (const difference of diff.differences) {
    HANDLERS[difference.objectType]({ expected, actual, steps, difference });
  }
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.phase - b.step.phase || a.order - b.order)
    .map(({ step: { phase: _phase, ...step } }) => step);
}

/** The whole reconcile as one script (manual steps stay comments). */
export function reconcileScript(steps: ReconcileStep[]): string {
  return steps.map((s) => (s.note ? `-- ${s.note.replace(/\n/g, '\n-- ')}\n${s.sql}` : s.sql)).join('\n\n');
}

const HANDLERS: Record<ObjectType, Handler> = {
  schema: schemaHandler,
  extension: extensionHandler,
  enum: enumHandler,
  sequence: sequenceHandler,
  table: tableHandler,
  column: columnHandler,
  constraint: constraintHandler,
  index: indexHandler,
  view: viewHandler,
  function: functionHandler,
  trigger: triggerHandler,
  policy: policyHandler,
  grant: grantHandler,
};
