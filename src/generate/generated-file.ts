import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** One file a generator produces, with a path relative to the package root. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A generator owns one folder: everything in it is its output, and nothing else is. */
export interface Generator {
  /** Folder it owns, relative to the package root, e.g. `schemas`. */
  folder: string;
  generate(): Promise<GeneratedFile[]> | GeneratedFile[];
}

/** Stable JSON text: two-space indent, trailing newline, so diffs stay readable. */
export function jsonFile(path: string, value: unknown): GeneratedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

async function listFiles(root: string, folder: string): Promise<string[]> {
  const absolute = join(root, folder);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

export interface Drift {
  /** Files whose content differs from what the code generates. */
  changed: string[];
  /** Files the code generates that are not on disk. */
  missing: string[];
  /** Files on disk in a generated folder that the code no longer generates. */
  extra: string[];
}

/** Compares what the generators produce with the committed folders, without writing. */
export async function findDrift(root: string, generators: readonly Generator[]): Promise<Drift> {
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const generator of generators) {
    const files = await generator.generate();
    const expected = new Set(files.map((file) => file.path));
    for (const file of files) {
      const current = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
      if (current === undefined) drift.missing.push(file.path);
      else if (current !== file.content) drift.changed.push(file.path);
    }
    for (const onDisk of await listFiles(root, generator.folder)) {
      if (!expected.has(onDisk)) drift.extra.push(onDisk);
    }
  }
  return drift;
}

/** Writes every generator's output and removes files it no longer produces. Returns the paths written. */
export async function writeGenerated(
  root: string,
  generators: readonly Generator[],
  onProgress: (message: string) => void = () => {},
): Promise<string[]> {
  const written: string[] = [];
  for (const generator of generators) {
    const files = await generator.generate();
    const expected = new Set(files.map((file) => file.path));
    for (const onDisk of await listFiles(root, generator.folder)) {
      if (!expected.has(onDisk)) await rm(join(root, onDisk));
    }
    for (const file of files) {
      await mkdir(dirname(join(root, file.path)), { recursive: true });
      await writeFile(join(root, file.path), file.content);
      written.push(file.path);
    }
    onProgress(`${generator.folder}/: ${files.length} files`);
  }
  return written;
}
