// <roster-timeline member-id="…">: the member's history, newest first, loaded page by page as it scrolls (and by a
// "more" button for keyboards), with a quick form to log an interaction.
import { h, replace } from './dom.js';
import { RosterElement, loading, enc, query } from './core.js';
import { formatDateTime } from './i18n.js';

const TYPES = [
  ['CALL', 'PHONE'], ['MEETING', 'IN_PERSON'], ['VISIT', 'VISIT'], ['SMS', 'SMS'], ['EMAIL', 'EMAIL'],
  ['TELEGRAM', 'TELEGRAM'], ['CANVASS', 'VISIT'], ['NOTE', 'OTHER'],
];
const OUTCOMES = ['REACHED', 'LEFT_MESSAGE', 'NOT_HOME', 'REFUSED', 'MOVED', 'WRONG_NUMBER', 'OTHER'];
const TYPE_ICONS = { CALL: '☎', SMS: '✉', EMAIL: '@', TELEGRAM: '➤', MEETING: '◉', VISIT: '⌂', CANVASS: '⌂', TRAINING: '★', NOTE: '✎' };
const ICONS = { INTERACTION: '☎', ATTENDANCE: '★', STATUS_CHANGE: '⇄', ORG_UNIT_CHANGE: '⌂', CONSENT_CHANGE: '✓', TASK: '▤' };

export class Timeline extends RosterElement {
  static extraAttributes = ['member-id', 'page-size'];

