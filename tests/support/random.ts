// Random inputs of the tests come from one seed per run, printed when the run starts (vitest.config.ts):
// TEST_SEED=<n> npm test replays a run. fast-check takes it globally (this file is a setup file);
// other randomness asks seededRandom.
import * as fc from "fast-check";

export const TEST_SEED = Number(process.env.TEST_SEED ?? 1);

fc.configureGlobal({ seed: TEST_SEED });

/** A pseudo-random number generator (mulberry32) from the run's seed and a label of its own. */
export function seededRandom(label: string): () => number {
  let state = TEST_SEED;
  for (const char of label) state = Math.imul(state ^ char.charCodeAt(0), 2654435761) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
