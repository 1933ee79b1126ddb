import { v5 as uuidv5 } from 'uuid';

/**
 * What our STIX 2.1 bundles and our STIX reader agree on: how ids are made and the extension
 * that carries the facts STIX has no property for.
 */

/** Fixed forever: every id we give a STIX object is a UUIDv5 in this namespace, so re-exports keep them. */
const NAMESPACE = 'ed4d643a-0f4d-4ee7-a47f-77c9fb737b60';

/** The STIX id of one of our things: `<type>--<UUIDv5 of type and key>`. */
export const stixId = (type: string, key: string): string =>
  `${type}--${uuidv5(`${type}:${key}`, NAMESPACE)}`;

/** The identity that produces our bundles (their `created_by_ref`). */
export const PRODUCER_ID = stixId('identity', 'cyber-incident-graph');

/** Our extension-definition: a top-level property extension, so readers that know `x_` properties keep working. */
export const EXTENSION_ID = stixId('extension-definition', 'cyber-incident-graph/1');

/**
 * The top-level properties the extension adds. `x_cig_id` is our key, so a bundle we wrote reads
 * back to the same ids; dates are kept as the partial dates (YYYY, YYYY-MM, YYYY-MM-DD) we store,
 * beside STIX's full timestamps.
 */
export const extensionProperties = {
  x_cig_id: 'our key of the object (an actor, incident, campaign, organization or sector id)',
  x_cig_type: 'actor type: STATE, STATE_SPONSORED, HACKTIVIST, CRIMINAL or UNKNOWN',
  x_cig_motivations:
    'actor motivations: ESPIONAGE, SABOTAGE, FINANCIAL, HACKTIVISM, INFLUENCE, DISRUPTION',
  x_cig_first_seen: "an actor's first sighting as a partial date",
  x_cig_last_seen: "an actor's last sighting as a partial date",
  x_cig_start: "an incident's or campaign's start as a partial date",
  x_cig_end: "an incident's or campaign's end as a partial date",
  first_seen: "an incident's first day (STIX 2.1 gives incidents no dates)",
  last_seen: "an incident's last day",
  x_cig_external_ids: "the object's ids in other catalogues (e.g. MITRE ATT&CK G0034)",
  x_cig_attack_types: "an incident's attack types (our taxonomy's ids)",
  x_cig_objective: "an incident's objective",
  x_cig_disruption_days: 'days of disruption an incident caused',
  x_cig_records_affected: 'records an incident exposed',
  x_cig_ransom_demanded_usd: 'ransom demanded, in US dollars',
  x_cig_ransom_paid_usd: 'ransom paid, in US dollars',
  x_cig_regions:
    'regions an incident affected where no country is named (UN M49 names, EU, Global)',
  x_cig_impact:
    "an incident's impact as trackers measure it: categories with descriptions, cyber_intensity, functional, intelligence, political, economic, economic_value, casualties, and the external_references they cite",
  x_cig_sector_ids:
    "an organization's sectors (our taxonomy's ids, finer than STIX industry sectors)",
  x_cig_basis: "an attribution claim's basis (GOVERNMENT, SECURITY_INDUSTRY, …)",
  x_cig_status:
    "an attribution claim's status (CLAIMED, SUSPECTED, ATTRIBUTED, DISPUTED, RETRACTED)",
  x_cig_claimed_by: 'who made an attribution claim',
  x_cig_assessed_at: 'when an attribution claim was made, as a partial date',
  x_cig_primary: "on an incident's targets-location relationship: the main victim's country",
  x_cig_kind: 'on a related-to relationship between actors: SUBGROUP, ALIAS_OF or COOPERATES',
} as const;

/** A relationship type STIX 2.1 does not define: an actor's state sponsor (intrusion-set → location). */
export const SPONSORED_BY = 'sponsored-by';
