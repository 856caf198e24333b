'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Separator } from '@/components/ui/separator';
import { toast } from '@/components/ui/use-toast';
import { formatStatus } from '@/lib/format/format-status';
import { useChangeRule, useCreateRule } from '@/features/console-risk/api/change-rule';
import type { RiskRule } from '@/features/console-risk/api/get-rules';
import { formToRule, paramsToForm, ruleKinds, type RuleKind } from '@/features/console-risk/rules/rule-fields';
import { BacktestPanel } from './backtest-panel';
import { RuleParamsFields } from './rule-params-fields';

type RuleEditorDialogProps = { rule?: RiskRule; trigger: ReactNode };

/** Create a rule or edit one: name, action, parameters checked as typed, and a backtest of what is on screen. */
export function RuleEditorDialog({ rule, trigger }: RuleEditorDialogProps) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'window_amount');
  const [name, setName] = useState(rule?.name ?? '');
  const [action, setAction] = useState<'alert' | 'block'>(rule?.action ?? 'alert');
  const [values, setValues] = useState<Record<string, string>>(() => (rule ? paramsToForm(rule.kind, rule.params) : {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const change = useChangeRule();
  const create = useCreateRule();
  const reset = () => {
    setKind(rule?.kind ?? 'window_amount');
    setName(rule?.name ?? '');
    setAction(rule?.action ?? 'alert');
    setValues(rule ? paramsToForm(rule.kind, rule.params) : {});
    setErrors({});
    setFormError(null);
  };
  const proposal = () => {
    const result = formToRule(kind, values);
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.rule : null;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const definition = proposal();
    if (!definition) return;
    setFormError(null);
    try {
      if (rule) await change.mutateAsync({ ruleId: rule.id, change: 'update', body: { name, action, params: definition.params } });
      // A new rule starts disabled: backtest it, then enable it from the list.
      else await create.mutateAsync({ ...definition, name, action, enabled: false });
      toast({ title: rule ? `Rule ${name} saved` : `Rule ${name} created, disabled until you enable it`, tone: 'success' });
      setOpen(false);
    } catch (failure) {
      setFormError(failure instanceof Error ? failure.message : 'It did not save.');
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{rule ? `Edit ${rule.name}` : 'New rule'}</DialogTitle>
          <DialogDescription>
            {rule ? 'Changes apply to the next payment the engine judges.' : 'New rules start disabled; backtest before enabling.'}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label="Name" description="a-z, 0-9 and -" required error={errors.name}>
              <Input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
            </FormField>
            <FormField label="Kind" required>
              {(control) => (
                <Select
                  value={kind}
                  disabled={Boolean(rule)}
                  onValueChange={(next) => {
                    setKind(next as RuleKind);
                    setValues({});
                    setErrors({});
                  }}
                >
                  <SelectTrigger {...control}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {ruleKinds.map((option) => (
                      <SelectItem key={option} value={option}>
                        {formatStatus(option)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <FormField label="Action" required>
              {(control) => (
                <Select value={action} onValueChange={(next) => setAction(next as 'alert' | 'block')}>
                  <SelectTrigger {...control}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="alert">Alert</SelectItem>
                    <SelectItem value="block">Alert and block the merchant</SelectItem>
                  </SelectContent>
                </Select>
              )}
            </FormField>
          </div>
          <RuleParamsFields kind={kind} values={values} errors={errors} onChange={(key, value) => setValues({ ...values, [key]: value })} />
          {formError && (
            <p role="alert" className="text-sm text-destructive">
              {formError}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending || create.isPending}>
              {rule ? 'Save rule' : 'Create rule'}
            </Button>
          </DialogFooter>
        </form>
        <Separator />
        <BacktestPanel proposal={proposal} />
      </DialogContent>
    </Dialog>
  );
}
