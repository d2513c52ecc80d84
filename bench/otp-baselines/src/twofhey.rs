//! Port of 2FHey's `TwoFHeyOTPParser.parseMessage` with its default
//! configuration, from [SoFriendly/2fhey](https://github.com/SoFriendly/2fhey)
//! at `07308c8ba659add17218ecae6baca12883d40f69` (the version its tests
//! ran against): `TwoFHey/OTPParser/OTPParser.swift`,
//! `OTPParserContants.swift`, `CustomOTPParsers.swift`. CC0-1.0; see
//! `licenses/2fhey-CC0-1.0.txt`.
//!
//! Left out: the service guess, which changes no code except through the
//! one custom parser that requires the service `transaction` (Kotak Bank),
//! also left out. `NSRegularExpression` is Unicode-aware, as `regex` is.

use regex::Regex;
use std::sync::LazyLock;

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:call\s+)?(\d{3}\.\d{3}\.\d{4})").unwrap());
static GOOGLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(G-[A-Z0-9]{5})\b").unwrap());
static STANDARD: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        Regex::new(r"\b(\d{4,8})\b").unwrap(),
        Regex::new(r"\b(\d{3}[- ]\d{3})\b").unwrap(),
        Regex::new(r"(?i)\b([a-zA-Z]*\d[a-zA-Z\d]{3,})\b").unwrap(),
    ]
});
const ENDING_CHARACTERS: [char; 6] = [',', '.', '!', ' ', '，', '。'];

/// `parseMessage(_:)`, its `code`.
pub fn parse(message: &str) -> Option<String> {
    let lowercase = message.to_lowercase();
    if PHONE.is_match(&lowercase) {
        return None;
    }
    if let Some(caps) = GOOGLE.captures(message) {
        return Some(caps[1].to_owned());
    }
    // The default configuration has no custom patterns.
    for re in STANDARD.iter() {
        for caps in re.captures_iter(&lowercase) {
            let code = &caps[1];
            if is_valid_code_in_message_context(&lowercase, code) {
                return Some(with_non_digits_removed(code).unwrap_or_else(|| code.to_owned()));
            }
        }
    }
    custom_parsers(message)
}

/// `withNonDigitsRemoved`: digits and dots, only when a dot is left.
fn with_non_digits_removed(code: &str) -> Option<String> {
    let cleaned: String = code.chars().filter(|c| c.is_numeric() || *c == '.').collect();
    cleaned.contains('.').then_some(cleaned)
}

/// `isValidCodeInMessageContext`, on the first occurrence of `code`.
fn is_valid_code_in_message_context(message: &str, code: &str) -> bool {
    let Some(position) = message.find(code) else { return false };
    let prev = message[..position].chars().next_back();
    let after = position + code.len();
    if ["am", "pm", "st", "rd", "th", "nd"].iter().any(|s| code.ends_with(s)) {
        return false;
    }
    if prev != Some('-') && matches!(prev, Some('/' | '\\' | '$')) {
        return false;
    }
    if let Some(next) = message[after..].chars().next()
        && !ENDING_CHARACTERS.contains(&next)
    {
        return false;
    }
    true
}

/// `Int(self) != nil`.
fn is_int(s: &str) -> bool {
    s.parse::<i64>().is_ok()
}

/// `CUSTOM_PARSERS`, the ones that need no service name, in order. Where the
/// Swift would index past the end of the words (and crash), this says no.
fn custom_parsers(message: &str) -> Option<String> {
    let words: Vec<&str> = message.split(' ').collect();
    // Generic catch 1 (Epic Games, possibly others).
    if message.contains("Your security code:")
        && let Some(word) = words.get(3)
        && is_int(&word.replace('.', ""))
    {
        return Some(word.replace('.', ""));
    }
    // Portal Verification.
    if message.contains("portal verification") && words.len() > 6 && words[6].chars().count() == 6 {
        return Some(words[6].to_owned());
    }
    // Cater Allen's complex OTP.
    if let Some(last) = words.last()
        && is_int(last)
        && message.contains("Cater Allen staff")
        && message.contains("OTP to MAKE A NEW PAYMENT")
    {
        return Some((*last).to_owned());
    }
    None
}
