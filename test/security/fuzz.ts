/**
 * Input generators of the parseWebhook fuzz test: seeded, so a failing input is reproduced by its
 * seed and index. Each generator returns a body and, when it is known, the outcome it must have.
 */
import { mulberry32 } from '../../src/delivery/shuffle.js';
import { b64url } from './jwt.js';

export type Random = () => number;

/** Seeded, so a failing input is reproduced by its seed and index (the fuzz needs speed and reproducibility, not quality). */
export const seededRandom: (seed: number) => Random = mulberry32;

const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const base64Url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const noise = `${base64Url}.=+/ \t\n\r{}[]":,\\\u0000\u00e9\u200b\uFEFF\uFF0E\uD800😀`;
const keys = ['alg', 'kid', 'typ', 'crit', 'b64', 'jwk', 'jku', 'x5u', 'exp', 'iat', 'nbf', 'data', '__proto__', 'constructor', 'prototype', 'toString', 'eventType', 'identity', '\u0430lg', ''];
const algs = ['RS256', 'none', 'None', 'HS256', 'RS512', 'PS256', 'ES256', 'rs256', 'RS256 ', 'RS256\u0000', '', 'RS25\u0431'];

function randomText(random: Random, alphabet: string, length: number): string {
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[int(random, chars.length)];
  return out;
}

/** JSON text (not a value: duplicate keys survive), up to `depth` levels, with hostile keys and strings. */
export function jsonText(random: Random, depth: number): string {
  const roll = int(random, depth > 0 ? 9 : 6);
  switch (roll) {
    case 0:
      return String(pick(random, [0, -1, 1e308, 1.5, 2 ** 53 + 1, -0, 1e-320]));
    case 1:
      return pick(random, ['true', 'false', 'null']);
    case 2:
    case 3:
      return JSON.stringify(pick(random, algs));
    case 4:
      return JSON.stringify(randomText(random, noise, int(random, 20)));
    case 5:
      return `"${pick(random, ['\\ud800', '\\u0000', '\\u202e', '\\"', 'é'])}"`;
    case 6:
      return `[${Array.from({ length: int(random, 4) }, () => jsonText(random, depth - 1)).join(',')}]`;
    default: {
      const members = Array.from({ length: int(random, 5) }, () => `${JSON.stringify(pick(random, keys))}:${jsonText(random, depth - 1)}`);
      return `{${members.join(',')}}`;
    }
  }
}

/** A JWT header as text: usually with an `alg`, sometimes twice, with random extra members. */
export function headerText(random: Random): string {
  const members = [`"alg":${JSON.stringify(pick(random, algs))}`];
  for (let i = int(random, 4); i > 0; i--) members.push(`${JSON.stringify(pick(random, keys))}:${jsonText(random, 3)}`);
  if (random() < 0.2) members.push(`"alg":${JSON.stringify(pick(random, algs))}`);
  if (random() < 0.02) return `${'['.repeat(200)}${']'.repeat(200)}`;
  return `{${members.sort(() => random() - 0.5).join(',')}}`;
}

/** One to three character edits: replace, insert, delete, swap, change case. */
export function mutate(random: Random, text: string): string {
  let out = text;
  for (let edits = 1 + int(random, 3); edits > 0; edits--) {
    const at = int(random, out.length + 1);
    switch (int(random, 5)) {
      case 0:
        out = `${out.slice(0, at)}${pick(random, [...base64Url])}${out.slice(at + 1)}`;
        break;
      case 1:
        out = `${out.slice(0, at)}${randomText(random, random() < 0.8 ? base64Url : noise, 1 + int(random, 3))}${out.slice(at)}`;
        break;
      case 2:
        out = `${out.slice(0, at)}${out.slice(at + 1 + int(random, 4))}`;
        break;
      case 3: {
        const other = int(random, out.length);
        const chars = [...out];
        [chars[at], chars[other]] = [chars[other]!, chars[at]!];
        out = chars.join('');
        break;
      }
      default: {
        const char = out[at] ?? '';
        out = `${out.slice(0, at)}${char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase()}${out.slice(at + 1)}`;
      }
    }
  }
  return out;
}

/** The same bytes as `segment`, spelled with a different last character (non-canonical base64url), or undefined if none. */
export function aliasLastChar(random: Random, segment: string): string | undefined {
  const remainder = segment.length % 4;
  if (remainder === 0 || segment.length === 0) return undefined;
  const value = base64Url.indexOf(segment.at(-1)!);
  const spare = remainder === 2 ? 15 : 3;
  const alias = (value & ~spare) | (1 + int(random, spare));
  return `${segment.slice(0, -1)}${base64Url[alias]}`;
}

export { b64url, int, pick, randomText, base64Url, noise };
