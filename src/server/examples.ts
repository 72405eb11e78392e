/**
 * Request and answer examples of the operations another system calls most: sign in (or a token),
 * list commitments page by page, read one, create one, submit a progress report, accept or return it,
 * list reports, send reminders, add a webhook, set a department's group robots, and the city's
 * overview and county comparison. One 双清区 story throughout (the same ids), so the examples read
 * as one conversation. They are media-type examples in the served document (contract.ts
 * `finishDocument`); `examples.test.ts` checks each against its operation's schema, and Redocly's
 * no-invalid-media-type-examples rule checks them against the document.
 */

export interface Example {
  summary: string;
  value: unknown;
}

export interface OperationExamples {
  /** examples of the JSON request body, by name */
  request?: Record<string, Example>;
  /** examples of the success answer, by name */
  response?: Record<string, Example>;
}

// one story's ids (双清区 430502 of 邵阳市 430500)
const REGION = '430502';
const CITY = '430500';
const PLAN = '6f1c1a52-2b1e-4c55-9a4e-2a0c2d1b7e10';
const HR = '0b8e4c9e-3d5a-4f7e-8a61-5c2f9b0d4e21'; // 区人社局
const COMMITMENT = '3d2f7a10-8b4c-4e21-9f6a-1c5b7e9d0a42';
const SUBTASK = '4e3a8b21-9c5d-4f32-8a7b-2d6c8f0e1b53';
const REPORT = '9a7e5c31-2d4b-4f68-8e1a-6b3c0d2f5e17';
const EVIDENCE = '2c4e6a8b-0d1f-4e3a-9b5c-7d9f1b3e5a28';
const OFFICE_USER = 'c4e8a2f6-1b3d-4a57-9c0e-7f2d5b8a1e63';
const REPORTER_USER = 'e1a3c5b7-9d2f-4e68-8a0c-3b5d7f9e1a24';
const TOKEN = '5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8b0d35';
const WEBHOOK = '8c0e2a4b-6d8f-4b1c-8e3a-5f7b9d1c3e46';
const MILESTONE = '7a9c1e3b-5d7f-4a2c-8e4b-6d8f0a2c4e57';

const account = {
  id: OFFICE_USER, regionCode: REGION, username: 'shuangqing.office', displayName: '双清区督查室', role: 'admin', departmentId: null,
  active: true, version: 3, mustChangePassword: false, lockedUntil: null, createdAt: '2026-01-05T08:30:00.000Z',
};

const commitment = {
  id: COMMITMENT, regionCode: REGION, planId: PLAN, parentId: null, title: '城镇新增就业3500人以上', sector: '民生保障', kind: 'quantitative', livelihood: true,
  targetValue: '3500', targetValueMax: null, unit: '人', comparator: 'gte', baselineValue: null, startDate: '2026-01-01', deadline: '2026-12-31',
  leadDepartmentId: HR, coDepartmentIds: [], responsibleLeader: '李副区长',
  milestones: [{ id: MILESTONE, title: '完成全年目标过半', dueDate: '2026-06-30', weight: 1, doneDate: null }],
  weight: 1, reportingFrequency: 'monthly', state: 'inProgress', published: true, source: null, assignedOn: '2026-01-20', version: 4,
  createdAt: '2026-01-20T02:10:00.000Z', updatedAt: '2026-02-03T07:45:12.000Z',
};

const evaluation = {
  completionRate: 53.14, expectedProgress: 49.59, lag: -3.55, status: 'onTrack', overdue: false, reportOverdue: false, deadlineOverdue: false,
  latestValue: '1860', latestPeriod: '2026-06', missingPeriods: [], measuredAt: '2026-06-30',
};

