import type { TSESTree } from '@typescript-eslint/utils';
import type { LegacyEvent } from '../catalog';
// From their module, not the catalog's index: in the CommonJS build a re-export is a getter call at every read.
import { EVENT_DISPATCHER, TYPE_HANDLER, V1_ENVELOPE } from '../catalog/open-platform';
import {
  bindingOrigin,
  holdsOneOf,
  indexSorted,
  locatedString,
  nodeAtOffset,
  nodesAtText,
  outermostWrapper,
  resolveVariable,
  staticKey,
  staticString,
  unwrap,
  type Expression,
  type Node,
  type SourceCode,
  type StaticString,
} from '../syntax/ast';
import { escapedNodes } from '../syntax/escapes';
import { LastPairMemo } from '../memo';
import { holdsWord, indexOfSearch, isWordCharCode, wordSearch } from '../syntax/text-search';
import { annotatedSdkKind } from './annotated-receivers';
import { moduleReferences, traceMapOf } from './module-references';

/** A subscription to, or a check of, the legacy `message` event (event schema v1). */
export type LegacyEventFinding =
  | {
      /** `register({ message: handler })` on a node-sdk EventDispatcher; reported on the key. */
      readonly kind: 'register';
      readonly node: Node;
      readonly property: TSESTree.Property;
    }
  | {
      /** The deprecated SDK's `setTypeHandler(conf, 'message', handler)`; reported on `'message'` (or `` `message` ``). */
      readonly kind: 'typeHandler';
      readonly node: Node;
    }
  | {
      /** A hand-written v1 handler's check of the event type; reported on `'message'` (or `` `message` ``). */
      readonly kind: 'check';
      readonly node: StaticString;
      /** `X.type === 'message'` (either side, `==`, `!==`, `!=`) or `case 'message':`. */
      readonly check: TSESTree.BinaryExpression | TSESTree.SwitchCase;
      /**
       * What the check compares: the `X.type` read, or a variable that holds it (`const { type } = body.event`,
       * `const type = body.event.type`), where the suggestion does not follow.
       */
      readonly typeRead: TSESTree.MemberExpression | TSESTree.Identifier;
      /**
       * X, the v1 event: `body.event`, or a variable bound to it; undefined where the type was destructured from it
       * in one pattern (`const { event: { type } } = body`).
       */
      readonly event: Expression | undefined;
    };

const NONE: readonly never[] = Object.freeze([]);

const DISPATCHER_CREATIONS = traceMapOf(EVENT_DISPATCHER.exports);
const TYPE_HANDLER_CALLS = traceMapOf(TYPE_HANDLER.exports);

/**
 * Finds the legacy `message` event in a file (the event rule's issue): node-sdk
 * `EventDispatcher#register({ message })`, the deprecated SDK's
 * `setTypeHandler(conf, 'message', …)`, and hand-written v1 handlers that check
 * `<body>.event.type === 'message'`, the last only in a file with Open Platform
 * evidence: Slack's Events API has the same envelope.
 *
 * @param isSdkValue type-aware linting: whether a value's type comes from the node-sdk.
 */
