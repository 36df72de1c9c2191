// Jest runs the TypeScript sources as ESM through SWC (no type-checking here: `tsc --noEmit` does it).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'classic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  // The package by its name, read from its sources as the demo does (plugin/package.json, `portier-source`).
  moduleNameMapper: { '^@portier/adminjs$': '<rootDir>/plugin/src/index.ts', '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/plugin/src/**/*.test.ts'],
  // The browser tests (Chromium) run on their own: `npm run test:e2e`.
  testPathIgnorePatterns: process.env.PORTIER_BROWSER_TESTS ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/browser/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 120000,
  maxWorkers: 2,
};
