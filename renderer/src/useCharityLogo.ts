import { useChannel } from './useChannel';

/** The letterhead logo as a data: URL, or null when the charity has none. */
export function useCharityLogo(): [string | null, (logo: string | null) => void] {
  const { data, replace } = useChannel('charity.logo', {});
  return [data?.dataUrl ?? null, (dataUrl) => replace({ dataUrl })];
}
