// Chinese names for the API's enumeration codes.

export const BUILDING_USES = {
  residential: '住宅',
  commercial: '商业',
  public: '公共服务',
  industrial: '工业',
  farm: '农业生产',
};

export const VILLAGE_KINDS = {
  village: '村',
  community: '社区',
};

export const ROAD_CLASSES = {
  national: '国道',
  provincial: '省道',
  county: '县道',
  town: '乡镇道路',
  village: '村道',
};

export const PLACE_KINDS = {
  government: '政府机关',
  police: '派出所',
  hospital: '医院',
  ferry: '渡口',
  scenic: '景区',
  mine: '矿区',
  hydropower: '水电站',
  school: '学校',
};

export const DISPUTE_TYPES = {
  LAND_FOREST: '山林土地', WAGES: '劳资', ENTERPRISE_RESTRUCTURING: '企业转制', WORK_SAFETY: '劳动安全事故',
  MEDICAL: '医疗', ROAD_TRAFFIC: '道路交通', LABOUR: '劳动争议', MARRIAGE_FAMILY: '婚姻家庭', NEIGHBOURS: '邻里',
  OTHER: '其他',
};

export const DISPUTE_SEVERITIES = { ORDINARY: '一般', SERIOUS: '较大', MAJOR: '重大' };

// 来源: besides the town's own sweeps, the 对接 mechanisms (seed §五.2) hand cases over to the town's mediation
export const DISPUTE_SOURCES = {
  SWEEP: '排查发现', WALK_IN: '来访', HOTLINE: '热线', POLICE: '警调对接（派出所移交）',
  PETITION_OFFICE: '访调对接（信访部门移交）', PROCURATORATE: '检调对接（检察院移交）', COURT: '诉调对接（法院委派诉前调解）',
  OTHER: '其他',
};

export const DISPUTE_STATUSES = {
  REGISTERED: '登记', ACCEPTED: '受理', MEDIATING: '调处中', RESOLVED: '已化解', UNRESOLVED: '未化解',
  ESCALATED: '上报镇', REFERRED: '移交', CLOSED: '办结', FOLLOWED_UP: '已回访',
};

// 移交: the town's 三调联动 units (seed §七（四）1) keep the case in the town; the last three leave it (矛盾上交)
export const REFERRAL_CHANNELS = {
  TOWN_MEDIATION: '镇人民调解委员会', POLICE: '派出所（警调联动）', JUSTICE_OFFICE: '司法所', COURT: '人民法庭（诉调联动）',
  FORESTRY: '林业站', LAND: '国土所', CIVIL_AFFAIRS: '民政所',
  PETITION_UPWARD: '上访（信访上行）', LAWSUIT: '进入诉讼', COUNTY: '移送县级部门',
};

/** The Chinese name of `code` in `terms`, or the code itself when it is unknown. */
export function termOf(terms, code) {
  return terms[code] || code || '—';
}

export const SITE_KINDS = {
  VILLAGE: '平安村(社区)',
  ENTERPRISE: '平安企业',
  CAMPUS: '平安校园',
  HOSPITAL: '平安医院',
  TRAFFIC: '平安交通',
  BORDER: '平安边界',
  COMPOUND: '平安小区',
  SCENIC: '平安景区',
  TOWNSHIP: '平安乡镇',
  FAMILY: '平安家庭',
};

export const SITE_STATUSES = {
  BUILDING: '创建中',
  MET: '已达标',
  NOT_MET: '未达标',
  UNDER_REVIEW: '复查中',
};

export const HAZARD_LEVELS = {
  GENERAL: '一般',
  LARGE: '较大',
  MAJOR: '重大',
};
