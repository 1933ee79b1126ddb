import type { ProfileRow } from '../../src/repositories/target-profile-rows.js';

/** A target profile's row for one incident: a claim of confidence 50, no end, no features. */
export const profileRow = (incidentId: string, over: Partial<ProfileRow> = {}): ProfileRow => ({
  incidentId,
  confidence: 50,
  start: '2022-02-24',
  end: null,
  sectorIds: [],
  countryCodes: [],
  attackTypes: [],
  campaignIds: [],
  ...over,
});
