/** Regenerate tests/golden/samples (the expected build of the bundled samples). Run it on purpose: npm run golden. */
import { rm } from 'node:fs/promises';
import { GOLDEN, buildSamples } from '../tests/helpers/build-samples.ts';

await rm(GOLDEN, { recursive: true, force: true });
const run = await buildSamples(GOLDEN);
console.log(`wrote ${run.written.length} files into ${GOLDEN}`);
