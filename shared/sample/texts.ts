// Chinese wording for generated records: weather, 形象进度 narratives, the notes of each lifecycle step,
// photo captions and the labels used to name extra projects in large samples.
import type { IssueEventKind, IssueStatus } from '../domain/issue';
import type { ProjectCategory, ProjectPhase } from '../domain/project';
import { chineseDate } from './dates';
import type { Rng } from './random';

export const WEATHER = ['晴', '晴', '多云', '晴转多云', '阴', '小雨', '阵雨', '多云转晴'] as const;

/** "<county><category>项目<n>" uses these for the extra projects of large samples. */
export const CATEGORY_LABELS: Record<ProjectCategory, string> = {
  sewage: '污水处理',
  waste: '垃圾处理',
  lowRentHousing: '廉租住房',
  affordableHousing: '经济适用住房',
  shantyTown: '棚户区改造',
  industrialPark: '园区基础设施',
  industry: '产业',
  transport: '道路',
  other: '其他',
};

/** The work going on at a site of each category, for narratives. */
const WORK: Record<ProjectCategory, readonly string[]> = {
  sewage: ['生化池主体结构', '二沉池池壁', '配套截污管网顶管', '鼓风机房', '检查井砌筑'],
  waste: ['填埋库区防渗层', '渗滤液调节池', '垃圾坝', '场区道路', '截洪沟'],
  lowRentHousing: ['主体结构', '砌体', '内外墙粉刷', '水电安装', '基础承台'],
  affordableHousing: ['主体结构', '砌体', '外墙保温', '室外配套管网', '屋面防水'],
  shantyTown: ['安置房装饰装修', '小区道路', '供暖管网', '燃气管网', '绿化'],
  industrialPark: ['园区主干道路基', '给水管网', '110千伏变电站', '场地平整', '排水管网'],
  industry: ['主厂房钢结构', '设备基础', '设备安装', '成品仓', '综合办公楼'],
  transport: ['路基填筑', '水稳层摊铺', '桥涵', '雨污管网', '沥青面层'],
  other: ['主体工程', '配套工程'],
};

export function progressNarrative(
  rng: Rng,
  category: ProjectCategory,
  phase: ProjectPhase,
  percent: number,
  workers: number,
  machines: number,
): string {
  const work = WORK[category];
  const [pct, men, kit] = [String(percent), String(workers), String(machines)];
  if (phase === 'preparation' || percent < 5) {
    return rng.pick([
      `项目处于前期阶段，正在办理相关审批手续，现场进行${rng.pick(['场地平整', '征地拆迁', '勘察测量', '临建搭设'])}。现场人员${men}人，机械${kit}台。`,
      `现场尚未开工，${rng.pick(['施工单位已进场搭设临时设施', '正在进行地质勘察', '征地拆迁工作正在推进'])}，形象进度约${pct}%。`,
    ]);
  }
  if (phase === 'completed' || phase === 'operating' || percent >= 95) {
    return `主体工程已完工，正在进行${rng.pick(['竣工验收资料整理', '设备调试', '扫尾及绿化', '回迁安置'])}。现场人员${men}人。`;
  }
  const a = rng.pick(work);
  const others = work.filter((w) => w !== a);
  const b = rng.pick(others.length > 0 ? others : work);
  const partDone = String(Math.min(100, percent + rng.int(5, 30)));
  return rng.pick([
    `${a}施工中，${b}已完成约${partDone}%，整体形象进度约${pct}%。现场作业人员${men}人，机械${kit}台。`,
    `现场正在进行${a}和${b}施工，较上次督查有明显进展，形象进度约${pct}%。作业人员${men}人，大型机械${kit}台。`,
    `${a}基本完成，正在组织${b}施工；形象进度约${pct}%，现场人员${men}人，机械${kit}台，施工组织有序。`,
  ]);
}

export const STATUS_LABELS: Record<IssueStatus, string> = {
  draft: '待下发',
  issued: '已下发',
  acknowledged: '已签收',
  inProgress: '整改中',
  extensionRequested: '申请延期',
  rectificationReported: '已反馈',
  awaitingReinspection: '待复查',
  closed: '已销号',
};

/** Notes of each lifecycle step, as written by whoever took it. */
export function eventNote(rng: Rng, kind: IssueEventKind, fix: string, deadline: string | null): string {
  switch (kind) {
    case 'created':
      return rng.pick(['现场督查发现。', '督查组现场检查发现，已拍照留存。', '暗访发现。', '查阅资料发现。']);
    case 'issued':
      return `已下发整改通知书，限${deadline === null ? '期' : chineseDate(deadline) + '前'}整改到位。`;
    case 'acknowledged':
      return rng.pick(['已签收整改通知书，明确专人负责整改。', '已签收，单位主要负责人已作出安排。']);
    case 'progressNoted':
      return rng.pick([
        '正在整改，已制定整改方案。',
        '整改已启动，完成约一半。',
        '已召开专题会议研究整改措施，正在推进。',
      ]);
    case 'extensionRequested':
      return rng.pick([
        '涉及多个部门协调，申请延期整改。',
        '受天气和征地影响，无法在期限内完成，申请延期。',
        '需报上级审批，申请延期。',
      ]);
    case 'extensionGranted':
      return `经研究，同意延期至${deadline === null ? '新的期限' : chineseDate(deadline)}。`;
    case 'extensionRefused':
      return '理由不充分，不同意延期，请按原期限整改到位。';
    case 'rectificationReported':
      return fix;
    case 'reinspectionRequested':
      return '整改情况已反馈，安排复查。';
    case 'closed':
      return '经现场复查，整改到位，同意销号。';
    case 'sentBack':
      return rng.pick(['复查发现整改不彻底，退回继续整改。', '现场复查未通过，问题仍然存在，退回整改。']);
    case 'deadlineChanged':
      return `经研究，整改期限调整为${deadline === null ? '新的期限' : chineseDate(deadline)}。`;
    case 'coordinationFlagged':
      return '需多部门协调，提请联席会议研究解决。';
    case 'coordinationCleared':
      return '已经联席会议协调解决，不再列入调度事项。';
    case 'stepsDecided':
      return '两台电脑分开办理的步骤相互矛盾，经督查办研究，以此为准。';
    case 'noticeRenumbered':
      return '督查〔2026〕临1号 → 督查〔2026〕1号';
  }
}

export const CAMERAS: readonly { make: string; model: string }[] = [
  { make: 'Canon', model: 'Canon PowerShot SX740 HS' },
  { make: 'HUAWEI', model: 'nova 9' },
  { make: 'Xiaomi', model: 'Redmi Note 12' },
  { make: 'OPPO', model: 'Reno8' },
  { make: 'vivo', model: 'Y77' },
];
