const { TEST_TIMEOUT_MS } = require('./test/timeouts.cjs');

/** What every project shares: where tests are, how TypeScript and the ESM-only packages are compiled, the set-up. */
const shared = {
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: TEST_TIMEOUT_MS,
  transform: {
    // PGlite (the service's embedded database) in jest: see the file.
    '@electric-sql/pglite/dist/.+\\.cjs$': '<rootDir>/test/support/nodeBuiltinImports.js',
    '^.+\\.m?[tj]sx?$': [
      'ts-jest',
      { tsconfig: { isolatedModules: true, jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, allowJs: true } },
    ],
  },
  // msw 2 depends on a few ESM-only packages; let ts-jest transpile them (PGlite: see above). So is the cookie module of
  // Fastify's inject (light-my-request).
  transformIgnorePatterns: [
    '/node_modules/(?!(rettime|@open-draft/deferred-promise|until-async|@electric-sql/pglite|light-my-request/node_modules/cookie|cookie)/)',
  ],
  moduleNameMapper: {
    '\\.(css|png|svg)$': '<rootDir>/test/support/fileStub.js',
    '^office-addin-manifest$': '<rootDir>/test/support/officeAddinManifestStub.js',
  },
};

/** The service's tests (test/server/, and the pane-and-service agreement that starts the service) run in Node. */
const serviceTests = ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/test/agreement/**/*.test.ts'];

/**
 * Two projects, so that the test environment is said once per side rather than in each file's header: the service's
 * tests in Node with Node's export conditions, everything else in jsdom (the pane; a pane-side test that needs Node,
 * e.g. one that spawns a script, still says `@jest-environment node` in its header).
 */
/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  testTimeout: TEST_TIMEOUT_MS,
  projects: [
    {
      ...shared,
      displayName: 'service',
      testEnvironment: 'node',
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      testMatch: serviceTests,
    },
    {
      ...shared,
      displayName: 'pane',
      testEnvironment: 'jest-fixed-jsdom',
      testEnvironmentOptions: { customExportConditions: [''] },
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/test/server/', '<rootDir>/test/agreement/'],
    },
  ],
};
