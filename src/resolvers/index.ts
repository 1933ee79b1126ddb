import type { Resolvers } from '../__generated__/resolvers-types.js';
import { healthResolvers } from './health.js';

/** Every type's resolvers, merged; each domain keeps its own file. */
export const resolvers: Resolvers[] = [healthResolvers];
