import type { Notice } from '../catalog';
import { legacyEventFinding } from '../policy';
import type { FeishuSettings } from '../settings';
import { TEXTS } from './endpoint-message';

export interface LegacyEventMessageData {
  /** The whole message, in the configured locale. */
  readonly message: string;
  readonly [key: string]: string;
}

/**
 * What the code does with the legacy event, that Feishu no longer pushes it
 * for external chats since the date for this kind of app, and the fix, in two
 * sentences. External sharing changes nothing here: the legacy event is not
 * pushed for external chats whatever the app.
 */
export function legacyEventMessage(
  notice: Notice,
  kind: 'register' | 'check' | 'typeHandler',
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): LegacyEventMessageData {
  const problem = legacyEventFinding(notice, settings.appKind, settings.locale);
  return { message: TEXTS[settings.locale].finding.event(kind, problem, settings.appKind === 'unknown') };
}
