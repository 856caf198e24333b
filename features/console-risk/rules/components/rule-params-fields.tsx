'use client';

import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { ruleFields, type RuleKind } from '@/features/console-risk/rules/rule-fields';

type RuleParamsFieldsProps = {
  kind: RuleKind;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
};

/** The parameters of one kind of rule, each with its label, hint and error. */
export function RuleParamsFields({ kind, values, errors, onChange }: RuleParamsFieldsProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {ruleFields[kind].map((field) =>
        field.type === 'choice' ? (
          <FormField key={field.key} label={field.label} error={errors[field.key]} required>
            {(control) => (
              <Select value={values[field.key] || undefined} onValueChange={(value) => onChange(field.key, value)}>
                <SelectTrigger {...control}>
                  <SelectValue placeholder="Choose" />
                </SelectTrigger>
                <SelectContent>
                  {field.options?.map((option) => (
                    <SelectItem key={option} value={option}>
                      {option}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
        ) : (
          <FormField key={field.key} label={field.label} description={field.hint} error={errors[field.key]} required>
            <Input
              inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
              value={values[field.key] ?? ''}
              onChange={(event) => onChange(field.key, event.target.value)}
            />
          </FormField>
        ),
      )}
    </div>
  );
}
