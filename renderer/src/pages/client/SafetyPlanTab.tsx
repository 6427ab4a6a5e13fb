import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { usePrintable } from '../../components/Printout/Printout';
import { errorSentence } from '../../errors';
import { formatDate, formatDateTime } from '../../format';
import { useCan } from '../../session';
import * as clock from '../../clock';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

/** The safety plan in force, as the client's printed sheet says it, with Print, Save as PDF and Change. */
export function SafetyPlanTab({ clientId }: { clientId: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const loaded = useChannel('safetyPlans.get', { clientId });
  const plan = loaded.loading && !loaded.data ? undefined : loaded.data;
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const [saving, setSaving] = useState(false);
  const date = (d: string) => formatDate(d, i18n.language);

  // File › Print prints the plan on screen.
  const printing = usePrintable(plan ? () => invoke('safetyPlans.print', { clientId }) : null);

  const savePdf = async () => {
    setSaving(true);
    setError(null);
    const r = await invoke('safetyPlans.savePdf', { clientId });
    setSaving(false);
    if (r.ok) notifications.show({ color: 'green', message: t('safetyPlan.pdfSaved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };

  if (plan === undefined && !error) return <Loader aria-label={t('common.loading')} />;
  const write = () => go({ name: 'clientSafetyPlan', id: clientId });
  if (!plan)
    return (
      <Stack>
        <FormAlert message={error} />
        <Paper withBorder p="lg">
          <Stack>
            <Text>{t('safetyPlan.none')}</Text>
            {can('safetyPlans.save') && (
              <Button w="fit-content" onClick={write}>
                {t('safetyPlan.write')}
              </Button>
            )}
          </Stack>
        </Paper>
      </Stack>
    );

  const block = (title: string, text: string | null) =>
    text && (
      <Stack gap={4}>
        <Title order={3} size="h5" c="indigo.8">
          {title}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
      </Stack>
    );

  return (
    <Stack>
      <FormAlert message={error} />
      <Group gap="xs">
        <Button onClick={printing.print} loading={printing.busy}>
          {t('printout.print')}
        </Button>
        <Button variant="default" onClick={() => void savePdf()} loading={saving}>
          {t('safetyPlan.savePdf')}
        </Button>
        {can('safetyPlans.save') && (
          <Button variant="default" onClick={write}>
            {t('safetyPlan.change')}
          </Button>
        )}
      </Group>
      {plan.reviewOn < clock.today() && (
        <Alert color="orange" variant="light" role="status">
          {t('safetyPlan.reviewPassed')}
        </Alert>
      )}
      <Paper withBorder p="lg" component="section" aria-label={t('safetyPlan.title')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('safetyPlan.sheetDates', { agreed: date(plan.agreedOn), review: date(plan.reviewOn) })}
          </Text>
          {block(t('safetyPlan.warningSigns'), plan.warningSigns)}
          {block(t('safetyPlan.copingSteps'), plan.copingSteps)}
          {block(t('safetyPlan.keepingSafe'), plan.keepingSafe)}
          <Title order={3} size="h5" c="indigo.8">
            {t('safetyPlan.contacts')}
          </Title>
          <Table aria-label={t('safetyPlan.contacts')} maw={700}>
            <Table.Tbody>
              {plan.contacts.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td c="dimmed">{c.role}</Table.Td>
                  <Table.Td fw={700} ta="right">
                    {c.phone}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('safetyPlan.versionInfo', {
              count: plan.versions,
              name: plan.writtenByName ?? '',
              date: formatDateTime(plan.writtenAt, i18n.language),
            })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
