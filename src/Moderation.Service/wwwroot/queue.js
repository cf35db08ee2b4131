// Builds the DOM of queue items and of a comment's history. Everything that came from a reader or an API response
// goes in through textContent / createTextNode, never innerHTML, so a comment is always shown as the text it is.

import { t, has, formatDateTime, formatRelative, formatNumber } from './i18n.js';

export const rejectReasons = ['spam', 'abuse', 'hate', 'off-topic', 'other'];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('data-') || name.startsWith('aria-') || ['role', 'title', 'type', 'tabindex', 'datetime', 'href', 'target', 'rel', 'hidden'].includes(name)) node.setAttribute(name, value === true ? '' : value);
    else node[name] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Only http(s) links become anchors: an article URL is submitted by the site and must not run script. */
export function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const reasonLabel = code => (has(`code.${code}`) ? t(`code.${code}`) : code);

function category(code) {
  if (code.startsWith('spam') || code === 'links.limit' || code === 'contacts.limit' || code === 'campaign.duplicate') return 'spam';
  if (code.startsWith('abuse')) return 'abuse';
  if (code.startsWith('hate')) return 'hate';
  if (code === 'wordlist.banned' || code === 'author.banned') return 'danger';
  if (code === 'moderator') return 'neutral';
  return 'warn';
}

/**
 * The text with every reason's spans wrapped in <mark>. Spans are UTF-16 offsets into the original text, which is
 * exactly how JavaScript indexes strings; overlapping spans are cut into segments that list all their reasons.
 */
