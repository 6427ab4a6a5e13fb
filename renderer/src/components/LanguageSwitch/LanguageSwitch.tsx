import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../../../shared/contract';
import { UI_LANGUAGES, type UiLanguage } from '../../../../shared/domain/languages';
import { invoke } from '../../api';

/** English / Polski, saved for this computer. */
export function LanguageSwitch({ value, onState }: { value: UiLanguage; onState: (s: AppState) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      value={value}
      data={UI_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      onChange={async (language) => {
        const r = await invoke('app.setLanguage', { language: language as UiLanguage });
        if (r.ok) onState(r.value);
      }}
    />
  );
}