export function findLegacyEvents(
  sourceCode: SourceCode,
  event: LegacyEvent,
  hasEvidence: () => boolean,
  isSdkValue?: (node: Node) => boolean | undefined,
): readonly LegacyEventFinding[] {
  const { text } = sourceCode;
  const eventType = event.type;
  if (!mayHoldLegacyEvent(sourceCode, event)) return NONE;
  const findings: LegacyEventFinding[] = [];

  const typeWord = fileTypeWord(sourceCode, event);
  let dispatchers: ReadonlySet<Node> | undefined;
  // The `register`s the pre-filter kept (registerSearch): the others it passed over are no call the search takes.
  for (const offset of typeWord.registers) {
    // A backtick key (`` d[`register`](…) ``) is located at its quasi: the key is the template.
    const called = calledMethod(locatedString(nodeAtOffset(sourceCode, offset)), EVENT_DISPATCHER.register);
    const handlers = called?.call.arguments[0];
    if (called === undefined || handlers?.type !== 'ObjectExpression') continue;
    const property = handlers.properties.find(
      (p): p is TSESTree.Property => p.type === 'Property' && staticKey(p) === eventType,
    );
    if (property === undefined) continue;
    dispatchers ??= new Set(moduleReferences(sourceCode, DISPATCHER_CREATIONS));
    // The member's object, not the callee's: a wrapped callee (`(d?.register)(…)`, `d.register!(…)`) has none.
    const receiver = called.member.object;
    const typed = isSdkValue?.(receiver);
    if (typed === true || (typed === undefined && isDispatcher(sourceCode, receiver, dispatchers))) {
      findings.push({ kind: 'register', node: property.key, property });
    }
  }

  if (typeWord.typeHandler ?? holdsWord(text, TYPE_HANDLER.name)) {
    // Imported under any name (traced through scope), or `X.event.setTypeHandler(…)` by its shape.
    const calls = new Set<Node>(moduleReferences(sourceCode, TYPE_HANDLER_CALLS));
    for (const [name] of nodesAtText(sourceCode, TYPE_HANDLER.name)) {
      // A backtick key (`` X.event[`setTypeHandler`](…) ``) is located at its quasi: the key is the template.
      const called = calledMethod(locatedString(name), TYPE_HANDLER.name);
      if (called !== undefined && hasKey(called.member.object, TYPE_HANDLER.member)) calls.add(called.call);
    }
    for (const call of calls) {
      const typeArgument = call.type === 'CallExpression' ? call.arguments[1] : undefined;
      if (typeArgument !== undefined && staticString(typeArgument) === eventType) {
        findings.push({ kind: 'typeHandler', node: typeArgument });
      }
    }
  }

  // `'message'` as a literal in a check: `X.type === 'message'`, `case 'message':`, or the same in backticks.
  for (const offset of typeWord.quoted) {
    const located = locatedString(nodeAtOffset(sourceCode, offset));
    if (staticString(located) !== eventType) continue;
    // staticString answered: a string literal or a template without placeholders.
    const node = located as StaticString;
    const check = v1Check(sourceCode, node);
    if (check !== undefined && hasEvidence()) findings.push({ kind: 'check', node, ...check });
  }
  return findings;
}

/**
 * Whether the text holds what each of the searches above starts from: the
 * event's type, and with it `register` as a whole word (a call of it), a
 * `setTypeHandler` call, or the type as a quoted string where it may be a
 * check's operand (mayBeCheckOperand), in a file that may read the v1
 * envelope's `event` and its `type` (v1Check), spelled out or behind an
 * escape. A text without them holds no finding. The pre-filter and the search
 * ask in turn: the answer of the last file that writes the type is kept.
 */
export function mayHoldLegacyEvent(sourceCode: SourceCode, event: LegacyEvent): boolean {
  // Nine files in ten never write the type: one search answers them, before the memo (which lets go of the last
  // file's tree) and the full reading (docs/performance.md#0210-one-search-before-the-layers-in-most-files).
  if (indexOfSearch(sourceCode.text, wordSearch(event.type)) === -1) {
    typeWords.forget();
    return false;
  }
  return fileTypeWord(sourceCode, event).mayHold;
}

/** What one scan of the event's type finds in a file's text. */
interface TypeWord {
  /**
   * The offsets of `'message'`, `"message"` and `` `message` `` (their opening quotes) that may be a check's operand,
   * in text order.
   */
  readonly quoted: readonly number[];
  /**
   * The offsets of `register` that may be the method of a `register({ … })` call (registerSearch), in text
   * order: where the register search looks, so that it reads the text once
   * (docs/performance.md#028-fewer-passes-over-a-file-with-findings).
   */
  readonly registers: readonly number[];
  /** Whether the text holds `setTypeHandler`, where the pre-filter searched it (no `register` call may be written). */
  readonly typeHandler: boolean | undefined;
  /** mayHoldLegacyEvent's answer. */
  readonly mayHold: boolean;
}

