// Agreement administrator: the region's agreements (convenanten) with every version, and a new version with its
// time rules and per-stage allow-lists of what police may see.
import { api } from '/auth.js';
import { define, onLanguageChange, t } from '/i18n.js';
import { announce, clearErrors, el, instantFrom, showError, startPage, timeElement, value } from '/page.js';

define({
  'agreement.pageTitle': ['Convenantregels – Vermissing uit jeugdhulp', 'Agreement rules – Children missing from youth care'],
  'agreement.title': ['Convenantregels van uw regio', 'Agreement rules of your region'],
  'agreement.listTitle': ['Convenanten en hun versies', 'Agreements and their versions'],
  'agreement.none': ['Er is nog geen convenant voor uw regio: de ingebouwde standaardregels gelden.', 'Your region has no agreement yet: the built-in default rules apply.'],
  'agreement.caption': ['Versies van {id}, nieuwste eerst', 'Versions of {id}, newest first'],
  'agreement.colVersion': ['Versie', 'Version'],
  'agreement.colFrom': ['Geldt vanaf', 'In effect from'],
  'agreement.colUnit': ['Politie-eenheid', 'Police unit'],
  'agreement.colBy': ['Gewijzigd door', 'Changed by'],
  'agreement.colNote': ['Reden', 'Reason'],
  'agreement.colShow': ['Inhoud', 'Content'],
  'agreement.effective': ['geldt nu', 'in effect'],
  'agreement.show': ['Toon versie {version}', 'Show version {version}'],
  'agreement.basedOn': ['Nieuwe versie op basis hiervan', 'New version based on this'],
  'agreement.versionTitle': ['{id}, versie {version}', '{id}, version {version}'],
  'agreement.formTitle': ['Nieuwe versie vastleggen', 'Record a new version'],
  'agreement.formHint': ['Een wijziging is altijd een nieuwe versie met een ingangsmoment; eerdere versies blijven bewaard. Lege velden krijgen de standaardwaarde.',
    'A change is always a new version with an effective time; earlier versions are kept. Empty fields take the default.'],
  'agreement.id': ['Convenant', 'Agreement'],
  'agreement.idHint': ['Een bestaand convenant krijgt een nieuwe versie; een nieuwe naam maakt een nieuw convenant.', 'An existing agreement gets a new version; a new name creates a new agreement.'],
  'agreement.policeUnit': ['Politie-eenheid', 'Police unit'],
  'agreement.municipality': ['Contact gemeente (calamiteiten)', 'Municipality contact (calamities)'],
  'agreement.institutions': ['Instellingen (komma-gescheiden; leeg = hele regio)', 'Institutions (comma-separated; empty = whole region)'],
  'agreement.legalBasis': ['Wettelijke grondslag', 'Legal basis'],
  'agreement.effectiveFrom': ['Geldt vanaf (leeg = nu)', 'In effect from (empty = now)'],
  'agreement.timeRules': ['Termijnen', 'Time rules'],
  'agreement.closedAlways': ['Gesloten plaatsing met geldige machtiging altijd direct melden bij de politie', 'Always report a closed placement with a valid court order to police at once'],
  'agreement.sharing': ['Wat de politie mag zien, per fase', 'What police may see, per stage'],
  'agreement.sharingHint': ['Persoonsgegevens worden nooit gedeeld bij een raadpleging of intrekking, ook niet als ze hier zijn aangevinkt.', 'Personal data are never shared in a consultation or cancellation, even if ticked here.'],
  'agreement.changeNote': ['Reden van de wijziging', 'Reason for the change'],
  'agreement.submit': ['Versie vastleggen', 'Record version'],
  'agreement.saved': ['Versie {version} van {id} vastgelegd.', 'Version {version} of {id} recorded.'],
  'agreement.institutionsShown': ['Instellingen', 'Institutions'],
  'agreement.wholeRegion': ['hele regio', 'whole region'],
  'agreement.legalBasisShown': ['Grondslag', 'Legal basis'],
  'agreement.closedAlwaysShown': ['Gesloten met machtiging altijd melden', 'Closed with court order always reported'],
  'rule.orangeEscalateAfterMinutes': ['Oranje: volledige melding na (minuten)', 'Orange: full report after (minutes)'],
  'rule.greenReassessAfterMinutes': ['Groen: opnieuw inschatten na (minuten)', 'Green: reassess after (minutes)'],
  'rule.greenReassessAnswerMinutes': ['Groen: antwoord binnen (minuten), anders oranje', 'Green: answer within (minutes), else orange'],
  'rule.redAcknowledgeMinutes': ['Rood: politie bevestigt binnen (minuten)', 'Red: police acknowledge within (minutes)'],
  'rule.orangeAcknowledgeMinutes': ['Oranje: politie bevestigt binnen (minuten)', 'Orange: police acknowledge within (minutes)'],
  'rule.returnConversationHours': ['Terugkeergesprek binnen (uren)', 'Return conversation within (hours)'],
  'rule.calamityAfterHours': ['Calamiteit gesloten jeugdhulp na (uren)', 'Closed care calamity after (hours)'],
  'rule.repeatWindowDays': ['Herhaling: periode (dagen)', 'Repeat: window (days)'],
  'rule.repeatEpisodeThreshold': ['Herhaling: aantal vermissingen', 'Repeat: number of episodes'],
  'stage.consultation': ['Raadpleging (oranje)', 'Consultation (orange)'],
  'stage.missingReport': ['Vermissingsmelding (rood of opgeschaald)', 'Missing report (red or escalated)'],
  'stage.update': ['Aanvulling', 'Update'],
  'stage.cancel': ['Intrekking', 'Cancellation'],
  'data.ageBand': ['Leeftijdscategorie', 'Age band'],
  'data.placementType': ['Soort plaatsing', 'Placement type'],
  'data.riskLevel': ['Risiconiveau', 'Risk level'],
  'data.region': ['Regio', 'Region'],
  'data.minutesMissing': ['Tijd vermist', 'Time missing'],
  'data.givenName': ['Voornaam', 'Given name'],
  'data.familyName': ['Achternaam', 'Family name'],
  'data.dateOfBirth': ['Geboortedatum', 'Date of birth'],
  'data.sex': ['Geslacht', 'Sex'],
  'data.photo': ['Foto', 'Photo'],
  'data.photoContentType': ['Soort foto', 'Photo type'],
  'data.physicalDescription': ['Signalement', 'Description'],
  'data.clothing': ['Kleding', 'Clothing'],
  'data.lastSeenAt': ['Laatst gezien (tijd)', 'Last seen (time)'],
  'data.lastSeenLocation': ['Laatst gezien (plaats)', 'Last seen (place)'],
  'data.contacts': ['Contacten', 'Contacts'],
  'data.places': ['Plekken', 'Places'],
  'data.safetyMedicalNeeds': ['Medisch (veiligheid)', 'Medical (safety)'],
  'data.legalTitle': ['Juridische titel', 'Legal title'],
  'data.riskIndicators': ['Risico-indicatoren', 'Risk indicators'],
  'data.newInformation': ['Nieuwe informatie', 'New information'],
});

