import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { bindingReadBy, initializerOf } from '../../analysis/const-bindings';
import { fileScope, StringEvaluator } from '../../analysis/string-value';
import { UNKNOWN } from '../../matcher';
import { staticKey, unwrapValue, type Expression, type Node, type SourceCode } from '../../syntax/ast';
import { readRegularFile } from '../safe-read';
import { computed, SPREAD_PREFIX } from './config-value';

/** What the reader needs of ESLint: its `Linter`, to parse the config and analyse its scopes (it runs nothing). */
export interface ConfigParsing {
  /** Loaded only when there is a config to read. */
  readonly Linter: () => new (options?: { configType?: 'flat' | 'eslintrc'; cwd?: string }) => Linter;
  /** The TypeScript parser, for `eslint.config.ts`, loaded when one is read; undefined when none can be. */
  readonly typescriptParser: () => Linter.Parser | undefined;
  /** Where positions in the notes are relative to. */
  readonly cwd: string;
}

const MAX_DEPTH = 50;

/**
 * The value a JavaScript or TypeScript config file exports, read without
 * running it (docs/audit.md#the-projects-own-settings): literals, `const`
 * bindings and members of `const` objects, strings built with the plugin's
 * own evaluator, arrays and objects of these, `defineConfig(…)` and
 * `tseslint.config(…)` as the list of their arguments. Whatever else the code
 * computes (a call, an import, a `let`) is a marker naming where it is.
 */
export function readCodeConfig(file: string, kind: 'flat' | 'eslintrc', parsing: ConfigParsing): { value: unknown } | { problem: string } {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const typescript = /\.[cm]?ts$/.test(file);
  const typescriptParser = typescript ? parsing.typescriptParser() : undefined;
  if (typescript && typescriptParser === undefined) return { problem: 'a TypeScript config needs a TypeScript parser, and none could be loaded' };
  const shown = path.relative(parsing.cwd, file).split(path.sep).join('/');
  let value: { value: unknown } | { problem: string } = { problem: 'it exports nothing the audit can find (no export default, no module.exports)' };
  const reader: Linter.Config = {
    files: ['**/*'],
    plugins: {
      'feishu-audit': {
        rules: {
          read: {
            create(context) {
              return {
                'Program:exit'(program: unknown) {
                  const exported = exportedExpression(program as TSESTree.Program, kind);
                  if (exported !== undefined) value = { value: new StaticReader(context.sourceCode as unknown as SourceCode, shown).read(exported) };
                },
              };
            },
          },
        },
      },
    },
    rules: { 'feishu-audit/read': 'error' },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : 'module',
      ...(typescriptParser === undefined ? {} : { parser: typescriptParser }),
    },
    linterOptions: { reportUnusedDisableDirectives: false },
  };
  const LinterClass = parsing.Linter();
  const linter = new LinterClass({ configType: 'flat', cwd: path.dirname(file) });
  let messages = linter.verify(text, [reader], { filename: file, allowInlineConfig: false } as never);
  // A .js config that is CommonJS with module-only errors (`with`, legacy octal): read it as a script.
  if (messages.some((message) => message.fatal) && !typescript) {
    messages = linter.verify(text, [{ ...reader, languageOptions: { ...reader.languageOptions, sourceType: 'commonjs' } }], { filename: file, allowInlineConfig: false } as never);
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal !== undefined) return { problem: `${fatal.message} (${fatal.line}:${fatal.column})` };
  return value;
}

/** `export default X`, `module.exports = X`: the expression the config hands ESLint. */
function exportedExpression(program: TSESTree.Program, kind: 'flat' | 'eslintrc'): Expression | undefined {
  let found: Expression | undefined;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && kind === 'flat' && statement.declaration.type !== 'FunctionDeclaration') {
      found = statement.declaration as Expression;
    } else if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression' &&
      statement.expression.operator === '=' &&
      isModuleExports(statement.expression.left)
    ) {
      found = statement.expression.right;
    }
  }
  return found;
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

/** `defineConfig(…)`, `tseslint.config(…)`, `config(…)`: helpers that return their arguments as one flat list. */
function isConfigHelper(node: TSESTree.CallExpression): boolean {
  const callee = node.callee.type === 'MemberExpression' && !node.callee.computed ? node.callee.property : node.callee;
  return callee.type === 'Identifier' && /^(defineConfig|config|defineFlatConfig)$/.test(callee.name);
}

class StaticReader {
  private readonly strings: StringEvaluator;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly file: string,
  ) {
    // No other file is read: an imported value is computed, as the config's imports are never loaded.
    this.strings = new StringEvaluator(fileScope(sourceCode, () => undefined));
  }

  read(node: Expression): unknown {
    return this.value(node, 0);
  }

  private where(node: Node): string {
    return `${this.file}:${node.loc.start.line}:${node.loc.start.column + 1}`;
  }

  private value(expression: Expression, depth: number): unknown {
    const node = unwrapValue(expression);
    if (depth > MAX_DEPTH) return computed(this.where(node));
    switch (node.type) {
      case 'Literal':
        return node.value instanceof RegExp || typeof node.value === 'bigint' ? computed(this.where(node)) : node.value;
      case 'TemplateLiteral':
      case 'BinaryExpression':
        return this.string(node);
      case 'Identifier':
        if (node.name === 'undefined') return undefined;
        return this.binding(node, depth);
      case 'MemberExpression':
        return this.binding(node, depth);
      case 'ArrayExpression': {
        const items: unknown[] = [];
        for (const element of node.elements) {
          if (element === null) items.push(undefined);
          else if (element.type === 'SpreadElement') {
            const spread = this.value(element.argument, depth + 1);
            if (Array.isArray(spread)) items.push(...(spread as unknown[]));
            else items.push(spread);
          } else items.push(this.value(element, depth + 1));
        }
        return items;
      }
      case 'ObjectExpression':
        return this.object(node, depth);
      case 'CallExpression':
        if (isConfigHelper(node)) {
          return node.arguments.flatMap((argument) => {
            const value = this.value(argument.type === 'SpreadElement' ? argument.argument : argument, depth + 1);
            return Array.isArray(value) ? (value as unknown[]).flat(Infinity) : [value];
          });
        }
        return computed(this.where(node));
      default:
        return computed(this.where(node));
    }
  }

  private string(node: Expression): unknown {
    const { text } = this.strings.evaluate(node);
    return text === undefined || text.includes(UNKNOWN) ? computed(this.where(node)) : text;
  }

  /** A `const` binding or a member of a `const` object: its initializer's value; anything else is computed. */
  private binding(node: TSESTree.Identifier | TSESTree.MemberExpression, depth: number): unknown {
    const bound = bindingReadBy(this.sourceCode, node);
    const initializer = bound === undefined ? undefined : initializerOf(this.sourceCode, bound);
    return initializer === undefined ? computed(this.where(node)) : this.value(initializer, depth + 1);
  }

  private object(node: TSESTree.ObjectExpression, depth: number): unknown {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.value(property.argument, depth + 1);
        // An object spread in: its keys, as literal as it is; an imported one hides nothing the audit reads but `settings`.
        if (spread !== null && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(object, spread);
        else object[`${SPREAD_PREFIX}${this.where(property)}`] = spread;
        continue;
      }
      const key = property.computed ? this.string(property.key as Expression) : staticKey(property);
      if (typeof key !== 'string') return computed(this.where(property));
      object[key] =
        property.value.type === 'AssignmentPattern' || property.kind !== 'init' || property.method
          ? computed(this.where(property))
          : this.value(property.value as Expression, depth + 1);
    }
    return object;
  }
}
