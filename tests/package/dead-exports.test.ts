import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// Every export of lib/ is used by another file (of lib/, tests/ or scripts/),
// or is the package's public surface: an export nobody imports is dead code
// that still looks like part of a contract.

const root = path.resolve(__dirname, '../..');
/** The package's public entry points: what they export is for users. */
const PUBLIC = new Set(['lib/index.ts', 'lib/types.ts', 'lib/cli.ts']);

function files(directory: string, extension: RegExp): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'fixtures', 'corpus'].includes(entry.name) ? [] : files(full, extension);
    return extension.test(entry.name) ? [full] : [];
  });
}

/**
 * The exports of each lib/ module that no other file uses: a symbol counts as
 * used when an identifier in another file resolves to it (through imports,
 * re-exports and namespace imports), or when a script (which reads dist/)
 * names it.
 */
function deadExports(program: ts.Program, scriptText: string): string[] {
  const checker = program.getTypeChecker();
  const original = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const usedFrom = new Map<ts.Symbol, Set<string>>();
  // A type a module's exported declarations use (`createRule(): FeishuRuleModule`) is part of their API.
  const inExportedSignature = new Set<ts.Symbol>();
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const sources = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));
  for (const file of sources) {
    const visit = (node: ts.Node, exportedDeclaration: ts.Node | undefined): void => {
      // `export { X } from './x'` passes X on; only a use counts.
      if (ts.isIdentifier(node) && !ts.isExportSpecifier(node.parent)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol !== undefined) {
          const target = original(symbol);
          let users = usedFrom.get(target);
          if (users === undefined) usedFrom.set(target, (users = new Set()));
          users.add(file.fileName);
          const declaration = target.declarations?.[0];
          if (exportedDeclaration !== undefined && declaration !== undefined && !isWithin(declaration, exportedDeclaration)) inExportedSignature.add(target);
        }
      }
      ts.forEachChild(node, (child) => visit(child, exportedDeclaration ?? (isExported(child) ? child : undefined)));
    };
    visit(file, undefined);
  }
  const dead: string[] = [];
  for (const file of sources) {
    const relative = path.relative(root, file.fileName);
    if (!relative.startsWith('lib/') || PUBLIC.has(relative)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = original(exported);
      const declaredIn = target.declarations?.[0]?.getSourceFile().fileName;
      // A re-export (`export { X } from './x'`) is checked where X is declared.
      if (declaredIn !== file.fileName) continue;
      const users = [...(usedFrom.get(target) ?? [])].filter((user) => user !== file.fileName);
      if (users.length === 0 && !inExportedSignature.has(target) && !new RegExp(`\\b${exported.name}\\b`).test(scriptText)) dead.push(`${relative}: ${exported.name}`);
    }
  }
  return dead.sort();
}

function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) if (current === ancestor) return true;
  return false;
}

function programOf(fileNames: string[]): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return ts.createProgram(fileNames, { ...config!.options, noEmit: true });
}

describe('exports', () => {
  let program: ts.Program;
  let scriptText: string;
  beforeAll(() => {
    program = programOf([...files(path.join(root, 'lib'), /\.ts$/), ...files(path.join(root, 'tests'), /\.(?:ts|mts|cts)$/)]);
    scriptText = files(path.join(root, 'scripts'), /\.m?js$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
  });

  it('of lib/ are each used by another file, or public', () => {
    expect(deadExports(program, scriptText)).toEqual([]);
  }, 120_000);

  it('a dead one is found', () => {
    const probe = path.join(root, 'lib/catalog/open-platform.ts');
    const host = ts.createCompilerHost({});
    const readFile = host.readFile;
    host.readFile = (name) => (name === probe ? `${readFile(name)}\nexport const NEVER_IMPORTED_PROBE = 1;\n` : readFile(name));
    const probed = ts.createProgram([probe, path.join(root, 'lib/catalog/index.ts'), path.join(root, 'lib/analysis/evidence.ts')], { noEmit: true }, host);
    expect(deadExports(probed, '')).toContain('lib/catalog/open-platform.ts: NEVER_IMPORTED_PROBE');
  }, 120_000);
});
