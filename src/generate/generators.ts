import { jsonSchemaGenerator } from './json-schemas.js';
import { mocksGenerator } from './deliveries.js';
import { contractsGenerator } from './contracts.js';
import { asyncApiGenerator } from './asyncapi.js';
import { openApiGenerator } from './openapi.js';
import type { Generator } from './generated-file.js';

/** Every generated folder, in the order `npm run generate` writes them. */
export const generators: readonly Generator[] = [jsonSchemaGenerator, mocksGenerator, contractsGenerator, asyncApiGenerator, openApiGenerator];
