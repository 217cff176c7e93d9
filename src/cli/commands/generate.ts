import { findDrift, writeGenerated } from '../../generate/generated-file.js';
import { generators } from '../../generate/generators.js';
import { exitCodes, type Command } from '../command.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: `Regenerate every generated folder (${generators.map((g) => `${g.folder}/`).join(', ')}) from the definitions in src/.`,
  usage: 'generate [--check] [--root DIR]',
  options: {
    check: { type: 'boolean', description: 'Write nothing; exit 1 and list the files that differ from what the code generates.' },
    root: { type: 'string', valueName: 'dir', description: 'Package root to write into (default: the current directory).' },
  },
  examples: ['wixhook generate', 'wixhook generate --check'],
  async run({ values, io }) {
    const root = typeof values.root === 'string' ? values.root : io.cwd;
    if (values.check) {
      const drift = await findDrift(root, generators);
      const problems = [
        ...drift.changed.map((path) => `changed: ${path}`),
        ...drift.missing.map((path) => `missing: ${path}`),
        ...drift.extra.map((path) => `not generated any more: ${path}`),
      ];
      if (problems.length === 0) {
        io.stdout('Generated folders are up to date.\n');
        return exitCodes.ok;
      }
      io.stderr(`${problems.join('\n')}\nGenerated folders are stale: run \`npm run generate\` and commit the result.\n`);
      return exitCodes.failure;
    }
    const written = await writeGenerated(root, generators, (message) => io.stderr(`${message}\n`));
    io.stdout(`Wrote ${written.length} files.\n`);
    return exitCodes.ok;
  },
};
