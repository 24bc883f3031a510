import { hasSideEffect, isParenthesized } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LegacyEventFinding } from '../analysis';
import { V1_ENVELOPE, V2_ENVELOPE, type FieldMigration, type LegacyEvent } from '../catalog';
import { WeakMemo } from '../memo';
import { TEXTS, type SuggestionChanges } from '../messages';
import type { Locale } from '../settings';
import { bindingOrigin, resolveVariable, staticKey, staticString, unwrap, type Expression, type Node, type SourceCode } from '../syntax/ast';

/**
 * ESLint suggestions for the legacy `message` event, never autofixes: the
 * console subscription cannot change with the code, so no rewrite is safe to
 * apply unseen. Each rewrites what it can (the event name or check, the reads
 * of v1 fields with a v2 equivalent) and marks the reads without one.
 */
interface EventSuggestion extends SuggestionChanges {
  readonly fix: TSESLint.ReportFixFunction;
}

// The event's field migrations by v1 field, built once per event.
const migrationIndex = new WeakMemo<LegacyEvent, ReadonlyMap<string, FieldMigration>>();
function migrationsOf(event: LegacyEvent): ReadonlyMap<string, FieldMigration> {
  return migrationIndex.get(event, () => new Map(event.fieldMigrations.map((migration) => [migration.v1, migration])));
}
/** Raw v2 paths of the event's own fields start here: `event.message.chat_id`. */
const EVENT_PREFIX = `${V1_ENVELOPE.event}.`;

type Edit = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** Edits of the reads of v1 fields, collected with what they say about the fields. */
class FieldEdits {
  readonly edits: Edit[] = [];
  readonly rewritten = new Set<string>();
  readonly manual = new Set<string>();
  readonly renamed = new Set<string>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly event: LegacyEvent,
    private readonly locale: Locale,
  ) {}

  /** `read` is `<event>.<field>`: rewrite it to `replacement(path)`, or mark it. */
  add(read: TSESTree.MemberExpression, migration: FieldMigration, path: string | undefined, replacement: (path: string) => string): void {
    const texts = TEXTS[this.locale].event;
    if (path === undefined) {
      this.manual.add(migration.v1);
      this.mark(read, texts.marker(migration.v1, migration.hint?.[this.locale] ?? ''));
      return;
    }
    // node-sdk keeps some envelope fields where they were (`tenant_key`): nothing to rewrite.
    if (path !== migration.v1) {
      this.rewritten.add(`${migration.v1} → ${path}`);
      this.edits.push((fixer) => fixer.replaceText(read, replacement(path)));
    }
    const renamedValue = this.event.renamedValues.find((renamed) => renamed.field === migration.v1);
    if (renamedValue === undefined) return;
    // `chat_type === 'private'`, `switch (chat_type) { case 'private': }`: the value is renamed in v2.
    const { v1, v2 } = renamedValue;
    const parent = read.parent;
    const values =
      parent.type === 'BinaryExpression'
        ? [parent.left === read ? parent.right : parent.left]
        : parent.type === 'SwitchStatement' && parent.discriminant === read
          ? parent.cases.flatMap((c) => (c.test === null ? [] : [c.test]))
          : [];
    for (const value of values) {
      // In quotes or in backticks (docs/behaviour-decisions.md#backticks-are-quotes).
      if (staticString(value) !== v1) continue;
      this.renamed.add(`${migration.v1} '${v1}' → '${v2}'`);
      this.mark(value, texts.renamedValue(migration.v1, v1, v2));
    }
  }

  /** `const { open_chat_id } = data`: the field moved, and a pattern is not rewritten. */
  addDestructured(property: TSESTree.Property, migration: FieldMigration, path: string | undefined): void {
    const texts = TEXTS[this.locale].event;
    if (path === migration.v1) return;
    if (path === undefined) {
      this.manual.add(migration.v1);
      this.mark(property, texts.marker(migration.v1, migration.hint?.[this.locale] ?? ''));
    } else {
      this.renamed.add(`${migration.v1} → ${path}`);
      this.mark(property, texts.movedField(migration.v1, path));
    }
  }

  private mark(node: Node, comment: string): void {
    this.edits.push((fixer) => fixer.insertTextAfter(node, ` /* ${comment} */`));
  }

  /** `node` written where a member is read from it: `<text>.message.chat_id`. */
  objectText(node: Expression): string {
    return objectText(this.sourceCode, node);
  }

  changes(): Omit<SuggestionChanges, 'byHand'> {
    return { rewritten: [...this.rewritten], manual: [...this.manual], renamed: [...this.renamed] };
  }
}

