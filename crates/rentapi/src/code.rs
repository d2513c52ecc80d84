//! Verification codes in SMS text.
//!
//! The text comes from whoever sent the SMS, so it is untrusted and its
//! format is anyone's guess. The one rule: a wrong code is worse than none
//! (the user would type it, fail, and maybe lock the account), so
//! [`extract_code`] answers only when the text leaves no doubt.
//!
//! How it decides, without a regex engine (the app ships as wasm and every
//! kilobyte counts):
//! 1. Cut the text into numeric tokens: runs of ASCII digits, joined by one
//!    separator (`12:30`, `2024-05-01`, `+7 916 123 45 67`, `671 094`).
//! 2. A token reads as a code when it is 4–8 digits, or two halves of 3+3
//!    digits (space or hyphen) or 4+4 digits (hyphen). Its surroundings must
//!    not say it is something else: glued to letters (`ID1234`, `1500р`), a
//!    phone (`+`), an amount (`$`, `руб`, `元`), an order or card number
//!    (`order`, `№`, `尾号`), a link (`/1234`).
//! 3. Find keywords (`code`, `код`, `验证码`, `pin`, …). A keyword vouches
//!    for the nearest numeric token after it, or before it, in the same
//!    sentence. "Strong" keywords name the code itself; "weak" ones
//!    (`verification`, `confirm`, …) only count when no strong one vouches.
//! 4. Exactly one distinct vouched value is the answer; zero or several is
//!    `None`. With no keyword at all, only a text that is nothing but the
//!    code is accepted.

/// The digits of the verification code in `text` (4–8 ASCII digits), or
/// `None` when the text has no code or more than one thing could be it.
///
/// ```
/// use rentapi::code::extract_code;
/// assert_eq!(extract_code("Code Instagram: 671 094.").as_deref(), Some("671094"));
/// assert_eq!(extract_code("Your balance is 1500 руб"), None);
/// ```
pub fn extract_code(text: &str) -> Option<String> {
    let t = Text::new(text);
    let tokens = t.tokens();
    let hits = t.keyword_hits();

    if hits.is_empty() {
        return t.bare_code(&tokens);
    }

    let mut strong: Vec<&str> = Vec::new();
    let mut weak: Vec<&str> = Vec::new();
    for hit in &hits {
        for tok in [t.token_after(&tokens, hit), t.token_before(&tokens, hit)].into_iter().flatten()
        {
            if let Some(code) = &tok.code {
                let set = if hit.strong { &mut strong } else { &mut weak };
                if !set.contains(&code.as_str()) {
                    set.push(code);
                }
            }
        }
    }
    let pick = match (strong.as_slice(), weak.as_slice()) {
        ([one], _) | ([], [one]) => *one,
        _ => return None,
    };
    // "Codes: 1234, 5678": the keyword sits next to the first of a list.
    if t.listed_with_another(&tokens, pick) {
        return None;
    }
    Some(pick.to_owned())
}

/// A keyword: `whole` ones must stand as a word (`pin` is not `ping`); the
/// others only need to start a word (`код` in `кодом`, not in `промокод`).
/// Words written in scripts without spaces (CJK) match anywhere.
struct Keyword {
    text: &'static str,
    whole: bool,
    strong: bool,
}

const fn kw(text: &'static str, whole: bool, strong: bool) -> Keyword {
    Keyword { text, whole, strong }
}

