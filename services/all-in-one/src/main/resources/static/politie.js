// Police liaison: the unit's alerts live (server-sent events, no refresh needed), acknowledge, report found, read
// the personal data (audited) and download the CAP message. Cancelled alerts move to "cancelled" at once.
import { api, token } from '/auth.js';
import { define, label, onLanguageChange, t } from '/i18n.js';
import {
  announce, clearErrors, deadlineText, duration, el, formatDate, formatDateTime, instantFrom, levelBadge, localInputValue, newKey,
  showError, startPage, timeElement, value,
} from '/page.js';

define({
  'police.pageTitle': ['Live meldingen – Vermissing uit jeugdhulp', 'Live alerts – Children missing from youth care'],
  'police.title': ['Live meldingen van uw eenheid', 'Live alerts for your unit'],
  'police.connecting': ['Verbinden met de live feed…', 'Connecting to the live feed…'],
  'police.live': ['Live: nieuwe meldingen verschijnen vanzelf.', 'Live: new alerts appear by themselves.'],
  'police.reconnecting': ['Verbinding onderbroken; opnieuw verbinden…', 'Connection interrupted; reconnecting…'],
  'police.active': ['Actieve meldingen', 'Active alerts'],
  'police.noActive': ['Geen actieve meldingen.', 'No active alerts.'],
  'police.closed': ['Ingetrokken meldingen', 'Cancelled alerts'],
  'police.noClosed': ['Geen ingetrokken meldingen.', 'No cancelled alerts.'],
  'police.stateActive': ['Actief', 'Active'],
  'police.stateCancelled': ['Ingetrokken: de jongere is terug of de melding was onterecht', 'Cancelled: the youth is back or the report was made in error'],
  'police.found': ['Gevonden gemeld', 'Reported found'],
  'police.stage': ['Soort bericht', 'Message'],
  'police.stage.CONSULTATION': ['Raadpleging (zonder persoonsgegevens)', 'Consultation (no personal data)'],
  'police.stage.MISSING_REPORT': ['Vermissingsmelding', 'Missing report'],
  'police.stage.UPDATE': ['Aanvulling', 'Update'],
  'police.stage.CANCEL': ['Intrekking', 'Cancellation'],
  'police.sent': ['Verzonden', 'Sent'],
  'police.age': ['Leeftijd', 'Age'],
  'police.placement': ['Plaatsing', 'Placement'],
  'police.region': ['Regio', 'Region'],
  'police.missingFor': ['Vermist bij verzending', 'Missing when sent'],
  'police.risk': ['Risico', 'Risk'],
  'police.indicators': ['Risico-indicatoren', 'Risk indicators'],
  'police.acknowledgement': ['Bevestiging', 'Acknowledgement'],
  'police.ack.PENDING': ['Wacht op bevestiging, uiterlijk {at} ({left})', 'Awaiting acknowledgement, by {at} ({left})'],
  'police.ack.ACKNOWLEDGED': ['Bevestigd door {by}', 'Acknowledged by {by}'],
  'police.ack.NOT_REQUIRED': ['Niet nodig', 'Not required'],
  'police.escalated': ['Geëscaleerd naar de officier van dienst', 'Escalated to the duty officer'],
  'police.urgency': ['Urgentie politie', 'Police urgency'],
  'police.sightings': ['Waarnemingen', 'Sightings'],
  'police.acknowledge': ['Ontvangst bevestigen', 'Acknowledge'],
  'police.acknowledged': ['Ontvangst bevestigd.', 'Acknowledged.'],
  'police.details': ['Persoonsgegevens inzien', 'View personal data'],
  'police.cap': ['CAP-bericht downloaden', 'Download CAP message'],
  'police.foundTitle': ['Gevonden melden', 'Report found'],
  'police.foundAt': ['Gevonden om', 'Found at'],
  'police.foundLocation': ['Waar (optioneel)', 'Where (optional)'],
  'police.foundCircumstances': ['Omstandigheden (optioneel)', 'Circumstances (optional)'],
  'police.foundSubmit': ['Gevonden melden', 'Report found'],
  'police.foundDone': ['Gevonden gemeld; de instelling krijgt dit direct.', 'Reported found; the institution is told at once.'],
  'police.newAlert': ['Nieuwe melding: {headline} ({level})', 'New alert: {headline} ({level})'],
  'police.cancelledAlert': ['Melding ingetrokken: {headline}', 'Alert cancelled: {headline}'],
  'police.escalatedAlert': ['Bevestiging te laat, geëscaleerd: {headline}', 'Acknowledgement overdue, escalated: {headline}'],
  'police.updatedAlert': ['Melding bijgewerkt: {headline}', 'Alert updated: {headline}'],
  'police.transferred': ['Overgedragen van {unit}', 'Transferred from {unit}'],
  'police.detailTitle': ['Persoonsgegevens', 'Personal data'],
  'police.detailHint': ['Het inzien van deze gegevens wordt vastgelegd.', 'Viewing these data is recorded.'],
  'police.detailClose': ['Sluiten', 'Close'],
  'police.detailFor': ['Persoonsgegevens: {headline}', 'Personal data: {headline}'],
  'police.photoAlt': ['Foto van de vermiste jongere', 'Photo of the missing youth'],
  'police.questions': ['Vragen aan de instelling', 'Questions to the institution'],
  'police.questionRemoved': ['(tekst verwijderd)', '(text removed)'],
  'police.dataRemoved': ['Persoonsgegevens verwijderd op {at}: de bewaartermijn na intrekking is verstreken.',
    'Personal data removed on {at}: the retention period after cancellation has passed.'],
  'field.givenName': ['Voornaam', 'Given name'],
  'field.familyName': ['Achternaam', 'Family name'],
  'field.dateOfBirth': ['Geboortedatum', 'Date of birth'],
  'field.sex': ['Geslacht', 'Sex'],
  'field.physicalDescription': ['Signalement', 'Description'],
  'field.clothing': ['Kleding', 'Clothing'],
  'field.lastSeenAt': ['Laatst gezien', 'Last seen'],
  'field.lastSeenLocation': ['Laatst gezien bij', 'Last seen at'],
  'field.contacts': ['Contacten', 'Contacts'],
  'field.places': ['Plekken', 'Places'],
  'field.safetyMedicalNeeds': ['Medisch (voor de veiligheid)', 'Medical (safety)'],
  'field.legalTitle': ['Juridische titel', 'Legal title'],
  'field.newInformation': ['Nieuwe informatie', 'New information'],
});

