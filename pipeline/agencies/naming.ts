/**
 * How a people's government signs its name, and the core of a place name (without 省/市/区/县/自治州…), for ids.
 *
 * The official name rule (what the body prints at the head of its report):
 * - province-level: the division's name + 人民政府 (江苏省人民政府, 北京市人民政府, 广西壮族自治区人民政府);
 * - prefecture-level: + 人民政府 (淮安市人民政府, 延边朝鲜族自治州人民政府), but a 地区 or 盟 is run by a
 *   行政公署 (阿克苏地区行政公署, 阿拉善盟行政公署);
 * - county-level: a district (…区, not 特区) of a city (…市, a prefecture-level city or a municipality) signs with
 *   the city's name in front (淮安市洪泽区人民政府, 北京市东城区人民政府), since district names repeat from city to
 *   city; its bare name (洪泽区人民政府) is an alias. Counties, county-level cities, banners and special districts
 *   sign with their own name (沭阳县人民政府, 昆山市人民政府, 六枝特区人民政府);
 * - township: a 街道 is run by a 街道办事处 (…街道办事处), a 镇, 乡 or 苏木 by its 人民政府.
 */
import type { Division } from './division.ts';

export interface GovernmentName {
  name: string;
  aliases: string[];
}

export function governmentName(division: Division, parent: Division | undefined): GovernmentName {
  const { name, level } = division;
  switch (level) {
    case 'province':
      return { name: `${name}人民政府`, aliases: [] };
    case 'city':
      return { name: /(?:地区|盟)$/.test(name) ? `${name}行政公署` : `${name}人民政府`, aliases: [] };
    case 'county': {
      const district = name.endsWith('区') && !name.endsWith('特区');
      if (district && parent !== undefined && parent.name.endsWith('市')) {
        return { name: `${parent.name}${name}人民政府`, aliases: [`${name}人民政府`] };
      }
      return { name: `${name}人民政府`, aliases: [] };
    }
    case 'township':
      return { name: name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`, aliases: [] };
  }
}

/** Ethnonyms that autonomous areas print without 族 (新疆维吾尔自治区, 伊犁哈萨克自治州, 博尔塔拉蒙古自治州). */
const BARE_ETHNONYMS = '维吾尔|哈萨克|柯尔克孜|蒙古';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:[^族]{1,4}族|${BARE_ETHNONYMS})*(自治区|自治州|自治县|自治旗|民族乡)$`);
const GENERIC = /^(.+?)(特别行政区|地区|街道|特区|苏木|省|市|盟|区|县|旗|镇|乡)$/;

/** A place name without its generic part: 淮安市 → 淮安, 延边朝鲜族自治州 → 延边, 津市市 → 津市, 城区 → 城. */
export function placeCore(name: string): { core: string; generic: string } {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return { core: autonomous[1]!, generic: autonomous[2]! };
  const generic = GENERIC.exec(name);
  if (generic) return { core: generic[1]!, generic: generic[2]! };
  return { core: name, generic: '' };
}
