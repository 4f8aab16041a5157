import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

describe('UndoStack', () => {
  it('undo moves an action to redo with the transaction the undo wrote; redo moves it back', () => {
    const stack = new UndoStack();
    stack.push({ txId: 't1', label: 'add' });
    stack.push({ txId: 't2', label: 'move' });
    expect(stack.peekUndo()).toEqual({ txId: 't2', label: 'move' });
    stack.didUndo('u2');
    expect(stack.peekUndo()?.txId).toBe('t1');
    expect(stack.peekRedo()).toEqual({ txId: 'u2', label: 'move' });
    stack.didRedo('r2');
    expect(stack.peekUndo()).toEqual({ txId: 'r2', label: 'move' });
    expect(stack.peekRedo()).toBeUndefined();
  });

  it('a new action clears redo, and the stack is bounded', () => {
    const stack = new UndoStack(2);
    stack.push({ txId: 't1', label: 'a' });
    stack.didUndo('u1');
    stack.push({ txId: 't2', label: 'b' });
    expect(stack.peekRedo()).toBeUndefined();
    stack.push({ txId: 't3', label: 'c' });
    stack.push({ txId: 't4', label: 'd' });
    stack.didUndo('x');
    stack.didUndo('y');
    stack.didUndo('z');
    expect(stack.peekUndo()).toBeUndefined();
    expect(stack.peekRedo()?.label).toBe('c');
  });
});
