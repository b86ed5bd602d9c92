// Generates the sample disclosure catalogue of the demo portal (and the large feeds of the benchmark).
// Sample data: the categories and their counts follow the proactive figures of Junshan District's 2013 annual report
// (政务信息 1470, 文件公报 35, 公告公示 16, 领导讲话 10, 视频资料 156, 人事任免 7, 招商引资 4, 公共服务事项 752 = 2,450);
// titles, numbers and dates are invented. Deterministic: the same seed gives the same feed.
import { seededRandom } from '../../scripts/seeded-random.mjs';

export const SEED_COUNTS = [
  ['zwxx', '政务信息', 1470], ['wjgb', '文件公报', 35], ['gggs', '公告公示', 16], ['ldjh', '领导讲话', 10],
  ['spzl', '视频资料', 156], ['rsrm', '人事任免', 7], ['zsyz', '招商引资', 4], ['ggfw', '公共服务事项', 752],
];

const DEPARTMENTS = [
  ['bgs', '区政府办公室'], ['fgj', '区发展和改革局'], ['czj', '区财政局'], ['jyj', '区教育局'], ['mzj', '区民政局'],
  ['rsj', '区人力资源和社会保障局'], ['zjj', '区住房和城乡建设局'], ['nyj', '区农业局'], ['wsj', '区卫生局'], ['slj', '区水务局'],
];
const TOWNSHIPS = [
  ['llz', '柳林洲镇'], ['xs', '许市镇'], ['qlh', '钱粮湖镇'], ['lxb', '良心堡镇'], ['gxz', '广兴洲镇'], ['csh', '采桑湖镇'],
];
const TOPICS = [
  ['zhzw', '综合政务'], ['gmjj', '国民经济管理、国有资产监管'], ['czjr', '财政、金融、审计'], ['gtzy', '国土资源、能源'],
  ['nlsl', '农业、林业、水利'], ['gyjt', '工业、交通'], ['smhg', '商贸、海关、旅游'], ['scjg', '市场监管、安全生产监管'],
  ['cxjs', '城乡建设、环境保护'], ['kjjy', '科技、教育'], ['whgd', '文化、广电、新闻出版'], ['wsty', '卫生、体育'],
  ['rkjs', '人口与计划生育、妇女儿童工作'], ['ldrs', '劳动、人事、监察'], ['gaaq', '公安、安全、司法'], ['mzfp', '民政、扶贫、救灾'],
  ['qt', '其他'],
];
const GENRES = [['tz', '通知'], ['gg', '公告'], ['yj', '意见'], ['jd', '决定'], ['bg', '报告'], ['tb', '通报'], ['pf', '批复'], ['h', '函'], ['jy', '纪要'], ['qt', '其他']];

const SUBJECTS = [
  '春季农业生产', '防汛抗旱', '安全生产大检查', '城乡居民医疗保险', '农村危房改造', '义务教育经费保障', '重大项目建设',
  '血吸虫病防治', '洞庭湖生态保护', '城乡环境卫生整治', '最低生活保障', '食品药品安全', '农村公路建设', '招商引资项目',
  '森林防火', '新型农村合作医疗', '计划生育奖励扶助', '退耕还林', '农田水利建设', '政务公开', '财政预算执行', '就业再就业',
  '社会救助', '城市管理', '土地征收补偿', '村级组织建设', '旅游资源开发', '芦苇产业发展', '饮水安全工程', '民生实事',
];
const TEMPLATES = {
  zwxx: ['关于做好{s}工作的通知', '{u}召开{s}工作会议', '{u}开展{s}专项行动', '关于{s}工作情况的报告', '{u}2013年{s}工作总结', '{u}部署{s}工作'],
  wjgb: ['关于印发《君山区{s}实施方案》的通知', '关于加强{s}工作的意见', '关于{s}的决定', '君山区人民政府关于{s}的公告'],
  gggs: ['关于{s}的公示', '关于{s}有关事项的公告', '{s}招标公告'],
  ldjh: ['在全区{s}工作会议上的讲话', '在{s}动员大会上的讲话'],
  spzl: ['视频：{u}{s}纪实', '视频：{s}工作专题片'],
  rsrm: ['关于{n}等同志职务任免的通知'],
  zsyz: ['君山区{s}招商项目推介', '{s}项目招商公告'],
  ggfw: ['{s}办事指南', '{s}服务事项及办理流程', '{s}申请条件和所需材料'],
};
const NAMES = ['张伟', '李娜', '王军', '刘洋', '陈静', '杨帆', '赵敏', '黄磊'];

// GB 11714 organisation code check character, so the 索引号 front codes are well formed.
function orgCode(base8) {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base8].reduce((acc, ch, i) => acc + parseInt(ch, 36) * w[i], 0);
  const c = 11 - (sum % 11);
  return base8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const pad = (n, w) => String(n).padStart(w, '0');

/**
 * @param {{ count?: number, seed?: number, year?: number, years?: number }} options
 *   count: total items (2,450 keeps the seed's proportions exactly; other counts scale them)
 */
