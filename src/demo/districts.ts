/**
 * The sample regions and each district's departments (单位) and leaders (责任领导). Department
 * names follow the usual official names; leaders are generic titles, not people.
 */
import type { Region } from '../domain/types.ts';

export const DEMO_REGIONS: Region[] = [
  { code: '140000', name: '山西省', level: 'province', parentCode: null },
  { code: '140800', name: '运城市', level: 'city', parentCode: '140000' },
  { code: '140802', name: '盐湖区', level: 'county', parentCode: '140800' },
  { code: '430000', name: '湖南省', level: 'province', parentCode: null },
  { code: '430500', name: '邵阳市', level: 'city', parentCode: '430000' },
  { code: '430502', name: '双清区', level: 'county', parentCode: '430500' },
  { code: '430200', name: '株洲市', level: 'city', parentCode: '430000' },
  { code: '430202', name: '荷塘区', level: 'county', parentCode: '430200' },
  { code: '360000', name: '江西省', level: 'province', parentCode: null },
  { code: '360300', name: '萍乡市', level: 'city', parentCode: '360000' },
  { code: '360313', name: '湘东区', level: 'county', parentCode: '360300' },
];

export const DISTRICT_CODES = ['140802', '430502', '430202', '360313'] as const;

/**
 * Same-city counties that carry economic indicators only (no plan, departments or accounts), so a
 * city's ranking of its counties (全市排名) has peers. `scale`: size relative to the demo district.
 */
export const PEER_REGIONS: Array<Region & { peerOf: string; scale: number }> = [
  { code: '140821', name: '临猗县', level: 'county', parentCode: '140800', peerOf: '140802', scale: 0.42 },
  { code: '140881', name: '永济市', level: 'county', parentCode: '140800', peerOf: '140802', scale: 0.5 },
  { code: '140882', name: '河津市', level: 'county', parentCode: '140800', peerOf: '140802', scale: 0.78 },
  { code: '430503', name: '大祥区', level: 'county', parentCode: '430500', peerOf: '430502', scale: 1.05 },
  { code: '430511', name: '北塔区', level: 'county', parentCode: '430500', peerOf: '430502', scale: 0.45 },
  { code: '430203', name: '芦淞区', level: 'county', parentCode: '430200', peerOf: '430202', scale: 1.1 },
  { code: '430204', name: '石峰区', level: 'county', parentCode: '430200', peerOf: '430202', scale: 0.85 },
  { code: '430211', name: '天元区', level: 'county', parentCode: '430200', peerOf: '430202', scale: 1.55 },
  { code: '360302', name: '安源区', level: 'county', parentCode: '360300', peerOf: '360313', scale: 1.2 },
  { code: '360322', name: '上栗县', level: 'county', parentCode: '360300', peerOf: '360313', scale: 0.8 },
  { code: '360323', name: '芦溪县', level: 'county', parentCode: '360300', peerOf: '360313', scale: 0.7 },
];

/** Leaders by portfolio (分管领导). */
const LEADERS = {
  head: '区长',
  exec: '常务副区长',
  industry: '分管工业和招商副区长',
  agri: '分管农业农村副区长',
  urban: '分管城建副区长',
  social: '分管教育卫健副区长',
  welfare: '分管人社民政副区长',
  security: '分管政法副区长',
} as const;

interface DeptDef {
  /** full name after the district name, e.g. 人力资源和社会保障局 */
  name: string;
  /** 简称 as used in tables */
  short: string;
  leader: keyof typeof LEADERS;
}

