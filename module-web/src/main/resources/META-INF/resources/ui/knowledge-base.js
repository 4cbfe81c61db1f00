// <roster-knowledge-base org-unit-id="…">: the Telegram bot's knowledge base — entries with question variants and
// answers per language (list in keyset pages, create, edit, delete), "try a question" as a member of a unit would
// ask it (the question goes in a POST body, never in a URL), and the typical questions of the last 30 days: the
// most asked entries and the most frequent unanswered questions, as SVG bars with the figures as text.
import { h, s, replace } from './dom.js';
import { RosterElement, loading, enc, query, scopeUnits } from './core.js';
import { formatNumber, formatPercent, LOCALES } from './i18n.js';

const DAY = 24 * 3600 * 1000;

export class KnowledgeBase extends RosterElement {
  static extraAttributes = ['org-unit-id', 'page-size'];

  get pageSize() {
    return Number(this.getAttribute('page-size')) || 25;
  }

  async load() {
    this.editing = null;
    replace(this.view, loading(this));
    const generation = (this.generation = (this.generation || 0) + 1);
    const unit = this.getAttribute('org-unit-id');
    const now = new Date();
    const [page, stats, units] = await Promise.allSettled([
      this.get('/api/v1/knowledge-base/entries' + query({ orgUnitId: unit, limit: this.pageSize })),
      this.get('/api/v1/knowledge-base/statistics' + query({ from: new Date(now.getTime() - 30 * DAY).toISOString(), to: now.toISOString(), orgUnitId: unit, limit: 10 })),
      unit ? Promise.resolve([]) : scopeUnits(this),
    ]);
    if (generation !== this.generation) return;
    this.entries = page.status === 'fulfilled' ? page.value.items : [];
    this.cursor = page.status === 'fulfilled' ? page.value.nextCursor : null;
    this.error = page.status === 'rejected' ? page.reason : null;
    this.stats = stats.status === 'fulfilled' ? stats.value : null;
    this.statsError = stats.status === 'rejected' ? stats.reason : null;
    this.units = units.status === 'fulfilled' ? units.value : [];
    this.render();
  }

  async more() {
    try {
      const page = await this.get('/api/v1/knowledge-base/entries' + query({ orgUnitId: this.getAttribute('org-unit-id'), limit: this.pageSize, cursor: this.cursor }));
      this.entries.push(...page.items);
      this.cursor = page.nextCursor;
    } catch (e) {
      this.error = e;
    }
    this.render();
  }

  render() {
    if (!this.entries) return;
    const t = (k, p) => this.t(k, p);
    this.formSlot = h('div', { class: 'slot', 'aria-live': 'polite' });
    replace(
      this.view,
      h(
        'div',
        { class: 'knowledge-base' },
        h(
          'section',
          { class: 'card kb-entries', 'aria-label': t('kb.title') },
          h('h2', { class: 'title' }, t('kb.title')),
          this.error ? this.errorBox(this.error) : null,
          this.entryForm(),
          this.formSlot,
          this.entries.length
            ? h('ul', { class: 'kb-list' }, this.entries.map((e) => this.entryItem(e)))
            : this.error
              ? null
              : h('p', { class: 'muted' }, t('kb.empty')),
          this.cursor ? h('button', { type: 'button', class: 'link', onclick: () => this.more() }, t('common.more')) : null,
        ),
        this.trySection(),
        this.statsSection(),
      ),
    );
  }

