// The agency view: one agency across the years (GET api/agencies/{agencyKey}). Every year's report linked, the years
// it published none, and each chosen figure (chosen like the result columns: the same cols in the URL) as a line
// chart drawn in inline SVG — a missing year or an unprinted figure breaks the line, it is never drawn as 0 — and as a
// table of the year-over-year change.
import {getJson, fields} from './api.js';
import {el, fill, formatFigure, formatNumber} from './dom.js';
import {figureLabel, shortFigureLabel, templateNote} from './labels.js';
import {navigate, currentState} from './router.js';
import {withChanges} from './state.js';

const $ = id => document.getElementById(id);
let shownKey = null;

export async function showAgency(key, state) {
  const view = $('agency-view');
  const wanted = `${key}\u0000${state.cols.join(',')}`;
  if (shownKey === wanted) return;
  shownKey = wanted;
  view.setAttribute('aria-busy', 'true');
  fill($('agency-body'), el('p', {class: 'loading', role: 'status'}, '正在载入机关的历年报告…'));
  let agency, catalogue;
  try {
    const params = new URLSearchParams();
    if (state.cols.length) params.set('figures', state.cols.join(','));
    [agency, catalogue] = await Promise.all([
      getJson(`api/agencies/${encodeURIComponent(key)}`, params.toString()), fields()]);
  } catch (e) {
    shownKey = null;
    view.removeAttribute('aria-busy');
    fill($('agency-body'), el('div', {class: 'error', role: 'alert'},
      e.status === 404 ? [el('strong', {}, '找不到这个机关'), `：索引中没有机关标识为“${key}”的报告。`]
        : [el('strong', {}, '载入出错'), '：', e.status === 0 || e.plain ? e.message
          : e.status >= 500 ? '服务器内部出错，请稍后再试。' : '请求无效。']));
    return;
  }
  view.removeAttribute('aria-busy');
  const name = agency.names[agency.names.length - 1] || key;
  document.title = `${name} 历年报告 – 政府信息公开年度报告检索`;
  fill($('agency-body'), header(agency, name), reportList(agency), chooser(catalogue),
    Object.entries(agency.series).map(([id, points]) => seriesBlock(catalogue.byId.get(id), id, points)));
  $('agency-title').focus();
}

function header(a, name) {
  const region = [a.region?.province, a.region?.city, a.region?.county].filter(Boolean).join(' › ');
  const span = a.firstYear ? `${a.firstYear}–${a.lastYear} 年` : '年度未知';
  return el('header', {class: 'report-head'},
    el('h2', {id: 'agency-title', tabindex: '-1'}, `${name} · 历年报告`),
    el('dl', {class: 'facts'},
      el('div', {}, el('dt', {}, '地区'), el('dd', {}, region || '未知')),
      el('div', {}, el('dt', {}, '年度'), el('dd', {}, `${span}，共 ${a.reports.length} 份报告`)),
      el('div', {}, el('dt', {}, '机关标识'), el('dd', {class: 'url'}, a.agencyKeys.join('、')))),
    a.names.length > 1 ? el('p', {class: 'note'}, '曾用名称：', a.names.slice(0, -1).join('、'),
      '（按报告所述的更名或 agencies.csv 的设定合并）') : null,
    a.missingYears.length ? el('p', {class: 'checks gaps', role: 'note'},
      `缺少 ${a.missingYears.map(y => `${y} 年`).join('、')} 的报告（在首末年份之间）。`) : null);
}

function reportList(a) {
  return el('section', {class: 'agency-reports'}, el('h3', {}, '各年度报告'),
    el('ol', {class: 'year-list'}, a.reports.map(r => el('li', {},
      el('span', {class: 'year'}, r.year ? `${r.year} 年度` : '年度未知'), ' ',
      el('a', {href: '?' + new URLSearchParams({report: r.id}), 'data-report': r.id, onclick: openReport},
        r.agency || r.id),
      r.failedChecks.length ? el('span', {class: 'hint'}, `（${r.failedChecks.length} 项校验未通过`
        + `${r.carryChecks.length ? `，其中 ${r.carryChecks.length} 项与上一年度不衔接` : ''}）`) : null))));
}

function openReport(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate({...currentState(), agency: '', report: event.currentTarget.dataset.report});
}

