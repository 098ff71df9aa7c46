//! The rules every free text meets, typed or read from outside (a label, a
//! note and its item, a tick, the organ named in §1.2, the edition a case
//! was evaluated under): no format or control characters, and nothing that
//! looks like a CPR number, whatever its form.
//!
//! The CPR check reads the text in Unicode NFKC (full-width and mathematical
//! digits become ASCII ones, compatibility spaces and dashes plain ones), and
//! then counts every Unicode decimal digit (`Nd`: Arabic-Indic, Devanagari,
//! …) as a digit. It refuses
//! - six or more digits in a row (`010190`), and
//! - ten digits in groups with anything but letters between them (a space,
//!   a dot, a hyphen, a slash, or any other sign of any script, any number of
//!   them), split anywhere, when the first four read as a day and a month:
//!   `01.01.90-1234`, `0101 90 1234`, `01-01-90-1234`, `01 01 90 12 34`,
//!   `010 190 1234`, `0101-9012-34`;
//!   and a day and month of one digit, as in `1.1.90-1234`;
//! - a day, a month and a four-digit year (1858–2099) followed by four digits
//!   (`01.01.1990-1234`, `1/1 1990 1234`, `0101 1990 1234`): the birth date
//!   written out in full.
//!
//! Dates (`26.11.2026-01.12.2026`: the year is four digits, so no group ends
//! after six), times and ordinary labels (`Stue 4 seng 12`, `Pt 2026-11`) pass.
//!
//! NFKC comes from the browser (`String.prototype.normalize`) in the wasm and
//! from `unicode-normalization` natively: the shipped build carries no tables.

/// The first code point of each run of ten Unicode decimal digits (`Nd`),
/// Unicode 14 (Python's `unicodedata`) plus the runs added in Unicode 15,
/// 16 and 17 (Chromium 156 knows them: Garay, Myanmar Extended-C, Sunuwar,
/// Tolong Siki, Gurung Khema, Kirat Rai, Ol Onal).
const DIGIT_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0, 0x10D40, 0x116D0, 0x116DA, 0x11BF0, 0x11DE0, 0x16130, 0x16D70, 0x1E5F1,
];

/// Characters that show nothing but are not format characters: the
/// default-ignorable ones (combining grapheme joiner, Hangul fillers,
/// variation selectors, …) and blank signs (Braille blank). Slipped between
/// digits they hide a number as surely as a zero-width space.
const BLANK_RANGES: [(u32, u32); 12] = [
    (0x34F, 0x34F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    (0x2065, 0x2069),
];

/// Format characters (`Cf`: soft hyphen, zero-width characters, direction
/// marks, embeddings, overrides and isolates, tags, …), inclusive ranges.
const FORMAT_RANGES: [(u32, u32); 22] = [
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    // Line and paragraph separators (Zl, Zp) are in (0x2028, 0x202E) above.
    (0xFFF0, 0xFFF8),
];

/// The value of a Unicode decimal digit, or `None`.
pub fn digit_value(c: char) -> Option<u8> {
    let c = c as u32;
    DIGIT_ZEROS.iter().find(|&&z| (z..z + 10).contains(&c)).map(|z| (c - z) as u8)
}

/// A control (`Cc`), format (`Cf`), line/paragraph separator, default-ignorable
/// or blank character: invisible, or able to reorder or hide what is shown.
/// Refused in every free text.
pub fn is_hidden(c: char) -> bool {
    let u = c as u32;
    c.is_control() || FORMAT_RANGES.iter().chain(&BLANK_RANGES).any(|&(a, b)| (a..=b).contains(&u))
}

/// The text in Unicode NFKC.
pub fn nfkc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).normalize("NFKC"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        text.nfkc().collect()
    }
}

/// The text in Unicode NFC (canonical composition: `e` + combining acute is `é`),
/// from the same sources as [`nfkc`]. The lock's passphrase is read so.
pub fn nfc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).normalize("NFC"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        text.nfc().collect()
    }
}

/// Does the text look like a CPR number, in any form (see the module)?
pub fn looks_like_cpr(text: &str) -> bool {
    looks_like_cpr_normalised(&nfkc(text))
}

/// [`looks_like_cpr`] on text already in NFKC.
fn looks_like_cpr_normalised(text: &str) -> bool {
    // A chain: groups of digits with anything but a word between them (a
    // single letter joins groups: `01ǀ01ǀ90`); a word of two letters ends it.
    let mut chain = Chain::default();
    let mut current: Vec<u8> = vec![];
    let mut letters = 0;
    let mut sep = String::new();
    for c in text.chars() {
        if let Some(d) = digit_value(c) {
            if current.is_empty() && !chain.groups.is_empty() {
                chain.seps.push(std::mem::take(&mut sep));
            }
            letters = 0;
            current.push(d);
            if current.len() >= 6 {
                return true;
            }
            continue;
        }
        if !current.is_empty() {
            chain.groups.push(std::mem::take(&mut current));
            sep.clear();
        }
        letters = if is_letter(c) { letters + 1 } else { 0 };
        if letters >= 2 {
            if chain.has_cpr() {
                return true;
            }
            chain = Chain::default();
            sep.clear();
        } else {
            sep.push(c);
        }
    }
    if !current.is_empty() {
        chain.groups.push(current);
    }
    chain.has_cpr()
        // A right-to-left letter (Hebrew, Arabic, …) shows the groups in the
        // other order: `א 1234 90 01 01` reads `01 01 90 1234 א`.
        || (text.chars().any(is_right_to_left) && chain.reversed().has_cpr())
}

