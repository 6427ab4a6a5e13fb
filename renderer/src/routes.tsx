import type { ReactNode } from 'react';
import { InboxPage } from './pages/Inbox.page';
import { DiaryPage } from './pages/Diary.page';
import type { AppState, Channel } from '../../shared/contract';
import type { MessageKey } from '../../shared/i18n/keys';
import { AgenciesPage, AgencyPage } from './pages/Agencies.page';
import { AgencyEditPage } from './pages/AgencyEdit.page';
import { AssessmentPage } from './pages/Assessment.page';
import { AuditPage } from './pages/Audit.page';
import { BackupPage } from './pages/Backup.page';
import { ClientDetailPage } from './pages/ClientDetail.page';
import { ClientEditPage } from './pages/ClientEdit.page';
import { ClientListPage } from './pages/ClientList.page';
import { HomePage } from './pages/Home.page';
import { ImportPage } from './pages/Import.page';
import { IntakePage } from './pages/Intake.page';
import { LetterPage } from './pages/Letter.page';
import { MergePage } from './pages/Merge.page';
import { NotePage } from './pages/Note.page';
import { ProgrammeEditPage } from './pages/ProgrammeEdit.page';
import { ProgrammePage } from './pages/Programme.page';
import { ProgrammesPage } from './pages/Programmes.page';
import { ReferralsPage } from './pages/Referrals.page';
import { IncomingPage } from './pages/Incoming.page';
import { SignpostingPage } from './pages/Signposting.page';
import { ReportPage } from './pages/Report.page';
import { RetentionPage } from './pages/Retention.page';
import { SafetyPlanPage } from './pages/SafetyPlan.page';
import { RegisterPage } from './pages/Register.page';
import { SettingsPage } from './pages/Settings.page';
import { SubjectAccessPage } from './pages/SubjectAccess.page';
import { HelpGivenPage } from './pages/HelpGiven.page';
import { TemplateEditPage, TemplatesPage } from './pages/Templates.page';
import { UsersPage } from './pages/Users.page';

export type ClientTab =
  | 'overview'
  | 'plan'
  | 'timeline'
  | 'assessments'
  | 'forms'
  | 'referrals'
  | 'letters'
  | 'documents'
  | 'eligibility'
  | 'appointments'
  | 'helpGiven'
  | 'safety'
  | 'consent'
  | 'household'
  | 'risk';

/** Every page of the signed-in app, with what it opens on. */
export type Route =
  | { name: 'home' }
  | { name: 'clients'; query?: string }
  | { name: 'client'; id: number; tab?: ClientTab }
  | { name: 'clientNew'; incomingId?: number; signpostId?: number }
  | { name: 'clientImport' }
  | { name: 'clientEdit'; id: number }
  | { name: 'clientAssessment'; id: number; assessmentId?: number }
  | { name: 'clientReview'; id: number }
  | { name: 'clientNote'; id: number; noteId?: number; appointmentId?: number }
  | { name: 'clientSafetyPlan'; id: number }
  | { name: 'clientMerge'; id: number }
  | { name: 'clientAccess'; id: number }
  | { name: 'clientLetter'; id: number; referralId?: number; letterId?: number; appointmentId?: number }
  | { name: 'diary' }
  | { name: 'inbox' }
  | { name: 'referrals' }
  | { name: 'incoming' }
  | { name: 'signposting' }
  | { name: 'programmes' }
  | { name: 'programme'; id: number }
  | { name: 'programmeEdit'; id?: number }
  | { name: 'register'; id: number }
  | { name: 'helpGiven' }
  | { name: 'report' }
  | { name: 'retention' }
  | { name: 'agencies' }
  | { name: 'agency'; id: number }
  | { name: 'agencyEdit'; id?: number }
  | { name: 'templates' }
  | { name: 'templateEdit'; id?: number }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'backup' }
  | { name: 'settings' };

/** A part of the app with its own entry in the menu. */
export interface Section {
  name: string;
  label: MessageKey;
  /** The channel a person must be allowed to use to see this part at all. */
  gate?: Channel;
}

/** The menu, in its order. */
export const SECTIONS = [
  { name: 'home', label: 'shell.home' },
  { name: 'clients', label: 'shell.clients' },
  { name: 'diary', label: 'diary.nav' },
  { name: 'inbox', label: 'inbox.nav', gate: 'documents.inbox' },
  { name: 'incoming', label: 'incoming.nav', gate: 'incoming.list' },
  { name: 'signposting', label: 'signposting.nav' },
  { name: 'referrals', label: 'referrals.title', gate: 'referrals.list' },
  { name: 'programmes', label: 'programmes.title' },
  { name: 'helpGiven', label: 'helpGiven.title', gate: 'helpGiven.list' },
  { name: 'report', label: 'report.nav', gate: 'reports.funder' },
  { name: 'agencies', label: 'agencies.title' },
  { name: 'templates', label: 'templates.title', gate: 'templates.save' },
  { name: 'users', label: 'shell.users', gate: 'users.list' },
  { name: 'retention', label: 'retention.title', gate: 'retention.get' },
  { name: 'audit', label: 'shell.audit', gate: 'audit.list' },
  { name: 'backup', label: 'shell.backup', gate: 'backup.create' },
  { name: 'settings', label: 'shell.settings' },
] as const satisfies readonly Section[];
export type SectionName = (typeof SECTIONS)[number]['name'];

