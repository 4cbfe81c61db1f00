// The standalone shell at /ui/: staff paste an API key or a staff token (kept in sessionStorage of this tab, never
// in the address), choose a language and a section. Everything else is the same elements a host embeds.
import { h, replace } from './dom.js';
import { configure } from './roster.js';
import { translate, normalizeLocale, localName, LOCALES } from './i18n.js';

const TOKEN_KEY = 'roster.token';
const LOCALE_KEY = 'roster.locale';
const SECTIONS = ['members', 'board', 'tasks', 'events', 'dashboard', 'broadcasts', 'knowledge'];
const LANGUAGE_NAMES = { ru: 'Русский', uk: 'Українська', en: 'English' };

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  locale: normalizeLocale(sessionStorage.getItem(LOCALE_KEY) || navigator.language),
  section: SECTIONS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'members',
  memberId: null,
  search: null,
  pipeline: null,
  pipelines: null,
};
const app = document.getElementById('app');
const t = (k, p) => translate(state.locale, k, p);

function setLocale(locale) {
  state.locale = locale;
  sessionStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  configure({ locale });
  render();
}

function signIn(token) {
  state.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
  configure({ token, locale: state.locale });
  render();
}

function signOut() {
  state.token = null;
  state.pipelines = null;
  state.search = null;
  state.memberId = null;
  sessionStorage.removeItem(TOKEN_KEY);
  configure({ token: null });
  render();
}

function signInForm() {
  const input = h('input', { type: 'password', id: 'token', autocomplete: 'off', spellcheck: 'false', required: true });
  return h(
    'main',
    { class: 'signin' },
    h(
      'form',
      { class: 'panel', onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) signIn(input.value.trim()); } },
      h('h1', null, 'Roster'),
      h('label', { for: 'token' }, t('shell.token')),
      input,
      h('p', { class: 'hint' }, t('shell.tokenHelp')),
      h('button', { type: 'submit', class: 'primary' }, t('shell.signIn')),
    ),
  );
}

async function loadPipelines() {
  try {
    const res = await fetch('/api/v1/pipelines?limit=100', {
      headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' },
      cache: 'no-store',
    });
    state.pipelines = res.ok ? (await res.json()).items : [];
  } catch (e) {
    state.pipelines = [];
  }
  if (!state.pipeline && state.pipelines.length) state.pipeline = state.pipelines[0].key;
  render();
}

function content() {
  switch (state.section) {
    case 'members': {
      // one search element for the session, so its results survive opening a member
      if (!state.search) {
        state.search = h('roster-member-search');
        state.search.addEventListener('roster-member-open', (e) => {
          state.memberId = e.detail.memberId;
          render();
        });
      }
      if (!state.memberId) return h('div', { class: 'single' }, state.search);
      return h(
        'div',
        { class: 'split' },
        h(
          'div',
          null,
          h('button', { type: 'button', class: 'back', onclick: () => { state.memberId = null; render(); } }, '← ' + t('shell.back')),
          h('roster-member-card', { 'member-id': state.memberId }),
        ),
        h('roster-timeline', { 'member-id': state.memberId }),
      );
    }
    case 'board':
    case 'dashboard': {
      if (state.pipelines === null) {
        loadPipelines();
        return h('p', null, t('common.loading'));
      }
      const select = h(
        'select',
        { 'aria-label': t('shell.pipeline'), onchange: (e) => { state.pipeline = e.target.value; render(); } },
        state.pipelines.map((p) => h('option', { value: p.key, selected: p.key === state.pipeline }, localName(state.locale, p.names, p.key))),
      );
      const element = state.section === 'board'
        ? h('roster-pipeline-board', { pipeline: state.pipeline })
        : h('roster-dashboard', { pipeline: state.pipeline || 'onboarding' });
      return h('div', null, h('div', { class: 'toolbar' }, h('label', null, t('shell.pipeline'), ' ', select)), element);
    }
    case 'tasks':
      return h('div', { class: 'single' }, h('roster-my-tasks'));
    case 'events':
      return h('div', { class: 'single' }, h('roster-attendance-sheet'));
    case 'broadcasts': {
      // a delivery's "profile" opens the member in the members section
      const el = h('roster-broadcasts');
      el.addEventListener('roster-member-open', (e) => {
        state.memberId = e.detail.memberId;
        location.hash = '#members';
      });
      return h('div', { class: 'single' }, el);
    }
    case 'knowledge':
      return h('div', { class: 'single' }, h('roster-knowledge-base'));
    default:
      return null;
  }
}

function render() {
  document.documentElement.lang = state.locale;
  if (!state.token) {
    replace(app, header(false), signInForm());
    return;
  }
  replace(
    app,
    header(true),
    h(
      'nav',
      { class: 'tabs', 'aria-label': t('shell.nav') },
      SECTIONS.map((s) =>
        h('a', { href: '#' + s, 'aria-current': s === state.section ? 'page' : null, 'data-section': s }, t('shell.' + s)),
      ),
    ),
    h('main', { id: 'main' }, content()),
  );
}

function header(signedIn) {
  return h(
    'header',
    { class: 'top' },
    h('span', { class: 'brand' }, 'Roster'),
    h('span', { class: 'spacer' }),
    h(
      'label',
      { class: 'lang' },
      h('span', { class: 'visually-hidden' }, t('shell.language')),
      h(
        'select',
        { id: 'locale', 'aria-label': t('shell.language'), onchange: (e) => setLocale(e.target.value) },
        LOCALES.map((l) => h('option', { value: l, selected: l === state.locale }, LANGUAGE_NAMES[l])),
      ),
    ),
    signedIn ? h('button', { type: 'button', onclick: signOut }, t('shell.signOut')) : null,
  );
}

window.addEventListener('hashchange', () => {
  const s = location.hash.slice(1);
  if (SECTIONS.includes(s)) {
    state.section = s;
    render();
  }
});

configure({ token: state.token, locale: state.locale });
render();
