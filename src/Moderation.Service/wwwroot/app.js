// The review UI: sign-in, queue state, keyboard, decisions with optimistic removal and undo, dialogs, toasts.

import * as api from './api.js';
import { t, lang, setLang, translatePage, formatNumber } from './i18n.js';
import { renderItem, renderHistory, renderAuditEntry, rejectReasons, reasonLabel, safeUrl } from './queue.js';

const $ = id => document.getElementById(id);
const reasonCodes = ['spam.model', 'abuse.model', 'hate.model', 'wordlist.banned', 'wordlist.suspect', 'links.limit', 'contacts.limit',
  'campaign.duplicate', 'author.history', 'author.new', 'author.banned', 'site.premoderation', 'reader.reports', 'moderator'];
const queueStatus = { pending: 'Pending', rejected: 'Rejected', approved: 'Approved' };
const pageSize = 30;

const state = {
  me: null,
  site: '',
  queue: 'pending',
  filters: { articleId: '', label: '', reason: '', sort: 'risk' },
  items: [],
  cursor: null,
  done: false,
  loading: false,
  generation: 0,
  current: -1,
  selected: new Set(),
  undo: [],
  busy: false,
  summaryTimer: 0,
};

const keyOf = item => `${item.siteId}/${item.commentId}`;
const currentItem = () => state.items[state.current];
const nodeOf = item => $('queue').querySelector(`[data-key="${CSS.escape(keyOf(item))}"]`);
const context = () => JSON.stringify([state.site, state.queue, state.filters]);

// A decided comment stays in view only if its new status still belongs to the open queue. A decision always
// clears the "reported" flag, so nothing decided comes back to the reported queue.
const belongs = status => queueStatus[state.queue] === status;

// ---------- toasts ----------

function toast(message, { action, error = false, timeout = error ? 12000 : 7000 } = {}) {
  const box = document.createElement('div');
  box.className = `toast${error ? ' error' : ''}`;
  box.dataset.testid = error ? 'error-toast' : 'toast';
  const text = document.createElement('span');
  text.textContent = message;
  box.append(text);
  const dismiss = () => box.remove();
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.dataset.testid = 'toast-action';
    button.addEventListener('click', () => { dismiss(); action.run(); });
    box.append(button);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'ghost';
  close.textContent = '×';
  close.setAttribute('aria-label', t('close'));
  close.addEventListener('click', dismiss);
  box.append(close);
  (error ? $('alerts') : $('toasts')).append(box);
  setTimeout(dismiss, timeout);
  return dismiss;
}

/** Shows what went wrong in words a moderator can act on; a refused key ends the session. */
function showError(error) {
  const status = error?.status;
  if (status === 401) return signOut(t('err.unauthorized'));
  const key = { 0: 'err.network', 403: 'err.forbidden', 404: 'err.notFound', 429: 'err.rateLimited' }[status];
  toast(key ? t(key) : t('err.generic', { status: status ?? '?', detail: error?.message ?? String(error) }), { error: true });
  if (!(error instanceof api.ApiError)) console.error(error);
}

// ---------- sign-in ----------

async function signIn(key) {
  api.setKey(key);
  try {
    state.me = await api.me();
  } catch (error) {
    api.clearKey();
    showSignIn(error.status === 401 ? t('err.badKey') : error.status === 0 ? t('err.network') : error.message);
    return;
  }
  enterApp();
}

function showSignIn(message) {
  $('app').hidden = true;
  $('counts').hidden = true;
  $('sign-out').hidden = true;
  $('help-button').hidden = true;
  $('who').textContent = '';
  $('signin').hidden = false;
  $('signin-error').hidden = !message;
  $('signin-error').textContent = message ?? '';
  $('signin-key').value = '';
  $('signin-key').focus();
}

function signOut(message) {
  api.clearKey();
  clearInterval(state.summaryTimer);
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  Object.assign(state, { me: null, items: [], current: -1, cursor: null, done: false, undo: [], generation: state.generation + 1 });
  state.selected.clear();
  $('queue').replaceChildren();
  showSignIn(message);
}

