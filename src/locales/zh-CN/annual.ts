/** UI strings of <annual-stats>, and the labels of the national tables (`tpl`, see elements/annual-stats/layout.ts). */
const zh = {
  title: (year: number) => `${year}年政府信息公开工作年度报告`,
  reportLabel: '政府信息公开工作年度报告',
  colon: '：',
  publishedBy: (name: string) => `发布机构：${name}`,
  publishedAt: (date: string) => `发布日期：${date}`,
  source: '查看原文',
  sample: '示例数据',
  yearLabel: '年度',
  yearOption: (year: number) => `${year}年`,
  yearChanged: (year: number) => `已显示${year}年度报告`,
  yearError: (year: number) => `${year}年度`,
  notReported: '未报告',
  legend: '空白单元格表示未报告（不等于 0）。',
  approx: '约',
  approxColumn: '约数',
  note: '说明',
  figure: '项目',
  value: '数值',
  unit: '单位',
  /** The CSV's other column headings (besides figure, value and unit). */
  csvHeadings: { clause: '条款', group: '类别', result: '结果' },
  unitNames: { __proto__: null, CNY: '元', '10kCNY': '万元' } as unknown as Record<string, string>,
  /** unitNames in the traditional script (zh-TW, zh-HK, zh-MO, zh-Hant pages and feeds). */
  unitNamesHant: { __proto__: null, CNY: '元', '10kCNY': '萬元' } as unknown as Record<string, string>,
  downloadCsv: 'CSV 下载',
  downloadCsvOf: (caption: string) => `CSV 下载（${caption}）`,
  showTable: '显示数据表',
  hideTable: '隐藏数据表',
  chartData: (title: string) => `${title}（数据表）`,
  chartSummary: (title: string, items: string) => `${title}。${items}`,
  /** Between the figures of a chart's summary. */
  sep: '；',
  chartEmpty: '无可绘制的数据',
  chartsFailed: '图表无法加载，数据见表格。',
  proactiveChart: '主动公开情况',
  outcomesChart: '本年度办理结果（总计）',
  outcomeLabels: {
    granted: '（一）予以公开', partiallyGranted: '（二）部分公开', withheld: '（三）不予公开',
    unable: '（四）无法提供', notProcessed: '（五）不予处理', other: '（六）其他处理',
  } as Record<string, string>,
  trendTitle: '历年趋势',
  withUnit: (label: string, unit: string) => `${label}（${unit}）`,
  trendFigure: '指标',
  trendChart: (label: string) => `${label}（历年）`,
  trendNote: (n: number) => `对比各年度都有的 ${n} 项数据。`,
  trendMissing: (years: number[]) => `未能加载的年度不在趋势图中：${years.join('、')}。`,
  feesCollected: '信息处理费',
  otherFigures: '其他统计数据',
  ungrouped: '其他',
  improvements: '改进情况',
  legacySections: {
    overview: '总体情况',
    proactive: '主动公开政府信息情况',
    applications: '依申请公开政府信息情况',
    fees: '政府信息公开收费情况',
    reviewLitigation: '行政复议、行政诉讼情况',
    problems: '存在的主要问题及改进情况',
    other: '其他需要报告的事项',
  } as Record<string, string>,
  reconTitle: '数据核对提示',
  reconIntro: '以下数字不符合表格的勾稽关系，数据仍按原样显示：',
  reconColumn: (column: string, a: string, b: string) => `表三“${column}”列：第一项加第二项之和为 ${a}，第三项（七）总计加第四项之和为 ${b}。`,
  reconRow: (row: string, a: string, b: string) => `表三“${row}”行：各申请人之和为 ${a}，总计为 ${b}。`,
  reconResults: (column: string, a: string, b: string) => `表三“${column}”列：各项办理结果之和为 ${a}，（七）总计为 ${b}。`,
  reconTable4: (group: string, a: string, b: string) => `表四“${group}”：维持、纠正、其他、尚未审结之和为 ${a}，总计为 ${b}。`,
  /** The labels of the national templates, one a line, in the order of elements/annual-stats/layout.ts. */
  tpl: `一、总体情况
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况
法人或其他组织
自然人
商业企业
科研机构
社会公益组织
法律服务机构
其他
总计
一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
三、本年度办理结果
四、结转下年度继续办理
（一）予以公开
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
（三）不予公开
属于国家秘密
其他法律行政法规禁止公开
危及“三安全一稳定”
保护第三方合法权益
属于三类内部事务信息
属于四类过程性信息
属于行政执法案卷
属于行政查询事项
（四）无法提供
本机关不掌握相关政府信息
没有现成信息需要另行制作
补正后申请内容仍不明确
（五）不予处理
信访举报投诉类申请
重复申请
要求提供公开出版物
无正当理由大量反复申请
要求行政机关确认或重新出具已获取信息
（六）其他处理
申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
其他
（七）总计
行政复议
行政诉讼
未经复议直接起诉
复议后起诉
结果维持
结果纠正
其他结果
尚未审结
总计
信息内容
第二十条第（一）项
第二十条第（五）项
第二十条第（六）项
第二十条第（八）项
第二十条第（九）项
本年制发件数
本年废止件数
现行有效件数
本年处理决定数量
本年收费金额（单位：万元）
规章
行政规范性文件
行政许可
行政处罚
行政强制
行政事业性收费
本年新制作数量
本年新公开数量
对外公开总数量
上一年项目数量
本年增/减
处理决定数量
采购项目数量
采购总金额
规范性文件
其他对外管理服务事项
政府集中采购`,
  /**
   * The trend's figure picker: shorter names for the labels of tpl too long for an option on a 320px screen (a desktop
   * at 400 %, or large text), one a line in tpl's order, a blank line where tpl's own is kept (see en).
   */
  pickLabels: `















一、本年新收申请数量
二、上年结转申请数量



（二）部分公开


















确认或重新出具信息

逾期不补正
逾期未缴费`,
};

export type AnnualMessages = typeof zh;
export default zh;
