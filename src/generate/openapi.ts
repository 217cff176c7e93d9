import { wixMockOpenApi } from '../msw/admin.js';
import { jsonFile, type GeneratedFile, type Generator } from './generated-file.js';

/** Where the OpenAPI document of the simulated Wix is written, in the package. */
export const openApiFile = 'openapi/wix-mock.openapi.json';

/** The document `GET /_wixhook/openapi.json` serves, committed and shipped for tools that read files. */
export const openApiGenerator: Generator = {
  folder: 'openapi',
  generate: (): GeneratedFile[] => [jsonFile(openApiFile, wixMockOpenApi())],
};
