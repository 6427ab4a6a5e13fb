import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../FormAlert/FormAlert';

/** The error sentence (if any) and the form's buttons: an optional Cancel and the submit button. */
export function FormActions({
  error,
  busy,
  label,
  onCancel,
  align = 'flex-end',
  color,
}: {
  error: string | null;
  busy: boolean;
  label?: string;
  onCancel?: () => void;
  align?: 'flex-end' | 'flex-start';
  /** 'red' for an action that cannot be undone. */
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormAlert message={error} />
      <Group justify={align}>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" loading={busy} color={color}>
          {label ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