/// Lower case. Strong: the word names the code. Weak: the word is about
/// checking, and the number next to it is only probably the code.
const KEYWORDS: &[Keyword] = &[
    kw("code", false, true),
    kw("codigo", false, true),
    kw("código", false, true),
    kw("codice", false, true),
    kw("kode", false, true),
    kw("kod", false, true),
    kw("kód", false, true),
    kw("код", false, true),
    kw("пароль", false, true),
    kw("пин", true, true),
    kw("pin", true, true),
    kw("otp", true, true),
    kw("tan", true, true),
    kw("passcode", false, true),
    kw("password", false, true),
    kw("passwort", false, true),
    kw("mot de passe", false, true),
    kw("one-time", false, true),
    kw("one time", false, true),
    kw("mã xác", false, true),
    kw("ma xac", false, true),
    kw("验证码", false, true),
    kw("驗證碼", false, true),
    kw("校验码", false, true),
    kw("校驗碼", false, true),
    kw("确认码", false, true),
    kw("確認碼", false, true),
    kw("认证码", false, true),
    kw("認證碼", false, true),
    kw("动态码", false, true),
    kw("動態碼", false, true),
    kw("密码", false, true),
    kw("密碼", false, true),
    kw("コード", false, true),
    kw("認証番号", false, true),
    kw("인증번호", false, true),
    kw("인증 번호", false, true),
    kw("인증코드", false, true),
    kw("verif", false, false),
    kw("vérif", false, false),
    kw("confirm", false, false),
    kw("bestätig", false, false),
    kw("doğrulama", false, false),
    kw("подтвер", false, false),
    kw("авториз", false, false),
    kw("activat", false, false),
    kw("активац", false, false),
    kw("auth", false, false),
    kw("login", false, false),
    kw("log in", false, false),
    kw("sign in", false, false),
    kw("sign-in", false, false),
    kw("验证", false, false),
    kw("驗證", false, false),
    kw("确认", false, false),
    kw("確認", false, false),
    kw("登录", false, false),
    kw("登錄", false, false),
    kw("認証", false, false),
    kw("인증", false, false),
];

/// A word right before `code` that makes it some other code: `promo code`,
/// `zip code`, `country code`, …
const NOT_OUR_CODE: &[&str] = &[
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
    "промо",
    "почтовый",
];

