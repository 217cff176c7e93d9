import type { Command } from './command.js';
import { exampleCommand } from './commands/example.js';
import { keysCommand } from './commands/keys.js';
import { listCommand } from './commands/list.js';
import { schemaCommand } from './commands/schema.js';
import { pactCommand } from './commands/pact.js';
import { sendCommand } from './commands/send.js';
import { serveCommand } from './commands/serve.js';
import { verifyCommand } from './commands/verify.js';

/** Every `wixhook` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [listCommand, exampleCommand, schemaCommand, sendCommand, serveCommand, verifyCommand, pactCommand, keysCommand];
