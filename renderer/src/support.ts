import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { formatMoney, supportTypeName, type Currency, type SupportType } from '../../shared/domain/support';
import { invoke } from './api';
import { useChannel } from './useChannel';

/** A kind of help's name: the charity's own, or the translated one it came with. */
export function typeName(t: TFunction, type: Pick<SupportType, 'builtinKey' | 'name'> | undefined): string {
  return type ? supportTypeName(t, type) : '?';
}

/** The kinds of help (retired ones too, for old records), and a way to reload them. */
export function useSupportTypes(): { types: SupportType[]; setTypes: (v: SupportType[]) => void; reload: () => void } {
  const [types, setTypes] = useState<SupportType[]>([]);
  const reload = useCallback(() => {
    void invoke('supportTypes.list', {}).then((r) => r.ok && setTypes(r.value));
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
