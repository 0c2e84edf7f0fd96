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
    // Real stores and whole apps: 30 s a test (test/support/thirty-second-tests.ts says why).
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/thirty-second-tests.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/thirty-second-tests.ts'] },
  ],
};
