import { parseArgs } from 'node:util';
import { FeishuSettingsError, parseFeishuSettings, SETTING_FLAGS, show, type SettingKey, type SettingsSpelling } from '../settings';
import { AuditError } from './audit-error';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** What one `audit` command line asks for. */
export interface AuditOptions {
  /** As given; `.` when none is. */
  readonly paths: readonly string[];
  /**
   * `settings.feishu` as the flags spell it (absent flags absent). Each value is
   * valid; whether they go together is checked once the project's own settings
   * are read, since the flags override those key by key.
   */
  readonly flagSettings: Readonly<Record<string, unknown>>;
  readonly format: Format;
  readonly output: string | undefined;
  /** Findings allowed before the exit code turns 1. */
  readonly maxFindings: number;
  /** Run the project's ESLint config (its code and plugins) to learn its settings, instead of reading it. */
  readonly useEslintConfig: boolean;
  /** The arguments after `audit`, as given: a command printed for the user repeats them. */
  readonly argv: readonly string[];
}

type Command = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'audit'; readonly options: AuditOptions };


/** Settings errors in the words of the command line: `--external-sharing`, `--app-type store`. */
export const FLAG_SPELLING: SettingsSpelling = {
  key: (key) => SETTING_FLAGS[key],
  name: (key) => SETTING_FLAGS[key],
  set: flagWith,
  value: (key, value) => (value === undefined ? `no ${SETTING_FLAGS[key]}` : flagWith(key, value)),
};

/** A setting as its flag gives it: `--external-sharing`, `--app-type store`. */
function flagWith(key: SettingKey, value: unknown): string {
  return typeof value === 'boolean' ? SETTING_FLAGS[key] : `${SETTING_FLAGS[key]} ${String(value)}`;
}

export const HELP = `Usage: eslint-plugin-feishu audit [options] [paths...]

Finds the Feishu / Lark Open Platform API calls and events that fail in external
chats (外部群), in the .js, .jsx, .mjs, .cjs, .ts, .tsx, .mts and .cts files under
the paths (default: the current directory), and tells what to do about each.
Needs no ESLint config and writes nothing into the audited project. Skips
node_modules, build output (dist, build, out, coverage, .next, ...), declaration
and minified files, and what .gitignore files ignore; paths you name are always
audited. Reads settings.feishu and the feishu rules' allow lists and "off"
switches from the project's ESLint config without running it.

The kind of app (same meaning as settings.feishu; unset: advice for every kind):
  --app-type store|self-built   store app (商店应用) or self-built app (自建应用)
  --linked-organization         self-built app with linked organizations (关联组织)
  --external-sharing            self-built app with external sharing (对外共享) on
  --api-host HOST               a private deployment's API host (repeatable)
  --assume-open-platform        treat every file as Open Platform code
  --locale en|zh-CN             language of the report (default: en)
  --report-guarded              count the calls the code guards or handles as findings
  --use-eslint-config           run the project's ESLint config (its code and
                                plugins) to learn its settings, instead of
                                reading the config files without running them

Output:
  --format text|json|sarif      report format (default: text); sarif is SARIF 2.1.0
  -o, --output FILE             write the report to FILE instead of stdout
  --max-findings N              exit 0 while there are at most N findings (default: 0)

  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 no findings (or at most --max-findings), 1 findings,
2 usage or run-time error (a path that does not exist, for example).
Colour on a terminal only; NO_COLOR turns it off, FORCE_COLOR on.
`;

/**
 * Reads `eslint-plugin-feishu <command> [options] [paths…]`. Throws an
 * AuditError naming the problem for anything it cannot read.
 */
