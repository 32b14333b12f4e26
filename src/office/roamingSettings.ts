/**
 * The user's roaming settings (Office.context.roamingSettings): small values that follow the user across devices,
 * saved explicitly. A failed save is reported, never swallowed: a caller must not believe it saved.
 */
export interface RoamingSettings {
  get: (name: string) => unknown;
  set: (name: string, value: unknown) => void;
  remove: (name: string) => void;
  /** Persists every change; rejects with a RoamingSaveError when Outlook refuses (e.g. 9057: over 32 KB). */
  save: () => Promise<void>;
}

export class RoamingSaveError extends Error {
  constructor(
    message: string,
    /** Office's error code, e.g. 9057 when the settings exceed 32 KB. */
    readonly code: number | undefined,
  ) {
    super(message);
    this.name = 'RoamingSaveError';
  }
}

/** Office.js's roaming settings behind the interface above. */
export function officeRoamingSettings(settings: Office.RoamingSettings): RoamingSettings {
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    remove: (name) => settings.remove(name),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new RoamingSaveError(result.error?.message ?? 'Saving settings failed.', result.error?.code));
        });
      }),
  };
}

/** The same interface over a key-value store (the workbench; tests). `failNextSave` simulates Outlook refusing. */
export function memoryRoamingSettings(initial: Record<string, unknown> = {}) {
  const saved: Record<string, unknown> = { ...initial };
  let pending: Record<string, unknown> = { ...initial };
  let failure: RoamingSaveError | null = null;
  const settings: RoamingSettings & { saved: Record<string, unknown>; failNextSave: (code: number, message?: string) => void } = {
    saved,
    get: (name) => pending[name],
    set: (name, value) => {
      pending = { ...pending, [name]: value };
    },
    remove: (name) => {
      const { [name]: _removed, ...rest } = pending;
      pending = rest;
    },
    save: async () => {
      if (failure) {
        const error = failure;
        failure = null;
        throw error;
      }
      if (JSON.stringify(pending).length > 32 * 1024) throw new RoamingSaveError('Roaming settings exceed 32 KB.', 9057);
      for (const key of Object.keys(saved)) delete saved[key];
      Object.assign(saved, pending);
    },
    failNextSave: (code, message = 'Saving settings failed.') => {
      failure = new RoamingSaveError(message, code);
    },
  };
  return settings;
}
