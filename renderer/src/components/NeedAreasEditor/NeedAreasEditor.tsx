import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedArea } from '../../../../shared/domain/assessment';
import { invoke } from '../../api';
import { errorSentence, translatedFields } from '../../errors';
import { areaName, useNeedAreas } from '../../needAreas';

/** One area: its name (saved when changed) and retire / bring back. */
function AreaRow({ area, onAreas }: { area: NeedArea; onAreas: (a: NeedArea[]) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(areaName(t, area));
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: { name?: string; retired?: boolean }) => {
    const r = await invoke('needAreas.save', {
      id: area.id,
      name: patch.name ?? name,
      retired: patch.retired ?? area.retired,
    });
    if (!r.ok) return setError(translatedFields(t, r.error.fields).name ?? errorSentence(t, r.error));
    setError(null);
    onAreas(r.value);
    notifications.show({ color: 'green', message: t('needAreas.saved') });
  };
  return (
    <Group align="flex-start" wrap="nowrap">
      <TextInput
        aria-label={t('needAreas.name')}
        value={name}
        maxLength={80}
        error={error}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => name !== areaName(t, area) && void save({ name })}
        style={{ flex: 1 }}
        disabled={area.retired}
      />
      {area.retired && (
        <Badge color="gray" mt={8}>
          {t('needAreas.retired')}
        </Badge>
      )}
      <Button
        variant="default"
        onClick={() => void save({ retired: !area.retired })}
        aria-label={`${area.retired ? t('needAreas.bringBack') : t('needAreas.retire')}: ${areaName(t, area)}`}
      >
        {area.retired ? t('needAreas.bringBack') : t('needAreas.retire')}
      </Button>
    </Group>
  );
}

/** Administrators rename, add and retire the areas a needs assessment scores. */
export function NeedAreasEditor() {
  const { t } = useTranslation();
  const { areas, setAreas } = useNeedAreas();
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const r = await invoke('needAreas.save', { name: adding, retired: false });
    if (!r.ok) return setError(translatedFields(t, r.error.fields).name ?? errorSentence(t, r.error));
    setError(null);
    setAdding('');
    setAreas(r.value);
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t('needAreas.intro')}</Text>
      {areas.map((a) => (
        // Keyed by name too, so a row shows the saved name after a change elsewhere.
        <AreaRow key={`${a.id}-${a.name ?? ''}-${a.retired}`} area={a} onAreas={setAreas} />
      ))}
      <Group align="flex-start">
        <TextInput
          label={t('needAreas.newName')}
          value={adding}
          maxLength={80}
          error={error}
          onChange={(e) => setAdding(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button mt={25} variant="light" onClick={() => void add()}>
          {t('needAreas.add')}
        </Button>
      </Group>
    </Stack>
  );
}
