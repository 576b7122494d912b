//! Issue 14: what a new user hit (wrong inputs, own outputs read back, English messages, the
//! year folder), each through the real CLI.

use super::*;

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    jixiao().current_dir(dir).args(args).output().unwrap()
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_mistyped_input_is_a_run_error_and_nothing_is_written() {
    let e = issued_env();
    let out_dir = e.dir.path().join("汇总");
    let result = collect_cmd(&e.plan_path, &out_dir)
        .arg(e.dir.path().join("回收typo"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let t = text(&result);
    assert!(
        t.contains("回收typo") && t.contains("文件或目录不存在"),
        "{t}"
    );
    assert!(
        !t.contains("os error") && !t.contains("No such file"),
        "{t}"
    );
    assert!(!out_dir.exists(), "nothing may be written");

    // A folder that holds no spreadsheet, mail or archive at all is a run error too.
    let empty = e.dir.path().join("空目录");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("说明.pdf"), b"%PDF-1.4").unwrap();
    let result = collect_cmd(&e.plan_path, &out_dir)
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result).contains("没有任何电子表格"),
        "{}",
        text(&result)
    );
    assert!(!out_dir.exists());
}

#[test]
fn earlier_outputs_under_an_input_are_skipped_with_one_note() {
    let e = issued_env();
    let out = e.dir.path().join("out");
    let returns = out.join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    std::fs::copy(
        e.templates
            .join(jixiao::template::file_name(&e.plan, &e.plan.departments[0])),
        returns.join("001.xlsx"),
    )
    .unwrap();
    let results = out.join("汇总");
    // An earlier result elsewhere under the input, and this run's own output folder.
    stdout_of(collect_cmd(&e.plan_path, out.join("旧汇总")).arg(&out));
    for _ in 0..2 {
        stdout_of(collect_cmd(&e.plan_path, &results).arg(&out));
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(results.join("summary.json")).unwrap())
            .unwrap();
    let unmatched = summary["unmatched"].as_array().unwrap();
    let skipped: Vec<&str> = unmatched
        .iter()
        .filter(|u| u["findings"][0]["code"] == "F15")
        .map(|u| u["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["旧汇总", "汇总"], "{unmatched:#?}");
    assert_eq!(
        unmatched.len(),
        2,
        "nothing inside them is read: {unmatched:#?}"
    );
    assert_eq!(summary["superseded"].as_array().unwrap().len(), 0);
}

#[test]
fn every_line_is_chinese_and_each_help_ends_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let english = [
        "Usage",
        "Options",
        "Print help",
        "[default",
        "error:",
        "tip:",
        "unrecognized",
        "required arguments",
        "os error",
        "No such file",
        "Arguments",
        "Commands",
    ];
    let cases: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["init", "--help"],
        vec!["new", "--help"],
        vec!["issue", "--help"],
        vec!["collect", "--help"],
        vec!["check", "--help"],
        vec!["demo", "--help"],
        vec!["collect", "--frobnicate"],
        vec!["new"],
        vec!["nonsense"],
        vec!["collect"],
        vec!["issue", "--plan", "不存在.xlsx", "-o", "x"],
        vec!["check", "--plan", "不存在.xlsx", "回收"],
    ];
    for args in &cases {
        let out = run_in(dir.path(), args);
        let t = text(&out);
        for word in english {
            assert!(!t.contains(word), "{args:?} shows «{word}»:\n{t}");
        }
        if args.last() == Some(&"--help") {
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            assert!(
                t.trim_end().lines().any(|l| l.starts_with("示例")),
                "{args:?}:\n{t}"
            );
            assert!(
                t.contains("用法：") && t.contains("显示帮助"),
                "{args:?}:\n{t}"
            );
        } else {
            assert_ne!(out.status.code(), Some(0), "{args:?}");
        }
    }
    let out = run_in(dir.path(), &["collect", "--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("不认识的选项「--frobnicate」"));
    let out = run_in(dir.path(), &["issue", "--plan", "不存在.xlsx", "-o", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("文件或目录不存在"), "{}", text(&out));
}

#[test]
fn a_year_folder_needs_no_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["new", "2024"]);
    assert!(out.status.success(), "{}", text(&out));
    let year = dir.path().join("2024");
    let plan = jixiao::plan::read(&year.join("评价方案.xlsx")).unwrap();
    assert_eq!(plan.settings.year, 2024);
    assert_eq!(
        plan.settings.deadline.map(|d| d.to_string()).as_deref(),
        Some("2025-05-20")
    );
    assert!(plan.settings.name.starts_with("2024年度"));
    assert!(year.join("回收").is_dir() && year.join("模板").is_dir());
    // A second `new` never overwrites the plan.
    assert_eq!(run_in(dir.path(), &["new", "2024"]).status.code(), Some(1));

    let out = run_in(&year, &["issue"]);
    assert!(out.status.success(), "{}", text(&out));
    let first = year
        .join("模板")
        .join(jixiao::template::file_name(&plan, &plan.departments[0]));
    assert!(first.is_file());
    std::fs::copy(&first, year.join("回收").join("001.xlsx")).unwrap();
    let out = run_in(&year, &["collect"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        year.join("汇总")
            .join("2024年度部门整体绩效评价汇总.xlsx")
            .is_file()
    );
    assert!(run_in(&year, &["check"]).status.success());

    // The folder alone (dropped onto jixiao.exe) runs collect; with no terminal it does not
    // wait for a key.
    std::fs::remove_dir_all(year.join("汇总")).unwrap();
    let out = run_in(dir.path(), &["2024"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(year.join("汇总").join("summary.json").is_file());

    // Outside a year folder the plan must be named.
    let out = run_in(dir.path(), &["collect"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("未指定评价方案"), "{}", text(&out));
}
