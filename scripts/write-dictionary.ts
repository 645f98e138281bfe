/**
 * `npm run dictionary`: (re)write docs/data-dictionary.md from the CSV descriptions. A test fails when the committed
 * file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryMarkdown } from '../pipeline/datasets/to-dictionary-md.ts';

const path = join(import.meta.dirname, '..', 'docs', 'data-dictionary.md');
writeFileSync(path, dictionaryMarkdown());
console.log(`wrote ${path}`);
