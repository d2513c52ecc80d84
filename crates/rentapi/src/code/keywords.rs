//! The word tables the extractor reads: keywords per language, and the
//! words and signs that say a number is something other than a code.

/// Which letters may stand before a keyword in the same word.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    /// None: the keyword starts a word (`код` in `кодом`, not `промокод`).
    No,
    /// A compound's head of three letters or more, unless it is one of
    /// [`DENIED_HEADS`] (`Bestätigungscode`, `vahvistuskoodia`, not
    /// `barcode` or `unicode`).
    Compound,
    /// Articles and prepositions glued to the word, up to three letters of
    /// [`CLITICS`] (Hebrew `הקוד`, Arabic `الرمز`; not `בנקודת`).
    Clitic,
    /// Any: scripts written without spaces between words (Thai, Burmese).
    Any,
}

/// A keyword, in lower case. `tail`: other letters may follow (`кодом`,
/// `koodisi`); without it only a plural `s` may. Strong keywords name the
/// code itself; weak ones are about checking or logging in, and the number
/// next to them is only probably the code. Words written without spaces
/// (CJK) match anywhere.
pub(super) struct Keyword {
    pub text: &'static str,
    pub head: Head,
    pub tail: bool,
    pub strong: bool,
}

const fn strong(text: &'static str, head: Head, tail: bool) -> Keyword {
    Keyword { text, head, tail, strong: true }
}

const fn weak(text: &'static str) -> Keyword {
    Keyword { text, head: Head::No, tail: true, strong: false }
}

use Head::{Any, Clitic, Compound, No};

pub(super) const KEYWORDS: &[Keyword] = &[
    // English, and the Latin-script words many languages share.
    strong("code", Compound, false),
    strong("passcode", No, true),
    strong("password", No, true),
    strong("pin", No, false),
    strong("otp", No, false),
    strong("tan", No, false),
    strong("one-time", No, false),
    strong("one time", No, false),
    // Spanish, Portuguese, Italian, French, Romanian, Catalan.
    strong("codigo", No, true),
    strong("código", No, true),
    strong("codice", No, true),
    strong("codi", No, false),
    strong("cod", No, false),
    strong("codul", No, false),
    strong("clave", No, true),
    strong("contraseña", No, true),
    strong("senha", No, true),
    strong("mot de passe", No, false),
    // German, Dutch, Afrikaans, Indonesian, Malay, Nordic, Polish, Czech,
    // Turkish (also as sent without its letters outside GSM's alphabet:
    // `sifre`, `dogrulama`), Finnish; transliterated Russian (`kod`,
    // `parol`).
    strong("kode", Compound, true),
    strong("kod", Compound, true),
    strong("kód", No, true),
    strong("koodi", Compound, true),
    strong("kennwort", Compound, true),
    strong("passwort", Compound, true),
    strong("hasło", No, true),
    strong("hasla", No, true),
    strong("heslo", No, true),
    strong("şifre", No, true),
    strong("sifre", No, true),
    strong("salasana", No, true),
    strong("parol", No, true),
    strong("wachtwoord", Compound, true),
    strong("lösenord", Compound, true),
    strong("kata laluan", No, false),
    strong("kata sandi", No, false),
    // Vietnamese.
    strong("mã xác", No, true),
    strong("ma xac", No, true),
    strong("mã kích hoạt", No, false),
    strong("ma kich hoat", No, false),
    // Cyrillic: Russian, Ukrainian, Kazakh, Bulgarian.
    strong("код", No, true),
    strong("пароль", No, true),
    strong("пин", No, false),
    strong("құпия сөз", No, true),
    // Greek.
    strong("κωδικ", No, true),
    // Hebrew, Arabic, Persian, Urdu.
    strong("קוד", Clitic, true),
    strong("סיסמ", Clitic, true),
    strong("رمز", Clitic, true),
    strong("كود", Clitic, true),
    strong("كلمة المرور", No, false),
    strong("کد", No, false),
    strong("کوڈ", No, false),
    // Hindi.
    strong("कोड", No, false),
    strong("ओटीपी", No, false),
    // Thai, Burmese.
    strong("รหัส", Any, true),
    strong("ကုတ်", Any, true),
    // Chinese (Simplified and Traditional).
    strong("验证码", No, true),
    strong("驗證碼", No, true),
    strong("校验码", No, true),
    strong("校驗碼", No, true),
    strong("确认码", No, true),
    strong("確認碼", No, true),
    strong("认证码", No, true),
    strong("認證碼", No, true),
    strong("动态码", No, true),
    strong("動態碼", No, true),
    strong("代码", No, true),
    strong("代碼", No, true),
    strong("密码", No, true),
    strong("密碼", No, true),
    strong("口令", No, true),
    // Japanese.
    strong("コード", No, true),
    strong("パスワード", No, true),
    strong("認証番号", No, true),
    strong("暗証番号", No, true),
    strong("確認番号", No, true),
    // Korean.
    strong("인증번호", No, true),
    strong("인증 번호", No, true),
    strong("코드", No, true),
    strong("비밀번호", No, true),
    // Weak: checking, activating, logging in.
    weak("verif"),
    weak("vérif"),
    weak("confirm"),
    weak("bestätig"),
    weak("doğrulama"),
    weak("dogrulama"),
    weak("подтвер"),
    weak("підтвер"),
    weak("авториз"),
    weak("activat"),
    weak("активац"),
    weak("auth"),
    weak("सत्यापन"),
    weak("xác thực"),
    weak("xac thuc"),
    weak("login"),
    weak("log in"),
    weak("sign in"),
    weak("sign-in"),
    weak("验证"),
    weak("驗證"),
    weak("确认"),
    weak("確認"),
    weak("登录"),
    weak("登錄"),
    weak("登入"),
    weak("認証"),
    weak("인증"),
];

