/**
 * 重点项目 of each district. Names come from the corpus articles (项目 named there); the
 * investment figures (万元) and stage dates are INVENTED except 邵阳液压智慧工厂产业园 (总投资10亿元,
 * seed 000). Historical projects belong to the district's plan year; 盐湖区 also has projects for
 * the current year, whose stage and completed investment follow today.
 */
import { dayNumber } from '../domain/dates.ts';
import { PROJECT_STAGES, type Project, type ProjectStage } from '../domain/types.ts';
import { stableId } from './build.ts';
import type { ProjectSpec } from './spec.ts';

export interface DistrictProjects {
  regionCode: string;
  year: number | 'current';
  projects: ProjectSpec[];
}

export const DEMO_PROJECTS: DistrictProjects[] = [
  {
    regionCode: '140802', year: 2024, projects: [
      { name: '盐湖区人民医院新院建设项目', lead: 'wjj', total: '98000', plannedYear: '32000', pace: 1.02, stages: { planning: [-2, '06-15'], signed: [-2, '11-20'], started: [-1, '04-18'], building: [-1, '05-01'] } },
      { name: '西城—龙居引黄灌溉工程', lead: 'slj', total: '56000', plannedYear: '12000', pace: 0.96, stages: { planning: [-1, '09-10'], signed: [0, '05-20'], started: [0, '09-26'], building: [0, '10-10'] } },
      { name: '521国道盐湖段改扩建工程', lead: 'jtj', total: '126000', plannedYear: '40000', pace: 1.05, stages: { planning: [-2, '03-01'], signed: [-2, '08-15'], started: [-1, '03-28'], building: [-1, '04-10'] } },
      { name: '运泓路改扩建工程', lead: 'jtj', total: '38000', plannedYear: '22000', pace: 1.0, stages: { planning: [-1, '05-10'], signed: [-1, '10-08'], started: [0, '03-15'], building: [0, '04-01'], completed: [0, '12-18'] } },
      { name: '涑水河片区农村污水治理项目', lead: 'hbj', total: '18600', plannedYear: '18600', pace: 0.88, stages: { planning: [-1, '10-12'], signed: [0, '05-28'], started: [0, '06-25'], building: [0, '07-05'] } },
      { name: '盐湖高新区智慧物流快递集聚区', lead: 'gxq', total: '65000', plannedYear: '20000', pace: 1.1, stages: { planning: [-1, '04-20'], signed: [-1, '12-12'], started: [0, '04-08'], building: [0, '05-01'] } },
    ],
  },
  {
    regionCode: '140802', year: 'current', projects: [
      { name: '盐湖区人民医院新院建设项目', lead: 'wjj', total: '98000', plannedYear: '26000', pace: 1.0, stages: { planning: [-4, '06-15'], signed: [-4, '11-20'], started: [-3, '04-18'], building: [-3, '05-01'], completed: [0, '10-28'], operating: [0, '12-28'] } },
      { name: '西城—龙居引黄灌溉工程', lead: 'slj', total: '56000', plannedYear: '18000', pace: 0.92, stages: { planning: [-3, '09-10'], signed: [-2, '05-20'], started: [-2, '09-26'], building: [-2, '10-10'] } },
      { name: '盐湖高新区生物医药产业园二期', lead: 'gxq', total: '120000', plannedYear: '35000', pace: 1.08, stages: { planning: [-1, '05-12'], signed: [-1, '11-30'], started: [0, '03-20'], building: [0, '04-05'] } },
      { name: '水泵专业镇综合检测中心', lead: 'gxj', total: '12000', plannedYear: '8000', pace: 1.0, stages: { planning: [-1, '08-01'], signed: [0, '02-26'], started: [0, '04-12'], building: [0, '05-02'], completed: [0, '11-10'] } },
      { name: '盐湖区跨境电商产业园标准厂房', lead: 'swj', total: '28000', plannedYear: '15000', pace: 0.55, stages: { planning: [-1, '06-18'], signed: [0, '03-08'], started: [0, '07-22'], building: [0, '08-10'] } },
      { name: '姚暹渠沿线农村生活污水治理项目', lead: 'hbj', total: '14500', plannedYear: '14500', pace: 0.4, stages: { planning: [-1, '11-05'], signed: [0, '06-30'] } },
      { name: '中心城区老旧小区改造（25个小区）', lead: 'zjj', total: '31000', plannedYear: '31000', pace: 0.95, stages: { planning: [-1, '10-20'], signed: [0, '03-15'], started: [0, '04-10'], building: [0, '04-20'] } },
      { name: '盐湖新城综合管廊一期', lead: 'zjj', total: '86000', plannedYear: '10000', pace: 0.7, stages: { planning: [0, '02-28'], signed: [0, '09-18'], started: [0, '11-08'] } },
      { name: '凤凰谷景区提升改造', lead: 'wlj', total: '22000', plannedYear: '9000', pace: 1.0, stages: { planning: [-1, '09-01'], signed: [0, '01-20'], started: [0, '03-05'], building: [0, '03-20'], completed: [0, '09-25'], operating: [0, '10-01'] } },
      { name: '冷链冷库及智慧仓储项目', lead: 'swj', total: '16000', plannedYear: '6000', pace: 1.0, stages: { planning: [0, '01-15'], signed: [0, '12-15'] } },
    ],
  },
  {
    regionCode: '430502', year: 2023, projects: [
      { name: '邵阳液压智慧工厂产业园', lead: 'gxj', total: '100000', plannedYear: '35000', pace: 1.0, stages: { planning: [-2, '05-10'], signed: [-2, '09-15'], started: [-1, '03-01'], building: [-1, '03-20'], completed: [0, '10-30'], operating: [0, '11-18'] } },
      { name: '鑫鹏智能再制造产业链基地（一期）', lead: 'gxj', total: '30000', plannedYear: '18000', pace: 1.04, stages: { planning: [-1, '04-12'], signed: [-1, '08-08'], started: [-1, '11-20'], building: [0, '01-05'], completed: [0, '09-12'], operating: [0, '10-08'] } },
      { name: '双清区老年人医养结合中心', lead: 'wjj', total: '16000', plannedYear: '7000', pace: 0.9, stages: { planning: [-1, '06-01'], signed: [-1, '12-01'], started: [0, '04-10'], building: [0, '05-01'] } },
      { name: '爱莲街道医养中心', lead: 'mzj', total: '5200', plannedYear: '3000', pace: 0.95, stages: { planning: [-1, '08-20'], signed: [0, '02-10'], started: [0, '05-18'], building: [0, '06-01'] } },
      { name: '秀峰农贸市场新建项目', lead: 'scj', total: '6800', plannedYear: '6800', pace: 1.0, stages: { planning: [-1, '10-10'], signed: [0, '03-20'], started: [0, '06-28'], building: [0, '07-10'], completed: [0, '10-25'], operating: [0, '12-20'] } },
      { name: '华杰片区棚户区改造', lead: 'zjj', total: '42000', plannedYear: '12000', pace: 0.78, stages: { planning: [-2, '03-15'], signed: [-1, '06-30'], started: [-1, '10-12'], building: [-1, '11-01'] } },
    ],
  },
  {
    regionCode: '430202', year: 2019, projects: [
      { name: '汉德车桥株洲智能制造基地一期', lead: 'gxq', total: '200000', plannedYear: '80000', pace: 1.02, stages: { planning: [-1, '01-20'], signed: [-1, '03-18'], started: [-1, '08-08'], building: [-1, '09-01'], completed: [0, '11-20'], operating: [0, '12-26'] } },
      { name: '株洲市农副产品批发交易物流中心一期', lead: 'swj', total: '150000', plannedYear: '45000', pace: 0.96, stages: { planning: [-2, '10-10'], signed: [-1, '04-16'], started: [-1, '10-30'], building: [-1, '11-15'], completed: [0, '12-28'] } },
      { name: '好媳妇日用品智能制造基地', lead: 'gxq', total: '60000', plannedYear: '20000', pace: 1.0, stages: { planning: [-1, '05-06'], signed: [-1, '07-20'], started: [0, '04-28'], building: [0, '05-10'] } },
      { name: '怡亚通金巢现代工业园', lead: 'gxq', total: '80000', plannedYear: '18000', pace: 0.85, stages: { planning: [-1, '06-12'], signed: [-1, '11-08'], started: [0, '06-18'], building: [0, '07-01'] } },
      { name: '湖南建工集团装配式建筑基地', lead: 'zjj', total: '50000', plannedYear: '15000', pace: 1.0, stages: { planning: [-2, '09-01'], signed: [-2, '12-10'], started: [-1, '04-01'], building: [-1, '04-20'], completed: [0, '05-30'], operating: [0, '07-18'] } },
      { name: '金山污水处理厂一期', lead: 'hbj', total: '24000', plannedYear: '12000', pace: 1.0, stages: { planning: [-2, '05-01'], signed: [-2, '10-11'], started: [-1, '03-22'], building: [-1, '04-10'], completed: [0, '12-10'], operating: [0, '12-15'] } },
      { name: '青塘变电站', lead: 'fgj', total: '18000', plannedYear: '9000', pace: 1.0, stages: { planning: [-1, '02-01'], signed: [-1, '06-20'], started: [-1, '10-15'], building: [-1, '11-01'], completed: [0, '11-30'], operating: [0, '12-30'] } },
    ],
  },
  {
    regionCode: '360313', year: 2022, projects: [
      { name: '旭阳焦玻循环经济产业园', lead: 'zsj', total: '1000000', plannedYear: '50000', pace: 0.6, stages: { planning: [0, '03-15'], signed: [0, '08-26'] } },
      { name: '湘东云超级计算中心', lead: 'gxj', total: '35000', plannedYear: '8000', pace: 1.0, stages: { planning: [0, '02-20'], signed: [0, '04-28'], started: [0, '11-25'], building: [0, '12-05'] } },
      { name: '桥南路铁路下穿工程', lead: 'jtj', total: '26000', plannedYear: '9000', pace: 1.0, stages: { planning: [-2, '06-01'], signed: [-2, '10-10'], started: [-1, '03-06'], building: [-1, '03-20'], completed: [0, '12-16'], operating: [0, '12-20'] } },
      { name: '醴陵—湘东湘赣边区域合作产业园', lead: 'fgj', total: '150000', plannedYear: '30000', pace: 0.92, stages: { planning: [-1, '07-01'], signed: [0, '05-12'], started: [0, '08-18'], building: [0, '09-01'] } },
      { name: '湘东工业陶瓷产业集群标准厂房', lead: 'gxj', total: '45000', plannedYear: '20000', pace: 1.05, stages: { planning: [-1, '04-10'], signed: [-1, '09-01'], started: [0, '02-28'], building: [0, '03-15'], completed: [0, '11-30'] } },
      { name: '西气东输管道7号阀室配套工程', lead: 'fgj', total: '8000', plannedYear: '8000', pace: 1.0, stages: { planning: [-1, '09-01'], signed: [0, '01-10'], started: [0, '03-08'], building: [0, '03-20'], completed: [0, '08-30'], operating: [0, '09-10'] } },
    ],
  },
];

