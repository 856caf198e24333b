import { choiceFilter, instantFilter, searchFilter } from '@/components/filters/filter-parsers';

// The Audit page's filters in the URL, named as GET /api/audit names them.
export const auditFilterParsers = {
  actor: searchFilter,
  action: choiceFilter,
  merchantId: choiceFilter,
  subjectType: choiceFilter,
  subjectId: choiceFilter,
  since: instantFilter,
  until: instantFilter,
};

export const auditFilterParams = Object.keys(auditFilterParsers);

export type AuditFilterValues = {
  actor: string | null;
  action: string | null;
  merchantId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  since: Date | null;
  until: Date | null;
};

export type AuditListQuery = Partial<Record<'actor' | 'action' | 'merchantId' | 'subjectType' | 'subjectId' | 'since' | 'until', string>>;

/**
 * The query of GET /api/audit for what the URL says. Actors are recorded lower-case (`user:<email>`), so what is
 * typed is matched lower-case; a subject id counts only with its type, as the API requires.
 */
export function toAuditListQuery(values: AuditFilterValues): AuditListQuery {
  const query: AuditListQuery = {};
  const actor = values.actor?.trim().toLowerCase();
  if (actor) query.actor = actor;
  if (values.action) query.action = values.action;
  if (values.merchantId) query.merchantId = values.merchantId;
  if (values.subjectType) {
    query.subjectType = values.subjectType;
    if (values.subjectId) query.subjectId = values.subjectId;
  }
  if (values.since) query.since = values.since.toISOString();
  if (values.until) query.until = values.until.toISOString();
  return query;
}