/// Compound heads that make `…code` some other code or no code at all.
pub(super) const DENIED_HEADS: &[&str] = &[
    "bar",
    "uni",
    "fan",
    "zip",
    "post",
    "promo",
    "source",
    "trans",
    "geo",
    "gift",
    "rabatt",
    "gutschein",
    "aktions",
    "rabat",
    "alennus",
    "kampanja",
    "lahja",
    "postal",
    "area",
    "country",
    "discount",
    "coupon",
    "voucher",
    "referral",
    "invite",
    "qr",
    "pre",
    "kurz",
];

/// The letters Hebrew and Arabic glue before a word: the article and the
/// one-letter prepositions and conjunctions.
pub(super) const CLITICS: &str = "הובלמשכاوبلفك";

/// A word right after a keyword that makes it something else: Persian
/// `رمز ارز` is a cryptocurrency, not a code.
pub(super) const NOT_OUR_CODE_AFTER: &[&str] = &["ارز"];

/// A word right before `code` that makes it some other code: `promo code`,
/// `zip code`, `country code`, …
pub(super) const NOT_OUR_CODE: &[&str] = &[
    "promo",
    "zip",
    "postal",
    "post",
    "country",
    "area",
    "qr",
    "bar",
    "discount",
    "coupon",
    "referral",
    "invite",
    "invitation",
    "gift",
    "voucher",
    "error",
    "reason",
    "sort",
    "branch",
    "tracking",
    "short",
    "промо",
    "почтовый",
];