/** `register({ message: handler })` → `register({ 'im.message.receive_v1': handler })`, and the handler's reads. */
export function registerSuggestion(
  sourceCode: SourceCode,
  event: LegacyEvent,
  finding: Extract<LegacyEventFinding, { kind: 'register' }>,
  locale: Locale,
): EventSuggestion {
  const { property } = finding;
  const name = `'${event.replacement}'`;
  const renameKey: Edit = property.shorthand
    ? (fixer) => fixer.replaceText(property, `${name}: ${sourceCode.getText(property.value)}`)
    : (fixer) => fixer.replaceText(property.key, name);

  const fields = new FieldEdits(sourceCode, event, locale);
  const migrations = migrationsOf(event);
  const handler = handlerFunction(sourceCode, property.value as Expression);
  const parameter = handler?.params[0];
  const variable = parameter?.type === 'Identifier' ? resolveVariable(sourceCode, parameter) : undefined;
  let passedOn = false;
  for (const reference of variable?.references ?? []) {
    const identifier = reference.identifier as Node;
    const read = fieldRead(migrations, identifier);
    if (read !== undefined) {
      const object = fields.objectText(read.object);
      fields.add(read.member, read.migration, read.migration.nodeSdk, (path) => `${object}${read.member.optional ? '?.' : '.'}${path}`);
      continue;
    }
    const pattern = identifier.parent?.type === 'VariableDeclarator' && identifier.parent.init === identifier ? identifier.parent.id : undefined;
    if (pattern?.type === 'ObjectPattern') {
      for (const p of pattern.properties) {
        const migration = p.type === 'Property' ? migrations.get(staticKey(p) ?? '') : undefined;
        if (migration !== undefined) fields.addDestructured(p as TSESTree.Property, migration, migration.nodeSdk);
      }
    } else if (identifier.parent?.type !== 'MemberExpression') {
      // `handle(data)`: what reads the event there, this suggestion cannot see.
      passedOn = true;
    }
  }
  const byHand = handler === undefined || (parameter !== undefined && parameter.type !== 'Identifier') || passedOn;
  // Reads this suggestion cannot see are left to the user, said where the handler is registered.
  const byHandMark: Edit[] = byHand ? [(fixer) => fixer.insertTextAfter(property, ` /* ${TEXTS[locale].event.byHand(migrationExample(event))} */`)] : [];
  return {
    ...fields.changes(),
    byHand,
    fix: (fixer) => [renameKey(fixer), ...fields.edits.map((edit) => edit(fixer)), ...byHandMark.map((edit) => edit(fixer))],
  };
}

/** `open_chat_id → message.chat_id`: the event's first field that moved, as an example. */
function migrationExample(event: LegacyEvent): string {
  const moved = event.fieldMigrations.find((migration) => migration.nodeSdk !== undefined && migration.nodeSdk !== migration.v1);
  return moved === undefined ? '' : `${moved.v1} → ${moved.nodeSdk}`;
}

/**
 * A hand-written check: `body.event.type === 'message'` →
 * `body.header?.event_type === 'im.message.receive_v1'`, the envelope check
 * guarding it (`body.type === 'event_callback'` → `body.schema === '2.0'`), and
 * the reads of v1 fields in the branch it guards. Undefined where the envelope
 * (`body`) cannot be named.
 */
