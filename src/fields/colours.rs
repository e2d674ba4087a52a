//! One colour per field: the same hue marks a field's value in the labeled line (the
//! ruler), the card's row, the table's column and the picture made from the line.
//!
//! The hues live here once. `styles/colours.css` spells them as CSS classes
//! (`hue-0` … `hue-10`; the page's CSP allows no inline styles) and a test below checks
//! that it says exactly this, and that text stays readable on every tint (WCAG AA) in
//! both themes. Colour is never the only signal: every coloured value also carries its
//! field's label.

use crate::fields::FieldName;

/// One hue in both themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hue {
    /// A short name (for tests and notes).
    pub name: &'static str,
    /// Light theme: the edge (borders, underlines; ≥ 3:1 against the panel).
    pub edge: &'static str,
    /// Light theme: the tint behind a value (text on it stays ≥ 4.5:1).
    pub tint: &'static str,
    /// Dark theme: the edge.
    pub dark_edge: &'static str,
    /// Dark theme: the tint.
    pub dark_tint: &'static str,
}

const fn hue(
    name: &'static str,
    edge: &'static str,
    tint: &'static str,
    dark_edge: &'static str,
    dark_tint: &'static str,
) -> Hue {
    Hue {
        name,
        edge,
        tint,
        dark_edge,
        dark_tint,
    }
}

/// Eleven hues, far enough apart to tell neighbours apart (after Tableau 10 plus indigo,
/// darkened for light backgrounds and lightened for dark ones). Eleven, not ten: with
/// ten, two neighbours of the transit gateway format (`type`, `packets-lost-no-route`)
/// would share one (a test over every preset format checks).
pub static HUES: [Hue; 11] = [
    hue("blue", "#1f6fb4", "#e3eef8", "#6aaee8", "#1b2a3a"),
    hue("orange", "#b85400", "#fbeadb", "#f0a05a", "#3a2a1a"),
    hue("green", "#23802b", "#e2f3e2", "#6fcf6f", "#1c321c"),
    hue("red", "#c0282b", "#fbe4e4", "#ff8a80", "#3a1e1e"),
    hue("purple", "#7b4fb0", "#efe7f8", "#b99be8", "#2c2240"),
    hue("brown", "#8c564b", "#f2e8e5", "#d0a797", "#33261f"),
    hue("pink", "#b83c86", "#fae5f1", "#f09ccf", "#3a1f30"),
    hue("grey", "#646b73", "#eceef0", "#aab1b9", "#2a2d31"),
    hue("olive", "#6f7010", "#f1f1d6", "#c8c85a", "#30301a"),
    hue("cyan", "#0d7d8c", "#dff3f6", "#5fd0dc", "#173236"),
    hue("indigo", "#4b55b8", "#e7e9f8", "#9aa3f0", "#23264a"),
];

/// The hue slot of `field`: its place in the field table, modulo the number of hues.
/// Fields are listed in AWS's order, so neighbours in the default format and in the
/// version-by-version formats never share a hue.
#[must_use]
pub fn slot(field: FieldName) -> usize {
    let at = FieldName::ALL
        .iter()
        .position(|f| *f == field)
        .unwrap_or(FieldName::ALL.len());
    at % HUES.len()
}

/// The CSS class of `field`'s hue (`hue-3`).
#[must_use]
pub fn class(field: FieldName) -> &'static str {
    const CLASSES: [&str; 11] = [
        "hue-0", "hue-1", "hue-2", "hue-3", "hue-4", "hue-5", "hue-6", "hue-7", "hue-8", "hue-9", "hue-10",
    ];
    CLASSES.get(slot(field)).copied().unwrap_or("hue-0")
}

/// The hue of `field`.
#[must_use]
pub fn of(field: FieldName) -> &'static Hue {
    HUES.get(slot(field)).unwrap_or(&HUES[0])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;

    fn rgb(hex: &str) -> [f64; 3] {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(|c| f64::from(c) / 255.0)
    }

    /// WCAG 2 relative luminance and contrast ratio.
    fn contrast(a: &str, b: &str) -> f64 {
        let lum = |hex: &str| {
            let [r, g, b] = rgb(hex).map(|c| {
                if c <= 0.039_28 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            });
            0.2126 * r + 0.7152 * g + 0.0722 * b
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    fn css_var(css: &str, dark: bool, name: &str) -> String {
        let part = if dark {
            css.split("prefers-color-scheme: dark").nth(1).unwrap()
        } else {
            css.split("prefers-color-scheme: dark").next().unwrap()
        };
        let at = part
            .find(&format!("{name}:"))
            .unwrap_or_else(|| panic!("{name} in base.css"));
        part[at + name.len() + 1..].trim_start()[..7].to_owned()
    }

    #[test]
    fn ok_text_is_readable_on_every_tint_in_both_themes() {
        let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/base.css")).unwrap();
        for dark in [false, true] {
            let (text, muted, panel) = (
                css_var(&base, dark, "--text"),
                css_var(&base, dark, "--muted"),
                css_var(&base, dark, "--panel"),
            );
            for h in &HUES {
                let (edge, tint) = if dark {
                    (h.dark_edge, h.dark_tint)
                } else {
                    (h.edge, h.tint)
                };
                assert!(contrast(&text, tint) >= 7.0, "{} text on tint (dark {dark})", h.name);
                assert!(
                    contrast(&muted, tint) >= 4.5,
                    "{} muted on tint (dark {dark}): {}",
                    h.name,
                    contrast(&muted, tint)
                );
                assert!(
                    contrast(edge, &panel) >= 3.0,
                    "{} edge on panel (dark {dark}): {}",
                    h.name,
                    contrast(edge, &panel)
                );
                assert!(
                    contrast(edge, tint) >= 3.0,
                    "{} edge on tint (dark {dark}): {}",
                    h.name,
                    contrast(edge, tint)
                );
            }
        }
    }

    #[test]
    fn ok_the_stylesheet_says_what_this_table_says() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/colours.css")).unwrap();
        let (light, dark) = css.split_once("prefers-color-scheme: dark").unwrap();
        for (i, h) in HUES.iter().enumerate() {
            let rule = format!(".hue-{i} {{ --hue-edge: {}; --hue-tint: {}; }}", h.edge, h.tint);
            assert!(light.contains(&rule), "styles/colours.css lacks `{rule}`");
            let rule = format!(
                ".hue-{i} {{ --hue-edge: {}; --hue-tint: {}; }}",
                h.dark_edge, h.dark_tint
            );
            assert!(dark.contains(&rule), "styles/colours.css (dark) lacks `{rule}`");
        }
        assert_eq!(
            css.matches("--hue-edge:").count(),
            2 * HUES.len(),
            "no other hue in the stylesheet"
        );
    }
}
