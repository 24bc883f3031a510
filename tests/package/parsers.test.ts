import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRuleTester, PLAIN_JS } from '../support/rule-tester';

/**
 * @typescript-eslint/rule-tester keeps its TypeScript parser when the
 * constructor names espree, so the plain-JS cases set the parser per case.
 * This probe rule fails a case whose parser is not the one it names, proving
 * which parser the rule tests really ran.
 */
const probe: TSESLint.RuleModule<'never', ['espree' | 'typescript']> = {
  meta: {
    type: 'problem',
    messages: { never: 'never reported' },
    schema: [{ type: 'string', enum: ['espree', 'typescript'] }],
  },
  defaultOptions: ['typescript'],
  create(context) {
    // typescript-estree always maps its nodes to TypeScript's; espree has no parser services.
    const name = context.sourceCode.parserServices?.esTreeNodeToTSNodeMap === undefined ? 'espree' : 'typescript-eslint/parser';
    const expected = context.options[0] === 'espree' ? 'espree' : 'typescript-eslint/parser';
    if (name !== expected) throw new Error(`${path.basename(context.filename)} was parsed by ${name}, not ${expected}`);
    return {};
  },
};

createRuleTester().run('which parser ran', probe, {
  valid: [
    { code: 'const x: number = 1;', options: ['typescript'] },
    { ...PLAIN_JS, code: 'const x = 1;', options: ['espree'] },
  ],
  invalid: [],
});
