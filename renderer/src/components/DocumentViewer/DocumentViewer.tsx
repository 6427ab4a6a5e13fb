import { Alert, Button, Group, Image, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/domain/document';
import type { Result } from '../../../../shared/result';
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
  title,
  view,
  load,
  onClose,
  onSaveCopy,
  memoryNote = true,
}: {
  title: string;
  view: DocumentView;
  /** Fetches the bytes (a document on file, or a file waiting in the scanner's folder). */
  load: () => Promise<Result<{ mime: string; view: DocumentView; base64: string }>>;
  onClose: () => void;
  /** Offered for a document on file; absent for a file that is already a file. */
  onSaveCopy?: () => void;
  /** Says no copy is written: true for a document on file. */
  memoryNote?: boolean;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (view === 'none') return;
    const stop = new AbortController();
    let urls: string[] = [];
    void (async () => {
      const opened = await latest.current();
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
  }, [view, t]);

  return (
    <Modal opened onClose={onClose} title={title} size="80rem" scrollAreaComponent={ScrollArea.Autosize}>
      <Stack>
        {memoryNote && (
          <Text size="sm" c="dimmed">
            {t('documents.viewer.memory')}
          </Text>
        )}
        {view === 'none' ? (
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
                    ? `${title}, ${t('documents.viewer.page', { n: i + 1, total: shown.urls.length })}`
                    : title
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
          {onSaveCopy && (
            <Button variant="default" onClick={onSaveCopy}>
              {t('documents.saveCopy')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
