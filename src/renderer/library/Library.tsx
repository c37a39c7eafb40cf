import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SORTS, type Highlight } from '../../shared/contract';
import { CATEGORIES, STATUSES, type Category, type ReleaseSummary, type Status } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ExportMenu } from '../documents/ExportMenu';
import { ImportDocxButton } from '../documents/ImportDocxButton';
import { ChoiceSelect } from '../common/ChoiceSelect';
import { releaseEvents } from '../common/events';
import { shortDateTime } from '../format/dates';
import { displayZone } from '../format/zone';
import { useLanguage } from '../i18n';
import { textStats } from '../../shared/editor/text';
import { jsonEqual } from '../../shared/sync/merge';
import type { Template } from '../../shared/templates';
import { TemplatePicker } from '../templates/TemplatePicker';
import { HighlightText } from './HighlightText';
import { ReviewQueue } from './ReviewQueue';
import { TrashDialog } from './TrashDialog';

type Sort = (typeof SORTS)[number];

interface Row {
  release: ReleaseSummary;
  title: Highlight | null;
  snippet: Highlight | null;
}

interface Props {
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreate: () => void;
  /** "Dari templat": a new release from the template picked. */
  onCreateFrom?: (template: Template) => void;
  /** Reviewers and admins see the "Menunggu tinjauan" queue. */
  showQueue?: boolean;
  /** This workstation's office: releases of other offices (a reviewer's) name theirs. */
  ownOffice?: string | null;
}

const PAGE = 100;
const MAX_PAGE = 500;

export function Library({ selectedId, onSelect, onCreate, onCreateFrom, showQueue = false, ownOffice = null }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [category, setCategory] = useState<Category | ''>('');
  const [sort, setSort] = useState<Sort>('updated_desc');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  // How many rows the list shows; "load more" raises it a page at a time.
  const [shown, setShown] = useState(PAGE);
  const [loading, setLoading] = useState(true);
  const [trashOpen, setTrashOpen] = useState(false);
  const generation = useRef(0);
  // The rows as last rendered, for the save listener below (it outlives renders).
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const q = query.trim();
      if (q) {
        const found = await api.searchReleases({ query: q, limit: 100 });
        if (mine !== generation.current) return;
        // Search ranks by relevance; the filters still apply to what it found.
        const items = found.items.filter(
          (i) => (!status || i.release.status === status) && (!category || i.release.category === category),
        );
        setRows(items.map((i) => ({ release: i.release, title: i.title, snippet: i.snippet })));
        setTotal(items.length);
      } else {
        const filter: { status?: Status; category?: Category } = {};
        if (status) filter.status = status;
        if (category) filter.category = category;
        // The contract pages at most 500 per call: fetch what is shown in pages.
        const items: ReleaseSummary[] = [];
        let count = 0;
        for (let offset = 0; offset < shown; offset += MAX_PAGE) {
          const limit = Math.min(MAX_PAGE, shown - offset);
          const list = await api.listReleases({ ...filter, sort, limit, offset });
          items.push(...list.items);
          count = list.total;
          if (list.items.length < limit) break;
        }
        if (mine !== generation.current) return;
        setRows(items.map((release) => ({ release, title: null, snippet: null })));
        setTotal(count);
      }
    } catch (error) {
      if (mine === generation.current) report(errorMessage(error));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [query, status, category, sort, shown, report]);

  // Typing in the search box waits for a short pause; filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => void load(), query ? 180 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  // Saves elsewhere change titles and times: patch the row at once, refresh the order soon after.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = releaseEvents.on((release) => {
      if (release) {
        setRows((current) =>
          current.map((row) =>
            row.release.id === release.id
              ? {
                  ...row,
                  release: { ...row.release, ...withoutBody(release), wordCount: textStats(release.body).words },
                }
              : row,
          ),
        );
      }
      // A release the list does not show yet (just created) appears at once; known rows were
      // patched above, so their re-ordering can wait for a pause in typing.
      const known = release !== null && rowsRef.current.some((row) => row.release.id === release.id);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), known ? 1500 : 0);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  const searching = query.trim() !== '';
  // Stable for the memoised rows: the shell passes a new function with each of its renders.
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const select = useCallback((id: string) => onSelectRef.current(id), []);

  return (
    <aside className="library" aria-label={t('library.heading')}>
      <div className="library-head">
        <h1 className="library-title">{t('library.heading')}</h1>
        <button type="button" className="ghost" onClick={() => setTrashOpen(true)}>
          {t('library.trash')}
        </button>
        <button type="button" className="primary" onClick={onCreate}>
          {t('library.newRelease')}
        </button>
        {onCreateFrom && <TemplatePicker onPick={onCreateFrom} />}
      </div>
      <div className="library-documents">
        <ImportDocxButton onImported={onSelect} />
        <ExportMenu
          ids={() => rows.map((row) => row.release.id)}
          label={t('documents.exportList', { count: rows.length })}
        />
      </div>
      {trashOpen && <TrashDialog onClose={() => setTrashOpen(false)} onRestored={() => void load()} />}
      <div className="library-tools">
        <input
          type="search"
          className="search"
          aria-label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="filters">
          <ChoiceSelect<Status | ''>
            label={t('library.statusFilterLabel')}
            ariaLabel={t('library.statusFilter')}
            value={status}
            options={STATUSES}
            optionLabel={(s) => t(`status.${s}`)}
            anyLabel={t('library.allStatuses')}
            onChange={setStatus}
          />
          <ChoiceSelect<Category | ''>
            label={t('library.categoryFilterLabel')}
            ariaLabel={t('library.categoryFilter')}
            value={category}
            options={CATEGORIES}
            optionLabel={(c) => t(`category.${c}`)}
            anyLabel={t('library.allCategories')}
            onChange={setCategory}
          />
          <ChoiceSelect
            label={t('library.sort')}
            ariaLabel={t('library.sort')}
            value={sort}
            options={SORTS}
            optionLabel={(s) => t(`library.sorts.${s}`)}
            disabled={searching}
            onChange={setSort}
          />
        </div>
        <p className="library-count" aria-live="polite">
          {searching ? t('library.results', { count: rows.length }) : t('library.count', { count: total })}
        </p>
      </div>
      {showQueue && <ReviewQueue onSelect={onSelect} />}
      {!loading && rows.length === 0 ? (
        <p className="library-empty">{searching || status || category ? t('library.noMatches') : t('library.empty')}</p>
      ) : (
        <ul className="release-list" aria-label={t('library.listLabel')}>
          {rows.map((row) => (
            <LibraryRow
              key={row.release.id}
              row={row}
              current={row.release.id === selectedId}
              onSelect={select}
              ownOffice={ownOffice}
              language={language}
              zone={displayZone()}
            />
          ))}
        </ul>
      )}
      {!searching && rows.length < total && (
        <button type="button" className="ghost load-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('library.loadMore', { count: total - rows.length })}
        </button>
      )}
    </aside>
  );
}

