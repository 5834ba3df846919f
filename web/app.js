// The search page: reads the state from the URL (router.js), asks the API, renders results as cards or as a table,
// facets, figure filters and aggregates (a tile map by province, a line by year). The report view is report.js.
import {getJson, fields} from './api.js';
import {el, fill, snippetNodes, formatNumber, formatFigure, figureValue} from './dom.js';
import {showAgency, setUpAgencyView} from './agency.js';
import {writeState, searchParams, withChanges, parseRange, activeFilterCount, DIMENSIONS} from './state.js';
import {DIMENSION_LABELS, valueLabel, figureLabel, shortFigureLabel, templateNote} from './labels.js';
import {navigate, currentState, onNavigate} from './router.js';
import {showReport, setUpReportView} from './report.js';
import {aggregatePicture, roundedMean} from './charts.js';

const PAGE_SIZE = 20;
const $ = id => document.getElementById(id);
let state = currentState();
let generation = 0;

async function render() {
  state = currentState();
  $('q').value = state.q;
  $('match-words').checked = state.match === 'words';
  renderFilterCount();
  const inReport = Boolean(state.report);
  const inAgency = !inReport && Boolean(state.agency);
  $('search-view').hidden = inReport || inAgency;
  $('report-view').hidden = !inReport;
  $('agency-view').hidden = !inAgency;
  if (inAgency) {
    await showAgency(state.agency, state);
  } else if (inReport) {
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
    // the conditions stay visible and removable, so that the user can undo what caused the error
    fields().then(c => { if (mine === generation) { renderChips(c); renderFigureControls(c); } }, () => {});
    return;
  }
  if (mine !== generation) return;
  results.removeAttribute('aria-busy');
  fill($('status'));
  lastTotal = result.total;
  renderSummary(result);
  renderViewSwitch();
  renderHits(result, catalogue);
  renderTable(result, catalogue);
  renderPager(result);
  renderFacets(result);
  renderChips(catalogue);
  renderFigureControls(catalogue);
  renderAggregates(result, catalogue);
  renderExport();
  renderApplyButton();
}

const PARAMETER_HINTS = {
  q: '查询写法有误：请检查引号、括号是否成对，OR 两边是否都有词。',
  match: '匹配方式无效，请重新勾选“按词匹配”。',
  range: '数字筛选条件有误，请删除该条件后重新添加。',
  sort: '排序方式无效，请重新选择。',
  stats: '汇总统计的数字项或分组无效，请重新选择。',
  cursor: '翻页位置已失效，请回到第一页。',
  size: '每页条数超出范围。',
};

/** What went wrong, in plain Chinese: the server's own sentence for a query error, else by status and parameter. */
export function errorText(e) {
  if (e.plain) return e.message;
  if (e.status === 429) return '请求过于频繁，请稍候几秒再试。';
  if (e.status === 0) return e.message;
  if (e.status === 414 || e.status === 431) return '网址太长：筛选条件或检索式太多，请删去一些再试。';
  return PARAMETER_HINTS[e.parameter] || (e.status >= 500 ? '服务器内部出错，请稍后再试。' : '请求无效。');
}

function showError(e) {
  fill($('status'), el('div', {class: 'error', role: 'alert'},
    el('p', {}, el('strong', {}, '检索出错：'), errorText(e)),
    e.status > 0 && e.message && !e.plain
      ? el('details', {}, el('summary', {}, '技术细节'), el('p', {class: 'detail'}, e.message)) : null,
    e.parameter === 'cursor' ? el('button', {type: 'button', onclick: () => navigate(withChanges(state, {}))},
      '回到第一页') : null));
  fill($('summary'), '检索出错');
  fill($('hits'));
  fill($('hit-table'));
  fill($('pager'));
  fill($('facets'), el('p', {class: 'hint'}, '检索出错时无法分类统计。'));
}

function renderSummary(result) {
  const parts = [`共 ${formatNumber(result.total)} 份报告`];
  if (state.page > 1) parts.push(`第 ${state.page} 页`);
  fill($('summary'), parts.join(' · '));
  // The other match mode is offered as a switch of the same query, never by rewriting it (quotes the server might
  // refuse): an exact search that finds nothing says what the word match would find.
  const toWords = withChanges(state, {match: 'words'});
  const toExact = withChanges(state, {match: ''});
  const link = (next, text) => el('a', {href: '?' + writeState(next), onclick: e => {
    e.preventDefault();
    navigate(next);
  }}, text);
  let hint = [];
  if (state.q && !state.match && result.total === 0 && result.wordMatchTotal > 0) {
    hint = [`精确匹配无结果；按词匹配可找到 ${formatNumber(result.wordMatchTotal)} 份。`, link(toWords, '改为按词匹配')];
  } else if (state.q && state.match === 'words' && /\p{Script=Han}{2,}/u.test(state.q)) {
    hint = ['按词匹配（各词都出现即可，不必连在一起）。只要原文中连在一起的字串？ ', link(toExact, '改为精确匹配')];
  }
  fill($('phrase-hint'), hint);
}

