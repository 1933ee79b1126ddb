import { CountryLink, IncidentLink, SectorLink } from '../../components/EntityLinks';
import type { EvidenceLink, EvidenceValue } from './evidence-items';

function EvidenceLinkView({ link }: { link: EvidenceLink }) {
  switch (link.kind) {
    case 'sector':
      return <SectorLink sector={{ key: link.key, name: link.label }} />;
    case 'country':
      return <CountryLink country={{ code: link.key, name: link.label }} />;
    case 'incident':
      return <IncidentLink incident={{ key: link.key, title: link.label }} />;
  }
}

/** One evidence item's value: its text, or the sectors, countries or incidents it names, linked. */
export function EvidenceValueView({ value }: { value: EvidenceValue }) {
  if (value.kind === 'text') return <>{value.text}</>;
  if (value.links.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="evidence-links">
      {value.links.map((link) => (
        <li key={`${link.kind}:${link.key}`}>
          <EvidenceLinkView link={link} />
        </li>
      ))}
    </ul>
  );
}
