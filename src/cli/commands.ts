import type { Command } from './command.js';
import { exampleCommand } from './commands/example.js';
import { generateCommand } from './commands/generate.js';
import { listCommand } from './commands/list.js';

/** Every `wixhook` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [listCommand, generateCommand, exampleCommand];
