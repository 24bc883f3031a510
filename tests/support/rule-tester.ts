import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** A RuleTester that parses with @typescript-eslint/parser unless a case says otherwise. */
export function createRuleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parser: tsParser } });
}

/**
 * Per-case options for plain JavaScript. @typescript-eslint/rule-tester keeps
 * its TypeScript parser when the constructor names espree, so the parser is set
 * on each case instead.
 */
export const PLAIN_JS = {
  filename: 'file.js',
  languageOptions: { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
} as const;