/** The figures shown as series: the result columns, removable, and a picker to add one. */
function chooser(catalogue) {
  const state = currentState();
  const picker = el('select', {id: 'agency-add-figure', class: 'figure-picker'},
    el('option', {value: ''}, '+ 添加一项数字的历年走势'));
  const groups = new Map();
  for (const f of catalogue.fields) {
    if (!groups.has(f.table)) groups.set(f.table, el('optgroup', {label: f.table}));
    groups.get(f.table).append(el('option', {value: f.id},
      `${figureLabel(f)}${f.unit === '万元' ? '（万元）' : ''}${f.derived ? '' : templateNote(f)}`));
  }
  picker.append(...groups.values());
  picker.addEventListener('change', () => {
    const id = picker.value;
    if (id && !state.cols.includes(id)) navigate(withChanges(state, {cols: [...state.cols, id]}, {keepPage: true}));
  });
  return el('section', {class: 'columns'},
    el('span', {id: 'agency-figures-heading'}, '显示历年走势的数字：'),
    el('ul', {class: 'chips-inline', 'aria-labelledby': 'agency-figures-heading'}, state.cols.map(id =>
      el('li', {}, el('span', {class: 'chip'}, el('span', {}, shortFigureLabel(catalogue.byId.get(id)) || id),
        el('button', {type: 'button', 'aria-label': `移除 ${shortFigureLabel(catalogue.byId.get(id)) || id}`,
          title: '移除', onclick: () => navigate(withChanges(state, {cols: state.cols.filter(c => c !== id)},
            {keepPage: true}))}, '×'))))),
    el('label', {for: 'agency-add-figure', class: 'sr-only'}, '添加一项数字'), picker);
}

function seriesBlock(field, id, points) {
  const label = shortFigureLabel(field) || id;
  const caption = `${label}（${field?.derived ? `派生指标：${field.formula}` : field?.unit || ''}）`;
  return el('section', {class: 'series', 'data-figure': id},
    el('h3', {}, caption),
    lineChart(field, label, points),
    el('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label}历年数字`},
      el('table', {class: 'numbers'},
        el('thead', {}, el('tr', {}, ['年度', '报告', label, '较上年'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, points.map(p => el('tr', {class: p.report ? null : 'missing-year'},
          el('th', {scope: 'row'}, `${p.year}`),
          el('td', {}, p.report ? el('a', {href: '?' + new URLSearchParams({report: p.report}),
            'data-report': p.report, onclick: openReport}, '查看') : '无报告'),
          el('td', {class: 'num'}, formatFigure(field, p.value)),
          el('td', {class: 'num'}, change(field, p))))))));
}

/** The change from the year before: signed; percentage points for a ratio, else the count and its percentage. */
function change(field, p) {
  if (p.change === null || p.change === undefined) return '—';
  const sign = p.change > 0 ? '+' : p.change < 0 ? '−' : '±';
  const size = Math.abs(p.change);
  if (field && field.derived) {
    return `${sign}${(size * 100).toLocaleString('zh-CN', {maximumFractionDigits: 1})} 个百分点`;
  }
  const before = p.value - p.change;
  const pct = before > 0 ? `（${sign}${(size / before * 100).toLocaleString('zh-CN', {maximumFractionDigits: 1})}%）` : '';
  return `${sign}${formatNumber(size)}${pct}`;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One point per year, oldest on the left; consecutive known values joined, a gap (null) breaks the line. */
function lineChart(field, label, points) {
  const width = 560;
  const height = 200;
  const pad = {left: 16, right: 16, top: 26, bottom: 28};
  const values = points.map(p => p.value).filter(v => v !== null && v !== undefined).map(Number);
  const described = points.map(p => `${p.year} 年 ${p.value === null ? (p.report ? '未填报' : '无报告')
    : formatFigure(field, p.value)}`).join('，');
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'agency-line', role: 'img',
    'aria-label': `折线图：${label}。${described}`});
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const x = i => points.length === 1 ? width / 2
    : pad.left + 20 + i * (width - pad.left - pad.right - 40) / (points.length - 1);
  const y = v => pad.top + (height - pad.top - pad.bottom) * (max > min ? (max - v) / (max - min) : 1);
  chart.append(svg('line', {x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: 'axis'}));
  let run = [];
  const flush = () => {
    if (run.length > 1) chart.append(svg('polyline', {class: 'line', points: run.join(' ')}));
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null || p.value === undefined) {
      flush();
      chart.append(svg('text', {x: x(i).toFixed(1), y: (height - pad.bottom - 6).toFixed(1), class: 'gap'},
        p.report ? '未填报' : '无报告'));
    } else {
      run.push(`${x(i).toFixed(1)},${y(Number(p.value)).toFixed(1)}`);
    }
    chart.append(svg('text', {x: x(i).toFixed(1), y: height - 8, class: 'year'}, String(p.year)));
  });
  flush();
  points.forEach((p, i) => {
    if (p.value === null || p.value === undefined) return;
    chart.append(svg('circle', {cx: x(i).toFixed(1), cy: y(Number(p.value)).toFixed(1), r: 4, class: 'dot'}));
    chart.append(svg('text', {x: x(i).toFixed(1), y: (y(Number(p.value)) - 9).toFixed(1), class: 'value'},
      formatFigure(field, p.value)));
  });
  return el('figure', {class: 'year-line-figure'}, chart);
}

export function setUpAgencyView() {
  $('back-from-agency').addEventListener('click', () => {
    if (history.state && history.state.fromView) history.back();
    else navigate({...currentState(), agency: ''});
  });
}
