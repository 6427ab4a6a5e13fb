import {
  Alert,
  Box,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { codedKey } from '../../../shared/i18n/keys';
import { CASE_STATUSES, CLIENT_SORTS, type CaseStatus, type ClientSummary } from '../../../shared/domain/client';
import { RISK_FLAG_KINDS } from '../../../shared/domain/riskFlag';
import { invoke } from '../api';
import { BackupReminder } from '../components/BackupReminder/BackupReminder';
import { StatusBadge } from '../components/ClientHeader/ClientHeader';
import { useCaseworkers } from '../components/ClientFields/ClientFields';
import { errorSentence } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';
import classes from './ClientList.module.css';
import { useGo, usePageState, useRememberedScroll } from '../navigation';
import { COUNTED_TYPES, labelOf } from '../../../shared/domain/customField';
import { useChannel } from '../useChannel';

const PAGE = 100;
const ROW_HEIGHT = 44;
type Sort = (typeof CLIENT_SORTS)[number];

interface Filters {
  query: string;
  status: CaseStatus | null;
  caseworkerId: number | null;
  riskFlag: string | null;
  answer: string | null;
  sort: Sort;
  descending: boolean;
}

/**
 * The client list: search as you type, filters, sortable columns, and a virtualised list that
 * fetches pages of 100 as they scroll into view, so 100,000 clients scroll as smoothly as 10.
 */
export function ClientListPage({ initialQuery }: { initialQuery: string }) {
  const go = useGo();
  const { t } = useTranslation();
  const can = useCan();
  // Kept with this visit to the list: Back from a client finds the same search, filters and place.
  const [query, setQuery] = usePageState('query', initialQuery);
  const [status, setStatus] = usePageState<CaseStatus | null>('status', null);
  const [caseworkerId, setCaseworkerId] = usePageState<number | null>('caseworkerId', null);
  const [riskFlag, setRiskFlag] = usePageState<string | null>('riskFlag', null);
  const [answer, setAnswer] = usePageState<string | null>('answer', null);
  const [sort, setSort] = usePageState<Sort>('sort', 'name');
  const [descending, setDescending] = usePageState('descending', false);
  const filters: Filters = { query, status, caseworkerId, riskFlag, answer, sort, descending };
  const key = JSON.stringify(filters);
  // The export takes the filters of the moment; the button need not be drawn again for each keystroke.
  const filtersNow = useRef(filters);
  filtersNow.current = filters;
  const exportCsv = useCallback(async () => {
    const r = await invoke('clients.exportCsv', filtersNow.current);
    if (r.ok)
      notifications.show({
        color: 'green',
        message: t('clients.exported', { rows: r.value.rows, path: r.value.path }),
      });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  }, [t]);

  // The number of matches; null before the first answer. `counted` is false while only the first
  // full page is known (its rows are drawn at once, the count follows).
  const [total, setTotal] = useState<number | null>(null);
  const [counted, setCounted] = useState(true);
  const [shownFor, setShownFor] = useState<Filters | null>(null);
  const pages = useRef(new Map<number, ClientSummary[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const loadPage = useCallback(
    (page: number, gen: number, f: Filters) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      void invoke('clients.search', { ...f, limit: PAGE, offset: page * PAGE, withTotal: false }).then((r) => {
        if (gen !== generation.current) return;
        loading.current.delete(page);
        if (!r.ok) return setError(errorSentence(t, r.error));
        setError(null);
        pages.current.set(page, r.value.items);
        setVersion((v) => v + 1);
      });
    },
    [t],
  );

  // Every keystroke searches: the newest search wins and older answers are dropped, never drawn. The
  // first rows show as soon as they are found; the total is counted after them. The old rows stay
  // until the new ones arrive.
  useEffect(() => {
    const gen = ++generation.current;
    const f = JSON.parse(key) as Filters;
    loading.current.clear();
    void invoke('clients.search', { ...f, limit: PAGE, offset: 0, withTotal: false }).then((r) => {
      if (gen !== generation.current) return;
      if (!r.ok) return setError(errorSentence(t, r.error));
      setError(null);
      pages.current = new Map([[0, r.value.items]]);
      setTotal(r.value.total ?? r.value.items.length);
      setCounted(r.value.total !== null);
      setShownFor(f);
      setVersion((v) => v + 1);
      scroller.current?.scrollTo({ top: 0 });
      if (r.value.total !== null) return;
      void invoke('clients.count', {
        query: f.query,
        status: f.status,
        caseworkerId: f.caseworkerId,
        riskFlag: f.riskFlag,
        answer: f.answer,
      }).then((c) => {
        if (gen !== generation.current) return;
        if (!c.ok) return setError(errorSentence(t, c.error));
        setTotal(c.value.total);
        setCounted(true);
      });
    });
  }, [key, t]);

  const scroller = useRef<HTMLDivElement>(null);
  useRememberedScroll(scroller, 'rows', shownFor !== null);
  // TanStack Virtual hands back functions the React compiler cannot memoise: this page is left uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!shownFor) return;
    const needed = new Set(items.map((i) => Math.floor(i.index / PAGE)));
    for (const p of needed) loadPage(p, generation.current, shownFor);
  });

  const rowAt = (index: number): ClientSummary | undefined =>
    pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const open = useCallback((id: number) => go({ name: 'client', id }), [go]);

  const header = (label: string, column: Sort | null) => {
    if (!column) return <div role="columnheader">{label}</div>;
    const active = sort === column;
    return (
      <div role="columnheader" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton
          className={classes.sortButton}
          onClick={() => {
            if (active) setDescending(!descending);
            else {
              setSort(column);
              setDescending(false);
            }
          }}
        >
          {label} {active ? (descending ? '▼' : '▲') : ''}
        </UnstyledButton>
      </div>
    );
  };

  const q = shownFor?.query.trim() ?? '';
  const filtered = !!(shownFor && (shownFor.status || shownFor.caseworkerId || shownFor.riskFlag || shownFor.answer));

  return (
    <Stack h="calc(100vh - 60px - 2 * var(--mantine-spacing-lg))" gap="sm">
      <ListHeading
        onExport={exportCsv}
        canImport={can('imports.choose')}
        canExport={can('clients.exportCsv')}
        canAdd={can('clients.intake')}
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('clients.search')}
          placeholder={t('clients.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          type="search"
          autoFocus
          maxLength={200}
          style={{ flex: 1, minWidth: 260 }}
        />
        <ListFilters
          status={status}
          setStatus={setStatus}
          caseworkerId={caseworkerId}
          setCaseworkerId={setCaseworkerId}
          riskFlag={riskFlag}
          setRiskFlag={setRiskFlag}
          answer={answer}
          setAnswer={setAnswer}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {total !== null && (
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {total === 0
            ? q
              ? t('clients.noMatch', { query: q })
              : filtered
                ? t('clients.noneFiltered')
                : t('clients.empty')
            : counted
              ? t('clients.count', { count: total })
              : t('clients.countMore', { count: total })}
        </Text>
      )}
      {total !== null && total > 0 && (
        <Box className={classes.table} role="table" aria-label={t('clients.title')} aria-rowcount={total + 1}>
          <div role="rowgroup">
            <div role="row" className={`${classes.row} ${classes.head}`} aria-rowindex={1}>
              {header(t('clients.name'), 'name')}
              {header(t('clients.reference'), 'reference')}
              {header(t('clients.dateOfBirth'), 'dateOfBirth')}
              {header(t('clients.phone'), null)}
              {header(t('clients.postcode'), null)}
              {header(t('clients.caseworker'), null)}
              {header(t('clients.intakeDate'), 'intakeDate')}
              {header(t('status.status'), null)}
            </div>
          </div>
          <div ref={scroller} className={classes.scroller} role="rowgroup" data-testid="client-rows">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <ClientRow
                  key={item.key}
                  client={rowAt(item.index)}
                  index={item.index}
                  top={item.start}
                  onOpen={open}
                />
              ))}
            </div>
          </div>
        </Box>
      )}
    </Stack>
  );
}

