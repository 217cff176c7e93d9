import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { buildPayload } from '../../src/build/build.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false, cwd: process.cwd(), readStdin: async () => '' });
  return { code, stdout, stderr };
}

describe('wixhook example', () => {
  it('prints the seeded payload as JSON, the same as buildPayload', async () => {
    const { code, stdout } = await run('example', 'participation-created', '--seed', '42', '--trait', 'for-schedule', '--set', 'createdEvent.entity.partySize=4');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(buildPayload('participation-created', { seed: 42, traits: ['for-schedule'], set: ['createdEvent.entity.partySize=4'] }));
  });

  it('prints the SDK layer with dates as ISO strings', async () => {
    const { code, stdout } = await run('example', 'event-recurring-split', '--seed', '1', '--layer', 'sdk');
    expect(code).toBe(0);
    const envelope = JSON.parse(stdout);
    expect(envelope.data.newRecurringEventStartingFromSplit._createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(envelope.metadata.eventTime).toMatch(/Z$/);
  });

  it('lists traits, shows help with examples', async () => {
    expect((await run('example', 'guest-event-starts', '--list-traits')).stdout).toContain('body-as-json');
    const help = await run('example', '--help');
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--trait');
  });

  it('fails with a code and a message, never a stack trace', async () => {
    const unknownTrait = await run('example', 'guest-event-starts', '--trait', 'nope');
    expect(unknownTrait.code).toBe(2);
    expect(unknownTrait.stderr).toContain('ERR_UNKNOWN_TRAIT');
    expect((await run('example', 'nope')).stderr).toContain('ERR_UNKNOWN_WEBHOOK');
    expect((await run('example', 'participation-created', '--set', 'createdEvent.nope=1')).stderr).toContain('ERR_INVALID_SET_PATH');
    expect((await run('example', 'participation-created', '--seed', 'abc')).code).toBe(2);
    expect((await run('example', 'participation-created', '--layer', 'xml')).code).toBe(2);
    expect((await run('example')).code).toBe(2);
  });
});
