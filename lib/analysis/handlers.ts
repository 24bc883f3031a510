import type { TSESTree } from '@typescript-eslint/utils';
import { outermostWrapper, resolveVariable, staticKey, unwrap, unwrapValue, type Expression, type Node, type SourceCode, type Variable } from '../syntax/ast';
import { isFunctionBoundary, ownNodes } from '../syntax/control';
import { work } from '../syntax/work';
import { bindingReadBy, initializerOf } from './const-bindings';

/** A handler of a rejected call: a `catch` clause, or the function given to `.catch(fn)`. */
type Handler = TSESTree.CatchClause | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration;

/** A handler larger than this many nodes is not read: it is not counted as handling anything. */
const MAX_HANDLER_NODES = 50_000;
/** An expression compared with the code is read up to this many nodes. */
const MAX_EXPRESSION_NODES = 200;

/**
 * Handlers (docs/spec/behaviour.md#guarded-and-handled-findings): whether the
 * code catches a call's failure with a given error code and carries on. Each
 * handler is read once per code.
 */
export class Handlers {
  private readonly verdicts = new WeakMap<Handler, Map<number, boolean>>();

  constructor(private readonly sourceCode: SourceCode) {}

  /**
   * The failure of `call` with `code` is handled: the call's own promise chain
   * has a `.catch(fn)` (after any `.then(…)` and `.finally(…)`) that handles
   * it; or, with no `.catch`, the call (or its chain) is awaited inside the
   * `try` block of a `try` statement of the same function whose `catch`
   * handles it. The innermost handler decides.
   */
  isHandled(call: Node, code: number): boolean {
    let top = outermostWrapper(call);
    for (;;) {
      work.climbed++;
      const parent = top.parent;
      const key = parent?.type === 'MemberExpression' && parent.object === top ? staticKey(parent) : undefined;
      const chained = parent?.parent;
      if (key === undefined || chained?.type !== 'CallExpression' || chained.callee !== parent) break;
      if (key === 'catch') return this.handles(handlerFunction(this.sourceCode, chained.arguments[0]), code);
      if (key !== 'then' && key !== 'finally') break;
      top = outermostWrapper(chained);
    }
    // A promise that is not awaited settles after the `try` has ended: its rejection escapes the `catch`.
    if (top.parent?.type !== 'AwaitExpression') return false;
    let current: Node = top.parent;
    for (let parent: Node | undefined = current.parent; parent && !isFunctionBoundary(parent); current = parent, parent = parent.parent) {
      work.climbed++;
      if (parent.type === 'TryStatement' && parent.block === current && parent.handler !== null) return this.handles(parent.handler, code);
    }
    return false;
  }

  private handles(handler: Handler | undefined, code: number): boolean {
    if (handler === undefined) return false;
    let byCode = this.verdicts.get(handler);
    if (byCode === undefined) {
      byCode = new Map();
      this.verdicts.set(handler, byCode);
    }
    let verdict = byCode.get(code);
    if (verdict === undefined) {
      verdict = new HandlerReading(this.sourceCode, handler, code).handles();
      byCode.set(code, verdict);
    }
    return verdict;
  }
}

/** The function `.catch(…)` is given, written there or declared in the file. */
function handlerFunction(sourceCode: SourceCode, argument: TSESTree.CallExpressionArgument | undefined): Handler | undefined {
  if (argument === undefined || argument.type === 'SpreadElement') return undefined;
  const node = unwrap(argument);
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return node;
  if (node.type !== 'Identifier') return undefined;
  const variable = resolveVariable(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type === 'FunctionDeclaration') return definition.node;
  if (definition?.node.type === 'VariableDeclarator' && definition.parent?.type === 'VariableDeclaration' && definition.parent.kind === 'const') {
    const init = definition.node.init === null ? undefined : unwrap(definition.node.init);
    if (init?.type === 'FunctionExpression' || init?.type === 'ArrowFunctionExpression') return init;
  }
  return undefined;
}

/** A statement list being walked, and whether an unlabelled `break` in it ends a `switch` the walk entered. */
interface Frame {
  readonly list: readonly Node[];
  index: number;
  readonly switchCases: boolean;
}

/**
 * One handler read for one error code: does the path it takes for an error
 * with that code compare the code and end without throwing?
 */
