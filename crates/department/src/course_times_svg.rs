//! The department view's two charts as SVG text (issue 17), drawn by the app:
//! no chart crate, no network. Pure, so the drawing is tested natively; the
//! screen puts the text into the page. Black, white and one red, with a
//! pattern, the standard as a labelled line and every count written out: the
//! charts read in print and never by colour alone. Each is `role="img"` with a
//! summary as its name; the same numbers stand in tables beside them.

use crate::lang::Lang;
use crate::course_times::Share;
use std::fmt::Write;

const W: i64 = 420;
const H: i64 = 210;
const LEFT: i64 = 36;
const RIGHT: i64 = 10;
/// Room above the plot: the legend, then one row per standard's label.
const LEGEND: i64 = 18;
const LABEL_ROW: i64 = 13;
const BOTTOM: i64 = 44;
/// Day bins drawn one by one; longer courses share the last bar ("≥ N").
const MAX_BINS: usize = 36;
const INK: &str = "#1b2430";
const OVER: &str = "#a4161a";

/// A coordinate written to one decimal: the text of `format!("{:.1}", v)`
/// (correctly rounded from the exact binary value, ties to even, "-" for a
/// negative sign), made with integers. The charts are the app's only float
/// output, and core's float formatting costs some 13 KB of wasm. Exact for
/// |v| < 2^60 / 10, far beyond any coordinate here.
struct Tenth(f64);

impl std::fmt::Display for Tenth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bits = self.0.to_bits();
        let (exp, frac) = (((bits >> 52) & 0x7ff) as i32, bits & ((1 << 52) - 1));
        // |v| = m · 2^e exactly.
        let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp - 1075) };
        let n = u128::from(m) * 10;
        let tenths = if e >= 0 {
            n << e.min(64)
        } else if e <= -127 {
            0 // below 10^-20: n < 2^57 is under half of 2^-e
        } else {
            let s = -e as u32;
            let (q, r, half) = (n >> s, n & ((1 << s) - 1), 1 << (s - 1));
            if r > half || (r == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        } as u64;
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// The words a histogram needs, in the UI's language.
pub struct HistogramText<'a> {
    /// The chart's accessible name: what it shows, with its numbers.
    pub summary: &'a str,
    /// Axis title under the days, e.g. "dage brugt".
    pub days: &'a str,
    /// The legend's word for the dashed line, e.g. "standard".
    pub standard: &'a str,
    pub within: &'a str,
    pub over: &'a str,
    /// "dage" after a standard's number.
    pub days_unit: &'a str,
}

/// Text for SVG: the five XML specials escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn open_svg(out: &mut String, id: &str, width: i64, summary: &str) {
    let summary = escape(summary);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" id="{id}" class="chart" viewBox="0 0 {width} {H}" role="img" aria-label="{summary}" font-size="11" fill="{INK}"><title>{summary}</title>"##
    );
}

