//! How many guesses a passphrase would take an attacker who knows how people
//! choose them: a small estimate in the manner of zxcvbn (Wheeler, USENIX
//! Security 2016), without its 390 KB of word lists (measured: the crate's
//! frequency lists alone are 387 KB gzip, nearly the whole app again).
//!
//! The passphrase (NFC, lower case) is cut into the cheapest sequence of
//! pieces, each guessed by the cheapest pattern that covers it:
//! - a common password or word (Danish and English, [`WORDS`]), by its rank,
//!   also reversed, capitalised or with the usual letter-for-digit swaps;
//! - a run of one character, or a repeated piece (`abcabc`);
//! - a sequence (`abcd`, `9876`, `ace`);
//! - a run along the keyboard (`qwerty`, `asdfgh`, `1qaz2wsx`, `æøå`);
//! - a year (1900–2039) or a date (`24121990`, `1990-12-24`);
//! - anything else, one character at a time (10 for a digit, 26 for a letter,
//!   33 for a sign, 100 outside ASCII).
//!
//! The guesses of a cut are the product of its pieces' guesses, times about
//! three for every piece after the first (the ways to order them). A new lock needs at least
//! [`MIN_GUESSES_LOG10`]: zxcvbn's strongest score.

/// The fewest guesses (log10) a new passphrase may take: 10^10, zxcvbn's
/// "very unguessable" (score 4). At PBKDF2's 600,000 iterations one GPU
/// tries some 10^4 a second: about two weeks, where a 12-letter word list
/// password falls in a second.
pub const MIN_GUESSES_LOG10: f64 = 10.0;

/// Common passwords and words people build them from, most common first (a
/// word's rank is its guesses). Lower case; compared after undoing
/// capitals and letter-for-digit swaps.
pub const WORDS: &[&str] = &[
    "password",
    "123456",
    "qwerty",
    "iloveyou",
    "admin",
    "welcome",
    "letmein",
    "monkey",
    "dragon",
    "master",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "shadow",
    "superman",
    "michael",
    "login",
    "secret",
    "hello",
    "love",
    "freedom",
    "whatever",
    "trustno1",
    "starwars",
    "computer",
    "summer",
    "winter",
    "spring",
    "autumn",
    "passw0rd",
    "changeme",
    "default",
    "test",
    "guest",
    "user",
    "root",
    "pass",
    "hospital",
    "patient",
    "doctor",
    "nurse",
    "cancer",
    "health",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "family",
    "friends",
    "forever",
    "happy",
    "money",
    "soccer",
    "flower",
    // Danish
    "adgangskode",
    "kodeord",
    "kode",
    "hemmelig",
    "hemmelighed",
    "velkommen",
    "sommer",
    "vinter",
    "foraar",
    "forår",
    "efteraar",
    "efterår",
    "januar",
    "februar",
    "marts",
    "maj",
    "juni",
    "juli",
    "oktober",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "danmark",
    "dansk",
    "københavn",
    "kobenhavn",
    "aarhus",
    "århus",
    "odense",
    "aalborg",
    "esbjerg",
    "randers",
    "kolding",
    "horsens",
    "vejle",
    "roskilde",
    "herning",
    "silkeborg",
    "næstved",
    "viborg",
    "holbæk",
    "hillerød",
    "herlev",
    "gentofte",
    "hvidovre",
    "rigshospitalet",
    "sygehus",
    "hospitalet",
    "region",
    "regionen",
    "hovedstaden",
    "sjælland",
    "syddanmark",
    "midtjylland",
    "nordjylland",
    "afdeling",
    "onkologi",
    "onkologisk",
    "kræft",
    "metastase",
    "metastaser",
    "pakkeforløb",
    "patienten",
    "læge",
    "lægen",
    "overlæge",
    "sygeplejerske",
    "sekretær",
    "sundhed",
    "kærlighed",
    "elsker",
    "hejsa",
    "hej",
    "mor",
    "far",
    "familien",
    "hund",
    "kat",
    "bil",
    "hus",
    "hjem",
    "peter",
    "jens",
    "lars",
    "henrik",
    "thomas",
    "søren",
    "niels",
    "anders",
    "rasmus",
    "christian",
    "martin",
    "jesper",
    "morten",
    "mads",
    "mikkel",
    "frederik",
    "anne",
    "kirsten",
    "hanne",
    "mette",
    "anna",
    "helle",
    "susanne",
    "lene",
    "maria",
    "marianne",
    "lone",
    "camilla",
    "pia",
    "louise",
    "charlotte",
    "inge",
    "karen",
    "emma",
    "ida",
    "sofie",
    "freja",
    "clara",
    "laura",
    "william",
    "noah",
    "oscar",
    "lucas",
    "victor",
    "malthe",
    "cup",
    "pathway",
    "cuppathway",
    "mitid",
    "nemid",
    "sundhedsplatformen",
    "epic",
    "jeg",
    "dig",
    "mig",
    "og",
    "med",
    "til",
    "jegelskerdig",
    "elskerdig",
    "hejmeddig",
    "godmorgen",
    "goddag",
    "fodbold",
    "ferie",
    "sommerferie",
    "vinterferie",
    "jul",
    "julen",
    "påske",
    "skejby",
    "brøndby",
    "fck",
    "agf",
    "jensen",
    "nielsen",
    "hansen",
    "pedersen",
    "andersen",
    "christensen",
    "larsen",
    "sørensen",
    "rasmussen",
    "jørgensen",
    "petersen",
    "madsen",
    "kristensen",
    "olsen",
    "thomsen",
    "poulsen",
    "johansen",
    "knudsen",
    "birgitte",
    "jørgen",
    "hans",
    "ole",
    "poul",
    "bent",
    "erik",
    "bente",
    "grethe",
    "ida",
    "ella",
    "alma",
    "karl",
];

