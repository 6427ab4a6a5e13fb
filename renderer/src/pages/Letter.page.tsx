import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../shared/i18n/keys';
import type { ClientRecord } from '../../../shared/domain/clientRecord';
import {
  fieldsUsed,
  WRITABLE_LETTER_KINDS,
  type Letter,
  type LetterContent,
  type LetterRequest,
  type LetterTemplate,
} from '../../../shared/domain/letter';
import type { Referral } from '../../../shared/domain/referral';
import { invoke } from '../api';
import { ClientHeader } from '../components/ClientHeader/ClientHeader';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LetterSheet } from '../components/LetterSheet/LetterSheet';
import { usePrintable } from '../components/Printout/Printout';
import type { Route } from '../routes';
import { errorSentence, translatedFields } from '../errors';
import { formatDate, formatDateTime, languageName } from '../format';
import { useCharityLogo } from '../useCharityLogo';
import { DateField } from '../components/DateField/DateField';
import { TimeField } from '../components/DateField/TimeField';
import { useChannel } from '../useChannel';
import { useGo } from '../navigation';

/** Writing a letter (template, details, live preview, own wording), or a kept letter to save or print. */
export function LetterPage({
  clientId,
  referralId,
  letterId,
  appointmentId,
}: {
  clientId: number;
  referralId?: number;
  letterId?: number;
  /** Write the letter for this appointment in the diary. */
  appointmentId?: number;
}) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [logo] = useCharityLogo();
  useEffect(() => {
    void invoke('clients.get', { id: clientId }).then((r) =>
      r.ok ? setRecord(r.value) : setLoadError(errorSentence(t, r.error)),
    );
  }, [clientId, t]);
  if (loadError) return <FormAlert message={loadError} />;
  if (!record) return <Loader aria-label={t('common.loading')} />;
  const back: Route = { name: 'client', id: clientId, tab: 'letters' };
  return (
    <Stack maw={1300}>
      <ClientHeader client={record.client} riskFlags={record.riskFlags} back={back} />
      {letterId ? (
        <KeptLetter letterId={letterId} logo={logo} />
      ) : (
        <WriteLetter record={record} referralId={referralId} appointmentId={appointmentId} logo={logo} />
      )}
    </Stack>
  );
}

