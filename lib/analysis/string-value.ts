import type { TSESTree } from '@typescript-eslint/utils';
import { UNKNOWN } from '../matcher';
import {
  constDeclarator,
  resolveVariable,
  unwrap,
  type Expression,
  type SourceCode,
  type Variable,
} from './ast';

/** What a string-building expression evaluates to (behaviour.md §2). */
export interface StringValue {
  /**
   * The value with `UNKNOWN` for each piece that could not be evaluated;
   * undefined when it grew past any URL's length (it cannot be one).
   */
  readonly text: string | undefined;
  /** The value is certainly a string, so `+` with it concatenates. */
  readonly isString: boolean;
  /** The `const` variables the expression reads directly (not through other consts). */
  readonly consts: readonly Variable[];
}

/** Longer values are not URLs; the cap also bounds `const b = a + a` chains. */
const MAX_LENGTH = 4096;
/** Nesting beyond this is evaluated as unknown, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 200;

const UNKNOWN_VALUE: StringValue = { text: UNKNOWN, isString: false, consts: [] };

/**
 * Evaluates string-building expressions of one file: string and template
 * literals, `+` chains and identifiers bound to a `const` initializer; anything
 * else is an unknown piece. Values of consts are computed once per file.
 */
export class StringEvaluator {
  private readonly constValues = new Map<Variable, StringValue>();
  private readonly evaluating = new Set<Variable>();

  constructor(private readonly sourceCode: SourceCode) {}

  evaluate(node: Expression): StringValue {
    return this.evaluateAt(node, 0);
  }

  /** The value of a `const` variable's initializer, or undefined for anything but a plain `const x = …`. */
  valueOfConst(variable: Variable): StringValue | undefined {
    const cached = this.constValues.get(variable);
    if (cached !== undefined) return cached;
    const declarator = constDeclarator(variable);
    if (declarator === undefined || this.evaluating.has(variable)) return undefined;
    this.evaluating.add(variable);
    const value = this.evaluateAt(declarator.init, 0);
    this.evaluating.delete(variable);
    this.constValues.set(variable, value);
    return value;
  }

  private evaluateAt(expression: Expression, depth: number): StringValue {
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
        return this.template(node.quasis, node.expressions, depth);
      case 'BinaryExpression':
        return node.operator === '+' ? this.concat(node.left, node.right, depth) : UNKNOWN_VALUE;
      case 'Identifier':
        return this.identifier(node);
      default:
        return UNKNOWN_VALUE;
    }
  }

  private template(quasis: readonly TSESTree.TemplateElement[], expressions: readonly Expression[], depth: number): StringValue {
    let text: string | undefined = '';
    const consts: Variable[] = [];
    for (let i = 0; i < quasis.length; i++) {
      const quasi = quasis[i]!;
      const cooked = quasi.value.cooked as string | null;
      text = join(text, cooked === null ? UNKNOWN : sanitize(cooked));
      const expression = expressions[i];
      if (expression !== undefined) {
        const part = this.evaluateAt(expression, depth + 1);
        text = join(text, part.text);
        consts.push(...part.consts);
      }
      if (text === undefined) return { text: undefined, isString: true, consts };
    }
    return { text, isString: true, consts };
  }

  private concat(left: Expression, right: Expression, depth: number): StringValue {
    const l = this.evaluateAt(left, depth + 1);
    const r = this.evaluateAt(right, depth + 1);
    // Without a string on either side `+` may be numeric addition: nothing to read.
    if (!l.isString && !r.isString) return UNKNOWN_VALUE;
    return { text: join(l.text, r.text), isString: true, consts: [...l.consts, ...r.consts] };
  }

  private identifier(node: TSESTree.Identifier): StringValue {
    const variable = resolveVariable(this.sourceCode, node);
    const value = variable === undefined ? undefined : this.valueOfConst(variable);
    if (variable === undefined || value === undefined) return UNKNOWN_VALUE;
    return { text: value.text, isString: value.isString, consts: [variable] };
  }
}

function literal(text: string, isString: boolean): StringValue {
  return { text: text.length > MAX_LENGTH ? undefined : sanitize(text), isString, consts: [] };
}

/** A literal can't smuggle in the unknown marker. */
function sanitize(text: string): string {
  return text.includes(UNKNOWN) ? text.replaceAll(UNKNOWN, '\uFFFD') : text;
}

/** Concatenates two values, folding adjacent unknowns into one. */
function join(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a.length + b.length > MAX_LENGTH) return undefined;
  return a.endsWith(UNKNOWN) && b.startsWith(UNKNOWN) ? a + b.slice(1) : a + b;
}
