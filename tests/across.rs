//! Across records, checked against the scenarios of shared/bench/gen_scenarios.py (run
//! here, several seeds and both formats): every truth found, nothing invented.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "tests")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value as Json;
use vpc_flowlog_decoder::flowlog::bulk::across::findings::{self, Finding};
use vpc_flowlog_decoder::flowlog::bulk::across::{conversations, flows};
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::Options;

/// The log and the truth of `scenario`.
fn scenario(scenario: &str, seed: u32, v5: bool) -> (String, Json) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("across-{scenario}-{seed}-{v5}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let truth = dir.join("truth.json");
    let mut cmd = Command::new("python3");
    cmd.arg(root.join("../shared/bench/gen_scenarios.py"))
        .args(["--scenario", scenario, "--seed", &seed.to_string(), "--truth"])
        .arg(&truth);
    if v5 {
        cmd.args(["--format", "v5", "--header"]);
    }
    let out = cmd.output().expect("python3 runs shared/bench/gen_scenarios.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Json = serde_json::from_str(&std::fs::read_to_string(&truth).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (String::from_utf8(out.stdout).unwrap(), json)
}

fn verdict_key(truth: &str) -> &'static str {
    match truth {
        "accepted" => "ok",
        "network ACL (stateless) blocks the reply" => "nacl-reply",
        t if t.starts_with("rejected") => "rejected",
        t if t.starts_with("no response") => "no-response",
        t => panic!("verdict {t}"),
    }
}

fn lines(v: &Json) -> BTreeSet<u64> {
    v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect()
}

