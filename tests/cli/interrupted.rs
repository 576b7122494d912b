//! Issue 22: a run that stops halfway leaves the last complete result; two runs never write
//! one output at once.

use super::*;

/// The demo, with its returns copied `n` times over so that a collect takes a while.
fn many_returns(dir: &Path, n: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    demo_in(dir);
    let returns = dir.join("回收");
    let files: Vec<_> = std::fs::read_dir(&returns)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    for k in 0..n {
        let sub = returns.join(format!("副本{k:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for f in &files {
            std::fs::copy(f, sub.join(f.file_name().unwrap())).unwrap();
        }
    }
    (dir.join("评价方案.xlsx"), returns)
}

/// What lies beside an output folder other than the output and its lock: a staging folder
/// left behind would be one.
fn left_beside(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && !n.ends_with(".jixiao-lock"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_run_killed_at_any_step_leaves_the_previous_result_and_frees_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 2);
    let out = dir.path().join("汇总");
    std::fs::write(out.join("处长的备注.txt"), "留着").unwrap();
    let previous = snapshot(&out);
    for point in ["locked", "written"] {
        let mut run = Held::start(collect_process(&plan, &out, &returns), point);
        assert!(run.reached(), "the run did not reach {point}");
        // SIGKILL: no handler runs; the operating system drops the lock.
        run.child.kill().unwrap();
        let _ = run.child.wait();
        assert_eq!(snapshot(&out), previous, "killed at {point}");
    }
    // The next run starts at once, clears what the killed ones left, and completes.
    let done = collect_cmd(&plan, &out)
        .env("SOURCE_DATE_EPOCH", "1652400000")
        .arg(&returns)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", text(&done));
    assert!(
        text(&done).contains("已删除上次中断的运行留下的临时目录"),
        "{}",
        text(&done)
    );
    let after = snapshot(&out);
    assert_eq!(
        after.get("处长的备注.txt").map(Vec::as_slice),
        Some("留着".as_bytes())
    );
    assert!(
        left_beside(dir.path()).is_empty(),
        "{:?}",
        left_beside(dir.path())
    );
}

#[test]
fn a_second_run_on_the_same_output_refuses_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 1);
    let out = dir.path().join("汇总");
    let mut first = Held::start(collect_process(&plan, &out, &returns), "locked");
    assert!(first.reached());
    let second = collect_cmd(&plan, &out).arg(&returns).output().unwrap();
    let err = String::from_utf8_lossy(&second.stderr).into_owned();
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(
        err.contains("另一个 jixiao 正在写入")
            && err.contains("进程")
            && err.contains("jixiao collect"),
        "{err}"
    );
    assert!(first.release().status.success());
    // Free again the moment the first run ends.
    assert!(
        collect_cmd(&plan, &out)
            .arg(&returns)
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn two_runs_started_together_never_both_run() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample_plan_in(dir.path());
    let out = dir.path().join("模板");
    let issue = || {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"));
        c.arg("issue")
            .arg("--plan")
            .arg(&plan)
            .arg("-o")
            .arg(&out)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        c
    };
    for round in 0..100 {
        // Both start together and pause once they hold the lock: exactly one can get there.
        let (tell, heard) = std::sync::mpsc::channel();
        let a = Held::start_telling(issue(), "locked", 0, tell.clone());
        let b = Held::start_telling(issue(), "locked", 1, tell);
        // Wait until one holds the lock and the other has ended.
        let mut reached = Vec::new();
        let mut ended = Vec::new();
        while reached.len() + ended.len() < 2 {
            let (id, what) = heard.recv().unwrap();
            match what {
                Pause::Reached => reached.push(id),
                Pause::Ended if !reached.contains(&id) => ended.push(id),
                Pause::Ended => {}
            }
            assert!(reached.len() <= 1, "round {round}: both runs hold the lock");
        }
        assert_eq!(reached.len(), 1, "round {round}: neither paused");
        let a = a.release();
        let b = b.release();
        let codes = [a.status.code(), b.status.code()];
        assert!(
            codes.contains(&Some(0)) && codes.contains(&Some(1)),
            "round {round}: {codes:?}\n{}\n{}",
            text(&a),
            text(&b)
        );
        let refused = if a.status.code() == Some(1) { &a } else { &b };
        assert!(
            text(refused).contains("另一个 jixiao 正在写入"),
            "{}",
            text(refused)
        );
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_removes_the_staging_folder_says_so_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 1);
    let out = dir.path().join("汇总");
    let previous = snapshot(&out);
    let mut run = Held::start(collect_process(&plan, &out, &returns), "written");
    assert!(run.reached());
    let sent = std::process::Command::new("kill")
        .arg("-INT")
        .arg(run.child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success());
    let result = run.end_held();
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(130), "{err}");
    assert!(
        err.contains("已中断") && err.contains("上次的结果保持不变"),
        "{err}"
    );
    assert_eq!(snapshot(&out), previous);
    assert!(
        left_beside(dir.path()).is_empty(),
        "{:?}",
        left_beside(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_the_run_goes_on_is_always_an_interruption_and_never_half_a_result() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 1);
    let out = dir.path().join("汇总");
    for round in 0..8 {
        let previous = snapshot(&out);
        // The run goes on from its pause point while the signal is handled: however the two
        // meet, the run ends as interrupted, and the output is either the previous one (and
        // it says so) or this run's complete one (and it says that).
        let mut run = Held::start(collect_process(&plan, &out, &returns), "written");
        assert!(run.reached());
        let sent = std::process::Command::new("kill")
            .arg("-INT")
            .arg(run.child.id().to_string())
            .status()
            .unwrap();
        assert!(sent.success());
        let result = run.release();
        let err = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(130), "round {round}: {err}");
        assert!(!err.contains("错误"), "round {round}: {err}");
        let now = snapshot(&out);
        if err.contains("上次的结果保持不变") {
            assert_eq!(now, previous, "round {round}");
        } else {
            assert!(err.contains("已经完整写出"), "round {round}: {err}");
            assert!(
                now != previous && now.contains_key("summary.json"),
                "round {round}"
            );
        }
        assert!(
            left_beside(dir.path()).is_empty(),
            "round {round}: {:?}",
            left_beside(dir.path())
        );
    }
}

