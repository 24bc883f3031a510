// npm run docs / npm run docs:check: writes the catalog's tables into the docs.
//
// Every Feishu fact a doc states in a table (endpoints, SDK methods, look-alikes,
// event fields, what each rule covers) comes from the built catalog (dist/catalog)
// and rules (dist/rules), between a pair of markers, each on a line of its own:
//
//   <!-- begin generated: NAME -->
//   <!-- end generated: NAME -->
//
// Everything between them is rewritten; everything outside is left as written.
// The blocks each file must have are listed by `blocksOf` below. eslint-doc-generator's
// `<!-- begin auto-generated … -->` blocks are its own and are not touched.
//
//   node scripts/generate-docs.mjs           rewrite the blocks (after npm run build)
//   node scripts/generate-docs.mjs --check   write nothing; exit 1 naming each out-of-date,
//                                            missing, unknown or malformed block
//   --root DIR                               read and write the docs under DIR (default:
//                                            the repository); the catalog is always this
//                                            repository's build
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------
// Arguments

function usage(message) {
  console.error(`generate-docs: ${message}\nusage: node scripts/generate-docs.mjs [--check] [--root DIR]`);
  process.exit(2);
}

let check = false;
let root = repo;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--check') check = true;
  else if (arg === '--root') {
    if (argv[i + 1] === undefined) usage('--root needs a directory');
    root = path.resolve(argv[++i]);
  } else usage(`unknown argument ${arg}`);
}

// ---------------------------------------------------------------------------
// The build

