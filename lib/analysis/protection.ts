import type { TSESTree } from '@typescript-eslint/utils';
import type { Notice } from '../catalog';
import { WeakMemo } from '../memo';
import { constDeclarator, isTsWrapper, outermostWrapper, staticKey, type Node, type SourceCode } from '../syntax/ast';
import { wordOffsets } from '../syntax/text-search';
import { bindingInitializedBy, type Binding } from './const-bindings';
import type { EndpointFinding } from './endpoints';
import { ExternalTests, nameWords } from './external-tests';
import { Guards } from './guards';
import { Handlers } from './handlers';
import { outermostStringSite } from './string-sites';

/**
 * How the code protects a finding (docs/spec/behaviour.md#guarded-and-handled-findings):
 * `guarded`, it runs only when the chat is known not to be external;
 * `handled`, a `catch` of the code handles its error code.
 */
export type Protection = 'guarded' | 'handled';

/** Uses of one `const` followed, at most: a constant used more often than this is not counted as protected. */
const MAX_USES = 1000;

/**
 * The protection of each endpoint finding of one file and notice. Guards are
 * looked for only in a file whose text holds a word every external-test name
 * has, and a notice that names them; handlers only where the text holds the
 * finding's error code.
 */
export class FileProtection {
  private readonly guards: Guards | undefined;
  private readonly handlers: Handlers;
  private readonly codes: readonly string[];
  private codesHeld: ReadonlyMap<string, readonly number[]> | undefined;

  constructor(
    private readonly sourceCode: SourceCode,
    notice: Notice,
  ) {
    const vocabulary = notice.externalChatTest === undefined ? undefined : vocabularies.get(notice.externalChatTest, compileVocabulary);
    const mayTest = vocabulary !== undefined && vocabulary.marker.test(sourceCode.text);
    this.guards = mayTest ? new Guards(sourceCode, new ExternalTests(vocabulary.names)) : undefined;
    this.handlers = new Handlers(sourceCode);
    this.codes = noticeCodes.get(notice, (known) => known.groups.map((group) => String(group.code)));
  }

  /**
   * The finding's protection: every place it runs is guarded (then
   * `guarded`), or guarded or handled (then `handled`); undefined when one is
   * neither. A URL `const` (or `const` object member) reported at its
   * declaration runs where it is used: it is protected when it is not
   * exported, is used at least once, and each use in the file (through other
   * `const`s that hold it) is.
   */
  protectionOf(finding: EndpointFinding): Protection | undefined {
    const mayHandle = this.holdsCode(finding.code);
    if (this.guards === undefined && !mayHandle) return undefined;
    const declared = finding.sdkCall === undefined ? bindingInitializedBy(this.sourceCode, finding.node) : undefined;
    const uses = declared === undefined ? [finding.node] : this.usesOf(declared);
    if (uses === undefined || uses.length === 0) return undefined;
    let protection: Protection = 'guarded';
    for (const use of uses) {
      if (this.guards?.isGuarded(use) === true) continue;
      const call = mayHandle ? callOf(use, finding.sdkCall !== undefined) : undefined;
      if (call === undefined || !this.handlers.isHandled(call, finding.code)) return undefined;
      protection = 'handled';
    }
    return protection;
  }

  /**
   * Whether the text holds the error code, so that a `catch` may handle it: the notice's codes are searched once per
   * file, together (wordOffsets: one pass for codes that start alike), not once per finding or code.
   */
  private holdsCode(code: number): boolean {
    const written = String(code);
    if (!this.codes.includes(written)) return this.sourceCode.text.includes(written);
    this.codesHeld ??= wordOffsets(this.sourceCode.text, this.codes);
    return this.codesHeld.has(written);
  }

