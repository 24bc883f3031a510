import type { LocaleTexts, SuggestionChanges } from './types';

/** `，并改读 a → b、…；x 在 v2 中没有对应字段（已标记 FIXME）；…` */
function details({ rewritten, manual, renamed, byHand }: SuggestionChanges): string {
  return (
    (rewritten.length > 0 ? `，并改读 ${rewritten.join('、')}` : '') +
    (manual.length > 0 ? `；${manual.join('、')} 在 v2 中没有对应字段（已标记 FIXME）` : '') +
    (renamed.length > 0 ? `；v2 中取值改名：${renamed.join('、')}（已标记 FIXME）` : '') +
    (byHand ? '；部分读取无法跟踪（处理函数来自其他文件或被包装、事件被解构或传给其他函数）：请手动迁移其中的 v1 字段（open_chat_id → message.chat_id 等）' : '')
  );
}

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
    unknownKind: (selfBuilt, linkedOrganization, store) =>
      `自建应用：${selfBuilt} 开启关联组织的自建应用：${linkedOrganization} 商店应用：${store}（设置 settings.feishu.appType 可获得针对你的应用类型的建议。）`,
  },
  protection: {
    guarded: '已识别为已防护（guarded）：代码只在确认不是外部群时才调用。',
    handled: '已识别为已处理（handled）：此调用的 catch 处理了该错误码。',
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
      register: (changes) => `改为注册 'im.message.receive_v1'${details(changes)}。同时请在开发者后台订阅 im.message.receive_v1。`,
      check: (changes) => `改为在 v2 事件结构中判断 im.message.receive_v1（header.event_type）${details(changes)}。同时请在开发者后台订阅 im.message.receive_v1。`,
    },
    marker: (field, hint) => `FIXME(feishu/no-legacy-message-event): v1 字段 ${field} 在 v2 中没有对应字段：${hint}`,
    renamedValue: (field, v1, v2) => `FIXME(feishu/no-legacy-message-event): v1 的 ${field} 取值 '${v1}' 在 v2 中为 '${v2}'`,
    movedField: (field, path) => `FIXME(feishu/no-legacy-message-event): v1 字段 ${field} 在 v2 中为 ${path}`,
  },
  audit: {
    summary: (findings, withFindings, files) => `${files} 个文件中有 ${withFindings} 个文件共 ${findings} 处问题`,
    noFindings: (files) => `已检查的 ${files} 个文件中未发现问题：没有使用在外部群中失效的接口或事件。`,
    noFindingsProtected: (files) => `已检查的 ${files} 个文件中未发现问题：找到的在外部群中失效的调用都已防护或已处理（见下方列表）。`,
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
    skipReason: (reason, detail) =>
      reason === 'unreadable' ? `无法读取（${detail}）` : `${reason === 'parse' ? '无法解析' : '无法检查'}: ${detail}`,
    suppressed: (count) => `另有 ${count} 处未计入：代码中的注释在该处关闭了规则（eslint-disable、/* eslint … */）。`,
    protectedApart: (guarded, handled) => `已防护或已处理，未计入（已防护 guarded：${guarded}，已处理 handled：${handled}）；--report-guarded 会计入：`,
    protectedCounted: (guarded, handled) => `reportGuarded 已开启，以上计入了已防护 guarded：${guarded}、已处理 handled：${handled}。`,
    protection: { guarded: '（已防护）', handled: '（已处理）' },
    threshold: (findings, max) => (findings <= max ? `未超过 --max-findings ${max}。` : `超过了 --max-findings ${max}。`),
    ruleDocs: '规则文档：',
    notice: (url) => `飞书公告：${url}`,
    progress: (done, total) => `正在检查 ${done}/${total} 个文件`,
  },
};
