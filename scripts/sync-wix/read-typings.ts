/**
 * Reads a Wix package's `build/es/index.typings.d.mts` with the TypeScript compiler API: every
 * `@webhook` handler declaration, its JSDoc tags, and the entity or body type of its envelope as a
 * schema tree in REST wire form, carrying Wix's JSDoc constraints.
 */
import ts from 'typescript';
import { WixhookError } from '../../src/errors.js';
import type { Constraints, Property, SchemaNode } from '../../src/webhooks/generated/manifest.js';

export interface TypingsWebhook {
  handler: string;
  eventType: string;
  slug: string;
  permissionScope: string;
  description: string;
  /** Which envelope member carries the data. */
  member: 'entity' | 'data' | 'none';
  /** Whether the envelope declares `modifiedFields` (updated events). */
  modifiedFields: boolean;
  /** Absent when the envelope carries only metadata (deleted events that send no entity). */
  data?: SchemaNode;
}

export interface TypingsRead {
  webhooks: TypingsWebhook[];
  /** Named types, SDK renames undone (`_id` -> `id`), `Date` as date-time strings. */
  types: Record<string, SchemaNode>;
  /** Types the reader could not express exactly (written as `any`), for the sync report. */
  approximations: string[];
}

export class TypingsReadError extends WixhookError {
  static readonly code = 'ERR_WIX_TYPINGS';
  constructor(file: string, message: string) {
    super(new.target.code, `${file}: ${message}`);
  }
}

/** The SDK renames these keys; the wire has the REST names. */
const wireNames: Record<string, string> = { _id: 'id', _createdDate: 'createdDate', _updatedDate: 'updatedDate' };

const tagText = (tag: ts.JSDocTagInfo) => (tag.text ?? []).map((part) => part.text).join('').trim();

function constraintsOf(tags: readonly ts.JSDocTagInfo[]): Constraints & { readonly?: true } {
  const out: Constraints & { readonly?: true } = {};
  for (const tag of tags) {
    const text = tagText(tag);
    const number = Number(text);
    switch (tag.name) {
      case 'format':
        out.format = text;
        break;
      case 'minLength':
      case 'maxLength':
      case 'minSize':
      case 'maxSize':
      case 'min':
      case 'max':
        if (text !== '' && Number.isFinite(number)) out[tag.name] = number;
        break;
      case 'readonly':
        out.readonly = true;
        break;
    }
  }
  return out;
}

