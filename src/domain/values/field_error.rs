/// Why a field was refused. The web layer words it in Japanese or English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    /// Control characters (NUL, ESC, BEL, DEL, …); a line break outside a
    /// multi-line note.
    ControlCharacters,
    /// Characters that are not seen but change what is shown: direction
    /// overrides (U+202E), zero-width characters, a BOM.
    InvisibleCharacters,
    KanaOnly,
    Phone,
    Email,
    Choice,
    ConsentRequired,
    NotANumber,
    WrongType,
    NoSuchSlot,
    /// Not a date (YYYY-MM-DD).
    Date,
    /// A date that has not come yet.
    FutureDate,
    /// A number outside `min..=max`.
    Range {
        min: u32,
        max: u32,
    },
    /// The same choice twice.
    Duplicate,
    /// 産業保健センター: the workplace is outside the area served.
    OutsideArea,
    /// 産業保健センター: the workplace has more than `max` workers.
    TooManyWorkers {
        max: u32,
    },
}
