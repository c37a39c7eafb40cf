import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Release } from '../../shared/domain';
import { slugify } from '../../shared/text/slugify';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { loadLetterhead, type Letterhead } from './letterhead';
import { ProgressDialog, useProgress } from './progress';
import { PrintRoot } from './PrintRoot';
import './documents.css';
import { exportWord } from './word';

interface Props {
  /** The releases to export, read when a menu item is chosen. */
  ids: () => string[];
  /** Runs first (the editor stores what is typed, so the export has the latest words). */
  beforeExport?: () => Promise<unknown>;
  className?: string;
  /** The button's name: "Ekspor" in the editor; the library names its own for the list. */
  label?: string;
}

interface Printing {
  releases: Release[];
  letterhead: Letterhead;
}

/**
 * "Ekspor" with menuitems "PDF" and "Word (.docx)". PDF: the print view with the office
 * letterhead — on the desktop saved by Electron's printToPDF, in the browser printed by the
 * browser (its print dialog saves it as PDF). Word: a .docx, or a .zip of them for several.
 */
export function ExportMenu({ ids, beforeExport, className = 'ghost', label }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState<Printing | null>(null);
  const { progress, run, cancel } = useProgress();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const chosen = async (kind: 'pdf' | 'docx') => {
    close();
    const list = ids();
    if (list.length === 0) {
      report(t('documents.nothing'));
      return;
    }
    try {
      await beforeExport?.();
      if (kind === 'docx') {
        await exportWord(list, run);
        return;
      }
      const releases: Release[] = [];
      const result = await run('documents.preparing', list, async (id) => {
        releases.push(await api.getRelease({ id }));
      });
      if (result.cancelled || releases.length === 0) return;
      setPrinting({ releases, letterhead: await loadLetterhead(releases[0]!.office) });
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const print = async (job: Printing) => {
    if (window.warta) {
      // Desktop: the shell prints this page (only the print view shows on paper) to a PDF file.
      const first = job.releases[0]!;
      const name = job.releases.length === 1 ? slugify(first.title) || 'rilis' : `rilis-${job.releases.length}`;
      try {
        await api.printPdf({ fileName: `${name}.pdf` });
      } catch (error) {
        report(t('documents.printFailed', { message: errorMessage(error) }));
      } finally {
        setPrinting(null);
      }
      return;
    }
    // Browser: its print dialog ("Simpan sebagai PDF"); the view goes once printing is over.
    window.addEventListener('afterprint', () => setPrinting(null), { once: true });
    window.print();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <div
      className="menu-anchor"
      onBlur={(e) => {
        // Focus (or a click) elsewhere closes the menu.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label ?? t('documents.export')}
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label={t('documents.exportMenu')} className="menu" onKeyDown={onKeyDown}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => void chosen('pdf')}>
            {t('documents.pdf')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => void chosen('docx')}>
            {t('documents.docx')}
          </button>
        </div>
      )}
      {progress && <ProgressDialog progress={progress} onCancel={cancel} />}
      {printing && (
        <PrintRoot releases={printing.releases} letterhead={printing.letterhead} onReady={() => void print(printing)} />
      )}
    </div>
  );
}
