'use client';

import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';

type ReasonDialogProps = {
  /** The button that opens it (rendered as the trigger; give a Button). Omit to control it with `open`. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content above the reason: what will happen, to whom. */
  children?: ReactNode;
  confirmLabel: string;
  variant?: 'default' | 'destructive';
  reasonLabel?: string;
  placeholder?: string;
  /** The API's rule (contracts' reasonSchema): at least 3 characters once trimmed, at most 500. */
  minLength?: number;
  maxLength?: number;
  /**
   * Called with the trimmed reason. The dialog stays open, busy, until the promise settles: it closes on success and
   * shows the error's message on failure, keeping what was typed.
   */
  onConfirm: (reason: string) => Promise<unknown> | unknown;
};

/** Asks for a required reason before a consequential action (block, unblock, an alert decision). */
export function ReasonDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  variant = 'default',
  reasonLabel = 'Reason',
  placeholder = 'Why? This is recorded in the audit trail.',
  minLength = 3,
  maxLength = 500,
  onConfirm,
}: ReasonDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const formId = useId();

  const setOpen = (next: boolean) => {
    if (pending) return;
    if (!next) {
      setReason('');
      setError(null);
    }
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < minLength) {
      setError(`Give a reason of at least ${minLength} characters.`);
      textarea.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onConfirm(trimmed);
      setPending(false);
      setReason('');
      setUncontrolledOpen(false);
      onOpenChange?.(false);
    } catch (failure) {
      setPending(false);
      setError(failure instanceof Error ? failure.message : 'It did not work. Try again.');
    }
  };

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      {trigger && <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>}
      <AlertDialogContent
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          textarea.current?.focus();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          {description && <AlertDialogDescription>{description}</AlertDialogDescription>}
        </AlertDialogHeader>
        {children}
        <form id={formId} onSubmit={submit} noValidate>
          <FormField label={reasonLabel} required error={error}>
            <Textarea
              ref={textarea}
              name="reason"
              value={reason}
              maxLength={maxLength}
              placeholder={placeholder}
              disabled={pending}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => {
                // Ctrl/⌘+Enter confirms from the keyboard without leaving the text.
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
              }}
            />
          </FormField>
        </form>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button type="submit" form={formId} variant={variant} loading={pending}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
