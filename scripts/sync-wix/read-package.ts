/**
 * Reads one installed Wix package into manifest entries: the EventDefinition calls of its
 * runtime module joined with the `@webhook` declarations of its typings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WixhookError } from '../../src/errors.js';
import type { ManifestPackage, ManifestWebhook, PayloadKindName, SchemaNode } from '../../src/webhooks/generated/manifest.js';
import { readEventDefinitions } from './read-event-definitions.js';
import { readTypings } from './read-typings.js';
import { applyWireForm, wireTypes } from './wire-form.js';

/** A webhook before naming: everything but its `name`. */
export type UnnamedWebhook = Omit<ManifestWebhook, 'name'>;

export interface PackageRead {
  webhooks: UnnamedWebhook[];
  file: ManifestPackage;
  fqdn: string;
  /** Things the reader could not express exactly, for the sync report. */
  warnings: string[];
}

export class PackageReadError extends WixhookError {
  static readonly code = 'ERR_WIX_PACKAGE';
  constructor(name: string, message: string) {
    super(new.target.code, `${name}: ${message}`);
  }
}

/** `@wix/auto_sdk_ecom_orders` -> `ecom`. */
export function serviceOf(packageName: string): string {
  return packageName.replace(/^@wix\/auto_sdk_/, '').split('_')[0]!;
}

/** `onGuestEventStarts` -> `Guest Event Starts`. */
export function titleOf(handler: string): string {
  return handler
    .replace(/^on/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

function kindOf(domain: boolean, member: 'entity' | 'data' | 'none', slug: string): PayloadKindName {
  if (!domain) return 'legacy';
  if (member === 'none') return 'deleted';
  if (member === 'data') return 'action';
  if (slug === 'created' || slug === 'updated' || slug === 'deleted') return slug;
  // An entity envelope under another slug is delivered like a created event (`createdEvent.entity`).
  return 'created';
}

/** Keeps only the named types reachable from the webhooks' data, so files carry no dead weight. */
function reachableTypes(roots: SchemaNode[], types: Record<string, SchemaNode>): Record<string, SchemaNode> {
  const all = { ...types, ...wireTypes };
  const seen = new Set<string>();
  const visit = (node: SchemaNode): void => {
    switch (node.type) {
      case 'ref':
        if (seen.has(node.ref)) return;
        seen.add(node.ref);
        if (all[node.ref]) visit(all[node.ref]!);
        return;
      case 'array':
        return visit(node.items);
      case 'map':
        return visit(node.values);
      case 'object':
        for (const property of Object.values(node.properties)) visit(property.schema);
        return;
      default:
        return;
    }
  };
  roots.forEach(visit);
  return Object.fromEntries([...seen].sort().map((name) => [name, all[name]!]));
}

export function readPackage(directory: string): PackageRead {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name: string; version: string; wix?: { sdkDependency?: { fqdn?: string } } };
  const moduleFile = join(directory, 'build/es/index.mjs');
  const calls = readEventDefinitions(moduleFile, readFileSync(moduleFile, 'utf8'));
  const typings = readTypings(join(directory, 'build/internal/es/index.typings.d.mts'));
  const warnings = [...typings.approximations];
  const fqdn = manifest.wix?.sdkDependency?.fqdn ?? '';
  const service = serviceOf(manifest.name);
  const webhooks: UnnamedWebhook[] = [];
  const schemas: ManifestPackage['webhooks'] = {};
  const byHandler = new Map(typings.webhooks.map((webhook) => [webhook.handler, webhook]));
  for (const call of calls) {
    const typed = byHandler.get(call.handler);
    if (!typed) {
      warnings.push(`${call.handler} (${call.eventType}): no @webhook declaration in the typings; skipped`);
      continue;
    }
    if (typed.eventType !== call.eventType) throw new PackageReadError(manifest.name, `${call.handler}: typings say ${typed.eventType}, module says ${call.eventType}`);
    const kind = kindOf(call.domain, typed.member, typed.slug);
    const unresolved = typed.data && typed.member !== 'none' ? applyWireForm(typed.data, typed.member, call.transformations, typings.types) : [];
    for (const path of unresolved) warnings.push(`${call.handler}: transformation path ${path} names no field of the typings`);
    const entityFqdn = call.domain ? call.eventType.slice(0, call.eventType.length - typed.slug.length - 1) : fqdn;
    webhooks.push({
      eventType: call.eventType,
      entityFqdn: call.domain && call.eventType.endsWith(`_${typed.slug}`) ? entityFqdn : fqdn,
      slug: typed.slug,
      domain: call.domain,
      kind,
      service,
      package: manifest.name,
      version: manifest.version,
      handler: call.handler,
      permissionScope: typed.permissionScope,
      title: titleOf(call.handler),
      description: typed.description,
    });
    schemas[call.eventType] = { ...(typed.data ? { data: typed.data } : {}), transformations: call.transformations };
  }
  const types = reachableTypes(Object.values(schemas).flatMap((schema) => (schema.data ? [schema.data] : [])), typings.types);
  return { webhooks, fqdn, warnings, file: { package: manifest.name, version: manifest.version, types, webhooks: schemas } };
}
