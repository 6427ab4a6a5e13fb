import { Anchor, Checkbox, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralLine } from '../../../shared/domain/referral';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { formatDate } from '../format';
import { useSession } from '../session';
import { FollowUpBadge, ReferralStatusBadge } from './client/ReferralsTab';
import * as clock from '../clock';
import { useChannel } from '../useChannel';
import { useGo, usePageState } from '../navigation';

/** Referrals across all clients: what is open, what needs chasing. The coordinator's view of everyone's. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [show, setShow] = usePageState<'open' | 'overdue' | 'all'>('show', 'open');
  const [mine, setMine] = usePageState('mine', session.user?.role !== 'admin');
  const { data, error } = useChannel('referrals.list', { show, mine });
  return (
    <Stack maw={1200}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('referrals.title')}
        </Title>
        <Text c="dimmed">{t('referrals.intro')}</Text>
      </Stack>
      <Group>
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          data={(['open', 'overdue', 'all'] as const).map((v) => ({ value: v, label: t(`referrals.show.${v}`) }))}
        />
        <Checkbox label={t('referrals.onlyMine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
      </Group>
      <FormAlert message={error} />
      {!data ? (
        <Loader aria-label={t('common.loading')} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed">{t('referrals.noneListed')}</Text>
      ) : (
        <ReferralTable items={data.items} today={clock.today()} />
      )}
    </Stack>
  );
}

export function ReferralTable({
  items,
  today,
  hideAgency = false,
}: {
  items: ReferralLine[];
  today: string;
  hideAgency?: boolean;
}) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  return (
    <Table striped highlightOnHover aria-label={t('referrals.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('referrals.client')}</Table.Th>
          {!hideAgency && <Table.Th>{t('referrals.agency')}</Table.Th>}
          <Table.Th>{t('referrals.urgencyLabel')}</Table.Th>
          <Table.Th>{t('referrals.statusOn')}</Table.Th>
          <Table.Th>{t('referrals.followUp')}</Table.Th>
          <Table.Th>{t('referrals.madeBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component="button" onClick={() => go({ name: 'client', id: r.clientId, tab: 'referrals' })}>
                {r.clientName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {r.clientReference}
              </Text>
            </Table.Td>
            {!hideAgency && <Table.Td>{r.agencyName}</Table.Td>}
            <Table.Td>{t(`referrals.urgency.${r.urgency}`)}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <ReferralStatusBadge status={r.status} />
                <Text size="sm">{formatDate(r.statusOn, i18n.language)}</Text>
              </Group>
            </Table.Td>
            <Table.Td>
              {r.status === 'draft' || r.status === 'sent' || r.status === 'accepted' ? (
                <FollowUpBadge on={r.followUpOn} today={today} />
              ) : null}
            </Table.Td>
            <Table.Td>{r.createdByName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
