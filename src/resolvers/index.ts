import type { Resolvers } from '../__generated__/resolvers-types.js';
import { actorResolvers } from './actor.js';
import { analysisResolvers } from './analysis.js';
import { busiestResolvers } from './busiest.js';
import { catalogResolvers } from './catalog.js';
import { connectionResolvers } from './connections.js';
import { countryResolvers } from './country.js';
import { datasetResolvers } from './dataset.js';
import { healthResolvers } from './health.js';
import { incidentResolvers } from './incident.js';
import { hypothesisResolvers } from './hypothesis.js';
import { mutationResolvers } from './mutation.js';
import { nodeResolvers } from './node.js';
import { scalarResolvers } from './scalars.js';
import { searchResolvers } from './search.js';
import { sectorResolvers } from './sector.js';
import { subgraphResolvers } from './subgraph.js';
import { viewerResolvers } from './viewer.js';

/** Every type's resolvers, merged; each domain keeps its own file. */
export const resolvers: Resolvers[] = [
  scalarResolvers,
  healthResolvers,
  nodeResolvers,
  actorResolvers,
  incidentResolvers,
  sectorResolvers,
  countryResolvers,
  catalogResolvers,
  searchResolvers,
  connectionResolvers,
  analysisResolvers,
  busiestResolvers,
  mutationResolvers,
  hypothesisResolvers,
  datasetResolvers,
  subgraphResolvers,
  viewerResolvers,
];