const FEED_EVENTS = ['alert', 'update', 'cancel', 'acknowledged', 'escalated', 'urgency-classified', 'sighting-reported',
  'found-reported', 'transferred-out', 'information-requested'];

const user = await startPage(['POLICE_LIAISON', 'DUTY_OFFICER']);
const unit = user && user.tenant;
const base = '/api/police/units/' + encodeURIComponent(unit || '');
const $ = id => document.getElementById(id);
const alerts = new Map();
const openForms = new Set();
// one Idempotency-Key per action on an alert, kept until it succeeds: sending again after an error or time-out is
// the same action and is recorded once
const actionKeys = new Map();
const actionKey = action => {
  if (!actionKeys.has(action)) actionKeys.set(action, newKey());
  return actionKeys.get(action);
};
let source = null;

function headline(alert) {
  return (alert.latest && alert.latest.headline) || alert.caseId;
}

function sortByNewest(a, b) {
  return new Date(b.updatedAt) - new Date(a.updatedAt);
}

function render() {
  const focused = document.activeElement && document.activeElement.id;
  // what is being typed in an open found form survives the re-render
  const typed = new Map(Array.from(document.querySelectorAll('.found-form input, .found-form textarea'))
    .map(field => [field.id, field.value]));
  const all = Array.from(alerts.values());
  const active = all.filter(a => !a.cancelled).sort(sortByNewest);
  const closed = all.filter(a => a.cancelled).sort(sortByNewest);
  $('active-list').replaceChildren(...active.map(card));
  $('closed-list').replaceChildren(...closed.map(card));
  $('active-count').textContent = active.length;
  $('active-empty').hidden = active.length > 0;
  $('closed-empty').hidden = closed.length > 0;
  for (const [id, text] of typed) if ($(id)) $(id).value = text;
  if (focused && $(focused)) $(focused).focus();
}

