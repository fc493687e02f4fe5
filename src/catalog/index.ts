/** The catalog reader, schema diff and reconcile SQL. */
export { snapshotSchema, SUITE_SCHEMA, SUITE_TABLE, type SnapshotOptions } from './snapshot.js';
export { diffSnapshots, type DiffOptions } from './diff.js';
export { reconcileSql, reconcileScript } from './reconcile.js';
export { identityOf, matchesPattern, splitIdentity } from './identity.js';
export type * from './types.js';
