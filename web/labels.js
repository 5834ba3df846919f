// Chinese labels for dimensions, facet values and figures.

export const DIMENSION_LABELS = {
  agencyType: '机构类型', province: '省份', city: '城市', county: '区县', year: '年度',
  template: '模板', checks: '勾稽校验', format: '文件格式', region: '地区',
};

const VALUE_LABELS = {
  template: v => (v === 'none' ? '未识别出表格' : `${v} 版模板`),
  year: v => `${v} 年`,
  checks: v => ({no: '全部通过', yes: '有未通过项'}[v] || v),
  format: v => v.toUpperCase(),
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
  return `${field.row.replace(/ \/ /g, ' · ')} · ${columnLabel(field).replace(/ \/ /g, ' · ')}`;
}

/** A short label for chips and result columns: the innermost row and column, without their numbering. */
export function shortFigureLabel(field) {
  if (!field) return '';
  const last = s => s.split(' / ').pop().replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '');
  const row = last(field.row).replace(/（.*）$/, '');
  return `${row} · ${last(columnLabel(field)).replace(/（单位：万元）/, '（万元）')}`;
}

/** The short name of a figure's table: "二、主动公开" … */
export function tableLabel(table) {
  return table;
}

/** What a failed check means, in a sentence. */
export function checkLabel(check) {
  const [kind, arg] = check.split(':');
  const what = {
    balance: '新收 + 上年结转 应等于 办理结果总计 + 结转下年度',
    row_sum: '各类申请人之和 应等于 总计',
    outcome_sum: '各项办理结果之和 应等于 总计',
    review_sum: '维持 + 纠正 + 其他 + 尚未审结 应等于 总计',
  }[kind];
  return what ? `${check}：${what}（${arg}）` : check;
}

/**
 * The cells a failed check is about: {totals} (the total that disagrees with its parts) and {parts}. For the
 * balance check no cell is to blame alone, so all four are totals.
 */
export function figuresOfCheck(check, ids) {
  const [kind, arg] = check.split(':');
  const known = list => list.filter(id => ids.has(id));
  if (!arg) return {totals: [], parts: []};
  const columns = ['natural', 'business', 'research', 'social', 'legal', 'org_other', 'total'];
  switch (kind) {
    case 'balance':
      return {totals: known(['new', 'carried', 'total', 'carryover'].map(r => `apps_${r}_${arg}`)), parts: []};
    case 'row_sum':
      return {totals: known([`apps_${arg}_total`]),
        parts: known(columns.filter(c => c !== 'total').map(c => `apps_${arg}_${c}`))};
    case 'outcome_sum':
      return {totals: known([`apps_total_${arg}`]),
        parts: [...ids].filter(id => id.startsWith('apps_') && id.endsWith(`_${arg}`)
          && !['new', 'carried', 'carryover', 'total'].some(r => id === `apps_${r}_${arg}`))};
    case 'review_sum':
      return {totals: known([`${arg}_total`]),
        parts: [...ids].filter(id => id.startsWith(`${arg}_`) && id !== `${arg}_total`)};
    default:
      return {totals: [], parts: []};
  }
}

/** A row label without the catalogue's notes for programmers: "(2019: a single row; …)". */
export function rowLabel(row, template) {
  const m = /^(.*?)\s*\(2019: a single row.*\)\s*$/.exec(row);
  if (m) return template === '2021' ? `${m[1]}（小计）` : m[1];
  return row.replace(/\s*\((?:[A-Za-z0-9 :;,.]+)\)\s*$/, '');
}