export function highlightedText(text, reasons) {
  const ranges = [];
  const cuts = new Set([0, text.length]);
  reasons.forEach((reason, index) => {
    for (const span of reason.spans ?? []) {
      const start = Math.max(0, Math.min(text.length, span.start));
      const end = Math.max(start, Math.min(text.length, span.start + span.length));
      if (end > start) {
        ranges.push({ start, end, index });
        cuts.add(start);
        cuts.add(end);
      }
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = [...new Set(ranges.filter(r => r.start <= from && r.end >= to).map(r => r.index))];
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
    } else {
      const codes = covering.map(index => reasons[index].code);
      fragment.append(el('mark', {
        class: `hl cat-${category(codes[0])}`,
        'data-reasons': covering.join(' '),
        title: codes.map(reasonLabel).join(', '),
        text: piece,
      }));
    }
  }
  return fragment;
}

function reasonChip(reason, index) {
  const chip = el('li', { class: `chip cat-${category(reason.code)}`, 'data-testid': 'reason-chip', 'data-code': reason.code, 'data-reason-index': String(index) },
    el('span', { class: 'chip-label', text: reasonLabel(reason.code) }),
    el('code', { class: 'chip-code', text: reason.code }),
    reason.detail ? el('span', { class: 'chip-detail', 'data-testid': 'reason-detail', text: reason.detail }) : null);
  if (reason.spans?.length) {
    chip.classList.add('has-spans');
    chip.tabIndex = 0;
  }
  return chip;
}

export function reasonChips(reasons) {
  if (!reasons.length) return el('p', { class: 'muted small', text: t('noReasons') });
  return el('ul', { class: 'chips', 'aria-label': t('reasonsLabel') }, reasons.map(reasonChip));
}

/** Pointing at a reason chip lights up its spans in the text: the answer to "which words did this?". */
export function linkChipsToSpans(container) {
  const light = (chip, on) => {
    const index = chip.dataset.reasonIndex;
    for (const mark of container.querySelectorAll('mark[data-reasons]')) {
      if (mark.dataset.reasons.split(' ').includes(index)) mark.classList.toggle('lit', on);
    }
  };
  for (const chip of container.querySelectorAll('.chip.has-spans')) {
    for (const [type, on] of [['mouseenter', true], ['mouseleave', false], ['focus', true], ['blur', false]]) {
      chip.addEventListener(type, () => light(chip, on));
    }
  }
}

function scoreBars(scores) {
  return el('div', { class: 'scores', role: 'group', 'aria-label': t('scores') },
    ['spam', 'abuse', 'hate'].map(label => {
      const value = Math.max(0, Math.min(1, scores?.[label] ?? 0));
      const percent = Math.round(value * 100);
      const fill = el('span', { class: 'fill' });
      fill.style.width = `${percent}%`; // CSSOM, which the CSP allows (a style attribute would be blocked)
      const level = value >= 0.8 ? 'high' : value >= 0.5 ? 'mid' : 'low';
      return el('div', { class: `score ${level}`, 'data-testid': `score-${label}` },
        el('span', { class: 'score-name', text: t(`score.${label}`) }),
        el('span', { class: 'bar', role: 'img', 'aria-label': `${t(`score.${label}`)} ${percent}%` }, fill),
        el('span', { class: 'score-value', text: `${percent}%` }));
    }));
}

function authorLine(item) {
  const a = item.author ?? {};
  return el('div', { class: 'author', 'data-testid': 'author' },
    el('span', { class: 'author-name', 'data-testid': 'author-name', text: item.authorName || '—' }),
    el('code', { class: 'author-id', 'data-testid': 'author-id', text: item.authorId }),
    el('span', { class: 'author-stats', 'data-testid': 'author-stats' },
      el('span', { class: 'stat ok', text: t('authorApproved', { n: formatNumber(a.approved ?? 0) }) }),
      el('span', { class: 'stat wait', text: t('authorPending', { n: formatNumber(a.pending ?? 0) }) }),
      el('span', { class: 'stat bad', text: t('authorRejected', { n: formatNumber(a.rejected ?? 0) }) })),
    a.banned ? el('span', { class: 'pill danger', 'data-testid': 'author-banned', text: t('banned') }) : null);
}

function metaLine(item, showSite) {
  const url = safeUrl(item.articleUrl);
  const article = url
    ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'article', 'data-testid': 'article-link', text: item.articleId })
    : el('span', { class: 'article', text: item.articleId });
  return el('div', { class: 'meta' },
    el('time', { datetime: item.receivedAt, title: formatDateTime(item.receivedAt), text: formatRelative(item.receivedAt) }),
    el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }),
    article,
    el('button', { type: 'button', class: 'link small', 'data-action': 'filter-article', text: t('onlyThisArticle') }),
    showSite ? el('span', { class: 'pill', text: item.siteId }) : null,
    item.parentCommentId ? el('span', { class: 'muted', text: t('replyTo', { id: item.parentCommentId }) }) : null,
    el('span', { class: 'muted', title: t('decidedBy', { who: item.decidedBy }), text: t('revisionShort', { n: item.revision }) }),
    item.reportCount > 0 ? el('span', { class: 'pill warn', 'data-testid': 'report-count', text: t('reports', { n: formatNumber(item.reportCount) }) }) : null);
}

function actionButton(action, labelKey, key, { disabled = false, kind = '' } = {}) {
  return el('button', { type: 'button', class: kind, 'data-action': action, 'data-testid': `action-${action}`, disabled },
    el('span', { text: t(labelKey) }), ' ', el('kbd', { text: key }));
}

