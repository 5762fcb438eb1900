import { useEffect, useState } from 'react';

type Status = 'idle' | 'loading' | 'done';

interface Props {
  url: string;
  onLoad?: (data: unknown) => void;
}

export function useFetch<T = unknown>({ url, onLoad }: Props): 