function fileTypeWord(sourceCode: SourceCode, event: LegacyEvent): TypeWord {
  return typeWords.get(event, sourceCode.ast, () => readTypeWord(sourceCode, event.type));
}

const typeWords = new LastPairMemo<LegacyEvent, Node, TypeWord>();

const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKTICK = 0x60;

/**
 * One pass over the type's occurrences, each checked for the same quote on
 * both sides (a backtick too: a template without placeholders is a string
 * written whole), in place of a search for the word and one for each quoted
 * spelling; the other words are searched only where the type is written.
 */
function readTypeWord(sourceCode: SourceCode, type: string): TypeWord {
  const { text } = sourceCode;
  let written = false;
  let quoted: number[] | undefined;
  const search = wordSearch(type);
  for (let at = indexOfSearch(text, search); at !== -1; at = indexOfSearch(text, search, at + 1)) {
    written = true;
    const before = text.charCodeAt(at - 1);
    if (
      (before === SINGLE_QUOTE || before === DOUBLE_QUOTE || before === BACKTICK) &&
      text.charCodeAt(at + type.length) === before &&
      mayBeCheckOperand(sourceCode, at - 1)
    ) {
      (quoted ??= []).push(at - 1);
    }
  }
  if (!written) return NO_SEARCH;
  const registers = registerSearch(sourceCode);
  const typeHandler = registers.mayCall ? undefined : holdsWord(text, TYPE_HANDLER.name);
  const mayHold = registers.mayCall || typeHandler === true || (quoted !== undefined && mayReadV1Type(sourceCode));
  // Most files that write the word hold no start for a search: no object made for them.
  if (!mayHold) return NO_SEARCH;
  return { quoted: quoted ?? NONE, registers: registers.offsets, typeHandler, mayHold };
}

/** A text where no search starts: the search asks nothing else of it. */
const NO_SEARCH: TypeWord = Object.freeze({ quoted: NONE, registers: NONE, typeHandler: undefined, mayHold: false });

/** Where the register search looks (registerSearch), and whether one of those may be a call the pre-filter lets through. */
interface RegisterSearch {
  readonly offsets: readonly number[];
  readonly mayCall: boolean;
}

const NO_REGISTERS: RegisterSearch = Object.freeze({ offsets: NONE, mayCall: false });

/**
 * What the `register` at an offset is to the searches (registerAt): no call the search takes; a string key the
 * search reads but the pre-filter does not count (a line continuation beside the word); or a possible call.
 */
type RegisterHit = typeof NO_CALL | typeof SEARCH_ONLY | typeof MAY_CALL;
const NO_CALL = 0;
const SEARCH_ONLY = 1;
const MAY_CALL = 2;

/**
 * Where the text may hold a `register({ … })` call (the register search):
 * `register` as a whole word (`registered` and `registerRoutes` are other
 * names), and where the tokens tell, one that may be called with an object
 * literal first. Passed over: `register` followed by `(` and anything but
 * `{` or `(` (`app.register(plugin)`), or by a token that ends the
 * expression or reads on from it (`.`, `,`, `;`, `=`, `:`, `}`, `]`), and
 * the word inside a comment or a longer string (one with a backslash the
 * search still reads, without counting it here: registerAt).
 * Anything else may be a call through a TS wrapper (`x.register!(…)`,
 * `(x.register as T)(…)`), a string key (`x['register'](…)`), type
 * arguments or code outside every token and comment, and is kept.
 */