function load(module) {
  const file = path.join(repo, 'dist', module);
  if (!existsSync(`${file}/index.js`) && !existsSync(`${file}.js`)) {
    console.error(`generate-docs: ${path.relative(process.cwd(), file) || file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  return require(file);
}

const catalog = load('catalog');
const { rules } = load('rules');
const { endpointRuleCoverage } = load('rules/support/endpoint-rule');
const { NOTICES, IM_NAMESPACE, LARK_CHANNEL, EVENT_DISPATCHER, TYPE_HANDLER, V1_ENVELOPE, V2_ENVELOPE } = catalog;

/**
 * What each rule covers: the notice and error code an API rule reports (as
 * `reportEndpoints` registered it), or, for a rule without one, the notice's
 * legacy event.
 */
function coverageOf(name) {
  const rule = rules[name];
  const covered = endpointRuleCoverage(name);
  if (covered !== undefined) {
    const { notice, code } = covered;
    const group = notice.groups.find((g) => g.code === code);
    if (group === undefined) throw new Error(`rule ${name}: notice ${notice.id} has no error code ${code}`);
    const entries = notice.entries.filter((e) => e.code === group.code);
    return { kind: 'api', rule, name, notice, group, entries };
  }
  const withEvent = NOTICES.filter((n) => n.legacyEvent !== undefined);
  if (withEvent.length !== 1) throw new Error(`rule ${name}: no allow ids, and not exactly one notice has a legacy event`);
  return { kind: 'event', rule, name, notice: withEvent[0], event: withEvent[0].legacyEvent };
}


// ---------------------------------------------------------------------------
// Markdown

/** A table cell's text: `|` would end the cell, a line break the row. */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text) => `\`${text}\``;
const linkText = (text) => text.replace(/[[\]\\]/g, (c) => `\\${c}`);
const link = (text, url) => `[${linkText(text)}](${url})`;

function table(headers, rows) {
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => ':--').join(' | ')} |`, ...rows.map(line)].join('\n');
}

const endpoint = (method, path) => code(`${method} ${path}`);
/** An empty cell of a table where every cell says something. */
const NONE = '—';
const sdkCall = (method) => code(`client.${method}(…)`);
/** `im.chatTab.create` → `im.v1.chatTab.create`: node-sdk has each im method under both. */
const versioned = (method) =>
  method.startsWith(`${IM_NAMESPACE.name}.`)
    ? `${IM_NAMESPACE.name}.${IM_NAMESPACE.version}.${method.slice(IM_NAMESPACE.name.length + 1)}`
    : method;
const sdkMethodsOf = (entries) => [...new Set(entries.flatMap((e) => e.sdkMethods ?? []))];

// ---------------------------------------------------------------------------
// Words, in both languages

const WORDS = {
  en: {
    id: '`allow` id',
    method: 'Method',
    path: 'Path',
    name: 'Name (official page)',
    noPage: ' (the notice; no reference page)',
    replacement: 'im/v1 replacement',
    note: (note) => ` (${note})`,
    sdkReplacement: 'node-sdk replacement',
    replacementShared: 'Replacement with external sharing',
    alsoBlocked: '**fails too, even with external sharing**',
    worksShared: 'works only with external sharing',
    reportedShared: 'Reported with `externalSharing: true`',
    yes: '**yes**',
    no: 'no',
    allReported: 'Every endpoint below stays reported with `externalSharing: true`: external sharing does not unlock it.',
    noneReported: (n) =>
      `No endpoint below is reported with \`externalSharing: true\`: external sharing unlocks all ${n} of them.`,
    misprint: 'The notice prints',
    sdkCall: 'node-sdk call',
    calls: 'Endpoint it calls',
    helper: (helper) => `${code(LARK_CHANNEL.name)}: ${code(`channel.${helper}(…)`)}`,
    and: ' **and** ',
    then: (items) => items.join(', then '),
    noSdk: (ids) => `No node-sdk method calls ${ids.map(code).join(', ')}: code calls ${ids.length === 1 ? 'it' : 'them'} by URL.`,
    lookAlikes: (paths) => `Not in the notice, never reported (look-alikes): ${paths.join(', ')}.`,
    v1Field: 'v1 field (`data.<field>` in node-sdk, `body.event.<field>` raw)',
    nodeSdkV2: 'node-sdk v2 (`data.…`)',
    rawV2: 'raw v2 body (`body.…`)',
    instead: 'Without an equivalent, instead',
    typeKey: (replacement) => `the key ${code(`'${replacement}'`)}`,
    typeField: (field, type) => `${field} (${type})`,
    typeRaw: (header, replacement, schema) => `${header} (${replacement}); the body has ${schema}`,
    renamed: (v1, v2) => `the value ${code(`'${v1}'`)} is ${code(`'${v2}'`)} in v2`,
    rule: 'Rule',
    errorCode: 'Error code',
    group: 'Covers',
    endpoints: 'Endpoints',
    sdkMethods: 'node-sdk methods',
    also: 'Also covers',
    shared: 'With `externalSharing: true`',
    channelHelpers: (helpers) => `the ${code(LARK_CHANNEL.name)} helpers ${helpers.map(code).join(', ')}`,
    allStill: 'all still reported',
    noneStill: 'nothing reported',
    onlyStill: (names) => `only ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]} still reported`,
    eventCode: 'none: the event is no longer pushed, and no error says so',
    eventGroup: (type) => `The legacy ${code(type)} event (event schema v1)`,
    eventAlso: (event) =>
      `handlers registered with ${code(`EventDispatcher#${EVENT_DISPATCHER.register}`)}, the deprecated SDK's ` +
      `${code(TYPE_HANDLER.name)} or a hand-written check; suggestions move them to ${code(event.replacement)} ` +
      `(${event.fieldMigrations.length} v1 fields mapped)`,
    eventShared: 'still reported',
  },
  'zh-CN': {
    id: '`allow` id',
    method: '方法',
    path: '路径',
    name: '名称（官方文档）',
    noPage: '（公告；无参考文档）',
    replacement: '替换接口（im/v1）',
    note: (note) => `（${note}）`,
    sdkReplacement: 'node-sdk 替换方法',
    replacementShared: '替换接口在外部群',
    alsoBlocked: '**同样不可用**，即使开启对外共享',
    worksShared: '需开启对外共享',
    reportedShared: '开启对外共享（`externalSharing: true`）后仍报告',
    yes: '**是**',
    no: '否',
    allReported: '开启对外共享（`externalSharing: true`）后，下表中的接口仍全部报告：对外共享不能让它们在外部群中可用。',
    noneReported: (n) => `开启对外共享（\`externalSharing: true\`）后，下表中的 ${n} 个接口都不再报告。`,
    misprint: '公告中的写法',
    sdkCall: 'node-sdk 调用',
    calls: '调用的接口',
    helper: (helper) => `${code(LARK_CHANNEL.name)} 的 ${code(`channel.${helper}(…)`)}`,
    and: ' **和** ',
    then: (items) => (items.length === 1 ? items[0] : `先 ${items.join('，再 ')}`),
    noSdk: (ids) => `${ids.map(code).join('、')} 没有 node-sdk 方法，代码只能通过 URL 调用。`,
    lookAlikes: (paths) => `相似路径（不在公告中，从不报告）：${paths.join('、')}。`,
    v1Field: 'v1 字段（node-sdk 中为 `data.<field>`，原始请求体中为 `body.event.<field>`）',
    nodeSdkV2: 'node-sdk v2（`data.…`）',
    rawV2: '原始 v2 请求体（`body.…`）',
    instead: '没有对应字段时',
    typeKey: (replacement) => `键 ${code(`'${replacement}'`)}`,
    typeField: (field, type) => `${field}（${type}）`,
    typeRaw: (header, replacement, schema) => `${header}（${replacement}）；请求体带 ${schema}`,
    renamed: (v1, v2) => `取值 ${code(`'${v1}'`)} 在 v2 中为 ${code(`'${v2}'`)}`,
    rule: '规则',
    errorCode: '错误码',
    group: '覆盖范围',
    endpoints: '接口数',
    sdkMethods: 'node-sdk 方法数',
    also: '另外覆盖',
    shared: '开启对外共享（`externalSharing: true`）后',
    channelHelpers: (helpers) => `${code(LARK_CHANNEL.name)} 的辅助方法 ${helpers.map(code).join('、')}`,
    allStill: '全部仍报告',
    noneStill: '不再报告',
    onlyStill: (names) => `只报告${names.join('、')}`,
    eventCode: '无（不再推送，没有报错）',
    eventGroup: (type) => `历史版本接收消息事件 ${code(type)}（事件格式 v1）`,
    eventAlso: (event) =>
      `${code(`EventDispatcher#${EVENT_DISPATCHER.register}`)}、旧版 SDK 的 ${code(TYPE_HANDLER.name)} 和手写判断中的` +
      `处理代码；建议将其迁移到 ${code(event.replacement)}（对照 ${event.fieldMigrations.length} 个 v1 字段）`,
    eventShared: '仍报告',
  },
};

