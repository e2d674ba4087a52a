//! For when one browser tab is not enough: the Athena table and the CloudWatch Logs
//! Insights query for a format, and the names of each field in Elastic's ECS and in
//! OCSF (Amazon Security Lake).

use crate::fields::{FieldName as F, Kind};

use crate::flowlog::decode::format::Format;

/// The column name Athena and most tools use: hyphens become underscores.
#[must_use]
pub fn column(field: F) -> String {
    column_named(field.as_str())
}

/// The Athena name of a field named `name` (an unknown field's, as its header wrote it).
#[must_use]
pub fn column_named(name: &str) -> String {
    name.replace('-', "_")
}

/// The Logs Insights name: camelCase (`log-status` → `logStatus`).
#[must_use]
pub fn camel(field: F) -> String {
    camel_named(field.as_str())
}

/// The Logs Insights name of a field named `name`.
fn camel_named(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Athena's type for a field, as AWS's sample statements declare it (`protocol`,
/// `packets`, `bytes`, `start`, `end` as `bigint`; ports, version, flags, path `int`).
fn athena_type(field: F) -> &'static str {
    match field.spec().kind {
        Kind::Version | Kind::Port | Kind::TcpFlags | Kind::TrafficPath | Kind::EncryptionStatus => "int",
        Kind::Protocol | Kind::Packets | Kind::Bytes | Kind::Time => "bigint",
        _ => "string",
    }
}

/// How the flow logs lie in S3, which decides the Athena table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AthenaLayout {
    /// Plain text (gzip) with the default prefixes: `…/vpcflowlogs/<region>/<yyyy>/<MM>/<dd>/`.
    TextDaily,
    /// Plain text with Hive-compatible prefixes and per-hour partitions:
    /// `…/aws-region=<region>/year=<yyyy>/month=<MM>/day=<dd>/hour=<HH>/`.
    TextHiveHourly,
    /// Parquet files with per-hour partitions: `…/vpcflowlogs/<region>/<yyyy>/<MM>/<dd>/<HH>/`.
    ParquetHourly,
}

impl AthenaLayout {
    /// Every layout, in menu order.
    pub const ALL: [AthenaLayout; 3] = [
        AthenaLayout::TextDaily,
        AthenaLayout::TextHiveHourly,
        AthenaLayout::ParquetHourly,
    ];

    /// Its name in the page's menu.
    #[must_use]
    pub fn label(self, lang: crate::fields::Lang) -> &'static str {
        match self {
            AthenaLayout::TextDaily => crate::fields::messages::ATHENA_TEXT_DAILY,
            AthenaLayout::TextHiveHourly => crate::fields::messages::ATHENA_TEXT_HIVE_HOURLY,
            AthenaLayout::ParquetHourly => crate::fields::messages::ATHENA_PARQUET_HOURLY,
        }
        .get(lang)
    }
}

/// The placeholders of the statements: the user edits them.
const BUCKET: &str = "s3://amzn-s3-demo-bucket/prefix/AWSLogs";
const ACCOUNT: &str = "123456789012";