function registerSearch(sourceCode: SourceCode): RegisterSearch {
  const { text } = sourceCode;
  const word = EVENT_DISPATCHER.register;
  const tokens = tokensOf(sourceCode);
  let offsets: number[] | undefined;
  let mayCall = false;
  const search = wordSearch(word);
  for (let at = indexOfSearch(text, search); at !== -1; at = indexOfSearch(text, search, at + 1)) {
    const hit = registerAt(sourceCode, tokens, at);
    if (hit === NO_CALL) continue;
    (offsets ??= []).push(at);
    if (hit === MAY_CALL) mayCall = true;
  }
  return offsets === undefined ? NO_REGISTERS : { offsets, mayCall };
}

/** What the `register` written at `at` is to the searches (registerSearch). */
function registerAt(sourceCode: SourceCode, tokens: readonly TSESTree.Token[] | undefined, at: number): RegisterHit {
  const { text } = sourceCode;
  const word = EVENT_DISPATCHER.register;
  // Past the text's ends charCodeAt gives NaN, which is no word character.
  if (isWordCharCode(text.charCodeAt(at - 1)) || isWordCharCode(text.charCodeAt(at + word.length))) return NO_CALL;
  if (tokens === undefined) return MAY_CALL;
  const index = indexSorted(tokens, at);
  if (index === -1) return inComment(sourceCode, at) ? NO_CALL : MAY_CALL;
  const name = tokens[index]!;
  if (name.range[0] !== at) {
    // A key in quotes (`x['register'](…)`) is a token from the quote before.
    if (name.range[0] === at - 1 && name.range[1] === at + word.length + 1) return MAY_CALL;
    // A longer string may still have the word as its value, where a line continuation (a backslash before a line
    // break) is all it holds beside it: `x['\<newline>register']`. The search reads the value, as it did before it
    // took these offsets (0.2.7 located every `register`); the pre-filter never counted such a key, and still does
    // not. Any other token that does not start at the word is a longer string, a template or a regular expression.
    return name.type === 'String' && text.lastIndexOf('\\', name.range[1] - 1) > name.range[0] ? SEARCH_ONLY : NO_CALL;
  }
  if (name.type !== 'Identifier') return MAY_CALL;
  const next = tokens[index + 1];
  if (next === undefined) return NO_CALL;
  if (next.value === '(') {
    let argument = index + 2;
    while (tokens[argument]?.value === '(') argument++;
    return tokens[argument]?.value === '{' ? MAY_CALL : NO_CALL;
  }
  return NOT_CALLED_AFTER.has(next.value) ? NO_CALL : MAY_CALL;
}

/** Tokens after a name that keep it from being a call's callee. */
const NOT_CALLED_AFTER: ReadonlySet<string> = new Set(['.', ',', ';', '=', ':', '}', ']']);

/** The operators of a check (v1Check), as tokens. */
const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['===', '==', '!==', '!=']);

/**
 * Whether the quoted type whose opening quote is at `open` may be the literal
 * of a check (v1Check): an operand of `===`, `==`, `!==` or `!=`, or a `case`
 * test, read from the tokens beside it, parentheses skipped. Comments are not
 * tokens, so none hides the operator. Quotes inside a comment, a template or
 * a longer string are no literal of the type. Quotes outside every token and
 * comment (code a parser keeps apart, such as a Vue template's expressions),
 * and every quoted type where the parser gives no tokens (the audit's
 * oxc-parser), may be a check. Most quoted types of
 * a file are arguments, array items or object values: `emit('message', m)`.
 */
function mayBeCheckOperand(sourceCode: SourceCode, open: number): boolean {
  const tokens = tokensOf(sourceCode);
  if (tokens === undefined) return true;
  const index = indexSorted(tokens, open);
  if (index === -1) return !inComment(sourceCode, open);
  if (tokens[index]!.range[0] !== open) return false;
  let before = index - 1;
  while (tokens[before]?.value === '(') before--;
  const operator = tokens[before]?.value;
  if (operator !== undefined && (EQUALITY_OPERATORS.has(operator) || operator === 'case')) return true;
  let after = index + 1;
  while (tokens[after]?.value === ')') after++;
  const next = tokens[after]?.value;
  return next !== undefined && EQUALITY_OPERATORS.has(next);
}

