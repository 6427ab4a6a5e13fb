import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { inLanguage, type RecheckDue } from '../../../shared/domain/eligibility';
import { FollowUpBadge, ReferralStatusBadge } from './client/ReferralsTab';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/domain/supportPlan';
import type { AccessRequest } from '../../../shared/domain/subjectAccess';
import { AccessDueBadge } from './SubjectAccess.page';
import { BackupReminder } from '../components/BackupReminder/BackupReminder';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { Section } from '../components/Section/Section';
import { DueBadge, TaskList } from '../components/TaskList/TaskList';
import { formatDate, formatNumber } from '../format';
import { useCan } from '../session';
import { useChannel } from '../useChannel';
import { useGo } from '../navigation';
import { TodaysAppointments } from './diary/TodaysAppointments';
import { TextsToSend } from './diary/TextsToSend';
import { SinceLastHere } from './digest/SinceLastHere';

function Stat({ label, value, alert }: { label: string; value: number; alert?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="md" role="group" aria-label={label}>
      <Text size="xl" fw={700} c={alert && value > 0 ? 'red.8' : undefined}>
        {formatNumber(value, i18n.language)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

const NO_REQUESTS: AccessRequest[] = [];
const NO_RECHECKS: RecheckDue[] = [];

/** The signed-in user's day: what is due, what is late, and their open clients. Coordinators also see everyone's load. */
export function HomePage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { data: caseload, error, replace: setCaseload } = useChannel('caseload.get', {});
  const retention = useChannel('retention.get', can('retention.get') ? {} : null).data;
  const pastRetention = retention?.due.length ?? 0;
  const documentsPastTime = retention?.documentsDue.length ?? 0;
  const rechecks =
    useChannel('eligibility.rechecksDue', can('eligibility.rechecksDue') ? {} : null).data ?? NO_RECHECKS;
  const accessRequests = useChannel('subjectAccess.open', can('subjectAccess.open') ? {} : null).data ?? NO_REQUESTS;
  const programmes = useChannel('programmes.list', { show: 'current' }).data;
  // Referrals in not yet looked at, and people waiting long enough to be asked whether they still need us.
  const incoming = useChannel('incoming.list', can('incoming.list') ? { show: 'open' } : null).data?.items;
  const newReferrals = incoming?.filter((i) => i.status === 'new').length ?? 0;
  const stillNeedDue = incoming?.filter((i) => i.stillNeedDue).length ?? 0;
  const today = caseload?.today;
  const sessionsToday = (programmes ?? []).filter((x) => x.nextSessionOn === today && x.nextSessionId !== null);
  const date = (d: string | null) => formatDate(d, i18n.language);

  if (error) return <FormAlert message={error} />;
  if (!caseload) return <Loader aria-label={t('common.loading')} />;
  const c = caseload;
  const replace = (list: Task[], task: Task) => list.map((x) => (x.id === task.id ? task : x));
  const onTask = (task: Task) =>
    setCaseload({ ...c, tasksDue: replace(c.tasksDue, task), tasksUpcoming: replace(c.tasksUpcoming, task) });
  const openClient = (id: number, tab?: 'plan' | 'referrals') => go({ name: 'client', id, tab });
  const clientLink = (
    x: { clientId: number; clientName: string; clientReference: string },
    tab?: 'plan' | 'referrals',
  ) => (
    <Anchor component="button" onClick={() => openClient(x.clientId, tab)}>
      {x.clientName} ({x.clientReference})
    </Anchor>
  );

  return (
    <Stack maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text c="dimmed">{t('home.today', { date: date(c.today) })}</Text>
      </div>
      <SinceLastHere />
      <BackupReminder onBackUp={() => go({ name: 'backup' })} />
      {pastRetention + documentsPastTime > 0 && (
        <Alert color="orange" variant="light">
          <Group justify="space-between">
            <Stack gap={2}>
              {pastRetention > 0 && <Text size="sm">{t('retention.homeDue', { count: pastRetention })}</Text>}
              {documentsPastTime > 0 && (
                <Text size="sm">{t('retention.homeDocumentsDue', { count: documentsPastTime })}</Text>
              )}
            </Stack>
            <Button size="xs" variant="white" color="orange" onClick={() => go({ name: 'retention' })}>
              {t('retention.title')}
            </Button>
          </Group>
        </Alert>
      )}
      {newReferrals + stillNeedDue > 0 && (
        <Alert color="blue" variant="light">
          <Group justify="space-between">
            <Stack gap={2}>
              {newReferrals > 0 && <Text size="sm">{t('incoming.homeNew', { count: newReferrals })}</Text>}
              {stillNeedDue > 0 && <Text size="sm">{t('incoming.homeStillNeed', { count: stillNeedDue })}</Text>}
            </Stack>
            <Button size="xs" variant="white" onClick={() => go({ name: 'incoming' })}>
              {t('incoming.nav')}
            </Button>
          </Group>
        </Alert>
      )}
      {accessRequests.length > 0 && (
        <Paper
          withBorder
          p="md"
          component="section"
          aria-label={t('subjectAccess.homeTitle', { count: accessRequests.length })}
        >
          <Text fw={600} mb="xs">
            {t('subjectAccess.homeTitle', { count: accessRequests.length })}
          </Text>
          <Stack gap={6}>
            {accessRequests.map((r) => (
              <Group key={r.id} gap="sm">
                <Anchor component="button" onClick={() => go({ name: 'clientAccess', id: r.clientId })}>
                  {r.clientName} ({r.clientReference})
                </Anchor>
                <AccessDueBadge request={r} today={c.today} />
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {rechecks.length > 0 && (
        <Paper
          withBorder
          p="md"
          component="section"
          aria-label={t('eligibility.homeTitle', { count: rechecks.length })}
        >
          <Text fw={600} mb="xs">
            {t('eligibility.homeTitle', { count: rechecks.length })}
          </Text>
          <Stack gap={6}>
            {rechecks.map((r) => (
              <Group key={r.checkId} gap="sm">
                <Anchor component="button" onClick={() => go({ name: 'client', id: r.clientId, tab: 'eligibility' })}>
                  {r.clientName} ({r.reference})
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('eligibility.homeLine', {
                    service: inLanguage(r.serviceName, r.serviceNamePl, i18n.language),
                    decision: t(`eligibility.decisions.${r.decision}`),
                    date: date(r.recheckOn),
                  })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      <TodaysAppointments today={c.today} />
      <TextsToSend />
      {sessionsToday.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label={t('home.sessionsToday')}>
          <Group gap="sm">
            <Text fw={600}>{t('home.sessionsToday')}</Text>
            {sessionsToday.map((p) => (
              <Button
                key={p.id}
                variant="light"
                onClick={() => go({ name: 'register', id: p.nextSessionId! })}
                aria-label={`${t('sessions.open')}: ${p.name}`}
              >
                {p.nextSessionAt} · {p.name}
              </Button>
            ))}
          </Group>
        </Paper>
      )}
      {c.referralsOverdue > 0 && (
        <Alert color="orange" variant="light">
          <Group justify="space-between">
            <Text size="sm">{t('referrals.overdueCount', { count: c.referralsOverdue })}</Text>
            <Button size="xs" variant="white" color="orange" onClick={() => go({ name: 'referrals' })}>
              {t('referrals.title')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={4}>
        <Stat label={t('home.stats.clients')} value={c.clients.length} />
        <Stat label={t('home.stats.tasks')} value={c.tasksDue.filter((x) => !x.doneOn).length} alert />
        <Stat label={t('home.stats.reviews')} value={c.reviewsDue.length} />
        <Stat label={t('home.stats.goals')} value={c.goalsPastTarget.length} alert />
      </SimpleGrid>
      <SimpleGrid cols={2} style={{ alignItems: 'start' }}>
        <Stack>
          <Section title={t('home.tasksDue')}>
            {c.tasksDue.length ? (
              <TaskList tasks={c.tasksDue} today={c.today} onChanged={onTask} showClient />
            ) : (
              <Empty>{t('home.noTasksDue')}</Empty>
            )}
          </Section>
          <Section title={t('home.tasksUpcoming')}>
            {c.tasksUpcoming.length ? (
              <TaskList tasks={c.tasksUpcoming} today={c.today} onChanged={onTask} showClient />
            ) : (
              <Empty>{t('home.noTasksUpcoming')}</Empty>
            )}
          </Section>
        </Stack>
        <Stack>
          <Section title={t('home.reviewsDue')}>
            {c.reviewsDue.length ? (
              c.reviewsDue.map((r) => (
                <Group key={r.clientId} justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    {clientLink(r)}
                    <Group gap="xs">
                      <DueBadge dueOn={r.dueOn} today={c.today} />
                      <Text size="sm" c="dimmed">
                        {r.lastAssessedOn
                          ? t('home.lastAssessed', { date: date(r.lastAssessedOn) })
                          : t('home.neverAssessed')}
                      </Text>
                    </Group>
                  </Stack>
                  {can('reviews.record') && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => go({ name: 'clientReview', id: r.clientId })}
                      aria-label={`${t('home.recordReview')}: ${r.clientName}`}
                    >
                      {t('home.recordReview')}
                    </Button>
                  )}
                </Group>
              ))
            ) : (
              <Empty>{t('home.noReviewsDue')}</Empty>
            )}
          </Section>
          {can('referrals.list') && (
            <Section title={t('home.referralsToFollowUp')}>
              {c.referralsToFollowUp.length ? (
                c.referralsToFollowUp.map((r) => (
                  <Stack key={r.id} gap={2}>
                    <Group gap="xs">
                      <Text fw={500}>{r.agencyName}</Text>
                      <ReferralStatusBadge status={r.status} />
                    </Group>
                    <Group gap="xs">
                      {clientLink(r, 'referrals')}
                      <FollowUpBadge on={r.followUpOn} today={c.today} />
                    </Group>
                  </Stack>
                ))
              ) : (
                <Empty>{t('home.noReferralsToFollowUp')}</Empty>
              )}
            </Section>
          )}
          <Section title={t('home.goalsPastTarget')}>
            {c.goalsPastTarget.length ? (
              c.goalsPastTarget.map((g) => (
                <Stack key={g.goalId} gap={2}>
                  <Text fw={500}>{g.description}</Text>
                  <Group gap="xs">
                    {clientLink(g, 'plan')}
                    <Badge color="red" variant="light">
                      {t('goals.target', { date: date(g.targetDate) })}
                    </Badge>
                  </Group>
                </Stack>
              ))
            ) : (
              <Empty>{t('home.noGoalsPastTarget')}</Empty>
            )}
          </Section>
        </Stack>
      </SimpleGrid>
      <Section title={t('home.myClients')}>
        {c.clients.length ? (
          <Table striped aria-label={t('home.myClients')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('home.riskFlags')}</Table.Th>
                <Table.Th>{t('home.lastContact')}</Table.Th>
                <Table.Th>{t('home.reviewDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.clients.map((x) => (
                <Table.Tr key={x.clientId}>
                  <Table.Td>{clientLink(x)}</Table.Td>
                  <Table.Td>
                    {x.riskFlags > 0 && (
                      <Badge color="red" variant="filled">
                        {x.riskFlags}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{x.lastContactOn ? date(x.lastContactOn.slice(0, 10)) : t('home.noContact')}</Table.Td>
                  <Table.Td>
                    <DueBadge dueOn={x.reviewDueOn} today={c.today} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Empty>{t('home.noClients')}</Empty>
        )}
      </Section>
      {c.caseworkers.length > 0 && (
        <Section title={t('home.caseloads')}>
          <Text size="sm" c="dimmed">
            {t('home.caseloadsIntro')}
          </Text>
          <Table aria-label={t('home.caseloads')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.caseworker')}</Table.Th>
                <Table.Th ta="right">{t('home.openClients')}</Table.Th>
                <Table.Th ta="right">{t('home.tasksOverdue')}</Table.Th>
                <Table.Th ta="right">{t('home.stats.reviews')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.caseworkers.map((w) => (
                <Table.Tr key={w.userId ?? 'none'}>
                  <Table.Td fs={w.userId === null ? 'italic' : undefined}>{w.name ?? t('home.unallocated')}</Table.Td>
                  <Table.Td ta="right">{formatNumber(w.openClients, i18n.language)}</Table.Td>
                  <Table.Td ta="right" c={w.tasksOverdue > 0 ? 'red.8' : undefined}>
                    {formatNumber(w.tasksOverdue, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(w.reviewsDue, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
    </Stack>
  );
}
