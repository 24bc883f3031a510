import type { LocaleTexts, SuggestionChanges } from './types';

/** `, reading a → b, …; no v2 field for x (marked FIXME); …` */
function details({ rewritten, manual, renamed, byHand }: SuggestionChanges): string {
  return (
    (rewritten.length > 0 ? `, reading ${rewritten.join(', ')}` : '') +
    (manual.length > 0 ? `; no v2 field for ${manual.join(', ')} (marked FIXME)` : '') +
    (renamed.length > 0 ? `; renamed in v2: ${renamed.join(', ')} (marked FIXME)` : '') +
    (byHand ? '; some reads of the event could not be followed (an imported or wrapped handler, a destructured or passed-on event): move their v1 fields by hand (open_chat_id → message.chat_id, …)' : '')
  );
}

export const en: LocaleTexts = {
  replacement: (endpoint, sdkMethods, note) =>
    `${endpoint} (node-sdk: ${sdkMethods.map((m) => `client.${m}`).join(' / ')}${note === undefined ? '' : `; ${note}`})`,
  remedy: {
    store:
      'Store apps have no replacement: contact Feishu technical support, and keep this call away from external chats ' +
      '(the im/v1 chat info says external: true).',
    linkedOrganization:
      "Apps with linked organizations may call in external chats only the APIs on the Developer Assistant's (开发者小助手) list: check its card.",
    legacyMigrate: (replacement) =>
      `Migrate to ${replacement} and enable external sharing (对外共享) for the app: legacy APIs never work in external chats.`,
    legacyMigrateStillBlocked: (replacement) =>
      `Migrate to ${replacement} for internal chats; it fails in external chats too, even with external sharing (对外共享), ` +
      'so keep this call away from external chats.',
    legacyWithExternalSharing: (replacement) =>
      `Legacy APIs never work in external chats, even with external sharing: migrate to ${replacement}.`,
    enableExternalSharing:
      'Enable external sharing (对外共享) for the app (an enterprise-verified tenant; publish a version with it on) to call it in external chats.',
    blockedEvenWithExternalSharing:
      'It stays blocked in external chats even with external sharing (对外共享): keep this call away from external chats.',
    unknownKind: (selfBuilt, linkedOrganization, store) =>
      `Self-built app: ${selfBuilt} With linked organizations: ${linkedOrganization} Store app: ${store} ` +
      '(Set settings.feishu.appType for the advice for your kind of app.)',
  },
  protection: {
    guarded: 'Recognised as guarded: the code makes this call only when the chat is known not to be external.',
    handled: 'Recognised as handled: a catch of this call handles its error code.',
  },
  event: {
    subject: {
      register: 'register({ message }) subscribes this EventDispatcher to the legacy `message` event (event schema v1).',
      check: 'This handler checks for the legacy `message` event (event schema v1).',
      typeHandler: "setTypeHandler(…, 'message', …) handles the legacy `message` event (event schema v1).",
    },
    fix: {
      handler:
        'The fix has two halves: subscribe the app to im.message.receive_v1 in the developer console (code cannot do that), and move this handler to the v2 event.',
      typeHandler:
        "Move to node-sdk's EventDispatcher with register({ 'im.message.receive_v1': handler }), and subscribe the app to im.message.receive_v1 in the developer console.",
    },
    suggestion: {
      register: (changes) => `Register the handler for 'im.message.receive_v1'${details(changes)}. Subscribe to im.message.receive_v1 in the developer console too.`,
      check: (changes) => `Check for im.message.receive_v1 in the v2 envelope (header.event_type)${details(changes)}. Subscribe to im.message.receive_v1 in the developer console too.`,
    },
    marker: (field, hint) => `FIXME(feishu/no-legacy-message-event): v1 ${field} has no v2 field: ${hint}`,
    renamedValue: (field, v1, v2) => `FIXME(feishu/no-legacy-message-event): v1 ${field} '${v1}' is '${v2}' in v2`,
    movedField: (field, path) => `FIXME(feishu/no-legacy-message-event): v1 ${field} is ${path} in v2`,
  },
  audit: {
    summary: (findings, withFindings, files) =>
      `${plural(findings, 'finding')} in ${withFindings} of ${plural(files, 'file')}`,
    noFindings: (files) =>
      `No findings in ${plural(files, 'audited file')}: no API or event that fails in external chats (外部群) is used.`,
    noFindingsProtected: (files) =>
      `No findings in ${plural(files, 'audited file')}: every call that fails in external chats (外部群) is guarded or handled (listed below).`,
    nothingAudited: (files) =>
      `Nothing audited: ${files === 1 ? 'the one file found could not' : `none of the ${files} files found could`} be linted.`,
    appKind: {
      unknown:
        'Kind of app not given (--app-type): each "What to do" below is for a self-built app (自建应用) without linked organizations.',
      store: 'Advice for a store app (商店应用).',
      'self-built': 'Advice for a self-built app (自建应用) without linked organizations.',
      'self-built-linked-organization': 'Advice for a self-built app with linked organizations (关联组织).',
      'self-built-external-sharing':
        'Advice for a self-built app with external sharing (对外共享) on: only what stays blocked is reported.',
    },
    findings: (count) => plural(count, 'finding'),
    errorText: (text) => `Error text: "${text}"`,
    eventGroup: 'Legacy `message` event (event schema v1)',
    eventSubject: {
      register: 'EventDispatcher register({ message })',
      typeHandler: "setTypeHandler(…, 'message', …)",
      check: "Handlers that check for event type 'message'",
    },
    whatToDo: (remedy) => `What to do: ${remedy}`,
    via: (call) => `via ${call}()`,
    skipped: (count) => `Not audited (${count}):`,
    skipReason: (reason, detail) =>
      reason === 'unreadable' ? `cannot be read (${detail})` : `${reason === 'parse' ? 'does not parse' : 'could not be linted'}: ${detail}`,
    suppressed: (count) =>
      `${plural(count, 'finding')} not counted: comments in the code turn the rule off there (eslint-disable, /* eslint … */).`,
    protectedApart: (guarded, handled) =>
      `Guarded or handled, not counted (guarded: ${guarded}, handled: ${handled}); --report-guarded counts them:`,
    protectedCounted: (guarded, handled) =>
      `Counted with them, as reportGuarded is on: guarded: ${guarded}, handled: ${handled}.`,
    protection: { guarded: '(guarded)', handled: '(handled)' },
    threshold: (findings, max) =>
      findings <= max ? `Within --max-findings ${max}.` : `Over --max-findings ${max}.`,
    ruleDocs: 'Rules:',
    notice: (url) => `Feishu's notice: ${url}`,
    progress: (done, total) => `Auditing ${done}/${total} files`,
  },
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
