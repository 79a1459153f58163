import type { Config } from 'jest';

const moduleNameMapper = { '^@typemcp/([a-z-]+)$': '<rootDir>/../../packages/$1/src/index.ts' };
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }] };

function project(name: string, dir: string): Config {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.test.ts'],
    moduleNameMapper,
    transform,
  };
}

const config: Config = {
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
  // The CLI's tests run the bin of a packed install (see the file).
  globalSetup: '<rootDir>/tests/support/packedCliSetup.js',
  globalTeardown: '<rootDir>/tests/support/packedCliTeardown.js',
  projects: [
    project('protocol', '<rootDir>/packages/protocol'),
    project('server', '<rootDir>/packages/server'),
    project('client', '<rootDir>/packages/client'),
    project('hono', '<rootDir>/packages/hono'),
    project('cli', '<rootDir>/packages/cli'),
    project('auth', '<rootDir>/packages/auth'),
    project('redis', '<rootDir>/packages/redis'),
    {
      ...project('e2e', '<rootDir>/tests'),
      moduleNameMapper: { '^@typemcp/([a-z-]+)$': '<rootDir>/../packages/$1/src/index.ts' },
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
    },
  ],
};

export default config;
