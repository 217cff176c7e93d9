import { describe, expect, it } from 'vitest';
import { InvalidMockOptionError } from '../../src/msw/option-errors.js';
import type { DeliveryChange } from '../../src/msw/sender.js';
import { inProcessMock } from './helpers.js';

describe('keepDeliveries: the delivery log stays bounded', () => {
  it('keeps the most recent N, tells listeners which left, and reports nothing more of those', async () => {
    const { mock } = inProcessMock({ keepDeliveries: 3 });
    const changes: DeliveryChange[] = [];
    mock.onDeliveryChange((change) => changes.push(change));
    for (let index = 0; index < 5; index++) await mock.trigger('participation-created', { seed: index });
    await mock.idle();
    expect(mock.deliveries.map((record) => record.sequence)).toEqual([3, 4, 5]);
    expect(mock.deliveries.every((record) => record.status === 'delivered')).toBe(true);
    const dropped = changes.filter((change) => change.type === 'dropped');
    expect(dropped).toEqual([
      { type: 'dropped', through: 1 },
      { type: 'dropped', through: 2 },
    ]);
    // After a record is dropped, no later change names it.
    const after = changes.slice(changes.indexOf(dropped[1]!) + 1);
    expect(after.every((change) => change.type !== 'record' && change.type !== 'attempt' ? true : change.record.sequence > 2)).toBe(true);
    await expect(mock.resend(1)).rejects.toThrow(/No delivery with sequence number 1 in the log \(it keeps the 3 most recent, of at most 3\)/);
    expect((await mock.resend(5)).resendOf).toBe(5);
    mock.reset();
    expect(mock.deliveries).toHaveLength(0);
  });

  it('defaults to 1000 and refuses what is not a whole number >= 1', () => {
    for (const keepDeliveries of [0, -1, 1.5, Number.NaN, '10' as unknown as number]) {
      expect(() => inProcessMock({ keepDeliveries })).toThrow(InvalidMockOptionError);
    }
    expect(() => inProcessMock({ keepDeliveries: Infinity })).not.toThrow();
  });
});

describe("the inspector's live feed", () => {
  it('sends a dropped frame when the log outgrows its limit', async () => {
    const { deliveryEventStream } = await import('../../src/msw/inspector/event-stream.js');
    const { mock } = inProcessMock({ keepDeliveries: 1 });
    const reader = deliveryEventStream(mock).body!.pipeThrough(new TextDecoderStream()).getReader();
    await mock.trigger('participation-created', { seed: 1 });
    await mock.trigger('participation-created', { seed: 2 });
    await mock.idle();
    let text = '';
    while (!text.includes('event: dropped')) text += (await reader.read()).value ?? '';
    expect(text).toContain('event: dropped\ndata: {"through":1}\n\n');
    await reader.cancel();
  });
});

describe('wixhook serve', () => {
  it('keeps the most recent --keep-deliveries deliveries in GET /_wixhook/deliveries', async () => {
    const { startWixServer } = await import('../../src/server/server.js');
    const server = await startWixServer({ keepDeliveries: 2 });
    try {
      for (let seed = 0; seed < 4; seed++) {
        const answer = await fetch(`${server.url}/_wixhook/webhooks/participation-created`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed }) });
        expect(answer.status).toBe(200);
      }
      const { deliveries } = (await (await fetch(`${server.url}/_wixhook/deliveries`)).json()) as { deliveries: Array<{ sequence: number }> };
      expect(deliveries.map((delivery) => delivery.sequence)).toEqual([3, 4]);
    } finally {
      await server.close();
    }
  });

  it('says so in --help and refuses --keep-deliveries 0 as a command-line mistake', async () => {
    const { serveCommand } = await import('../../src/cli/commands/serve.js');
    expect(serveCommand.options['keep-deliveries']?.description).toMatch(/Default 1000/);
    expect(serveCommand.usage).toContain('--keep-deliveries N');
    const { wholeNumberOption } = await import('../../src/cli/arguments.js');
    expect(() => wholeNumberOption('keep-deliveries', '0', undefined, 1)).toThrow(/--keep-deliveries expects a whole number >= 1/);
  });
});
