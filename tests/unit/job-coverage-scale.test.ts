/** The scheduled job's coverage input at national scale: the years of a long history, one a report. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../pipeline/config.ts';
import { jobCoverage } from '../../pipeline/schedule/job-coverage.ts';

test('the earliest published year of 300,000 reports (Math.min(...years) overflowed V8\'s stack past some 120,000)', async () => {
  const config = loadConfig('sources:\n  - id: a\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: in\npublish:\n  repo: out.git\n', 'xxgk.config.yaml', {});
  const years = Array.from({ length: 300_000 }, (_, i) => 2024 - (i % 6));
  const { coverage } = await jobCoverage(config, {} as never, { held: {}, built: null }, () => new Date('2026-03-01T00:00:00Z'), years);
  assert.equal(coverage.earliest, 2019);
});
