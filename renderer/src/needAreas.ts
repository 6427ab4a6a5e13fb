import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { needAreaName, type NeedArea } from '../../shared/domain/assessment';
import { invoke } from './api';

/** An area's name: the administrator's own name for it, or the translated name it came with. */
export function areaName(t: TFunction, area: Pick<NeedArea, 'builtinKey' | 'name'> | undefined): string {
  return area ? needAreaName(t, area) : '?';
}

/** All need areas (retired ones too, for reading old assessments), and a way to reload them. */
export function useNeedAreas(): { areas: NeedArea[]; setAreas: (a: NeedArea[]) => void; reload: () => void } {
  const [areas, setAreas] = useState<NeedArea[]>([]);
  const reload = useCallback(() => {
    void invoke('needAreas.list', {}).then((r) => r.ok && setAreas(r.value));
  }, []);
  useEffect(reload, [reload]);
  return { areas, setAreas, reload };
}
