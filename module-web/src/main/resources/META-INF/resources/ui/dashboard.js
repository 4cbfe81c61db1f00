// <roster-dashboard pipeline="onboarding" org-unit-id="…" months="12">: new members per month, contacts by
// channel, the pipeline funnel and the branch leaderboard, drawn as plain SVG (text nodes only) with a data table
// for screen readers.
import { h, s, replace } from './dom.js';
import { RosterElement, loading, enc, query } from './core.js';
import { formatNumber, formatPercent, localName, monthName } from './i18n.js';

function niceMax(v) {
  if (v <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return v;
}

export class Dashboard extends RosterElement {
  static extraAttributes = ['pipeline', 'org-unit-id', 'months'];

  async load() {
    replace(this.view, loading(this));
    const unit = this.getAttribute('org-unit-id');
    const pipeline = this.getAttribute('pipeline') || 'onboarding';
    const [report, metrics] = await Promise.allSettled([
      this.get('/api/v1/reports/dashboard' + query({ orgUnitId: unit, months: this.getAttribute('months') })),
      Promise.all([
        this.get('/api/v1/pipelines/' + enc(pipeline)),
        this.get('/api/v1/pipelines/' + enc(pipeline) + '/metrics' + query({ orgUnitId: unit })),
      ]),
    ]);
    this.report = report.status === 'fulfilled' ? report.value : null;
    this.reportError = report.status === 'rejected' ? report.reason : null;
    this.funnel = metrics.status === 'fulfilled' ? metrics.value : null;
    this.funnelError = metrics.status === 'rejected' ? metrics.reason : null;
    this.render();
  }

  render() {
    const t = (k, p) => this.t(k, p);
    if (!this.report && !this.reportError) return;
    const r = this.report;
    replace(
      this.view,
      h(
        'div',
        { class: 'dashboard' },
        this.reportError ? this.errorBox(this.reportError) : null,
        r ? this.panel(t('dash.newMembers'), this.monthsChart(r.newMembers)) : null,
        r ? this.panel(t('dash.channels'), this.channelsChart(r.contactsByChannel)) : null,
        this.panel(t('dash.funnel'), this.funnel ? this.funnelChart(...this.funnel) : this.funnelError ? this.errorBox(this.funnelError) : null),
        r ? this.panel(t('dash.leaderboard'), this.leaderboard(r.leaderboard)) : null,
      ),
    );
  }

  panel(title, body) {
    return h('section', { class: 'card panel', 'aria-label': title }, h('h2', { class: 'title' }, title), body);
  }

  /** A hidden table with the figures a chart shows, for screen readers. */
  table(caption, headers, rows) {
    return h(
      'table',
      { class: 'visually-hidden' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, headers.map((x) => h('th', null, x)))),
      h('tbody', null, rows.map((row) => h('tr', null, row.map((x) => h('td', null, x))))),
    );
  }

  monthsChart(months) {
    const t = (k, p) => this.t(k, p);
    const L = this.locale;
    const W = 640, H = 240, left = 40, bottom = 28, top = 12;
    const max = niceMax(Math.max(1, ...months.map((m) => Math.max(m.created, m.joined))));
    const slot = (W - left - 8) / months.length;
    const bar = Math.max(4, slot * 0.34);
    const y = (v) => top + (H - top - bottom) * (1 - v / max);
    const ticks = [0, max / 2, max];
    const total = months.reduce((a, m) => a + m.created, 0);
    return [
      h(
        'div',
        { class: 'legend' },
        h('span', { class: 'key key-1' }, t('dash.created')),
        h('span', { class: 'key key-2' }, t('dash.joined')),
        h('span', { class: 'muted small' }, t('dash.total', { n: formatNumber(L, total) })),
      ),
      s(
        'svg',
        { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': t('dash.newMembers') },
        ticks.map((v) => [
          s('line', { x1: left, x2: W - 4, y1: y(v), y2: y(v), class: 'grid' }),
          s('text', { x: left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, formatNumber(L, v)),
        ]),
        months.map((m, i) => {
          const x = left + slot * i + (slot - bar * 2 - 2) / 2;
          const label = monthName(L, m.month, months.length > 12);
          return s(
            'g',
            null,
            s('rect', { x, y: y(m.created), width: bar, height: y(0) - y(m.created), rx: 2, class: 'bar-1' }, s('title', null, label + ': ' + formatNumber(L, m.created))),
            s('rect', { x: x + bar + 2, y: y(m.joined), width: bar, height: y(0) - y(m.joined), rx: 2, class: 'bar-2' }, s('title', null, label + ': ' + formatNumber(L, m.joined))),
            i % Math.ceil(months.length / 12) === 0 ? s('text', { x: left + slot * i + slot / 2, y: H - 8, class: 'axis', 'text-anchor': 'middle' }, label) : null,
          );
        }),
      ),
      this.table(t('dash.newMembers'), [t('dash.month'), t('dash.created'), t('dash.joined')], months.map((m) => [monthName(L, m.month, true), m.created, m.joined])),
    ];
  }

  horizontalBars(rows, cls) {
    const L = this.locale;
    const W = 640, row = 30, labelW = 170;
    const max = Math.max(1, ...rows.map((r) => r.value));
    return s(
      'svg',
      { viewBox: `0 0 ${W} ${rows.length * row + 4}`, class: 'chart ' + (cls || ''), role: 'img' },
      rows.map((r, i) => {
        const w = ((W - labelW - 70) * r.value) / max;
        return s(
          'g',
          null,
          s('text', { x: labelW - 8, y: i * row + 20, class: 'label', 'text-anchor': 'end' }, r.label),
          s('rect', { x: labelW, y: i * row + 6, width: Math.max(2, w), height: row - 12, rx: 3, class: r.cls || 'bar-1' }, s('title', null, r.label + ': ' + formatNumber(L, r.value))),
          s('text', { x: labelW + Math.max(2, w) + 6, y: i * row + 20, class: 'value' }, r.text || formatNumber(L, r.value)),
        );
      }),
    );
  }

  channelsChart(channels) {
    const t = (k, p) => this.t(k, p);
    if (!channels.length) return h('p', { class: 'muted' }, t('dash.noData'));
    const rows = channels.map((c) => ({ label: t('enum.channel.' + c.channel), value: c.contacts }));
    const svg = this.horizontalBars(rows);
    svg.setAttribute('aria-label', t('dash.channels'));
    return [svg, this.table(t('dash.channels'), [t('dash.channel'), t('dash.contacts')], rows.map((r) => [r.label, r.value]))];
  }

  funnelChart(pipeline, metrics) {
    const t = (k, p) => this.t(k, p);
    const L = this.locale;
    const open = pipeline.stages.filter((st) => st.category !== 'DROPPED');
    const byKey = new Map(metrics.stages.map((m) => [m.stage, m]));
    const W = 640, row = 40;
    const max = Math.max(1, ...open.map((st) => (byKey.get(st.key) || {}).entered || 0));
    const rows = open.map((st) => {
      const m = byKey.get(st.key) || { entered: 0, cards: 0 };
      return { name: localName(L, st.names, st.key), entered: m.entered || 0, cards: m.cards || 0, conversion: m.conversion };
    });
    return [
      h('p', { class: 'muted small' }, localName(L, pipeline.names, pipeline.key) + ' · ' + t('dash.funnelHelp')),
      s(
        'svg',
        { viewBox: `0 0 ${W} ${rows.length * row + 4}`, class: 'chart funnel', role: 'img', 'aria-label': t('dash.funnel') },
        rows.map((r, i) => {
          const w = Math.max(24, ((W - 40) * r.entered) / max);
          return s(
            'g',
            null,
            s('rect', { x: (W - w) / 2, y: i * row + 4, width: w, height: row - 8, rx: 4, class: 'bar-f' + (i % 2) }, s('title', null, r.name + ': ' + formatNumber(L, r.entered))),
            s('text', { x: W / 2, y: i * row + row / 2 + 5, class: 'funnel-label', 'text-anchor': 'middle' },
              r.name + ' — ' + formatNumber(L, r.entered) + (r.conversion != null ? ' (' + formatPercent(L, r.conversion) + ')' : '')),
          );
        }),
      ),
      h('p', { class: 'muted small' }, t('dash.overdue', { n: formatNumber(L, metrics.overdue || 0) })),
      this.table(t('dash.funnel'), [t('task.stage'), t('dash.entered'), t('dash.now'), t('dash.conversion')], rows.map((r) => [r.name, r.entered, r.cards, r.conversion != null ? formatPercent(L, r.conversion) : '—'])),
    ];
  }

  leaderboard(units) {
    const t = (k, p) => this.t(k, p);
    const L = this.locale;
    if (!units.length) return h('p', { class: 'muted' }, t('dash.noData'));
    const max = Math.max(1, ...units.map((u) => u.contacts));
    return h(
      'table',
      { class: 'list leaderboard' },
      h('caption', { class: 'visually-hidden' }, t('dash.leaderboard')),
      h('thead', null, h('tr', null, h('th', { class: 'num' }, '#'), h('th', null, t('dash.branch')), h('th', null, t('dash.contacts')), h('th', { class: 'num hide-narrow' }, t('dash.newMembersShort')))),
      h(
        'tbody',
        null,
        units.map((u, i) =>
          h(
            'tr',
            null,
            h('td', { class: 'num' }, String(i + 1)),
            h('td', null, u.name),
            h(
              'td',
              null,
              h(
                'div',
                { class: 'meter' },
                s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'meter-bar', 'aria-hidden': 'true' }, s('rect', { x: 0, y: 0, width: (100 * u.contacts) / max, height: 10, rx: 2, class: 'bar-1' })),
                h('span', { class: 'num' }, formatNumber(L, u.contacts)),
              ),
            ),
            h('td', { class: 'num hide-narrow' }, formatNumber(L, u.newMembers)),
          ),
        ),
      ),
    );
  }
}

customElements.define('roster-dashboard', Dashboard);