function enterApp() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('counts').hidden = false;
  $('sign-out').hidden = false;
  $('help-button').hidden = false;
  $('audit-button').hidden = state.me.role !== 'admin';
  $('who').textContent = t('signedInAs', { name: state.me.name, role: state.me.role });
  readHash();
  setUpSitePicker();
  syncControls();
  loadQueue({ reset: true });
  refreshSummary();
  clearInterval(state.summaryTimer);
  state.summaryTimer = setInterval(refreshSummary, 30000);
}

function setUpSitePicker() {
  const sites = state.me.sites;
  const select = $('site-select');
  const input = $('site-input');
  if (sites === null) {
    // Admin keys reach every site: type one (remembered for next time), or leave it empty for all.
    select.hidden = true;
    input.hidden = false;
    const history = JSON.parse(localStorage.getItem('moderation.sites') ?? '[]');
    $('site-history').replaceChildren(...history.map(site => Object.assign(document.createElement('option'), { value: site })));
    if (!state.site) state.site = localStorage.getItem('moderation.site') ?? '';
  } else {
    input.hidden = true;
    select.hidden = false;
    const options = sites.length > 1 ? [['', t('allSites')], ...sites.map(s => [s, s])] : sites.map(s => [s, s]);
    select.replaceChildren(...options.map(([value, label]) => Object.assign(document.createElement('option'), { value, textContent: label })));
    if (!sites.includes(state.site)) {
      const remembered = localStorage.getItem('moderation.site');
      state.site = sites.includes(remembered) ? remembered : sites.length === 1 ? sites[0] : '';
    }
  }
}

function rememberSite(site) {
  localStorage.setItem('moderation.site', site);
  if (state.me?.sites === null && site) {
    const history = [site, ...JSON.parse(localStorage.getItem('moderation.sites') ?? '[]').filter(s => s !== site)].slice(0, 20);
    localStorage.setItem('moderation.sites', JSON.stringify(history));
  }
}

// ---------- state in the address bar, so a view can be bookmarked or shared ----------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (['pending', 'reported', 'rejected', 'approved'].includes(params.get('queue'))) state.queue = params.get('queue');
  if (params.has('site')) state.site = params.get('site');
  for (const name of Object.keys(state.filters)) {
    if (params.has(name)) state.filters[name] = params.get(name);
  }
}

function writeHash() {
  const params = new URLSearchParams({ queue: state.queue });
  if (state.site) params.set('site', state.site);
  for (const [name, value] of Object.entries(state.filters)) {
    if (value && !(name === 'sort' && value === 'risk')) params.set(name, value);
  }
  history.replaceState(null, '', `#${params}`);
}

