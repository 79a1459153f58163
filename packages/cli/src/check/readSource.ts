import * as path from 'node:path';
import type * as ts from 'typescript';
import { shapeOf } from './TsShape';
import type { TsShape } from './TsShape';

/** One parameter of a decorated method, as the source declares it. */
export interface SourceParam {
  name: string;
  optional: boolean;
  shape: TsShape;
  isContext: boolean;
  /** The JSDoc `@param` text. */
  doc?: string;
}

/** One `@Tool`, `@Prompt` or `@Resource` method, as the source declares it. */
export interface SourceMethod {
  className: string;
  methodName: string;
  decorator: 'Tool' | 'Prompt' | 'Resource';
  /** The decorator's options as written (`{ output: () => Foo }`), for telling what is set. */
  decoratorText: string;
  params: SourceParam[];
  returns: TsShape;
  /** The method's JSDoc summary. */
  doc?: string;
  /** `file:line` of the method. */
  location: string;
}

const DECORATORS = new Set(['Tool', 'Prompt', 'Resource']);

/**
 * Reads every decorated method of the classes in a file with the TypeScript compiler API (the
 * CLI's own TypeScript 5), types resolved through the file's imports.
 */
export function readSource(file: string): SourceMethod[] {
  const tsApi = require('typescript') as typeof ts;
  const program = tsApi.createProgram([file], {
    target: tsApi.ScriptTarget.ES2022,
    module: tsApi.ModuleKind.CommonJS,
    moduleResolution: tsApi.ModuleResolutionKind.Node10,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowJs: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) return [];
  const methods: SourceMethod[] = [];
  const visit = (node: ts.Node): void => {
    if (tsApi.isClassDeclaration(node) && node.name) {
      for (const member of node.members) {
        if (!tsApi.isMethodDeclaration(member) || !tsApi.isIdentifier(member.name)) continue;
        const decorator = (tsApi.getDecorators(member) ?? [])
          .map((d) => d.expression)
          .find((e) => tsApi.isCallExpression(e) && DECORATORS.has(e.expression.getText(source)));
        if (!decorator || !tsApi.isCallExpression(decorator)) continue;
        methods.push(readMethod(node.name.text, member, decorator, source, checker, tsApi, file));
      }
    }
    tsApi.forEachChild(node, visit);
  };
  visit(source);
  return methods;
}

function readMethod(
  className: string,
  member: ts.MethodDeclaration,
  decorator: ts.CallExpression,
  source: ts.SourceFile,
  checker: ts.TypeChecker,
  tsApi: typeof ts,
  file: string,
): SourceMethod {
  const params = member.parameters.map((p): SourceParam => {
    const type = checker.getTypeAtLocation(p);
    const typeName =
      p.type && tsApi.isTypeReferenceNode(p.type) ? p.type.typeName.getText(source) : undefined;
    const doc = tsApi
      .getJSDocParameterTags(p)
      .map((tag) => tsApi.getTextOfJSDocComment(tag.comment))
      .find((text) => text !== undefined && text.trim() !== '');
    const param: SourceParam = {
      name: p.name.getText(source),
      optional: p.questionToken !== undefined || p.initializer !== undefined,
      shape: shapeOf(type, checker, tsApi),
      isContext: typeName === 'Context',
    };
    if (doc) param.doc = doc.trim().replace(/^-\s*/, '');
    return param;
  });
  const signature = checker.getSignatureFromDeclaration(member);
  const returns = signature
    ? shapeOf(checker.getReturnTypeOfSignature(signature), checker, tsApi)
    : ({ kind: 'unknown' } as TsShape);
  const jsDoc = (member as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc?.[0];
  const doc = jsDoc ? tsApi.getTextOfJSDocComment(jsDoc.comment)?.trim() : undefined;
  const line = source.getLineAndCharacterOfPosition(member.name.getStart(source)).line + 1;
  const method: SourceMethod = {
    className,
    methodName: (member.name as ts.Identifier).text,
    decorator: decorator.expression.getText(source) as SourceMethod['decorator'],
    decoratorText: decorator.arguments.map((a) => a.getText(source)).join(', '),
    params,
    returns,
    location: `${path.relative(process.cwd(), file) || file}:${line}`,
  };
  if (doc) method.doc = doc;
  return method;
}
