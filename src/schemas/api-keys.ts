import { z } from 'zod';
import { ROLES } from '../domain/access.ts';
import { MAX_ALLOWED_ORIGINS, isWebOrigin, keyBindingProblems } from '../domain/api-keys.ts';
import { Cursor, Id, PageLimit, Timestamp, page, text, uniqueList } from './common.ts';

export const RoleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description:
    '`admin`: everything, manages keys · `staff`: opportunities, all investors and matches · `investor`: one investor profile and its matches · `embed`: publishable, read-only, for listed web origins',
});

export const WebOrigin = z
  .string()
  .max(200)
  .refine(isWebOrigin, { message: 'must be a web origin such as https://www.kotra.example (scheme, host, optional port; lower case, no path)' })
  .meta({ description: 'A web origin exactly as browsers send it in `Origin`', example: 'https://www.kotra.example' });

export const ApiKeyCreate = z
  .object({
    role: RoleSchema,
    label: text(200).meta({ description: 'Who or what the key is for', example: 'KOTRA Jakarta website' }),
    investorId: Id.optional().meta({ description: 'Investor keys only: the profile the key acts for' }),
    allowedOrigins: uniqueList(WebOrigin, MAX_ALLOWED_ORIGINS)
      .optional()
      .meta({ description: `Embed keys only: 1–${MAX_ALLOWED_ORIGINS} web origins the key may be used from` }),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const problem of keyBindingProblems(body)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  })
  .meta({ id: 'ApiKeyCreate' });

export const ApiKey = z
  .object({
    id: Id,
    prefix: z.string().meta({ description: 'The start of the key, to tell keys apart; the rest is never shown again', example: 'pk_embed_x7Qm2a' }),
    role: RoleSchema,
    label: z.string(),
    investorId: Id.nullable(),
    allowedOrigins: z.array(z.string()),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable().meta({ description: 'Updated at most once a minute' }),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const ApiKeyCreated = ApiKey.extend({
  key: z
    .string()
    .nullable()
    .meta({ description: 'The key itself. It is shown only in this response: store it now. Null in a replay (`Idempotent-Replayed: true`), since the key is never stored.' }),
}).meta({ id: 'ApiKeyCreated' });

export const ApiKeyPage = page(ApiKey, 'ApiKeyPage');

export const ApiKeySearch = z
  .object({ role: RoleSchema.optional(), investorId: Id.optional(), limit: PageLimit, cursor: Cursor.optional() })
  .strict();

export type ApiKeyView = z.infer<typeof ApiKey>;