function syncControls() {
  $('site-select').value = state.site;
  $('site-input').value = state.site;
  const form = $('filters');
  for (const [name, value] of Object.entries(state.filters)) form.elements[name].value = value;
  for (const tab of $('tabs').querySelectorAll('[role=tab]')) {
    const selected = tab.dataset.queue === state.queue;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}

function fillReasonOptions() {
  const select = $('filter-reason');
  const any = select.options[0];
  select.replaceChildren(any, ...reasonCodes.map(code => Object.assign(document.createElement('option'), { value: code, textContent: `${reasonLabel(code)} (${code})` })));
  select.value = state.filters.reason;
  const ban = $('ban-reason');
  const chosen = ban.value || 'spam';
  ban.replaceChildren(...rejectReasons.map(code => Object.assign(document.createElement('option'), { value: code, textContent: t(`rr.${code}`) })));
  ban.value = chosen;
}

// ---------- summary ----------

async function refreshSummary() {
  if (!state.me) return;
  try {
    const summary = await api.summary(state.site || undefined);
    $('count-pending').textContent = formatNumber(summary.pending);
    $('count-reported').textContent = formatNumber(summary.reported);
    $('count-decided').textContent = formatNumber(summary.decidedToday);
    $('tab-count-pending').textContent = formatNumber(summary.pending);
    $('tab-count-reported').textContent = formatNumber(summary.reported);
  } catch (error) {
    // The header is a convenience: only a refused key is worth interrupting the moderator for.
    if (error.status === 401) showError(error);
  }
}

let summarySoon = 0;
const refreshSummarySoon = () => { clearTimeout(summarySoon); summarySoon = setTimeout(refreshSummary, 400); };

// ---------- the queue ----------

async function loadQueue({ reset = false } = {}) {
  if (reset) {
    state.generation++;
    Object.assign(state, { items: [], cursor: null, done: false, current: -1, loading: false });
    state.selected.clear();
    $('queue').replaceChildren();
    updateBulkBar();
    writeHash();
  }
  if (state.loading || state.done) return;
  const generation = state.generation;
  state.loading = true;
  updateQueueStatus();
  try {
    const page = await api.queue({ siteId: state.site || undefined, queue: state.queue, ...state.filters, cursor: state.cursor ?? undefined, limit: pageSize });
    if (generation !== state.generation) return; // the moderator changed queue or filters meanwhile
    const known = new Set(state.items.map(keyOf));
    const fresh = page.items.filter(item => !known.has(keyOf(item)));
    state.items.push(...fresh);
    $('queue').append(...fresh.map(item => renderItem(item, { showSite: !state.site })));
    state.cursor = page.nextCursor;
    state.done = !page.nextCursor;
    if (state.current < 0 && state.items.length > 0) {
      const active = document.activeElement;
      setCurrent(0, { focus: active === document.body || active === null || $('queue').contains(active) || active?.getAttribute('role') === 'tab' });
    }
  } catch (error) {
    if (generation === state.generation) showError(error);
  } finally {
    if (generation === state.generation) {
      state.loading = false;
      updateQueueStatus();
    }
  }
}

function updateQueueStatus() {
  const n = state.items.length;
  $('queue-status').textContent = state.loading ? t('loading') : n === 0 && state.done ? t('empty') : state.done ? t('endOfQueue', { n: formatNumber(n) }) : t('loadedCount', { n: formatNumber(n) });
  $('load-more').hidden = state.done || state.loading;
}

function renderQueue() {
  $('queue').replaceChildren(...state.items.map(item => renderItem(item, { selected: state.selected.has(keyOf(item)), showSite: !state.site })));
  if (state.current >= 0) setCurrent(state.current, { focus: false });
  updateQueueStatus();
}

function setCurrent(index, { focus = true } = {}) {
  if (state.items.length === 0) {
    state.current = -1;
    if (!state.done && !state.loading) loadQueue();
    return;
  }
  state.current = Math.max(0, Math.min(state.items.length - 1, index));
  for (const node of $('queue').querySelectorAll('.item.current')) {
    node.classList.remove('current');
    node.removeAttribute('aria-current');
  }
  const node = nodeOf(currentItem());
  node.classList.add('current');
  node.setAttribute('aria-current', 'true');
  if (focus) {
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'nearest' });
  }
  // Keep a page ahead of the moderator so j never waits at the end of what is loaded.
  if (state.items.length - state.current <= 5 && !state.done) loadQueue();
}

/** Takes items out of the list (a decision was made) and returns where they were, so they can be put back. */
function removeItems(keys) {
  const wanted = new Set(keys);
  const entries = [];
  state.items.forEach((item, index) => { if (wanted.has(keyOf(item))) entries.push({ item, index, context: context() }); });
  for (const { item } of entries) {
    nodeOf(item)?.remove();
    state.selected.delete(keyOf(item));
  }
  state.items = state.items.filter(item => !wanted.has(keyOf(item)));
  const before = entries.filter(e => e.index < state.current).length;
  setCurrent(state.current - before, { focus: true });
  updateBulkBar();
  updateQueueStatus();
  return entries;
}

/** Puts items back where they were (a decision failed or was undone), if the same view is still open. */
function reinsert(entries) {
  let first = -1;
  for (const { item, index, context: seen } of [...entries].sort((a, b) => a.index - b.index)) {
    if (seen !== context() || state.items.some(i => keyOf(i) === keyOf(item))) continue;
    const at = Math.min(index, state.items.length);
    state.items.splice(at, 0, item);
    $('queue').insertBefore(renderItem(item, { showSite: !state.site }), $('queue').children[at] ?? null);
    if (at <= state.current) state.current++;
    if (first < 0) first = at;
  }
  if (first >= 0) setCurrent(first, { focus: true });
  updateQueueStatus();
}