/** Whether `offset` is inside one of the file's comments. */
function inComment(sourceCode: SourceCode, offset: number): boolean {
  return indexSorted(sourceCode.ast.comments ?? [], offset) !== -1;
}

/**
 * The file's tokens, comments apart, in text order; undefined for a parser
 * that gives none. Read from the array by binary search: ESLint's token store
 * keeps an index by offset that costs microseconds a lookup in a large file.
 */
function tokensOf(sourceCode: SourceCode): readonly TSESTree.Token[] | undefined {
  const tokens = sourceCode.ast.tokens;
  return tokens === undefined || tokens.length === 0 ? undefined : tokens;
}

/** The file may read `<event>.type` (v1Check): both words are written, or a name or string spelled with escapes may be one. */
function mayReadV1Type(sourceCode: SourceCode): boolean {
  const { text } = sourceCode;
  return (holdsWord(text, V1_ENVELOPE.event) && holdsWord(text, V1_ENVELOPE.type)) || escapedNodes(sourceCode).length > 0;
}

/** The call `node` names the method of, and the member it is read from: `x.<name>(…)`, `x?.<name>(…)`, `x['<name>'](…)`, `(x.<name> as T)(…)`. */
function calledMethod(node: Node, name: string): { call: TSESTree.CallExpression; member: TSESTree.MemberExpression } | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.property !== node || staticKey(member) !== name) return undefined;
  const top = outermostWrapper(member);
  const call = top.parent;
  return call?.type === 'CallExpression' && call.callee === top ? { call, member } : undefined;
}

function hasKey(expression: Expression, key: string): boolean {
  const node = unwrap(expression);
  return node.type === 'MemberExpression' && staticKey(node) === key;
}

/**
 * A node-sdk EventDispatcher: created here, held in a variable, or returned by
 * a chained `register`; or a value whose type annotation names `EventDispatcher`.
 */
function isDispatcher(sourceCode: SourceCode, expression: Expression, creations: ReadonlySet<Node>): boolean {
  // `register` returns the dispatcher: `new EventDispatcher(o).register({…}).register({…})`.
  const created = holdsOneOf(sourceCode, expression, creations, (node) => {
    const callee = node.type === 'CallExpression' ? unwrap(node.callee as Expression) : undefined;
    return callee?.type === 'MemberExpression' && staticKey(callee) === EVENT_DISPATCHER.register ? callee.object : undefined;
  });
  return created || annotatedSdkKind(sourceCode, expression) === 'eventDispatcher';
}

/** `literal` is the `'message'` of a check of the v1 event's type, or undefined. */
function v1Check(
  sourceCode: SourceCode,
  literal: StaticString,
): { check: TSESTree.BinaryExpression | TSESTree.SwitchCase; typeRead: TSESTree.MemberExpression | TSESTree.Identifier; event: Expression | undefined } | undefined {
  const parent = literal.parent;
  let check: TSESTree.BinaryExpression | TSESTree.SwitchCase;
  let other: Node;
  if (parent?.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(parent.operator)) {
    check = parent;
    other = parent.left === literal ? parent.right : parent.left;
  } else if (parent?.type === 'SwitchCase' && parent.test === literal) {
    check = parent;
    other = parent.parent.discriminant;
  } else {
    return undefined;
  }
  const typeRead = unwrap(other as Expression);
  if (typeRead.type === 'MemberExpression') {
    if (staticKey(typeRead) !== V1_ENVELOPE.type) return undefined;
    const event = typeRead.object;
    return isV1Event(sourceCode, event) ? { check, typeRead, event } : undefined;
  }
  if (typeRead.type !== 'Identifier') return undefined;
  const origin = v1TypeOrigin(sourceCode, typeRead);
  return origin === undefined ? undefined : { check, typeRead, event: origin.event };
}

