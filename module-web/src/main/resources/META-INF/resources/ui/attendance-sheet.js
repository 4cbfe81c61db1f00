// <roster-attendance-sheet event-id="…">: tick who came. Lists the members of the event's unit by name, with the
// status each already has on the sheet; saving sends one all-or-nothing sheet of the changed lines.
import { h, replace } from './dom.js';
import { RosterElement, loading, enc, query } from './core.js';
import { formatDateTime, formatNumber } from './i18n.js';

const SHEET_PAGES = 25;

export class AttendanceSheet extends RosterElement {
  static extraAttributes = ['event-id', 'page-size'];

  async load() {
    const id = this.getAttribute('event-id');
    this.marks = new Map();
    this.rows = [];
    this.cursor = null;
    if (!id) {
      await this.loadEvents();
      return;
    }
    replace(this.view, loading(this));
    try {
      this.event = await this.get('/api/v1/events/' + enc(id));
      this.current = new Map();
      let cursor = null;
      for (let i = 0; i < SHEET_PAGES; i++) {
        const page = await this.get('/api/v1/events/' + enc(id) + '/attendances' + query({ limit: 200, cursor }));
        for (const a of page.items) this.current.set(a.memberId, a.status);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      this.error = null;
      await this.more();
    } catch (e) {
      this.error = e;
      this.render();
    }
  }

  /** Without an event-id: the events from a month ago on, to choose from. */
  async loadEvents() {
    replace(this.view, loading(this));
    try {
      const from = new Date(Date.now() - 31 * 86400000).toISOString();
      this.events = (await this.get('/api/v1/events' + query({ from, limit: 50 }))).items;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    this.event = null;
    this.render();
  }

  async more() {
    try {
      const res = await this.api('/api/v1/member-searches', {
        method: 'POST',
        body: { orgUnitId: this.event.orgUnitId, sort: 'name', limit: Number(this.getAttribute('page-size')) || 50, ...(this.cursor ? { cursor: this.cursor } : {}) },
      });
      this.rows.push(...res.data.items);
      this.cursor = res.data.nextCursor;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  attended(id) {
    return this.marks.has(id) ? this.marks.get(id) === 'ATTENDED' : this.current.get(id) === 'ATTENDED';
  }

  render() {
    const t = (k, p) => this.t(k, p);
    const L = this.locale;
    if (!this.event) {
      replace(
        this.view,
        h(
          'section',
          { class: 'card' },
          h('h2', { class: 'title' }, t('attendance.chooseEvent')),
          this.error ? this.errorBox(this.error) : null,
          this.events && this.events.length
            ? h('ul', { class: 'task-list' }, this.events.map((ev) => h('li', null, h('button', { type: 'button', class: 'link', onclick: () => this.setAttribute('event-id', ev.id) }, ev.title), h('div', { class: 'muted small' }, formatDateTime(L, ev.startsAt)))))
            : h('p', { class: 'muted' }, t('attendance.noEvents')),
        ),
      );
      return;
    }
    const ev = this.event;
    this.messages = h('div', { class: 'slot', 'aria-live': 'polite' }, this.error ? this.errorBox(this.error) : null);
    const changed = [...this.marks.entries()].filter(([id, status]) => (this.current.get(id) || null) !== status);
    replace(
      this.view,
      h(
        'section',
        { class: 'card', 'aria-label': t('attendance.title') },
        h('h2', { class: 'title' }, ev.title),
        h(
          'p',
          { class: 'muted' },
          formatDateTime(L, ev.startsAt),
          ev.place ? ' · ' + ev.place : '',
        ),
        h(
          'div',
          { class: 'stats' },
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, formatNumber(L, ev.registered)), h('span', { class: 'muted small' }, t('attendance.registered'))),
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, formatNumber(L, ev.attended)), h('span', { class: 'muted small' }, t('attendance.attended'))),
          ev.capacity ? h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, formatNumber(L, ev.capacity)), h('span', { class: 'muted small' }, t('attendance.capacity'))) : null,
        ),
        h(
          'table',
          { class: 'list sheet' },
          h('caption', { class: 'visually-hidden' }, t('attendance.title')),
          h('thead', null, h('tr', null, h('th', { class: 'check' }, t('attendance.came')), h('th', null, t('search.name')), h('th', { class: 'hide-narrow' }, t('attendance.status')))),
          h(
            'tbody',
            null,
            this.rows.map((m) => {
              const status = this.marks.get(m.id) || this.current.get(m.id);
              return h(
                'tr',
                { class: this.attended(m.id) ? 'selected' : null },
                h(
                  'td',
                  { class: 'check' },
                  h('input', {
                    type: 'checkbox',
                    'aria-label': t('attendance.cameLabel', { name: m.displayName }),
                    checked: this.attended(m.id),
                    onchange: (e) => {
                      const was = this.current.get(m.id);
                      if (e.target.checked) this.marks.set(m.id, 'ATTENDED');
                      else if (was) this.marks.set(m.id, was === 'ATTENDED' ? 'NO_SHOW' : was);
                      else this.marks.delete(m.id);
                      this.render();
                      const again = this.root.querySelector('[aria-label="' + CSS.escape(t('attendance.cameLabel', { name: m.displayName })) + '"]');
                      if (again) again.focus();
                    },
                  }),
                ),
                h('td', null, m.displayName),
                h('td', { class: 'hide-narrow' }, status ? h('span', { class: 'badge small att-' + status.toLowerCase() }, t('enum.attendance.' + status)) : h('span', { class: 'muted' }, '—')),
              );
            }),
          ),
        ),
        this.cursor ? h('button', { type: 'button', class: 'link', onclick: () => this.more() }, t('common.more')) : null,
        h(
          'div',
          { class: 'row end sticky-actions' },
          h('span', { class: 'muted grow' }, t('attendance.changes', { n: changed.length })),
          h('button', { type: 'button', class: 'primary', disabled: changed.length === 0, onclick: () => this.save(changed) }, t('attendance.save')),
        ),
        this.messages,
      ),
    );
  }

  async save(changed) {
    try {
      await this.api('/api/v1/events/' + enc(this.event.id) + '/attendances', {
        method: 'POST',
        body: { marks: changed.map(([memberId, status]) => ({ memberId, status })) },
      });
      for (const [id, status] of changed) this.current.set(id, status);
      this.marks.clear();
      this.event = await this.get('/api/v1/events/' + enc(this.event.id));
      this.error = null;
      this.emit('roster-attendance-saved', { eventId: this.event.id, count: changed.length });
      this.render();
      replace(this.messages, h('div', { class: 'notice', role: 'status' }, this.t('attendance.saved', { n: changed.length })));
    } catch (e) {
      this.showError(this.messages, e);
    }
  }
}

customElements.define('roster-attendance-sheet', AttendanceSheet);
