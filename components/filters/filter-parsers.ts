import { parseAsBoolean, parseAsInteger, parseAsIsoDateTime, parseAsString } from 'nuqs';

// The URL encoding of each kind of filter, shared by the filter controls (which write it) and the pages (which read
// it with `useQueryStates({ status: choiceFilter, minAmount: amountFilter, … })` to build their query).
/** Free text, e.g. an id of any kind: `?q=wx4200…`. */
export const searchFilter = parseAsString;
/** One value of a set, e.g. a status: `?status=failed`. */
export const choiceFilter = parseAsString;
/** An amount in integer minor units (fen), entered in yuan: `?minAmount=50000`. */
export const amountFilter = parseAsInteger;
/** An instant, entered on the business clock and kept in UTC: `?since=2026-03-01T16:00:00.000Z`. */
export const instantFilter = parseAsIsoDateTime;
/** A yes-only switch, absent when off: `?flagged=true`. */
export const flagFilter = parseAsBoolean;

/** The keyset cursor of a page-by-page list; every filter change clears it, since a cursor belongs to its filter. */
export const CURSOR_PARAM = 'cursor';
export const cursorParam = parseAsString;
