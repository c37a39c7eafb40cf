import { useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Release } from '../../shared/domain';
import type { Letterhead } from './letterhead';
import { PrintView, useImagesReady } from './PrintView';

/** The print view, mounted beside the app (hidden on screen), calling `onReady` once its images are in. */
export function PrintRoot(props: { releases: Release[]; letterhead: Letterhead; onReady: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useImagesReady(ref, props.onReady, [props.releases, props.letterhead]);
  return createPortal(
    <div ref={ref} className="print-root" data-testid="print-root">
      <PrintView releases={props.releases} letterhead={props.letterhead} />
    </div>,
    document.body,
  );
}
