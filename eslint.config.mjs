// ESLint: the rules that catch real mistakes (ESLint's and typescript-eslint's recommended sets)
// over sources, tests and apps. Formatting is Prettier's job (.prettierrc.json), not the linter's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.tmp/**',
      'tests/conformance/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Decorators receive classes as `Function`, and the metadata store keys on them: by design.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Optional packages are loaded lazily with require() (run() -> @typemcp/hono, serve() ->
      // @hono/node-server, class-transformer's storage), and CommonJS fixtures use it.
      '@typescript-eslint/no-require-imports': 'off',
      // A variable a closure reads before its one assignment (a server built once its port is
      // known) cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // TypeScript itself reports undefined names in .ts files.
      'no-undef': 'off',
    },
  },
  {
    // No `any` in what the packages publish; tests and fixtures may use it to build bad input.
    files: ['packages/*/test/**', 'tests/**', 'apps/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
