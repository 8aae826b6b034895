// Start page: sign in, then the pages that belong to the signed-in person's role.
import { signIn, signOut } from '/auth.js';
import { define, onLanguageChange, t } from '/i18n.js';
import { el, startPage } from '/page.js';

define({
  'home.title': ['Kinderen die vermist raken uit de jeugdhulp', 'Children who go missing from youth care'],
  'home.intro': ['Meldingen van kinderen die vermist raken uit een jeugdhulpinstelling: melden, risico inschatten, delen met de politie volgens het convenant, terugkeer en terugkeergesprek, en het landelijk vermissingenregister.',
    'Reports of children who go missing from a youth-care institution: reporting, risk assessment, sharing with police under the agreement (convenant), return and return conversation, and the national register of missing episodes.'],
  'home.signInTitle': ['Aanmelden', 'Sign in'],
  'home.demo': ['Meld u aan met een demo-account (wachtwoord "demo"):', 'Sign in with a demo account (password "demo"):'],
  'home.acc.staff': ['groepsleiding De Horizon (gesloten jeugdhulp)', 'group worker De Horizon (secure care)'],
  'home.acc.police': ['politie Midden-Nederland', 'police Midden-Nederland'],
  'home.acc.followup': ['terugkeergesprekken De Horizon', 'return conversations De Horizon'],
  'home.acc.admin': ['convenantbeheer Flevoland', 'agreement administrator Flevoland'],
  'home.acc.register': ['landelijk register', 'national register'],
  'home.acc.audit': ['auditor', 'auditor'],
  'home.pages': ['Uw pagina\'s', 'Your pages'],
  'home.page.staff': ['Meldingen van uw instelling', 'Your institution\'s reports'],
  'home.page.followup': ['Terugkeergesprekken', 'Return conversations'],
  'home.page.police': ['Live meldingen van uw eenheid', 'Live alerts for your unit'],
  'home.page.agreement': ['Convenantregels', 'Agreement rules'],
  'home.page.register': ['Landelijk vermissingenregister', 'National register of missing episodes'],
  'home.page.audit': ['Audit-trail', 'Audit trail'],
});

const PAGES = {
  INSTITUTION_STAFF: [['/instelling.html', 'home.page.staff']],
  FOLLOW_UP_WORKER: [['/terugkeer.html', 'home.page.followup']],
  CARE_COORDINATOR: [['/terugkeer.html', 'home.page.followup'], ['/instelling.html', 'home.page.staff']],
  POLICE_LIAISON: [['/politie.html', 'home.page.police']],
  DUTY_OFFICER: [['/politie.html', 'home.page.police']],
  AGREEMENT_ADMIN: [['/convenant.html', 'home.page.agreement']],
  REGISTRY_CONSUMER: [['/register/index.html', 'home.page.register']],
  AUDITOR: [['/audit.html', 'home.page.audit'], ['/register/index.html', 'home.page.register']],
};

const user = await startPage(null);
document.getElementById('signin-button').addEventListener('click', () => signIn('/'));

function renderPages() {
  const list = document.getElementById('page-list');
  list.replaceChildren();
  const seen = new Set();
  for (const role of user.roles) {
    for (const [href, key] of PAGES[role] || []) {
      if (seen.has(href)) continue;
      seen.add(href);
      list.append(el('li', {}, el('a', { href }, t(key))));
    }
  }
}

if (user) {
  document.getElementById('signin').hidden = true;
  document.getElementById('pages').hidden = false;
  document.getElementById('who').textContent = user.name;
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.addEventListener('click', signOut);
  renderPages();
  onLanguageChange(renderPages);
}
