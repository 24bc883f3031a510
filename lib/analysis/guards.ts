import type { TSESTree } from '@typescript-eslint/utils';
import { resolveVariable, staticKey, type Expression, type Node, type SourceCode, type Variable } from '../syntax/ast';
import { alwaysExits, enclosingFunction, holdsNode, isFunctionBoundary, isLoop, ownNodes, statementListOf } from '../syntax/control';
import { work } from '../syntax/work';
import type { ConditionMeaning, ExternalTests } from './external-tests';

/** An `if` that leaves its statement list unless the chat is not external: code after it is guarded. */
interface EarlyExit {
  readonly statement: TSESTree.IfStatement;
  readonly meaning: ConditionMeaning;
}

/** The nodes an external test reads, beyond this many, make it one the analysis does not follow. */
const MAX_TEST_NODES = 200;

/**
 * Guards (docs/spec/behaviour.md#guarded-and-handled-findings): whether code
 * runs only in a chat known not to be external, by the code's own tests, in
 * the same function. Statement lists' early exits and the bindings each
 * external test reads are worked out once per file.
 */
export class Guards {
  private readonly earlyExits = new WeakMap<readonly Node[], readonly EarlyExit[]>();
  private readonly testBindings = new WeakMap<Expression, readonly TestBinding[] | undefined>();
  private readonly writes = new WeakMap<Variable, Map<string, readonly Write[]>>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly tests: ExternalTests,
  ) {}

  /**
   * `node` runs only when the chat is not external: it sits, in the same
   * function, in the consequent of `if (T)` or `T ? … : …` or to the right of
   * `T && …` where T is truthy only for an internal chat, in the alternate of
   * `if (E)`, `E ? … : …` or to the right of `E || …` where E is falsy only for
   * one, or after an `if (E)` earlier in its block or an enclosing block of the
   * function whose branch always leaves the block. No binding the test reads
   * may change between the test and `node`.
   */
  isGuarded(node: Node): boolean {
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      work.climbed++;
      if (isFunctionBoundary(parent)) return false;
      if (this.guardsChild(parent, child, node)) return true;
      const list = statementListOf(parent, child);
      if (list === undefined) continue;
      for (const exit of this.earlyExitsOf(list)) {
        // Only an `if` before the statement holding `node` has run by then.
        if (exit.statement.range[1] <= child.range[0] && this.holdsUntil(exit.meaning, node)) return true;
      }
    }
    return false;
  }

  /** `parent` runs `child` only for an internal chat. */
  private guardsChild(parent: Node, child: Node, node: Node): boolean {
    let meaning: ConditionMeaning | undefined;
    let needs: 'truthy' | 'falsy' | undefined;
    if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') {
      if (child === parent.consequent) needs = 'truthy';
      else if (child === parent.alternate) needs = 'falsy';
      if (needs !== undefined) meaning = this.tests.meaningOf(parent.test);
    } else if (parent.type === 'LogicalExpression' && child === parent.right) {
      if (parent.operator === '&&') needs = 'truthy';
      else if (parent.operator === '||') needs = 'falsy';
      if (needs !== undefined) meaning = this.tests.meaningOf(parent.left);
    }
    if (meaning === undefined) return false;
    const says = needs === 'truthy' ? meaning.truthyMeansInternal : meaning.falsyMeansInternal;
    return says && this.holdsUntil(meaning, node);
  }

  /** The `if`s of a statement list after which the chat is known not to be external. */
  private earlyExitsOf(list: readonly Node[]): readonly EarlyExit[] {
    let exits = this.earlyExits.get(list);
    if (exits === undefined) {
      const found: EarlyExit[] = [];
      for (const statement of list) {
        if (statement.type !== 'IfStatement') continue;
        const meaning = this.tests.meaningOf(statement.test);
        if (meaning.tests.length === 0) continue;
        // `if (E) return;` leaves when E is truthy; `if (T) { … } else return;` when T is falsy.
        const leavesUnlessInternal =
          (meaning.falsyMeansInternal && alwaysExits(statement.consequent)) ||
          (meaning.truthyMeansInternal && statement.alternate !== null && alwaysExits(statement.alternate));
        if (leavesUnlessInternal) found.push({ statement, meaning });
      }
      exits = found;
      this.earlyExits.set(list, exits);
    }
    return exits;
  }

  /**
   * No binding an external test of `meaning` reads is written between the
   * test and `node`: not after the test and before `node` in the function,
   * not in a loop around `node` that does not hold the test, and never from
   * another function (it may run at any time).
   */
  private holdsUntil(meaning: ConditionMeaning, node: Node): boolean {
    for (const test of meaning.tests) {
      const bindings = this.bindingsOf(test);
      if (bindings === undefined) return false;
      const home = enclosingFunction(test);
      for (const { variable, path } of bindings) {
        for (const write of this.writesOf(variable, path)) {
          if (enclosingFunction(write.node) !== home) {
            if (!write.declaration) return false;
          } else if ((write.node.range[0] >= test.range[1] && write.node.range[0] < node.range[0]) || inLoopWithout(write.node, node, test)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The writes of a variable that can change a test reading `path` of it, found once per file. */
  private writesOf(variable: Variable, path: readonly string[]): readonly Write[] {
    let byPath = this.writes.get(variable);
    if (byPath === undefined) {
      byPath = new Map();
      this.writes.set(variable, byPath);
    }
    const key = path.join('\u0000');
    let found = byPath.get(key);
    if (found === undefined) {
      found = writesOf(variable, path);
      byPath.set(key, found);
    }
    return found;
  }

  /**
   * The variables an external test reads, each with the member path it reads
   * from it (`res` and `['data', 'external']` for `res.data?.external`; an
   * empty path for a call's arguments, any member of which counts), or
   * undefined for a test the analysis cannot follow: one that reads a global
   * it cannot see written, or is too large.
   */
  private bindingsOf(test: Expression): readonly TestBinding[] | undefined {
    if (this.testBindings.has(test)) return this.testBindings.get(test);
    const nodes = ownNodes(this.sourceCode, test, MAX_TEST_NODES);
    let bindings: TestBinding[] | undefined = nodes === undefined ? undefined : [];
    for (const node of nodes ?? []) {
      if (node.type === 'ThisExpression' || node.type === 'Super') {
        bindings = undefined;
        break;
      }
      if (node.type !== 'Identifier' || !isValueRead(node)) continue;
      const variable = resolveVariable(this.sourceCode, node);
      if (variable === undefined || variable.defs.length === 0) {
        bindings = undefined;
        break;
      }
      bindings!.push({ variable, path: memberPath(node, test) });
    }
    this.testBindings.set(test, bindings);
    return bindings;
  }
}

interface TestBinding {
  readonly variable: Variable;
  /** The static keys the test reads from the variable, in order; stops at the first one not static. */
  readonly path: readonly string[];
}

/** An identifier that reads a variable here: not a property key or a non-computed member name. */
function isValueRead(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === 'MemberExpression' && parent.property === identifier && !parent.computed) return false;
  // A shorthand `{ chatId }` reads `chatId`: its key is its value.
  if (parent?.type === 'Property' && parent.key === identifier && parent.value !== identifier && !parent.computed) return false;
  return true;
}

/** The static member keys read from `identifier` up to `top` (`['data', 'external']` in `res.data?.external`). */
function memberPath(identifier: Node, top: Node): string[] {
  const path: string[] = [];
  let current = identifier;
  while (current !== top && current.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'ChainExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'TSAsExpression') {
      current = parent;
      continue;
    }
    if (parent.type !== 'MemberExpression' || parent.object !== current) break;
    const key = staticKey(parent);
    if (key === undefined) break;
    path.push(key);
    current = parent;
  }
  return path;
}

/** A write to a variable, or to a member of it. */
interface Write {
  readonly node: Node;
  /** The variable's own declaration (`let chat = …`), which runs before any read of it. */
  readonly declaration: boolean;
}

/**
 * Where a variable, or a member of it that a test reads (`chat.data = …` for
 * `chat.data.external`; any member for a path that is empty), is written:
 * assignments, `++`/`--`, `delete`, and declarations.
 */
function writesOf(variable: Variable, testPath: readonly string[]): Write[] {
  const writes: Write[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    if (reference.isWrite()) {
      writes.push({ node: identifier, declaration: reference.init === true && variable.defs.some((def) => def.name === identifier) });
      continue;
    }
    // `chat.data.external = false`, `chat.data = other`, `delete chat.external`, `chat.count++`.
    let target: Node = identifier;
    const path: string[] = [];
    let known = true;
    while (target.parent?.type === 'MemberExpression' && target.parent.object === target) {
      const key = staticKey(target.parent);
      if (key === undefined) known = false;
      else if (known) path.push(key);
      target = target.parent;
    }
    if (target === identifier || !isWriteTarget(target)) continue;
    const related = !known || testPath.length === 0 || isPrefix(path, testPath) || isPrefix(testPath, path);
    if (related) writes.push({ node: target, declaration: false });
  }
  return writes;
}

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((key, index) => of[index] === key);
}

/** `node` is assigned, updated or deleted here. */
function isWriteTarget(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'AssignmentExpression':
      return parent.left === node;
    case 'UpdateExpression':
      return true;
    case 'UnaryExpression':
      return parent.operator === 'delete';
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node;
    // A destructuring assignment's target: `[chat.external] = values`, `({ a: chat.data } = other)`.
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'Property':
      return parent.value === node && parent.parent.type === 'ObjectPattern';
    case 'AssignmentPattern':
      return parent.left === node;
    default:
      return false;
  }
}

/** A loop around `node`, in its function, holds `write` and not `test`: the write runs again before `node` does. */
function inLoopWithout(write: Node, node: Node, test: Node): boolean {
  for (let current = node.parent; current && !isFunctionBoundary(current); current = current.parent) {
    if (isLoop(current) && holdsNode(current, write) && !holdsNode(current, test)) return true;
  }
  return false;
}