/**
 * Where a variable compared with the type got the v1 event's type, read once in its declaration: `const type =
 * body.event.type`, `const { type } = body.event` (or `= ev`, a variable bound to the event), and
 * `const { event: { type } } = body` or the same pattern as a parameter. Undefined for anything else: a two-format read
 * (`header?.event_type ?? event?.type`, or the type assigned again after the declaration) already handles the v2
 * event, and a plain parameter named `type` says nothing of where it came from.
 */
function v1TypeOrigin(sourceCode: SourceCode, variable: TSESTree.Identifier): { event: Expression | undefined } | undefined {
  const origin = bindingOrigin(sourceCode, variable);
  if (origin === undefined || isAssignedAgain(sourceCode, variable)) return undefined;
  if (origin.kind === 'init') {
    const init = unwrap(origin.init);
    return init.type === 'MemberExpression' && staticKey(init) === V1_ENVELOPE.type && isV1Event(sourceCode, init.object) ? { event: init.object } : undefined;
  }
  if (origin.key !== V1_ENVELOPE.type) return undefined;
  if (origin.source !== undefined) return isV1Event(sourceCode, origin.source) ? { event: origin.source } : undefined;
  // A nested pattern: `{ event: { type } }`, the v1 event's own key in the envelope's pattern, which a declaration or a
  // parameter destructures whole (not `{ data: { event: { type } } }`, nor a loop's or a catch clause's pattern).
  const holder = origin.pattern.parent;
  const nested = holder?.type === 'AssignmentPattern' ? holder.parent : holder;
  if (nested?.type !== 'Property' || nested.parent.type !== 'ObjectPattern' || staticKey(nested) !== V1_ENVELOPE.event) return undefined;
  return isDestructuredWhole(nested.parent) ? { event: undefined } : undefined;
}

/** Whether a variable is written after its declaration (`type = header.event_type`), a destructuring too. */
function isAssignedAgain(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  return resolveVariable(sourceCode, identifier)?.references.some((reference) => reference.isWrite() && !reference.init) ?? false;
}

/**
 * The envelope's pattern: an initialized declaration's (`const { event: { type } } = body`, not a `for … of` loop's),
 * or a function parameter's (also with a default).
 */
function isDestructuredWhole(pattern: TSESTree.ObjectPattern): boolean {
  const holder = pattern.parent?.type === 'AssignmentPattern' && pattern.parent.left === pattern ? pattern.parent : pattern;
  const parent = holder.parent;
  if (parent?.type === 'VariableDeclarator') return parent.id === holder && parent.init !== null;
  return (
    (parent?.type === 'FunctionDeclaration' || parent?.type === 'FunctionExpression' || parent?.type === 'ArrowFunctionExpression') &&
    (parent.params as Node[]).includes(holder)
  );
}

/**
 * The v1 event object: a `.event` member (`body.event`, `req.body.event`), or a
 * variable bound to one (`const ev = body.event`, `const { event } = body`, a
 * destructured `{ event }` parameter). A plain parameter named `event` is not
 * one: DOM and Node `message` events are read that way.
 */
function isV1Event(sourceCode: SourceCode, expression: Expression): boolean {
  const node = unwrap(expression);
  if (node.type === 'MemberExpression') return staticKey(node) === V1_ENVELOPE.event;
  if (node.type !== 'Identifier') return false;
  const origin = bindingOrigin(sourceCode, node);
  // A variable assigned again after its declaration may hold anything there (asked only of a bound one, as v1TypeOrigin does).
  if (origin === undefined || isAssignedAgain(sourceCode, node)) return false;
  if (origin.kind === 'destructured') return origin.key === V1_ENVELOPE.event;
  const init = unwrap(origin.init);
  return init.type === 'MemberExpression' && staticKey(init) === V1_ENVELOPE.event;
}
