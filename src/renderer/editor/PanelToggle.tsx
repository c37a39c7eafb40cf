/** A release-bar button that opens its side panel, or closes it when it is the one open. */
export function PanelToggle<P extends string>({
  name,
  label,
  open,
  setOpen,
}: {
  name: P;
  label: string;
  open: P | null;
  setOpen: (update: (current: P | null) => P | null) => void;
}) {
  return (
    <button
      type="button"
      className="ghost"
      aria-expanded={open === name}
      onClick={() => setOpen((current) => (current === name ? null : name))}
    >
      {label}
    </button>
  );
}