/// A small tmpfs, mounted for the test, when this machine allows it (root on Linux).
#[cfg(target_os = "linux")]
struct Tmpfs(std::path::PathBuf);

#[cfg(target_os = "linux")]
impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Self> {
        std::fs::create_dir_all(at).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?
            .success();
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_chinese_line_and_leaves_no_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 2);
    let Some(disk) = Tmpfs::mount(&dir.path().join("小磁盘"), "48k") else {
        eprintln!("跳过：无法挂载 tmpfs（需要 root 权限），未测试磁盘已满的情形");
        return;
    };
    let out = disk.0.join("汇总");
    let result = collect_cmd(&plan, &out).arg(&returns).output().unwrap();
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(err.contains("磁盘空间不足"), "{err}");
    for english in ["os error", "No space", "ZipWriter", "Io(", "panicked"] {
        assert!(!err.contains(english), "«{english}» in {err}");
    }
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    let left = left_beside(&disk.0);
    assert!(left.is_empty(), "partial output left: {left:?}");
    assert!(!disk.0.join("汇总").exists());
}

/// A full system temporary folder (where the workbook's long sheets stream) is one Chinese
/// line naming it, not rust_xlsxwriter's panic, and no output is left.
#[cfg(target_os = "linux")]
#[test]
fn a_full_temporary_folder_is_one_chinese_line() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let Some(tmp) = Tmpfs::mount(&dir.path().join("小临时目录"), "48k") else {
        eprintln!("跳过：无法挂载 tmpfs（需要 root 权限），未测试临时目录已满的情形");
        return;
    };
    let out = dir.path().join("新汇总");
    let result = collect_cmd(dir.path().join("评价方案.xlsx"), &out)
        .arg(dir.path().join("回收"))
        .env("TMPDIR", &tmp.0)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(err.contains("时磁盘空间不足"), "{err}");
    assert!(err.contains("小临时目录"), "{err}");
    for english in ["panicked", "os error", "No space", "StorageFull"] {
        assert!(!err.contains(english), "«{english}» in {err}");
    }
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(!out.exists());
}
