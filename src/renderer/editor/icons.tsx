/** Small line icons for the toolbar (no emoji: not every office PC has an emoji font). */
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const LinkIcon = () => (
  <svg {...base} aria-hidden="true" focusable="false">
    <path d="M6.5 9.5l3-3" />
    <path d="M7 4.5l1.2-1.2a2.8 2.8 0 014 4L11 8.5" />
    <path d="M9 11.5l-1.2 1.2a2.8 2.8 0 01-4-4L5 7.5" />
  </svg>
);

export const ImageIcon = () => (
  <svg {...base} aria-hidden="true" focusable="false">
    <rect x="1.8" y="2.8" width="12.4" height="10.4" rx="1.2" />
    <circle cx="5.5" cy="6.3" r="1.2" />
    <path d="M2.5 12l3.8-3.6 2.6 2.3 2-1.8 2.6 2.6" />
  </svg>
);

/** A numbered list drawn, not written: visible digits would have to be part of the button's name. */
export const OrderedListIcon = () => (
  <svg {...base} aria-hidden="true" focusable="false">
    <path d="M6.5 4h7.5M6.5 8h7.5M6.5 12h7.5" />
    <path d="M2.2 2.8l1-.6v3.3" strokeWidth={1.2} />
    <path d="M2 9.6c.3-.6 1.9-.7 1.9.3 0 .7-1.9 1.5-1.9 2.3h2" strokeWidth={1.2} />
  </svg>
);
