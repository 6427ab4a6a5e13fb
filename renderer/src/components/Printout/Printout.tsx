import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Printout } from '../../../../shared/domain/printout';
import type { Result } from '../../../../shared/result';
import { invoke } from '../../api';
import { errorSentence } from '../../errors';
import { usePrintAction } from '../../desktop';
import { drawPages, DrawingStopped } from './drawPages';
import './printout.css';
import { ProgressBar } from '../ProgressBar/ProgressBar';

/** Makes a printout: a channel such as 'safetyPlans.print' (or a job running one). */
type MakePrintout = () => Promise<Result<Printout>>;

interface Printing {
  /** Makes the printout, draws its pages and opens the system's print dialog. True once printed. */
  print(make: MakePrintout): Promise<boolean>;
  busy: boolean;
}

const PrintingContext = createContext<Printing | null>(null);

export function usePrintout(): Printing {
  const printing = useContext(PrintingContext);
  if (!printing) throw new Error('usePrintout needs a PrintoutProvider above it');
  return printing;
}

/**
 * A screen's printable thing: `make` makes it (null while there is nothing to print), `onPrinted`
 * follows a print. Gives the Print button's action, which File › Print runs too.
 */
export function usePrintable(
  make: MakePrintout | null,
  onPrinted?: () => void | Promise<void>,
): { print: () => void; busy: boolean } {
  const printing = usePrintout();
  const latest = useRef({ make, onPrinted });
  useLayoutEffect(() => {
    latest.current = { make, onPrinted };
  });
  const print = useCallback(() => {
    const { make, onPrinted } = latest.current;
    if (make) void printing.print(make).then((printed) => printed && onPrinted?.());
  }, [printing]);
  usePrintAction(make ? print : null);
  return { print, busy: printing.busy };
}

type Stage = { kind: 'making' } | { kind: 'drawing'; done: number; total: number };

/** Waits until the browser has the pictures decoded and the page has drawn them. */
async function ready(urls: string[]): Promise<void> {
  await Promise.all(urls.map((url) => Object.assign(new Image(), { src: url }).decode()));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Every printout goes the same way: the core makes the PDF that "Save as PDF" would write, the
 * window draws its pages as pictures from memory, and the system's print dialog prints those
 * pages alone. So what is printed is exactly the saved PDF, with the address in the envelope
 * window, on every printer.
 */
export function PrintoutProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage | null>(null);
  const [pages, setPages] = useState<string[]>([]);
  // From the press of Print until the print dialog has answered: another Print meanwhile is ignored.
  const [active, setActive] = useState(false);
  const stopping = useRef<AbortController | null>(null);

  const print = useCallback(
    async (make: MakePrintout) => {
      if (stopping.current) return false;
      const stop = new AbortController();
      stopping.current = stop;
      setActive(true);
      setStage({ kind: 'making' });
      let urls: string[] = [];
      const title = document.title;
      try {
        const made = await make();
        if (!made.ok) {
          if (made.error.code !== 'CANCELLED')
            notifications.show({ color: 'red', message: errorSentence(t, made.error) });
          return false;
        }
        try {
          urls = await drawPages(
            made.value.pdf,
            (done, total) => setStage({ kind: 'drawing', done, total }),
            stop.signal,
          );
        } catch (err) {
          if (!(err instanceof DrawingStopped)) notifications.show({ color: 'red', message: t('printout.drawFailed') });
          return false;
        }
        setStage(null);
        setPages(urls);
        await ready(urls);
        // The print queue and "Save as PDF" name the job after the page's title.
        document.title = made.value.title;
        const printed = await invoke('printouts.print', { printId: made.value.printId });
        if (printed.ok)
          notifications.show({ color: 'green', message: t('printout.sent', { title: made.value.title }) });
        else if (printed.error.code !== 'CANCELLED')
          notifications.show({ color: 'red', message: errorSentence(t, printed.error) });
        return printed.ok;
      } finally {
        document.title = title;
        setPages([]);
        for (const url of urls) URL.revokeObjectURL(url);
        setStage(null);
        stopping.current = null;
        setActive(false);
      }
    },
    [t],
  );

  const value = useMemo(() => ({ print, busy: active }), [print, active]);
  const fraction = stage?.kind === 'drawing' && stage.total > 0 ? stage.done / stage.total : 0;
  const words =
    stage?.kind === 'drawing'
      ? t('printout.drawing', { done: Math.min(stage.done + 1, stage.total), total: stage.total })
      : t('printout.preparing');
  return (
    <PrintingContext.Provider value={value}>
      {children}
      <Modal
        opened={stage !== null}
        onClose={() => stopping.current?.abort()}
        title={t('printout.title')}
        withCloseButton={false}
        closeOnClickOutside={false}
      >
        <Stack>
          <ProgressBar value={fraction * 100} animated label={t('printout.title')} words={words} />
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" role="status">
              {words}
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => stopping.current?.abort()}
              disabled={stage?.kind !== 'drawing'}
            >
              {t('jobs.stop')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pages.length > 0 &&
        createPortal(
          <div className="casebook-printout" data-testid="printout">
            {pages.map((url, i) => (
              <img key={url} src={url} alt={String(i + 1)} />
            ))}
          </div>,
          document.body,
        )}
    </PrintingContext.Provider>
  );
}
