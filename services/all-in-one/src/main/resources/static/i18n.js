// Dutch first, English available: texts in the pages are Dutch; elements with data-i18n="key" (text) or
// data-i18n-attr="attribute:key;..." get the chosen language's text. The choice is kept in localStorage.
const STORAGE_KEY = 'vermissing.language';
const texts = { nl: {}, en: {} };
const listeners = [];

/** Adds texts: { key: ['Nederlands', 'English'] }. */
export function define(entries) {
  for (const [key, [nl, en]] of Object.entries(entries)) {
    texts.nl[key] = nl;
    texts.en[key] = en;
  }
}

export function language() {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
}

/** The text for key in the current language; {name} placeholders are filled from params. */
export function t(key, params) {
  let text = texts[language()][key] ?? texts.nl[key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.split('{' + name + '}').join(String(value));
    }
  }
  return text;
}

/** Label of an enum value, e.g. label('risk', 'RED'); falls back to the value itself. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = group + '.' + value;
  return texts[language()][key] ?? texts.nl[key] ?? String(value);
}

export function applyTranslations(root = document) {
  document.documentElement.lang = language();
  root.querySelectorAll('[data-i18n]').forEach(el => {
    const key = el.dataset.i18n;
    if (!(key in texts.nl)) texts.nl[key] = el.textContent.trim();
    el.textContent = t(key);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach(el => {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      if (!(key in texts.nl)) texts.nl[key] = el.getAttribute(attribute) || '';
      el.setAttribute(attribute, t(key));
    }
  });
}

export function setLanguage(lang) {
  localStorage.setItem(STORAGE_KEY, lang === 'en' ? 'en' : 'nl');
  applyTranslations();
  for (const listener of listeners) listener();
}

/** Called after the language changed (pages re-render their dynamic parts). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

// Texts shared by every page: header, enum labels.
define({
  'common.switchTo': ['English', 'Nederlands'],
  'common.skip': ['Naar de inhoud', 'Skip to content'],
  'common.app': ['Vermissing uit jeugdhulp', 'Children missing from youth care'],
  'common.signIn': ['Aanmelden', 'Sign in'],
  'common.signOut': ['Afmelden', 'Sign out'],
  'common.loading': ['Bezig met laden…', 'Loading…'],
  'common.saved': ['Opgeslagen.', 'Saved.'],
  'common.error': ['Er ging iets mis: {message}', 'Something went wrong: {message}'],
  'common.fieldError': ['Controleer het veld "{field}": {message}', 'Check the field "{field}": {message}'],
  'common.noAccess': ['U heeft geen toegang tot deze pagina met dit account.', 'Your account has no access to this page.'],
  'common.none': ['Geen', 'None'],
  'common.yes': ['Ja', 'Yes'],
  'common.no': ['Nee', 'No'],
  'common.overdue': ['verlopen {ago}', 'overdue by {ago}'],
  'common.dueIn': ['nog {left}', '{left} left'],
  'common.minutes': ['{n} min', '{n} min'],
  'common.hours': ['{h} u {m} min', '{h} h {m} min'],
  'common.days': ['{d} d {h} u', '{d} d {h} h'],

  'risk.GREEN': ['Groen', 'Green'],
  'risk.ORANGE': ['Oranje', 'Orange'],
  'risk.RED': ['Rood', 'Red'],

  'indicator.UNDER_13': ['Jonger dan 13 jaar', 'Under 13'],
  'indicator.OUT_OF_CHARACTER': ['Ongewoon gedrag voor deze jongere', 'Out of character'],
  'indicator.SIGNS_OF_CRIME': ['Aanwijzingen voor een misdrijf', 'Signs of a crime'],
  'indicator.DISABILITY': ['Verstandelijke of lichamelijke beperking', 'Intellectual or physical disability'],
  'indicator.ACUTE_MEDICAL_NEED': ['Acute medische zorg of medicatie nodig', 'Acute medical need or medication dependency'],
  'indicator.WITH_CRIMINALS_OR_EXPLOITER': ['In gezelschap van criminelen of vermoedelijke uitbuiter', 'With criminals or a suspected exploiter'],
  'indicator.SEXUAL_EXPLOITATION': ['(Vermoeden van) seksuele uitbuiting', 'Known or suspected sexual exploitation'],
  'indicator.SUICIDAL_INTENT': ['Suïcidale uitingen', 'Suicidal intent'],
  'indicator.DANGER_TO_OTHERS': ['Gevaar voor anderen', 'Danger to others'],

  'status.OPEN': ['Open', 'Open'],
  'status.RETURNED': ['Terug', 'Returned'],
  'status.CANCELLED': ['Ingetrokken', 'Cancelled'],
  'status.CLOSED': ['Gesloten', 'Closed'],

  'step.LOCAL_ACTIONS_AND_RISK_ASSESSMENT': ['Lokale acties en risico-inschatting', 'Local actions and risk assessment'],
  'step.REASSESS_RISK': ['Risico opnieuw inschatten', 'Reassess the risk'],
  'step.CONSULT_POLICE': ['Politie raadplegen', 'Consult the police'],
  'step.FILE_MISSING_REPORT': ['Vermissing melden bij de politie', 'File a missing report with police'],
  'step.AWAIT_POLICE': ['Wachten op bevestiging door de politie', 'Await police acknowledgement'],
  'step.NOTIFY_MUNICIPALITY': ['Gemeente informeren (calamiteit)', 'Notify the municipality (calamity)'],
  'step.REPORT_RETURN': ['Terugkeer melden', 'Report the return'],
  'step.HOLD_RETURN_CONVERSATION': ['Terugkeergesprek houden', 'Hold the return conversation'],
  'step.NONE': ['Geen', 'None'],

  'placement.OPEN': ['Open jeugdhulp', 'Open care'],
  'placement.CLOSED': ['Gesloten jeugdhulp', 'Closed (secure) care'],
  'sex.FEMALE': ['Meisje', 'Female'],
  'sex.MALE': ['Jongen', 'Male'],
  'sex.OTHER': ['Anders', 'Other'],
  'sex.UNKNOWN': ['Onbekend', 'Unknown'],
  'ageBand.UNDER_12': ['jonger dan 12', 'under 12'],
  'ageBand.AGE_12_13': ['12–13 jaar', '12–13'],
  'ageBand.AGE_14_15': ['14–15 jaar', '14–15'],
  'ageBand.AGE_16_17': ['16–17 jaar', '16–17'],
  'ageBand.AGE_18_PLUS': ['18 jaar of ouder', '18 or older'],
  'ageBand.UNKNOWN': ['onbekend', 'unknown'],
  'legal.MACHTIGING_GESLOTEN_JEUGDHULP': ['Machtiging gesloten jeugdhulp', 'Court order for secure care'],
  'legal.SPOEDMACHTIGING': ['Spoedmachtiging', 'Emergency court order'],
  'legal.ONDERTOEZICHTSTELLING': ['Ondertoezichtstelling', 'Supervision order'],
  'legal.VOOGDIJ': ['Voogdij', 'Guardianship'],
  'legal.VRIJWILLIG': ['Vrijwillig', 'Voluntary'],
  'knownRisk.SEXUAL_EXPLOITATION': ['Seksuele uitbuiting', 'Sexual exploitation'],
  'knownRisk.CRIMINAL_EXPLOITATION': ['Criminele uitbuiting', 'Criminal exploitation'],
  'knownRisk.SUICIDE': ['Suïcide', 'Suicide'],
  'knownRisk.SELF_HARM': ['Zelfbeschadiging', 'Self-harm'],
  'knownRisk.SUBSTANCE_USE': ['Middelengebruik', 'Substance use'],
  'knownRisk.DANGER_TO_OTHERS': ['Gevaar voor anderen', 'Danger to others'],
  'knownRisk.OTHER': ['Anders', 'Other'],
  'foundBy.RETURNED_SELF': ['Zelf teruggekomen', 'Returned by themselves'],
  'foundBy.INSTITUTION': ['Door de instelling', 'By the institution'],
  'foundBy.POLICE': ['Door de politie', 'By the police'],
  'foundBy.PARENTS_OR_GUARDIAN': ['Door ouders of voogd', 'By parents or guardian'],
  'foundBy.OTHER': ['Anders', 'Other'],
  'infoKind.SIGHTING': ['Waarneming', 'Sighting'],
  'infoKind.NEW_CONTACT': ['Nieuw contact', 'New contact'],
  'infoKind.CLOTHING_CHANGED': ['Andere kleding', 'Changed clothing'],
  'infoKind.OTHER': ['Anders', 'Other'],
  'localAction.CALLED_YOUTH': ['Jongere gebeld', 'Called the youth'],
  'localAction.CALLED_FRIENDS': ['Vrienden gebeld', 'Called friends'],
  'localAction.CALLED_FAMILY': ['Familie gebeld', 'Called family'],
  'localAction.INFORMED_PARENTS_OR_GUARDIAN': ['Ouders of voogd geïnformeerd', 'Informed parents or guardian'],
  'localAction.SEARCHED_KNOWN_PLACES': ['Bekende plekken gezocht', 'Searched known places'],
  'localAction.OTHER': ['Anders', 'Other'],
  'event.AbsenceReported': ['Afwezigheid gemeld', 'Absence reported'],
  'event.LocalActionRecorded': ['Lokale actie', 'Local action'],
  'event.RiskAssessed': ['Risico ingeschat', 'Risk assessed'],
  'event.MissingReported': ['Vermissing gemeld bij politie', 'Missing report filed'],
  'event.InformationAdded': ['Informatie toegevoegd', 'Information added'],
  'event.YouthReturned': ['Terug', 'Returned'],
  'event.ReportCancelled': ['Melding ingetrokken', 'Report cancelled'],
  'event.CaseClosed': ['Zaak gesloten', 'Case closed'],
  'event.AlertAcknowledged': ['Politie bevestigt ontvangst', 'Police acknowledged'],
  'event.UrgencyClassified': ['Urgentie door politie', 'Police urgency'],
  'event.SightingReported': ['Waarneming door politie', 'Police sighting'],
  'event.FoundReported': ['Gevonden door politie', 'Found by police'],
  'event.ResponsibilityTransferred': ['Overgedragen aan andere eenheid', 'Transferred to another unit'],
  'event.InformationRequested': ['Vraag van de politie', 'Question from police'],
  'event.AcknowledgementOverdue': ['Bevestiging te laat: geëscaleerd', 'Acknowledgement overdue: escalated'],
  'source.INSTITUTION': ['Instelling', 'Institution'],
  'source.POLICE': ['Politie', 'Police'],
  'source.CONVENANT': ['Convenant', 'Agreement'],
});