function replaceItem(updated) {
  const index = state.items.findIndex(i => keyOf(i) === keyOf(updated));
  if (index < 0) return;
  const old = nodeOf(state.items[index]);
  state.items[index] = updated;
  old.replaceWith(renderItem(updated, { selected: state.selected.has(keyOf(updated)), showSite: !state.site }));
  if (index === state.current) setCurrent(index, { focus: document.activeElement === document.body || $('queue').contains(document.activeElement) });
}

const withVerdict = (item, verdict) => ({ ...item, status: verdict.status, revision: verdict.revision, reasons: verdict.reasons, decidedBy: verdict.decidedBy, decidedAt: verdict.decidedAt });

// ---------- decisions ----------

async function decideOne(item, status, reason, note) {
  const entries = removeItems([keyOf(item)]);
  try {
    const verdict = await api.decide(item.siteId, item.commentId, { status, reason, note, expectedRevision: item.revision });
    const undoable = remember(entries.map(e => ({ ...e, item: withVerdict(e.item, verdict), before: e.item })));
    const who = item.authorName || item.authorId;
    undoable.dismiss = toast(status === 'Approved' ? t('approvedToast', { who }) : t('rejectedToast', { who, reason: t(`rr.${reason}`) }), { action: undoAction(undoable) });
    refreshSummarySoon();
  } catch (error) {
    if (error.status === 409) return reloadAfterConflict(entries[0]);
    reinsert(entries);
    showError(error);
  }
}

/** Someone else decided first: show the comment as it is now, never overwrite their decision silently. */
async function reloadAfterConflict(entry) {
  try {
    const details = await api.comment(entry.item.siteId, entry.item.commentId);
    const current = details.current;
    if (belongs(current.status)) {
      reinsert([{ ...entry, item: { ...withVerdict(entry.item, current), text: current.text, scores: current.scores } }]);
      toast(t('err.conflict', { rev: current.revision }), { error: true });
    } else {
      toast(t('err.conflictGone', { who: current.decidedBy, status: t(`status.${current.status}`) }), { error: true });
    }
  } catch (error) {
    showError(error);
  }
  refreshSummarySoon();
}

async function decideSelected(status, reason, note) {
  const items = state.items.filter(item => state.selected.has(keyOf(item)));
  if (items.length === 0) return toast(t('nothingSelected'));
  const entries = removeItems(items.map(keyOf));
  try {
    const outcomes = [];
    for (let i = 0; i < items.length; i += 200) {
      outcomes.push(...await api.decideMany(items.slice(i, i + 200), { status, reason, note }));
    }
    const verdicts = new Map(outcomes.filter(o => o.result === 'Decided').map(o => [`${o.siteId}/${o.commentId}`, o.verdict]));
    const decided = entries.filter(e => verdicts.has(keyOf(e.item)));
    const undoable = remember(decided.map(e => ({ ...e, item: withVerdict(e.item, verdicts.get(keyOf(e.item))), before: e.item })));
    if (decided.length < entries.length) {
      toast(t('bulkPartial', { failed: entries.length - decided.length, n: entries.length }), { error: true });
      loadQueue({ reset: true });
    }
    if (decided.length) undoable.dismiss = toast(t('bulkToast', { n: decided.length, status: t(`status.${status}`) }), { action: undoAction(undoable) });
    refreshSummarySoon();
  } catch (error) {
    reinsert(entries);
    showError(error);
  }
}

/** Keeps a decision (all comments of a bulk one) for undo; returns it so its toast can be tied to it. */
function remember(entries) {
  if (entries.length > 0) state.undo.push(entries);
  if (state.undo.length > 50) state.undo.shift();
  return entries;
}

// A toast's undo button undoes the decision it announced, even if newer ones were made since; u undoes the latest.
const undoAction = entries => ({ label: t('undo'), run: () => undoDecision(entries) });
const undoLast = () => undoDecision(state.undo.at(-1));

