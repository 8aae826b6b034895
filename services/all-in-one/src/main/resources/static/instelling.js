// Institution staff: report an absence in under a minute, follow the case (timeline, the next step the agreement
// requires and its deadline), add information, report the return or cancel; keep youth profiles.
import { api } from '/auth.js';
import { define, label, language, onLanguageChange, t } from '/i18n.js';
import {
  announce, checkedValues, choices, clearErrors, deadlineText, el, formatDate, instantFrom, levelBadge, lines,
  localInputValue, newKey, options, RISK_INDICATORS, RISK_LEVELS, showError, startPage, timeElement, value,
} from '/page.js';

define({
  'staff.pageTitle': ['Meldingen van uw instelling – Vermissing uit jeugdhulp', 'Your institution’s reports – Children missing from youth care'],
  'staff.title': ['Meldingen van uw instelling', 'Your institution’s reports'],
  'staff.sections': ['Onderdelen van deze pagina', 'Sections of this page'],
  'staff.navReport': ['Afwezigheid melden', 'Report an absence'],
  'staff.navCases': ['Meldingen', 'Reports'],
  'staff.navYouths': ['Jongeren', 'Youths'],
  'staff.reportTitle': ['Afwezigheid melden', 'Report an absence'],
  'staff.youth': ['Jongere', 'Youth'],
  'staff.chooseYouth': ['Kies een jongere', 'Choose a youth'],
  'staff.alreadyMissing': ['(al gemeld)', '(already reported)'],
  'staff.youthHint': ['Staat de jongere er niet bij? ', 'Youth not in the list? '],
  'staff.youthHintLink': ['Maak eerst een profiel aan.', 'Create a profile first.'],
  'staff.lastSeenAt': ['Laatst gezien (of niet op de afgesproken plek)', 'Last seen (or not where expected)'],
  'staff.where': ['Waar laatst gezien', 'Where last seen'],
  'staff.clothing': ['Kleding', 'Clothing'],
  'staff.whereaboutsKnown': ['Is bekend waar de jongere is?', 'Are the whereabouts known?'],
  'staff.whereaboutsNo': ['Nee: vermist, verblijfplaats onbekend', 'No: missing, whereabouts unknown'],
  'staff.whereaboutsYes': ['Ja: afwezig zonder toestemming, verblijfplaats bekend', 'Yes: away without permission, whereabouts known'],
  'staff.whereaboutsDescription': ['Waar is de jongere?', 'Where is the youth?'],
  'staff.indicators': ['Risico-indicatoren', 'Risk indicators'],
  'staff.indicatorsHint': ['Elke aangevinkte indicator betekent risiconiveau rood.', 'Any indicator ticked means risk level red.'],
  'staff.level': ['Risiconiveau', 'Risk level'],
  'staff.levelHint': ['Groen: protocol van de instelling, geen politie. Oranje: politie raadplegen. Rood: nu melden bij de politie.',
    'Green: institution protocol, no police. Orange: consult police. Red: report to police now.'],
  'staff.rationale': ['Toelichting op het risico (optioneel)', 'Explanation of the risk (optional)'],
  'staff.rationaleShort': ['Toelichting', 'Explanation'],
  'staff.reportSubmit': ['Melding versturen', 'Send report'],
  'staff.reported': ['Melding verstuurd voor {name}.', 'Report sent for {name}.'],
  'staff.reportedNoRisk': ['Melding verstuurd, maar de risico-inschatting is niet opgeslagen: {message}', 'Report sent, but the risk assessment was not stored: {message}'],
  'staff.casesTitle': ['Meldingen', 'Reports'],
  'staff.show': ['Toon', 'Show'],
  'staff.filterOpen': ['Open meldingen', 'Open reports'],
  'staff.filterClosed': ['Afgesloten meldingen', 'Closed reports'],
  'staff.filterAll': ['Alle meldingen', 'All reports'],
  'staff.casesCaption': ['Meldingen van uw instelling, nieuwste eerst', 'Your institution’s reports, newest first'],
  'staff.colLastSeen': ['Laatst gezien', 'Last seen'],
  'staff.colRisk': ['Risico', 'Risk'],
  'staff.colStatus': ['Status', 'Status'],
  'staff.colNext': ['Volgende stap', 'Next step'],
  'staff.colDeadline': ['Uiterlijk', 'Deadline'],
  'staff.noCases': ['Geen meldingen.', 'No reports.'],
  'staff.openCase': ['Melding van {name} openen', 'Open the report of {name}'],
  'staff.caseTitle': ['Melding: {name}', 'Report: {name}'],
  'staff.nextStep': ['Volgende stap volgens het convenant', 'Next step required by the agreement'],
  'staff.nextStepPending': ['De volgende stap wordt bepaald…', 'The next step is being determined…'],
  'staff.deadline': ['Uiterlijk {at} ({left})', 'By {at} ({left})'],
  'staff.factStatus': ['Status', 'Status'],
  'staff.factLastSeen': ['Laatst gezien', 'Last seen'],
  'staff.factClothing': ['Kleding', 'Clothing'],
  'staff.factWhereabouts': ['Verblijfplaats', 'Whereabouts'],
  'staff.whereaboutsUnknown': ['Onbekend (vermist)', 'Unknown (missing)'],
  'staff.factRisk': ['Risico', 'Risk'],
  'staff.factReportedBy': ['Gemeld door', 'Reported by'],
  'staff.factPolice': ['Vermissing gemeld bij politie', 'Missing report filed'],
  'staff.factReturned': ['Terug', 'Returned'],
  'staff.factCancelled': ['Ingetrokken', 'Cancelled'],
  'staff.policeQuestions': ['Vragen van de politie', 'Questions from police'],
  'staff.timeline': ['Tijdlijn', 'Timeline'],
  'staff.timelineCaption': ['Alles wat er in deze melding is gebeurd, oudste eerst', 'Everything that happened in this report, oldest first'],
  'staff.colTime': ['Tijd', 'Time'],
  'staff.colSource': ['Bron', 'Source'],
  'staff.colEvent': ['Gebeurtenis', 'Event'],
  'staff.colBy': ['Door', 'By'],
  'staff.actions': ['Bijwerken', 'Update'],
  'staff.addInformation': ['Informatie toevoegen', 'Add information'],
  'staff.infoKind': ['Soort informatie', 'Kind of information'],
  'staff.infoDescription': ['Omschrijving', 'Description'],
  'staff.infoLocation': ['Plaats (optioneel)', 'Location (optional)'],
  'staff.infoObservedAt': ['Waargenomen om (optioneel)', 'Observed at (optional)'],
  'staff.addInformationSubmit': ['Informatie toevoegen', 'Add information'],
  'staff.reassess': ['Risico opnieuw inschatten', 'Reassess the risk'],
  'staff.downgradeReason': ['Reden voor een lager niveau (alleen bij verlagen)', 'Reason for a lower level (only when lowering)'],
  'staff.reassessSubmit': ['Inschatting opslaan', 'Save assessment'],
  'staff.localAction': ['Lokale actie vastleggen', 'Record a local action'],
  'staff.localActionKind': ['Actie', 'Action'],
  'staff.localActionOutcome': ['Resultaat', 'Outcome'],
  'staff.localActionSubmit': ['Actie vastleggen', 'Record action'],
  'staff.missingReport': ['Vermissing gemeld bij de politie', 'Missing report filed with police'],
  'staff.missingNote': ['Notitie (bijvoorbeeld registratienummer)', 'Note (e.g. reference number)'],
  'staff.missingSubmit': ['Vastleggen dat de vermissing gemeld is', 'Record that the missing report was filed'],
  'staff.return': ['Terugkeer melden', 'Report the return'],
  'staff.returnedAt': ['Terug sinds', 'Back since'],
  'staff.foundBy': ['Hoe is de jongere terug?', 'How did the youth return?'],
  'staff.returnLocation': ['Waar (optioneel)', 'Where (optional)'],
  'staff.circumstances': ['Omstandigheden (optioneel)', 'Circumstances (optional)'],
  'staff.returnSubmit': ['Terugkeer melden', 'Report the return'],
  'staff.returned': ['Terugkeer gemeld. De politie krijgt direct een intrekking.', 'Return reported. Police receive a cancellation at once.'],
  'staff.cancel': ['Melding intrekken (onterecht gemeld)', 'Cancel the report (reported in error)'],
  'staff.cancelReason': ['Reden', 'Reason'],
  'staff.cancelSubmit': ['Melding intrekken', 'Cancel report'],
  'staff.cancelled': ['Melding ingetrokken.', 'Report cancelled.'],
  'staff.updated': ['Melding bijgewerkt.', 'Report updated.'],
  'staff.youthsTitle': ['Jongeren (profielen)', 'Youths (profiles)'],
  'staff.youthsCaption': ['Profielen van de jongeren van uw instelling', 'Profiles of the youths in your institution'],
  'staff.colName': ['Naam', 'Name'],
  'staff.colBorn': ['Geboortedatum', 'Date of birth'],
  'staff.colPlacement': ['Plaatsing', 'Placement'],
  'staff.colOpenCase': ['Open melding', 'Open report'],
  'staff.noYouths': ['Nog geen profielen.', 'No profiles yet.'],
  'staff.newProfile': ['Nieuw profiel aanmaken', 'Create a new profile'],
  'staff.givenName': ['Voornaam', 'Given name'],
  'staff.familyName': ['Achternaam', 'Family name'],
  'staff.dateOfBirth': ['Geboortedatum', 'Date of birth'],
  'staff.sex': ['Geslacht', 'Sex'],
  'staff.bsn': ['BSN (optioneel)', 'Citizen service number (BSN, optional)'],
  'staff.bsnHint': ['9 cijfers. Wordt daarna alleen gemaskeerd getoond.', '9 digits. Shown only masked afterwards.'],
  'staff.placement': ['Plaatsing', 'Placement'],
  'staff.legalTitle': ['Juridische titel', 'Legal title'],
  'staff.noLegalTitle': ['Geen of onbekend', 'None or unknown'],
  'staff.legalUntil': ['Geldig tot (optioneel)', 'Valid until (optional)'],
  'staff.physicalDescription': ['Signalement (lengte, haar, kenmerken)', 'Description (height, hair, features)'],
  'staff.medical': ['Medische zorg die voor de veiligheid nodig is', 'Medical needs relevant to safety'],
  'staff.knownRisks': ['Bekende risico\'s', 'Known risks'],
  'staff.associates': ['Contacten (één per regel)', 'Contacts (one per line)'],
  'staff.places': ['Plekken waar de jongere kan zijn (één per regel)', 'Places the youth may go (one per line)'],
  'staff.phones': ['Telefoonnummers (één per regel)', 'Phone numbers (one per line)'],
  'staff.social': ['Sociale media (één per regel)', 'Social media (one per line)'],
  'staff.photo': ['Foto (JPEG of PNG, hoogstens 2 MB, optioneel)', 'Photo (JPEG or PNG, at most 2 MB, optional)'],
  'staff.profileSubmit': ['Profiel opslaan', 'Save profile'],
  'staff.profileSaved': ['Profiel van {name} opgeslagen.', 'Profile of {name} saved.'],
  'staff.photoFailed': ['Profiel opgeslagen, maar de foto niet: {message}', 'Profile saved, but not the photo: {message}'],
  'staff.unknownSex': ['Onbekend', 'Unknown'],

  // timeline sentences, built from each entry's kind and details; {placeholders} hold values or typed text
  'timeline.lastSeen': ['Laatst gezien {at}', 'Last seen {at}'],
  'timeline.lastSeenAt': ['Laatst gezien {at} bij {location}', 'Last seen {at} at {location}'],
  'timeline.whereaboutsKnown': ['afwezig zonder toestemming, verblijfplaats bekend', 'away without permission, whereabouts known'],
  'timeline.whereaboutsUnknown': ['verblijfplaats onbekend', 'whereabouts unknown'],
  'timeline.risk': ['Niveau {level} (minimaal vereist: {minimum})', 'Level {level} (required minimum: {minimum})'],
  'timeline.indicators': ['indicatoren: {indicators}', 'indicators: {indicators}'],
  'timeline.note': ['Notitie: {note}', 'Note: {note}'],
  'timeline.location': ['plaats: {location}', 'location: {location}'],
  'timeline.reason': ['Reden: {reason}', 'Reason: {reason}'],
  'timeline.foundAt': ['Gevonden bij {location}', 'Found at {location}'],
  'timeline.seenAt': ['Gezien bij {location}', 'Seen at {location}'],
  'timeline.transferredTo': ['Overgedragen aan {unit}', 'Transferred to {unit}'],
  'timeline.escalatedTo': ['Geëscaleerd naar {to}', 'Escalated to {to}'],
  'closureReason.RETURNED': ['Jongere is terug', 'The youth returned'],
  'closureReason.CANCELLED': ['Melding ingetrokken', 'Report cancelled'],
  'closureReason.TRANSFERRED': ['Overgedragen', 'Transferred'],
  'closureReason.OTHER': ['Anders', 'Other'],
  'urgency.URGENT': ['Urgent', 'Urgent'],
  'urgency.OTHER': ['Niet urgent', 'Not urgent'],
});

