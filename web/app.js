// The search page: reads the state from the URL, asks the API, renders results, facets, figure filters and
// aggregates. The report view lives in report.js.
import {getJson, fields, ApiError} from './api.js';
import {el, fill, snippetNodes, formatNumber} from './dom.js';
import {readState, writeState, searchParams, withChanges, parseRange, DIMENSIONS} from './state.js';
import {DIMENSION_LABELS, valueLabel, figureLabel, shortFigureLabel} from './labels.js';
import {showReport, setUpReportView} from './report.js';

const PAGE_SIZE = 20;
const $ = id => document.getElementById(id);
let state = readState(location.search);
let generation = 0;

/** Moves to a new state: a new history entry (Back returns), then renders it. */
export function navigate(next, {replace = false} = {}) {
  state = next;
  const url = `${location.pathname}${writeState(next) ? '?' + writeState(next) : ''}`;
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

export function currentState() {
  return state;
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  render();
});

async function render() {
  $('q').value = state.q;
  const inReport = Boolean(state.report);
  $('search-view').hidden = inReport;
  $('report-view').hidden = !inReport;
  if (inReport) {
    await showReport(state.report, state);
  } else {
    document.title = state.q ? `${state.q} – 政府信息公开年度报告检索` : '政府信息公开年度报告检索';
    await search();
  }
}

async function search() {
  const mine = ++generation;
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  fill($('status'), el('p', {class: 'loading'}, '正在检索…'));
  const params = searchParams(state, {paging: true});
  params.set('size', String(PAGE_SIZE));
  if (state.stats) params.set('stats', state.stats);
  let result, catalogue;
  try {
    [result, catalogue] = await Promise.all([getJson('api/search', params), fields()]);
  } catch (e) {
    if (mine !== generation) return;
    results.removeAttribute('aria-busy');
    showError(e);
    return;
  }
  if (mine !== generation) return;
  results.removeAttribute('aria-busy');
  fill($('status'));
  renderSummary(result);
  renderHits(result, catalogue);
  renderPager(result);
  renderFacets(result);
  renderChips(catalogue);
  renderFigureControls(catalogue);
  renderAggregates(result, catalogue);
  renderExport();
}

function showError(e) {
  const detail = e instanceof ApiError ? e.message : String(e);
  const where = e.parameter ? `（参数 ${e.parameter}）` : '';
  fill($('status'), el('div', {class: 'error', role: 'alert'},
    el('strong', {}, e.status === 429 ? '请求过于频繁' : '检索出错'), ` ${where}：`, detail));
  fill($('summary'), '');
  fill($('hits'));
  fill($('pager'));
}

function renderSummary(result) {
  const parts = [`共 ${formatNumber(result.total)} 份报告`];
  if (state.page > 1) parts.push(`第 ${state.page} 页`);
  fill($('summary'), parts.join(' · '));
}

function renderHits(result, catalogue) {
  const hits = $('hits');
  if (result.hits.length === 0) {
    fill(hits, el('li', {class: 'empty'},
      el('p', {}, '没有找到符合条件的报告。'),
      el('p', {}, '可以减少筛选条件，或换一个说法；短语要加英文引号，例如 "本机关不掌握"。')));
    return;
  }
  const columns = visibleColumns();
  fill(hits, result.hits.map(hit => {
    const region = [hit.region?.province, hit.region?.city, hit.region?.county].filter(Boolean).join(' › ');
    const meta = [hit.year ? `${hit.year} 年度` : '年度未知', region || '地区未知', hit.agencyType || '类型未知'];
    if (hit.failedChecks && hit.failedChecks.length) meta.push(`${hit.failedChecks.length} 项校验未通过`);
    return el('li', {class: 'hit'},
      el('h3', {}, el('a', {href: '?' + writeState({...state, report: hit.id}), 'data-report': hit.id,
        onclick: openReport}, hit.agency || hit.id)),
      el('p', {class: 'meta'}, meta.join(' · ')),
      (hit.snippets || []).map(s => el('p', {class: 'snippet'}, snippetNodes(s))),
      columns.length ? el('dl', {class: 'figures'}, columns.map(id => el('div', {},
        el('dt', {title: figureLabel(catalogue.byId.get(id))}, shortFigureLabel(catalogue.byId.get(id))),
        el('dd', {}, hit.figures && id in hit.figures ? formatNumber(hit.figures[id]) : '—')))) : null);
  }));
}

