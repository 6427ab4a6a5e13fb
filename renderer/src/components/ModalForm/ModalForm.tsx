import { Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormActions } from '../FormActions/FormActions';

/** A small form in a dialog (add a household member, raise a flag…): fields, the error sentence, Cancel and Save. */
export function ModalForm({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  error,
  label,
  size = 'lg',
  color,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  error: string | null;
  label?: string;
  size?: string;
  /** The submit button's colour: 'red' for an action that cannot be undone. */
  color?: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeOnClickOutside={false}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <FormActions error={error} busy={busy} onCancel={onClose} label={label} color={color} />
        </Stack>
      </form>
    </Modal>
  );
}
