import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WixhookError } from '../errors.js';
import { packagePath } from '../package-root.js';
import { exitCodes, formatHelp, UsageError, type Command, type CommandIo } from './command.js';
import { commands } from './commands.js';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return [
    'wixhook: test Wix webhooks offline (schemas, factories, signing, mock server, Pact contracts).',
    '',
    'Usage: wixhook <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also after a command: wixhook list --help)',
    '  -v, --version  Print the version',
    '',
    'Exit codes: 0 success, 1 the command found a problem, 2 the command line was wrong.',
    '',
  ].join('\n');
}

/**
 * Toolkit errors that, reaching the CLI, can only come from what was typed (a webhook, trait or
 * `--set` the user named, or a mock option): command-line mistakes, so exit 2 like any other.
 */
const commandLineErrorCodes: ReadonlySet<string> = new Set([
  'ERR_UNKNOWN_WEBHOOK',
  'ERR_UNKNOWN_TRAIT',
  'ERR_CONFLICTING_TRAITS',
  'ERR_INVALID_SET_PATH',
  'ERR_INVALID_SET_VALUE',
  'ERR_INVALID_FACTORY_OPTION',
  'ERR_INVALID_MOCK_OPTION',
]);

function findCommand(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. See \`wixhook --help\`.`);
  return command;
}

/**
 * Runs one CLI invocation and returns its exit code. Never throws: every failure becomes a
 * message on stderr and a documented exit code, so a bad invocation never crashes with a trace.
 */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    if (first === 'help' && rest[0]) {
      try {
        io.stdout(formatHelp(findCommand(rest[0])));
        return exitCodes.ok;
      } catch (error) {
        io.stderr(`${(error as Error).message}\n`);
        return exitCodes.usage;
      }
    }
    io.stdout(mainHelp());
    return first === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return exitCodes.ok;
  }
  let command: Command | undefined;
  try {
    command = findCommand(first);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(formatHelp(command));
      return exitCodes.ok;
    }
    const parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    return await command.run({ values: parsed.values as Record<string, unknown>, positionals: parsed.positionals, io });
  } catch (error) {
    const typed = error instanceof WixhookError && commandLineErrorCodes.has(error.code);
    if (error instanceof UsageError || typed || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${typed ? `${(error as WixhookError).code}: ` : ''}${(error as Error).message}\n${command ? `\nUsage: wixhook ${command.usage}\nRun \`wixhook ${command.name} --help\` for details.\n` : ''}`);
      return exitCodes.usage;
    }
    if (error instanceof WixhookError) {
      io.stderr(`${error.code}: ${error.message}\n`);
      return exitCodes.failure;
    }
    io.stderr(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\nPlease report this as a bug.\n`);
    return exitCodes.failure;
  }
}
