import { IM_NAMESPACE, LARK_CHANNEL, type CatalogEntry, type HttpMethod, type Notice } from '../../catalog';
import { compileNotice } from '../../matcher';
import { WeakMemo } from '../../memo';
import { closest } from '../../settings';

/**
 * The `allow` option in the users' words (docs/spec/behaviour.md#rule-options):
 * an entry may be a catalog id (`im.messageReaction.create`), an endpoint as
 * `METHOD /open-apis/path` (any case; `:id` matches `:message_id`) or its path
 * alone (every method of it), or a node-sdk method (`im.x.y`, `client.im.x.y`,
 * `client.im.v1.x.y`, with or without `()`) or `LarkChannel.<helper>`: every
 * spelling a message shows. Each resolves to catalog ids.
 */

/** An entry that names nothing this rule reports, and why. */
export type AllowProblem =
  | { readonly kind: 'unknown'; readonly entry: string; readonly closest: readonly string[]; readonly ids: readonly string[] }
  | {
      readonly kind: 'undocumentedMethod';
      readonly entry: string;
      readonly method: string;
      readonly documented: readonly string[];
      readonly closest: readonly string[];
      readonly ids: readonly string[];
    }
  /** The entry names endpoints of another error code: `rule` is that code's rule. */
  | { readonly kind: 'otherRule'; readonly entry: string; readonly ids: readonly string[]; readonly rule: string };

/** An `allow` option read: the catalog ids it allows, and its problems. */
export interface AllowReading {
  readonly ids: ReadonlySet<string>;
  readonly problems: readonly AllowProblem[];
}

/** What resolving needs of a notice, built once per notice. */
interface NoticeSpellings {
  readonly byId: ReadonlyMap<string, CatalogEntry>;
  /** `im.<resource>.<method>` → entry. */
  readonly bySdkMethod: ReadonlyMap<string, CatalogEntry>;
  /** Helper name → the entries it calls. */
  readonly byHelper: ReadonlyMap<string, readonly CatalogEntry[]>;
  readonly matchPath: ReturnType<typeof compileNotice>['matchPath'];
}

const spellings = new WeakMemo<Notice, NoticeSpellings>();

function spellingsOf(notice: Notice): NoticeSpellings {
  return spellings.get(notice, () => {
    const compiled = compileNotice(notice);
    const bySdkMethod = new Map<string, CatalogEntry>();
    for (const [resource, methods] of compiled.sdkMethods) {
      for (const [method, entry] of methods) bySdkMethod.set(`${IM_NAMESPACE.name}.${resource}.${method}`, entry);
    }
    return {
      byId: new Map(notice.entries.map((entry) => [entry.id, entry])),
      bySdkMethod,
      byHelper: compiled.channelHelpers,
      matchPath: compiled.matchPath,
    };
  });
}

// `client.im.v1.messageReaction.create()`: the optional parts of an SDK spelling around `im.<resource>.<method>`.
const SDK_SPELLING = new RegExp(`^(?:client\\.)?${IM_NAMESPACE.name}\\.(?:${IM_NAMESPACE.version}\\.)?(\\w+)\\.(\\w+)(?:\\(\\))?$`);
// `LarkChannel.addReaction()`, as messages write a channel helper.
const HELPER_SPELLING = new RegExp(`^${LARK_CHANNEL.name}\\.(\\w+)(?:\\(\\))?$`);
// `POST /open-apis/…`, `post/get /open-apis/…`.
const ENDPOINT_SPELLING = /^([A-Za-z]+(?:\/[A-Za-z]+)*)\s+(\S+)$/;

/** What one entry names: entries, or why it names nothing. */
type Resolution =
  | { readonly kind: 'entries'; readonly entries: readonly CatalogEntry[] }
  | { readonly kind: 'undocumentedMethod'; readonly method: string; readonly documented: readonly string[] }
  | undefined;