/**
 * A list field of the alert data. The gateway currently sends Avro arrays in the summary as text ("[A, B]"), so
 * both forms are accepted.
 */
function asList(v) {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v.replace(/^\[|\]$/g, '').split(',').map(s => s.trim()).filter(Boolean);
  return [];
}

function row(term, ...description) {
  return [el('dt', {}, term), el('dd', {}, ...description)];
}

function card(alert) {
  const id = alert.caseId.replace(/[^A-Za-z0-9_-]/g, '_');
  const data = alert.data || {};
  const ack = alert.acknowledgement || {};
  const level = data.riskLevel;
  const facts = [
    ...row(t('police.stage'), label('police.stage', alert.latest && alert.latest.stage)),
    ...row(t('police.sent'), timeElement(alert.latest && alert.latest.sent)),
  ];
  if (data.ageBand) facts.push(...row(t('police.age'), label('ageBand', data.ageBand)));
  if (data.placementType) facts.push(...row(t('police.placement'), label('placement', data.placementType)));
  if (data.region) facts.push(...row(t('police.region'), data.region));
  if (data.minutesMissing !== undefined && data.minutesMissing !== null) {
    facts.push(...row(t('police.missingFor'), duration(data.minutesMissing * 60000)));
  }
  const indicators = asList(data.riskIndicators);
  if (indicators.length) {
    facts.push(...row(t('police.indicators'), el('ul', { class: 'compact' },
      indicators.map(i => el('li', {}, label('indicator', i))))));
  }
  let ackText = label('police.ack', ack.state);
  if (ack.state === 'PENDING' && ack.acknowledgeBy) {
    ackText = t('police.ack.PENDING', { at: formatDateTime(ack.acknowledgeBy), left: deadlineText(ack.acknowledgeBy) });
  } else if (ack.state === 'ACKNOWLEDGED') {
    ackText = t('police.ack.ACKNOWLEDGED', { by: ack.acknowledgedBy || '' });
  }
  facts.push(...row(t('police.acknowledgement'), el('span', { class: 'ack-state' }, ackText)));
  if (alert.policeUrgency) facts.push(...row(t('police.urgency'), alert.policeUrgency));
  if (alert.sightings) facts.push(...row(t('police.sightings'), String(alert.sightings)));

  const actions = el('div', { class: 'actions' });
  if (!alert.cancelled && ack.state === 'PENDING') {
    const button = el('button', { type: 'button', id: 'ack-' + id, class: 'acknowledge' }, t('police.acknowledge'));
    button.addEventListener('click', () => acknowledge(alert, button));
    actions.append(button);
  }
  if (!alert.cancelled) {
    const details = el('button', { type: 'button', id: 'detail-' + id, class: 'secondary' }, t('police.details'));
    details.addEventListener('click', () => showDetail(alert));
    actions.append(details);
  }
  const cap = el('button', { type: 'button', id: 'cap-' + id, class: 'secondary cap-download' }, t('police.cap'));
  cap.addEventListener('click', () => downloadCap(alert));
  actions.append(cap);

  const children = [
    el('h3', { id: 'title-' + id }, levelBadge(level), ' ', headline(alert)),
    el('p', { class: 'alert-state' }, alert.cancelled ? t('police.stateCancelled') : t('police.stateActive'),
      alert.found ? ' · ' + t('police.found') : '',
      alert.transferredFrom ? ' · ' + t('police.transferred', { unit: alert.transferredFrom }) : ''),
  ];
  if (ack.escalated) children.push(el('p', { class: 'escalated' }, '⚠ ', t('police.escalated')));
  children.push(el('dl', { class: 'facts' }, facts), actions);
  if (!alert.cancelled && !alert.found) children.push(foundForm(alert, id));
  return el('li', {
    class: 'alert-card' + (alert.cancelled ? ' cancelled' : '') + (level ? ' border-' + level : ''),
    dataset: { caseId: alert.caseId, state: alert.cancelled ? 'cancelled' : 'active', ack: ack.state || '',
      escalated: String(Boolean(ack.escalated)) },
  }, el('article', { 'aria-labelledby': 'title-' + id }, ...children));
}

