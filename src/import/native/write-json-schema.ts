import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../paths.js';
import { datasetJsonSchema } from './json-schema.js';

/** `npm run schema:dataset`: regenerates schema/dataset.schema.json from the zod definition. */
writeFileSync(
  path.join(projectRoot, 'schema', 'dataset.schema.json'),
  `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`,
);
