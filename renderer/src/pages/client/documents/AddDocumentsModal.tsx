import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDocument } from '../../../../../shared/domain/document';
import { invoke } from '../../../api';
import { FormAlert } from '../../../components/FormAlert/FormAlert';
import { errorSentence, translatedFields } from '../../../errors';
import { detailsOf, DocumentFields, draftFor, type DocumentDraft, type DraftErrors } from './DocumentFields';

/** The file's own name, from a path on any system. */
export const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

interface Row {
  path: string;
  draft: DocumentDraft;
  errors: DraftErrors;
  /** Why the core refused this file, in words. */
  refusal: string | null;
}

/** What came of adding: the documents now on file with where each came from, and those already there. */
export interface AddOutcome {
  added: { document: ClientDocument; path: string }[];
  alreadyOnFile: { name: string; title: string }[];
}

/**
 * Files dropped or chosen, each described (kind, title, the date on it, what it goes with) and then
 * added one by one. A file the core refuses stays in the dialog with the reason; the rest are filed.
 */
export function AddDocumentsModal({
  clientId,
  paths,
  onClose,
  onDone,
}: {
  clientId: number;
  paths: string[];
  onClose: () => void;
  /** After each press of Add: what was filed; `finished` when nothing is left to put right. */
  onDone: (outcome: AddOutcome, finished: boolean) => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() =>
    paths.map((path) => ({
      path,
      draft: draftFor(fileNameOf(path)),
      errors: {},
      refusal: null,
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = (i: number, draft: DocumentDraft) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, draft, errors: {} } : r)));

  async function add() {
    setError(null);
    const checked = rows.map((r) => ({ ...r, ...detailsOf(t, r.draft) }));
    setRows(checked.map(({ details: _, ...r }) => ({ ...r, errors: r.errors ?? {} })));
    if (checked.some((r) => r.errors)) return setError(t('errors.BAD_INPUT'));
    setBusy(true);
    const outcome: AddOutcome = { added: [], alreadyOnFile: [] };
    const left: Row[] = [];
    for (const r of checked) {
      const res = await invoke('documents.add', { clientId, path: r.path, ...r.details! });
      if (res.ok && res.value.alreadyOnFile)
        outcome.alreadyOnFile.push({ name: fileNameOf(r.path), title: res.value.document.title });
      else if (res.ok) outcome.added.push({ document: res.value.document, path: r.path });
      else
        left.push({
          path: r.path,
          draft: r.draft,
          errors: translatedFields(t, res.error.fields) as DraftErrors,
          refusal: res.error.fields?.['file'] ? errorSentence(t, res.error) : null,
        });
    }
    setBusy(false);
    onDone(outcome, left.length === 0);
    if (left.length === 0) return;
    setRows(left);
    setError(left.every((r) => r.refusal) ? null : t('errors.BAD_INPUT'));
  }

  return (
    <Modal opened onClose={onClose} title={t('documents.addTitle')} size="xl" closeOnClickOutside={false}>
      <Stack>
        {rows.map((r, i) => (
          <Paper key={r.path} withBorder p="sm" component="section" aria-label={fileNameOf(r.path)}>
            <Stack gap="xs">
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('documents.fileName', { name: fileNameOf(r.path) })}
              </Text>
              {r.refusal && <FormAlert message={r.refusal} />}
              <DocumentFields
                clientId={clientId}
                draft={r.draft}
                errors={r.errors}
                onChange={(d) => change(i, d)}
                autoFocus={i === 0}
              />
            </Stack>
          </Paper>
        ))}
        {error && <FormAlert message={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void add()} loading={busy}>
            {t('documents.addOne')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
