import type { SettingsSpelling } from '../settings';
import { cut, SETTING_KEYS, show, type HostFault, type SettingKey, type SettingsProblem } from '../settings/problems';
import { noteEn, settingsSourceEn } from './settings-source';
import type { LocaleTexts, SkipReason } from './types';

/** `Migrate to x.` → `migrate to x`: a sentence made a clause of a longer one. */
function clause(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');
}

const quoted = (values: readonly string[]) => values.map((value) => `'${cut(value)}'`);

/** `a, b or c` */
function either(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

const HOST_FAULT: Readonly<Partial<Record<HostFault, string>>> = {
  port: ' The port must be 1 to 65535.',
  label: ' Each dot-separated label holds letters, digits and inner hyphens.',
  labelLength: ' A label may be at most 63 characters.',
  length: ' A host name may be at most 253 characters.',
};

function settingsProblem(problem: SettingsProblem, s: SettingsSpelling): string {
  switch (problem.kind) {
    case 'notObject': {
      const { value } = problem;
      const shown = typeof value === 'object' && value !== null && !Array.isArray(value) ? problem.what : show(value);
      return `settings.feishu must be a plain object; got ${shown}.`;
    }
    case 'unknownKey':
      return (
        `${cut(s.key(problem.key as SettingKey))} is not a setting; the settings are ${SETTING_NAMES(s)}.` +
        (problem.suggestion === undefined ? '' : ` Did you mean ${s.name(problem.suggestion as SettingKey)}?`)
      );
    case 'notOneOf':
      return (
        `${s.key(problem.key)} must be ${either(quoted(problem.allowed))}; got ${show(problem.value)}.` +
        (problem.suggestion === undefined ? '' : ` Did you mean '${problem.suggestion}'?`)
      );
    case 'notBoolean':
      return `${s.key(problem.key)} must be true or false; got ${show(problem.value)}.` + (problem.suggestion === undefined ? '' : ` Did you mean ${problem.suggestion}?`);
    case 'notHostList':
      return `${s.key(problem.key)} must be an array of host names; got ${show(problem.value)}.`;
    case 'hole':
      return `${s.key(problem.key, problem.index)} is empty (a hole in the array): remove the extra comma.`;
    case 'notHost':
      return (
        `${s.key(problem.key, problem.index)} must be a host name such as 'open.example.com' (no scheme, no path); got ${show(problem.value)}.` +
        (HOST_FAULT[problem.fault] ?? '')
      );
    case 'storeWithExternalSharing':
      return (
        `${s.set('externalSharing', true)} is not allowed with ${s.value('appType', 'store')} (store apps cannot enable external sharing); ` +
        `remove ${s.name('externalSharing')} or set ${s.value('appType', 'self-built')}.`
      );
    case 'linkedWithExternalSharing':
      return (
        `${s.set('externalSharing', true)} is not allowed with ${s.value('linkedOrganization', true)} ` +
        '(the platform does not let an app with linked organizations enable external sharing); keep only one of them.'
      );
    case 'needsSelfBuilt':
      return `${s.set(problem.key, true)} needs ${s.value('appType', 'self-built')}; got ${s.value('appType', problem.appType)}.`;
  }
}

const SETTING_NAMES = (s: SettingsSpelling) => SETTING_KEYS.map((key) => s.name(key)).join(', ');

const SKIP_REASON: Readonly<Record<Exclude<SkipReason, 'unreadable'>, string>> = {
  parse: 'does not parse',
  failed: 'could not be linted',
  crashed: 'ended its linting process, twice',
  'no-parser': 'no TypeScript parser could be loaded',
};

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
    unknownKind: (selfBuilt) => `Self-built app: ${selfBuilt} (Set settings.feishu.appType for the advice for your kind of app.)`,
  },
  finding: {
    endpoint: (what, protection, failure, remedy) => `${what}${protection === undefined ? '' : ` ${protection}`} ${failure} ${remedy}`,
    // The audit marks its occurrences the same way.
    protection: { guarded: '(guarded)', handled: '(handled)' },
    remedy: {
      store: 'No replacement for store apps: avoid external chats or ask Feishu support.',
      linkedOrganization: "Only APIs on the Developer Assistant's (开发者小助手) card work there.",
      legacyMigrate: (sdkMethod) => `Migrate to ${sdkMethod} and enable external sharing (对外共享).`,
      legacyMigrateStillBlocked: (sdkMethod) => `Migrate to ${sdkMethod} for internal chats only: it is blocked in external chats too.`,
      legacyWithExternalSharing: (sdkMethod) => `Migrate to ${sdkMethod}: legacy APIs stay blocked even with external sharing.`,
      enableExternalSharing: 'Enable external sharing (对外共享) for the app to call it there.',
      blockedEvenWithExternalSharing: 'External sharing (对外共享) does not unblock it: avoid external chats.',
      unknownKind: (selfBuilt) => `For a self-built app, ${clause(selfBuilt)}; otherwise set settings.feishu.appType.`,
    },
    event: (kind, problem, unknownKind) =>
      `${EVENT_SUBJECT[kind]} ${problem}${unknownKind ? " (set settings.feishu.appType for your app's date)" : ''}. ${EVENT_FIX[kind]}`,
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
      register: (replacement) => `Register the handler for '${replacement}' and move its v1 field reads`,
      check: (replacement, typeRead) => `Check ${typeRead} for '${replacement}' and move the v1 field reads`,
    },
    marker: (field, hint) => `FIXME(feishu/no-legacy-message-event): v1 ${field} has no v2 field: ${hint}`,
    renamedValue: (field, v1, v2) => `FIXME(feishu/no-legacy-message-event): v1 ${field} '${v1}' is '${v2}' in v2`,
    movedField: (field, path) => `FIXME(feishu/no-legacy-message-event): v1 ${field} is ${path} in v2`,
    byHand: (example) =>
      'FIXME(feishu/no-legacy-message-event): the reads of this event could not all be followed (an imported or wrapped handler, ' +
      `a destructured or passed-on event): move their v1 fields by hand (${example}, …)`,
  },
  settings: {
    problem: settingsProblem,
    report: (problems, unlisted) =>
      'Invalid settings.feishu (until it is fixed, the feishu rules report nothing else in this file): ' +
      problems.join(' ') +
      (unlisted > 0 ? ` (${unlisted} more not listed.)` : ''),
  },
  allow: {
    unknown: (entry, closest) => `'${cut(entry)}' names no endpoint of this rule; the closest valid entries: ${quoted(closest).join(', ')}.`,
    undocumentedMethod: (entry, method, documented, closest) =>
      `'${cut(entry)}': the path documents ${either(documented)}, not ${cut(method)}; the closest valid entries: ${quoted(closest).join(', ')}.`,
    otherRule: (entry, ids, rule) => `'${cut(entry)}' (${ids.join(', ')}) belongs to ${rule}: list it in that rule's allow.`,
    report: (rule, problems) =>
      `Invalid allow option of ${rule} (until it is fixed, this rule reports nothing else in this file): ${problems.join(' ')}`,
  },
  audit: {
    summary: (findings, withFindings, files) =>
      `${plural(findings, 'finding')} in ${withFindings} of ${plural(files, 'file')}`,
    noFindings: (files) =>
      `No findings in ${plural(files, 'audited file')}: no API or event that fails in external chats (外部群) is used.`,
    noFindingsProtected: (files) =>
      `No findings in ${plural(files, 'audited file')}: every call that fails in external chats (外部群) is guarded or handled (listed below).`,
    noFindingsSuppressed: (files, protectedToo) =>
      protectedToo
        ? `No findings in ${plural(files, 'audited file')}: every call that fails in external chats (外部群) is guarded or handled (listed below), or a comment in the code turns its rule off there.`
        : `No findings in ${plural(files, 'audited file')}: a comment in the code turns the rule off wherever a call or event that fails in external chats (外部群) was found (see below).`,
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
    skipReason: (reason, detail) => (reason === 'unreadable' ? `cannot be read (${detail})` : `${SKIP_REASON[reason]}: ${detail}`),
    noParserHint: 'To audit the TypeScript files too, without installing anything into the project:',
    settingsSource: settingsSourceEn,
    settingsNote: noteEn,
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
    progress: (done, total, seconds) => `Auditing ${done}/${total} files · ${seconds} s`,
  },
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What the code does with the legacy event, as the start of the rule's first sentence. */
const EVENT_SUBJECT = {
  register: 'register({ message }) subscribes to',
  check: 'This code checks for',
  typeHandler: "setTypeHandler(…, 'message', …) handles",
} as const;

/** The fix, as the rule's second sentence. */
const EVENT_FIX = {
  register: 'Subscribe to im.message.receive_v1 in the developer console and move this handler there.',
  check: 'Subscribe to im.message.receive_v1 in the developer console and move this handler there.',
  typeHandler: "Use node-sdk's EventDispatcher with 'im.message.receive_v1' and subscribe to it in the console.",
} as const;
