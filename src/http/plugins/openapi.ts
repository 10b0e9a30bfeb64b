import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const API_VERSION = '1.0.0';

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, at /openapi.json and /docs. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Peluang API',
          version: API_VERSION,
          description:
            'Indonesian health-industry investment opportunities (pharmaceuticals, active pharmaceutical ingredients, medical devices), foreign investor profiles, and explained matches between them. Errors are RFC 9457 problem details (`application/problem+json`).',
        },
        tags: [
          { name: 'reference', description: 'Controlled vocabularies and reference data' },
          { name: 'opportunities', description: 'Investment opportunities published by BKPM staff' },
          { name: 'investors', description: 'Foreign investor profiles' },
          { name: 'matching', description: 'Explained matches between investors and opportunities' },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
