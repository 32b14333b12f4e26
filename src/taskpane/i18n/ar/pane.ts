import type { ServiceErrorKind } from '../../../services/errors';
import { formatNumber, isolate, plural } from '../format';
import { frameStrings } from '../frame';
import type { LocaleStrings } from '../en/types';

const n = (value: number): string => formatNumber('ar-SA', value);

/** "شخص واحد", "شخصين", "٣ أشخاص", "١١ شخصًا", "١٠٠ شخص": Arabic's plural forms for a count of people. */
export const arabicPeople = (count: number): string =>
  plural('ar-SA', count, {
    zero: 'لا أحد',
    one: 'شخص واحد',
    two: 'شخصين',
    few: '{n} أشخاص',
    many: '{n} شخصًا',
    other: '{n} شخص',
  });

const errorKindText: Record<ServiceErrorKind, string> = {
  offline: 'يبدو أنك غير متصل بالإنترنت.',
  timeout: 'استغرق الخادم وقتًا طويلاً للرد.',
  unauthorized: 'لم يقبل الخادم تسجيل دخول الوظيفة الإضافية.',
  forbidden: 'رفض الخادم الوصول.',
  notFound: 'لم يتم العثور على الملف.',
  throttled: 'الخادم مشغول؛ حاول مرة أخرى لاحقًا.',
  server: 'حدثت مشكلة في الخادم.',
  invalidPayload: 'أرسل الخادم ردًا غير متوقع.',
  linkedInUnavailable: 'لم يرد LinkedIn في الوقت المناسب.',
};

