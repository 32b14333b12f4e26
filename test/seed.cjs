/**
 * Jest's global set-up: one fast-check seed per run, new every run, printed, and handed to every test file (through
 * FC_SEED, which workers inherit). `FC_SEED=<n> npm test` replays a run's generated tables exactly.
 */
module.exports = async function chooseSeed() {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(given)}`);
  process.env.FC_SEED = String(seed);
  process.stdout.write(`\nfast-check seed: ${seed} (replay with FC_SEED=${seed} npm test)\n`);
};
