// Chinese labels for dimensions, facet values and figures.

export const DIMENSION_LABELS = {
  agencyType: '机构类型', province: '省份', city: '城市', county: '区县', year: '年度',
  template: '模板', checks: '勾稽校验', format: '文件格式', gaps: '历年报告', region: '地区', copies: '重复率',
};

const VALUE_LABELS = {
  template: v => (v === 'none' ? '未识别出表格' : `${v} 版模板`),
  year: v => `${v} 年`,
  checks: v => ({no: '全部通过', yes: '有未通过项'}[v] || v),
  format: v => v.toUpperCase(),
  gaps: v => ({no: '各年齐全', yes: '缺少某年报告'}[v] || v),
  copies: v => `${v.replace('-', '–')}%`,
};

export function valueLabel(dim, value) {
  const f = VALUE_LABELS[dim];
  return f ? f(String(value)) : String(value);
}

/** The column as the report's template prints it: "本年处理决定数量 (2019: 处理决定数量)" → one of the two. */
export function columnLabel(field, template) {
  const m = /^(.*?)\s*\((2019): (.*)\)\s*$/.exec(field.column);
  if (m) return template === m[2] ? m[3] : m[1];
  return field.column.replace(/\s*\(converted to (.*)\)\s*$/, '（$1）');
}

/** "行政处罚 · 本年处理决定数量": the full row path and column, for pickers grouped by table. */
export function figureLabel(field) {
  if (!field) return '';
  if (field.derived) return `${field.row}（派生指标）`;
  return `${field.row.replace(/ \/ /g, ' · ')} · ${columnLabel(field).replace(/ \/ /g, ' · ')}`;
}

/** A short label for chips and result columns: the innermost row and column, without their numbering. */
export function shortFigureLabel(field) {
  if (!field) return '';
  if (field.derived) return field.row;
  const last = s => s.split(' / ').pop().replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
  const row = last(field.row).replace(/（.*）$/, '');
  return `${row} · ${last(columnLabel(field)).replace(/（单位：万元）/, '（万元）')}`;
}

/** The short name of a figure's table: "二、主动公开" … */
export function tableLabel(table) {
  return table;
}

/** Which template prints a figure, for pickers: "" when both do, else "（仅 2019 版）". */
export function templateNote(field) {
  const t = field?.templates || [];
  return t.length === 1 ? `（仅 ${t[0]} 版）` : '';
}

/** How a figure was read (report.figureEvidence[id].method), in words; cell-read figures carry no evidence. */
export const EVIDENCE_LABELS = {blank: '空白记0', split: '拆分连写数字', narrative: '依正文', sum: '子行相加'};

/** A row label without the catalogue's notes for programmers: "(2019: a single row; …)". */
export function rowLabel(row, template) {
  const m = /^(.*?)\s*\(2019: a single row.*\)\s*$/.exec(row);
  if (m) return template === '2021' ? `${m[1]}（小计）` : m[1];
  return row.replace(/\s*\((?:[A-Za-z0-9 :;,.]+)\)\s*$/, '');
}
