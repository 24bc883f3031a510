import type { LocaleTexts } from './types';

export const en: LocaleTexts = {
  failure: (code, date) =>
    `fails with error ${code} in external chats (外部群) since ${date}; internal chats are not affected.`,
  bothDates: '2025-06-25 (2025-07-23 for self-built apps with linked organizations)',
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
};