class HandlerReading {
  /** The caught error, and the variables the handler derives from it (`const code = e?.response?.data?.code`). */
  private readonly errors = new Set<Variable>();
  private readonly isCallback: boolean;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly handler: Handler,
    private readonly code: number,
  ) {
    this.isCallback = handler.type !== 'CatchClause';
  }

  /**
   * Walks the handler's statements as they run for an error with the code:
   * into the consequent of an `if` that compares it (`===`, `==`, a list's
   * `includes`, in a `||` chain), from the `case` of a `switch` on it. It is
   * handled when the walk met such a comparison and ends without a `throw`
   * (nor, in a `.catch` callback, a `return Promise.reject(…)`). A statement
   * the walk cannot decide (another `if`, a loop) must hold no `throw`, and
   * before the comparison no `return`, `break` or `continue` either: a path
   * that leaves without comparing the code does not handle it.
   */
  handles(): boolean {
    const param = this.handler.type === 'CatchClause' ? this.handler.param : this.handler.params[0];
    const body = this.handler.body;
    if (param === null || param === undefined || body.type !== 'BlockStatement') return false;
    for (const identifier of patternNames(param)) {
      const variable = resolveVariable(this.sourceCode, identifier);
      if (variable !== undefined) this.errors.add(variable);
    }
    const nodes = ownNodes(this.sourceCode, body, MAX_HANDLER_NODES);
    if (nodes === undefined) return false;
    this.addDerivedErrors(nodes);

    let compared = false;
    const stack: Frame[] = [{ list: body.body, index: 0, switchCases: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.list.length) {
        stack.pop();
        continue;
      }
      const statement = frame.list[frame.index++]!;
      switch (statement.type) {
        case 'BlockStatement':
          stack.push({ list: statement.body, index: 0, switchCases: false });
          continue;
        case 'ThrowStatement':
          return false;
        case 'ReturnStatement':
          return compared && !this.rejects(statement);
        case 'ContinueStatement':
          return compared;
        case 'BreakStatement': {
          // An unlabelled `break` ends the `switch` the walk is in; any other leaves the handler.
          let inSwitch = statement.label === null ? stack.length - 1 : -1;
          while (inSwitch >= 0 && !stack[inSwitch]!.switchCases) inSwitch--;
          if (inSwitch === -1) return compared;
          stack.length = inSwitch;
          continue;
        }
        case 'IfStatement':
          if (this.comparesCode(statement.test)) {
            compared = true;
            stack.push({ list: [statement.consequent], index: 0, switchCases: false });
            continue;
          }
          break;
        case 'SwitchStatement': {
          const cases = this.casesFrom(statement);
          if (cases !== undefined) {
            compared = true;
            stack.push({ list: cases, index: 0, switchCases: true });
            continue;
          }
          break;
        }
        default:
          break;
      }
      // A statement the walk cannot decide.
      if (!this.isSafe(statement, compared)) return false;
    }
    return compared;
  }

  /** Variables declared in the handler from the error, in the order they are written (`const { code } = e.response.data`). */
  private addDerivedErrors(nodes: readonly Node[]): void {
    const declarators = nodes.filter((node): node is TSESTree.VariableDeclarator => node.type === 'VariableDeclarator' && node.init !== null);
    declarators.sort((a, b) => a.range[0] - b.range[0]);
    for (const declarator of declarators) {
      if (!this.mentionsError(declarator.init!)) continue;
      for (const identifier of patternNames(declarator.id)) {
        const variable = resolveVariable(this.sourceCode, identifier);
        // Written once, at its declaration: it still holds what the error said.
        if (variable !== undefined && variable.references.filter((reference) => reference.isWrite()).length === 1) this.errors.add(variable);
      }
    }
  }

  /** The expression reads the error, or a variable derived from it. */
  private mentionsError(expression: Node): boolean {
    const nodes = ownNodes(this.sourceCode, expression, MAX_EXPRESSION_NODES);
    if (nodes === undefined) return false;
    return nodes.some((node) => {
      if (node.type !== 'Identifier') return false;
      const parent = node.parent;
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return false;
      if (parent?.type === 'Property' && parent.key === node && parent.value !== node && !parent.computed) return false;
      const variable = resolveVariable(this.sourceCode, node);
      return variable !== undefined && this.errors.has(variable);
    });
  }

  /**
   * The condition is true whenever the error has the code: it compares an
   * expression of the error with the code (`===`, `==`, `[…].includes(…)`),
   * alone or as one side of `||`.
   */
  private comparesCode(condition: Expression): boolean {
    const pending: Expression[] = [condition];
    while (pending.length > 0) {
      const node = unwrap(pending.pop()!);
      if (node.type === 'LogicalExpression' && node.operator === '||') {
        pending.push(node.left, node.right);
      } else if (node.type === 'BinaryExpression' && (node.operator === '===' || node.operator === '==')) {
        const { left, right } = node;
        if ((this.isCode(right) && this.mentionsError(left)) || (this.isCode(left) && this.mentionsError(right))) return true;
      } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && staticKey(node.callee) === 'includes') {
        const list = this.listOf(node.callee.object);
        const [argument] = node.arguments;
        if (list?.some((element) => element !== null && element.type !== 'SpreadElement' && this.isCode(element)) && argument !== undefined && argument.type !== 'SpreadElement' && this.mentionsError(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The code as a number literal, or a `const` (or `const` object member) holding it. */
  private isCode(node: Node): boolean {
    const value = this.constantOf(node as Expression);
    return value.type === 'Literal' && value.value === this.code;
  }

  /** An array literal, written or held by a `const`: its elements. */
  private listOf(node: Expression): TSESTree.ArrayExpression['elements'] | undefined {
    const value = this.constantOf(node);
    return value.type === 'ArrayExpression' ? value.elements : undefined;
  }

  /** The value a `const` binding (`CODE`, `CODES.REACTION`) holds, or the expression itself. */
  private constantOf(node: Expression): Expression {
    const target = unwrap(node);
    if (target.type !== 'Identifier' && target.type !== 'MemberExpression') return target;
    const binding = bindingReadBy(this.sourceCode, target);
    const initializer = binding === undefined ? undefined : initializerOf(this.sourceCode, binding);
    return initializer === undefined ? target : unwrapValue(initializer);
  }

  /** The cases a `switch` on the error runs for the code: from its `case`, falling through the rest. */
  private casesFrom(statement: TSESTree.SwitchStatement): Node[] | undefined {
    if (!this.mentionsError(statement.discriminant)) return undefined;
    const index = statement.cases.findIndex((entry) => entry.test !== null && this.isCode(entry.test));
    return index === -1 ? undefined : statement.cases.slice(index).flatMap((entry) => entry.consequent);
  }

  /**
   * A statement whose path the walk cannot tell: it must not throw, and until
   * the code is compared it must not leave the handler either.
   */
  private isSafe(statement: Node, compared: boolean): boolean {
    const nodes = ownNodes(this.sourceCode, statement, MAX_HANDLER_NODES);
    if (nodes === undefined) return false;
    return nodes.every((node) => {
      if (node.type === 'ThrowStatement') return false;
      if (node.type === 'ReturnStatement') return compared && !this.rejects(node);
      if (node.type === 'BreakStatement' || node.type === 'ContinueStatement') return compared;
      return true;
    });
  }

  /** In a `.catch` callback, `return Promise.reject(…)` passes the failure on as a `throw` does. */
  private rejects(statement: TSESTree.ReturnStatement): boolean {
    if (!this.isCallback || statement.argument === null) return false;
    const argument = unwrap(statement.argument);
    return (
      argument.type === 'CallExpression' &&
      argument.callee.type === 'MemberExpression' &&
      staticKey(argument.callee) === 'reject' &&
      argument.callee.object.type === 'Identifier' &&
      argument.callee.object.name === 'Promise'
    );
  }
}

/** The identifiers a parameter or declaration pattern binds: `e`, `{ code }`, `{ response: { data } }`, `[first]`. */
function patternNames(pattern: Node): TSESTree.Identifier[] {
  const names: TSESTree.Identifier[] = [];
  const pending: Node[] = [pattern];
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.type) {
      case 'Identifier':
        names.push(node);
        break;
      case 'ObjectPattern':
        for (const property of node.properties) pending.push(property.type === 'RestElement' ? property.argument : property.value);
        break;
      case 'ArrayPattern':
        for (const element of node.elements) if (element !== null) pending.push(element);
        break;
      case 'AssignmentPattern':
        pending.push(node.left);
        break;
      case 'RestElement':
        pending.push(node.argument);
        break;
      default:
        break;
    }
  }
  return names;
}
