/** The Prisma-compatible migration engine: read, apply, status, resolve, plan, Prisma CLI mode. */
export * from './reader.js';
export * from './history.js';
export * from './locks.js';
export * from './plan.js';
export * from './script.js';
export * from './session.js';
export * from './failure.js';
export * from './blockers.js';
export * from './apply.js';
export * from './status.js';
export * from './resolve.js';
export * from './prisma-cli.js';
export * from './recover.js';
export * from './recovery-store.js';
