// Follow-up worker: the worklist of return conversations (due soon, overdue, done), recording the outcome (held,
// declined, not possible) and the written consent for registration with CoMensha.
import { api } from '/auth.js';
import { define, label, onLanguageChange, t } from '/i18n.js';
import {
  announce, checkedValues, choices, clearErrors, deadlineText, el, formatDateTime, instantFrom, lines, localInputValue, newKey,
  showError, startPage, timeElement, value,
} from '/page.js';

define({
  'followup.pageTitle': ['Terugkeergesprekken – Vermissing uit jeugdhulp', 'Return conversations – Children missing from youth care'],
  'followup.title': ['Terugkeergesprekken', 'Return conversations'],
  'followup.intro': ['Elke jongere die terug is krijgt een terugkeergesprek aangeboden, uiterlijk 72 uur na de terugkeer (of de termijn uit het convenant).',
    'Every youth who is back is offered a return conversation, within 72 hours of the return (or the term of the agreement).'],
  'followup.dueSoon': ['Binnenkort', 'Due soon'],
  'followup.overdue': ['Te laat', 'Overdue'],
  'followup.done': ['Afgerond', 'Done'],
  'followup.empty': ['Geen gesprekken.', 'No conversations.'],
  'followup.caption': ['{group}: terugkeergesprekken', '{group}: return conversations'],
  'followup.colYouth': ['Jongere', 'Youth'],
  'followup.colReturned': ['Terug sinds', 'Back since'],
  'followup.colDue': ['Uiterlijk', 'Due by'],
  'followup.colState': ['Stand', 'State'],
  'followup.record': ['Vastleggen', 'Record'],
  'followup.view': ['Bekijken', 'View'],
  'followup.recordFor': ['Vastleggen voor {name}', 'Record for {name}'],
  'followup.viewFor': ['Bekijken: {name}', 'View: {name}'],
  'followup.reminderSent': ['herinnering verstuurd', 'reminder sent'],
  'followup.escalatedTo': ['geëscaleerd naar zorgcoördinator', 'escalated to care coordinator'],
  'followup.referral': ['verwezen naar gespecialiseerde zorg', 'referred to specialised care'],
  'followup.comensha': ['aangemeld bij CoMensha', 'registered with CoMensha'],
  'followup.outcomeLabel.HELD': ['Gesprek gehouden', 'Conversation held'],
  'followup.outcomeLabel.DECLINED': ['Jongere wilde geen gesprek', 'Youth declined'],
  'followup.outcomeLabel.NOT_POSSIBLE': ['Gesprek niet mogelijk', 'Conversation not possible'],
  'followup.outcome': ['Uitkomst', 'Outcome'],
  'followup.held': ['Gesprek gehouden', 'Conversation held'],
  'followup.declined': ['De jongere wil geen gesprek', 'The youth declined'],
  'followup.notPossible': ['Gesprek niet mogelijk', 'Conversation not possible'],
  'followup.heldAt': ['Gehouden op', 'Held at'],
  'followup.heldBy': ['Gehouden door', 'Held by'],
  'followup.independent': ['Gehouden door een onafhankelijke gespreksvoerder', 'Held by an independent interviewer'],
  'followup.push': ['Waarom weg (push-factoren, één per regel)', 'Why away (push factors, one per line)'],
  'followup.pull': ['Wat trok (pull-factoren, één per regel)', 'What drew them (pull factors, one per line)'],
  'followup.stayedWhere': ['Waar verbleef de jongere', 'Where the youth stayed'],
  'followup.stayedWith': ['Met wie', 'With whom'],
  'followup.indicators': ['Signalen van uitbuiting', 'Signs of exploitation'],
  'followup.indicatorsHint': ['Elk signaal leidt tot een verwijzing naar gespecialiseerde zorg en een taak om toestemming te vragen voor registratie bij CoMensha.',
    'Any sign leads to a referral to specialised care and a task to ask consent for registration with CoMensha.'],
  'followup.harm': ['Schade of letsel', 'Harm or injury'],
  'followup.needs': ['Wat heeft de jongere nodig', 'What the youth needs'],
  'followup.safetyPlan': ['Veiligheidsplan', 'Safety plan'],
  'followup.crime': ['Misdrijf tijdens de vermissing (slachtoffer of dader)', 'Crime while missing (victim or offender)'],
  'followup.reason': ['Reden', 'Reason'],
  'followup.linked': ['Nieuwe melding van dezelfde jongere (zaaknummer, optioneel)', 'New report of the same youth (case id, optional)'],
  'followup.save': ['Uitkomst vastleggen', 'Record outcome'],
  'followup.saved': ['Uitkomst vastgelegd.', 'Outcome recorded.'],
  'followup.recorded': ['Uitkomst: {outcome}, vastgelegd {at}.', 'Outcome: {outcome}, recorded {at}.'],
  'followup.consentTitle': ['Toestemming voor registratie bij CoMensha', 'Consent for registration with CoMensha'],
  'followup.givenBy': ['Schriftelijke toestemming gegeven door', 'Written consent given by'],
  'followup.consentHint': ['Vanaf 16 jaar tekent de jongere zelf, jonger dan 16 een ouder of voogd.', 'From 16 the youth signs; under 16 a parent or guardian.'],
  'followup.byYouth': ['De jongere', 'The youth'],
  'followup.byParent': ['Ouder of voogd', 'Parent or guardian'],
  'followup.signedAt': ['Getekend op', 'Signed at'],
  'followup.consentSave': ['Toestemming vastleggen', 'Record consent'],
  'followup.consentNone': ['Er is (nog) geen toestemming vastgelegd.', 'No consent has been recorded (yet).'],
  'followup.consentGiven': ['Toestemming gegeven door {by} op {at}.', 'Consent given by {by} on {at}.'],
  'followup.consentWithdrawn': ['Toestemming ingetrokken op {at}; er wordt niets (meer) naar CoMensha gestuurd.', 'Consent withdrawn on {at}; nothing is (or will be) sent to CoMensha.'],
  'followup.consentRequested': ['Registratie bij CoMensha aangevraagd op {at}.', 'Registration with CoMensha requested on {at}.'],
  'followup.consentSaved': ['Toestemming vastgelegd.', 'Consent recorded.'],
  'followup.withdraw': ['Toestemming is ingetrokken', 'Consent has been withdrawn'],
  'followup.withdrawn': ['Intrekking vastgelegd.', 'Withdrawal recorded.'],
  'followup.close': ['Sluiten', 'Close'],
  'followup.giver.YOUTH': ['de jongere', 'the youth'],
  'followup.giver.PARENT_OR_GUARDIAN': ['ouder of voogd', 'parent or guardian'],
  'exploitation.OLDER_PARTNER': ['Oudere vriend(in)', 'Older partner'],
  'exploitation.GIFTS_OR_MONEY': ['Onverklaarde cadeaus of geld', 'Unexplained gifts or money'],
  'exploitation.MULTIPLE_PHONES': ['Meerdere telefoons', 'Several phones'],
  'exploitation.UNKNOWN_ADDRESSES': ['Onbekende adressen', 'Unknown addresses'],
  'exploitation.TRANSPORTED_BY_STRANGERS': ['Gebracht of gehaald door onbekenden', 'Transported by strangers'],
  'exploitation.SEXUAL_HEALTH_ISSUES': ['Problemen met seksuele gezondheid', 'Sexual health issues'],
  'exploitation.SUBSTANCE_USE': ['Middelengebruik', 'Substance use'],
  'exploitation.INJURIES': ['Verwondingen', 'Injuries'],
  'exploitation.ONLINE_GROOMING': ['Online grooming', 'Online grooming'],
  'exploitation.DISCLOSED_EXPLOITATION': ['Jongere vertelt over uitbuiting', 'Youth disclosed exploitation'],
});

