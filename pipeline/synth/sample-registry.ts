/**
 * A registry (agencies.yaml) for the invented bodies of the synthetic samples, so that they resolve like real
 * ones. The places are made up, and so are their division codes: they are taken from blocks GB/T 2260 never
 * assigns (provinces 91–95, cities and counties under 99), so no figure is ever attributed to a real body. Pure.
 */
import { registryYaml } from '../agencies/to-yaml.ts';
import type { Agency, AgencyLevel } from '../model/agency.ts';
import { agencySlug } from '../model/report-id.ts';
import { CITIES, DISTRICTS, PROVINCES, TOWNS } from './agencies.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

function entry(name: string): Agency {
  const province = PROVINCES.findIndex((p) => name.startsWith(p));
  const city = CITIES.findIndex((c) => name.includes(c));
  const district = DISTRICTS.findIndex((d) => name.includes(d));
  const town = TOWNS.findIndex((t) => name.includes(t));
  const kind = /(?:人民政府|办事处)$/.test(name) ? 'government' : 'department';
  let level: AgencyLevel;
  let division: string;
  if (district >= 0) {
    level = town >= 0 ? 'township' : 'county';
    division = `99${pad(city + 1)}${pad(district + 1)}`;
  } else if (city >= 0) {
    level = 'city';
    division = `99${pad(city + 1)}00`;
  } else if (province >= 0) {
    level = 'province';
    division = `9${province + 1}0000`;
  } else throw new Error(`synthetic agency "${name}" names no invented place`);
  const bare = city >= 0 && district >= 0 && level === 'county' ? name.slice(name.indexOf(DISTRICTS[district]!)) : null;
  return { id: `synthetic-${agencySlug(name)}`, name, aliases: bare && bare !== name ? [bare] : [], division, level, kind };
}

export function sampleRegistry(names: readonly string[]): Agency[] {
  return [...new Set(names)].sort().map(entry);
}

export function sampleRegistryYaml(names: readonly string[]): string {
  return registryYaml(sampleRegistry(names), [
    'The invented bodies of the synthetic samples (pipeline/synth/sample-registry.ts; written by `npm run samples`).',
    'Their places are made up, and so are their division codes: blocks GB/T 2260 never assigns (91–95, 99).',
    'xxgk reads every agencies.yaml under an input folder in addition to the project registry (agencies.yaml).',
  ]);
}
