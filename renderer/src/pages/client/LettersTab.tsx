import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { formatDate, formatDateTime } from '../../format';
import { useChannel } from '../../useChannel';
import { useGo } from '../../navigation';

/** The letters written to or about a client, newest first; each opens to save or print again. */
export function LettersTab({ clientId }: { clientId: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const { data: letters, error } = useChannel('letters.forClient', { clientId });
  if (error) return <FormAlert message={error} />;
  if (!letters) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Group>
        <Button onClick={() => go({ name: 'clientLetter', id: clientId })}>{t('letters.write')}</Button>
      </Group>
      {letters.length === 0 ? (
        <Text c="dimmed">{t('letters.none')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('letters.tab')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.pdf.date')}</Table.Th>
              <Table.Th>{t('letters.subject')}</Table.Th>
              <Table.Th>{t('letters.template')}</Table.Th>
              <Table.Th>{t('referrals.madeBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{formatDate(l.content.date, i18n.language)}</Table.Td>
                <Table.Td>{l.content.subject}</Table.Td>
                <Table.Td>{l.templateName}</Table.Td>
                <Table.Td title={formatDateTime(l.writtenAt, i18n.language)}>{l.writtenByName}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => go({ name: 'clientLetter', id: clientId, letterId: l.id })}
                    aria-label={`${t('common.open')}: ${l.content.subject}`}
                  >
                    {t('common.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
