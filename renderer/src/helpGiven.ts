import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { formatMoney, helpTypeName, type Currency, type HelpType } from '../../shared/domain/helpGiven';
import { invoke } from './api';
import { useChannel } from './useChannel';

/** A kind of help's name: the charity's own, or the translated one it came with. */
export function typeName(t: TFunction, type: Pick<HelpType, 'builtinKey' | 'name'> | undefined): string {
  return type ? helpTypeName(t, type) : '?';
}

/** The kinds of help (retired ones too, for old records), and a way to reload them. */
export function useHelpTypes(): { types: HelpType[]; setTypes: (v: HelpType[]) => void; reload: () => void } {
  const [types, setTypes] = useState<HelpType[]>([]);
  const reload = useCallback(() => {
    void invoke('helpTypes.list', {}).then((r) => r.ok && setTypes(r.value));
  }, []);
  useEffect(reload, [reload]);
  return { types, setTypes, reload };
}

/** The charity's currency, and money formatted in it for the interface language. */
export function useMoney(language: string): { currency: Currency; money: (minor: number | null) => string } {
  const currency = useChannel('charity.get', {}).data?.currency ?? 'GBP';
  return { currency, money: (minor) => (minor === null ? '' : formatMoney(minor, currency, language)) };
}

/** The symbol shown beside a money field. */
export const CURRENCY_SYMBOL: Record<Currency, string> = { GBP: '£', EUR: '€', PLN: 'zł' };
