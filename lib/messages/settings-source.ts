import { SETTING_FLAGS, type SettingKey } from '../settings/problems';
import type { RuleSwitch, SettingsNote, SettingsSource } from './types';

/** A setting's value as the config writes it: `'store'`, `true`, `['a.example', 'b.example']`. */
function value(raw: unknown): string {
  if (typeof raw === 'string') return `'${raw}'`;
  if (Array.isArray(raw)) return `[${raw.map(value).join(', ')}]`;
  return String(raw);
}

/** `--app-type store`: a setting given as a flag, written as the flag. */
function flag({ key, value: raw }: SettingsSource['keys'][number]): string {
  const name = Object.hasOwn(SETTING_FLAGS, key) ? SETTING_FLAGS[key as SettingKey] : key;
  if (typeof raw === 'boolean') return name;
  if (Array.isArray(raw)) return raw.map((host) => `${name} ${String(host)}`).join(' ');
  return `${name} ${String(raw)}`;
}

/** `appType 'store', locale 'zh-CN' (.eslintrc.json); --external-sharing`: the settings grouped by where they came from. */
function settings(keys: SettingsSource['keys'], separator: string): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const text = key.from === 'flags' ? flag(key) : `${key.key} ${value(key.value)}`;
    groups.set(key.from, [...(groups.get(key.from) ?? []), text]);
  }
  return [...groups].map(([from, texts]) => (from === 'flags' ? texts.join(' ') : `${texts.join(', ')} (${from})`)).join(separator);
}

/** A note that says why the config's settings.feishu was not used (the others are about its rules). */
function isSettingsNote(note: SettingsNote): boolean {
  return note.kind !== 'rule-computed' && note.kind !== 'rule-invalid';
}

function files(list: readonly string[]): string {
  return list.join(', ');
}

function some(names: readonly string[], count: number, more: (n: number) => string): string {
  return count > names.length ? `${files(names)} ${more(count - names.length)}` : files(names);
}

export function settingsSourceEn(source: SettingsSource): string[] {
  const lines: string[] = [];
  lines.push(`Settings: ${source.keys.length === 0 ? 'the defaults' : settings(source.keys, '; ')}.`);
  if (source.configFiles.length === 0) {
    lines.push('No ESLint config applies to the audited files.');
  } else {
    const how = source.how === 'read' ? 'read, not run' : 'run: --use-eslint-config';
    const silent = !source.keys.some((key) => key.from !== 'flags') && source.overridden.length === 0 && !source.notes.some(isSettingsNote);
    const overridden = source.overridden.length === 0 ? '' : `; the flags override its ${source.overridden.join(', ')}`;
    lines.push(`ESLint config: ${files(source.configFiles)} (${how})${silent ? `: ${source.configFiles.length === 1 ? 'it sets' : 'they set'} no settings.feishu` : overridden}.`);
  }
  for (const note of source.notes) lines.push(noteEn(note));
  if (source.rules.length > 0) lines.push(`Honoured from the config: ${source.rules.map(ruleEn).join('; ')}.`);
  return lines;
}

export function noteEn(note: SettingsNote): string {
  switch (note.kind) {
    case 'computed':
      return `settings.feishu at ${note.where} is computed, and reading it would mean running the config: the flags apply instead (--use-eslint-config runs it).`;
    case 'broken':
      return `${note.file} cannot be used (${note.problem}): the flags apply instead.`;
    case 'differs':
      return (
        'The config gives settings.feishu different values for different files (' +
        note.groups.map((group) => `${group.value} for ${some(group.files, group.count, (n) => `and ${n} more`)}`).join('; ') +
        '): the flags apply instead.'
      );
    case 'conflict':
      return `The config's settings.feishu and the flags do not go together (${note.problem}): the flags apply alone.`;
    case 'run-failed':
      return `--use-eslint-config: the config could not be run (${note.problem}); it was read without running it instead.`;
    case 'rule-computed':
      return `${note.ruleId} at ${note.where} is computed: the rule stays on, with no allow list.`;
    case 'rule-invalid':
      return `${note.ruleId} in the config is invalid (${note.problem}): the rule stays on, with no allow list.`;
  }
}

function ruleEn(rule: RuleSwitch): string {
  const parts: string[] = [];
  if (rule.off > 0) parts.push(`off for ${rule.off === rule.of ? 'every file' : `${rule.off} of ${rule.of} files`}`);
  if (rule.allow.length > 0) {
    parts.push(`allows ${rule.allow.join(', ')}${rule.allowFiles === rule.of ? '' : ` for ${rule.allowFiles} of ${rule.of} files`}`);
  }
  return `${rule.ruleId} ${parts.join(', ')}`;
}

export function settingsSourceZh(source: SettingsSource): string[] {
  const lines: string[] = [];
  lines.push(`设置：${source.keys.length === 0 ? '默认值' : settings(source.keys, '；')}。`);
  if (source.configFiles.length === 0) {
    lines.push('被检查的文件没有适用的 ESLint 配置。');
  } else {
    const how = source.how === 'read' ? '已读取，未运行' : '已运行：--use-eslint-config';
    const silent = !source.keys.some((key) => key.from !== 'flags') && source.overridden.length === 0 && !source.notes.some(isSettingsNote);
    const overridden = source.overridden.length === 0 ? '' : `；命令行参数覆盖了其中的 ${source.overridden.join('、')}`;
    lines.push(`ESLint 配置：${files(source.configFiles)}（${how}）${silent ? '：其中没有 settings.feishu' : overridden}。`);
  }
  for (const note of source.notes) lines.push(noteZh(note));
  if (source.rules.length > 0) lines.push(`沿用配置中的规则设置：${source.rules.map(ruleZh).join('；')}。`);
  return lines;
}

export function noteZh(note: SettingsNote): string {
  switch (note.kind) {
    case 'computed':
      return `${note.where} 处的 settings.feishu 是计算出来的，要读取它就得运行配置：改用命令行参数（--use-eslint-config 会运行配置）。`;
    case 'broken':
      return `无法使用 ${note.file}（${note.problem}）：改用命令行参数。`;
    case 'differs':
      return (
        '配置对不同文件给出了不同的 settings.feishu（' +
        note.groups.map((group) => `${some(group.files, group.count, (n) => `等 ${n + group.files.length} 个文件`)}：${group.value}`).join('；') +
        '）：改用命令行参数。'
      );
    case 'conflict':
      return `配置中的 settings.feishu 与命令行参数互相矛盾（${note.problem}）：只使用命令行参数。`;
    case 'run-failed':
      return `--use-eslint-config：无法运行配置（${note.problem}），改为不运行、仅读取。`;
    case 'rule-computed':
      return `${note.where} 处的 ${note.ruleId} 是计算出来的：该规则保持开启，不使用 allow 列表。`;
    case 'rule-invalid':
      return `配置中的 ${note.ruleId} 无效（${note.problem}）：该规则保持开启，不使用 allow 列表。`;
  }
}

function ruleZh(rule: RuleSwitch): string {
  const parts: string[] = [];
  if (rule.off > 0) parts.push(rule.off === rule.of ? '对所有文件关闭' : `对 ${rule.of} 个文件中的 ${rule.off} 个关闭`);
  if (rule.allow.length > 0) {
    parts.push(`允许 ${rule.allow.join('、')}${rule.allowFiles === rule.of ? '' : `（${rule.of} 个文件中的 ${rule.allowFiles} 个）`}`);
  }
  return `${rule.ruleId} ${parts.join('，')}`;
}
