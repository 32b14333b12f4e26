import { describePolicyIssue, type PolicyIssue } from '../../../contract/policyIssue';

/**
 * What is wrong with a field of the admin's policy file, in one language: the pane puts it after the field's name as
 * written in the file. English is the contract's own sentence (what the service logs), so the two never differ.
 */
export type PolicyIssueText = (issue: PolicyIssue) => string;

export const policyIssueEnglish: PolicyIssueText = describePolicyIssue;
