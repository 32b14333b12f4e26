import { initialsOf } from '../../src/taskpane/person/initials';

describe("initials in the name's own order, as Fluent picks them", () => {
  test.each([
    ['Aiko Tanaka', 'AT'],
    ['Johanna Lorenz-Schmidt-Bergmann', 'JL'],
    ['Isaiah de Langer', 'IL'],
    ['Megan', 'M'],
    ['Alex (Finance) Wilber', 'AW'],
    ['élodie Dupont', 'ÉD'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
  test.each(['نور الهدى', '田中 愛子', '+1 425 555 0100', '', '  '])('%j: left to Fluent (its icon)', (name) => {
    expect(initialsOf(name)).toBeUndefined();
  });
});