/** Undoes one decision of this session, each comment as a new revision, and puts the comments back in view. */
async function undoDecision(entries) {
  const at = state.undo.indexOf(entries);
  if (!entries || at < 0) return toast(t('nothingToUndo'));
  state.undo.splice(at, 1);
  entries.dismiss?.();
  const restored = [];
  for (const entry of entries) {
    try {
      const verdict = await api.undo(entry.item.siteId, entry.item.commentId);
      if (belongs(verdict.status)) restored.push({ ...entry, item: withVerdict(entry.before ?? entry.item, verdict) });
    } catch (error) {
      showError(error);
    }
  }
  reinsert(restored);
  toast(t('undone'));
  refreshSummarySoon();
}

// ---------- dialogs ----------

let rejectChoice = null;

function openReject(onChoose, count) {
  const dialog = $('reject-dialog');
  $('reject-title').textContent = count > 1 ? t('rejectManyTitle', { n: count }) : t('rejectTitle');
  $('reject-note').value = '';
  $('reject-reasons').replaceChildren(...rejectReasons.map((code, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.reason = code;
    button.dataset.testid = `reject-reason-${code}`;
    const kbd = document.createElement('kbd');
    kbd.textContent = String(i + 1);
    button.append(kbd, ` ${t(`rr.${code}`)}`);
    return button;
  }));
  rejectChoice = onChoose;
  dialog.showModal();
  $('reject-reasons').querySelector('button').focus();
}

function chooseReject(reason) {
  const choose = rejectChoice;
  const note = $('reject-note').value.trim();
  rejectChoice = null;
  $('reject-dialog').close();
  choose?.(reason, note);
}

function onRejectKey(event) {
  if (event.target.id === 'reject-note') {
    // Enter leaves the note for the reasons, so the next digit picks one; Shift+Enter is a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('reject-reasons').querySelector('button').focus();
    }
    return;
  }
  const index = '12345'.indexOf(event.key);
  if (event.key.length === 1 && index >= 0) {
    event.preventDefault();
    chooseReject(rejectReasons[index]);
  } else if (event.key === 'n') {
    event.preventDefault();
    $('reject-note').focus();
  }
}

let banTarget = null;

function openBan(item) {
  banTarget = item;
  $('ban-text').textContent = t('banText', { name: item.authorName || item.authorId, id: item.authorId, site: item.siteId });
  $('ban-note').value = '';
  $('ban-dialog').returnValue = ''; // Escape keeps the last returnValue: a cancelled dialog must not ban
  $('ban-dialog').showModal();
  $('ban-confirm').focus();
}

async function onBanClosed() {
  // 'close' is dispatched as a task: closed with Escape and opened again at once, the first closing's event can
  // arrive while the dialog is open for the second time, and must not take (and drop) the new target.
  if ($('ban-dialog').open) return;
  const item = banTarget;
  banTarget = null;
  if ($('ban-dialog').returnValue !== 'ban' || !item) return restoreFocus();
  try {
    const outcomes = await api.ban(item.siteId, item.authorId, { reason: $('ban-reason').value, note: $('ban-note').value.trim() });
    setAuthorBanned(item, true);
    if (state.queue === 'pending') removeItems(outcomes.map(o => `${o.siteId}/${o.commentId}`));
    const name = item.authorName || item.authorId;
    toast(t('bannedToast', { name, n: outcomes.length }), {
      action: { label: t('unban'), run: () => liftBan(item) },
    });
    refreshSummarySoon();
  } catch (error) {
    showError(error);
  }
}

async function liftBan(item) {
  try {
    await api.unban(item.siteId, item.authorId);
    setAuthorBanned(item, false);
    toast(t('unbanned', { name: item.authorName || item.authorId }));
  } catch (error) {
    showError(error);
  }
}

function setAuthorBanned(author, banned) {
  for (const item of state.items.filter(i => i.siteId === author.siteId && i.authorId === author.authorId)) {
    replaceItem({ ...item, author: { ...item.author, banned } });
  }
}

async function openHistory(item) {
  const dialog = $('history-dialog');
  const body = $('history-body');
  body.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('loading') }));
  dialog.showModal();
  $('history-close').focus();
  try {
    const details = await api.comment(item.siteId, item.commentId);
    if (dialog.open) body.replaceChildren(renderHistory(details));
  } catch (error) {
    dialog.close();
    showError(error);
  }
}

// ---------- audit log (admins) ----------

const audit = { before: null, actor: '' };

