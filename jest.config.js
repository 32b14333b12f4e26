const { TEST_TIMEOUT_MS } = require('./test/timeouts.cjs');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jest-fixed-jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  globalSetup: '<rootDir>/test/globalSetup.cjs',
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
  testEnvironmentOptions: { customExportConditions: [''] },
};
