import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditError } from '../../lib/audit/audit-error';
import { HELP, OPTIONS, parseCommandLine } from '../../lib/audit/options';
import { DEFAULT_SETTINGS } from '../../lib/settings';

describe('the audit command line', () => {
  it('defaults to the current directory, text, no threshold and settings.feishu’s defaults', () => {
    expect(parseCommandLine(['audit'])).toEqual({
      kind: 'audit',
      options: { paths: ['.'], rawSettings: {}, settings: DEFAULT_SETTINGS, format: 'text', output: undefined, maxFindings: 0 },
    });
  });

  it('reads every flag as the setting of the same meaning', () => {
    const command = parseCommandLine([
      'audit',
      'src',
      'lib/a.ts',
      '--app-type',
      'self-built',
      '--external-sharing',
      '--api-host',
      'open.corp.example',
      '--api-host=GW.corp.example',
      '--assume-open-platform',
      '--locale',
      'zh-CN',
      '--format',
      'sarif',
      '-o',
      'out/feishu.sarif',
      '--max-findings',
      '12',
    ]);
    expect(command).toMatchObject({
      kind: 'audit',
      options: {
        paths: ['src', 'lib/a.ts'],
        rawSettings: {
          appType: 'self-built',
          externalSharing: true,
          apiHosts: ['open.corp.example', 'GW.corp.example'],
          assumeOpenPlatform: true,
          locale: 'zh-CN',
        },
        settings: { appKind: 'self-built-external-sharing', apiHosts: ['open.corp.example', 'gw.corp.example'], locale: 'zh-CN' },
        format: 'sarif',
        output: 'out/feishu.sarif',
        maxFindings: 12,
      },
    });
  });

  it('reads --linked-organization', () => {
    expect(parseCommandLine(['audit', '--app-type', 'self-built', '--linked-organization'])).toMatchObject({
      options: { settings: { appKind: 'self-built-linked-organization' } },
    });
  });

  it('reads --report-guarded as reportGuarded', () => {
    expect(parseCommandLine(['audit', '--report-guarded'])).toMatchObject({
      options: { rawSettings: { reportGuarded: true }, settings: { reportGuarded: true } },
    });
  });

  it('takes --help and --version before anything else', () => {
    expect(parseCommandLine(['audit', '--help', '--app-type', 'bot'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-v'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['audit', '--output', ''], "--output needs a file name; got ''."],
    [['audit', '--max-findings', '1e3'], "--max-findings must be a whole number, 0 or more; got '1e3'."],
    [['audit', '--linked-organization'], '--linked-organization needs --app-type self-built; got no --app-type.'],
    [['audit', '--app-type', 'store', '--linked-organization'], '--linked-organization needs --app-type self-built; got --app-type store.'],
    [['audit', '--external-sharing=yes'], "Option '--external-sharing' does not take an argument. Run eslint-plugin-feishu --help for the options."],
  ])('rejects %j with an AuditError: %s', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new AuditError(message));
  });
});

describe('the options’ documentation', () => {
  const reference = readFileSync(path.join(__dirname, '../../docs/audit.md'), 'utf8');

  it.each(Object.keys(OPTIONS))('--%s is in --help and in docs/audit.md', (name) => {
    expect(HELP).toContain(`--${name}`);
    expect(reference).toContain(`\`--${name}`);
  });

  it('--help names no option the command does not take', () => {
    const named = new Set([...HELP.matchAll(/--([a-z-]+)/g)].map((match) => match[1]));
    expect([...named].filter((name) => name !== undefined && !(name in OPTIONS))).toEqual([]);
  });
});
