import type { TSESTree } from '@typescript-eslint/utils';
import { staticKey, unwrap, type Expression, type Node } from '../syntax/ast';
import { evaluateBottomUp } from '../syntax/control';

/**
 * What a condition says about the chat (docs/spec/behaviour.md#guarded-and-handled-findings):
 * code that runs only when it is truthy, or only when it is falsy, runs only
 * in a chat known not to be external.
 */
export interface ConditionMeaning {
  /** Truthy only when the chat is not external: `!chat.external`, `isExternal === false`. */
  readonly truthyMeansInternal: boolean;
  /** Falsy only when the chat is not external: `chat.external`, `await isExternalGroup(id)`. */
  readonly falsyMeansInternal: boolean;
  /** The external tests the condition is made of, whose bindings must not change before the call. */
  readonly tests: readonly Expression[];
}

const NOTHING: ConditionMeaning = { truthyMeansInternal: false, falsyMeansInternal: false, tests: [] };

/**
 * Reads conditions with the names a notice gives the external-chat test
 * (`EXTERNAL_CHAT_TEST`, as words joined by a space). Each condition is read
 * once.
 */
export class ExternalTests {
  private readonly meanings = new WeakMap<Node, ConditionMeaning>();

  constructor(private readonly names: ReadonlySet<string>) {}

  /**
   * What `condition` says: an external test, negated by `!`, `=== false` or
   * `!== true`, kept by `=== true` or `== true`, and `&&`, `||` and `!` of
   * such conditions (`res.ok && !res.data.external`). Anything else says nothing.
   */
  meaningOf(condition: Expression): ConditionMeaning {
    let meaning = this.meanings.get(condition);
    if (meaning === undefined) {
      meaning = evaluateBottomUp<ConditionMeaning>(condition, (node) => this.operands(node), (node, values) => this.combine(node, values));
      this.meanings.set(condition, meaning);
    }
    return meaning;
  }

  /** The conditions a condition is built of: both sides of `&&` and `||`, the argument of `!`. */
  private operands(node: Node): readonly Node[] {
    const inner = unwrap(node as Expression);
    if (inner.type === 'LogicalExpression' && inner.operator !== '??') return [inner.left, inner.right];
    if (inner.type === 'UnaryExpression' && inner.operator === '!') return [inner.argument];
    return [];
  }

  private combine(node: Node, values: readonly ConditionMeaning[]): ConditionMeaning {
    const inner = unwrap(node as Expression);
    if (inner.type === 'LogicalExpression' && inner.operator !== '??') {
      const [left, right] = values as [ConditionMeaning, ConditionMeaning];
      const tests = [...left.tests, ...right.tests];
      // `a && b` is truthy only when both are; `a || b` is falsy only when both are.
      return inner.operator === '&&'
        ? { truthyMeansInternal: left.truthyMeansInternal || right.truthyMeansInternal, falsyMeansInternal: left.falsyMeansInternal && right.falsyMeansInternal, tests }
        : { truthyMeansInternal: left.truthyMeansInternal && right.truthyMeansInternal, falsyMeansInternal: left.falsyMeansInternal || right.falsyMeansInternal, tests };
    }
    if (inner.type === 'UnaryExpression' && inner.operator === '!') {
      const [argument] = values as [ConditionMeaning];
      return { truthyMeansInternal: argument.falsyMeansInternal, falsyMeansInternal: argument.truthyMeansInternal, tests: argument.tests };
    }
    if (inner.type === 'BinaryExpression') {
      const compared = comparedWithBoolean(inner);
      if (compared === undefined || !this.isExternalTest(compared.test)) return NOTHING;
      // `=== true` and `== true` keep the test; `=== false` and `!== true` negate it. Nothing else counts.
      const keeps = compared.value === true && (inner.operator === '===' || inner.operator === '==');
      const negates = (compared.value === false && inner.operator === '===') || (compared.value === true && inner.operator === '!==');
      if (keeps) return { truthyMeansInternal: false, falsyMeansInternal: true, tests: [compared.test] };
      if (negates) return { truthyMeansInternal: true, falsyMeansInternal: false, tests: [compared.test] };
      return NOTHING;
    }
    return this.isExternalTest(inner) ? { truthyMeansInternal: false, falsyMeansInternal: true, tests: [inner] } : NOTHING;
  }

  /**
   * An external test: a member, identifier or call, possibly awaited, whose
   * name is one of the names (`chat.external`, `res.data?.external`,
   * `isExternal`, `is_external_chat`, `await isExternalGroup(id)`). A member
   * of `this` is not one: any method may change it between the test and the call.
   */
  isExternalTest(expression: Expression): boolean {
    let node = unwrap(expression);
    if (node.type === 'AwaitExpression') node = unwrap(node.argument);
    const named = node.type === 'CallExpression' ? unwrap(node.callee as Expression) : node;
    let name: string | undefined;
    if (named.type === 'Identifier') name = named.name;
    else if (named.type === 'MemberExpression') name = staticKey(named);
    return name !== undefined && this.names.has(nameWords(name)) && !readsThis(named);
  }
}

/** `X === true`, `false !== X`: the other side, and the boolean it is compared with. */
function comparedWithBoolean(binary: TSESTree.BinaryExpression): { test: Expression; value: boolean } | undefined {
  const booleanOf = (node: Node) => (node.type === 'Literal' && typeof node.value === 'boolean' ? node.value : undefined);
  const right = booleanOf(binary.right);
  if (right !== undefined && binary.left.type !== 'PrivateIdentifier') return { test: binary.left, value: right };
  const left = booleanOf(binary.left);
  return left === undefined ? undefined : { test: binary.right, value: left };
}

/** A member chain that starts at `this` (or `super`). */
function readsThis(node: Expression): boolean {
  let current: Expression = node;
  for (;;) {
    current = unwrap(current);
    if (current.type === 'MemberExpression') current = current.object as Expression;
    else if (current.type === 'CallExpression') current = current.callee as Expression;
    else return current.type === 'ThisExpression' || (current as Node).type === 'Super';
  }
}

/**
 * A name as lower-cased words joined by one space: `isExternalGroup` and
 * `IS_EXTERNAL_GROUP` are `is external group`, `externalUserId` is
 * `external user id`. camelCase humps and `_` split words; an acronym is one
 * word (`isEXTERNAL` is `is external`).
 */
export function nameWords(name: string): string {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    if (char === '_') {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    // A word starts at an upper-case letter after a lower-case one or a digit (`isExternal`),
    // and at the last upper-case letter of an acronym followed by a lower-case one (`HTTPServer`).
    const previous = name[i - 1] ?? '';
    const next = name[i + 1] ?? '';
    const startsWord = isUpper(char) && word !== '' && (!isUpper(previous) || isLower(next));
    if (startsWord) {
      words.push(word);
      word = '';
    }
    word += char;
  }
  if (word !== '') words.push(word);
  return words.map((each) => each.toLowerCase()).join(' ');
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}

function isLower(char: string): boolean {
  return char >= 'a' && char <= 'z';
}