async function loadAudit({ reset }) {
  if (reset) {
    audit.before = null;
    $('audit-body').replaceChildren();
  }
  try {
    const entries = await api.audit({ actor: audit.actor, siteId: state.site || undefined, before: audit.before ?? undefined });
    $('audit-body').append(...entries.map(renderAuditEntry));
    if (entries.length > 0) audit.before = entries[entries.length - 1].id;
    $('audit-more').hidden = entries.length < 50;
    if (reset && entries.length === 0) $('audit-body').append(Object.assign(document.createElement('li'), { className: 'muted', textContent: t('auditEmpty') }));
  } catch (error) {
    showError(error);
  }
}

function openAudit() {
  $('audit-dialog').showModal();
  $('audit-close').focus();
  loadAudit({ reset: true });
}

function openHelp() {
  const keys = [['j / k', 'key.jk'], ['a', 'key.a'], ['r, 1–5', 'key.r'], ['b', 'key.b'], ['u', 'key.u'], ['h', 'key.h'], ['o', 'key.o'],
    ['x', 'key.x'], ['⇧A', 'key.A'], ['⇧R', 'key.R'], ['?', 'key.help'], ['Esc', 'key.esc']];
  $('help-keys').replaceChildren(...keys.flatMap(([key, label]) => {
    const dt = document.createElement('dt');
    dt.append(Object.assign(document.createElement('kbd'), { textContent: key }));
    return [dt, Object.assign(document.createElement('dd'), { textContent: t(label) })];
  }));
  $('help-dialog').showModal();
}

function restoreFocus() {
  if (state.current >= 0) setCurrent(state.current, { focus: true });
}

// ---------- actions on the current item ----------

function act(action, item = currentItem()) {
  if (!item) return;
  switch (action) {
    case 'approve':
      if (item.status !== 'Approved') decideOne(item, 'Approved');
      break;
    case 'reject':
      if (item.status !== 'Rejected') openReject((reason, note) => decideOne(item, 'Rejected', reason, note), 1);
      break;
    case 'ban':
      if (!item.author?.banned) openBan(item);
      break;
    case 'history':
      openHistory(item);
      break;
    case 'select':
      toggleSelected(item);
      break;
    case 'open': {
      const url = safeUrl(item.articleUrl);
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      break;
    }
    case 'filter-article':
      state.filters.articleId = item.articleId;
      syncControls();
      loadQueue({ reset: true });
      break;
  }
}

function toggleSelected(item) {
  const key = keyOf(item);
  if (state.selected.has(key)) state.selected.delete(key);
  else state.selected.add(key);
  const node = nodeOf(item);
  node.classList.toggle('selected', state.selected.has(key));
  node.querySelector('[data-action=select]').checked = state.selected.has(key);
  updateBulkBar();
}

function clearSelection() {
  for (const item of state.items.filter(i => state.selected.has(keyOf(i)))) toggleSelected(item);
  restoreFocus();
}

function updateBulkBar() {
  $('bulk-bar').hidden = state.selected.size === 0;
  $('bulk-count').textContent = t('selectedCount', { n: state.selected.size });
}

function bulkReject() {
  if (state.selected.size === 0) return toast(t('nothingSelected'));
  openReject((reason, note) => decideSelected('Rejected', reason, note), state.selected.size);
}