/// A word right before a number that says what the number is, when it is
/// not a code. Latin words must match whole; Cyrillic entries are stems.
const ANTI_LATIN: &[&str] = &[
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
const ANTI_CYRILLIC_STEMS: &[&str] = &[
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
const ANTI_CJK: &[&str] = &[
    "订单", "訂單", "单号", "單號", "尾号", "尾號", "卡号", "卡號", "余额", "餘額", "金额", "金額",
    "电话", "電話", "号码", "號碼", "手机", "手機",
];

/// Words or signs right after a number that make it an amount or a date.
const UNITS: &[&str] = &[
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
const CJK_UNITS: &[char] = &[
    '元', '块', '円', '圓', '年', '月', '日', '号', '號', '次', '个', '個', '分', '秒', '点', '時',
    '时', '원',
];
const MONEY_SIGNS: &[char] = &['$', '€', '£', '¥', '₽', '₹', '₴', '₸', '₩', '¢'];
/// Right before a number: phone, order, card mask, link, copyright, sign.
const BAD_BEFORE: &[char] = &['+', '#', '№', '/', '\\', '=', '&', '@', '%', '_', '©', '*', '~'];
/// Right after a number: percent, link, unit, degree.
const BAD_AFTER: &[char] = &['%', '/', '\\', '@', '=', '_', '+', '°', '*'];
/// The text between two numbers that makes them a list (`1234, 5678`).
const LIST_JOINERS: &[&str] =
    &["", ",", ";", "/", "|", "&", "and", "or", "и", "или", "或", "、", "，"];

/// How far (in characters) a keyword reaches for its number.
const REACH_AFTER: usize = 48;
const REACH_BEFORE: usize = 40;

/// A keyword found in the text, as a character span.
struct Hit {
    start: usize,
    end: usize,
    strong: bool,
}

/// Digits (and their single separators) as a character span, and the code
/// they spell when they can be one.
struct Token {
    start: usize,
    end: usize,
    code: Option<String>,
}

/// The text as characters (so indices never split a UTF-8 sequence) with a
/// one-to-one lower-case copy.
struct Text {
    chars: Vec<char>,
    lower: Vec<char>,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Han, kana, Hangul and full-width punctuation: scripts that glue words
/// and numbers together without spaces (`验证码884213`).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFF0F
        | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x20000..=0x2FFFF)
}

/// A character that makes a neighbouring digit part of a word (`ID1234`,
/// `1500р`, `x1080`), CJK excepted.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_cjk(c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// One character between two digit runs that keeps them one token.
fn is_joiner(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | ':' | '/' | '\'') || is_hyphen(c)
}

impl Text {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        // The first char of the lower case keeps indices aligned; the rare
        // expansions (`İ` → `i̇`) lose nothing that matters here.
        let lower = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
        Self { chars, lower }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn tokens(&self) -> Vec<Token> {
        let c = &self.chars;
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            if !is_digit(c[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut runs: Vec<(usize, usize)> = Vec::new();
            let mut joiners: Vec<char> = Vec::new();
            loop {
                let run_start = i;
                while i < c.len() && is_digit(c[i]) {
                    i += 1;
                }
                runs.push((run_start, i));
                if i + 1 < c.len() && is_joiner(c[i]) && is_digit(c[i + 1]) {
                    joiners.push(c[i]);
                    i += 1;
                } else {
                    break;
                }
            }
            let code = self.spelled_code(&runs, &joiners).filter(|_| self.fits_context(start, i));
            out.push(Token { start, end: i, code });
        }
        out
    }

    /// The digits a token spells when its shape is a code's: 4–8 digits,
    /// `671 094` / `483-921`, or `1234-5678`. Anything with more parts is
    /// a phone, a date, a time or an amount.
    fn spelled_code(&self, runs: &[(usize, usize)], joiners: &[char]) -> Option<String> {
        let digits = |&(a, b): &(usize, usize)| self.chars[a..b].iter().collect::<String>();
        match (runs, joiners) {
            ([run], []) => (4..=8).contains(&(run.1 - run.0)).then(|| digits(run)),
            ([a, b], [j]) => {
                let (la, lb) = (a.1 - a.0, b.1 - b.0);
                let halves = la == lb
                    && ((la == 3 && (is_space(*j) || is_hyphen(*j))) || (la == 4 && is_hyphen(*j)));
                halves.then(|| digits(a) + &digits(b))
            }
            _ => None,
        }
    }

    /// Whether the characters around `start..end` let it be a code.
    fn fits_context(&self, start: usize, end: usize) -> bool {
        let c = &self.chars;
        if start > 0 {
            let p = c[start - 1];
            if is_word_char(p) || BAD_BEFORE.contains(&p) || MONEY_SIGNS.contains(&p) {
                return false;
            }
            if is_hyphen(p) && !self.brand_prefix(start - 1) {
                return false;
            }
            if p == '.' && start >= 2 && is_word_char(c[start - 2]) {
                return false; // `v.1234`, `example.1234`
            }
        }
        if end < c.len() {
            let n = c[end];
            if is_word_char(n) || BAD_AFTER.contains(&n) || MONEY_SIGNS.contains(&n) {
                return false;
            }
            if n == '.' && end + 1 < c.len() && is_word_char(c[end + 1]) {
                return false; // `1234.com`
            }
        }
        // A sign or unit a space away: `$ 1500`, `№ 123456`, `1500 руб`.
        let before = (0..start).rev().find(|&k| !is_space(c[k]));
        if let Some(k) = before
            && start - k <= 2
            && (MONEY_SIGNS.contains(&c[k]) || matches!(c[k], '+' | '#' | '№' | '©'))
        {
            return false;
        }
        !self.unit_after(end) && !self.anti_before(start)
    }

    /// `G-123456`, `FB-12345`: one to three capitals and a hyphen before the
    /// digits are how some brands prefix their codes.
    fn brand_prefix(&self, hyphen: usize) -> bool {
        let c = &self.chars;
        let mut k = hyphen;
        while k > 0 && c[k - 1].is_ascii_uppercase() {
            k -= 1;
        }
        let letters = hyphen - k;
        (1..=3).contains(&letters) && (k == 0 || !is_word_char(c[k - 1]))
    }

    /// A unit or currency after the number: `1500 руб`, `5000 ₽`, `500元`.
    fn unit_after(&self, end: usize) -> bool {
        let c = &self.chars;
        let Some(k) = (end..c.len()).find(|&k| !is_space(c[k])) else { return false };
        if k - end > 2 {
            return false;
        }
        if MONEY_SIGNS.contains(&c[k]) || c[k] == '%' || CJK_UNITS.contains(&c[k]) {
            return true;
        }
        let word: String = self.lower[k..].iter().take_while(|&&ch| is_word_char(ch)).collect();
        let word_dot = if c.get(k + word.chars().count()) == Some(&'.') {
            format!("{word}.")
        } else {
            word.clone()
        };
        UNITS.iter().any(|u| {
            *u == word
                || *u == word_dot
                || (u.chars().count() >= 3 && u.chars().all(is_cyrillic) && word.starts_with(u))
        })
    }

    /// A word right before the number that says it is an order, a card, an
    /// amount or a phone (`order 58213`, `Заказ №5521`, `尾号1234`). Looks at
    /// two words, unless the nearer one is a keyword (`order code 1234`).
    fn anti_before(&self, start: usize) -> bool {
        let c = &self.chars;
        let mut k = start;
        for _ in 0..2 {
            // Skip spaces and the punctuation that sits between a label and
            // its number.
            let mut skipped = 0;
            while k > 0
                && skipped < 4
                && (is_space(c[k - 1]) || ":：#№*-–—.(«\"'".contains(c[k - 1]))
            {
                k -= 1;
                skipped += 1;
            }
            if k == 0 {
                return false;
            }
            if is_cjk(c[k - 1]) {
                let from = k.saturating_sub(6);
                let run: String =
                    self.lower[from..k].iter().rev().take_while(|&&ch| is_cjk(ch)).collect();
                let run: String = run.chars().rev().collect();
                return ANTI_CJK.iter().any(|a| run.contains(a))
                    && !KEYWORDS.iter().any(|kw| kw.strong && run.contains(kw.text));
            }
            let end = k;
            while k > 0 && c[k - 1].is_alphabetic() && !is_cjk(c[k - 1]) {
                k -= 1;
            }
            if k == end {
                return false;
            }
            let word: String = self.lower[k..end].iter().collect();
            if ANTI_LATIN.contains(&word.as_str())
                || ANTI_CYRILLIC_STEMS.iter().any(|s| word.starts_with(s))
            {
                return true;
            }
            if KEYWORDS.iter().any(|kw| kw.strong && word.starts_with(kw.text)) {
                return false;
            }
        }
        false
    }

    fn keyword_hits(&self) -> Vec<Hit> {
        let l = &self.lower;
        let mut hits = Vec::new();
        for start in 0..l.len() {
            for kw in KEYWORDS {
                let Some(end) = self.match_at(start, kw.text) else { continue };
                let first = l[start];
                let wordy = is_word_char(first);
                if wordy && start > 0 && is_word_char(l[start - 1]) {
                    continue;
                }
                if kw.whole && end < l.len() && is_word_char(l[end]) {
                    continue;
                }
                if kw.strong && self.other_code_before(start) {
                    continue;
                }
                hits.push(Hit { start, end, strong: kw.strong });
            }
        }
        hits
    }

    /// The end of `word` when it occurs (lower case) at `start`.
    fn match_at(&self, start: usize, word: &str) -> Option<usize> {
        let mut k = start;
        for w in word.chars() {
            if self.lower.get(k) != Some(&w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// `promo code`, `zip-code`, `country code`: not the code we want.
    fn other_code_before(&self, start: usize) -> bool {
        let l = &self.lower;
        let mut k = start;
        while k > 0 && (is_space(l[k - 1]) || is_hyphen(l[k - 1])) && start - k < 2 {
            k -= 1;
        }
        let end = k;
        while k > 0 && is_word_char(l[k - 1]) {
            k -= 1;
        }
        let word: String = l[k..end].iter().collect();
        NOT_OUR_CODE.contains(&word.as_str())
    }

    /// The first numeric token after `hit`, when close and in the same
    /// sentence. Any token counts as the first, so a keyword followed by
    /// something that is not a code (`code A1B2`, `code for order 58213`)
    /// vouches for nothing.
    fn token_after<'a>(&self, tokens: &'a [Token], hit: &Hit) -> Option<&'a Token> {
        let tok = tokens.iter().find(|t| t.start >= hit.end)?;
        let glued = self.glued_digit_between(hit.end, tok.start);
        (tok.start - hit.end <= REACH_AFTER && !glued && !self.sentence_break(hit.end, tok.start))
            .then_some(tok)
    }

    /// The last numeric token before `hit` (`332211 is your code`), same
    /// rules as [`Text::token_after`].
    fn token_before<'a>(&self, tokens: &'a [Token], hit: &Hit) -> Option<&'a Token> {
        let tok = tokens.iter().rev().find(|t| t.end <= hit.start)?;
        let glued = self.glued_digit_between(tok.end, hit.start);
        (hit.start - tok.end <= REACH_BEFORE && !glued && !self.sentence_break(tok.end, hit.start))
            .then_some(tok)
    }

    /// Non-ASCII digits (`１２３４`, `٣٤٥`) are never tokens but still make
    /// the nearest ASCII number an unsure pick.
    fn glued_digit_between(&self, from: usize, to: usize) -> bool {
        self.chars[from..to].iter().any(|c| c.is_numeric() && !c.is_ascii_digit())
    }

    /// A sentence ends between `from` and `to`: `.`, `!`, `?` or `;` before
    /// white space, or a CJK full stop.
    fn sentence_break(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            let ch = self.chars[k];
            let next_space = self.chars.get(k + 1).is_none_or(|n| is_space(*n));
            matches!(ch, '。' | '！' | '？' | '；')
                || (matches!(ch, '.' | '!' | '?' | ';') && next_space)
        })
    }

    /// Whether `pick` sits in a list with a different code (`1234 or 5678`).
    fn listed_with_another(&self, tokens: &[Token], pick: &str) -> bool {
        tokens.windows(2).any(|w| {
            let (Some(a), Some(b)) = (&w[0].code, &w[1].code) else { return false };
            if a == b || (a != pick && b != pick) {
                return false;
            }
            let gap: String = self.lower[w[0].end..w[1].start].iter().collect();
            LIST_JOINERS.contains(&gap.trim())
        })
    }

    /// With no keyword, accept only a text that is the code and nothing
    /// else but spaces and punctuation (some senders do just that).
    fn bare_code(&self, tokens: &[Token]) -> Option<String> {
        let first = tokens.first()?.code.clone()?;
        if tokens.iter().any(|t| t.code.as_ref() != Some(&first)) {
            return None;
        }
        let mut in_token = vec![false; self.len()];
        for t in tokens {
            in_token[t.start..t.end].iter_mut().for_each(|b| *b = true);
        }
        let only_code = self
            .chars
            .iter()
            .zip(&in_token)
            .all(|(c, inside)| *inside || is_space(*c) || c.is_ascii_punctuation());
        only_code.then_some(first)
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x04FF)
}