const TIME_RULES = [['orangeEscalateAfterMinutes', 360], ['greenReassessAfterMinutes', 1440], ['greenReassessAnswerMinutes', 60],
  ['redAcknowledgeMinutes', 15], ['orangeAcknowledgeMinutes', 60], ['returnConversationHours', 72],
  ['calamityAfterHours', 24], ['repeatWindowDays', 90], ['repeatEpisodeThreshold', 2]];
const STAGES = ['consultation', 'missingReport', 'update', 'cancel'];
const FIELDS = ['ageBand', 'placementType', 'riskLevel', 'region', 'minutesMissing', 'givenName', 'familyName',
  'dateOfBirth', 'sex', 'photo', 'photoContentType', 'physicalDescription', 'clothing', 'lastSeenAt',
  'lastSeenLocation', 'contacts', 'places', 'safetyMedicalNeeds', 'legalTitle', 'riskIndicators', 'newInformation'];
const DEFAULT_SHARING = {
  consultation: ['ageBand', 'placementType', 'riskLevel', 'region', 'minutesMissing'],
  missingReport: ['ageBand', 'placementType', 'riskLevel', 'region', 'minutesMissing', 'givenName', 'familyName',
    'dateOfBirth', 'sex', 'photo', 'photoContentType', 'physicalDescription', 'clothing', 'lastSeenAt',
    'lastSeenLocation', 'contacts', 'places', 'safetyMedicalNeeds', 'legalTitle', 'riskIndicators'],
  update: ['riskLevel', 'minutesMissing', 'clothing', 'lastSeenAt', 'lastSeenLocation', 'riskIndicators', 'newInformation'],
  cancel: [],
};

