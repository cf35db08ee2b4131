// The Komentar section: follows the site's server-sent events and posts the form. Every piece of a comment is put in
// the page with textContent, never as HTML.
'use strict';

const count = document.querySelector('[data-testid=comment-count]');
const list = document.querySelector('[data-testid=comment-list]');
const empty = document.querySelector('[data-testid=comments-empty]');
const live = document.querySelector('[data-testid=live-status]');
const form = document.querySelector('[data-testid=comment-form]');
const nameInput = form.querySelector('[data-testid=comment-name]');
const textInput = form.querySelector('[data-testid=comment-text-input]');
const submit = form.querySelector('[data-testid=comment-submit]');
const formStatus = form.querySelector('[data-testid=form-status]');

const time = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderComment(comment) {
  const item = element('li', comment.pending ? 'comment pending' : 'comment');
  item.dataset.testid = 'comment';
  item.dataset.commentId = comment.commentId;
  item.dataset.status = comment.pending ? 'pending' : 'approved';

  const meta = element('div', 'comment-meta');
  const author = element('span', 'comment-author', comment.authorName);
  author.dataset.testid = 'comment-author';
  const when = element('time', 'comment-time', time.format(new Date(comment.submittedAt)) + ' WIB');
  when.dateTime = comment.submittedAt;
  meta.append(author, when);
  if (comment.pending) {
    const badge = element('span', 'badge', 'menunggu moderasi');
    badge.dataset.testid = 'comment-pending';
    meta.append(badge);
  }

  const text = element('p', 'comment-text', comment.text);
  text.dataset.testid = 'comment-body';
  item.append(meta, text);
  return item;
}

function render(view) {
  count.textContent = String(view.approvedCount);
  list.replaceChildren(...view.comments.map(renderComment));
  empty.hidden = view.comments.length > 0;
}

function follow() {
  const events = new EventSource('/api/stream');
  events.addEventListener('komentar', (event) => {
    render(JSON.parse(event.data));
    live.textContent = 'Komentar diperbarui otomatis.';
    live.dataset.state = 'live';
  });
  events.addEventListener('error', () => {
    // EventSource reconnects by itself.
    live.textContent = 'Koneksi terputus, menyambung kembali…';
    live.dataset.state = 'reconnecting';
  });
}

function showStatus(message, isError) {
  formStatus.textContent = message;
  formStatus.classList.toggle('error', isError);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = textInput.value.trim();
  if (!text) {
    showStatus('Tulis komentar Anda dulu.', true);
    textInput.focus();
    return;
  }

  submit.disabled = true;
  showStatus('Mengirim…', false);
  try {
    const response = await fetch('/api/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ authorName: nameInput.value.trim(), text }),
    });
    if (response.ok) {
      textInput.value = '';
      showStatus('Terima kasih, komentar Anda sudah terkirim.', false);
    } else {
      const problem = await response.json().catch(() => ({}));
      showStatus(problem.detail || 'Komentar belum bisa dikirim. Coba lagi.', true);
    }
  } catch {
    showStatus('Komentar belum bisa dikirim. Periksa koneksi Anda.', true);
  } finally {
    submit.disabled = false;
  }
});

follow();
