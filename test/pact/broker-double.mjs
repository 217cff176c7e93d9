// A Pact Broker double: plain JavaScript, so the packed-package test (.ci/packed.sh) runs the same
// double from a user project as the suite (test/pact/broker.test.ts) does. Types: broker-double.d.mts.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * Speaks the part of the broker's HAL API Pact's verifier uses: the index, pacts-for-verification
 * (GET for its self link, POST with the selection), each pact with its publish-verification-results
 * and provider links, the provider's branch versions, and verification results. Everything else is
 * a 404, so a request the real verifier would not make shows up as a failure. `GET /_double` gives
 * what was recorded, for scripts.
 */
export async function startBrokerDouble(pacts) {
  const requests = [];
  const published = [];
  const branchVersions = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const base = `http://127.0.0.1:${server.address().port}`;
      const path = decodeURIComponent(new URL(request.url ?? '/', base).pathname);
      const send = (status, json) => {
        response.writeHead(status, { 'content-type': 'application/hal+json' });
        response.end(JSON.stringify(json));
      };
      if (path === '/_double') return send(200, { requests, published, branchVersions });
      const body = text ? JSON.parse(text) : undefined;
      requests.push({ method: request.method ?? '', path, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}), ...(body !== undefined ? { body } : {}) });
      const pactLinks = (index, entry) => ({
        self: { href: `${base}/pacts/${index}`, name: `Pact between ${entry.consumer} and ${entry.provider}` },
        'pb:provider': { href: `${base}/pacticipants/${entry.provider}` },
        'pb:publish-verification-results': { title: 'Publish verification results', href: `${base}/pacts/${index}/verification-results` },
      });
      let match;
      if (request.method === 'GET' && path === '/') {
        return send(200, { _links: { 'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true } } });
      }
      if ((match = path.match(/^\/pacts\/provider\/([^/]+)\/for-verification$/))) {
        const provider = match[1];
        if (request.method === 'GET') return send(200, { _links: { self: { href: `${base}/pacts/provider/${provider}/for-verification` } } });
        if (request.method === 'POST') {
          const selected = pacts.flatMap((entry, index) => (entry.provider === provider ? [{ entry, index }] : []));
          return send(200, {
            _embedded: {
              pacts: selected.map(({ entry, index }) => ({
                shortDescription: `latest from ${entry.consumer}`,
                verificationProperties: { pending: entry.pending ?? false, notices: [{ when: 'before_verification', text: `The pact of ${entry.consumer} is being verified` }] },
                _links: { self: pactLinks(index, entry).self },
              })),
            },
          });
        }
      }
      if (request.method === 'GET' && (match = path.match(/^\/pacts\/(\d+)$/)) && pacts[Number(match[1])]) {
        const entry = pacts[Number(match[1])];
        return send(200, { ...entry.pact, _links: pactLinks(Number(match[1]), entry) });
      }
      if (request.method === 'POST' && (match = path.match(/^\/pacts\/(\d+)\/verification-results$/)) && pacts[Number(match[1])]) {
        const entry = pacts[Number(match[1])];
        published.push({ consumer: entry.consumer, provider: entry.provider, body: body ?? {} });
        return send(201, { success: body?.success, _links: { self: { href: `${base}${path}/1` } } });
      }
      if (request.method === 'GET' && (match = path.match(/^\/pacticipants\/([^/]+)$/))) {
        return send(200, { name: match[1], _links: { self: { href: `${base}${path}` }, 'pb:branch-version': { href: `${base}/pacticipants/${match[1]}/branches/{branch}/versions/{version}`, templated: true } } });
      }
      if (request.method === 'PUT' && (match = path.match(/^\/pacticipants\/([^/]+)\/branches\/([^/]+)\/versions\/([^/]+)$/))) {
        branchVersions.push(`${match[1]}/${match[2]}/${match[3]}`);
        return send(200, { _links: {} });
      }
      send(404, { error: `The broker double has no ${request.method} ${path}` });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    published,
    branchVersions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// As a script: `node broker-double.mjs <pact file>...` serves those pacts (provider and consumer
// from each file) until killed, and prints its URL.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pacts = process.argv.slice(2).map((file) => {
    const pact = JSON.parse(readFileSync(file, 'utf8'));
    return { provider: pact.provider.name, consumer: pact.consumer.name, pact };
  });
  const double = await startBrokerDouble(pacts);
  console.log(double.url);
}
