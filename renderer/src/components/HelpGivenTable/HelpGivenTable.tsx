import { ActionIcon, Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpGiven } from '../../../../shared/domain/helpGiven';
import { formatDate } from '../../format';
import { typeName, useMoney } from '../../helpGiven';

/** Help given, one line each: when, what, how many, worth, where, by whom; optionally whose. */
export function HelpGivenTable({
  items,
  label,
  showClient = false,
  onClient,
  onRemove,
}: {
  items: HelpGiven[];
  label: string;
  showClient?: boolean;
  onClient?: (clientId: number) => void;
  onRemove?: (item: HelpGiven) => void;
}) {
  const { t, i18n } = useTranslation();
  const { money } = useMoney(i18n.language);
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('helpGiven.date')}</Table.Th>
          {showClient && <Table.Th>{t('helpGiven.client')}</Table.Th>}
          <Table.Th>{t('helpGiven.help')}</Table.Th>
          <Table.Th ta="right">{t('helpGiven.quantity')}</Table.Th>
          <Table.Th ta="right">{t('helpGiven.value')}</Table.Th>
          <Table.Th>{t('helpGiven.atSession')}</Table.Th>
          <Table.Th>{t('helpGiven.givenBy')}</Table.Th>
          {onRemove && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>{formatDate(g.givenOn, i18n.language)}</Table.Td>
            {showClient && (
              <Table.Td>
                <Anchor component="button" onClick={() => onClient?.(g.clientId)}>
                  {g.clientName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {g.clientReference}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              {typeName(t, { builtinKey: g.typeKey, name: g.typeName })}
              {/* Why it was given over the limit, in the row where it is read (not only on hover). */}
              {g.overrideReason && (
                <Text size="xs" c="orange.9">
                  {t('helpGiven.overridden', { reason: g.overrideReason })}
                </Text>
              )}
              {g.note && (
                <Text size="xs" c="dimmed">
                  {g.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{g.quantity}</Table.Td>
            <Table.Td ta="right">{money(g.value)}</Table.Td>
            <Table.Td>{g.programmeName}</Table.Td>
            <Table.Td>{g.givenByName}</Table.Td>
            {onRemove && (
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('helpGiven.remove')}: ${typeName(t, { builtinKey: g.typeKey, name: g.typeName })}, ${formatDate(g.givenOn, i18n.language)}`}
                  onClick={() => onRemove(g)}
                >
                  ✕
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
