import type { PolicyFileProblem } from '../contract/policyFile';
import type { PolicyIssue } from '../contract/policyIssue';

/**
 * A policy file that has the same first problem, at the same field, as the user's: what "Copy details for your
 * admin" puts in the workbench link when the user's file can't be used. Only the field's name and the kind of problem
 * are carried, never a value from the user's file (a wrong value is replaced by one the check refuses the same way);
 * null where no file written here would fail the same way (the file could not be read, or a list too long for a link).
 */
export const PLACEHOLDER_USER = 'pilot.user@example.invalid';

/** Valid items for the lists, so a problem at "selectedUsers[2]" is reproduced at [2] and not at [0]. */
const LIST_ITEM: Record<string, unknown> = { selectedUsers: PLACEHOLDER_USER, excludedClouds: 'gcc', excludedMailboxGeos: 'NAM' };
/** Longer lists than this are not written into a link. */
const MAX_REPRODUCED_LIST = 300;

type PathPart = string | number;

/** "availability.excludedClouds[2]" → ['availability', 'excludedClouds', 2]; null for the whole file. */
function pathOf(field: string): PathPart[] | null {
  const parts: PathPart[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''));
  return parts.length > 0 && !field.startsWith('(') ? parts : null;
}

function badValue(issue: PolicyIssue, listName: string | undefined): unknown {
  switch (issue.kind) {
    case 'unknownField':
      return true;
    case 'wrongType':
      return null;
    case 'tooMany':
      return issue.max < MAX_REPRODUCED_LIST && listName && listName in LIST_ITEM
        ? Array.from({ length: issue.max + 1 }, () => LIST_ITEM[listName])
        : undefined;
    case 'tooLong':
      return issue.max < MAX_REPRODUCED_LIST ? 'x'.repeat(issue.max + 1) : undefined;
    default:
      return '?';
  }
}

/** Sets `value` at `path` in `target`, creating objects and lists (earlier list items valid) on the way. */
function setAt(target: Record<string, unknown>, path: PathPart[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((part, index) => {
    const next = path[index + 1];
    if (next === undefined) {
      node[part] = value;
      return;
    }
    if (typeof next === 'number') {
      const list = Array.from({ length: next }, () => LIST_ITEM[String(part)] ?? null);
      node[part] = list;
    } else node[part] ??= {};
    node = node[part] as Record<string | number, unknown>;
  });
}

export function policyTextWithProblem(problem: PolicyFileProblem): string | null {
  const { issue } = problem;
  if (issue.kind === 'notJson') return '{';
  if (issue.kind === 'selectedNeedsGroup') return JSON.stringify({ version: 1, linkedInAccountConnections: 'selected' });
  const path = pathOf(problem.field);
  if (!path) return issue.kind === 'wrongType' ? 'null' : null;
  const last = path[path.length - 1];
  const value = badValue(issue, typeof last === 'string' ? last : undefined);
  if (value === undefined) return null;
  const file: Record<string, unknown> = { version: 1 };
  setAt(file, path, value);
  return JSON.stringify(file);
}
