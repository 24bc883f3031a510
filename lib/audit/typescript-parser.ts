import path from 'node:path';
import type { Linter } from 'eslint';
import { AuditError } from './audit-error';

const PARSER = '@typescript-eslint/parser';

/**
 * `@typescript-eslint/parser`, from beside the plugin (an `npx -p` install)
 * or from the audited project. The plugin does not depend on it, so that
 * JavaScript projects never install TypeScript; when TypeScript files need it
 * and it is missing, the AuditError says what to install.
 */
export function loadTypeScriptParser(typescriptFiles: number, cwd: string): Linter.Parser {
  const missing = (what: string) =>
    new AuditError(
      `${typescriptFiles} TypeScript file${typescriptFiles === 1 ? '' : 's'} need${typescriptFiles === 1 ? 's' : ''} ${what}, ` +
        'which is not installed: run npm install --save-dev @typescript-eslint/parser typescript, ' +
        'or audit without installing: npx -p eslint-plugin-feishu -p @typescript-eslint/parser -p typescript eslint-plugin-feishu audit',
    );
  let resolved: string | undefined;
  for (const from of [__dirname, cwd]) {
    try {
      resolved = require.resolve(PARSER, { paths: [from] });
      break;
    } catch {
      // not installed there
    }
  }
  if (resolved === undefined) throw missing(PARSER);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time, optional
    return require(resolved) as Linter.Parser;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /'typescript'/.test((error as Error).message)) {
      throw missing('typescript (for @typescript-eslint/parser)');
    }
    throw new AuditError(`${PARSER} at ${path.dirname(resolved)} cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
}
