import type { TSESLint } from '@typescript-eslint/utils';
import { invalidSettingsMessage } from '../../messages';
import { readFeishuSettings, type FeishuSettings, type SettingsReading } from '../../settings';

/**
 * Invalid settings are one report per file, never a throw
 * (docs/spec/behaviour.md#settings): the first feishu rule ESLint creates for
 * a file reports them at 1:1, and every feishu rule reports nothing else
 * there. The rules find each other through the file's SourceCode, the one
 * object all of them get in ESLint 8, 9 and 10.
 */
interface FileState {
  readonly reading: SettingsReading;
  /** The configured id of the rule that reports the settings (`feishu/no-legacy-message-chat-api`). */
  reporter: string;
  /** The rules created for this file so far: one created twice means a new lint of the same SourceCode. */
  readonly created: Set<string>;
}

const files = new WeakMap<object, FileState>();

/** The messageId of the settings report: every rule of the plugin has it. */
export const INVALID_SETTINGS = 'invalidSettings';

/**
 * `create` for the file's valid settings, or, when they are invalid, a
 * listener that reports them (the file's first feishu rule) or nothing.
 */
export function withSettings<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId | typeof INVALID_SETTINGS, readonly unknown[]>>,
  create: (settings: FeishuSettings) => TSESLint.RuleListener,
): TSESLint.RuleListener {
  const state = fileState(context);
  if (state.reading.problems.length === 0) return create(state.reading.settings);
  if (state.reporter !== context.id) return {};
  const message = invalidSettingsMessage(state.reading.problems, state.reading.locale);
  return {
    Program() {
      context.report({ loc: { line: 1, column: 0 }, messageId: INVALID_SETTINGS, data: { message } });
    },
  };
}

function fileState(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileState {
  const key = context.sourceCode;
  const known = files.get(key);
  if (known !== undefined && !known.created.has(context.id)) {
    known.created.add(context.id);
    return known;
  }
  // The first rule of this lint of the file: read the settings (cheap: cached by content).
  const state: FileState = { reading: readFeishuSettings(context.settings), reporter: context.id, created: new Set([context.id]) };
  files.set(key, state);
  return state;
}