  /**
   * Where the value of a `const` binding is used in this file: each read,
   * widened to the string expression around it, and followed into the
   * `const`s that read initializes. Undefined when the value leaves the file
   * (an exported binding, `export { X }`, `export default X`) or when there are
   * too many uses to follow.
   */
  private usesOf(first: Binding): Node[] | undefined {
    const uses: Node[] = [];
    const seen = new Set<string>();
    const pending: Binding[] = [first];
    while (pending.length > 0) {
      const binding = pending.pop()!;
      if (seen.has(binding.key)) continue;
      seen.add(binding.key);
      // A CommonJS export (the Program is its root) is exported: its uses are in other files.
      const variable = binding.root;
      if (!('references' in variable)) return undefined;
      const declarator = constDeclarator(variable);
      if (declarator?.parent.parent?.type === 'ExportNamedDeclaration') return undefined;
      for (const reference of variable.references) {
        if (reference.init === true || !reference.isRead()) continue;
        const identifier = reference.identifier as Node;
        const parent = identifier.parent;
        if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return undefined;
        if (isTypeQuery(identifier)) continue;
        const read = readOf(identifier, binding.path);
        if (read === undefined) continue;
        const site = outermostStringSite(this.sourceCode, read);
        const held = bindingInitializedBy(this.sourceCode, site);
        if (held === undefined) uses.push(site);
        else pending.push(held);
        if (uses.length + pending.length > MAX_USES) return undefined;
      }
    }
    return uses;
  }
}

/** The external-test names of a notice, and a marker of the text every one of them holds. */
interface Vocabulary {
  readonly names: ReadonlySet<string>;
  /** A word every name has, as a name writes it in any case (`external` in `IS_EXTERNAL`); matches anything when there is none. */
  readonly marker: RegExp;
}

/** Each notice's error codes, as the text writes them. */
const noticeCodes = new WeakMemo<Notice, readonly string[]>();

const vocabularies = new WeakMemo<NonNullable<Notice['externalChatTest']>, Vocabulary>();

function compileVocabulary({ names }: NonNullable<Notice['externalChatTest']>): Vocabulary {
  const words = names.map((name) => nameWords(name).split(' '));
  const shared = words.length === 0 ? [] : words.reduce((common, each) => common.filter((word) => each.includes(word)));
  const marker = shared[0];
  return {
    names: new Set(names.map(nameWords)),
    marker: marker === undefined ? /(?:)/ : new RegExp(marker.replace(/[^a-z0-9]/g, '\\$&'), 'i'),
  };
}

/**
 * What a reference to a binding's variable reads of its value: for a member
 * binding (`API.chat.info`), the member read when the reference goes down
 * its path, undefined when it goes to another key (`API.other`: not this
 * value), and the object read where it stops on the way or goes through a key
 * not written out (`API`, `API[k]`: the value may be used through it).
 */
function readOf(identifier: Node, path: readonly string[]): Node | undefined {
  let node = identifier;
  for (const key of path) {
    const top = outermostWrapper(node);
    const parent = top.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== top) return top;
    const read = staticKey(parent);
    if (read === undefined) return parent;
    if (read !== key) return undefined;
    node = parent;
  }
  return node;
}

/** `typeof X` in a type: not a use of the value. */
function isTypeQuery(identifier: Node): boolean {
  let node = identifier;
  while (node.parent?.type === 'TSQualifiedName') node = node.parent;
  return node.parent?.type === 'TSTypeQuery';
}

/**
 * The call that sends the request of a finding's use: for an SDK call, the
 * call its method name is the callee of (`client.im.x.create(…)`, `m.call(…)`);
 * for a URL, the call it is an argument of (`fetch(url)`), or whose options
 * object it is a property value of (`client.request({ url })`).
 */
function callOf(use: Node, sdkCall: boolean): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (sdkCall) {
    let current = use;
    for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
      if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === current) return parent;
      if (parent.type !== 'MemberExpression' && !isTsWrapper(parent)) return undefined;
    }
    return undefined;
  }
  const value = outermostWrapper(use);
  const holder = value.parent?.type === 'Property' && value.parent.value === value ? outermostWrapper(value.parent.parent) : value;
  const call = holder.parent;
  if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && (call.arguments as Node[]).includes(holder)) return call;
  return undefined;
}
