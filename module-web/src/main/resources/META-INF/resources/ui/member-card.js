// <roster-member-card member-id="…">: a member's profile, contact points as the caller may see them, consents,
// tags, the status change and the Telegram bot: whether the member's chat is linked and, for callers who may change
// the member, a single-use link code shown as text (never put into a URL).
import { h, replace } from './dom.js';
import { RosterElement, loading, enc } from './core.js';
import { formatDate, formatDateTime } from './i18n.js';

const NEXT_STATUS = {
  PROSPECT: ['SUPPORTER', 'VOLUNTEER', 'MEMBER', 'LEFT', 'DECEASED'],
  SUPPORTER: ['PROSPECT', 'VOLUNTEER', 'MEMBER', 'LEFT', 'DECEASED'],
  VOLUNTEER: ['PROSPECT', 'SUPPORTER', 'MEMBER', 'LEFT', 'DECEASED'],
  MEMBER: ['SUPPORTER', 'VOLUNTEER', 'SUSPENDED', 'LEFT', 'DECEASED'],
  SUSPENDED: ['MEMBER', 'LEFT', 'DECEASED'],
  LEFT: ['PROSPECT', 'SUPPORTER', 'VOLUNTEER', 'MEMBER', 'DECEASED'],
  DECEASED: ['PROSPECT', 'SUPPORTER', 'VOLUNTEER', 'MEMBER', 'SUSPENDED', 'LEFT'],
};

export class MemberCard extends RosterElement {
  static extraAttributes = ['member-id'];

  constructor() {
    super();
    // a contact logged anywhere on the page (the timeline beside it) changes the card's last contact
    this.onLogged = (e) => {
      if (e.detail && e.detail.memberId === this.getAttribute('member-id')) this.load();
    };
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('roster-interaction-logged', this.onLogged);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('roster-interaction-logged', this.onLogged);
  }

  async load() {
    const id = this.getAttribute('member-id');
    this.member = null;
    this.error = null;
    if (!id) {
      replace(this.view, h('p', { class: 'muted' }, this.t('card.none')));
      return;
    }
    replace(this.view, loading(this));
    const generation = (this.generation = (this.generation || 0) + 1);
    try {
      const res = await this.api('/api/v1/members/' + enc(id));
      if (generation !== this.generation) return; // a later load is under way
      this.member = res.data;
      this.unitName = null;
      this.telegram = null;
      this.linkCode = null;
      this.canLink = true;
      this.get('/api/v1/members/' + enc(id) + '/telegram-link')
        .then((link) => {
          if (generation !== this.generation) return;
          this.telegram = link;
          this.render();
        })
        .catch(() => {});
      this.get('/api/v1/org-units/' + enc(this.member.orgUnitId))
        .then((u) => {
          this.unitName = u.name;
          this.render();
        })
        .catch(() => {});
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = e;
    }
    this.render();
  }

