/** Three tiers, chosen by file name: *.unit.spec.ts (pure), *.int.spec.ts (real stores), test/e2e/*.e2e-spec.ts (HTTP). */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper: {
    '^@sme/domain$': '<rootDir>/libs/domain/src',
    '^@sme/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@sme/event-store$': '<rootDir>/libs/event-store/src',
    '^@sme/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@sme/read-models$': '<rootDir>/libs/read-models/src',
    '^@sme/read-models/(.*)$': '<rootDir>/libs/read-models/src/$1',
    '^@sme/messaging$': '<rootDir>/libs/messaging/src',
    '^@sme/messaging/(.*)$': '<rootDir>/libs/messaging/src/$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts', '<rootDir>/test/architecture/*.unit.spec.ts'] },
    // Real stores and whole apps share two cores with the other suites in CI: a test may take a few
    // seconds there that it takes one alone. A hang still fails, after 30 s.
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'], testTimeout: 30_000 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 30_000 },
  ],
};
