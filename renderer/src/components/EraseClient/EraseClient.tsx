import { Alert, Checkbox, Code, List, Radio, ScrollArea, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/domain/client';
import { eraseClientSchema, ERASURE_MODES, type ErasureMode } from '../../../../shared/domain/erasure';
import { formatDateTime } from '../../format';
import { invoke } from '../../api';
import { schemaValidator } from '../../errors';
import { useSubmit } from '../../useSubmit';
import { ModalForm } from '../ModalForm/ModalForm';
import { useChannel } from '../../useChannel';

/**
 * An administrator erases a client (everything goes) or anonymises them (who they were goes, the
 * counts stay), says why, and types the reference to confirm. Cannot be undone, except that a backup
 * made before it still holds the record; restoring one erases the person again.
 */
export function EraseClientModal({
  client,
  onClose,
  onDone,
}: {
  client: Pick<Client, 'id' | 'firstName' | 'lastName' | 'reference' | 'status'>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const form = useForm<{
    id: number;
    mode: ErasureMode | null;
    reason: string;
    confirmation: string;
    closeCase: boolean;
    keepDocuments: boolean;
    keepDocumentsBecause: string;
  }>({
    initialValues: {
      id: client.id,
      mode: null,
      reason: '',
      confirmation: '',
      closeCase: true,
      keepDocuments: false,
      keepDocumentsBecause: '',
    },
    validate: (v) => ({
      ...schemaValidator(eraseClientSchema, t)(v),
      ...(v.mode === 'anonymise' && v.keepDocuments && !v.keepDocumentsBecause.trim()
        ? { keepDocumentsBecause: t('validation.required') }
        : {}),
    }),
  });
  const documents = useChannel('documents.forClient', { clientId: client.id }).data;
  const save = form.onSubmit(({ keepDocuments, keepDocumentsBecause, ...v }) =>
    submit(
      () =>
        invoke('erasure.eraseClient', {
          ...v,
          mode: v.mode!,
          keepDocumentsBecause: v.mode === 'anonymise' && keepDocuments ? keepDocumentsBecause : null,
        }),
      {
        form,
        onOk: (r) => {
          notifications.show({
            color: 'green',
            message: t(r.mode === 'erase' ? 'erasure.erased' : 'erasure.anonymised', { reference: r.reference }),
          });
          onDone();
        },
      },
    ),
  );
  return (
    <ModalForm
      opened
      title={t('erasure.title', { name: `${client.firstName} ${client.lastName}`.trim() })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      label={t('erasure.confirm')}
      color="red"
    >
      <Alert color="red">{t('erasure.warning')}</Alert>
      <Radio.Group label={t('erasure.mode')} required {...form.getInputProps('mode')}>
        <Stack gap="xs" mt={6}>
          {ERASURE_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`erasure.modes.${m}`)} description={t(`erasure.modeHints.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.values.mode === 'anonymise' && client.status !== 'closed' && (
        <Checkbox
          label={t('erasure.closeCase')}
          description={t('erasure.closeCaseHint')}
          {...form.getInputProps('closeCase', { type: 'checkbox' })}
        />
      )}
      {form.values.mode === 'anonymise' && (documents?.items.length ?? 0) > 0 && (
        <Stack gap="xs">
          <Checkbox
            label={t('erasure.keepDocuments', { count: documents!.items.length })}
            description={t('erasure.keepDocumentsHint')}
            {...form.getInputProps('keepDocuments', { type: 'checkbox' })}
          />
          {form.values.keepDocuments && (
            <Textarea
              label={t('erasure.keepDocumentsBecause')}
              required
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('keepDocumentsBecause')}
            />
          )}
        </Stack>
      )}
      <Textarea
        label={t('erasure.reason')}
        description={t('erasure.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('reason')}
      />
      <TextInput
        label={t('erasure.typeReference', { reference: client.reference })}
        required
        maxLength={40}
        autoComplete="off"
        {...form.getInputProps('confirmation')}
      />
      <Text size="xs" c="dimmed">
        {t('erasure.backups')}
      </Text>
      <SavedCopies clientId={client.id} />
    </ModalForm>
  );
}

/** The files Casebook saved outside its data folder that may still name the person: to delete by hand. */
function SavedCopies({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const files = useChannel('erasure.savedFiles', { clientId }).data;
  if (!files) return null;
  const all = [...files.aboutClient, ...files.clientLists];
  return (
    <Stack gap={4} role="region" aria-label={t('erasure.savedTitle')}>
      <Text size="sm" fw={600}>
        {t('erasure.savedTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {all.length ? t('erasure.savedIntro') : t('erasure.savedNone')}
      </Text>
      {all.length > 0 && (
        <ScrollArea.Autosize mah={180}>
          <List size="xs" spacing={4}>
            {all.map((f, i) => (
              <List.Item key={`${f.path}-${i}`}>
                <Text size="xs">
                  {t('erasure.savedOn', {
                    what: t(`erasure.savedKinds.${f.what}`),
                    date: formatDateTime(f.savedAt, i18n.language),
                  })}
                </Text>
                <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                  {f.path}
                </Code>
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
