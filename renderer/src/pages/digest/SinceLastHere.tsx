import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Digest, DigestItem } from '../../../../shared/domain/digest';
import { handoverInputSchema } from '../../../../shared/domain/digest';
import type { RiskFlagKind } from '../../../../shared/domain/riskFlag';
import type { ReferralStatus } from '../../../../shared/domain/referral';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { formatDate, formatDateTime } from '../../format';
import { useGo } from '../../navigation';
import type { Route } from '../../routes';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';
import { useForm } from '@mantine/form';

/** Where an item of the digest opens: the record it is about. */
function routeOf(i: DigestItem): Route {
  switch (i.kind) {
    case 'note':
      return i.noteId
        ? { name: 'clientNote', id: i.clientId, noteId: i.noteId }
        : { name: 'client', id: i.clientId, tab: 'timeline' };
    case 'riskFlag':
      return { name: 'client', id: i.clientId, tab: 'risk' };
    case 'referral':
      return { name: 'client', id: i.clientId, tab: 'referrals' };
    case 'task':
      return { name: 'client', id: i.clientId, tab: 'plan' };
    case 'appointment':
    case 'safeReturn':
      return { name: 'client', id: i.clientId, tab: 'appointments' };
    case 'accessRequest':
      return { name: 'clientAccess', id: i.clientId };
  }
}

/**
 * The top of the home screen at sign-in: what others did on this person's clients while they were
 * away, each opening its record, with "Mark all as read"; and the handover notes left for the next
 * person on shift, until someone else has read them.
 */
export function SinceLastHere() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const go = useGo();
  const { data, replace } = useChannel('digest.get', {});
  const [writing, setWriting] = useState(false);
  if (!data) return null;
  const what = (i: DigestItem): string => {
    const by = i.byName ?? t('digest.someone');
    const detail =
      i.kind === 'riskFlag' && i.what
        ? t(`riskFlags.kinds.${i.what as RiskFlagKind}`)
        : i.kind === 'referral' && i.what
          ? t(`referrals.status.${i.what as ReferralStatus}`)
          : (i.what ?? '');
    return t(`digest.kinds.${i.kind}`, { by, what: detail, on: formatDate(i.on, lang) });
  };
  const markAll = async () => {
    const r = await invoke('digest.markAllRead', {});
    if (r.ok) replace(r.value);
  };
  const read = async (id: number) => {
    const r = await invoke('handover.markRead', { id });
    if (r.ok) replace(r.value);
  };
  return (
    <>
      {data.handover.map((h) => (
        <Alert
          key={h.id}
          color="yellow"
          title={t('digest.handoverTitle')}
          role="note"
          aria-label={t('digest.handoverTitle')}
        >
          <Stack gap={6}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {h.body}
            </Text>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('digest.handoverBy', {
                  name: h.writtenByName ?? t('digest.someone'),
                  when: formatDateTime(h.writtenAt, lang),
                })}
              </Text>
              {h.mine ? (
                <Text size="xs" c="dimmed">
                  {t('digest.handoverWaiting')}
                </Text>
              ) : (
                <Button size="xs" variant="white" color="yellow" onClick={() => void read(h.id)}>
                  {t('digest.handoverRead')}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      ))}
      <Paper withBorder p="md" component="section" aria-label={t('digest.title')}>
        <Stack gap="xs">
          <Group justify="space-between">
            <div>
              <Text fw={600}>{t('digest.title')}</Text>
              <Text size="xs" c="dimmed">
                {data.since ? t('digest.sinceTime', { when: formatDateTime(data.since, lang) }) : t('digest.firstTime')}
              </Text>
            </div>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setWriting(true)}>
                {t('digest.handoverWrite')}
              </Button>
              {data.items.length > 0 && (
                <Button size="xs" variant="light" onClick={() => void markAll()}>
                  {t('digest.markAllRead')}
                </Button>
              )}
            </Group>
          </Group>
          {data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('digest.nothing')}
            </Text>
          )}
          <Stack
            gap={4}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('digest.title')}
          >
            {data.items.map((i, n) => (
              <li key={n}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c={i.kind === 'safeReturn' || i.kind === 'riskFlag' ? 'red.8' : undefined}>
                    {what(i)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    ·
                  </Text>
                  <Anchor component="button" size="sm" onClick={() => go(routeOf(i))}>
                    {i.clientName} ({i.reference})
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(i.at, lang)}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
          {data.more > 0 && (
            <Text size="sm" c="dimmed">
              {t('digest.more', { count: data.more })}
            </Text>
          )}
        </Stack>
      </Paper>
      {writing && (
        <HandoverModal
          onClose={() => setWriting(false)}
          onDone={(d) => {
            replace(d);
            setWriting(false);
          }}
        />
      )}
    </>
  );
}

function HandoverModal({ onClose, onDone }: { onClose: () => void; onDone: (d: Digest) => void }) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm({ initialValues: { body: '' }, validate: schemaValidator(handoverInputSchema, t) });
  const save = form.onSubmit((v) =>
    submit(() => invoke('handover.write', v), {
      form,
      onOk: (d) => {
        notifications.show({ color: 'green', message: t('digest.handoverSaved') });
        onDone(d);
      },
    }),
  );
  return (
    <ModalForm
      opened
      title={t('digest.handoverWriteTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
    >
      <Textarea
        label={t('digest.handoverBody')}
        description={t('digest.handoverHint')}
        required
        autosize
        minRows={4}
        maxLength={4000}
        data-autofocus
        {...form.getInputProps('body')}
      />
    </ModalForm>
  );
}