/// An Athena `CREATE EXTERNAL TABLE` for flow logs of `format` stored as `layout`,
/// with partition projection over the S3 key layout, so no `MSCK REPAIR` or crawler is
/// needed. Partition keys are named `aws_region`, `day`, `year`, `month`, `hour`: never
/// a field's name (a format with `region` would otherwise repeat a column). Text tables
/// skip the header line. Bucket, prefix, account and Regions are placeholders to edit.
#[must_use]
pub fn athena_ddl(format: &Format, layout: AthenaLayout) -> String {
    let columns: Vec<String> = format
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let name = column_named(format.name_at(i));
            // `end` is a reserved word in Athena's DDL.
            let name = if name == "end" { "`end`".to_owned() } else { name };
            format!("  {name} {}", athena_type(*f))
        })
        .collect();
    let regions =
        "  'projection.aws_region.type' = 'enum',\n  'projection.aws_region.values' = 'us-east-1,ap-northeast-1',\n";
    let (partitions, storage, location, projection) = match layout {
        AthenaLayout::TextDaily => (
            "aws_region string, day string",
            "ROW FORMAT DELIMITED FIELDS TERMINATED BY ' '",
            format!("{BUCKET}/{ACCOUNT}/vpcflowlogs/"),
            format!(
                "  'skip.header.line.count' = '1',\n  'projection.enabled' = 'true',\n{regions}\
  'projection.day.type' = 'date',\n  'projection.day.range' = '2024/01/01,NOW',\n  'projection.day.format' = 'yyyy/MM/dd',\n\
  'storage.location.template' = '{BUCKET}/{ACCOUNT}/vpcflowlogs/${{aws_region}}/${{day}}'\n"
            ),
        ),
        AthenaLayout::TextHiveHourly => (
            "aws_region string, year string, month string, day string, hour string",
            "ROW FORMAT DELIMITED FIELDS TERMINATED BY ' '",
            format!("{BUCKET}/aws-account-id={ACCOUNT}/aws-service=vpcflowlogs/"),
            format!(
                "  'skip.header.line.count' = '1',\n  'projection.enabled' = 'true',\n{regions}\
  'projection.year.type' = 'integer',\n  'projection.year.range' = '2024,2030',\n\
  'projection.month.type' = 'integer',\n  'projection.month.range' = '1,12',\n  'projection.month.digits' = '2',\n\
  'projection.day.type' = 'integer',\n  'projection.day.range' = '1,31',\n  'projection.day.digits' = '2',\n\
  'projection.hour.type' = 'integer',\n  'projection.hour.range' = '0,23',\n  'projection.hour.digits' = '2',\n\
  'storage.location.template' = '{BUCKET}/aws-account-id={ACCOUNT}/aws-service=vpcflowlogs/aws-region=${{aws_region}}/year=${{year}}/month=${{month}}/day=${{day}}/hour=${{hour}}'\n"
            ),
        ),
        AthenaLayout::ParquetHourly => (
            "aws_region string, day string, hour string",
            "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\n\
STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'\n\
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
            format!("{BUCKET}/{ACCOUNT}/vpcflowlogs/"),
            format!(
                "  'projection.enabled' = 'true',\n{regions}\
  'projection.day.type' = 'date',\n  'projection.day.range' = '2024/01/01,NOW',\n  'projection.day.format' = 'yyyy/MM/dd',\n\
  'projection.hour.type' = 'integer',\n  'projection.hour.range' = '0,23',\n  'projection.hour.digits' = '2',\n\
  'storage.location.template' = '{BUCKET}/{ACCOUNT}/vpcflowlogs/${{aws_region}}/${{day}}/${{hour}}'\n"
            ),
        ),
    };
    format!(
        "CREATE EXTERNAL TABLE IF NOT EXISTS vpc_flow_logs (\n{}\n)\nPARTITIONED BY ({partitions})\n{storage}\nLOCATION '{location}'\nTBLPROPERTIES (\n{}\n);",
        columns.join(",\n"),
        projection.trim_end_matches('\n').trim_end_matches(',')
    )
}

/// A Logs Insights query that names every field of `format` with `parse`, then
/// lists the most frequent rejected flows (when the format has `action`).
#[must_use]
pub fn logs_insights(format: &Format) -> String {
    let pattern = vec!["*"; format.len()].join(" ");
    let names: Vec<String> = (0..format.len()).map(|i| camel_named(format.name_at(i))).collect();
    let mut q = format!(
        "fields @timestamp, @message\n| parse @message \"{pattern}\" as {}",
        names.join(", ")
    );
    let has = |f| format.position(f).is_some();
    if has(F::Action) {
        q.push_str("\n| filter action = \"REJECT\"");
    }
    let by: Vec<String> = [F::Srcaddr, F::Dstaddr, F::Dstport]
        .into_iter()
        .filter(|f| has(*f))
        .map(camel)
        .collect();
    if by.is_empty() {
        q.push_str("\n| sort @timestamp desc\n| limit 100");
    } else {
        q.push_str(&format!(
            "\n| stats count(*) as records by {}\n| sort records desc\n| limit 20",
            by.join(", ")
        ));
    }
    q
}

/// The field's name in Elastic Common Schema, as Elastic's AWS integration maps it;
/// fields with no ECS core field keep an `aws.vpcflow.*` name there.
#[must_use]
pub fn ecs(field: F) -> String {
    let core = match field {
        F::AccountId => "cloud.account.id",
        F::Srcaddr => "source.ip",
        F::Dstaddr => "destination.ip",
        F::Srcport => "source.port",
        F::Dstport => "destination.port",
        F::Protocol => "network.iana_number",
        F::Packets => "source.packets",
        F::Bytes => "source.bytes",
        F::Start => "event.start",
        F::End => "event.end",
        F::Region => "cloud.region",
        F::InstanceId => "cloud.instance.id",
        _ => "",
    };
    if core.is_empty() {
        format!("aws.vpcflow.{}", column(field))
    } else {
        core.to_owned()
    }
}

