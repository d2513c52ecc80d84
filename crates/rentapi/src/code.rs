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
//!    digits (space or hyphen) or 4+4 digits (hyphen); 3+4 and 4+3 halves
//!    (`337-1337`) only when a strong keyword names them. Its surroundings
//!    must not say it is something else: glued to letters (`ID1234`,
//!    `1500р`), a phone (`+`), an amount (`$`, `руб`, `元`), an order or
//!    card number (`order`, `№`, `尾号`), a link (`/1234`).
//! 3. Find keywords (`code`, `код`, `验证码`, `pin`, … in the tables of
//!    `keywords`, with compounds such as `Bestätigungscode`). A keyword
//!    vouches for the nearest numeric token after it, or before it, in the
//!    same sentence, stepping over numbers that are surely something else
//!    (a time, a date, an amount, a number of one to three digits). When
//!    both neighbours are codes, the nearer one wins. "Strong" keywords
//!    name the code itself; "weak" ones (`verification`, `confirm`, …) only
//!    count when no strong one vouches, and never for a number right after
//!    `to`, `reply`, `card`, ….
//! 4. Exactly one distinct vouched value is the answer; zero or several is
//!    `None`. With no keyword at all, only a text that is nothing but the
//!    code is accepted.
//!
//! Codes with letters (`ABC123`) are never returned: the callers and the
//! property tests rely on 4–8 ASCII digits. Arabic-Indic (`٥٨٢٩١٤`) and
//! Persian (`۱۲۳۴۵۶`) digits, which Arabic and Persian senders use, are
//! read as the ASCII digits they stand for (see [`ascii_digit`]), so such a
//! code comes out in ASCII, the way the user types it. Other scripts'
//! digits (full-width `２３４５`, Devanagari, …) are still no code.

mod keywords;
mod tokens;

