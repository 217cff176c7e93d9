import { describe, expect, it } from 'vitest';
import { catalog, listWebhooks } from '../../src/catalog/catalog.js';
import { commands } from '../../src/cli/commands.js';
import { wixhook } from '../helpers/run-cli.js';

describe('wixhook CLI', () => {
  it('list prints one line per webhook, the curated ones first: name, eventType', async () => {
    const { code, stdout } = await wixhook('list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(listWebhooks().length);
    catalog.forEach((webhook, index) => expect(lines[index]!.split(/\s+/)).toEqual([webhook.name, webhook.eventType]));
  });

  it('list --json prints the catalog for scripts', async () => {
    const { code, stdout } = await wixhook('list', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ name: string; tier: string }>;
    expect(rows.filter((row) => row.tier === 'curated').map((row) => row.name)).toEqual(catalog.map((webhook) => webhook.name));
    expect(rows.map((row) => row.name)).toEqual(listWebhooks().map((webhook) => webhook.name));
  });

  it.each(commands.map((command) => command.name))('%s --help shows usage, options and examples', async (name) => {
    const { code, stdout } = await wixhook(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: wixhook ${name}`);
    expect(stdout).toContain('Examples:');
  });

  it('--help lists every command and the exit codes; --version prints the package version', async () => {
    const help = await wixhook('--help');
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toContain(command.name);
    expect(help.stdout).toContain('Exit codes');
    const version = await wixhook('--version');
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command or option is a usage error (exit 2) that says what to do', async () => {
    const unknownCommand = await wixhook('lsit');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "lsit"');
    const unknownOption = await wixhook('list', '--colour');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--colour'");
    expect(unknownOption.stderr).toContain('wixhook list --help');
  });
});
