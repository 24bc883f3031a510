import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * A minimal Language Server Protocol client over stdio, as an editor is one:
 * JSON-RPC messages framed by `Content-Length` headers. It answers the
 * requests a server sends (`workspace/configuration` with `configuration`,
 * `workspace/applyEdit` by recording the edit) and keeps the server's
 * notifications for the test to read.
 */
export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** `workspace/applyEdit` requests received, in order. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';

  constructor(
    command: string,
    args: readonly string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
    private readonly configuration: (scopeUri: string | undefined) => unknown,
  ) {
    this.server = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.server.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the server exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  request<Result>(method: string, params: unknown): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** `shutdown`, then `exit`; resolves when the process has ended. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (this.server.exitCode === null) this.server.kill();
  }

  private send(message: Record<string, unknown>): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server.
      if (message.method === 'workspace/configuration') {
        const { items } = message.params as { items: { scopeUri?: string }[] };
        this.send({ id: message.id, result: items.map((item) => this.configuration(item.scopeUri)) });
      } else if (message.method === 'workspace/applyEdit') {
        this.appliedEdits.push((message.params as { edit: WorkspaceEdit }).edit);
        this.send({ id: message.id, result: { applied: true } });
      } else {
        // client/registerCapability, window/workDoneProgress/create: accepted.
        this.send({ id: message.id, result: null });
      }
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(`${message.error.message} (${message.error.code})`));
      else waiting?.resolve(message.result);
    }
  }
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

/** `text` with `edits` applied (ranges of the original text, in LSP's UTF-16 line/character positions). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = ({ line, character }: Position) => (lineStarts[line] ?? text.length) + character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}
