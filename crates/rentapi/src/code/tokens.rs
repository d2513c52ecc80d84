//! Numeric tokens: where they are, whether their shape and surroundings
//! let them be a code, and which ones are surely something else.

use super::keywords::{
    ANTI_CJK, ANTI_CYRILLIC_STEMS, ANTI_LABELS, ANTI_LATIN, BAD_AFTER, BAD_BEFORE, CJK_UNITS,
    KEYWORDS, MONEY_SIGNS, UNITS, WEAK_ANTI,
};
use super::{
    Hit, Text, Token, is_cjk, is_cyrillic, is_digit, is_hyphen, is_joiner, is_space, is_word_char,
};

impl Text {
    pub(super) fn tokens(&self) -> Vec<Token> {
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
            let shape = self.spelled_code(&runs, &joiners);
            let needs_strong = shape.as_ref().is_some_and(|(_, n)| *n);
            let paired = runs.len() == 2 && joiners.iter().all(|j| is_hyphen(*j));
            let code = shape.map(|(code, _)| code).filter(|_| self.fits_context(start, i, paired));
            let skip = code.is_none() && self.surely_not_code(&runs, &joiners, start, i);
            out.push(Token { start, end: i, code, skip, needs_strong });
        }
        out
    }

    /// The digits a token spells when its shape is a code's: 4–8 digits,
    /// `671 094` / `483-921`, `1234-5678`, or (when a strong keyword names
    /// it: the flag) `337-1337`. Anything with more parts is a phone, a
    /// date, a time or an amount.
    fn spelled_code(&self, runs: &[(usize, usize)], joiners: &[char]) -> Option<(String, bool)> {
        let digits = |&(a, b): &(usize, usize)| self.chars[a..b].iter().collect::<String>();
        match (runs, joiners) {
            ([run], []) => (4..=8).contains(&(run.1 - run.0)).then(|| (digits(run), false)),
            ([a, b], [j]) => {
                let (la, lb) = (a.1 - a.0, b.1 - b.0);
                let halves = la == lb
                    && ((la == 3 && (is_space(*j) || is_hyphen(*j))) || (la == 4 && is_hyphen(*j)));
                let uneven = la != lb && (3..=4).contains(&la) && (3..=4).contains(&lb);
                (halves || (uneven && is_hyphen(*j))).then(|| (digits(a) + &digits(b), !halves))
            }
            _ => None,
        }
    }

    /// A number that is no code and says what it is: a time or a date
    /// (`12:30`, `01.05.2024`), an amount (`200,00 EUR`, `$5`), a count of
    /// one to three digits (`5 minutes`), a number of three parts or more.
    /// Numbers glued to letters or named by a word (`order 58213`) are not
    /// stepped over: they might be a code in a shape we do not read.
    fn surely_not_code(
        &self,
        runs: &[(usize, usize)],
        joiners: &[char],
        start: usize,
        end: usize,
    ) -> bool {
        let c = &self.chars;
        let glued = (start > 0 && is_word_char(c[start - 1]))
            || (end < c.len() && is_word_char(c[end]) && !self.unit_after(end));
        if glued || self.anti_before(start) {
            return false;
        }
        let digits: usize = runs.iter().map(|(a, b)| b - a).sum();
        let money = start > 0 && MONEY_SIGNS.contains(&c[start - 1]);
        (runs.len() == 1 && digits <= 3)
            || runs.len() >= 3
            || (runs.len() == 2 && joiners.iter().all(|j| matches!(j, ':' | '.' | ',' | '/')))
            || money
            || self.unit_after(end)
    }

    /// Whether the characters around `start..end` let it be a code. Letters
    /// glued after a plain number make it a quantity (`1500р`, `x1080`); a
    /// hyphenated pair (`1337-1337XXX`) is no quantity, so `paired` lets
    /// them be.
    fn fits_context(&self, start: usize, end: usize, paired: bool) -> bool {
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
            if (is_word_char(n) && !(paired && n.is_alphabetic()))
                || BAD_AFTER.contains(&n)
                || MONEY_SIGNS.contains(&n)
            {
                return false;
            }
            if is_hyphen(n) {
                return false; // `388-941-`: a phone number goes on
            }
            if n == '.' && end + 1 < c.len() && c[end + 1].is_ascii_alphabetic() {
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
    pub(super) fn brand_prefix(&self, hyphen: usize) -> bool {
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

    /// The word right before `start` (after spaces and a label's
    /// punctuation), in lower case: `to` in `reply to 4821`.
    fn word_before(&self, start: usize) -> String {
        let c = &self.chars;
        let mut k = start;
        while k > 0 && (is_space(c[k - 1]) || ":：#№*-–—.(«\"'".contains(c[k - 1])) {
            k -= 1;
        }
        let end = k;
        while k > 0 && is_word_char(c[k - 1]) {
            k -= 1;
        }
        self.lower[k..end].iter().collect()
    }

    /// Whether `hit` may vouch for `tok`: a weak keyword never vouches for
    /// a number to text back to or a card's digits, and some shapes need a
    /// strong keyword.
    pub(super) fn vouchable(&self, tok: &Token, hit: &Hit) -> bool {
        hit.strong
            || (!tok.needs_strong && !WEAK_ANTI.contains(&self.word_before(tok.start).as_str()))
    }

    /// A word right before the number that says it is an order, a card, an
    /// amount or a phone (`order 58213`, `Заказ №5521`, `尾号1234`). Looks at
    /// two words, unless the nearer one is a keyword (`order code 1234`).
    pub(super) fn anti_before(&self, start: usize) -> bool {
        let c = &self.chars;
        let mut k = start;
        for nearest in [true, false] {
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
                || (nearest && ANTI_LABELS.contains(&word.as_str()))
            {
                return true;
            }
            if KEYWORDS.iter().any(|kw| kw.strong && word.starts_with(kw.text)) {
                return false;
            }
        }
        false
    }
}
