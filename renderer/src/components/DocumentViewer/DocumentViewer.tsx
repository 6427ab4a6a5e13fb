import { Alert, Button, Group, Image, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDocument } from '../../../../shared/domain/document';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { bytesOf, drawPages, DrawingStopped } from '../Printout/drawPages';

type Shown =
  | { kind: 'loading'; done?: number; total?: number }
  | { kind: 'pages'; urls: string[] }
  | { kind: 'failed'; message: string };

/**
 * A document on file, shown inside Casebook from memory: a photo as it is, a PDF as pictures of its
 * pages drawn by pdf.js. The bytes come from the encrypted records and go only into object URLs,
 * which are let go when the dialog closes; no file is written. Other kinds of file are offered as a
 * copy instead.
 */
export function DocumentViewer({
  document: doc,
  onClose,
  onSaveCopy,
}: {
  document: ClientDocument;
  onClose: () => void;
  onSaveCopy: (doc: ClientDocument) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    if (doc.view === 'none') return;
    const stop = new AbortController();
    let urls: string[] = [];
    void (async () => {
      const opened = await invoke('documents.open', { id: doc.id });
      if (stop.signal.aborted) return;
      if (!opened.ok) return setShown({ kind: 'failed', message: errorSentence(t, opened.error) });
      try {
        if (opened.value.view === 'image') {
          const bytes = bytesOf(opened.value.base64);
          urls = [URL.createObjectURL(new Blob([bytes as BlobPart], { type: opened.value.mime }))];
        } else {
          urls = await drawPages(
            opened.value.base64,
            (done, total) => !stop.signal.aborted && setShown({ kind: 'loading', done, total }),
            stop.signal,
            { for: 'screen' },
          );
        }
        if (stop.signal.aborted) return;
        setShown({ kind: 'pages', urls });
      } catch (err) {
        if (!(err instanceof DrawingStopped) && !stop.signal.aborted)
          setShown({ kind: 'failed', message: t('documents.viewer.cannotDraw') });
      }
    })();
    return () => {
      stop.abort();
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [doc.id, doc.view, t]);

  return (
    <Modal opened onClose={onClose} title={doc.title} size="80rem" scrollAreaComponent={ScrollArea.Autosize}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('documents.viewer.memory')}
        </Text>
        {doc.view === 'none' ? (
          <Alert color="gray" variant="light">
            {t('documents.viewer.noView')}
          </Alert>
        ) : shown.kind === 'failed' ? (
          <Alert color="red" variant="light" role="alert">
            {shown.message}
          </Alert>
        ) : shown.kind === 'loading' ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">
              {shown.total
                ? t('documents.viewer.page', { n: Math.min((shown.done ?? 0) + 1, shown.total), total: shown.total })
                : t('documents.viewer.drawing')}
            </Text>
          </Group>
        ) : (
          <Stack gap="md" data-testid="document-pages">
            {shown.urls.map((url, i) => (
              <Image
                key={url}
                src={url}
                alt={
                  shown.urls.length > 1
                    ? `${doc.title}, ${t('documents.viewer.page', { n: i + 1, total: shown.urls.length })}`
                    : doc.title
                }
                fit="contain"
                // A small photo is shown at its own size, not stretched; a page is fitted to the dialog.
                w="auto"
                maw="100%"
                mx="auto"
                style={{ border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
              />
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onSaveCopy(doc)}>
            {t('documents.saveCopy')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
