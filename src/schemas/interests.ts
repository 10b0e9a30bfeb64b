import { z } from 'zod';
import { MODALITIES } from '../domain/codes.ts';
import { DECLINE_REASONS, INTEREST_STAGES, LIKELIHOODS, NOTE_VISIBILITIES } from '../domain/interests.ts';
import { Contact, Cursor, Id, PageLimit, Timestamp, UsdAmount, csvList, page, text, uniqueList } from './common.ts';
import { ModalityCode } from './opportunities.ts';

export const InterestStageSchema = z.enum(INTEREST_STAGES).meta({
  id: 'InterestStage',
  description: 'BKPM pipeline stage: submitted → acknowledged → exploring (penjajakan) → negotiating (negosiasi) → committed (laku) → groundbreaking; or declined, withdrawn, expired',
});
const DeclineReason = z.enum(DECLINE_REASONS).meta({ id: 'DeclineReason' });
const CalendarDate = z.iso.date().meta({ example: '2027-06-01' });

/** What an investment agency counts; each may be set with a move or by staff at any time. */
const figures = {
  expectedInvestmentUsd: UsdAmount.meta({ description: 'Total investment the deal stands for, in US dollars' }),
  expectedForeignSharePct: z.number().min(0).max(100).meta({ description: 'Expected foreign share of the capital, percent' }),
  expectedJobs: z.number().int().min(0).max(10_000_000).meta({ description: 'Jobs the investment is expected to create' }),
  likelihood: z.enum(LIKELIHOODS),
  expectedGroundbreakingAt: CalendarDate,
  groundbreakingAt: CalendarDate.meta({ description: 'When ground was actually broken' }),
};

export const InterestCreate = z
  .object({
    opportunityId: Id,
    investorId: Id.optional().meta({ description: 'Staff: the investor filed for. Investor keys: their own profile, or left out' }),
    message: text(4000),
    modalities: uniqueList(ModalityCode, MODALITIES.length).default([]).meta({ description: 'Modalities the investor proposes' }),
    contact: Contact,
  })
  .strict()
  .meta({ id: 'InterestCreateInput' });

export const InterestTransitionInput = z
  .object({
    to: InterestStageSchema,
    note: text(4000).optional(),
    noteVisibility: z.enum(NOTE_VISIBILITIES).default('internal').meta({ description: '`shared` notes are shown to the investor; `internal` ones only to BKPM' }),
    reason: DeclineReason.optional().meta({ description: 'Required when declining' }),
    ...Object.fromEntries(Object.entries(figures).map(([name, schema]) => [name, schema.optional()])) as {
      [K in keyof typeof figures]: z.ZodOptional<(typeof figures)[K]>;
    },
  })
  .strict()
  .meta({ id: 'InterestTransitionInput' });

export const InterestUpdate = z
  .object(
    Object.fromEntries(Object.entries(figures).map(([name, schema]) => [name, schema.nullable().optional()])) as {
      [K in keyof typeof figures]: z.ZodOptional<z.ZodNullable<(typeof figures)[K]>>;
    },
  )
  .strict()
  .meta({ id: 'InterestUpdateInput', description: 'Merge: fields left out stay as they are; null clears one' });

const HistoryEntry = z
  .object({
    from: InterestStageSchema.nullable(),
    to: InterestStageSchema,
    at: Timestamp,
    by: z.string().meta({ description: 'Who moved it: `BKPM` or `investor` for investors; the key role for staff' }),
    actorKeyId: Id.nullable().optional().meta({ description: 'Staff only: the key that moved it' }),
    note: z.string().nullable(),
    noteVisibility: z.enum(NOTE_VISIBILITIES).optional().meta({ description: 'Staff only' }),
    reason: DeclineReason.nullable(),
  })
  .meta({ id: 'InterestHistoryEntry' });

export const Interest = z
  .object({
    id: Id,
    opportunityId: Id,
    investorId: Id,
    stage: InterestStageSchema,
    message: z.string(),
    modalities: z.array(ModalityCode),
    contact: Contact.nullable().meta({ description: 'Null once erased on request' }),
    contactErasedAt: Timestamp.nullable(),
    expectedInvestmentUsd: z.number().nullable(),
    expectedForeignSharePct: z.number().nullable(),
    expectedJobs: z.number().int().nullable(),
    likelihood: z.enum(LIKELIHOODS).nullable(),
    expectedGroundbreakingAt: z.string().nullable(),
    groundbreakingAt: z.string().nullable(),
    declineReason: DeclineReason.nullable(),
    respondBy: Timestamp.nullable().meta({ description: 'While submitted: when it expires unanswered' }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    history: z.array(HistoryEntry).meta({ description: 'Every move, oldest first' }),
  })
  .meta({ id: 'Interest' });
export type InterestView = z.infer<typeof Interest>;

export const InterestPage = page(Interest, 'InterestPage');

export const InterestSearch = z
  .object({
    stage: csvList(InterestStageSchema, INTEREST_STAGES.length, 'Stages').optional(),
    opportunityId: Id.optional(),
    investorId: Id.optional().meta({ description: 'Staff only; investor keys always see their own' }),
    limit: PageLimit,
    cursor: Cursor.optional(),
  })
  .strict();
