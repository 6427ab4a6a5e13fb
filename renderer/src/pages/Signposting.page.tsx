import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needAreaName } from '../../../shared/domain/assessment';
import { CLIENT_LANGUAGES } from '../../../shared/domain/languages';
import {
  SIGNPOST_CHANNELS,
  signpostInputSchema,
  type Signpost,
  type SignpostInput,
} from '../../../shared/domain/signposting';
import { invoke } from '../api';
import * as clock from '../clock';
import { DateField } from '../components/DateField/DateField';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { usePrintable } from '../components/Printout/Printout';
import { errorSentence, schemaValidator } from '../errors';
import { formatDate, languageName } from '../format';
import { useGo } from '../navigation';
import { useCan } from '../session';
import { useChannel } from '../useChannel';
import { useSubmit } from '../useSubmit';

interface Draft {
  contactedOn: string;
  how: string;
  needAreaId: string;
  topic: string;
  agencyId: string;
  elsewhere: string;
  named: boolean;
  name: string;
  phone: string;
  language: string;
  note: string;
}

const blank = (): Draft => ({
  contactedOn: clock.today(),
  how: 'dropIn',
  needAreaId: '',
  topic: '',
  agencyId: '',
  elsewhere: '',
  named: false,
  name: '',
  phone: '',
  language: '',
  note: '',
});

const toInput = (d: Draft): SignpostInput => ({
  ...d,
  how: d.how as SignpostInput['how'],
  needAreaId: d.needAreaId ? Number(d.needAreaId) : null,
  agencyId: d.agencyId ? Number(d.agencyId) : null,
  language: (d.language || null) as SignpostInput['language'],
});

/**
 * Signposting: one screen to record a contact with someone who is not a client (or not yet) and
 * where they were sent, and to hand them the agency's sheet in their language. The latest contacts
 * are listed below; one who gave a name and comes back can be taken in.
 */
