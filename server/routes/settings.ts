/**
 * Permission matrix: to be written with the routes (issue 4).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const settingsRoutes: FastifyPluginAsyncZod = async () => {};