export const pane: LocaleStrings['pane'] = {
  ...frameStrings['ar-SA'],
  noItem: 'حدد رسالة أو اجتماعًا لعرض معلومات LinkedIn عن الأشخاص المشاركين فيه.',
  noPeople: 'لا يوجد أحد غيرك في هذا العنصر.',
  peopleLabel: 'الأشخاص في هذا العنصر',
  showMore: (count) => `عرض المزيد (${n(count)})`,
  shownOf: (shown, total) => (shown === total ? arabicPeople(total) : `${n(shown)} من ${n(total)}`),
  shownOfMatches: (shown, matches, total) => `${n(shown)} من ${n(matches)} نتيجة مطابقة (${n(total)} إجمالاً)`,
  noPersonMatches: (query) => `لا أحد في هذا العنصر يطابق «${isolate(query)}».`,
  filterPeople: 'البحث عن شخص في هذا العنصر',
  policyInvalidTitle: 'ميزات LinkedIn غير متاحة: ملف النهج الخاص بالوظيفة الإضافية غير صالح',
  policyInvalidField: (field, problem) =>
    `الحقل الذي به خطأ: ${isolate(field)} — ${isolate(problem)}. اطلب من المسؤول تصحيح الملف ${isolate('linkedin-policy.json')}.`,
  policyUnreachableTitle: 'ميزات LinkedIn غير متاحة: تعذّر تحميل ملف النهج الخاص بالوظيفة الإضافية',
  policyUnreachableBody: (kind) =>
    `${errorKindText[kind]} لن تعرض الوظيفة الإضافية أي شيء من LinkedIn إلى أن تتمكن من قراءة إعدادات مؤسستك.`,
  connectionLimit: {
    unconfirmed: 'لم تؤكد خدمة LinkedIn اتصالك بعد، لذا لا ترى حاليًا إلا معلومات LinkedIn العامة.',
    expired: 'لم تعد خدمة LinkedIn تقبل اتصالك، لذا لا ترى إلا معلومات LinkedIn العامة حتى تعيد الربط.',
  },
  whyTitle: 'السبب',
  whatTitle: 'ما يُسمح للوظيفة الإضافية بفعله',
  levelLabel: {
    none: 'لا توجد معلومات من LinkedIn',
    public: 'معلومات LinkedIn العامة',
    connected: 'رؤى LinkedIn للحساب المرتبط',
  },
  nothingShown: 'ما يعرفه Outlook فقط — لا تُعرض معلومات من LinkedIn',
  can: {
    showPublic: 'عرض معلومات LinkedIn العامة',
    showConnected: 'عرض رؤى الحساب المرتبط (العلاقات المشتركة والخبرات المشتركة والنشاط)',
    connect: 'ربط حسابك على LinkedIn',
    disconnect: 'قطع الاتصال بحسابك على LinkedIn',
    outbound: 'إرسال بيانات Microsoft إلى LinkedIn (مثل «الأشخاص الذين تعمل معهم»)',
  },
  capability: {
    allowed: 'مسموح',
    afterConnect: 'بعد أن تربط حسابك على LinkedIn',
    afterConnectBothWays: 'بعد الربط، إذا اخترت مشاركة البيانات في الاتجاهين',
    onlyBothWays: 'فقط إذا اخترت مشاركة البيانات في الاتجاهين',
    afterConfirm: 'بعد أن تؤكد خدمة بطاقة LinkedIn اتصالك',
    afterReconnect: 'بعد أن تعيد الاتصال',
    byOrganization: 'غير مسموح من مؤسستك',
    byDevice: 'أوقفه قسم تكنولوجيا المعلومات على هذا الكمبيوتر',
    byYou: 'أوقفته أنت على هذا الجهاز',
    byMember: 'غير مسموح بسبب إعداد هذا الشخص على LinkedIn',
    unavailable: 'غير متاح لمؤسستك',
    noSignIn: 'غير ممكن في هذا الإصدار من Outlook',
  },
  changeableBy: {
    user: 'يمكنك تغيير ذلك',
    admin: 'يمكن لمسؤول Microsoft 365 في مؤسستك تغيير ذلك',
    deviceAdmin: 'يمكن لقسم تقنية المعلومات تغيير ذلك على هذا الكمبيوتر',
    member: 'لا يمكن تغيير ذلك إلا لهذا الشخص',
    nobody: 'لا يمكن تغيير ذلك',
  },
  where: (place) => `مكان التغيير: ${place}`,
  optionLabel: 'إظهار ميزات LinkedIn',
  optionLockedOn: 'تم تشغيله بواسطة نهج على هذا الكمبيوتر.',
  optionLockedOff: 'تم إيقاف تشغيله بواسطة نهج على هذا الكمبيوتر.',
  role: {
    from: 'من',
    onBehalfOf: 'أرسلها (نيابةً عن المرسِل)',
    to: 'إلى',
    cc: 'نسخة',
    organizer: 'المنظِّم',
    required: 'مطلوب',
    optional: 'اختياري',
  },
  settingsTitle: 'الإعدادات',
  adminDetails: 'نسخ التفاصيل لمسؤولك',
  adminDetailsNote:
    'رابط يعرض لمسؤولك ما تراه هنا وسببه، في منصة اختبار الوظيفة الإضافية. يتضمن إعداداتك وقواعد LinkedIn في مؤسستك، ولا شيء شخصي: لا أسماء ولا عناوين ولا معرّفات.',
  adminDetailsCopied: 'تم النسخ. أرسل الرابط أدناه إلى مسؤولك.',
  adminDetailsNotCopied: 'تعذّر على هذا الجزء نسخه: حدّد الرابط أدناه وانسخه.',
  adminDetailsLabel: 'تفاصيل لمسؤولك',
  clearCache: 'مسح بيانات LinkedIn المخزنة مؤقتًا',
  refresh: 'تحديث',
  refreshLabel: 'قراءة الرسالة أو الاجتماع المحدد مرة أخرى',
  cacheNote: (people, max) =>
    people === 0
      ? `لا يُحفظ حاليًا أي شيء من LinkedIn على هذا الجهاز. ما تحفظه الوظيفة الإضافية يُحفظ مدة أقصاها ${n(24)} ساعة (${n(max)} شخص كحد أقصى)، ولا يُحفظ أي شيء عن الأشخاص الذين يخفون ملفاتهم الشخصية.`
      : `تُحفظ على هذا الجهاز معلومات LinkedIn عن ${arabicPeople(people)}، لكل شخص مدة أقصاها ${n(24)} ساعة (${n(max)} شخص كحد أقصى). ولا يُحفظ أي شيء عن الأشخاص الذين يخفون ملفاتهم الشخصية.`,
  cacheNoteInPane: (people) =>
    people === 0
      ? 'لا يُحتفظ حاليًا بأي شيء من LinkedIn. ما يعرضه هذا الجزء يُحتفظ به داخله فقط إلى أن تغلقه، ولا يُحفظ أي شيء على هذا الجهاز.'
      : `يُحتفظ بمعلومات LinkedIn عن ${arabicPeople(people)} داخل هذا الجزء فقط إلى أن تغلقه، ولا يُحفظ أي شيء على هذا الجهاز.`,
  cleared: (people) => `تم المسح: أُزيلت من هذا الجهاز معلومات LinkedIn عن ${arabicPeople(people)}.`,
};