function KeptLetter({ letterId, logo }: { letterId: number; logo: string | null }) {
  const { t, i18n } = useTranslation();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void invoke('letters.get', { id: letterId }).then((r) =>
      r.ok ? setLetter(r.value) : setError(errorSentence(t, r.error)),
    );
  }, [letterId, t]);
  // File > Print prints this letter too.
  const printing = usePrintable(letter ? () => invoke('letters.print', { id: letterId }) : null);
  if (error && !letter) return <FormAlert message={error} />;
  if (!letter) return <Loader aria-label={t('common.loading')} />;

  const savePdf = async () => {
    setBusy(true);
    setError(null);
    const r = await invoke('letters.savePdf', { id: letter.id });
    setBusy(false);
    if (r.ok) notifications.show({ color: 'green', message: t('letters.saved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2} size="h3">
            {letter.content.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {t('letters.writtenBy', {
              name: letter.writtenByName ?? '',
              date: formatDateTime(letter.writtenAt, i18n.language),
            })}{' '}
            · {letter.templateName}
          </Text>
        </Stack>
        <Group>
          <Button onClick={savePdf} loading={busy}>
            {t('letters.savePdf')}
          </Button>
          <Button variant="default" onClick={printing.print} loading={printing.busy}>
            {t('letters.print')}
          </Button>
        </Group>
      </Group>
      <FormAlert message={error} />
      <LetterSheet content={letter.content} logo={logo} label={t('letters.preview')} />
    </Stack>
  );
}

interface Choices {
  templateId: string;
  referralId: string;
  text: string;
  date: string;
  time: string;
  place: string;
  with: string;
}

function WriteLetter({
  record,
  referralId,
  appointmentId,
  logo,
}: {
  record: ClientRecord;
  referralId?: number;
  appointmentId?: number;
  logo: string | null;
}) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const client = record.client;
  const [templates, setTemplates] = useState<LetterTemplate[] | null>(null);
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [choices, setChoices] = useState<Choices>({
    templateId: '',
    referralId: referralId ? String(referralId) : '',
    text: '',
    date: '',
    time: '',
    place: '',
    with: '',
  });
  const [edits, setEdits] = useState<{ subject: string; body: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    void Promise.all([invoke('templates.list', {}), invoke('referrals.forClient', { clientId: client.id })]).then(
      ([tr, rr]) => {
        if (rr.ok) setReferrals(rr.value);
        if (!tr.ok) return setError(errorSentence(t, tr.error));
        const list = tr.value.filter((x) => (WRITABLE_LETTER_KINDS as readonly string[]).includes(x.kind));
        setTemplates(list);
        // Start with the kind of letter asked for, in the client's own language when there is a template in it.
        const kind = referralId ? 'referral' : appointmentId ? 'appointment' : 'general';
        const pick = (lang: string | null) => list.find((x) => x.kind === kind && x.language === lang);
        const first = pick(client.preferredLanguage) ?? pick(i18n.language) ?? list.find((x) => x.kind === kind);
        if (first) setChoices((c) => ({ ...c, templateId: String(first.id) }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client.id]);

  const template = templates?.find((x) => String(x.id) === choices.templateId) ?? null;
  const fromDiary = useChannel('diary.get', appointmentId ? { id: appointmentId } : null).data;
  const request: LetterRequest | null = useMemo(() => {
    if (!template) return null;
    return {
      clientId: client.id,
      templateId: template.id,
      referralId: template.kind === 'referral' && choices.referralId ? Number(choices.referralId) : null,
      text: choices.text,
      appointment:
        template.kind === 'appointment' && !appointmentId
          ? { date: choices.date, time: choices.time, place: choices.place, with: choices.with }
          : null,
      appointmentId: template.kind === 'appointment' ? (appointmentId ?? null) : null,
    };
  }, [template, choices, client.id, appointmentId]);
  const [debounced] = useDebouncedValue(request, 250);

  const { data: preview, failure: previewError } = useChannel('letters.preview', debounced, { keepWhileLoading: true });

  if (!templates) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;
  const set = (k: keyof Choices) => (v: string) => setChoices((c) => ({ ...c, [k]: v }));
  const usesText = template
    ? fieldsUsed(template.body).includes('letter.text') || fieldsUsed(template.subject).includes('letter.text')
    : false;
  const shown: LetterContent | null = preview && edits ? { ...preview, ...edits } : preview;
  const previewFields = previewError?.code === 'BAD_INPUT' ? translatedFields(t, previewError.fields) : {};
  // Field messages only once the person has had a go at the field (an empty new form is not an error).
  const fieldMessage = (key: string, value: string) =>
    value ? (previewFields[key] ?? fieldErrors[key]) : fieldErrors[key];

  const keep = async () => {
    if (!request || !preview) return;
    setBusy(true);
    setError(null);
    const r = await invoke('letters.keep', {
      request,
      edits: edits ?? { subject: preview.subject, body: preview.body },
    });
    setBusy(false);
    if (r.ok) {
      notifications.show({ color: 'green', message: t('letters.kept') });
      return go({ name: 'clientLetter', id: client.id, letterId: r.value.id });
    }
    setFieldErrors(translatedFields(t, r.error.fields, 'request.'));
    setError(errorSentence(t, r.error));
  };

  const templateOptions = WRITABLE_LETTER_KINDS.map((kind) => ({
    group: t(`letters.kind.${kind}`),
    items: templates
      .filter((x) => x.kind === kind)
      .map((x) => ({ value: String(x.id), label: `${x.name} (${languageName(x.language, i18n.language)})` })),
  })).filter((g) => g.items.length > 0);
  const consentProblem = previewError?.code === 'CONSENT_REQUIRED';

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h4">
              {t('letters.writeTitle', { name: `${client.firstName} ${client.lastName}` })}
            </Title>
            <Select
              label={t('letters.template')}
              placeholder={t('letters.templatePlaceholder')}
              required
              allowDeselect={false}
              data={templateOptions}
              value={choices.templateId || null}
              onChange={(v) => {
                set('templateId')(v ?? '');
                setEdits(null);
              }}
            />
            {template &&
              client.preferredLanguage &&
              template.language === client.preferredLanguage &&
              template.language !== i18n.language && (
                <Text size="sm" c="dimmed">
                  {t('letters.clientLanguage', { language: languageName(client.preferredLanguage, i18n.language) })}
                </Text>
              )}
            {template?.kind === 'referral' &&
              (referrals.length === 0 ? (
                <Alert color="yellow" variant="light">
                  {t('letters.noReferrals')}
                </Alert>
              ) : (
                <Select
                  label={t('letters.referral')}
                  placeholder={t('letters.referralPlaceholder')}
                  required
                  data={referrals.map((r) => ({
                    value: String(r.id),
                    label: `${r.agencyName} · ${t(`referrals.status.${r.status}`)} · ${formatDate(r.createdOn, i18n.language)}`,
                  }))}
                  value={choices.referralId || null}
                  onChange={(v) => set('referralId')(v ?? '')}
                  error={fieldErrors['referralId']}
                />
              ))}
            {template?.kind === 'appointment' && appointmentId && (
              <Alert color="indigo" variant="light">
                {fromDiary
                  ? t('letters.fromAppointment', {
                      date: formatDate(fromDiary.date, i18n.language),
                      time: fromDiary.startsAt,
                    })
                  : t('common.loading')}
              </Alert>
            )}
            {template?.kind === 'appointment' && !appointmentId && (
              <Stack gap="xs">
                <Text fw={600}>{t('letters.appointment')}</Text>
                <SimpleGrid cols={2}>
                  <DateField
                    label={t('letters.appointmentDate')}
                    required
                    value={choices.date}
                    onChange={(v) => set('date')(v)}
                    error={fieldMessage('appointment.date', choices.date)}
                  />
                  <TimeField
                    label={t('letters.appointmentTime')}
                    required
                    value={choices.time}
                    onChange={(v) => set('time')(v)}
                    error={fieldMessage('appointment.time', choices.time)}
                  />
                </SimpleGrid>
                <TextInput
                  label={t('letters.appointmentPlace')}
                  required
                  maxLength={300}
                  value={choices.place}
                  onChange={(e) => set('place')(e.currentTarget.value)}
                  error={fieldMessage('appointment.place', choices.place)}
                />
                <TextInput
                  label={t('letters.appointmentWith')}
                  maxLength={200}
                  value={choices.with}
                  onChange={(e) => set('with')(e.currentTarget.value)}
                />
              </Stack>
            )}
            {usesText && (
              <Textarea
                label={t('letters.text')}
                description={t('letters.textHint', { field: '{{letter.text}}' })}
                autosize
                minRows={4}
                maxLength={20000}
                value={choices.text}
                onChange={(e) => set('text')(e.currentTarget.value)}
              />
            )}
            {preview && (
              <Switch
                label={t('letters.reword')}
                checked={edits !== null}
                onChange={(e) =>
                  setEdits(e.currentTarget.checked ? { subject: preview.subject, body: preview.body } : null)
                }
              />
            )}
            {edits && (
              <>
                <TextInput
                  label={t('letters.subject')}
                  required
                  maxLength={300}
                  value={edits.subject}
                  onChange={(e) => setEdits({ ...edits, subject: e.currentTarget.value })}
                />
                <Textarea
                  label={t('letters.body')}
                  required
                  autosize
                  minRows={10}
                  maxLength={40000}
                  value={edits.body}
                  onChange={(e) => setEdits({ ...edits, body: e.currentTarget.value })}
                />
              </>
            )}
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => go({ name: 'client', id: client.id, tab: 'letters' })}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={keep}
                loading={busy}
                disabled={!preview || (edits !== null && (!edits.subject.trim() || !edits.body.trim()))}
              >
                {t('letters.keep')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('letters.preview')}
          </Title>
          {consentProblem && (
            <Alert color="red" variant="light" role="alert">
              <Stack gap="xs">
                <Text size="sm">{errorSentence(t, previewError!)}</Text>
                <Button
                  size="xs"
                  variant="white"
                  color="red"
                  w="fit-content"
                  onClick={() => go({ name: 'client', id: client.id, tab: 'consent' })}
                >
                  {t('referrals.openConsent')}
                </Button>
              </Stack>
            </Alert>
          )}
          {preview && preview.emptyFields.length > 0 && (
            <Alert color="yellow" variant="light">
              {t('letters.emptyFields', {
                fields: preview.emptyFields.map((f) => t(codedKey('letters.fields', f))).join(', '),
              })}
            </Alert>
          )}
          {preview && (preview.droppedText?.length ?? 0) > 0 && (
            <Alert color="yellow" variant="light">
              {t('letters.droppedText', { sentences: preview.droppedText!.map((s) => `“${s}”`).join(' ') })}
            </Alert>
          )}
          {preview?.addressShortened && (
            <Alert color="yellow" variant="light">
              {t('letters.addressShortened')}
            </Alert>
          )}
          {shown ? (
            <LetterSheet content={shown} logo={logo} label={t('letters.preview')} />
          ) : (
            !consentProblem && <Text c="dimmed">{t('letters.previewEmpty')}</Text>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
