import { z } from 'zod';

/**
 * Request headers the API reads. Header objects stay loose: a schema validates the headers
 * it names and must not strip the others (Authorization, Accept-Language …).
 */

const ENTITY_TAGS = /^\s*(\*|(W\/)?"[\x21\x23-\x7E]*"(\s*,\s*(W\/)?"[\x21\x23-\x7E]*")*)\s*$/;

export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]+$/, 'must be 1–255 printable ASCII characters, e.g. a UUID')
  .meta({
    description:
      'Makes a create safe to retry: a repeat with the same key and body returns the first response (with `Idempotent-Replayed: true`) instead of creating again. Keys are remembered for 24 hours per API key.',
    example: '5b0e6f9e-8a52-4a43-9d3f-2f1c0a7e4b11',
  });

const IfMatch = z
  .string()
  .max(1000)
  .regex(ENTITY_TAGS, 'must be * or a list of entity tags such as "v3"')
  .meta({ description: 'Apply the change only if the resource still has this ETag (from a previous read); otherwise 412. Optional.', example: '"v3"' });

const IfNoneMatch = z
  .string()
  .max(1000)
  .regex(ENTITY_TAGS, 'must be * or a list of entity tags such as "v3"')
  .meta({ description: 'Answer 304 Not Modified, without a body, when the resource still has this ETag.', example: '"v3"' });

export const CreateHeaders = z.looseObject({ 'idempotency-key': IdempotencyKey.optional() });
export const ConditionalWriteHeaders = z.looseObject({ 'if-match': IfMatch.optional() });
export const ConditionalReadHeaders = z.looseObject({ 'if-none-match': IfNoneMatch.optional() });