export function readTypings(file: string): TypingsRead {
  const program = ts.createProgram([file], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true, strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new TypingsReadError(file, 'not found by the TypeScript program');
  const types: Record<string, SchemaNode> = {};
  const approximations: string[] = [];

  const isDate = (type: ts.Type) => type.getSymbol()?.getName() === 'Date';

  const convert = (type: ts.Type, where: string): SchemaNode => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { type: 'any' };
    if (type.isUnion()) {
      const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      if (members.length === 1) return convert(members[0]!, where);
      if (members.every((member) => member.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
      if (members.every((member) => member.isStringLiteral())) {
        const values = [...new Set(members.map((member) => (member as ts.StringLiteralType).value))];
        return { type: 'string', enum: values };
      }
      if (members.every((member) => member.flags & ts.TypeFlags.StringLike)) return { type: 'string' };
      approximations.push(`${where}: union ${checker.typeToString(type)}`);
      return { type: 'any' };
    }
    if (type.flags & ts.TypeFlags.StringLike) return type.isStringLiteral() ? { type: 'string', enum: [type.value] } : { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (isDate(type)) return { type: 'datetime' };
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: element ? convert(element, `${where}[]`) : { type: 'any' } };
    }
    if (type.flags & ts.TypeFlags.Object) {
      const properties = checker.getPropertiesOfType(type);
      const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
      if (properties.length === 0 && index) return { type: 'map', values: convert(index.type, `${where}{}`) };
      if (properties.length === 0) return { type: 'any' };
      const symbol = type.aliasSymbol ?? type.getSymbol();
      const name = symbol && symbol.getName() !== '__type' && symbol.getName() !== '__object' ? symbol.getName() : undefined;
      if (name === undefined) return objectNode(type, where);
      if (!Object.hasOwn(types, name)) {
        types[name] = { type: 'any' }; // placeholder while recursing
        types[name] = objectNode(type, name);
      }
      return { type: 'ref', ref: name };
    }
    approximations.push(`${where}: ${checker.typeToString(type)}`);
    return { type: 'any' };
  };

  const objectNode = (type: ts.Type, where: string): SchemaNode => {
    const properties: Record<string, Property> = {};
    for (const symbol of checker.getPropertiesOfType(type)) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!declaration) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      const declared = ts.isPropertySignature(declaration) && declaration.type ? checker.getTypeFromTypeNode(declaration.type) : propertyType;
      const nullable = declared.isUnion() && declared.types.some((member) => member.flags & ts.TypeFlags.Null);
      const { readonly, ...constraints } = constraintsOf(symbol.getJsDocTags(checker));
      const key = wireNames[symbol.getName()] ?? symbol.getName();
      let schema = convert(declared, `${where}.${key}`);
      if (Object.keys(constraints).length > 0) schema = withConstraints(schema, constraints);
      const property: Property = { schema };
      if (symbol.flags & ts.SymbolFlags.Optional) property.optional = true;
      if (nullable) property.nullable = true;
      if (readonly) property.readonly = true;
      properties[key] = property;
    }
    const node: SchemaNode = { type: 'object', properties };
    const oneofs: string[][] = [];
    if (type.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(type)) {
        const baseDeclaration = base.getSymbol()?.declarations?.[0];
        if (baseDeclaration && ts.getJSDocTags(baseDeclaration).some((tag) => tag.tagName.text === 'oneof')) {
          oneofs.push(checker.getPropertiesOfType(base).map((symbol) => wireNames[symbol.getName()] ?? symbol.getName()));
        }
      }
    }
    if (oneofs.length > 0) node.oneofs = oneofs;
    return node;
  };

  const webhooks: TypingsWebhook[] = [];
  // Some packages declare their handlers in a chunk module and re-export them: follow the exports.
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  for (const exportSymbol of exported) {
    const symbol = exportSymbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exportSymbol) : exportSymbol;
    const statement = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!statement?.name) continue;
    const tags = symbol.getJsDocTags(checker);
    if (!tags.some((tag) => tag.name === 'webhook')) continue;
    const handler = statement.name.text;
    const tag = (name: string) => tags.find((entry) => entry.name === name);
    const eventType = tag('eventType');
    if (!eventType) throw new TypingsReadError(file, `${handler}: @webhook without @eventType`);
    const handlerParameter = statement.parameters[0];
    if (!handlerParameter?.type) throw new TypingsReadError(file, `${handler}: no handler parameter`);
    const handlerType = checker.getTypeFromTypeNode(handlerParameter.type);
    const envelopeParameter = handlerType.getCallSignatures()[0]?.getParameters()[0];
    if (!envelopeParameter) throw new TypingsReadError(file, `${handler}: the handler takes no envelope`);
    const envelope = checker.getTypeOfSymbolAtLocation(envelopeParameter, statement);
    const entity = envelope.getProperty('entity');
    const data = envelope.getProperty('data');
    const member = entity ? 'entity' : data ? 'data' : 'none';
    const carrier = entity ?? data;
    webhooks.push({
      handler,
      eventType: tagText(eventType),
      slug: tag('slug') ? tagText(tag('slug')!) : '',
      permissionScope: tag('permissionScope') ? tagText(tag('permissionScope')!) : '',
      description: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
      member,
      modifiedFields: envelope.getProperty('modifiedFields') !== undefined,
      ...(carrier ? { data: convert(checker.getTypeOfSymbolAtLocation(carrier, statement), handler) } : {}),
    });
  }
  return { webhooks, types, approximations };
}

function withConstraints(schema: SchemaNode, constraints: Constraints): SchemaNode {
  if (schema.type === 'array') {
    const { minSize, maxSize, ...forItems } = constraints;
    const array: SchemaNode = { ...schema, ...(minSize !== undefined ? { minSize } : {}), ...(maxSize !== undefined ? { maxSize } : {}) };
    if (Object.keys(forItems).length > 0) array.items = withConstraints(schema.items, forItems);
    return array;
  }
  if (schema.type === 'string') {
    const { format, minLength, maxLength } = constraints;
    return { ...schema, ...(format !== undefined ? { format } : {}), ...(minLength !== undefined ? { minLength } : {}), ...(maxLength !== undefined ? { maxLength } : {}) };
  }
  if (schema.type === 'number') {
    const { min, max } = constraints;
    return { ...schema, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return schema;
}
