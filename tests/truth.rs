//! Every sentence agrees with AWS's documentation (shared/spec): the corrected
//! statements, pinned in English and Japanese.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod util;

use util::{decode, decode_with, record};
use vpc_flowlog_decoder::fields::{FieldName as F, Lang};
use vpc_flowlog_decoder::flowlog::explain::story::story;

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
    let d = decode(REPLY_ON_SERVER);
    let paragraphs = story(&record(&d), REPLY_ON_SERVER, Lang::Ja);
    let reject = paragraphs.iter().find(|p| p.starts_with("REJECT：")).unwrap();
    assert!(!reject.contains("。 "), "no space between Japanese sentences: {reject}");
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

#[test]
fn ok_public_and_elastic_ips_never_appear_not_even_in_pkt_fields() {
    for f in [F::Srcaddr, F::Dstaddr] {
        let en = f.spec().detail.get(Lang::En);
        assert!(
            !en.contains("public (Elastic) IP") && !en.contains("secondary or public"),
            "{en}"
        );
        assert!(
            en.contains("Public IPv4 and Elastic IP addresses never appear in an interface's records"),
            "{en}"
        );
        let ja = f.spec().detail.get(Lang::Ja);
        assert!(!ja.contains("パブリック IP（Elastic IP）"), "{ja}");
        assert!(ja.contains("インターフェイスのレコードには現れません"), "{ja}");
    }
}

#[test]
fn ok_smaller_corrections_pinned() {
    use vpc_flowlog_decoder::fields::samples::SAMPLES;
    use vpc_flowlog_decoder::fields::vocab;
    // The "rejected" sample is AWS's accepted example with the action changed.
    let sg = SAMPLES.iter().find(|s| s.id == "rejected-sg").unwrap();
    assert!(sg.title.get(Lang::En).starts_with("Rejected (illustrative)"));
    assert!(sg
        .title
        .get(Lang::En)
        .contains("a security group or a network ACL could be the cause"));
    assert!(sg.title.get(Lang::Ja).starts_with("拒否（説明用）"));
    // `unknown` account: "may show", and no claim about who owns it.
    let unknown = F::AccountId.spec().code("unknown").unwrap().meaning.get(Lang::En);
    assert!(unknown.starts_with("may show for interfaces created by AWS services") && !unknown.contains("owns"));
    // AMAZON: AWS does not say which code wins for overlapping ranges.
    let amazon = F::PktSrcAwsService.spec().code("AMAZON").unwrap().meaning.get(Lang::En);
    assert!(
        !amazon.contains("no more specific") && amazon.contains("does not say"),
        "{amazon}"
    );
    // 5432 is PostgreSQL only (Redshift is 5439).
    let pg = vocab::service(5432, Some(6)).unwrap();
    assert!(!pg.about.get(Lang::En).contains("Redshift"));
    // Every flag bit beyond AWS's four is named.
    let legacy = vocab::words::FLAGS_LEGACY.get(Lang::En);
    assert!(legacy.contains("ECE (64)") && legacy.contains("CWR (128)"));
}

#[test]
fn ok_addresses_and_encapsulation_as_the_spec_says() {
    use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
    use vpc_flowlog_decoder::flowlog::explain::describe::describe;
    use vpc_flowlog_decoder::flowlog::explain::sentence::sentence;
    let meaning = |text: &str, field: F, lang: Lang| {
        let d = decode(text);
        let r = record(&d);
        describe(&r, r.cell(field).unwrap(), text, lang, &Fixed(0)).meaning
    };
    let line = |src: &str, dst: &str, proto: u8| {
        format!("2 123456789010 eni-1235b8ca123456789 {src} {dst} 0 0 {proto} 3 252 1418530010 1418530070 ACCEPT OK")
    };
    // NAT64: the embedded IPv4 address is shown.
    let nat64 = line("2600:1f18::5", "64:ff9b::cb00:710c", 6);
    let m = meaning(&nat64, F::Dstaddr, Lang::En);
    assert!(
        m.starts_with("NAT64 (64:ff9b::/96)") && m.contains("The embedded IPv4 address is 203.0.113.12"),
        "{m}"
    );
    assert!(meaning(&nat64, F::Dstaddr, Lang::Ja).contains("埋め込まれた IPv4 アドレスは 203.0.113.12 です"));
    // Special-purpose ranges are not public.
    for ip in ["198.18.0.1", "192.0.0.9", "192.88.99.1"] {
        let m = meaning(&line("10.0.0.5", ip, 6), F::Dstaddr, Lang::En);
        assert!(
            m.starts_with("special-purpose range") && m.contains("not a public internet address"),
            "{ip}: {m}"
        );
    }
    // Windows license activation.
    let m = meaning(&line("10.0.0.5", "169.254.169.250", 6), F::Dstaddr, Lang::En);
    assert!(
        m.starts_with("Amazon Windows license activation") && m.contains("AWS does not log this traffic"),
        "{m}"
    );
    // IPv6 metadata, DNS and time addresses: documented for IPv4 only.
    for ip in ["fd00:ec2::254", "fd00:ec2::253", "fd00:ec2::123"] {
        let m = meaning(&line("2600:1f18::5", ip, 17), F::Dstaddr, Lang::En);
        assert!(
            m.contains("not documented") && !m.contains("never record it"),
            "{ip}: {m}"
        );
    }
    // Protocols 4 and 41 are encapsulation.
    let four = line("10.0.0.5", "10.0.1.5", 4);
    assert!(sentence(&record(&decode(&four)), &four, Lang::En).contains("sent 3 IPv4-in-IP packets"));
    let v6 = line("10.0.0.5", "10.0.1.5", 41);
    let s = sentence(&record(&decode(&v6)), &v6, Lang::En);
    assert!(
        s.contains("IPv6-in-IPv4 (IPv6 encapsulation) packets") && !s.contains(" IPv6 packets"),
        "{s}"
    );
}
