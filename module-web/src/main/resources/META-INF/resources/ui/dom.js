// The only way Roster's UI builds DOM: elements, attributes and text nodes. Data is never parsed as HTML, so a
// member named <img src=x onerror=alert(1)> is text. Event handlers are attached only from functions.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2).toLowerCase(), value);
      } else if (name.startsWith('on')) {
        throw new Error('event handlers must be functions');
      } else if (name === 'class' || name === 'className') {
        el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
      } else if (name === 'checked' || name === 'value' || name === 'selected' || name === 'disabled') {
        el[name] = value;
        if (name !== 'value' && value === true) el.setAttribute(name, '');
      } else if (name === 'dataset') {
        for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
      } else {
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('button', {class: 'primary', onclick: fn}, 'Save'). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces the children of a node. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
