import fc from 'fast-check';
import { CATALOG, LOOK_ALIKE_PATHS } from '../../lib/catalog';

/**
 * The fuzzer's programs (issue 15): endpoints in every shape the analysis
 * reads (literals, templates, `+` chains, `const`s, `new URL`, `String(…)`,
 * `newRequest`, SDK calls), written with escapes, dot segments and markers
 * split across pieces, and hand-written event checks on envelopes of every
 * kind, parenthesised or not. Plain JavaScript unless a TypeScript-only
 * envelope (`x as any`, `<any>x`) makes it TypeScript.
 */
export interface FuzzProgram {
  readonly code: string;
  /** Uses TypeScript-only syntax: linted with the TypeScript parser only. */
  readonly typescript: boolean;
  /** The envelope expressions of its event checks (`a || b`, `req.body`), as written, without outer parentheses. */
  readonly envelopes: readonly string[];
  /**
   * The same program with every URL written as one plain string literal (no escapes, no pieces), every SDK
   * name as plain as it gets: each finding of this program is one of `code` too.
   */
  readonly plain: string;
  /** Seeds the noise the oracles add (whitespace, comments, directives, prose). */
  readonly noise: number;
}

/**
 * A statement with the declarations it needs before it. `$0`…`$9` are the piece's own names, made unique
 * when the program is put together.
 */
interface Piece {
  readonly lines: readonly string[];
  /** The same, plainly written (FuzzProgram.plain); `lines` where nothing differs. */
  readonly plain?: readonly string[];
  readonly typescript?: boolean;
  readonly envelope?: string;
}

// --- URLs and paths ------------------------------------------------------------------------------

const ids = fc.constantFrom('oc_5ad1', 'om_9f0e', '42', 'ou_x-y');
/** A path of the catalog, a look-alike, another service's or an unrelated one, with its `:params` filled. */
const catalogPath = fc.tuple(fc.constantFrom(...CATALOG.map((entry) => entry.path)), ids).map(([path, id]) => path.replace(/:\w+/g, id));
const otherPath = fc.oneof(
  fc.tuple(fc.constantFrom(...LOOK_ALIKE_PATHS), ids).map(([path, id]) => path.replace(/:\w+/g, id)),
  fc.constantFrom('/open-apis/docx/v1/documents', '/open-apis/im/v1/chats', '/api/v1/users', '/open-apis/message/v4/batch_send', '/v4/send'),
);

/** Drops `/open-apis`, so that the path needs evidence or `newRequest`. */
const withoutOpenApis = (path: string) => path.replace('/open-apis', '');

/** `.`, `..` segments that resolve away: `/message/x/../v4/send`, `/chat/./v4/info`. */
const dotSegments = (path: string, at: number, kind: number): string => {
  const segments = path.split('/');
  const i = 1 + (at % Math.max(1, segments.length - 1));
  const inserted = [['.'], ['x', '..'], ['.'], ['x', '..'], ['%2e'], ['x', '%2E%2e']][kind % 6]!;
  return [...segments.slice(0, i), ...inserted, ...segments.slice(i)].join('/');
};

const host = fc.constantFrom('', '', '', 'https://open.feishu.cn', 'https://open.larksuite.com', 'https://gw.example.com/feishu', '//open.feishu.cn');

/** A URL or path value, as the code means it. */
const urlValue = fc
  .record({
    path: fc.oneof({ weight: 4, arbitrary: catalogPath }, { weight: 1, arbitrary: otherPath }),
    host,
    openApis: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }),
    dots: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }),
    query: fc.constantFrom('', '', '', '?page_size=20', '#top'),
  })
  .map(({ path, host, openApis, dots, query }) => {
    let value = openApis ? path : withoutOpenApis(path);
    if (dots !== null) value = dotSegments(value, dots[0], dots[1]);
    return host + value + query;
  });

// --- Writing a value as code -----------------------------------------------------------------------

/** How each character of a string is written: as itself, or as an escape of it. */
const escapes = fc.array(fc.nat({ max: 9 }), { minLength: 0, maxLength: 64 });

function writeChar(c: string, how: number, quote: string): string {
  if (c === '\\' || c === quote || (quote === '`' && c === '$')) return `\\${c}`;
  const code = c.charCodeAt(0);
  switch (how) {
    case 7:
      return `\\u${code.toString(16).padStart(4, '0')}`;
    case 8:
      return `\\x${code.toString(16).padStart(2, '0')}`;
    case 9:
      return c === '/' ? '\\/' : `\\u{${code.toString(16)}}`;
    default:
      return c;
  }
}

/** A string literal (or a template without placeholders) of `value`, some characters escaped. */
function literal(value: string, quote: string, how: readonly number[]): string {
  return quote + [...value].map((c, i) => writeChar(c, how[i] ?? 0, quote)).join('') + quote;
}

interface Written {
  /** The expression. */
  readonly code: string;
  /** `const` declarations it reads (`const $0 = 'v4';`). */
  readonly consts: readonly string[];
}

