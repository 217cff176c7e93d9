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

  it('an option that takes one of a few words names them all when given another (exit 2)', async () => {
    for (const [args, expected] of [
      [['example', 'participation-created', '--layer', 'body'], '--layer expects one of payload, sdk, jwt, got "body".'],
      [['schema', 'participation-created', '--layer', 'sdk'], '--layer expects one of payload, data, got "sdk".'],
      [['schema', 'participation-created', '--mode', 'lax'], '--mode expects one of loose, strict, got "lax".'],
      [['serve', '--log-format', 'xml'], '--log-format expects one of text, json, got "xml".'],
      [['pact', 'verify', 'contracts/', '--log-level', 'loud'], '--log-level expects one of trace, debug, info, warn, error, got "loud".'],
    ] as const) {
      const run = await wixhook(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(expected);
    }
    const defaults = await wixhook('schema', 'participation-created');
    expect(defaults.code).toBe(0);
    expect(JSON.parse(defaults.stdout).additionalProperties).toBe(false);
  });
});