// ---------------------------------------------------------------------------
// The tables

/** A rule's endpoints: id, method, path, name and page, replacement, external sharing, misprint. */
function endpointsBlock({ notice, entries }, locale) {
  const w = WORDS[locale];
  const legacy = entries.some((e) => e.replacement !== undefined);
  const misprints = entries.some((e) => e.noticeMisprint !== undefined);
  const blocked = entries.filter((e) => e.blockedWithExternalSharing).length;
  const mixed = blocked > 0 && blocked < entries.length;
  const headers = [w.id, w.method, w.path, w.name];
  if (legacy) headers.push(w.replacement, w.sdkReplacement, w.replacementShared);
  if (mixed) headers.push(w.reportedShared);
  if (misprints) headers.push(w.misprint);
  const rows = entries.map((entry) => {
    const name = link(entry.name[locale], entry.docUrl) + (entry.docUrl === notice.url ? w.noPage : '');
    const row = [code(entry.id), entry.methods.join(', '), code(entry.path), name];
    if (legacy) {
      const r = entry.replacement;
      if (r === undefined) row.push('', '', '');
      else {
        row.push(
          endpoint(r.method, r.path) + (r.note === undefined ? '' : w.note(r.note[locale])),
          r.sdkMethods.map((m) => code(`client.${m}`)).join(', '),
          r.alsoBlocked ? w.alsoBlocked : w.worksShared,
        );
      }
    }
    if (mixed) row.push(entry.blockedWithExternalSharing ? w.yes : w.no);
    if (misprints) row.push(entry.noticeMisprint === undefined ? '' : code(entry.noticeMisprint));
    return row;
  });
  const lead = blocked === entries.length ? w.allReported : blocked === 0 ? w.noneReported(entries.length) : undefined;
  return [lead, table(headers, rows)].filter((part) => part !== undefined).join('\n\n');
}

