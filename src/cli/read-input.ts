import { readFile } from 'node:fs/promises';
import { UsageError } from './command.js';

/** Reads a file argument, or standard input for `-` or no argument, as Unix tools do. */
export async function readInput(path: string | undefined, stdin: () => Promise<string>): Promise<string> {
  if (path === undefined || path === '-') return stdin();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}

/** Reads a key file named by an option; a missing or unreadable file is a usage error naming the option. */
export async function readKeyFile(option: string, path: unknown): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(String(path), 'utf8');
  } catch (error) {
    throw new UsageError(`--${option} ${String(path)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}
