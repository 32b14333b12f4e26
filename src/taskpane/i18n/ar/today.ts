import { formatNumber, isolate, plural } from '../format';
import type { LocaleStrings } from '../en/types';

/** The Today view in Arabic. */
export const today: LocaleStrings['today'] = {
  tabsLabel: 'ما يعرضه الجزء',
  tabItem: 'هذا العنصر',
  tabToday: 'اليوم',
  heading: (date) => `اليوم، ${date}`,
  loading: 'جارٍ قراءة تقويم اليوم…',
  empty: 'لا يوجد شيء في تقويمك اليوم.',
  nothingMore: 'لا يوجد شيء آخر في تقويمك اليوم.',
  upcoming: 'الاجتماعات القادمة',
  earlierList: 'الاجتماعات المنتهية',
  earlier: (count) =>
    plural('ar-SA', count, {
      zero: 'في وقت سابق اليوم (لا اجتماعات)',
      one: 'في وقت سابق اليوم (اجتماع واحد)',
      two: 'في وقت سابق اليوم (اجتماعان)',
      few: 'في وقت سابق اليوم ({n} اجتماعات)',
      many: 'في وقت سابق اليوم ({n} اجتماعًا)',
      other: 'في وقت سابق اليوم ({n} اجتماع)',
    }),
  now: 'الآن',
  next: 'التالي',
  allDay: 'طوال اليوم',
  time: (from, to) => `${from}–${to}`,
  fromYesterday: 'بدأ أمس',
  untilTomorrow: 'ينتهي غدًا',
  online: 'اجتماع عبر الإنترنت',
  noSubject: '(بلا موضوع)',
  cancelled: 'ملغى',
  declined: 'مرفوض',
  notListed: 'لا يُعرض أحد من المشاركين فيه ولا يُبحث عنه.',
  external: 'خارجي',
  noOneElse: 'لا يوجد أحد آخر في هذا الاجتماع.',
  peopleOn: (subject) => `الأشخاص في ${isolate(subject)}`,
  showAll: (count) => `عرض الكل (${formatNumber('ar-SA', count)})`,
  loadingProfile: 'جارٍ البحث…',
  noProfile: 'لم يُعثر على ملف شخصي على LinkedIn',
  searchNote: 'يفتح «البحث في LinkedIn عن …» بحث الأشخاص في LinkedIn في متصفحك باسم ذلك الشخص: يجري البحث على LinkedIn وفق شروط LinkedIn.',
  back: 'العودة إلى «اليوم»',
  refusedTitle: '«اليوم» غير متاح لك',
  shareBothWays: 'مشاركة البيانات في الاتجاهين',
  shareBothWaysDetail:
    'تسجّل الدخول إلى LinkedIn مرة أخرى وتختار مشاركة البيانات في الاتجاهين. عندئذٍ يرسل «اليوم» الأشخاص الموجودين في تقويمك إلى LinkedIn لعرض ملفاتهم الشخصية.',
  connectFirst: 'اربط حسابك على LinkedIn واختر مشاركة البيانات في الاتجاهين:',
  connectionLimit: {
    unconfirmed: 'ينتظر «اليوم» حتى تؤكد خدمة بطاقات LinkedIn ربط حسابك على LinkedIn.',
    expired: 'لم تعد خدمة بطاقات LinkedIn تقبل ربط حسابك على LinkedIn. أعد الربط لاستخدام «اليوم».',
  },
  unavailable:
    'لا يسمح هذا الإصدار من Outlook للوظيفة الإضافية بتسجيل الدخول إلى Microsoft 365، لذا لا يستطيع «اليوم» قراءة تقويمك هنا. تعمل بقية الوظيفة الإضافية كما كانت.',
  notGrantedTitle: 'لم يسمح المسؤول للوظيفة الإضافية بقراءة تقويمك',
  notGranted:
    'يقرأ «اليوم» التفاصيل الأساسية لاجتماعات اليوم (إذن Microsoft Graph ‏Calendars.ReadBasic: بلا نصوص ولا مرفقات)، ويمنحه مسؤول Microsoft 365 لجميع من في مؤسستك. تعمل بقية الوظيفة الإضافية كما كانت.',
  notGrantedWhere:
    'مركز إدارة Microsoft Entra › تسجيلات التطبيقات › تطبيق الوظيفة الإضافية › أذونات API › Calendars.ReadBasic › منح موافقة المسؤول',
  errorTitle: 'تعذّر على «اليوم» قراءة تقويمك',
  error: {
    offline: 'يبدو أنك غير متصل بالإنترنت.',
    timeout: 'استغرق Microsoft 365 وقتًا طويلًا للرد.',
    unauthorized: 'تعذّر على الوظيفة الإضافية تسجيل الدخول إلى Microsoft 365 لقراءة تقويمك.',
    forbidden: 'رفض Microsoft 365 عرض تقويمك للوظيفة الإضافية.',
    notFound: 'لم يعثر Microsoft 365 على تقويم لك.',
    throttled: 'Microsoft 365 مشغول.',
    server: 'واجه Microsoft 365 مشكلة في قراءة تقويمك.',
    invalidPayload: 'أرسل Microsoft 365 ردًا غير متوقع.',
    linkedInUnavailable: 'لم يرد Microsoft 365 في الوقت المناسب.',
  },
  kept: '«اليوم»: لا يُقرأ تقويمك إلا أثناء استخدامك «اليوم»، ويُحفظ في ذاكرة هذا الجزء فقط ويُنسى في نهاية اليوم. تبقى معلومات LinkedIn عن الأشخاص الموجودين فيه على هذا الجهاز حتى نهاية اليوم على الأكثر. لا تحتفظ خدمة بطاقات LinkedIn بأي شيء من تقويمك.',
};
