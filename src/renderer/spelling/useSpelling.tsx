import type { EditorView } from '@tiptap/pm/view';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api';
import { releaseEvents } from '../common/events';
import { spellClient } from './client';
import { Spellcheck, type Doubt } from './plugin';
import { SpellingMenu } from './SpellingMenu';

/** The office's words (from HQ, and added here) are accepted; fetched again after every sync. */
function useOfficeWords(): void {
  useEffect(() => {
    const load = () => {
      api.listOfficeWords({}).then(
        ({ words }) => spellClient.add(words),
        // Without them the dictionary and glossary still work; nothing to tell the writer.
        () => undefined,
      );
    };
    load();
    return releaseEvents.on((release) => {
      if (release === null) load();
    });
  }, []);
}

/** The spellcheck extension for the editor, and its menu (with a status line saying what was added). */
export function useSpelling(): { extension: typeof Spellcheck; menu: ReactNode } {
  useOfficeWords();
  const [open, setOpen] = useState<{ doubt: Doubt; view: EditorView } | null>(null);
  const [said, setSaid] = useState('');
  const openRef = useRef(setOpen);
  const extension = useMemo(
    () => Spellcheck.configure({ onMenu: (doubt, view) => openRef.current({ doubt, view }) }),
    [],
  );
  const close = useCallback((message?: string) => {
    setOpen(null);
    if (message) setSaid(message);
  }, []);
  const menu = (
    <>
      {open && <SpellingMenu doubt={open.doubt} view={open.view} onClose={close} />}
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </>
  );
  return { extension, menu };
}
