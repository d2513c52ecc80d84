//! The code extractor on a labelled corpus of real messages copied from the
//! test suites of open-source OTP extractors (`tests/otp_corpus/`, sources
//! and licences in its SOURCES.md). Prints the table; fails on any wrong
//! code, on false alarms above 1 % of the messages without a code, and on
//! recall below the figures recorded here (raise them when it improves).

#[path = "otp_corpus/score.rs"]
mod score;

use rentapi::code::extract_code;
use std::path::Path;

/// Recorded figures, in per mille, that recall must not fall below: of the
/// codes of 4-8 digits, per language group, and of all codes.
const MIN_RECALL48_PERMILLE: [(&str, u32); 6] = [
    ("all", 980),
    ("en", 967),
    ("ru", 1000),
    ("zh-Hans", 1000),
    ("zh-Hant", 1000),
    ("other", 1000),
];
const MIN_RECALL_PERMILLE: u32 = 902;

#[test]
fn corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/otp_corpus");
    let cases = score::load(&dir);
    assert!(cases.len() >= 340, "corpus has {} messages", cases.len());
    let (tallies, misses) = score::score(&cases, &|t| extract_code(t));
    println!("{} messages\n{}", cases.len(), score::table(&[("smsrent", &tallies)]));
    for (i, verdict, got) in &misses {
        let c = &cases[*i];
        println!("{verdict:?} [{} {}] want {:?} got {got:?}: {:?}", c.src, c.lang, c.code, c.text);
    }
    let all = &tallies["all"];
    let wrong: Vec<_> = misses.iter().filter(|m| m.1 == score::Verdict::Wrong).collect();
    assert!(wrong.is_empty(), "{} wrong codes", wrong.len());
    assert!(all.false_alarm_rate() <= 0.01, "false alarms {}", all.false_alarm);
    let permille = |x: f64| (x * 1000.0).floor() as u32;
    for (group, min) in MIN_RECALL48_PERMILLE {
        let got = permille(tallies[group].recall48());
        assert!(got >= min, "{group}: recall of 4-8 digit codes {got} ‰ < {min} ‰");
    }
    assert!(permille(all.recall()) >= MIN_RECALL_PERMILLE, "recall {}", all.recall());
}