function foundForm(alert, id) {
  const details = el('details', { id: 'found-' + id, open: openForms.has(alert.caseId) });
  details.addEventListener('toggle', () => {
    if (details.open) openForms.add(alert.caseId); else openForms.delete(alert.caseId);
  });
  const form = el('form', { class: 'found-form' },
    el('div', { class: 'field' }, el('label', { for: 'fa-' + id }, t('police.foundAt')),
      el('input', { id: 'fa-' + id, name: 'foundAt', type: 'datetime-local', required: true, value: localInputValue() })),
    el('div', { class: 'field' }, el('label', { for: 'fl-' + id }, t('police.foundLocation')),
      el('input', { id: 'fl-' + id, name: 'location', type: 'text', maxlength: '500' })),
    el('div', { class: 'field' }, el('label', { for: 'fc-' + id }, t('police.foundCircumstances')),
      el('textarea', { id: 'fc-' + id, name: 'circumstances', rows: '2', maxlength: '4000' })),
    el('p', { class: 'form-error error', role: 'alert' }),
    el('button', { type: 'submit', id: 'fs-' + id }, t('police.foundSubmit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const action = 'found|' + alert.caseId;
    try {
      await api(base + '/alerts/' + encodeURIComponent(alert.caseId) + '/found', {
        method: 'POST',
        headers: { 'Idempotency-Key': actionKey(action) },
        body: JSON.stringify({ foundAt: instantFrom(value(form, 'foundAt')), location: value(form, 'location'),
          circumstances: value(form, 'circumstances') }),
      });
      actionKeys.delete(action);
      openForms.delete(alert.caseId);
      announce('status', t('police.foundDone'));
    } catch (error) {
      showError(form, error);
    }
  });
  details.append(el('summary', {}, t('police.foundTitle')), form);
  return details;
}

async function acknowledge(alert, button) {
  button.disabled = true;
  const action = 'acknowledgement|' + alert.caseId;
  try {
    await api(base + '/alerts/' + encodeURIComponent(alert.caseId) + '/acknowledgement',
      { method: 'POST', body: '{}', headers: { 'Idempotency-Key': actionKey(action) } });
    actionKeys.delete(action);
    announce('status', t('police.acknowledged'));
  } catch (error) {
    button.disabled = false;
    announce('status', t('common.error', { message: error.message }));
  }
}

async function downloadCap(alert) {
  try {
    const xml = await api(base + '/alerts/' + encodeURIComponent(alert.caseId) + '/cap');
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/cap+xml' }));
    const link = el('a', { href: url, download: 'cap-' + alert.caseId + '.xml', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (error) {
    announce('status', t('common.error', { message: error.message }));
  }
}

function display(name, valueOf) {
  if (valueOf === null || valueOf === undefined) return '';
  if (Array.isArray(valueOf)) {
    return el('ul', { class: 'compact' }, valueOf.map(item => el('li', {}, display(name, item))));
  }
  if (typeof valueOf === 'object') {
    return Object.entries(valueOf).filter(([, v]) => v !== null && v !== '' && v !== false)
      .map(([k, v]) => k + ': ' + (k === 'kind' ? label('legal', v) : v)).join('; ');
  }
  if (name === 'sex') return label('sex', valueOf);
  if (name === 'dateOfBirth') return formatDate(valueOf);
  if (name === 'lastSeenAt') return timeElement(valueOf);
  return String(valueOf);
}

async function showDetail(alert) {
  try {
    const detail = await api(base + '/alerts/' + encodeURIComponent(alert.caseId));
    const body = $('detail-body');
    const rows = [];
    for (const [name, v] of Object.entries(detail.personalData || {})) {
      rows.push(...row(label('field', name), display(name, v)));
    }
    body.replaceChildren(el('dl', { class: 'facts' }, rows));
    const removedAt = detail.summary && detail.summary.personalDataRemovedAt;
    if (removedAt) {
      body.prepend(el('p', { class: 'notice' }, t('police.dataRemoved', { at: formatDateTime(removedAt) })));
    }
    if (detail.photoUrl) {
      const response = await fetch(base + '/alerts/' + encodeURIComponent(alert.caseId) + '/photo',
        { headers: { Authorization: 'Bearer ' + token() } });
      if (response.ok) {
        const url = URL.createObjectURL(await response.blob());
        body.prepend(el('img', { src: url, alt: t('police.photoAlt'), class: 'photo' }));
      }
    }
    if (detail.informationRequestsAsked && detail.informationRequestsAsked.length) {
      body.append(el('h3', {}, t('police.questions')),
        el('ul', {}, detail.informationRequestsAsked.map(q => el('li', {}, q.question || t('police.questionRemoved')))));
    }
    $('detail-title').textContent = t('police.detailFor', { headline: headline(alert) });
    $('detail').hidden = false;
    $('detail-title').focus();
  } catch (error) {
    announce('status', t('common.error', { message: error.message }));
  }
}

function onFeedEvent(type, event) {
  const data = JSON.parse(event.data);
  const previous = alerts.get(data.caseId);
  if (type === 'transferred-out') {
    alerts.delete(data.caseId);
  } else if (data.alert) {
    alerts.set(data.caseId, data.alert);
  }
  render();
  const alert = data.alert || previous || {};
  const words = { headline: headline(alert), level: label('risk', alert.data && alert.data.riskLevel) };
  if (type === 'alert' && !previous) announce('live-alerts', t('police.newAlert', words));
  else if (type === 'escalated') announce('live-alerts', t('police.escalatedAlert', words));
  else if (type === 'cancel') announce('live-updates', t('police.cancelledAlert', words));
  else announce('live-updates', t('police.updatedAlert', words));
}

function setConnection(state) {
  const connection = $('connection');
  connection.dataset.state = state;
  connection.dataset.i18n = { live: 'police.live', reconnecting: 'police.reconnecting' }[state] || 'police.connecting';
  connection.textContent = t(connection.dataset.i18n);
}

function connect(position) {
  if (source) source.close();
  let url = base + '/feed?access_token=' + encodeURIComponent(token());
  if (position) url += '&lastEventId=' + encodeURIComponent(position);
  source = new EventSource(url);
  source.addEventListener('open', () => setConnection('live'));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // refused (e.g. the token expired): load the state again, which signs in anew when needed
      setConnection('reconnecting');
      setTimeout(load, 3000);
    } else {
      setConnection('reconnecting');
    }
  });
  for (const type of FEED_EVENTS) source.addEventListener(type, event => onFeedEvent(type, event));
}

async function load() {
  try {
    const state = await api(base + '/alerts');
    alerts.clear();
    for (const alert of state.alerts) alerts.set(alert.caseId, alert);
    render();
    connect(state.feedPosition);
  } catch (error) {
    announce('status', t('common.error', { message: error.message }));
    setTimeout(load, 5000);
  }
}

if (user) {
  $('unit').textContent = '(' + unit + ')';
  $('detail-close').addEventListener('click', () => {
    $('detail').hidden = true;
    $('detail-body').replaceChildren();
  });
  onLanguageChange(() => {
    render();
    setConnection($('connection').dataset.state);
  });
  // deadlines count down on screen
  setInterval(render, 30000);
  await load();
}
