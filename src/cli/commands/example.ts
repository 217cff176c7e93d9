import { build, listTraits } from '../../build/build.js';
import { adversarialDeliveries } from '../../signing/adversarial.js';
import { signWebhook } from '../../signing/sign.js';
import { choiceOption, webhookArgument, wholeNumberOption } from '../arguments.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { readKeyFile } from '../read-input.js';

const layers = ['payload', 'sdk', 'jwt'] as const;

export const exampleCommand: Command = {
  name: 'example',
  summary: 'Print a realistic, consistent payload of a webhook as JSON (seeded, with traits and overrides).',
  usage: 'example <name> [--seed N] [--trait T]... [--set path=value]... [--layer payload|sdk|jwt] [--private-key FILE] [--adversarial] [--list-traits]',
  options: {
    seed: { type: 'string', valueName: 'n', description: 'Seed: the same seed prints the same bytes on any machine and day. Default: random.' },
    trait: { type: 'string', multiple: true, valueName: 'name', description: 'A named variant; repeat for several. See --list-traits.' },
    set: { type: 'string', multiple: true, valueName: 'path=value', description: 'Set a payload field (JSON for numbers, booleans, objects; text for strings); repeatable.' },
    layer: {
      type: 'string',
      valueName: 'payload|sdk|jwt',
      description: 'payload (default): the domain event in the JWT. sdk: the envelope @wix/sdk hands the handler (dates as ISO strings). jwt: the signed request body, as Wix POSTs it.',
    },
    'private-key': { type: 'string', valueName: 'file', description: 'PKCS#8 PEM to sign --layer jwt with. Default: the test key (`test`).' },
    adversarial: {
      type: 'boolean',
      description: 'Print, as JSON, the labelled bad and tricky deliveries of this payload an endpoint must survive (bodies, expected error codes, public key).',
    },
    'list-traits': { type: 'boolean', description: "List the webhook's traits and exit." },
  },
  examples: [
    'wixhook example participation-created --seed 42',
    'wixhook example participation-created --trait for-schedule --trait large-party',
    'wixhook example event-recurring-split --seed 7 --trait every-2-weeks --trait dst-change',
    'wixhook example guest-event-starts --trait starts-in-1-hour --set actionEvent.body.guest.totalGuests=3 --layer sdk',
    'wixhook example guest-event-starts --list-traits',
    'wixhook example participation-created --layer jwt --private-key my-test-key.pem > body.jwt',
    'wixhook example participation-created --seed 1 --adversarial | jq -r ".[].label"',
  ],
  async run({ values, positionals, io }) {
    const webhook = webhookArgument(positionals);
    if (values['list-traits']) {
      const traits = listTraits(webhook.name);
      const width = Math.max(...traits.map((trait) => trait.name.length)) + 2;
      io.stdout(traits.map((trait) => `${trait.name.padEnd(width)}${trait.description}\n`).join(''));
      return exitCodes.ok;
    }
    const seed = wholeNumberOption('seed', values.seed, undefined);
    const layer = choiceOption('layer', values.layer, layers, 'payload');
    const built = build(webhook.name, {
      seed,
      traits: (values.trait ?? []) as string[],
      set: (values.set ?? []) as string[],
    });
    const privateKey = await readKeyFile('private-key', values['private-key']);
    if (values.adversarial) {
      const corpus = await adversarialDeliveries(webhook.name, { payload: built.payload as Record<string, unknown>, instanceId: built.delivery.instanceId, identity: built.delivery.identity });
      io.stdout(`${JSON.stringify(corpus, null, 2)}\n`);
      return exitCodes.ok;
    }
    if (layer === 'jwt') {
      const jwt = await signWebhook(webhook.name, built.payload, { ...built.delivery, ...(privateKey ? { privateKey } : {}) });
      io.stdout(`${jwt}\n`);
      return exitCodes.ok;
    }
    if (privateKey) throw new UsageError('--private-key signs the jwt layer: add --layer jwt.');
    // JSON.stringify writes the SDK layer's Dates as ISO strings.
    io.stdout(`${JSON.stringify(layer === 'sdk' ? built.sdkEnvelope : built.payload, null, 2)}\n`);
    return exitCodes.ok;
  },
};