/**
 * One row of the list. Rows are drawn again only when their client or place changes, so a keystroke
 * redraws the search box, not the rows still on screen.
 */
const ClientRow = memo(function ClientRow({
  client: c,
  index,
  top,
  onOpen,
}: {
  client: ClientSummary | undefined;
  index: number;
  top: number;
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={c ? () => onOpen(c.id) : undefined}
    >
      {c ? (
        <>
          <div role="cell" className={classes.nameCell}>
            {c.riskFlags.length > 0 && (
              <Tooltip label={c.riskFlags.map((k) => t(codedKey('riskFlags.kinds', k))).join(', ')}>
                <span
                  className={classes.flag}
                  role="img"
                  aria-label={t('clients.riskFlagIcon', {
                    kinds: c.riskFlags.map((k) => t(codedKey('riskFlags.kinds', k))).join(', '),
                  })}
                >
                  ⚠
                </span>
              </Tooltip>
            )}
            <UnstyledButton className={classes.name} onClick={(e) => (e.stopPropagation(), onOpen(c.id))}>
              {c.lastName}, {c.firstName}
              {c.preferredName ? <Text span c="dimmed" size="sm">{` (${c.preferredName})`}</Text> : null}
            </UnstyledButton>
          </div>
          <div role="cell">{c.reference}</div>
          <div role="cell">{formatDate(c.dateOfBirth, i18n.language)}</div>
          <div role="cell">{c.phone}</div>
          <div role="cell">{c.postcode}</div>
          <div role="cell" className={classes.truncate}>
            {c.caseworkerName}
          </div>
          <div role="cell">{formatDate(c.intakeDate, i18n.language)}</div>
          <div role="cell">
            <StatusBadge status={c.status} />
          </div>
        </>
      ) : (
        <div role="cell" className={classes.placeholder}>
          …
        </div>
      )}
    </div>
  );
});