const user = await startPage(['AGREEMENT_ADMIN']);
const region = user && user.tenant;
const $ = id => document.getElementById(id);
let agreements = [];
let shown = null;

function buildForm() {
  const rules = $('f-time-rules');
  const values = new Map(Array.from(rules.querySelectorAll('input')).map(i => [i.name, i.value]));
  rules.replaceChildren(...TIME_RULES.map(([name, fallback]) => el('div', { class: 'field' },
    el('label', { for: 'f-' + name }, t('rule.' + name)),
    el('input', { id: 'f-' + name, name: 'timeRules.' + name, type: 'number', min: '1', step: '1', inputmode: 'numeric',
      placeholder: String(fallback), value: values.get('timeRules.' + name) || null }))));
  const sharing = $('f-sharing');
  const checked = new Set(Array.from(sharing.querySelectorAll('input:checked')).map(i => i.id));
  const firstBuild = sharing.children.length === 0;
  sharing.replaceChildren(...STAGES.map(stage => el('fieldset', { 'data-field': 'sharing.' + stage },
    el('legend', {}, t('stage.' + stage)),
    el('div', { class: 'choices columns' }, FIELDS.map(field => {
      const id = 's-' + stage + '-' + field;
      return el('div', { class: 'choice' },
        el('input', { type: 'checkbox', id, name: 'sharing.' + stage, value: field,
          checked: firstBuild ? DEFAULT_SHARING[stage].includes(field) : checked.has(id) }),
        el('label', { for: id }, t('data.' + field)));
    })))));
}

function fillFrom(version) {
  $('f-agreementId').value = version.agreementId;
  $('f-policeUnit').value = version.policeUnit;
  $('f-municipality').value = version.municipalityContact;
  $('f-institutions').value = (version.institutionIds || []).join(', ');
  $('f-legalBasis').value = version.legalBasis;
  $('f-closedAlways').checked = version.closedWithLegalTitleAlwaysReported;
  for (const [name] of TIME_RULES) $('f-' + name).value = version.timeRules[name];
  for (const stage of STAGES) {
    for (const field of FIELDS) $('s-' + stage + '-' + field).checked = version.sharing[stage].includes(field);
  }
  const history = agreements.find(a => a.agreementId === version.agreementId);
  $('f-expectedVersion').value = history ? history.latest : '';
}

