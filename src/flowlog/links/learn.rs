//! Links into Learn mode: `#learn` (the list of lessons) and `#learn/3` (lesson 3), so a
//! teacher can send one lesson. Any other fragment is not a Learn link (share links
//! start with `s1=`).

/// Where a `#learn…` fragment points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LearnLink {
    /// `#learn`: the list of lessons.
    Index,
    /// `#learn/N` with `1 ≤ N ≤ lessons`.
    Lesson(u8),
    /// `#learn/…` naming no lesson: what it named (the page shows the list and says so).
    Missing(String),
}

/// Reads a URL fragment (with or without its `#`); `None` when it is not a Learn link.
#[must_use]
pub fn parse(fragment: &str, lessons: u8) -> Option<LearnLink> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = fragment.strip_prefix("learn")?;
    let rest = match rest {
        "" | "/" => return Some(LearnLink::Index),
        r => r.strip_prefix('/')?,
    };
    // Digits only: `+3`, ` 3` or `03` name no lesson.
    let n = rest
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| rest.parse::<u8>().ok())
        .flatten()
        .filter(|n| (1..=lessons).contains(n) && !rest.starts_with('0'));
    Some(n.map_or_else(
        || LearnLink::Missing(rest.chars().take(16).collect()),
        LearnLink::Lesson,
    ))
}

/// The fragment (without `#`) of lesson `n`, or of the list for `None`.
#[must_use]
pub fn fragment(lesson: Option<u8>) -> String {
    match lesson {
        Some(n) => format!("learn/{n}"),
        None => "learn".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_learn_links() {
        let cases: &[(&str, Option<LearnLink>)] = &[
            ("#learn", Some(LearnLink::Index)),
            ("learn/", Some(LearnLink::Index)),
            ("#learn/3", Some(LearnLink::Lesson(3))),
            ("#learn/7", Some(LearnLink::Lesson(7))),
            ("#learn/8", Some(LearnLink::Missing("8".into()))),
            ("#learn/0", Some(LearnLink::Missing("0".into()))),
            ("#learn/03", Some(LearnLink::Missing("03".into()))),
            ("#learn/+3", Some(LearnLink::Missing("+3".into()))),
            ("#learn/999", Some(LearnLink::Missing("999".into()))),
            ("#learning", None),
            ("#s1=abc", None),
            ("", None),
            ("#", None),
        ];
        for (fragment, want) in cases {
            assert_eq!(&parse(fragment, 7), want, "{fragment}");
        }
        for n in 1..=7 {
            assert_eq!(parse(&fragment(Some(n)), 7), Some(LearnLink::Lesson(n)));
        }
        assert_eq!(parse(&fragment(None), 7), Some(LearnLink::Index));
    }
}
