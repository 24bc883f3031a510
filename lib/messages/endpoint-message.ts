import { CUT_OVER, type CatalogEntry, type HttpMethod } from '../catalog';
import type { AppKind, FeishuSettings, Locale } from '../settings';
import { en } from './en';
import type { LocaleTexts } from './types';
import { zhCN } from './zh-CN';

/** The words of each locale. */
export const TEXTS: Readonly<Record<Locale, LocaleTexts>> = { en, 'zh-CN': zhCN };

/**
 * The template of every endpoint message, whatever the locale: the locale
 * chooses the words that fill it, the messageId names the kind of finding.
 */
export const ENDPOINT_MESSAGE = '{{endpoint}} {{failure}} {{remedy}}';

export interface EndpointMessageData {
  /** `POST /open-apis/message/v4/send ([Legacy] Send message)` */
  readonly endpoint: string;
  /** What fails, the error code and the date for this kind of app. */
  readonly failure: string;
  /** What to do, for this kind of app. */
  readonly remedy: string;
  readonly [key: string]: string;
}

/**
 * Describes a finding that names `entries` (one error code). `method` is the
 * method seen in the code, when it is known; the entries' documented methods
 * are named otherwise. `sdkCall` names the SDK method the code calls.
 */
export function describeEndpoint(
  entries: readonly [CatalogEntry, ...CatalogEntry[]],
  { method, sdkCall }: { method?: HttpMethod | undefined; sdkCall?: string | undefined },
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): EndpointMessageData {
  const texts = TEXTS[settings.locale];
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
    failure: texts.failure(primary.code, dateFor(settings.appKind, texts)),
    remedy: remedyFor(primary, settings, texts),
  };
}

/** The cut-over date for a kind of app; both dates when the kind is unknown. */
export function dateFor(kind: AppKind, texts: LocaleTexts): string {
  if (kind === 'unknown') return texts.bothDates;
  return kind === 'self-built-linked-organization' ? CUT_OVER.linkedOrganization : CUT_OVER.default;
}

function remedyFor(entry: CatalogEntry, settings: Pick<FeishuSettings, 'appKind' | 'locale'>, texts: LocaleTexts): string {
  const { remedy } = texts;
  let selfBuilt: string;
  let withExternalSharing: string;
  const replacement = entry.replacement;
  if (replacement === undefined) {
    selfBuilt = entry.blockedWithExternalSharing ? remedy.blockedEvenWithExternalSharing : remedy.enableExternalSharing;
    withExternalSharing = remedy.blockedEvenWithExternalSharing;
  } else {
    const target = texts.replacement(
      `${replacement.method} ${replacement.path}`,
      replacement.sdkMethods,
      replacement.note?.[settings.locale],
    );
    selfBuilt = replacement.alsoBlocked ? remedy.legacyMigrateStillBlocked(target) : remedy.legacyMigrate(target);
    withExternalSharing = replacement.alsoBlocked
      ? remedy.legacyMigrateStillBlocked(target)
      : remedy.legacyWithExternalSharing(target);
  }
  switch (settings.appKind) {
    case 'unknown':
      return remedy.unknownKind(selfBuilt, remedy.linkedOrganization, remedy.store);
    case 'store':
      return remedy.store;
    case 'self-built-linked-organization':
      return remedy.linkedOrganization;
    case 'self-built':
      return selfBuilt;
    case 'self-built-external-sharing':
      return withExternalSharing;
  }
}