function openReport(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate({...state, report: event.currentTarget.dataset.report});
}

/** The chosen columns plus the figures the user filters, sorts or aggregates by. */
function visibleColumns() {
  const ids = [...state.cols];
  for (const r of state.ranges) {
    const range = parseRange(r);
    if (range && range.id !== 'year') ids.push(range.id);
  }
  const sortField = state.sort.split(':')[0];
  if (sortField && sortField !== 'relevance' && sortField !== 'year') ids.push(sortField);
  return [...new Set(ids)];
}

function renderPager(result) {
  const items = [];
  if (state.page > 1) {
    items.push(el('button', {type: 'button', onclick: () => history.back()}, '‹ 上一页'));
    items.push(el('button', {type: 'button', onclick: () => navigate(withChanges(state, {}))}, '回到第一页'));
  }
  if (result.nextCursor) {
    items.push(el('button', {type: 'button', class: 'primary', onclick: () =>
      navigate(withChanges(state, {cursor: result.nextCursor, page: state.page + 1}, {keepPage: true}))}, '下一页 ›'));
  }
  fill($('pager'), items);
}

// ---- facets -------------------------------------------------------------------------------------------

function renderFacets(result) {
  const facets = result.facets || {};
  const box = $('facets');
  const sections = [];
  sections.push(facetSection('agencyType', facets.agencyType));
  sections.push(regionSection(facets));
  for (const dim of ['year', 'template', 'checks', 'format']) sections.push(facetSection(dim, facets[dim]));
  fill(box, sections.filter(Boolean));
}

function facetSection(dim, values) {
  const selected = state.facets[dim] || [];
  const list = [...(values || [])];
  // a selected value stays visible (with 0) even when the other filters leave none of it
  for (const v of selected) if (!list.some(x => String(x.value) === v)) list.push({value: v, count: 0});
  if (list.length === 0) return null;
  const id = `facet-${dim}`;
  return el('fieldset', {class: 'facet', id},
    el('legend', {}, DIMENSION_LABELS[dim]),
    el('ul', {}, list.map(v => el('li', {}, facetCheckbox(dim, String(v.value), v.count, valueLabel(dim, v.value))))));
}

function facetCheckbox(dim, value, count, label) {
  const checked = (state.facets[dim] || []).includes(value);
  return el('label', {class: 'check'},
    el('input', {type: 'checkbox', checked, 'data-dim': dim, 'data-value': value, onchange: toggleFacet}),
    el('span', {class: 'label'}, label),
    el('span', {class: 'count', 'aria-label': `${count} 份`}, formatNumber(count)));
}

function toggleFacet(event) {
  const {dim, value} = event.currentTarget.dataset;
  const values = new Set(state.facets[dim] || []);
  if (event.currentTarget.checked) values.add(value); else values.delete(value);
  const facets = {...state.facets, [dim]: [...values]};
  if (facets[dim].length === 0) delete facets[dim];
  focusAfterRender = {dim, value};
  navigate(withChanges(state, {facets}));
}

let focusAfterRender = null;

/** Region as a tree: province › city › county, each level its own filter dimension. */
function regionSection(facets) {
  let tree = facets.region;
  if (!tree && facets.province) tree = facets.province;
  if (!tree || tree.length === 0) {
    if (!['province', 'city', 'county'].some(d => state.facets[d])) return null;
    tree = [];
  }
  const levels = ['province', 'city', 'county'];
  const branch = (nodes, depth) => el('ul', {class: depth ? 'subtree' : 'tree'}, nodes.map(node => {
    const dim = levels[depth];
    const children = node.children || [];
    const item = el('li', {}, facetCheckbox(dim, String(node.value), node.count, String(node.value)));
    if (children.length && depth < 2) item.append(branch(children, depth + 1));
    return item;
  }));
  const shown = new Set();
  const collect = (nodes, depth) => nodes.forEach(n => {
    shown.add(`${levels[depth]}:${n.value}`);
    collect(n.children || [], depth + 1);
  });
  collect(tree, 0);
  const selectedElsewhere = levels.flatMap(dim => (state.facets[dim] || []).map(v => ({dim, v})))
    .filter(({dim, v}) => !shown.has(`${dim}:${v}`));
  return el('fieldset', {class: 'facet', id: 'facet-region'},
    el('legend', {}, '地区（省 › 市 › 区县）'),
    branch(tree, 0),
    selectedElsewhere.length ? el('ul', {}, selectedElsewhere.map(({dim, v}) =>
      el('li', {}, facetCheckbox(dim, v, 0, v)))) : null);
}

