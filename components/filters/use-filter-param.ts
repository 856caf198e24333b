'use client';

import { useQueryState, type Options, type SingleParserBuilder } from 'nuqs';
import { CURSOR_PARAM, cursorParam } from '@/components/filters/filter-parsers';

/**
 * One filter's value in the URL and its setter. Setting it also drops the list's cursor (a cursor belongs to the
 * filter it was made under); nuqs writes both in one URL update. Choices add a history entry by default, so Back undoes them.
 */
export function useFilterParam<T extends NonNullable<unknown>>(
  param: string,
  parser: SingleParserBuilder<T>,
  options: Options = { history: 'push' },
) {
  const [value, setValue] = useQueryState(param, parser.withOptions(options));
  const [, setCursor] = useQueryState(CURSOR_PARAM, cursorParam.withOptions(options));
  const set = (next: T | null, callOptions?: Options) => {
    void setCursor(null);
    void setValue(next, callOptions);
  };
  return [value, set] as const;
}
