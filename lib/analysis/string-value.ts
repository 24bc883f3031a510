import type { TSESTree } from '@typescript-eslint/utils';
import { UNKNOWN } from '../matcher';
import { isGlobalReference, unwrap, type Expression, type SourceCode } from '../syntax/ast';
import { bindingReadBy, initializerOf, type Binding } from './const-bindings';
import { join, literalText, MAX_DEPTH, sanitize } from './string-parts';
import { resolveUrl } from './url-resolve';
import { work } from '../syntax/work';

/** What a string-building expression evaluates to (docs/spec/behaviour.md#evaluating-strings). */
interface StringValue {
  /**
   * The value with `UNKNOWN` for each piece that could not be evaluated;
   * undefined when it grew past any URL's length (it cannot be one).
   */
  readonly text: string | undefined;
  /** The value is certainly a string, so `+` with it concatenates. */
  readonly isString: boolean;
  /** The bindings (`X`, `API.SEND`) the expression reads directly, not through other bindings. */
  readonly bindings: readonly Binding[];
}

const UNKNOWN_VALUE: StringValue = { text: UNKNOWN, isString: false, bindings: [] };

/**
 * Evaluates string-building expressions of one file: string and template
 * literals, `+` chains, `const` bindings and members of `const` object
 * literals, and `new URL(input, base)`; anything else is an unknown piece.
 * Values of bindings are computed once per file.
 */
export class StringEvaluator {
  private readonly bindingValues = new Map<string, StringValue | undefined>();
  private readonly evaluating = new Set<string>();

  /**
   * @param external reads what this file does not say, with type information:
   *   constants imported from other files (docs/spec/behaviour.md#where-a-report-lands).
   */
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly external?: (node: TSESTree.Identifier | TSESTree.MemberExpression) => string | undefined,
  ) {}

  evaluate(node: Expression): StringValue {
    return this.evaluateAt(node, 0);
  }

  /**
   * The value a binding is initialized with, or undefined when the code does not
   * say. `depth` carries on through chains of bindings (`const b = a + 'x'`),
   * so a long chain meets the same cap as deep nesting.
   */
  valueOfBinding(target: Binding, depth = 0): StringValue | undefined {
    if (this.bindingValues.has(target.key)) return this.bindingValues.get(target.key);
    const initializer = initializerOf(target);
    if (initializer === undefined || this.evaluating.has(target.key) || depth > MAX_DEPTH) return undefined;
    this.evaluating.add(target.key);
    const value = this.evaluateAt(initializer, depth + 1);
    this.evaluating.delete(target.key);
    this.bindingValues.set(target.key, value);
    return value;
  }

  private evaluateAt(expression: Expression, depth: number): StringValue {
    work.visited++;
    if (depth > MAX_DEPTH) return UNKNOWN_VALUE;
    const node = unwrap(expression);
    switch (node.type) {
      case 'Literal':
        if (typeof node.value === 'string') return literal(node.value, true);
        if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) {
          return literal(String(node.value), false);
        }
        return UNKNOWN_VALUE;
      case 'TemplateLiteral':
        return node.parent.type === 'TaggedTemplateExpression' ? UNKNOWN_VALUE : this.template(node, depth);
      case 'BinaryExpression':
        return node.operator === '+' ? this.concat(node.left as Expression, node.right, depth) : UNKNOWN_VALUE;
      case 'Identifier':
      case 'MemberExpression':
        return this.bindingRead(node, depth);
      case 'NewExpression':
        return isUrlConstructor(this.sourceCode, node) ? this.url(node, depth) : UNKNOWN_VALUE;
      case 'CallExpression':
        return this.stringConversion(node, depth);
      default:
        return UNKNOWN_VALUE;
    }
  }

  private template(node: TSESTree.TemplateLiteral, depth: number): StringValue {
    let text: string | undefined = '';
    const bindings: Binding[] = [];
    node.quasis.forEach((quasi, i) => {
      const cooked = quasi.value.cooked as string | null;
      text = join(text, cooked === null ? UNKNOWN : sanitize(cooked));
      const expression = node.expressions[i];
      if (expression !== undefined) {
        const part = this.evaluateAt(expression, depth + 1);
        text = join(text, part.text);
        bindings.push(...part.bindings);
      }
    });
    return { text, isString: true, bindings };
  }

  private concat(left: Expression, right: Expression, depth: number): StringValue {
    const l = this.evaluateAt(left, depth + 1);
    const r = this.evaluateAt(right, depth + 1);
    // Without a string on either side `+` may be numeric addition: nothing to read.
    if (!l.isString && !r.isString) return UNKNOWN_VALUE;
    return { text: join(l.text, r.text), isString: true, bindings: [...l.bindings, ...r.bindings] };
  }

  /** `X` or `API.chat.info`, when a `const` (object literal) in this file says what it is. */
  private bindingRead(node: TSESTree.Identifier | TSESTree.MemberExpression, depth: number): StringValue {
    const target = bindingReadBy(this.sourceCode, node);
    const value = target === undefined ? undefined : this.valueOfBinding(target, depth + 1);
    if (target === undefined || value === undefined) {
      const text = this.external?.(node);
      if (text !== undefined) return { text, isString: true, bindings: [] };
      // `new URL(…).href` is the URL itself.
      if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'href') {
        const object = unwrap(node.object);
        if (object.type === 'NewExpression' && isUrlConstructor(this.sourceCode, object)) return this.url(object, depth + 1);
      }
      return UNKNOWN_VALUE;
    }
    return { text: value.text, isString: value.isString, bindings: [target] };
  }

  private url(node: TSESTree.NewExpression, depth: number): StringValue {
    const [input, base] = node.arguments;
    if (input === undefined || input.type === 'SpreadElement' || base?.type === 'SpreadElement') return UNKNOWN_VALUE;
    const i = this.evaluateAt(input, depth + 1);
    if (base === undefined) return { text: i.text, isString: true, bindings: i.bindings };
    const b = this.evaluateAt(base, depth + 1);
    return { text: resolveUrl(i.text, b.text), isString: true, bindings: [...i.bindings, ...b.bindings] };
  }

  /** `String(x)` and `new URL(…).toString()`. */
  private stringConversion(node: TSESTree.CallExpression, depth: number): StringValue {
    const callee = node.callee;
    const [argument] = node.arguments;
    if (
      callee.type === 'Identifier' &&
      callee.name === 'String' &&
      node.arguments.length === 1 &&
      argument?.type !== 'SpreadElement' &&
      argument !== undefined &&
      isGlobalReference(this.sourceCode, callee)
    ) {
      return { ...this.evaluateAt(argument, depth + 1), isString: true };
    }
    if (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'toString' &&
      node.arguments.length === 0
    ) {
      const object = unwrap(callee.object);
      if (object.type === 'NewExpression' && isUrlConstructor(this.sourceCode, object)) return this.url(object, depth + 1);
    }
    return UNKNOWN_VALUE;
  }
}

/** `new URL(…)` with the global `URL`, not a local class of that name. */
export function isUrlConstructor(sourceCode: SourceCode, node: TSESTree.NewExpression): boolean {
  return node.callee.type === 'Identifier' && node.callee.name === 'URL' && isGlobalReference(sourceCode, node.callee);
}

function literal(text: string, isString: boolean): StringValue {
  return { text: literalText(text), isString, bindings: [] };
}
