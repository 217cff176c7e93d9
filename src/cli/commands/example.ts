import { getWebhook, webhookNames } from '../../catalog/catalog.js';
import { build, listTraits } from '../../factories/build.js';
import { exitCodes, UsageError, type Command } from '../command.js';

const layers = ['payload', 'sdk'] as const;

export const exampleCommand: Command = {
  name: 'example',
  summary: 'Print a realistic, consistent payload of a webhook as JSON (seeded, with traits and overrides).',
  usage: 'example <name> [--seed N] [--trait T]... [--set path=value]... [--layer payload|sdk] [--list-traits]',
  options: {
    seed: { type: 'string', valueName: 'n', description: 'Seed: the same seed prints the same bytes on any machine and day. Default: random.' },
    trait: { type: 'string', multiple: true, valueName: 'name', description: 'A named variant; repeat for several. See --list-traits.' },
    set: { type: 'string', multiple: true, valueName: 'path=value', description: 'Set a payload field (JSON for numbers, booleans, objects; text for strings); repeatable.' },
    layer: { type: 'string', valueName: 'payload|sdk', description: 'payload (default): the domain event in the JWT. sdk: the envelope @wix/sdk hands the handler (dates as ISO strings).' },
    'list-traits': { type: 'boolean', description: "List the webhook's traits and exit." },
  },
  examples: [
    'wixhook example participation-created --seed 42',
    'wixhook example participation-created --trait for-schedule --trait large-party',
    'wixhook example event-recurring-split --seed 7 --trait every-2-weeks --trait dst-change',
    'wixhook example guest-event-starts --trait starts-in-1-hour --set actionEvent.body.guest.totalGuests=3 --layer sdk',
    'wixhook example guest-event-starts --list-traits',
  ],
  async run({ values, positionals, io }) {
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError(`Missing webhook name. Webhooks: ${webhookNames.join(', ')}.`);
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    const webhook = getWebhook(name);
    if (values['list-traits']) {
      const traits = listTraits(webhook.name);
      const width = Math.max(...traits.map((trait) => trait.name.length)) + 2;
      io.stdout(traits.map((trait) => `${trait.name.padEnd(width)}${trait.description}\n`).join(''));
      return exitCodes.ok;
    }
    let seed: number | undefined;
    if (values.seed !== undefined) {
      const text = String(values.seed);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed expects a non-negative integer, got "${text}".`);
      seed = Number(text);
    }
    const layer = (values.layer ?? 'payload') as string;
    if (!(layers as readonly string[]).includes(layer)) throw new UsageError(`--layer expects one of ${layers.join(', ')}, got "${layer}".`);
    const built = build(webhook.name, {
      seed,
      traits: (values.trait ?? []) as never[],
      set: (values.set ?? []) as string[],
    });
    // JSON.stringify writes the SDK layer's Dates as ISO strings.
    io.stdout(`${JSON.stringify(layer === 'sdk' ? built.sdkEnvelope : built.payload, null, 2)}\n`);
    return exitCodes.ok;
  },
};
