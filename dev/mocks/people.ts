/** The fixture people live in fixtures/ so the service's `fixtures` source reads the very same data. */
export { FIXTURE_PEOPLE, fixturePerson, type FixturePerson } from '../../fixtures/people';