/** A value written as one of the string shapes, split across pieces where the shape has pieces. */
const written = (value: string): fc.Arbitrary<Written> =>
  fc
    .record({
      shape: fc.constantFrom('literal', 'template', 'concat', 'concat', 'consts', 'url', 'string'),
      quote: fc.constantFrom("'", '"', '`'),
      how: escapes,
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, value.length - 1) }), { maxLength: 3 }),
      kinds: fc.array(fc.nat({ max: 5 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ shape, quote, how, cuts, kinds }): Written => {
      const pieces = splitAt(value, cuts.filter((cut) => !insideEvidence(value, cut)));
      switch (shape) {
        case 'literal':
          return { code: literal(value, quote === '`' ? "'" : quote, how), consts: [] };
        case 'template':
          return { code: literal(value, '`', how), consts: [] };
        case 'concat': {
          // `'/message' + '/v4/send'`, with a number, a template or String(…) among the pieces.
          const terms = pieces.map((piece, i) => {
            const kind = kinds[i % kinds.length]!;
            if (kind === 0 && /^(?:0|[1-9]\d*)$/.test(piece)) return piece;
            if (kind === 1) return literal(piece, '`', how.slice(i));
            if (kind === 2) return `String(${literal(piece, quote === '`' ? '"' : quote, how.slice(i))})`;
            return literal(piece, quote === '`' ? "'" : quote, how.slice(i));
          });
          return { code: terms.join(' + '), consts: [] };
        }
        case 'consts': {
          // Pieces held in consts: `const $0 = 'v4'; … '/chat/' + $0 + '/info'`, or a template around them.
          const consts: string[] = [];
          const terms = pieces.map((piece, i) => {
            if (i % 2 === 1 || pieces.length === 1) {
              const name = `$${consts.length}`;
              consts.push(`const ${name} = ${literal(piece, "'", how.slice(i))};`);
              return name;
            }
            return literal(piece, "'", how.slice(i));
          });
          if (kinds[0]! % 2 === 0) return { code: terms.join(' + '), consts };
          // The same pieces as a template: literals as quasis, consts as placeholders.
          const template = terms.map((term) => (term.startsWith('$') ? `\${${term}}` : term.slice(1, -1).replaceAll('`', '\\`'))).join('');
          return { code: `\`${template}\``, consts };
        }
        case 'url': {
          // new URL(path, origin): a rooted path replaces the base's whole path, so the value stays as it is.
          const origin = /^(?:https:)?\/\/[^/]+/.exec(value)?.[0];
          if (origin === undefined) return { code: `new URL(${literal(value, "'", how)})`, consts: [] };
          return { code: `new URL(${literal(value.slice(origin.length), "'", how)}, ${literal(`${origin.startsWith('//') ? 'https:' : ''}${origin}/x/`, "'", [])})`, consts: [] };
        }
        default:
          return { code: `String(${literal(value, quote, how)})`, consts: [] };
      }
    });

/**
 * A cut inside `open-apis` or the host: evidence is read from each string as written
 * (docs/behaviour-decisions.md#paths-without-open-apis), so such a split may change the verdict of
 * another, host-less path of the program, which the plain program would not show.
 */
function insideEvidence(value: string, cut: number): boolean {
  const openApis = value.indexOf('open-apis');
  const host = /^(?:https:)?\/\/[^/]*/.exec(value)?.[0].length ?? 0;
  // Nor inside a `%2e`: a dot spelled so is one character to the URL parser, and to the text scan.
  const percent = value.lastIndexOf('%', cut - 1);
  return (openApis !== -1 && cut > openApis && cut < openApis + 'open-apis'.length) || cut < host || (percent !== -1 && cut - percent < 3);
}

function splitAt(value: string, cuts: readonly number[]): string[] {
  const sorted = [...new Set(cuts.filter((cut) => cut > 0 && cut < value.length))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const cut of sorted) {
    pieces.push(value.slice(from, cut));
    from = cut;
  }
  pieces.push(value.slice(from));
  return pieces;
}

/** Where a URL is sent from. */
const sink = fc.constantFrom(
  (e: string) => [`fetch(${e});`],
  (e: string) => [`axios.post(${e}, body);`],
  (e: string) => [`http.get(${e});`],
  (e: string) => [`client.request({ url: ${e}, method: 'PATCH' });`],
  (e: string) => [`sdk.api.newRequest(${e}, 'POST', 2, body);`],
  (e: string) => [`const $9 = ${e};`, 'fetch($9);'],
);

const endpoint: fc.Arbitrary<Piece> = urlValue
  .chain((value) => fc.tuple(fc.constant(value), written(value), sink))
  .map(([value, expression, send]) => ({ lines: [...expression.consts, ...send(expression.code)], plain: send(literal(value, "'", [])) }));

// --- SDK calls ---------------------------------------------------------------------------------------

const sdkMethod = fc.constantFrom(
  ...CATALOG.flatMap((entry) => entry.sdkMethods ?? []),
  'im.messageReaction.batchQuery',
  'im.chat.get',
  'im.message.create',
);

