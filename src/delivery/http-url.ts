/** The value as an `http:` or `https:` URL, or `undefined` when it is not one: callers say which option was wrong. */
export function parseHttpUrl(value: string | URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