/** A rule's node-sdk methods (both spellings), the LarkChannel helpers that call its endpoints, and what has no method. */
function sdkMethodsBlock({ notice, entries }, locale) {
  const w = WORDS[locale];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows = [];
  for (const entry of entries) {
    for (const method of entry.sdkMethods ?? []) {
      rows.push([`${sdkCall(method)}, ${sdkCall(versioned(method))}`, code(entry.id), endpoint(entry.methods.join('/'), entry.path)]);
    }
  }
  for (const [helper, ids] of Object.entries(notice.channelHelpers)) {
    if (!ids.some((id) => byId.has(id))) continue;
    if (!ids.every((id) => byId.has(id))) throw new Error(`channel helper ${helper} calls endpoints of several rules`);
    const calls = ids.map((id) => endpoint(byId.get(id).methods.join('/'), byId.get(id).path));
    rows.push([w.helper(helper), [...new Set(ids)].map(code).join(w.and), w.then(calls)]);
  }
  const without = entries.filter((e) => (e.sdkMethods ?? []).length === 0).map((e) => e.id);
  return [table([w.sdkCall, w.id, w.calls], rows), without.length > 0 ? w.noSdk(without) : undefined]
    .filter((part) => part !== undefined)
    .join('\n\n');
}

/**
 * How much a look-alike path resembles an endpoint: the longest common
 * subsequence of their segments, `open-apis` and version segments (`v1`) left out.
 */
function resemblance(a, b) {
  const words = (p) => p.split('/').filter((s) => s !== '' && s !== 'open-apis' && !/^v\d+$/.test(s));
  const x = words(a);
  const y = words(b);
  let previous = new Array(y.length + 1).fill(0);
  for (const segment of x) {
    const current = [0];
    for (let j = 0; j < y.length; j++) current.push(segment === y[j] ? previous[j] + 1 : Math.max(previous[j + 1], current[j]));
    previous = current;
  }
  return previous[y.length];
}

/** The look-alikes that resemble this rule's endpoints most (a path that resembles none goes to every rule). */
function lookAlikesBlock(coverage, all, locale) {
  const groups = all.filter((c) => c.kind === 'api' && c.notice === coverage.notice);
  const score = (path, c) => Math.max(0, ...c.entries.map((e) => resemblance(path, e.path)));
  const paths = coverage.notice.lookAlikes.filter((path) => {
    const best = Math.max(...groups.map((c) => score(path, c)));
    return best === 0 || score(path, coverage) === best;
  });
  return WORDS[locale].lookAlikes(paths.map(code));
}

/** The v1 event's fields and where they are in its replacement. */
function eventFieldsBlock({ event }, locale) {
  const w = WORDS[locale];
  const header = code(`${V2_ENVELOPE.header}.${V2_ENVELOPE.eventType}`);
  const rows = [
    [
      w.typeField(code(V1_ENVELOPE.type), code(`'${event.type}'`)),
      w.typeKey(event.replacement),
      w.typeRaw(header, code(`'${event.replacement}'`), code(`${V2_ENVELOPE.schema}: '${V2_ENVELOPE.schemaVersion}'`)),
      '',
    ],
  ];
  for (const field of event.fieldMigrations) {
    const instead = [
      ...(field.hint === undefined ? [] : [field.hint[locale]]),
      ...event.renamedValues.filter((r) => r.field === field.v1).map((r) => w.renamed(r.v1, r.v2)),
    ];
    rows.push([
      code(field.v1),
      field.nodeSdk === undefined ? '' : code(field.nodeSdk),
      field.raw === undefined ? '' : code(field.raw),
      instead.join('; '),
    ]);
  }
  return table([w.v1Field, w.nodeSdkV2, w.rawV2, w.instead], rows);
}