  constructor() {
    super();
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.more();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  async load() {
    this.generation = (this.generation || 0) + 1;
    this.items = [];
    this.cursor = null;
    this.done = false;
    this.error = null;
    this.busy = false;
    this.buildFrame();
    if (!this.getAttribute('member-id')) return;
    await this.more();
  }

  buildFrame() {
    const t = (k, p) => this.t(k, p);
    this.list = h('ol', { class: 'timeline', 'aria-label': t('timeline.title') });
    this.sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
    this.footer = h('div', { class: 'timeline-footer' });
    this.formSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    const type = h('select', { name: 'type', 'aria-label': t('log.type') }, TYPES.map(([k]) => h('option', { value: k }, t('enum.type.' + k))));
    const outcome = h('select', { name: 'outcome', 'aria-label': t('log.outcome') }, h('option', { value: '' }, t('log.noOutcome')), OUTCOMES.map((o) => h('option', { value: o }, t('enum.outcome.' + o))));
    const subject = h('input', { name: 'subject', type: 'text', maxlength: 300, placeholder: t('log.subject'), 'aria-label': t('log.subject') });
    const body = h('textarea', { name: 'body', rows: 2, maxlength: 10000, placeholder: t('log.body'), 'aria-label': t('log.body') });
    const button = h('button', { type: 'submit', class: 'primary' }, t('log.submit'));
    this.form = h(
      'form',
      {
        class: 'log-form',
        'aria-label': t('log.title'),
        onsubmit: async (e) => {
          e.preventDefault();
          button.disabled = true;
          const channel = TYPES.find(([k]) => k === type.value)[1];
          const draft = { memberId: this.getAttribute('member-id'), type: type.value, channel };
          if (outcome.value) draft.outcome = outcome.value;
          if (subject.value.trim()) draft.subject = subject.value.trim();
          if (body.value.trim()) draft.body = body.value;
          try {
            const res = await this.api('/api/v1/interactions', { method: 'POST', body: draft });
            subject.value = '';
            body.value = '';
            outcome.value = '';
            replace(this.formSlot, h('div', { class: 'notice', role: 'status' }, t('log.done')));
            this.emit('roster-interaction-logged', { memberId: draft.memberId, interactionId: res.data.id });
            await this.load();
          } catch (err) {
            this.showError(this.formSlot, err);
          } finally {
            button.disabled = false;
          }
        },
      },
      h('div', { class: 'row' }, type, outcome),
      subject,
      body,
      h('div', { class: 'row end' }, button),
    );
    replace(
      this.view,
      h(
        'section',
        { class: 'card', 'aria-label': t('timeline.title') },
        h('h2', { class: 'title' }, t('timeline.title')),
        this.getAttribute('member-id') ? [this.form, this.formSlot] : h('p', { class: 'muted' }, t('card.none')),
        this.list,
        this.footer,
        this.sentinel,
      ),
    );
    this.observer.disconnect();
    this.observer.observe(this.sentinel);
  }

  async more() {
    if (this.busy || this.done || !this.getAttribute('member-id')) return;
    this.busy = true;
    const generation = this.generation;
    replace(this.footer, loading(this));
    try {
      const size = Number(this.getAttribute('page-size')) || 20;
      const page = await this.get(
        '/api/v1/members/' + enc(this.getAttribute('member-id')) + '/timeline' + query({ limit: size, cursor: this.cursor }));
      if (generation !== this.generation) return; // reloaded meanwhile: this page belongs to the old list
      this.items.push(...page.items);
      for (const item of page.items) this.list.append(this.entry(item));
      this.cursor = page.nextCursor;
      this.done = !page.nextCursor;
      this.error = null;
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = e;
    }
    this.busy = false;
    this.renderFooter();
    // the observer reports changes only: while the end is still in view after a page, fetch the next one
    if (!this.done && !this.error && this.isConnected) {
      const r = this.sentinel.getBoundingClientRect();
      if (r.top < (window.innerHeight || 0) && r.bottom > 0) requestAnimationFrame(() => this.more());
    }
  }

  renderFooter() {
    const t = (k) => this.t(k);
    replace(
      this.footer,
      this.error ? this.errorBox(this.error) : null,
      !this.done ? h('button', { type: 'button', class: 'link', onclick: () => this.more() }, t('common.more')) : null,
      this.done && !this.items.length ? h('p', { class: 'muted' }, t('timeline.empty')) : null,
    );
  }

  entry(item) {
    const L = this.locale;
    const t = (k, p) => this.t(k, p);
    const d = item.data || {};
    let what;
    if (item.kind === 'INTERACTION') what = t('enum.type.' + item.type);
    else if (item.kind === 'ATTENDANCE') what = t('timeline.attendance', { status: t('enum.attendance.' + item.type) });
    else if (item.kind === 'STATUS_CHANGE') what = t('timeline.status', { from: d.from ? t('enum.status.' + d.from) : '—', to: t('enum.status.' + (d.to || item.type)) });
    else if (item.kind === 'CONSENT_CHANGE') what = t(d.granted ? 'timeline.consentGranted' : 'timeline.consentWithdrawn', { channel: t('enum.consentChannel.' + item.type) });
    else if (item.kind === 'TASK') what = t('timeline.task.' + item.type);
    else if (item.kind === 'ORG_UNIT_CHANGE') what = t('timeline.unit');
    else what = item.kind;
    // without a subject the server titles an interaction with its codes ("TELEGRAM · REACHED"); the head already says
    // that in the user's language
    const codeTitle = item.kind === 'INTERACTION' && (item.title === item.type || item.title === item.type + ' · ' + d.outcome);
    const showTitle = item.kind !== 'STATUS_CHANGE' && item.kind !== 'CONSENT_CHANGE' && !codeTitle;
    return h(
      'li',
      { class: 'entry kind-' + item.kind.toLowerCase() },
      h('span', { class: 'entry-icon', 'aria-hidden': 'true' }, (item.kind === 'INTERACTION' && TYPE_ICONS[item.type]) || ICONS[item.kind] || '•'),
      h(
        'div',
        { class: 'entry-body' },
        h(
          'div',
          { class: 'entry-head' },
          h('strong', null, what),
          item.channel && item.kind === 'INTERACTION' ? h('span', { class: 'muted' }, ' · ' + t('enum.channel.' + item.channel)) : null,
          d.outcome ? h('span', { class: 'badge small' }, t('enum.outcome.' + d.outcome)) : null,
        ),
        showTitle && item.title ? h('div', { class: 'entry-title' }, item.title) : null,
        h('time', { class: 'muted small', datetime: item.occurredAt }, formatDateTime(L, item.occurredAt)),
      ),
    );
  }

  render() {
    // a change of language rebuilds the frame and the entries already loaded
    const items = this.items || [];
    this.buildFrame();
    for (const item of items) this.list.append(this.entry(item));
    this.renderFooter();
  }
}

customElements.define('roster-timeline', Timeline);
