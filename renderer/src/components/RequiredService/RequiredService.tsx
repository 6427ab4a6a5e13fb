import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../../shared/domain/eligibility';
import { useChannel } from '../../useChannel';

/**
 * The service whose current eligibility decision a programme or an agency needs (registering
 * someone, sending a referral), or none. Offered only when the charity has services with checklists.
 */
export function RequiredService({
  value,
  onChange,
  description,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  description: string;
  error?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const services = useChannel('eligibility.services', { includeRetired: true }).data ?? [];
  const offered = services.filter((s) => s.active || String(s.id) === value);
  if (offered.length === 0) return null;
  return (
    <Select
      label={t('eligibility.required')}
      description={description}
      placeholder={t('eligibility.notRequired')}
      clearable
      data={offered.map((s) => ({ value: String(s.id), label: inLanguage(s.name, s.namePl, i18n.language) }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}