const user = await startPage(['INSTITUTION_STAFF']);
const institution = user && user.tenant;
const base = '/api/intake/institutions/' + encodeURIComponent(institution || '');
const $ = id => document.getElementById(id);

let profiles = [];
let cases = [];
let currentCase = null;
/** Until when the open case is read again (after a change, for the agreement engine's answer). */
let watchUntil = 0;

function watch() {
  watchUntil = Date.now() + 30000;
}

function fillFixedChoices() {
  choices($('r-indicators'), 'checkbox', 'indicators', 'indicator', RISK_INDICATORS, 'r-ind');
  choices($('r-level'), 'radio', 'level', 'risk', RISK_LEVELS, 'r-level');
  $('r-level').querySelector('input').required = true;
  choices($('a-indicators'), 'checkbox', 'indicators', 'indicator', RISK_INDICATORS, 'a-ind');
  choices($('a-level'), 'radio', 'level', 'risk', RISK_LEVELS, 'a-level');
  choices($('p-placement'), 'radio', 'placementType', 'placement', ['OPEN', 'CLOSED'], 'p-placement');
  $('p-placement').querySelector('input').required = true;
  choices($('p-risks'), 'checkbox', 'knownRisks', 'knownRisk',
    ['SEXUAL_EXPLOITATION', 'CRIMINAL_EXPLOITATION', 'SUICIDE', 'SELF_HARM', 'SUBSTANCE_USE', 'DANGER_TO_OTHERS', 'OTHER'], 'p-risk');
  options($('i-kind'), 'infoKind', ['SIGHTING', 'NEW_CONTACT', 'CLOTHING_CHANGED', 'OTHER']);
  options($('l-action'), 'localAction', ['CALLED_YOUTH', 'CALLED_FRIENDS', 'CALLED_FAMILY', 'INFORMED_PARENTS_OR_GUARDIAN',
    'SEARCHED_KNOWN_PLACES', 'OTHER']);
  options($('t-foundBy'), 'foundBy', ['RETURNED_SELF', 'INSTITUTION', 'POLICE', 'PARENTS_OR_GUARDIAN', 'OTHER'], '');
  options($('p-sex'), 'sex', ['FEMALE', 'MALE', 'OTHER'], t('staff.unknownSex'));
  options($('p-legalKind'), 'legal', ['MACHTIGING_GESLOTEN_JEUGDHULP', 'SPOEDMACHTIGING', 'ONDERTOEZICHTSTELLING',
    'VOOGDIJ', 'VRIJWILLIG'], t('staff.noLegalTitle'));
}

