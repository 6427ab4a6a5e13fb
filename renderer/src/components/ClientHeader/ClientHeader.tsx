import { Alert, Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, type CaseStatus, type Client } from '../../../../shared/domain/client';
import type { RiskFlag } from '../../../../shared/domain/riskFlag';
import { formatDate } from '../../format';
import type { Route } from '../../routes';
import * as clock from '../../clock';
import { useGo } from '../../navigation';

export const STATUS_COLOURS: Record<CaseStatus, string> = { open: 'green', onHold: 'yellow', closed: 'gray' };

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`clients.statuses.${status}`)}
    </Badge>
  );
}

/** The client's active risk flags, in red, on every screen about them. */
export function RiskBanner({ flags }: { flags: RiskFlag[] }) {
  const { t, i18n } = useTranslation();
  const active = flags.filter((f) => !f.removedOn);
  if (!active.length) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      aria-label={t('riskFlags.bannerTitle')}
      title={t('riskFlags.bannerTitle')}
      icon={<span aria-hidden>⚠</span>}
    >
      <List size="sm" c="white" spacing={2}>
        {active.map((f) => (
          <List.Item key={f.id}>
            <Text span fw={700} size="sm">
              {t(`riskFlags.kinds.${f.kind}`)}
            </Text>
            {f.note ? `: ${f.note}` : ''}{' '}
            <Text span size="xs">
              ({t('riskFlags.since', { date: formatDate(f.raisedOn, i18n.language) })})
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** "34" or "about 34": an age as of today. */
export function AgeText({ client }: { client: Pick<Client, 'dateOfBirth' | 'estimatedBirthYear'> }) {
  const { t } = useTranslation();
  const age = ageOn(clock.today(), client);
  if (!age) return null;
  return <>{age.estimated ? t('clients.ageAbout', { count: age.years }) : t('clients.age', { count: age.years })}</>;
}

/**
 * The top of every screen about one client: a way back, who they are (name, known-as name,
 * reference, status, age) and their risk flags.
 */
export function ClientHeader({
  client,
  riskFlags,
  back,
  actions,
  subtitle,
}: {
  client: Client;
  riskFlags: RiskFlag[];
  back: Route;
  actions?: ReactNode;
  subtitle?: string;
}) {
  const go = useGo();
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Anchor component="button" type="button" size="sm" onClick={() => go(back)} w="fit-content">
        ← {back.name === 'clients' ? t('clients.backToList') : `${client.firstName} ${client.lastName}`}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {subtitle ?? `${client.firstName} ${client.lastName}`}
            </Title>
            <Badge variant="outline" size="lg" aria-label={t('clients.reference')}>
              {client.reference}
            </Badge>
            <StatusBadge status={client.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {[
              subtitle ? `${client.firstName} ${client.lastName}` : null,
              client.preferredName ? t('clients.knownAs', { name: client.preferredName }) : null,
              client.pronouns,
            ]
              .filter(Boolean)
              .join(' · ')}
            {(subtitle || client.preferredName || client.pronouns) &&
            (client.dateOfBirth || client.estimatedBirthYear !== null)
              ? ' · '
              : ''}
            <AgeText client={client} />
          </Text>
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      <RiskBanner flags={riskFlags} />
    </Stack>
  );
}
