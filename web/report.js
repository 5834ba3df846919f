// The report view: metadata, the link to the original and its download, the three tables laid out as the
// template prints them (failed checks marked), and the text with the search terms highlighted.
import {getJson, fields} from './api.js';
import {el, fill, snippetNodes, formatNumber} from './dom.js';
import {checkLabel, figuresOfCheck, columnLabel, rowLabel} from './labels.js';
import {navigate, currentState} from './app.js';

const $ = id => document.getElementById(id);
let shownId = null;

export async function showReport(id, state) {
  const view = $('report-view');
  if (shownId === id && view.dataset.q === state.q) return;
  shownId = id;
  view.dataset.q = state.q;
  view.setAttribute('aria-busy', 'true');
  fill($('report-body'), el('p', {class: 'loading', role: 'status'}, '正在载入报告…'));
  let report, catalogue;
  try {
    [report, catalogue] = await Promise.all([reportWithHighlights(id, state.q), fields()]);
  } catch (e) {
    shownId = null;
    view.removeAttribute('aria-busy');
    fill($('report-body'), el('div', {class: 'error', role: 'alert'},
      el('strong', {}, e.status === 404 ? '找不到这份报告' : '载入报告出错'), '：', e.message));
    return;
  }
  view.removeAttribute('aria-busy');
  document.title = `${report.agency || report.id} – 政府信息公开年度报告检索`;
  fill($('report-body'), header(report), tables(report, catalogue), text(report, state.q));
  $('report-title').focus();
}

/**
 * The report, with its text highlighted by the engine for the query (highlightedText: escaped HTML with <mark>),
 * so that the view marks what the search matched: phrases the source broke over lines, words matched in pieces.
 * A query the engine rejects still shows the report, unmarked (the results list shows the query's error).
 */
async function reportWithHighlights(id, q) {
  const path = `api/reports/${encodeURIComponent(id)}`;
  if (!q) return getJson(path);
  try {
    return await getJson(path, new URLSearchParams({q}).toString());
  } catch (e) {
    if (e.status === 400 && e.parameter === 'q') return getJson(path);
    throw e;
  }
}

function header(r) {
  const region = [r.region?.province, r.region?.city, r.region?.county].filter(Boolean).join(' › ');
  const source = r.source || {};
  const facts = [
    ['年度', r.year ?? '未知'], ['发布日期', r.published || '未知'], ['地区', region || '未知'],
    ['机构类型', r.agencyType || '未知'], ['模板', r.template ? `${r.template} 版` : '未识别出表格'],
    ['文件', `${r.file || ''}${source.format ? `（${source.format.toUpperCase()}，${size(source.size)}）` : ''}`],
  ];
  if (source.fetched) facts.push(['抓取日期', source.fetched]);
  const links = [];
  if (source.url && /^https?:\/\//i.test(source.url)) {
    links.push(el('a', {href: source.url, rel: 'noopener noreferrer', target: '_blank', class: 'original-url'},
      '查看原文网页 ↗'));
  }
  links.push(el('a', {href: `api/reports/${encodeURIComponent(r.id)}/original`, download: '', class: 'download'},
    '下载原始文件'));
  return el('header', {class: 'report-head'},
    el('h2', {id: 'report-title', tabindex: '-1'}, r.agency || r.id),
    el('dl', {class: 'facts'}, facts.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, String(v))))),
    el('p', {class: 'links'}, links),
    source.url ? el('p', {class: 'hint'}, '原文地址：', el('span', {class: 'url'}, source.url)) : null,
    r.note ? el('p', {class: 'note'}, '说明：', r.note) : null,
    r.failedChecks?.length ? el('div', {class: 'checks', role: 'note'},
      el('h3', {}, `勾稽校验未通过（${r.failedChecks.length} 项）`),
      el('p', {class: 'hint'}, '数字按报告原样记录，未作更正。下表中与分项之和不符的总计以红框标出，参与计算的分项以浅红底色标出。'),
      el('ul', {}, r.failedChecks.map(c => el('li', {}, checkLabel(c))))) : null);
}

