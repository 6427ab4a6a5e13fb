import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, type AgeBand } from '../../../shared/domain/ageBand';
import { sessionDay, type RegisterLine, type SessionRegister } from '../../../shared/domain/programme';
import { fold } from '../../../shared/domain/folding';
import { invoke } from '../api';
import { ClientFinder } from '../components/ClientFinder/ClientFinder';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { usePrintable } from '../components/Printout/Printout';
import { Section } from '../components/Section/Section';
import { GiveHelpModal } from '../components/HelpGivenForm/HelpGivenForm';
import { errorSentence } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';
import * as clock from '../clock';
import { useGo } from '../navigation';

/**
 * Taking the register at a session: a checklist of everyone on the programme's list (type a name and
 * press Enter to tick the first match), walk-ins found among the clients, the anonymous headcount by
 * age band, help given there, and the paper register to print. Each tick is saved at once.
 */
export function RegisterPage({ id }: { id: number }) {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [register, setRegister] = useState<SessionRegister | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [alsoRegister, setAlsoRegister] = useState(false);
  const [counts, setCounts] = useState<Record<AgeBand, number | string>>(
    () => Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>,
  );
  const [giving, setGiving] = useState<RegisterLine | null>(null);
  const [busyPdf, setBusyPdf] = useState(false);

  const loaded = (r: SessionRegister) => {
    setRegister(r);
    setCounts(Object.fromEntries(r.headcount.map((h) => [h.band, h.people])) as Record<AgeBand, number>);
  };
  useEffect(() => {
    void invoke('sessions.register', { id }).then((r) =>
      r.ok ? loaded(r.value) : setError(errorSentence(t, r.error)),
    );
  }, [id, t]);

  // File › Print prints the register on screen.
  const printing = usePrintable(register ? () => invoke('sessions.registerPrint', { id }) : null);

  const shown = useMemo(() => {
    if (!register) return [];
    const q = fold(query.trim());
    return q ? register.lines.filter((l) => fold(`${l.name} ${l.reference}`).includes(q)) : register.lines;
  }, [register, query]);

  if (!register) return error ? <FormAlert message={error} /> : <Loader aria-label={t('common.loading')} />;
  const { session: s, programme: p } = register;
  const today = clock.today();
  const open = !s.cancelled && s.heldOn <= today;

  const mark = async (clientId: number, present: boolean, registerToo = false) => {
    setError(null);
    const r = await invoke('attendance.mark', { sessionId: s.id, clientId, present, register: registerToo });
    if (r.ok) setRegister(r.value);
    else setError(errorSentence(t, r.error));
  };
  const saveCounts = async () => {
    setError(null);
    const r = await invoke('attendance.headcount', {
      sessionId: s.id,
      counts: AGE_BANDS.map((band) => ({ band, people: Number(counts[band] || 0) })),
    });
    if (!r.ok) return setError(errorSentence(t, r.error));
    loaded(r.value);
    notifications.show({ color: 'green', message: t('sessions.headcountSaved') });
  };
  const savePdf = async () => {
    setBusyPdf(true);
    const r = await invoke('sessions.registerPdf', { id: s.id });
    setBusyPdf(false);
    if (r.ok) notifications.show({ color: 'green', message: t('sessions.pdfSaved', { path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };

  const listed = register.lines.filter((l) => l.registered);
  const presentListed = listed.filter((l) => l.present).length;
  const walkIns = register.lines.filter((l) => l.walkIn && l.present).length;
  const here = register.lines.filter((l) => l.present).length + s.headcount;
  const when = `${sessionDay(s.heldOn, i18n.language)}, ${s.endsAt ? `${s.startsAt}–${s.endsAt}` : s.startsAt}`;

  return (
    <Stack maw={900}>
      <Anchor component="button" onClick={() => go({ name: 'programme', id: p.id })} w="fit-content">
        ← {p.name}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('sessions.registerTitle', { programme: p.name })}
          </Title>
          <Text fw={500}>{when}</Text>
          {(s.venue || s.facilitator) && <Text c="dimmed">{[s.venue, s.facilitator].filter(Boolean).join(' · ')}</Text>}
        </Stack>
        <Group gap="xs">
          <Button variant="default" loading={printing.busy} onClick={printing.print}>
            {t('printout.print')}
          </Button>
          <Button variant="default" loading={busyPdf} onClick={() => void savePdf()}>
            {t('sessions.savePdf')}
          </Button>
        </Group>
      </Group>
      {s.cancelled && <Alert color="red">{t('sessions.cancelledNote', { reason: s.cancelReason ?? '' })}</Alert>}
      {!s.cancelled && s.heldOn > today && (
        <Alert color="blue">{t('sessions.notYet', { date: formatDate(s.heldOn, i18n.language) })}</Alert>
      )}
      <FormAlert message={error} />

      <Paper withBorder p="lg" component="section" aria-label={t('programmes.membersTitle')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600} role="status">
              {t('sessions.presentCount', { present: presentListed, expected: listed.length })}
              {walkIns > 0 && ` · ${t('sessions.walkInsHere', { count: walkIns })}`}
            </Text>
          </Group>
          {p.capacity !== null && here > p.capacity && (
            <Alert color="orange" role="alert">
              {t('sessions.overCapacity', { count: here, capacity: p.capacity })}
            </Alert>
          )}
          {register.lines.length === 0 ? (
            <Text c="dimmed">{t('sessions.noOneListed')}</Text>
          ) : (
            <>
              <TextInput
                label={t('sessions.search')}
                description={t('sessions.searchHint')}
                type="search"
                value={query}
                autoFocus={open}
                disabled={!open}
                onChange={(e) => setQuery(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || !shown[0]) return;
                  e.preventDefault();
                  const first = shown.find((l) => !l.present) ?? shown[0];
                  void mark(first.clientId, !first.present);
                  setQuery('');
                }}
              />
              {shown.length === 0 && <Text c="dimmed">{t('sessions.noMatch', { query })}</Text>}
              <Stack
                gap={4}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('sessions.registerTitle', { programme: p.name })}
              >
                {shown.map((l) => (
                  <Group
                    key={l.clientId}
                    component="li"
                    justify="space-between"
                    wrap="nowrap"
                    py={4}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <Checkbox
                        size="md"
                        checked={l.present}
                        disabled={!open}
                        onChange={(e) => void mark(l.clientId, e.currentTarget.checked)}
                        label={l.name}
                        aria-label={t('sessions.markHere', { name: l.name })}
                      />
                      <Text size="xs" c="dimmed">
                        {l.reference}
                      </Text>
                      {l.walkIn && (
                        <Badge size="sm" variant="outline" color="gray">
                          {t('programmes.walkIn')}
                        </Badge>
                      )}
                    </Group>
                    {l.present && can('helpGiven.give') && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setGiving(l)}
                        aria-label={`${t('sessions.giveHelp')}: ${l.name}`}
                      >
                        {t('sessions.giveHelp')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      </Paper>

      {open && (
        <Section title={t('sessions.walkInTitle')}>
          <ClientFinder
            label={t('programmes.findClient')}
            hint={t('sessions.walkInHint')}
            exclude={register.lines.filter((l) => l.present).map((l) => l.clientId)}
            action={{
              text: t('sessions.markWalkIn'),
              name: (c) => `${t('sessions.markWalkIn')}: ${c.firstName} ${c.lastName}`,
            }}
            onChoose={(c) => void mark(c.id, true, alsoRegister)}
          />
          <Switch
            label={t('sessions.alsoRegister')}
            checked={alsoRegister}
            onChange={(e) => setAlsoRegister(e.currentTarget.checked)}
          />
        </Section>
      )}

      {open && (
        <Section title={t('sessions.headcountTitle')}>
          <Text size="sm" c="dimmed">
            {t('sessions.headcountHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {AGE_BANDS.map((band) => (
              <NumberInput
                key={band}
                label={t(`ageBands.${band}`)}
                min={0}
                max={10000}
                allowDecimal={false}
                allowNegative={false}
                value={counts[band]}
                onChange={(v) => setCounts((c) => ({ ...c, [band]: v }))}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button variant="light" onClick={() => void saveCounts()}>
              {t('sessions.saveHeadcount')}
            </Button>
          </Group>
        </Section>
      )}
      {giving && (
        <GiveHelpModal
          clientId={giving.clientId}
          clientName={giving.name}
          session={{
            id: s.id,
            heldOn: s.heldOn,
            label: `${p.name} · ${formatDate(s.heldOn, i18n.language)} ${s.startsAt}`,
          }}
          onClose={() => setGiving(null)}
          onSaved={() => setGiving(null)}
        />
      )}
    </Stack>
  );
}
