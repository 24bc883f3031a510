import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import * as catalog from '../../lib/catalog';

// Every Feishu fact lives in the catalog: the analysis and the suggestions read
// hosts, module names, event types, vocabulary and envelope fields through its
// constants, never by spelling them again. A word that is also an everyday
// word (`'message'`, `'event'`) is found here because the catalog holds it.

const root = path.resolve(__dirname, '../..');
const SCANNED = ['lib/analysis', 'lib/suggestions'];

/** Every word the catalog holds as a platform or notice fact. */
function catalogValues(): Set<string> {
  const values = new Set<string>([
    ...catalog.API_HOSTS,
    catalog.OPEN_APIS_SEGMENT,
    catalog.SDK_SCOPE,
    ...Object.values(catalog.SDK_MODULES),
    catalog.IM_NAMESPACE.name,
    catalog.IM_NAMESPACE.version,
    ...catalog.EVIDENCE_VOCABULARY,
    ...catalog.PLATFORM_NAMES,
    ...Object.values(catalog.V1_ENVELOPE),
    ...Object.values(catalog.V2_ENVELOPE),
    catalog.EVENT_DISPATCHER.register,
    catalog.LARK_CHANNEL.name,
    // The external-test names and their words (`is`, `chat` and `group` are everyday words too: found because the catalog holds them).
    ...catalog.EXTERNAL_CHAT_TEST.names,
    ...catalog.EXTERNAL_CHAT_TEST.names.flatMap((name) => name.split(' ')),
  ]);
  for (const fn of [catalog.NEW_REQUEST, catalog.TYPE_HANDLER]) values.add(fn.name).add(fn.member);
  for (const ref of [...catalog.NEW_REQUEST.exports, ...catalog.TYPE_HANDLER.exports, ...catalog.EVENT_DISPATCHER.exports, ...catalog.LARK_CHANNEL.exports]) {
    values.add(ref.module);
    for (const key of ref.path) values.add(key);
  }
  for (const notice of catalog.NOTICES) {
    for (const helper of Object.keys(notice.channelHelpers)) values.add(helper);
    // The resources of the SDK methods (`messageReaction`); their methods are HTTP words (`get`, `delete`).
    for (const entry of notice.entries) for (const sdkMethod of entry.sdkMethods ?? []) values.add(sdkMethod.split('.')[1]!);
    const event = notice.legacyEvent;
    if (event === undefined) continue;
    values.add(event.type).add(event.replacement);
    for (const renamed of event.renamedValues) values.add(renamed.field).add(renamed.v1).add(renamed.v2);
    for (const migration of event.fieldMigrations) values.add(migration.v1);
  }
  return values;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The string values a file writes: string literals and template literal text,
 * but not import sources, literal types (`kind: 'register'` in a type), nor
 * the `kind` of a finding, which names a shape of code, not a platform word.
 */
function writtenStrings(text: string): { value: string; line: number }[] {
  const ast = parse(text, { loc: true, range: true });
  const found: { value: string; line: number }[] = [];
  const stack: { node: TSESTree.Node; parent: TSESTree.Node | undefined }[] = [{ node: ast, parent: undefined }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (parent?.type === 'ImportDeclaration' || parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportAllDeclaration') {
      if ((parent as { source?: TSESTree.Node | null }).source === node) continue;
    }
    if (node.type === 'TSLiteralType') continue;
    if (node.type === 'Property' && !node.computed && node.key.type === 'Identifier' && node.key.name === 'kind') continue;
    if (node.type === 'Literal' && typeof node.value === 'string') found.push({ value: node.value, line: node.loc.start.line });
    if (node.type === 'TemplateElement') found.push({ value: node.value.cooked ?? node.value.raw, line: node.loc.start.line });
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') {
          stack.push({ node: child as TSESTree.Node, parent: node });
        }
      }
    }
  }
  return found;
}

describe('Feishu facts are read from the catalog', () => {
  const values = catalogValues();
  const files = SCANNED.flatMap((folder) => sourceFiles(path.join(root, folder)));

  it('knows the everyday words too', () => {
    for (const word of ['message', 'event', 'type', 'register', 'im', 'v1', 'open-apis', '@larksuiteoapi/node-sdk', 'tenant_key', 'event_callback']) {
      expect(values).toContain(word);
    }
  });

  it.each(files.map((file) => [path.relative(root, file), file] as const))('%s spells no catalog value', (_name, file) => {
    const spelled = writtenStrings(readFileSync(file, 'utf8'))
      .filter(({ value }) => values.has(value))
      .map(({ value, line }) => `line ${line}: '${value}'`);
    expect(spelled).toEqual([]);
  });

  it('would catch one, and leaves imports, literal types and finding kinds alone', () => {
    const text = [
      "import * as lark from '@larksuiteoapi/node-sdk';",
      "type Kind = 'register' | 'check';",
      "const finding = { kind: 'register' };",
      "if (body.event.type === 'message' && host === `open.feishu.cn`) use(SDK + '@larksuiteoapi/');",
    ].join('\n');
    const spelled = writtenStrings(text).filter(({ value }) => values.has(value));
    expect(spelled.map(({ value }) => value).sort()).toEqual(['@larksuiteoapi/', 'message', 'open.feishu.cn']);
    expect(spelled.every(({ line }) => line === 4)).toBe(true);
  });
});
