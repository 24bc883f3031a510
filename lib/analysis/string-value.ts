import type { TSESTree } from '@typescript-eslint/utils';
import { N8N_EXPRESSION } from '../catalog';
import { UNKNOWN } from '../matcher';
import { isGlobalReference, unwrap, type Expression, type SourceCode } from '../syntax/ast';
import { bindingReadBy, initializerOf, type Binding } from './const-bindings';
import { join, literalText, MAX_DEPTH, sanitize } from './string-parts';
import { resolveUrl } from './url-resolve';
import { work } from '../syntax/work';

/** What a string-building expression evaluates to (docs/spec/behaviour.md#evaluating-strings). */
export interface StringValue {
  /**
   * The value with `UNKNOWN` for each piece that could not be evaluated;
   * undefined when it grew past any URL's length (it cannot be one).
   */
  readonly text: string | undefined;
  /** The value is certainly a string, so `+` with it concatenates. */
  readonly isString: boolean;
  /** The bindings of this file (`X`, `API.SEND`) the expression reads directly, not through other bindings. */
  readonly bindings: readonly Binding[];
}

export const UNKNOWN_VALUE: StringValue = { text: UNKNOWN, isString: false, bindings: [] };

/**
 * Where the names an expression reads get their values: the linted file's
 * scope (`lib/analysis/file-scope.ts`), or the top level of another file of the
 * project (`lib/analysis/imports/module-values.ts`).
 */
export interface ValueScope {
  /** The binding of this file a read names, when this file writes its value. */
  bindingRead(node: TSESTree.Identifier | TSESTree.MemberExpression): Binding | undefined;
  /** The expression a binding's value is written in. */
  initializerOf(target: Binding): Expression | undefined;
  /** The value of a read this file does not write: a binding imported from another file. */
  imported(node: TSESTree.Identifier | TSESTree.MemberExpression): StringValue | undefined;
  /** `identifier` names the global (`URL`, `String`), not a binding of that name. */
  isGlobal(identifier: TSESTree.Identifier): boolean;
}

/** The scope of the linted file, found through ESLint's scope analysis; `imported` reads what other files export. */
export function fileScope(sourceCode: SourceCode, imported: ValueScope['imported']): ValueScope {
  return {
    bindingRead: (node) => bindingReadBy(sourceCode, node),
    initializerOf: (target) => initializerOf(sourceCode, target),
    imported,
    isGlobal: (identifier) => isGlobalReference(sourceCode, identifier),
  };
}

/**
 * Evaluates string-building expressions: string and template literals, `+`
 * chains, `const` bindings and members of `const` object literals, string enum
 * members, imported bindings (through the scope), and `new URL(input, base)`;
 * anything else is an unknown piece. Values of bindings are computed once per
 * evaluator. A value that starts with n8n's expression marker is read as the
 * expression (docs/spec/behaviour.md#evaluating-strings).
 */
export class StringEvaluator {
  private readonly bindingValues = new Map<string, StringValue | undefined>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly scope: ValueScope) {}

  evaluate(node: Expression): StringValue {
    return n8nExpression(this.evaluateAt(node, 0));
  }

  /** The value a binding is initialized with, or undefined when the code does not say. */
  valueOfBinding(target: Binding): StringValue | undefined {
    const value = this.bindingValue(target, 0);
    return value === undefined ? undefined : n8nExpression(value);
  }

  /**
   * A pieces' value, before the whole is read as an n8n expression. `depth`
   * carries on through chains of bindings (`const b = a + 'x'`), so a long
   * chain meets the same cap as deep nesting.
   */
  evaluatePiece(node: Expression, depth: number): StringValue {
    return this.evaluateAt(node, depth);
  }

  private bindingValue(target: Binding, depth: number): StringValue | undefined {
    if (this.bindingValues.has(target.key)) return this.bindingValues.get(target.key);
    const initializer = this.scope.initializerOf(target);
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
        if (typeof node.value === 'string') return literalValue(node.value);
        if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) {
          return { text: literalText(String(node.value)), isString: false, bindings: [] };
        }
        return UNKNOWN_VALUE;
      case 'TemplateLiteral':
        return node.parent?.type === 'TaggedTemplateExpression' ? UNKNOWN_VALUE : this.template(node, depth);
      case 'BinaryExpression':
        return node.operator === '+' ? this.concat(node.left as Expression, node.right, depth) : UNKNOWN_VALUE;
      case 'Identifier':
      case 'MemberExpression':
        return this.bindingRead(node, depth);
      case 'NewExpression':
        return this.isUrlConstructor(node) ? this.url(node, depth) : UNKNOWN_VALUE;
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

  /** `X` or `API.chat.info`, when the file (or, through the scope, another file) says what it is. */
  private bindingRead(node: TSESTree.Identifier | TSESTree.MemberExpression, depth: number): StringValue {
    const target = this.scope.bindingRead(node);
    const value = target === undefined ? undefined : this.bindingValue(target, depth + 1);
    // `const A = require('./x').A` is a binding of this file whose value another file writes.
    if (target !== undefined && value !== undefined && (value.isString || value.text !== UNKNOWN)) {
      return { text: value.text, isString: value.isString, bindings: [target] };
    }
    const imported = this.scope.imported(node);
    if (imported !== undefined) return imported;
    // `new URL(…).href` is the URL itself.
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'href') {
      const object = unwrap(node.object);
      if (object.type === 'NewExpression' && this.isUrlConstructor(object)) return this.url(object, depth + 1);
    }
    return UNKNOWN_VALUE;
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
      this.scope.isGlobal(callee)
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
      if (object.type === 'NewExpression' && this.isUrlConstructor(object)) return this.url(object, depth + 1);
    }
    return UNKNOWN_VALUE;
  }

  private isUrlConstructor(node: TSESTree.NewExpression): boolean {
    return node.callee.type === 'Identifier' && node.callee.name === 'URL' && this.scope.isGlobal(node.callee);
  }
}

/** `new URL(…)` with the global `URL`, not a local class of that name. */
export function isUrlConstructor(sourceCode: SourceCode, node: TSESTree.NewExpression): boolean {
  return node.callee.type === 'Identifier' && node.callee.name === 'URL' && isGlobalReference(sourceCode, node.callee);
}

/** The value of a string literal, wherever it is written (also an enum member or a `declare const` type). */
export function literalValue(text: string): StringValue {
  return { text: literalText(text), isString: true, bindings: [] };
}

/**
 * A value that starts with n8n's expression marker `=` is the expression after
 * it, each `{{…}}` placeholder one unknown piece (whitespace inside allowed):
 * `'=/im/v1/messages/{{$parameter["message_id"]}}/reactions'`.
 */
function n8nExpression(value: StringValue): StringValue {
  const { text } = value;
  if (text === undefined || !text.startsWith(N8N_EXPRESSION.marker)) return value;
  let result = '';
  let offset = N8N_EXPRESSION.marker.length;
  for (;;) {
    const open = text.indexOf(N8N_EXPRESSION.open, offset);
    const close = open === -1 ? -1 : text.indexOf(N8N_EXPRESSION.close, open + N8N_EXPRESSION.open.length);
    if (close === -1) break;
    result = join(join(result, text.slice(offset, open)), UNKNOWN)!;
    offset = close + N8N_EXPRESSION.close.length;
  }
  return { ...value, text: join(result, text.slice(offset)) };
}
