import { Button, Group, List, Loader, Menu, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { inLanguage } from '../../../../shared/domain/eligibility';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAcceptedFile, type ClientDocument } from '../../../../shared/domain/document';
import { invoke } from '../../api';
import { DocumentViewer } from '../../components/DocumentViewer/DocumentViewer';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { errorSentence } from '../../errors';
import { formatBytes, formatDate, formatDateTime } from '../../format';
import { useChannel } from '../../useChannel';
import { AddDocumentsModal, fileNameOf, type AddOutcome } from './documents/AddDocumentsModal';
import { EditDocumentModal } from './documents/EditDocumentModal';

/**
 * A client's documents on file: scans, photos of paper, letters received. Files are dropped here or
 * chosen, described, and kept inside the encrypted records; they are looked at from memory, and a
 * copy outside Casebook is saved only on purpose, with a warning that it is not encrypted.
 */
export function DocumentsTab({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload, replace } = useChannel('documents.forClient', { clientId });
  const [adding, setAdding] = useState<string[] | null>(null);
  const [viewing, setViewing] = useState<ClientDocument | null>(null);
  const [editing, setEditing] = useState<ClientDocument | null>(null);
  const [originals, setOriginals] = useState<{ document: ClientDocument; path: string }[]>([]);
  const [dragging, setDragging] = useState(false);

  const take = (paths: string[]) => {
    const refused = paths.filter((p) => !isAcceptedFile(fileNameOf(p)));
    if (refused.length)
      notifications.show({
        color: 'red',
        message: t('documents.notAccepted', { names: refused.map(fileNameOf).join(', ') }),
      });
    const accepted = paths.filter((p) => isAcceptedFile(fileNameOf(p)));
    if (accepted.length) setAdding(accepted);
  };

  const drop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    take(files.map((f) => window.casebook.pathForFile?.(f) ?? '').filter((p) => p !== ''));
  };

  const choose = async () => {
    const r = await invoke('documents.chooseFiles', {});
    if (!r.ok) notifications.show({ color: 'red', message: errorSentence(t, r.error) });
    else take(r.value.paths);
  };

  const added = (outcome: AddOutcome, finished: boolean) => {
    if (outcome.added.length)
      notifications.show({ color: 'green', message: t('documents.added', { count: outcome.added.length }) });
    for (const a of outcome.alreadyOnFile)
      notifications.show({ color: 'blue', message: t('documents.alreadyOnFile', { name: a.name, title: a.title }) });
    setOriginals((o) => [...o, ...outcome.added]);
    if (finished) setAdding(null);
    reload();
  };

  const saveCopy = (doc: ClientDocument) =>
    modals.openConfirmModal({
      title: t('documents.copyWarning.title'),
      children: <Text size="sm">{t('documents.copyWarning.body')}</Text>,
      labels: { confirm: t('documents.copyWarning.confirm'), cancel: t('common.cancel') },
      onConfirm: () =>
        void invoke('documents.saveCopy', { id: doc.id }).then((r) => {
          if (r.ok) notifications.show({ color: 'orange', message: t('documents.copySaved', { path: r.value.path }) });
          else if (r.error.code !== 'CANCELLED')
            notifications.show({ color: 'red', message: errorSentence(t, r.error) });
        }),
    });

  const remove = (doc: ClientDocument) =>
    modals.openConfirmModal({
      title: t('documents.removeConfirm.title'),
      children: <Text size="sm">{t('documents.removeConfirm.body', { title: doc.title })}</Text>,
      labels: { confirm: t('documents.removeConfirm.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void invoke('documents.remove', { id: doc.id, version: doc.version }).then((r) => {
          if (r.ok) {
            replace(r.value);
            notifications.show({ color: 'green', message: t('documents.removed') });
          } else {
            notifications.show({ color: 'red', message: errorSentence(t, r.error) });
            reload();
          }
        }),
    });

  const linkText = (doc: ClientDocument) => {
    if (!doc.link) return '';
    const label = [
      inLanguage(doc.link.label, doc.link.labelPl ?? null, lang),
      doc.link.on ? formatDate(doc.link.on, lang) : '',
    ]
      .filter(Boolean)
      .join(', ');
    const key = {
      caseNote: 'linkCaseNote',
      referral: 'linkReferral',
      letter: 'linkLetter',
      eligibilityCheck: 'linkEligibilityCheck',
    } as const;
    return t(`documents.${key[doc.link.kind]}`, { label });
  };

  if (error) return <FormAlert message={error} />;
  if (!data) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Paper
        withBorder
        p="lg"
        radius="md"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
        }}
        data-testid="document-drop"
        aria-label={t('documents.dropHere')}
        component="section"
      >
        <Stack gap="xs" align="center">
          <Group gap="sm">
            <Text fw={600}>{t('documents.dropHere')}</Text>
            <Text c="dimmed">{t('documents.or')}</Text>
            <Button onClick={() => void choose()}>{t('documents.choose')}</Button>
          </Group>
          <Text size="sm" c="dimmed" ta="center" maw={640}>
            {t('documents.accepted')}
          </Text>
        </Stack>
      </Paper>

      <Group justify="space-between">
        <Text fw={700}>{t('documents.heading')}</Text>
        {data.items.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('documents.summary', { count: data.items.length, size: formatBytes(data.totalBytes, lang) })}
          </Text>
        )}
      </Group>
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('documents.none')}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={t('documents.heading')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.title')}</Table.Th>
              <Table.Th>{t('documents.kind')}</Table.Th>
              <Table.Th>{t('documents.documentDate')}</Table.Th>
              <Table.Th>{t('documents.link')}</Table.Th>
              <Table.Th>{t('documents.size')}</Table.Th>
              <Table.Th>{t('documents.addedBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm" fw={500}>
                    {d.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.fileName}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`documents.kinds.${d.kind}`)}</Table.Td>
                <Table.Td>{d.documentDate ? formatDate(d.documentDate, lang) : ''}</Table.Td>
                <Table.Td>{linkText(d)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(d.bytes, lang)}</Table.Td>
                <Table.Td title={formatDateTime(d.addedAt, lang)}>
                  {formatDate(d.addedAt.slice(0, 10), lang)}
                  {d.addedByName ? `, ${d.addedByName}` : ''}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {d.view !== 'none' ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setViewing(d)}
                        aria-label={t('documents.actionsFor', { action: t('documents.view'), title: d.title })}
                      >
                        {t('documents.view')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => saveCopy(d)}
                        aria-label={t('documents.actionsFor', { action: t('documents.saveCopy'), title: d.title })}
                      >
                        {t('documents.saveCopy')}
                      </Button>
                    )}
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('documents.actionsFor', { action: t('documents.more'), title: d.title })}
                        >
                          …
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {d.view !== 'none' && (
                          <Menu.Item onClick={() => saveCopy(d)}>{t('documents.saveCopy')}</Menu.Item>
                        )}
                        <Menu.Item onClick={() => setEditing(d)}>{t('documents.edit')}</Menu.Item>
                        <Menu.Item color="red" onClick={() => remove(d)}>
                          {t('documents.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {adding && (
        <AddDocumentsModal clientId={clientId} paths={adding} onClose={() => setAdding(null)} onDone={added} />
      )}
      {viewing && (
        <DocumentViewer
          key={viewing.id}
          title={viewing.title}
          view={viewing.view}
          load={() => invoke('documents.open', { id: viewing.id })}
          onClose={() => setViewing(null)}
          onSaveCopy={() => saveCopy(viewing)}
        />
      )}
      {editing && (
        <EditDocumentModal
          clientId={clientId}
          document={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {!adding && originals.length > 0 && <OriginalsModal originals={originals} onClose={() => setOriginals([])} />}
    </Stack>
  );
}

/**
 * Once documents are on file, the files they came from are still on the computer, unencrypted:
 * offers to delete them (for good; only a file that still holds exactly the document).
 */
function OriginalsModal({
  originals,
  onClose,
}: {
  originals: { document: ClientDocument; path: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const deleteAll = async () => {
    setBusy(true);
    const failed: string[] = [];
    let deleted = 0;
    for (const o of originals) {
      const r = await invoke('documents.deleteOriginal', { id: o.document.id, path: o.path });
      if (r.ok) deleted++;
      else failed.push(`${fileNameOf(o.path)}: ${errorSentence(t, r.error)}`);
    }
    setBusy(false);
    if (deleted) notifications.show({ color: 'green', message: t('documents.originals.deleted', { count: deleted }) });
    if (failed.length) setProblems(failed);
    else onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('documents.originals.title')} size="lg">
      <Stack>
        <Text size="sm">{t('documents.originals.body')}</Text>
        <List size="sm" spacing={4}>
          {originals.map((o) => (
            <List.Item key={o.path} style={{ overflowWrap: 'anywhere' }}>
              {o.path}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('documents.originals.bin')}</Text>
        {problems.map((p) => (
          <FormAlert key={p} message={p} />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('documents.originals.keep')}
          </Button>
          <Button color="red" onClick={() => void deleteAll()} loading={busy}>
            {t('documents.originals.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