/** One queue item. `key` is siteId + "/" + commentId, unique across sites. */
export function renderItem(item, { selected = false, showSite = false } = {}) {
  const text = el('p', { class: 'text', 'data-testid': 'comment-text' });
  text.append(highlightedText(item.text, item.reasons ?? []));
  const checkbox = el('input', { type: 'checkbox', 'data-action': 'select', 'data-testid': 'select', 'aria-label': t('select') });
  checkbox.checked = selected;
  const node = el('li', {
    class: `item${selected ? ' selected' : ''}`,
    'data-testid': 'review-item',
    'data-key': `${item.siteId}/${item.commentId}`,
    'data-comment-id': item.commentId,
    'data-site-id': item.siteId,
    'data-status': item.status,
    tabindex: '-1',
  },
  el('div', { class: 'item-main' },
    el('div', { class: 'item-head' }, checkbox, authorLine(item)),
    metaLine(item, showSite),
    text,
    reasonChips(item.reasons ?? [])),
  el('div', { class: 'item-side' },
    scoreBars(item.scores),
    el('div', { class: 'actions' },
      actionButton('approve', 'approve', 'a', { disabled: item.status === 'Approved', kind: 'ok' }),
      actionButton('reject', 'reject', 'r', { disabled: item.status === 'Rejected', kind: 'bad' }),
      actionButton('ban', 'ban', 'b', { disabled: item.author?.banned }),
      actionButton('history', 'history', 'h'))));
  linkChipsToSpans(node);
  return node;
}

/** A comment's details and every revision: who decided, when, to what, and why. */
export function renderHistory(details) {
  const current = details.current;
  const automatic = details.history.find(h => h.revision === 1)?.reasons ?? current.reasons ?? [];
  const text = el('p', { class: 'text', 'data-testid': 'history-text' });
  text.append(highlightedText(current.text, automatic));
  const url = safeUrl(details.articleUrl);

  const head = el('div', { class: 'history-head' },
    el('div', { class: 'author' },
      el('span', { class: 'author-name', text: current.authorName || '—' }),
      el('code', { class: 'author-id', text: details.authorId })),
    el('dl', { class: 'facts' },
      el('dt', { text: t('article') }), el('dd', {}, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: current.articleId }) : current.articleId),
      el('dt', { text: t('channel') }), el('dd', { text: details.channel }),
      el('dt', { text: t('received') }), el('dd', { text: formatDateTime(details.receivedAt) }),
      el('dt', { text: t('model') }), el('dd', {}, el('code', { text: current.modelVersion }))),
    text,
    scoreBars(current.scores));

  const revisions = el('ol', { class: 'revisions', reversed: true },
    [...details.history].reverse().map(rev => el('li', { class: 'revision', 'data-testid': 'revision', 'data-revision': String(rev.revision) },
      el('div', { class: 'revision-head' },
        el('b', { text: t('revision', { n: rev.revision }) }),
        el('span', { class: `status status-${rev.status}`, 'data-testid': 'revision-status', text: t(`status.${rev.status}`) }),
        el('span', {}, t('decidedBy', { who: '' }).trim(), ' ', el('b', { 'data-testid': 'revision-by', text: rev.decidedBy === 'system' ? t('system') : rev.decidedBy })),
        el('time', { datetime: rev.decidedAt, text: formatDateTime(rev.decidedAt) })),
      rev.reasonCode ? el('p', { class: 'small' }, `${t('rejectReason')}: `, el('b', { text: t(`rr.${rev.reasonCode}`) })) : null,
      rev.note ? el('p', { class: 'small note' }, `${t('note')}: `, el('span', { text: rev.note })) : null,
      reasonChips(rev.reasons ?? []))));

  const fragment = document.createDocumentFragment();
  fragment.append(head, revisions);
  return fragment;
}

/** One audit-log row; every value from the server is inserted as text. */
export function renderAuditEntry(entry) {
  const subject = [entry.siteId, entry.commentId, entry.authorId ? `@${entry.authorId}` : null].filter(Boolean).join(' / ');
  return el('li', { class: 'audit-entry', 'data-testid': 'audit-entry' },
    el('div', { class: 'revision-head' },
      el('time', { datetime: entry.at, text: formatDateTime(entry.at) }),
      el('b', { 'data-testid': 'audit-actor', text: entry.actor }),
      el('span', { class: 'chip', 'data-testid': 'audit-action', text: entry.action }),
      el('code', { text: subject })),
    entry.details ? el('p', { class: 'small muted', text: entry.details }) : null);
}
