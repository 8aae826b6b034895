// Auditor: disclosures (who received which fields of which case, when, under which agreement version and legal
// basis), reads of personal data and rule changes, and calamity notices to municipalities.
import { api } from '/auth.js';
import { define, onLanguageChange, t } from '/i18n.js';
import { announce, clearErrors, el, instantFrom, showError, startPage, timeElement, value } from '/page.js';

define({
  'audit.pageTitle': ['Audit-trail – Vermissing uit jeugdhulp', 'Audit trail – Children missing from youth care'],
  'audit.title': ['Audit-trail', 'Audit trail'],
  'audit.intro': ['Wie welke gegevens kreeg, wanneer en onder welke regel, en wie persoonsgegevens inzag. Hoogstens 500 regels per overzicht, nieuwste eerst.',
    'Who received which data, when and under which rule, and who read personal data. At most 500 rows per list, newest first.'],
  'audit.sections': ['Onderdelen van deze pagina', 'Sections of this page'],
  'audit.disclosures': ['Verstrekkingen', 'Disclosures'],
  'audit.access': ['Inzage en wijzigingen', 'Reads and changes'],
  'audit.calamities': ['Calamiteitenmeldingen', 'Calamity notices'],
  'audit.caseId': ['Zaak', 'Case'],
  'audit.recipient': ['Ontvanger', 'Recipient'],
  'audit.from': ['Vanaf', 'From'],
  'audit.to': ['Tot', 'Until'],
  'audit.search': ['Zoeken', 'Search'],
  'audit.youthId': ['Jongere (id)', 'Youth (id)'],
  'audit.user': ['Gebruiker', 'User'],
  'audit.service': ['Dienst', 'Service'],
  'audit.allServices': ['Alle diensten', 'All services'],
  'audit.none': ['Niets gevonden.', 'Nothing found.'],
  'audit.count': ['{n} regels', '{n} rows'],
  'audit.col.disclosedAt': ['Tijd', 'Time'],
  'audit.col.caseId': ['Zaak', 'Case'],
  'audit.col.recipient': ['Ontvanger', 'Recipient'],
  'audit.col.fields': ['Gegevens', 'Fields'],
  'audit.col.agreement': ['Convenantversie', 'Agreement version'],
  'audit.col.legalBasis': ['Grondslag', 'Legal basis'],
  'audit.col.at': ['Tijd', 'Time'],
  'audit.col.actor': ['Wie', 'Who'],
  'audit.col.action': ['Handeling', 'Action'],
  'audit.col.resource': ['Wat', 'What'],
  'audit.col.purpose': ['Doel', 'Purpose'],
  'audit.col.municipality': ['Gemeente', 'Municipality'],
  'audit.col.institution': ['Instelling', 'Institution'],
  'audit.col.missingSince': ['Vermist sinds', 'Missing since'],
  'audit.col.notifiedAt': ['Gemeld', 'Notified'],
  'audit.captionDisclosures': ['Verstrekkingen, nieuwste eerst', 'Disclosures, newest first'],
  'audit.captionAccess': ['Inzage en wijzigingen, nieuwste eerst', 'Reads and changes, newest first'],
  'audit.captionCalamities': ['Calamiteitenmeldingen, nieuwste eerst', 'Calamity notices, newest first'],
});

const user = await startPage(['AUDITOR']);
const $ = id => document.getElementById(id);
const results = {};

function query(form, names) {
  const params = new URLSearchParams();
  for (const name of names) {
    let v = value(form, name);
    if (v && (name === 'from' || name === 'to')) v = instantFrom(v);
    if (v) params.set(name, v);
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

function table(target, caption, columns, rows, cells) {
  if (!rows.length) {
    $(target).replaceChildren(el('p', { class: 'muted' }, t('audit.none')));
    return;
  }
  $(target).replaceChildren(el('p', { class: 'muted' }, t('audit.count', { n: rows.length })), el('table', {},
    el('caption', { class: 'visually-hidden' }, t(caption)),
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col' }, t('audit.col.' + c))))),
    el('tbody', {}, rows.map(r => el('tr', {}, cells(r).map((c, i) => el(i === 0 ? 'th' : 'td',
      i === 0 ? { scope: 'row' } : { class: c instanceof Element && c.tagName === 'CODE' ? 'code-cell' : null }, c)))))));
}

function renderDisclosures() {
  table('disclosure-results', 'audit.captionDisclosures',
    ['disclosedAt', 'caseId', 'recipient', 'fields', 'agreement', 'legalBasis'], results.disclosures || [],
    d => [timeElement(d.disclosedAt), el('code', {}, d.caseId), d.recipientKind + ': ' + d.recipient,
      d.fields.length ? d.fields.join(', ') : '–', d.agreementId + ' v' + d.agreementVersion, d.legalBasis]);
}

function renderAccess() {
  table('access-results', 'audit.captionAccess', ['at', 'actor', 'action', 'resource', 'fields', 'purpose'],
    results.access || [],
    a => [timeElement(a.at), a.actor + ' (' + a.actorRole + ', ' + a.tenant + ')', a.service + ': ' + a.action,
      el('code', {}, a.resource), a.fields.join(', '), a.purpose || '']);
}

function renderCalamities() {
  table('calamity-results', 'audit.captionCalamities', ['notifiedAt', 'caseId', 'institution', 'municipality', 'missingSince', 'agreement'],
    results.calamities || [],
    c => [timeElement(c.notifiedAt), el('code', {}, c.caseId), c.institutionId, c.municipality, timeElement(c.missingSince),
      c.agreementId + ' v' + c.agreementVersion]);
}

async function loadDisclosures() {
  results.disclosures = await api('/api/audit/disclosures' + query($('disclosure-filter'), ['caseId', 'recipient', 'from', 'to']));
  renderDisclosures();
}

async function loadAccess() {
  results.access = await api('/api/audit/access' + query($('access-filter'), ['youthId', 'user', 'service', 'from', 'to']));
  renderAccess();
}

async function loadCalamities() {
  results.calamities = await api('/api/audit/calamity-notices');
  renderCalamities();
}

function filter(formId, load) {
  const form = $(formId);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    try {
      await load();
    } catch (error) {
      showError(form, error);
    }
  });
}

if (user) {
  filter('disclosure-filter', loadDisclosures);
  filter('access-filter', loadAccess);
  onLanguageChange(() => {
    renderDisclosures();
    renderAccess();
    renderCalamities();
  });
  await Promise.all([loadDisclosures(), loadAccess(), loadCalamities()])
    .catch(error => announce('status', t('common.error', { message: error.message })));
}
