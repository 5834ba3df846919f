// The whole page state lives in the URL, with the API's own parameter names, so that a shared or reloaded
// link shows the same page and Back works.

export const DIMENSIONS = ['agencyType', 'province', 'city', 'county', 'year', 'template', 'checks', 'format', 'gaps',
  'copies'];
export const DEFAULT_COLUMNS = ['apps_new_total', 'penalties', 'review_total'];

/** Reads the state from a query string. */
export function readState(search) {
  const p = new URLSearchParams(search);
  const facets = {};
  for (const dim of DIMENSIONS) {
    const values = p.getAll(dim).filter(v => v !== '');
    if (values.length) facets[dim] = values;
  }
  const cols = p.get('cols');
  return {
    q: p.get('q') || '',
    facets,
    ranges: p.getAll('range').filter(r => r !== ''),
    sort: p.get('sort') || '',
    cursor: p.get('cursor') || '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    cols: cols === null ? DEFAULT_COLUMNS : cols.split(',').filter(Boolean),
    stats: p.get('stats') || '',
    report: p.get('report') || '',
    // an agency across the years (its agencyKey): the agency view (agency.js)
    agency: p.get('agency') || '',
    // exact (the default: an unquoted run is searched as written) or words (any order, smartcn words)
    match: p.get('match') === 'words' ? 'words' : '',
    // cards (default) or table: one row per report, the chosen figures as columns
    view: p.get('view') === 'table' ? 'table' : '',
  };
}

/** The query string for a state (page parameters included). */
export function writeState(s) {
  const p = searchParams(s, {paging: true});
  if (s.page > 1) p.set('page', String(s.page));
  if (s.cols.join(',') !== DEFAULT_COLUMNS.join(',')) p.set('cols', s.cols.join(','));
  if (s.stats) p.set('stats', s.stats);
  if (s.view) p.set('view', s.view);
  if (s.report) p.set('report', s.report);
  if (s.agency) p.set('agency', s.agency);
  return p.toString();
}

/** The API parameters for a state: query, filters, sort and, when asked, the page cursor. */
export function searchParams(s, {paging}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.q && s.match) p.set('match', s.match);
  for (const dim of DIMENSIONS) for (const v of s.facets[dim] || []) p.append(dim, v);
  for (const r of s.ranges) p.append('range', r);
  if (s.sort) p.set('sort', s.sort);
  if (paging && s.cursor) p.set('cursor', s.cursor);
  return p;
}

/** A copy of the state with changes; any change of query or filters goes back to the first page. */
export function withChanges(s, changes, {keepPage = false} = {}) {
  const next = {...s, facets: {...s.facets}, ...changes};
  if (!keepPage) {
    next.cursor = '';
    next.page = 1;
  }
  return next;
}

/** How many filters are set (facet values and figure ranges; the query is not a filter). */
export function activeFilterCount(s) {
  return Object.values(s.facets).reduce((n, values) => n + values.length, 0) + s.ranges.length;
}

/** Parses "id:min..max" into {id, min, max} (strings, '' when open); null if malformed. */
export function parseRange(r) {
  // the first '..' ends the minimum: a decimal bound (fees_wan:0.5..2, disclosure_rate:0.75..) has dots of its own
  const m = /^([^:]+):(.*?)\.\.(.*)$/.exec(r);
  return m ? {id: m[1], min: m[2], max: m[3]} : null;
}
