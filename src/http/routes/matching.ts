import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { encodedPage } from '../../services/page-cache.ts';
import { MATCHING_MODEL } from '../../domain/matching/model.ts';
import { profileFromText, withRecognised } from '../../services/search-text.ts';
import { ServiceError } from '../../services/errors.ts';
import { regencyPoints } from '../../services/matching.ts';
import { everyItem, EXPORT_PAGE } from '../../services/every-page.ts';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { FACTORS } from '../../domain/matching/types.ts';
import { matchHeader, matchRow } from '../../domain/spreadsheet.ts';
import { SPREADSHEET_VOCABULARIES } from '../../services/spreadsheet-vocabularies.ts';
import { ANYONE, ANY_KEY, STAFF, STAFF_AND_INVESTORS } from '../access.ts';
import { exportFormat, exportResponse, mapRows, sendRows } from '../exports.ts';
import {
  InvestorMatchPage,
  InvestorMatchQuery,
  MatchingModelSchema,
  OpportunityMatchExportQuery,
  OpportunityMatchPage,
  PreviewMatchPage,
  PreviewRequest,
  weightParamOf,
  weightsFromQuery,
} from '../../schemas/matching.ts';

/** Problems with the ranking's inputs name the query parameter the caller actually sent. */
async function fromQuery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError && error.field) {
      throw new ServiceError(error.status, error.code, error.message, weightParamOf(error.field), 'querystring', { fields: (error.more.fields ?? []).map(weightParamOf) });
    }
    throw error;
  }
}

/**
 * Match pages are large (20 explained results) and built by the service in exactly the schema's
 * shape, which the type provider checks at compile time; plain JSON.stringify serialises them
 * several times faster than re-validating every field per response. The service hands out the
 * same page object for a repeated request until the index changes, and its JSON is encoded
 * once: a repeated page is written to the socket as it is, neither serialised nor re-encoded.
 */
// Fastify writes a Buffer as it is; the serializer type only names strings.
const serializeMatchPage = () => (page: unknown) => encodedPage(page as object) as unknown as string;

/**
 * Whose share of the page cache a request uses: its key, and for a publishable embed key (used
 * by every visitor of a partner's site) also the visitor's address; anonymous callers by address.
 */
function cacheOwner(request: FastifyRequest): string {
  const principal = request.principal;
  if (!principal) return `ip ${request.ip}`;
  return principal.role === 'embed' ? `key ${principal.keyId} ${request.ip}` : `key ${principal.keyId}`;
}

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const matching = app.services.matching;

  app.get(
    '/v1/matching/model',
    {
      config: { access: ANYONE },
      schema: {
        tags: ['matching'],
        operationId: 'getMatchingModel',
        summary: 'The scoring model: factors, formulas, default weights and bounds',
        response: { 200: MatchingModelSchema },
      },
    },
    async () => MATCHING_MODEL,
  );

  app.get(
    '/v1/investors/:id/matches',
    {
      config: { access: STAFF_AND_INVESTORS },
      schema: {
        tags: ['matching'],
        operationId: 'matchOpportunitiesForInvestor',
        summary: 'Published opportunities ranked for an investor, each with its explanation',
        description:
          'Ordered by score (highest first), ties by opportunity id. Filters narrow the candidates and never change a score. An investor key gets its own matches only; any other investor id is 404.',
        params: IdParams,
        querystring: OpportunityMatchExportQuery,
        response: { 200: exportResponse(OpportunityMatchPage), ...problemResponses(400, 404) },
      },
      serializerCompiler: serializeMatchPage,
    },
    async (request, reply) => {
      const { sector, province, islandGroup, format, ...rest } = request.query;
      const as = exportFormat(request, format, reply);
      const pageAt = (cursor: string | undefined, limit: number) =>
        fromQuery(() =>
          matching.matchesForInvestor(
            request.params.id,
            { ...rest, ...(cursor !== undefined && { cursor }), limit, weights: weightsFromQuery(rest), ...(sector && { sectors: sector }), ...(province && { provinces: province }), ...(islandGroup && { islandGroups: islandGroup }) },
            request.language,
            cacheOwner(request),
            request.actor,
          ),
        );
      if (as === 'json') return pageAt(rest.cursor, rest.limit);
      // Every page from the one asked for; the first is ranked before anything is sent, so a bad query is still a problem.
      const matches = await everyItem(
        (cursor) => pageAt(cursor ?? rest.cursor, EXPORT_PAGE),
        (page) => page.data,
      );
      const header = matchHeader(FACTORS);
      return sendRows(reply, as, 'matches', header, mapRows(matches, (match, index) => matchRow(match, index + 1, FACTORS, SPREADSHEET_VOCABULARIES, request.language)));
    },
  );

  app.get(
    '/v1/opportunities/:id/matches',
    {
      config: { access: STAFF },
      schema: {
        tags: ['matching'],
        operationId: 'matchInvestorsForOpportunity',
        summary: 'Investors ranked for a published opportunity, each with its explanation',
        params: IdParams,
        querystring: InvestorMatchQuery,
        response: { 200: InvestorMatchPage, ...problemResponses(400, 404, 409) },
      },
      serializerCompiler: serializeMatchPage,
    },
    async (request) => {
      const { country, ...rest } = request.query;
      return fromQuery(() =>
        matching.matchesForOpportunity(request.params.id, { ...rest, weights: weightsFromQuery(rest), ...(country && { countries: country }) }, request.language, cacheOwner(request)),
      );
    },
  );

  app.post(
    '/v1/matches/preview',
    {
      config: { access: ANY_KEY },
      schema: {
        tags: ['matching'],
        operationId: 'previewMatches',
        summary: 'Opportunities ranked for a profile sent inline; nothing is stored',
        body: PreviewRequest,
        response: { 200: PreviewMatchPage, ...problemResponses(400, 413, 415) },
      },
      serializerCompiler: serializeMatchPage,
    },
    async (request) => {
      const { profile, text, sector, province, islandGroup, ...rest } = request.body;
      const recognised = text === undefined ? undefined : profileFromText(text);
      const stated = recognised ? withRecognised(profile, recognised) : profile;
      const page = await matching.preview(
        { ...stated, country: stated.country ?? '', preferredRegencies: regencyPoints(stated.preferredRegencies) },
        { ...rest, ...(sector && { sectors: sector }), ...(province && { provinces: province }), ...(islandGroup && { islandGroups: islandGroup }) },
        request.language,
        cacheOwner(request),
      );
      return recognised ? { ...page, recognised } : page;
    },
  );
};

