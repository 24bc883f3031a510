import type { HttpMethod } from '../catalog';
import { matchPath, type Route } from '../matcher';
import { isStringLiteral, nodeAtOffset, type Node, type SourceCode, type Variable } from './ast';
import { collectStringSites } from './string-sites';
import { StringEvaluator } from './string-value';

/** A place in the code that names a restricted endpoint. */
export interface EndpointFinding {
  /** Where the report lands: the outermost string-building expression. */
  readonly node: Node;
  readonly route: Route;
  /** The HTTP method the surrounding call uses, when the code says it. */
  readonly method: HttpMethod | undefined;
}

/** Every Open Platform URL has this segment; a file without the text has nothing to find. */
const MARKER = 'open-apis';

/**
 * Finds the string sites of a file that name a catalog route. Work starts only
 * where the file's text holds the marker: each hit is located in the tree by a
 * binary-search descent, widened to its outermost string-building expression,
 * and followed through `const` bindings to the expressions that use it.
 */
export function findEndpoints(sourceCode: SourceCode): EndpointFinding[] {
  const seeds = markerSeeds(sourceCode);
  if (seeds.length === 0) return [];

  const evaluator = new StringEvaluator(sourceCode);
  const constRoutes = new Map<Variable, Route | undefined>();
  const routeOfConst = (variable: Variable): Route | undefined => {
    if (!constRoutes.has(variable)) constRoutes.set(variable, routeOf(evaluator.valueOfConst(variable)?.text));
    return constRoutes.get(variable);
  };

  const findings: EndpointFinding[] = [];
  for (const site of collectStringSites(sourceCode, seeds)) {
    const value = evaluator.evaluate(site);
    const route = routeOf(value.text);
    if (route === undefined) continue;
    // A const that names the route on its own is reported once, at its declaration.
    if (value.consts.some((variable) => routeOfConst(variable) === route)) continue;
    findings.push({ node: site, route, method: undefined });
  }
  return findings;
}

function routeOf(text: string | undefined): Route | undefined {
  if (text === undefined) return undefined;
  const match = matchPath(text);
  return match?.hasOpenApis === true ? match.route : undefined;
}

/**
 * A string literal that is a value the program can send: not a literal type
 * (`type Route = '/open-apis/…'`), not a module specifier.
 */
function isRuntimeValue(literal: Node): boolean {
  const parent = literal.parent;
  if (parent === undefined) return true;
  switch (parent.type) {
    case 'CallExpression':
      return !(parent.callee.type === 'Identifier' && parent.callee.name === 'require' && parent.arguments[0] === literal);
    case 'TSLiteralType':
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
    case 'TSImportType':
      return false;
    default:
      return true;
  }
}

/** The string literals and template literals whose text holds the marker. */
function markerSeeds(sourceCode: SourceCode): Node[] {
  const { text, ast, visitorKeys } = sourceCode;
  const seeds: Node[] = [];
  let index = text.indexOf(MARKER);
  while (index !== -1) {
    const node = nodeAtOffset(ast, index, visitorKeys);
    let next = index + MARKER.length;
    if (isStringLiteral(node) && isRuntimeValue(node)) {
      seeds.push(node);
      next = node.range[1];
    } else if (node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral') {
      seeds.push(node.parent);
      next = node.range[1];
    }
    index = text.indexOf(MARKER, next);
  }
  return seeds;
}
