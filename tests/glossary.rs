//! Japanese wording follows AWS's own Japanese documentation: no word that
//! `shared/spec/glossary-ja.md` lists under "Variants to avoid" appears in any text of
//! the page (every Japanese string lives in the Rust sources).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::Path;

/// The avoid column of the glossary's quick list, split into single words. Entries
/// that depend on context are left to review, and said here: `送信` and `公開` (avoid
/// only for publishing flow logs; 送信 is also AWS's word for egress), `承認` (only as
/// a console filter label), `エフェメラルポート` (allowed beside 一時ポート).
fn avoided(glossary: &str) -> Vec<String> {
    let section = glossary.split("## Variants to avoid").nth(1).expect("the quick list");
    let mut words = Vec::new();
    for row in section.lines().filter(|l| l.starts_with('|')).skip(2) {
        let avoid = row.split('|').nth(1).unwrap_or_default();
        // Notes in parentheses are not words ("(no space)", "alone", "(old console …)").
        let avoid = avoid.split(" alone").next().unwrap_or(avoid);
        let mut clean = String::new();
        let mut depth = 0;
        for c in avoid.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                c if depth == 0 => clean.push(c),
                _ => {}
            }
        }
        for w in clean.split('/').map(str::trim).filter(|w| !w.is_empty()) {
            if !["送信", "公開", "承認", "エフェメラルポート"].contains(&w) {
                words.push(w.to_owned());
            }
        }
    }
    words
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn ok_no_japanese_word_that_aws_avoids() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let glossary = std::fs::read_to_string(root.join("../shared/spec/glossary-ja.md"))
        .expect("../shared/spec/glossary-ja.md beside the repository");
    let words = avoided(&glossary);
    assert!(words.len() >= 20, "{words:?}");
    assert!(words.contains(&"集約期間".to_owned()) && words.contains(&"ゲートウェイ型 VPC エンドポイント".to_owned()));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for (path, text) in &files {
        for w in &words {
            for (i, _) in text.match_indices(w.as_str()) {
                // クラスタ is avoided, クラスター is right.
                if w == "クラスタ" && text[i + w.len()..].starts_with('ー') {
                    continue;
                }
                let line = text[..i].lines().count();
                found.push(format!("{path}:{line}: {w}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words AWS's Japanese docs avoid:\n{}",
        found.join("\n")
    );
}
