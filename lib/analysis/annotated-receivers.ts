import type { TSESTree } from '@typescript-eslint/utils';
import { SDK_RECEIVER_TYPES, type SdkReceiverKind } from '../catalog';
import { importEqualsModule, resolveVariable, unwrap, type Expression, type Node, type SourceCode } from '../syntax/ast';

/**
 * The SDK receiver a value's written type annotation names, without type
 * information (docs/spec/behaviour.md#what-counts-as-a-finding): a parameter,
 * variable or class field annotated `LarkChannel`, `EventDispatcher` or `Client`
 * imported from `@larksuiteoapi/node-sdk` (`lark.Client` through a namespace or
 * default import, or `import lark = require(…)`), or `LarkChannel` from
 * `@larksuite/channel`. `x?: T`, `T | undefined` and `T | null` count too.
 * Undefined when no annotation says.
 */
export function annotatedSdkKind(sourceCode: SourceCode, expression: Expression): SdkReceiverKind | undefined {
  const node = unwrap(expression);
  const annotation = node.type === 'Identifier' ? variableAnnotation(sourceCode, node) : node.type === 'MemberExpression' ? fieldAnnotation(node) : undefined;
  return annotation === undefined ? undefined : kindOfType(sourceCode, annotation);
}

/** The annotation of a parameter or variable declared once: `(channel: LarkChannel)`, `let d: EventDispatcher`. */
function variableAnnotation(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const name = variable.defs[0]!.name as TSESTree.Identifier;
  return name.typeAnnotation?.typeAnnotation;
}

/** The annotation of the class field `this.<name>` reads: a property, or a constructor parameter property. */
function fieldAnnotation(member: TSESTree.MemberExpression): TSESTree.TypeNode | undefined {
  if (member.computed || member.property.type !== 'Identifier' || unwrap(member.object).type !== 'ThisExpression') return undefined;
  const name = member.property.name;
  const body = enclosingClassBody(member);
  for (const element of body?.body ?? []) {
    if (element.type === 'PropertyDefinition' && !element.computed && element.key.type === 'Identifier' && element.key.name === name && !element.static) {
      return element.typeAnnotation?.typeAnnotation;
    }
    if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== 'TSParameterProperty') continue;
        const target = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
        if (target.type === 'Identifier' && target.name === name) return target.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return undefined;
}

/** The class body whose `this` a node sees: through arrow functions and up to the method or field it is in. */
function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current;
    if ((current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') && current.parent?.type !== 'MethodDefinition') return undefined;
  }
  return undefined;
}

function kindOfType(sourceCode: SourceCode, type: TSESTree.TypeNode): SdkReceiverKind | undefined {
  if (type.type === 'TSUnionType') {
    const kinds = new Set(type.types.filter((part) => part.type !== 'TSUndefinedKeyword' && part.type !== 'TSNullKeyword').map((part) => kindOfType(sourceCode, part)));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  }
  if (type.type !== 'TSTypeReference') return undefined;
  const name = type.typeName;
  if (name.type === 'Identifier') {
    // `LarkChannel`, imported by name (also renamed: `import { LarkChannel as Channel }`).
    const origin = importOf(sourceCode, name);
    return origin?.imported === undefined ? undefined : kindOf(origin.module, origin.imported);
  }
  if (name.type === 'TSQualifiedName' && name.left.type === 'Identifier') {
    // `lark.Client` through `import * as lark` or `import lark from`.
    const origin = importOf(sourceCode, name.left);
    return origin === undefined || origin.imported !== undefined ? undefined : kindOf(origin.module, name.right.name);
  }
  return undefined;
}

/** The module and export an identifier imports (`imported` undefined for a namespace or default import), or undefined. */
function importOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): { module: string; imported: string | undefined } | undefined {
  const variable = resolveVariable(sourceCode, identifier);
  if (variable?.defs.length !== 1) return undefined;
  const specifier = variable.defs[0]!.node as Node;
  // `import lark = require('@larksuiteoapi/node-sdk')`: the module's namespace, as `import * as lark`.
  if (specifier.type === 'TSImportEqualsDeclaration') {
    const module = importEqualsModule(specifier);
    return module === undefined ? undefined : { module, imported: undefined };
  }
  const declaration = specifier.parent;
  if (declaration?.type !== 'ImportDeclaration') return undefined;
  const module = declaration.source.value;
  if (specifier.type === 'ImportSpecifier') {
    return { module, imported: specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value };
  }
  return specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier' ? { module, imported: undefined } : undefined;
}

function kindOf(module: string, name: string): SdkReceiverKind | undefined {
  return SDK_RECEIVER_TYPES.find((type) => type.module === module && type.name === name)?.kind;
}