/** Per rule: error code, what fails, how many endpoints and SDK methods, what else, and external sharing. */
function coverageBlock(all, locale) {
  const w = WORDS[locale];
  const rows = all.map((c) => {
    const ruleCell = `${link(code(`feishu/${c.name}`), `docs/rules/${c.name}.md`)}${c.rule.meta.hasSuggestions ? ' 💡' : ''}`;
    if (c.kind === 'event') return [ruleCell, w.eventCode, w.eventGroup(c.event.type), NONE, NONE, w.eventAlso(c.event), w.eventShared];
    const helpers = Object.entries(c.notice.channelHelpers)
      .filter(([, ids]) => ids.some((id) => c.entries.some((e) => e.id === id)))
      .map(([helper]) => helper);
    const blocked = c.entries.filter((e) => e.blockedWithExternalSharing);
    const shared =
      blocked.length === c.entries.length
        ? w.allStill
        : blocked.length === 0
          ? w.noneStill
          : w.onlyStill(blocked.map((e) => e.name[locale]));
    return [
      ruleCell,
      String(c.group.code),
      c.group.title[locale],
      String(c.entries.length),
      String(sdkMethodsOf(c.entries).length),
      helpers.length > 0 ? w.channelHelpers(helpers) : NONE,
      shared,
    ];
  });
  return table([w.rule, w.errorCode, w.group, w.endpoints, w.sdkMethods, w.also, w.shared], rows);
}

// ---------------------------------------------------------------------------
// Which file holds which blocks

/** File (relative to the root) → block name → content. Chinese blocks end in `-zh`. */
function blocksOf() {
  const all = Object.keys(rules).map(coverageOf);
  const files = new Map();
  for (const c of all) {
    const blocks = {};
    if (c.kind === 'api') {
      const hasSdk = sdkMethodsOf(c.entries).length > 0;
      for (const [suffix, locale] of [['', 'en'], ['-zh', 'zh-CN']]) {
        blocks[`endpoints${suffix}`] = endpointsBlock(c, locale);
        if (hasSdk) blocks[`sdk-methods${suffix}`] = sdkMethodsBlock(c, locale);
        blocks[`look-alikes${suffix}`] = lookAlikesBlock(c, all, locale);
      }
    } else {
      blocks['event-fields'] = eventFieldsBlock(c, 'en');
      blocks['event-fields-zh'] = eventFieldsBlock(c, 'zh-CN');
    }
    files.set(`docs/rules/${c.name}.md`, blocks);
  }
  files.set('README.md', { coverage: coverageBlock(all, 'en') });
  files.set('README.zh-CN.md', { 'coverage-zh': coverageBlock(all, 'zh-CN') });
  return files;
}

// ---------------------------------------------------------------------------
// Markers

// A line that means to be a marker; it must then be exactly one. (eslint-doc-generator's
// `<!-- begin auto-generated … -->` has no `begin generated`, so it is not one.)
const MARKER_LIKE = /^\s*<!--\s*(?:begin|end)[\s-]*generated\b/i;
const MARKER = /^<!-- (begin|end) generated: ([a-z][a-z0-9-]*) -->$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The blocks of a file, by name, with their marker lines; or the problems that keep it from being read. */
function parse(file, text) {
  const lines = text.split(/\r?\n/);
  const blocks = new Map();
  const problems = [];
  let open;
  let fence;
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined || !MARKER_LIKE.test(line)) return;
    const marker = MARKER.exec(line);
    if (marker === null) {
      problems.push(
        `${at}: malformed marker ${JSON.stringify(line.trim())}: write \`<!-- begin generated: NAME -->\` or ` +
          '`<!-- end generated: NAME -->` on a line of its own (NAME: lowercase letters, digits and -)',
      );
      return;
    }
    const [, kind, name] = marker;
    if (kind === 'begin') {
      if (open !== undefined) {
        problems.push(`${at}: block "${name}" begins inside block "${open.name}" (begun at line ${open.begin + 1}), which has no end before it`);
      } else if (blocks.has(name)) {
        problems.push(`${at}: block "${name}" begins a second time (first at line ${blocks.get(name).begin + 1})`);
      }
      open = { name, begin: index };
    } else if (open === undefined) {
      problems.push(`${at}: block "${name}" ends, but no block is open`);
    } else if (open.name !== name) {
      problems.push(`${at}: the end of block "${name}" closes block "${open.name}" (begun at line ${open.begin + 1})`);
      open = undefined;
    } else {
      if (!blocks.has(name)) blocks.set(name, { name, begin: open.begin, end: index });
      open = undefined;
    }
  });
  if (open !== undefined) problems.push(`${file}:${open.begin + 1}: block "${open.name}" begins and never ends`);
  return { lines, blocks, problems };
}