use keywords::{
    CLITICS, DENIED_HEADS, Head, KEYWORDS, LIST_JOINERS, NOT_OUR_CODE, NOT_OUR_CODE_AFTER,
};

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
        return t.bare_code(&tokens).or_else(|| t.branded_code(&tokens));
    }

    let mut strong: Vec<&str> = Vec::new();
    let mut weak: Vec<&str> = Vec::new();
    for hit in &hits {
        // `رمز:1122334455`: the keyword labels a number that is no code (too
        // long, say), so it vouches for nothing, not even a number before.
        let raw_after = t.token_after(&tokens, hit);
        if let Some((tok, gap)) = raw_after
            && tok.code.is_none()
            && gap <= 3
            && t.chars[hit.end..tok.start].iter().all(|c| !c.is_alphanumeric())
        {
            continue;
        }
        let vouched = |(tok, _): &(&Token, usize)| tok.code.is_some() && t.vouchable(tok, hit);
        let after = raw_after.filter(vouched);
        let before = t.token_before(&tokens, hit).filter(vouched);
        // Both neighbours are codes: the nearer one is what the keyword names.
        let picked: Vec<&Token> = match (after, before) {
            (Some((a, ga)), Some((_, gb))) if ga < gb => vec![a],
            (Some((_, ga)), Some((b, gb))) if gb < ga => vec![b],
            (a, b) => a.into_iter().chain(b).map(|(tok, _)| tok).collect(),
        };
        for tok in picked {
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

/// The ASCII digit that an Arabic-Indic or Persian (Extended
/// Arabic-Indic) digit stands for; any other character as it is. The extractor reads text through this, so a code
/// written in those digits comes out in ASCII.
pub fn ascii_digit(c: char) -> char {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return c,
    };
    char::from(b'0' + (c as u32 - zero) as u8)
}

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
    /// Surely not a code, and says so by its shape or its unit (a time, a
    /// date, an amount, a number of one to three digits): a keyword looks
    /// past it.
    skip: bool,
    /// A shape that reads as a code only when a strong keyword names it.
    needs_strong: bool,
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
        let chars: Vec<char> = text.chars().map(ascii_digit).collect();
        // The first char of the lower case keeps indices aligned; the rare
        // expansions (`İ` → `i̇`) lose nothing that matters here.
        let lower = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
        Self { chars, lower }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn keyword_hits(&self) -> Vec<Hit> {
        let l = &self.lower;
        let mut hits: Vec<Hit> = Vec::new();
        for start in 0..l.len() {
            for kw in KEYWORDS {
                let Some(end) = self.match_at(start, kw.text) else { continue };
                if is_word_char(l[start]) && start > 0 && is_word_char(l[start - 1]) {
                    let ok = match kw.head {
                        Head::No => false,
                        Head::Any => true,
                        Head::Clitic => {
                            let mut k = start;
                            while k > 0 && l[k - 1].is_alphabetic() {
                                k -= 1;
                            }
                            start - k <= 3 && l[k..start].iter().all(|c| CLITICS.contains(*c))
                        }
                        Head::Compound => {
                            let mut k = start;
                            while k > 0 && l[k - 1].is_alphabetic() {
                                k -= 1;
                            }
                            let head: String = l[k..start].iter().collect();
                            let whole_word = k == 0 || !is_word_char(l[k - 1]);
                            whole_word
                                && head.chars().count() >= 3
                                && !DENIED_HEADS.contains(&head.as_str())
                        }
                    };
                    if !ok {
                        continue;
                    }
                }
                if !kw.tail && end < l.len() && is_word_char(l[end]) {
                    // Only a plural: `codes`, not `codex`.
                    let plural = l[end] == 's' && l.get(end + 1).is_none_or(|c| !is_word_char(*c));
                    if !plural {
                        continue;
                    }
                }
                if kw.strong && (self.other_code_before(start) || self.other_word_after(end)) {
                    continue;
                }
                // `verif` inside `verification`: one hit per place is enough.
                if hits.iter().any(|h| h.start <= start && end <= h.end && h.strong >= kw.strong) {
                    continue;
                }
                hits.push(Hit { start, end, strong: kw.strong });
            }
        }
        hits
    }

    /// `رمز ارز` (cryptocurrency): a word after the keyword that makes it
    /// something else.
    fn other_word_after(&self, end: usize) -> bool {
        let l = &self.lower;
        let mut k = end;
        while k < l.len() && (is_space(l[k]) || is_hyphen(l[k])) && k - end < 2 {
            k += 1;
        }
        let word: String = l[k..].iter().take_while(|c| is_word_char(**c)).collect();
        NOT_OUR_CODE_AFTER.contains(&word.as_str())
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

    /// The first numeric token after `hit` that is not surely something
    /// else (see [`Token::skip`]), when close and in the same sentence, and
    /// its distance. Any other token counts as the first, so a keyword
    /// followed by something that is not a code (`code A1B2`, `code for
    /// order 58213`) vouches for nothing.
    fn token_after<'a>(&self, tokens: &'a [Token], hit: &Hit) -> Option<(&'a Token, usize)> {
        let tok = tokens.iter().find(|t| t.start >= hit.end && !t.skip)?;
        let glued = self.glued_digit_between(hit.end, tok.start);
        let gap = tok.start - hit.end;
        (gap <= REACH_AFTER && !glued && !self.sentence_break(hit.end, tok.start))
            .then_some((tok, gap))
    }

    /// The last such token before `hit` (`332211 is your code`), same
    /// rules as [`Text::token_after`].
    fn token_before<'a>(&self, tokens: &'a [Token], hit: &Hit) -> Option<(&'a Token, usize)> {
        let tok = tokens.iter().rev().find(|t| t.end <= hit.start && !t.skip)?;
        let glued = self.glued_digit_between(tok.end, hit.start);
        let gap = hit.start - tok.end;
        (gap <= REACH_BEFORE && !glued && !self.sentence_break(tok.end, hit.start))
            .then_some((tok, gap))
    }

    /// Other scripts' digits (full-width `１２３４`, Devanagari `१२३४`, …) are
    /// never tokens but still make the nearest ASCII number an unsure pick.
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

    /// With no keyword, a text whose one number is a brand-prefixed code of
    /// five digits or more (`G-718356`): the prefix says what it is.
    fn branded_code(&self, tokens: &[Token]) -> Option<String> {
        let [tok] = tokens else { return None };
        let code = tok.code.as_ref()?;
        let branded = tok.start > 0
            && is_hyphen(self.chars[tok.start - 1])
            && self.brand_prefix(tok.start - 1);
        (branded && code.len() >= 5 && !tok.needs_strong).then(|| code.clone())
    }

    /// With no keyword, accept only a text that is the code and nothing
    /// else but spaces and punctuation (some senders do just that).
    fn bare_code(&self, tokens: &[Token]) -> Option<String> {
        let first = tokens.first()?.code.clone()?;
        if tokens.iter().any(|t| t.code.as_ref() != Some(&first) || t.needs_strong) {
            return None;
        }
        let mut in_token = vec![false; self.len()];
        for t in tokens {
            // `G-830829`: the brand's prefix belongs to the code.
            let mut from = t.start;
            if from > 0 && is_hyphen(self.chars[from - 1]) && self.brand_prefix(from - 1) {
                from -= 1;
                while from > 0 && self.chars[from - 1].is_ascii_uppercase() {
                    from -= 1;
                }
            }
            in_token[from..t.end].iter_mut().for_each(|b| *b = true);
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
mod tests;
