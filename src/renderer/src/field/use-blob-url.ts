import { useEffect, useState } from 'react';
import type { OutuDb } from '../db/outu-db';
import { readBlob } from '../db/field-store';

/** An object URL for a stored blob, revoked when the component lets go of it. */
export function useBlobUrl(db: OutuDb | null, sha256: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!db || !sha256) return;
    let created: string | null = null;
    let cancelled = false;
    void readBlob(db, sha256).then((blob) => {
      if (cancelled || !blob) return;
      created = URL.createObjectURL(blob);
      setUrl(created);
    });
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [db, sha256]);
  return url;
}
