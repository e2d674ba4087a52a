#!/usr/bin/env python3
"""Writes Parquet flow log files as S3 delivers them (FileFormat=parquet: underscored
column names, integers typed, `-` kept in string columns, null in numeric ones for
NODATA/SKIPDATA) with a real Parquet writer (pyarrow), several row groups each, and
the flow log text each must read as (`<name>.txt`). Small: they are committed.
Run: pip install pyarrow && python3 make.py"""
import os
import pyarrow as pa
import pyarrow.parquet as pq

here = os.path.dirname(os.path.abspath(__file__))

V2 = [("version", pa.int32()), ("account_id", pa.string()), ("interface_id", pa.string()),
      ("srcaddr", pa.string()), ("dstaddr", pa.string()), ("srcport", pa.int32()), ("dstport", pa.int32()),
      ("protocol", pa.int64()), ("packets", pa.int64()), ("bytes", pa.int64()), ("start", pa.int64()),
      ("end", pa.int64()), ("action", pa.string()), ("log_status", pa.string())]

rows_v2 = []
for i in range(10):
    if i % 4 == 3:
        rows_v2.append([2, "123456789010", f"eni-1235b8ca12345678{i}", "-", "-", None, None, None, None, None,
                        1418530010 + i, 1418530070 + i, "-", "NODATA"])
    else:
        rows_v2.append([2, "123456789010", f"eni-1235b8ca12345678{i}", f"172.31.16.{139 + i}", "172.31.16.21",
                        20641 + i, 22, 6, 20 + i, 4249 + i, 1418530010 + i, 1418530070 + i,
                        "REJECT" if i % 3 == 0 else "ACCEPT", "OK"])

V5 = V2 + [("vpc_id", pa.string()), ("subnet_id", pa.string()), ("instance_id", pa.string()),
           ("tcp_flags", pa.int32()), ("type", pa.string()), ("pkt_srcaddr", pa.string()),
           ("pkt_dstaddr", pa.string()), ("region", pa.string()), ("az_id", pa.string()),
           ("sublocation_type", pa.string()), ("sublocation_id", pa.string()),
           ("pkt_src_aws_service", pa.string()), ("pkt_dst_aws_service", pa.string()),
           ("flow_direction", pa.string()), ("traffic_path", pa.int32())]
rows_v5 = []
for i in range(7):
    base = rows_v2[i][:]
    rows_v5.append(base + ["vpc-0a1b2c3d", "subnet-0a1b2c3d", "-" if i % 2 else "i-0a1b2c3d4e5f",
                           None if base[-1] == "NODATA" else 2, "IPv4", base[3], base[4], "us-east-1",
                           "use1-az1", "-", "-", "-", "S3" if i == 2 else "-", "egress" if i % 2 else "ingress",
                           None if i % 2 == 0 else 8])


def write(name, schema, rows, compression, group):
    table = pa.table({n: [r[i] for r in rows] for i, (n, _) in enumerate(schema)},
                     schema=pa.schema([pa.field(n, t) for n, t in schema]))
    pq.write_table(table, os.path.join(here, name), compression=compression, row_group_size=group)
    header = " ".join(n.replace("_", "-") for n, _ in schema)
    lines = [header] + [" ".join("-" if v is None else str(v) for v in r) for r in rows]
    with open(os.path.join(here, name + ".txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


write("aws-v2-gzip.log.parquet", V2, rows_v2, "gzip", 4)
write("aws-v5-snappy.log.parquet", V5, rows_v5, "snappy", 3)
print("written")
