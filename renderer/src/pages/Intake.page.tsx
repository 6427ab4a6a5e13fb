import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../shared/i18n/keys';
import { invoke } from '../api';
import {
  ContactFields,
  formToDetails,
  PersonFields,
  ReferralFields,
  selfIfCaseworker,
  useCaseworkers,
  useClientForm,
  type ClientFormValues,
} from '../components/ClientFields/ClientFields';
import { useSession } from '../session';
import { ConsentFields, consentToInput, useConsentForm } from '../components/ConsentFields/ConsentFields';
import { DuplicateList, useDuplicates } from '../components/DuplicateCheck/DuplicateCheck';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { formatDate, languageName, readTypedDate } from '../format';
import { useSubmit } from '../useSubmit';
import { useGo, useUnsavedGuard } from '../navigation';
import { useChannel } from '../useChannel';
import type { Incoming, IncomingSource } from '../../../shared/domain/incoming';
import type { Signpost } from '../../../shared/domain/signposting';
import { labelOf } from '../../../shared/domain/customField';
import {
  answerErrors,
  answersOf,
  AnswerFields,
  checkDraft,
  useAnswerText,
  type AnswerDraft,
} from '../components/CustomFields/CustomFields';

/** Which fields each step owns, so "Next" checks only the step in front of the user. */
const STEP_FIELDS: (keyof ClientFormValues)[][] = [
  ['firstName', 'lastName', 'preferredName', 'dateOfBirth', 'estimatedAge', 'gender', 'pronouns'],
  ['phone', 'email', 'address', 'postcode', 'preferredLanguage'],
  ['intakeDate', 'caseworkerId', 'referralSource', 'referredBy'],
];

/**
 * Taking a new client in, in short steps: who they are, how to reach them, how they came to us, the
 * charity's own questions (when it asks any at intake), what they consent to, and a last check
 * (including possible duplicates) before saving. Nothing is saved until the last step; then the
 * client, their answers and their consent are one transaction.
 */
export function IntakePage({
  incomingId,
  signpostId,
}: {
  incomingId?: number | undefined;
  signpostId?: number | undefined;
}) {
  const { t } = useTranslation();
  const incoming = useChannel('incoming.get', incomingId ? { id: incomingId } : null);
  const signpost = useChannel('signposting.get', signpostId ? { id: signpostId } : null);
  if (!incomingId && !signpostId) return <IntakeForm from={null} />;
  const error = incoming.error ?? signpost.error;
  if (error) return <FormAlert message={error} />;
  if (incoming.data) return <IntakeForm from={incoming.data} />;
  if (signpost.data) return <IntakeForm from={null} signposted={signpost.data} />;
  return <Text c="dimmed">{t('common.loading')}</Text>;
}

/** "Jan Nowak" as first and last name: the last word is the surname (checked and corrected in the form). */
const splitName = (name: string) => {
  const parts = name.trim().split(/\s+/);
  return parts.length < 2
    ? { firstName: name.trim(), lastName: '' }
    : { lastName: parts.pop()!, firstName: parts.join(' ') };
};

/** How a referral in came, in the words of the client record's "how they came to us". */
const SOURCE_AS_CLIENT: Record<IncomingSource, ClientFormValues['referralSource']> = {
  self: 'self',
  gp: 'professional',
  council: 'agency',
  school: 'agency',
  agency: 'agency',
  familyFriend: 'familyFriend',
  other: 'other',
};

