//! The code extractor's properties, for any text at all and for SMS-like
//! text built from the pieces that steer its scanner into its corners: it
//! never panics, and a code it finds is 4 to 8 ASCII digits that appear in
//! the text in that order (nothing invented; Arabic-Indic and Persian
//! digits count as the ASCII digits they stand for, as the extractor reads
//! them: `rentapi::code::ascii_digit`). `PROPTEST_CASES` sets the
//! count; `scripts/fuzz-long.sh` runs it long, in release mode. The table of
//! real SMS and their expected codes is in `src/code.rs`.

mod fuzz;

use proptest::prelude::*;
use rentapi::code::{ascii_digit, extract_code};

fn is_subsequence(code: &str, text: &str) -> bool {
    let mut rest = text.chars().map(ascii_digit);
    code.chars().all(|c| rest.any(|t| t == c))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    if let Some(code) = extract_code(text) {
        prop_assert!((4..=8).contains(&code.len()), "{code:?} from {text:?}");
        prop_assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code:?} from {text:?}");
        prop_assert!(is_subsequence(&code, text), "{code:?} not in {text:?}");
    }
    Ok(())
}

/// Pieces that steer the scanner into its corners: keywords, digits,
/// joiners, signs, units, CJK and odd Unicode.
fn sms_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,10}",
        Just(" ".to_owned()),
        Just("-".to_owned()),
        prop::sample::select(vec![
            "code",
            "Code:",
            "код",
            "验证码",
            "pin",
            "otp",
            "promo",
            "order",
            "#",
            "№",
            "+",
            "$",
            "руб",
            "元",
            ".",
            ", ",
            ":",
            "/",
            "G-",
            "or",
            "\n",
            "。",
            "İ",
            "ß",
            "１",
            "٣",
            "is your",
            "verification",
            "[",
            "]",
            "\u{a0}",
            "%",
            "*",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

#[test]
fn any_text_gives_digits_in_order() {
    fuzz::run("code/any-text", any::<String>(), |text| check(&text));
}

#[test]
fn sms_like_text_gives_digits_in_order() {
    let pieces = prop::collection::vec(sms_piece(), 0..24);
    fuzz::run("code/sms-like-text", pieces, |pieces| check(&pieces.concat()));
}
