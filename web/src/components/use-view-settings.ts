import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A view's settings read from the address, and a sentence for each parameter it could not use. */
export type SettingsOf<S> = (params: URLSearchParams) => { settings: S; problems: string[] };

/** The address's parameters with one of the view's settings changed. */
export type WithSetting<S> = <K extends keyof S>(
  params: URLSearchParams,
  setting: K,
  value: S[K],
) => URLSearchParams;

/**
 * A view's own settings kept in the address beside the shared filter (so a link or a reload shows
 * the same view): the settings, what the address named that the view could not use, and a way to
 * change one (a new history entry).
 */
export function useViewSettings<S>(
  settingsOf: SettingsOf<S>,
  withSetting: WithSetting<S>,
): {
  settings: S;
  problems: string[];
  setSetting: <K extends keyof S>(setting: K, value: S[K]) => void;
} {
  const [params, setParams] = useSearchParams();
  const { settings, problems } = useMemo(() => settingsOf(params), [settingsOf, params]);
  return {
    settings,
    problems,
    setSetting: (setting, value) => {
      setParams((current) => withSetting(current, setting, value));
    },
  };
}
