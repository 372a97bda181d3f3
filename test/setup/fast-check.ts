/**
 * Property tests run from a fixed seed, so a CI run is reproducible and a failure can be replayed
 * exactly. `FC_SEED=random` explores fresh cases (do it when changing the solver); `FC_SEED=<n>`
 * replays a run. fast-check prints the seed and path of every counterexample it finds.
 */
import fc from 'fast-check';

const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? 20_261_123 : Number(requested);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or 'random', not '${requested}'.`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
