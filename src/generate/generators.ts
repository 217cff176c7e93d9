import { jsonSchemaGenerator } from '../json-schema/generator.js';
import { mocksGenerator } from '../mocks/generator.js';
import { contractsGenerator } from '../pact/generator.js';
import type { Generator } from './generated-file.js';

/** Every generated folder, in the order `npm run generate` writes them. */
export const generators: readonly Generator[] = [jsonSchemaGenerator, mocksGenerator, contractsGenerator];