/** What a few pages need from the frame around them: the signed-in state, and a way to change it. */
export interface Frame {
  state: AppState;
  onState: (s: AppState) => void;
  onCharityName: (name: string) => void;
}

type Named<N extends Route['name']> = Extract<Route, { name: N }>;
interface Page<N extends Route['name']> {
  section: SectionName;
  /** A channel the person must be allowed, beyond the section's own. */
  gate?: Channel;
  /** The page, drawn afresh for each route (so a page for another client starts clean). */
  render: (route: Named<N>, frame: Frame) => ReactNode;
}

/** Every page in one place: which part of the menu it belongs to, who may see it, and how it is drawn. */
export const ROUTES: { [N in Route['name']]: Page<N> } = {
  home: { section: 'home', render: () => <HomePage /> },
  clients: { section: 'clients', render: (r) => <ClientListPage initialQuery={r.query ?? ''} /> },
  diary: { section: 'diary', render: () => <DiaryPage /> },
  inbox: { section: 'inbox', render: () => <InboxPage /> },
  client: { section: 'clients', render: (r) => <ClientDetailPage id={r.id} tab={r.tab} /> },
  clientNew: {
    section: 'clients',
    render: (r) => <IntakePage incomingId={r.incomingId} signpostId={r.signpostId} />,
  },
  clientImport: { section: 'clients', gate: 'imports.choose', render: () => <ImportPage /> },
  clientEdit: { section: 'clients', render: (r) => <ClientEditPage id={r.id} /> },
  clientAssessment: {
    section: 'clients',
    render: (r) => <AssessmentPage clientId={r.id} assessmentId={r.assessmentId} />,
  },
  clientReview: { section: 'clients', render: (r) => <AssessmentPage clientId={r.id} review /> },
  clientNote: {
    section: 'clients',
    render: (r) => <NotePage clientId={r.id} noteId={r.noteId} appointmentId={r.appointmentId} />,
  },
  clientSafetyPlan: { section: 'clients', render: (r) => <SafetyPlanPage clientId={r.id} /> },
  clientMerge: { section: 'clients', gate: 'clients.merge', render: (r) => <MergePage id={r.id} /> },
  clientAccess: { section: 'clients', render: (r) => <SubjectAccessPage clientId={r.id} /> },
  clientLetter: {
    section: 'clients',
    gate: 'letters.keep',
    render: (r) => (
      <LetterPage clientId={r.id} referralId={r.referralId} letterId={r.letterId} appointmentId={r.appointmentId} />
    ),
  },
  incoming: { section: 'incoming', render: () => <IncomingPage /> },
  signposting: { section: 'signposting', render: () => <SignpostingPage /> },
  referrals: { section: 'referrals', render: () => <ReferralsPage /> },
  programmes: { section: 'programmes', render: () => <ProgrammesPage /> },
  programme: { section: 'programmes', render: (r) => <ProgrammePage id={r.id} /> },
  programmeEdit: { section: 'programmes', gate: 'programmes.save', render: (r) => <ProgrammeEditPage id={r.id} /> },
  register: { section: 'programmes', render: (r) => <RegisterPage id={r.id} /> },
  helpGiven: { section: 'helpGiven', render: () => <HelpGivenPage /> },
  report: { section: 'report', render: () => <ReportPage /> },
  retention: { section: 'retention', render: () => <RetentionPage /> },
  agencies: { section: 'agencies', render: () => <AgenciesPage /> },
  agency: { section: 'agencies', render: (r) => <AgencyPage id={r.id} /> },
  agencyEdit: { section: 'agencies', gate: 'agencies.save', render: (r) => <AgencyEditPage id={r.id} /> },
  templates: { section: 'templates', render: () => <TemplatesPage /> },
  templateEdit: { section: 'templates', render: (r) => <TemplateEditPage id={r.id} /> },
  users: { section: 'users', render: (_, f) => <UsersPage onState={f.onState} /> },
  audit: { section: 'audit', render: () => <AuditPage /> },
  backup: { section: 'backup', render: (_, f) => <BackupPage onState={f.onState} /> },
  settings: {
    section: 'settings',
    render: (_, f) => <SettingsPage state={f.state} onState={f.onState} onCharity={f.onCharityName} />,
  },
};

/** The menu entry a page belongs to, and whether this person may see it. */
export function pageOf(route: Route): Page<Route['name']> {
  return ROUTES[route.name] as Page<Route['name']>;
}

/** Whether a person allowed the channels `can` says yes to may open this page. */
export function mayOpen(route: Route, can: (channel: Channel) => boolean): boolean {
  const page = pageOf(route);
  const section: Section = SECTIONS.find((s) => s.name === page.section)!;
  return (!section.gate || can(section.gate)) && (!page.gate || can(page.gate));
}
