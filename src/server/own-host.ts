import { hostname, networkInterfaces } from 'node:os';

/** Whether `host` (a name or an address, IPv6 with or without brackets) only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

const isWildcard = (address: string) => address === '0.0.0.0' || address === '::';
const withBrackets = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The `host:port` values a request to this server may carry in its `Host` header: the loopback
 * names and the bound address (for a wildcard bind, every interface address and the machine's
 * name). Anything else is a page that resolved its own name to this machine (DNS rebinding).
 */
export function ownHosts(boundAddress: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', withBrackets(boundAddress)]);
  if (isWildcard(boundAddress)) {
    names.add(hostname());
    for (const entries of Object.values(networkInterfaces())) for (const entry of entries ?? []) names.add(withBrackets(entry.address));
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name.toLowerCase()}:${port}`);
    if (port === 80) hosts.add(name.toLowerCase());
  }
  return hosts;
}

/** The origins (`http://host:port`) of those hosts: where a browser page of this server itself comes from. */
export function ownOrigins(hosts: Iterable<string>): string[] {
  return [...hosts].map((host) => `http://${host}`);
}
