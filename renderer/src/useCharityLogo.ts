import { useEffect, useState } from 'react';
import { invoke } from './api';

/** The letterhead logo as a data: URL, or null when the charity has none. */
export function useCharityLogo(): [string | null, (logo: string | null) => void] {
  const [logo, setLogo] = useState<string | null>(null);
  useEffect(() => {
    void invoke('charity.logo', {}).then((r) => r.ok && setLogo(r.value.dataUrl));
  }, []);
  return [logo, setLogo];
}
