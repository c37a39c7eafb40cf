import type { ReactNode } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
/** The modifier key as the writer's keyboard labels it, for shortcut tooltips. */
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Keeps the editor's selection: a mouse click on the toolbar must not blur it first. */
export const keepSelection = (e: { preventDefault(): void }): void => e.preventDefault();

interface ButtonProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A toolbar button: named for screen readers, pressed state for toggles, shortcut in the tooltip. */
export function ToolButton({ label, shortcut, active, disabled, onClick, children }: ButtonProps) {
  return (
    <button
      type="button"
      className={`tool${active ? ' is-active' : ''}`}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