const EXPLOITATION = ['OLDER_PARTNER', 'GIFTS_OR_MONEY', 'MULTIPLE_PHONES', 'UNKNOWN_ADDRESSES', 'TRANSPORTED_BY_STRANGERS',
  'SEXUAL_HEALTH_ISSUES', 'SUBSTANCE_USE', 'INJURIES', 'ONLINE_GROOMING', 'DISCLOSED_EXPLOITATION'];
const GROUPS = [['dueSoon', 'due', 'followup.dueSoon'], ['overdue', 'overdue', 'followup.overdue'], ['done', 'done', 'followup.done']];

const user = await startPage(['FOLLOW_UP_WORKER', 'CARE_COORDINATOR']);
const institution = user && user.tenant;
const $ = id => document.getElementById(id);
let worklist = null;
const names = new Map();
let current = null;

function nameOf(item) {
  return names.get(item.caseId) || item.youthId;
}

function stateOf(item) {
  const parts = [];
  if (item.outcome) parts.push(t('followup.outcomeLabel.' + item.outcome));
  else parts.push(deadlineText(item.dueBy));
  if (item.reminderSent && !item.outcome) parts.push(t('followup.reminderSent'));
  if (item.escalatedTo) parts.push(t('followup.escalatedTo'));
  if (item.referralCreated) parts.push(t('followup.referral'));
  if (item.comenshaRequested) parts.push(t('followup.comensha'));
  return parts.join(' · ');
}

