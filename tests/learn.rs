//! Learn mode's lessons and the labeled line's picture, checked against their sources:
//! every lesson record is AWS's (shared/spec/flow-log-format.md) or the scenario
//! generator's (shared/bench/gen_scenarios.py, run here), decodes cleanly and holds the
//! fields the lesson marks; the picture is well-formed SVG by a real XML parser.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "tests")]

use std::path::Path;
use std::process::Command;

use vpc_flowlog_decoder::fields::lessons::{self, LESSONS};
use vpc_flowlog_decoder::fields::samples::SAMPLES;
use vpc_flowlog_decoder::fields::{colours, Lang};
use vpc_flowlog_decoder::flowlog::explain::picture;
use vpc_flowlog_decoder::flowlog::{decode_text, Format, LineKind, Options};

fn shared(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("../shared").join(path)).expect("../shared beside the repository")
}

fn options(format: &str) -> Options {
    Options {
        format: (!format.is_empty()).then(|| Format::parse(format).unwrap()),
    }
}

/// The scenario the network ACL lesson quotes, written by the generator itself.
fn nacl_scenario() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("learn-nacl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("python3")
        .arg(root.join("../shared/bench/gen_scenarios.py"))
        .args([
            "--scenario",
            "nacl-reply",
            "--seed",
            "1",
            "--format",
            "v5",
            "--header",
            "--truth",
        ])
        .arg(dir.join("truth.json"))
        .output()
        .expect("python3 runs shared/bench/gen_scenarios.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn ok_every_lesson_record_is_from_its_source_and_decodes() {
    // Compared with runs of spaces as one: AWS's last tcp-flags record has a doubled
    // space, which lesson 4 (like the samples menu) writes single and says so.
    let squeeze = |s: &str| s.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
    let spec: String = shared("spec/flow-log-format.md")
        .lines()
        .map(|l| squeeze(l) + "\n")
        .collect();
    let scenario = nacl_scenario();
    assert_eq!(LESSONS.len(), usize::from(lessons::count()));
    for (i, lesson) in LESSONS.iter().enumerate() {
        let n = i + 1;
        for line in lesson.records.lines() {
            // The product's own example: the article's console row (masked there; the
            // samples menu's "cloudwatch" entry) with its values filled in.
            let seed = line == "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
            let from_spec = spec.contains(line) || seed;
            assert!(!line.contains("  ") || !from_spec);
            let from_scenario = scenario.lines().any(|l| l == line);
            assert!(
                from_spec || from_scenario,
                "lesson {n}: `{line}` is neither AWS's example nor the scenario's"
            );
            assert_eq!(from_scenario, n == 3, "lesson {n}: only lesson 3 quotes the scenario");
        }
        let decoded = decode_text(lesson.records, &options(lesson.format));
        let records: Vec<_> = decoded.records().collect();
        assert!(!records.is_empty(), "lesson {n}");
        assert!(
            decoded.lines.iter().all(|l| !matches!(l.kind, LineKind::Error(_))),
            "lesson {n}: every line decodes"
        );
        for (_, record) in &records {
            assert!(!record.has_errors(), "lesson {n}: {record:?}");
            for field in lesson.highlight {
                assert!(
                    record.cell(*field).is_some(),
                    "lesson {n} marks {field:?}, which its records lack"
                );
            }
        }
    }
}

#[test]
fn ok_each_answer_is_what_the_records_say() {
    // Lesson 1: the seventh value is the destination port.
    let l1 = &LESSONS[0];
    assert_eq!(l1.records.split(' ').nth(6), Some(l1.choices[l1.answer].en));
    // Lesson 4: the last record's tcp-flags is 19.
    let l4 = &LESSONS[3];
    let decoded = decode_text(l4.records, &options(l4.format));
    let (_, last) = decoded.records().last().unwrap();
    let flags = last.cell(vpc_flowlog_decoder::fields::FieldName::TcpFlags).unwrap();
    assert_eq!(flags.raw(l4.records), "19");
    assert!(l4.choices[l4.answer].en.starts_with("SYN-ACK + FIN"));
    // Lesson 5: the first record's pkt-dstaddr is the answer.
    let l5 = &LESSONS[4];
    let decoded = decode_text(l5.records, &options(l5.format));
    let (_, first) = decoded.records().next().unwrap();
    let dst = first.cell(vpc_flowlog_decoder::fields::FieldName::PktDstaddr).unwrap();
    assert!(l5.choices[l5.answer].en.starts_with(dst.raw(l5.records)));
    // Lesson 6: the second record is SKIPDATA.
    assert!(LESSONS[5].records.lines().nth(1).unwrap().ends_with("SKIPDATA"));
}

/// Parses `svg` as XML and checks it is the plain SVG the picture promises.
fn check_svg(svg: &str, values: &[&str]) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        assert!(
            ["svg", "title", "rect", "text", "g"].contains(&node.tag_name().name()),
            "unexpected element {:?}",
            node.tag_name()
        );
        for a in node.attributes() {
            assert!(
                a.name() != "style" && !a.name().starts_with("on") && a.name() != "href",
                "attribute {}",
                a.name()
            );
        }
    }
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for v in values {
        assert!(texts.contains(v), "`{v}` is in the picture");
    }
    let width: u32 = root.attribute("width").unwrap().parse().unwrap();
    for r in doc.descendants().filter(|n| n.has_tag_name("rect")) {
        let x: u32 = r.attribute("x").unwrap_or("0").parse().unwrap();
        let w: u32 = r.attribute("width").unwrap().parse().unwrap();
        assert!(x + w <= width, "a token overflows the picture");
    }
}

#[test]
fn ok_the_picture_is_well_formed_svg_for_every_sample_and_lesson() {
    let sources = SAMPLES
        .iter()
        .map(|s| (s.format, s.text))
        .chain(LESSONS.iter().map(|l| (l.format, l.records)));
    for (format, text) in sources {
        let decoded = decode_text(text, &options(format));
        let clean = decoded.text(text);
        for (no, record) in decoded.records() {
            for lang in Lang::ALL {
                let svg = picture::svg(record, clean, no, lang);
                let values: Vec<&str> = record.cells.iter().map(|c| c.raw(clean)).collect();
                check_svg(&svg, &values);
                for cell in &record.cells {
                    assert!(
                        svg.contains(colours::of(cell.field).tint),
                        "each value in its field's colour"
                    );
                }
            }
        }
    }
}

#[test]
fn ok_the_picture_escapes_what_it_is_given() {
    let line = "2 123456789012 eni-<b>&x 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 \"ACCEPT' OK";
    let decoded = decode_text(line, &Options::default());
    let (no, record) = decoded.records().next().unwrap();
    let svg = picture::svg(record, line, no, Lang::Ja);
    check_svg(&svg, &["eni-<b>&x", "\"ACCEPT'", "送信元アドレス"]);
}