/// Per day, how many completed periods used that many days (`over_days`:
/// those over the standard), as stacked bars: within solid, over hatched;
/// each standard a dashed vertical line between its last day and the next,
/// labelled with its days. `days` and `over_days` ascending, `over_days` a subset.
pub fn histogram(id: &str, days: &[i64], over_days: &[i64], standards: &[i64], t: &HistogramText) -> String {
    let mut out = String::with_capacity(4096);
    open_svg(&mut out, id, W, t.summary);
    let _ = write!(
        out,
        r##"<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="{OVER}"/></pattern></defs>"##
    );
    let max_std = standards.iter().copied().max().unwrap_or(0).max(0) as usize;
    let max_day = days.last().copied().unwrap_or(0).max(0) as usize;
    // Room for every day up to the standard and the day after; then the data.
    let bins = (max_day.max(max_std + 1) + 1).min(MAX_BINS);
    let last = bins - 1;
    let bin = |d: i64| (d.max(0) as usize).min(last);
    let mut within = vec![0usize; bins];
    let mut over = vec![0usize; bins];
    for &d in days {
        within[bin(d)] += 1;
    }
    for &d in over_days {
        over[bin(d)] += 1;
        within[bin(d)] = within[bin(d)].saturating_sub(1);
    }
    let ymax = (0..bins).map(|i| within[i] + over[i]).max().unwrap_or(0).max(1) as i64;
    let plot_w = W - LEFT - RIGHT;
    // Each standard's label has a row of its own above the plot; the counts above the bars come below.
    let top = LEGEND + LABEL_ROW * standards.len().max(1) as i64 + 12;
    let plot_h = H - top - BOTTOM;
    let base = top + plot_h;
    let bw = plot_w as f64 / bins as f64;
    let y = |n: usize| base as f64 - n as f64 * plot_h as f64 / ymax as f64;

    // Legend.
    let _ = write!(
        out,
        r##"<rect x="{LEFT}" y="4" width="12" height="12" fill="{INK}"/><text x="{}" y="14">{}</text><rect x="{}" y="4" width="12" height="12" fill="url(#{id}-hatch)" stroke="{INK}"/><text x="{}" y="14">{}</text>"##,
        LEFT + 16,
        escape(t.within),
        LEFT + 110,
        LEFT + 126,
        escape(t.over)
    );
    let _ = write!(
        out,
        r##"<line x1="{}" y1="3" x2="{}" y2="17" stroke="{INK}" stroke-width="2" stroke-dasharray="4 2"/><text x="{}" y="14">{}</text>"##,
        LEFT + 206,
        LEFT + 206,
        LEFT + 213,
        escape(t.standard)
    );
    // Axes and the count scale.
    let _ = write!(
        out,
        r##"<line x1="{LEFT}" y1="{base}" x2="{}" y2="{base}" stroke="{INK}"/><line x1="{LEFT}" y1="{top}" x2="{LEFT}" y2="{base}" stroke="{INK}"/><text x="{}" y="{}" text-anchor="end">0</text><text x="{}" y="{}" text-anchor="end">{ymax}</text>"##,
        W - RIGHT,
        LEFT - 4,
        base,
        LEFT - 4,
        top + 4
    );
    // Bars, each with its count above.
    for i in 0..bins {
        let n = within[i] + over[i];
        if n == 0 {
            continue;
        }
        let x = LEFT as f64 + i as f64 * bw + 1.0;
        let w = (bw - 2.0).max(1.0);
        let (tx, tw) = (Tenth(x), Tenth(w));
        if within[i] > 0 {
            let _ = write!(
                out,
                r##"<rect x="{tx}" y="{}" width="{tw}" height="{}" fill="{INK}"/>"##,
                Tenth(y(within[i])),
                Tenth(base as f64 - y(within[i]))
            );
        }
        if over[i] > 0 {
            let _ = write!(
                out,
                r##"<rect x="{tx}" y="{}" width="{tw}" height="{}" fill="url(#{id}-hatch)" stroke="{INK}"/>"##,
                Tenth(y(n)),
                Tenth(y(within[i]) - y(n))
            );
        }
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="10">{n}</text>"##,
            Tenth(x + w / 2.0),
            Tenth(y(n) - 3.0)
        );
    }
    // Day labels under the bars.
    let step = match bins {
        0..=16 => 1,
        17..=32 => 2,
        _ => 5,
    };
    let overflow = max_day > last;
    // Every `step` days; the last bar too when it holds the longer courses
    // (then without a step label right before it).
    let labelled = |i: usize| {
        if overflow {
            i == last || (i.is_multiple_of(step) && i + 2 <= last)
        } else {
            i.is_multiple_of(step)
        }
    };
    for i in (0..bins).filter(|i| labelled(*i)) {
        let label = if i == last && overflow { format!("≥{i}") } else { i.to_string() };
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="10">{label}</text>"##,
            Tenth(LEFT as f64 + (i as f64 + 0.5) * bw),
            base + 14
        );
    }
    let _ = write!(
        out,
        r##"<text x="{}" y="{}" text-anchor="middle">{}</text>"##,
        LEFT + plot_w / 2,
        H - 6,
        escape(t.days)
    );
    // The standards: a dashed line after the last day within, labelled.
    // The label stands right of its line, or left where it would run off the chart.
    for (k, &s) in standards.iter().enumerate() {
        let x = LEFT as f64 + (s.max(0) as f64 + 1.0).min(bins as f64) * bw;
        let label = format!("{s} {}", t.days_unit);
        let width = label.chars().count() as f64 * 6.6;
        let right = x + 3.0 + width <= (W - RIGHT) as f64;
        let tx = Tenth(x);
        let _ = write!(
            out,
            r##"<line class="standard-line" data-days="{s}" x1="{tx}" y1="{}" x2="{tx}" y2="{base}" stroke="{INK}" stroke-width="2" stroke-dasharray="5 3"/><text x="{}" y="{}" text-anchor="{}" font-weight="bold">{}</text>"##,
            LEGEND + LABEL_ROW * k as i64 + 3,
            Tenth(if right { x + 3.0 } else { x - 3.0 }),
            LEGEND + LABEL_ROW * (k as i64 + 1),
            if right { "start" } else { "end" },
            escape(&label)
        );
    }
    out.push_str("</svg>");
    out
}

