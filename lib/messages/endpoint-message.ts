import type { Protection } from '../analysis';
import type { CatalogEntry, HttpMethod, Notice, Replacement } from '../catalog';
import { failurePhrase, remedyFor, type Remedy } from '../policy';
import type { FeishuSettings, Locale } from '../settings';
import { en } from './en';
import type { LocaleTexts } from './types';
import { zhCN } from './zh-CN';

/** The words of each locale. */
export const TEXTS: Readonly<Record<Locale, LocaleTexts>> = { en, 'zh-CN': zhCN };

/**
 * The template of every message: the locale writes the whole text (its own
 * word order and punctuation between sentences), the messageId names the kind
 * of finding (docs/spec/behaviour.md#messages).
 */
export const MESSAGE = '{{message}}';

export interface EndpointMessageData {
  /** The whole message, in the configured locale. */
  readonly message: string;
  /** The catalog ids the finding names, joined with `, `: what `allow` takes. */
  readonly id: string;
  /** The error code. */
  readonly code: string;
  readonly [key: string]: string;
}

/** What the code uses, for either wording. */
interface Use {
  /** The method seen in the code, when it is known; the entries' documented methods are named otherwise. */
  readonly method?: HttpMethod | undefined;
  /** The SDK method the code calls: `client.im.messageReaction.create`, `LarkChannel.removeReactionByEmoji`. */
  readonly sdkCall?: string | undefined;
  /** How the code guards or handles the call, reported only with `settings.feishu.reportGuarded`. */
  readonly protection?: Protection | undefined;
}

/**
 * A rule's message for a finding that names `entries` (one error code of
 * `notice`): what the code calls (`POST /open-apis/…`, or the SDK method),
 * that it fails in external chats since the date for this kind of app, and the
 * remedy for it, in one or two sentences; a guarded or handled call (reported
 * only with `settings.feishu.reportGuarded`) is marked after what it calls.
 */
export function endpointMessage(
  notice: Notice,
  entries: readonly [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall, protection }: Use,
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): EndpointMessageData {
  const primary = entries[0];
  const texts = TEXTS[settings.locale];
  const what = sdkCall === undefined ? paths(entries, method) : `${sdkCall}()`;
  return {
    message: texts.finding.endpoint(
      what,
      protection === undefined ? undefined : texts.finding.protection[protection],
      failurePhrase(notice, primary.code, settings.appKind, settings.locale),
      shortRemedyText(remedyFor(primary, settings.appKind), settings.locale),
    ),
    id: entries.map((entry) => entry.id).join(', '),
    code: String(primary.code),
  };
}

/**
 * How the audit labels a subject and what it advises, in full:
 * `POST /open-apis/message/v4/send ([Legacy] Send message)` and the remedy
 * with the replacement's method, path, node-sdk method and notes.
 */
export function describeEndpoint(
  entries: readonly [CatalogEntry, ...CatalogEntry[]],
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): { readonly label: string; readonly remedy: string } {
  const names = [...new Set(entries.map((entry) => entry.name[settings.locale]))].join(' / ');
  return {
    label: `${paths(entries, undefined)} (${names})`,
    remedy: remedyText(remedyFor(entries[0], settings.appKind), settings.locale),
  };
}

/** One `METHODS /path` per path (an SDK helper may call two endpoints): the method seen, or the documented ones. */
function paths(entries: readonly CatalogEntry[], method: HttpMethod | undefined): string {
  return [...new Set(entries.map((entry) => entry.path))]
    .map((path) => {
      const onPath = entries.filter((entry) => entry.path === path);
      return `${method ?? [...new Set(onPath.flatMap((entry) => entry.methods))].join('/')} ${path}`;
    })
    .join(', ');
}

/** A remedy in full, as the audit prints it, in the words of a locale. */
export function remedyText(remedy: Remedy, locale: Locale): string {
  const texts = TEXTS[locale];
  return phraseRemedy(remedy, texts.remedy, (replacement) =>
    texts.replacement(`${replacement.method} ${replacement.path}`, replacement.sdkMethods, replacement.note?.[locale]),
  );
}

/** A remedy as a rule's message gives it: a legacy endpoint's replacement by its (first) node-sdk method only. */
function shortRemedyText(remedy: Remedy, locale: Locale): string {
  return phraseRemedy(remedy, TEXTS[locale].finding.remedy, (replacement) => `client.${replacement.sdkMethods[0] ?? ''}`);
}

/**
 * A remedy in one set of remedy sentences (the audit's or the messages'): a
 * legacy endpoint's sentence names its replacement as `named` writes it.
 */
function phraseRemedy(remedy: Remedy, words: LocaleTexts['remedy'], named: (replacement: Replacement) => string): string {
  switch (remedy.kind) {
    case 'store':
    case 'linkedOrganization':
    case 'enableExternalSharing':
    case 'blockedEvenWithExternalSharing':
      return words[remedy.kind];
    case 'legacyMigrate':
    case 'legacyMigrateStillBlocked':
    case 'legacyWithExternalSharing':
      return words[remedy.kind](named(remedy.replacement));
    case 'unknownKind':
      return words.unknownKind(phraseRemedy(remedy.selfBuilt, words, named));
  }
}
