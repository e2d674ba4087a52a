//! Across records, checked against the scenarios of shared/bench/gen_scenarios.py (run
//! here, several seeds and both formats): every truth found, nothing invented.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "tests")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value as Json;
use vpc_flowlog_decoder::fields::FieldName as F;
use vpc_flowlog_decoder::flowlog::bulk::across::findings::{self, Finding};
use vpc_flowlog_decoder::flowlog::bulk::across::{conversations, flows};
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::Options;

/// The log and the truth of `scenario`.
fn scenario(scenario: &str, seed: u32, v5: bool) -> (String, Json) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Tests run in parallel threads of one process: each call has a directory of its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("across-{scenario}-{seed}-{v5}-{}-{call}", std::process::id()));
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
        .map(|c| (ours.rows(c).map(|r| u64::from(r) + 1).collect(), c))
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
                let reply: BTreeSet<u64> = ours.reply_rows(c).iter().map(|r| u64::from(*r) + 1).collect();
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
) -> (Json, flows::Flows, conversations::Conversations, Vec<findings::Found>) {
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
                .flat_map(|c| convs.reply_rows(c).iter().map(|r| u64::from(*r) + 1))
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

#[test]
fn ok_costs_match_the_scenarios() {
    use vpc_flowlog_decoder::flowlog::bulk::across::cost;
    for seed in [1, 7] {
        for name in ["vpc", "nat-s3", "nacl-reply"] {
            let (truth, flows, convs, _) = analyse(name, seed, true);
            let costs = cost::costs(&flows, &convs);
            // Bytes between AZs: every (from, to) pair of the truth, bytes and records.
            let pairs = costs.az_pairs.as_ref().expect("v5 has az-id");
            let want: BTreeMap<(String, String), (u64, u64)> = truth["bytes_by_az_pair"]["pairs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        (
                            p["src_az"].as_str().unwrap().to_owned(),
                            p["dst_az"].as_str().unwrap().to_owned(),
                        ),
                        (p["bytes"].as_u64().unwrap(), p["records"].as_u64().unwrap()),
                    )
                })
                .collect();
            let got: BTreeMap<(String, String), (u64, u64)> = pairs
                .iter()
                .map(|p| ((p.from.clone(), p.to.clone()), (p.bytes, p.records)))
                .collect();
            assert_eq!(got, want, "{name} seed {seed}: bytes by AZ pair");
            // Bytes by traffic path.
            let want: BTreeMap<u8, (u64, u64, u64, u64)> = truth["bytes_by_traffic_path"]["paths"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| {
                    let n = |f: &str| v[f].as_u64().unwrap();
                    (
                        k.parse().unwrap(),
                        (n("records"), n("bytes"), n("reject_records"), n("reject_bytes")),
                    )
                })
                .collect();
            let got: BTreeMap<u8, (u64, u64, u64, u64)> = costs
                .paths
                .as_ref()
                .unwrap()
                .iter()
                .map(|p| (p.path, (p.records, p.bytes, p.reject_records, p.reject_bytes)))
                .collect();
            assert_eq!(got, want, "{name} seed {seed}: bytes by traffic path");
            if name == "nat-s3" {
                let s3 = &truth["s3_via_nat"];
                let by_service: BTreeMap<&str, u64> = costs.nat.iter().map(|n| (n.service.as_str(), n.bytes)).collect();
                let per_source: u64 = s3["per_source"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["nat_processed_bytes"].as_u64().unwrap())
                    .sum();
                assert_eq!(by_service["S3"], per_source, "NAT-processed bytes to S3");
                assert_eq!(
                    by_service[""],
                    s3["other_nat_processed_bytes"].as_u64().unwrap(),
                    "the rest"
                );
                assert!(costs.nat.iter().all(|n| n.eni == s3["nat_eni"].as_str().unwrap()));
            }
        }
        // Without az-id or traffic-path, those views are absent (not zero).
        let (_, flows, convs, _) = analyse("vpc", seed, false);
        let costs = cost::costs(&flows, &convs);
        assert!(costs.az_pairs.is_none() && costs.paths.is_none());
    }
}

