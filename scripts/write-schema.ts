/** Write schemas/annual-report.schema.json from the template (npx tsx scripts/write-schema.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportSchemaText } from '../pipeline/validate/build-schema.ts';

const target = fileURLToPath(new URL('../schemas/annual-report.schema.json', import.meta.url));
writeFileSync(target, reportSchemaText());
console.log(`wrote ${target}`);
