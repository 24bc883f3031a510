import { analyzeFile } from '../analysis';
import { describeLegacyEvent, LEGACY_EVENT_MESSAGE, SUGGESTION_MESSAGE, TEXTS } from '../messages';
import { readFeishuSettings } from '../settings';
import { checkSuggestion, registerSuggestion } from '../suggestions/legacy-event';
import { createRule } from './create-rule';
import { reportSubject } from './observed-report';

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
        for (const finding of analyzeFile(context.sourceCode, settings).legacyEvents()) {
          if (finding.kind === 'typeHandler') {
            reportSubject(
              context,
              { node: finding.node, messageId: 'legacyTypeHandler', data: describeLegacyEvent('typeHandler', settings) },
              { kind: 'legacy-event', event: 'typeHandler' },
            );
            continue;
          }
          const suggestion =
            finding.kind === 'register'
              ? registerSuggestion(context.sourceCode, finding, settings.locale)
              : checkSuggestion(context.sourceCode, finding, settings.locale);
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
            { node: finding.node, messageId: 'legacyEvent', data: describeLegacyEvent(finding.kind, settings), suggest },
            { kind: 'legacy-event', event: finding.kind },
          );
        }
      },
    };
  },
});
