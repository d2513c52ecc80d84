//! The settings that are one of a few choices (currency, copying a number,
//! appearance): each stored in localStorage by a short name, listed in
//! order on the settings screen.

/// One setting's choices.
pub trait Choice: Copy + PartialEq + Default + Send + Sync + 'static {
    /// Every choice, in the order the settings screen lists them.
    const ALL: &'static [Self];

    /// As stored.
    fn value(self) -> &'static str;

    /// What was stored, read back; anything else (nothing saved, an old or
    /// mangled value) is the default. Case and surrounding spaces do not count.
    fn from_value(v: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.value().eq_ignore_ascii_case(v.trim()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::settings::{CurrencyChoice, NumberCopy};
    use crate::store::theme::Theme;

    fn round_trips<T: Choice + std::fmt::Debug>() {
        for c in T::ALL {
            assert_eq!(T::from_value(c.value()), *c);
            assert_eq!(T::from_value(&format!(" {} ", c.value().to_uppercase())), *c);
        }
        let mut names: Vec<_> = T::ALL.iter().map(|c| c.value()).collect();
        names.dedup();
        assert_eq!(names.len(), T::ALL.len(), "one name per choice");
        assert_eq!(T::from_value(""), T::default());
        assert_eq!(T::from_value("no such choice"), T::default());
    }

    #[test]
    fn every_setting_reads_back_what_it_stored() {
        round_trips::<CurrencyChoice>();
        round_trips::<NumberCopy>();
        round_trips::<Theme>();
    }
}