/** The page's title and actions, drawn again only when what they show changes (not on each keystroke). */
const ListHeading = memo(function ListHeading({
  onExport,
  canImport,
  canExport,
  canAdd,
}: {
  onExport: () => Promise<void>;
  canImport: boolean;
  canExport: boolean;
  canAdd: boolean;
}) {
  const go = useGo();
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('clients.title')}
        </Title>
        <Group>
          {canImport && (
            <Button variant="default" onClick={() => go({ name: 'clientImport' })}>
              {t('imports.start')}
            </Button>
          )}
          {canExport && (
            <Button variant="default" onClick={() => void onExport()}>
              {t('clients.exportCsv')}
            </Button>
          )}
          {canAdd && <Button onClick={() => go({ name: 'clientNew' })}>{t('clients.add')}</Button>}
        </Group>
      </Group>
      <BackupReminder onBackUp={() => go({ name: 'backup' })} />
    </>
  );
});

/** The filters beside the search box, drawn again only when a filter changes. */
const ListFilters = memo(function ListFilters({
  status,
  setStatus,
  caseworkerId,
  setCaseworkerId,
  riskFlag,
  setRiskFlag,
  answer,
  setAnswer,
}: {
  status: CaseStatus | null;
  setStatus: (s: CaseStatus | null) => void;
  caseworkerId: number | null;
  setCaseworkerId: (id: number | null) => void;
  riskFlag: string | null;
  setRiskFlag: (k: string | null) => void;
  answer: string | null;
  setAnswer: (a: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const caseworkers = useCaseworkers();
  const can = useCan();
  // The charity's questions with choices, each answer a filter; sensitive ones only for those who may read them.
  const questions = (useChannel('customFields.list', {}).data ?? []).filter(
    (f) => COUNTED_TYPES.includes(f.type) && (!f.sensitive || can('customFields.answer')),
  );
  return (
    <>
      <Select
        label={t('clients.filterStatus')}
        w={150}
        data={[
          { value: '', label: t('clients.allStatuses') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(`clients.statuses.${s}`) })),
        ]}
        value={status ?? ''}
        onChange={(v) => setStatus((v || null) as CaseStatus | null)}
        allowDeselect={false}
      />
      <Select
        label={t('clients.caseworker')}
        w={190}
        data={[{ value: '', label: t('clients.allCaseworkers') }, ...caseworkers]}
        value={caseworkerId === null ? '' : String(caseworkerId)}
        onChange={(v) => setCaseworkerId(v ? Number(v) : null)}
        allowDeselect={false}
      />
      <Select
        label={t('clients.filterRisk')}
        w={200}
        data={[
          { value: '', label: t('clients.allClients') },
          { value: 'any', label: t('clients.anyRiskFlag') },
          ...RISK_FLAG_KINDS.map((k) => ({ value: k, label: t(`riskFlags.kinds.${k}`) })),
        ]}
        value={riskFlag ?? ''}
        onChange={(v) => setRiskFlag(v || null)}
        allowDeselect={false}
      />
      {questions.length > 0 && (
        <Select
          label={t('clients.filterAnswer')}
          w={240}
          searchable
          data={[
            { value: '', label: t('clients.allClients') },
            ...questions.map((f) => ({
              group: labelOf(f, i18n.language),
              items: (f.type === 'yesNo'
                ? [
                    { key: 'yes', label: t('common.yes') },
                    { key: 'no', label: t('common.no') },
                  ]
                : f.choices.map((c) => ({ key: c.key, label: labelOf(c, i18n.language) }))
              ).map((c) => ({ value: `${f.id}:${c.key}`, label: `${labelOf(f, i18n.language)}: ${c.label}` })),
            })),
          ]}
          value={answer ?? ''}
          onChange={(v) => setAnswer(v || null)}
          allowDeselect={false}
        />
      )}
    </>
  );
});