function renderHits(result, catalogue) {
  const hits = $('hits');
  hits.hidden = state.view === 'table' && result.hits.length > 0;
  if (result.hits.length === 0) {
    fill(hits, el('li', {class: 'empty'},
      el('p', {}, '没有找到符合条件的报告。'),
      el('p', {}, state.match === 'words' ? '可以减少筛选条件，或换一个说法。'
        : '可以减少筛选条件，换一个说法，或勾选“按词匹配”（不要求字串连在一起）。')));
    return;
  }
  const columns = visibleColumns();
  fill(hits, result.hits.map(hit => {
    const region = [hit.region?.province, hit.region?.city, hit.region?.county].filter(Boolean).join(' › ');
    const meta = [hit.year ? `${hit.year} 年度` : '年度未知', region || '地区未知', hit.agencyType || '类型未知'];
    if (hit.failedChecks && hit.failedChecks.length) meta.push(`${hit.failedChecks.length} 项校验未通过`);
    return el('li', {class: 'hit'},
      state.q && typeof hit.matchCount === 'number' ? el('span', {class: 'match-count'}, `命中 ${formatNumber(hit.matchCount)} 处`)
        : null,
      el('h3', {}, reportLink(hit)),
      el('p', {class: 'meta'}, meta.join(' · ')),
      (hit.snippets || []).map(s => el('p', {class: 'snippet'}, snippetNodes(s))),
      columns.length ? el('dl', {class: 'figures'}, columns.map(id => el('div', {},
        el('dt', {title: figureLabel(catalogue.byId.get(id))}, shortFigureLabel(catalogue.byId.get(id))),
        el('dd', {}, formatFigure(catalogue.byId.get(id), figureValue(hit, id)))))) : null);
  }));
}

function reportLink(hit) {
  return el('a', {href: '?' + writeState({...state, report: hit.id}), 'data-report': hit.id, onclick: openReport},
    hit.agency || hit.id);
}

/**
 * The results as a table, like Kibana Discover: one row per report, the chosen figures as right-aligned columns;
 * a click on a column head sorts by it (again: the other direction). The header stays in view while scrolling.
 */
function renderTable(result, catalogue) {
  const box = $('hit-table');
  box.hidden = state.view !== 'table' || result.hits.length === 0;
  if (box.hidden) {
    fill(box);
    return;
  }
  const [sortField, sortDir] = state.sort ? state.sort.split(':') : ['relevance', 'desc'];
  const sortable = (label, field, numeric) => {
    const active = sortField === field;
    const dir = active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
    const next = active && sortDir !== 'asc' ? 'asc' : 'desc';
    return el('th', {scope: 'col', class: numeric ? 'num' : null, 'aria-sort': dir},
      el('button', {type: 'button', class: 'sort-head', title: `按${label}排序`,
        onclick: () => navigate(withChanges(state, {sort: `${field}:${next}`}))},
      label, el('span', {class: 'sort-mark', 'aria-hidden': 'true'}, active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : '')));
  };
  const columns = visibleColumns();
  const showCount = Boolean(state.q) && result.hits.some(h => typeof h.matchCount === 'number');
  const head = el('tr', {},
    el('th', {scope: 'col'}, '机构'),
    sortable('年度', 'year', true),
    el('th', {scope: 'col'}, '地区'),
    showCount ? el('th', {scope: 'col', class: 'num'}, '命中') : null,
    columns.map(id => sortable(shortFigureLabel(catalogue.byId.get(id)) || id, id, true)));
  const rows = result.hits.map(hit => el('tr', {},
    el('th', {scope: 'row'}, reportLink(hit)),
    el('td', {class: 'num'}, hit.year ?? '—'),
    el('td', {}, [hit.region?.province, hit.region?.city, hit.region?.county].filter(Boolean).join(' › ') || '—'),
    showCount ? el('td', {class: 'num'}, formatNumber(hit.matchCount)) : null,
    columns.map(id => el('td', {class: 'num', 'data-figure': id},
      formatFigure(catalogue.byId.get(id), figureValue(hit, id))))));
  fill(box, el('div', {class: 'table-scroll sticky-head', tabindex: '0', role: 'region', 'aria-label': '检索结果表格'},
    el('table', {class: 'numbers results-table'}, el('thead', {}, head), el('tbody', {}, rows))));
}

