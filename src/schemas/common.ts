import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../domain/codes.ts';

/** Text without NUL characters, which PostgreSQL cannot store; trimmed, non-empty. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { message: 'must not contain NUL characters' });

export const Id = z.uuid().meta({ description: 'Resource id (UUID)', example: '0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10' });
export const IdParams = z.object({ id: Id }).strict();

export const Timestamp = z.iso.datetime({ offset: true }).meta({ example: '2026-11-25T08:30:00.000Z' });

/** Lists in requests: unique entries, bounded length. */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'must not contain duplicates' });

const USD_MAX = 1_000_000_000_000;
export const UsdAmount = z.number().int().positive().max(USD_MAX).meta({ description: 'US dollars' });
export const UsdRange = z
  .object({ min: UsdAmount, max: UsdAmount })
  .strict()
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['max'] })
  .meta({ id: 'UsdRange', description: 'Inclusive range in US dollars', example: { min: 5_000_000, max: 40_000_000 } });

/** A text in Indonesian and English (required) and Korean, Japanese, Chinese (optional). */
export const localizedText = (max: number, id: string) =>
  z
    .object({
      id: text(max),
      en: text(max),
      ko: text(max).optional(),
      ja: text(max).optional(),
      zh: text(max).optional(),
    })
    .strict()
    .meta({ id, description: `Text in Indonesian and English; Korean, Japanese and Chinese optional (≤ ${max} characters each)` });

/** The same languages in a response, where optional ones may be absent. */
export const LocalizedTextOut = z.object({
  id: z.string(),
  en: z.string(),
  ko: z.string().optional(),
  ja: z.string().optional(),
  zh: z.string().optional(),
});

export const Contact = z
  .object({
    name: text(200),
    email: z.email().max(320),
    phone: text(40).regex(/^\+?[0-9 ()\-.]{6,40}$/, 'must be a phone number such as +62 21 5550 1234').optional(),
  })
  .strict()
  .meta({ id: 'Contact', example: { name: 'Dewi Lestari', email: 'investasi@bkpm.example.id', phone: '+62 21 5550 1234' } });

/** Where the returned language texts came from, following Accept-Language. */
export const Display = z
  .object({
    language: z.enum(CONTENT_LANGUAGES),
    fallback: z.boolean().meta({ description: 'true when the title is missing in the requested language and shown in English (else Indonesian)' }),
  })
  .meta({ id: 'DisplayLanguage' });

export const PageLimit = z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Page size, 1–100' });
export const Cursor = z.string().max(512).meta({ description: 'Opaque cursor from `nextCursor` of the previous page' });

export const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page' }),
    })
    .meta({ id });

/** RFC 9457 problem details, with a stable `code` and the offending fields. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable error code' }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'querystring', 'params', 'headers']),
          field: z.string().meta({ description: 'Dotted path of the offending field, e.g. `title.en`' }),
          pointer: z.string().meta({ description: 'JSON pointer into the request part' }),
          message: z.string(),
        }),
      )
      .optional(),
    existingId: z.string().optional().meta({ description: 'For a conflict with an existing record: its id' }),
    allowed: z.array(z.string()).optional().meta({ description: 'For a move that is not allowed: the moves that are' }),
  })
  .meta({ id: 'Problem' });

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Problem])) as Record<number, typeof Problem>;

/**
 * A list in a query string: comma-separated (`?sector=a,b`) or repeated (`?sector=a&sector=b`),
 * validated item by item.
 */
export const csvList = <T extends z.ZodType>(item: T, max: number, description: string) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' || Array.isArray(value) ? [value].flat().flatMap(splitComma) : value),
      z.array(item).max(max),
    )
    .meta({ description: `${description}; comma-separated or repeated` });

const splitComma = (value: unknown) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part.length > 0) : [value];

export const NotModified = z.null().meta({ description: 'Not modified: the copy named in If-None-Match is current' });
