// <roster-member-search>: search and list members (criteria go in a POST body, never in the URL), saved segments
// when the server has them (applied, and the current criteria saved as one), and bulk actions on the ticked rows:
// tag, add to a pipeline, log an interaction.
import { h, replace } from './dom.js';
import { RosterElement, loading, scopeUnits } from './core.js';

const STATUSES = ['PROSPECT', 'SUPPORTER', 'VOLUNTEER', 'MEMBER', 'SUSPENDED', 'LEFT'];
const BULK_TYPES = [['CALL', 'PHONE'], ['VISIT', 'VISIT'], ['SMS', 'SMS'], ['MEETING', 'IN_PERSON'], ['CANVASS', 'VISIT']];
const OUTCOMES = ['REACHED', 'LEFT_MESSAGE', 'NOT_HOME', 'REFUSED', 'OTHER'];

export class MemberSearch extends RosterElement {
  static extraAttributes = ['org-unit-id', 'page-size'];

  constructor() {
    super();
    this.criteria = { q: '', status: '', tag: '', notContactedForDays: '' };
    this.rows = [];
    this.selected = new Set();
    this.segments = null;
    this.canSaveSegment = true;
  }

  /**
   * A saved segment's filter (io.roster.api.notification.SegmentFilter) as the member search's body: the same names
   * but consentChannel, which the search calls consent; a filter without a unit means the segment's own unit subtree.
   */
  static segmentBody(segment) {
    const f = segment.filter || {};
    const b = {};
    for (const k of ['q', 'statuses', 'tags', 'supportLevelMin', 'supportLevelMax', 'notContactedForDays', 'lastOutcome', 'attendedEventId']) {
      const v = f[k];
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '') b[k] = v;
    }
    if (f.consentChannel) b.consent = f.consentChannel;
    b.orgUnitId = f.orgUnitId || segment.orgUnitId;
    return b;
  }

  /** The criteria typed into the form, as a segment filter. */
  currentFilter() {
    const c = this.criteria;
    const f = {};
    if (c.q.trim()) f.q = c.q.trim();
    if (c.status) f.statuses = [c.status];
    if (c.tag.trim()) f.tags = [c.tag.trim()];
    if (c.notContactedForDays) f.notContactedForDays = Number(c.notContactedForDays);
    return f;
  }

  /** Saves the typed criteria as a segment of the element's unit (else the first unit of the caller's scope). */
  async saveSegment(name, slot) {
    if (!name) return;
    try {
      let unit = this.getAttribute('org-unit-id');
      if (!unit) {
        const units = await scopeUnits(this);
        unit = units.length ? units[0].id : null;
      }
      const res = await this.api('/api/v1/segments', { method: 'POST', body: { orgUnitId: unit, name, filter: this.currentFilter() } });
      this.segments = [res.data, ...(this.segments || []).filter((x) => x.id !== res.data.id)];
      this.criteria.segment = res.data;
      this.render();
      this.search(false);
      replace(this.segmentSlot, h('div', { class: 'notice', role: 'status' }, this.t('search.segmentSaved', { name: res.data.name })));
      this.emit('roster-segment-saved', { segmentId: res.data.id });
    } catch (e) {
      if (e.status === 403) {
        this.canSaveSegment = false;
        this.render();
      }
      this.showError(this.segmentSlot || slot, e);
    }
  }

  async load() {
    this.rows = [];
    this.selected.clear();
    this.cursor = null;
    this.searched = false;
    this.render();
    this.loadSegments();
    this.loadPipelines();
  }

  /** Saved segments come with another part of Roster; a server without them answers 404 and the control hides. */
  async loadSegments() {
    try {
      const page = await this.get('/api/v1/segments?limit=100');
      this.segments = page.items || [];
    } catch (e) {
      this.segments = null;
    }
    this.render();
  }

  async loadPipelines() {
    try {
      this.pipelines = (await this.get('/api/v1/pipelines?limit=100')).items;
    } catch (e) {
      this.pipelines = [];
    }
    this.render();
  }

  body(cursor) {
    const c = this.criteria;
    const b = { limit: Number(this.getAttribute('page-size')) || 25 };
    if (c.q.trim()) b.q = c.q.trim();
    if (c.status) b.statuses = [c.status];
    if (c.tag.trim()) b.tags = [c.tag.trim()];
    if (c.notContactedForDays) b.notContactedForDays = Number(c.notContactedForDays);
    if (this.getAttribute('org-unit-id')) b.orgUnitId = this.getAttribute('org-unit-id');
    // the segment's own filter wins over what is typed (it is what the segment means)
    if (c.segment) Object.assign(b, MemberSearch.segmentBody(c.segment));
    if (cursor) b.cursor = cursor;
    return b;
  }

  async search(append) {
    this.busy = true;
    this.error = null;
    if (!append) {
      this.rows = [];
      this.selected.clear();
      this.cursor = null;
    }
    this.renderResults();
    try {
      const res = await this.api('/api/v1/member-searches', { method: 'POST', body: this.body(append ? this.cursor : null) });
      this.rows.push(...res.data.items);
      this.cursor = res.data.nextCursor;
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
    this.searched = true;
    this.renderResults();
  }

  render() {
    const t = (k, p) => this.t(k, p);
    const c = this.criteria;
    const field = (name, el) => { el.addEventListener('input', () => { c[name] = el.value; }); el.addEventListener('change', () => { c[name] = el.value; }); return el; };
    const q = field('q', h('input', { type: 'search', name: 'q', value: c.q, placeholder: t('search.placeholder'), 'aria-label': t('search.query'), autocomplete: 'off' }));
    const status = field('status', h('select', { name: 'status', 'aria-label': t('search.status') }, h('option', { value: '' }, t('search.anyStatus')), STATUSES.map((s) => h('option', { value: s, selected: c.status === s }, t('enum.status.' + s)))));
    const tag = field('tag', h('input', { type: 'text', name: 'tag', value: c.tag, placeholder: t('search.tag'), 'aria-label': t('search.tag') }));
    const days = field('notContactedForDays', h('input', { type: 'number', name: 'days', min: 1, max: 3650, value: c.notContactedForDays, placeholder: t('search.notContacted'), 'aria-label': t('search.notContacted') }));
    let segmentControl = null;
    if (this.segments) {
      segmentControl = h(
        'select',
        {
          name: 'segment',
          'aria-label': t('search.segment'),
          onchange: (e) => {
            c.segment = this.segments.find((s) => s.id === e.target.value) || null;
            this.search(false);
          },
        },
        h('option', { value: '' }, t('search.noSegment')),
        this.segments.map((s) => h('option', { value: s.id, selected: c.segment && c.segment.id === s.id }, s.name)),
      );
    }
    let saveSegment = null;
    if (this.segments && this.canSaveSegment) {
      const name = h('input', { type: 'text', name: 'segmentName', maxlength: 200, placeholder: t('search.segmentName'), 'aria-label': t('search.segmentName') });
      saveSegment = h(
        'details',
        { class: 'save-segment' },
        h('summary', null, t('search.saveSegment')),
        h(
          'form',
          { class: 'row wrap', onsubmit: (e) => { e.preventDefault(); this.saveSegment(name.value.trim()); } },
          name,
          h('button', { type: 'submit' }, t('common.save')),
        ),
      );
    }
    this.segmentSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    this.results = h('div', { class: 'results' });
    this.bulkSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    replace(
      this.view,
      h(
        'section',
        { class: 'card', 'aria-label': t('search.title') },
        h('h2', { class: 'title' }, t('search.title')),
        h(
          'form',
          { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); this.search(false); } },
          h('div', { class: 'row' }, q, h('button', { type: 'submit', class: 'primary' }, t('search.submit'))),
          h('div', { class: 'row wrap' }, status, tag, days, segmentControl),
        ),
        saveSegment,
        this.segmentSlot,
        this.bulkBar(),
        this.bulkSlot,
        this.results,
      ),
    );
    this.renderResults();
  }

  bulkBar() {
    const t = (k, p) => this.t(k, p);
    this.bulkCount = h('span', { class: 'muted', 'aria-live': 'polite' });
    const tagInput = h('input', { type: 'text', placeholder: t('bulk.tag'), 'aria-label': t('bulk.tag'), maxlength: 100 });
    const pipeline = h('select', { 'aria-label': t('bulk.pipeline') }, (this.pipelines || []).map((p) => h('option', { value: p.id }, p.names[this.locale] || p.names.en || p.names.ru || p.key)));
    const taskTitle = h('input', { type: 'text', placeholder: t('bulk.taskTitle'), 'aria-label': t('bulk.taskTitle'), maxlength: 200 });
    const type = h('select', { 'aria-label': t('log.type') }, BULK_TYPES.map(([k]) => h('option', { value: k }, t('enum.type.' + k))));
    const outcome = h('select', { 'aria-label': t('log.outcome') }, OUTCOMES.map((o) => h('option', { value: o }, t('enum.outcome.' + o))));
    const subject = h('input', { type: 'text', placeholder: t('log.subject'), 'aria-label': t('log.subject'), maxlength: 300 });
    this.bulkButtons = [];
    const button = (label, fn) => {
      const b = h('button', { type: 'button', onclick: fn });
      b.append(label);
      this.bulkButtons.push(b);
      return b;
    };
    return h(
      'details',
      { class: 'bulk' },
      h('summary', null, t('bulk.title'), ' ', this.bulkCount),
      h('div', { class: 'row wrap' }, tagInput, button(t('bulk.addTag'), () => this.bulkTag(tagInput.value.trim()))),
      h('div', { class: 'row wrap' }, pipeline, taskTitle, button(t('bulk.addToPipeline'), () => this.bulkTasks(pipeline.value, taskTitle.value.trim()))),
      h('div', { class: 'row wrap' }, type, outcome, subject, button(t('bulk.log'), () => this.bulkLog(type.value, outcome.value, subject.value.trim()))),
    );
  }

  updateBulk() {
    if (!this.bulkCount) return;
    this.bulkCount.textContent = this.t('bulk.selected', { n: this.selected.size });
    for (const b of this.bulkButtons) b.disabled = this.selected.size === 0;
  }

  chosen() {
    return this.rows.filter((r) => this.selected.has(r.id));
  }

  async bulk(work) {
    replace(this.bulkSlot, loading(this));
    try {
      const n = await work();
      replace(this.bulkSlot, h('div', { class: 'notice', role: 'status' }, this.t('bulk.done', { n })));
    } catch (e) {
      this.showError(this.bulkSlot, e);
    }
  }

  /** Adds a tag to every ticked member in one all-or-nothing batch. */
  bulkTag(tag) {
    if (!tag) return;
    return this.bulk(async () => {
      const res = await this.api('/api/v1/member-tag-batches', {
        method: 'POST',
        body: { memberIds: this.chosen().map((r) => r.id), add: [tag] },
      });
      const byId = new Map(res.data.items.map((m) => [m.memberId, m]));
      for (const row of this.rows) {
        const changed = byId.get(row.id);
        if (changed) {
          row.tags = changed.tags;
          row.version = changed.version;
        }
      }
      this.renderResults();
      return res.data.items.length;
    });
  }

  bulkTasks(pipelineId, title) {
    if (!pipelineId) return;
    return this.bulk(async () => {
      let n = 0;
      for (const row of this.chosen()) {
        await this.api('/api/v1/tasks', {
          method: 'POST',
          body: { pipelineId, memberId: row.id, title: title || row.displayName },
        });
        n++;
      }
      this.emit('roster-tasks-created', { pipelineId, count: n });
      return n;
    });
  }

  bulkLog(type, outcome, subject) {
    return this.bulk(async () => {
      const interaction = { type, channel: BULK_TYPES.find(([k]) => k === type)[1], outcome };
      if (subject) interaction.subject = subject;
      const res = await this.api('/api/v1/interaction-batches', {
        method: 'POST',
        body: { interaction, memberIds: this.chosen().map((r) => r.id) },
      });
      return res.data.items.length;
    });
  }

  renderResults() {
    if (!this.results) return;
    const t = (k, p) => this.t(k, p);
    const all = h('input', {
      type: 'checkbox',
      'aria-label': t('search.selectAll'),
      checked: this.rows.length > 0 && this.selected.size === this.rows.length,
      onchange: (e) => {
        this.selected = new Set(e.target.checked ? this.rows.map((r) => r.id) : []);
        this.renderResults();
      },
    });
    const table = this.rows.length
      ? h(
          'table',
          { class: 'list' },
          h('caption', { class: 'visually-hidden' }, t('search.results')),
          h('thead', null, h('tr', null, h('th', { class: 'check' }, all), h('th', null, t('search.name')), h('th', { class: 'hide-narrow' }, t('search.status')), h('th', { class: 'hide-narrow' }, t('card.tags')))),
          h(
            'tbody',
            null,
            this.rows.map((r) =>
              h(
                'tr',
                { class: this.selected.has(r.id) ? 'selected' : null },
                h(
                  'td',
                  { class: 'check' },
                  h('input', {
                    type: 'checkbox',
                    'aria-label': t('search.select', { name: r.displayName }),
                    checked: this.selected.has(r.id),
                    onchange: (e) => {
                      if (e.target.checked) this.selected.add(r.id);
                      else this.selected.delete(r.id);
                      e.target.closest('tr').classList.toggle('selected', e.target.checked);
                      this.updateBulk();
                    },
                  }),
                ),
                h(
                  'td',
                  null,
                  h('button', { type: 'button', class: 'link member-link', onclick: () => this.emit('roster-member-open', { memberId: r.id }) }, r.displayName),
                  h('div', { class: 'show-narrow muted small' }, t('enum.status.' + r.status)),
                ),
                h('td', { class: 'hide-narrow' }, h('span', { class: 'badge status status-' + r.status.toLowerCase() }, t('enum.status.' + r.status))),
                h('td', { class: 'hide-narrow' }, h('ul', { class: 'chips' }, (r.tags || []).map((x) => h('li', { class: 'chip tag' }, x)))),
              ),
            ),
          ),
        )
      : null;
    replace(
      this.results,
      this.error ? this.errorBox(this.error) : null,
      table,
      this.searched && !this.rows.length && !this.error ? h('p', { class: 'muted' }, t('search.nothing')) : null,
      this.busy ? loading(this) : null,
      this.cursor && !this.busy ? h('button', { type: 'button', class: 'link', onclick: () => this.search(true) }, t('common.more')) : null,
    );
    this.updateBulk();
  }
}

customElements.define('roster-member-search', MemberSearch);
