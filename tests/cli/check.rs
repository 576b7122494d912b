//! End-to-end tests: check.

use super::fill::{Typing, fill};
use super::*;
use jixiao::sample;

/// Plan, templates and a returns folder in a temporary directory.
struct Setup {
    dir: tempfile::TempDir,
    plan: std::path::PathBuf,
    templates: std::path::PathBuf,
    returns: std::path::PathBuf,
}

fn setup() -> Setup {
    let e = issued_env();
    let (dir, plan, templates) = (e.dir, e.plan_path, e.templates);
    let returns = dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    Setup {
        dir,
        plan,
        templates,
        returns,
    }
}

const REFERENCE_TEMPLATE: &str = "2021_001_市应急管理局_部门整体绩效自评表.xlsx";

fn reference_return(s: &Setup, typing: Typing) -> std::path::PathBuf {
    let out = s.returns.join(REFERENCE_TEMPLATE);
    fill(
        &s.templates.join(REFERENCE_TEMPLATE),
        &out,
        &sample::reference_outcomes(),
        &sample::reference_spending(),
        "2022-05-10",
        typing,
    );
    out
}

fn check(s: &Setup, inputs: &[&Path]) -> (i32, String) {
    let mut cmd = jixiao();
    cmd.arg("check").arg("--plan").arg(&s.plan);
    for i in inputs {
        cmd.arg(i);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_reference_return_scores_95_3_whichever_way_values_are_typed() {
    let s = setup();
    for typing in [Typing::AsExcel, Typing::AsText] {
        let path = reference_return(&s, typing);
        let (code, out) = check(&s, &[&path]);
        assert_eq!(code, 0, "{out}");
        assert!(
            out.contains("市应急管理局（001）：总分 95.30，等级 优，自评 95.30"),
            "{out}"
        );
        // The reference report says 支出调整预算执行率 100%; its budget tables say less.
        assert!(out.contains("警告 B07"), "{out}");
        assert!(!out.contains("错误"), "{out}");
        assert!(!out.contains('\u{1b}'), "no colour codes when piped: {out}");
    }
}

#[test]
fn strict_exits_3_only_when_a_return_must_be_sent_back() {
    let s = setup();
    let good = reference_return(&s, Typing::AsExcel);
    let out = jixiao()
        .arg("check")
        .arg("--strict")
        .arg("--plan")
        .arg(&s.plan)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let blank = s
        .templates
        .join("2021_002_市教育局_部门整体绩效自评表.xlsx");
    let out = jixiao()
        .arg("check")
        .arg("--strict")
        .arg("--plan")
        .arg(&s.plan)
        .arg(&blank)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("错误 V01") && text.contains("自评表尚未填写"),
        "{text}"
    );
    assert!(
        !text.contains("V06") && !text.contains("B05"),
        "one finding for a blank template: {text}"
    );
    let _ = &s.dir;
}
