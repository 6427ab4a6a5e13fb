import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { invoke } from '../../api';
import { AuditPage } from '../../pages/Audit.page';
import { BackupPage } from '../../pages/Backup.page';
import { ClientDetailPage } from '../../pages/ClientDetail.page';
import { ClientEditPage } from '../../pages/ClientEdit.page';
import { HomePage } from '../../pages/Home.page';
import { IntakePage } from '../../pages/Intake.page';
import { NotePage } from '../../pages/Note.page';
import { SafetyPlanPage } from '../../pages/SafetyPlan.page';
import { AssessmentPage } from '../../pages/Assessment.page';
import { MergePage } from '../../pages/Merge.page';
import { ClientListPage } from '../../pages/ClientList.page';
import { SettingsPage } from '../../pages/Settings.page';
import { UsersPage } from '../../pages/Users.page';
import { AgenciesPage, AgencyPage } from '../../pages/Agencies.page';
import { AgencyEditPage } from '../../pages/AgencyEdit.page';
import { LetterPage } from '../../pages/Letter.page';
import { ReferralsPage } from '../../pages/Referrals.page';
import { TemplateEditPage, TemplatesPage } from '../../pages/Templates.page';
import { ProgrammePage, ProgrammesPage } from '../../pages/Programmes.page';
import { ProgrammeEditPage } from '../../pages/ProgrammeEdit.page';
import { SessionPage } from '../../pages/Session.page';
import { SupportPage } from '../../pages/Support.page';
import { ReportPage } from '../../pages/Report.page';
import { RetentionPage } from '../../pages/Retention.page';
import { SubjectAccessPage } from '../../pages/SubjectAccess.page';
import { ImportPage } from '../../pages/Import.page';
import { SessionContext, useCan } from '../../session';
import { RollbackWarning } from '../RollbackWarning/RollbackWarning';

export type ClientTab =
  | 'overview'
  | 'plan'
  | 'timeline'
  | 'assessments'
  | 'referrals'
  | 'letters'
  | 'support'
  | 'safety'
  | 'consent'
  | 'household'
  | 'risk';

export type Route =
  | { name: 'home' }
  | { name: 'clients'; query?: string }
  | { name: 'client'; id: number; tab?: ClientTab }
  | { name: 'clientNew' }
  | { name: 'clientImport' }
  | { name: 'clientEdit'; id: number }
  | { name: 'clientAssessment'; id: number; assessmentId?: number }
  | { name: 'clientReview'; id: number }
  | { name: 'clientNote'; id: number; noteId?: number }
  | { name: 'clientSafetyPlan'; id: number }
  | { name: 'clientMerge'; id: number }
  | { name: 'clientAccess'; id: number }
  | { name: 'clientLetter'; id: number; referralId?: number; letterId?: number }
  | { name: 'referrals' }
  | { name: 'programmes' }
  | { name: 'programme'; id: number }
  | { name: 'programmeEdit'; id?: number }
  | { name: 'session'; id: number }
  | { name: 'support' }
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

type Section =
  | 'home'
  | 'clients'
  | 'referrals'
  | 'programmes'
  | 'support'
  | 'report'
  | 'retention'
  | 'agencies'
  | 'templates'
  | 'users'
  | 'audit'
  | 'backup'
  | 'settings';
const sectionOf = (r: Route): Section => {
  switch (r.name) {
    case 'home':
    case 'referrals':
    case 'programmes':
    case 'support':
    case 'report':
    case 'retention':
    case 'agencies':
    case 'templates':
    case 'users':
    case 'audit':
    case 'backup':
    case 'settings':
      return r.name;
    case 'agency':
    case 'agencyEdit':
      return 'agencies';
    case 'templateEdit':
      return 'templates';
    case 'programme':
    case 'programmeEdit':
    case 'session':
      return 'programmes';
    default:
      return 'clients';
  }
};

/** The signed-in frame: header with the charity, Switch user and Lock; the menu; the current page. */
export function Workspace(props: {
  state: AppState;
  onState: (s: AppState) => void;
  route: Route;
  go: (r: Route) => void;
  onSwitchUser: () => void;
}) {
  return (
    <SessionContext.Provider value={props.state}>
      <Frame {...props} />
    </SessionContext.Provider>
  );
}

