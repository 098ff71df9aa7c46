//! The department view's two charts as SVG text (issue 17), drawn by the app:
//! no chart crate, no network. Pure, so the drawing is tested natively; the
//! screen puts the text into the page. Black, white and one red, with a
//! pattern, the standard as a labelled line and every count written out: the
//! charts read in print and never by colour alone. Each is `role="img"` with a
//! summary as its name; the same numbers stand in tables beside them.

use crate::lang::Lang;
use crate::stats::Share;
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
        if within[i] > 0 {
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{INK}"/>"##,
                y(within[i]),
                base as f64 - y(within[i])
            );
        }
        if over[i] > 0 {
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="url(#{id}-hatch)" stroke="{INK}"/>"##,
                y(n),
                y(within[i]) - y(n)
            );
        }
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="10">{n}</text>"##,
            x + w / 2.0,
            y(n) - 3.0
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
            r##"<text x="{:.1}" y="{}" text-anchor="middle" font-size="10">{label}</text>"##,
            LEFT as f64 + (i as f64 + 0.5) * bw,
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
        let _ = write!(
            out,
            r##"<line class="standard-line" data-days="{s}" x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{base}" stroke="{INK}" stroke-width="2" stroke-dasharray="5 3"/><text x="{:.1}" y="{}" text-anchor="{}" font-weight="bold">{}</text>"##,
            LEGEND + LABEL_ROW * k as i64 + 3,
            if right { x + 3.0 } else { x - 3.0 },
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
            r##"<line x1="{LEFT}" y1="{:.1}" x2="{}" y2="{:.1}" stroke="{INK}" stroke-width="{}" stroke-dasharray="{}"/><text x="{}" y="{:.1}" text-anchor="end" font-size="10">{label}</text>"##,
            y(p),
            width - RIGHT,
            y(p),
            if p == 0 { "1" } else { "0.6" },
            if p == 0 { "none" } else { "2 3" },
            LEFT - 4,
            y(p) + 4.0
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
                    r##"<rect x="{:.1}" y="{:.1}" width="{bw:.1}" height="{:.1}" fill="{INK}"/>"##,
                    cx - bw / 2.0,
                    y(p),
                    base as f64 - y(p)
                );
                s.text(lang)
            }
            None => "—".to_string(),
        };
        let above = b.share.map_or(base as f64, |s| y(s.permille())) - 4.0;
        let _ = write!(
            out,
            r##"<text x="{cx:.1}" y="{above:.1}" text-anchor="middle" font-size="10" font-weight="bold">{}</text><text x="{cx:.1}" y="{}" text-anchor="middle" font-size="10">{}</text><text x="{cx:.1}" y="{}" text-anchor="middle" font-size="10">{}</text><text x="{cx:.1}" y="{}" text-anchor="middle" font-size="10">n = {}</text>"##,
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