export function checkSuggestion(
  sourceCode: SourceCode,
  event: LegacyEvent,
  finding: Extract<LegacyEventFinding, { kind: 'check' }>,
  locale: Locale,
): EventSuggestion | undefined {
  // The type read into a variable first (`const { type } = body.event`): its declaration would need rewriting too, which
  // the suggestion does not do. Reported without one, as a destructured `{ event }` parameter is.
  if (finding.typeRead.type !== 'MemberExpression' || finding.event === undefined) return undefined;
  const envelope = envelopeOf(sourceCode, finding.event);
  if (envelope === undefined) return undefined;
  const { check } = finding;
  const readsEnvelope = unwrap(finding.event).type === 'MemberExpression';
  // The envelope is written again where the code reads it once: in a switch (`v2 ?? v1`), and at the check of
  // a variable (`const ev = <envelope>.event`). An envelope that may do something when read (`await req.json()`)
  // cannot be: no suggestion then.
  if ((check.type === 'SwitchCase' || !readsEnvelope) && !isRepeatable(sourceCode, envelope)) return undefined;
  // `rootText` compares reads of the same envelope; `root` is what the suggestion writes (objectText).
  const rootText = sourceCode.getText(envelope);
  const root = objectText(sourceCode, envelope);
  const edits: Edit[] = [];
  const v2Type = `${root}.${V2_ENVELOPE.header}?.${V2_ENVELOPE.eventType}`;
  let branch: Node[];
  if (check.type === 'SwitchCase') {
    // Other cases still read v1 events: keep the v1 type as the fallback. Parenthesized unless it is the whole
    // discriminant: `??` must not meet `||` or `&&`, nor bind looser than what surrounds it.
    const fallback = `${v2Type} ?? ${sourceCode.getText(finding.typeRead)}`;
    const { discriminant } = check.parent;
    const whole = discriminant === finding.typeRead || (discriminant.type === 'ChainExpression' && discriminant.expression === finding.typeRead);
    edits.push((fixer) => fixer.replaceText(finding.typeRead, whole ? fallback : `(${fallback})`));
    edits.push((fixer) => fixer.replaceText(finding.node, `'${event.replacement}'`));
    branch = check.consequent;
  } else {
    edits.push((fixer) => fixer.replaceText(check, `${v2Type} ${check.operator} '${event.replacement}'`));
    branch = guardedBranch(check);
  }
  for (const guard of envelopeGuards(sourceCode, check, rootText)) {
    edits.push((fixer) => fixer.replaceText(guard, `${root}.${V2_ENVELOPE.schema} ${guard.operator} '${V2_ENVELOPE.schemaVersion}'`));
  }

  const fields = new FieldEdits(sourceCode, event, locale);
  const migrations = migrationsOf(event);
  const eventVariable = unwrap(finding.event).type === 'Identifier' ? resolveVariable(sourceCode, unwrap(finding.event) as TSESTree.Identifier) : undefined;
  for (const node of branch) {
    walk(sourceCode, node, (candidate) => {
      const read = fieldRead(migrations, candidate);
      if (read === undefined) return;
      const object = unwrap(read.object);
      const readsEvent =
        (object.type === 'MemberExpression' && staticKey(object) === V1_ENVELOPE.event && sourceCode.getText(object.object) === rootText) ||
        (object.type === 'Identifier' && eventVariable !== undefined && resolveVariable(sourceCode, object) === eventVariable);
      if (!readsEvent) return;
      // Raw v2 paths are from the envelope: `event.message.chat_id`, `header.tenant_key`.
      fields.add(read.member, read.migration, read.migration.raw, (path) =>
        object.type === 'Identifier' && path.startsWith(EVENT_PREFIX) ? `${fields.objectText(read.object)}.${path.slice(EVENT_PREFIX.length)}` : `${root}.${path}`,
      );
    });
  }
  return {
    ...fields.changes(),
    byHand: false,
    fix: (fixer) => [...edits, ...fields.edits].map((edit) => edit(fixer)),
  };
}

/** `<object>.<v1 field>` where `node` is the object. */
function fieldRead(
  migrations: ReadonlyMap<string, FieldMigration>,
  node: Node,
): { member: TSESTree.MemberExpression; object: Expression; migration: FieldMigration } | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node) return undefined;
  const migration = migrations.get(staticKey(member) ?? '');
  return migration === undefined ? undefined : { member, object: member.object, migration };
}

type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** The handler's function when this file holds it: inline, or declared here. */
function handlerFunction(sourceCode: SourceCode, value: Expression): FunctionLike | undefined {
  const node = unwrap(value);
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return node;
  if (node.type !== 'Identifier') return undefined;
  const definition = resolveVariable(sourceCode, node)?.defs[0];
  const declared = definition?.node;
  if (declared?.type === 'FunctionDeclaration') return declared;
  if (declared?.type === 'VariableDeclarator' && declared.init !== null) {
    const init = unwrap(declared.init);
    if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init;
  }
  return undefined;
}

/** The envelope the event was read from: `body` for `body.event`, `const ev = body.event`, `const { event } = body`. */
function envelopeOf(sourceCode: SourceCode, event: Expression): Expression | undefined {
  const node = unwrap(event);
  if (node.type === 'MemberExpression') return node.object;
  const origin = node.type === 'Identifier' ? bindingOrigin(sourceCode, node) : undefined;
  if (origin?.kind === 'destructured') return origin.source;
  const init = origin === undefined ? undefined : unwrap(origin.init);
  return init?.type === 'MemberExpression' ? init.object : undefined;
}

/**
 * The code a check guards: for `===`, the consequent of the `if` or `?:` whose
 * `&&` test holds it; for `!==` as an early exit (`if (ev.type !== 'message')
 * return;`), the statements after that `if` in its block.
 */
