/**
 * 荣誉表彰 of the sample districts' plan years, as their offices would record them. 湘东区 2022 and
 * 双清区 2023 are from the corpus articles on those years (seeds 002; 000 and 001); 盐湖区 2024 and
 * 荷塘区 2019 are INVENTED (their articles were published before the year ended), marked 示例.
 */
import type { Honour, HonourLevel } from '../domain/types.ts';
import { stableId } from './build.ts';

type HonourSpec = { title: string; level: HonourLevel; recipient?: string; sector?: string; awardedBy?: string };

const HONOURS: Array<{ regionCode: string; year: number; honours: HonourSpec[] }> = [
  {
    regionCode: '360313', year: 2022, // 湘东区, seed 002
    honours: [
      { title: '全国信访工作示范县区', level: 'national' },
      { title: '全国基层中医药工作先进单位', level: 'national', sector: '民生保障' },
      { title: '国家级制种大县', level: 'national', sector: '乡村振兴' },
      { title: '全省数字乡村试点县区', level: 'provincial', sector: '乡村振兴' },
      { title: '平安江西建设示范县区', level: 'provincial', sector: '安全稳定' },
      { title: '全省首批双碳试点县区', level: 'provincial' },
      { title: '国家级中小企业特色产业集群', level: 'national', recipient: '湘东工业陶瓷产业集群', sector: '经济发展' },
    ],
  },
  {
    regionCode: '430502', year: 2023, // 双清区, seeds 000 and 001
    honours: [
      { title: '湖南省第二批创新型县（市、区）', level: 'provincial', sector: '经济发展' },
      { title: '全省乡村振兴战略实绩考核优秀等次', level: 'provincial', sector: '乡村振兴' },
      { title: '全省农村人居环境整治先进单位', level: 'provincial', sector: '乡村振兴' },
      { title: '全省检察机关“利剑护蕾”专项行动先进集体', level: 'provincial', recipient: '区人民检察院', sector: '安全稳定' },
    ],
  },
  {
    regionCode: '140802', year: 2024, // 盐湖区, 示例 (invented)
    honours: [
      { title: '山西省全域旅游示范区', level: 'provincial', sector: '文化旅游', awardedBy: '山西省文化和旅游厅' },
      { title: '全省就业工作先进集体', level: 'provincial', recipient: '区人力资源和社会保障局', sector: '民生保障' },
      { title: '全国“枫桥式公安派出所”', level: 'national', recipient: '北城派出所' },
    ],
  },
  {
    regionCode: '430202', year: 2019, // 荷塘区, 示例 (invented)
    honours: [
      { title: '全省平安建设先进县市区', level: 'provincial' },
      { title: '全市征地拆迁工作先进单位', level: 'city', recipient: '区征地拆迁事务中心', sector: '城市建设', awardedBy: '株洲市人民政府' },
    ],
  },
];

/** The honour rows (stable ids and times, so a second load inserts nothing). */
export function demoHonours(): Array<Omit<Honour, 'createdAt'> & { createdAt: string; createdBy: null }> {
  return HONOURS.flatMap(({ regionCode, year, honours }) =>
    honours.map((h) => ({
      id: stableId(regionCode, year, 'honour', h.recipient ?? '', h.title),
      regionCode, year, title: h.title, level: h.level, recipient: h.recipient ?? null, sector: h.sector ?? null, awardedBy: h.awardedBy ?? null,
      createdBy: null, createdAt: `${year + 1}-01-05T01:00:00.000Z`,
    })),
  );
}
