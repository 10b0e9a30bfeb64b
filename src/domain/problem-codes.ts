/**
 * The stable `code` of every problem document the API answers with (RFC 9457): clients branch
 * on these, so a new one is added here and an old one never changes meaning. Statuses nothing
 * more specific is said about get a code from their title instead (`method-not-allowed`…).
 */
export const PROBLEM_CODES = [
  // The request itself: its HTTP, body, parameters and headers.
  'bad-request',
  'bad-url',
  'empty-body',
  'invalid-content-length',
  'malformed-json',
  'payload-too-large',
  'unsupported-media-type',
  'unsupported-language',
  'validation-failed',
  'invalid-cursor',
  'invalid-range',
  'relevance-needs-query',
  'route-not-found',
  // Who is calling.
  'authentication-required',
  'invalid-api-key',
  'malformed-api-key',
  'origin-not-allowed',
  'forbidden',
  'rate-limited',
  // Records and their versions.
  'not-found',
  'conflict',
  'precondition-failed',
  'idempotency-key-in-progress',
  'idempotency-key-reused',
  // Rules of the domain.
  'illegal-transition',
  'invalid-transition',
  'opportunity-not-editable',
  'opportunity-not-published',
  'opportunity-in-review',
  'review-required',
  'four-eyes-required',
  'incentive-not-applicable',
  'unknown-special-economic-zone',
  'zone-outside-province',
  'unknown-investor',
  'not-eligible',
  'interest-exists',
  'investor-required',
  'reason-required',
  'stage-requirements-unmet',
  'invalid-weights',
  'weights-ineffective',
  'invalid-key-binding',
  'last-admin-key',
  'delivery-pending',
  'webhook-disabled',
  'unresolvable-target',
  'disallowed-target',
  // The service's own state.
  'embed-not-built',
  'request-timeout',
  'overloaded',
  'shutting-down',
  'database-unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