function renderAgreements() {
  $('no-agreements').hidden = agreements.length > 0;
  $('agreements').replaceChildren(...agreements.map(a => {
    const versions = [...a.versions].sort((x, y) => y.version - x.version);
    return el('div', { class: 'table-wrap', dataset: { agreementId: a.agreementId } },
      el('h3', {}, a.agreementId),
      el('table', {},
        el('caption', { class: 'visually-hidden' }, t('agreement.caption', { id: a.agreementId })),
        el('thead', {}, el('tr', {}, ...['agreement.colVersion', 'agreement.colFrom', 'agreement.colUnit', 'agreement.colBy',
          'agreement.colNote', 'agreement.colShow'].map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, versions.map(v => {
          const show = el('button', { type: 'button', class: 'link' }, t('agreement.show', { version: v.version }));
          show.addEventListener('click', () => showVersion(v));
          return el('tr', { dataset: { version: v.version } },
            el('th', { scope: 'row' }, String(v.version), a.effective === v.version ? el('span', { class: 'tag' }, t('agreement.effective')) : ''),
            el('td', {}, timeElement(v.effectiveFrom)),
            el('td', {}, v.policeUnit),
            el('td', {}, v.changedBy || ''),
            el('td', {}, v.changeNote || ''),
            el('td', {}, show));
        }))));
  }));
}

function showVersion(v) {
  shown = v;
  $('version').hidden = false;
  $('version-title').textContent = t('agreement.versionTitle', { id: v.agreementId, version: v.version });
  const rules = el('table', {}, el('caption', {}, t('agreement.timeRules')),
    el('tbody', {}, TIME_RULES.map(([name]) => el('tr', {}, el('th', { scope: 'row' }, t('rule.' + name)),
      el('td', {}, String(v.timeRules[name]))))));
  const sharing = el('table', {}, el('caption', {}, t('agreement.sharing')),
    el('tbody', {}, STAGES.map(stage => el('tr', {}, el('th', { scope: 'row' }, t('stage.' + stage)),
      el('td', {}, v.sharing[stage].length ? v.sharing[stage].map(f => t('data.' + f)).join(', ') : t('common.none'))))));
  const base = el('button', { type: 'button', class: 'secondary' }, t('agreement.basedOn'));
  base.addEventListener('click', () => {
    fillFrom(v);
    $('f-changeNote').focus();
  });
  $('version-body').replaceChildren(
    el('dl', { class: 'facts' },
      el('dt', {}, t('agreement.policeUnit')), el('dd', {}, v.policeUnit),
      el('dt', {}, t('agreement.municipality')), el('dd', {}, v.municipalityContact),
      el('dt', {}, t('agreement.institutionsShown')), el('dd', {}, v.institutionIds.length ? v.institutionIds.join(', ') : t('agreement.wholeRegion')),
      el('dt', {}, t('agreement.legalBasisShown')), el('dd', {}, v.legalBasis),
      el('dt', {}, t('agreement.closedAlwaysShown')), el('dd', {}, t(v.closedWithLegalTitleAlwaysReported ? 'common.yes' : 'common.no'))),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('agreement.timeRules') }, rules),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('agreement.sharing') }, sharing), base);
  $('version-title').focus();
}

async function load() {
  agreements = await api('/api/convenant/agreements');
  renderAgreements();
  if (!$('f-agreementId').value) {
    const latest = agreements[0] && [...agreements[0].versions].sort((x, y) => y.version - x.version)[0];
    if (latest) fillFrom(latest);
    else {
      $('f-agreementId').value = 'convenant-' + region;
      $('f-legalBasis').value = 'Jeugdwet art. 7.3.11; convenant vermissingen ' + region;
    }
  }
}

function wire() {
  const form = $('agreement-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const id = value(form, 'agreementId');
      const timeRules = {};
      for (const [name] of TIME_RULES) {
        const v = value(form, 'timeRules.' + name);
        if (v !== null) timeRules[name] = Number(v);
      }
      const sharing = {};
      for (const stage of STAGES) {
        sharing[stage] = Array.from(form.querySelectorAll('input[name="sharing.' + stage + '"]:checked')).map(i => i.value);
      }
      const existing = agreements.find(a => a.agreementId === id);
      const created = await api('/api/convenant/agreements/' + encodeURIComponent(id) + '/versions', {
        method: 'POST',
        body: JSON.stringify({
          region,
          policeUnit: value(form, 'policeUnit'),
          municipalityContact: value(form, 'municipalityContact'),
          institutionIds: (value(form, 'institutionIds') || '').split(',').map(s => s.trim()).filter(Boolean),
          timeRules, sharing,
          closedWithLegalTitleAlwaysReported: form.elements.closedWithLegalTitleAlwaysReported.checked,
          legalBasis: value(form, 'legalBasis'),
          effectiveFrom: instantFrom(value(form, 'effectiveFrom')),
          changeNote: value(form, 'changeNote'),
          expectedVersion: existing ? existing.latest : 0,
        }),
      });
      $('f-changeNote').value = '';
      $('f-effectiveFrom').value = '';
      announce('status', t('agreement.saved', { version: created.version, id }));
      await load();
      $('f-expectedVersion').value = created.version;
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

if (user) {
  $('region').textContent = '(' + region + ')';
  buildForm();
  wire();
  onLanguageChange(() => {
    buildForm();
    renderAgreements();
    if (shown) showVersion(shown);
  });
  try {
    await load();
  } catch (error) {
    announce('status', t('common.error', { message: error.message }));
  }
}
