import type { PolicyIssueText } from '../en/policyIssues';
import { formatNumber, isolate } from '../format';

const n = (value: number): string => formatNumber('ar-SA', value);

const TYPE: Record<string, string> = {
  string: 'نصًا',
  array: 'قائمة',
  object: 'كائنًا',
  number: 'رقمًا',
  boolean: `${isolate('true')} أو ${isolate('false')}`,
};

/** Arabic: the file's values and field names stay as written (JSON, left to right, isolated); the sentence is Arabic. */
export const policyIssue: PolicyIssueText = (issue) => {
  switch (issue.kind) {
    case 'notJson':
      return `ليس بتنسيق ${isolate('JSON')} صالح`;
    case 'unreadable':
      return 'تعذّرت قراءته';
    case 'unknownField':
      return 'ليس حقلًا معروفًا';
    case 'notOneOf':
      return `يجب أن تكون قيمته إحدى القيم: ${issue.options.map((option) => isolate(`"${option}"`)).join('، ')}`;
    case 'wrongType':
      return `يجب أن يكون ${TYPE[issue.expected] ?? isolate(issue.expected)}`;
    case 'format':
      return {
        mailboxGeo: `يجب أن يكون رمز موقع بيانات Microsoft 365 من ٣ أحرف، مثل ${isolate('"NAM"')} أو ${isolate('"EUR"')}`,
        countryCode: `يجب أن يكون رمز بلد من حرفين وفق ISO 3166، مثل ${isolate('"US"')} أو ${isolate('"DE"')}`,
        groupId: `يجب أن يكون معرّف كائن لمجموعة Microsoft Entra (${isolate('GUID')})`,
        userAddress: 'يجب أن يكون عنوان بريد إلكتروني أو اسم مستخدم رئيسيًا',
      }[issue.format];
    case 'tooMany':
      return `يمكن أن يحتوي على ${n(issue.max)} من القيم على الأكثر`;
    case 'tooLong':
      return `يمكن أن يبلغ طوله ${n(issue.max)} من الأحرف على الأكثر`;
    case 'selectedNeedsGroup':
      return `يحتاج الوضع ${isolate('"selected"')} إلى ${isolate('selectedGroupId')} أو إلى قائمة ${isolate('selectedUsers')} غير فارغة`;
    case 'shape':
      return 'شكله غير متوقع';
  }
};
