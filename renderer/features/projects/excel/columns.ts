// The project ledger's importable fields (项目台账 columns), the header texts offices use for them,
// and the values the category and phase columns accept. Lists issued from above are made by many
// offices with many habits — "计划总投资（万元）", "总投资", "投资总额(万元)", headers over two
// lines, a group header "投资情况（万元）" above the amounts — so a header is recognised by a
// normalised comparison against the synonyms here rather than by exact text.
import type { ProjectCategory, ProjectPhase } from '../../../../shared/domain/project';
import { normalizeKey } from './cells';

export const LEDGER_FIELDS = [
  'name', // 项目名称 (required)
  'category', // 项目类别
  'county', // 所属县(区): matched by name against the regions
  'town', // 乡镇: a town of that county, optional
  'owner', // 项目业主/建设单位
  'responsibleUnits', // 责任单位: short names or names of existing units
  'leader', // 包抓领导: a person by name
  'totalInvestment', // 计划总投资 (万元)
  'planYear', // 年度
  'annualPlan', // 年度计划投资 (万元)
  'completedThisYear', // 本年完成投资 (万元)
  'completedTotal', // 累计完成投资 (万元)
  'phase', // 项目阶段
  'plannedStart', // 计划开工 → the groundbreaking milestone's planned date
  'areaM2', // 建设规模 (平方米)
  'households', // 户数
  'notes', // 备注
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Without these a row cannot become a project; the import dialog must have them mapped. */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['name'];

export const MONEY_FIELDS = ['totalInvestment', 'annualPlan', 'completedThisYear', 'completedTotal'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

/** Field names for the mapping dialog and for row messages, in both languages. */
export const FIELD_LABELS: Record<LedgerField, { zh: string; en: string }> = {
  name: { zh: '项目名称', en: 'project name' },
  category: { zh: '项目类别', en: 'category' },
  county: { zh: '所属县(区)', en: 'county or district' },
  town: { zh: '乡镇', en: 'town' },
  owner: { zh: '项目业主', en: 'owner' },
  responsibleUnits: { zh: '责任单位', en: 'responsible units' },
  leader: { zh: '包抓领导', en: 'leader in charge' },
  totalInvestment: { zh: '计划总投资', en: 'total investment' },
  planYear: { zh: '年度', en: 'plan year' },
  annualPlan: { zh: '年度计划投资', en: 'annual plan' },
  completedThisYear: { zh: '本年完成投资', en: 'completed this year' },
  completedTotal: { zh: '累计完成投资', en: 'completed to date' },
  phase: { zh: '项目阶段', en: 'phase' },
  plannedStart: { zh: '计划开工', en: 'planned start' },
  areaM2: { zh: '建设规模(平方米)', en: 'floor area (m²)' },
  households: { zh: '户数', en: 'households' },
  notes: { zh: '备注', en: 'notes' },
};

interface HeaderSpec {
  /** Header texts meaning this field; compared after normalisation (see headerKey). */
  synonyms: readonly string[];
  /** Headers that name a period, e.g. "2026年计划投资", "1-10月完成投资". Tested on the key's end. */
  patterns?: readonly RegExp[];
}

const HEADERS: Record<LedgerField, HeaderSpec> = {
  name: {
    synonyms: ['项目名称', '名称', '项目', '工程名称', '建设项目名称', '项目(工程)名称', '工程项目名称'],
  },
  category: { synonyms: ['项目类别', '类别', '项目类型', '类型', '行业类别', '项目分类', '分类', '行业'] },
  county: {
    synonyms: [
      '所属县(区)',
      '县(区)',
      '县区',
      '区县',
      '所在县(区)',
      '所属县区',
      '县(市、区)',
      '县市区',
      '县(市)区',
      '所属县(市、区)',
      '所属地区',
      '地区',
      '属地',
      '区域',
      '所属区域',
      '所属县(区)/乡镇',
    ],
  },
  town: { synonyms: ['乡镇', '所属乡镇', '乡(镇)', '乡镇(街道)', '乡镇街道', '街道', '所在乡镇'] },
  owner: {
    synonyms: [
      '项目业主',
      '建设单位',
      '业主单位',
      '项目单位',
      '业主',
      '项目建设单位',
      '实施单位',
      '项目实施单位',
      '项目法人',
      '项目业主/建设单位',
    ],
  },
  responsibleUnits: {
    synonyms: ['责任单位', '牵头单位', '责任部门', '主要责任单位', '牵头责任单位', '牵头部门', '责任主体'],
  },
  leader: {
    synonyms: [
      '包抓领导',
      '包保领导',
      '联系领导',
      '责任领导',
      '挂钩领导',
      '分管领导',
      '牵头领导',
      '包抓县级领导',
      '县级包抓领导',
      '市级包抓领导',
      '领导',
    ],
  },
  totalInvestment: {
    synonyms: ['计划总投资', '总投资', '投资总额', '项目总投资', '估算总投资', '概算总投资', '计划投资总额'],
  },
  planYear: { synonyms: ['年度', '计划年度', '年份', '所属年度'] },
  annualPlan: {
    synonyms: [
      '年度计划投资',
      '年度计划',
      '本年计划投资',
      '年度投资计划',
      '本年度计划投资',
      '年度计划完成投资',
      '本年计划',
      '年计划投资',
    ],
    patterns: [/\d{4}年度?(计划投资|投资计划|计划完成投资|计划)$/],
  },
  completedThisYear: {
    synonyms: [
      '本年完成投资',
      '本年完成',
      '本年度完成投资',
      '年度完成投资',
      '今年完成投资',
      '本年累计完成投资',
      '本年累计完成',
      '年度累计完成投资',
      '年内完成投资',
      '本年实际完成投资',
    ],
    patterns: [/\d{1,2}[-~至到]\d{1,2}月份?(累计)?完成(投资)?$/, /\d{4}年度?(累计)?完成(投资)?$/],
  },
  completedTotal: {
    synonyms: [
      '累计完成投资',
      '累计完成',
      '开工累计完成投资',
      '自开工累计完成投资',
      '开工以来累计完成投资',
      '累计完成额',
      '累计完成投资额',
      '至今累计完成投资',
    ],
  },
  phase: {
    synonyms: ['项目阶段', '阶段', '建设阶段', '建设状态', '项目状态', '状态', '进展阶段', '项目进展阶段'],
  },
  plannedStart: {
    synonyms: [
      '计划开工',
      '计划开工时间',
      '计划开工日期',
      '开工时间',
      '开工日期',
      '计划开工年月',
      '拟开工时间',
    ],
  },
  areaM2: { synonyms: ['建设规模', '规模', '建筑面积', '建设面积', '面积', '总建筑面积'] },
  households: { synonyms: ['户数', '户', '套数', '保障户数', '保障家庭', '建设套数', '保障家庭户数'] },
  notes: { synonyms: ['备注', '说明', '备注说明'] },
};

/**
 * Headers the ledger layout has but the import does not read (our own export's 年度投资完成率 and
 * 实际开工, the usual 序号). Knowing them helps find the header row; they map to no field.
 */
const KNOWN_UNUSED: readonly string[] = [
  '序号',
  '编号',
  '年度投资完成率',
  '投资完成率',
  '完成率',
  '实际开工',
  '实际开工时间',
  '实际开工日期',
  '形象进度',
  '建设内容',
  '主要建设内容',
  '建设内容及规模',
  '存在问题',
  '存在的主要问题',
  '建设性质',
  '建设年限',
  '建设起止年限',
  '起止年限',
  '联系人',
  '联系电话',
  '资金来源',
  '下步工作',
  '工作措施',
  '建设地点',
];

/**
 * The comparison key of a header: normalised (normalizeKey), with bracketed notes such as units
 * "(万元)" removed, a leading required-mark "*" and a trailing colon dropped. Units are read from
 * the full header separately (moneyUnitOf).
 */
export function headerKey(header: string): string {
  return normalizeKey(header)
    .replace(/\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/^[*※]+/, '')
    .replace(/[:：]+$/, '');
}

const EXACT = new Map<string, LedgerField | null>();
for (const field of LEDGER_FIELDS) for (const s of HEADERS[field].synonyms) EXACT.set(headerKey(s), field);
for (const s of KNOWN_UNUSED) EXACT.set(headerKey(s), null);
// Suffix matches only for synonyms of three characters or more: "项目" must not claim "是否重点项目".
const SUFFIXES = [...EXACT].filter(([key]) => key.length >= 3).sort((a, b) => b[0].length - a[0].length);

export interface HeaderMatch {
  /** The field, or null for a known header that is not imported (序号, 实际开工 …). */
  field: LedgerField | null;
  /** How sure: 3 exact, 2 exact on the child part of a two-row header or a period pattern, 1 suffix. */
  strength: number;
}

/**
 * Which field a header names, or null if it is not a ledger header. A two-row header arrives as
 * "parent/child" ("投资情况（万元）/计划总投资"); its child part is matched too.
 */
export function matchHeader(header: string): HeaderMatch | null {
  const key = headerKey(header);
  if (key === '') return null;
  const exact = EXACT.get(key);
  if (exact !== undefined) return { field: exact, strength: 3 };
  const child = key.slice(key.lastIndexOf('/') + 1);
  const exactChild = child === key ? undefined : EXACT.get(child);
  if (exactChild !== undefined) return { field: exactChild, strength: 2 };
  for (const field of LEDGER_FIELDS) {
    if (HEADERS[field].patterns?.some((p) => p.test(key))) return { field, strength: 2 };
  }
  const suffix = SUFFIXES.find(([s]) => key.endsWith(s));
  return suffix ? { field: suffix[1], strength: 1 } : null;
}

/** The unit a money column is in: 万元 unless its header (or its group header) says 亿元 or 元. */
export type MoneyUnit = 'wan' | 'yi' | 'yuan';
export function moneyUnitOf(header: string): MoneyUnit {
  const text = normalizeKey(header);
  if (text.includes('亿元')) return 'yi';
  if (text.includes('万元')) return 'wan';
  return /\(元\)|单位:元|^元$/.test(text) ? 'yuan' : 'wan';
}

/** Square metres per unit of an area column: 1, or 10,000 when the header says 万平方米 / 万㎡. */
export function areaFactorOf(header: string): number {
  const text = normalizeKey(header); // NFKC turns ㎡ into m2
  return /万(平方米|平米|m2)/.test(text) ? 10_000 : 1;
}

/** The categories' Chinese labels, as the office's lists and our export write them. */
export const CATEGORY_LABELS: Record<ProjectCategory, string> = {
  sewage: '污水处理',
  waste: '垃圾处理',
  lowRentHousing: '廉租住房',
  affordableHousing: '经济适用住房',
  shantyTown: '棚户区改造',
  industrialPark: '园区基础设施',
  industry: '产业项目',
  transport: '道路',
  other: '其他',
};

const CATEGORY_SYNONYMS: Record<ProjectCategory, readonly string[]> = {
  sewage: ['污水处理厂', '污水处理工程', '污水', '污水治理'],
  waste: ['垃圾处理场', '垃圾处理厂', '垃圾', '生活垃圾处理', '垃圾填埋'],
  lowRentHousing: ['廉租房', '廉租住房建设'],
  affordableHousing: ['经济适用房', '经适房'],
  shantyTown: ['棚改', '棚户区', '棚户区改造项目'],
  industrialPark: ['园区', '工业园区', '园区建设', '五通一平'],
  industry: ['产业', '工业', '工业项目'],
  transport: ['交通', '道路交通', '公路', '道路工程', 'road'],
  other: ['其它'],
};

/** Phases' Chinese labels: 前期, 在建, 续建, 竣工, 投产. */
export const PHASE_LABELS: Record<ProjectPhase, string> = {
  preparation: '前期',
  underConstruction: '在建',
  continuing: '续建',
  completed: '竣工',
  operating: '投产',
};

const PHASE_SYNONYMS: Record<ProjectPhase, readonly string[]> = {
  preparation: ['前期工作', '前期阶段', '筹备', '拟建', 'under preparation'],
  underConstruction: [
    '在建阶段',
    '施工',
    '施工中',
    '建设中',
    '正在建设',
    '已开工',
    '新开工',
    'under construction',
  ],
  continuing: ['续建项目'],
  completed: ['已竣工', '完工', '已完工', '建成', '竣工验收'],
  operating: ['已投产', '建成投产', '运营', '投入使用', '投运', '已投运'],
};

function lookup<K extends string>(
  labels: Record<K, string>,
  synonyms: Record<K, readonly string[]>,
): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    for (const text of [key, labels[key], ...synonyms[key]]) map.set(normalizeKey(text), key);
  }
  return map;
}
const CATEGORIES = lookup(CATEGORY_LABELS, CATEGORY_SYNONYMS);
const PHASES = lookup(PHASE_LABELS, PHASE_SYNONYMS);

/** A category from its Chinese label, a synonym or the English key ("lowRentHousing"); null if unknown. */
export function parseCategory(text: string): ProjectCategory | null {
  return CATEGORIES.get(normalizeKey(text)) ?? null;
}

/** A phase from 前期/在建/续建/竣工/投产, a synonym or the English key; null if unknown. */
export function parsePhase(text: string): ProjectPhase | null {
  return PHASES.get(normalizeKey(text)) ?? null;
}
