// Shared machinery of the staff UI: configuration from the host, API calls, errors as readable text, the base class
// of every element (Shadow DOM, theme stylesheet, locale).
import { h, replace } from './dom.js';
import { translate, normalizeLocale, problemText } from './i18n.js';

const STYLESHEET = new URL('./roster.css', import.meta.url).href;
const DEFAULT_BASE = new URL('..', import.meta.url).href.replace(/\/$/, '');

/** Page-wide settings a host may give once instead of on every element. */
const settings = { baseUrl: null, token: null, tokenProvider: null, locale: null };
const elements = new Set();

/**
 * Sets page-wide defaults: {baseUrl, token, tokenProvider, locale}. Attributes and properties of an element win over
 * them. Every connected element reloads.
 */
export function configure(options) {
  Object.assign(settings, options || {});
  for (const el of elements) el.configChanged();
}

/** An API error: status, the problem document (if any) and a readable message in the element's language. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export class RosterElement extends HTMLElement {
  static get observedAttributes() {
    return ['base-url', 'token', 'locale', ...(this.extraAttributes || [])];
  }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET });
    this.view = h('div', { class: 'roster', part: 'root' });
    this.root.append(link, this.view);
    this._tokenProvider = null;
    this._token = null;
  }

  connectedCallback() {
    elements.add(this);
    this.view.lang = this.locale;
    this.load();
  }

  disconnectedCallback() {
    elements.delete(this);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'locale') {
      this.view.lang = this.locale;
      this.render();
    } else {
      this.load();
    }
  }

  configChanged() {
    this.view.lang = this.locale;
    this.load();
  }

  /** A function (sync or async) returning the current token; called before each request, and again after a 401. */
  get tokenProvider() {
    return this._tokenProvider;
  }

  set tokenProvider(fn) {
    this._tokenProvider = fn;
    if (this.isConnected) this.load();
  }

  get token() {
    return this._token;
  }

  set token(value) {
    this._token = value;
    if (this.isConnected) this.load();
  }

  get baseUrl() {
    return (this.getAttribute('base-url') || settings.baseUrl || DEFAULT_BASE).replace(/\/$/, '');
  }

  /** The host's locale wins: the attribute, then configure(), then the host page's lang, then the browser. */
  get locale() {
    return normalizeLocale(
      this.getAttribute('locale') || settings.locale || document.documentElement.lang || navigator.language);
  }

  t(key, params) {
    return translate(this.locale, key, params);
  }

  async currentToken(refresh) {
    const provider = this._tokenProvider || settings.tokenProvider;
    if (provider) return provider({ refresh: !!refresh });
    return this._token || this.getAttribute('token') || settings.token;
  }

  /** Calls the API: JSON in and out; throws ApiError with a readable message on failure. */
  async api(path, { method = 'GET', body, headers = {}, retried = false } = {}) {
    const token = await this.currentToken(retried);
    const h2 = { Accept: 'application/json', 'Accept-Language': this.locale, ...headers };
    if (token) h2.Authorization = 'Bearer ' + token;
    if (body !== undefined && !h2['Content-Type']) h2['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers: h2,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, null, this.t('error.network'));
    }
    if (res.status === 401 && !retried && (this._tokenProvider || settings.tokenProvider)) {
      return this.api(path, { method, body, headers, retried: true });
    }
    const text = await res.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = null;
      }
    }
    if (!res.ok) {
      throw new ApiError(res.status, json, problemText(this.locale, res.status, json));
    }
    return { status: res.status, etag: res.headers.get('ETag'), data: json };
  }

  /** GET returning the JSON body. */
  async get(path) {
    return (await this.api(path)).data;
  }

  /** An alert box with an error's readable text (never raw JSON). */
  errorBox(error) {
    const message = error instanceof ApiError ? error.message : this.t('error.unexpected');
    return h('div', { class: 'alert', role: 'alert' }, message);
  }

  /** Shows an error in a slot element, or clears it. */
  showError(slot, error) {
    replace(slot, error ? this.errorBox(error) : null);
  }

  /** Fires a bubbling, composed event the host can listen to. */
  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Subclasses fetch what they show, then render. */
  load() {
    this.render();
  }

  render() {}
}

/** A loading placeholder. */
export function loading(el) {
  return h('div', { class: 'muted loading', role: 'status' }, el.t('common.loading'));
}

/** Query string from an object, leaving out empty values; ids, enums and numbers only (never personal data). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, item);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** A UUID, for the id attributes a component may take from the host (nothing else goes into a path). */
export function enc(id) {
  return encodeURIComponent(id);
}

/** The units at the top of the caller's scope (the org tree's roots for an unrestricted caller), at most 100. */
export async function scopeUnits(el) {
  const page = await el.get('/api/v1/org-units?limit=100');
  return page.items || [];
}

/** A select of the caller's top units (the first chosen), for forms that create something owned by a unit. */
export function unitSelect(el, units, name, extra) {
  return h(
    'select',
    { name, 'aria-label': el.t('unit.label') },
    extra || null,
    units.map((u) => h('option', { value: u.id }, u.name)),
  );
}
