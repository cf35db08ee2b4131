// The moderation API as the UI uses it. The key lives in sessionStorage: it survives a reload of the tab but not
// closing it, and is never written to localStorage or a cookie (so no other tab or request carries it).

const keyName = 'moderation.apiKey';

export const getKey = () => sessionStorage.getItem(keyName);
export const setKey = key => sessionStorage.setItem(keyName, key);
export const clearKey = () => sessionStorage.removeItem(keyName);

/** A failed request: status 0 means the server could not be reached; problem is the RFC 7807 body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${getKey() ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

const enc = encodeURIComponent;

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const me = () => request('GET', '/api/review/me');

/** One page of a queue: { items, nextCursor }. */
export const queue = ({ siteId, queue, articleId, reason, label, sort, cursor, limit = 30 }) =>
  request('GET', `/api/review${query({ siteId, queue, articleId, reason, label, sort, cursor, limit })}`);

export const summary = siteId =>
  request('GET', `/api/review/summary${query({ siteId, tzOffsetMinutes: -new Date().getTimezoneOffset() })}`);

export const decide = (siteId, commentId, { status, reason, note, expectedRevision }) =>
  request('POST', `/api/review/${enc(siteId)}/${enc(commentId)}/decision`, { status, reason, note: note || undefined, expectedRevision });

/** The same decision for many comments: a list of { siteId, commentId, result, verdict, error }. */
export const decideMany = (comments, { status, reason, note }) =>
  request('POST', '/api/review/decisions', {
    comments: comments.map(c => ({ siteId: c.siteId, commentId: c.commentId })), status, reason, note: note || undefined,
  });

export const undo = (siteId, commentId) => request('POST', `/api/review/${enc(siteId)}/${enc(commentId)}/undo`);

export const ban = (siteId, authorId, { reason, note }) =>
  request('POST', `/api/sites/${enc(siteId)}/authors/${enc(authorId)}/ban`, { reason, note: note || undefined });

export const unban = (siteId, authorId) => request('DELETE', `/api/sites/${enc(siteId)}/authors/${enc(authorId)}/ban`);

/** { current, authorId, articleUrl, channel, receivedAt, history: [{ revision, status, decidedBy, decidedAt, reasons, reasonCode, note }] } */
export const comment = (siteId, commentId) => request('GET', `/api/comments/${enc(siteId)}/${enc(commentId)}`);

/** Admins: moderator and admin actions, newest first: [{ id, at, actor, action, siteId, commentId, authorId, details }]. */
export const audit = ({ actor, siteId, before, limit = 50 }) => request('GET', `/api/audit${query({ actor, siteId, before, limit })}`);