/** The common departments; key → definition. Districts add their own below. */
const COMMON: Record<string, DeptDef> = {
  fgj: { name: '发展和改革局', short: '区发改局', leader: 'exec' },
  czj: { name: '财政局', short: '区财政局', leader: 'exec' },
  gxj: { name: '工业和信息化局', short: '区工信局', leader: 'industry' },
  kjj: { name: '科学技术局', short: '区科技局', leader: 'industry' },
  swj: { name: '商务局', short: '区商务局', leader: 'industry' },
  zsj: { name: '招商合作促进中心', short: '区招商中心', leader: 'industry' },
  rsj: { name: '人力资源和社会保障局', short: '区人社局', leader: 'welfare' },
  mzj: { name: '民政局', short: '区民政局', leader: 'welfare' },
  ybj: { name: '医疗保障局', short: '区医保局', leader: 'welfare' },
  jyj: { name: '教育局', short: '区教育局', leader: 'social' },
  wjj: { name: '卫生健康局', short: '区卫健局', leader: 'social' },
  wlj: { name: '文化和旅游局', short: '区文旅局', leader: 'social' },
  zjj: { name: '住房和城乡建设局', short: '区住建局', leader: 'urban' },
  cgj: { name: '城市管理局', short: '区城管局', leader: 'urban' },
  jtj: { name: '交通运输局', short: '区交通运输局', leader: 'urban' },
  zrj: { name: '自然资源局', short: '区自然资源局', leader: 'urban' },
  hbj: { name: '生态环境分局', short: '生态环境分局', leader: 'urban' },
  nyj: { name: '农业农村局', short: '区农业农村局', leader: 'agri' },
  slj: { name: '水利局', short: '区水利局', leader: 'agri' },
  scj: { name: '市场监督管理局', short: '区市场监管局', leader: 'exec' },
  spj: { name: '行政审批服务管理局', short: '区行政审批局', leader: 'exec' },
  yjj: { name: '应急管理局', short: '区应急管理局', leader: 'security' },
  gaj: { name: '公安分局', short: '公安分局', leader: 'security' },
  xfj: { name: '信访局', short: '区信访局', leader: 'security' },
};

/** District-specific departments. */
const EXTRA: Record<string, Record<string, DeptDef>> = {
  '140802': {
    gdj: { name: '供电公司（国网）', short: '盐湖供电公司', leader: 'exec' },
    gxq: { name: '高新技术产业开发区管委会', short: '高新区管委会', leader: 'industry' },
  },
  '430502': {},
  '430202': {
    zcb: { name: '房屋征收和补偿办公室', short: '区征拆办', leader: 'urban' },
    gxq: { name: '高新技术产业开发区管委会', short: '高新区管委会', leader: 'industry' },
  },
  '360313': {},
};

export interface DemoDepartment {
  key: string;
  name: string;
  shortName: string;
  leader: string;
}

const DISTRICT_NAMES: Record<string, string> = { '140802': '盐湖区', '430502': '双清区', '430202': '荷塘区', '360313': '湘东区' };
const CITY_NAMES: Record<string, string> = { '140802': '运城市', '430502': '邵阳市', '430202': '株洲市', '360313': '萍乡市' };

export function districtName(code: string): string {
  const n = DISTRICT_NAMES[code];
  if (!n) throw new Error(`not a demo district: ${code}`);
  return n;
}

/** The departments of a demo district, with their full names (盐湖区人力资源和社会保障局) and short names. */
export function departmentsOf(code: string): DemoDepartment[] {
  const defs = { ...COMMON, ...EXTRA[code] };
  return Object.entries(defs).map(([key, d]) => ({
    key,
    name: fullName(code, key, d.name),
    shortName: d.short,
    leader: LEADERS[d.leader],
  }));
}

/** Official full name: city-level branches (分局) are named after the city, the rest after the district. */
function fullName(code: string, key: string, name: string): string {
  const district = districtName(code);
  const city = CITY_NAMES[code]!;
  const short = district.slice(0, -1); // 盐湖区 → 盐湖
  if (key === 'hbj') return `${city}生态环境局${short}分局`;
  if (key === 'gaj') return `${city}公安局${short}分局`;
  if (key === 'gdj') return `国网${city}${district}供电公司`;
  // 湘东区's culture bureau carries the broadcast and press portfolio, as in Jiangxi counties
  if (key === 'wlj' && code === '360313') return `${district}文化广电新闻出版旅游局`;
  return `${district}${name}`;
}
