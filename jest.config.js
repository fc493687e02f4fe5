/**
 * Jest runs the TypeScript sources as ESM (the @actions/* packages are ESM-only), in two
 * projects so a run starts only what its tests need: `unit` gets a temp folder for the run and
 * no PostgreSQL; `integration` (test/integration, test/faults) also gets the two PostgreSQL
 * clusters. Jest runs a project's global setup only when at least one of its test files is
 * selected, so `npm test -- test/unit/x.test.ts` starts no cluster.
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json', diagnostics: false }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
};

export default {
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      globalSetup: '<rootDir>/test/run-folder-setup.mjs',
      globalTeardown: '<rootDir>/test/run-folder-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/faults/**/*.test.ts', '<rootDir>/test/golden/**/*.test.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
};
