import { Button, Container, Group, Paper, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppState } from '../../../shared/contract';
import { charitySchema, type CharityInput } from '../../../shared/domain/charity';
import { userNameSchema } from '../../../shared/domain/user';
import { invoke } from '../api';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { RestoreLink } from '../components/RestoreLink/RestoreLink';
import { CharityFields, emptyCharity } from '../components/CharityFields/CharityFields';
import { NewPasswordFields, newPasswordPair } from '../components/NewPasswordFields/NewPasswordFields';
import { RecoveryKeyGroups, KeepRecoverySheet } from '../components/RecoveryKeyGroups/RecoveryKeyGroups';
import { errorSentence, schemaValidator, translatedFields } from '../errors';

const adminSchema = z.intersection(z.object({ name: userNameSchema }), newPasswordPair);

interface Shown {
  groups: string[];
  confirmGroup: number;
}

/** The money a charity setting Casebook up in this language most likely counts in. */
const currencyFor = (language: string) => (language === 'pl' ? 'PLN' : 'GBP');

export function SetupPage({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [sheetKept, setSheetKept] = useState<string | null>(null);

  // Money in złoty for a charity setting Casebook up in Polish, pounds otherwise (changeable on the form).
  const charity = useForm<CharityInput>({
    initialValues: { ...emptyCharity, currency: currencyFor(i18n.language) },
    validate: schemaValidator(charitySchema, t),
  });
  // Switching the language switches the currency too, unless the person chose another one.
  const shownLanguage = useRef(i18n.language);
  useEffect(() => {
    if (shownLanguage.current === i18n.language) return;
    if (charity.getValues().currency === currencyFor(shownLanguage.current))
      charity.setFieldValue('currency', currencyFor(i18n.language));
    shownLanguage.current = i18n.language;
  }, [i18n.language, charity]);
  const admin = useForm({
    initialValues: { name: '', password: '', repeat: '' },
    validate: schemaValidator(adminSchema, t),
  });
  const confirm = useForm({ initialValues: { confirmation: '' } });

  const goCharity = charity.onSubmit(() => {
    setError(null);
    setStep(1);
  });

  const goAdmin = admin.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    const r = await invoke('setup.prepare', {
      charity: charity.getValues(),
      admin: { name: values.name, password: values.password },
    });
    setBusy(false);
    if (!r.ok) {
      const fields = r.error.fields ?? {};
      charity.setErrors(translatedFields(t, fields, 'charity.'));
      admin.setErrors(translatedFields(t, fields, 'admin.'));
      if (Object.keys(fields).some((f) => f.startsWith('charity.'))) setStep(0);
      setError(errorSentence(t, r.error));
      return;
    }
    setShown(r.value);
    setSheetKept(null);
    confirm.reset();
    setStep(2);
  });

  const goRecovery = () => {
    if (!sheetKept) {
      setError(t('setup.sheetNotSaved'));
      return;
    }
    setError(null);
    setStep(3);
  };

  const finish = confirm.onSubmit(async ({ confirmation }) => {
    setError(null);
    setBusy(true);
    const r = await invoke('setup.finish', { confirmation });
    setBusy(false);
    if (r.ok) onState(r.value);
    else {
      confirm.setErrors(translatedFields(t, r.error.fields));
      if (!r.error.fields) setError(errorSentence(t, r.error));
    }
  });

  return (
    <Container size={720} py="xl">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={1}>{t('setup.title')}</Title>
          <Text c="dimmed">{t('setup.intro')}</Text>
          <RestoreLink onState={onState} />
        </div>
        <LanguageSwitch value={state.language} onState={onState} />
      </Group>
      <Paper withBorder p="xl" shadow="xs">
        <Stepper
          active={step}
          size="sm"
          allowNextStepsSelect={false}
          onStepClick={(s) => s < step && step < 3 && setStep(s)}
        >
          <Stepper.Step label={t('setup.stepCharity')}>
            <form onSubmit={goCharity} noValidate>
              <Stack mt="md">
                <Text>{t('setup.charityIntro')}</Text>
                <CharityFields form={charity} autoFocus />
                <FormAlert message={error} />
                <Group justify="flex-end">
                  <Button type="submit">{t('common.next')}</Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepAdmin')}>
            <form onSubmit={goAdmin} noValidate>
              <Stack mt="md">
                <Text>{t('setup.adminIntro')}</Text>
                <TextInput
                  label={t('setup.adminName')}
                  required
                  autoFocus
                  autoComplete="name"
                  {...admin.getInputProps('name')}
                />
                <NewPasswordFields form={admin} userInputs={[admin.values.name, charity.values.name]} />
                <FormAlert message={error} />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(0)}>
                    {t('common.back')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {t('common.next')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepRecovery')}>
            <Stack mt="md">
              <Text>{t('setup.recoveryIntro')}</Text>
              <RecoveryKeyGroups groups={shown?.groups ?? []} />
              <Text fw={500}>{t('setup.recoveryKeep')}</Text>
              <KeepRecoverySheet
                during="setup"
                kept={sheetKept}
                onKept={(sentence) => {
                  setError(null);
                  setSheetKept(sentence);
                }}
                onError={setError}
              />
              <FormAlert message={error} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('common.back')}
                </Button>
                <Button onClick={goRecovery}>{t('common.next')}</Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepCheck')}>
            <form onSubmit={finish} noValidate>
              <Stack mt="md">
                <Text>{t('setup.checkIntro', { group: shown?.confirmGroup ?? '' })}</Text>
                <TextInput
                  label={t('setup.checkLabel', { group: shown?.confirmGroup ?? '' })}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={20}
                  w={220}
                  autoFocus
                  {...confirm.getInputProps('confirmation')}
                />
                {busy && <Text c="dimmed">{t('setup.working')}</Text>}
                <FormAlert message={error} />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(2)} disabled={busy}>
                    {t('common.back')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {t('setup.finish')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Container>
  );
}
