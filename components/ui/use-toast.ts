'use client';

import { useSyncExternalStore, type ReactNode } from 'react';

export type ToastTone = 'neutral' | 'success' | 'danger';

export type ToastInput = {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** A button in the toast; its `altText` says how to do the same without the toast (Radix requires it). */
  action?: { label: string; altText: string; onClick: () => void };
  /** Milliseconds before it closes by itself; 5 s by default. */
  duration?: number;
};

export type ToastItem = ToastInput & { id: number; open: boolean };

// A module-level store: `toast()` is callable from any event handler or mutation callback, not only from components.
let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emptyToasts: ToastItem[] = [];
const MAX_TOASTS = 3;

function publish(next: ToastItem[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast; returns its id for `dismissToast`. */
export function toast(input: ToastInput): number {
  const id = nextId++;
  publish([...toasts, { ...input, id, open: true }].slice(-MAX_TOASTS));
  return id;
}

const CLOSE_ANIMATION_MS = 300;

/** Closes a toast: it animates out, then leaves the list. */
export function dismissToast(id: number): void {
  publish(toasts.map((item) => (item.id === id ? { ...item, open: false } : item)));
  setTimeout(() => publish(toasts.filter((item) => item.id !== id)), CLOSE_ANIMATION_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The toasts on screen (for the Toaster), with `toast` and `dismissToast` for components that prefer a hook. */
export function useToast() {
  const items = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => emptyToasts,
  );
  return { toasts: items, toast, dismissToast };
}
