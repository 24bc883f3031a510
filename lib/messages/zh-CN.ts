import type { SettingsSpelling } from '../settings';
import { cut, SETTING_KEYS, show, type HostFault, type SettingKey, type SettingsProblem } from '../settings/problems';
import { noteZh, settingsSourceZh } from './settings-source';
import type { LocaleTexts, SkipReason } from './types';

/** `请迁移到 x。` → `请迁移到 x`: a sentence made a clause of a longer one. */
function clause(sentence: string): string {
  return sentence.replace(/。$/, '');
}

const quoted = (values: readonly string[]) => values.map((value) => `'${cut(value)}'`);

const HOST_FAULT: Readonly<Partial<Record<HostFault, string>>> = {
  port: '端口须为 1 到 65535。',
  label: '以点分隔的每一段只能包含字母、数字和中间的连字符。',
  labelLength: '每一段最多 63 个字符。',
  length: '域名最多 253 个字符。',
};

function settingsProblem(problem: SettingsProblem, s: SettingsSpelling): string {
  switch (problem.kind) {
    case 'notObject': {
      const { value } = problem;
      const shown = typeof value === 'object' && value !== null && !Array.isArray(value) ? problem.what : show(value);
      return `settings.feishu 必须是普通对象，实际为 ${shown}。`;
    }
    case 'unknownKey':
      return (
        `${cut(s.key(problem.key as SettingKey))} 不是有效的设置项；可用的设置项为 ${SETTING_KEYS.map((key) => s.name(key)).join('、')}。` +
        (problem.suggestion === undefined ? '' : `是否想写 ${s.name(problem.suggestion as SettingKey)}？`)
      );
    case 'notOneOf':
      return (
        `${s.key(problem.key)} 必须是 ${quoted(problem.allowed).join(' 或 ')}，实际为 ${show(problem.value)}。` +
        (problem.suggestion === undefined ? '' : `是否想写 '${problem.suggestion}'？`)
      );
    case 'notBoolean':
      return `${s.key(problem.key)} 必须是 true 或 false，实际为 ${show(problem.value)}。` + (problem.suggestion === undefined ? '' : `是否想写 ${problem.suggestion}？`);
    case 'notHostList':
      return `${s.key(problem.key)} 必须是域名数组，实际为 ${show(problem.value)}。`;
    case 'hole':
      return `${s.key(problem.key, problem.index)} 为空（数组中有空位）：请删除多余的逗号。`;
    case 'notHost':
      return (
        `${s.key(problem.key, problem.index)} 必须是 'open.example.com' 这样的域名（不带协议和路径），实际为 ${show(problem.value)}。` +
        (HOST_FAULT[problem.fault] ?? '')
      );
    case 'storeWithExternalSharing':
      return `${s.set('externalSharing', true)} 不能与 ${s.value('appType', 'store')} 同时使用（商店应用无法开启对外共享）：请删除 ${s.name('externalSharing')}，或设置 ${s.value('appType', 'self-built')}。`;
    case 'linkedWithExternalSharing':
      return `${s.set('externalSharing', true)} 不能与 ${s.value('linkedOrganization', true)} 同时使用（平台不允许开启关联组织的应用开启对外共享）：请只保留其中一个。`;
    case 'needsSelfBuilt':
      return `${s.set(problem.key, true)} 需要 ${s.value('appType', 'self-built')}，实际为 ${s.value('appType', problem.appType)}。`;
  }
}

const SKIP_REASON: Readonly<Record<Exclude<SkipReason, 'unreadable'>, string>> = {
  parse: '无法解析',
  failed: '无法检查',
  crashed: '两次使检查进程退出',
  'no-parser': '无法加载 TypeScript 解析器',
};