/// The field's name in OCSF (Network Activity), as OpenSearch's security analytics
/// maps VPC flow logs; `None` where that mapping has none.
#[must_use]
pub fn ocsf(field: F) -> Option<&'static str> {
    Some(match field {
        F::Version => "metadata.product.version",
        F::AccountId => "cloud.account_uid",
        F::Region => "cloud.region",
        F::AzId => "cloud.zone",
        F::Srcaddr => "src_endpoint.ip",
        F::Dstaddr => "dst_endpoint.ip",
        F::Srcport => "src_endpoint.port",
        F::Dstport => "dst_endpoint.port",
        F::Protocol => "connection_info.protocol_num",
        F::Packets => "traffic.packets",
        F::Bytes => "traffic.bytes",
        F::Start => "time",
        F::End => "end_time",
        F::TcpFlags => "connection_info.tcp_flags",
        F::PktSrcAwsService => "src_endpoint.svc_name",
        F::PktDstAwsService => "dst_endpoint.svc_name",
        F::LogStatus => "status_code",
        F::Action => "disposition_id",
        F::TrafficPath => "boundary_id",
        F::FlowDirection => "connection_info.direction_id",
        F::InterfaceId => "dst_endpoint.interface_uid",
        F::VpcId => "dst_endpoint.vpc_uid",
        F::InstanceId => "dst_endpoint.instance_uid",
        F::SubnetId => "dst_endpoint.subnet_uid",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::Preset;

    #[test]
    fn ok_athena_ddl_for_the_default_format() {
        let ddl = athena_ddl(&Preset::Default.format(), AthenaLayout::TextDaily);
        assert!(ddl.starts_with(
            "CREATE EXTERNAL TABLE IF NOT EXISTS vpc_flow_logs (\n  version int,\n  account_id string,\n"
        ));
        assert!(ddl.contains("  srcport int,\n"));
        assert!(ddl.contains("  protocol bigint,\n"));
        assert!(
            ddl.contains("  bytes bigint,\n  start bigint,\n  `end` bigint,\n  action string,\n  log_status string\n)")
        );
        assert!(ddl.contains("PARTITIONED BY (aws_region string, day string)"));
        assert!(ddl.contains("'skip.header.line.count' = '1'"));
        assert!(ddl.contains("'storage.location.template' = 's3://amzn-s3-demo-bucket/prefix/AWSLogs/123456789012/vpcflowlogs/${aws_region}/${day}'\n);"));
        assert!(ddl.ends_with(");"));
        let hive = athena_ddl(&Preset::Default.format(), AthenaLayout::TextHiveHourly);
        assert!(hive.contains("aws-region=${aws_region}/year=${year}/month=${month}/day=${day}/hour=${hour}'"));
        let parquet = athena_ddl(&Preset::Default.format(), AthenaLayout::ParquetHourly);
        assert!(parquet.contains("ParquetHiveSerDe") && !parquet.contains("skip.header"));
    }

    #[test]
    fn ok_unknown_fields_keep_their_names_in_athena_and_insights() {
        let f = Format::parse("version nat-gateway-id log-status").unwrap();
        let ddl = athena_ddl(&f, AthenaLayout::TextDaily);
        assert!(
            ddl.contains("  version int,\n  nat_gateway_id string,\n  log_status string\n)"),
            "{ddl}"
        );
        assert!(logs_insights(&f).contains("as version, natGatewayId, logStatus"));
    }

    #[test]
    fn ok_logs_insights_query() {
        let q = logs_insights(&Preset::Default.format());
        assert_eq!(
            q,
            "fields @timestamp, @message\n\
             | parse @message \"* * * * * * * * * * * * * *\" as version, accountId, interfaceId, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action, logStatus\n\
             | filter action = \"REJECT\"\n\
             | stats count(*) as records by srcaddr, dstaddr, dstport\n\
             | sort records desc\n\
             | limit 20"
        );
        let q = logs_insights(&Format::parse("vpc-id log-status").unwrap());
        assert!(
            q.ends_with("as vpcId, logStatus\n| sort @timestamp desc\n| limit 100"),
            "{q}"
        );
    }

    #[test]
    fn ok_schema_names() {
        assert_eq!(ecs(F::Srcaddr), "source.ip");
        assert_eq!(ecs(F::TcpFlags), "aws.vpcflow.tcp_flags");
        assert_eq!(ocsf(F::Dstaddr), Some("dst_endpoint.ip"));
        assert_eq!(ocsf(F::EcsTaskId), None);
        assert_eq!(camel(F::PktSrcAwsService), "pktSrcAwsService");
        // Every field has an ECS name; names are unique.
        let names: std::collections::BTreeSet<String> = F::ALL.iter().map(|f| ecs(*f)).collect();
        assert_eq!(names.len(), F::ALL.len());
    }
}
