#!/usr/bin/env node
/**
 * Runs `wixhook serve` on its own (`tsx src/server/main.ts --port 0 ...`): the same command
 * object the CLI registers, for tests and benchmarks that spawn the server as a child process.
 */
import { parseArgs } from 'node:util';
import { serveCommand } from '../cli/commands/serve.js';

const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: serveCommand.options, allowPositionals: false, strict: true });
process.exitCode = await serveCommand.run({
  values,
  positionals,
  io: {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    readStdin: async () => '',
  },
});
