// The JSON API as the page uses it. Errors come back as {error, detail, parameter, code}; they are thrown as
// ApiError. A query error carries a code (query_too_long, unbalanced_quote …) and its error is already plain Chinese.

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.code && body.error ? body.error : body && body.detail ? body.detail : `服务器返回 ${status}`);
    this.status = status;
    this.parameter = body ? body.parameter : undefined;
    this.code = body ? body.code : undefined;
  }

  /** True when the message is the server's own sentence for a user (Chinese), not a technical detail. */
  get plain() {
    return Boolean(this.code);
  }
}

export async function getJson(path, params) {
  const url = params ? `${path}?${params}` : path;
  let response;
  try {
    response = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new ApiError(0, {detail: '无法连接服务器，请检查服务是否仍在运行。'});
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

let fieldsPromise = null;

/** The figure catalogue, fetched once: {fields: [{id, table, row, column, unit, templates}], byId: Map}. */
export function fields() {
  if (!fieldsPromise) {
    fieldsPromise = getJson('api/fields').then(body => ({
      fields: body.fields,
      byId: new Map(body.fields.map(f => [f.id, f])),
      dimensions: body.dimensions,
    }));
    fieldsPromise.catch(() => { fieldsPromise = null; });
  }
  return fieldsPromise;
}