export function generateCatalogue({ count = 2450, seed = 2013, year = 2013, years = 1 } = {}) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const total = SEED_COUNTS.reduce((a, [, , n]) => a + n, 0);
  const categories = [];
  let order = 0;
  for (const [id, label] of SEED_COUNTS) categories.push({ id, label, parentId: null, order: ++order });
  categories.push({ id: 'zwxx-qzf', label: '区政府', parentId: 'zwxx', order: 1 });
  categories.push({ id: 'zwxx-bm', label: '各部门公开目录', parentId: 'zwxx', order: 2 });
  categories.push({ id: 'zwxx-xz', label: '各乡镇公开目录', parentId: 'zwxx', order: 3 });
  DEPARTMENTS.forEach(([id, label], i) => categories.push({ id: `bm-${id}`, label, parentId: 'zwxx-bm', order: i + 1 }));
  TOWNSHIPS.forEach(([id, label], i) => categories.push({ id: `xz-${id}`, label, parentId: 'zwxx-xz', order: i + 1 }));
  categories.push({ id: 'wjgb-qzf', label: '区政府文件', parentId: 'wjgb', order: 1 });
  categories.push({ id: 'wjgb-qzfb', label: '区政府办文件', parentId: 'wjgb', order: 2 });

  const publishers = [['qzf', '岳阳市君山区人民政府'], ...DEPARTMENTS, ...TOWNSHIPS];
  const codes = Object.fromEntries(publishers.map(([id], i) => [id, orgCode(pad(69912340 + i * 7, 8))]));
  const serials = {};
  const docSerials = {};
  const items = [];
  for (const [catId, , seedCount] of SEED_COUNTS) {
    const n = count === total ? seedCount : Math.max(1, Math.round((seedCount / total) * count));
    for (let k = 0; k < n; k++) {
      const y = year + Math.floor(random() * years);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const created = `${y}-${pad(month, 2)}-${pad(day, 2)}`;
      const lag = Math.floor(random() * 9);
      const pubDate = new Date(Date.UTC(y, month - 1, day + lag));
      // Published a few days after it was made, within the same year.
      const published = pubDate.getUTCFullYear() > y ? `${y}-12-31` : pubDate.toISOString().slice(0, 10);
      let pub;
      let cat = catId;
      if (catId === 'zwxx') {
        const r = random();
        if (r < 0.3) { pub = 'qzf'; cat = 'zwxx-qzf'; }
        else if (r < 0.75) { const d = pick(DEPARTMENTS)[0]; pub = d; cat = `bm-${d}`; }
        else { const t = pick(TOWNSHIPS)[0]; pub = t; cat = `xz-${t}`; }
      } else if (catId === 'ggfw') {
        pub = pick(DEPARTMENTS)[0];
      } else if (catId === 'wjgb') {
        const r = random() < 0.6;
        pub = r ? 'qzf' : 'bgs';
        cat = r ? 'wjgb-qzf' : 'wjgb-qzfb';
      } else {
        pub = random() < 0.7 ? 'qzf' : pick(DEPARTMENTS)[0];
      }
      const unit = publishers.find(([id]) => id === pub)[1];
      const subject = pick(SUBJECTS);
      const title = pick(TEMPLATES[catId]).replace('{s}', subject).replace('{u}', unit.replace('岳阳市君山区人民政府', '区政府')).replace('{n}', pick(NAMES));
      const key = `${pub}-${y}`;
      serials[key] = (serials[key] ?? 0) + 1;
      const serial = pad(serials[key], 5);
      const id = `${pub}-${y}-${serial}`;
      let genre = pick(GENRES)[0];
      let docNo;
      if (catId === 'wjgb' || (catId === 'zwxx' && random() < 0.25) || catId === 'rsrm') {
        const prefix = pub === 'qzf' ? '君政发' : pub === 'bgs' ? '君政办发' : `君${unit.slice(1, 3)}发`;
        const style = random();
        const yr = style < 0.8 ? `〔${y}〕` : style < 0.9 ? `[${y}]` : `（${y}）`;
        // Each issuer numbers its documents of a year in order; not every number is disclosed, hence the gaps.
        const series = `${prefix}-${y}`;
        docSerials[series] = (docSerials[series] ?? 0) + 1 + Math.floor(random() * 3);
        docNo = `${prefix}${yr}${docSerials[series]}号`;
        genre = catId === 'rsrm' ? 'tz' : pick(['tz', 'yj', 'jd', 'pf']);
      }
      const validity = catId === 'wjgb' || docNo ? (random() < 0.85 ? 'valid' : pick(['expired', 'repealed', 'amended'])) : undefined;
      const item = {
        id,
        title,
        indexNo: `${codes[pub]}/${y}-${serial}`,
        summary: `${unit}${subject}有关情况。${catId === 'ggfw' ? '包括办理依据、条件、程序、时限和所需材料。' : '详见正文。'}`,
        publisher: pub,
        dateCreated: created,
        datePublished: published,
        categoryIds: [cat],
        topicIds: [pick(TOPICS)[0]],
        genreId: genre,
        keywords: [subject, catId === 'ggfw' ? '办事指南' : '政务公开'],
        url: `../content.html?id=${encodeURIComponent(id)}`,
      };
      if (docNo) item.docNo = docNo;
      if (validity) item.validity = validity;
      if (random() < 0.12) {
        item.attachments = [{
          name: `${subject}${random() < 0.5 ? '实施细则' : '申请表'}.pdf`,
          url: '../files/sample.pdf',
          mediaType: 'application/pdf',
          size: 20000 + Math.floor(random() * 3_000_000),
        }];
      }
      items.push(item);
    }
  }
  return {
    schemaVersion: 1,
    sample: true,
    // The language of the feed's text (README, “The feed's language”): marked where the UI speaks another.
    lang: 'zh-CN',
    publisher: { name: '岳阳市君山区人民政府', id: '430611' },
    title: '君山区政府信息公开目录（示例数据）',
    guideUrl: '../guide.html',
    categories,
    facets: {
      topic: TOPICS.map(([id, label]) => ({ id, label })),
      genre: GENRES.map(([id, label]) => ({ id, label })),
      publisher: publishers.map(([id, label]) => ({ id, label })),
    },
    items,
  };
}