#[cfg(test)]
mod tests {
    use super::extract_code;

    /// (SMS text, expected code). Real-world shapes: the common services,
    /// several languages, and the traps (phones, money, dates, lists).
    const CASES: &[(&str, Option<&str>)] = &[
        // The brief's examples.
        ("Code Instagram: 671 094.", Some("671094")),
        ("Your WhatsApp code 483-921", Some("483921")),
        ("G-123456 is your Google verification code", Some("123456")),
        ("Telegram code: 12345", Some("12345")),
        ("Ваш код подтверждения: 5521", Some("5521")),
        ("您的验证码是 884213", Some("884213")),
        ("[TikTok] 332211 is your verification code", Some("332211")),
        // More services and languages.
        (
            "Your WhatsApp code: 483-921\nDon't share this code with others\n4sgLq1p5sV6",
            Some("483921"),
        ),
        (
            "Telegram code: 52741\n\nYou can also tap on this link to log in:\nhttps://t.me/login/52741",
            Some("52741"),
        ),
        ("Your Amazon OTP is 123456. Don't share it with anyone.", Some("123456")),
        (
            "Your Uber code: 7291. Never share this code. Reply STOP ASSISTANCE for help.",
            Some("7291"),
        ),
        ("FB-48213 is your Facebook confirmation code", Some("48213")),
        ("Your one-time password is 9931", Some("9931")),
        ("Your Microsoft account security code is 1234567", Some("1234567")),
        ("【淘宝】验证码884213，您正在登录，请勿泄露。", Some("884213")),
        ("您的验证码为：884213，5分钟内有效。", Some("884213")),
        ("【微信】驗證碼 556677，10分鐘內有效", Some("556677")),
        ("認証コード：123456", Some("123456")),
        ("[Web발신] 인증번호 [482913]을 입력해주세요", Some("482913")),
        ("Dein Bestätigungscode lautet 482913", Some("482913")),
        ("Tu código de verificación es 556677", Some("556677")),
        ("Votre code de vérification est 918273", Some("918273")),
        ("Doğrulama kodunuz: 123456", Some("123456")),
        ("Twój kod weryfikacyjny to 667788", Some("667788")),
        ("Il tuo codice è 4455", Some("4455")),
        ("Код: 5521. Никому не сообщайте код. Звоните 88005553535", Some("5521")),
        ("Ваш код: 5521. Списано 1500 руб", Some("5521")),
        ("Сумма 1500 руб. Код 5521", Some("5521")),
        ("Your code is 4821. Valid until 12:30 on 2024-05-01", Some("4821")),
        ("Your code 4821 is valid for 10 minutes. Order 55123 is on its way", Some("4821")),
        ("Confirm payment 1500 with code 4821", Some("4821")),
        ("Your code: 1234-5678", Some("12345678")),
        ("Code: 4821. Again, your code: 4821", Some("4821")),
        ("884213", Some("884213")),
        ("Your PIN: 0042", Some("0042")),
        // Nothing that is surely a code.
        ("Your balance is $12.50. Top up now", None),
        ("Payment of 1500 руб received", None),
        ("Meeting at 12:30 on 2024-05-01", None),
        ("Call us at +1 555 123 4567 for your code", None),
        ("Your order 58213 has shipped", None),
        ("Codes: 1234, 5678", None),
        ("Use code 4821 or 7734 to sign in", None),
        ("Your verification code is 1234567890", None),
        ("1234 5678", None),
        ("Use promo code 2024 for 10% off", None),
        ("Your code: A1B2C3", None),
        ("Order #12345: your code will arrive soon", None),
        ("Your login code is 12-34", None),
        ("Ваш баланс 15000 руб.", None),
        ("Перевод 5000 ₽ от Ивана. Код операции не нужен", None),
        ("Code expires at 12:30", None),
        ("Card *1234: purchase 2500 RUB", None),
        ("Your PIN for card ending 4321 has been changed", None),
        ("【支付宝】您尾号1234的卡于5月1日消费500元", None),
        ("訂單號碼 12345678 已出貨", None),
        ("Your code is 4821. Your previous code 1234 has expired.", None),
        ("Hello! Your package 12345 arrives tomorrow", None),
        ("Списано 150 000 руб. Код подтверждения придёт позже", None),
        ("Your code will be sent from +7 916 123-45-67", None),
        ("Use code 4821 at example.com/5521", Some("4821")),
        ("Your code is ２３４５", None),
        ("Your code is ID1234", None),
        ("", None),
        ("code", None),
        ("Your verification link: https://x.io/v?c=123456", None),
        ("Confirm your booking 123456 for 2 nights", None),
        ("Your verification is complete. Account 12345678", None),
        ("Login at 12:30 from IP 192.168.1.1", None),
        ("Code 1234 for Anna, code 5678 for Bob", None),
        ("Не сообщайте код! Заказ 55123 собран", None),
        ("Your code is 123 456 789", None),
        ("Enter 4821 to verify your number 79161234567", Some("4821")),
        ("Transfer 5000 to 4821? Reply with code 7777", Some("7777")),
        ("Code: 1234\nTime: 12:30\nAmount: 500.00 USD", Some("1234")),
        ("Your verification code for Acme account john@x.com is below:\n\n884213", Some("884213")),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (text, want) in CASES {
            let got = extract_code(text);
            if got.as_deref() != *want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} wrong:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    // The properties (digits only, 4 to 8 of them, in the text's order, for
    // any text) are in tests/code_fuzz.rs, run long by scripts/fuzz-long.sh.
}
