import { Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { saveHelpTypeSchema, type Currency, type HelpType } from '../../../../shared/domain/helpGiven';
import { invoke } from '../../api';
import { schemaValidator } from '../../errors';
import { CURRENCY_SYMBOL, typeName, useMoney, useHelpTypes } from '../../helpGiven';
import { useSubmit } from '../../useSubmit';
import { FormAlert } from '../FormAlert/FormAlert';

interface TypeForm {
  name: string;
  unitValue: number | string;
  repeatLimit: number | string;
  repeatDays: number | string;
}

const num = (v: number | string) => (v === '' ? null : Number(v));
/** A built-in kind's name in the reader's language ('' for the charity's own kinds). */
const builtinName = (t: TFunction, type: HelpType) =>
  type.builtinKey ? typeName(t, { builtinKey: type.builtinKey, name: null }) : '';
const toInput = (t: TFunction, type: HelpType | null, v: TypeForm, active: boolean) => ({
  id: type?.id ?? null,
  version: type?.version ?? null,
  // A built-in kind's own name, left as it is, keeps following the language.
  name: type && v.name.trim() === builtinName(t, type) ? '' : v.name,
  unitValue: v.unitValue === '' ? null : Math.round(Number(v.unitValue) * 100),
  repeatLimit: num(v.repeatLimit),
  repeatDays: num(v.repeatDays),
  active,
});

/** One kind of help as a row of fields: its name (empty keeps the built-in one), value of one, and repeat rule. */
function TypeRow({
  type,
  currency,
  onTypes,
}: {
  type: HelpType | null;
  currency: Currency;
  onTypes: (v: HelpType[]) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const blank: TypeForm = { name: '', unitValue: '', repeatLimit: '', repeatDays: '' };
  const form = useForm<TypeForm>({
    initialValues: type
      ? {
          name: type.name ?? builtinName(t, type),
          unitValue: type.unitValue === null ? '' : type.unitValue / 100,
          repeatLimit: type.repeatLimit ?? '',
          repeatDays: type.repeatDays ?? '',
        }
      : blank,
    validate: (v) => schemaValidator(saveHelpTypeSchema, t)(toInput(t, type, v, type?.active ?? true)),
  });
  const save = (active: boolean) =>
    submit(() => invoke('helpTypes.save', toInput(t, type, form.values, active)), {
      form,
      onOk: (list) => {
        notifications.show({ color: 'green', message: t('helpGiven.typeSaved') });
        if (!type) form.setValues(blank);
        onTypes(list);
      },
    });
  const label = type ? typeName(t, type) : t('helpGiven.addType');
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`${t('helpGiven.typeName')}: ${label}`}
          maxLength={80}
          disabled={type?.active === false}
          {...form.getInputProps('name')}
        />
        {error && !Object.keys(form.errors).length && <FormAlert message={error} />}
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('helpGiven.unitValue')}: ${label}`}
          min={0}
          decimalScale={2}
          fixedDecimalScale
          allowNegative={false}
          prefix={`${CURRENCY_SYMBOL[currency]} `}
          w={120}
          {...form.getInputProps('unitValue')}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <NumberInput
            aria-label={`${t('helpGiven.repeatLimit')}: ${label}`}
            min={1}
            max={100}
            allowDecimal={false}
            w={80}
            {...form.getInputProps('repeatLimit')}
          />
          <NumberInput
            aria-label={`${t('helpGiven.repeatDays')}: ${label}`}
            min={1}
            max={366}
            allowDecimal={false}
            w={80}
            {...form.getInputProps('repeatDays')}
          />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            loading={busy}
            onClick={() => form.validate().hasErrors || void save(type?.active ?? true)}
            aria-label={`${type ? t('common.save') : t('helpGiven.addType')}: ${label}`}
          >
            {type ? t('common.save') : t('helpGiven.addType')}
          </Button>
          {type && (
            <Button
              size="xs"
              variant="default"
              onClick={() => void save(!type.active)}
              aria-label={`${type.active ? t('helpGiven.retire') : t('helpGiven.restore')}: ${label}`}
            >
              {type.active ? t('helpGiven.retire') : t('helpGiven.restore')}
            </Button>
          )}
          {type && !type.active && (
            <Badge color="gray" size="sm">
              {t('helpGiven.retired')}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Administrators name the kinds of help the charity gives, what one is worth, and when to warn about repeats. */
export function HelpTypesEditor() {
  const { t, i18n } = useTranslation();
  const { types, setTypes } = useHelpTypes();
  // Read once for the whole table, not once per row.
  const { currency } = useMoney(i18n.language);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('helpGiven.typesIntro')}</Text>
      <Table aria-label={t('helpGiven.typesTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('helpGiven.typeName')}</Table.Th>
            <Table.Th>{t('helpGiven.unitValue')}</Table.Th>
            <Table.Th>
              {t('helpGiven.repeatLimit')} / {t('helpGiven.repeatDays')}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {/* A built-in kind's name is shown in the language on screen: the row starts again when it changes. */}
          {types.map((x) => (
            <TypeRow key={`${x.id}-${x.version}-${i18n.language}`} type={x} currency={currency} onTypes={setTypes} />
          ))}
          <TypeRow type={null} currency={currency} onTypes={setTypes} />
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
