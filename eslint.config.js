import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import qualifiedSubqueryColumns from './scripts/eslint/qualified-subquery-columns.js';

// Layer boundaries (ARCHITECTURE.md "Layout"): each folder's imports as no-restricted-imports
// patterns. A later block replaces an earlier one's patterns for the files it matches, so each
// block repeats the boundaries that still apply there.
const noWeb = { group: ['**/web/**'], message: 'server and common must not import the web app' };
const noServer = { group: ['**/server/**'], message: 'the web app talks to the server only over HTTP (import types from common/)' };
const noTestCode = {
  group: ['**/test/**', '**/*.fixture', '**/*.fixture.*', '**/*.test', '**/*.test.*', '**/*.e2e', '**/*.e2e.*'],
  message: 'production code must not import test code (server/test/, *.fixture.*, *.test.*): move what both need into a production module',
};
const noQuery = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema', '**/db/schema/**'],
  allowTypeImports: true,
  message: 'routes never query: call a service (server/services/) that does',
};
const noUpperLayers = {
  group: ['**/services/**', '**/routes/**'],
  message: 'server/db is the bottom layer: it must not import services or routes (the demo seed lives in server/seed/)',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.e2e.ts', 'server/test/**'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'server/db/migrations/', 'e2e/screenshots/'] },
  { files: ['**/*.cjs', '**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Type-aware rules: a promise nobody awaits fails silently (an unhandled rejection, a write racing
  // the response), and one handed to a callback expecting void (an event handler, setInterval) is
  // never awaited. Fire-and-forget is written `void promise` where the work reports its own failures.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/**'], message: 'server and common must not import the web app' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    plugins: { trellis: { rules: { 'qualified-subquery-columns': qualifiedSubqueryColumns } } },
    rules: { 'trellis/qualified-subquery-columns': 'error' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'the web app talks to the server only over HTTP (import types from common/)' }] },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/web/**'], message: 'common/ is shared and depends on neither side' }] },
      ],
    },
  },
  // Production code (not tests, test helpers, bench/, e2e/ or scripts/) never imports test code.
  { files: ['server/**/*.ts'], ignores: testFiles, rules: restrict(noWeb, noTestCode) },
  { files: ['web/**/*.{ts,tsx}'], ignores: testFiles, rules: restrict(noServer, noTestCode) },
  {
    files: ['common/**/*.ts'],
    ignores: testFiles,
    rules: restrict({ group: ['**/server/**', '**/web/**'], message: 'common/ is shared and depends on neither side' }, noTestCode),
  },
  // Routes never query (they parse, call a service, respond); db/ never reaches up into services or routes.
  { files: ['server/routes/**/*.ts'], ignores: testFiles, rules: restrict(noWeb, noTestCode, noQuery) },
  { files: ['server/db/**/*.ts'], ignores: testFiles, rules: restrict(noWeb, noTestCode, noUpperLayers) },
  { files: ['server/db/**/*.test.ts'], rules: restrict(noWeb, noUpperLayers) },
);