function fullName(p) {
  return [p.givenName, p.familyName].filter(Boolean).join(' ');
}

function renderProfiles() {
  const select = $('r-youth');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('staff.chooseYouth')));
  for (const p of profiles) {
    select.append(el('option', { value: p.youthId, disabled: Boolean(p.openCaseId) },
      fullName(p) + ' (' + formatDate(p.dateOfBirth) + ')' + (p.openCaseId ? ' ' + t('staff.alreadyMissing') : '')));
  }
  select.value = chosen;
  const body = $('youth-table').tBodies[0];
  body.replaceChildren(...profiles.map(p => el('tr', {},
    el('td', {}, fullName(p)),
    el('td', {}, formatDate(p.dateOfBirth)),
    el('td', {}, label('placement', p.placementType)),
    el('td', {}, p.openCaseId ? caseLink(p.openCaseId, fullName(p), t('common.yes')) : t('common.no')))));
  $('youths-empty').hidden = profiles.length > 0;
  $('youth-table').hidden = profiles.length === 0;
  if (profiles.length === 0) $('profile-details').open = true;
}

function caseLink(caseId, name, text) {
  const button = el('button', { type: 'button', class: 'link', 'aria-label': t('staff.openCase', { name }),
    dataset: { caseId } }, text);
  button.addEventListener('click', () => openCase(caseId, true));
  return button;
}

