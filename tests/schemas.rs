//! Generated documents are checked by what they target: every ECS and OCSF document
//! made of every record of every sample is validated against the machine-readable
//! subsets in shared/spec (field names, JSON types, enums, constants, required
//! fields), and the Community ID is checked with the published test vectors.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::net::IpAddr;
use std::path::Path;

use serde_json::{Map, Value as Json};
use vpc_flowlog_decoder::fields::samples::SAMPLES;
use vpc_flowlog_decoder::flowlog::links::schema::{community_id, ecs, ocsf};
use vpc_flowlog_decoder::flowlog::{decode_text, LineKind, Options};

fn spec(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec").join(name))
        .unwrap_or_else(|e| panic!("../shared/spec/{name}: {e}"))
}

/// Every leaf of a document, by dotted path (arrays are leaves).
fn leaves(prefix: &str, v: &Json, out: &mut Vec<(String, Json)>) {
    match v {
        Json::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&p, v, out);
            }
        }
        other => out.push((prefix.to_owned(), other.clone())),
    }
}

/// Every record of every sample, and also a v5 record with everything and a TGW one.
fn documents(make: fn(&vpc_flowlog_decoder::flowlog::Record, &str) -> Json) -> Vec<Json> {
    let mut out = Vec::new();
    for sample in SAMPLES {
        let d = decode_text(sample.text, &Options::from_format_box(sample.format));
        let text = d.text(sample.text);
        for line in &d.lines {
            if let LineKind::Record(r) = &line.kind {
                out.push(make(r, text));
            }
        }
    }
    assert!(out.len() >= 15, "{}", out.len());
    out
}

#[test]
fn ok_every_ecs_document_fits_the_ecs_subset() {
    let subset: Map<String, Json> = serde_json::from_str(&spec("ecs-fields.json")).unwrap();
    for doc in documents(ecs) {
        let mut fields = Vec::new();
        leaves("", &doc, &mut fields);
        for (path, value) in fields {
            let def = subset
                .get(&path)
                .unwrap_or_else(|| panic!("{path} is not an ECS/integration field: {doc}"));
            let ty = def["type"].as_str().unwrap();
            let values: Vec<&Json> = if def["array"].as_bool() == Some(true) {
                value
                    .as_array()
                    .unwrap_or_else(|| panic!("{path} must be an array: {value}"))
                    .iter()
                    .collect()
            } else {
                assert!(!value.is_array(), "{path} must not be an array");
                vec![&value]
            };
            for v in values {
                match ty {
                    "keyword" | "constant_keyword" | "match_only_text" => assert!(v.is_string(), "{path}: {v}"),
                    "long" => assert!(v.is_u64() || v.is_i64(), "{path} must be a number: {v}"),
                    "ip" => assert!(v.as_str().unwrap().parse::<IpAddr>().is_ok(), "{path}: {v}"),
                    "date" => {
                        let s = v.as_str().unwrap();
                        assert!(
                            s.len() == 24 && s.ends_with(".000Z") && s.as_bytes()[10] == b'T',
                            "{path}: {s}"
                        );
                    }
                    other => panic!("{path}: unexpected type {other}"),
                }
                if let Some(allowed) = def.get("values_used").and_then(Json::as_array) {
                    if def["array"].as_bool() != Some(true) || allowed.iter().all(|a| !a.is_array()) {
                        assert!(allowed.contains(v), "{path}: {v} not in {allowed:?}");
                    }
                }
            }
            if let (Some(allowed), true) = (def.get("values_used").and_then(Json::as_array), value.is_array()) {
                if allowed.iter().any(Json::is_array) {
                    assert!(allowed.contains(&value), "{path}: {value} not in {allowed:?}");
                }
            }
        }
        assert_eq!(doc["ecs"]["version"], "8.11.0");
        // Every flow with addresses and a protocol has its Community ID.
        if doc.pointer("/source/ip").is_some() && doc.pointer("/network/iana_number").is_some() {
            assert!(
                doc.pointer("/network/community_id").is_some_and(Json::is_string),
                "{doc}"
            );
        }
    }
}