fn check_conversations(name: &str, seed: u32, v5: bool) {
    let (text, truth) = scenario(name, seed, v5);
    let table = Table::build(text, &Options::default());
    let flows = flows::read(&table, None);
    let ours = conversations::build(&flows);
    // Conversations that lost records to SKIPDATA are judged on what is left.
    let affected: BTreeSet<String> = truth["skipdata_bursts"]
        .as_array()
        .map(|b| {
            b.iter()
                .flat_map(|x| {
                    x["affected_conversations"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c.as_str().unwrap().to_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    let by_lines: BTreeMap<BTreeSet<u64>, &conversations::Conversation> = ours
        .iter()
        .map(|c| (c.rows.iter().map(|r| u64::from(*r) + 1).collect(), c))
        .collect();
    let mut missing = Vec::new();
    let mut wrong = Vec::new();
    let mut matched = 0;
    for t in truth["conversations"].as_array().unwrap() {
        let id = t["id"].as_str().unwrap();
        if affected.contains(id) {
            continue;
        }
        match by_lines.get(&lines(&t["lines"])) {
            None => missing.push(format!("{id} {} {:?}", t["kind"], lines(&t["lines"]))),
            Some(c) => {
                matched += 1;
                let want = verdict_key(t["verdict"].as_str().unwrap());
                if c.verdict.key() != want {
                    wrong.push(format!("{id} {}: {} != {want}", t["kind"], c.verdict.key()));
                }
                assert_eq!(c.client.addr.to_string(), t["client"].as_str().unwrap(), "{id} client");
                assert_eq!(
                    u64::from(c.server.port),
                    t["server_port"].as_u64().unwrap(),
                    "{id} server port"
                );
                let reply: BTreeSet<u64> = c.reply_rows.iter().map(|r| u64::from(*r) + 1).collect();
                assert_eq!(reply, lines(&t["reply_lines"]), "{id} reply lines");
            }
        }
    }
    let label = format!("{name} seed {seed} {}", if v5 { "v5" } else { "default" });
    assert!(
        missing.is_empty(),
        "{label}: {} of the truth's conversations not found, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    assert!(
        wrong.is_empty(),
        "{label}: wrong verdicts: {:?}",
        &wrong[..wrong.len().min(5)]
    );
    let expected = truth["conversations"].as_array().unwrap().len() - affected.len();
    let extra = ours.len() as i64 - expected as i64;
    if affected.is_empty() {
        assert_eq!(ours.len(), matched, "{label}: conversations invented");
    } else {
        assert!(extra >= 0, "{label}");
    }
}

#[test]
fn ok_conversations_and_verdicts_match_every_scenario() {
    for seed in [1, 2, 7] {
        for name in ["vpc", "nacl-reply", "sg-reject", "scan", "nat-s3", "quiet"] {
            for v5 in [true, false] {
                check_conversations(name, seed, v5);
            }
        }
    }
}

fn analyse(
    name: &str,
    seed: u32,
    v5: bool,
) -> (
    Json,
    flows::Flows,
    Vec<conversations::Conversation>,
    Vec<findings::Found>,
) {
    let (text, truth) = scenario(name, seed, v5);
    let table = Table::build(text, &Options::default());
    let flows = flows::read(&table, None);
    let convs = conversations::build(&flows);
    // A fixed "now", a day after every scenario.
    let found = findings::find(&flows, &convs, 1_717_236_000 + 86_400 * 365);
    (truth, flows, convs, found)
}

fn rows_as_lines(rows: &[u32]) -> BTreeSet<u64> {
    rows.iter().map(|r| u64::from(*r) + 1).collect()
}

#[test]
fn ok_findings_match_every_scenario() {
    for seed in [1, 7] {
        for v5 in [true, false] {
            let label = |n: &str| format!("{n} seed {seed} v5 {v5}");
            // Scans: exactly the truth's scanners, with their request lines.
            let (truth, _, _, found) = analyse("scan", seed, v5);
            let scans: Vec<&findings::Found> = found
                .iter()
                .filter(|f| matches!(f.finding, Finding::VerticalScan { .. } | Finding::HorizontalScan { .. }))
                .collect();
            let list = truth["scanners"]["list"].as_array().unwrap();
            assert_eq!(scans.len(), list.len(), "{}", label("scan"));
            for t in list {
                let source = t["source"].as_str().unwrap();
                let f = scans
                    .iter()
                    .find(|f| match &f.finding {
                        Finding::VerticalScan { source: s, .. } | Finding::HorizontalScan { source: s, .. } => {
                            s.to_string() == source
                        }
                        _ => false,
                    })
                    .unwrap_or_else(|| panic!("{}: scanner {source} not found", label("scan")));
                assert_eq!(f.finding.key(), format!("{}-scan", t["kind"].as_str().unwrap()));
                assert_eq!(
                    rows_as_lines(&f.rows),
                    lines(&t["request_lines"]),
                    "{}: {source} lines",
                    label("scan")
                );
                match &f.finding {
                    Finding::VerticalScan {
                        ports,
                        targets,
                        first,
                        last,
                        internal,
                        ..
                    } => {
                        assert_eq!(*ports as u64, t["distinct_ports"].as_u64().unwrap());
                        assert_eq!(targets.len() as u64, t["distinct_targets"].as_u64().unwrap());
                        assert_eq!(
                            (*first, *last),
                            (t["first"].as_i64().unwrap(), t["last"].as_i64().unwrap())
                        );
                        assert_eq!(*internal, t["internal"].as_bool().unwrap());
                    }
                    Finding::HorizontalScan {
                        targets,
                        port,
                        first,
                        last,
                        internal,
                        ..
                    } => {
                        assert_eq!(*targets as u64, t["distinct_targets"].as_u64().unwrap());
                        assert_eq!(u64::from(*port), t["ports"][0].as_u64().unwrap());
                        assert_eq!(
                            (*first, *last),
                            (t["first"].as_i64().unwrap(), t["last"].as_i64().unwrap())
                        );
                        assert_eq!(*internal, t["internal"].as_bool().unwrap());
                    }
                    _ => unreachable!(),
                }
            }
            // Quiet interfaces and SKIPDATA bursts.
            let (truth, _, _, found) = analyse("quiet", seed, v5);
            let quiet: Vec<&findings::Found> = found.iter().filter(|f| f.finding.key() == "quiet-interface").collect();
            let tq = truth["quiet_enis"].as_array().unwrap();
            assert_eq!(quiet.len(), tq.len(), "{}", label("quiet"));
            for t in tq {
                let f = quiet
                    .iter()
                    .find(|f| matches!(&f.finding, Finding::QuietInterface { eni, .. } if eni == t["eni"].as_str().unwrap()))
                    .unwrap();
                assert_eq!(rows_as_lines(&f.rows), lines(&t["lines"]));
            }
            let skips: Vec<&findings::Found> = found.iter().filter(|f| f.finding.key() == "skipdata").collect();
            let ts = truth["skipdata_bursts"].as_array().unwrap();
            assert_eq!(skips.len(), ts.len(), "{}", label("skipdata"));
            for t in ts {
                let f = skips
                    .iter()
                    .find(|f| matches!(&f.finding, Finding::SkipData { eni, .. } if eni == t["eni"].as_str().unwrap()))
                    .unwrap();
                assert_eq!(rows_as_lines(&f.rows), lines(&t["lines"]));
                let Finding::SkipData {
                    windows, first, last, ..
                } = &f.finding
                else {
                    unreachable!()
                };
                assert_eq!(*windows as u64, t["windows"].as_u64().unwrap());
                assert_eq!(
                    (*first, *last),
                    (t["first_start"].as_i64().unwrap(), t["last_end"].as_i64().unwrap())
                );
            }
            // Blocked replies: one finding, the truth's conversations, the rule to fix.
            let (truth, _, convs, found) = analyse("nacl-reply", seed, v5);
            let blocked: Vec<&findings::Found> = found.iter().filter(|f| f.finding.key() == "nacl-reply").collect();
            let fix = &truth["nacl_suggestions"][0];
            assert_eq!(blocked.len(), 1, "{}", label("nacl-reply"));
            let Finding::NaclReply {
                conversations: n,
                out,
                at_server,
                client_ports,
                ..
            } = &blocked[0].finding
            else {
                unreachable!()
            };
            assert_eq!(*n as u64, fix["blocked_conversations"].as_u64().unwrap());
            assert!(*out && *at_server, "the server's outbound rules");
            assert!(client_ports.0 >= 1024, "{client_ports:?}");
            let rejected: BTreeSet<u64> = convs
                .iter()
                .filter(|c| c.verdict.key() == "nacl-reply")
                .flat_map(|c| c.reply_rows.iter().map(|r| u64::from(*r) + 1))
                .collect();
            assert!(rows_as_lines(&blocked[0].rows).is_subset(&rejected));
            // Rejected inside: sg-reject's web-a → db:3306, every attempt.
            let (truth, _, _, found) = analyse("sg-reject", seed, v5);
            let inside: Vec<&findings::Found> = found.iter().filter(|f| f.finding.key() == "rejected-inside").collect();
            assert_eq!(inside.len(), 1, "{}", label("sg-reject"));
            let Finding::RejectedInside { port, attempts, .. } = &inside[0].finding else {
                unreachable!()
            };
            assert_eq!(*port, 3306);
            let want = &truth["verdict_summary"]
                ["rejected on arrival (security group or inbound NACL; the record alone cannot tell)"];
            assert_eq!(*attempts as u64, want["conversations"].as_u64().unwrap());
            // Nothing invented: the baseline VPC has no finding at all.
            let (_, _, _, found) = analyse("vpc", seed, v5);
            assert!(
                found.is_empty(),
                "{}: {:?}",
                label("vpc"),
                found.iter().map(|f| f.finding.key()).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn ok_odd_times_and_large_transfers() {
    let text =
        "2 123456789012 eni-1 10.0.0.5 198.51.100.9 40000 443 6 90000 200000000 1700000000 1700000060 ACCEPT OK\n\
                2 123456789012 eni-1 198.51.100.9 10.0.0.5 443 40000 6 40000 2000000 1700000000 1700000060 ACCEPT OK\n\
                2 123456789012 eni-1 10.0.0.5 198.51.100.9 40001 443 6 1 60 1700000100 1700000040 ACCEPT OK\n\
                2 123456789012 eni-1 10.0.0.5 198.51.100.9 40002 443 6 1 60 1900000000 1900000060 ACCEPT OK\n";
    let table = Table::build(text.to_owned(), &Options::default());
    let flows = flows::read(&table, None);
    let convs = conversations::build(&flows);
    let found = findings::find(&flows, &convs, 1_800_000_000);
    let keys: Vec<&str> = found.iter().map(|f| f.finding.key()).collect();
    assert_eq!(keys, ["odd-times", "large-transfer"]);
    assert_eq!(
        found[0].finding,
        Finding::OddTimes {
            start_after_end: 1,
            future: 1
        }
    );
    assert_eq!(found[0].rows, [2, 3]);
    assert_eq!(found[1].rows, [0]);
}