export function parseCommandLine(argv: readonly string[]): Command {
  const args = joinNegativeNumbers(argv);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    // parseArgs's own words, on one line, but for an unknown option, where they run long.
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec((error as Error).message) : null;
    const problem = unknown === null ? firstSentence((error as Error).message) : `unknown option ${unknown[1]}`;
    throw new AuditError(`${problem}. Run eslint-plugin-feishu --help for the options.`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  rejectRepeatedOptions(tokens);
  const [command, ...paths] = positionals;
  if (command === undefined) throw new AuditError('no command given; the command is audit. Run eslint-plugin-feishu --help for the options.');
  if (command !== 'audit') throw new AuditError(`unknown command ${show(command)}; the command is audit.`);

  const flagSettings = settingsOf(values);
  checkFlagValues(flagSettings);
  const commandAt = tokens.find((token) => token.kind === 'positional')?.index;
  return {
    kind: 'audit',
    options: {
      paths: paths.length > 0 ? paths : ['.'],
      flagSettings,
      format: oneOf('--format', values.format ?? 'text', FORMATS),
      output: nonEmpty('--output', values.output),
      maxFindings: count('--max-findings', values['max-findings']),
      useEslintConfig: values['use-eslint-config'] === true,
      argv: args.filter((_, index) => index !== commandAt),
    },
  };
}

/** Options that may be given more than once: each `--api-host` adds a host. */
const REPEATABLE: ReadonlySet<string> = new Set(['api-host']);

/** A second `--format`, `-o` after `--output`…: which one was meant is not for the command to guess. */
function rejectRepeatedOptions(tokens: NonNullable<ReturnType<typeof parse>['tokens']>): void {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || REPEATABLE.has(token.name)) continue;
    const first = seen.get(token.name);
    if (first !== undefined) {
      const spelled = first === token.rawName ? `${token.rawName} is` : `${first} and ${token.rawName} are the same option, and it is`;
      throw new AuditError(`${spelled} given twice; give it once.`);
    }
    seen.set(token.name, token.rawName);
  }
}

/**
 * `--max-findings -1` as `--max-findings=-1`: parseArgs takes a value that
 * starts with a dash for an option, and its complaint spans three lines. A
 * negative number is never an option, so it is read as the value and its own
 * check words the problem.
 */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const next = argv[index + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? '').trimEnd().replace(/\.$/, '');
}

/**
 * Each flag's value on its own (`--app-type bot`, `--api-host https://x`),
 * with the words of the settings' errors. Whether the flags go together is
 * checked with the project's settings, which they override key by key.
 */
function checkFlagValues(flagSettings: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(flagSettings)) {
    // The boolean flags are valid values by construction; only their combinations can be wrong.
    if (typeof value === 'boolean') continue;
    try {
      parseFeishuSettings({ [key]: value }, FLAG_SPELLING);
    } catch (error) {
      if (error instanceof FeishuSettingsError) throw new AuditError(error.message.replace(/^eslint-plugin-feishu: /, ''));
      throw error;
    }
  }
}

/** Every option the command line takes (`--help` and docs/audit.md describe each one). */
export const OPTIONS = {
  'app-type': { type: 'string' },
  'linked-organization': { type: 'boolean' },
  'external-sharing': { type: 'boolean' },
  'api-host': { type: 'string', multiple: true },
  'assume-open-platform': { type: 'boolean' },
  locale: { type: 'string' },
  'report-guarded': { type: 'boolean' },
  'use-eslint-config': { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'max-findings': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
}

/** The flags as `settings.feishu`: absent flags stay absent, as unset settings do. */
function settingsOf(values: ReturnType<typeof parse>['values']): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (values['app-type'] !== undefined) raw.appType = values['app-type'];
  if (values['linked-organization'] === true) raw.linkedOrganization = true;
  if (values['external-sharing'] === true) raw.externalSharing = true;
  if (values['api-host'] !== undefined) raw.apiHosts = values['api-host'];
  if (values['assume-open-platform'] === true) raw.assumeOpenPlatform = true;
  if (values.locale !== undefined) raw.locale = values.locale;
  if (values['report-guarded'] === true) raw.reportGuarded = true;
  return raw;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AuditError(`${flag} must be ${allowed.map((a) => `'${a}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}; got ${show(value)}.`);
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === '') throw new AuditError(`${flag} needs a file name; got ''.`);
  return value;
}

function count(flag: string, value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,9}$/.test(value)) throw new AuditError(`${flag} must be a whole number, 0 or more; got ${show(value)}.`);
  return Number(value);
}
