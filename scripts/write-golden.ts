/** Regenerate tests/golden/samples (the expected build of the bundled samples). Run it on purpose: npm run golden. */
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOLDEN, buildSamples } from '../tests/helpers/build-samples.ts';

// Built elsewhere and copied in as a plain folder: the build's output is a link to a content-named folder, which
// the repository must not hold.
const scratch = await mkdtemp(join(tmpdir(), 'xxgk-golden-'));
const run = await buildSamples(join(scratch, 'out'));
await rm(GOLDEN, { recursive: true, force: true });
await cp(await realpath(join(scratch, 'out')), GOLDEN, { recursive: true });
await rm(scratch, { recursive: true, force: true });
console.log(`wrote ${run.written.length} files into ${GOLDEN}`);
