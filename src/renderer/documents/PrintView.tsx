import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Release } from '../../shared/domain';
import { dateline } from '../../shared/text/dateline';
import { contactLine, numberLine } from '../../shared/text/release-lines';
import type { Letterhead } from './letterhead';
import { renderBody } from './print-body';
import './print.css';

function Body({ release }: { release: Release }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(renderBody(release.body));
  }, [release.body]);
  return <div ref={ref} className="print-body" />;
}

function LetterheadBlock({ letterhead }: { letterhead: Letterhead }) {
  const lines = [letterhead.address, letterhead.contact].filter((l): l is string => Boolean(l));
  return (
    <header className="letterhead">
      {letterhead.logo && <img className="letterhead-logo" src={letterhead.logo} alt="" />}
      <div className="letterhead-text">
        <p className="letterhead-office">{letterhead.officeName}</p>
        {lines.map((line) => (
          <p key={line} className="letterhead-line">
            {line}
          </p>
        ))}
      </div>
    </header>
  );
}

/**
 * Releases laid out for paper: each on its own pages, the office letterhead repeated at the
 * top of every page (a table header, which Chromium repeats on each printed page), then the
 * headline, dateline, lead image, body, and the lines that close a release (office, number,
 * contact person).
 */
export function PrintView({ releases, letterhead }: { releases: Release[]; letterhead: Letterhead }) {
  const { t } = useTranslation();
  return (
    <div className="print-view">
      {releases.map((release) => (
        <table key={release.id} className="print-sheet" role="presentation">
          <thead>
            <tr>
              <td>
                <LetterheadBlock letterhead={letterhead} />
              </td>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <article className="print-release" lang="id">
                  <h1 className="print-title">{release.title || t('library.untitled')}</h1>
                  <p className="print-dateline">{dateline(release.dateline, release.date)}</p>
                  {release.leadImage && (
                    <figure className="print-lead">
                      <img src={`/media/${release.leadImage.attachment}`} alt={release.leadImage.alt} />
                      {(release.leadImage.caption || release.leadImage.credit) && (
                        <figcaption>
                          {release.leadImage.caption} {release.leadImage.credit}
                        </figcaption>
                      )}
                    </figure>
                  )}
                  <Body release={release} />
                  {release.byline && <p className="print-byline">{release.byline}</p>}
                  {[numberLine(release.number), contactLine(release.contact)].filter(Boolean).map((line) => (
                    <p key={line} className="print-release-field">
                      {line}
                    </p>
                  ))}
                </article>
              </td>
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** Resolves once every image in `root` has loaded (or failed): the PDF must not catch them half drawn. */
// `deps` decide when the images are looked for again (the releases shown), not the callback.
export function useImagesReady(root: React.RefObject<HTMLElement | null>, onReady: () => void, deps: unknown[]) {
  useEffect(() => {
    const images = Array.from(root.current?.querySelectorAll('img') ?? []);
    let live = true;
    void Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() => {
      if (live) onReady();
    });
    return () => {
      live = false;
    };
  }, deps);
}
