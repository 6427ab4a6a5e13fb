import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/domain/client';
import { formatDate } from '../../format';
import { useChannel } from '../../useChannel';

/**
 * Finds a client as you type (name, reference, phone, postcode) and offers each match with a button:
 * register them, mark them as here. Clients in `exclude` are left out.
 */
export function ClientFinder({
  label,
  hint,
  action,
  onChoose,
  exclude = [],
  autoFocus = false,
}: {
  label: string;
  hint?: string;
  /** The button's text, and its accessible name for one client. */
  action: { text: string; name: (client: ClientSummary) => string };
  onChoose: (client: ClientSummary) => void;
  exclude?: number[];
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const found = useChannel('clients.search', debounced.trim() ? { query: debounced, limit: 8 } : null, {
    keepWhileLoading: true,
  }).data?.items;
  const shown = (found ?? []).filter((c) => !exclude.includes(c.id));
  return (
    <Stack gap="xs">
      <TextInput
        label={label}
        description={hint}
        placeholder={t('clients.searchPlaceholder')}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus={autoFocus}
      />
      {debounced.trim() && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('clients.noMatch', { query: debounced })}
        </Text>
      )}
      {shown.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {c.firstName} {c.lastName} · {c.reference}
            {c.dateOfBirth ? ` · ${formatDate(c.dateOfBirth, i18n.language)}` : ''}
          </Text>
          <Button
            size="xs"
            variant="light"
            aria-label={action.name(c)}
            onClick={() => {
              onChoose(c);
              setQuery('');
            }}
          >
            {action.text}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
