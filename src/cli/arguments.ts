import { getWebhook, webhookNames, type CatalogWebhook } from '../catalog/catalog.js';
import { UsageError } from './command.js';

/** The one positional webhook name of `example` and `send`, resolved in the catalog. */
export function webhookArgument(positionals: readonly string[]): CatalogWebhook {
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`Missing webhook name. Webhooks: ${webhookNames.join(', ')}.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  return getWebhook(name);
}

/** A whole-number option (`--seed`, `--count`, ...), or `fallback` when it is absent. */
export function wholeNumberOption<Fallback extends number | undefined>(option: string, value: unknown, fallback: Fallback, minimum = 0): number | Fallback {
  if (value === undefined) return fallback;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < minimum || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--${option} expects a whole number >= ${minimum}, got "${text}".`);
  }
  return Number(text);
}

/** An option that takes one of a few words (`--layer`, `--mode`, `--log-format`, ...), or `fallback` when it is absent. */
export function choiceOption<const Choice extends string>(option: string, value: unknown, choices: readonly Choice[], fallback: Choice): Choice {
  if (value === undefined) return fallback;
  if (!(choices as readonly unknown[]).includes(value)) throw new UsageError(`--${option} expects one of ${choices.join(', ')}, got "${String(value)}".`);
  return value as Choice;
}
