//! Scores a code extractor on the labelled corpus in this folder (see
//! SOURCES.md). Shared by `tests/code_corpus.rs` (our extractor, with the
//! targets as assertions) and `bench/otp-baselines` (the ported baselines,
//! same corpus, same table).

// Each of the two test crates uses a part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One labelled message.
pub struct Case {
    pub src: String,
    pub lang: String,
    /// The code the source's test asserts, normalised (see [`normalise`]).
    pub code: Option<String>,
    pub text: String,
}

/// Every `*.jsonl` file in `dir`, one JSON object a line:
/// `{"lang": "en", "code": "123456" | null, "text": "…"}`.
pub fn load(dir: &Path) -> Vec<Case> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let src = file.file_stem().unwrap().to_string_lossy().into_owned();
        let body = std::fs::read_to_string(&file).expect("corpus file");
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            out.push(Case {
                src: src.clone(),
                lang: v["lang"].as_str().expect("lang").to_owned(),
                code: v["code"].as_str().map(normalise),
                text: v["text"].as_str().expect("text").to_owned(),
            });
        }
    }
    out
}

/// `G-412157` is typed as `412157`: a brand prefix of one to three capitals
/// and a hyphen before digits is not part of the code; nor are the spaces
/// and hyphens that group digits (`105-876`, as some extractors answer).
pub fn normalise(code: &str) -> String {
    let grouped = code.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    if grouped && code.chars().any(|c| c.is_ascii_digit()) {
        return code.chars().filter(char::is_ascii_digit).collect();
    }
    if let Some((prefix, digits)) = code.split_once('-')
        && (1..=3).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return digits.to_owned();
    }
    code.to_owned()
}

fn numeric(code: &str) -> bool {
    code.bytes().all(|b| b.is_ascii_digit())
}

/// The language groups the targets name.
pub fn group(lang: &str) -> &'static str {
    match lang {
        "en" => "en",
        "ru" => "ru",
        "zh-Hans" => "zh-Hans",
        "zh-Hant" => "zh-Hant",
        _ => "other",
    }
}

pub const GROUPS: [&str; 6] = ["all", "en", "ru", "zh-Hans", "zh-Hant", "other"];

/// What one extractor did, counted.
#[derive(Default, Clone, Debug)]
pub struct Tally {
    pub correct: u32,
    pub wrong: u32,
    pub missed: u32,
    pub false_alarm: u32,
    pub correct_none: u32,
    /// Messages whose code is 4-8 digits, and how many of those came out right.
    pub num48: u32,
    pub num48_correct: u32,
    /// Messages whose code has letters: right, wrong (an answer that is not it).
    pub alnum: u32,
    pub alnum_correct: u32,
    pub alnum_wrong: u32,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        let said = self.correct + self.wrong + self.false_alarm;
        if said == 0 { 1.0 } else { f64::from(self.correct) / f64::from(said) }
    }
    pub fn recall(&self) -> f64 {
        let with = self.correct + self.wrong + self.missed;
        if with == 0 { 1.0 } else { f64::from(self.correct) / f64::from(with) }
    }
    pub fn recall48(&self) -> f64 {
        if self.num48 == 0 { 1.0 } else { f64::from(self.num48_correct) / f64::from(self.num48) }
    }
    pub fn false_alarm_rate(&self) -> f64 {
        let none = self.false_alarm + self.correct_none;
        if none == 0 { 0.0 } else { f64::from(self.false_alarm) / f64::from(none) }
    }
}

/// The verdict on one message.
#[derive(PartialEq, Eq, Debug, Clone, Copy)]
pub enum Verdict {
    Correct,
    Wrong,
    Missed,
    FalseAlarm,
    CorrectNone,
}

pub fn judge(want: Option<&str>, got: Option<&str>) -> Verdict {
    match (want, got) {
        (Some(w), Some(g)) if w == g => Verdict::Correct,
        (Some(_), Some(_)) => Verdict::Wrong,
        (Some(_), None) => Verdict::Missed,
        (None, Some(_)) => Verdict::FalseAlarm,
        (None, None) => Verdict::CorrectNone,
    }
}

/// Tallies by language group (see [`GROUPS`]).
pub type Tallies = BTreeMap<&'static str, Tally>;
/// The cases that were not right: index, verdict, what came out.
pub type Misses = Vec<(usize, Verdict, Option<String>)>;

/// Runs `extract` on every case: the tallies by group, and the cases that
/// were not right (index, verdict, what came out).
pub fn score(cases: &[Case], extract: &dyn Fn(&str) -> Option<String>) -> (Tallies, Misses) {
    let mut tallies: Tallies = GROUPS.iter().map(|g| (*g, Tally::default())).collect();
    let mut misses = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let got = extract(&case.text).map(|g| normalise(&g));
        let verdict = judge(case.code.as_deref(), got.as_deref());
        for g in ["all", group(&case.lang)] {
            let t = tallies.get_mut(g).unwrap();
            match verdict {
                Verdict::Correct => t.correct += 1,
                Verdict::Wrong => t.wrong += 1,
                Verdict::Missed => t.missed += 1,
                Verdict::FalseAlarm => t.false_alarm += 1,
                Verdict::CorrectNone => t.correct_none += 1,
            }
            if let Some(code) = &case.code {
                if numeric(code) && (4..=8).contains(&code.len()) {
                    t.num48 += 1;
                    t.num48_correct += u32::from(verdict == Verdict::Correct);
                }
                if !numeric(code) {
                    t.alnum += 1;
                    t.alnum_correct += u32::from(verdict == Verdict::Correct);
                    t.alnum_wrong += u32::from(verdict == Verdict::Wrong);
                }
            }
        }
        if !matches!(verdict, Verdict::Correct | Verdict::CorrectNone) {
            misses.push((i, verdict, got));
        }
    }
    (tallies, misses)
}

/// One Markdown table: a row per (group, extractor).
pub fn table(results: &[(&str, &Tallies)]) -> String {
    let mut s = String::new();
    s.push_str(
        "| group | extractor | correct | wrong | missed | false alarm | correct none | precision | recall | recall 4-8 digits | false alarms / no-code |\n",
    );
    s.push_str("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for g in GROUPS {
        for (name, tallies) in results {
            let t = &tallies[g];
            let none = t.false_alarm + t.correct_none;
            writeln!(
                s,
                "| {g} | {name} | {} | {} | {} | {} | {} | {:.1} % | {:.1} % | {:.1} % ({}/{}) | {}/{} |",
                t.correct,
                t.wrong,
                t.missed,
                t.false_alarm,
                t.correct_none,
                100.0 * t.precision(),
                100.0 * t.recall(),
                100.0 * t.recall48(),
                t.num48_correct,
                t.num48,
                t.false_alarm,
                none,
            )
            .unwrap();
        }
    }
    s
}

/// Codes with letters, overall: how many each extractor got right, how many
/// answers were some other thing (the precision that matters for them).
pub fn letters_table(results: &[(&str, &Tallies)]) -> String {
    let mut s = String::new();
    s.push_str("| extractor | letter codes | right | wrong answer | nothing |\n");
    s.push_str("| --- | ---: | ---: | ---: | ---: |\n");
    for (name, tallies) in results {
        let t = &tallies["all"];
        let nothing = t.alnum - t.alnum_correct - t.alnum_wrong;
        writeln!(
            s,
            "| {name} | {} | {} | {} | {nothing} |",
            t.alnum, t.alnum_correct, t.alnum_wrong
        )
        .unwrap();
    }
    s
}
