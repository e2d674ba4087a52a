//! The Athena statements are checked by a real SQL parser (sqlparser's Hive dialect),
//! for every layout and every preset format: they parse, no name repeats across the
//! columns and the partition keys, `end` is quoted, and the types are those of AWS's
//! documented statements for the versions 2 and 5 formats.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use sqlparser::ast::Statement;
use sqlparser::dialect::HiveDialect;
use sqlparser::parser::Parser;
use vpc_flowlog_decoder::flowlog::links::at_scale::{athena_ddl, AthenaLayout};
use vpc_flowlog_decoder::flowlog::{Format, Preset};

/// AWS's "Create a table for Amazon VPC flow logs" statement (versions 2–5 columns).
const AWS_V5_TYPES: &[(&str, &str)] = &[
    ("version", "INT"),
    ("account_id", "STRING"),
    ("interface_id", "STRING"),
    ("srcaddr", "STRING"),
    ("dstaddr", "STRING"),
    ("srcport", "INT"),
    ("dstport", "INT"),
    ("protocol", "BIGINT"),
    ("packets", "BIGINT"),
    ("bytes", "BIGINT"),
    ("start", "BIGINT"),
    ("end", "BIGINT"),
    ("action", "STRING"),
    ("log_status", "STRING"),
    ("vpc_id", "STRING"),
    ("subnet_id", "STRING"),
    ("instance_id", "STRING"),
    ("tcp_flags", "INT"),
    ("type", "STRING"),
    ("pkt_srcaddr", "STRING"),
    ("pkt_dstaddr", "STRING"),
    ("region", "STRING"),
    ("az_id", "STRING"),
    ("sublocation_type", "STRING"),
    ("sublocation_id", "STRING"),
    ("pkt_src_aws_service", "STRING"),
    ("pkt_dst_aws_service", "STRING"),
    ("flow_direction", "STRING"),
    ("traffic_path", "INT"),
];

/// The columns (name, type, quoted) and partition keys of a statement.
fn parse(ddl: &str) -> (Vec<(String, String, bool)>, Vec<String>) {
    let statements = Parser::parse_sql(&HiveDialect {}, ddl).unwrap_or_else(|e| panic!("{e}\n{ddl}"));
    assert_eq!(statements.len(), 1);
    let Statement::CreateTable(table) = &statements[0] else {
        panic!("not CREATE TABLE: {ddl}")
    };
    let columns = table
        .columns
        .iter()
        .map(|c| {
            (
                c.name.value.clone(),
                c.data_type.to_string().to_uppercase(),
                c.name.quote_style.is_some(),
            )
        })
        .collect();
    let partitions = match &table.hive_distribution {
        sqlparser::ast::HiveDistributionStyle::PARTITIONED { columns } => {
            columns.iter().map(|c| c.name.value.clone()).collect()
        }
        other => panic!("not partitioned: {other:?}"),
    };
    (columns, partitions)
}

#[test]
fn ok_every_layout_and_format_parses_as_hive_sql() {
    let mut formats: Vec<Format> = Preset::ALL.iter().map(|p| p.format()).collect();
    formats.push(Format::parse("version region srcaddr nat-gateway-id end").unwrap());
    for layout in AthenaLayout::ALL {
        for format in &formats {
            let ddl = athena_ddl(format, layout);
            let (columns, partitions) = parse(&ddl);
            assert_eq!(columns.len(), format.len(), "{ddl}");
            let mut names: Vec<&str> = columns.iter().map(|(n, _, _)| n.as_str()).collect();
            names.extend(partitions.iter().map(String::as_str));
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "a name repeats: {names:?}\n{ddl}");
            for (name, _, quoted) in &columns {
                if name == "end" {
                    assert!(quoted, "`end` must be quoted:\n{ddl}");
                }
            }
        }
    }
}

#[test]
fn ok_types_are_those_of_aws_statements_for_v2_and_v5() {
    for preset in [Preset::Default, Preset::AllUpTo(5)] {
        let (columns, _) = parse(&athena_ddl(&preset.format(), AthenaLayout::TextDaily));
        for (name, ty, _) in &columns {
            let want = AWS_V5_TYPES.iter().find(|(n, _)| n == name).map(|(_, t)| *t);
            assert_eq!(Some(ty.as_str()), want, "{name}");
        }
        assert_eq!(
            columns.len(),
            if preset == Preset::Default {
                14
            } else {
                AWS_V5_TYPES.len()
            }
        );
    }
}

/// Logs Insights' `parse @message "<glob>" as f1, f2, …`: each `*` captures as little
/// as it can up to the next literal text of the pattern; the last one takes the rest
/// (AWS's documented glob semantics). Applied to every sample record of the page, the
/// query's pattern yields each field in order.
#[test]
fn ok_logs_insights_parse_yields_every_field_in_order() {
    use vpc_flowlog_decoder::fields::samples::SAMPLES;
    use vpc_flowlog_decoder::flowlog::links::at_scale::logs_insights;
    use vpc_flowlog_decoder::flowlog::{decode_text, LineKind, Options};

    fn glob(pattern: &str, text: &str) -> Option<Vec<String>> {
        let literals: Vec<&str> = pattern.split('*').collect();
        let mut rest = text.strip_prefix(literals.first()?)?;
        let mut out = Vec::new();
        for (i, lit) in literals.iter().enumerate().skip(1) {
            if i == literals.len() - 1 && lit.is_empty() {
                out.push(rest.to_owned());
                rest = "";
            } else {
                let at = rest.find(lit)?;
                out.push(rest[..at].to_owned());
                rest = &rest[at + lit.len()..];
            }
        }
        rest.is_empty().then_some(out)
    }

    let mut checked = 0;
    for sample in SAMPLES {
        let options = Options::from_format_box(sample.format);
        let d = decode_text(sample.text, &options);
        let text = d.text(sample.text);
        for line in &d.lines {
            let LineKind::Record(r) = &line.kind else { continue };
            if r.event_time.is_some() || r.comment.is_some() {
                continue; // Insights sees the message alone, never a console timestamp.
            }
            let query = logs_insights(&r.format);
            let pattern = query.split('"').nth(1).unwrap();
            let names: Vec<&str> = query
                .lines()
                .find(|l| l.contains("| parse"))
                .unwrap()
                .split(" as ")
                .nth(1)
                .unwrap()
                .split(", ")
                .collect();
            // Records are written with single spaces (the message AWS delivers).
            let message: Vec<&str> = r.cells.iter().map(|c| c.raw(text)).collect();
            let got = glob(pattern, &message.join(" ")).unwrap_or_else(|| panic!("{pattern} / {message:?}"));
            assert_eq!(got, message, "{}", sample.id);
            assert_eq!(names.len(), r.cells.len());
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}
