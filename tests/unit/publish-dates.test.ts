/**
 * The release's dates across releases, as published: `issued` is the day of the dataset's first release (a first
 * release made in December says December, not a built-in date) and stays on every later release; `modified` is the
 * day of the last change. Read back from the git target's branch: DCAT (catalog and every dataset), schema.org in the
 * site, the GB/T 21063 catalogue.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { REPORTS, build, correct, fixture } from '../helpers/publish-fixture.ts';

/** 10:00 in Beijing on the given day. */
const at = (date: string): Clock => () => new Date(`${date}T02:00:00.000Z`);

interface Dates { issued: string[]; modified: string[]; published: string[]; gbt: string[] }

async function datesOn(repo: string): Promise<{ version: string; dates: Dates }> {
  const { files } = await stateOf(repo);
  const text = (p: string) => files.get(`latest/${p}`)!.toString('utf8');
  const graph = (JSON.parse(text('catalog.jsonld')) as { '@graph': Array<Record<string, { '@value'?: string } | undefined>> })['@graph'];
  const values = (key: string) => [...new Set(graph.map((n) => n[key]?.['@value']).filter((v): v is string => v !== undefined))];
  const site = text('index.html');
  const gbt = [...text('catalog-gbt21063.json').matchAll(/"发布日期": "([^"]+)"/g)].map((m) => m[1]!);
  return {
    version: (JSON.parse(text('manifest.json')) as { version: string }).version,
    dates: { issued: values('dct:issued'), modified: values('dct:modified'), published: [...site.matchAll(/"datePublished": "([^"]+)"/g)].map((m) => m[1]!), gbt: [...new Set(gbt)] },
  };
}

test('issued is the first release’s day, kept by every later release; modified moves with the data', async (t) => {
  const f = fixture();
  t.after(() => rmSync(f.dir, { recursive: true, force: true }));
  const repo = join(f.dir, 'publish.git');
  const release = async (clock: Clock) => {
    await build(f, clock);
    return publish(f.out, gitTarget({ repo, branch: 'main', workDir: join(f.dir, 'work'), clock }), { clock });
  };

  // The first release, made in December.
  assert.equal((await release(at('2026-12-05'))).result?.version, '1.0.0');
  const first = await datesOn(repo);
  assert.deepEqual(first.dates, { issued: ['2026-12-05'], modified: ['2026-12-05'], published: ['2026-12-05'], gbt: ['2026-12-05'] });

  // A correction two weeks later: a patch release, issued kept, modified that day.
  correct(f, REPORTS.hongze2023, 'applications', 'received', 'total', 999);
  assert.equal((await release(at('2026-12-20'))).result?.version, '1.0.1');
  const second = await datesOn(repo);
  assert.deepEqual(second.dates.issued, ['2026-12-05'], 'issued: the first release’s day');
  assert.deepEqual(second.dates.published, ['2026-12-05']);
  assert.deepEqual(second.dates.gbt, ['2026-12-05']);
  assert.ok(second.dates.modified.includes('2026-12-20'), `modified moves to the change: ${second.dates.modified.join(', ')}`);

  // Nothing new a month later: nothing published, the dates as they were.
  const again = await release(at('2027-01-10'));
  assert.equal(again.plan.empty, true);
  assert.deepEqual(await datesOn(repo), second);
});
