import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus trapping and Escape come from the browser. */
export function Dialog({
  title,
  closeLabel,
  onClose,
  children,
  testId,
  wide,
}: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      onClose={onClose}
      aria-label={title}
      data-testid={testId}
    >
      <header className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