/** A name or key, some letters escaped (`\u006dessageReaction`), or a string key. */
function writeName(name: string, how: readonly number[], key: number): string {
  if (key === 1) return `[${literal(name, "'", how)}]`;
  if (key === 2) return `[\`${name}\`]`;
  return `.${[...name].map((c, i) => ((how[i] ?? 0) >= 8 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')}`;
}

const sdkCall: fc.Arbitrary<Piece> = fc
  .record({ method: sdkMethod, how: escapes, keys: fc.array(fc.nat({ max: 4 }), { minLength: 3, maxLength: 3 }), v1: fc.boolean() })
  .map(({ method, how, keys, v1 }) => {
    const [namespace, resource, call] = method.split('.') as [string, string, string];
    const chain = `client${writeName(namespace, [], keys[0]!)}${v1 ? '.v1' : ''}${writeName(resource, how, keys[1]!)}${writeName(call, how.slice(3), keys[2]!)}`;
    return { lines: [`await ${chain}({ path: { message_id: id } });`], plain: [`await client.${method}({ path: { message_id: id } });`] };
  });

// --- Event checks on envelopes -------------------------------------------------------------------------

const JS_ENVELOPES = [
  'body',
  'req.body',
  'this.body',
  'getBody()',
  'list[0]',
  'body?.inner',
  'a || b',
  'req.body || {}',
  'await req.json()',
  'a ? b : c',
  'a, b',
  'b1 ?? b2',
  'x = y',
  'new Body',
  'new Body()',
  '(y || {}).inner',
  '1',
  '[body][0]',
  'x++',
  '!x',
];
const TS_ENVELOPES = ['x as any', '<any>x', 'x!', 'x satisfies Body', 'x as unknown as Body'];

/** `<envelope>` as the object of a member read, parenthesized where it must be. */
function asObject(envelope: string): string {
  if (envelope === 'new Body()') return envelope;
  return /^[\w$.[\]?()]+$/.test(envelope) && !/^\d/.test(envelope) ? envelope : `(${envelope})`;
}

const eventCheck: fc.Arbitrary<Piece> = fc
  .record({
    envelope: fc.oneof({ weight: 7, arbitrary: fc.constantFrom(...JS_ENVELOPES) }, { weight: 1, arbitrary: fc.constantFrom(...TS_ENVELOPES) }),
    form: fc.nat({ max: 6 }),
    quote: fc.constantFrom("'", '"'),
  })
  .map(({ envelope, form, quote }) => {
    const e = asObject(envelope);
    const message = `${quote}message${quote}`;
    const lines = [
      [`if (${e}.event.type === ${message}) { reply(${e}.event.open_chat_id); }`],
      [`if (${e}.type === 'event_callback' && ${e}.event.type === ${message}) go(${e}.event.open_message_id, ${e}.event.chat_type);`],
      [`switch (${e}.event.type) { case ${message}: reply(${e}.event.open_chat_id); break; default: break; }`],
      [`const $0 = ${e}.event;`, `if ($0.type !== ${message}) throw new Error('x');`, 'reply($0.open_chat_id);'],
      [`const { event: $0 } = ${envelope.startsWith('a, ') ? e : envelope};`, `if ($0.type === ${message}) reply($0.text_without_at_bot);`],
      [`if (${message} === ${e}.event.type) go();`],
      [`const $0 = ${e}.event.type === ${message} ? 1 : 0;`],
    ][form]!;
    return { lines, typescript: TS_ENVELOPES.includes(envelope), envelope };
  });

// --- Programs --------------------------------------------------------------------------------------------

const EVIDENCE = [[], ["import * as lark from '@larksuiteoapi/node-sdk';"], ['const tenant_key = await token();'], ["sdk.api.newRequest('message/v4/send', 'POST', 2, body);"]];

const filler: fc.Arbitrary<Piece> = fc.constantFrom(
  { lines: ["log('/api/v1/users');"] },
  { lines: ["const $0 = 'hello world';"] },
  { lines: ['if (/\\/v4\\/send/.test(url)) log(url);'] },
  { lines: ["emitter.emit('message', { type: 'message' });"] },
);

export const fuzzProgram: fc.Arbitrary<FuzzProgram> = fc
  .record({
    evidence: fc.constantFrom(...EVIDENCE),
    pieces: fc.array(fc.oneof({ weight: 4, arbitrary: endpoint }, { weight: 2, arbitrary: eventCheck }, { weight: 1, arbitrary: sdkCall }, { weight: 1, arbitrary: filler }), {
      minLength: 1,
      maxLength: 5,
    }),
    noise: fc.nat(),
  })
  .map(({ evidence, pieces, noise }) => {
    // Each piece's `$0`…`$9` are its own names.
    const write = (choose: (piece: Piece) => readonly string[]) =>
      [...evidence, ...pieces.flatMap((piece, p) => choose(piece).map((line) => line.replace(/\$(\d)/g, (_, k: string) => `v${p}_${k}`)))].join('\n');
    return {
      code: write((piece) => piece.lines),
      plain: write((piece) => piece.plain ?? piece.lines),
      typescript: pieces.some((piece) => piece.typescript === true),
      envelopes: pieces.flatMap((piece) => (piece.envelope === undefined ? [] : [piece.envelope])),
      noise,
    };
  });
