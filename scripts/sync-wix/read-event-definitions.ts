/**
 * Reads the `EventDefinition(type, isDomainEvent, transformations)` calls of a Wix package's
 * `build/es/index.mjs` with the TypeScript parser: the event type, whether it is a domain event,
 * and the literal `transformPaths` groups its transformation applies.
 */
import ts from 'typescript';
import type { ManifestTransformations, TransformKind, TransformPath } from '../../src/webhooks/generated/manifest.js';

export interface EventDefinitionCall {
  /** The exported handler registration name, e.g. `onGuestCreated`. */
  handler: string;
  eventType: string;
  domain: boolean;
  transformations: ManifestTransformations;
}

/** `transformREST<X>ToSDK<X>` of `@wix/sdk-runtime/transformations/*`, by the kind it applies. */
const transformFunctions: Record<string, TransformKind> = {
  transformRESTTimestampToSDKTimestamp: 'timestamp',
  transformRESTFloatToSDKFloat: 'float',
  transformRESTAddressToSDKAddress: 'address',
  transformRESTImageToSDKImage: 'image',
  transformRESTVideoToSDKVideo: 'video',
  transformRESTVideoV2ToSDKVideoV2: 'videoV2',
  transformRESTDocumentToSDKDocument: 'document',
  transformRESTAudioToSDKAudio: 'audio',
  transformRESTPageURLToSDKPageURL: 'pageUrl',
  transformRESTPageURLV2ToSDKPageURLV2: 'pageUrlV2',
  transformRESTFieldMaskToSDKFieldMask: 'fieldMask',
  transformRESTDurationToSDKDuration: 'duration',
  transformRESTBytesToSDKBytes: 'bytes',
};

export class EventDefinitionReadError extends Error {
  readonly code = 'ERR_WIX_EVENT_DEFINITION';
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'EventDefinitionReadError';
  }
}

/** Local name -> imported name, for `import { a as b } from '...'`. */
function importedNames(source: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) names.set(element.name.text, (element.propertyName ?? element.name).text);
  }
  return names;
}

function literalProperty(node: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === key) return property.initializer;
  }
  return undefined;
}

function readTransformations(file: string, handler: string, arrow: ts.Expression | undefined, imports: Map<string, string>): ManifestTransformations {
  const result: ManifestTransformations = { groups: [], renameKeys: false };
  if (!arrow) return result;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && imports.get(node.expression.text) === 'renameKeysFromRESTResponseToSDKResponse') {
      result.renameKeys = true;
      const ignore = node.arguments[1];
      if (ignore) {
        if (!ts.isArrayLiteralExpression(ignore)) throw new EventDefinitionReadError(file, `${handler}: the rename's ignore paths are not an array literal`);
        const paths = ignore.elements.map((element) => {
          if (!ts.isStringLiteral(element)) throw new EventDefinitionReadError(file, `${handler}: a rename ignore path is not a string literal`);
          return element.text;
        });
        if (paths.length > 0) result.renameIgnore = paths;
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const fn = literalProperty(node, 'transformFn');
      const paths = literalProperty(node, 'paths');
      if (fn && paths) {
        if (!ts.isIdentifier(fn)) throw new EventDefinitionReadError(file, `${handler}: transformFn is not an identifier`);
        const imported = imports.get(fn.text) ?? fn.text;
        const kind = transformFunctions[imported];
        if (!kind) throw new EventDefinitionReadError(file, `${handler}: unknown transformation ${imported}`);
        if (!ts.isArrayLiteralExpression(paths)) throw new EventDefinitionReadError(file, `${handler}: paths is not an array literal`);
        const read: TransformPath[] = paths.elements.map((element) => {
          if (!ts.isObjectLiteralExpression(element)) throw new EventDefinitionReadError(file, `${handler}: a path is not an object literal`);
          const path = literalProperty(element, 'path');
          if (!path || !ts.isStringLiteral(path)) throw new EventDefinitionReadError(file, `${handler}: a path has no string literal "path"`);
          const entry: TransformPath = { path: path.text };
          if (literalProperty(element, 'isRepeated')?.kind === ts.SyntaxKind.TrueKeyword) entry.repeated = true;
          if (literalProperty(element, 'isMap')?.kind === ts.SyntaxKind.TrueKeyword) entry.map = true;
          return entry;
        });
        result.groups.push({ kind, paths: read });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(arrow);
  return result;
}

/** Every `var onX = EventDefinition(...)()` of a module's source, in source order. */
export function readEventDefinitions(file: string, text: string): EventDefinitionCall[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const imports = importedNames(source);
  const calls: EventDefinitionCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const outer = node.initializer;
      const inner = outer.expression;
      if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && (imports.get(inner.expression.text) ?? inner.expression.text) === 'EventDefinition') {
        const handler = node.name.text;
        const [type, domain, transformations] = inner.arguments;
        if (!type || !ts.isStringLiteral(type)) throw new EventDefinitionReadError(file, `${handler}: the event type is not a string literal`);
        calls.push({
          handler,
          eventType: type.text,
          domain: domain?.kind === ts.SyntaxKind.TrueKeyword,
          transformations: readTransformations(file, handler, transformations, imports),
        });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}