function renderCases() {
  const body = $('case-table').tBodies[0];
  const focused = body.contains(document.activeElement) ? document.activeElement.dataset.caseId : null;
  body.replaceChildren(...cases.map(c => {
    const name = [c.givenName, c.familyName].filter(Boolean).join(' ');
    return el('tr', { dataset: { caseId: c.caseId }, class: c.caseId === currentCase?.caseId ? 'selected' : null },
      el('th', { scope: 'row' }, caseLink(c.caseId, name, name)),
      el('td', {}, timeElement(c.lastSeenAt)),
      el('td', {}, levelBadge(c.riskLevel)),
      el('td', { class: 'case-status' }, label('status', c.status)),
      el('td', {}, c.nextStep ? label('step', c.nextStep.step) : '–'),
      el('td', {}, c.nextStep && c.nextStep.deadline && c.status === 'OPEN'
        ? [timeElement(c.nextStep.deadline), el('br'), el('span', { class: deadlineClass(c.nextStep.deadline) }, deadlineText(c.nextStep.deadline))]
        : '–'));
  }));
  if (focused) body.querySelector('button[data-case-id="' + focused + '"]')?.focus();
  $('cases-empty').hidden = cases.length > 0;
  $('case-table').hidden = cases.length === 0;
}

function deadlineClass(deadline) {
  return new Date(deadline).getTime() < Date.now() ? 'overdue' : 'due';
}

