import { LoneWorkingSteps, MyDiaryDetails } from '../components/LoneWorking/LoneWorking';
import { Button, Code, Group, Modal, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../shared/i18n/keys';
import { z } from 'zod';
import type { AppState } from '../../../shared/contract';
import { REVIEW_WEEKS_MAX, REVIEW_WEEKS_MIN } from '../../../shared/domain/caseload';
import { charitySchema, type CharityInput } from '../../../shared/domain/charity';
import type { Result } from '../../../shared/result';
import { invoke } from '../api';
import { CharityFields, emptyCharity } from '../components/CharityFields/CharityFields';
import { FormActions } from '../components/FormActions/FormActions';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { NewPasswordFields, newPasswordPair } from '../components/NewPasswordFields/NewPasswordFields';
import { RecoveryKeyGroups, KeepRecoverySheet } from '../components/RecoveryKeyGroups/RecoveryKeyGroups';
import { errorSentence, schemaValidator, translatedFields } from '../errors';
import { useCan } from '../session';
import { useSubmit } from '../useSubmit';
import { NeedAreasEditor } from '../components/NeedAreasEditor/NeedAreasEditor';
import { HelpTypesEditor } from '../components/HelpTypesEditor/HelpTypesEditor';
import { EligibilityServices } from '../components/EligibilityServices/EligibilityServices';
import { CustomFieldsEditor } from '../components/CustomFieldsEditor/CustomFieldsEditor';
import { FormsEditor } from '../components/FormsEditor/FormsEditor';
import { ScannerFolder } from '../components/ScannerFolder/ScannerFolder';
import { NumberSetting } from '../components/NumberSetting/NumberSetting';
import { Section } from '../components/Section/Section';
import { useCharityLogo } from '../useCharityLogo';
import { useChannel } from '../useChannel';

function CharityDetails({ onCharity }: { onCharity: (name: string) => void }) {
  const { t } = useTranslation();
  const { busy, error, setError, submit: send } = useSubmit();
  const form = useForm<CharityInput>({ initialValues: emptyCharity, validate: schemaValidator(charitySchema, t) });
  useEffect(() => {
    void invoke('charity.get', {}).then((r) => {
      if (!r.ok) return setError(errorSentence(t, r.error));
      const v = {
        name: r.value.name,
        address: r.value.address ?? '',
        charityNumber: r.value.charityNumber ?? '',
        phone: r.value.phone ?? '',
        email: r.value.email ?? '',
      };
      form.setValues(v);
      form.resetDirty(v);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const save = form.onSubmit((values) =>
    send(() => invoke('charity.update', values), {
      form,
      onOk: (charity) => {
        onCharity(charity.name);
        notifications.show({ color: 'green', message: t('common.saved') });
      },
    }),
  );
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <CharityFields form={form} />
        <FormActions error={error} busy={busy} />
      </Stack>
    </form>
  );
}

/** The logo printed at the top of every letter. */
function CharityLogo() {
  const { t } = useTranslation();
  const [logo, setLogo] = useCharityLogo();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (channel: 'charity.chooseLogo' | 'charity.removeLogo') => {
    setBusy(true);
    setError(null);
    const r = await invoke(channel, {});
    setBusy(false);
    if (r.ok) return setLogo(r.value.dataUrl);
    if (r.error.code === 'CANCELLED') return;
    const field = r.error.fields?.['logo'];
    setError(field ? t(codedKey('validation', field)) : errorSentence(t, r.error));
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('letters.logo')}</Text>
      <Text size="sm" c="dimmed">
        {t('letters.logoHint')}
      </Text>
      {logo ? (
        <img
          src={logo}
          alt={t('letters.logo')}
          style={{ maxWidth: 220, maxHeight: 90, objectFit: 'contain', alignSelf: 'flex-start' }}
        />
      ) : (
        <Text size="sm">{t('letters.noLogo')}</Text>
      )}
      <FormAlert message={error} />
      <Group>
        <Button variant="default" loading={busy} onClick={() => void run('charity.chooseLogo')}>
          {t('letters.changeLogo')}
        </Button>
        {logo && (
          <Button variant="subtle" color="red" disabled={busy} onClick={() => void run('charity.removeLogo')}>
            {t('letters.removeLogo')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function ChangePassword({ name }: { name: string }) {
  const { t } = useTranslation();
  const { busy, error, submit: send } = useSubmit();
  const schema = z.intersection(
    z.object({ currentPassword: z.string().min(1, { error: 'required' }) }),
    newPasswordPair,
  );
  const form = useForm({
    initialValues: { currentPassword: '', password: '', repeat: '' },
    validate: schemaValidator(schema, t),
  });
  const submit = form.onSubmit(({ currentPassword, password }) =>
    send(() => invoke('signIn.changePassword', { currentPassword, newPassword: password }), {
      form,
      renameFields: { newPassword: 'password' },
      onOk: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('account.passwordChanged') });
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={480}>
        <PasswordInput
          label={t('account.currentPassword')}
          required
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordFields form={form} userInputs={[name]} />
        <FormActions error={error} busy={busy} label={t('account.changePassword')} align="flex-start" />
      </Stack>
    </form>
  );
}

function IdleMinutes({ state, onState }: { state: AppState; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  return (
    <NumberSetting
      label={t('settings.idleLabel')}
      min={1}
      max={60}
      initial={state.idleMinutes}
      field="idleMinutes"
      save={async (idleMinutes) => {
        const r = await invoke('settings.update', { idleMinutes });
        if (r.ok) onState(r.value);
        return r;
      }}
    />
  );
}

/**
 * One of the charity's rules about who sees what, as a switch: the core enforces it; this only sets
 * it, and says in words what changed.
 */
function SettingSwitch({
  label,
  description,
  checked,
  save,
  said,
  onState,
}: {
  label: string;
  description: string;
  checked: boolean;
  save: (on: boolean) => Promise<Result<AppState>>;
  said: (on: boolean) => string;
  onState: (s: AppState) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack gap="xs">
      <Switch
        label={label}
        description={description}
        checked={checked}
        disabled={busy}
        onChange={async (e) => {
          const on = e.currentTarget.checked;
          setBusy(true);
          setError(null);
          const r = await save(on);
          setBusy(false);
          if (r.ok) {
            onState(r.value);
            notifications.show({ color: 'green', message: said(on) });
          } else setError(errorSentence(t, r.error));
        }}
      />
      <FormAlert message={error} />
    </Stack>
  );
}

/** How often reviews fall due: everyone reads it on the home screen; administrators change it. */
function ReviewInterval() {
  const { t } = useTranslation();
  const can = useCan();
  const interval = useChannel('reviews.interval', {});
  const weeks = interval.data?.weeks ?? null;
  if (weeks === null) return null;
  return (
    <>
      <Text size="sm">{t('reviews.intervalText', { count: weeks })}</Text>
      {can('reviews.setInterval') && (
        <NumberSetting
          label={t('reviews.intervalLabel')}
          min={REVIEW_WEEKS_MIN}
          max={REVIEW_WEEKS_MAX}
          initial={weeks}
          field="weeks"
          save={async (n) => {
            const r = await invoke('reviews.setInterval', { weeks: n });
            if (r.ok) interval.replace(r.value);
            return r;
          }}
        />
      )}
    </>
  );
}

/** How long someone waits before the waiting list prompts a "still need us?" contact. */
function StillNeedDays() {
  const { t } = useTranslation();
  const list = useChannel('incoming.list', { show: 'waiting' });
  const days = list.data?.stillNeedDays ?? null;
  if (days === null) return null;
  return (
    <NumberSetting
      label={t('incoming.stillNeedDaysLabel')}
      min={7}
      max={365}
      initial={days}
      field="days"
      save={async (n) => {
        const r = await invoke('incoming.setStillNeedDays', { days: n });
        if (r.ok) list.reload();
        return r;
      }}
    />
  );
}

/** Replace the recovery key: the new key is shown, saved as a sheet, and confirmed before it counts. */
function NewRecoverySheet() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ groups: string[]; confirmGroup: number } | null>(null);
  const [sheetKept, setSheetKept] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setShown(null);
    setSheetKept(null);
    setConfirmation('');
    setFieldError(null);
    setError(null);
  };
  return (
    <>
      <Text size="sm">{t('recovery.intro')}</Text>
      <Group>
        <Button
          variant="default"
          onClick={async () => {
            const r = await invoke('recovery.prepare', {});
            if (r.ok) setShown(r.value);
            else setError(errorSentence(t, r.error));
          }}
        >
          {t('recovery.start')}
        </Button>
      </Group>
      <Modal opened={shown !== null} onClose={close} title={t('recovery.start')} size="xl">
        {shown && (
          <Stack>
            <Text>{t('setup.recoveryKeep')}</Text>
            <RecoveryKeyGroups groups={shown.groups} />
            <KeepRecoverySheet during="replacing" kept={sheetKept} onKept={setSheetKept} onError={setError} />
            <Text>{t('setup.checkIntro', { group: shown.confirmGroup })}</Text>
            <TextInput
              label={t('setup.checkLabel', { group: shown.confirmGroup })}
              value={confirmation}
              onChange={(e) => setConfirmation(e.currentTarget.value)}
              error={fieldError}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              w={220}
            />
            <FormAlert message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={async () => {
                  const r = await invoke('recovery.confirm', { confirmation });
                  if (r.ok) {
                    close();
                    notifications.show({ color: 'green', message: t('recovery.replaced'), autoClose: 10_000 });
                  } else if (r.error.fields) setFieldError(translatedFields(t, r.error.fields)['confirmation'] ?? null);
                  else setError(errorSentence(t, r.error));
                }}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

export function SettingsPage({
  state,
  onState,
  onCharity,
}: {
  state: AppState;
  onState: (s: AppState) => void;
  onCharity: (name: string) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack maw={820}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Section title={t('language.label')}>
        <Text size="sm">{t('settings.languageIntro')}</Text>
        <div>
          <LanguageSwitch value={state.language} onState={onState} />
        </div>
      </Section>
      <Section title={t('diary.myDetailsTitle')}>
        <MyDiaryDetails />
      </Section>
      <Section title={t('account.changePassword')}>
        <ChangePassword name={state.user?.name ?? ''} />
      </Section>
      {can('charity.update') && (
        <Section title={t('settings.charityTitle')}>
          <CharityDetails onCharity={onCharity} />
          <CharityLogo />
        </Section>
      )}
      <Section title={t('settings.idleTitle')}>
        <Text size="sm">{t('settings.idleText', { count: state.idleMinutes })}</Text>
        {can('settings.update') && <IdleMinutes state={state} onState={onState} />}
      </Section>
      <Section title={t('reach.title')}>
        {can('settings.setOwnClientsOnly') ? (
          <SettingSwitch
            label={t('reach.setting')}
            description={t('reach.settingHelp')}
            checked={state.ownClientsOnly}
            save={(ownClientsOnly) => invoke('settings.setOwnClientsOnly', { ownClientsOnly })}
            said={(on) => t(on ? 'reach.turnedOn' : 'reach.turnedOff')}
            onState={onState}
          />
        ) : (
          <Text size="sm">{t(state.ownClientsOnly ? 'reach.isOn' : 'reach.isOff')}</Text>
        )}
        {can('settings.setVolunteersSeeContactDetails') ? (
          <SettingSwitch
            label={t('reach.volunteersSetting')}
            description={t('reach.volunteersHelp')}
            checked={state.volunteersSeeContactDetails}
            save={(volunteersSeeContactDetails) =>
              invoke('settings.setVolunteersSeeContactDetails', { volunteersSeeContactDetails })
            }
            said={(on) => t(on ? 'reach.volunteersOn' : 'reach.volunteersOff')}
            onState={onState}
          />
        ) : (
          <Text size="sm">{t(state.volunteersSeeContactDetails ? 'reach.volunteersOn' : 'reach.volunteersOff')}</Text>
        )}
      </Section>
      <Section title={t('reviews.intervalTitle')}>
        <ReviewInterval />
      </Section>
      {can('needAreas.save') && (
        <Section title={t('needAreas.title')}>
          <NeedAreasEditor />
        </Section>
      )}
      {can('helpTypes.save') && (
        <Section title={t('helpGiven.typesTitle')}>
          <HelpTypesEditor />
        </Section>
      )}
      {can('diary.setLoneWorkingSteps') && (
        <Section title={t('diary.loneWorkingTitle')}>
          <LoneWorkingSteps />
        </Section>
      )}
      {can('documents.setScannerFolder') && (
        <Section title={t('inbox.settingsTitle')}>
          <ScannerFolder />
        </Section>
      )}
      {can('incoming.setStillNeedDays') && (
        <Section title={t('incoming.programmeList')}>
          <StillNeedDays />
        </Section>
      )}
      {can('customFields.save') && (
        <Section title={t('customFields.settings.title')}>
          <CustomFieldsEditor />
        </Section>
      )}
      {can('forms.save') && (
        <Section title={t('forms.settings.title')}>
          <FormsEditor />
        </Section>
      )}
      {can('eligibility.saveService') && (
        <Section title={t('eligibility.settings.title')}>
          <EligibilityServices />
        </Section>
      )}
      {can('recovery.prepare') && (
        <Section title={t('recovery.title')}>
          <NewRecoverySheet />
        </Section>
      )}
      <Section title={t('settings.dataTitle')}>
        <Text size="sm">{t('settings.dataIntro')}</Text>
        <Code block>{state.dataDir}</Code>
      </Section>
    </Stack>
  );
}