/// Keyboard runs, as a Danish (and an English) keyboard has them: rows,
/// and the columns people walk (`1qaz`).
const KEYBOARDS: &[&str] = &[
    "1234567890+´",
    "qwertyuiopå¨",
    "asdfghjklæø'",
    "<zxcvbnm,.-",
    "!\"#¤%&/()=?`",
    "qwertyuiop[]",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "!@#$%^&*()_+",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0pæ",
    "qazwsxedcrfvtgbyhnujmikolpæø",
    "1q2w3e4r5t6y7u8i9o0p",
    "zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90pæ",
    "1qazxsw23edcvfr45tgbnhy67ujm,ki89ol.-øp0",
    "qwertzuiopü",
];

/// Patterns are looked for in pieces of at most this many characters; a
/// longer stretch is guessed a character at a time (or cut into pieces).
const MAX_PATTERN: usize = 24;
/// Only the first this many characters are weighed (more only adds guesses).
const MAX_WEIGHED: usize = 128;

/// log10 of the guesses for the whole passphrase (see the module).
pub fn guesses_log10(passphrase: &str) -> f64 {
    let nfc = crate::free_text::nfc(passphrase);
    let text: Vec<char> = nfc.to_lowercase().chars().take(MAX_WEIGHED).collect();
    let original: Vec<char> = nfc.chars().take(MAX_WEIGHED).collect();
    // `to_lowercase` can change the length (İ): then capitals are not credited.
    let original = if original.len() == text.len() { original } else { text.clone() };
    cheapest(&text, &original)
}

/// The cheapest cut of `text` into pieces (dynamic programming over end
/// positions); each piece after the first adds [`PER_PIECE`] for the ways
/// to order the pieces.
fn cheapest(text: &[char], original: &[char]) -> f64 {
    // The whole text one piece repeated (`aaaa…`, `abab…`), however long.
    if let Some(g) = repeat_log10(text, original) {
        if text.len() > MAX_PATTERN {
            return g;
        }
    }
    let n = text.len();
    let mut best = vec![f64::INFINITY; n + 1];
    best[0] = -PER_PIECE;
    for j in 1..=n {
        for i in 0..j {
            let c = best[i] + PER_PIECE + piece_log10(&text[i..j], &original[i..j]);
            if c < best[j] {
                best[j] = c;
            }
        }
    }
    best[n].max(0.0)
}

/// log10 of the orderings one more piece allows (zxcvbn counts k! for k
/// pieces; a constant is close for the few pieces a passphrase has).
const PER_PIECE: f64 = 0.5;

/// The cheapest pattern for one piece (log10 of its guesses).
fn piece_log10(piece: &[char], original: &[char]) -> f64 {
    let mut best = brute_force_log10(piece);
    if piece.len() > MAX_PATTERN {
        return best;
    }
    if let Some(g) = dictionary_log10(piece, original) {
        best = best.min(g);
    }
    if piece.len() >= 2 {
        if let Some(g) = repeat_log10(piece, original) {
            best = best.min(g);
        }
    }
    if piece.len() >= 3 {
        if let Some(g) = sequence_log10(piece) {
            best = best.min(g);
        }
        if let Some(g) = keyboard_log10(piece) {
            best = best.min(g);
        }
    }
    if let Some(g) = date_log10(piece) {
        best = best.min(g);
    }
    best
}

fn brute_force_log10(piece: &[char]) -> f64 {
    piece
        .iter()
        .map(|c| match c {
            '0'..='9' => 10f64,
            'a'..='z' => 26.0,
            // Between words: a space, or one of a few signs.
            ' ' | '-' | '.' | '_' => 5.0,
            c if c.is_ascii() => 33.0,
            _ => 100.0,
        })
        .map(f64::log10)
        .sum()
}

/// Undo the usual letter-for-digit swaps (`p4ssw0rd`).
fn unleet(c: char) -> char {
    match c {
        '4' | '@' => 'a',
        '3' => 'e',
        '1' | '!' | '|' => 'i',
        '0' => 'o',
        '5' | '$' => 's',
        '7' | '+' => 't',
        '8' => 'b',
        '9' => 'g',
        c => c,
    }
}