function size(bytes) {
  if (!bytes && bytes !== 0) return '';
  return bytes < 1024 ? `${bytes} 字节` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** The three tables: rows in template order, consecutive rows with the same columns share one grid. */
function tables(r, catalogue) {
  if (!r.template) {
    return el('section', {class: 'tables'}, el('h3', {}, '统计表'),
      el('p', {class: 'hint'}, '这份报告中没有识别出统计表（原文可能在提取时丢失了表格）。'));
  }
  const ids = new Set(catalogue.fields.map(f => f.id));
  const failed = new Map();
  const mark = (id, check, strength) => {
    const entry = failed.get(id) || {checks: [], total: false};
    entry.checks.push(check);
    entry.total = entry.total || strength === 'total';
    failed.set(id, entry);
  };
  for (const check of r.failedChecks || []) {
    const {totals, parts} = figuresOfCheck(check, ids);
    totals.forEach(id => mark(id, check, 'total'));
    parts.forEach(id => mark(id, check, 'part'));
  }
  const byTable = new Map();
  for (const f of catalogue.fields) {
    if (!f.templates.includes(r.template)) continue;
    if (!byTable.has(f.table)) byTable.set(f.table, []);
    byTable.get(f.table).push(f);
  }
  return el('section', {class: 'tables'}, [...byTable].map(([table, figures]) =>
    el('section', {class: 'table-block'}, el('h3', {}, table),
      grids(figures, r.template).map(g => grid(g, r.figures || {}, failed)))));
}

function grids(figures, template) {
  const rows = [];
  for (const f of figures) {
    const label = rowLabel(f.row, template);
    let row = rows.find(x => x.label === label);
    if (!row) rows.push(row = {label, cells: []});
    row.cells.push(f);
  }
  const out = [];
  for (const row of rows) {
    const columns = row.cells.map(c => columnLabel(c, template)).join('|');
    const last = out[out.length - 1];
    if (last && last.columns === columns) last.rows.push(row);
    else out.push({columns, rows: [row]});
  }
  return out;
}

/** One grid with two-level headers: "法人或其他组织 / 商业企业" spans under one head, like the template. */
function grid(g, values, failed) {
  const columns = g.columns.split('|');
  const split = s => s.includes(' / ') ? s.split(' / ') : [s];
  const twoLevelColumns = columns.some(c => split(c).length > 1);
  const twoLevelRows = g.rows.some(r => split(r.label).length > 1);
  const rowHeadCols = twoLevelRows ? 2 : 1;
  const head = [];
  const top = el('tr', {}, el('th', {scope: 'col', colspan: rowHeadCols, rowspan: twoLevelColumns ? 2 : 1}, '项目'));
  const sub = el('tr', {});
  for (let i = 0; i < columns.length;) {
    const [group, leaf] = split(columns[i]);
    if (!twoLevelColumns || leaf === undefined) {
      top.append(el('th', {scope: 'col', rowspan: twoLevelColumns ? 2 : 1}, group));
      i++;
      continue;
    }
    let span = 0;
    while (i + span < columns.length && split(columns[i + span])[0] === group) span++;
    top.append(el('th', {scope: 'colgroup', colspan: span}, group));
    for (let k = 0; k < span; k++) sub.append(el('th', {scope: 'col'}, split(columns[i + k])[1]));
    i += span;
  }
  head.push(top);
  if (twoLevelColumns) head.push(sub);
  const body = [];
  g.rows.forEach((row, index) => {
    const [group, leaf] = split(row.label);
    const tr = el('tr', {});
    if (!twoLevelRows) tr.append(el('th', {scope: 'row'}, group));
    else if (leaf === undefined) tr.append(el('th', {scope: 'row', colspan: 2}, group));
    else {
      const prev = index > 0 ? split(g.rows[index - 1].label) : [];
      if (prev[0] !== group || prev[1] === undefined) {
        let span = 0;
        while (index + span < g.rows.length && split(g.rows[index + span].label)[0] === group
          && split(g.rows[index + span].label)[1] !== undefined) span++;
        tr.append(el('th', {scope: 'rowgroup', rowspan: span}, group));
      }
      tr.append(el('th', {scope: 'row'}, leaf));
    }
    for (const f of row.cells) {
      const has = Object.prototype.hasOwnProperty.call(values, f.id);
      const flagged = failed.get(f.id);
      const classes = [flagged ? (flagged.total ? 'failed' : 'failed-part') : '', has ? '' : 'absent'];
      tr.append(el('td', {
        class: classes.join(' ').trim() || null,
        title: flagged ? `未通过：${flagged.checks.join('，')}` : f.id,
        'data-figure': f.id,
      }, has ? formatNumber(values[f.id]) : '—',
      flagged ? el('span', {class: 'sr-only'}, `（${flagged.total ? '与分项之和不符' : '参与未通过的校验'}：${flagged.checks.join('，')}）`) : null));
    }
    body.push(tr);
  });
  return el('div', {class: 'grid-wrap', tabindex: '0', role: 'region', 'aria-label': g.rows.map(r => r.label)[0]},
    el('table', {class: 'template'}, el('thead', {}, head), el('tbody', {}, body)));
}

/**
 * The text, one window at a time (the API answers at most 200,000 characters per request, so that a huge report
 * cannot exhaust the server or this page); a longer text gets buttons for the windows before and after.
 */
function text(r, q) {
  const highlighted = typeof r.highlightedText === 'string';
  const body = el('div', {class: 'report-text', tabindex: '0', role: 'region', 'aria-label': '报告全文'});
  const pager = el('p', {class: 'hint text-pager'});
  const show = w => {
    fill(body, highlighted ? snippetNodes(w.highlightedText || '') : document.createTextNode(w.text || ''));
    const end = w.textOffset + (w.text || '').length;
    if (!(w.textLength > (w.text || '').length)) return fill(pager);
    const windowLength = Math.max(1, (w.text || '').length);
    const go = offset => async () => {
      try {
        show(await textWindow(r.id, q, offset, highlighted));
        body.scrollTop = 0;
      } catch (e) {
        fill(pager, el('span', {class: 'error', role: 'alert'}, '载入正文出错：', e.message));
      }
    };
    fill(pager, `正文共 ${w.textLength.toLocaleString('zh-CN')} 字，此处显示第 ${(w.textOffset + 1).toLocaleString('zh-CN')}`
      + `–${end.toLocaleString('zh-CN')} 字。`,
      w.textOffset > 0 ? el('button', {type: 'button', class: 'link', onclick: go(Math.max(0, w.textOffset - windowLength))}, '上一段') : null,
      end < w.textLength ? el('button', {type: 'button', class: 'link', onclick: go(end)}, '下一段') : null);
  };
  show(r);
  const marks = highlighted ? (r.matches ?? body.querySelectorAll('mark').length) : 0;
  return el('section', {class: 'text-block'},
    el('h3', {}, '报告全文'),
    highlighted ? el('p', {class: 'hint'}, `检索式「${q}」在正文中匹配 ${marks} 处，已用底色标出。`,
      body.querySelector('mark') ? el('button', {type: 'button', class: 'link', onclick: () => {
        const m = body.querySelector('mark');
        if (m) m.scrollIntoView({block: 'center'});
      }}, '跳到第一处') : null) : null,
    pager,
    body);
}

/** Another window of the report's text (with the same query's marks when the first one had them). */
function textWindow(id, q, offset, highlighted) {
  const params = new URLSearchParams({offset: String(offset)});
  if (highlighted && q) params.set('q', q);
  return getJson(`api/reports/${encodeURIComponent(id)}`, params.toString());
}

export function setUpReportView() {
  $('back-to-results').addEventListener('click', () => {
    if (history.state && history.state.fromResults) history.back();
    else navigate({...currentState(), report: ''});
  });
}
