import { defineConfig } from 'vitest/config'

const integration = ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts']
const postgres = process.env.TEST_DATABASE_URL

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [...integration, 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-sqlite',
          include: integration,
          environment: 'node',
          globalSetup: ['tests/support/global-setup-sqlite.ts'],
          env: { KINBRIDGE_TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgres
        ? [
            {
              test: {
                name: 'int-postgres',
                include: integration,
                environment: 'node',
                globalSetup: ['tests/support/global-setup-postgres.ts'],
                env: { KINBRIDGE_TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
})
