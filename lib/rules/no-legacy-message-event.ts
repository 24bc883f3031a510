import type { TSESLint } from '@typescript-eslint/utils';
import { EXTERNAL_CHAT_NOTICE, V2_ENVELOPE } from '../catalog';
import { legacyEventMessage, MESSAGE, TEXTS } from '../messages';
import type { FeishuSettings } from '../settings';
import { reportSubject } from '../subjects';
import { checkSuggestion, registerSuggestion } from '../suggestions/legacy-event';
import { createRule } from './support/create-rule';
import { lintedFile, NO_LISTENERS, releaseAnalysedFile, type LintedFile } from './support/file-settings';

const notice = EXTERNAL_CHAT_NOTICE;
const { legacyEvent } = notice;
/** What a check reads in the v2 envelope: `header.event_type`. */
const V2_TYPE_READ = `${V2_ENVELOPE.header}.${V2_ENVELOPE.eventType}`;

type MessageIds = 'legacyEvent' | 'legacyTypeHandler' | 'subscribeReceiveV1' | 'checkReceiveV1' | 'invalidSettings';

export default createRule<[], MessageIds>({
  name: 'no-legacy-message-event',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow handlers of the legacy `message` event, which is no longer pushed for external chats',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      legacyEvent: MESSAGE,
      legacyTypeHandler: MESSAGE,
      subscribeReceiveV1: MESSAGE,
      checkReceiveV1: MESSAGE,
      invalidSettings: MESSAGE,
    },
    schema: [],
  },
  create(context) {
    const file = lintedFile(context);
    const settings = file.settings;
    if (settings === undefined) return file.invalidSettingsListener(context);
    // A file where no search for the event can start gets no listener.
    if (!file.mayNameEvent(legacyEvent)) return NO_LISTENERS;
    return eventListener(context, file, settings);
  },
});

type EventRuleContext = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/**
 * The listener of a file where a search for the event may start. Made apart from `create()`, which then captures
 * nothing of its own: V8 would make a context object for every file on entry (docs/performance.md#the-rules-allocation).
 */
function eventListener(context: EventRuleContext, file: LintedFile, settings: FeishuSettings): TSESLint.RuleListener {
  const { event } = TEXTS[settings.locale];
  return {
    Program() {
      for (const finding of file.analysis().legacyEvents(legacyEvent)) {
        if (finding.kind === 'typeHandler') {
          reportSubject(
            context,
            { node: finding.node, messageId: 'legacyTypeHandler', data: legacyEventMessage(notice, 'typeHandler', settings) },
            { kind: 'legacy-event', notice, event: 'typeHandler' },
          );
          continue;
        }
        // The title says what the suggestion does; what it rewrites and marks is in the code it leaves (FIXME comments).
        const suggestion =
          finding.kind === 'register'
            ? registerSuggestion(file.sourceCode, legacyEvent, finding, settings.locale)
            : checkSuggestion(file.sourceCode, legacyEvent, finding, settings.locale);
        const suggest =
          suggestion === undefined
            ? []
            : [
                finding.kind === 'register'
                  ? { messageId: 'subscribeReceiveV1' as const, data: { message: event.suggestion.register(legacyEvent.replacement) }, fix: suggestion.fix }
                  : { messageId: 'checkReceiveV1' as const, data: { message: event.suggestion.check(legacyEvent.replacement, V2_TYPE_READ) }, fix: suggestion.fix },
              ];
        reportSubject(
          context,
          { node: finding.node, messageId: 'legacyEvent', data: legacyEventMessage(notice, finding.kind, settings), suggest },
          { kind: 'legacy-event', notice, event: finding.kind },
        );
      }
    },
    'Program:exit': releaseAnalysedFile,
  };
}
