import { constants } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { testKeyPair } from '../signing/keys.js';
import { UsageError } from './command.js';

/**
 * The name key options give the toolkit's committed test key pair: its files sit inside the
 * package in node_modules, so a user's project names it rather than finding it. A file called
 * `test` is still reachable as `./test`.
 */
export const testKeyName = 'test';

/** How long a command waits for a body from a pipe or FIFO before it gives up. */
export const defaultReadTimeoutMs = 30_000;

const cannotRead = (path: string, error: unknown) =>
  new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);

/**
 * Reads a FIFO without blocking a thread on it: opened non-blocking, polled until its writer has
 * written and closed it, and given up after `timeoutMs` when nobody writes (a plain read would
 * wait forever, and hold the process open after that).
 */
async function readFifo(path: string, timeoutMs: number): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const deadline = Date.now() + timeoutMs;
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      let bytesRead = 0;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        bytesRead = -1; // a writer is there, nothing written yet
      }
      if (bytesRead > 0) {
        chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
        continue;
      }
      // End of file once something was read; before that, no writer has come yet.
      if (bytesRead === 0 && chunks.length > 0) return Buffer.concat(chunks).toString('utf8');
      if (Date.now() >= deadline) throw new UsageError(`Timed out after ${timeoutMs / 1000} s waiting for ${path}: a FIFO nobody wrote to. Write the body into it, or pass --timeout.`);
      await sleep(20);
    }
  } finally {
    await handle.close();
  }
}

/** Reads a file argument, or standard input for `-` or no argument, as Unix tools do. */
export async function readInput(path: string | undefined, stdin: () => Promise<string>, { timeoutMs = defaultReadTimeoutMs } = {}): Promise<string> {
  if (path === undefined || path === '-') return stdin();
  try {
    if ((await stat(path)).isFIFO()) return await readFifo(path, timeoutMs);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw cannotRead(path, error);
  }
}

/**
 * Reads a key file named by an option (or the test key, for {@link testKeyName}); a missing or
 * unreadable file is a usage error naming the option.
 */
export async function readKeyFile(option: 'public-key' | 'private-key', path: unknown): Promise<string | undefined> {
  if (path === undefined) return undefined;
  if (path === testKeyName) return option === 'public-key' ? testKeyPair().publicKeyPem : testKeyPair().privateKeyPem;
  try {
    if ((await stat(String(path))).isFIFO()) return await readFifo(String(path), defaultReadTimeoutMs);
    return await readFile(String(path), 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--${option} ${String(path)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}
