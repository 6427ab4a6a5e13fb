import { Alert, Box, Button, Group, Select, Stack, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CLIENT_SORTS, type CaseStatus, type ClientSummary } from '../../../shared/domain/client';
import { RISK_FLAG_KINDS } from '../../../shared/domain/riskFlag';
import { invoke } from '../api';
import { BackupReminder } from '../components/BackupReminder/BackupReminder';
import { StatusBadge } from '../components/ClientHeader/ClientHeader';
import { useCaseworkers } from '../components/ClientFields/ClientFields';
import type { Route } from '../components/Workspace/Workspace';
import { errorSentence } from '../errors';
import { formatDate } from '../format';
import { useCan } from '../session';
import classes from './ClientList.module.css';

const PAGE = 100;
const ROW_HEIGHT = 44;
type Sort = (typeof CLIENT_SORTS)[number];

interface Filters {
  query: string;
  status: CaseStatus | null;
  caseworkerId: number | null;
  riskFlag: string | null;
  sort: Sort;
  descending: boolean;
}

/** How long the list waits after a keystroke before it searches (the core answers in under 15 ms). */
const SEARCH_PAUSE_MS = 50;

/**
 * The client list: search as you type, filters, sortable columns, and a virtualised list that
 * fetches pages of 100 as they scroll into view, so 100,000 clients scroll as smoothly as 10.
 */
export function ClientListPage({ initialQuery, go }: { initialQuery: string; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const caseworkers = useCaseworkers();
  const [query, setQuery] = useState(initialQuery);
  // A short pause while someone is still typing: at office typing speeds every letter still searches.
  const [debounced] = useDebouncedValue(query, SEARCH_PAUSE_MS);
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [caseworkerId, setCaseworkerId] = useState<number | null>(null);
  const [riskFlag, setRiskFlag] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('name');
  const [descending, setDescending] = useState(false);
  const filters: Filters = { query: debounced, status, caseworkerId, riskFlag, sort, descending };
  const key = JSON.stringify(filters);
  const exportCsv = async () => {
    const r = await invoke('clients.exportCsv', filters);
    if (r.ok) notifications.show({ color: 'green', message: t('clients.exported', { rows: r.value.rows, path: r.value.path }) });
    else if (r.error.code !== 'CANCELLED') setError(errorSentence(t, r.error));
  };

  const [total, setTotal] = useState<number | null>(null);
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
      void invoke('clients.search', { ...f, limit: PAGE, offset: page * PAGE }).then((r) => {
        if (gen !== generation.current) return;
        loading.current.delete(page);
        if (!r.ok) return setError(errorSentence(t, r.error));
        setError(null);
        pages.current.set(page, r.value.items);
        setTotal(r.value.total);
        setShownFor(f);
        setVersion((v) => v + 1);
      });
    },
    [t],
  );

  // New filters: start again from the first page; the old rows stay until the new ones arrive.
  useEffect(() => {
    const gen = ++generation.current;
    const f = JSON.parse(key) as Filters;
    loading.current.clear();
    void invoke('clients.search', { ...f, limit: PAGE, offset: 0 }).then((r) => {
      if (gen !== generation.current) return;
      if (!r.ok) return setError(errorSentence(t, r.error));
      setError(null);
      pages.current = new Map([[0, r.value.items]]);
      setTotal(r.value.total);
      setShownFor(f);
      setVersion((v) => v + 1);
      scroller.current?.scrollTo({ top: 0 });
    });
  }, [key, t]);

  const scroller = useRef<HTMLDivElement>(null);
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

  const rowAt = (index: number): ClientSummary | undefined => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const open = (id: number) => go({ name: 'client', id });

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
  const filtered = !!(shownFor && (shownFor.status || shownFor.caseworkerId || shownFor.riskFlag));

  return (
    <Stack h="calc(100vh - 60px - 2 * var(--mantine-spacing-lg))" gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('clients.title')}
        </Title>
        <Group>
          {can('imports.choose') && (
            <Button variant="default" onClick={() => go({ name: 'clientImport' })}>
              {t('imports.start')}
            </Button>
          )}
          {can('clients.exportCsv') && (
            <Button variant="default" onClick={() => void exportCsv()}>
              {t('clients.exportCsv')}
            </Button>
          )}
          {can('clients.intake') && <Button onClick={() => go({ name: 'clientNew' })}>{t('clients.add')}</Button>}
        </Group>
      </Group>
      <BackupReminder onBackUp={() => go({ name: 'backup' })} />
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
        <Select
          label={t('clients.filterStatus')}
          w={150}
          data={[{ value: '', label: t('clients.allStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`clients.statuses.${s}`) }))]}
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
            : t('clients.count', { count: total })}
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
              {items.map((item) => {
                const c = rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={classes.row}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={c ? () => open(c.id) : undefined}
                  >
                    {c ? (
                      <>
                        <div role="cell" className={classes.nameCell}>
                          {c.riskFlags.length > 0 && (
                            <Tooltip label={c.riskFlags.map((k) => t(`riskFlags.kinds.${k}`)).join(', ')}>
                              <span className={classes.flag} role="img" aria-label={t('clients.riskFlagIcon', { kinds: c.riskFlags.map((k) => t(`riskFlags.kinds.${k}`)).join(', ') })}>
                                ⚠
                              </span>
                            </Tooltip>
                          )}
                          <UnstyledButton className={classes.name} onClick={(e) => (e.stopPropagation(), open(c.id))}>
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
              })}
            </div>
          </div>
        </Box>
      )}
    </Stack>
  );
}
