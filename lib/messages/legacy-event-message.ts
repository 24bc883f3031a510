import type { Notice } from '../catalog';
import { legacyEventProblem } from '../policy';
import type { FeishuSettings } from '../settings';
import { TEXTS } from './endpoint-message';

/** The template of every legacy-event message; the locale chooses the words. */
export const LEGACY_EVENT_MESSAGE = '{{subject}} {{problem}} {{fix}}';
/** The template of a suggestion: its whole description, in the configured locale. */
export const SUGGESTION_MESSAGE = '{{description}}';

export interface LegacyEventMessageData {
  readonly subject: string;
  readonly problem: string;
  readonly fix: string;
  readonly [key: string]: string;
}

/**
 * What breaks (messages from external chats no longer arrive), since when for
 * this kind of app, and the two halves of the fix. External sharing changes
 * nothing here: the legacy event is not pushed for external chats whatever the app.
 */
export function describeLegacyEvent(
  notice: Notice,
  kind: 'register' | 'check' | 'typeHandler',
  settings: Pick<FeishuSettings, 'appKind' | 'locale'>,
): LegacyEventMessageData {
  const texts = TEXTS[settings.locale];
  return {
    subject: texts.event.subject[kind],
    problem: legacyEventProblem(notice, settings.appKind, settings.locale),
    fix: kind === 'typeHandler' ? texts.event.fix.typeHandler : texts.event.fix.handler,
  };
}
