//! Every sentence agrees with AWS's documentation (shared/spec): the corrected
//! statements, pinned in English and Japanese.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod util;

use util::{decode, decode_with, record};
use vpc_flowlog_decoder::fields::{FieldName as F, Lang};
use vpc_flowlog_decoder::flowlog::story::story;

/// A TCP reply (source port 22) that was rejected, recorded on the server's interface.
const REPLY_ON_SERVER: &str =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 22 50000 6 4 336 1432917094 1432917142 REJECT OK";

fn told(text: &str, lang: Lang) -> String {
    let d = decode(text);
    story(&record(&d), d.text(text), lang).join(" ")
}

#[test]
fn ok_reply_reject_names_the_rule_direction_by_the_interface_side() {
    // The interface holds the private source: it is the server, sending the reply.
    let en = told(REPLY_ON_SERVER, Lang::En);
    assert!(en.contains("so this usually points to a network ACL"), "{en}");
    assert!(en.contains("This interface is the server, which sends the reply: check the outbound rules of its subnet's network ACL for the ephemeral port range that includes the client's port 50000."), "{en}");
    assert!(
        en.contains("AWS also records packets that arrive after a connection has closed as REJECT."),
        "{en}"
    );
    assert!(
        !en.contains("direction points to") && !en.contains("the likely cause is"),
        "{en}"
    );
    let ja = told(REPLY_ON_SERVER, Lang::Ja);
    assert!(ja.contains("通常はステートレスなネットワーク ACL"), "{ja}");
    assert!(
        ja.contains("アウトバウンドルールが、クライアントのポート 50000 を含む一時ポートの範囲を許可しているか"),
        "{ja}"
    );
    // Recorded on the client's interface (flow-direction says the reply came in).
    let format = "version interface-id srcaddr dstaddr srcport dstport protocol action flow-direction";
    let line = "5 eni-0a1b2c3d 203.0.113.12 10.0.0.5 443 50000 6 REJECT ingress";
    let d = decode_with(format, line);
    let en = story(&record(&d), line, Lang::En).join(" ");
    assert!(
        en.contains("This interface is the client, which receives the reply: check the inbound rules"),
        "{en}"
    );
    let ja = story(&record(&d), line, Lang::Ja).join(" ");
    assert!(
        ja.contains("クライアント側です。そのサブネットのネットワーク ACL のインバウンドルール"),
        "{ja}"
    );
    // Neither side can be told (two public addresses): both are named.
    let both = REPLY_ON_SERVER.replace("172.31.16.139", "198.51.100.7");
    assert!(told(&both, Lang::En).contains("If this interface is the server, check the outbound rules of its subnet's network ACL; if it is the client, the inbound rules"));
}

#[test]
fn ok_action_field_and_reject_code_say_usually_and_mark_encryption_controls() {
    let spec = F::Action.spec();
    let detail = spec.detail.get(Lang::En);
    assert!(detail.contains("usually points to a network ACL") && !detail.contains("on the reply direction points to"));
    assert!(detail.contains(
        "its outbound rules when the interface is the server, its inbound rules when the interface is the client"
    ));
    assert!(detail.contains("AWS also records packets that arrive after a connection has closed as REJECT."));
    assert!(spec
        .detail
        .get(Lang::Ja)
        .contains("応答方向の REJECT は通常ネットワーク ACL が原因です"));
    let reject = spec.code("REJECT").unwrap();
    assert!(reject
        .meaning
        .get(Lang::En)
        .contains("per secondary sources, VPC Encryption Controls"));
    assert!(reject
        .meaning
        .get(Lang::Ja)
        .contains("二次情報によれば VPC 暗号化コントロール"));
}
