import { graphql } from '../gql';
import type { SourceFieldsFragment } from '../gql/graphql';

graphql(`
  fragment SourceFields on Source {
    id
    url
    title
    publisher
    publishedAt
  }
`);

/**
 * The reports a claim or an incident rests on. They are the analyst's to follow: plain links that
 * open normally and tell the other site nothing of the explorer; the page never loads them itself.
 */
export function SourceList({ sources }: { sources: readonly SourceFieldsFragment[] }) {
  if (sources.length === 0) return <span className="muted">No source given.</span>;
  return (
    <ul className="sources">
      {sources.map((source) => (
        <li key={source.id}>
          <a href={source.url} rel="noopener noreferrer">
            {source.title ?? source.url}
          </a>
          <SourceByline source={source} />
        </li>
      ))}
    </ul>
  );
}

/** Who published it, when, and on which site: what tells two reports apart at a glance. */
function SourceByline({ source }: { source: SourceFieldsFragment }) {
  const site = URL.canParse(source.url) ? new URL(source.url).host : null;
  const parts = [source.publisher, source.publishedAt, site].filter((part) => part != null);
  if (parts.length === 0) return null;
  return <span className="muted"> — {parts.join(', ')}</span>;
}
