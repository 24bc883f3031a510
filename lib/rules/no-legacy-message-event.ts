import { analyzeFile } from '../analysis';
import { EXTERNAL_CHAT_NOTICE } from '../catalog';
import { describeLegacyEvent, LEGACY_EVENT_MESSAGE, SUGGESTION_MESSAGE, TEXTS } from '../messages';
import { readFeishuSettings } from '../settings';
import { reportSubject } from '../subjects';
import { checkSuggestion, registerSuggestion } from '../suggestions/legacy-event';
import { createRule } from './support/create-rule';

const notice = EXTERNAL_CHAT_NOTICE;
const { legacyEvent } = notice;

export default createRule<[], 'legacyEvent' | 'legacyTypeHandler' | 'subscribeReceiveV1' | 'checkReceiveV1'>({
  name: 'no-legacy-message-event',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow handlers of the legacy `message` event, which is no longer pushed for external chats',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      legacyEvent: LEGACY_EVENT_MESSAGE,
      legacyTypeHandler: LEGACY_EVENT_MESSAGE,
      subscribeReceiveV1: SUGGESTION_MESSAGE,
      checkReceiveV1: SUGGESTION_MESSAGE,
    },
    schema: [],
  },
  create(context) {
    const settings = readFeishuSettings(context.settings);
    const { event } = TEXTS[settings.locale];
    return {
      Program() {
        for (const finding of analyzeFile(context.sourceCode, settings).legacyEvents(legacyEvent)) {
          if (finding.kind === 'typeHandler') {
            reportSubject(
              context,
              { node: finding.node, messageId: 'legacyTypeHandler', data: describeLegacyEvent(notice, 'typeHandler', settings) },
              { kind: 'legacy-event', notice, event: 'typeHandler' },
            );
            continue;
          }
          const suggestion =
            finding.kind === 'register'
              ? registerSuggestion(context.sourceCode, legacyEvent, finding, settings.locale)
              : checkSuggestion(context.sourceCode, legacyEvent, finding, settings.locale);
          const description =
            suggestion === undefined
              ? undefined
              : finding.kind === 'register'
                ? event.suggestion.register(suggestion)
                : event.suggestion.check(suggestion);
          const suggest =
            suggestion === undefined || description === undefined
              ? []
              : [
                  {
                    messageId: finding.kind === 'register' ? ('subscribeReceiveV1' as const) : ('checkReceiveV1' as const),
                    data: { description },
                    fix: suggestion.fix,
                  },
                ];
          reportSubject(
            context,
            { node: finding.node, messageId: 'legacyEvent', data: describeLegacyEvent(notice, finding.kind, settings), suggest },
            { kind: 'legacy-event', notice, event: finding.kind },
          );
        }
      },
    };
  },
});