interface RowProps {
  row: Row;
  current: boolean;
  onSelect: (id: string) => void;
  ownOffice: string | null;
  language: ReturnType<typeof useLanguage>;
  /** The office's zone the times are shown in: a row shows it again when it changes. */
  zone: string;
}

/**
 * One release in the list. Memoised: a save patches one row, and the other rows (each a
 * handful of translated labels) are not rendered again with every autosave.
 */
const LibraryRow = memo(LibraryRowView, sameRow);

/**
 * The list is fetched again a moment after each save, with a new object for every row: a row
 * whose release reads the same is not rendered again (highlights are new only with a search).
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.current !== b.current || a.onSelect !== b.onSelect || a.ownOffice !== b.ownOffice) return false;
  if (a.language !== b.language || a.zone !== b.zone) return false;
  if (a.row.title !== b.row.title || a.row.snippet !== b.row.snippet) return false;
  const keys = Object.keys(a.row.release) as (keyof ReleaseSummary)[];
  return (
    keys.length === Object.keys(b.row.release).length &&
    keys.every((key) => jsonEqual(a.row.release[key], b.row.release[key]))
  );
}

function LibraryRowView({ row, current, onSelect, ownOffice, language }: RowProps) {
  const { t } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className="release-item"
        aria-current={current ? 'true' : undefined}
        onClick={() => onSelect(row.release.id)}
      >
        <span className="release-item-title">
          {row.title ? <HighlightText segments={row.title} /> : row.release.title.trim() || t('library.untitled')}
        </span>
        {row.snippet && row.snippet.length > 0 && (
          <span className="release-item-snippet">
            <HighlightText segments={row.snippet} />
          </span>
        )}
        <span className="release-item-meta">
          <span className={`badge status-${row.release.status}`}>{t(`status.${row.release.status}`)}</span>
          <span className="badge category">{t(`category.${row.release.category}`)}</span>
          <SyncBadge release={row.release} />
        </span>
        <span className="release-item-time">
          {row.release.office && ownOffice && row.release.office !== ownOffice ? `${row.release.office} · ` : ''}
          {t('library.updated', { when: shortDateTime(row.release.updatedAt, language) })} ·{' '}
          {t('library.words', { count: row.release.wordCount })}
        </span>
      </button>
    </li>
  );
}

function withoutBody<T extends { body?: unknown }>(release: T): Omit<T, 'body'> {
  const { body: _body, ...rest } = release;
  return rest;
}

export function SyncBadge({ release }: { release: Pick<ReleaseSummary, 'syncState' | 'syncError'> }) {
  const { t } = useTranslation();
  const label =
    release.syncState === 'ditolak' && release.syncError
      ? t('syncState.rejectedReason', { reason: release.syncError })
      : t(`syncState.${release.syncState}`);
  return <span className={`badge sync sync-${release.syncState}`}>{label}</span>;
}
