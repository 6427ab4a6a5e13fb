import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch, DuplicateQuery } from '../../../../shared/domain/clientRecord';
import { formatDate } from '../../format';
import { useChannel } from '../../useChannel';

const NONE: DuplicateMatch[] = [];

/** Existing clients like the one being typed, looked up as the user types (names, date of birth, phone). */
export function useDuplicates(q: DuplicateQuery): { matches: DuplicateMatch[]; refresh: () => void } {
  const key = JSON.stringify(q);
  const [debounced] = useDebouncedValue(key, 250);
  const query = JSON.parse(debounced) as DuplicateQuery;
  const named = !!query.firstName?.trim() && !!query.lastName?.trim();
  const { data, reload } = useChannel('clients.findDuplicates', named ? query : null, { keepWhileLoading: true });
  return { matches: data ?? NONE, refresh: reload };
}

/** The list of possible duplicates, each with why it matched and a way to open it. */
export function DuplicateList({ matches, onOpen }: { matches: DuplicateMatch[]; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  if (!matches.length) return null;
  return (
    <Alert
      color="yellow"
      title={t('intake.duplicatesTitle', { count: matches.length })}
      aria-label={t('intake.duplicatesTitle', { count: matches.length })}
    >
      <Stack gap="xs">
        <Text size="sm">{t('intake.duplicatesIntro')}</Text>
        {matches.map((m) => (
          <Group
            key={m.client.id}
            justify="space-between"
            wrap="nowrap"
            p={6}
            bg="var(--mantine-color-body)"
            style={{ borderRadius: 4 }}
          >
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>
                  {m.client.firstName} {m.client.lastName}
                </Text>
                <Text size="sm" c="dimmed">
                  {m.client.reference}
                  {m.client.dateOfBirth ? ` · ${formatDate(m.client.dateOfBirth, i18n.language)}` : ''}
                  {m.client.postcode ? ` · ${m.client.postcode}` : ''}
                </Text>
                {m.likely && (
                  <Badge color="orange" size="sm">
                    {t('intake.likely')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {m.reasons.map((r) => t(`intake.reasons.${r}`)).join(' · ')}
              </Text>
            </Stack>
            <Button
              size="xs"
              variant="default"
              onClick={() => onOpen(m.client.id)}
              aria-label={t('intake.openExistingName', { name: `${m.client.firstName} ${m.client.lastName}` })}
            >
              {t('intake.openExisting')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