async function loadProfiles() {
  profiles = await api(base + '/youths');
  profiles.sort((a, b) => fullName(a).localeCompare(fullName(b)));
  renderProfiles();
}

async function loadCases() {
  cases = await api(base + '/cases?status=' + $('case-filter').value);
  renderCases();
}

async function openCase(caseId, focus) {
  currentCase = await api(base + '/cases/' + encodeURIComponent(caseId));
  renderCase();
  renderCases();
  if (focus) $('case-title').focus();
}

function renderCaseDeadline() {
  const deadline = $('case-next').querySelector('.deadline');
  if (deadline && currentCase.nextStep && currentCase.nextStep.deadline) renderCase();
}

function fact(term, ...description) {
  return [el('dt', {}, term), el('dd', {}, ...description)];
}

function renderCase() {
  const c = currentCase;
  if (!c) return;
  const section = $('case');
  section.hidden = false;
  section.dataset.caseId = c.caseId;
  section.dataset.status = c.status;
  const name = c.youth ? [c.youth.givenName, c.youth.familyName].filter(Boolean).join(' ') : c.youthId;
  $('case-title').textContent = t('staff.caseTitle', { name });

  const next = $('case-next');
  next.replaceChildren();
  if (c.nextStep) {
    next.dataset.step = c.nextStep.step;
    next.append(el('h3', {}, t('staff.nextStep')),
      el('p', { class: 'step' }, language() === 'en' ? c.nextStep.descriptionEn : c.nextStep.descriptionNl));
    if (c.nextStep.deadline && c.nextStep.step !== 'NONE') {
      next.append(el('p', { class: 'deadline ' + deadlineClass(c.nextStep.deadline) },
        t('staff.deadline', { at: new Date(c.nextStep.deadline).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB',
          { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }),
        left: deadlineText(c.nextStep.deadline) })));
    }
  } else if (c.open) {
    delete next.dataset.step;
    next.append(el('p', { class: 'muted' }, t('staff.nextStepPending')));
  }
  next.hidden = !c.nextStep && !c.open;

  const facts = [
    ...fact(t('staff.factStatus'), el('span', { class: 'case-status' }, label('status', c.status))),
    ...fact(t('staff.factLastSeen'), timeElement(c.lastSeenAt), c.lastSeenLocation ? ', ' + c.lastSeenLocation : ''),
  ];
  if (c.clothing) facts.push(...fact(t('staff.factClothing'), c.clothing));
  facts.push(...fact(t('staff.factWhereabouts'), c.whereaboutsKnown
    ? (c.whereaboutsDescription || t('common.yes')) : t('staff.whereaboutsUnknown')));
  facts.push(...fact(t('staff.factRisk'), levelBadge(c.risk && c.risk.level),
    c.risk && c.risk.indicators && c.risk.indicators.length
      ? el('ul', { class: 'compact' }, c.risk.indicators.map(i => el('li', {}, label('indicator', i)))) : ''));
  if (c.reportedBy) facts.push(...fact(t('staff.factReportedBy'), c.reportedBy));
  if (c.missingReportedAt) facts.push(...fact(t('staff.factPolice'), timeElement(c.missingReportedAt)));
  if (c.returned) facts.push(...fact(t('staff.factReturned'), timeElement(c.returned.returnedAt), ', ',
    label('foundBy', c.returned.foundBy)));
  if (c.cancelReason) facts.push(...fact(t('staff.factCancelled'), c.cancelReason));
  $('case-facts').replaceChildren(...facts);

  const questions = $('case-questions');
  questions.replaceChildren();
  if (c.policeQuestions && c.policeQuestions.length) {
    questions.append(el('h3', {}, t('staff.policeQuestions')),
      el('ul', {}, c.policeQuestions.map(q => el('li', {}, q))));
  }

  $('timeline').tBodies[0].replaceChildren(...(c.timeline || []).map(entry => el('tr', {},
    el('td', {}, timeElement(entry.at)),
    el('td', {}, el('span', { class: 'event-kind' }, label('source', entry.source) + ': ' + label('event', entry.kind)),
      entrySummary(entry)),
    el('td', {}, entry.by || ''))));

  $('case-actions').hidden = !c.open;
}

