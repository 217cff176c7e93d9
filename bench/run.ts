import { benchDelivery } from './delivery.js';
import { benchFactories, printFactoryBench } from './factories.js';
import { benchGeneratedFactories, printGeneratedBench } from './generated-factories.js';
import { benchPact } from './pact.js';
import { benchSchemaValidation } from './schema-validation.js';
import { benchServer } from './server.js';

/**
 * `npm run bench`: every benchmark, each reporting its ratio against a peer measured in the same
 * run. `BENCH_SECONDS` sets how long each measurement runs (default 1).
 */
console.log(`node ${process.version}, ${process.platform}/${process.arch}, BENCH_SECONDS=${process.env.BENCH_SECONDS ?? 1}`);
benchSchemaValidation();
printFactoryBench(await benchFactories());
printGeneratedBench(benchGeneratedFactories());
await benchDelivery();
await benchPact();
await benchServer();