/// A word of [`WORDS`]: its rank, times the variations (reversed, capitals, swaps).
fn dictionary_log10(piece: &[char], original: &[char]) -> Option<f64> {
    let plain: String = piece.iter().collect();
    let swapped: String = piece.iter().map(|&c| unleet(c)).collect();
    let reversed: String = piece.iter().rev().collect();
    let rank = |w: &str| WORDS.iter().position(|x| *x == w).map(|r| r as f64 + 1.0);
    let (rank, factor) = if let Some(r) = rank(&plain) {
        (r, 1.0)
    } else if let Some(r) = rank(&reversed) {
        (r, 2.0)
    } else if swapped != plain {
        // Which signs were swapped, and how many ways: at most 2^swaps.
        let swaps = piece.iter().filter(|&&c| unleet(c) != c).count() as i32;
        (rank(&swapped)?, 2f64.powi(swaps))
    } else {
        return None;
    };
    Some((rank * factor * capitals(original)).log10())
}

/// Capitals in a word: none ×1; the first, or all ×2; any other mix: the
/// ways to place that many capitals.
fn capitals(original: &[char]) -> f64 {
    let upper = original.iter().filter(|c| c.is_uppercase()).count();
    let n = original.len();
    if upper == 0 {
        1.0
    } else if upper == n || (upper == 1 && original[0].is_uppercase()) {
        2.0
    } else {
        // Sum of binomial(n, i) for i in 1..=min(upper, n - upper).
        let m = upper.min(n - upper);
        (1..=m).map(|i| binomial(n, i)).sum::<f64>().max(2.0)
    }
}

fn binomial(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// One character, or a piece, repeated: the piece's own guesses times the count.
fn repeat_log10(piece: &[char], original: &[char]) -> Option<f64> {
    let n = piece.len();
    // The shortest unit the piece repeats (the last time perhaps in part).
    (1..=n / 2)
        .find(|&unit| (unit..n).all(|i| piece[i] == piece[i - unit]))
        .map(|unit| cheapest(&piece[..unit], &original[..unit]) + (n as f64 / unit as f64).log10())
}

/// A sequence with one step of ±1 or ±2 (`abcd`, `9753`): where it starts, its length, its direction.
fn sequence_log10(piece: &[char]) -> Option<f64> {
    let step = piece[1] as i64 - piece[0] as i64;
    if !(1..=2).contains(&step.abs()) || piece.windows(2).any(|w| w[1] as i64 - w[0] as i64 != step) {
        return None;
    }
    let start = if matches!(piece[0], 'a' | 'z' | '0' | '1' | '9') { 4.0 } else { 26.0 };
    let direction = if step < 0 { 2.0 } else { 1.0 };
    Some((start * piece.len() as f64 * direction * step.abs() as f64).log10())
}

/// A run along a keyboard row or column, forwards or backwards.
fn keyboard_log10(piece: &[char]) -> Option<f64> {
    let forward: String = piece.iter().collect();
    let backward: String = piece.iter().rev().collect();
    KEYBOARDS.iter().enumerate().find_map(|(i, row)| {
        let dir = if row.contains(&forward) {
            1.0
        } else if row.contains(&backward) {
            2.0
        } else {
            return None;
        };
        // Which board, where the run starts, its length, its direction.
        Some(((KEYBOARDS.len() as f64) * 12.0 * piece.len() as f64 * dir * (i as f64 + 1.0).sqrt()).log10())
    })
}

/// A year (1900–2039), or a date of 6 or 8 digits with or without separators.
fn date_log10(piece: &[char]) -> Option<f64> {
    let digits: Vec<u32> = piece.iter().filter_map(|c| c.to_digit(10)).collect();
    let separators = piece.len() - digits.len();
    if separators > 2 || piece.iter().any(|c| !c.is_ascii_digit() && !matches!(c, '.' | '-' | '/' | ' ')) {
        return None;
    }
    let number = |d: &[u32]| d.iter().fold(0, |a, x| a * 10 + x);
    let day_month = |d: &[u32]| (1..=31).contains(&number(&d[..2])) && (1..=12).contains(&number(&d[2..4]));
    let year = |d: &[u32]| (1900..=2039).contains(&number(d));
    let date = match digits.len() {
        4 => separators == 0 && year(&digits),
        // ddmmyy or yymmdd
        6 => day_month(&digits) || day_month(&[&digits[4..], &digits[2..4]].concat()),
        // ddmmyyyy or yyyymmdd
        8 => {
            (day_month(&digits) && year(&digits[4..]))
                || (year(&digits[..4]) && day_month(&[&digits[6..], &digits[4..6]].concat()))
        }
        _ => false,
    };
    match digits.len() {
        _ if !date => None,
        4 => Some(140f64.log10()),
        _ => Some((365.0f64 * 140.0 * if separators > 0 { 4.0 } else { 1.0 }).log10()),
    }
}