export function SignpostingPage() {
  const { t, i18n } = useTranslation();
  const go = useGo();
  const can = useCan();
  const { busy, error, submit } = useSubmit();
  const areas = useChannel('needAreas.list', {}).data ?? [];
  const agencies = useChannel('agencies.search', { query: '', includeArchived: false }).data ?? [];
  const list = useChannel('signposting.list', {});
  const [last, setLast] = useState<Signpost | null>(null);
  const [round, setRound] = useState(0);
  const form = useForm<Draft>({
    initialValues: blank(),
    validate: (v) => schemaValidator(signpostInputSchema, t)(toInput(v)),
  });
  const save = form.onSubmit((v) =>
    submit(() => invoke('signposting.record', toInput(v)), {
      form,
      onOk: (s) => {
        notifications.show({ color: 'green', message: t('signposting.recorded') });
        setLast(s);
        // Ready for the next person at the drop-in: a fresh form, the way they got in touch kept.
        // (The fields are drawn afresh too: a searchable list keeps its typed text otherwise.)
        form.setInitialValues({ ...blank(), how: v.how });
        form.reset();
        setRound((n) => n + 1);
        list.reload();
      },
    }),
  );
  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('signposting.title')}
        </Title>
        <Text c="dimmed">{t('signposting.intro')}</Text>
      </Stack>
      <Paper withBorder p="lg" component="form" onSubmit={save} noValidate aria-label={t('signposting.recordTitle')}>
        <Stack key={round}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('signposting.contactedOn')} required {...form.getInputProps('contactedOn')} />
            <Select
              label={t('signposting.how')}
              required
              allowDeselect={false}
              data={SIGNPOST_CHANNELS.map((h) => ({ value: h, label: t(`signposting.hows.${h}`) }))}
              {...form.getInputProps('how')}
            />
            <Select
              label={t('signposting.needArea')}
              clearable
              data={areas.filter((a) => !a.retired).map((a) => ({ value: String(a.id), label: needAreaName(t, a) }))}
              {...form.getInputProps('needAreaId')}
            />
          </SimpleGrid>
          <TextInput label={t('signposting.topic')} maxLength={200} {...form.getInputProps('topic')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('signposting.agency')}
              searchable
              clearable
              data={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
              {...form.getInputProps('agencyId')}
            />
            <TextInput
              label={t('signposting.elsewhere')}
              description={t('signposting.elsewhereHint')}
              maxLength={200}
              disabled={form.values.agencyId !== ''}
              {...form.getInputProps('elsewhere')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('signposting.named')}
            description={t('signposting.namedHint')}
            {...form.getInputProps('named', { type: 'checkbox' })}
          />
          {form.values.named && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('signposting.name')} required maxLength={200} {...form.getInputProps('name')} />
              <TextInput label={t('signposting.phone')} {...form.getInputProps('phone')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('signposting.language')}
              clearable
              searchable
              data={CLIENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c, i18n.language) }))}
              {...form.getInputProps('language')}
            />
            <Textarea label={t('signposting.note')} autosize maxLength={1000} {...form.getInputProps('note')} />
          </SimpleGrid>
          <FormAlert message={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('signposting.record')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {last?.agencyId && <AgencySheet contact={last} />}
      <Title order={2} size="h4">
        {t('signposting.latest')}
      </Title>
      <FormAlert message={list.error} />
      {!list.data ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('signposting.none')}</Text>
      ) : (
        <Table striped aria-label={t('signposting.latest')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('signposting.contactedOn')}</Table.Th>
              <Table.Th>{t('signposting.how')}</Table.Th>
              <Table.Th>{t('signposting.needArea')}</Table.Th>
              <Table.Th>{t('signposting.to')}</Table.Th>
              <Table.Th>{t('signposting.name')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.contactedOn, i18n.language)}</Table.Td>
                <Table.Td>{t(`signposting.hows.${s.how}`)}</Table.Td>
                <Table.Td>
                  {[
                    s.needAreaId !== null ? needAreaName(t, { builtinKey: s.needAreaKey, name: s.needAreaName }) : null,
                    s.topic,
                  ]
                    .filter(Boolean)
                    .join(': ')}
                </Table.Td>
                <Table.Td>{s.agencyName ?? s.elsewhere}</Table.Td>
                <Table.Td>{s.name ?? <Text c="dimmed">{t('signposting.anonymous')}</Text>}</Table.Td>
                <Table.Td>
                  {s.clientId !== null ? (
                    <Badge color="green" variant="light">
                      {t('signposting.becameClient')}
                    </Badge>
                  ) : (
                    s.name &&
                    can('clients.intake') && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => go({ name: 'clientNew', signpostId: s.id })}
                        aria-label={`${t('signposting.takeIn')}: ${s.name}`}
                      >
                        {t('signposting.takeIn')}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The agency sheet for the contact just recorded: in the person's language (chosen again if need be). */
function AgencySheet({ contact }: { contact: Signpost }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<string>(contact.language ?? i18n.language);
  const [problem, setProblem] = useState<string | null>(null);
  const q = { agencyId: contact.agencyId!, language: language as (typeof CLIENT_LANGUAGES)[number] };
  const printing = usePrintable(() => invoke('signposting.agencySheetPrint', q));
  const savePdf = async () => {
    setProblem(null);
    const r = await invoke('signposting.agencySheetPdf', q);
    if (r.ok) notifications.show({ color: 'green', message: t('signposting.sheetSaved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setProblem(errorSentence(t, r.error));
  };
  return (
    <Paper withBorder p="md" aria-label={t('signposting.sheetTitle', { agency: contact.agencyName ?? '' })}>
      <Group align="flex-end">
        <Text fw={600}>{t('signposting.sheetTitle', { agency: contact.agencyName ?? '' })}</Text>
        <Select
          label={t('signposting.sheetLanguage')}
          w={200}
          allowDeselect={false}
          data={CLIENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c, i18n.language) }))}
          value={language}
          onChange={(v) => setLanguage(v ?? 'en')}
        />
        <Button variant="default" onClick={printing.print} loading={printing.busy}>
          {t('signposting.printSheet')}
        </Button>
        <Button variant="default" onClick={() => void savePdf()}>
          {t('signposting.saveSheet')}
        </Button>
      </Group>
      <FormAlert message={problem} />
    </Paper>
  );
}
