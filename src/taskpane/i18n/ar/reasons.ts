import type { ReasonTexts } from '../en/types';

const ENTRA = 'مركز إدارة Microsoft Entra › المستخدمون › إعدادات المستخدم › اتصالات حسابات LinkedIn';
const POLICY_FILE = 'ملف نهج الوظيفة الإضافية (linkedin-policy.json)';
const MODE = `${POLICY_FILE} › linkedInAccountConnections؛ وللمطابقة: ${ENTRA}`;
const OFFICE_TEMPLATES = 'تكوين المستخدم › النُهج › القوالب الإدارية › Microsoft Office 2016';
const GROUP_POLICY = `نهج المجموعة: ${OFFICE_TEMPLATES} › متفرقات`;
const PRIVACY_POLICY = `نهج المجموعة أو نهج السحابة: ${OFFICE_TEMPLATES} › الخصوصية › مركز التوثيق`;
const ON_A_MAC = '(على جهاز Mac: تفضيل خصوصية Office المقابل في ملف تعريف التكوين الخاص بالجهاز)';

/** The policy engine's reasons in Arabic, keyed by code (the engine itself stays English). */
export const reasons: ReasonTexts = {
  'cloud-unavailable': {
    message: 'ميزات LinkedIn غير متاحة في سحابة Microsoft الخاصة بمؤسستك.',
  },
  'mailbox-geo-unavailable': {
    message: 'ميزات LinkedIn غير متاحة لعلب البريد المخزنة في موقع بيانات مؤسستك.',
  },
  'environment-unknown': {
    message:
      'تعذّر على الوظيفة الإضافية التأكد من سحابة Microsoft لمؤسستك أو موقع بيانات علب البريد، لذا تبقى ميزات LinkedIn متوقفة حتى يحددهما المسؤول.',
    where: `${POLICY_FILE} › environment.cloud و environment.mailboxGeo`,
  },
  'tenant-off': {
    message: 'أوقفت مؤسستك اتصالات حسابات LinkedIn.',
    where: MODE,
  },
  'tenant-default-off': {
    message: 'اتصالات حسابات LinkedIn متوقفة افتراضيًا للمؤسسات في بلدك، ولم يقم المسؤول بتشغيلها.',
    where: MODE,
  },
  'tenant-mode-unknown': {
    message: 'إعداد LinkedIn الخاص بمؤسستك غير معروف بعد، لذا تبقى ميزات LinkedIn متوقفة إلى أن يحدده المسؤول.',
    where: MODE,
  },
  'not-in-selected-group': {
    message: 'تسمح مؤسستك بميزات LinkedIn لمجموعة محددة فقط، وأنت لست عضوًا فيها.',
    where: `${POLICY_FILE} › selectedGroupId وأعضاء المجموعة؛ وللمطابقة: ${ENTRA}`,
  },
  'selected-users-unverifiable': {
    message:
      'تسمح مؤسستك بميزات LinkedIn لقائمة من المستخدمين فقط، ولا تستطيع الوظيفة الإضافية التحقق منها بأمان، لذا تبقى الميزات متوقفة إلى أن يختار المسؤول مجموعة بدلًا منها.',
    where: `${POLICY_FILE} › selectedGroupId (مجموعة بدلًا من قائمة selectedUsers)؛ وللمطابقة: ${ENTRA}`,
  },
  'membership-unknown': {
    message: 'تسمح مؤسستك بميزات LinkedIn لمجموعة محددة فقط، وتعذّر على الوظيفة الإضافية التحقق من عضويتك فيها.',
    where: ENTRA,
  },
  'office-policy-off': {
    message: 'يوقف نهج على هذا الكمبيوتر ميزات LinkedIn في تطبيقات Office.',
    where: `${GROUP_POLICY} › إظهار ميزات LinkedIn في تطبيقات Office`,
  },
  'connected-experiences-off': {
    message: 'يوقف نهج على هذا الكمبيوتر التجارب المتصلة في Office، والتي تحتاج إليها ميزات LinkedIn.',
    where: `${PRIVACY_POLICY} › السماح باستخدام التجارب المتصلة في Office ${ON_A_MAC}`,
  },
  'optional-connected-experiences-off': {
    message: 'يوقف نهج على هذا الكمبيوتر التجارب المتصلة الاختيارية في Office، والتي تتضمن ميزات LinkedIn.',
    where: `${PRIVACY_POLICY} › السماح باستخدام التجارب المتصلة الاختيارية الإضافية في Office ${ON_A_MAC}`,
  },
  'user-option-off': {
    message: 'لقد أوقفت «إظهار ميزات LinkedIn» على هذا الجهاز.',
    where: 'هذه الوظيفة الإضافية › إظهار ميزات LinkedIn',
  },
  'not-connected': {
    message: 'ترى معلومات LinkedIn العامة فقط، لأنك لم تربط حسابك على LinkedIn.',
    where: 'هذه الوظيفة الإضافية › ربط حسابك على LinkedIn',
  },
  'inbound-only': {
    message: 'اخترت المشاركة من LinkedIn إلى Microsoft فقط، لذا لا يُرسَل أي شيء من حساب العمل إلى LinkedIn.',
    where: 'هذه الوظيفة الإضافية › قطع الاتصال، ثم الربط مرة أخرى واختيار «مشاركة البيانات في الاتجاهين»',
  },
  'member-hidden': {
    message: 'ملف LinkedIn الشخصي لهذا الشخص غير متاح في تطبيقات Microsoft.',
    where: 'LinkedIn › الإعدادات والخصوصية › إمكانية الظهور › تطبيقات Microsoft (إعداد خاص بهذا الشخص)',
  },
  'today-not-connected': {
    message:
      'يحتاج «اليوم» إلى ربط حسابك على LinkedIn مع مشاركة البيانات في الاتجاهين، لأنه يرسل الأشخاص الموجودين في تقويمك إلى LinkedIn.',
    where: 'هذه الوظيفة الإضافية › ربط حسابك على LinkedIn › مشاركة البيانات في الاتجاهين',
  },
  'today-inbound-only': {
    message:
      'يحتاج «اليوم» إلى مشاركة البيانات في الاتجاهين، لأنه يرسل الأشخاص الموجودين في تقويمك إلى LinkedIn، وقد اخترت المشاركة من LinkedIn إلى Microsoft فقط.',
    where: 'هذه الوظيفة الإضافية › اليوم › مشاركة البيانات في الاتجاهين (تسجّل الدخول إلى LinkedIn مرة أخرى)',
  },
};