/// A word right before a number that says what the number is, when it is
/// not a code. Latin words must match whole; Cyrillic entries are stems.
pub(super) const ANTI_LATIN: &[&str] = &[
    "order",
    "orders",
    "no",
    "nr",
    "id",
    "ref",
    "reference",
    "invoice",
    "ticket",
    "tracking",
    "account",
    "acct",
    "card",
    "ending",
    "balance",
    "amount",
    "total",
    "sum",
    "price",
    "payment",
    "paid",
    "charged",
    "spent",
    "transfer",
    "deposit",
    "withdrawal",
    "call",
    "tel",
    "phone",
    "fax",
    "ext",
    "number",
    "booking",
    "flight",
    "room",
    "unit",
    "promo",
    "coupon",
    "voucher",
];
/// Card, account, amount, balance, order in more languages, as a label
/// right before its number (`کارت: 1245`, `Konto 12345678`), whole words.
/// Only the nearest word: two words back it may belong to the code's own
/// phrase (`رمز برداشت وجه از کارت شما: 5371134`, the password for a
/// withdrawal from your card).
pub(super) const ANTI_LABELS: &[&str] = &[
    "karte",
    "konto",
    "betrag",
    "bestellung",
    "carte",
    "compte",
    "montant",
    "commande",
    "tarjeta",
    "cuenta",
    "importe",
    "pedido",
    "cartão",
    "cartao",
    "conta",
    "carta",
    "conto",
    "importo",
    "ordine",
    "kart",
    "hesap",
    "tutar",
    "کارت",
    "حساب",
    "مبلغ",
    "مانده",
    "موجودی",
    "موجودي",
    "بطاقة",
    "البطاقة",
    "المبلغ",
    "رصيد",
];
pub(super) const ANTI_CYRILLIC_STEMS: &[&str] = &[
    "заказ",
    "карт",
    "счет",
    "счёт",
    "баланс",
    "сумм",
    "итог",
    "остат",
    "цен",
    "стоимост",
    "звон",
    "телефон",
    "номер",
    "покупк",
    "платеж",
    "платёж",
    "оплат",
    "перевод",
    "списан",
    "пополн",
    "зачисл",
    "промо",
];
pub(super) const ANTI_CJK: &[&str] = &[
    "订单",
    "訂單",
    "单号",
    "單號",
    "尾号",
    "尾號",
    "卡号",
    "卡號",
    "余额",
    "餘額",
    "金额",
    "金額",
    "电话",
    "電話",
    "号码",
    "號碼",
    "手机",
    "手機",
    "后四位",
    "後四位",
    "後四碼",
    "后四码",
    "末四位",
    "尾数",
    "尾數",
];

/// A word right before a number that weak keywords must not vouch for:
/// a short code to text back to, a card's last digits.
pub(super) const WEAK_ANTI: &[&str] =
    &["to", "reply", "text", "send", "sms", "ending", "card", "на", "ответьте", "отправьте"];

/// Words or signs right after a number that make it an amount, a quantity
/// or a length of time.
pub(super) const UNITS: &[&str] = &[
    "руб",
    "р",
    "р.",
    "rub",
    "rur",
    "usd",
    "eur",
    "uah",
    "kzt",
    "byn",
    "gbp",
    "cny",
    "rmb",
    "inr",
    "rs",
    "irt",
    "irr",
    "vnd",
    "грн",
    "тг",
    "тенге",
    "сом",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "yuan",
    "points",
    "pts",
    "балл",
    "бонус",
    "bonus",
    "km",
    "kg",
    "mb",
    "gb",
    "мб",
    "гб",
];
pub(super) const CJK_UNITS: &[char] = &[
    '元', '块', '円', '圓', '年', '月', '日', '号', '號', '次', '个', '個', '分', '秒', '点', '時',
    '时', '원',
];
pub(super) const MONEY_SIGNS: &[char] = &['$', '€', '£', '¥', '₽', '₹', '₴', '₸', '₩', '¢'];
/// Right before a number: phone, order, card mask, link, copyright, sign.
pub(super) const BAD_BEFORE: &[char] =
    &['+', '#', '№', '/', '\\', '=', '&', '@', '%', '_', '©', '*', '~'];
/// Right after a number: percent, link, unit, degree.
/// A tag's `<` too: a number closed by markup (`99999999</s>`) is a
/// template's or a struck-out value.
pub(super) const BAD_AFTER: &[char] = &['%', '/', '\\', '@', '=', '_', '+', '°', '*', '<'];
/// The text between two numbers that makes them a list (`1234, 5678`).
pub(super) const LIST_JOINERS: &[&str] =
    &["", ",", ";", "/", "|", "&", "and", "or", "и", "или", "或", "、", "，"];
