import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rules = createRequire(import.meta.url)(resolve(root, '.dependency-cruiser.cjs'));

/** The first folder under src/ a module path belongs to (`src/msw/services/x.ts` → `msw`), or the file for top-level modules. */
const folderOf = (path: string) => path.replace(/^src\//, '').split('/')[0]!;

/** A cycle in a directed graph, as the list of its nodes, or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return undefined;
}

describe('architecture: imports of src/', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    const previous = process.cwd();
    process.chdir(root);
    try {
      result = (await cruise(['src'], { ruleSet: rules, validate: true, doNotFollow: { path: 'node_modules' }, exclude: { path: 'node_modules' }, tsPreCompilationDeps: true }, undefined, {
        tsConfig: { fileName: 'tsconfig.json' },
      } as never)).output as ICruiseResult;
    } finally {
      process.chdir(previous);
    }
  }, 60_000);

  it('cruises every module of src/', () => {
    expect(result.modules.filter((module) => module.source.startsWith('src/')).length).toBeGreaterThan(100);
  });

  it('break no rule of .dependency-cruiser.cjs: no file-level cycle, layers respected', () => {
    const violations = result.summary.violations.map((violation) => `${violation.rule.name}: ${[violation.from, ...(violation.cycle?.map((step) => step.name) ?? [violation.to])].join(' → ')}`);
    expect(violations).toEqual([]);
  });

  it('have no cycle between the folders of src/ either', () => {
    const edges = new Map<string, Set<string>>();
    for (const module of result.modules) {
      if (!module.source.startsWith('src/')) continue;
      const from = folderOf(module.source);
      for (const dependency of module.dependencies) {
        if (!dependency.resolved.startsWith('src/')) continue;
        const to = folderOf(dependency.resolved);
        if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    expect(findCycle(edges)).toBeUndefined();
  });
});
