// The report view: metadata, the link to the original and its download, the three tables laid out as the
// template prints them (failed checks explained and marked, figures read by splitting glued digits or from the
// narrative marked with their evidence), and the text with the search terms highlighted, one match after another.
import {getJson, fields} from './api.js';
import {el, fill, snippetNodes, formatNumber, formatFigure} from './dom.js';
import {columnLabel, rowLabel, EVIDENCE_LABELS} from './labels.js';
import {navigate, currentState} from './router.js';
import {writeState} from './state.js';

const $ = id => document.getElementById(id);
let shownId = null;

export async function showReport(id, state) {
  const view = $('report-view');
  const key = `${state.q}\u0000${state.match}`;
  if (shownId === id && view.dataset.q === key) return;
  shownId = id;
  view.dataset.q = key;
  view.setAttribute('aria-busy', 'true');
  fill($('report-body'), el('p', {class: 'loading', role: 'status'}, '正在载入报告…'));
  let report, catalogue;
  try {
    [report, catalogue] = await Promise.all([reportWithHighlights(id, state.q, state.match), fields()]);
  } catch (e) {
    shownId = null;
    view.removeAttribute('aria-busy');
    fill($('report-body'), el('div', {class: 'error', role: 'alert'},
      e.status === 404 ? [el('strong', {}, '找不到这份报告'), `：编号“${id}”不在索引中，可能已被删除或链接有误。`]
        : [el('strong', {}, '载入报告出错'), '：', e.status === 0 || e.plain ? e.message
          : e.status >= 500 ? '服务器内部出错，请稍后再试。' : '请求无效。']));
    return;
  }
  view.removeAttribute('aria-busy');
  document.title = `${report.agency || report.id} – 政府信息公开年度报告检索`;
  fill($('report-body'), header(report), tables(report, catalogue), derived(report, catalogue), copies(report, state),
    text(report, state.q, state.match));
  stickRowHeads();
  $('report-title').focus();
}

/**
 * The report, with its text highlighted by the engine for the query (highlightedText: escaped HTML with <mark>),
 * so that the view marks what the search matched: phrases the source broke over lines, words matched in pieces.
 * A query the engine rejects still shows the report, unmarked (the results list shows the query's error).
 */
async function reportWithHighlights(id, q, match) {
  const path = `api/reports/${encodeURIComponent(id)}`;
  if (!q) return getJson(path);
  try {
    const params = new URLSearchParams({q});
    if (match) params.set('match', match);
    return await getJson(path, params.toString());
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
    r.agencyKey ? el('p', {class: 'agency-links'},
      el('a', {href: '?' + new URLSearchParams({agency: r.agencyKey}), id: 'agency-link', onclick: openAgency,
        'data-agency': r.agencyKey}, '该机关历年报告 ›'),
      r.previous ? [' · ', el('a', {href: '?' + new URLSearchParams({report: r.previous.id}), class: 'previous-report',
        'data-report': r.previous.id, onclick: openOther}, `上一年度（${r.previous.year} 年）报告`)] : null,
      !r.previous && r.earlier ? [' · ', el('a', {href: '?' + new URLSearchParams({report: r.earlier.id}),
        class: 'previous-report', 'data-report': r.earlier.id, onclick: openOther},
        `此前最近一份报告（${r.earlier.year} 年）`)] : null,
      r.agencyMissingYears?.length ? el('span', {class: 'hint'},
        `（该机关缺少 ${r.agencyMissingYears.join('、')} 年的报告）`) : null) : null,
    el('dl', {class: 'facts'}, facts.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, String(v))))),
    el('p', {class: 'links'}, links),
    source.url ? el('p', {class: 'hint'}, '原文地址：', el('span', {class: 'url'}, source.url)) : null,
    r.note ? el('p', {class: 'note'}, '说明：', r.note) : null,
    r.failedChecks?.length ? el('div', {class: 'checks', role: 'note'},
      el('h3', {}, `勾稽校验未通过（${r.failedChecks.length} 项）`),
      el('p', {class: 'hint'}, '数字按报告原样记录，未作更正。下表中与分项之和不符的总计以红框标出，参与计算的分项以浅红底色标出。'),
      el('ul', {}, explanations(r).map(c => el('li', {'data-check': c.check}, c.sentence,
        c.otherReport ? [' ', el('a', {href: '?' + new URLSearchParams({report: c.otherReport}), class: 'other-report',
          'data-report': c.otherReport, onclick: openOther}, '查看上一年度报告')] : null)))) : null);
}

