// What every page shares: the header (who is signed in, language switch, sign out), the role check, small DOM
// helpers, time formatting and showing API problems next to the field at fault.
import { currentUser, signIn, signOut } from '/auth.js';
import { applyTranslations, language, label, setLanguage, t } from '/i18n.js';

/**
 * Prepares the page. Without a valid token the browser goes to the sign-in first (and comes back here); with a
 * token but none of the roles, the page says so. Returns the signed-in user, or null.
 */
export async function startPage(roles) {
  applyTranslations();
  const toggle = document.getElementById('language');
  if (toggle) {
    const showToggle = () => {
      const other = language() === 'nl' ? 'en' : 'nl';
      toggle.textContent = t('common.switchTo');
      toggle.lang = other;
    };
    showToggle();
    toggle.addEventListener('click', () => {
      setLanguage(language() === 'nl' ? 'en' : 'nl');
      showToggle();
    });
  }
  if (!roles) return currentUser();
  const user = currentUser();
  if (!user) {
    await signIn(location.pathname + location.search);
    return null;
  }
  const who = document.getElementById('who');
  if (who) who.textContent = user.name || user.id;
  const out = document.getElementById('sign-out');
  if (out) {
    out.hidden = false;
    out.addEventListener('click', signOut);
  }
  if (!user.roles.some(role => roles.includes(role))) {
    document.getElementById('no-access').hidden = false;
    return null;
  }
  document.getElementById('content').hidden = false;
  return user;
}

/** Creates an element: el('td', {class: 'x', dataset: {id: 1}}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'text') element.textContent = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const ZONE = 'Europe/Amsterdam';

export function formatDateTime(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  }).format(new Date(value));
}

export function formatDate(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(value));
}

/** A <time> element with the date and time in Dutch (or English) notation. */
export function timeElement(value) {
  if (!value) return '';
  return el('time', { datetime: new Date(value).toISOString() }, formatDateTime(value));
}

export function duration(milliseconds) {
  const minutes = Math.max(0, Math.round(milliseconds / 60000));
  if (minutes < 60) return t('common.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('common.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('common.days', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) });
}

/** "nog 12 min" / "verlopen 3 min" for a deadline. */
export function deadlineText(deadline) {
  const left = new Date(deadline).getTime() - Date.now();
  return left >= 0 ? t('common.dueIn', { left: duration(left) }) : t('common.overdue', { ago: duration(-left) });
}

/** The value for an <input type="datetime-local"> showing this moment in the browser's time zone. */
export function localInputValue(date = new Date()) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

/**
 * An ISO instant from an <input type="datetime-local"> value, or null. The input has minutes only: a value in the
 * current minute means "now", so it is sent with the seconds of now (and orders correctly after earlier events).
 */
export function instantFrom(value) {
  if (!value) return null;
  const chosen = new Date(value);
  const now = new Date();
  if (now.getTime() - chosen.getTime() >= 0 && now.getTime() - chosen.getTime() < 60000) return now.toISOString();
  return chosen.toISOString();
}

export function levelBadge(level) {
  if (!level) return el('span', { class: 'muted' }, '–');
  return el('span', { class: 'level level-' + level }, label('risk', level));
}

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** Trimmed value of a form field, or null when empty. */
export function value(form, name) {
  const field = form.elements[name];
  if (!field) return null;
  const text = (field.value ?? '').trim();
  return text === '' ? null : text;
}

export function checkedValues(form, name) {
  return Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map(input => input.value);
}

/** Lines of a textarea, empty ones left out. */
export function lines(form, name) {
  return (form.elements[name]?.value || '').split('\n').map(line => line.trim()).filter(Boolean);
}

/** Clears earlier error marks of a form. */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach(field => {
    field.removeAttribute('aria-invalid');
    const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(id => !id.endsWith('-problem'));
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.field-problem').forEach(p => p.remove());
  const summary = form.querySelector('.form-error');
  if (summary) summary.textContent = '';
}

/**
 * Shows an API error in the form: the problem's field gets aria-invalid and the message right below it, and the
 * form's error summary (role=alert) says what went wrong. The field is focused.
 */
export function showError(form, error) {
  clearErrors(form);
  const problem = error.problem || {};
  const fieldName = problem.field || (problem.errors && problem.errors[0] && problem.errors[0].field);
  const message = (problem.errors && problem.errors[0] && problem.errors[0].message) || problem.detail || error.message;
  const summary = form.querySelector('.form-error');
  let field = null;
  if (fieldName) {
    const base = String(fieldName).replace(/\[\d+\]$/, '');
    field = form.querySelector('[name="' + base + '"]') || form.querySelector('[data-field="' + base + '"]')
      || form.querySelector('[name="' + base.split('.').pop() + '"]');
  }
  if (field) {
    const target = field.matches('fieldset') ? field : field;
    const id = (target.id || target.name || 'field') + '-problem';
    const note = el('p', { class: 'field-problem error', id }, message);
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', ((target.getAttribute('aria-describedby') || '') + ' ' + id).trim());
    (target.closest('.field') || target).after(note);
    const legendOrLabel = target.matches('fieldset') ? target.querySelector('legend')
      : form.querySelector('label[for="' + target.id + '"]');
    const name = legendOrLabel ? legendOrLabel.textContent.trim() : fieldName;
    if (summary) summary.textContent = t('common.fieldError', { field: name, message });
    (target.matches('fieldset') ? target.querySelector('input, select, textarea') : target)?.focus();
  } else if (summary) {
    summary.textContent = t('common.error', { message });
  }
}

/** Says something politely to screen readers (and shows it) in the element with this id. */
export function announce(id, text) {
  const region = document.getElementById(id);
  if (!region) return;
  region.textContent = '';
  // a fresh text node so that repeated messages are announced again
  setTimeout(() => { region.textContent = text; }, 50);
}

/** Options for a <select> from enum values, with an optional empty first choice. */
export function options(select, group, values, emptyText) {
  const selected = select.value;
  select.replaceChildren();
  if (emptyText !== undefined) select.append(el('option', { value: '' }, emptyText));
  for (const v of values) select.append(el('option', { value: v }, label(group, v)));
  if (selected) select.value = selected;
}

/** Checkboxes (or radios) in a container, one per enum value. */
export function choices(container, type, name, group, values, prefix) {
  const checked = new Set(Array.from(container.querySelectorAll('input:checked')).map(i => i.value));
  container.replaceChildren();
  for (const v of values) {
    const id = prefix + '-' + v;
    container.append(el('div', { class: 'choice' },
      el('input', { type, name, value: v, id, checked: checked.has(v) }),
      el('label', { for: id }, label(group, v))));
  }
}

export const RISK_LEVELS = ['GREEN', 'ORANGE', 'RED'];
export const RISK_INDICATORS = ['UNDER_13', 'OUT_OF_CHARACTER', 'SIGNS_OF_CRIME', 'DISABILITY', 'ACUTE_MEDICAL_NEED',
  'WITH_CRIMINALS_OR_EXPLOITER', 'SEXUAL_EXPLOITATION', 'SUICIDAL_INTENT', 'DANGER_TO_OTHERS'];
