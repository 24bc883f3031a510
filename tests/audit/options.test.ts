import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditError } from '../../lib/audit/audit-error';
import { HELP, OPTIONS, parseCommandLine } from '../../lib/audit/options';

describe('the audit command line', () => {
  it('defaults to the current directory, text, no threshold, no settings from flags, the config read and not run', () => {
    expect(parseCommandLine(['audit'])).toEqual({
      kind: 'audit',
      options: { paths: ['.'], flagSettings: {}, format: 'text', output: undefined, maxFindings: 0, useEslintConfig: false, argv: [] },
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
        flagSettings: {
          appType: 'self-built',
          externalSharing: true,
          apiHosts: ['open.corp.example', 'GW.corp.example'],
          assumeOpenPlatform: true,
          locale: 'zh-CN',
        },
        format: 'sarif',
        output: 'out/feishu.sarif',
        maxFindings: 12,
      },
    });
  });

  it('reads --linked-organization and --use-eslint-config, and keeps the arguments after the command for a command it prints', () => {
    expect(parseCommandLine(['--app-type', 'self-built', 'audit', '--linked-organization', 'src', '--use-eslint-config'])).toMatchObject({
      options: { flagSettings: { appType: 'self-built', linkedOrganization: true }, useEslintConfig: true },
    });
    expect(() => parseCommandLine(['audit', '--max-findings', '-1x'])).toThrow(new AuditError("--max-findings must be a whole number, 0 or more; got '-1x'."));
    expect(parseCommandLine(['--app-type', 'store', 'audit', 'my dir', '-o', 'r.txt'])).toMatchObject({
      options: { argv: ['--app-type', 'store', 'my dir', '-o', 'r.txt'] },
    });
  });

  it('leaves combinations to be checked with the project’s own settings, which the flags override key by key', () => {
    expect(parseCommandLine(['audit', '--external-sharing'])).toMatchObject({ options: { flagSettings: { externalSharing: true } } });
    expect(parseCommandLine(['audit', '--linked-organization'])).toMatchObject({ options: { flagSettings: { linkedOrganization: true } } });
  });

  // 15.20: a repeated flag silently took the last value.
  it.each([
    [['audit', '--app-type', 'store', '--app-type', 'self-built'], '--app-type is given twice; give it once.'],
    [['audit', '--format', 'json', '--format', 'sarif'], '--format is given twice; give it once.'],
    [['audit', '-o', 'a', '-o', 'b'], '-o is given twice; give it once.'],
    [['audit', '-o', 'a', '--output', 'b'], '-o and --output are the same option, and it is given twice; give it once.'],
    [['audit', '--external-sharing', '--external-sharing'], '--external-sharing is given twice; give it once.'],
    [['audit', '--max-findings', '1', '--max-findings=2'], '--max-findings is given twice; give it once.'],
  ])('15.20 a repeated flag is a usage error: %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new AuditError(message));
  });

  it('15.20 --api-host repeats by design', () => {
    expect(parseCommandLine(['audit', '--api-host', 'a.example', '--api-host', 'b.example'])).toMatchObject({
      options: { flagSettings: { apiHosts: ['a.example', 'b.example'] } },
    });
  });

  it('15.20 --max-findings -1 is one line, the same as --max-findings=-1', () => {
    const message = "--max-findings must be a whole number, 0 or more; got '-1'.";
    expect(() => parseCommandLine(['audit', '--max-findings', '-1'])).toThrow(new AuditError(message));
    expect(() => parseCommandLine(['audit', '--max-findings=-1'])).toThrow(new AuditError(message));
    // No option error of parseArgs spans lines either.
    for (const argv of [['audit', '--format'], ['audit', '--format', '--app-type'], ['audit', '-o', '-x']]) {
      expect(() => parseCommandLine(argv)).toThrow(/^[^\n]*$/);
    }
  });

  it('reads --report-guarded as reportGuarded', () => {
    expect(parseCommandLine(['audit', '--report-guarded'])).toMatchObject({
      options: { flagSettings: { reportGuarded: true } },
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
    [['audit', '--app-type', 'bot'], "--app-type must be 'store' or 'self-built'; got 'bot'."],
    [['audit', '--api-host', 'https://x.example'], "--api-host must be a host name such as 'open.example.com' (no scheme, no path); got 'https://x.example'."],
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
