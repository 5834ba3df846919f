// Chinese labels for dimensions, facet values and figures.

export const DIMENSION_LABELS = {
  agencyType: '机构类型', province: '省份', city: '城市', county: '区县', year: '年度',
  template: '模板', checks: '勾稽校验', format: '文件格式', region: '地区',
};

const VALUE_LABELS = {
  template: v => `${v} 版模板`,
  year: v => `${v} 年`,
  checks: v => ({no: '全部通过', yes: '有未通过项'}[v] || v),
  format: v => v.toUpperCase(),
};

export function valueLabel(dim, value) {
  const f = VALUE_LABELS[dim];
  return f ? f(String(value)) : String(value);
}

/** "行政处罚 · 本年处理决定数量", short enough for a chip or a column head. */
export function figureLabel(field) {
  if (!field) return '';
  const column = field.column.replace(/\s*\(.*\)\s*$/, '').replace(/（单位：万元）/, '');
  return `${field.row.replace(/ \/ /g, ' · ')} · ${column.replace(/ \/ /g, ' · ')}`;
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

/** The figure ids a failed check covers, so that the report view can mark them. */
export function figuresOfCheck(check, ids) {
  const [kind, arg] = check.split(':');
  if (!arg) return [];
  const columns = ['natural', 'business', 'research', 'social', 'legal', 'org_other', 'total'];
  switch (kind) {
    case 'balance':
      return ['new', 'carried', 'total', 'carryover'].map(r => `apps_${r}_${arg}`).filter(id => ids.has(id));
    case 'row_sum':
      return columns.map(c => `apps_${arg}_${c}`).filter(id => ids.has(id));
    case 'outcome_sum':
      return [...ids].filter(id => id.startsWith('apps_') && id.endsWith(`_${arg}`)
        && !['new', 'carried', 'carryover'].some(r => id === `apps_${r}_${arg}`));
    case 'review_sum':
      return [...ids].filter(id => id.startsWith(`${arg}_`) && !(arg === 'review' && id.startsWith('review_sum')));
    default:
      return [];
  }
}