/**
 * The text of t(key) with its {placeholders} replaced by nodes or text (typed text stays as typed, times become
 * <time> elements), as a list for el().
 */
function fill(key, params) {
  return t(key).split(/(\{\w+\})/).filter(Boolean).map(part => {
    const name = part.startsWith('{') && part.endsWith('}') ? part.slice(1, -1) : null;
    return name !== null && name in params ? params[name] : part;
  });
}

/** Phrases of a timeline entry in the page's language, by kind; each returns its clauses (empty ones are left out). */
const TIMELINE_PHRASES = {
  AbsenceReported: d => [
    d.location ? fill('timeline.lastSeenAt', { at: timeElement(d.lastSeenAt), location: d.location })
      : fill('timeline.lastSeen', { at: timeElement(d.lastSeenAt) }),
    t(d.whereaboutsKnown ? 'timeline.whereaboutsKnown' : 'timeline.whereaboutsUnknown'),
  ],
  LocalActionRecorded: d => [[label('localAction', d.action), d.outcome ? ': ' + d.outcome : '']],
  RiskAssessed: d => [
    t('timeline.risk', { level: label('risk', d.level), minimum: label('risk', d.requiredMinimum) }),
    d.indicators && d.indicators.length
      ? t('timeline.indicators', { indicators: d.indicators.map(i => label('indicator', i)).join(', ') }) : '',
    d.rationale,
  ],
  MissingReported: d => [d.note ? fill('timeline.note', { note: d.note }) : ''],
  InformationAdded: d => [
    [label('infoKind', d.infoKind), ': ', d.description],
    d.location ? fill('timeline.location', { location: d.location }) : '',
  ],
  YouthReturned: d => [
    label('foundBy', d.foundBy),
    d.location ? fill('timeline.location', { location: d.location }) : '',
    d.circumstances,
  ],
  ReportCancelled: d => [fill('timeline.reason', { reason: d.reason })],
  CaseClosed: d => [fill('timeline.reason', { reason: label('closureReason', d.reason) })],
  InformationRequested: d => [d.question],
  FoundReported: d => [d.location ? fill('timeline.foundAt', { location: d.location }) : '', d.circumstances],
  SightingReported: d => [fill('timeline.seenAt', { location: d.location }), d.description],
  AlertAcknowledged: () => [],
  UrgencyClassified: d => [label('urgency', d.urgency), d.reason],
  ResponsibilityTransferred: d => [fill('timeline.transferredTo', { unit: d.toPoliceUnit })],
  AcknowledgementOverdue: d => [fill('timeline.escalatedTo', { to: d.escalatedTo })],
};