/// Groups of digits, and the signs between them (`seps[i]` follows `groups[i]`).
#[derive(Default)]
struct Chain {
    groups: Vec<Vec<u8>>,
    seps: Vec<String>,
}

impl Chain {
    fn has_cpr(&self) -> bool {
        chain_has_cpr(&self.groups, &self.seps)
    }

    fn reversed(&self) -> Chain {
        Chain { groups: self.groups.iter().rev().cloned().collect(), seps: self.seps.iter().rev().cloned().collect() }
    }
}

/// A letter of a right-to-left script.
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Does `c` end a chain of digit groups? Only a letter does (Unicode's
/// letters, `L`, but not the modifier letters, `Lm`, which look like primes
/// and accents: from the browser's regular expressions in the wasm, so the
/// wasm carries no table; natively the standard library's `Alphabetic`
/// without marks and modifiers). Every sign, space, mark or symbol between
/// digit groups, of any script, joins them.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Latin-1 and Latin Extended (æ, ø, å, é, …) without asking.
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    alphabetic(c)
}

#[cfg(target_arch = "wasm32")]
fn alphabetic(c: char) -> bool {
    thread_local! {
        static ALPHABETIC: js_sys::RegExp = js_sys::RegExp::new("^(?!\\p{Lm})\\p{L}$", "u");
    }
    let mut buf = [0u8; 4];
    ALPHABETIC.with(|r| r.test(c.encode_utf8(&mut buf)))
}

#[cfg(not(target_arch = "wasm32"))]
fn alphabetic(c: char) -> bool {
    const MARKS_AND_MODIFIERS: [(u32, u32); 6] =
        [(0x2B0, 0x36F), (0x483, 0x489), (0x591, 0x5C7), (0x610, 0x61A), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF)];
    let u = c as u32;
    c.is_alphabetic() && !MARKS_AND_MODIFIERS.iter().any(|&(a, b)| (a..=b).contains(&u))
}

/// Do consecutive groups of a chain hold ten digits split as a CPR number
/// can be, or a day and a month of one or two digits, a two-digit year and
/// four digits (`1.1.90-1234`)?
fn chain_has_cpr(chain: &[Vec<u8>], seps: &[String]) -> bool {
    let n = |g: &[u8]| g.iter().fold(0u32, |a, d| a * 10 + u32::from(*d));
    let year = |g: &[u8]| g.len() == 2 || (g.len() == 4 && (1858..=2099).contains(&n(g)));
    let short_date = chain.windows(4).any(|w| {
        matches!((w[0].len(), w[1].len(), w[2].len(), w[3].len()), (1..=2, 1..=2, 2 | 4, 4))
            && (1..=31).contains(&n(&w[0]))
            && (1..=12).contains(&n(&w[1]))
            && year(&w[2])
    });
    // ddmm yyyy xxxx: the day and month in one group, the full year in the next.
    let full_year = chain.windows(3).any(|w| {
        w[0].len() == 4
            && w[1].len() == 4
            && w[2].len() == 4
            && (1..=31).contains(&n(&w[0][..2]))
            && (1..=12).contains(&n(&w[0][2..]))
            && year(&w[1])
    });
    short_date
        || full_year
        || (0..chain.len()).any(|start| {
            let mut digits: Vec<u8> = vec![];
            let mut ends: Vec<usize> = vec![];
            for g in &chain[start..] {
                digits.extend_from_slice(g);
                if digits.len() > 10 {
                    return false;
                }
                if digits.len() == 10 {
                    // The sign after the eighth digit, where a time would begin its minutes.
                    let at_8 = ends.iter().position(|&e| e == 8).and_then(|k| seps.get(start + k));
                    return cpr_split(&digits, &ends) && !is_time(&digits[6..], at_8.map(String::as_str));
                }
                ends.push(digits.len());
            }
            false
        })
}

/// The last four of ten digits split `hh:mm` or `hh.mm` as a time of day
/// (`03.12.26 14:00`, `01.12.26-15.12.26`), not a serial number.
fn is_time(last_four: &[u8], sep: Option<&str>) -> bool {
    let hours = last_four[0] * 10 + last_four[1];
    let minutes = last_four[2] * 10 + last_four[3];
    matches!(sep.map(str::trim), Some(":" | ".")) && hours <= 23 && minutes <= 59
}

/// Ten digits, the groups ending at `ends`: a day and a month first, split
/// anywhere (`010 190 1234`, `0101-9012-34`, `0 1 0 1 9 0 1 2 3 4`), unless the
/// groups are a date with its year in full (`26.11.2026-01`: a four-digit
/// group from the fifth digit on that reads as a year).
fn cpr_split(digits: &[u8], ends: &[usize]) -> bool {
    let day = digits[0] * 10 + digits[1];
    let month = digits[2] * 10 + digits[3];
    let year = digits[4..8].iter().fold(0u32, |a, d| a * 10 + u32::from(*d));
    let full_year_date = ends.contains(&4) && ends.contains(&8) && (1858..=2099).contains(&year);
    (1..=31).contains(&day) && (1..=12).contains(&month) && !full_year_date
}
