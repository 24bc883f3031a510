import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readFeishuSettings } from '../../lib/settings';
import { lint } from '../support/lint';

const read = (feishu: unknown) => readFeishuSettings({ feishu });

describe('settings.feishu', () => {
  it('defaults to an unknown kind of app, English, the built-in hosts', () => {
    expect(readFeishuSettings(undefined)).toBe(DEFAULT_SETTINGS);
    expect(readFeishuSettings({})).toBe(DEFAULT_SETTINGS);
    expect(read({})).toMatchObject({
      appType: undefined,
      appKind: 'unknown',
      locale: 'en',
      linkedOrganization: false,
      externalSharing: false,
      assumeOpenPlatform: false,
      apiHosts: [],
      reportGuarded: false,
    });
  });

  it('reads reportGuarded, a boolean that is false unless set', () => {
    expect(read({ reportGuarded: true }).reportGuarded).toBe(true);
    expect(read({ reportGuarded: false }).reportGuarded).toBe(false);
    expect(read({ appType: 'store' }).reportGuarded).toBe(false);
  });

  it.each([
    [{ appType: 'store' }, 'store'],
    [{ appType: 'self-built' }, 'self-built'],
    [{ appType: 'self-built', linkedOrganization: true }, 'self-built-linked-organization'],
    [{ appType: 'self-built', externalSharing: true }, 'self-built-external-sharing'],
    [{ appType: 'self-built', linkedOrganization: false, externalSharing: false }, 'self-built'],
    [{ appType: 'store', externalSharing: false }, 'store'],
  ])('reads %j as the app kind %s', (feishu, kind) => {
    expect(read(feishu).appKind).toBe(kind);
  });

  it('keeps apiHosts lower-cased and once each', () => {
    expect(read({ apiHosts: ['Open.Example.com', 'open.example.com', 'api.internal:8443'] }).apiHosts).toEqual([
      'open.example.com',
      'api.internal:8443',
    ]);
  });

  it('parses each settings object once', () => {
    const feishu = { appType: 'store' };
    expect(read(feishu)).toBe(read(feishu));
  });

  it.each([
    [[], "settings.feishu must be an object; got []."],
    ['store', "settings.feishu must be an object; got 'store'."],
    [{ apptype: 'store' }, 'settings.feishu.apptype is not a setting; the settings are appType, linkedOrganization, externalSharing, locale, apiHosts, assumeOpenPlatform, reportGuarded.'],
    [{ appType: 'selfbuilt' }, "settings.feishu.appType must be 'store' or 'self-built'; got 'selfbuilt'."],
    [{ appType: 1 }, "settings.feishu.appType must be 'store' or 'self-built'; got 1."],
    [{ locale: 'zh' }, "settings.feishu.locale must be 'en' or 'zh-CN'; got 'zh'."],
    [{ assumeOpenPlatform: 'yes' }, "settings.feishu.assumeOpenPlatform must be true or false; got 'yes'."],
    [{ reportGuarded: 'true' }, "settings.feishu.reportGuarded must be true or false; got 'true'."],
    [{ reportGuarded: 1 }, 'settings.feishu.reportGuarded must be true or false; got 1.'],
    [{ appType: 'self-built', linkedOrganization: 1 }, 'settings.feishu.linkedOrganization must be true or false; got 1.'],
    [{ apiHosts: 'open.example.com' }, "settings.feishu.apiHosts must be an array of host names; got 'open.example.com'."],
    [{ apiHosts: ['https://open.example.com'] }, "settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 'https://open.example.com'."],
    [{ apiHosts: ['ok.example.com', 'open.example.com/api'] }, "settings.feishu.apiHosts[1] must be a host name such as 'open.example.com' (no scheme, no path); got 'open.example.com/api'."],
    [{ apiHosts: [42] }, "settings.feishu.apiHosts[0] must be a host name such as 'open.example.com' (no scheme, no path); got 42."],
    [
      { appType: 'store', externalSharing: true },
      "settings.feishu.externalSharing: true is not allowed with appType: 'store' (store apps cannot enable external sharing); remove externalSharing or set appType: 'self-built'.",
    ],
    [
      { appType: 'self-built', linkedOrganization: true, externalSharing: true },
      'settings.feishu.externalSharing: true is not allowed with linkedOrganization: true (the platform does not let an app with linked organizations enable external sharing); keep only one of them.',
    ],
    [{ linkedOrganization: true }, "settings.feishu.linkedOrganization: true needs appType: 'self-built'; got appType: nothing."],
    [{ appType: 'store', linkedOrganization: true }, "settings.feishu.linkedOrganization: true needs appType: 'self-built'; got appType: 'store'."],
    [{ externalSharing: true }, "settings.feishu.externalSharing: true needs appType: 'self-built'; got appType: nothing."],
  ])('rejects %j', (feishu, message) => {
    expect(() => read(feishu)).toThrow(`eslint-plugin-feishu: ${message}`);
  });

  it('fails the lint run when a rule is created with invalid settings, naming the rule and the key', () => {
    expect(() => lint("fetch('/open-apis/message/v4/send');", { settings: { feishu: { appType: 'bot' } } })).toThrow(
      /feishu\/no-legacy-message-chat-api.*settings\.feishu\.appType must be 'store' or 'self-built'; got 'bot'/s,
    );
  });

  it('ignores other plugins’ settings', () => {
    expect(readFeishuSettings({ react: { version: 'detect' } })).toBe(DEFAULT_SETTINGS);
  });
});
