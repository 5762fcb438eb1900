import { useEffect, useState } from 'react';

type Status = 'idle' | 'loading' | 'done';

interface Props {
  url: string;
  onLoad?: (data: unknown) => void;
}

export function useFetch<T = unknown>({ url, onLoad }: Props): [T | null, Status] {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  useEffect(() => {
    let cancelled = false;
    setStatus('loading');
    fetch(url)
      .then((r) => r.json() as Promise<T>)
      .then((json) => {
        if (!cancelled) { setData(json); setStatus('done'); onLoad?.(json); }
      });
    return () => { cancelled = true; };
  }, [url]);
  return [data, status];
}
