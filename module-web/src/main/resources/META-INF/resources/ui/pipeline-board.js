// <roster-pipeline-board pipeline="member-question">: the Kanban board. Cards move by dragging (pointer events, so
// mouse, pen and touch alike) or from the keyboard: Shift+←/→ moves a card to the previous/next stage, Shift+↑/↓
// within its column, arrows move the focus, Enter opens the card's detail (checklist, comments).
import { h, replace } from './dom.js';
import { RosterElement, loading, enc, query } from './core.js';
import { formatDate, formatDateTime, localName } from './i18n.js';

const CLOSED = new Set(['DONE', 'DROPPED']);

function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export class PipelineBoard extends RosterElement {
  static extraAttributes = ['pipeline', 'org-unit-id', 'per-column'];

  async load() {
    const pipeline = this.getAttribute('pipeline');
    if (!pipeline) {
      replace(this.view, h('p', { class: 'muted' }, this.t('board.none')));
      return;
    }
    if (!this.board) replace(this.view, loading(this));
    try {
      this.board = await this.get(
        '/api/v1/pipelines/' + enc(pipeline) + '/board' +
          query({ orgUnitId: this.getAttribute('org-unit-id'), perColumn: this.getAttribute('per-column') || 50 }));
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  stageName(stage) {
    return localName(this.locale, stage.names, stage.key);
  }

  render() {
    const t = (k, p) => this.t(k, p);
    if (!this.board) {
      if (this.error) replace(this.view, this.errorBox(this.error));
      return;
    }
    const b = this.board;
    this.live = h('div', { class: 'visually-hidden', 'aria-live': 'assertive' });
    this.messages = h(
      'div',
      { class: 'slot', 'aria-live': 'polite' },
      this.error ? this.errorBox(this.error) : null,
      this.moveError ? this.errorBox(this.moveError) : null,
    );
    this.dialog = h('dialog', { class: 'task-dialog', 'aria-labelledby': 'task-dialog-title' });
    const now = today();
    replace(
      this.view,
      h(
        'section',
        { class: 'board-wrap', 'aria-label': t('board.title', { name: localName(this.locale, b.pipeline.names, b.pipeline.key) }) },
        h(
          'header',
          { class: 'board-head' },
          h('h2', { class: 'title' }, localName(this.locale, b.pipeline.names, b.pipeline.key)),
          h('p', { class: 'muted small', id: 'board-help' }, t('board.help')),
        ),
        this.messages,
        h(
          'div',
          { class: 'board', role: 'list' },
          b.columns.map((col, ci) => {
            const wip = col.stage.wipLimit;
            const full = wip && col.count >= wip;
            return h(
              'section',
              { class: ['column', full && 'at-limit', 'cat-' + col.stage.category.toLowerCase()], role: 'listitem', dataset: { stage: col.stage.key, index: ci }, 'aria-label': this.stageName(col.stage) },
              h(
                'header',
                { class: 'column-head' },
                h('h3', null, this.stageName(col.stage)),
                h(
                  'span',
                  { class: ['count', full && 'warn'], title: wip ? t('board.wip', { n: col.count, limit: wip }) : null },
                  wip ? col.count + ' / ' + wip : String(col.count),
                ),
                full ? h('span', { class: 'badge small warn' }, t('board.atLimit')) : null,
              ),
              h(
                'ul',
                { class: 'cards', 'aria-label': this.stageName(col.stage) },
                col.cards.items.map((card, i) => this.cardView(card, ci, i, now)),
              ),
              col.cards.nextCursor ? h('p', { class: 'muted small' }, t('board.moreCards', { n: col.count - col.cards.items.length })) : null,
            );
          }),
        ),
        this.live,
        this.dialog,
      ),
    );
    if (this.focusId) {
      const el = this.root.querySelector('[data-id="' + CSS.escape(this.focusId) + '"]');
      if (el) el.focus();
      this.focusId = null;
    }
  }

  cardView(card, ci, i, now) {
    const t = (k, p) => this.t(k, p);
    const overdue = card.dueOn && card.dueOn < now && !CLOSED.has(card.stageCategory);
    const done = (card.checklist || []).filter((c) => c.done).length;
    const li = h(
      'li',
      {
        class: ['task', overdue && 'overdue', 'priority-' + (card.priority || 'NORMAL').toLowerCase()],
        tabindex: 0,
        'aria-describedby': 'board-help',
        'aria-label': card.title + (overdue ? ', ' + t('board.overdue') : ''),
        dataset: { id: card.id, column: ci, index: i },
        onkeydown: (e) => this.key(e, card, ci, i),
        onclick: () => {
          if (!this.dragged) this.open(card);
        },
        onpointerdown: (e) => this.dragStart(e, card, li),
      },
      h('div', { class: 'task-title' }, card.title),
      h(
        'div',
        { class: 'task-meta' },
        card.priority && card.priority !== 'NORMAL' ? h('span', { class: 'badge small priority' }, t('enum.priority.' + card.priority)) : null,
        card.dueOn ? h('span', { class: ['due', overdue && 'badge small danger'] }, (overdue ? t('board.overdue') + ' · ' : '') + formatDate(this.locale, card.dueOn)) : null,
        card.checklist && card.checklist.length ? h('span', { class: 'muted small' }, '☑ ' + done + '/' + card.checklist.length) : null,
        (card.labels || []).map((l) => h('span', { class: 'chip tag small' }, l)),
      ),
    );
    return li;
  }

  cards(ci) {
    return this.board.columns[ci].cards.items;
  }

  focusCard(ci, i) {
    const col = this.cards(ci);
    if (!col || !col.length) return false;
    const card = col[Math.max(0, Math.min(i, col.length - 1))];
    const el = this.root.querySelector('[data-id="' + CSS.escape(card.id) + '"]');
    if (el) el.focus();
    return true;
  }

  key(e, card, ci, i) {
    const cols = this.board.columns.length;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.open(card);
    } else if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      const target = ci + (e.key === 'ArrowRight' ? 1 : -1);
      if (target >= 0 && target < cols) this.move(card, target, this.cards(target).length);
    } else if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const to = i + (e.key === 'ArrowDown' ? 1 : -1);
      if (to >= 0 && to < this.cards(ci).length) this.move(card, ci, e.key === 'ArrowDown' ? to + 1 : to);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.focusCard(ci, i + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const step = e.key === 'ArrowRight' ? 1 : -1;
      for (let c = ci + step; c >= 0 && c < cols; c += step) if (this.focusCard(c, i)) break;
    }
  }

  /**
   * Moves a card to a column, before the card now at position {@code at} of it (after the last one when at the end).
   * Placement is by neighbour ids, so the server writes one new rank.
   */
  async move(card, ci, at) {
    const column = this.board.columns[ci];
    const others = this.cards(ci).filter((c) => c.id !== card.id);
    let index = at;
    const from = this.cards(ci).findIndex((c) => c.id === card.id);
    if (from >= 0 && from < at) index = at - 1;
    index = Math.max(0, Math.min(index, others.length));
    const body = { stage: column.stage.key };
    if (index < others.length) body.beforeId = others[index].id;
    else if (others.length) body.afterId = others[others.length - 1].id;
    if (column.stage.key === card.stage && from === index) return;
    // a refused move stays on screen until the next one
    this.moveError = null;
    try {
      await this.api('/api/v1/tasks/' + enc(card.id), {
        method: 'PATCH',
        body,
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"' + card.version + '"' },
      });
      this.focusId = card.id;
      this.emit('roster-task-moved', { taskId: card.id, stage: column.stage.key });
      await this.load();
      this.live.textContent = this.t('board.moved', { title: card.title, stage: this.stageName(column.stage) });
    } catch (e) {
      this.moveError = e;
      this.focusId = card.id;
      await this.load();
    }
  }

  dragStart(e, card, li) {
    if (e.button !== 0) return;
    const startX = e.clientX;
    const startY = e.clientY;
    let ghost = null;
    this.dragged = false;
    const over = (x, y) => {
      const el = this.root.elementFromPoint(x, y);
      return el ? el.closest('.column') : null;
    };
    const move = (ev) => {
      if (!ghost && Math.hypot(ev.clientX - startX, ev.clientY - startY) < 6) return;
      if (!ghost) {
        this.dragged = true;
        ghost = li.cloneNode(true);
        ghost.classList.add('ghost');
        ghost.style.width = li.offsetWidth + 'px';
        ghost.setAttribute('aria-hidden', 'true');
        ghost.removeAttribute('data-id');
        this.view.append(ghost);
        li.classList.add('dragging');
      }
      ghost.style.left = ev.clientX + 8 + 'px';
      ghost.style.top = ev.clientY + 8 + 'px';
      for (const c of this.root.querySelectorAll('.column.drop')) c.classList.remove('drop');
      const col = over(ev.clientX, ev.clientY);
      if (col) col.classList.add('drop');
    };
    const up = (ev) => {
      li.removeEventListener('pointermove', move);
      li.removeEventListener('pointerup', up);
      li.removeEventListener('pointercancel', up);
      if (!ghost) return;
      ghost.remove();
      li.classList.remove('dragging');
      const col = over(ev.clientX, ev.clientY);
      setTimeout(() => { this.dragged = false; }, 0);
      if (!col) return;
      const ci = Number(col.dataset.index);
      const items = [...col.querySelectorAll('.task')];
      let at = items.findIndex((el) => {
        const r = el.getBoundingClientRect();
        return ev.clientY < r.top + r.height / 2;
      });
      if (at < 0) at = items.length;
      this.move(card, ci, at);
    };
    li.setPointerCapture(e.pointerId);
    li.addEventListener('pointermove', move);
    li.addEventListener('pointerup', up);
    li.addEventListener('pointercancel', up);
  }

  async open(card) {
    const t = (k, p) => this.t(k, p);
    const stage = this.board.columns.find((c) => c.stage.key === card.stage);
    const comments = h('ol', { class: 'comments' });
    const slot = h('div', { class: 'slot', 'aria-live': 'polite' });
    const text = h('textarea', { rows: 2, 'aria-label': t('task.comment'), placeholder: t('task.comment'), maxlength: 10000 });
    const checklist = h('ul', { class: 'checklist' });
    const renderChecklist = () =>
      replace(
        checklist,
        (card.checklist || []).map((item, i) =>
          h(
            'li',
            null,
            h(
              'label',
              null,
              h('input', {
                type: 'checkbox',
                checked: item.done,
                onchange: async (e) => {
                  const list = card.checklist.map((c, j) => (j === i ? { text: c.text, done: e.target.checked } : c));
                  try {
                    const res = await this.api('/api/v1/tasks/' + enc(card.id), {
                      method: 'PATCH',
                      body: { checklist: list },
                      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"' + card.version + '"' },
                    });
                    Object.assign(card, res.data);
                    this.showError(slot, null);
                  } catch (err) {
                    e.target.checked = !e.target.checked;
                    this.showError(slot, err);
                  }
                  renderChecklist();
                },
              }),
              ' ',
              item.text,
            ),
          ),
        ),
      );
    renderChecklist();
    const loadComments = async () => {
      try {
        const page = await this.get('/api/v1/tasks/' + enc(card.id) + '/comments?limit=100');
        replace(
          comments,
          page.items.map((c) =>
            h('li', null, h('div', { class: 'muted small' }, (c.authorName || c.authorId) + ' · ' + formatDateTime(this.locale, c.createdAt)), h('div', { class: 'pre' }, c.body)),
          ),
          page.items.length ? null : h('li', { class: 'muted' }, t('task.noComments')),
        );
      } catch (err) {
        this.showError(slot, err);
      }
    };
    replace(
      this.dialog,
      h(
        'div',
        { class: 'dialog-body' },
        h(
          'header',
          { class: 'row' },
          h('h2', { class: 'title grow', id: 'task-dialog-title' }, card.title),
          h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: () => this.dialog.close() }, '×'),
        ),
        h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('task.stage')),
          h('dd', null, stage ? this.stageName(stage.stage) : card.stage),
          h('dt', null, t('task.priority')),
          h('dd', null, t('enum.priority.' + (card.priority || 'NORMAL'))),
          card.dueOn ? [h('dt', null, t('task.due')), h('dd', null, formatDate(this.locale, card.dueOn))] : null,
          card.assigneeId ? [h('dt', null, t('task.assignee')), h('dd', null, card.assigneeId)] : null,
        ),
        card.description ? h('p', { class: 'pre' }, card.description) : null,
        card.checklist && card.checklist.length ? [h('h3', { class: 'section' }, t('task.checklist')), checklist] : null,
        h('h3', { class: 'section' }, t('task.comments')),
        comments,
        h(
          'form',
          {
            class: 'stack',
            onsubmit: async (e) => {
              e.preventDefault();
              if (!text.value.trim()) return;
              try {
                await this.api('/api/v1/tasks/' + enc(card.id) + '/comments', { method: 'POST', body: { body: text.value } });
                text.value = '';
                await loadComments();
              } catch (err) {
                this.showError(slot, err);
              }
            },
          },
          text,
          h('div', { class: 'row end' }, h('button', { type: 'submit', class: 'primary' }, t('task.addComment'))),
        ),
        slot,
      ),
    );
    this.dialog.onclose = () => {
      this.focusId = card.id;
      this.load();
    };
    this.dialog.showModal();
    loadComments();
  }
}

customElements.define('roster-pipeline-board', PipelineBoard);