export const zhCN: LocaleTexts = {
  replacement: (endpoint, sdkMethods, note) =>
    `${endpoint}（node-sdk：${sdkMethods.map((m) => `client.${m}`).join(' / ')}${note === undefined ? '' : `；${note}`}）`,
  remedy: {
    store: '商店应用暂无替换方案：如确需在外部群使用，请联系飞书技术支持，并避免在外部群中调用（im/v1 获取群信息返回 external: true 即为外部群）。',
    linkedOrganization: '开启关联组织的应用在外部群中仅可使用【开发者小助手】推送卡片中所列的接口，请查看该卡片。',
    legacyMigrate: (replacement) => `请迁移到 ${replacement}，并为应用开启对外共享能力：历史版本接口在外部群中始终不可用。`,
    legacyMigrateStillBlocked: (replacement) =>
      `请迁移到 ${replacement}（用于非外部群）；即使开启对外共享，它在外部群中同样不可用，请避免在外部群中调用。`,
    legacyWithExternalSharing: (replacement) => `即使开启了对外共享，历史版本接口在外部群中也不可用：请迁移到 ${replacement}。`,
    enableExternalSharing: '请为应用开启对外共享能力（需企业认证，并发布开启该能力的版本）后再在外部群中调用。',
    blockedEvenWithExternalSharing: '即使开启对外共享，该接口在外部群中仍不可用：请避免在外部群中调用。',
    unknownKind: (selfBuilt) => `自建应用：${selfBuilt}（设置 settings.feishu.appType 可获得针对你的应用类型的建议。）`,
  },
  finding: {
    // No space between Chinese sentences: each ends in full-width punctuation.
    // Full-width brackets carry their own space: `…/reactions（已防护）自 …`.
    endpoint: (what, protection, failure, remedy) => `${what}${protection ?? ' '}${failure}${remedy}`,
    protection: { guarded: '（已防护）', handled: '（已处理）' },
    remedy: {
      store: '商店应用暂无替换方案：请避免在外部群中调用，或联系飞书技术支持。',
      linkedOrganization: '仅【开发者小助手】卡片所列接口可在外部群中使用，请查看该卡片。',
      legacyMigrate: (sdkMethod) => `请迁移到 ${sdkMethod}，并为应用开启对外共享。`,
      legacyMigrateStillBlocked: (sdkMethod) => `请迁移到 ${sdkMethod}（仅用于非外部群）：它在外部群中同样不可用。`,
      legacyWithExternalSharing: (sdkMethod) => `请迁移到 ${sdkMethod}：即使开启对外共享，历史版本接口也不可用。`,
      enableExternalSharing: '请为应用开启对外共享后再在外部群中调用。',
      blockedEvenWithExternalSharing: '即使开启对外共享仍不可用，请避免在外部群中调用。',
      unknownKind: (selfBuilt) => `自建应用：${clause(selfBuilt)}；其他类型的应用请设置 settings.feishu.appType。`,
    },
    event: (kind, problem, unknownKind) =>
      `${EVENT_SUBJECT[kind]}${problem}${unknownKind ? '（请设置 settings.feishu.appType 确认日期）' : ''}。${EVENT_FIX[kind]}`,
  },
  event: {
    subject: {
      register: 'register({ message }) 为此 EventDispatcher 订阅了历史版本的接收消息事件 `message`（事件格式 v1）。',
      check: '此处理函数判断的是历史版本的接收消息事件 `message`（事件格式 v1）。',
      typeHandler: "setTypeHandler(…, 'message', …) 处理的是历史版本的接收消息事件 `message`（事件格式 v1）。",
    },
    fix: {
      handler: '修复分两步：在开发者后台为应用订阅 im.message.receive_v1（代码无法完成），并把此处理函数迁移到 v2 事件。',
      typeHandler: "请改用 node-sdk 的 EventDispatcher：register({ 'im.message.receive_v1': handler })，并在开发者后台订阅 im.message.receive_v1。",
    },
    suggestion: {
      register: (replacement) => `改为注册 '${replacement}' 并迁移 v1 字段读取`,
      check: (replacement, typeRead) => `改为判断 ${typeRead} 为 '${replacement}' 并迁移 v1 字段读取`,
    },
    marker: (field, hint) => `FIXME(feishu/no-legacy-message-event): v1 字段 ${field} 在 v2 中没有对应字段：${hint}`,
    renamedValue: (field, v1, v2) => `FIXME(feishu/no-legacy-message-event): v1 的 ${field} 取值 '${v1}' 在 v2 中为 '${v2}'`,
    movedField: (field, path) => `FIXME(feishu/no-legacy-message-event): v1 字段 ${field} 在 v2 中为 ${path}`,
    byHand: (example) =>
      'FIXME(feishu/no-legacy-message-event): 部分事件读取无法跟踪（处理函数来自其他文件或被包装、事件被解构或传给其他函数）：' +
      `请手动迁移其中的 v1 字段（${example} 等）`,
  },
  settings: {
    problem: settingsProblem,
    report: (problems, unlisted) =>
      `settings.feishu 设置无效（修正之前，feishu 规则不会报告此文件中的其他问题）：${problems.join('')}${unlisted > 0 ? `（另有 ${unlisted} 个问题未列出。）` : ''}`,
  },
  allow: {
    unknown: (entry, closest) => `'${cut(entry)}' 不对应本规则的任何接口；最接近的有效写法：${quoted(closest).join('、')}。`,
    undocumentedMethod: (entry, method, documented, closest) =>
      `'${cut(entry)}'：该路径的方法是 ${documented.join(' 或 ')}，不是 ${cut(method)}；最接近的有效写法：${quoted(closest).join('、')}。`,
    otherRule: (entry, ids, rule) => `'${cut(entry)}'（${ids.join('、')}）属于 ${rule}，请写在该规则的 allow 中。`,
    report: (rule, problems) => `${rule} 的 allow 选项无效（修正之前，该规则不会报告此文件中的其他问题）：${problems.join('')}`,
  },
  audit: {
    summary: (findings, withFindings, files) => `${files} 个文件中有 ${withFindings} 个文件共 ${findings} 处问题`,
    noFindings: (files) => `已检查的 ${files} 个文件中未发现问题：没有使用在外部群中失效的接口或事件。`,
    noFindingsProtected: (files) => `已检查的 ${files} 个文件中未发现问题：找到的在外部群中失效的调用都已防护或已处理（见下方列表）。`,
    noFindingsSuppressed: (files, protectedToo) =>
      protectedToo
        ? `已检查的 ${files} 个文件中未发现问题：找到的在外部群中失效的调用都已防护或已处理（见下方列表），或其所在处的规则已由代码中的注释关闭。`
        : `已检查的 ${files} 个文件中未发现问题：找到在外部群中失效的调用或事件之处，规则都已由代码中的注释关闭（见下方）。`,
    nothingAudited: (files) => `未能检查任何文件：找到的 ${files} 个文件都无法检查。`,
    appKind: {
      unknown: '未指定应用类型（--app-type）：以下“处理建议”针对未开启关联组织的自建应用。',
      store: '以下建议针对商店应用。',
      'self-built': '以下建议针对未开启关联组织的自建应用。',
      'self-built-linked-organization': '以下建议针对开启关联组织的自建应用。',
      'self-built-external-sharing': '以下建议针对已开启对外共享的自建应用：仅列出开启后仍不可用的调用。',
    },
    findings: (count) => `${count} 处`,
    errorText: (text) => `错误信息：“${text}”`,
    eventGroup: '历史版本的接收消息事件 `message`（事件格式 v1）',
    eventSubject: {
      register: 'EventDispatcher 的 register({ message })',
      typeHandler: "setTypeHandler(…, 'message', …)",
      check: "判断事件类型为 'message' 的处理函数",
    },
    whatToDo: (remedy) => `处理建议：${remedy}`,
    via: (call) => `调用 ${call}()`,
    skipped: (count) => `未检查（${count}）：`,
    skipReason: (reason, detail) => (reason === 'unreadable' ? `无法读取（${detail}）` : `${SKIP_REASON[reason]}: ${detail}`),
    noParserHint: '如需同时检查 TypeScript 文件（不在项目中安装任何东西）：',
    settingsSource: settingsSourceZh,
    settingsNote: noteZh,
    suppressed: (count) => `另有 ${count} 处未计入：代码中的注释在该处关闭了规则（eslint-disable、/* eslint … */）。`,
    protectedApart: (guarded, handled) => `已防护或已处理，未计入（已防护 guarded：${guarded}，已处理 handled：${handled}）；--report-guarded 会计入：`,
    protectedCounted: (guarded, handled) => `reportGuarded 已开启，以上计入了已防护 guarded：${guarded}、已处理 handled：${handled}。`,
    protection: { guarded: '（已防护）', handled: '（已处理）' },
    threshold: (findings, max) => (findings <= max ? `未超过 --max-findings ${max}。` : `超过了 --max-findings ${max}。`),
    ruleDocs: '规则文档：',
    notice: (url) => `飞书公告：${url}`,
    progress: (done, total, seconds) => `正在检查 ${done}/${total} 个文件 · ${seconds} 秒`,
  },
};

/** What the code does with the legacy event, as the start of the rule's first sentence. */
const EVENT_SUBJECT = {
  register: 'register({ message }) 订阅',
  check: '此处判断',
  typeHandler: "setTypeHandler(…, 'message', …) 处理",
} as const;

/** The fix, as the rule's second sentence. */
const EVENT_FIX = {
  register: '请在开发者后台订阅 im.message.receive_v1，并把此处理函数迁移到该事件。',
  check: '请在开发者后台订阅 im.message.receive_v1，并把此处理函数迁移到该事件。',
  typeHandler: "请改用 node-sdk 的 EventDispatcher 注册 'im.message.receive_v1'，并在开发者后台订阅。",
} as const;
