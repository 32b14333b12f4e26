import { formatNumber } from '../format';
import { arabicPeople } from './pane';
import type { LocaleStrings } from '../en/types';
import { dialogText, type DialogTexts } from '../dialogProblem';

export const connect: LocaleStrings['connect'] = {
  open: 'ربط حسابك على LinkedIn',
  title: 'ربط حسابك على LinkedIn',
  intro: 'اعرض العلاقات المشتركة والخبرات المشتركة والنشاط الأخير على البطاقات. اختر ما تتم مشاركته:',
  twoWay: 'مشاركة البيانات في الاتجاهين',
  twoWayDetail:
    'يقدّم LinkedIn إلى Microsoft ملفك الشخصي واهتماماتك واشتراكاتك وعلاقاتك من الدرجة الأولى. وتقدّم Microsoft إلى LinkedIn ملفك الشخصي (الاسم والصورة والبريد الإلكتروني والمدير والمرؤوسين المباشرين) وتقويمك (الأوقات والأماكن والحضور، دون العناوين أو جداول الأعمال) واهتماماتك واشتراكاتك وجهات اتصالك. ويحتفظ LinkedIn بجهات الاتصال المستوردة إلى أن تحذفها هناك.',
  inbound: 'من LinkedIn إلى Microsoft فقط',
  inboundDetail:
    'يقدّم LinkedIn إلى Microsoft ملفك الشخصي واهتماماتك واشتراكاتك وعلاقاتك من الدرجة الأولى. ولا يُرسَل أي شيء من حساب العمل إلى LinkedIn.',
  privacy: 'بيانات الخصوصية:',
  linkedInPrivacy: 'LinkedIn',
  microsoftPrivacy: 'Microsoft',
  continue: 'المتابعة إلى LinkedIn',
  cancel: 'إلغاء',
  connecting: 'في انتظار تسجيل الدخول إلى LinkedIn…',
  connectedTitle: 'تم الربط بـ LinkedIn',
  status: (consent, since) =>
    `مرتبط — ${consent === 'twoWay' ? 'تتم مشاركة البيانات في الاتجاهين' : 'من LinkedIn إلى Microsoft فقط'} — منذ ${since}`,
  statusUnconfirmed: (consent, since) =>
    `مرتبط منذ ${since} (${consent === 'twoWay' ? 'تتم مشاركة البيانات في الاتجاهين' : 'من LinkedIn إلى Microsoft فقط'})، ولم تؤكد خدمة LinkedIn الاتصال بعد`,
  statusExpired: (consent, since) =>
    `مرتبط منذ ${since} (${consent === 'twoWay' ? 'تتم مشاركة البيانات في الاتجاهين' : 'من LinkedIn إلى Microsoft فقط'})، لكن خدمة LinkedIn لم تعد تقبل الاتصال: أعد الربط أو افصل الحساب`,
  notConnected: 'غير مرتبط بـ LinkedIn',
  disconnect: 'قطع الاتصال',
  disconnectConfirm:
    'هل تريد قطع الاتصال بحسابك على LinkedIn؟ ستُلغي الوظيفة الإضافية الاتصال وتزيل اختيارك المحفوظ ومعلومات LinkedIn التي تحتفظ بها على هذا الجهاز.',
  disconnectYes: 'قطع الاتصال',
  disconnectNo: 'الإبقاء على الاتصال',
  disconnecting: 'جارٍ قطع الاتصال…',
  disconnected: 'تم قطع الاتصال بحسابك على LinkedIn.',
  removedKept: (people) =>
    people === 0
      ? 'أزالت الوظيفة الإضافية اختيارك المحفوظ، ولم تكن تحتفظ بأي معلومات من LinkedIn على هذا الجهاز.'
      : `أزالت الوظيفة الإضافية اختيارك المحفوظ ومعلومات LinkedIn التي كانت تحتفظ بها على هذا الجهاز عن ${arabicPeople(people)}.`,
  keptInPane:
    'من الآن فصاعدًا، يُحتفظ بمعلومات LinkedIn العامة التي يعرضها هذا الجزء داخله فقط إلى أن تغلقه، ولا يُحفظ أي شيء على هذا الجهاز.',
  remainsBoth: 'أزل أيضًا الإذن من جانب Microsoft (تطبيقاتي) ومن LinkedIn.',
  remainsLinkedIn: 'أزل أيضًا الإذن من LinkedIn.',
  myApps: 'تطبيقاتي',
  linkedInPermissions: 'إعدادات LinkedIn',
  contactsRemain: 'تبقى جهات الاتصال التي استُوردت بالفعل إلى LinkedIn هناك إلى أن تحذفها على LinkedIn.',
  manageContacts: 'إدارة جهات الاتصال المستوردة',
  disconnectFailedService: 'تعذّر على خدمة بطاقة LinkedIn قطع الاتصال بـ LinkedIn الآن، ولم يتغير شيء. حاول مرة أخرى لاحقًا.',
  disconnectFailedSave: 'تمت إزالة الاتصال، لكن تعذّر على Outlook حفظ التغيير؛ وسيُمسح في المرة التالية التي تبدأ فيها الوظيفة الإضافية.',
  disconnectFailedDevice:
    'تم قطع اتصال حسابك على LinkedIn، ولكن تعذّر مسح التخزين على هذا الجهاز. استخدم «مسح بيانات LinkedIn المخزنة مؤقتًا» أو امسح بيانات هذا الموقع في المتصفح.',
  noDialogOrigin: 'لا يتوفر الاتصال بـ LinkedIn في هذا الإصدار من Outlook: لا يمكنه التأكد من مصدر رد تسجيل الدخول. حدّث Outlook للاتصال.',
  removedOnService: 'تمت إزالة اتصالك بـ LinkedIn.',
  expired: 'انتهت صلاحية تسجيل دخولك إلى LinkedIn: ينهيه LinkedIn بعد 60 يومًا. تُعرض المعلومات العامة فقط حتى تعيد الاتصال.',
  disconnectFailedLimit: 'خدمة بطاقة LinkedIn مشغولة، حاول لاحقًا. لم يتغير شيء: لا يزال حسابك مرتبطًا.',
  reconnect: 'أعد ربط LinkedIn: لم تعد خدمة LinkedIn تقبل اتصالك. اربط حسابك مرة أخرى لعرض رؤى الحساب المرتبط.',
  reconnectAction: 'إعادة ربط LinkedIn',
  statusUnknown: 'تعذّر التحقق من اتصالك بـ LinkedIn، لذا تُعرض المعلومات العامة فقط في الوقت الحالي.',
  failure: (failure) => {
    switch (failure.reason) {
      case 'cancelled':
        return 'لم يتم الربط: أُلغي تسجيل الدخول.';
      case 'signInFailed':
        return 'لم يتم الربط: تعذّر على LinkedIn تسجيل دخولك.';
      case 'timedOut':
        return 'لم يتم الربط: استغرق تسجيل الدخول وقتًا طويلاً. حاول مرة أخرى.';
      case 'inProgress':
        return 'هناك عملية تسجيل دخول مفتوحة بالفعل.';
      case 'dialog':
        return dialogText(dialogTexts, failure.code);
      case 'service':
        return failure.kind === 'throttled'
          ? 'لم يتم الربط: خدمة بطاقة LinkedIn مشغولة، حاول لاحقًا.'
          : 'لم يتم الربط: تعذّر على خدمة بطاقة LinkedIn إكمال الاتصال. حاول مرة أخرى لاحقًا.';
      case 'notConfirmed':
        return 'لم يتم الربط: لم تؤكد خدمة LinkedIn اختيارك.';
      case 'saveFailed':
        return failure.code === 9057
          ? `لم يتم الربط: إعدادات Outlook للوظائف الإضافية ممتلئة (أكثر من ${formatNumber('ar-SA', 32)} كيلوبايت).`
          : 'لم يتم الربط: تعذّر على Outlook حفظ اختيارك.';
    }
  },
};

const dialogTexts: DialogTexts = {
  alreadyOpen: 'نافذة تسجيل الدخول مفتوحة بالفعل.',
  popupBlocked: 'لم يتم الربط: حظر المستعرض نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لـ Outlook ثم حاول مرة أخرى.',
  dismissed: 'لم يتم الربط: أُغلقت نافذة تسجيل الدخول.',
  pageNotAllowed: 'لم يتم الربط: صفحة تسجيل الدخول غير مسموح بها (يجب أن تكون على عنوان HTTPS الخاص بالوظيفة الإضافية).',
  pageNotLoaded: 'لم يتم الربط: تعذّر تحميل صفحة تسجيل الدخول.',
  other: (code) => `لم يتم الربط: تعذّر فتح نافذة تسجيل الدخول (${code}).`,
};
