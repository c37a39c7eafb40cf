import type { Highlight } from '../../shared/contract';

/** Renders search highlights as <mark> elements from plain segments — never as HTML. */
export function HighlightText({ segments }: { segments: Highlight }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
