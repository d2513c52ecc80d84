//! The table of hand-written cases; the corpus of real messages is in
//! `tests/code_corpus.rs`.

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
    ("Your WhatsApp code: 483-921\nDon't share this code with others\n4sgLq1p5sV6", Some("483921")),
    (
        "Telegram code: 52741\n\nYou can also tap on this link to log in:\nhttps://t.me/login/52741",
        Some("52741"),
    ),
    ("Your Amazon OTP is 123456. Don't share it with anyone.", Some("123456")),
    ("Your Uber code: 7291. Never share this code. Reply STOP ASSISTANCE for help.", Some("7291")),
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
    // Turkish without its letters outside the GSM alphabet.
    ("Sifreniz 482913, kimseyle paylasmayin", Some("482913")),
    // Arabic-Indic and Persian digits come out in ASCII.
    ("رمز التحقق: ٤٨٢١٩٣", Some("482193")),
    ("کد ورود شما: ۷۳۹۲۰۱", Some("739201")),
    ("Ваш код: ५५२१", None),
    // A card's digits labelled right before, in other scripts and languages.
    ("کارت: 1245\nرمز: 5611728", Some("5611728")),
    ("Karte: 4821\nCode: 556677", Some("556677")),
    ("رمز برداشت از کارت شما: 5371134", Some("5371134")),
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
    // Compounds and inflections, in the languages the provider rents in.
    ("Dein Bestätigungscode: 482913", Some("482913")),
    ("482913 ist dein Einmalkennwort", Some("482913")),
    ("Kertakäyttökoodisi on 482913", Some("482913")),
    ("Parol dlya vhoda: 4821", Some("4821")),
    ("Vash kod: 4821", Some("4821")),
    ("Ваш код підтвердження: 4821", Some("4821")),
    ("您的驗證碼為 556677，請勿外洩", Some("556677")),
    ("ワンタイムパスワード：556677", Some("556677")),
    ("הקוד שלך הוא 556677", Some("556677")),
    ("رمز التحقق الخاص بك هو 556677", Some("556677")),
    ("Mã xác thực của bạn là 556677", Some("556677")),
    ("G-830829", Some("830829")),
    ("Растау коды: 4821", Some("4821")),
    ("Kod pengesahan anda ialah 4821", Some("4821")),
    ("Uw eenmalig wachtwoord: 4821", Some("4821")),
    ("Din engångskod är 4821", Some("4821")),
    ("Codul de verificare este 4821", Some("4821")),
    ("Váš ověřovací kód je 4821", Some("4821")),
    ("Il tuo codice di verifica è 4821", Some("4821")),
    ("รหัส OTP ของคุณคือ 4821", Some("4821")),
    ("Doğrulama kodunuz 4821", Some("4821")),
    ("Your Signal code: 337-1337", Some("3371337")),
    ("Code for your purchase of 49,90 EUR: 4821", Some("4821")),
    // Not a code: a word that only contains a keyword, a weak keyword next
    // to a number to text back to, a phone, a time.
    ("Your barcode is 123456", None),
    ("some unicode is 123456", None),
    ("your codex is 123456", None),
    ("בנקודת 123456", None),
    ("Reply 4821 to confirm", None),
    ("Text 12345 to verify your number", None),
    ("Call 555-1234 to confirm your visit", None),
    ("Please confirm your visit at 12:30 on 01.05.2024", None),
    ("Please confirm the payment of 1500 RUB", None),
    ("Your code 12 expires soon", None),
    ("388-941-", None),
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