/**
 * What a timeline entry says beyond its kind, in the page's language; for a kind this page does not know, the
 * English summary of the API (marked as English).
 */
function entrySummary(entry) {
  const phrase = TIMELINE_PHRASES[entry.kind];
  if (!phrase || !entry.details) {
    return entry.summary ? el('span', { class: 'event-summary muted', lang: 'en' }, entry.summary) : '';
  }
  const clauses = phrase(entry.details).filter(clause => clause && (!Array.isArray(clause) || clause.some(Boolean)));
  if (!clauses.length) return '';
  return el('span', { class: 'event-summary muted', dataset: { kind: entry.kind } },
    clauses.flatMap((clause, i) => i === 0 ? [clause] : ['; ', clause]).flat(Infinity));
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

/** One POST with an idempotency key kept per form until it succeeds, so a retry after an error is safe. */
async function post(form, path, body) {
  form.dataset.key = form.dataset.key || newKey();
  const answer = await api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': form.dataset.key } });
  delete form.dataset.key;
  return answer;
}

function wireForms() {
  const reportForm = $('report-form');
  $('r-lastSeenAt').value = localInputValue();
  reportForm.addEventListener('change', event => {
    if (event.target.name === 'indicators' && event.target.checked) {
      $('r-level-RED').checked = true;
    }
    if (event.target.name === 'whereaboutsKnown') {
      $('r-whereabouts-field').hidden = event.target.value !== 'true';
    }
  });
  submitting(reportForm, async form => {
    const whereaboutsKnown = form.querySelector('input[name="whereaboutsKnown"]:checked').value === 'true';
    const opened = await post(form, base + '/cases', {
      youthId: value(form, 'youthId'),
      lastSeenAt: instantFrom(value(form, 'lastSeenAt')),
      lastSeenLocation: value(form, 'lastSeenLocation'),
      clothing: value(form, 'clothing'),
      whereaboutsKnown,
      whereaboutsDescription: whereaboutsKnown ? value(form, 'whereaboutsDescription') : null,
    });
    currentCase = opened;
    const name = opened.youth ? [opened.youth.givenName, opened.youth.familyName].join(' ') : '';
    const level = form.querySelector('input[name="level"]:checked')?.value;
    try {
      currentCase = await api(base + '/cases/' + opened.caseId + '/risk-assessments', {
        method: 'POST',
        headers: { 'Idempotency-Key': opened.caseId + '-first-assessment' },
        body: JSON.stringify({ indicators: checkedValues(form, 'indicators'), level, rationale: value(form, 'rationale') }),
      });
      announce('status', t('staff.reported', { name }));
    } catch (error) {
      announce('status', t('staff.reportedNoRisk', { message: error.message }));
    }
    form.reset();
    $('r-whereabouts-field').hidden = true;
    $('r-lastSeenAt').value = localInputValue();
    $('case-filter').value = 'open';
    await Promise.all([loadCases(), loadProfiles()]);
    renderCase();
    renderCases();
    $('case-title').focus();
    watch();
  });

  const caseAction = (formId, path, body, message) => submitting($(formId), async form => {
    currentCase = await post(form, base + '/cases/' + currentCase.caseId + path, body(form));
    form.reset();
    form.closest('details').open = false;
    renderCase();
    watch();
    announce('status', t(message));
    await Promise.all([loadCases(), loadProfiles()]);
  });
  caseAction('information-form', '/information', form => ({
    kind: value(form, 'kind'), description: value(form, 'description'), location: value(form, 'location'),
    observedAt: instantFrom(value(form, 'observedAt')),
  }), 'staff.updated');
  caseAction('risk-form', '/risk-assessments', form => ({
    indicators: checkedValues(form, 'indicators'),
    level: form.querySelector('input[name="level"]:checked')?.value || null,
    rationale: value(form, 'rationale'), downgradeReason: value(form, 'downgradeReason'),
  }), 'staff.updated');
  caseAction('local-action-form', '/local-actions', form => ({
    action: value(form, 'action'), outcome: value(form, 'outcome'), occurredAt: new Date().toISOString(),
  }), 'staff.updated');
  caseAction('missing-form', '/missing-report', form => ({ note: value(form, 'note') }), 'staff.updated');
  caseAction('return-form', '/return', form => ({
    returnedAt: instantFrom(value(form, 'returnedAt')), foundBy: value(form, 'foundBy'),
    location: value(form, 'location'), circumstances: value(form, 'circumstances'),
  }), 'staff.returned');
  caseAction('cancel-form', '/cancel', form => ({ reason: value(form, 'reason') }), 'staff.cancelled');
  $('return-details').addEventListener('toggle', () => {
    if ($('return-details').open && !$('t-returnedAt').value) $('t-returnedAt').value = localInputValue();
  });

  submitting($('profile-form'), async form => {
    const kind = value(form, 'legalTitle.kind');
    const profile = await post(form, base + '/youths', {
      givenName: value(form, 'givenName'),
      familyName: value(form, 'familyName'),
      dateOfBirth: value(form, 'dateOfBirth'),
      sex: value(form, 'sex') || 'UNKNOWN',
      bsn: value(form, 'bsn'),
      placementType: form.querySelector('input[name="placementType"]:checked')?.value,
      legalTitle: kind ? { kind, validUntil: value(form, 'legalTitle.validUntil') } : null,
      physicalDescription: value(form, 'physicalDescription'),
      safetyMedicalNeeds: value(form, 'safetyMedicalNeeds'),
      knownRisks: checkedValues(form, 'knownRisks'),
      associates: lines(form, 'associates').map(name => ({ name, relation: '' })),
      places: lines(form, 'places').map(description => ({ description })),
      phoneNumbers: lines(form, 'phoneNumbers'),
      socialMedia: lines(form, 'socialMedia'),
    });
    const photo = form.elements.photo.files[0];
    let message = t('staff.profileSaved', { name: fullName(profile) });
    if (photo) {
      try {
        const data = new FormData();
        data.append('photo', photo);
        await api(base + '/youths/' + profile.youthId + '/photo', { method: 'PUT', body: data });
      } catch (error) {
        message = t('staff.photoFailed', { message: error.message });
      }
    }
    form.reset();
    await loadProfiles();
    $('profile-details').open = false;
    $('r-youth').value = profile.youthId;
    announce('status', message);
  });

  $('case-filter').addEventListener('change', () => loadCases().catch(showLoadError));
}

function showLoadError(error) {
  announce('status', t('common.error', { message: error.message }));
}

if (user) {
  fillFixedChoices();
  wireForms();
  onLanguageChange(() => {
    fillFixedChoices();
    renderProfiles();
    renderCases();
    renderCase();
  });
  await Promise.all([loadProfiles(), loadCases()]).catch(showLoadError);
  // The next step arrives from the agreement engine shortly after each change: the case is read again for a short
  // while after a change (every read of a case is audited, so the page does not poll it all the time).
  setInterval(() => {
    if (document.hidden || !currentCase || Date.now() > watchUntil) return;
    openCase(currentCase.caseId, false).catch(() => {});
  }, 2000);
  // deadlines count down on screen; the list itself is read again once a minute
  setInterval(() => {
    if (!document.hidden && !$('case-table').contains(document.activeElement)) renderCases();
    if (currentCase && !document.hidden) renderCaseDeadline();
  }, 30000);
  setInterval(() => {
    if (!document.hidden) loadCases().catch(() => {});
  }, 60000);
}
