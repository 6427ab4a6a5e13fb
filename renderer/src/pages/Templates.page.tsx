import type { TFunction } from 'i18next';
import type { en } from '../../../shared/i18n/en';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  List,
  Loader,
  Menu,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Charity } from '../../../shared/domain/charity';
import { CLIENT_LANGUAGES } from '../../../shared/domain/languages';
import {
  GROUPS_FOR_KIND,
  LETTER_KINDS,
  MERGE_FIELDS,
  letterDate,
  mergeText,
  templateInputSchema,
  templateProblems,
  tidyLetterBody,
  type LetterContent,
  type LetterKind,
  type LetterTemplate,
  type MergeValues,
  type TemplateInput,
} from '../../../shared/domain/letter';
import { invoke } from '../api';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LetterSheet } from '../components/LetterSheet/LetterSheet';
import { errorSentence, schemaValidator } from '../errors';
import { formatDateTime, languageName } from '../format';
import { useCharityLogo } from '../useCharityLogo';
import { useSubmit } from '../useSubmit';
import * as clock from '../clock';
import { useChannel } from '../useChannel';
import { useGo, useUnsavedGuard } from '../navigation';

/** Every letter template, by kind and language; administrators change them here. */
export function TemplatesPage() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const loaded = useChannel('templates.list', { includeArchived: true });
  const { data: templates, replace: setTemplates } = loaded;
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const setActive = async (id: number, active: boolean) => {
    const r = await invoke('templates.setActive', { id, active });
    if (r.ok) setTemplates(r.value);
    else setError(errorSentence(t, r.error));
  };
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('templates.title')}
          </Title>
          <Text c="dimmed">{t('templates.intro', { example: '{{client.name}}' })}</Text>
        </Stack>
        <Button onClick={() => go({ name: 'templateEdit' })}>{t('templates.add')}</Button>
      </Group>
      <Switch
        label={t('templates.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      <FormAlert message={error} />
      {!templates ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        LETTER_KINDS.map((kind) => {
          const list = templates.filter((x) => x.kind === kind && (showArchived || x.active));
          if (!list.length) return null;
          return (
            <Paper key={kind} withBorder p="lg" component="section" aria-label={t(`letters.kind.${kind}`)}>
              <Title order={2} size="h4" mb="sm">
                {t(`letters.kind.${kind}`)}
              </Title>
              <Table>
                <Table.Tbody>
                  {list.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td fw={600}>
                        {x.name}{' '}
                        {x.builtinKey && (
                          <Badge variant="light" color="gray">
                            {t('templates.builtin')}
                          </Badge>
                        )}
                        {!x.active && <Badge color="gray">{t('templates.archived')}</Badge>}
                      </Table.Td>
                      <Table.Td>{languageName(x.language, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {t('templates.used', { count: x.lettersWritten })}
                          {x.updatedByName
                            ? ` · ${x.updatedByName}, ${formatDateTime(x.updatedAt, i18n.language)}`
                            : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end">
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => go({ name: 'templateEdit', id: x.id })}
                            aria-label={`${t('templates.edit')}: ${x.name} (${languageName(x.language, i18n.language)})`}
                          >
                            {t('templates.edit')}
                          </Button>
                          {!x.builtinKey && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color={x.active ? 'red' : undefined}
                              onClick={() => void setActive(x.id, !x.active)}
                            >
                              {x.active ? t('templates.archive') : t('templates.restore')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}

/** Made-up details for the live preview, in the template's language where Casebook has one. */
function sampleLetter(
  t: TFunction,
  charity: Charity | null,
  kind: LetterKind,
  language: string,
  subject: string,
  body: string,
): LetterContent {
  const today = clock.today();
  const date = (iso: string) => letterDate(iso, language);
  const s = (k: keyof (typeof en)['templates']['sample']) => t(`templates.sample.${k}`);
  const clientAddress = `${s('address')}\n${s('postcode')}`;
  const values: MergeValues = {
    'charity.name': charity?.name ?? '',
    'charity.address': charity?.address ?? null,
    'charity.number': charity?.charityNumber ?? null,
    'charity.phone': charity?.phone ?? null,
    'charity.email': charity?.email ?? null,
    'client.name': `${s('clientFirst')} ${s('clientLast')}`,
    'client.firstName': s('clientFirst'),
    'client.lastName': s('clientLast'),
    'client.reference': 'CB-00042',
    'client.dateOfBirth': date('1984-05-17'),
    'client.address': clientAddress,
    'client.phone': s('phone'),
    'caseworker.name': t('templates.sampleWriter'),
    'letter.date': date(today),
    'letter.text': s('text'),
    'agency.name': s('agency'),
    'agency.contact': s('contact'),
    'agency.address': s('agencyAddress'),
    'agency.phone': '0113 222 3333',
    'agency.email': 'referrals@example.org',
    'referral.reason': s('reason'),
    'referral.needArea': t('needAreas.builtin.housing'),
    'referral.urgency': t('referrals.urgency.soon'),
    'referral.sharedInfo': s('shared'),
    'referral.date': date(today),
    'referral.followUpOn': date(today),
    'appointment.date': date(today),
    'appointment.time': '14:30',
    'appointment.place': s('place'),
    'appointment.with': t('templates.sampleWriter'),
    'safetyPlan.agreedOn': date(today),
    'safetyPlan.reviewOn': date(today),
    'referralIn.name': `${s('clientFirst')} ${s('clientLast')}`,
    'referralIn.receivedOn': date(today),
    'referralIn.referrer': s('referrer'),
    'referralIn.reason': s('reason'),
    'referralIn.declineReason': s('declineReason'),
  };
  const subjectMerged = mergeText(subject, values);
  const bodyMerged = mergeText(body, values);
  return {
    kind,
    language,
    letterhead: {
      name: charity?.name ?? '',
      address: charity?.address ?? null,
      charityNumber: charity?.charityNumber ?? null,
      phone: charity?.phone ?? null,
      email: charity?.email ?? null,
    },
    recipient:
      kind === 'referral'
        ? [s('contact'), s('agency'), ...s('agencyAddress').split('\n')]
        : kind === 'referralReply'
          ? [s('referrer'), s('agency'), ...s('agencyAddress').split('\n')]
          : [values['client.name']!, ...clientAddress.split('\n')],
    date: today,
    reference: kind === 'referral' ? 'CB-00042/R7' : kind === 'referralReply' ? 'IN12' : 'CB-00042',
    subject: subjectMerged.text,
    body: tidyLetterBody(bodyMerged.text),
    signatureName: t('templates.sampleWriter'),
    emptyFields: [...subjectMerged.empty, ...bodyMerged.empty],
  };
}

/** Writing or changing a template: fields inserted from a picker, problems flagged as you type, a live preview. */
export function TemplateEditPage({ id }: { id?: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [template, setTemplate] = useState<LetterTemplate | null>(null);
  const [charity, setCharity] = useState<Charity | null>(null);
  const [logo] = useCharityLogo();
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastFocused = useRef<'subject' | 'body'>('body');
  const form = useForm<TemplateInput>({
    initialValues: { kind: 'general', language: i18n.language === 'pl' ? 'pl' : 'en', name: '', subject: '', body: '' },
    validate: schemaValidator(templateInputSchema, t),
  });
  useUnsavedGuard(form.isDirty);
  useEffect(() => {
    void invoke('charity.get', {}).then((r) => r.ok && setCharity(r.value));
    if (!id) return;
    void invoke('templates.list', { includeArchived: true }).then((r) => {
      if (!r.ok) return setLoadError(errorSentence(t, r.error));
      const found = r.value.find((x) => x.id === id);
      if (!found) return setLoadError(t('errors.NOT_FOUND'));
      setTemplate(found);
      form.initialize({
        kind: found.kind,
        language: found.language as TemplateInput['language'],
        name: found.name,
        subject: found.subject,
        body: found.body,
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (loadError) return <FormAlert message={loadError} />;
  if (id && !template) return <Loader aria-label={t('common.loading')} />;

  const v = form.values;
  const kind = v.kind as LetterKind;
  const problems = templateProblems(kind, v.subject, v.body);
  const problemLines = [
    ...problems.unknown.map((f) => t('templates.unknownField', { field: `{{${f}}}` })),
    ...problems.notForKind.map((f) =>
      t('templates.notForKind', { field: `{{${f}}}`, kind: t(`letters.kind.${kind}`) }),
    ),
    ...(problems.unclosed ? [t('templates.unclosed', { open: '{{', close: '}}' })] : []),
  ];
  // Casebook's own words in the preview come from the template's language (English if there is no catalog).
  const previewT = i18n.getFixedT(v.language === 'pl' ? 'pl' : 'en');
  const sample = sampleLetter(previewT, charity, kind, v.language, v.subject, v.body);

  const insert = (field: string) => {
    const token = `{{${field}}}`;
    const which = lastFocused.current;
    const el = which === 'subject' ? subjectRef.current : bodyRef.current;
    const current = which === 'subject' ? v.subject : v.body;
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    form.setFieldValue(which, current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = form.onSubmit((values) =>
    submit(
      () =>
        invoke('templates.save', {
          target: template ? { id: template.id, version: template.version } : null,
          template: values,
        }),
      {
        form,
        fieldPrefix: 'template.',
        onOk: () => {
          notifications.show({ color: 'green', message: t('templates.saved') });
          go({ name: 'templates' });
        },
      },
    ),
  );
  const kindFixed = !!template?.builtinKey || template?.kind === 'safetyPlan';
  const safety = kind === 'safetyPlan';

  return (
    <Stack maw={1400}>
      <Anchor component="button" onClick={() => go({ name: 'templates' })} w="fit-content">
        ← {t('templates.back')}
      </Anchor>
      <Title order={1} size="h2">
        {template ? t('templates.editTitle', { name: template.name }) : t('templates.newTitle')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <form onSubmit={save} noValidate>
            <Paper withBorder p="lg">
              <Stack>
                <Group grow>
                  <Select
                    label={t('letters.kindLabel')}
                    required
                    allowDeselect={false}
                    disabled={kindFixed}
                    data={LETTER_KINDS.filter((k) => k !== 'safetyPlan' || kindFixed).map((k) => ({
                      value: k,
                      label: t(`letters.kind.${k}`),
                    }))}
                    {...form.getInputProps('kind')}
                  />
                  <Select
                    label={t('letters.language')}
                    required
                    searchable
                    allowDeselect={false}
                    data={CLIENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
                    {...form.getInputProps('language')}
                  />
                </Group>
                <TextInput label={t('templates.name')} required maxLength={120} {...form.getInputProps('name')} />
                <Group justify="space-between" align="flex-end">
                  <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                    {t('templates.bodyHint', {
                      optional:
                        i18n.language === 'pl' ? '[[ pod numer {{charity.phone}}]]' : '[[ on {{charity.phone}}]]',
                      interpolation: { escapeValue: false },
                    })}
                  </Text>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button variant="light">{t('templates.insertField')}</Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <ScrollArea.Autosize mah={420} type="auto">
                        {GROUPS_FOR_KIND[kind].map((g) => (
                          <div key={g}>
                            <Menu.Label>{t(`letters.groups.${g}`)}</Menu.Label>
                            {MERGE_FIELDS[g].map((f) => (
                              <Menu.Item key={f} onClick={() => insert(f)} rightSection={<Code>{`{{${f}}}`}</Code>}>
                                {t(`letters.fields.${f}`)}
                              </Menu.Item>
                            ))}
                          </div>
                        ))}
                      </ScrollArea.Autosize>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
                <TextInput
                  ref={subjectRef}
                  label={safety ? t('templates.safetyPlanSubject') : t('templates.subject')}
                  required
                  maxLength={300}
                  {...form.getInputProps('subject')}
                  onFocus={() => (lastFocused.current = 'subject')}
                />
                <Textarea
                  ref={bodyRef}
                  label={safety ? t('templates.safetyPlanBody') : t('templates.body')}
                  required
                  autosize
                  minRows={12}
                  maxLength={20000}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                  {...form.getInputProps('body')}
                  onFocus={() => (lastFocused.current = 'body')}
                />
                {problemLines.length > 0 && (
                  <Alert color="red" variant="light" title={t('templates.problems')} role="status">
                    <List size="sm">
                      {problemLines.map((p) => (
                        <List.Item key={p}>{p}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                <FormActions error={error} busy={busy} onCancel={() => go({ name: 'templates' })} />
              </Stack>
            </Paper>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('templates.preview')}
            </Title>
            {safety ? (
              <Paper withBorder p="lg" aria-label={t('templates.preview')}>
                <Title order={3}>{sample.subject}</Title>
                <Text c="dimmed" my="md">
                  …
                </Text>
                {sample.body.split('\n').map((line, i) => (
                  <Text key={i} fw={i === 0 ? 700 : 400} c={i === 0 ? 'red.8' : 'dimmed'} size={i === 0 ? 'md' : 'sm'}>
                    {line}
                  </Text>
                ))}
              </Paper>
            ) : (
              <LetterSheet content={sample} logo={logo} label={t('templates.preview')} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
