//! Scores `rentapi::code` and the two ported baselines on the same corpus
//! in the same run, prints the table written into BENCHMARKS.md ("Code
//! extraction"), and checks the target that ours finds more 4-8 digit codes
//! than each baseline, overall and in every language group.

#[path = "../../../crates/rentapi/tests/otp_corpus/score.rs"]
mod score;

use std::path::Path;

#[test]
fn compare() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/rentapi/tests/otp_corpus");
    let cases = score::load(&dir);
    let (ours, _) = score::score(&cases, &|t| rentapi::code::extract_code(t));
    let (pom, _) =
        score::score(&cases, &|t| smsrent_bench_otp_baselines::parse_otp_message::parse(t));
    let (two, two_misses) =
        score::score(&cases, &|t| smsrent_bench_otp_baselines::twofhey::parse(t));
    if std::env::var_os("SHOW_MISSES").is_some() {
        for (i, verdict, got) in &two_misses {
            let c = &cases[*i];
            println!("2FHey {verdict:?} want {:?} got {got:?}: {:?}", c.code, c.text);
        }
    }
    let results = [("smsrent", &ours), ("parse-otp-message", &pom), ("2FHey", &two)];
    println!("{} messages\n\n{}", cases.len(), score::table(&results));
    println!("{}", score::letters_table(&results));
    for group in score::GROUPS {
        let o = ours[group].recall48();
        for (name, t) in &results[1..] {
            assert!(o > t[group].recall48() || o == 1.0, "{group}: {name} ahead");
        }
    }
}
