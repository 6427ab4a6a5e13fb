import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/domain/client';
import type { InboxFile } from '../../../shared/domain/document';
import { invoke } from '../api';
import { ClientFinder } from '../components/ClientFinder/ClientFinder';
import { DocumentViewer } from '../components/DocumentViewer/DocumentViewer';
import { FormAlert } from '../components/FormAlert/FormAlert';
import { formatBytes, formatDateTime } from '../format';
import { useChannel } from '../useChannel';
import { useSubmit } from '../useSubmit';
import {
  detailsOf,
  DocumentFields,
  draftFor,
  type DocumentDraft,
  type DraftErrors,
} from './client/documents/DocumentFields';

/** How often the list looks at the scanner's folder again while it is open. */
const LOOK_EVERY_MS = 15_000;

/**
 * The scanner inbox: what the office scanner saved into its folder, each to file against a client.
 * Once a file is on the client's file (inside the encrypted records) it is removed from the folder.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: inbox, error, reload } = useChannel('documents.inbox', {});
  const [viewing, setViewing] = useState<InboxFile | null>(null);
  const [filing, setFiling] = useState<InboxFile | null>(null);
  useEffect(() => {
    const every = setInterval(reload, LOOK_EVERY_MS);
    return () => clearInterval(every);
  }, [reload]);
  if (error) return <FormAlert message={error} />;
  if (!inbox) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack maw={1100}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        {inbox.folder && <Text c="dimmed">{t('inbox.intro', { folder: inbox.folder })}</Text>}
      </Stack>
      {!inbox.folder ? (
        <Alert color="gray" variant="light">
          {t('inbox.noFolder')}
        </Alert>
      ) : inbox.unreachable ? (
        <Alert color="orange" variant="light" role="alert">
          {t('inbox.unreachable', { folder: inbox.folder })}
        </Alert>
      ) : inbox.files.length === 0 ? (
        <Text c="dimmed">{t('inbox.empty')}</Text>
      ) : (
        <Table striped aria-label={t('inbox.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inbox.name')}</Table.Th>
              <Table.Th>{t('documents.size')}</Table.Th>
              <Table.Th>{t('inbox.scannedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inbox.files.map((f) => (
              <Table.Tr key={f.name}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.bytes, lang)}</Table.Td>
                <Table.Td>{formatDateTime(f.modifiedAt, lang)}</Table.Td>
                <Table.Td>
                  {f.accepted ? (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {f.view !== 'none' && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setViewing(f)}
                          aria-label={t('documents.actionsFor', { action: t('documents.view'), title: f.name })}
                        >
                          {t('documents.view')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        onClick={() => setFiling(f)}
                        aria-label={t('documents.actionsFor', { action: t('inbox.fileAgainst'), title: f.name })}
                      >
                        {t('inbox.fileAgainst')}
                      </Button>
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('inbox.notKept')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {inbox.folder && (
        <Button variant="light" w="fit-content" onClick={reload}>
          {t('inbox.refresh')}
        </Button>
      )}
      {viewing && (
        <DocumentViewer
          key={viewing.name}
          title={viewing.name}
          view={viewing.view}
          load={() => invoke('documents.inboxView', { name: viewing.name })}
          onClose={() => setViewing(null)}
          memoryNote={false}
        />
      )}
      {filing && (
        <FileModal
          file={filing}
          onClose={() => setFiling(null)}
          onFiled={() => {
            setFiling(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

function FileModal({ file, onClose, onFiled }: { file: InboxFile; onClose: () => void; onFiled: () => void }) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [draft, setDraft] = useState<DocumentDraft>(() => draftFor(file.name));
  const [errors, setErrors] = useState<DraftErrors>({});
  const save = () => {
    if (!client) return;
    const { details, errors: wrong } = detailsOf(t, draft);
    if (!details) return setErrors(wrong);
    void submit(() => invoke('documents.fileFromInbox', { clientId: client.id, name: file.name, ...details }), {
      form: { setErrors: (f) => setErrors(f as DraftErrors) },
      onOk: () => {
        notifications.show({
          color: 'green',
          message: t('inbox.filed', { name: file.name, client: `${client.firstName} ${client.lastName}` }),
        });
        onFiled();
      },
    });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inbox.fileTitle', { name: file.name })}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stack>
        {!client ? (
          <ClientFinder
            label={t('inbox.whose')}
            hint={t('inbox.whoseHint')}
            autoFocus
            action={{
              text: t('inbox.choose'),
              name: (c) => t('inbox.chooseName', { name: `${c.firstName} ${c.lastName}` }),
            }}
            onChoose={setClient}
          />
        ) : (
          <>
            <Group justify="space-between">
              <Text fw={600}>
                {t('inbox.chosen', { name: `${client.firstName} ${client.lastName}`, reference: client.reference })}
              </Text>
              <Button size="xs" variant="subtle" onClick={() => setClient(null)}>
                {t('inbox.another')}
              </Button>
            </Group>
            <DocumentFields
              clientId={client.id}
              draft={draft}
              errors={errors}
              onChange={(d) => {
                setDraft(d);
                setErrors({});
              }}
              autoFocus
            />
          </>
        )}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={busy} disabled={!client}>
            {t('documents.addOne')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
