import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatHelp, type CommandIo } from '../../src/cli/command.js';
import { pactCommand } from '../../src/cli/commands/pact.js';
import { integer, participationPayload, string, tempDir, writeConsumerPact } from './pacts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The lead registers the command in src/cli/commands.ts; until then it is run directly, through parseArgs as runCli does.
async function pact(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { parseArgs } = await import('node:util');
  let stdout = '';
  let stderr = '';
  const io: CommandIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false, cwd: root, readStdin: async () => '' };
  const parsed = parseArgs({ args: argv, options: pactCommand.options, allowPositionals: true, strict: true });
  const code = await pactCommand.run({ values: parsed.values as Record<string, unknown>, positionals: parsed.positionals, io });
  return { code, stdout, stderr };
}

describe('wixhook pact verify', () => {
  it('passes for the committed contracts (a folder) and prints each source', async () => {
    const result = await pact('verify', 'contracts');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wix-webhook-consumer → wix-calendar-participations-v3');
    expect(result.stdout).toContain('Pact verification passed.');
  });

  it('exits 1 and names the interaction and the field when a consumer expects what Wix does not send', async () => {
    const dir = await tempDir();
    const content = { ...participationPayload, createdEvent: { entity: { ...participationPayload.createdEvent.entity, partySize: string('2'), loyaltyTier: integer(1) } } };
    const file = await writeConsumerPact(dir, 'cli-app', 'wix-calendar-participations-v3', [
      { description: 'a participation for a schedule', states: ['a participation for a schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content },
    ]);
    const result = await pact('verify', file, '--state', 'a participation for a schedule=for-schedule', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { passed: boolean; failures: Array<{ interaction: string; path: string }> };
    expect(report.passed).toBe(false);
    expect(report.failures.map((failure) => failure.path).sort()).toEqual(['$.createdEvent.entity', '$.createdEvent.entity.partySize']);
    expect(report.failures.every((failure) => failure.interaction.includes('a participation for a schedule'))).toBe(true);
  });

  it('refuses a wrong command line', async () => {
    await expect(pact('check')).rejects.toThrow(/Unknown pact subcommand/);
    await expect(pact('verify')).rejects.toThrow(/needs pact files/);
    await expect(pact('verify', 'x.json', '--state', 'nothing')).rejects.toThrow(/--state expects/);
  });

  it('has help with examples', () => {
    const help = formatHelp(pactCommand);
    expect(help).toContain('Usage: wixhook pact verify');
    expect(help).toContain('wixhook pact verify contracts/');
  });
});
