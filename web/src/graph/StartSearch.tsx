import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { QueryState, Empty } from '../components/QueryState';
import { graphql } from '../gql';

const StartSearchQuery = graphql(`
  query GraphViewStartSearch($text: String!) {
    search(text: $text, first: 8) {
      node {
        __typename
        ... on Actor {
          id
          name
        }
        ... on Incident {
          id
          title
        }
      }
    }
  }
`);

/** Finds an actor or incident by name and starts the graph from it. */
export function StartSearch({ onStart }: { onStart: (nodeId: string) => void }) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [{ data, fetching, error }] = useQuery({
    query: StartSearchQuery,
    variables: { text },
    pause: text === '',
  });
  return (
    <section className="panel graph-start" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Start from</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setText(typed.trim());
        }}
      >
        <label htmlFor={inputId}>An actor or incident</label>
        <input
          id={inputId}
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
        <button type="submit">Find</button>
      </form>
      {text !== '' && (
        <QueryState what="matches" fetching={fetching} error={error} data={data}>
          {({ search }) =>
            search.length === 0 ? (
              <Empty>Nothing matches “{text}”.</Empty>
            ) : (
              <ul>
                {search.map(({ node }) => {
                  const name = node.__typename === 'Actor' ? node.name : node.title;
                  return (
                    <li key={node.id}>
                      <button
                        type="button"
                        onClick={() => {
                          onStart(node.id);
                        }}
                      >
                        Start from {name}
                      </button>{' '}
                      <span className="muted">{node.__typename}</span>
                    </li>
                  );
                })}
              </ul>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
