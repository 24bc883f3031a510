// The project's own lint: typescript-eslint on everything, eslint-plugin-eslint-plugin on rules and rule tests.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // docs/examples is a sample for the audit command: code as users write it, with the calls it finds.
  { ignores: ['dist/', 'coverage/', 'tests/fixtures/', 'node_modules/', 'docs/examples/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
  { files: ['lib/rules/**/*.ts'], extends: [eslintPlugin.configs['rules-recommended']] },
  {
    files: ['lib/rules/**/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^Disallow' }],
      'eslint-plugin/require-meta-docs-url': 'off', // createRule fills the URL from the rule's name
      'eslint-plugin/require-meta-type': 'error',
      'eslint-plugin/require-meta-schema': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-property-in-node': 'error',
    },
  },
  { files: ['tests/rules/**/*.ts'], extends: [eslintPlugin.configs['tests-recommended']] },
  {
    // The plugin runs on every keystroke: none of its regular expressions may backtrack super-linearly.
    files: ['lib/**/*.ts', 'scripts/**/*.mjs'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
