import type * as ts from 'typescript';
import { UNKNOWN } from '../matcher';
import { join, literalText, MAX_DEPTH } from './string-parts';

/**
 * The TypeScript-AST twin of the string evaluation (`string-value.ts`), for
 * constants declared in other files and reached through the type checker:
 * string and template literals, `+`, `const` variables and members of `const`
 * object literals (plain or `as const`), with the same unknown pieces and caps.
 * A declaration without an initializer (`.d.ts`) gives its string literal type.
 */
export class TypedStrings {
  private readonly values = new Map<ts.Symbol, string | undefined>();
  private readonly evaluating = new Set<ts.Symbol>();

  constructor(
    private readonly tsApi: typeof ts,
    private readonly checker: ts.TypeChecker,
  ) {}

  /** The value of the constant an identifier or property access names, or undefined. */
  valueAt(node: ts.Node): string | undefined {
    const target = this.tsApi.isPropertyAccessExpression(node) ? node.name : node;
    const symbol = this.checker.getSymbolAtLocation(target);
    return symbol === undefined ? undefined : this.valueOfSymbol(symbol, 0);
  }

  /** `depth` carries on through chains of constants, as in the ESTree evaluator. */
  private valueOfSymbol(symbol: ts.Symbol, depth: number): string | undefined {
    const { tsApi } = this;
    const resolved = symbol.flags & tsApi.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    if (this.values.has(resolved)) return this.values.get(resolved);
    if (this.evaluating.has(resolved) || depth > MAX_DEPTH) return undefined;
    this.evaluating.add(resolved);
    const value = this.declaredValue(resolved, depth + 1);
    this.evaluating.delete(resolved);
    this.values.set(resolved, value);
    return value;
  }

  private declaredValue(symbol: ts.Symbol, depth: number): string | undefined {
    const { tsApi } = this;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (declaration === undefined) return undefined;
    if (tsApi.isShorthandPropertyAssignment(declaration)) {
      const value = this.checker.getShorthandAssignmentValueSymbol(declaration);
      return value === undefined || !isInConstObject(tsApi, declaration) ? undefined : this.valueOfSymbol(value, depth + 1);
    }
    const isConstVariable =
      tsApi.isVariableDeclaration(declaration) && (tsApi.getCombinedNodeFlags(declaration) & tsApi.NodeFlags.Const) !== 0;
    const isConstMember = tsApi.isPropertyAssignment(declaration) && isInConstObject(tsApi, declaration);
    if (!isConstVariable && !isConstMember) return undefined;
    const initializer = (declaration as ts.VariableDeclaration | ts.PropertyAssignment).initializer;
    if (initializer !== undefined) return this.evaluate(initializer, depth + 1).text;
    const type = this.checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return type.isStringLiteral() ? literalText(type.value) : undefined;
  }

  private evaluate(node: ts.Expression, depth: number): { text: string | undefined; isString: boolean } {
    const { tsApi } = this;
    const unknown = { text: UNKNOWN, isString: false };
    if (depth > MAX_DEPTH) return unknown;
    if (tsApi.isStringLiteral(node) || tsApi.isNoSubstitutionTemplateLiteral(node)) return { text: literalText(node.text), isString: true };
    if (tsApi.isNumericLiteral(node)) return { text: node.text, isString: false };
    if (
      tsApi.isParenthesizedExpression(node) ||
      tsApi.isAsExpression(node) ||
      tsApi.isSatisfiesExpression(node) ||
      tsApi.isNonNullExpression(node) ||
      tsApi.isTypeAssertionExpression(node)
    ) {
      return this.evaluate(node.expression, depth + 1);
    }
    if (tsApi.isTemplateExpression(node)) {
      let text: string | undefined = literalText(node.head.text);
      for (const span of node.templateSpans) {
        text = join(join(text, this.evaluate(span.expression, depth + 1).text), literalText(span.literal.text));
      }
      return { text, isString: true };
    }
    if (tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
      const left = this.evaluate(node.left, depth + 1);
      const right = this.evaluate(node.right, depth + 1);
      return left.isString || right.isString ? { text: join(left.text, right.text), isString: true } : unknown;
    }
    if (tsApi.isIdentifier(node) || tsApi.isPropertyAccessExpression(node) || tsApi.isElementAccessExpression(node)) {
      const symbol = this.checker.getSymbolAtLocation(tsApi.isPropertyAccessExpression(node) ? node.name : node);
      const text = symbol === undefined ? undefined : this.valueOfSymbol(symbol, depth + 1);
      return text === undefined ? unknown : { text, isString: true };
    }
    return unknown;
  }
}

/** A property of an object literal (nested, `as const`, `satisfies`, `Object.freeze`) that a `const` holds. */
function isInConstObject(tsApi: typeof ts, property: ts.ObjectLiteralElement): boolean {
  let current: ts.Node = property.parent;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (
      tsApi.isParenthesizedExpression(parent) ||
      tsApi.isAsExpression(parent) ||
      tsApi.isSatisfiesExpression(parent) ||
      (tsApi.isCallExpression(parent) && parent.expression.getText() === 'Object.freeze')
    ) {
      current = parent;
    } else if (tsApi.isPropertyAssignment(parent) && tsApi.isObjectLiteralExpression(parent.parent)) {
      current = parent.parent;
    } else {
      return tsApi.isVariableDeclaration(parent) && parent.initializer === current && (tsApi.getCombinedNodeFlags(parent) & tsApi.NodeFlags.Const) !== 0;
    }
  }
}
