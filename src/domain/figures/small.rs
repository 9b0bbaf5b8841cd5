//! Small numbers (少数の秘匿): a count of fewer than `min` people, in a
//! table meant for outside the office, is shown as 「3未満」, so that
//! nobody can be recognised from it; staff see exact counts.

/// A count as a table shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Exact(u64),
    /// Fewer than this many (and more than none).
    Fewer(u64),
}

/// `n` for a table outside the office: 0 stays 0 (nobody to recognise),
/// 1 to `min - 1` become [`Cell::Fewer`].
pub fn outside(n: u64, min: u64) -> Cell {
    if n > 0 && n < min {
        Cell::Fewer(min)
    } else {
        Cell::Exact(n)
    }
}

impl Cell {
    /// 「3未満」 or the number, in Japanese; "fewer than 3" in English.
    pub fn words(&self, lang: crate::domain::Lang) -> String {
        match (self, lang) {
            (Cell::Exact(n), _) => n.to_string(),
            (Cell::Fewer(min), crate::domain::Lang::En) => format!("fewer than {min}"),
            (Cell::Fewer(min), _) => format!("{min}未満"),
        }
    }
}
