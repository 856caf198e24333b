// The form of a rule's parameters, per kind: what each field is called, how it is typed, and how the text a person
// typed becomes the API's parameters (money in yuan → integer fen, exactly). The contracts' schema has the last word.
import type { z } from 'zod';
import { ruleDefinitionSchema, type RuleDefinition } from '@/contracts/risk-rules';
import { formatMoney } from '@/lib/format/format-money';
import { minorUnitsToDecimal } from '@/lib/format/minor-units-to-decimal';
import { parseMoneyInput } from '@/lib/format/parse-money-input';

export type RuleKind = RuleDefinition['kind'];
export type FieldType = 'money' | 'integer' | 'multiplier' | 'choice';
export type RuleField = { key: string; label: string; type: FieldType; hint?: string; options?: readonly string[] };

export const ruleKinds: readonly RuleKind[] = ['window_amount', 'velocity', 'single_outsized', 'repeated_payer'];

export const ruleFields: Record<RuleKind, readonly RuleField[]> = {
  window_amount: [
    { key: 'windowMinutes', label: 'Window (minutes)', type: 'integer', hint: '1–240' },
    { key: 'floor', label: 'Floor (yuan)', type: 'money', hint: 'The window sum must exceed this' },
    { key: 'multiplier', label: 'Multiplier k', type: 'multiplier', hint: '…and k × the merchant’s own baseline' },
    { key: 'defaultBaseline', label: 'Default baseline (yuan per window)', type: 'money', hint: 'For merchants with little history' },
    { key: 'minHistoryMinutes', label: 'History needed (minutes)', type: 'integer', hint: 'Before the own baseline is used' },
  ],
  velocity: [
    { key: 'windowMinutes', label: 'Window (minutes)', type: 'integer', hint: '1–240' },
    { key: 'maxCount', label: 'Most payments allowed', type: 'integer' },
  ],
  single_outsized: [
    { key: 'multiplier', label: 'Multiplier k', type: 'multiplier', hint: 'Above k × the merchant’s average payment' },
    { key: 'floor', label: 'Floor (yuan)', type: 'money', hint: '…and above this amount' },
    { key: 'minHistoryPayments', label: 'Payments of history needed', type: 'integer' },
  ],
  repeated_payer: [
    { key: 'field', label: 'Counted by', type: 'choice', options: ['payer', 'device'] },
    { key: 'windowMinutes', label: 'Window (minutes)', type: 'integer', hint: '1–240' },
    { key: 'maxCount', label: 'Most payments allowed per payer or device', type: 'integer' },
  ],
};

/** A stored rule's parameters as the text the form shows (money in yuan). */
export function paramsToForm(kind: RuleKind, params: Record<string, unknown>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const field of ruleFields[kind]) {
    const value = params[field.key];
    if (value === undefined || value === null) form[field.key] = '';
    else if (field.type === 'money' && typeof value === 'number') form[field.key] = minorUnitsToDecimal(value, 2);
    else form[field.key] = String(value);
  }
  return form;
}

export type FormResult = { ok: true; rule: RuleDefinition } | { ok: false; errors: Record<string, string> };

/** What the form says as a rule definition, or a message per field that is not right. */
export function formToRule(kind: RuleKind, form: Record<string, string>): FormResult {
  const errors: Record<string, string> = {};
  const params: Record<string, unknown> = {};
  for (const field of ruleFields[kind]) {
    const text = (form[field.key] ?? '').trim();
    if (text === '') {
      errors[field.key] = 'Required';
      continue;
    }
    if (field.type === 'money') {
      const fen = parseMoneyInput(text);
      if (fen === null) errors[field.key] = 'An amount in yuan, at most two decimals';
      else params[field.key] = fen;
    } else if (field.type === 'integer') {
      if (!/^\d+$/.test(text)) errors[field.key] = 'A whole number';
      else params[field.key] = Number(text);
    } else if (field.type === 'multiplier') {
      if (!/^\d+(\.\d{1,3})?$/.test(text)) errors[field.key] = 'A number with at most three decimals';
      else params[field.key] = Number(text);
    } else {
      params[field.key] = text;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = ruleDefinitionSchema.safeParse({ kind, params });
  if (!parsed.success) return { ok: false, errors: issuesByField(parsed.error) };
  return { ok: true, rule: parsed.data };
}

function issuesByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path.at(-1) ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A rule's parameters in one line: "Window 15 min · floor ¥3,000.00 · k × 5". */
export function describeParams(kind: string, params: Record<string, unknown>): string {
  const fields = ruleFields[kind as RuleKind];
  if (!fields) return JSON.stringify(params);
  return fields
    .filter((field) => params[field.key] !== undefined)
    .map((field) => {
      const value = params[field.key];
      const shown = field.type === 'money' && typeof value === 'number' ? formatMoney(value) : String(value);
      return `${field.label.replace(/ \(yuan.*\)$/, '')}: ${shown}`;
    })
    .join(' · ');
}