/** The file with each block's content replaced, or the problems that keep it from being updated. */
function update(file, text, expected) {
  const { lines, blocks, problems } = parse(file, text);
  if (problems.length > 0) return { problems, stale: [] };
  for (const name of Object.keys(expected)) {
    if (!blocks.has(name)) {
      problems.push(`${file}: block "${name}" is missing: add \`<!-- begin generated: ${name} -->\` and \`<!-- end generated: ${name} -->\``);
    }
  }
  for (const name of blocks.keys()) {
    if (!(name in expected)) {
      problems.push(`${file}: unknown block "${name}" (this file has: ${Object.keys(expected).join(', ')})`);
    }
  }
  if (problems.length > 0) return { problems, stale: [] };
  const stale = [];
  const out = [];
  let next = 0;
  for (const block of [...blocks.values()].sort((a, b) => a.begin - b.begin)) {
    const wanted = ['', ...expected[block.name].split('\n'), ''];
    const current = lines.slice(block.begin + 1, block.end);
    if (current.join('\n') !== wanted.join('\n')) stale.push(block.name);
    out.push(...lines.slice(next, block.begin + 1), ...wanted);
    next = block.end;
  }
  out.push(...lines.slice(next));
  // A file checked out with CRLF line ends keeps them.
  return { problems, stale, text: out.join(text.includes('\r\n') ? '\r\n' : '\n') };
}

// ---------------------------------------------------------------------------
// Main

let files;
try {
  files = blocksOf();
} catch (error) {
  // The catalog or the rules do not fit what the tables show (a rule over several error codes, …).
  console.error(`generate-docs: ${error.message}`);
  process.exit(1);
}
const broken = []; // markers to fix by hand
const stale = []; // blocks to regenerate
const writes = [];
for (const [file, expected] of files) {
  const full = path.join(root, file);
  if (!existsSync(full)) {
    broken.push(`${file}: missing`);
    continue;
  }
  const result = update(file, readFileSync(full, 'utf8'), expected);
  broken.push(...result.problems);
  if (result.stale.length === 0) continue;
  stale.push(...result.stale.map((name) => `${file}: block "${name}" is out of date`));
  writes.push({ file, full, text: result.text, names: result.stale });
}

if (broken.length > 0 || (check && stale.length > 0)) {
  for (const problem of [...broken, ...(check ? stale : [])]) console.error(problem);
  const advice = [
    broken.length > 0 ? 'fix the markers above by hand' : undefined,
    check && stale.length > 0 ? 'run `npm run docs` to regenerate the blocks out of date' : undefined,
  ].filter((part) => part !== undefined);
  console.error(`generate-docs: ${advice.join(', then ')}${check ? '' : ' (nothing was written)'}.`);
  process.exit(1);
}
if (check) {
  console.log('generate-docs: every generated block is up to date.');
} else {
  for (const { file, full, text, names } of writes) {
    writeFileSync(full, text);
    console.log(`${file}: updated ${names.join(', ')}`);
  }
  if (writes.length === 0) console.log('generate-docs: every generated block was up to date.');
}
