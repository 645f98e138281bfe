// Node 20+: npm install ajv ajv-formats, then node reports-feed.mjs [BASE_URL]
// Reads the reports index, checks it against the JSON Schema its $schema names, and prints the latest year.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const base = process.argv[2] ?? 'https://xxgk.example/data/latest/';
const getJson = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
};

const feed = await getJson(new URL('feed/reports.json', base));
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(await getJson(feed.$schema));
if (!validate(feed)) throw new Error(`feed/reports.json: ${ajv.errorsText(validate.errors)}`);

const latest = Math.max(...feed.reports.map((r) => r.year));
console.log(`version ${feed.version}, ${feed.reports.length} reports; ${latest}:`);
for (const r of feed.reports.filter((r) => r.year === latest)) {
  const { received, granted, handled } = r.headline;
  const share = granted !== null && handled ? `${((100 * granted) / handled).toFixed(1)} %` : 'n/a';
  console.log(`${r.agency}\treceived ${received ?? 'n/a'}\tgranted ${share}\twarnings ${r.warnings}`);
}