function renderWorklist() {
  if (!worklist) return;
  for (const [key, id, title] of GROUPS) {
    const items = worklist[key] || [];
    $(id + '-count').textContent = items.length;
    if (!items.length) {
      $(id).replaceChildren(el('p', { class: 'muted' }, t('followup.empty')));
      continue;
    }
    $(id).replaceChildren(el('table', { id: id + '-table' },
      el('caption', { class: 'visually-hidden' }, t('followup.caption', { group: t(title) })),
      el('thead', {}, el('tr', {},
        ...['followup.colYouth', 'followup.colReturned', 'followup.colDue', 'followup.colState']
          .map(k => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, items.map(item => {
        const button = el('button', { type: 'button', class: 'link', dataset: { caseId: item.caseId },
          'aria-label': t(item.outcome ? 'followup.viewFor' : 'followup.recordFor', { name: nameOf(item) }) },
        nameOf(item));
        button.addEventListener('click', () => openRecord(item.caseId));
        return el('tr', { dataset: { caseId: item.caseId, outcome: item.outcome || '' } },
          el('th', { scope: 'row' }, button, el('br'),
            el('span', { class: 'muted' }, t(item.outcome ? 'followup.view' : 'followup.record'))),
          el('td', {}, timeElement(item.returnedAt)),
          el('td', {}, timeElement(item.dueBy)),
          el('td', { class: 'work-state' }, stateOf(item)));
      }))));
  }
}

async function loadNames() {
  try {
    const cases = await api('/api/intake/institutions/' + encodeURIComponent(institution) + '/cases?status=all');
    for (const c of cases) names.set(c.caseId, [c.givenName, c.familyName].filter(Boolean).join(' '));
  } catch (error) {
    // names are a convenience: the worklist itself holds no personal data
  }
}

async function loadWorklist() {
  worklist = await api('/api/followup/institutions/' + encodeURIComponent(institution) + '/worklist');
  const unknown = [...worklist.dueSoon, ...worklist.overdue, ...worklist.done].some(i => !names.has(i.caseId));
  if (unknown) await loadNames();
  renderWorklist();
}

function findItem(caseId) {
  return [...worklist.dueSoon, ...worklist.overdue, ...worklist.done].find(i => i.caseId === caseId);
}

async function openRecord(caseId) {
  const item = findItem(caseId);
  current = await api('/api/followup/cases/' + encodeURIComponent(caseId));
  current.caseId = caseId;
  const section = $('record');
  section.hidden = false;
  section.dataset.caseId = caseId;
  renderRecord(item);
  $('record-title').focus();
}

function renderRecord(item) {
  if (!current) return;
  const conversation = current.conversation || item;
  $('record-title').textContent = t(conversation.outcome ? 'followup.viewFor' : 'followup.recordFor', { name: nameOf(item || conversation) });
  const form = $('outcome-form');
  form.hidden = Boolean(conversation.outcome);
  let recorded = $('outcome-recorded');
  if (!recorded) {
    recorded = el('p', { id: 'outcome-recorded', class: 'recorded' });
    form.before(recorded);
  }
  recorded.hidden = !conversation.outcome;
  recorded.textContent = conversation.outcome ? t('followup.recorded', {
    outcome: t('followup.outcomeLabel.' + conversation.outcome),
    at: formatDateTime(conversation.outcomeAt),
  }) : '';
  if (!form.hidden && !$('h-heldAt').value) {
    $('h-heldAt').value = localInputValue();
    $('h-heldBy').value = user.name || user.id;
  }
  let consent;
  if (current.consentWithdrawnAt) consent = t('followup.consentWithdrawn', { at: formatDateTime(current.consentWithdrawnAt) });
  else if (current.consentGivenBy) consent = t('followup.consentGiven', { by: label('followup.giver', current.consentGivenBy), at: formatDateTime(current.consentSignedAt) });
  else consent = t('followup.consentNone');
  if (current.comenshaRequestedAt) consent += ' ' + t('followup.consentRequested', { at: formatDateTime(current.comenshaRequestedAt) });
  $('consent-state').textContent = consent;
  $('consent-form').hidden = Boolean(current.consentGivenBy || current.consentWithdrawnAt);
  $('withdraw-form').hidden = !(current.consentGivenBy && !current.consentWithdrawnAt);
  if (!$('g-signedAt').value) $('g-signedAt').value = localInputValue();
}

/** The service answers once the change is decided (201), or 202 when that takes long: refresh until it shows. */
async function refreshUntil(caseId, done) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await new Promise(resolve => setTimeout(resolve, 300));
    current = { ...(await api('/api/followup/cases/' + encodeURIComponent(caseId))), caseId };
    if (done(current)) break;
  }
  await loadWorklist();
  renderRecord(findItem(caseId));
}