function onKey(event) {
  if ($('app').hidden || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (document.querySelector('dialog[open]')) return;
  const target = event.target;
  if (target.matches('input:not([type=checkbox]), textarea, select, [contenteditable]')) {
    if (event.key === 'Escape') {
      target.blur();
      restoreFocus();
    }
    return;
  }
  const handlers = {
    j: () => setCurrent(state.current + 1),
    k: () => setCurrent(state.current - 1),
    a: () => act('approve'),
    r: () => act('reject'),
    b: () => act('ban'),
    h: () => act('history'),
    o: () => act('open'),
    x: () => act('select'),
    u: () => undoLast(),
    A: () => decideSelected('Approved'),
    R: () => bulkReject(),
    '?': () => openHelp(),
  };
  if (state.selected.size > 0) handlers.Escape = clearSelection;
  // Bulk actions need Shift on purpose: caps lock alone must not approve a whole selection.
  const key = event.key.length === 1 && !event.shiftKey ? event.key.toLowerCase() : event.key;
  const handler = handlers[key];
  if (handler) {
    event.preventDefault();
    handler();
  }
}

// ---------- wiring ----------

function wire() {
  $('signin-form').addEventListener('submit', event => {
    event.preventDefault();
    const key = $('signin-key').value.trim();
    if (key) signIn(key);
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'id' ? 'en' : 'id');
    fillReasonOptions();
    if (state.me) {
      $('who').textContent = t('signedInAs', { name: state.me.name, role: state.me.role });
      setUpSitePicker();
      syncControls();
      renderQueue();
      updateBulkBar();
    }
  });
  $('help-button').addEventListener('click', openHelp);

  $('site-select').addEventListener('change', event => changeSite(event.target.value));
  $('site-input').addEventListener('change', event => changeSite(event.target.value.trim().toLowerCase()));
  $('tabs').addEventListener('click', event => {
    const tab = event.target.closest('[role=tab]');
    if (tab && tab.dataset.queue !== state.queue) {
      state.queue = tab.dataset.queue;
      syncControls();
      loadQueue({ reset: true });
    }
  });
  $('tabs').addEventListener('keydown', event => {
    // Arrow keys move between tabs, as the ARIA tabs pattern expects.
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const tabs = [...$('tabs').querySelectorAll('[role=tab]')];
    const next = tabs[(tabs.indexOf(event.target.closest('[role=tab]')) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    next.click();
  });
  $('filters').addEventListener('change', event => {
    const { name, value } = event.target;
    if (name in state.filters) {
      state.filters[name] = value.trim();
      loadQueue({ reset: true });
    }
  });
  $('filters').addEventListener('submit', event => event.preventDefault());
  $('reload').addEventListener('click', () => { loadQueue({ reset: true }); refreshSummary(); });
  $('load-more').addEventListener('click', () => loadQueue());
  new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && !state.loading && !state.done && state.me) loadQueue();
  }, { rootMargin: '400px' }).observe($('load-more'));

  $('queue').addEventListener('click', event => {
    const node = event.target.closest('.item');
    if (!node) return;
    const index = state.items.findIndex(i => keyOf(i) === node.dataset.key);
    const control = event.target.closest('[data-action]');
    if (control) {
      setCurrent(index, { focus: false });
      act(control.dataset.action, state.items[index]);
    } else if (!event.target.closest('a, button, input')) {
      setCurrent(index);
    }
  });

  $('bulk-approve').addEventListener('click', () => decideSelected('Approved'));
  $('bulk-reject').addEventListener('click', bulkReject);
  $('bulk-clear').addEventListener('click', clearSelection);

  $('reject-dialog').addEventListener('keydown', onRejectKey);
  $('reject-reasons').addEventListener('click', event => {
    const button = event.target.closest('[data-reason]');
    if (button) chooseReject(button.dataset.reason);
  });
  $('reject-dialog').addEventListener('close', () => { rejectChoice = null; if (!document.querySelector('dialog[open]')) restoreFocus(); });
  $('ban-dialog').addEventListener('close', onBanClosed);
  $('history-close').addEventListener('click', () => $('history-dialog').close());
  $('history-dialog').addEventListener('close', restoreFocus);
  $('help-dialog').addEventListener('close', restoreFocus);
  $('audit-button').addEventListener('click', openAudit);
  $('audit-close').addEventListener('click', () => $('audit-dialog').close());
  $('audit-dialog').addEventListener('close', restoreFocus);
  $('audit-more').addEventListener('click', () => loadAudit({ reset: false }));
  $('audit-filters').addEventListener('submit', event => {
    event.preventDefault();
    audit.actor = new FormData(event.target).get('actor')?.toString().trim() ?? '';
    loadAudit({ reset: true });
  });

  document.addEventListener('keydown', onKey);
}

function changeSite(site) {
  state.site = site;
  rememberSite(site);
  loadQueue({ reset: true });
  refreshSummary();
}

function start() {
  setLang(lang());
  fillReasonOptions();
  wire();
  if (api.getKey()) signIn(api.getKey());
  else showSignIn();
}

start();
