/** Sizes of synthetic graphs: `small` is the seeds' size, `large` and `xl` are for measuring. */
export const profiles = {
  small: { incidents: 165, actors: 60 },
  large: { incidents: 100_000, actors: 2_000 },
  xl: { incidents: 1_000_000, actors: 10_000 },
} as const;

export type ProfileName = keyof typeof profiles;
export const profileNames = Object.keys(profiles) as ProfileName[];

export interface GenerateOptions {
  incidents: number;
  actors: number;
  seed: number;
}

/**
 * The other kinds scale with the incidents in the seeds' proportions: about one campaign per
 * sixteen incidents, three organizations per five incidents, six sources per five.
 */
export function sizesOf(options: GenerateOptions) {
  return {
    ...options,
    campaigns: Math.max(1, Math.ceil(options.incidents / 16)),
    organizations: Math.max(1, Math.ceil((options.incidents * 3) / 5)),
    sources: Math.max(1, Math.ceil((options.incidents * 6) / 5)),
  };
}
export type Sizes = ReturnType<typeof sizesOf>;
