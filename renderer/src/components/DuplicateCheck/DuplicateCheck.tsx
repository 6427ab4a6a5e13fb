import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch, DuplicateQuery } from '../../../../shared/domain/clientRecord';
import { invoke } from '../../api';
import { formatDate } from '../../format';

/** Existing clients like the one being typed, looked up as the user types (names, date of birth, phone). */
export function useDuplicates(q: DuplicateQuery): { matches: DuplicateMatch[]; refresh: () => void } {
  const key = JSON.stringify(q);
  const [debounced] = useDebouncedValue(key, 250);
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    const query = JSON.parse(debounced) as DuplicateQuery;
    if (!query.firstName?.trim() || !query.lastName?.trim()) {
      setMatches([]);
      return;
    }
    void invoke('clients.findDuplicates', query).then((r) => current && r.ok && setMatches(r.value));
    return () => {
      current = false;
    };
  }, [debounced, tick]);
  return { matches, refresh: () => setTick((n) => n + 1) };
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
