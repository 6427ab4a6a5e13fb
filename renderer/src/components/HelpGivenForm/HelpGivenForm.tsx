import { Alert, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendedSession } from '../../../../shared/domain/programme';
import type { RepeatWarning, HelpGiven } from '../../../../shared/domain/helpGiven';
import { isIsoDate } from '../../../../shared/domain/validation';
import { invoke } from '../../api';
import { formatDate } from '../../format';
import { CURRENCY_SYMBOL, typeName, useMoney, useHelpTypes } from '../../helpGiven';
import { useSubmit } from '../../useSubmit';
import { ModalForm } from '../ModalForm/ModalForm';
import * as clock from '../../clock';
import { DateField } from '../DateField/DateField';

interface HelpGivenFormValues {
  typeId: string | null;
  givenOn: string;
  quantity: number | string;
  /** In whole pounds / złoty, as typed; kept in minor units. */
  value: number | string;
  sessionId: string | null;
  note: string;
  overrideReason: string;
}

const toMinor = (v: number | string) => (v === '' || v === null ? null : Math.round(Number(v) * 100));

/**
 * Recording practical help given to one client: the kind, how many, what it was worth (filled in from
 * the kind's value), and the session it was given at. Warns as soon as the help would break the
 * kind's repeat rule, and then asks why it is given again.
 */
export function GiveHelpModal({
  clientId,
  clientName,
  session,
  onClose,
  onSaved,
}: {
  clientId: number;
  clientName: string;
  /** Given at this session (from its register): the date and session are set. */
  session?: { id: number; heldOn: string; label: string };
  onClose: () => void;
  onSaved: (list: HelpGiven[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { types } = useHelpTypes();
  const { currency } = useMoney(i18n.language);
  const { busy, error, submit } = useSubmit();
  const [sessions, setSessions] = useState<AttendedSession[]>([]);
  const [found, setWarning] = useState<RepeatWarning | null>(null);
  const [valueTouched, setValueTouched] = useState(false);
  const form = useForm<HelpGivenFormValues>({
    initialValues: {
      typeId: null,
      givenOn: session?.heldOn ?? clock.today(),
      quantity: 1,
      value: '',
      sessionId: session ? String(session.id) : null,
      note: '',
      overrideReason: '',
    },
    validate: {
      typeId: (v) => (v ? null : t('validation.required')),
      overrideReason: (v: string): string | null => (warning && !v.trim() ? t('validation.repeatHelpReason') : null),
    },
  });
  useEffect(() => {
    if (!session)
      void invoke('programmes.forClient', { clientId }).then((r) => r.ok && setSessions(r.value.attended.slice(0, 30)));
  }, [clientId, session]);

  const { typeId, givenOn, quantity } = form.values;
  // The value follows the kind and number until the user types their own.
  useEffect(() => {
    if (valueTouched) return;
    const type = types.find((x) => String(x.id) === typeId);
    const n = Number(quantity);
    form.setFieldValue('value', type?.unitValue != null && n > 0 ? (type.unitValue * n) / 100 : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typeId, quantity, types, valueTouched]);
  // Only help given on a real, past date of a chosen kind is checked against what was given before.
  const checkable = !!typeId && isIsoDate(givenOn) && givenOn <= clock.today();
  const warning: RepeatWarning | null = checkable ? found : null;
  useEffect(() => {
    if (!checkable) return;
    void invoke('helpGiven.check', { clientId, typeId: Number(typeId), givenOn }).then((r) =>
      setWarning(r.ok ? r.value : null),
    );
  }, [clientId, typeId, givenOn, checkable]);

  const save = form.onSubmit((v) =>
    submit(
      () =>
        invoke('helpGiven.give', {
          clientId,
          helpGiven: {
            typeId: Number(v.typeId),
            givenOn: v.givenOn,
            quantity: Number(v.quantity),
            value: toMinor(v.value),
            sessionId: v.sessionId ? Number(v.sessionId) : null,
            note: v.note,
            overrideReason: warning ? v.overrideReason : null,
          },
        }),
      {
        form,
        fieldPrefix: 'helpGiven.',
        onOk: (list) => {
          notifications.show({ color: 'green', message: t('helpGiven.saved') });
          onSaved(list);
        },
      },
    ),
  );

  const warnedType = warning ? types.find((x) => x.id === warning.typeId) : undefined;
  const active = types.filter((x) => x.active);
  return (
    <ModalForm
      opened
      title={t('helpGiven.recordTitle', { name: clientName })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <SimpleGrid cols={2}>
        <Select
          label={t('helpGiven.type')}
          required
          data={active.map((x) => ({ value: String(x.id), label: typeName(t, x) }))}
          allowDeselect={false}
          data-autofocus
          {...form.getInputProps('typeId')}
        />
        <DateField
          label={t('helpGiven.givenOn')}
          required
          min="1900-01-01"
          max={clock.today()}
          disabled={!!session}
          {...form.getInputProps('givenOn')}
        />
        <NumberInput
          label={t('helpGiven.quantity')}
          required
          min={1}
          max={1000}
          allowDecimal={false}
          {...form.getInputProps('quantity')}
        />
        <NumberInput
          label={t('helpGiven.value')}
          description={t('helpGiven.valueHint')}
          min={0}
          decimalScale={2}
          fixedDecimalScale
          allowNegative={false}
          prefix={currency === 'PLN' ? undefined : CURRENCY_SYMBOL[currency]}
          suffix={currency === 'PLN' ? ` ${CURRENCY_SYMBOL[currency]}` : undefined}
          decimalSeparator={i18n.language === 'pl' ? ',' : '.'}
          {...form.getInputProps('value')}
          onChange={(v) => {
            setValueTouched(true);
            form.setFieldValue('value', v);
          }}
        />
      </SimpleGrid>
      {session ? (
        <TextInput label={t('helpGiven.session')} value={session.label} readOnly />
      ) : (
        sessions.length > 0 && (
          <Select
            label={t('helpGiven.session')}
            placeholder={t('helpGiven.noSession')}
            clearable
            data={sessions.map((s) => ({
              value: String(s.sessionId),
              label: `${s.programmeName} · ${formatDate(s.heldOn, i18n.language)} ${s.startsAt}`,
            }))}
            {...form.getInputProps('sessionId')}
          />
        )
      )}
      <Textarea label={t('helpGiven.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
      {warning && (
        <Alert color="orange" title={t('helpGiven.warningTitle', { type: typeName(t, warnedType) })} role="alert">
          {t('helpGiven.warning', {
            days: warning.days,
            limit: warning.limit,
            dates: warning.earlier
              .map((e) =>
                e.quantity > 1
                  ? `${formatDate(e.givenOn, i18n.language)} (×${e.quantity})`
                  : formatDate(e.givenOn, i18n.language),
              )
              .join(', '),
          })}
        </Alert>
      )}
      {warning && (
        <Textarea
          label={t('helpGiven.overrideReason')}
          description={t('helpGiven.overrideHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('overrideReason')}
        />
      )}
    </ModalForm>
  );
}
