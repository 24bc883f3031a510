import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { plugin } from '../../lib/plugin';

export interface LintMessage {
  ruleId: string | null;
  messageId: string | undefined;
  message: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
}

/**
 * Lints TypeScript `code` with every rule of the plugin on, through ESLint's
 * Linter, and returns the messages (fatal parse errors throw).
 */
export function lint(
  code: string,
  {
    settings,
    rules,
  }: { settings?: Record<string, unknown>; rules?: Linter.RulesRecord } = {},
): LintMessage[] {
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { ...plugin.configs.recommended, files: ['**/*.ts'] },
      { files: ['**/*.ts'], ...(rules === undefined ? {} : { rules }), ...(settings === undefined ? {} : { settings }) },
    ],
    'file.ts',
  );
  for (const message of messages) {
    if (message.fatal === true) throw new Error(`parse error: ${message.message}`);
  }
  return messages.map((m) => ({
    ruleId: m.ruleId,
    messageId: m.messageId,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  }));
}