fn in_cidr(addr: &str, cidr: &str) -> bool {
    let (net, len) = cidr.split_once('/').unwrap();
    let (a, n): (std::net::Ipv4Addr, std::net::Ipv4Addr) = (addr.parse().unwrap(), net.parse().unwrap());
    let len: u32 = len.parse().unwrap();
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    u32::from(a) & mask == u32::from(n) & mask
}

#[test]
fn ok_rules_match_the_scenarios() {
    use vpc_flowlog_decoder::flowlog::bulk::across::rules;
    for seed in [1, 7] {
        for v5 in [true, false] {
            let (truth, flows, convs, _) = analyse("vpc", seed, v5);
            let enis = truth["vpc"]["enis"].as_array().unwrap();
            let ips_of_sg = |sg: &str| -> BTreeSet<String> {
                enis.iter()
                    .filter(|e| e["security_group"].as_str() == Some(sg))
                    .map(|e| format!("{}/32", e["ip"].as_str().unwrap()))
                    .collect()
            };
            for (name, t) in truth["inbound_rule_suggestions"].as_object().unwrap() {
                let eni = t["eni"].as_str().unwrap();
                let r = rules::rules_for(&flows, &convs, eni);
                // One rule per (protocol, port) here (no neighbouring ports share peers).
                let got: BTreeMap<(u8, Option<u16>), BTreeSet<String>> = r
                    .inbound
                    .iter()
                    .map(|x| ((x.proto, x.ports.map(|p| p.0)), x.peers.iter().cloned().collect()))
                    .collect();
                let want: Vec<&Json> = t["inbound"].as_array().unwrap().iter().collect();
                assert_eq!(got.len(), want.len(), "{name}: {got:?}");
                for w in want {
                    let key = (
                        w["protocol"].as_u64().unwrap() as u8,
                        w["port"].as_u64().map(|p| p as u16),
                    );
                    let peers = got.get(&key).unwrap_or_else(|| panic!("{name}: no rule for {key:?}"));
                    for source in w["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()) {
                        match source.strip_prefix("sg:") {
                            // Group references cannot be seen: the members that talked, as /32s.
                            Some(sg) => {
                                assert!(
                                    !peers.is_empty() && peers.is_subset(&ips_of_sg(sg)),
                                    "{name} {key:?}: {peers:?} not in {sg}"
                                );
                            }
                            None => assert!(peers.contains(source), "{name} {key:?}: {source} not in {peers:?}"),
                        }
                    }
                }
            }
            // The fix for blocked replies: outbound to the clients' ephemeral ports.
            let (truth, flows, convs, _) = analyse("nacl-reply", seed, v5);
            let fix = &truth["nacl_suggestions"][0];
            let db = enis_named(&truth, "db");
            let r = rules::rules_for(&flows, &convs, &db);
            let out: Vec<&rules::NaclEntry> = r.nacl.iter().filter(|e| e.egress).collect();
            assert!(!out.is_empty());
            for e in out {
                assert_eq!((e.proto, e.ports), (6, Some((1024, 65535))));
                let addr = e.cidr.trim_end_matches("/32");
                assert!(
                    fix["peer_cidrs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|c| in_cidr(addr, c.as_str().unwrap())),
                    "{}",
                    e.cidr
                );
            }
        }
    }
}

fn enis_named(truth: &Json, name: &str) -> String {
    truth["vpc"]["enis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap()["eni_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The Python with the AWS CLI, cfn-lint and python-hcl2 (scripts/setup.sh makes it).
fn tools_python() -> std::path::PathBuf {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/py/bin/python");
    assert!(py.exists(), "{} is missing: run ./scripts/setup.sh", py.display());
    py
}

#[test]
fn ok_rule_snippets_pass_the_aws_cli_cfn_lint_and_terraforms_grammar() {
    use vpc_flowlog_decoder::flowlog::bulk::across::rules;
    let (truth, flows, convs, _) = analyse("vpc", 1, true);
    let (_, nflows, nconvs, _) = analyse("nacl-reply", 1, true);
    // IPv6 clients and a UDP service, written here.
    let v6 = "2 123456789012 eni-0a1b2c3d4e5f60718 2001:db8::5 2001:db8::1 40000 443 6 5 500 1700000000 1700000060 ACCEPT OK\n\
              2 123456789012 eni-0a1b2c3d4e5f60718 2001:db8::1 2001:db8::5 443 40000 6 5 900 1700000000 1700000060 ACCEPT OK\n\
              2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.9 2001:db8::1 40001 53 17 1 60 1700000000 1700000060 ACCEPT OK\n";
    let table = Table::build(v6.to_owned(), &Options::default());
    let vflows = flows::read(&table, None);
    let vconvs = conversations::build(&vflows);
    let mut sets = vec![rules::rules_for(&vflows, &vconvs, "eni-0a1b2c3d4e5f60718")];
    for name in ["bastion", "alb-a", "app-b"] {
        sets.push(rules::rules_for(&flows, &convs, &enis_named(&truth, name)));
    }
    let (ntruth, _, _, _) = analyse("nacl-reply", 1, true);
    sets.push(rules::rules_for(&nflows, &nconvs, &enis_named(&ntruth, "db")));
    let py = tools_python();
    for (i, r) in sets.iter().enumerate() {
        assert!(!r.inbound.is_empty() && !r.nacl.is_empty(), "set {i}: {r:?}");
        let dir = std::env::temp_dir().join(format!("rules-{}-{i}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("cli.txt"), rules::cli(r)).unwrap();
        std::fs::write(dir.join("main.tf"), rules::terraform(r)).unwrap();
        std::fs::write(dir.join("template.json"), rules::cloudformation(r)).unwrap();
        let out = Command::new(&py)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/check_rules.py"))
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "set {i} ({}):\n{}{}\n{}",
            r.eni,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            rules::cli(r)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    // The bastion's ICMP and SSH from the admin address only; the ALB open to the internet.
    let bastion = &sets[1];
    assert!(bastion
        .inbound
        .iter()
        .any(|r| r.proto == 1 && r.ports.is_none() && r.peers == ["203.0.113.10/32"]));
    assert!(sets[2].inbound.iter().all(|r| r.peers == ["0.0.0.0/0"]));
    assert!(sets[0]
        .inbound
        .iter()
        .any(|r| r.peers.contains(&"2001:db8::5/128".to_owned())));
}

#[test]
fn ok_groups_agree_with_duckdb() {
    use vpc_flowlog_decoder::flowlog::bulk::across::groups;
    let (text, _) = scenario("mixed", 3, true);
    let path = std::env::temp_dir().join(format!("groups-{}.log", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let table = Table::build(text, &Options::default());
    let rows: Vec<u32> = (0..table.rows().len() as u32).collect();
    for fields in [
        vec![F::Srcaddr],
        vec![F::InterfaceId, F::Action],
        vec![F::AzId, F::TrafficPath],
        vec![F::Dstport, F::Protocol],
    ] {
        let ours = groups::group_by(&table, &rows, &fields);
        let cols: Vec<String> = fields.iter().map(|f| format!("\"{}\"", f.as_str())).collect();
        let sql = format!(
            "SELECT {c}, count(*), coalesce(sum(try_cast(packets AS UBIGINT)), 0), coalesce(sum(try_cast(bytes AS UBIGINT)), 0) \
             FROM read_csv('{p}', delim=' ', header=true, all_varchar=true) GROUP BY ALL",
            c = cols.join(", "),
            p = path.display()
        );
        let script = format!("import duckdb, json\nprint(json.dumps(duckdb.sql({sql:?}).fetchall()))");
        let out = Command::new(tools_python()).args(["-c", &script]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let theirs: Vec<Vec<Json>> = serde_json::from_slice(&out.stdout).unwrap();
        let want: BTreeMap<Vec<String>, (u64, u64, u64)> = theirs
            .iter()
            .map(|r| {
                let n = fields.len();
                let key = r[..n].iter().map(|v| v.as_str().unwrap().to_owned()).collect();
                let num = |v: &Json| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())).unwrap();
                (key, (num(&r[n]), num(&r[n + 1]), num(&r[n + 2])))
            })
            .collect();
        let got: BTreeMap<Vec<String>, (u64, u64, u64)> = ours
            .iter()
            .map(|g| (g.key.clone(), (g.records, g.packets, g.bytes)))
            .collect();
        assert_eq!(got.len(), want.len(), "{fields:?}");
        assert_eq!(got, want, "{fields:?}");
        assert!(ours.windows(2).all(|w| w[0].bytes >= w[1].bytes), "largest first");
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn ok_a_groups_filter_keeps_exactly_its_records() {
    use vpc_flowlog_decoder::flowlog::bulk::across::groups::{self, GROUP_FIELDS};
    use vpc_flowlog_decoder::flowlog::bulk::query::{select, Query};
    // Two formats in one table: default-format records, then v5 records under their
    // header (fields the first part lacks are grouped as `-`).
    let (plain, _) = scenario("mixed", 2, false);
    let (v5, _) = scenario("mixed", 2, true);
    let table = Table::build(format!("{plain}{v5}"), &Options::default());
    assert_eq!(table.formats().len(), 2);
    let pairs: Vec<Vec<F>> = GROUP_FIELDS.chunks(2).map(<[F]>::to_vec).collect();
    assert_eq!(pairs.concat(), GROUP_FIELDS, "every field offered is checked");
    let mut checked = 0;
    for within in ["", "action:reject", "proto:6 port:443"] {
        let rows = select(&table, &Query::parse(within));
        for fields in pairs
            .iter()
            .chain([vec![F::Srcaddr], vec![F::Action, F::LogStatus]].iter())
        {
            let all = groups::group_by(&table, &rows, fields);
            // The largest and the smallest groups (the smallest have the rare values: `-`).
            for g in all.iter().take(4).chain(all.iter().rev().take(4)) {
                let filter = g.filter(fields, within);
                let query = Query::parse(&filter);
                // Grouped again within its own filter, it is the one group, and its
                // filter the same.
                let again = groups::group_by(&table, &select(&table, &query), fields);
                assert_eq!(again.len(), 1, "{filter}");
                assert_eq!(again[0].filter(fields, &filter), filter);
                assert!(query.bad.is_empty(), "{fields:?} {:?}: {:?}", g.key, query.bad);
                let kept = select(&table, &query);
                assert_eq!(kept.len() as u64, g.records, "{within} / {fields:?} {:?}", g.key);
                assert!(kept.iter().all(|&i| table.rows()[i as usize].kind.is_record()));
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn ok_the_flow_map_adds_up() {
    use vpc_flowlog_decoder::flowlog::bulk::across::groups;
    let (_, _, convs, _) = analyse("scan", 1, false);
    let map = groups::flow_map(&convs);
    assert_eq!(
        map.nodes.iter().filter(|n| n.column == 0).count(),
        groups::TOP + 1,
        "the top sources and other"
    );
    // Labels never run into each other: written ones are LABEL_GAP apart in each column,
    // the largest node of each is labelled, and the scan's thin nodes leave some out.
    for col in 0..3u8 {
        let nodes: Vec<_> = map.nodes.iter().filter(|n| n.column == col).collect();
        assert!(nodes.first().is_some_and(|n| n.labelled), "column {col}");
        let middles: Vec<u32> = nodes.iter().filter(|n| n.labelled).map(|n| n.y + n.h / 2).collect();
        assert!(
            middles.windows(2).all(|w| w[1] >= w[0] + groups::LABEL_GAP),
            "column {col}: {middles:?}"
        );
        // A node left unlabelled would have run into the label above it.
        for n in nodes.iter().filter(|n| !n.labelled) {
            let m = n.y + n.h / 2;
            assert!(
                middles.iter().any(|&l| l <= m && m < l + groups::LABEL_GAP),
                "column {col}: {m}"
            );
        }
    }
    assert!(
        map.nodes.iter().any(|n| !n.labelled),
        "the scan's small sources crowd together"
    );
    // Every conversation is in exactly one band out of the sources and one into the destinations.
    for (from_col, to_col) in [(0, 1), (1, 2)] {
        let mut seen: Vec<u32> = map
            .bands
            .iter()
            .filter(|b| map.nodes[b.from].column == from_col && map.nodes[b.to].column == to_col)
            .flat_map(|b| b.conversations.iter().copied())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..convs.len() as u32).collect::<Vec<_>>());
    }
    // Bands stay inside the map, and a node's bands add up to its bytes.
    for b in &map.bands {
        assert!(b.path.starts_with('M') && b.path.contains('C'), "{}", b.path);
        assert!(b.width >= 1);
    }
    for (i, n) in map.nodes.iter().enumerate() {
        assert!(n.y + n.h <= map.height && n.x < map.width, "{n:?}");
        if n.column == 0 {
            let out: u64 = map.bands.iter().filter(|b| b.from == i).map(|b| b.bytes).sum();
            assert_eq!(out, n.bytes, "{}", n.label);
        }
    }
    assert!(groups::flow_map(&[]).nodes.is_empty());
}

#[test]
fn ok_the_store_answers_and_every_filter_shows_exactly_its_records() {
    use vpc_flowlog_decoder::flowlog::bulk::store::{Reply, Request, Store};
    let (text, _) = scenario("mixed", 1, true);
    let table = Table::build(text.clone(), &Options::default());
    let reference = vpc_flowlog_decoder::flowlog::bulk::across::analyse(&table, None, i64::MAX);
    let mut store = Store::new(table, vec!["mixed.log".into()]);
    let Reply::Across { report } = store.handle(Request::Across { now: i64::MAX }) else {
        panic!()
    };
    assert_eq!(report.conversations, reference.conversations.len());
    let kinds: BTreeSet<&str> = report.findings.iter().map(|f| f.finding.key()).collect();
    for k in [
        "vertical-scan",
        "horizontal-scan",
        "skipdata",
        "nacl-reply",
        "rejected-inside",
    ] {
        assert!(kinds.contains(k), "mixed has a {k} finding: {kinds:?}");
    }
    let shown_rows = |store: &mut Store, query: &str| -> Vec<u32> {
        let Reply::Selected { shown, .. } = store.handle(Request::Select {
            id: 1,
            query: query.into(),
            sort: None,
        }) else {
            panic!()
        };
        let Reply::Rows { rows, .. } = store.handle(Request::Rows {
            id: 1,
            from: 0,
            to: shown,
        }) else {
            panic!()
        };
        rows.iter().map(|r| r.no as u32 - 1).collect()
    };
    for f in &report.findings {
        let rows = shown_rows(&mut store, &format!("finding:{}", f.id));
        assert_eq!(rows.len(), f.records, "{}", f.finding.key());
        assert_eq!(rows, reference.findings[f.id as usize].rows, "{}", f.finding.key());
    }
    for c in report.shown.iter().take(20) {
        let rows = shown_rows(&mut store, &format!("conv:{}", c.id));
        assert_eq!(rows.len(), c.records);
        assert_eq!(
            rows.iter().take(c.lines.len()).map(|r| r + 1).collect::<Vec<_>>(),
            c.lines
        );
    }
    let band = &report.flow_map.bands[0];
    let rows = shown_rows(&mut store, "band:0 action:accept");
    let want: BTreeSet<u32> = band
        .conversations
        .iter()
        .flat_map(|&c| reference.conversations.rows(&reference.conversations[c as usize]))
        .collect();
    assert!(!rows.is_empty() && rows.iter().all(|r| want.contains(r)));
    assert!(shown_rows(&mut store, "finding:99999").is_empty());
    // Groups over the selection; rules for the busiest interface.
    shown_rows(&mut store, "action:reject");
    let Reply::Groups { groups, total, .. } = store.handle(Request::Groups {
        fields: vec![F::InterfaceId],
    }) else {
        panic!()
    };
    assert_eq!(
        groups.iter().map(|g| g.records).sum::<u64>() as usize,
        shown_rows(&mut store, "action:reject").len()
    );
    assert_eq!(groups.len(), total);
    let Reply::Rules {
        rules,
        cli,
        terraform,
        cloudformation,
    } = store.handle(Request::Rules {
        eni: report.servers[0].0.clone(),
    })
    else {
        panic!()
    };
    assert!(!rules.inbound.is_empty() && cli.contains("authorize-security-group-ingress"));
    assert!(
        terraform.contains("aws_vpc_security_group_ingress_rule")
            && cloudformation.contains("AWS::EC2::SecurityGroupIngress")
    );
}

/// The whole timeline at its default size: every event at once, and ports that collide
/// (a load balancer's ephemeral port below its target's, or a well-known number).
#[test]
fn ok_the_mixed_timeline_matches_its_truth() {
    check_conversations("mixed", 1, false);
    check_conversations("mixed", 3, true);
}

/// Times a 32-bit record cannot hold (after 2106) still count as odd, a start after its
/// end stays after it, and such records still group into a conversation.
#[test]
fn ok_times_past_2106_stay_odd() {
    let text = "2 123456789012 eni-1 10.0.0.5 198.51.100.9 40000 443 6 1 60 9000000000000 8000000000000 ACCEPT OK\n\
                2 123456789012 eni-1 10.0.0.5 198.51.100.9 40001 443 6 1 60 9000000000000 9000000000060 ACCEPT OK\n";
    let table = Table::build(text.to_owned(), &Options::default());
    let flows = flows::read(&table, None);
    assert_eq!(flows.flows.len(), 2);
    assert!(flows.flows[0].start() > flows.flows[0].end(), "start after end kept");
    let convs = conversations::build(&flows);
    let found = findings::find(&flows, &convs, 1_800_000_000);
    assert_eq!(
        found[0].finding,
        Finding::OddTimes {
            start_after_end: 1,
            future: 2
        }
    );
    // A record is 56 bytes: a million of them take 56 MB beside the file's text.
    assert_eq!(std::mem::size_of::<flows::Flow>(), 56);
}

/// A server's port is one end of many 5-tuples, a client's ephemeral port of one —
/// whatever their numbers (a load balancer's ephemeral ports start at 1024, below 8080,
/// and some are well-known numbers such as 5432) — but a scanner's fixed source port,
/// also in many 5-tuples, meets ports below 1024 and stays the client.
#[test]
fn ok_the_server_is_the_end_of_many_conversations() {
    let mut text = String::new();
    for port in [5432, 1100, 2000, 3306] {
        text += &format!("2 1 eni-web 10.0.1.115 10.0.11.115 {port} 8080 6 5 402 1700000000 1700000030 ACCEPT OK\n");
        text += &format!("2 1 eni-web 10.0.11.115 10.0.1.115 8080 {port} 6 5 502 1700000000 1700000030 ACCEPT OK\n");
    }
    for port in [22, 80, 8443, 9000, 9200] {
        text += &format!("2 1 eni-web 203.0.113.7 10.0.11.115 61000 {port} 6 1 40 1700000000 1700000030 ACCEPT OK\n");
        text += &format!("2 1 eni-web 10.0.11.115 203.0.113.7 {port} 61000 6 1 40 1700000000 1700000030 ACCEPT OK\n");
    }
    let table = Table::build(text, &Options::default());
    let flows = flows::read(&table, None);
    let convs = conversations::build(&flows);
    assert_eq!(convs.len(), 9);
    for c in convs.iter() {
        let client = c.client.addr.to_string();
        if client == "203.0.113.7" {
            assert_eq!(c.client.port, 61000, "{c:?}");
        } else {
            assert_eq!((client.as_str(), c.server.port), ("10.0.1.115", 8080), "{c:?}");
        }
        // Rows in input order, requests and replies told apart.
        let rows: Vec<u32> = convs.rows(c).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[0] + 1 == rows[1]);
        assert_eq!(convs.request_rows(c), &rows[..1]);
        assert_eq!(convs.reply_rows(c), &rows[1..]);
        assert_eq!(convs.enis(c).len(), 1);
    }
}

/// One address written two ways (IPv6 has several spellings) is one end: its records are
/// one conversation. IPv4 has one spelling: the parser refuses leading zeros.
#[test]
fn ok_an_address_written_two_ways_is_one_end() {
    assert!("10.0.0.01".parse::<std::net::IpAddr>().is_err());
    let text = "2 1 eni-1 2001:db8::5 2001:db8::9 40000 443 6 1 60 1700000000 1700000030 ACCEPT OK\n\
                2 1 eni-1 2001:DB8:0:0::9 2001:0db8::5 443 40000 6 1 60 1700000000 1700000030 ACCEPT OK\n";
    let table = Table::build(text.to_owned(), &Options::default());
    let flows = flows::read(&table, None);
    let convs = conversations::build(&flows);
    assert_eq!(convs.len(), 1);
    assert_eq!(convs.reply_rows(&convs[0]), &[1]);
    assert_eq!(convs[0].verdict.key(), "ok");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any records — few addresses and ports so that they meet, NAT-like pairs, times from
    /// 0 past 2106, every action and status, IPv4 and IPv6 — give an analysis without a
    /// panic whose conversations hold each record once, in order, requests and replies
    /// apart; and whose findings and sets name sorted rows of records only.
    #[test]
    fn ok_any_records_give_a_whole_analysis(
        records in proptest::collection::vec(
            (0usize..4, 0usize..6, 0usize..6, 0usize..5, 0usize..5, 0usize..3, 0u64..3, 0usize..4, 0usize..3, 0usize..4),
            1..120,
        ),
    ) {
        use vpc_flowlog_decoder::flowlog::bulk::across;
        let enis = ["eni-a", "eni-b", "eni-nat", "-"];
        let addrs = ["10.0.0.5", "10.0.1.9", "203.0.113.7", "2001:db8::5", "2001:DB8:0::5", "-"];
        let ports = ["443", "40000", "5432", "1024", "-"];
        let protos = ["6", "17", "1"];
        let times = [("1700000000", "1700000060"), ("1700000200", "1700000100"), ("0", "0"), ("9000000000000", "9000000000060")];
        let actions = ["ACCEPT", "REJECT", "-"];
        let statuses = ["OK", "NODATA", "SKIPDATA", "OK"];
        let mut text = String::new();
        for (e, s, d, sp, dp, p, pk, t, a, st) in &records {
            let (start, end) = times[*t];
            let status = statuses[*st];
            text += &format!(
                "2 123456789012 {} {} {} {} {} {} {} {} {start} {end} {} {status}\n",
                enis[*e], addrs[*s], addrs[*d], ports[*sp], ports[*dp], protos[*p], pk, pk * 40, actions[*a]
            );
        }
        let table = Table::build(text, &Options::default());
        let analysis = across::analyse(&table, None, 1_800_000_000);
        let convs = &analysis.conversations;
        let record_rows: BTreeSet<u32> = table
            .rows()
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind.is_record())
            .map(|(i, _)| i as u32)
            .collect();
        let mut seen = BTreeSet::new();
        for c in convs.iter() {
            let rows: Vec<u32> = convs.rows(c).collect();
            proptest::prop_assert_eq!(rows.len(), conversations::Conversations::records(c));
            proptest::prop_assert!(rows.windows(2).all(|w| w[0] < w[1]), "input order");
            proptest::prop_assert!(convs.request_rows(c).windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(convs.reply_rows(c).windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(!convs.enis(c).is_empty());
            for r in rows {
                proptest::prop_assert!(record_rows.contains(&r));
                proptest::prop_assert!(seen.insert(r), "row {} in two conversations", r);
            }
        }
        let report = analysis.report();
        proptest::prop_assert_eq!(report.conversations, convs.len());
        for f in &report.findings {
            let rows = analysis.set("finding", f.id as usize).unwrap();
            proptest::prop_assert_eq!(rows.len(), f.records);
            proptest::prop_assert!(rows.iter().all(|r| record_rows.contains(r)));
        }
        for c in &report.shown {
            proptest::prop_assert_eq!(analysis.set("conv", c.id as usize).unwrap().len(), c.records);
        }
    }
}
