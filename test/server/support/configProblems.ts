import { ConfigError } from '../../../server/config';

/** Every problem a configuration load refused with, none if it loaded; anything but a ConfigError is thrown on. */
export function configProblemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...error.problems];
  }
}