const submitted = {
  id: REPORT, regionCode: REGION, commitmentId: COMMITMENT, departmentId: HR, period: '2026-06', cumulativeValue: '1860', milestonesDone: [],
  narrative: '上半年城镇新增就业1860人，完成全年目标的53.1%。',
  evidence: [{ id: EVIDENCE, filename: '6月就业登记汇总表.pdf', contentType: 'application/pdf', size: 184_320, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }],
  state: 'submitted', submittedBy: REPORTER_USER, submittedAt: '2026-07-03T01:20:00.000Z', reviewerId: null, reviewComment: null, reviewedAt: null,
  version: 1, createdAt: '2026-07-03T01:20:00.000Z', updatedAt: '2026-07-03T01:20:00.000Z', idempotencyKey: '2026-06-hr-employment',
};

const group = (key: string, total: number, byStatus: [number, number, number, number, number, number], average: number | null) => ({
  key, total,
  byStatus: { notStarted: byStatus[0], onTrack: byStatus[1], lagging: byStatus[2], seriouslyLagging: byStatus[3], completed: byStatus[4], exceeded: byStatus[5] },
  overdue: byStatus[3], reportOverdue: byStatus[3], deadlineOverdue: 0, averageCompletion: average,
});

export const EXAMPLES: Record<string, OperationExamples> = {
  login: {
    request: { office: { summary: '督查室登录 / the office signs in', value: { username: 'shuangqing.office', password: 'correct horse battery staple' } } },
    response: {
      signedIn: {
        summary: '会话 Cookie 随答复下发；写操作带上 x-csrf-token / the session cookie comes with it; writes send x-csrf-token',
        value: { user: account, csrfToken: 'k3Jx9v0QeHc2mW7tZpL4sA', expiresAt: '2026-07-03T13:20:00.000Z' },
      },
    },
  },
  createToken: {
    request: { platform: { summary: '为市大数据平台建令牌 / a token for the city’s big-data platform', value: { name: '市大数据平台' } } },
    response: {
      created: {
        summary: '令牌只显示这一次，以 Authorization: Bearer … 使用 / the token is shown once; send it as Authorization: Bearer …',
        value: { id: TOKEN, regionCode: REGION, userId: OFFICE_USER, name: '市大数据平台', createdAt: '2026-07-03T02:00:00.000Z', lastUsedAt: null, revokedAt: null, token: 'dbt_9Qm3Xr7Lk2Vw5Zp8Ty4Hs6Nc1Bf0Ga' },
      },
    },
  },
  getMe: {
    response: {
      byToken: {
        summary: '以接口令牌调用 / called with an API token',
        value: { user: account, via: 'token', readableRegions: [REGION] },
      },
    },
  },
  listCommitments: {
    response: {
      firstPage: {
        summary: '第一页；再以 cursor=nextCursor 取下一页，nextCursor 为 null 即最后一页 / the first page: ask again with cursor=nextCursor; null on the last page',
        value: { items: [{ ...commitment, evaluation, subtaskCount: 1 }], nextCursor: 'eyJvIjoiZGVmYXVsdCIsImsiOlsiNDMwNTAyIiwi5rCR55Sf5L-d6ZqcIl19', asOf: '2026-06-30' },
      },
    },
  },
  getCommitment: {
    response: {
      reporter: {
        summary: '牵头单位填报员看到的任务：评估、子任务、报送及可执行操作 / as the lead department’s reporter sees it',
        value: {
          ...commitment, evaluation, subtaskCount: 1,
          subtasks: [{
            ...commitment, id: SUBTASK, parentId: COMMITMENT, title: '新增返乡创业带动就业500人', targetValue: '500', livelihood: false, milestones: [], responsibleLeader: null, version: 2,
            evaluation: { ...evaluation, completionRate: 61.2, lag: -11.61, latestValue: '306' }, subtaskCount: 0,
          }],
          reports: [submitted],
          allowed: {
            role: 'leadReporter', transitions: ['requestClose'], next: [{ action: 'requestClose', label: '办结申请', roles: ['leadReporter'] }], editable: [],
            publish: false, split: false, milestones: true, requestChange: true, decideChange: false, instruct: false, reply: true, report: true, review: false, confirmDraft: false,
          },
        },
      },
    },
  },
  createCommitment: {
    request: {
      quantitative: {
        summary: '一项量化目标任务 / a quantified commitment',
        value: {
          planId: PLAN, title: '城镇新增就业3500人以上', sector: '民生保障', livelihood: true, targetValue: '3500', unit: '人', comparator: 'gte',
          startDate: '2026-01-01', deadline: '2026-12-31', leadDepartmentId: HR, reportingFrequency: 'monthly',
        },
      },
    },
    response: { created: { summary: '立项（草稿），待交办 / entered as a draft, to be assigned', value: { ...commitment, state: 'draft', published: false, milestones: [], responsibleLeader: null, assignedOn: null, version: 1, updatedAt: commitment.createdAt } } },
  },
  submitReport: {
    request: {
      monthly: {
        summary: '报送6月进展（请求头 Idempotency-Key 使重发不重复）/ June’s progress (an Idempotency-Key header makes a resend safe)',
        value: { period: '2026-06', cumulativeValue: '1860', narrative: '上半年城镇新增就业1860人，完成全年目标的53.1%。' },
      },
      draft: { summary: '暂存，不提交 / kept as a draft', value: { period: '2026-06', cumulativeValue: '1800', narrative: '数据待人社系统核对。', draft: true } },
    },
    response: { submitted: { summary: '已报送，待督查室审核 / submitted, awaiting the office’s review', value: { ...submitted, evidence: [] } } },
  },
  reviewReport: {
    request: {
      accept: { summary: '采纳 / accept', value: { version: 1, decision: 'accept' } },
      return: { summary: '退回，写明原因 / return with what to fix', value: { version: 1, decision: 'return', comment: '请补充社保参保证明材料' } },
    },
    response: {
      accepted: {
        summary: '已采纳，计入完成率 / accepted: it now counts toward completion',
        value: { ...submitted, state: 'accepted', reviewerId: OFFICE_USER, reviewedAt: '2026-07-04T03:05:00.000Z', version: 2, updatedAt: '2026-07-04T03:05:00.000Z' },
      },
      returned: {
        summary: '已退回，填报员修改后重报 / returned: the reporter edits and resubmits',
        value: { ...submitted, state: 'returned', reviewerId: OFFICE_USER, reviewComment: '请补充社保参保证明材料', reviewedAt: '2026-07-04T03:05:00.000Z', version: 2, updatedAt: '2026-07-04T03:05:00.000Z' },
      },
    },
  },
  listReports: {
    response: {
      toReview: {
        summary: 'state=submitted：待审核的报送 / reports awaiting review',
        value: {
          items: [{ ...submitted, evidence: [{ id: EVIDENCE, filename: '6月就业登记汇总表.pdf' }], commitmentTitle: '城镇新增就业3500人以上', unit: '人' }],
          nextCursor: null,
        },
      },
    },
  },
  sendReminders: {
    request: {
      all: { summary: '向所有应催办的单位发送 / every department owed a reminder', value: { region: REGION } },
      urgeOne: { summary: '只催办一个单位的逾期事项 / urge one department about overdue reports', value: { region: REGION, departments: [HR], kinds: ['urge'] } },
    },
    response: {
      sent: {
        summary: '每个单位一条：站内通知，及已配置的邮件、Webhook、钉钉/企业微信群机器人 / one per department: in-app, and e-mail, webhook and group robots as configured',
        value: {
          asOf: '2026-07-06',
          reminders: [{
            departmentId: HR, departmentName: '区人社局', email: 'rsj@shuangqing.gov.cn', kind: 'urge',
            items: [{ commitmentId: COMMITMENT, title: '城镇新增就业3500人以上', period: '2026-06', dueDate: '2026-07-05' }],
            deliveries: [
              { channel: 'inApp', status: 'sent', attempts: 1, error: null },
              { channel: 'email', status: 'sent', attempts: 1, error: null },
              { channel: 'dingtalk', status: 'failed', attempts: 1, error: 'errcode 310000: sign not match' },
            ],
          }],
        },
      },
    },
  },
  createWebhook: {
    request: {
      reports: {
        summary: '把报送与审核推给区OA / reports and reviews to the district’s OA',
        value: { region: REGION, url: 'https://oa.shuangqing.gov.cn/hooks/duban', events: ['report.submitted', 'report.accepted', 'report.returned'], description: '区OA' },
      },
    },
    response: {
      created: {
        summary: '签名密钥只显示这一次 / the signing secret is shown once',
        value: {
          id: WEBHOOK, regionCode: REGION, url: 'https://oa.shuangqing.gov.cn/hooks/duban', events: ['report.submitted', 'report.accepted', 'report.returned'],
          active: true, description: '区OA', createdAt: '2026-07-03T02:30:00.000Z', version: 1, secret: 'whsec_4Fq8Zt2Lm6Vx0Nc3Rb7Kd1Yh5Pw9Gs',
        },
      },
    },
  },
  setDepartmentRobots: {
    request: {
      both: {
        summary: '钉钉（加签）与企业微信群机器人 / a signed DingTalk robot and a WeCom group robot',
        value: {
          dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=7c1e0f5a2b9d4c68e3a1f0b7d2c5e9a4', secret: 'SEC3f9a1c7e5b2d8f0a4c6e1b9d7f3a5c2e8b0d4f6a1c9e7b5d3f' },
          wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=2b6f0d4a-8c1e-4f3a-9d5b-7e1c3a5f9b2d' },
        },
      },
      removeWecom: { summary: '去掉企业微信，钉钉不变 / remove WeCom, keep DingTalk as it is', value: { wecom: null } },
    },
    response: { set: { summary: '只显示主机名与是否加签，不显示凭据 / the hosts and whether signed, never the credentials', value: { dingtalk: { host: 'oapi.dingtalk.com', signed: true }, wecom: { host: 'qyapi.weixin.qq.com' } } } },
  },
  getScopeOverview: {
    response: {
      city: {
        summary: '邵阳市汇总总览 / the city’s overview',
        value: {
          regionCode: CITY, year: 2026, asOf: '2026-06-30',
          summary: { total: group('total', 412, [18, 301, 52, 9, 27, 5], 47.8), bySector: [group('民生保障', 96, [3, 74, 12, 2, 4, 1], 51.2)], byDepartment: [group(HR, 14, [0, 11, 2, 0, 1, 0], 55.6)] },
          lagging: { count: 61, items: [{ id: COMMITMENT, regionCode: REGION, planId: PLAN, title: '城镇新增就业3500人以上', sector: '民生保障', leadDepartmentId: HR, evaluation: { ...evaluation, completionRate: 30.1, lag: 19.49, status: 'seriouslyLagging' } }] },
          overdue: { count: 9, items: [] },
          trend: [{ month: '2026-05', averageCompletion: 39.5, behind: 58 }, { month: '2026-06', averageCompletion: 47.8, behind: 61 }],
        },
      },
    },
  },
  compareDistricts: {
    response: {
      city: {
        summary: '邵阳市各区县并列比较 / the city’s counties side by side',
        value: {
          regionCode: CITY, year: 2026, asOf: '2026-06-30',
          districts: [
            { regionCode: REGION, name: '双清区', planId: PLAN, commitments: 86, completed: 7, averageCompletion: 49.3, lagging: 9, seriouslyLagging: 2, reportOverdue: 2, deadlineOverdue: 0, livelihood: { total: 12, done: 1 } },
            { regionCode: '430503', name: '大祥区', planId: null, commitments: 0, completed: 0, averageCompletion: null, lagging: 0, seriouslyLagging: 0, reportOverdue: 0, deadlineOverdue: 0, livelihood: { total: 0, done: 0 } },
          ],
          indicators: [{
            indicator: '地区生产总值', unit: '亿元',
            values: { [REGION]: { period: '2026-Q2', value: '186.4', yoyGrowth: 5.9, rank: 1 }, '430503': { period: '2026-Q2', value: null, yoyGrowth: null, rank: 2 } },
          }],
        },
      },
    },
  },
};
