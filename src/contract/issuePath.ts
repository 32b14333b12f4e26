/** How the add-in names "the whole document" when a problem is not about one field. */
export const WHOLE_FILE = '(the whole file)';

/** Formats a schema issue path the way an admin reads it: "officePolicy.showLinkedInFeatures", "selectedUsers[2]". */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || WHOLE_FILE;
}
