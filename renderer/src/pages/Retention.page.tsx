import { Alert, Anchor, Button, Group, Loader, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/caseload';
import { keepCaseSchema, type RetentionCase } from '../../../shared/domain/retention';
import { invoke } from '../api';
import { EraseClientModal } from '../components/EraseClient/EraseClient';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { ModalForm } from '../components/ModalForm/ModalForm';
import { Section } from '../components/Section/Section';
import { errorSentence, schemaValidator, translatedFields } from '../errors';
import { formatDate } from '../format';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { useGo } from '../navigation';

type View = { years: number; due: RetentionCase[] };

/**
 * The retention review: how long closed cases are kept, and the closed cases past it, each to erase,
 * anonymise, or keep for a stated reason until a date to look again.
 */
export function RetentionPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View | null>(null);
  const [years, setYears] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const [yearsError, setYearsError] = useState<string | undefined>();
  const [erasing, setErasing] = useState<RetentionCase | null>(null);
  const [keeping, setKeeping] = useState<RetentionCase | null>(null);
  const shown = (v: View) => {
    setView(v);
    setYears(v.years);
  };
  const load = () =>
    void invoke('retention.get', {}).then((r) => (r.ok ? shown(r.value) : setError(errorSentence(t, r.error))));
  useEffect(load, [t]);
  if (!view) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;

  const saveYears = async () => {
    const r = await invoke('retention.setYears', { years: Number(years) });
    if (!r.ok) return setYearsError(translatedFields(t, r.error.fields)['years'] ?? errorSentence(t, r.error));
    setYearsError(undefined);
    shown(r.value);
    notifications.show({ color: 'green', message: t('retention.saved') });
  };

  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('retention.title')}
        </Title>
        <Text c="dimmed">{t('retention.intro')}</Text>
      </Stack>
      <Group align="flex-end">
        <NumberInput
          label={t('retention.years')}
          description={t('retention.yearsHint')}
          min={1}
          max={50}
          allowDecimal={false}
          value={years}
          onChange={setYears}
          error={yearsError}
          w={260}
        />
        <Button variant="light" onClick={() => void saveYears()}>
          {t('common.save')}
        </Button>
      </Group>
      <FormAlert message={error} />
      <Section title={t('retention.dueTitle', { count: view.due.length })}>
        {view.due.length === 0 ? (
          <Text c="dimmed">{t('retention.none')}</Text>
        ) : (
          <Table striped aria-label={t('retention.dueTitle', { count: view.due.length })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.reference')}</Table.Th>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('retention.closedOn')}</Table.Th>
                <Table.Th>{t('retention.dueOn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.due.map((c) => (
                <Table.Tr key={c.clientId}>
                  <Table.Td>{c.reference}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" onClick={() => go({ name: 'client', id: c.clientId })}>
                      {c.name}
                    </Anchor>
                    {c.lastKeptReason && (
                      <Text size="xs" c="dimmed">
                        {t('retention.keptBefore', { reason: c.lastKeptReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDate(c.closedOn, i18n.language)}
                    {c.closureReason && (
                      <Text size="xs" c="dimmed">
                        {t(`status.reasons.${c.closureReason}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(c.dueOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setKeeping(c)}
                        aria-label={`${t('retention.keep')}: ${c.reference}`}
                      >
                        {t('retention.keep')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setErasing(c)}
                        aria-label={`${t('erasure.start')}: ${c.reference}`}
                      >
                        {t('erasure.start')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      {erasing && (
        <EraseClientModal
          client={{
            id: erasing.clientId,
            firstName: erasing.name,
            lastName: '',
            reference: erasing.reference,
            status: 'closed',
          }}
          onClose={() => setErasing(null)}
          onDone={() => {
            setErasing(null);
            load();
          }}
        />
      )}
      {keeping && (
        <KeepModal
          item={keeping}
          onClose={() => setKeeping(null)}
          onDone={(v) => {
            setKeeping(null);
            shown(v);
          }}
        />
      )}
    </Stack>
  );
}

function KeepModal({ item, onClose, onDone }: { item: RetentionCase; onClose: () => void; onDone: (v: View) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({
    initialValues: { clientId: item.clientId, reason: '', reviewOn: addDays(clock.today(), 365) },
    validate: schemaValidator(keepCaseSchema, t),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('retention.keep', v), {
      form,
      onOk: (r) => {
        notifications.show({ color: 'green', message: t('retention.keptSaved', { reference: item.reference }) });
        onDone(r);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('retention.keepTitle', { reference: item.reference })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('retention.keep')}
    >
      <Alert color="blue">{t('retention.keepHint')}</Alert>
      <Textarea
        label={t('retention.reason')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      <DateField
        label={t('retention.reviewOn')}
        required
        min={addDays(clock.today(), 1)}
        {...form.getInputProps('reviewOn')}
      />
    </ModalForm>
  );
}