function renderViewSwitch() {
  $('view-cards').setAttribute('aria-pressed', String(state.view !== 'table'));
  $('view-table').setAttribute('aria-pressed', String(state.view === 'table'));
}

function openReport(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  // the entry remembers that the results are one step back, so that "返回" is a real Back
  navigate({...state, report: event.currentTarget.dataset.report}, {entry: {fromResults: true}});
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

let focusResults = false;

function renderPager(result) {
  if (focusResults) {
    focusResults = false;
    $('results').focus();
    $('results').scrollIntoView();
  }
  const items = [];
  if (state.page > 1) {
    items.push(el('button', {type: 'button', onclick: () => { focusResults = true; history.back(); }}, '‹ 上一页'));
    items.push(el('button', {type: 'button', onclick: () => navigate(withChanges(state, {}))}, '回到第一页'));
  }
  if (result.nextCursor) {
    items.push(el('button', {type: 'button', class: 'primary', onclick: () => {
      focusResults = true;
      navigate(withChanges(state, {cursor: result.nextCursor, page: state.page + 1}, {keepPage: true}));
    }}, '下一页 ›'));
  }
  fill($('pager'), items);
}

// ---- facets -------------------------------------------------------------------------------------------

const FACET_VALUES_SHOWN = 8;
const showAll = new Set();
const expanded = new Set();
const collapsed = new Set();
let lastResult = null;

function renderFacets(result) {
  lastResult = result;
  const facets = result.facets || {};
  const box = $('facets');
  const sections = [];
  sections.push(facetSection('agencyType', facets.agencyType));
  sections.push(regionSection(facets));
  for (const dim of ['year', 'template', 'checks', 'format', 'gaps', 'copies']) sections.push(facetSection(dim, facets[dim]));
  fill(box, sections.filter(Boolean));
}

function rerenderFacets(focusId) {
  if (lastResult) renderFacets(lastResult);
  if (focusId) document.getElementById(focusId)?.focus();
}

function facetSection(dim, values) {
  const selected = state.facets[dim] || [];
  let list = [...(values || [])];
  // a selected value stays visible (with 0) even when the other filters leave none of it
  for (const v of selected) if (!list.some(x => String(x.value) === v)) list.push({value: v, count: 0});
  if (list.length === 0) return null;
  const total = list.length;
  const all = showAll.has(dim) || total <= FACET_VALUES_SHOWN + 2;
  if (!all) list = list.filter((v, i) => i < FACET_VALUES_SHOWN || selected.includes(String(v.value)));
  const moreId = `more-${dim}`;
  return el('fieldset', {class: 'facet', id: `facet-${dim}`},
    el('legend', {}, DIMENSION_LABELS[dim]),
    el('ul', {}, list.map(v => el('li', {}, facetCheckbox(dim, String(v.value), v.count, valueLabel(dim, v.value))))),
    total > FACET_VALUES_SHOWN + 2 ? el('button', {type: 'button', class: 'link', id: moreId, onclick: () => {
      if (showAll.has(dim)) showAll.delete(dim); else showAll.add(dim);
      rerenderFacets(moreId);
    }}, all ? '收起' : `显示全部 ${total} 项`) : null);
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
  const isSelected = (node, depth) => (state.facets[levels[depth]] || []).includes(String(node.value))
    || (node.children || []).some(c => isSelected(c, depth + 1));
  // a small tree is shown whole; a large one opens where the user expands or has selected
  const small = tree.length <= 3;
  const branch = (nodes, depth) => el('ul', {class: depth ? 'subtree' : 'tree'}, nodes.map(node => {
    const dim = levels[depth];
    const key = `${dim}:${node.value}`;
    const children = depth < 2 ? node.children || [] : [];
    const open = children.length > 0 && !collapsed.has(key) && (small || expanded.has(key) || isSelected(node, depth));
    const toggleId = `twisty-${dim}-${node.value}`;
    const item = el('li', {}, el('div', {class: 'tree-row'},
      children.length ? el('button', {type: 'button', class: 'twisty', id: toggleId, 'aria-expanded': String(open),
        'aria-label': `${open ? '收起' : '展开'} ${node.value}`, onclick: () => {
          if (open) { expanded.delete(key); collapsed.add(key); } else { collapsed.delete(key); expanded.add(key); }
          rerenderFacets(toggleId);
        }}, open ? '▾' : '▸') : el('span', {class: 'twisty-space'}),
      facetCheckbox(dim, String(node.value), node.count, String(node.value))));
    if (open) item.append(branch(children, depth + 1));
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
    const field = range ? catalogue.byId.get(range.id) : null;
    const shown = v => field && field.derived ? formatFigure(field, v) : v;
    const bounds = !range ? '' : range.min && range.max ? `${shown(range.min)} – ${shown(range.max)}`
      : range.min ? `≥ ${shown(range.min)}` : `≤ ${shown(range.max)}`;
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
/** The catalogue the controls were filled from (the filter form reads whether a figure is a ratio). */
let catalogueNow = null;

/** Fills the figure pickers (filter, sort, columns, aggregates) once from the catalogue. */
function renderFigureControls(catalogue) {
  catalogueNow = catalogue;
  if (!controlsReady) {
    controlsReady = true;
    for (const select of document.querySelectorAll('select.figure-picker')) {
      const groups = new Map();
      for (const f of catalogue.fields) {
        if (!groups.has(f.table)) groups.set(f.table, el('optgroup', {label: `${f.table}（2021 版 / 2019 版模板）`}));
        groups.get(f.table).append(el('option', {value: f.id, 'data-templates': f.templates.join(',')},
          `${figureLabel(f)}${f.unit === '万元' ? '（万元）' : ''}${f.derived ? '' : templateNote(f)}`));
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
    navigate(withChanges(state, {q: $('q').value.trim(), match: $('match-words').checked ? 'words' : '', report: ''}));
  });
  // the match mode is part of the search: switching it searches again (the typed query included)
  $('match-words').addEventListener('change', e => {
    navigate(withChanges(state, {q: $('q').value.trim(), match: e.currentTarget.checked ? 'words' : ''}));
  });
  $('view-cards').addEventListener('click', () => navigate(withChanges(state, {view: ''}, {keepPage: true})));
  $('view-table').addEventListener('click', () => navigate(withChanges(state, {view: 'table'}, {keepPage: true})));
  $('figure-filter').addEventListener('submit', e => {
    e.preventDefault();
    const id = $('filter-field').value;
    const min = $('filter-min').value.trim();
    const max = $('filter-max').value.trim();
    const problem = !id ? '请选择一个数字项。' : !min && !max ? '请至少填写最小值或最大值。'
      : min && max && Number(min) > Number(max) ? '最小值不能大于最大值。' : '';
    fill($('filter-problem'), problem);
    if (problem) return;
    // a derived ratio is typed as a percentage (80 for 80%) and searched as the fraction the index keeps
    const derived = catalogueNow && catalogueNow.byId.get(id)?.derived;
    const fraction = v => (v && derived ? String(Number(v) / 100) : v);
    const range = `${id}:${fraction(min)}..${fraction(max)}`;
    const ranges = state.ranges.filter(r => parseRange(r)?.id !== id).concat(range);
    $('filter-min').value = '';
    $('filter-max').value = '';
    $('filter-find').value = '';
    $('filter-find').dispatchEvent(new Event('input'));
    navigate(withChanges(state, {ranges}));
  });
  // narrows the long figure list to the labels containing what was typed; the first match is selected
  $('filter-find').addEventListener('input', e => {
    const words = e.currentTarget.value.trim().split(/\s+/).filter(Boolean);
    const select = $('filter-field');
    let first = null;
    for (const option of select.querySelectorAll('option[value]:not([value=""])')) {
      const match = words.every(w => option.textContent.includes(w) || option.value.includes(w));
      option.hidden = !match;
      if (match && !first) first = option;
    }
    for (const group of select.querySelectorAll('optgroup')) {
      group.hidden = !group.querySelector('option:not([hidden])');
    }
    if (words.length && first) select.value = first.value;
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
  // On a phone the filters are an overlay over the results: each change searches at once (the count on the button
  // below follows), and 查看 N 份结果 (or 关闭, or Escape) closes it on the results.
  $('toggle-filters').addEventListener('click', () => setFiltersOpen(!document.body.classList.contains('filters-open')));
  $('close-filters').addEventListener('click', () => setFiltersOpen(false));
  $('apply-filters').addEventListener('click', () => {
    setFiltersOpen(false);
    $('results').focus();
  });
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && document.body.classList.contains('filters-open')) setFiltersOpen(false);
  });
}

function setFiltersOpen(open) {
  document.body.classList.toggle('filters-open', open);
  $('toggle-filters').setAttribute('aria-expanded', String(open));
  if (open) $('close-filters').focus();
  else $('toggle-filters').focus();
}

let lastTotal = null;

function renderApplyButton() {
  $('apply-filters').textContent = lastTotal === null ? '查看结果' : `查看 ${formatNumber(lastTotal)} 份结果`;
}

function renderFilterCount() {
  const n = activeFilterCount(state);
  const badge = $('filter-count');
  badge.hidden = n === 0;
  badge.textContent = String(n);
  $('toggle-filters').setAttribute('aria-label', n ? `筛选条件（已设 ${n} 项）` : '筛选条件');
}

// ---- aggregates -------------------------------------------------------------------------------------------

function renderAggregates(result, catalogue) {
  const out = $('aggregate-result');
  const stats = (result.stats || [])[0];
  if (!state.stats || !stats) {
    fill(out, el('p', {class: 'hint'}, '选择一个数字项和分组维度，查看当前结果的合计与平均值；按省份分组时显示地图，按年度分组时显示走势。'));
    return;
  }
  $('aggregates').open = true;
  const field = catalogue.byId.get(stats.field);
  const unit = field?.unit || '';
  const ratio = Boolean(field && field.derived);
  const buckets = [...(stats.buckets || [])].sort((a, b) => b.summary.sum - a.summary.sum);
  const caption = `${shortFigureLabel(field)}，按${DIMENSION_LABELS[stats.by] || '全部'}分组（单位：${unit}）`;
  // a ratio's sum means nothing and its mean is Σ numerator / Σ denominator (the API's numeratorSum, denominatorSum)
  const row = (label, s) => el('tr', {},
    el('th', {scope: 'row'}, label), el('td', {}, formatNumber(s.count)),
    el('td', {}, ratio ? `${formatNumber(s.numeratorSum)} / ${formatNumber(s.denominatorSum)}` : formatNumber(s.sum)),
    el('td', {}, ratio ? formatFigure(field, s.mean) : roundedMean(s.mean, unit)),
    el('td', {}, ratio ? formatFigure(field, s.min) : formatNumber(s.min)),
    el('td', {}, ratio ? formatFigure(field, s.max) : formatNumber(s.max)));
  const table = el('table', {class: 'numbers'},
    el('caption', {class: 'sr-only'}, caption),
    el('thead', {}, el('tr', {}, ['分组', '有数的报告', ratio ? 'Σ分子 / Σ分母' : '合计', ratio ? '合并比率' : '平均', '最小', '最大']
      .map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, buckets.map(b => row(valueLabel(stats.by, b.value), b.summary))),
    el('tfoot', {}, row('全部', stats.overall)));
  fill(out, el('p', {class: 'hint', 'aria-hidden': 'true'}, caption),
    ratio ? el('p', {class: 'hint ratio-note'}, `${field.row}是派生指标（${field.formula}）。合并比率 = 各报告分子之和 ÷ 分母之和，`
      + '不是各报告比率的平均。') : null,
    ratio ? null : aggregatePicture(stats.by, buckets, caption, b => valueLabel(stats.by, b.value)),
    el('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption}, table));
  // sizes set through the CSSOM: the content policy allows no inline style attributes
  for (const node of out.querySelectorAll('[data-share]')) node.style.setProperty('--share', node.dataset.share);
}

function renderExport() {
  const params = searchParams(state, {paging: false});
  const chosen = new URLSearchParams(params);
  for (const id of visibleColumns()) chosen.append('columns', id);
  const evidence = new URLSearchParams(chosen);
  evidence.set('evidence', '1');
  $('export-chosen').href = `api/export.csv?${chosen}`;
  $('export-all').href = `api/export.csv?${params}`;
  $('export-evidence').href = `api/export.csv?${evidence}`;
  // the feed follows the query and filters, never the sort or page: its entries are the newest reports
  const feed = searchParams({...state, sort: ''}, {paging: false});
  $('feed-link').href = `api/feed.atom${feed.toString() ? '?' + feed : ''}`;
  $('feed-alternate').href = $('feed-link').href;
}

onNavigate(render);
setUpControls();
setUpReportView();
setUpAgencyView();
render();
