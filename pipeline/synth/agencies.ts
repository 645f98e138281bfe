/**
 * Plausible synthetic agency names, built from invented place names and real department names
 * (某某市生态环境局, 某某市某某区人民政府, …). The place names are made up so that no figure is attributed to a real body.
 */
import type { Rng } from './prng.ts';

export type Level = 'province' | 'city' | 'district' | 'town';

export interface Agency {
  name: string;
  level: Level;
  /** A people's government (人民政府) rather than one of its departments. */
  government: boolean;
  /** The place the body serves, as printed in its address ("青禾市"). */
  place: string;
}

export const PROVINCES = ['东江省', '云岭省', '北原省', '澜沧省', '青丘省'];
export const CITIES = ['青禾市', '澜川市', '云湖市', '白溪市', '南岚市', '北嶂市', '鹤汀市', '砚川市', '霁山市', '晴湾市', '石湄市', '枫林市'];
export const DISTRICTS = ['东塘区', '西岭区', '桂溪县', '柳埠县', '望川县', '湄水区', '清源区', '临波县', '安澜县', '宁溪县', '新港区', '松岗县'];
export const TOWNS = ['石桥镇', '杏花镇', '龙泉镇', '北关街道', '南湖街道', '白马镇'];

const PROVINCE_DEPARTMENTS = ['生态环境厅', '自然资源厅', '教育厅', '公安厅', '交通运输厅', '住房和城乡建设厅', '市场监督管理局', '卫生健康委员会'];
const CITY_DEPARTMENTS = [
  '发展和改革委员会', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局',
  '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会',
  '应急管理局', '市场监督管理局', '医疗保障局', '城市管理局', '人民政府办公室',
];
const DISTRICT_DEPARTMENTS = ['教育局', '公安分局', '民政局', '财政局', '自然资源局', '住房和城乡建设局', '农业农村局', '卫生健康委员会', '市场监督管理局', '人民政府办公室'];

export function pickAgency(rng: Rng): Agency {
  const level = rng.weighted<Level>([['province', 1], ['city', 5], ['district', 4], ['town', 1]]);
  const government = rng.chance(level === 'town' ? 1 : 0.3);
  const province = rng.pick(PROVINCES);
  const city = rng.pick(CITIES);
  const district = rng.pick(DISTRICTS);
  switch (level) {
    case 'province':
      return { level, government, place: province, name: province + (government ? '人民政府' : rng.pick(PROVINCE_DEPARTMENTS)) };
    case 'city':
      return { level, government, place: city, name: city + (government ? '人民政府' : rng.pick(CITY_DEPARTMENTS)) };
    case 'district': {
      // Districts print their name with or without the city in front (淮安市洪泽区人民政府 / 洪泽区人民政府).
      const prefix = rng.chance(0.6) ? city : '';
      return { level, government, place: city + district, name: prefix + district + (government ? '人民政府' : rng.pick(DISTRICT_DEPARTMENTS)) };
    }
    case 'town': {
      const town = rng.pick(TOWNS);
      return { level, government: true, place: city + district + town, name: district + town + (town.endsWith('街道') ? '办事处' : '人民政府') };
    }
  }
}

/** What can be told about a given name (for an agency passed in by the caller). */
export function describeAgency(name: string): Agency {
  const government = /人民政府$|办事处$/.test(name);
  const level: Level = /省/.test(name) && !/市/.test(name)
    ? 'province'
    : /(镇|乡|街道)/.test(name)
      ? 'town'
      : /(区|县)/.test(name)
        ? 'district'
        : 'city';
  const place = /^(.*?(?:省|市|区|县))/.exec(name)?.[1] ?? name;
  return { name, level, government, place };
}
