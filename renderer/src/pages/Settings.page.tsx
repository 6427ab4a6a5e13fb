import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../shared/contract';
import { charitySchema, type CharityInput } from '../../../shared/domain/charity';
import { invoke } from '../api';
import { CharityFields, emptyCharity } from '../components/CharityFields/CharityFields';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { errorSentence, schemaValidator, translatedFields } from '../errors';

export function SettingsPage({ state, onState, onCharity }: { state: AppState; onState: (s: AppState) => void; onCharity: (name: string) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<CharityInput>({ initialValues: emptyCharity, validate: schemaValidator(charitySchema, t) });

  useEffect(() => {
    void invoke('charity.get', {}).then((r) => {
      if (!r.ok) return setError(errorSentence(t, r.error));
      const v = { name: r.value.name, address: r.value.address ?? '', charityNumber: r.value.charityNumber ?? '', phone: r.value.phone ?? '' };
      form.setValues(v);
      form.resetDirty(v);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    const r = await invoke('charity.update', values);
    setBusy(false);
    if (!r.ok) {
      form.setErrors(translatedFields(t, r.error.fields));
      return setError(errorSentence(t, r.error));
    }
    onCharity(r.value.name);
    notifications.show({ color: 'green', message: t('common.saved') });
  });

  return (
    <Stack maw={820}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('language.label')}
          </Title>
          <Text size="sm">{t('settings.languageIntro')}</Text>
          <div>
            <LanguageSwitch value={state.language} onState={onState} />
          </div>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <form onSubmit={save} noValidate>
          <Stack>
            <Title order={2} size="h4">
              {t('settings.charityTitle')}
            </Title>
            <CharityFields form={form} />
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('settings.idleTitle')}
          </Title>
          <Text size="sm">{t('settings.idleText', { count: state.idleMinutes })}</Text>
          <Title order={2} size="h4" mt="sm">
            {t('settings.dataTitle')}
          </Title>
          <Text size="sm">{t('settings.dataIntro')}</Text>
          <Code block>{state.dataDir}</Code>
        </Stack>
      </Paper>
    </Stack>
  );
}
