// <roster-broadcasts org-unit-id="…" broadcast-id="…">: the broadcasts of the caller's scope (keyset pages), a new
// broadcast (template, segment, channel order, schedule, throttle, quiet hours), a template's preview for a member,
// start / pause / resume / cancel, live progress and statistics, the deliveries by status, and message templates
// with their ru/uk/en variants. Names and texts are shown as text only; member names never go into a URL.
import { h, s, replace } from './dom.js';
import { RosterElement, loading, enc, query, scopeUnits, unitSelect } from './core.js';
import { formatDateTime, formatNumber, formatPercent, LOCALES } from './i18n.js';

const CHANNELS = ['TELEGRAM', 'EMAIL', 'SMS'];
const DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED'];
const LIVE = ['SCHEDULED', 'RUNNING'];
const ACTIONS = {
  DRAFT: ['start', 'cancel'],
  SCHEDULED: ['pause', 'cancel'],
  RUNNING: ['pause', 'cancel'],
  PAUSED: ['resume', 'cancel'],
  COMPLETED: [],
  CANCELLED: [],
};

export class Broadcasts extends RosterElement {
  static extraAttributes = ['org-unit-id', 'broadcast-id', 'page-size', 'poll-ms'];

  constructor() {
    super();
    this.channels = ['TELEGRAM', 'EMAIL'];
    this.deliveryStatus = '';
    // member id → display name, for the deliveries shown (each fetched once, by id; a name never goes into a URL)
    this.names = new Map();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopPolling();
  }

  get pageSize() {
    return Number(this.getAttribute('page-size')) || 25;
  }

  async load() {
    this.stopPolling();
    // a reload (another language or token) keeps the broadcast that was open
    const shown = this.current ? this.current.id : null;
    this.error = null;
    this.items = null;
    this.cursor = null;
    this.current = null;
    replace(this.view, loading(this));
    const generation = (this.generation = (this.generation || 0) + 1);
    const [page, templates, segments, units] = await Promise.allSettled([
      this.get('/api/v1/broadcasts' + query({ limit: this.pageSize })),
      this.get('/api/v1/message-templates?limit=100'),
      this.get('/api/v1/segments?limit=100'),
      this.getAttribute('org-unit-id') ? Promise.resolve([]) : scopeUnits(this),
    ]);
    if (generation !== this.generation) return;
    if (page.status === 'fulfilled') {
      this.items = page.value.items;
      this.cursor = page.value.nextCursor;
    } else {
      this.error = page.reason;
    }
    this.templates = templates.status === 'fulfilled' ? templates.value.items : [];
    this.segments = segments.status === 'fulfilled' ? segments.value.items : [];
    this.units = units.status === 'fulfilled' ? units.value : [];
    const open = this.getAttribute('broadcast-id') || shown;
    if (open) {
      this.open(open);
      return;
    }
    this.render();
  }