function IntakeForm({ from, signposted = null }: { from: Incoming | null; signposted?: Signpost | null }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const form = useClientForm({
    caseworkerId: selfIfCaseworker(useSession()),
    // Taken in from a referral: what it says is filled in, to check and complete.
    ...(from
      ? {
          firstName: from.firstName,
          lastName: from.lastName,
          dateOfBirth: from.dateOfBirth ?? '',
          phone: from.phone ?? '',
          email: from.email ?? '',
          postcode: from.postcode ?? '',
          preferredLanguage: from.preferredLanguage ?? '',
          referralSource: SOURCE_AS_CLIENT[from.source],
          referredBy: from.referrerName ?? from.agencyName ?? '',
        }
      : signposted
        ? { ...splitName(signposted.name ?? ''), phone: signposted.phone ?? '', referralSource: 'self' }
        : {}),
  });
  useUnsavedGuard(form.isDirty);
  const consent = useConsentForm();
  const [step, setStep] = useState(0);
  const [consentNow, setConsentNow] = useState<'now' | 'later'>('now');
  const [newPerson, setNewPerson] = useState(false);
  const [duplicateError, setDuplicateError] = useState<string | null>(null);
  const { busy, error, submit: send } = useSubmit();
  const caseworkers = useCaseworkers();
  const v = form.values;
  const questions = (useChannel('customFields.list', {}).data ?? []).filter((f) => f.inIntake);
  const [answers, setAnswers] = useState<AnswerDraft>({});
  const [answerProblems, setAnswerProblems] = useState<Record<number, string>>({});
  const answerText = useAnswerText();
  // The charity's questions are a step of their own when it asks any at intake.
  const QUESTIONS_STEP = questions.length ? STEP_FIELDS.length : -1;
  const CONSENT_STEP = STEP_FIELDS.length + (questions.length ? 1 : 0);
  const CHECK_STEP = CONSENT_STEP + 1;
  const { matches, refresh } = useDuplicates({
    firstName: v.firstName,
    lastName: v.lastName,
    dateOfBirth: readTypedDate(v.dateOfBirth),
    phone: v.phone || null,
  });

  const stepValid = (s: number): boolean => {
    if (s < STEP_FIELDS.length) {
      const all = form.validate();
      const mine = Object.fromEntries(
        Object.entries(all.errors).filter(([k]) => (STEP_FIELDS[s] as string[]).includes(k)),
      );
      form.setErrors(mine);
      return Object.keys(mine).length === 0;
    }
    if (s === QUESTIONS_STEP) {
      const wrong = checkDraft(questions, answers, t);
      setAnswerProblems(wrong);
      return Object.keys(wrong).length === 0;
    }
    if (s === CONSENT_STEP && consentNow === 'now') return !consent.validate().hasErrors;
    return true;
  };

  const next = () => {
    if (stepValid(step)) setStep((s) => Math.min(CHECK_STEP, s + 1));
  };
  const jump = (target: number) => {
    // Going back is always allowed; going forward checks each step on the way.
    for (let s = step; s < target; s++) if (!stepValid(s)) return setStep(s);
    setStep(target);
  };

  const save = async () => {
    setDuplicateError(null);
    for (let s = 0; s < CHECK_STEP; s++) if (!stepValid(s)) return setStep(s);
    if (matches.length && !newPerson) return setDuplicateError(t('intake.confirmNewPerson'));
    await send(
      () =>
        invoke('clients.intake', {
          details: formToDetails(form.values),
          consent: consentNow === 'now' ? consentToInput(consent.values) : null,
          duplicatesSeen: matches.map((m) => m.client.id),
          answers: answersOf(questions, answers),
          incomingId: from?.id ?? null,
          signpostId: signposted?.id ?? null,
        }),
      {
        form: {
          setErrors: (fields) => {
            form.setErrors(fields);
            const wrong = answerErrors(fields);
            setAnswerProblems(wrong);
            if (Object.keys(wrong).length) setStep(QUESTIONS_STEP);
          },
        },
        fieldPrefix: 'details.',
        renameFields: { estimatedBirthYear: 'estimatedAge' },
        onOk: (client) => {
          notifications.show({
            color: 'green',
            message: t('clients.created', {
              name: `${client.firstName} ${client.lastName}`,
              reference: client.reference,
            }),
          });
          go({ name: 'client', id: client.id });
        },
      },
    );
    // Someone may have added a similar client meanwhile: show the fresh list.
    refresh();
    setNewPerson(false);
  };

  // Everything that will be saved, as the record will show it.
  const c = consent.values;
  const contactBy = (['Phone', 'Letter', 'Text', 'Email'] as const)
    .filter((k) => c[`contact${k}`])
    .map((k) => t(`consent.contact.${k.toLowerCase() as Lowercase<typeof k>}`));
  const summary: [string, string][] = [
    [
      t('clients.name'),
      `${v.firstName} ${v.lastName}${v.preferredName ? ` (${t('clients.knownAs', { name: v.preferredName })})` : ''}`,
    ],
    [
      t('clients.dateOfBirth'),
      v.dateOfBirth
        ? formatDate(v.dateOfBirth, i18n.language)
        : v.estimatedAge !== ''
          ? t('clients.ageAbout', { count: Number(v.estimatedAge) })
          : '',
    ],
    [t('clients.gender'), v.genderWithheld ? t('clients.genderWithheld') : v.gender],
    [t('clients.pronouns'), v.pronouns],
    [t('clients.phone'), v.phone],
    [t('clients.email'), v.email],
    [
      t('clients.address'),
      [
        v.address
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join(', '),
        v.postcode,
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    [
      t('clients.preferredLanguage'),
      `${languageName(v.preferredLanguage, i18n.language)}${v.interpreterNeeded ? ` · ${t('clients.interpreterNeeded')}` : ''}`,
    ],
    [t('clients.intakeDate'), formatDate(v.intakeDate, i18n.language)],
    [
      t('clients.referralSource'),
      v.referralSource
        ? `${t(codedKey('clients.referralSources', v.referralSource))}${v.referredBy ? `: ${v.referredBy}` : ''}`
        : v.referredBy,
    ],
    [t('clients.caseworker'), caseworkers.find((w) => w.value === v.caseworkerId)?.label ?? ''],
    ...questions.map((f): [string, string] => [
      labelOf(f, i18n.language),
      answerText(f.type, f, answers[f.id] ?? null),
    ]),
    ...((consentNow === 'now'
      ? [
          [t('consent.storeData'), c.storeData ? t('common.yes') : t('common.no')],
          [
            t('consent.shareScope'),
            c.shareScope === 'named'
              ? `${t('consent.scopes.named')}: ${c.shareAgencies.join(', ')}`
              : t(`consent.scopes.${c.shareScope}`),
          ],
          [t('consent.contactBy'), contactBy.length ? contactBy.join(', ') : t('consent.noContact')],
          [
            t('consent.givenOn'),
            `${formatDate(c.givenOn, i18n.language)}${c.method ? ` · ${t(`consent.methods.${c.method}`)}` : ''}`,
          ],
        ]
      : [[t('consent.title'), t('intake.consentLater')]]) as [string, string][]),
  ];

  return (
    <Stack maw={960}>
      <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'clients' })} w="fit-content">
        ← {t('clients.backToList')}
      </Anchor>
      <Title order={1} size="h2">
        {t('clients.newTitle')}
      </Title>
      {signposted && (
        <Alert color="blue">
          {t('signposting.takingIn', {
            name: signposted.name ?? '',
            date: formatDate(signposted.contactedOn, i18n.language),
          })}
        </Alert>
      )}
      {from && (
        <Alert color="blue">
          {t('incoming.takingIn', {
            name: `${from.firstName} ${from.lastName}`,
            date: formatDate(from.receivedOn, i18n.language),
          })}
          {from.programmeName ? ` ${t('incoming.takingInProgramme', { programme: from.programmeName })}` : ''}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Stepper active={step} onStepClick={jump} size="sm" allowNextStepsSelect>
          <Stepper.Step label={t('intake.steps.person')}>
            <Stack mt="md">
              <PersonFields form={form} />
              <DuplicateList matches={matches} onOpen={(id) => go({ name: 'client', id })} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('intake.steps.contact')}>
            <Stack mt="md">
              <ContactFields form={form} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('intake.steps.referral')}>
            <Stack mt="md">
              <ReferralFields form={form} />
            </Stack>
          </Stepper.Step>
          {questions.length > 0 && (
            <Stepper.Step label={t('intake.steps.questions')}>
              <Stack mt="md">
                <AnswerFields
                  fields={questions}
                  draft={answers}
                  errors={answerProblems}
                  onChange={(d) => {
                    setAnswers(d);
                    setAnswerProblems({});
                  }}
                />
              </Stack>
            </Stepper.Step>
          )}
          <Stepper.Step label={t('intake.steps.consent')}>
            <Stack mt="md">
              <Radio.Group
                value={consentNow}
                onChange={(x) => setConsentNow(x as 'now' | 'later')}
                label={t('intake.consentQuestion')}
              >
                <Group mt={6}>
                  <Radio value="now" label={t('intake.consentNow')} />
                  <Radio value="later" label={t('intake.consentLater')} />
                </Group>
              </Radio.Group>
              {consentNow === 'now' ? (
                <ConsentFields form={consent} />
              ) : (
                <Alert color="yellow">{t('intake.consentLaterWarning')}</Alert>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('intake.steps.check')}>
            <Stack mt="md">
              <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
                {summary.map(([label, value]) => (
                  <div key={label}>
                    <Text component="dt" size="sm" c="dimmed">
                      {label}
                    </Text>
                    <Text component="dd" m={0} c={value ? undefined : 'dimmed'}>
                      {value || t('common.notRecorded')}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
              <DuplicateList matches={matches} onOpen={(id) => go({ name: 'client', id })} />
              {matches.length > 0 && (
                <Checkbox
                  label={t('intake.newPerson')}
                  checked={newPerson}
                  onChange={(e) => setNewPerson(e.currentTarget.checked)}
                  error={duplicateError}
                />
              )}
            </Stack>
          </Stepper.Step>
        </Stepper>
        <Stack mt="lg">
          <FormAlert message={error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => (step === 0 ? go({ name: 'clients' }) : setStep(step - 1))}>
              {step === 0 ? t('common.cancel') : t('common.back')}
            </Button>
            {step < CHECK_STEP ? (
              <Button onClick={next}>{t('common.next')}</Button>
            ) : (
              <Button onClick={save} loading={busy}>
                {t('intake.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
