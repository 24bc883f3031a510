import type { Protection } from '../analysis';
import type { CatalogEntry, HttpMethod, Notice } from '../catalog';
import { failurePhrase, remedyFor, type Remedy } from '../policy';
import type { FeishuSettings, Locale } from '../settings';
import { en } from './en';
import type { LocaleTexts } from './types';
import { zhCN } from './zh-CN';

/** The words of each locale. */
export const TEXTS: Readonly<Record<Locale, LocaleTexts>> = { en, 'zh-CN': zhCN };

/**
 * The template of every endpoint message, whatever the locale: the locale
 * chooses the words that fill it, the messageId names the kind of finding.
 * `protection` is empty but for a guarded or handled call reported with
 * `settings.feishu.reportGuarded`.
 */
export const ENDPOINT_MESSAGE = '{{endpoint}} {{failure}} {{remedy}}{{protection}}';

export interface EndpointMessageData {
  /** `POST /open-apis/message/v4/send ([Legacy] Send message)` */
  readonly endpoint: string;
  /** What fails, the error code and the date for this kind of app. */
  readonly failure: string;
  /** What to do, for this kind of app. */
  readonly remedy: string;
  /** ` Recognised as guarded: …` after the remedy, or nothing. */
  readonly protection: string;
  readonly [key: string]: string;
}

/**
 * Describes a finding that names `entries` (one error code of `notice`).
 * `method` is the method seen in the code, when it is known; the entries'
 * documented methods are named otherwise. `sdkCall` names the SDK method the
 * code calls; `protection`, how the code guards or handles the call.
 */
export function describeEndpoint(
  notice: Notice,
  entries: readonly [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall, protection }: { method?: HttpMethod | undefined; sdkCall?: string | undefined; protection?: Protection | undefined },
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): EndpointMessageData {
  const primary = entries[0];
  // One `METHODS /path` per path: an SDK helper may call two endpoints.
  const paths = [...new Set(entries.map((entry) => entry.path))].map((path) => {
    const onPath = entries.filter((entry) => entry.path === path);
    return `${method ?? [...new Set(onPath.flatMap((entry) => entry.methods))].join('/')} ${path}`;
  });
  const names = [...new Set(entries.map((entry) => entry.name[settings.locale]))].join(' / ');
  const endpoint = `${paths.join(', ')} (${names})`;
  return {
    endpoint: sdkCall === undefined ? endpoint : `${sdkCall}() → ${endpoint}`,
    failure: failurePhrase(notice, primary.code, settings.appKind, settings.locale),
    remedy: remedyText(remedyFor(primary, settings.appKind), settings.locale),
    protection: protection === undefined ? '' : ` ${TEXTS[settings.locale].protection[protection]}`,
  };
}

/** A remedy in the words of a locale. */
export function remedyText(remedy: Remedy, locale: Locale): string {
  const texts = TEXTS[locale];
  const words = texts.remedy;
  switch (remedy.kind) {
    case 'store':
    case 'linkedOrganization':
    case 'enableExternalSharing':
    case 'blockedEvenWithExternalSharing':
      return words[remedy.kind];
    case 'legacyMigrate':
    case 'legacyMigrateStillBlocked':
    case 'legacyWithExternalSharing': {
      const { replacement } = remedy;
      const target = texts.replacement(`${replacement.method} ${replacement.path}`, replacement.sdkMethods, replacement.note?.[locale]);
      return words[remedy.kind](target);
    }
    case 'everyKind':
      return words.unknownKind(remedyText(remedy.selfBuilt, locale), remedyText(remedy.linkedOrganization, locale), remedyText(remedy.store, locale));
  }
}
