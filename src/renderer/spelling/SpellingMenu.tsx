import type { EditorView } from '@tiptap/pm/view';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { spellClient } from './client';
import type { Doubt } from './plugin';

interface Props {
  doubt: Doubt;
  view: EditorView;
  onClose: (message?: string) => void;
}

/**
 * The menu of a doubted word: the dictionary's suggestions, then "Tambahkan ke kamus". Opened by
 * a right click or from the keyboard (Shift+F10 / the context-menu key on the word); arrows move,
 * Enter chooses, Escape goes back to the text where the caret was.
 */
export function SpellingMenu({ doubt, view, onClose }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useEffect(() => {
    let live = true;
    void spellClient.suggest(doubt.word).then((found) => {
      if (live) setSuggestions(found);
    });
    return () => {
      live = false;
    };
  }, [doubt.word]);

  useLayoutEffect(() => {
    const at = view.coordsAtPos(doubt.from);
    setPosition({ left: at.left, top: at.bottom + 4 });
  }, [view, doubt.from]);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  // Focus is in the menu from the moment it opens ("Tambahkan ke kamus" until the worker's
  // suggestions arrive); they take it over only if the person has not moved in the menu meanwhile.
  const moved = useRef(false);
  useEffect(() => {
    items()[0]?.focus();
  }, []);
  useEffect(() => {
    if (suggestions !== null && !moved.current) items()[0]?.focus();
  }, [suggestions]);

  // A click elsewhere closes the menu, as any menu does.
  useEffect(() => {
    const outside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);

  const back = (message?: string) => {
    onClose(message);
    view.focus();
  };

  const replace = (word: string) => {
    // Only if the doubted word is still where it was (a sync or a collaborator may have moved it).
    const { doc } = view.state;
    if (doubt.to <= doc.content.size && doc.textBetween(doubt.from, doubt.to) === doubt.word) {
      view.dispatch(view.state.tr.insertText(word, doubt.from, doubt.to));
    }
    back();
  };

  const addToDictionary = async () => {
    try {
      const { words } = await api.addOfficeWord({ word: doubt.word });
      await spellClient.add(words);
      back(t('writing.spelling.added', { word: doubt.word }));
    } catch (error) {
      report(errorMessage(error));
      back();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      moved.current = true;
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      back();
    }
  };

  return (
    <div
      ref={menuRef}
      className="spelling-menu"
      role="menu"
      aria-label={t('writing.spelling.menu', { word: doubt.word })}
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {suggestions?.map((word) => (
        <button key={word} type="button" role="menuitem" tabIndex={-1} onClick={() => replace(word)}>
          {word}
        </button>
      ))}
      {suggestions?.length === 0 && (
        <p className="spelling-none" role="presentation">
          {t('writing.spelling.none')}
        </p>
      )}
      <hr role="separator" />
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => void addToDictionary()}>
        {t('writing.spelling.add')}
      </button>
    </div>
  );
}