  render() {
    const m = this.member;
    if (this.error && !m) {
      replace(this.view, this.errorBox(this.error));
      return;
    }
    if (!m) return;
    const L = this.locale;
    const t = (k, p) => this.t(k, p);
    this.message = h('div', { class: 'slot', 'aria-live': 'polite' });
    const initials = [m.givenName, m.familyName].filter(Boolean).map((x) => x[0]).join('').toUpperCase();
    const contacts = [
      ...(m.phones || []).map((p) => [t('card.phone'), p.number, p]),
      ...(m.emails || []).map((e) => [t('card.email'), e.address, e]),
      ...(m.telegramUsername ? [[t('card.telegram'), '@' + m.telegramUsername, {}]] : []),
      ...(m.addresses || []).map((a) => [
        t('card.address'),
        [a.postalCode, a.region, a.locality, a.street, a.building, a.apartment].filter(Boolean).join(', '),
        a,
      ]),
    ];
    const statusSelect = h(
      'select',
      { 'aria-label': t('card.newStatus'), id: 'status' },
      h('option', { value: '' }, t('card.chooseStatus')),
      (NEXT_STATUS[m.status] || []).map((s) => h('option', { value: s }, t('enum.status.' + s))),
    );
    const tagInput = h('input', { type: 'text', 'aria-label': t('card.newTag'), placeholder: t('card.newTag'), maxlength: 100 });
    replace(
      this.view,
      h(
        'article',
        { class: 'card member-card', 'aria-label': m.displayName },
        h(
          'header',
          { class: 'card-head' },
          h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials || '?'),
          h(
            'div',
            { class: 'grow' },
            h('h2', { class: 'title name' }, m.displayName),
            h(
              'div',
              { class: 'meta' },
              h('span', { class: 'badge status status-' + m.status.toLowerCase() }, t('enum.status.' + m.status)),
              m.supportLevel ? h('span', { class: 'badge' }, t('card.support', { n: m.supportLevel })) : null,
              m.membershipNumber ? h('span', { class: 'muted' }, '№ ' + m.membershipNumber) : null,
            ),
          ),
        ),
        h(
          'dl',
          { class: 'facts' },
          h('dt', null, t('card.unit')),
          h('dd', null, this.unitName || '…'),
          m.joinedOn ? [h('dt', null, t('card.joined')), h('dd', null, formatDate(L, m.joinedOn))] : null,
          m.birthDate ? [h('dt', null, t('card.birthDate')), h('dd', null, formatDate(L, m.birthDate))] : null,
          h('dt', null, t('card.lastContact')),
          h(
            'dd',
            null,
            m.contactFacts && m.contactFacts.lastContactAt
              ? formatDateTime(L, m.contactFacts.lastContactAt) +
                  (m.contactFacts.lastContactChannel ? ' · ' + t('enum.channel.' + m.contactFacts.lastContactChannel) : '')
              : t('card.never'),
          ),
        ),
        h('h3', { class: 'section' }, t('card.contacts')),
        contacts.length
          ? h(
              'ul',
              { class: 'contacts' },
              contacts.map(([kind, value, c]) =>
                h(
                  'li',
                  { class: c.status && c.status !== 'ACTIVE' ? 'stale' : null },
                  h('span', { class: 'muted kind' }, kind),
                  h('span', { class: 'value' }, value),
                  c.primary ? h('span', { class: 'badge small' }, t('card.primary')) : null,
                  c.status && c.status !== 'ACTIVE' ? h('span', { class: 'badge small warn' }, t('enum.contactStatus.' + c.status)) : null,
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('card.noContacts')),
        h('h3', { class: 'section' }, t('card.consents')),
        h(
          'ul',
          { class: 'chips', 'aria-label': t('card.consents') },
          ['TELEGRAM', 'EMAIL', 'SMS', 'PHONE', 'POST', 'VISIT'].map((ch) => {
            const consent = (m.consents || []).find((c) => c.channel === ch);
            const blocked = (m.doNotContact || []).includes(ch);
            const state = blocked ? 'blocked' : consent && consent.granted ? 'granted' : consent ? 'withdrawn' : 'unknown';
            return h(
              'li',
              { class: 'chip consent-' + state, title: t('card.consent.' + state) },
              h('span', { 'aria-hidden': 'true' }, { granted: '✓', withdrawn: '✕', blocked: '⛔', unknown: '–' }[state]),
              ' ',
              t('enum.consentChannel.' + ch),
              h('span', { class: 'visually-hidden' }, ': ' + t('card.consent.' + state)),
            );
          }),
        ),
        h('h3', { class: 'section' }, t('card.tags')),
        h(
          'ul',
          { class: 'chips tags' },
          (m.tags || []).map((tag) =>
            h(
              'li',
              { class: 'chip tag' },
              tag,
              h(
                'button',
                { class: 'chip-remove', type: 'button', 'aria-label': t('card.removeTag', { tag }), onclick: () => this.setTags(m.tags.filter((x) => x !== tag)) },
                '×',
              ),
            ),
          ),
        ),
        h(
          'form',
          { class: 'row', onsubmit: (e) => { e.preventDefault(); const v = tagInput.value.trim(); if (v) this.setTags([...(m.tags || []), v]); } },
          tagInput,
          h('button', { type: 'submit' }, t('card.addTag')),
        ),
        h('h3', { class: 'section' }, t('card.status')),
        h(
          'form',
          { class: 'row', onsubmit: (e) => { e.preventDefault(); if (statusSelect.value) this.change({ status: statusSelect.value }); } },
          statusSelect,
          h('button', { type: 'submit', class: 'primary' }, t('card.changeStatus')),
        ),
        this.telegramSection(),
        this.message,
      ),
    );
  }

  /** The bot: linked or not (hidden when the caller may not read it), and the link-code action. */
  telegramSection() {
    const link = this.telegram;
    if (!link) return null;
    const t = (k, p) => this.t(k, p);
    const code = this.linkCode;
    return h(
      'section',
      { class: 'telegram-link', 'aria-label': t('card.bot') },
      h('h3', { class: 'section' }, t('card.bot')),
      h(
        'p',
        { class: 'link-state' },
        h('span', { class: 'badge small' + (link.linked ? '' : ' warn') }, link.linked ? t('card.linked', { date: formatDateTime(this.locale, link.linkedAt) }) : t('card.notLinked')),
      ),
      this.canLink ? h('button', { type: 'button', class: 'link-code-button', onclick: () => this.createLinkCode() }, t('card.linkCode')) : null,
      code
        ? h(
            'div',
            { class: 'notice link-code', role: 'status' },
            h('p', null, t('card.codeHelp', { date: formatDateTime(this.locale, code.expiresAt) })),
            h('dl', { class: 'facts' }, h('dt', null, t('card.code')), h('dd', null, h('code', { class: 'code' }, code.code)), code.deepLink ? [h('dt', null, t('card.deepLink')), h('dd', null, h('code', { class: 'deep-link' }, code.deepLink))] : null),
          )
        : null,
    );
  }

  async createLinkCode() {
    try {
      const res = await this.api('/api/v1/members/' + enc(this.member.id) + '/telegram-link-codes', { method: 'POST' });
      this.linkCode = res.data;
      this.render();
    } catch (e) {
      if (e.status === 403) {
        this.canLink = false;
        this.render();
      }
      this.showError(this.message, e);
    }
  }

  setTags(tags) {
    return this.change({ tags: [...new Set(tags)] });
  }

  async change(patch) {
    const m = this.member;
    try {
      const res = await this.api('/api/v1/members/' + enc(m.id), {
        method: 'PATCH',
        body: patch,
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"' + m.version + '"' },
      });
      this.member = res.data;
      this.render();
      replace(this.message, h('div', { class: 'notice', role: 'status' }, this.t('card.saved')));
      this.emit('roster-member-changed', { memberId: m.id, version: res.data.version });
    } catch (e) {
      this.showError(this.message, e);
    }
  }
}

customElements.define('roster-member-card', MemberCard);