function resolve(entry: string, notice: Notice): Resolution {
  const index = spellingsOf(notice);
  const text = entry.trim();
  const byId = index.byId.get(text);
  if (byId !== undefined) return { kind: 'entries', entries: [byId] };
  const sdk = SDK_SPELLING.exec(text);
  if (sdk !== null) {
    const found = index.bySdkMethod.get(`${IM_NAMESPACE.name}.${sdk[1]}.${sdk[2]}`);
    return found === undefined ? undefined : { kind: 'entries', entries: [found] };
  }
  const helper = HELPER_SPELLING.exec(text);
  if (helper !== null) {
    const found = index.byHelper.get(helper[1]!);
    return found === undefined ? undefined : { kind: 'entries', entries: found };
  }
  const endpoint = ENDPOINT_SPELLING.exec(text);
  const path = endpoint === null ? text : endpoint[2]!;
  if (!path.includes('/')) return undefined;
  const route = index.matchPath(path)?.route;
  if (route === undefined) return undefined;
  if (endpoint === null) return { kind: 'entries', entries: route.entries };
  const methods = endpoint[1]!.toUpperCase().split('/');
  const documented = [...new Set(route.entries.flatMap((e) => e.methods))];
  const named = route.entries.filter((e) => e.methods.some((m) => methods.includes(m)));
  const unknown = methods.filter((m) => !documented.includes(m as HttpMethod));
  if (unknown.length > 0) return { kind: 'undocumentedMethod', method: unknown.join('/'), documented };
  return { kind: 'entries', entries: named };
}

/** The spellings a message shows for this code's entries, in catalog order: what "did you mean" offers. */
function validSpellings(notice: Notice, code: number): string[] {
  const index = spellingsOf(notice);
  const own = notice.entries.filter((entry) => entry.code === code);
  return [
    ...own.map((entry) => entry.id),
    ...own.flatMap((entry) => entry.methods.map((method) => `${method} ${entry.path}`)),
    ...own.flatMap((entry) => (entry.sdkMethods ?? []).map((method) => `client.${method}`)),
    ...[...index.byHelper].filter(([, entries]) => entries.every((entry) => entry.code === code)).map(([helper]) => `${LARK_CHANNEL.name}.${helper}`),
  ];
}

/**
 * Reads one rule's `allow` (the ids of error `code` of `notice`): `ruleOfCode`
 * names the rule of another code, for an entry that belongs there.
 */
export function readAllow(allow: readonly string[], notice: Notice, code: number, ruleOfCode: (code: number) => string | undefined): AllowReading {
  const ids = new Set<string>();
  const problems: AllowProblem[] = [];
  const suggest = (entry: string) => {
    const near = closest(entry, validSpellings(notice, code), 3, { always: true });
    return { closest: near, ids: [...new Set(near.map((spelling) => idOf(spelling, notice)).filter((id) => id !== undefined))] };
  };
  for (const entry of allow) {
    const resolution = typeof entry === 'string' ? resolve(entry, notice) : undefined;
    if (resolution === undefined) {
      problems.push({ kind: 'unknown', entry: String(entry), ...suggest(String(entry)) });
    } else if (resolution.kind === 'undocumentedMethod') {
      problems.push({ kind: 'undocumentedMethod', entry, method: resolution.method, documented: resolution.documented, ...suggest(entry) });
    } else if (resolution.entries.length > 0 && resolution.entries.every((e) => e.code !== code)) {
      const owner = ruleOfCode(resolution.entries[0]!.code);
      const entryIds = resolution.entries.map((e) => e.id);
      if (owner === undefined) problems.push({ kind: 'unknown', entry, ...suggest(entry) });
      else problems.push({ kind: 'otherRule', entry, ids: entryIds, rule: owner });
    } else {
      for (const found of resolution.entries) if (found.code === code) ids.add(found.id);
    }
  }
  return { ids, problems };
}

/** The catalog id a valid spelling names (the first, for a helper that calls two). */
function idOf(spelling: string, notice: Notice): string | undefined {
  const resolution = resolve(spelling, notice);
  return resolution?.kind === 'entries' ? resolution.entries[0]?.id : undefined;
}
