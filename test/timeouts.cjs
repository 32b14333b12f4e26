/**
 * How long a test may wait, in one place (jest.config.js and test/setup.ts read it). Sized for the whole suite running
 * on two cores: a findBy/waitFor waits FIND_TIMEOUT_MS for the pane to show something; a test takes at most
 * TEST_TIMEOUT_MS; the generated tables and the load test, which run thousands of cases, take at most
 * LONG_TEST_TIMEOUT_MS. A longer wait changes nothing about what is asserted, only how long a failure takes to say so.
 */
module.exports = {
  FIND_TIMEOUT_MS: 4_000,
  TEST_TIMEOUT_MS: 15_000,
  LONG_TEST_TIMEOUT_MS: 300_000,
};