/** Project rows; for the current year the stage is the last one reached by today, investment scaled by elapsed time. */
export function buildProjects(deptIds: Map<string, Map<string, string>>, today: string): Project[] {
  const currentYear = Number(today.slice(0, 4));
  const rows: Project[] = [];
  for (const group of DEMO_PROJECTS) {
    const year = group.year === 'current' ? currentYear : group.year;
    for (const p of group.projects) {
      const stageDates: Partial<Record<ProjectStage, string>> = {};
      for (const stage of PROJECT_STAGES) {
        const at = p.stages[stage];
        if (!at) continue;
        const date = `${year + at[0]}-${at[1]}`;
        if (date <= today) stageDates[stage] = date;
      }
      const reached = PROJECT_STAGES.filter((s) => stageDates[s]);
      const stage = reached[reached.length - 1] ?? 'planning';
      // investment starts once a project has started (开工); the share of the year's work window
      // (from 1 January or the start date, whichever is later) gone by sets how much is done
      const started = stageDates.started !== undefined;
      const from = dayNumber(stageDates.started && stageDates.started > `${year}-01-01` ? stageDates.started : `${year}-01-01`);
      const elapsed = group.year === 'current' ? Math.min(1, Math.max(0, (dayNumber(today) - from + 1) / (dayNumber(`${year}-12-31`) - from + 1))) : 1;
      const raw = started ? Number(p.plannedYear) * Math.min(1.15, p.pace * elapsed) : 0;
      // 万元, rounded as offices report it (to 10万 below 1亿, to 100万 above)
      const step = raw >= 10000 ? 100 : 10;
      const completed = Math.round(raw / step) * step;
      rows.push({
        id: stableId(group.regionCode, year, 'project', p.name), regionCode: group.regionCode, year, name: p.name,
        leadDepartmentId: deptIds.get(group.regionCode)!.get(p.lead) ?? null,
        totalInvestment: p.total, plannedInvestmentYear: p.plannedYear, completedInvestmentYear: String(completed),
        stage, stageDates, version: 1,
      });
    }
  }
  return rows;
}
