/** Generated rows for the "upgrade path with data" check. */
export { seedDatabase, type SeedOptions, type SeedResult, type SeedTableResult } from './seed.js';