/** Opens the agency view of the report's agency (Back returns to the report). */
function openAgency(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate({...currentState(), report: '', agency: event.currentTarget.dataset.agency}, {entry: {fromView: true}});
}

/** Opens another report (the previous year's) in this view. */
function openOther(event) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate({...currentState(), report: event.currentTarget.dataset.report}, {entry: {fromView: true}});
}

/** Figures computed at index time (ratios, growth): never read from the report, so shown apart, with formulas. */
function derived(r, catalogue) {
  const shown = catalogue.fields.filter(f => f.derived && r.derivedFigures && f.id in r.derivedFigures);
  if (!shown.length) return null;
  return el('section', {class: 'derived-figures'},
    el('h3', {}, '派生指标'),
    el('p', {class: 'hint'}, '以下比率由上表的数字在建立索引时计算，报告本身未印；分母为 0 或缺项时不计算。'),
    el('dl', {class: 'facts'}, shown.map(f => el('div', {'data-figure': f.id},
      el('dt', {title: f.formula}, f.row), el('dd', {}, formatFigure(f, r.derivedFigures[f.id]),
        el('span', {class: 'hint'}, `（${f.formula}）`))))));
}

/** The server's explanation of each failed check (cells, both sums, a sentence); a bare id if it sent none. */
function explanations(r) {
  if (Array.isArray(r.checkExplanations)) return r.checkExplanations;
  return (r.failedChecks || []).map(check => ({check, parts: [], totals: [], sentence: `校验 ${check} 未通过`}));
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
  const failed = new Map();
  const mark = (id, sentence, strength) => {
    const entry = failed.get(id) || {checks: [], total: false};
    entry.checks.push(sentence);
    entry.total = entry.total || strength === 'total';
    failed.set(id, entry);
  };
  for (const c of explanations(r)) {
    // a cross-year check's totals are the previous report's figures: only its part is a cell of this report
    if (!c.otherReport) (c.totals || []).forEach(id => mark(id, c.sentence, 'total'));
    (c.parts || []).forEach(id => mark(id, c.sentence, 'part'));
  }
  const byTable = new Map();
  for (const f of catalogue.fields) {
    if (f.derived || !f.templates.includes(r.template)) continue;
    if (!byTable.has(f.table)) byTable.set(f.table, []);
    byTable.get(f.table).push(f);
  }
  const methods = new Set(Object.values(r.figureEvidence || {}).map(e => e.method));
  const legend = methods.has('split') || methods.has('narrative') || methods.has('blank')
    ? el('p', {class: 'hint evidence-legend'}, '数字前的小标记说明它不是直接从单元格读出的：',
      methods.has('split') ? [el('span', {class: 'evidence evidence-split'}, '拆'), '由连写的数字串拆出；'] : null,
      methods.has('narrative') ? [el('span', {class: 'evidence evidence-narrative'}, '文'), '拆法由正文中的数字确定；'] : null,
      methods.has('blank') ? '虚线下划线：空白单元格，按 0 计；' : null,
      '把鼠标移到标记上或用 Tab 键选中它，可看到依据。') : null;
  return el('section', {class: 'tables'}, legend, [...byTable].map(([table, figures]) =>
    el('section', {class: 'table-block'}, el('h3', {}, table),
      grids(figures, r.template).map(g => grid(g, r.figures || {}, failed, r.figureEvidence || {})))));
}

