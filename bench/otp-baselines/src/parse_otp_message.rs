//! Port of the code extraction of
//! [parse-otp-message](https://github.com/transitive-bullshit/parse-otp-message)
//! `index.js` at `435cfed87b0d002380a1cf21ff4c48319d9db6d4`.
//! MIT © Travis Fischer; see `licenses/parse-otp-message-MIT.txt`.
//!
//! Only the code is ported, not the service guess (`inferService`), which
//! never changes the code. JavaScript's `\b` and `\d` are ASCII, hence
//! `(?-u:\b)` and `[0-9]`.

use regex::Regex;
use std::sync::LazyLock;

static GOOGLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(g-[0-9]{4,8})(?-u:\b)").unwrap());
static FOUR_TO_EIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{4,8})(?-u:\b)").unwrap());
static THREE_THREE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{3}[- ][0-9]{3})(?-u:\b)").unwrap());
static ALNUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9A-Z]{6,8})(?-u:\b)").unwrap());

/// `module.exports = (message) => …`, its `code` field.
pub fn parse(message: &str) -> Option<String> {
    let s = message.to_lowercase();

    if let Some(m) = GOOGLE.captures(message) {
        return Some(m[1].to_owned());
    }
    let digits = |code: &str| code.chars().filter(char::is_ascii_digit).collect::<String>();
    if let Some(code) = validate_first(&s, &FOUR_TO_EIGHT, &digits) {
        return Some(code);
    }
    if let Some(code) = validate_first(&s, &THREE_THREE, &digits) {
        return Some(code);
    }
    if let Some(code) = validate_global(&s, &FOUR_TO_EIGHT, &digits) {
        return Some(code);
    }
    if let Some(code) = validate_global(&s, &THREE_THREE, &digits) {
        return Some(code);
    }
    let alnum = |code: &str| {
        code.chars().filter(|c| c.is_ascii_digit() || c.is_ascii_uppercase()).collect::<String>()
    };
    validate_global(message, &ALNUM, &alnum)
}

/// `validateAuthCode` without the `g` flag: only the first match is tried.
fn validate_first(message: &str, re: &Regex, clean: &dyn Fn(&str) -> String) -> Option<String> {
    let caps = re.captures(message)?;
    let whole = caps.get(0).unwrap();
    validate_match(message, whole.start(), &caps[1], clean)
}

/// `validateAuthCode` with the `g` flag: every match, each looked up again
/// with `indexOf` (its first occurrence), as the original does.
fn validate_global(message: &str, re: &Regex, clean: &dyn Fn(&str) -> String) -> Option<String> {
    re.find_iter(message).find_map(|m| {
        let code = m.as_str();
        let index = message.find(code).unwrap_or(m.start());
        validate_match(message, index, code, clean)
    })
}

/// `validateAuthCodeMatch`: no `-` or `+` before, no `-` after.
fn validate_match(
    message: &str,
    index: usize,
    code: &str,
    clean: &dyn Fn(&str) -> String,
) -> Option<String> {
    if code.is_empty() {
        return None;
    }
    if let Some(prev) = message[..index].chars().next_back()
        && (prev == '-' || prev == '+')
    {
        return None;
    }
    if message[index + code.len()..].starts_with('-') {
        return None;
    }
    Some(clean(code).trim().to_owned())
}
