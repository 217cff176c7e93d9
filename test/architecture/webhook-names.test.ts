import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where a webhook may be named: its definition, its domain, the simulated service that sends it, and CLI help text. */
const allowed = [/^src\/webhooks\//, /^src\/domains\//, /^src\/msw\/services\//, /^src\/cli\/commands\//];

/** The text of every string, template and identifier of a file: what its code names, comments left out. */
function namedTokens(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const tokens: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isIdentifier(node)) tokens.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return tokens;
}

const sources = (readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((path) => path.endsWith('.ts'))
  .map((path) => relative(root, join(root, 'src', path)).replaceAll('\\', '/'));

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('architecture: features iterate the catalog', () => {
  it('no module outside definitions, domains, simulated services and CLI help names a specific webhook', () => {
    const names = catalog.flatMap((webhook) => [webhook.name, webhook.eventType, camel(webhook.name)]);
    const offenders = sources
      .filter((path) => !allowed.some((pattern) => pattern.test(path)))
      .flatMap((path) => namedTokens(join(root, path)).filter((token) => names.some((name) => token.includes(name))).map((token) => `${path}: ${token}`));
    expect(offenders).toEqual([]);
  });

  it('the check sees names in code and not in comments', () => {
    expect(sources.length).toBeGreaterThan(100);
    const tokens = namedTokens(join(root, 'src/webhooks/index.ts'));
    expect(tokens).toContain(camel(catalog[0].name));
  });
});
