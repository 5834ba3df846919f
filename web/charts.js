// Pictures of an aggregate, drawn with plain HTML/CSS and SVG so that they reflow at phone width: a tile-grid map of
// China when grouped by province (one square per province in its approximate place, no borders drawn), a line when
// grouped by year, bars otherwise. Each picture has a text alternative; the table below it has every number.
import {el, formatNumber} from './dom.js';

/**
 * Tile positions [column, row] on a 9 × 8 grid: north-east at the top right, the south coast at the bottom.
 * Keys are the provinces' short names; the data's full names (浙江省, 内蒙古自治区 …) start with them.
 */
const TILES = {
  黑龙江: [8, 0], 内蒙古: [5, 1], 北京: [6, 1], 辽宁: [7, 1], 吉林: [8, 1],
  新疆: [1, 2], 甘肃: [3, 2], 宁夏: [4, 2], 山西: [5, 2], 河北: [6, 2], 天津: [7, 2],
  西藏: [1, 3], 青海: [2, 3], 陕西: [4, 3], 河南: [5, 3], 山东: [6, 3],
  四川: [3, 4], 重庆: [4, 4], 湖北: [5, 4], 安徽: [6, 4], 江苏: [7, 4], 上海: [8, 4],
  云南: [3, 5], 贵州: [4, 5], 湖南: [5, 5], 江西: [6, 5], 浙江: [7, 5],
  广西: [4, 6], 广东: [5, 6], 福建: [6, 6], 台湾: [7, 6],
  海南: [4, 7], 澳门: [5, 7], 香港: [6, 7],
};

export function tileOf(province) {
  const name = Object.keys(TILES).find(short => String(province).startsWith(short));
  return name ? {name, at: TILES[name]} : null;
}

/** A mean as a reader wants it: counts to one decimal (whole numbers from 100 up), 万元 to two. */
export function roundedMean(mean, unit) {
  if (mean === null || mean === undefined) return '—';
  const digits = unit === '万元' ? 2 : Math.abs(mean) >= 100 ? 0 : 1;
  return Number(mean).toLocaleString('zh-CN', {minimumFractionDigits: 0, maximumFractionDigits: digits});
}

export function aggregatePicture(by, buckets, caption, labelOf) {
  if (buckets.length === 0) return null;
  if (by === 'province') return tileMap(buckets, caption);
  if (by === 'year') return yearLine(buckets, caption);
  return bars(buckets, caption, labelOf);
}

function share(value, max) {
  return max > 0 ? String(Math.round(value / max * 1000) / 1000) : '0';
}

function tileMap(buckets, caption) {
  const max = Math.max(0, ...buckets.map(b => b.summary.sum));
  const byName = new Map();
  for (const b of buckets) {
    const tile = tileOf(b.value);
    if (tile) byName.set(tile.name, b);
  }
  const tiles = Object.entries(TILES).map(([name, [col, row]]) => {
    const b = byName.get(name);
    const dark = b && max > 0 && b.summary.sum / max > 0.55;
    const tile = el('div', {class: b ? `tile has-data${dark ? ' dark' : ''}` : 'tile', 'data-province': name,
      'data-share': b ? share(b.summary.sum, max) : null,
      title: b ? `${b.value}：${formatNumber(b.summary.sum)}` : `${name}：无数据`},
    el('span', {class: 'tile-name'}, name),
    b ? el('span', {class: 'tile-value'}, formatNumber(b.summary.sum)) : null);
    tile.style.gridColumn = String(col + 1);
    tile.style.gridRow = String(row + 1);
    return tile;
  });
  const described = buckets.map(b => `${b.value} ${formatNumber(b.summary.sum)}`).join('，');
  return el('figure', {class: 'tile-map-figure'},
    el('div', {class: 'tile-map', role: 'img', 'aria-label': `地图：${caption}。${described}`}, tiles),
    el('figcaption', {class: 'hint'}, '每格一个省级地区，颜色越深合计越大；灰格为当前结果中没有数字的地区。'));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The sums by year as a line, oldest on the left; every point labelled with its value. */
function yearLine(buckets, caption) {
  const points = [...buckets].sort((a, b) => Number(a.value) - Number(b.value));
  const width = 320;
  const height = 160;
  const pad = {left: 12, right: 12, top: 22, bottom: 26};
  const max = Math.max(0, ...points.map(b => b.summary.sum));
  const x = i => points.length === 1 ? width / 2
    : pad.left + 16 + i * (width - pad.left - pad.right - 32) / (points.length - 1);
  const y = v => pad.top + (height - pad.top - pad.bottom) * (max > 0 ? 1 - v / max : 1);
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'year-line', role: 'img',
    'aria-label': `折线图：${caption}。${points.map(b => `${b.value} 年 ${formatNumber(b.summary.sum)}`).join('，')}`});
  chart.append(svg('line', {x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom,
    class: 'axis'}));
  chart.append(svg('polyline', {class: 'line',
    points: points.map((b, i) => `${x(i).toFixed(1)},${y(b.summary.sum).toFixed(1)}`).join(' ')}));
  points.forEach((b, i) => {
    chart.append(svg('circle', {cx: x(i).toFixed(1), cy: y(b.summary.sum).toFixed(1), r: 3.5, class: 'dot'}));
    chart.append(svg('text', {x: x(i).toFixed(1), y: (y(b.summary.sum) - 8).toFixed(1), class: 'value'},
      formatNumber(b.summary.sum)));
    chart.append(svg('text', {x: x(i).toFixed(1), y: height - 8, class: 'year'}, String(b.value)));
  });
  return el('figure', {class: 'year-line-figure'}, chart);
}

/** A horizontal bar chart of the bucket sums: it reflows at phone width and stays legible. */
function bars(buckets, caption, labelOf) {
  const max = Math.max(0, ...buckets.map(b => b.summary.sum));
  return el('div', {class: 'bars', role: 'img', 'aria-label': `柱状图：${caption}`},
    buckets.map(b => el('div', {class: 'bar-row', 'aria-hidden': 'true'},
      el('span', {class: 'bar-label', title: labelOf(b)}, labelOf(b)),
      el('span', {class: 'bar-track'}, el('span', {class: 'bar', 'data-share': share(b.summary.sum, max)})),
      el('span', {class: 'bar-value'}, formatNumber(b.summary.sum)))));
}