export const card: LocaleStrings['card'] = {
  loading: 'جارٍ تحميل ملف LinkedIn الشخصي…',
  loadingConnected: 'جارٍ تحميل رؤى LinkedIn…',
  noMatch: 'لم يتم العثور على ملف شخصي على LinkedIn لهذا العنوان.',
  unavailable: 'لا يمكن البحث عن ملف هذا الشخص على LinkedIn من هنا.',
  insightsUnavailable: 'لا يمكن البحث عن الرؤى المرتبطة بهذا الشخص من هنا.',
  suggestionsUnavailable: 'لا يمكن البحث عن الأشخاص الذين تعمل معهم من هنا.',
  hidden: 'ملف LinkedIn الشخصي لهذا الشخص غير متاح في تطبيقات Microsoft.',
  viewOnLinkedIn: 'عرض على LinkedIn',
  searchLinkedIn: (name) => `البحث في LinkedIn عن ${name}`,
  searchNote: 'يفتح بحث الأشخاص في LinkedIn في متصفحك بهذا الاسم: يجري البحث على LinkedIn وفق شروط LinkedIn.',
  connectOnLinkedIn: 'تواصل على LinkedIn',
  alreadyConnection: 'بينكما علاقة على LinkedIn',
  mutualTitle: 'العلاقات المشتركة',
  mutualCount: (count) =>
    plural('ar-SA', count, {
      zero: 'لا توجد علاقات مشتركة',
      one: 'علاقة مشتركة واحدة',
      two: 'علاقتان مشتركتان',
      few: '{n} علاقات مشتركة',
      many: '{n} علاقة مشتركة',
      other: '{n} علاقة مشتركة',
    }),
  noMutual: 'لا توجد علاقات مشتركة',
  historyTitle: 'جهات العمل والدراسة المشتركة',
  historyKind: { employer: 'عملتما في', school: 'درستما في' },
  noHistory: 'لا توجد جهات عمل أو مؤسسات تعليمية مشتركة',
  activityTitle: 'النشاط الأخير',
  noActivity: 'لا يوجد نشاط حديث',
  retry: 'إعادة المحاولة',
  suggestionsTitle: 'أشخاص تعمل معهم على LinkedIn',
  suggestionsSends: 'يُرسل العناوين الموجودة في هذا العنصر إلى LinkedIn (اخترت مشاركة البيانات في الاتجاهين).',
  suggestionsShow: 'عرض الأشخاص الذين تعمل معهم',
  suggestionsNone: 'لا أحد من الأشخاص في هذا العنصر موجود على LinkedIn.',
  error: {
    offline: 'يبدو أنك غير متصل بالإنترنت.',
    timeout: 'استغرقت خدمة بطاقة LinkedIn وقتًا طويلاً للرد.',
    unauthorized: 'تعذّر على الوظيفة الإضافية تسجيل الدخول إلى خدمة بطاقة LinkedIn.',
    forbidden: 'رفضت خدمة بطاقة LinkedIn الوصول لحسابك. لن تفيد إعادة المحاولة؛ يمكن للمسؤول التحقق من وصول الوظيفة الإضافية.',
    notFound: 'لا تتوفر لدى خدمة بطاقة LinkedIn أي معلومات عن هذا الشخص.',
    throttled: 'خدمة بطاقة LinkedIn مشغولة.',
    server: 'حدثت مشكلة في خدمة بطاقة LinkedIn.',
    invalidPayload: 'أرسلت خدمة بطاقة LinkedIn ردًا غير متوقع.',
    linkedInUnavailable: 'لم يرد LinkedIn على خدمة بطاقة LinkedIn في الوقت المناسب.',
  },
  refusedBy: 'رفضت خدمة بطاقة LinkedIn:',
  refusedByPolicyFile: {
    'policy-file-invalid': {
      message: 'ملف النهج الخاص بمؤسستك غير صالح، لذا تبقى ميزات LinkedIn متوقفة إلى أن يصلحه المسؤول.',
      where: 'ملف نهج الوظيفة الإضافية (linkedin-policy.json)؛ وتذكر نقطة /readyz في الخدمة المشكلة',
    },
    'policy-file-unreadable': {
      message: 'تعذّر عليها قراءة ملف النهج الخاص بمؤسستك، لذا تبقى ميزات LinkedIn متوقفة إلى أن يصلح المسؤول ذلك.',
      where: 'ملف نهج الوظيفة الإضافية (linkedin-policy.json) وإعداد POLICY_FILE في الخدمة',
    },
  },
  reconnect: 'لم يعد LinkedIn يقبل اتصالك. أعد ربط LinkedIn لعرض الرؤى.',
  reconnectInSettings: 'أعد ربط LinkedIn لعرض الرؤى: افصل الحساب من الإعدادات أدناه، ثم اربطه من جديد.',
  retryAfter: (seconds) =>
    plural('ar-SA', seconds, {
      zero: 'يمكنك المحاولة مرة أخرى الآن.',
      one: 'يمكنك المحاولة مرة أخرى بعد ثانية واحدة.',
      two: 'يمكنك المحاولة مرة أخرى بعد ثانيتين.',
      few: 'يمكنك المحاولة مرة أخرى بعد {n} ثوانٍ.',
      many: 'يمكنك المحاولة مرة أخرى بعد {n} ثانية.',
      other: 'يمكنك المحاولة مرة أخرى بعد {n} ثانية.',
    }),
  retryNow: 'يمكنك المحاولة مرة أخرى الآن.',
};