function grids(figures, template) {
  const rows = [];
  for (const f of figures) {
    const label = rowLabel(f.row, template);
    let row = rows.find(x => x.label === label);
    if (!row) rows.push(row = {label, cells: []});
    row.cells.push(f);
  }
  // The catalogue names table 三's rows (三)–(七) without their head: the template prints them all under
  // 三、本年度办理结果, which (一) and (二) name. A row "（n）…" goes under the last numbered head that had sub-rows.
  let parent = null;
  for (const row of rows) {
    const path = row.label.split(' / ');
    if (/^[一二三四五六七八九十]+、/.test(path[0])) parent = path.length > 1 ? path[0] : null;
    else if (parent && /^（[一二三四五六七八九十]+）/.test(path[0])) path.unshift(parent);
    row.path = path;
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

/**
 * One grid with the template's headers: columns in up to two levels ("法人或其他组织" over 商业企业 …), rows in up to
 * three (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密), each group head spanning its rows.
 */
function grid(g, values, failed, evidence) {
  const columns = g.columns.split('|');
  const split = s => s.includes(' / ') ? s.split(' / ') : [s];
  const twoLevelColumns = columns.some(c => split(c).length > 1);
  const depth = Math.max(...g.rows.map(r => r.path.length));
  const head = [];
  const top = el('tr', {}, el('th', {scope: 'col', colspan: depth, rowspan: twoLevelColumns ? 2 : 1, class: 'corner'},
    '项目'));
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
  const samePrefix = (a, b, n) => a.length > n && b.length > n && a.slice(0, n + 1).every((s, i) => s === b[i]);
  const body = g.rows.map((row, index) => {
    const tr = el('tr', {});
    const path = row.path;
    for (let level = 0; level < path.length - 1; level++) {
      const prev = index > 0 ? g.rows[index - 1].path : [];
      if (samePrefix(prev, path, level) && prev.length > level + 1) continue; // spanned from above
      let span = 1;
      while (index + span < g.rows.length && samePrefix(g.rows[index + span].path, path, level)
        && g.rows[index + span].path.length > level + 1) span++;
      tr.append(el('th', {scope: 'rowgroup', rowspan: span, class: level === 0 && span >= 6 ? 'group vertical' : 'group'},
        path[level]));
    }
    tr.append(el('th', {scope: 'row', colspan: depth - path.length + 1}, path[path.length - 1]));
    for (const f of row.cells) tr.append(cell(f, values, failed, evidence));
    return tr;
  });
  return el('div', {class: 'grid-wrap', tabindex: '0', role: 'region', 'aria-label': g.rows[0].path.join(' ')},
    el('table', {class: 'template'}, el('thead', {}, head), el('tbody', {}, body)));
}

/** A figure's cell: the value as printed, a failed check's mark, and how it was read unless from its own cell. */
function cell(f, values, failed, evidence) {
  const has = Object.prototype.hasOwnProperty.call(values, f.id);
  const flagged = failed.get(f.id);
  const how = has ? evidence[f.id] : null;
  const classes = [flagged ? (flagged.total ? 'failed' : 'failed-part') : '', has ? '' : 'absent',
    how && how.method === 'blank' ? 'blank' : ''];
  const marker = how && (how.method === 'split' || how.method === 'narrative')
    ? evidenceMarker(f.id, how) : null;
  return el('td', {
    class: classes.join(' ').trim() || null,
    title: flagged ? `未通过：${flagged.checks.join('；')}` : how && how.method === 'blank' ? how.detail || '空白单元格，按 0 计' : null,
    'data-figure': f.id,
  }, marker, has ? formatNumber(values[f.id]) : '—',
  how && how.method === 'blank' ? el('span', {class: 'sr-only'}, '（空白单元格，按 0 计）') : null,
  flagged ? el('span', {class: 'sr-only'}, `（${flagged.total ? '与分项之和不符' : '参与未通过的校验'}：${flagged.checks.join('；')}）`) : null);
}

/**
 * A small marker before a figure that was not simply read from its cell: hovering it or giving it the keyboard focus
 * shows the evidence (the glued run it was split from, or the sentence of the narrative that settled it).
 */
function evidenceMarker(id, how) {
  const tipId = `evidence-${id}`;
  return [el('button', {type: 'button', class: `evidence evidence-${how.method}`, 'aria-describedby': tipId,
    'aria-label': `读取方式：${EVIDENCE_LABELS[how.method]}`, 'data-evidence': how.method,
    onmouseenter: showTip, onfocus: showTip, onmouseleave: hideTip, onblur: hideTip,
    onkeydown: e => { if (e.key === 'Escape') hideTip(e); }}, how.method === 'split' ? '拆' : '文'),
  el('span', {class: 'evidence-tip', role: 'tooltip', id: tipId, hidden: true},
    el('strong', {}, EVIDENCE_LABELS[how.method]), '：', how.detail || (how.quote ? `正文：“${how.quote}”` : ''))];
}

/** The tip floats over the page (fixed), so that the table's scrolling box does not clip it. */
function showTip(e) {
  const tip = document.getElementById(e.currentTarget.getAttribute('aria-describedby'));
  if (!tip) return;
  tip.hidden = false;
  const box = e.currentTarget.getBoundingClientRect();
  const width = Math.min(320, window.innerWidth - 16);
  tip.style.maxWidth = `${width}px`;
  tip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
  tip.style.top = `${box.bottom + 6}px`;
}

function hideTip(e) {
  const tip = document.getElementById(e.currentTarget.getAttribute('aria-describedby'));
  if (tip) tip.hidden = true;
}

/**
 * On a narrow screen the numbers scroll sideways under the row labels: every row head is sticky at the place the
 * table lays it out (its own offset), so that all levels of a grouped head stay in view together.
 */
function stickRowHeads() {
  for (const table of document.querySelectorAll('#report-body table.template')) {
    const heads = [...table.querySelectorAll('tbody th, thead th.corner')];
    // measured where the table lays them out unstuck, relative to the table (which scrolls with its box)
    heads.forEach(th => { th.classList.remove('stick'); th.style.left = ''; });
    const origin = table.getBoundingClientRect().left;
    const lefts = heads.map(th => th.getBoundingClientRect().left - origin);
    heads.forEach((th, i) => { th.style.left = `${lefts[i]}px`; th.classList.add('stick'); });
  }
}

window.addEventListener('resize', () => {
  if (!$('report-view').hidden) stickRowHeads();
});

/**
 * The text, one window at a time (the API answers at most 200,000 characters per request, so that a huge report
 * cannot exhaust the server or this page); a longer text gets buttons for the windows before and after. A text the
 * server keeps as printed (paragraphs, original punctuation) is shown so, with the engine's marks moved onto it
 * (printedHighlightedText); else the normalized text the engine searched.
 */
function text(r, q, match) {
  const body = el('div', {class: 'report-text', tabindex: '0', role: 'region', 'aria-label': '报告全文'});
  const pager = el('p', {class: 'hint text-pager'});
  const steps = el('div', {class: 'mark-steps'});
  const queried = typeof r.highlightedText === 'string';
  const show = w => {
    const printed = typeof w.printedText === 'string';
    const marked = typeof w.printedHighlightedText === 'string' ? w.printedHighlightedText
      : typeof w.highlightedText === 'string' ? w.highlightedText : null;
    body.dataset.form = typeof w.printedHighlightedText === 'string' || (printed && marked === null) ? 'printed'
      : 'normalized';
    fill(body, marked !== null ? snippetNodes(marked) : document.createTextNode(printed ? w.printedText : w.text || ''));
    const marks = [...body.querySelectorAll('mark')];
    const windowed = w.textLength > (w.text || '').length;
    fill(steps, marks.length ? markStepper(marks, windowed ? '本段' : '') : null);
    const end = w.textOffset + (w.text || '').length;
    if (!windowed) return fill(pager);
    const windowLength = Math.max(1, (w.text || '').length);
    const go = offset => async () => {
      try {
        show(await textWindow(r.id, q, match, offset, queried));
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
  const count = r.matchCount ?? r.matches ?? body.querySelectorAll('mark').length;
  return el('section', {class: 'text-block'},
    el('h3', {}, '报告全文'),
    queried ? el('p', {class: 'hint'}, `检索式「${q}」在正文中匹配 ${count} 处，已用底色标出。`) : null,
    steps,
    pager,
    body);
}

/** A share (0–1) as a percentage; null as 无 (nothing to compare with). */
function percent(share) {
  return share === null || share === undefined ? '无' : `${Math.round(share * 1000) / 10}%`;
}

/** A link that opens another report in this view, keeping the search. */
function reportLink(state, id, label) {
  return el('a', {href: '?' + writeState({...state, report: id}), class: 'copy-link', 'data-report': id,
    onclick: e => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate({...currentState(), report: id});
    }}, label);
}

/**
 * 重复段落: the shares of the narrative found verbatim in the agency's previous report and in other agencies' reports of
 * the same year, the most similar reports, and each copied sentence marked (text nodes only: escaped by
 * construction) with links to the reports that also hold it.
 */
function copies(r, state) {
  const c = r.copies;
  if (!c || !c.sentences) return null;
  const names = new Map((c.similar || []).map(s => [s.id, `${s.agency || s.id} ${s.year ?? ''}年`]));
  if (c.previous) names.set(c.previous.id, `${c.previous.agency || c.previous.id} ${c.previous.year ?? ''}年`);
  const text = r.textOffset === 0 && typeof r.text === 'string' ? r.text : null;
  const passages = text === null ? [] : (c.passages || []).filter(p => p.end <= text.length);
  return el('section', {class: 'copies-block', id: 'copies'},
    el('h3', {}, `重复段落（重复率 ${percent(c.share)}）`),
    el('p', {class: 'hint'}, `正文中可比对的句子 ${c.sentences} 句（不含表格、短句和多数报告共有的模板用语）：`,
      c.previous ? `与本机关上一份报告（${c.previous.year}年）相同 ${percent(c.prevShare)}，` : '本机关没有更早的报告可比，',
      `与同年其他机构的报告相同 ${percent(c.peerShare)}。`),
    c.similar?.length ? el('ul', {class: 'similar'}, c.similar.map(s => el('li', {},
      reportLink(state, s.id, names.get(s.id)), `：相同 ${s.shared} 句（${percent(s.share)}）`))) : null,
    passages.length ? el('ol', {class: 'passages'}, passages.map(p => el('li', {class: 'passage'},
      el('mark', {class: 'copied'}, text.slice(p.start, p.end)),
      el('span', {class: 'also-in'}, ' 也见于：',
        p.reports.flatMap((id, i) => [i ? '、' : '', reportLink(state, id, names.get(id) || id)]))))) : null);
}

/**
 * 上一处 / 下一处 with a counter: the current match is scrolled into the middle of the text box and outlined. In a
 * window of a long text the counter is of this window (本段).
 */
function markStepper(marks, scope) {
  let at = -1;
  const counter = el('span', {class: 'mark-counter', 'aria-live': 'polite'}, `${scope}共 ${marks.length} 处`);
  const go = step => {
    if (at >= 0) marks[at].classList.remove('current');
    at = (at + step + marks.length) % marks.length;
    const m = marks[at];
    m.classList.add('current');
    const box = m.closest('.report-text');
    box.scrollTop += m.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
    fill(counter, `${scope}第 ${at + 1} / ${marks.length} 处`);
  };
  return el('div', {class: 'mark-stepper', role: 'group', 'aria-label': '在正文中逐处查看'},
    el('button', {type: 'button', id: 'prev-mark', onclick: () => go(at < 0 ? 0 : -1)}, '‹ 上一处'),
    counter,
    el('button', {type: 'button', id: 'next-mark', onclick: () => go(1)}, '下一处 ›'));
}

/** Another window of the report's text (with the same query's marks when the first one had them). */
function textWindow(id, q, match, offset, highlighted) {
  const params = new URLSearchParams({offset: String(offset)});
  if (highlighted && q) params.set('q', q);
  if (highlighted && q && match) params.set('match', match);
  return getJson(`api/reports/${encodeURIComponent(id)}`, params.toString());
}

export function setUpReportView() {
  $('back-to-results').addEventListener('click', () => {
    if (history.state && history.state.fromResults) history.back();
    else navigate({...currentState(), report: ''});
  });
}
