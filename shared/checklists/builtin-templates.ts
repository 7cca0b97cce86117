// The checklist templates Ducha ships (DOMAIN.md, 检查表). Ids, keys and item ids are fixed so that
// every device has the same built-in rows and results from different laptops refer to the same items;
// a city that edits a template saves a new version under the same key (builtIn stays on version 1).
import type { ChecklistItem, ChecklistTemplate } from '../domain/checklist';

/** Key of the site dust-control template (扬尘治理 八个百分百). */
export const DUST_CONTROL_TEMPLATE_KEY = 'dustControl';
export const APPROVALS_TEMPLATE_KEY = 'approvals';
export const SAFETY_QUALITY_TEMPLATE_KEY = 'safetyQuality';
export const THREE_SIMULTANEOUS_TEMPLATE_KEY = 'threeSimultaneous';
export const FUNDS_USE_TEMPLATE_KEY = 'fundsUse';

/** A fixed instant, so the built-in rows are identical everywhere and older than any user edit. */
export const BUILTIN_TEMPLATES_CREATED_AT = '2026-01-01T00:00:00.000Z';

type ItemSpec = [id: string, text: string, kind: ChecklistItem['answerKind'], extra?: Partial<ChecklistItem>];

const item = ([id, text, answerKind, extra]: ItemSpec): ChecklistItem => ({
  id,
  text,
  answerKind,
  unit: null,
  score: null,
  required: answerKind === 'yesNoNa',
  ...extra,
});

function template(
  key: string,
  name: string,
  sections: { title: string; items: ItemSpec[] }[],
): ChecklistTemplate {
  return {
    id: `builtin-${key}-v1`,
    createdAt: BUILTIN_TEMPLATES_CREATED_AT,
    updatedAt: BUILTIN_TEMPLATES_CREATED_AT,
    key,
    version: 1,
    name,
    builtIn: true,
    sections: sections.map((s) => ({ title: s.title, items: s.items.map(item) })),
  };
}

/** Each of the eight items is worth 12.5 points: a site that meets all eight scores 100. */
const DUST_ITEM_SCORE = 12.5;
const dust = (id: string, text: string): ItemSpec => [id, text, 'yesNoNa', { score: DUST_ITEM_SCORE }];

export const DUST_CONTROL_TEMPLATE = template(DUST_CONTROL_TEMPLATE_KEY, '扬尘治理“八个百分百”', [
  {
    title: '六个百分百',
    items: [
      dust('enclosure', '工地周边100%围挡'),
      dust('materialCover', '物料堆放100%覆盖'),
      dust('vehicleWashing', '出入车辆100%冲洗'),
      dust('groundHardening', '施工现场地面100%硬化'),
      dust('wetDemolition', '拆迁工地100%湿法作业'),
      dust('sealedTransport', '渣土车辆100%密闭运输'),
    ],
  },
  {
    title: '本地增加两项',
    items: [dust('onlineMonitoring', '扬尘在线监测100%安装'), dust('videoNetworked', '视频监控100%联网')],
  },
  {
    title: '现场记录',
    items: [
      ['pm10', '在线监测PM10读数', 'number', { unit: 'μg/m³' }],
      ['sitePhoto', '现场全景照片（围挡、覆盖、冲洗设施）', 'photo', { required: true }],
      ['remarks', '存在问题及整改要求', 'text'],
    ],
  },
]);

export const APPROVALS_TEMPLATE = template(APPROVALS_TEMPLATE_KEY, '项目审批手续', [
  {
    title: '手续办理情况',
    items: [
      ['projectApproval', '立项（审批、核准或备案）', 'yesNoNa'],
      ['planningPermit', '建设工程规划许可证', 'yesNoNa'],
      ['landApproval', '用地批复', 'yesNoNa'],
      ['environmentalApproval', '环评批复', 'yesNoNa'],
      ['constructionPermit', '施工许可证', 'yesNoNa'],
      ['documentNumbers', '批复文号及尚缺手续说明', 'text'],
    ],
  },
]);

export const SAFETY_QUALITY_TEMPLATE = template(SAFETY_QUALITY_TEMPLATE_KEY, '安全生产与工程质量', [
  {
    title: '安全生产',
    items: [
      ['noAccidents', '本期内未发生安全生产事故', 'yesNoNa'],
      ['edgeProtection', '临边、洞口防护设施到位', 'yesNoNa'],
      ['certifiedOperators', '特种作业人员持证上岗', 'yesNoNa'],
      ['safetyOfficers', '现场专职安全员人数', 'number', { unit: '人' }],
    ],
  },
  {
    title: '工程质量',
    items: [
      ['materialTesting', '原材料进场检验记录齐全', 'yesNoNa'],
      ['concealedWorks', '隐蔽工程验收记录齐全', 'yesNoNa'],
      ['noShoddyWork', '主体结构无明显质量缺陷，无“豆腐渣”工程迹象', 'yesNoNa'],
      ['qualityPhoto', '质量问题部位照片', 'photo'],
    ],
  },
]);

export const THREE_SIMULTANEOUS_TEMPLATE = template(THREE_SIMULTANEOUS_TEMPLATE_KEY, '环保“三同时”', [
  {
    title: '环境保护设施',
    items: [
      ['designedTogether', '环保设施与主体工程同时设计', 'yesNoNa'],
      ['builtTogether', '环保设施与主体工程同时施工', 'yesNoNa'],
      ['operatedTogether', '环保设施与主体工程同时投产使用', 'yesNoNa'],
      ['eiaConditionsMet', '环评批复要求的措施已落实', 'yesNoNa'],
      ['energySaving', '节能减排措施落实', 'yesNoNa'],
      ['facilitiesNote', '环保设施建设情况', 'text'],
    ],
  },
]);

export const FUNDS_USE_TEMPLATE = template(FUNDS_USE_TEMPLATE_KEY, '资金使用', [
  {
    title: '补助资金管理',
    items: [
      ['earmarked', '中央和省级补助资金专款专用，未挪作他用', 'yesNoNa'],
      ['physicalWork', '补助资金已形成实物工作量', 'yesNoNa'],
      ['ledgerComplete', '资金拨付台账完整', 'yesNoNa'],
      ['matchingArrived', '县级配套资金按计划到位', 'yesNoNa'],
      ['arrivedThisYear', '本年到位资金', 'number', { unit: '万元' }],
      ['subsidySpent', '补助资金已支出', 'number', { unit: '万元' }],
      ['fundsNote', '资金使用说明', 'text'],
    ],
  },
]);

export const BUILTIN_TEMPLATES: readonly ChecklistTemplate[] = [
  DUST_CONTROL_TEMPLATE,
  APPROVALS_TEMPLATE,
  SAFETY_QUALITY_TEMPLATE,
  THREE_SIMULTANEOUS_TEMPLATE,
  FUNDS_USE_TEMPLATE,
];
