/** The state every form that sends something keeps: busy while sending, the server's message on failure. */
import { useState } from 'react';
import { errorText } from './api.ts';
import { useLang } from './i18n.tsx';

export function useSubmit() {
  const { lang } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `action`; a thrown error becomes `error` (in the page's language), shown in place. */
  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
