import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionParts } from '../../src/graphql/connection.js';
import { propertiesRead, SelectedFields } from '../../src/graphql/selection.js';
import { projectionOf, INCIDENT_PROPERTIES } from '../../src/repositories/projection.js';
import { render, fragment } from '../../src/db/cypher.js';
import {
  actorPropertiesRead,
  incidentPropertiesRead,
} from '../../src/resolvers/properties-read.js';

/** What a resolver of the operation's first root field would see, as `info`. */
function selectionOf(document: string, variableValues: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const fieldNodes = (operation?.selectionSet.selections ?? []).filter(
    (s): s is FieldNode => s.kind === Kind.FIELD,
  );
  return SelectedFields.of({ fieldNodes, fragments, variableValues });
}

const incidentColumns = (document: string, variables?: Record<string, unknown>) =>
  propertiesRead(
    selectionOf(document, variables).under('edges').under('node'),
    incidentPropertiesRead,
  );

describe('a selection, as the parts of a list and the properties of its rows', () => {
  it('maps the selected fields to the properties their resolvers read, each once, sorted', () => {
    expect(
      incidentColumns(
        `{ incidents { edges { node { id key title date attackTypes __typename } } } }`,
      ),
    ).toEqual(['attackTypes', 'datePrecision', 'id', 'startDate', 'title']);
  });

  it('reads nothing beyond the key for fields resolved through a loader', () => {
    expect(
      incidentColumns(`{ incidents { edges { node { sectors { name } campaign { name } } } } }`),
    ).toEqual([]);
  });

  it("reads an impact's properties by the impact's own fields", () => {
    expect(
      incidentColumns(
        `{ incidents { edges { node { impact { recordsAffected economicValue { amount } } } } } }`,
      ),
    ).toEqual(['economicImpactAmount', 'economicImpactCurrency', 'recordsAffected']);
  });

  it('expands fragments, merges aliases and repeats, and honours @skip and @include', () => {
    const document = `query ($withDescription: Boolean!, $withoutObjective: Boolean!) {
      incidents { edges { node { ...Heading named: title ... on Incident { endDate }
        description @include(if: $withDescription) objective @skip(if: $withoutObjective) } } } }
      fragment Heading on Incident { title version }`;
    expect(incidentColumns(document, { withDescription: false, withoutObjective: true })).toEqual([
      'endDate',
      'title',
      'version',
    ]);
    expect(incidentColumns(document, { withDescription: true, withoutObjective: false })).toEqual([
      'description',
      'endDate',
      'objective',
      'title',
      'version',
    ]);
  });

  it('maps an actor list the same way', () => {
    expect(
      propertiesRead(
        selectionOf(`{ actors { edges { node { key name aliases origin { confidence } } } } }`)
          .under('edges')
          .under('node'),
        actorPropertiesRead,
      ),
    ).toEqual(['aliases', 'id', 'name']);
  });

  it('asks for the page for edges or pageInfo, for the count for totalCount', () => {
    const parts = (document: string) => connectionParts(selectionOf(document));
    expect(parts(`{ incidents { totalCount edges { cursor } } }`)).toEqual({
      rows: true,
      count: true,
    });
    expect(parts(`{ incidents { totalCount } }`)).toEqual({ rows: false, count: true });
    expect(parts(`{ incidents { pageInfo { hasNextPage } } }`)).toEqual({
      rows: true,
      count: false,
    });
    expect(parts(`{ incidents { __typename } }`)).toEqual({ rows: false, count: false });
    expect(
      parts(`{ incidents { ...Total } } fragment Total on IncidentConnection { totalCount }`),
    ).toEqual({ rows: false, count: true });
  });
});

describe("a row's projection", () => {
  it('writes the properties it is given, each once', () => {
    const { text } = render(projectionOf(fragment`i`, ['id', 'title', 'id'], INCIDENT_PROPERTIES));
    expect(text).toBe('i {.id, .title}');
  });

  it('refuses a name that is not a property of the row type', () => {
    expect(() =>
      projectionOf(fragment`i`, ['id', 'title}) DETACH DELETE i //'], INCIDENT_PROPERTIES),
    ).toThrow(/is not a property this list returns/);
  });
});
