// Node 20+: npm install ajv ajv-formats, then node reports-feed.mjs [BASE_URL]
// Reads the reports index (its parts, one a year), checks each against the JSON Schema its $schema names, and
// prints the latest year.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const base = process.argv[2] ?? 'https://xxgk.example/data/latest/';
const getJson = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
};
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const checked = async (url) => {
  const doc = await getJson(url);
  const validate = ajv.getSchema(doc.$schema) ?? ajv.compile(await getJson(doc.$schema));
  if (!validate(doc)) throw new Error(`${url}: ${ajv.errorsText(validate.errors)}`);
  return doc;
};

// feed/reports.json names the parts (feed/reports/<year>.json, <year>-2.json … when a year is large).
const index = await checked(new URL('feed/reports.json', base));
const latest = Math.max(...index.parts.map((p) => p.year));
console.log(`version ${index.version}, ${index.count} reports; ${latest}:`);
for (const part of index.parts.filter((p) => p.year === latest)) {
  for (const r of (await checked(part.url)).reports) {
    const { received, granted, handled } = r.headline;
    const share = granted !== null && handled ? `${((100 * granted) / handled).toFixed(1)} %` : 'n/a';
    console.log(`${r.agency}\treceived ${received ?? 'n/a'}\tgranted ${share}\twarnings ${r.warnings}`);
  }
}