function Frame({
  state,
  onState,
  route,
  go,
  onSwitchUser,
}: {
  state: AppState;
  onState: (s: AppState) => void;
  route: Route;
  go: (r: Route) => void;
  onSwitchUser: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [charityName, setCharityName] = useState('');
  useEffect(() => {
    void invoke('charity.get', {}).then((r) => r.ok && setCharityName(r.value.name));
  }, [route.name]);

  // A page the user may not see (e.g. after their role changed) falls back to the client list.
  const section = sectionOf(route);
  const allowed: Record<Section, boolean> = {
    home: true,
    clients: true,
    referrals: can('referrals.list'),
    programmes: true,
    support: can('support.list'),
    report: can('reports.funder'),
    retention: can('retention.get'),
    agencies: true,
    templates: can('templates.save'),
    users: can('users.list'),
    audit: can('audit.list'),
    backup: can('backup.create'),
    settings: true,
  };
  useEffect(() => {
    if (!allowed[section]) go({ name: 'clients' });
  });

  const lock = async () => {
    const r = await invoke('session.lock', {});
    if (r.ok) onState(r.value);
  };

  const nav = (key: Section, label: string) =>
    allowed[key] && (
      <NavLink
        key={key}
        component="button"
        label={label}
        active={section === key}
        aria-current={section === key ? 'page' : undefined}
        onClick={() => go({ name: key })}
      />
    );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={2} size="h3" c="indigo.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" truncate>
              {charityName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm">{t('shell.signedInAs', { name: state.user?.name ?? '' })}</Text>
            {state.user && <Badge variant="light">{t(`roles.${state.user.role}`)}</Badge>}
            <Button variant="subtle" onClick={onSwitchUser}>
              {t('account.switchUser')}
            </Button>
            <Button variant="default" onClick={lock}>
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.mainNav')}>
        {nav('home', t('shell.home'))}
        {nav('clients', t('shell.clients'))}
        {nav('referrals', t('referrals.title'))}
        {nav('programmes', t('programmes.title'))}
        {nav('support', t('support.title'))}
        {nav('report', t('report.nav'))}
        {nav('agencies', t('agencies.title'))}
        {nav('templates', t('templates.title'))}
        {nav('users', t('shell.users'))}
        {nav('retention', t('retention.title'))}
        {nav('audit', t('shell.audit'))}
        {nav('backup', t('shell.backup'))}
        {nav('settings', t('shell.settings'))}
      </AppShell.Navbar>
      <AppShell.Main>
        <RollbackWarning state={state} onState={onState} />
        {route.name === 'home' && <HomePage go={go} />}
        {route.name === 'clients' && <ClientListPage initialQuery={route.query ?? ''} go={go} />}
        {route.name === 'client' && <ClientDetailPage id={route.id} tab={route.tab} go={go} />}
        {route.name === 'clientNew' && <IntakePage go={go} />}
        {route.name === 'clientEdit' && <ClientEditPage id={route.id} go={go} />}
        {route.name === 'clientAssessment' && (
          <AssessmentPage
            key={`${route.id}-${route.assessmentId}`}
            clientId={route.id}
            assessmentId={route.assessmentId}
            go={go}
          />
        )}
        {route.name === 'clientReview' && (
          <AssessmentPage key={`review-${route.id}`} clientId={route.id} review go={go} />
        )}
        {route.name === 'clientNote' && (
          <NotePage key={`${route.id}-${route.noteId}`} clientId={route.id} noteId={route.noteId} go={go} />
        )}
        {route.name === 'clientSafetyPlan' && <SafetyPlanPage clientId={route.id} go={go} />}
        {route.name === 'clientAccess' && <SubjectAccessPage clientId={route.id} go={go} />}
        {route.name === 'clientImport' && can('imports.choose') && <ImportPage go={go} />}
        {route.name === 'clientMerge' && can('clients.merge') && <MergePage id={route.id} go={go} />}
        {route.name === 'clientLetter' && can('letters.keep') && (
          <LetterPage
            key={`${route.id}-${route.letterId}-${route.referralId}`}
            clientId={route.id}
            referralId={route.referralId}
            letterId={route.letterId}
            go={go}
          />
        )}
        {route.name === 'referrals' && allowed.referrals && <ReferralsPage go={go} />}
        {route.name === 'programmes' && <ProgrammesPage go={go} />}
        {route.name === 'programme' && <ProgrammePage key={route.id} id={route.id} go={go} />}
        {route.name === 'programmeEdit' && can('programmes.save') && (
          <ProgrammeEditPage key={route.id ?? 'new'} id={route.id} go={go} />
        )}
        {route.name === 'session' && <SessionPage key={route.id} id={route.id} go={go} />}
        {route.name === 'support' && allowed.support && <SupportPage go={go} />}
        {route.name === 'report' && allowed.report && <ReportPage />}
        {route.name === 'retention' && allowed.retention && <RetentionPage go={go} />}
        {route.name === 'agencies' && <AgenciesPage go={go} />}
        {route.name === 'agency' && <AgencyPage key={route.id} id={route.id} go={go} />}
        {route.name === 'agencyEdit' && can('agencies.save') && (
          <AgencyEditPage key={route.id ?? 'new'} id={route.id} go={go} />
        )}
        {route.name === 'templates' && allowed.templates && <TemplatesPage go={go} />}
        {route.name === 'templateEdit' && allowed.templates && (
          <TemplateEditPage key={route.id ?? 'new'} id={route.id} go={go} />
        )}
        {route.name === 'users' && allowed.users && <UsersPage onState={onState} />}
        {route.name === 'audit' && allowed.audit && <AuditPage />}
        {route.name === 'backup' && allowed.backup && <BackupPage onState={onState} />}
        {route.name === 'settings' && <SettingsPage state={state} onState={onState} onCharity={setCharityName} />}
      </AppShell.Main>
    </AppShell>
  );
}
