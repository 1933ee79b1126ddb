/**
 * The peer's schema: our graph model (see docs/architecture.md) as @neo4j/graphql 7 type
 * definitions, mapped onto the labels, relationship types and properties `cig import` writes, so
 * that it reads the very database our API reads. Read-only like the queries we compare (`@mutation(operations: [])`).
 * Relationships to one node (an incident's campaign, a sector's parent) are lists: @neo4j/graphql
 * 7 has no to-one relationship fields. The full-text queries use our own indexes by name.
 */
export const peerTypeDefs = /* GraphQL */ `
  type Actor
    @node(labels: ["Actor"])
    @mutation(operations: [])
    @fulltext(
      indexes: [{ indexName: "actor_search", queryName: "searchActors", fields: ["name"] }]
    ) {
    id: ID!
    name: String!
    aliases: [String!]
    type: String!
    motivations: [String!]
    description: String
    firstSeen: String
    lastSeen: String
    externalIds: [String!]
    incidents: [Incident!]!
      @relationship(type: "ATTRIBUTED_TO", direction: IN, properties: "Attribution")
    origin: [Country!]!
      @relationship(type: "ORIGINATES_FROM", direction: OUT, properties: "StateClaim")
    sponsors: [Country!]!
      @relationship(type: "SPONSORED_BY", direction: OUT, properties: "StateClaim")
    reportedSectors: [Sector!]!
      @relationship(type: "TARGETS", direction: OUT, properties: "ReportedTarget")
    reportedCountries: [Country!]!
      @relationship(type: "TARGETS", direction: OUT, properties: "ReportedTarget")
    affiliations: [Actor!]!
      @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Affiliation")
  }

  type Attribution @relationshipProperties {
    id: ID!
    confidence: Float!
    basis: String!
    status: String!
    claimedBy: String
    assessedAt: String
    sourceIds: [String!]
  }

  type StateClaim @relationshipProperties {
    confidence: Float
    sourceIds: [String!]
  }

  type ReportedTarget @relationshipProperties {
    confidence: Float
    sourceIds: [String!]
  }

  type Affiliation @relationshipProperties {
    kind: String!
  }

  type Incident
    @node(labels: ["Incident"])
    @mutation(operations: [])
    @fulltext(
      indexes: [
        {
          indexName: "incident_search"
          queryName: "searchIncidents"
          fields: ["title", "description"]
        }
      ]
    ) {
    id: ID!
    title: String!
    description: String
    startDate: Date!
    endDate: Date!
    datePrecision: String!
    attackTypes: [String!]
    objective: String
    disruptionDays: Float
    recordsAffected: Float
    ransomDemandedUsd: Float
    ransomPaidUsd: Float
    externalIds: [String!]
    attributions: [Actor!]!
      @relationship(type: "ATTRIBUTED_TO", direction: OUT, properties: "Attribution")
    sectors: [Sector!]! @relationship(type: "TARGETED", direction: OUT)
    countries: [Country!]! @relationship(type: "AFFECTED", direction: OUT, properties: "Affected")
    organizations: [Organization!]! @relationship(type: "HIT", direction: OUT)
    sources: [Source!]! @relationship(type: "REPORTED_BY", direction: OUT)
    campaign: [Campaign!]! @relationship(type: "PART_OF", direction: OUT)
  }

  type Affected @relationshipProperties {
    primary: Boolean
  }

  type Sector @node(labels: ["Sector"]) @mutation(operations: []) {
    id: ID!
    name: String!
    description: String
    stixIndustry: String!
    nis2Sector: String
    nis2Annex: String
    parent: [Sector!]! @relationship(type: "SUBSECTOR_OF", direction: OUT)
    subsectors: [Sector!]! @relationship(type: "SUBSECTOR_OF", direction: IN)
    incidents: [Incident!]! @relationship(type: "TARGETED", direction: IN)
  }

  type Country @node(labels: ["Country"]) @mutation(operations: []) {
    iso2: ID!
    iso3: String!
    name: String!
    region: String
    subregion: String
    incidents: [Incident!]! @relationship(type: "AFFECTED", direction: IN, properties: "Affected")
    originatingActors: [Actor!]!
      @relationship(type: "ORIGINATES_FROM", direction: IN, properties: "StateClaim")
  }

  type Organization @node(labels: ["Organization"]) @mutation(operations: []) {
    id: ID!
    name: String!
    sectors: [Sector!]! @relationship(type: "IN_SECTOR", direction: OUT)
    country: [Country!]! @relationship(type: "LOCATED_IN", direction: OUT)
    incidents: [Incident!]! @relationship(type: "HIT", direction: IN)
  }

  type Campaign @node(labels: ["Campaign"]) @mutation(operations: []) {
    id: ID!
    name: String!
    startDate: Date
    endDate: Date
    incidents: [Incident!]! @relationship(type: "PART_OF", direction: IN)
  }

  type Source @node(labels: ["Source"]) @mutation(operations: []) {
    id: ID!
    url: String!
    title: String
    publisher: String
    publishedAt: String
  }
`;