// ---- figure filters (chips) ---------------------------------------------------------------------------

function renderChips(catalogue) {
  const chips = [];
  if (state.q) chips.push(chip(`检索：${state.q}`, () => withChanges(state, {q: ''})));
  for (const dim of DIMENSIONS) {
    for (const v of state.facets[dim] || []) {
      chips.push(chip(`${DIMENSION_LABELS[dim]}：${valueLabel(dim, v)}`, () => {
        const facets = {...state.facets, [dim]: state.facets[dim].filter(x => x !== v)};
        if (facets[dim].length === 0) delete facets[dim];
        return withChanges(state, {facets});
      }));
    }
  }
  for (const r of state.ranges) {
    const range = parseRange(r);
    const name = range ? (range.id === 'year' ? '年度' : shortFigureLabel(catalogue.byId.get(range.id)) || range.id) : r;
    const bounds = !range ? '' : range.min && range.max ? `${range.min} – ${range.max}`
      : range.min ? `≥ ${range.min}` : `≤ ${range.max}`;
    chips.push(chip(`${name} ${bounds}`, () => withChanges(state, {ranges: state.ranges.filter(x => x !== r)})));
  }
  const box = $('chips');
  fill(box, chips.length ? [el('ul', {}, chips.map(c => el('li', {}, c))),
    el('button', {type: 'button', class: 'link', onclick: () => navigate(withChanges(state,
      {q: '', facets: {}, ranges: []}))}, '清除全部')] : el('p', {class: 'hint'}, '尚未设置筛选条件。'));
}

function chip(text, without) {
  return el('span', {class: 'chip'}, el('span', {}, text),
    el('button', {type: 'button', 'aria-label': `移除条件 ${text}`, title: '移除',
      onclick: () => navigate(without())}, '×'));
}

let controlsReady = false;

/** Fills the figure pickers (filter, sort, columns, aggregates) once from the catalogue. */
function renderFigureControls(catalogue) {
  if (!controlsReady) {
    controlsReady = true;
    for (const select of document.querySelectorAll('select.figure-picker')) {
      const groups = new Map();
      for (const f of catalogue.fields) {
        if (!groups.has(f.table)) groups.set(f.table, el('optgroup', {label: f.table}));
        groups.get(f.table).append(el('option', {value: f.id},
          `${figureLabel(f)}${f.unit === '万元' ? '（万元）' : ''}`));
      }
      select.append(...groups.values());
    }
  }
  const [field, dir] = state.sort ? state.sort.split(':') : ['relevance', 'desc'];
  $('sort-field').value = field || 'relevance';
  $('sort-dir').value = dir === 'asc' ? 'asc' : 'desc';
  $('sort-dir').disabled = !state.sort || field === 'relevance';
  const [statField, statBy] = state.stats ? state.stats.split(',') : ['', 'agencyType'];
  $('agg-field').value = statField;
  $('agg-by').value = statBy || 'agencyType';
  fill($('columns-list'), state.cols.map(id => el('li', {}, chip(shortFigureLabel(catalogue.byId.get(id)) || id,
    () => withChanges(state, {cols: state.cols.filter(c => c !== id)}, {keepPage: true})))));
  if (focusAfterRender) {
    const {dim, value} = focusAfterRender;
    focusAfterRender = null;
    const box = [...document.querySelectorAll('#facets input[type=checkbox]')]
      .find(i => i.dataset.dim === dim && i.dataset.value === value);
    if (box) box.focus();
  }
}