/// One quarter's bar.
pub struct QuarterBar {
    /// Two lines under the bar, e.g. "1. kvt." and "2026".
    pub label: (String, String),
    pub share: Option<Share>,
    pub completed: usize,
}

/// The share within standard per quarter: a bar to 100 %, the share written
/// above it (— where nothing was completed) and the number completed below.
pub fn quarter_shares(id: &str, bars: &[QuarterBar], summary: &str, lang: Lang) -> String {
    let width = W.max(LEFT + RIGHT + 46 * bars.len() as i64);
    let mut out = String::with_capacity(2048);
    open_svg(&mut out, id, width, summary);
    let plot_w = width - LEFT - RIGHT;
    let top = 22;
    let plot_h = H - top - BOTTOM;
    let base = top + plot_h;
    let y = |permille: u32| base as f64 - permille as f64 * plot_h as f64 / 1000.0;
    for (p, label) in [(0u32, "0"), (500, "50"), (1000, "100 %")] {
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="{}" stroke-dasharray="{}"/><text x="{}" y="{}" text-anchor="end" font-size="10">{label}</text>"##,
            Tenth(y(p)),
            width - RIGHT,
            Tenth(y(p)),
            if p == 0 { "1" } else { "0.6" },
            if p == 0 { "none" } else { "2 3" },
            LEFT - 4,
            Tenth(y(p) + 4.0)
        );
    }
    let slot = plot_w as f64 / bars.len().max(1) as f64;
    let bw = (slot - 10.0).clamp(6.0, 48.0);
    for (i, b) in bars.iter().enumerate() {
        let cx = LEFT as f64 + (i as f64 + 0.5) * slot;
        let text = match b.share {
            Some(s) => {
                let p = s.permille();
                let _ = write!(
                    out,
                    r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{INK}"/>"##,
                    Tenth(cx - bw / 2.0),
                    Tenth(y(p)),
                    Tenth(bw),
                    Tenth(base as f64 - y(p))
                );
                s.text(lang)
            }
            None => "—".to_string(),
        };
        let above = Tenth(b.share.map_or(base as f64, |s| y(s.permille())) - 4.0);
        let cx = Tenth(cx);
        let _ = write!(
            out,
            r##"<text x="{cx}" y="{above}" text-anchor="middle" font-size="10" font-weight="bold">{}</text><text x="{cx}" y="{}" text-anchor="middle" font-size="10">{}</text><text x="{cx}" y="{}" text-anchor="middle" font-size="10">{}</text><text x="{cx}" y="{}" text-anchor="middle" font-size="10">n = {}</text>"##,
            escape(&text),
            base + 13,
            escape(&b.label.0),
            base + 25,
            escape(&b.label.1),
            base + 37,
            b.completed
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::Tenth;

    fn same(v: f64) {
        assert_eq!(Tenth(v).to_string(), format!("{v:.1}"), "{v:e}");
    }

    #[test]
    fn a_tenth_is_written_as_core_writes_it() {
        // Ties in binary (x.x5 exactly representable: to even), near-ties, signs, zero, tiny.
        for v in [
            0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.75, 1.25, 12.125, 2.5, 1e-300, 5e-324, -0.04, -0.05, -3.25,
            1e15, 0.95, 9.95, 99.95,
        ] {
            same(v);
        }
        // Every k/8, k/64 and k/20 (exact ties and near ones), and coordinates as the charts compute them.
        for k in -2000..200_000 {
            same(k as f64 / 8.0);
            same(k as f64 / 64.0);
            same(k as f64 / 20.0);
        }
        for bins in 1..=40 {
            let bw = 374.0 / bins as f64;
            for i in 0..=bins {
                same(36.0 + i as f64 * bw + 1.0);
                same(36.0 + (i as f64 + 0.5) * bw);
                same((bw - 2.0).max(1.0));
            }
        }
        for ymax in 1..=300u32 {
            for n in 0..=ymax {
                same(166.0 - n as f64 * 112.0 / ymax as f64 - 3.0);
            }
        }
        let mut seed = 1u64;
        for _ in 0..500_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let v = f64::from_bits(seed >> 12 | 0x3ff0_0000_0000_0000) - 1.0; // [0, 1)
            same(v * 2000.0 - 100.0);
        }
    }
}
