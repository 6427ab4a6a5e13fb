import { Alert, Badge, Button, Chip, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useContext, useEffect, useState, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../../shared/i18n/keys';
import { formNameOf } from '../../../../shared/domain/customForm';
import type { CaseNote } from '../../../../shared/domain/caseNote';
import type { PlansView } from '../../../../shared/domain/supportPlan';
import { TIMELINE_TYPES, type TimelineEntry, type TimelineType } from '../../../../shared/domain/timeline';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { errorSentence } from '../../errors';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { SessionContext, useCan } from '../../session';
import { useChannel } from '../../useChannel';
import { useGo, usePageState } from '../../navigation';

const PAGE = 100;

const TYPE_COLOURS: Record<TimelineType, string> = {
  note: 'indigo',
  assessment: 'teal',
  plan: 'blue',
  task: 'cyan',
  referral: 'grape',
  letter: 'violet',
  programme: 'orange',
  helpGiven: 'yellow',
  status: 'gray',
  consent: 'lime',
  risk: 'red',
  safety: 'grape',
  form: 'pink',
};

/** "23 Nov 2026, 14:30" for a note's wall-clock time; "23 Nov 2026" for a day. */
/** The day, and the time of day when it is known. */
function when(e: { at: string; time: string | null }, lang: string): string {
  const day = formatDate(e.at.slice(0, 10), lang);
  return e.time ? `${day}, ${e.time}` : day;
}

/** A case note's own day and time ("2026-11-23T10:00"). */
const noteTime = (occurredAt: string) => ({
  at: occurredAt,
  time: occurredAt.length > 10 ? occurredAt.slice(11, 16) : null,
});

/**
 * Everything that happened to the client, newest first: case notes in full, and every other event in
 * a line. Filter chips narrow it down (only case notes gives the contact log).
 */
export function TimelineTab({ clientId }: { clientId: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [types, setTypes] = usePageState<TimelineType[]>('timelineTypes', []);
  const [items, setItems] = useState<TimelineEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const plans = useChannel('plans.get', { clientId }).data;
  const goals = useMemo(() => (plans ? goalNames(plans) : new Map<number, string>()), [plans]);
  const [history, setHistory] = useState<CaseNote | null>(null);

  const load = useCallback(
    async (offset: number) => {
      const r = await invoke('timeline.get', { clientId, types, limit: PAGE, offset });
      if (!r.ok) return setError(errorSentence(t, r.error));
      setItems((prev) => (offset === 0 ? r.value.items : [...(prev ?? []), ...r.value.items]));
      setTotal(r.value.total);
    },
    [clientId, types, t],
  );
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state is set only when the answer arrives
    void load(0);
  }, [load]);

  if (error) return <FormAlert message={error} />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Chip.Group multiple value={types} onChange={(v) => setTypes(v as TimelineType[])}>
          <Group gap={6} role="group" aria-label={t('timeline.filter')}>
            {TIMELINE_TYPES.map((type) => (
              <Chip key={type} value={type} size="sm" color={TYPE_COLOURS[type]}>
                {t(`timeline.types.${type}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {can('notes.save') && (
          <Button onClick={() => go({ name: 'clientNote', id: clientId })}>{t('notes.add')}</Button>
        )}
      </Group>
      {items === null ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.title')}>
          {items.map((e, i) => (
            <li key={`${e.event}-${e.refId}-${e.at}-${i}`}>
              {e.note ? (
                <NoteCard
                  note={e.note}
                  goal={e.note.goalId ? goals.get(e.note.goalId) : undefined}

                  onHistory={() => setHistory(e.note)}
                />
              ) : (
                <EventLine entry={e} />
              )}
            </li>
          ))}
        </Stack>
      )}
      {items && items.length < total && (
        <Group>
          <Button variant="default" onClick={() => void load(items.length)}>
            {t('timeline.more')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('timeline.shown', {
              shown: formatNumber(items.length, i18n.language),
              total: formatNumber(total, i18n.language),
            })}
          </Text>
        </Group>
      )}
      {history && <NoteHistory note={history} onClose={() => setHistory(null)} />}
    </Stack>
  );
}

const goalNames = (v: PlansView) =>
  new Map([v.active, ...v.earlier].flatMap((p) => p?.goals ?? []).map((g) => [g.id, g.description]));

function EventLine({ entry: e }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const detail = (() => {
    if (!e.detail) return null;
    if (e.event === 'statusChanged') return t(codedKey('clients.statuses', e.detail));
    if (e.event === 'goalUpdated') return t(codedKey('goals.statuses', e.detail));
    if (e.event === 'riskRaised' || e.event === 'riskRemoved') return t(codedKey('riskFlags.kinds', e.detail));
    if (e.event === 'consentRecorded') return t(codedKey('consent.scopes', e.detail));
    if (e.event === 'safetyPlan') return t('timeline.reviewBy', { date: formatDate(e.detail, i18n.language) });
    if (e.event === 'referral') return t(codedKey('referrals.status', e.detail));
    if (e.event === 'attended') return t('programmes.walkIn');
    if (e.event === 'helpGiven') return t(codedKey('helpGiven.builtin', e.detail));
    return null;
  })();
  const text =
    e.event === 'planEnded' && e.text === 'merged'
      ? t('plans.endedByMerge')
      : e.event === 'formFilled' && e.text !== null
        ? formNameOf({ name: e.text, namePl: e.detail }, i18n.language)
        : e.text;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py={4} px="sm">
      <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {when(e, i18n.language)}
      </Text>
      <Badge color={TYPE_COLOURS[e.type]} variant="light" style={{ flexShrink: 0 }}>
        {t(`timeline.events.${e.event}`)}
      </Badge>
      <Text size="sm" style={{ minWidth: 0 }} lineClamp={2}>
        {detail && <Text span fw={600}>{`${detail}${text ? ' · ' : ''}`}</Text>}
        {e.withheld ? (
          <Text span c="dimmed">
            {t(`timeline.withheld.${e.withheld}`)}
          </Text>
        ) : (
          text
        )}
        {e.byName && <Text span c="dimmed">{` — ${e.byName}`}</Text>}
      </Text>
    </Group>
  );
}

function NoteCard({ note, goal, onHistory }: { note: CaseNote; goal?: string; onHistory: () => void }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const state = useContext(SessionContext);
  const at = when(noteTime(note.occurredAt), i18n.language);
  const mayEdit = !note.withheld && (state?.user?.role === 'admin' || note.writtenBy === state?.user?.id);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`${t(`notes.kinds.${note.kind}`)}, ${at}`}
      style={{ borderLeft: '4px solid var(--mantine-color-indigo-4)' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{at}</Text>
            <Badge color="indigo" variant="light">
              {t(`notes.kinds.${note.kind}`)}
            </Badge>
            {note.durationMinutes !== null && (
              <Text size="sm" c="dimmed">
                {t('notes.minutes', { count: note.durationMinutes })}
              </Text>
            )}
            {note.sensitive && <Badge color="grape">{t('notes.sensitive')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {note.writtenByName}
          </Text>
        </Group>
        {note.withheld ? (
          <Alert color="grape" variant="light">
            {t('notes.withheld')}
          </Alert>
        ) : (
          <>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{note.body}</Text>
            {(note.present || goal) && (
              <Group gap="md">
                {note.present && <Text size="sm">{t('notes.presentLabel', { who: note.present })}</Text>}
                {goal && <Text size="sm">{t('notes.goalLabel', { goal })}</Text>}
              </Group>
            )}
          </>
        )}
        <Group gap="xs">
          {note.editedAt && (
            <Text size="xs" c="dimmed">
              {t('notes.edited', { date: formatDateTime(note.editedAt, i18n.language), name: note.editedByName ?? '' })}
            </Text>
          )}
          {mayEdit && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => go({ name: 'clientNote', id: note.clientId, noteId: note.id })}
              aria-label={t('notes.editNote', { date: at })}
            >
              {t('common.edit')}
            </Button>
          )}
          {note.editedAt && mayEdit && can('notes.history') && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={onHistory}
              aria-label={t('notes.historyOf', { date: at })}
            >
              {t('notes.history')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** For administrators: every earlier version of an edited note, as it was written. */
function NoteHistory({ note, onClose }: { note: CaseNote; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useChannel('notes.history', { id: note.id });
  const versions = history.data?.versions ?? null;
  const error = history.error;
  return (
    <Modal opened onClose={onClose} title={t('notes.historyTitle')} size="lg">
      <Stack>
        <FormAlert message={error} />
        {versions === null && !error && <Loader aria-label={t('common.loading')} />}
        {versions?.map((v) => (
          <Paper
            key={v.version}
            withBorder
            p="sm"
            component="article"
            aria-label={`${t('notes.history')} ${v.version}`}
          >
            <Text size="sm" c="dimmed">
              {t('notes.versionBy', {
                version: v.version,
                name: v.writtenByName ?? '',
                date: formatDateTime(v.replacedAt, i18n.language),
              })}
            </Text>
            <Text size="sm" fw={500}>
              {when(noteTime(v.occurredAt), i18n.language)} · {t(`notes.kinds.${v.kind}`)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.body}</Text>
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}
