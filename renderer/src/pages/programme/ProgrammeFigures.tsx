import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceFigures, ProgrammeFigures } from '../../../../shared/domain/programme';
import { invoke } from '../../api';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { Section } from '../../components/Section/Section';
import { errorSentence, translatedFields } from '../../errors';
import { formatNumber } from '../../format';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { useGo } from '../../navigation';

const FIGURES = [
  'sessionsHeld',
  'uniquePeople',
  'attendances',
  'walkInAttendances',
  'headcount',
  'totalAttendances',
] as const;

/** Attendance at a glance: sessions held, different people, named attendances (walk-ins among them), people counted without names. */
export function AttendanceFiguresGrid({ figures }: { figures: AttendanceFigures }) {
  const { t, i18n } = useTranslation();
  const bands = figures.headcountByBand.filter((b) => b.people > 0);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 6 }}>
        {FIGURES.map((k) => (
          <Stack key={k} gap={0} role="group" aria-label={t(`programmes.figures.${k}`)}>
            <Text size="xl" fw={700}>
              {formatNumber(figures[k], i18n.language)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`programmes.figures.${k}`)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {bands.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('programmes.figures.headcount')}: {bands.map((b) => `${t(`ageBands.${b.band}`)} ${b.people}`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

const startOfYear = () => `${clock.today().slice(0, 4)}-01-01`;

/** For funders: attendance at each programme between two dates, and across all of them. */
export function PeriodFigures() {
  const go = useGo();
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(startOfYear());
  const [to, setTo] = useState(clock.today());
  const [figures, setFigures] = useState<ProgrammeFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const show = async () => {
    setError(null);
    const r = await invoke('programmes.figures', { from, to });
    if (r.ok) {
      setFieldErrors({});
      return setFigures(r.value);
    }
    setFieldErrors(translatedFields(t, r.error.fields));
    setError(errorSentence(t, r.error));
  };
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Section title={t('programmes.periodTitle')}>
      <Text size="sm" c="dimmed">
        {t('programmes.periodIntro')}
      </Text>
      <Group align="flex-end">
        <DateField label={t('programmes.from')} value={from} onChange={(v) => setFrom(v)} error={fieldErrors['from']} />
        <DateField label={t('programmes.to')} value={to} onChange={(v) => setTo(v)} error={fieldErrors['to']} />
        <Button variant="light" onClick={() => void show()}>
          {t('programmes.show')}
        </Button>
      </Group>
      <FormAlert message={error} />
      {figures &&
        (figures.byProgramme.length === 0 ? (
          <Text c="dimmed">{t('programmes.noneInPeriod')}</Text>
        ) : (
          <>
            <AttendanceFiguresGrid figures={figures.overall} />
            <Table striped aria-label={t('programmes.periodTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programmes.name')}</Table.Th>
                  {FIGURES.map((k) => (
                    <Table.Th key={k} ta="right">
                      {t(`programmes.figures.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.byProgramme.map((p) => (
                  <Table.Tr key={p.programmeId}>
                    <Table.Td>
                      <Anchor component="button" onClick={() => go({ name: 'programme', id: p.programmeId })}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    {FIGURES.map((k) => (
                      <Table.Td key={k} ta="right">
                        {n(p[k])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('programmes.allProgrammes')}</Table.Td>
                  {FIGURES.map((k) => (
                    <Table.Td key={k} ta="right">
                      {n(figures.overall[k])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </>
        ))}
    </Section>
  );
}
