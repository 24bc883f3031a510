import type { LocaleTexts } from './types';

export const zhCN: LocaleTexts = {
  failure: (code, date) => `自 ${date} 起在外部群中调用会返回错误码 ${code}（非外部群不受影响）。`,
  bothDates: '2025-06-25（开启关联组织的自建应用为 2025-07-23）',
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
};
