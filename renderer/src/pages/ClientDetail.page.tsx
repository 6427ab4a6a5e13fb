import { AppointmentsTab } from './client/AppointmentsTab';
import { Alert, Badge, Button, Loader, Stack, Tabs, type TabsPanelProps, type TabsTabProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormAlert } from '../components/FormAlert/FormAlert';
import type { ClientTab } from '../routes';
import { useCan } from '../session';
import { useChannel } from '../useChannel';
import { AssessmentsTab } from './client/AssessmentsTab';
import { FormsTab } from './client/FormsTab';
import { ConsentTab, currentConsent } from './client/ConsentTab';
import { HouseholdTab } from './client/HouseholdTab';
import { OverviewTab } from './client/OverviewTab';
import { PlanTab } from './client/PlanTab';
import { RiskFlagsTab } from './client/RiskFlagsTab';
import { SafetyPlanTab } from './client/SafetyPlanTab';
import { TimelineTab } from './client/TimelineTab';
import { HelpGivenTab } from './client/HelpGivenTab';
import { EraseClientModal } from '../components/EraseClient/EraseClient';
import { LettersTab } from './client/LettersTab';
import { DocumentsTab } from './client/DocumentsTab';
import { EligibilityTab } from './client/EligibilityTab';
import { ReferralsTab } from './client/ReferralsTab';
import { useGo, usePageState } from '../navigation';

/** A tab and its panel, named by a `ClientTab`: a renamed tab is a compile error, not a blank page. */
const Tab = (props: TabsTabProps & { value: ClientTab }) => <Tabs.Tab {...props} />;
const Panel = (props: TabsPanelProps & { value: ClientTab }) => <Tabs.Panel {...props} />;

/** A client's page: who they are, their risk flags on top, and their record in tabs. */
export function ClientDetailPage({ id, tab: openOn }: { id: number; tab?: ClientTab }) {
  const go = useGo();
  // The open tab is kept with this visit: Back from a note finds the client on the tab it was on.
  const [tab, setTab] = usePageState<ClientTab>('tab', openOn ?? 'overview');
  const { t } = useTranslation();
  const can = useCan();
  const { data: record, error, replace: setRecord } = useChannel('clients.get', { id });
  const [erasing, setErasing] = useState(false);

  if (error) return <FormAlert message={error} />;
  if (!record) return <Loader aria-label={t('common.loading')} />;
  const { client } = record;
  const activeFlags = record.riskFlags.filter((f) => !f.removedOn).length;
  const consent = currentConsent(record.consents);

  return (
    <Stack maw={1100}>
      <ClientHeader
        client={client}
        riskFlags={record.riskFlags}
        back={{ name: 'clients' }}

        actions={
          <>
            {can('clients.update') && (
              <Button variant="default" onClick={() => go({ name: 'clientEdit', id })}>
                {t('clients.editDetails')}
              </Button>
            )}
            {can('clients.merge') && (
              <Button variant="subtle" onClick={() => go({ name: 'clientMerge', id })}>
                {t('merge.start')}
              </Button>
            )}
            {can('subjectAccess.forClient') && (
              <Button variant="subtle" onClick={() => go({ name: 'clientAccess', id })}>
                {t('subjectAccess.title')}
              </Button>
            )}
            {can('erasure.eraseClient') && (
              <Button variant="subtle" color="red" onClick={() => setErasing(true)}>
                {t('erasure.start')}
              </Button>
            )}
          </>
        }
      />
      {record.contactDetailsWithheld && (
        <Alert color="gray" variant="light" role="status">
          {t('reach.withheldForVolunteers')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setTab((v ?? 'overview') as ClientTab)} keepMounted={false}>
        <Tabs.List>
          <Tab value="overview">{t('clients.tabs.overview')}</Tab>
          <Tab value="plan">{t('clients.tabs.plan')}</Tab>
          <Tab value="timeline">{t('clients.tabs.timeline')}</Tab>
          <Tab value="assessments">{t('clients.tabs.assessments')}</Tab>
          <Tab value="forms">{t('forms.tab')}</Tab>
          <Tab value="appointments">{t('diary.tab')}</Tab>
          {can('referrals.forClient') && <Tab value="referrals">{t('referrals.tab')}</Tab>}
          {can('letters.forClient') && <Tab value="letters">{t('letters.tab')}</Tab>}
          {can('documents.forClient') && <Tab value="documents">{t('documents.tab')}</Tab>}
          {can('eligibility.forClient') && <Tab value="eligibility">{t('eligibility.tab')}</Tab>}
          <Tab value="helpGiven">{t('programmes.tab')}</Tab>
          {!record.contactDetailsWithheld && <Tab value="safety">{t('clients.tabs.safety')}</Tab>}
          <Tab
            value="consent"
            rightSection={
              consent?.state !== 'active' ? (
                <Badge size="xs" color="orange" variant="filled">
                  !
                </Badge>
              ) : null
            }
          >
            {t('clients.tabs.consent')}
          </Tab>
          {!record.contactDetailsWithheld && <Tab value="household">{t('clients.tabs.household')}</Tab>}
          <Tab
            value="risk"
            rightSection={
              activeFlags ? (
                <Badge size="xs" color="red" variant="filled">
                  {activeFlags}
                </Badge>
              ) : null
            }
          >
            {t('clients.tabs.risk')}
          </Tab>
        </Tabs.List>
        <Panel value="overview" pt="md">
          <OverviewTab record={record} onRecord={setRecord} />
        </Panel>
        <Panel value="plan" pt="md">
          <PlanTab clientId={id} />
        </Panel>
        <Panel value="timeline" pt="md">
          <TimelineTab clientId={id} />
        </Panel>
        <Panel value="safety" pt="md">
          <SafetyPlanTab clientId={id} />
        </Panel>
        <Panel value="consent" pt="md">
          <ConsentTab record={record} onRecord={setRecord} />
        </Panel>
        <Panel value="household" pt="md">
          <HouseholdTab record={record} onRecord={setRecord} />
        </Panel>
        <Panel value="assessments" pt="md">
          <AssessmentsTab record={record} />
        </Panel>
        <Panel value="forms" pt="md">
          <FormsTab record={record} onRecord={setRecord} />
        </Panel>
        <Panel value="appointments" pt="md">
          <AppointmentsTab clientId={id} clientName={`${record.client.firstName} ${record.client.lastName}`} />
        </Panel>
        <Panel value="referrals" pt="md">
          {can('referrals.forClient') && <ReferralsTab clientId={id} />}
        </Panel>
        <Panel value="letters" pt="md">
          {can('letters.forClient') && <LettersTab clientId={id} />}
        </Panel>
        <Panel value="documents" pt="md">
          {can('documents.forClient') && <DocumentsTab clientId={id} />}
        </Panel>
        <Panel value="eligibility" pt="md">
          {can('eligibility.forClient') && <EligibilityTab clientId={id} />}
        </Panel>
        <Panel value="helpGiven" pt="md">
          <HelpGivenTab clientId={id} clientName={`${record.client.firstName} ${record.client.lastName}`} />
        </Panel>
        <Panel value="risk" pt="md">
          <RiskFlagsTab record={record} onRecord={setRecord} />
        </Panel>
      </Tabs>
      {erasing && (
        <EraseClientModal client={client} onClose={() => setErasing(false)} onDone={() => go({ name: 'clients' })} />
      )}
    </Stack>
  );
}
