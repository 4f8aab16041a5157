/** One undoable user action: the transaction to undo and what to call it in the UI. */
export interface UndoEntry {
  txId: string;
  label: string;
}

/**
 * Undo and redo stacks of transaction ids. Pure so it can be tested without a database: the
 * caller performs the undo/redo write and reports the transaction it produced.
 */
export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  constructor(private readonly limit = 200) {}

  /** A new user action: redo history is gone, as in every editor. */
  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  peekUndo(): UndoEntry | undefined {
    return this.done.at(-1);
  }

  peekRedo(): UndoEntry | undefined {
    return this.undone.at(-1);
  }

  /** After undoing `peekUndo()`; `undoTx` is the transaction the undo wrote (redo undoes it). */
  didUndo(undoTx: string): void {
    const entry = this.done.pop();
    if (entry) this.undone.push({ txId: undoTx, label: entry.label });
  }

  /** After redoing `peekRedo()`; `redoTx` is the transaction the redo wrote. */
  didRedo(redoTx: string): void {
    const entry = this.undone.pop();
    if (entry) this.done.push({ txId: redoTx, label: entry.label });
  }
}
