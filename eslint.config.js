// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

/** Import direction: cli -> server -> domain -> db; web sees only domain schemas. */
const layer = (/** @type {string[]} */ patterns, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'coverage',
      'test-results',
      'playwright-report',
      'src/web/api/schema.d.ts',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/domain/**'],
    rules: layer(
      ['**/server/**', '**/cli/**', '**/web/**', 'fastify', 'react', '**/config/**'],
      'domain/ holds rules and use cases: no HTTP, UI, CLI or environment.',
    ),
  },
  {
    files: ['src/db/**'],
    rules: layer(
      ['**/domain/**', '**/server/**', '**/cli/**', '**/web/**'],
      'db/ is the bottom layer: it imports no other layer.',
    ),
  },
  {
    files: ['src/db/migrations/**'],
    rules: layer(
      ['../**', '!../../db/migrations/**'],
      'Migrations are frozen in time: they import nothing from the application.',
    ),
  },
  {
    files: ['src/server/**'],
    rules: layer(['**/cli/**', '**/web/**'], 'server/ must not import cli/ or web/.'),
  },
  {
    files: ['src/config/**'],
    rules: layer(
      ['**/domain/**', '**/server/**', '**/cli/**', '**/web/**', '**/db/**'],
      'config/ stands alone.',
    ),
  },
  {
    files: ['src/web/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/server/**', '**/cli/**', '**/config/**'],
              message: 'web/ talks to the server over HTTP only.',
            },
            {
              regex: '^(\\.\\./)+domain/(?!.*\\.schemas$).*',
              message: 'web/ may import only domain/**/*.schemas.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
)