#[test]
fn ok_every_ocsf_document_fits_the_network_activity_subset() {
    let subset: Map<String, Json> = serde_json::from_str(&spec("ocsf-4001.json")).unwrap();
    for doc in documents(ocsf) {
        let mut fields = Vec::new();
        leaves("", &doc, &mut fields);
        for (path, value) in &fields {
            if path.starts_with("unmapped.") {
                continue;
            }
            let def = subset
                .get(path)
                .unwrap_or_else(|| panic!("{path} is not an OCSF 4001 attribute: {doc}"));
            let json_type = def["json_type"].as_str().unwrap();
            let each: Vec<&Json> = match value {
                Json::Array(items) => items.iter().collect(),
                v => vec![v],
            };
            for v in each {
                match json_type {
                    "integer" => assert!(v.is_i64() || v.is_u64(), "{path} must be an integer: {v}"),
                    "string" => assert!(v.is_string(), "{path} must be a string: {v}"),
                    "object" => assert!(v.is_object(), "{path} must be an object: {v}"),
                    other => panic!("{path}: {other}"),
                }
            }
            if let Some(en) = def.get("enum").and_then(Json::as_object) {
                let added = def.get("enum_added_by_1.8.0").and_then(Json::as_object);
                let key = value.to_string();
                assert!(
                    en.contains_key(&key) || added.is_some_and(|a| a.contains_key(&key)),
                    "{path}: {key} not in its enum"
                );
            }
            if let Some(c) = def.get("const") {
                assert_eq!(value, c, "{path}");
            }
        }
        // Required attributes (1.8.0) are there; type_uid follows its rule.
        for (name, def) in &subset {
            if def.get("requirement_1.8.0").and_then(Json::as_str) == Some("required") && !name.contains('.') {
                assert!(doc.get(name).is_some(), "required {name} missing: {doc}");
            }
        }
        assert_eq!(
            doc["type_uid"].as_i64().unwrap(),
            4001 * 100 + doc["activity_id"].as_i64().unwrap()
        );
        assert_eq!(doc["metadata"]["version"], "1.8.0");
    }
}

/// The rows of a Markdown table in community-id.md that hold Community IDs.
fn vector_rows(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .filter(|l| l.starts_with('|') && l.contains("`1:"))
        .map(|l| l.split('|').map(|c| c.trim().trim_matches('`').to_owned()).collect())
        .collect()
}

#[test]
fn ok_community_id_matches_the_published_vectors() {
    let md = spec("community-id.md");
    let section = |from: &str, to: &str| {
        let start = md.find(from).unwrap();
        let end = md[start..].find(to).map_or(md.len(), |e| start + e);
        md[start..end].to_owned()
    };
    let mut checked = 0;
    // 5a: the spec's own tables (ports of ICMP rows are type, code), seeds 0 and 1.
    for row in vector_rows(&section("### 5a.", "### 5b.")) {
        let proto: u8 = row[2].parse().unwrap();
        let (src, dst): (IpAddr, IpAddr) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        let port = |s: &str| s.parse::<u16>().unwrap_or(0);
        assert_eq!(
            community_id(src, dst, port(&row[5]), port(&row[6]), proto, 0).unwrap(),
            row[7],
            "{row:?}"
        );
        assert_eq!(
            community_id(src, dst, port(&row[5]), port(&row[6]), proto, 1).unwrap(),
            row[8],
            "{row:?}"
        );
        checked += 1;
    }
    // 5b: the baseline JSON rows (already mapped ICMP ports), seeds 0 and 1.
    for row in vector_rows(&section("### 5b.", "## 6.")) {
        let proto: u8 = row[2].parse().unwrap();
        let (src, dst): (IpAddr, IpAddr) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        let (sp, dp) = (row[5].parse().unwrap_or(0), row[6].parse().unwrap_or(0));
        assert_eq!(community_id(src, dst, sp, dp, proto, 0).unwrap(), row[7], "{row:?}");
        assert_eq!(community_id(src, dst, sp, dp, proto, 1).unwrap(), row[8], "{row:?}");
        checked += 1;
    }
    // 6: Elastic's VPC flow fixtures (ICMP with ports 0 0, mixed families).
    for row in vector_rows(&section("## 6.", "## 7.")) {
        let proto: u8 = row[2].parse().unwrap();
        let split = |s: &str| -> (IpAddr, u16) {
            if let Ok(ip) = s.parse() {
                return (ip, 0);
            }
            let (a, p) = s.rsplit_once(':').unwrap();
            (a.parse().unwrap(), p.parse().unwrap())
        };
        let ((src, sp), (dst, dp)) = (split(&row[3]), split(&row[4]));
        assert_eq!(community_id(src, dst, sp, dp, proto, 0).unwrap(), row[5], "{row:?}");
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
}