function submitting(form, handler) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await handler(form);
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

function wire() {
  choices($('h-indicators'), 'checkbox', 'exploitationIndicators', 'exploitation', EXPLOITATION, 'h-ind');
  const form = $('outcome-form');
  form.addEventListener('change', event => {
    if (event.target.name !== 'outcome') return;
    const outcome = event.target.value;
    $('held-fields').hidden = outcome !== 'held';
    $('reason-fields').hidden = outcome === 'held';
    $('linked-field').hidden = outcome !== 'not-possible';
    $('h-heldAt').required = outcome === 'held';
    $('h-heldBy').required = outcome === 'held';
    $('x-reason').required = outcome !== 'held';
  });
  submitting(form, async f => {
    const outcome = f.querySelector('input[name="outcome"]:checked').value;
    const caseId = current.caseId;
    let body;
    if (outcome === 'held') {
      body = {
        heldAt: instantFrom(value(f, 'heldAt')), heldBy: value(f, 'heldBy'),
        independentInterviewer: f.elements.independentInterviewer.checked,
        pushFactors: lines(f, 'pushFactors'), pullFactors: lines(f, 'pullFactors'),
        stayedWhere: value(f, 'stayedWhere'), stayedWith: value(f, 'stayedWith'),
        exploitationIndicators: checkedValues(f, 'exploitationIndicators'),
        harm: value(f, 'harm'), needs: value(f, 'needs'), safetyPlan: value(f, 'safetyPlan'),
        crimeWhileMissing: f.elements.crimeWhileMissing.checked,
      };
    } else if (outcome === 'declined') {
      body = { reason: value(f, 'reason') };
    } else {
      body = { reason: value(f, 'reason'), linkedCaseId: value(f, 'linkedCaseId') };
    }
    await api('/api/followup/cases/' + encodeURIComponent(caseId) + '/' + outcome,
      { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': newKey() } });
    f.reset();
    $('held-fields').hidden = true;
    $('reason-fields').hidden = true;
    announce('status', t('followup.saved'));
    await refreshUntil(caseId, c => c.conversation && c.conversation.outcome);
  });
  submitting($('consent-form'), async f => {
    const caseId = current.caseId;
    await api('/api/followup/cases/' + encodeURIComponent(caseId) + '/consent', {
      method: 'POST',
      body: JSON.stringify({ givenBy: f.querySelector('input[name="givenBy"]:checked').value,
        signedAt: instantFrom(value(f, 'signedAt')) }),
      headers: { 'Idempotency-Key': newKey() },
    });
    f.reset();
    announce('status', t('followup.consentSaved'));
    await refreshUntil(caseId, c => c.consentGivenBy);
  });
  submitting($('withdraw-form'), async () => {
    const caseId = current.caseId;
    await api('/api/followup/cases/' + encodeURIComponent(caseId) + '/consent/withdrawal',
      { method: 'POST', body: '{}', headers: { 'Idempotency-Key': newKey() } });
    announce('status', t('followup.withdrawn'));
    await refreshUntil(caseId, c => c.consentWithdrawnAt);
  });
  $('record-close').addEventListener('click', () => {
    $('record').hidden = true;
    current = null;
  });
}

if (user) {
  wire();
  onLanguageChange(() => {
    choices($('h-indicators'), 'checkbox', 'exploitationIndicators', 'exploitation', EXPLOITATION, 'h-ind');
    renderWorklist();
    if (current) renderRecord(findItem(current.caseId));
  });
  try {
    await loadWorklist();
  } catch (error) {
    announce('status', t('common.error', { message: error.message }));
  }
  setInterval(() => {
    if (!document.hidden) loadWorklist().catch(() => {});
  }, 10000);
}
