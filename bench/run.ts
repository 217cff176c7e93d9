import { benchDelivery } from './delivery.js';
import { benchFactories, printFactoryBench } from './factories.js';
import { benchGeneratedFactories, printGeneratedBench } from './generated-factories.js';
import { benchPact } from './pact.js';
import { benchSchemaValidation } from './schema-validation.js';
import { benchImports } from './imports.js';
import { benchMemory } from './memory.js';
import { agent, benchServer } from './server.js';
import { printTargets, ratio, reportTarget } from './targets.js';

/**
 * `npm run bench`: every benchmark, each reporting its ratio against a peer measured in the same
 * run. `BENCH_SECONDS` sets how long each measurement runs (default 1).
 */
console.log(`node ${process.version}, ${process.platform}/${process.arch}, BENCH_SECONDS=${process.env.BENCH_SECONDS ?? 1}`);
benchSchemaValidation();
const factoryRows = await benchFactories();
printFactoryBench(factoryRows);
for (const row of factoryRows) {
  const slower = row.structuredClone / row.factory;
  reportTarget(`${row.webhook} factory vs structuredClone`, `${ratio(slower)} slower`, 'within 8x', slower <= 8);
}
printGeneratedBench(benchGeneratedFactories());
await benchDelivery();
await benchPact();
await benchServer();
await benchMemory();
await benchImports();
agent.destroy();
printTargets();