  async more() {
    try {
      const page = await this.get('/api/v1/broadcasts' + query({ limit: this.pageSize, cursor: this.cursor }));
      this.items.push(...page.items);
      this.cursor = page.nextCursor;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  render() {
    if (this.current) this.renderDetail();
    else this.renderList();
  }

  // ---- the list, the new-broadcast form and the templates ----

  renderList() {
    const t = (k, p) => this.t(k, p);
    if (!this.items && !this.error) return;
    this.formSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    const rows = this.items || [];
    replace(
      this.view,
      h(
        'section',
        { class: 'card broadcasts', 'aria-label': t('bc.title') },
        h('h2', { class: 'title' }, t('bc.title')),
        this.error ? this.errorBox(this.error) : null,
        this.newForm(),
        this.formSlot,
        rows.length
          ? h(
              'table',
              { class: 'list broadcast-list' },
              h('caption', { class: 'visually-hidden' }, t('bc.title')),
              h('thead', null, h('tr', null, h('th', null, t('bc.name')), h('th', null, t('bc.status')), h('th', { class: 'num hide-narrow' }, t('bc.recipients')), h('th', { class: 'hide-narrow' }, t('bc.created.at')))),
              h(
                'tbody',
                null,
                rows.map((b) =>
                  h(
                    'tr',
                    { dataset: { id: b.id } },
                    h('td', null, h('button', { type: 'button', class: 'link broadcast-link', onclick: () => this.open(b.id) }, b.name)),
                    h('td', null, this.statusBadge(b.status)),
                    h('td', { class: 'num hide-narrow' }, formatNumber(this.locale, b.recipients)),
                    h('td', { class: 'hide-narrow muted' }, formatDateTime(this.locale, b.createdAt)),
                  ),
                ),
              ),
            )
          : this.items
            ? h('p', { class: 'muted' }, t('bc.empty'))
            : null,
        this.cursor ? h('button', { type: 'button', class: 'link', onclick: () => this.more() }, t('common.more')) : null,
      ),
      this.templatesSection(),
    );
  }

  statusBadge(status) {
    return h('span', { class: 'badge bc-status bc-' + status.toLowerCase() }, this.t('enum.broadcastStatus.' + status));
  }

  unitControl(name) {
    if (this.getAttribute('org-unit-id') || !this.units || this.units.length < 2) return null;
    return h('label', { class: 'field' }, h('span', null, this.t('unit.label')), unitSelect(this, this.units, name));
  }

  unitOf(form, name) {
    const el = form.querySelector('select[name=' + name + ']');
    return this.getAttribute('org-unit-id') || (el ? el.value : this.units && this.units[0] ? this.units[0].id : null);
  }

  newForm() {
    const t = (k, p) => this.t(k, p);
    const label = (text, control) => h('label', { class: 'field' }, h('span', null, text), control);
    const name = h('input', { type: 'text', name: 'name', maxlength: 200, required: true });
    const template = h('select', { name: 'template', required: true }, h('option', { value: '' }, t('common.choose')), (this.templates || []).map((x) => h('option', { value: x.id }, x.name)));
    const segment = h('select', { name: 'segment', required: true }, h('option', { value: '' }, t('common.choose')), (this.segments || []).map((x) => h('option', { value: x.id }, x.name)));
    const startAt = h('input', { type: 'datetime-local', name: 'startAt' });
    const rate = h('input', { type: 'number', name: 'rate', min: 0, max: 10000, step: 'any', value: '0' });
    const quietStart = h('input', { type: 'time', name: 'quietStart' });
    const quietEnd = h('input', { type: 'time', name: 'quietEnd' });
    const attempts = h('input', { type: 'number', name: 'maxAttempts', min: 1, max: 20, value: '5' });
    this.channelList = h('ol', { class: 'channel-order' });
    this.renderChannels();
    const form = h(
      'form',
      {
        class: 'stack new-broadcast',
        onsubmit: (e) => {
          e.preventDefault();
          const body = {
            orgUnitId: this.unitOf(form, 'unit'),
            name: name.value.trim(),
            templateId: template.value || null,
            segmentId: segment.value || null,
            channels: [...this.channels],
            ratePerSecond: Number(rate.value) || 0,
            maxAttempts: Number(attempts.value) || 5,
          };
          if (startAt.value) body.startAt = new Date(startAt.value).toISOString();
          if (quietStart.value) body.quietStart = quietStart.value;
          if (quietEnd.value) body.quietEnd = quietEnd.value;
          this.create(body);
        },
      },
      label(t('bc.name'), name),
      this.unitControl('unit'),
      label(t('bc.template'), template),
      (this.templates || []).length ? null : h('p', { class: 'muted small' }, t('bc.noTemplates')),
      label(t('bc.audience'), segment),
      (this.segments || []).length ? null : h('p', { class: 'muted small' }, t('bc.noSegments')),
      h('fieldset', null, h('legend', null, t('bc.channels')), this.channelList),
      h('div', { class: 'row wrap' }, label(t('bc.startAt'), startAt), label(t('bc.rate'), rate), label(t('bc.maxAttempts'), attempts)),
      h('div', { class: 'row wrap' }, label(t('bc.quietStart'), quietStart), label(t('bc.quietEnd'), quietEnd)),
      h('p', { class: 'muted small' }, t('bc.quietHelp')),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('bc.create'))),
    );
    return h('details', { class: 'bulk new' }, h('summary', null, t('bc.new')), form);
  }

