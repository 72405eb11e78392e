/** The sample regions and districts (figures from public reports of these districts). */
import type { Comparator, Region } from '../domain/types.ts';

export const DEMO_REGIONS: Region[] = [
  { code: '140000', name: '山西省', level: 'province', parentCode: null },
  { code: '140800', name: '运城市', level: 'city', parentCode: '140000' },
  { code: '140802', name: '盐湖区', level: 'county', parentCode: '140800' },
];

export interface DemoDistrict {
  code: string;
  name: string;
  year: number;
  departments: { name: string; shortName: string }[];
  commitments: { title: string; sector: string; target: string; unit: string; comparator?: Comparator; lead: string; livelihood?: boolean }[];
}
