import type { ParseArgsConfig } from 'node:util';
import { WixhookError } from '../errors.js';

/** Where a command writes; injected so tests run commands in process and read what they print. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars and colours only then). */
  isTTY: boolean;
  cwd: string;
  /** All of standard input, for commands that read a body from `-`. */
  readStdin: () => Promise<string>;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string };

/** One `wixhook` subcommand: its help text is data, so `--help` and the README cannot drift apart. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  examples: string[];
  /** Returns the process exit code. */
  run(args: { values: Record<string, unknown>; positionals: string[]; io: CommandIo }): Promise<number>;
}

/** Exit codes, documented in the README and in `wixhook --help`. */
export const exitCodes = {
  ok: 0,
  /** The command ran and found a problem (invalid payload, stale files, failed verification). */
  failure: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
} as const;

/** A problem with the command line itself; printed with the command's usage, exit code 2. */
export class UsageError extends WixhookError {
  constructor(message: string) {
    super('ERR_USAGE', message);
  }
}

export function formatHelp(command: Command, bin = 'wixhook'): string {
  const lines = [`${bin} ${command.name}: ${command.summary}`, '', `Usage: ${bin} ${command.usage}`];
  const entries = Object.entries(command.options);
  if (entries.length > 0) {
    lines.push('', 'Options:');
    const left = entries.map(([name, spec]) => `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : ''}`);
    const width = Math.max(...left.map((text) => text.length)) + 2;
    entries.forEach(([, spec], index) => lines.push(`${left[index]!.padEnd(width)}${spec.description}`));
  }
  if (command.examples.length > 0) lines.push('', 'Examples:', ...command.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}
