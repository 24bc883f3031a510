import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as espree from 'espree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, LspClient, type Range } from '../support/lsp-client';
import { installConsumer, packPlugin, ROOT } from '../support/pack';

// The plugin in an editor, for real: `vscode-eslint-language-server` (from
// vscode-langservers-extracted 4.10.0, the server of VS Code's ESLint
// extension) over stdio on a consumer project with the packed plugin and
// ESLint 10.15, configured as the extension configures it by default. The
// server offers pull diagnostics only (`textDocument/diagnostic`).

const require = createRequire(__filename);
const SERVER = path.join(path.dirname(require.resolve('vscode-langservers-extracted/package.json')), 'bin/vscode-eslint-language-server');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(path.join(tmpdir(), 'feishu-editor-'));
let project = '';

/** What VS Code's ESLint extension (3.0.x) answers to `workspace/configuration` with no user settings. */
function extensionDefaults(workspace: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  code?: string;
  codeDescription?: { href: string };
}

/** A started server on the consumer project, and the documents it has open. */
async function startServer(env: Record<string, string> = {}) {
  const client = new LspClient(process.execPath, [SERVER, '--stdio'], { cwd: project, env: { ...process.env, ...env } }, () => extensionDefaults(project));
  const root = pathToFileURL(project).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: path.basename(project) }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
    },
  });
  client.notify('initialized', {});
  const versions = new Map<string, number>();
  return {
    client,
    open(file: string, text = readFileSync(path.join(project, file), 'utf8')) {
      const uri = pathToFileURL(path.join(project, file)).href;
      versions.set(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
      return { uri, text };
    },
    change(uri: string, text: string) {
      const next = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, next);
      client.notify('textDocument/didChange', { textDocument: { uri, version: next }, contentChanges: [{ text }] });
    },
    async diagnostics(uri: string): Promise<Diagnostic[]> {
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      expect(report.kind).toBe('full');
      return report.items;
    },
  };
}

beforeAll(() => {
  const { tarball } = packPlugin(work);
  project = installConsumer('editor', work, tarball);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe('the plugin in VS Code’s ESLint language server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);
  afterAll(async () => server.client.close(), 30_000);

  it('gives each finding its range, its rule as code and the rule’s doc as codeDescription.href', async () => {
    const { uri } = server.open('src/bot.js');
    const diagnostics = await server.diagnostics(uri);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity])).toEqual([
      ['feishu/no-legacy-message-event', 1, 40, 1, 47, 1],
      ['feishu/no-legacy-message-chat-api', 2, 12, 2, 62, 1],
      ['local/no-todo', 3, 0, 3, 4, 1],
    ]);
    for (const diagnostic of diagnostics.filter((d) => d.code?.startsWith('feishu/'))) {
      expect(diagnostic.codeDescription?.href).toBe(`https://unpkg.com/eslint-plugin-feishu@${version}/docs/rules/${diagnostic.code!.slice('feishu/'.length)}.md`);
    }
    expect(diagnostics[1]!.message).toBe(
      'POST /open-apis/message/v4/send fails with error 232102 in external chats (外部群) since 2025-06-25. Migrate to client.im.message.create and enable external sharing (对外共享).',
    );
  });

  it('applies the event rule’s quick fix through workspace/applyEdit, and the result parses', async () => {
    const { uri, text } = server.open('src/bot.js');
    const [event] = await server.diagnostics(uri);
    const actions = await server.client.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: event!.range,
      context: { diagnostics: [event] },
    });
    const fix = actions.find((action) => action.title.startsWith("Register the handler for 'im.message.receive_v1'"));
    expect(fix?.title).toBe("Register the handler for 'im.message.receive_v1' and move its v1 field reads (feishu/no-legacy-message-event)");
    await server.client.request('workspace/executeCommand', fix!.command);
    const edit = server.client.appliedEdits.at(-1);
    const edits = edit?.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? edit?.changes?.[uri] ?? [];
    expect(edits.length).toBeGreaterThan(0);
    const fixed = applyEdits(text, edits);
    expect(fixed).toContain("register({ 'im.message.receive_v1': async (data) => reply(data.message.chat_id, data.text /* FIXME(feishu/no-legacy-message-event)");
    expect(() => espree.parse(fixed, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    // Linted again, the handler is no longer reported.
    server.change(uri, fixed);
    expect((await server.diagnostics(uri)).map((d) => d.code)).toEqual(['feishu/no-legacy-message-chat-api', 'local/no-todo']);
  });

  it('gives invalid settings.feishu as one diagnostic at 1:1, and another plugin’s diagnostic in the file survives', async () => {
    const { uri } = server.open('src/invalid/bot.js');
    const diagnostics = await server.diagnostics(uri);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.severity])).toEqual([
      [expect.stringMatching(/^feishu\//), 0, 0, 1],
      ['local/no-todo', 3, 0, 1],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'Invalid settings.feishu (until it is fixed, the feishu rules report nothing else in this file): ' +
        'settings.feishu.appTyp is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded. Did you mean appType?',
    );
    expect(server.client.stderr).not.toMatch(/Error|throw/);
  });
});

describe('latency in the language server (recorded in docs/performance.md)', () => {
  /** Cold: from the server's start to the first diagnostics of a file; warm: the median of 10 edits, each linted again. */
  async function measure(env: Record<string, string>) {
    const started = performance.now();
    const server = await startServer(env);
    const { uri, text } = server.open('src/bot.js');
    const first = await server.diagnostics(uri);
    const cold = performance.now() - started;
    const warm: number[] = [];
    for (let i = 1; i <= 10; i++) {
      server.change(uri, `${text}\n// edit ${i}\n`);
      const t = performance.now();
      await server.diagnostics(uri);
      warm.push(performance.now() - t);
    }
    await server.client.close();
    warm.sort((a, b) => a - b);
    return { cold: Math.round(cold), warm: Math.round(warm[5]!), codes: first.map((d) => d.code) };
  }

  it('with and without the plugin', async () => {
    // Alternated three times, medians kept: the cold start is mostly the server's and ESLint's, and the machine's noise.
    const runs: { without: Awaited<ReturnType<typeof measure>>; with: Awaited<ReturnType<typeof measure>> }[] = [];
    for (let i = 0; i < 3; i++) runs.push({ without: await measure({ WITHOUT_FEISHU: '1' }), with: await measure({}) });
    for (const run of runs) {
      expect(run.without.codes).toEqual(['local/no-todo']);
      expect(run.with.codes).toContain('feishu/no-legacy-message-event');
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const figures = (pick: (run: (typeof runs)[number]) => { cold: number; warm: number }) =>
      `cold ${median(runs.map((run) => pick(run).cold))} ms (${runs.map((run) => pick(run).cold).join(', ')}), warm ${median(runs.map((run) => pick(run).warm))} ms`;
    console.log(`editor latency: without the plugin ${figures((run) => run.without)}; with it ${figures((run) => run.with)}`);
  }, 300_000);
});
