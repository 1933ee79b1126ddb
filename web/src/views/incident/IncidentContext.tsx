import { Fact, Facts } from '../../components/Facts';
import { InlineList } from '../../components/InlineList';
import { graphql } from '../../gql';
import type { IncidentContextFragment } from '../../gql/graphql';

graphql(`
  fragment IncidentContext on Incident {
    organizations {
      key
      name
    }
    campaign {
      key
      name
      description
      startDate
      endDate
    }
    datasets {
      key
      name
    }
  }
`);

type Campaign = NonNullable<IncidentContextFragment['campaign']>;

/** Who the victims were by name, the campaign it belongs to, and the imports that brought it. */
export function IncidentContext({ incident }: { incident: IncidentContextFragment }) {
  return (
    <Facts>
      <Fact term="Organisations" field="organizations">
        <InlineList>
          {incident.organizations.map((organization) => (
            <li key={organization.key}>{organization.name}</li>
          ))}
        </InlineList>
      </Fact>
      <Fact term="Campaign" field="campaign">
        {incident.campaign ? (
          <CampaignSummary campaign={incident.campaign} />
        ) : (
          <span className="muted">none</span>
        )}
      </Fact>
      <Fact term="Datasets" field="datasets">
        <InlineList>
          {incident.datasets.map((dataset) => (
            <li key={dataset.key}>{dataset.name}</li>
          ))}
        </InlineList>
      </Fact>
    </Facts>
  );
}

function CampaignSummary({ campaign }: { campaign: Campaign }) {
  const { startDate, endDate } = campaign;
  const period = startDate && (endDate ? `${startDate} – ${endDate}` : `from ${startDate}`);
  return (
    <>
      {campaign.name}
      {period && <span className="muted"> ({period})</span>}
      {campaign.description && <p className="muted">{campaign.description}</p>}
    </>
  );
}