function guardedBranch(check: TSESTree.BinaryExpression): Node[] {
  const negated = check.operator === '!==' || check.operator === '!=';
  let node: Node = check;
  while (node.parent?.type === 'LogicalExpression' && node.parent.operator === (negated ? '||' : '&&')) node = node.parent;
  const parent = node.parent;
  if (!negated) {
    return (parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === node ? [parent.consequent] : [];
  }
  if (parent?.type !== 'IfStatement' || parent.test !== node || !exits(parent.consequent)) return [];
  const block = parent.parent;
  if (block?.type !== 'BlockStatement' && block?.type !== 'Program') return [];
  return (block.body as Node[]).slice((block.body as Node[]).indexOf(parent) + 1);
}

/** A statement that leaves the block: `return`, `throw`, `continue`, `break`, or a block ending in one. */
function exits(statement: Node): boolean {
  if (statement.type === 'BlockStatement') {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  return statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement' || statement.type === 'ContinueStatement' || statement.type === 'BreakStatement';
}

/** `<root>.type === 'event_callback'` checks in the tests that guard `check`; `root` is the envelope's text. */
function envelopeGuards(sourceCode: SourceCode, check: Node, root: string): TSESTree.BinaryExpression[] {
  const isGuard = (expression: Node): expression is TSESTree.BinaryExpression => {
    if (expression.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(expression.operator)) return false;
    // The value on either side, in quotes or in backticks (docs/behaviour-decisions.md#backticks-are-quotes).
    const [read, value] = staticString(expression.left) !== undefined ? [expression.right, expression.left] : [expression.left, expression.right];
    const object = read.type === 'MemberExpression' && staticKey(read) === V1_ENVELOPE.type ? read.object : undefined;
    return staticString(value) === V1_ENVELOPE.callbackType && object !== undefined && sourceCode.getText(object) === root;
  };
  const guards: TSESTree.BinaryExpression[] = [];
  // A work list over `&&` / `||` / `!`: a chain can be thousands of terms long.
  const visit = (test: Node): void => {
    const stack: Node[] = [test];
    while (stack.length > 0) {
      const expression = stack.pop()!;
      if (expression.type === 'LogicalExpression') stack.push(expression.left, expression.right);
      else if (expression.type === 'UnaryExpression' && expression.operator === '!') stack.push(expression.argument);
      else if (isGuard(expression)) guards.push(expression);
    }
  };
  let child: Node = check;
  for (let node: Node | undefined = check.parent; node; child = node, node = node.parent ?? undefined) {
    // The `&&` chain the check is part of, and the tests of the `if`s whose branch holds it.
    if (node.type === 'LogicalExpression' && node.parent?.type !== 'LogicalExpression') visit(node);
    if (node.type === 'IfStatement' && node.consequent === child) visit(node.test);
  }
  return guards.filter((guard) => guard !== check);
}

/**
 * `node` as the object of a member read the suggestion writes (`<text>.header`):
 * its text as the code writes it, with the parentheses around it
 * (`(req.body || {})`, `(x as any)`, `(new Body)`), or put in parentheses
 * where the code did not need them and a member read does (`const { event } =
 * await req.json()`). The expression itself stays as it is.
 */
function objectText(sourceCode: SourceCode, node: Expression): string {
  const code = sourceCode as unknown as Parameters<typeof isParenthesized>[1];
  if (isParenthesized(node as never, code)) {
    const open = sourceCode.getTokenBefore(node);
    const close = sourceCode.getTokenAfter(node);
    if (open !== null && close !== null) return sourceCode.text.slice(open.range[0], close.range[1]);
  }
  const text = sourceCode.getText(node);
  return readsMembersAsWritten(node, text) ? text : `(${text})`;
}

/** `<text>.name` reads a member of the whole of `node`. */
function readsMembersAsWritten(node: Expression, text: string): boolean {
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'MemberExpression':
    case 'CallExpression':
    case 'TemplateLiteral':
    case 'TaggedTemplateExpression':
    case 'ArrayExpression':
    case 'MetaProperty':
    case 'ImportExpression':
    case 'TSNonNullExpression':
      return true;
    case 'NewExpression':
      // `new Body.header` would construct `Body.header`.
      return text.endsWith(')');
    case 'Literal':
      // `1.header` does not parse: a number's `.` is its decimal point.
      return typeof node.value !== 'number' && typeof node.value !== 'bigint';
    default:
      return false;
  }
}

/**
 * Reading the envelope again gives the same value and does nothing else: no
 * call, `await`, assignment, `new`, update or `yield` in it (getters aside).
 */
function isRepeatable(sourceCode: SourceCode, node: Expression): boolean {
  return !hasSideEffect(node as never, sourceCode as unknown as Parameters<typeof hasSideEffect>[1]);
}

/** Calls `visit` on every node below `root`, with a work list: a deep tree cannot exhaust the stack. */
function walk(sourceCode: SourceCode, root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: Node[] = [];
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (typeof item === 'object' && item !== null && (item as Partial<Node>).type !== undefined) children.push(item as Node);
      }
    }
    // Reversed, so that nodes are visited in source order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