  entryItem(e) {
    const t = (k, p) => this.t(k, p);
    const answer = e.answers[this.locale] || e.answers.ru || e.answers.uk || e.answers.en || '';
    return h(
      'li',
      { class: 'kb-entry', dataset: { id: e.id } },
      h('ul', { class: 'kb-questions' }, e.questions.map((q) => h('li', { lang: q.language }, h('span', { class: 'badge small' }, q.language), ' ', q.text))),
      h('p', { class: 'muted small pre' }, answer),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'link kb-edit', onclick: () => { this.editing = e; this.render(); this.shadowRoot.querySelector('details.kb-form summary').focus(); } }, t('common.edit')),
        h('button', { type: 'button', class: 'link kb-delete', onclick: () => this.remove(e) }, t('common.delete')),
      ),
    );
  }

  /** The create / edit form: question variants (text + language, add and remove) and an answer per language. */
  entryForm() {
    const t = (k, p) => this.t(k, p);
    const e = this.editing;
    const questions = e ? e.questions.map((q) => ({ ...q })) : [{ language: this.locale, text: '' }];
    const list = h('ol', { class: 'kb-question-inputs' });
    const draw = () => {
      replace(
        list,
        questions.map((q, i) =>
          h(
            'li',
            { class: 'row' },
            h('select', { 'aria-label': t('kb.questionLanguage', { n: i + 1 }), name: 'questionLanguage', onchange: (ev) => { q.language = ev.target.value; } }, LOCALES.map((l) => h('option', { value: l, selected: q.language === l }, t('enum.language.' + l)))),
            h('input', { type: 'text', name: 'question', maxlength: 500, value: q.text, lang: q.language, 'aria-label': t('kb.question', { n: i + 1 }), oninput: (ev) => { q.text = ev.target.value; } }),
            questions.length > 1 ? h('button', { type: 'button', class: 'icon', 'aria-label': t('kb.removeQuestion', { n: i + 1 }), onclick: () => { questions.splice(i, 1); draw(); } }, '×') : null,
          ),
        ),
      );
    };
    draw();
    const answers = {};
    const unitSel = !e && !this.getAttribute('org-unit-id')
      ? h('select', { name: 'unit', 'aria-label': this.t('unit.label') }, (this.units || []).map((u) => h('option', { value: u.id }, u.name)), h('option', { value: '' }, t('kb.wholeOrg')))
      : null;
    const form = h(
      'form',
      {
        class: 'stack',
        onsubmit: (ev) => {
          ev.preventDefault();
          const a = {};
          for (const l of LOCALES) if (answers[l].value.trim()) a[l] = answers[l].value;
          const body = { questions: questions.filter((q) => q.text.trim()).map((q) => ({ language: q.language, text: q.text })), answers: a };
          if (!e) body.orgUnitId = this.getAttribute('org-unit-id') || (unitSel ? unitSel.value || null : null);
          this.save(body);
        },
      },
      unitSel ? h('label', { class: 'field' }, h('span', null, t('unit.label')), unitSel) : null,
      h('fieldset', null, h('legend', null, t('kb.questions')), list, h('button', { type: 'button', class: 'link', onclick: () => { questions.push({ language: this.locale, text: '' }); draw(); list.querySelector('li:last-child input').focus(); } }, t('kb.addQuestion'))),
      h(
        'fieldset',
        null,
        h('legend', null, t('kb.answers')),
        LOCALES.map((l) => {
          answers[l] = h('textarea', { name: 'answer-' + l, lang: l, rows: 3, maxlength: 4000 });
          answers[l].value = e && e.answers[l] ? e.answers[l] : '';
          return h('label', { class: 'field' }, h('span', null, t('kb.answer', { lang: t('enum.language.' + l) })), answers[l]);
        }),
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, t('kb.save')),
        e ? h('button', { type: 'button', onclick: () => { this.editing = null; this.render(); } }, t('common.cancel')) : null,
      ),
    );
    return h('details', { class: 'bulk kb-form', open: e ? true : null }, h('summary', null, e ? t('kb.editing') : t('kb.new')), form);
  }

  async save(body) {
    const e = this.editing;
    try {
      const res = e
        ? await this.api('/api/v1/knowledge-base/entries/' + enc(e.id), { method: 'PATCH', body, headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"' + e.version + '"' } })
        : await this.api('/api/v1/knowledge-base/entries', { method: 'POST', body });
      this.entries = [res.data, ...this.entries.filter((x) => x.id !== res.data.id)];
      this.editing = null;
      this.render();
      replace(this.formSlot, h('div', { class: 'notice', role: 'status' }, this.t('kb.saved')));
      this.emit('roster-knowledge-changed', { entryId: res.data.id });
    } catch (err) {
      this.showError(this.formSlot, err);
    }
  }

  async remove(e) {
    try {
      await this.api('/api/v1/knowledge-base/entries/' + enc(e.id), { method: 'DELETE', headers: { 'If-Match': '"' + e.version + '"' } });
      this.entries = this.entries.filter((x) => x.id !== e.id);
      if (this.editing && this.editing.id === e.id) this.editing = null;
      this.render();
      replace(this.formSlot, h('div', { class: 'notice', role: 'status' }, this.t('kb.deleted')));
      this.emit('roster-knowledge-changed', { entryId: e.id });
    } catch (err) {
      this.showError(this.formSlot, err);
    }
  }

  trySection() {
    const t = (k, p) => this.t(k, p);
    const input = h('input', { type: 'search', name: 'ask', autocomplete: 'off', maxlength: 500, placeholder: t('kb.askPlaceholder'), 'aria-label': t('kb.try') });
    this.trySlot = h('div', { class: 'slot kb-result', 'aria-live': 'polite' });
    return h(
      'section',
      { class: 'card kb-try', 'aria-label': t('kb.try') },
      h('h2', { class: 'title' }, t('kb.try')),
      h(
        'form',
        { class: 'row', role: 'search', onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) this.ask(input.value); } },
        input,
        h('button', { type: 'submit', class: 'primary' }, t('kb.ask')),
      ),
      this.trySlot,
    );
  }

  async ask(text) {
    const t = (k, p) => this.t(k, p);
    replace(this.trySlot, loading(this));
    try {
      const unit = this.getAttribute('org-unit-id') || (this.units && this.units[0] ? this.units[0].id : null);
      const res = await this.api('/api/v1/knowledge-base/matches', { method: 'POST', body: { text, orgUnitId: unit } });
      const m = res.data;
      replace(
        this.trySlot,
        h('p', { class: 'kb-decision decision-' + m.decision.toLowerCase() }, t('kb.decision.' + m.decision)),
        m.candidates.length
          ? h(
              'table',
              { class: 'list kb-candidates' },
              h('thead', null, h('tr', null, h('th', null, t('kb.entry')), h('th', { class: 'num' }, t('kb.confidence')))),
              h('tbody', null, m.candidates.map((c) => h('tr', null, h('td', null, c.question), h('td', { class: 'num' }, formatPercent(this.locale, c.confidence))))),
            )
          : null,
      );
    } catch (e) {
      this.showError(this.trySlot, e);
    }
  }

  statsSection() {
    const t = (k, p) => this.t(k, p);
    const st = this.stats;
    return h(
      'section',
      { class: 'card kb-stats', 'aria-label': t('kb.stats') },
      h('h2', { class: 'title' }, t('kb.stats')),
      this.statsError ? this.errorBox(this.statsError) : null,
      st ? h('p', { class: 'muted' }, t('kb.asked', { n: formatNumber(this.locale, st.asked) }) + ', ' + t('kb.answered', { n: formatNumber(this.locale, st.answered) })) : null,
      st && !st.asked ? h('p', { class: 'muted' }, t('kb.noData')) : null,
      st && st.topEntries.length ? this.bars(t('kb.top'), st.topEntries.map((x) => [x.question, x.count]), 'top') : null,
      st && st.unanswered.length ? this.bars(t('kb.unanswered'), st.unanswered.map((x) => [x.text, x.count]), 'unanswered') : null,
    );
  }

  /** A small table whose count column carries an SVG bar; every figure is also text. */
  bars(caption, rows, kind) {
    const max = Math.max(1, ...rows.map((r) => r[1]));
    return h(
      'table',
      { class: 'list kb-bars kb-' + kind },
      h('caption', null, caption),
      h('thead', null, h('tr', null, h('th', null, this.t('kb.question', { n: '' }).trim()), h('th', null, this.t('kb.count')))),
      h(
        'tbody',
        null,
        rows.map(([text, n]) =>
          h(
            'tr',
            null,
            h('td', null, text),
            h(
              'td',
              null,
              h(
                'div',
                { class: 'meter' },
                s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'meter-bar', 'aria-hidden': 'true' }, s('rect', { x: 0, y: 0, width: (100 * n) / max, height: 10, rx: 2, class: kind === 'top' ? 'bar-1' : 'bar-2' })),
                h('span', { class: 'num' }, formatNumber(this.locale, n)),
              ),
            ),
          ),
        ),
      ),
    );
  }
}

customElements.define('roster-knowledge-base', KnowledgeBase);