  /** The channel order: a checkbox to use each, and a button to move it up (keyboard and screen-reader friendly). */
  renderChannels() {
    const t = (k, p) => this.t(k, p);
    const order = [...this.channels, ...CHANNELS.filter((c) => !this.channels.includes(c))];
    replace(
      this.channelList,
      order.map((c, i) => {
        const channel = t('enum.consentChannel.' + c);
        return h(
          'li',
          { class: 'row' },
          h(
            'label',
            null,
            h('input', {
              type: 'checkbox',
              name: 'channel-' + c,
              checked: this.channels.includes(c),
              onchange: (e) => {
                this.channels = e.target.checked ? [...this.channels, c] : this.channels.filter((x) => x !== c);
                this.renderChannels();
              },
            }),
            ' ',
            t('bc.use', { channel }),
          ),
          this.channels.includes(c) && this.channels.indexOf(c) > 0
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'icon',
                  'aria-label': t('bc.up', { channel }),
                  onclick: () => {
                    const k = this.channels.indexOf(c);
                    [this.channels[k - 1], this.channels[k]] = [this.channels[k], this.channels[k - 1]];
                    this.renderChannels();
                    this.channelList.querySelectorAll('input')[k - 1].focus();
                  },
                },
                '↑',
              )
            : null,
        );
      }),
    );
  }

  async create(body) {
    try {
      const res = await this.api('/api/v1/broadcasts', { method: 'POST', body });
      this.items = [res.data, ...(this.items || [])];
      this.emit('roster-broadcast-changed', { broadcastId: res.data.id, status: res.data.status });
      this.open(res.data.id, this.t('bc.created', { name: res.data.name }));
    } catch (e) {
      this.showError(this.formSlot, e);
    }
  }

  templatesSection() {
    const t = (k, p) => this.t(k, p);
    const list = this.templates || [];
    const editing = this.editingTemplate || null;
    this.templateSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    const name = h('input', { type: 'text', name: 'templateName', maxlength: 200, required: true, value: editing ? editing.name : '' });
    const fields = {};
    const variants = LOCALES.map((l) => {
      const lang = t('enum.language.' + l);
      const old = (editing && editing.variants && editing.variants[l]) || {};
      fields[l] = {
        subject: h('input', { type: 'text', name: 'subject-' + l, maxlength: 300, value: old.subject || '' }),
        text: h('textarea', { name: 'text-' + l, rows: 3, maxlength: 4000 }),
      };
      fields[l].text.value = old.text || '';
      return h(
        'fieldset',
        { lang: l },
        h('legend', null, t('tpl.variant', { lang })),
        h('label', { class: 'field' }, h('span', null, t('tpl.subject', { lang })), fields[l].subject),
        h('label', { class: 'field' }, h('span', null, t('tpl.text', { lang })), fields[l].text),
      );
    });
    const form = h(
      'form',
      {
        class: 'stack new-template',
        onsubmit: (e) => {
          e.preventDefault();
          const v = {};
          for (const l of LOCALES) {
            const text = fields[l].text.value;
            const subject = fields[l].subject.value.trim();
            // a language left empty: no variant (null removes it from an edited template, as a merge patch does)
            if (text.trim()) v[l] = { text, subject: subject || null };
            else if (editing) v[l] = null;
          }
          if (editing) this.saveTemplate(editing, { name: name.value.trim(), variants: v });
          else this.saveTemplate(null, { orgUnitId: this.unitOf(form, 'templateUnit'), name: name.value.trim(), variants: v });
        },
      },
      h('label', { class: 'field' }, h('span', null, t('tpl.name')), name),
      editing ? null : this.unitControl('templateUnit'),
      h('p', { class: 'muted small' }, t('tpl.help')),
      variants,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, t('tpl.save')),
        editing ? h('button', { type: 'button', onclick: () => { this.editingTemplate = null; this.render(); } }, t('common.cancel')) : null,
      ),
    );
    return h(
      'section',
      { class: 'card templates', 'aria-label': t('tpl.title') },
      h('h2', { class: 'title' }, t('tpl.title')),
      list.length
        ? h(
            'ul',
            { class: 'chips template-list' },
            list.map((x) =>
              h(
                'li',
                { class: 'chip' },
                h('button', { type: 'button', class: 'link template-edit', dataset: { id: x.id }, 'aria-label': t('tpl.edit', { name: x.name }), onclick: () => { this.editingTemplate = x; this.render(); this.shadowRoot.querySelector('details.template-form summary').focus(); } }, x.name),
                ' ',
                h('span', { class: 'muted small' }, Object.keys(x.variants || {}).join(' · ')),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('tpl.empty')),
      h('details', { class: 'bulk template-form', open: editing ? true : null }, h('summary', null, editing ? t('tpl.editing', { name: editing.name }) : t('tpl.new')), form),
      this.templateSlot,
    );
  }

  /** Creates a template, or changes one (a merge patch with If-Match on the version shown). */
  async saveTemplate(old, body) {
    try {
      const res = old
        ? await this.api('/api/v1/message-templates/' + enc(old.id), { method: 'PATCH', body, headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"' + old.version + '"' } })
        : await this.api('/api/v1/message-templates', { method: 'POST', body });
      this.templates = [res.data, ...(this.templates || []).filter((x) => x.id !== res.data.id)];
      this.editingTemplate = null;
      this.render();
      replace(this.templateSlot, h('div', { class: 'notice', role: 'status' }, this.t('tpl.saved', { name: res.data.name })));
    } catch (e) {
      this.showError(this.templateSlot, e);
    }
  }

  // ---- one broadcast ----

  async open(id, notice) {
    this.stopPolling();
    this.deliveryStatus = '';
    this.preview = null;
    replace(this.view, loading(this));
    try {
      const [b, stats] = await Promise.all([
        this.get('/api/v1/broadcasts/' + enc(id)),
        this.get('/api/v1/broadcasts/' + enc(id) + '/statistics'),
      ]);
      this.current = b;
      this.stats = stats;
      this.detailError = null;
    } catch (e) {
      this.current = null;
      this.error = e;
      this.render();
      return;
    }
    this.notice = notice || null;
    this.renderDetail();
    this.loadDeliveries(false);
    this.schedulePoll();
  }

  back() {
    this.stopPolling();
    this.current = null;
    this.notice = null;
    if (this.getAttribute('broadcast-id')) this.removeAttribute('broadcast-id');
    this.load();
  }

  stopPolling() {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /** While a broadcast is scheduled or running (or has messages under way) its figures refresh every 2 s. */
  schedulePoll() {
    this.stopPolling();
    const b = this.current;
    if (!b || !this.isConnected) return;
    const busy = LIVE.includes(b.status) || (this.stats && this.stats.queued + this.stats.sending > 0 && b.status !== 'PAUSED' && b.status !== 'CANCELLED');
    if (!busy) return;
    this.pollTimer = setTimeout(() => this.refresh(), Number(this.getAttribute('poll-ms')) || 2000);
  }

  async refresh() {
    const b = this.current;
    if (!b) return;
    try {
      const [fresh, stats] = await Promise.all([
        this.get('/api/v1/broadcasts/' + enc(b.id)),
        this.get('/api/v1/broadcasts/' + enc(b.id) + '/statistics'),
      ]);
      if (!this.current || this.current.id !== b.id) return;
      this.current = fresh;
      this.stats = stats;
      this.updateLive();
      this.loadDeliveries(false);
    } catch (e) {
      this.showError(this.actionSlot, e);
    }
    this.schedulePoll();
  }

  async act(action) {
    const b = this.current;
    try {
      const res = await this.api('/api/v1/broadcasts/' + enc(b.id) + '/' + action, { method: 'POST' });
      this.current = res.data;
      this.stats = await this.get('/api/v1/broadcasts/' + enc(b.id) + '/statistics');
      this.notice = null;
      this.renderDetail();
      this.loadDeliveries(false);
      this.emit('roster-broadcast-changed', { broadcastId: b.id, status: res.data.status });
      this.schedulePoll();
      const first = this.actionsEl && this.actionsEl.querySelector('button');
      if (first) first.focus();
    } catch (e) {
      this.showError(this.actionSlot, e);
    }
  }

  renderDetail() {
    const t = (k, p) => this.t(k, p);
    const b = this.current;
    const template = (this.templates || []).find((x) => x.id === b.templateId);
    const segment = (this.segments || []).find((x) => x.id === b.segmentId);
    this.actionSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    this.liveEl = h('div', { class: 'live', 'aria-live': 'polite' });
    this.actionsEl = h('div', { class: 'row wrap actions' });
    this.deliveriesEl = h('div', { class: 'deliveries' });
    this.previewSlot = h('div', { class: 'slot preview', 'aria-live': 'polite' });
    const statusFilter = h(
      'select',
      { name: 'deliveryStatus', 'aria-label': t('bc.status'), onchange: (e) => { this.deliveryStatus = e.target.value; this.loadDeliveries(false); } },
      h('option', { value: '' }, t('bc.anyStatus')),
      DELIVERY_STATUSES.map((x) => h('option', { value: x, selected: this.deliveryStatus === x }, t('enum.deliveryStatus.' + x))),
    );
    replace(
      this.view,
      h(
        'article',
        { class: 'card broadcast', 'aria-label': b.name },
        h('button', { type: 'button', class: 'link back', onclick: () => this.back() }, '← ' + t('bc.back')),
        h('h2', { class: 'title broadcast-name' }, b.name),
        h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('bc.template')),
          h('dd', null, template ? template.name : '—'),
          h('dt', null, t('bc.audience')),
          h('dd', null, segment ? segment.name : b.memberIds ? String(b.memberIds.length) : '—'),
          h('dt', null, t('bc.channels')),
          h('dd', null, (b.channels || []).map((c) => t('enum.consentChannel.' + c)).join(' → ')),
          b.startAt ? [h('dt', null, t('bc.startsAt')), h('dd', null, formatDateTime(this.locale, b.startAt))] : null,
          b.ratePerSecond ? [h('dt', null, t('bc.rate')), h('dd', null, formatNumber(this.locale, b.ratePerSecond))] : null,
          b.quietStart ? [h('dt', null, t('bc.quietStart')), h('dd', null, String(b.quietStart).slice(0, 5) + '–' + String(b.quietEnd || '').slice(0, 5))] : null,
        ),
        this.notice ? h('div', { class: 'notice', role: 'status' }, this.notice) : null,
        this.actionsEl,
        this.actionSlot,
        this.liveEl,
        this.previewSection(),
        h('h3', { class: 'section' }, t('bc.deliveries')),
        h('div', { class: 'row' }, statusFilter),
        this.deliveriesEl,
      ),
    );
    this.updateLive();
  }

  /** The parts that change while the broadcast runs: status, buttons, figures. */
  updateLive() {
    const t = (k, p) => this.t(k, p);
    const b = this.current;
    const st = this.stats;
    replace(
      this.actionsEl,
      this.statusBadge(b.status),
      (ACTIONS[b.status] || []).map((a) =>
        h('button', { type: 'button', class: a === 'start' || a === 'resume' ? 'primary' : null, dataset: { action: a }, onclick: () => this.act(a) }, t('bc.' + a)),
      ),
    );
    if (!st) return;
    const done = st.sent + st.delivered + st.failed + st.skipped + st.cancelled;
    const share = st.recipients ? done / st.recipients : 0;
    const stat = (key, value, label) => h('div', { class: 'stat stat-' + key, dataset: { stat: key } }, h('span', { class: 'stat-value' }, formatNumber(this.locale, value)), h('span', { class: 'muted small' }, label));
    const reasons = Object.entries(st.skippedByReason || {}).sort((a, b2) => b2[1] - a[1]);
    replace(
      this.liveEl,
      h('h3', { class: 'section' }, t('bc.progress')),
      h(
        'div',
        { class: 'meter', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': st.recipients, 'aria-valuenow': done, 'aria-label': t('bc.progress') },
        s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'meter-bar', 'aria-hidden': 'true' }, s('rect', { x: 0, y: 0, width: 100 * share, height: 10, rx: 2, class: 'bar-1' })),
        h('span', { class: 'muted small' }, t('bc.done', { p: formatPercent(this.locale, share) })),
      ),
      h(
        'div',
        { class: 'stats' },
        stat('recipients', st.recipients, t('bc.recipients')),
        stat('queued', st.queued + st.sending, t('enum.deliveryStatus.QUEUED')),
        stat('sent', st.sent, t('enum.deliveryStatus.SENT')),
        stat('delivered', st.delivered, t('enum.deliveryStatus.DELIVERED')),
        stat('failed', st.failed, t('enum.deliveryStatus.FAILED')),
        stat('skipped', st.skipped, t('enum.deliveryStatus.SKIPPED')),
        st.cancelled ? stat('cancelled', st.cancelled, t('enum.deliveryStatus.CANCELLED')) : null,
      ),
      LIVE.includes(b.status) ? h('p', { class: 'muted small' }, t('bc.live')) : null,
      reasons.length
        ? h(
            'table',
            { class: 'list reasons' },
            h('caption', null, t('bc.skippedWhy')),
            h('thead', null, h('tr', null, h('th', null, t('bc.reason')), h('th', { class: 'num' }, t('bc.count')))),
            h('tbody', null, reasons.map(([reason, n]) => h('tr', null, h('td', null, reason), h('td', { class: 'num' }, formatNumber(this.locale, n))))),
          )
        : null,
    );
  }

  async loadDeliveries(append) {
    const b = this.current;
    if (!b) return;
    try {
      const page = await this.get('/api/v1/broadcasts/' + enc(b.id) + '/deliveries' + query({ status: this.deliveryStatus, limit: this.pageSize, cursor: append ? this.deliveryCursor : null }));
      if (!this.current || this.current.id !== b.id) return;
      this.deliveries = append ? [...this.deliveries, ...page.items] : page.items;
      this.deliveryCursor = page.nextCursor;
      this.deliveryError = null;
    } catch (e) {
      this.deliveryError = e;
    }
    this.renderDeliveries();
    this.loadNames();
  }

  async loadNames() {
    const missing = [...new Set((this.deliveries || []).map((d) => d.memberId))].filter((id) => !this.names.has(id));
    if (!missing.length) return;
    await Promise.all(
      missing.map((id) =>
        this.get('/api/v1/members/' + enc(id))
          .then((m) => this.names.set(id, m.displayName))
          .catch(() => this.names.set(id, null)),
      ),
    );
    this.renderDeliveries();
  }

  renderDeliveries() {
    const t = (k, p) => this.t(k, p);
    if (!this.deliveriesEl) return;
    const rows = this.deliveries || [];
    replace(
      this.deliveriesEl,
      this.deliveryError ? this.errorBox(this.deliveryError) : null,
      rows.length
        ? h(
            'table',
            { class: 'list delivery-list' },
            h('caption', { class: 'visually-hidden' }, t('bc.deliveries')),
            h('thead', null, h('tr', null, h('th', null, t('bc.member')), h('th', null, t('bc.status')), h('th', null, t('bc.channel')), h('th', { class: 'hide-narrow' }, t('bc.reason')), h('th', { class: 'num hide-narrow' }, t('bc.attempts')), h('th', { class: 'hide-narrow' }, t('bc.updated')))),
            h(
              'tbody',
              null,
              rows.map((d) =>
                h(
                  'tr',
                  { class: 'delivery-' + d.status.toLowerCase() },
                  h('td', null, h('button', { type: 'button', class: 'link member-link', onclick: () => this.emit('roster-member-open', { memberId: d.memberId }) }, this.names.get(d.memberId) || t('bc.profile'))),
                  h('td', null, h('span', { class: 'badge small' }, t('enum.deliveryStatus.' + d.status)), d.reason ? h('div', { class: 'show-narrow muted small' }, d.reason) : null),
                  h('td', null, d.channel ? t('enum.consentChannel.' + d.channel) : '—'),
                  h('td', { class: 'hide-narrow muted small' }, d.reason || ''),
                  h('td', { class: 'num hide-narrow' }, formatNumber(this.locale, d.attempts)),
                  h('td', { class: 'hide-narrow muted small' }, formatDateTime(this.locale, d.updatedAt)),
                ),
              ),
            ),
          )
        : this.deliveryError
          ? null
          : h('p', { class: 'muted' }, t('bc.noDeliveries')),
      this.deliveryCursor ? h('button', { type: 'button', class: 'link', onclick: () => this.loadDeliveries(true) }, t('common.more')) : null,
    );
  }

  /** Find a member by name (in a POST body), then show what the broadcast's template renders for them. */
  previewSection() {
    const t = (k, p) => this.t(k, p);
    const input = h('input', { type: 'search', name: 'previewQuery', autocomplete: 'off', 'aria-label': t('bc.previewSearch'), placeholder: t('bc.previewSearch') });
    this.previewHits = h('ul', { class: 'preview-hits' });
    return h(
      'details',
      { class: 'bulk preview-box' },
      h('summary', null, t('bc.preview')),
      h(
        'form',
        { class: 'row', role: 'search', onsubmit: (e) => { e.preventDefault(); this.findForPreview(input.value.trim()); } },
        input,
        h('button', { type: 'submit' }, t('bc.previewFind')),
      ),
      this.previewHits,
      this.previewSlot,
    );
  }

  async findForPreview(q) {
    if (!q) return;
    try {
      const res = await this.api('/api/v1/member-searches', { method: 'POST', body: { q, limit: 5 } });
      replace(
        this.previewHits,
        res.data.items.map((m) => h('li', null, h('button', { type: 'button', class: 'link', onclick: () => this.showPreview(m) }, this.t('bc.previewFor', { name: m.displayName })))),
      );
    } catch (e) {
      this.showError(this.previewSlot, e);
    }
  }

  async showPreview(member) {
    const t = (k, p) => this.t(k, p);
    try {
      const res = await this.api('/api/v1/message-templates/' + enc(this.current.templateId) + '/previews', { method: 'POST', body: { memberId: member.id } });
      const m = res.data;
      replace(
        this.previewSlot,
        h(
          'div',
          { class: 'card preview-message', lang: m.language },
          h('p', { class: 'muted small' }, t('bc.previewLanguage', { lang: t('enum.language.' + m.language) })),
          m.subject ? h('p', null, h('strong', null, m.subject)) : null,
          h('p', { class: 'pre' }, m.text),
        ),
      );
    } catch (e) {
      this.showError(this.previewSlot, e);
    }
  }
}

customElements.define('roster-broadcasts', Broadcasts);
