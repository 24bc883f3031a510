import type { TSESTree } from '@typescript-eslint/utils';
import { UNKNOWN } from '../../matcher';
import { propertyValue, staticKey, unwrapValue, type Expression } from '../../syntax/ast';
import { work } from '../../syntax/work';
import type { FileContext, ModuleParser } from '../file-context';
import { literalValue, StringEvaluator, type StringValue, type ValueScope } from '../string-value';
import { NAMESPACE, requiredFrom, summarizeModule, type ImportOrigin, type ModuleSummary } from './module-summary';
import { parseModule } from './parse-module';
import { resolveModule } from './resolve-module';
import { StampedCache, type Stamps } from './stamped-files';

/**
 * Re-export chains and imports of imports are followed this many files deep;
 * deeper, and around cycles, a value is an unknown piece
 * (docs/behaviour-decisions.md#constants-imported-from-other-files).
 */
export const MAX_IMPORT_DEPTH = 10;

/** Re-export syntax: a barrel passes values on without writing any (`export * from`, `export { A } from`, `module.exports = require(…)`). */
const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\}\s*from\b)|\bmodule\.exports\s*=\s*require\s*\(/;

/** Values in progress at once (`const a2 = a1 + 'x'` in progress while `a1` is): the stack stays far from its limit. */
const MAX_NESTED_VALUES = 100;

/** One file's text, its tree and summary per parser (parsed on first need), and what text tests said of it. */
interface ModuleRecord {
  readonly text: string;
  readonly parsed: Map<ModuleParser | undefined, ParsedModule | null>;
  readonly accepted: WeakMap<(text: string) => boolean, boolean>;
}

interface ParsedModule {
  readonly file: string;
  readonly summary: ModuleSummary;
}

// Per thread: each file is read and parsed at most once while its path, mtime and size are unchanged.
const records = new StampedCache<ModuleRecord>((_, text) => ({ text, parsed: new Map(), accepted: new WeakMap() }));

/**
 * The values other files of the project export, as one linted file needs
 * them: only the exports a string site reads are evaluated, each once per
 * linted file (an edited constants file is seen on the next lint).
 */
export class ModuleValues {
  private readonly values = new Map<string, StringValue | undefined>();
  private readonly evaluating = new Set<string>();
  private readonly resolved = new Map<string, string | undefined>();

  /**
   * @param mayProvide when given, a file whose text it rejects is not parsed:
   *   its values are unknown (the cheap test before following a bare read).
   *   Its verdict on a file is kept with the file: pass the same function each time.
   * @param stamps the stamps read while linting this file, shared with the file's other ModuleValues.
   */
  constructor(
    private readonly context: FileContext,
    private readonly mayProvide: ((text: string) => boolean) | undefined,
    private readonly stamps: Stamps,
  ) {}

  /** The value of `path` (`['chat', 'info']`) inside what `origin` imports into the file `importer`. */
  valueOfImport(origin: ImportOrigin, importer: string, path: readonly string[], depth = 0): StringValue | undefined {
    if (depth >= MAX_IMPORT_DEPTH) return undefined;
    // A namespace is an object: only its members can be strings.
    if (origin.name === NAMESPACE && path.length === 0) return undefined;
    const file = this.resolvedFile(origin.specifier, importer);
    if (file === undefined) return undefined;
    const [name, rest] = origin.name === NAMESPACE ? [path[0]!, path.slice(1)] : [origin.name, path];
    return this.valueOfExport(file, name, rest, depth + 1);
  }

  /**
   * Whether anything `origin` imports into the file `importer` may have a
   * value: its file is found, and mayProvide accepts its text. When not, every
   * value read through it is unknown, so its reads need no following. Parses nothing.
   */
  mayHaveValues(origin: ImportOrigin, importer: string): boolean {
    const file = this.resolvedFile(origin.specifier, importer);
    return file !== undefined && this.acceptedRecord(file) !== undefined;
  }

  /** Where `specifier` points from `importer`, resolved once per linted file. */
  private resolvedFile(specifier: string, importer: string): string | undefined {
    const key = `${importer}\u0000${specifier}`;
    if (!this.resolved.has(key)) this.resolved.set(key, resolveModule(specifier, importer, this.stamps));
    return this.resolved.get(key);
  }

  private valueOfExport(file: string, name: string, path: readonly string[], depth: number): StringValue | undefined {
    return this.memo(`${file}\u0000export\u0000${name}\u0000${path.join('\u0000')}`, () => {
      const module = this.load(file);
      if (module === undefined) return undefined;
      const { summary } = module;
      const target = summary.exports.get(name);
      if (target?.kind === 'local') return this.valueOfLocal(module, target.name, path, depth);
      if (target?.kind === 'value') return this.valueIn(module, target.expression, path, depth);
      if (target?.kind === 'reexport') return this.valueOfImport(target.origin, file, path, depth);
      // CommonJS: `module.exports = { … }` is the default export, and its members the named ones.
      if (summary.commonJsExport !== undefined) {
        return this.valueIn(module, summary.commonJsExport, name === 'default' ? path : [name, ...path], depth);
      }
      if (name === 'default') return undefined;
      for (const specifier of summary.exportAll) {
        const value = this.valueOfImport({ specifier, name }, file, path, depth);
        if (value !== undefined) return value;
      }
      return undefined;
    });
  }

  /** A top-level name of the module: a `const`, a string enum, a `declare const`, or an import. */
  private valueOfLocal(module: ParsedModule, name: string, path: readonly string[], depth: number): StringValue | undefined {
    return this.memo(`${module.file}\u0000local\u0000${name}\u0000${path.join('\u0000')}`, () => {
      const { summary } = module;
      const initializer = summary.consts.get(name);
      if (initializer !== undefined) return this.valueIn(module, initializer, path, depth);
      const member = path.length === 1 ? summary.enums.get(name)?.get(path[0]!) : undefined;
      if (member !== undefined) return literalValue(member);
      const declared = path.length === 0 ? summary.declared.get(name) : undefined;
      if (declared !== undefined) return literalValue(declared);
      const origin = summary.imports.get(name);
      return origin === undefined ? undefined : this.valueOfImport(origin, module.file, path, depth);
    });
  }

  /** The value at `path` inside `expression`: through object literals, names, member chains and `require(…)`. */
  private valueIn(module: ParsedModule, expression: Expression, path: readonly string[], depth: number): StringValue | undefined {
    let node = unwrapValue(expression);
    let rest = path;
    for (;;) {
      if (rest.length === 0 && node.type !== 'Identifier' && node.type !== 'MemberExpression') {
        return known(new StringEvaluator(this.scopeOf(module, depth)).evaluatePiece(node, 0));
      }
      if (node.type === 'ObjectExpression' && rest.length > 0) {
        const value = propertyValue(node, rest[0]!);
        if (value === undefined) return undefined;
        node = unwrapValue(value);
        rest = rest.slice(1);
      } else if (node.type === 'Identifier') {
        return this.valueOfLocal(module, node.name, rest, depth);
      } else if (node.type === 'MemberExpression') {
        const required = requiredFrom(node);
        if (required !== undefined) return this.valueOfImport(required, module.file, rest, depth);
        const key = staticKey(node);
        if (key === undefined) return undefined;
        node = unwrapValue(node.object);
        rest = [key, ...rest];
      } else if (node.type === 'CallExpression') {
        const required = requiredFrom(node);
        return required === undefined ? undefined : this.valueOfImport(required, module.file, rest, depth);
      } else {
        return undefined;
      }
    }
  }

  /** The names of another module's expression: its top level, imports followed one file deeper. */
  private scopeOf(module: ParsedModule, depth: number): ValueScope {
    return {
      bindingRead: () => undefined,
      initializerOf: () => undefined,
      imported: (node) => {
        const chain = staticChain(node);
        if (chain === undefined) return undefined;
        // `exports.X` and `module.exports.X` read the module's own exports.
        const own = module.summary.declaredNames.has(chain.root) ? undefined : ownExport(chain);
        if (own !== undefined) return own.length === 0 ? undefined : this.valueOfExport(module.file, own[0]!, own.slice(1), depth);
        return this.valueOfLocal(module, chain.root, chain.path, depth);
      },
      isGlobal: (identifier) => !module.summary.declaredNames.has(identifier.name),
    };
  }

  private load(file: string): ParsedModule | undefined {
    const record = this.acceptedRecord(file);
    if (record === undefined) return undefined;
    const parser = this.context.parser;
    let parsed = record.parsed.get(parser);
    if (parsed === undefined) {
      work.parsedImports++;
      const ast = parseModule(file, record.text, this.context);
      parsed = ast === undefined ? null : { file, summary: summarizeModule(ast) };
      record.parsed.set(parser, parsed);
    }
    return parsed ?? undefined;
  }

  /**
   * The file's record, if it is there, small enough and accepted by mayProvide:
   * its `stat` read once per linted file (`stamps`), which sees an edit on its next lint.
   */
  private acceptedRecord(file: string): ModuleRecord | undefined {
    const record = records.get(file, this.stamps);
    if (record === undefined || this.mayProvide === undefined) return record;
    let accepted = record.accepted.get(this.mayProvide);
    if (accepted === undefined) {
      accepted = this.mayProvide(record.text) || REEXPORT.test(record.text);
      record.accepted.set(this.mayProvide, accepted);
    }
    return accepted ? record : undefined;
  }

  /**
   * Each value once per linted file; a value asked for while it is being
   * computed (a cycle), or past `MAX_NESTED_VALUES` values in progress, is unknown.
   */
  private memo(key: string, compute: () => StringValue | undefined): StringValue | undefined {
    if (this.values.has(key)) return this.values.get(key);
    if (this.evaluating.has(key) || this.evaluating.size >= MAX_NESTED_VALUES) return undefined;
    this.evaluating.add(key);
    const value = compute();
    this.evaluating.delete(key);
    this.values.set(key, value);
    return value;
  }
}

/** The export path a read of the module's own exports names (`exports.X.y` is `['X', 'y']`), or undefined. */
function ownExport({ root, path }: { root: string; path: string[] }): string[] | undefined {
  if (root === 'exports') return path;
  return root === 'module' && path[0] === 'exports' ? path.slice(1) : undefined;
}

/** A value that says nothing (an unknown piece alone) is no value. */
function known(value: StringValue): StringValue | undefined {
  return value.text === UNKNOWN && !value.isString ? undefined : { text: value.text, isString: value.isString, bindings: [] };
}

/** `X` or `X.a.b` with static keys: the root name and the keys. */
export function staticChain(node: TSESTree.Identifier | TSESTree.MemberExpression): { root: string; path: string[] } | undefined {
  const path: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === 'MemberExpression') {
    const key = staticKey(current);
    if (key === undefined) return undefined;
    path.unshift(key);
    current = unwrapValue(current.object);
  }
  return current.type === 'Identifier' ? { root: current.name, path } : undefined;
}