function setUpControls() {
  $('search-form').addEventListener('submit', e => {
    e.preventDefault();
    navigate(withChanges(state, {q: $('q').value.trim(), report: ''}));
  });
  $('figure-filter').addEventListener('submit', e => {
    e.preventDefault();
    const id = $('filter-field').value;
    const min = $('filter-min').value.trim();
    const max = $('filter-max').value.trim();
    const problem = !id ? '请选择一个数字项。' : !min && !max ? '请至少填写最小值或最大值。'
      : min && max && Number(min) > Number(max) ? '最小值不能大于最大值。' : '';
    fill($('filter-problem'), problem);
    if (problem) return;
    const range = `${id}:${min}..${max}`;
    const ranges = state.ranges.filter(r => parseRange(r)?.id !== id).concat(range);
    $('filter-min').value = '';
    $('filter-max').value = '';
    navigate(withChanges(state, {ranges}));
  });
  const sortChanged = () => {
    const field = $('sort-field').value;
    navigate(withChanges(state, {sort: field === 'relevance' ? '' : `${field}:${$('sort-dir').value}`}));
  };
  $('sort-field').addEventListener('change', sortChanged);
  $('sort-dir').addEventListener('change', sortChanged);
  $('add-column').addEventListener('change', e => {
    const id = e.currentTarget.value;
    e.currentTarget.value = '';
    if (id && !state.cols.includes(id)) navigate(withChanges(state, {cols: [...state.cols, id]}, {keepPage: true}));
  });
  $('aggregate-form').addEventListener('submit', e => {
    e.preventDefault();
    const id = $('agg-field').value;
    navigate(withChanges(state, {stats: id ? `${id},${$('agg-by').value}` : ''}, {keepPage: true}));
  });
  $('toggle-filters').addEventListener('click', e => {
    const open = document.body.classList.toggle('filters-open');
    e.currentTarget.setAttribute('aria-expanded', String(open));
  });
}

// ---- aggregates -------------------------------------------------------------------------------------------

function renderAggregates(result, catalogue) {
  const out = $('aggregate-result');
  const stats = (result.stats || [])[0];
  if (!state.stats || !stats) {
    fill(out, el('p', {class: 'hint'}, '选择一个数字项和分组维度，查看当前结果的合计与平均值。'));
    return;
  }
  const field = catalogue.byId.get(stats.field);
  const unit = field?.unit || '';
  const buckets = [...(stats.buckets || [])].sort((a, b) => b.summary.sum - a.summary.sum);
  const max = Math.max(0, ...buckets.map(b => b.summary.sum));
  const caption = `${shortFigureLabel(field)}，按${DIMENSION_LABELS[stats.by] || '全部'}分组（单位：${unit}）`;
  const row = (label, s) => el('tr', {},
    el('th', {scope: 'row'}, label), el('td', {}, formatNumber(s.count)), el('td', {}, formatNumber(s.sum)),
    el('td', {}, formatNumber(s.mean)), el('td', {}, formatNumber(s.min)), el('td', {}, formatNumber(s.max)));
  const table = el('table', {class: 'numbers'},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ['分组', '报告数', '合计', '平均', '最小', '最大'].map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, buckets.map(b => row(valueLabel(stats.by, b.value), b.summary))),
    el('tfoot', {}, row('全部', stats.overall)));
  fill(out, table, bars(buckets, max, stats.by, caption));
}

/** A horizontal bar chart of the bucket sums as inline SVG (no library, no network). */
function bars(buckets, max, by, caption) {
  if (buckets.length === 0) return null;
  const NS = 'http://www.w3.org/2000/svg';
  const rowHeight = 24, labelWidth = 130, width = 560, barWidth = width - labelWidth - 90;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${buckets.length * rowHeight + 8}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `柱状图：${caption}`);
  const text = (x, y, content, anchor) => {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', x); t.setAttribute('y', y);
    if (anchor) t.setAttribute('text-anchor', anchor);
    t.textContent = content;
    return t;
  };
  buckets.forEach((b, i) => {
    const y = i * rowHeight + 4;
    const label = valueLabel(by, b.value);
    svg.append(text(labelWidth - 6, y + 15, label.length > 9 ? label.slice(0, 8) + '…' : label, 'end'));
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', labelWidth); rect.setAttribute('y', y + 3);
    rect.setAttribute('height', rowHeight - 8);
    rect.setAttribute('width', max > 0 ? Math.max(1, b.summary.sum / max * barWidth) : 1);
    svg.append(rect);
    svg.append(text(labelWidth + (max > 0 ? b.summary.sum / max * barWidth : 0) + 6, y + 15, formatNumber(b.summary.sum)));
  });
  return svg;
}

function renderExport() {
  const params = searchParams(state, {paging: false});
  const chosen = new URLSearchParams(params);
  for (const id of visibleColumns()) chosen.append('columns', id);
  $('export-chosen').href = `api/export.csv?${chosen}`;
  $('export-all').href = `api/export.csv?${params}`;
}

setUpControls();
setUpReportView();
render();
