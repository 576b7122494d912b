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

#[test]
fn a_killed_run_leaves_the_previous_result_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 40);
    let out = dir.path().join("汇总");
    // The previous complete result (the demo's own, over fewer returns, differs from the
    // runs below; and a note of the user's).
    std::fs::write(out.join("处长的备注.txt"), "留着").unwrap();
    let previous = snapshot(&out);
    // How long a whole run takes here.
    let started = std::time::Instant::now();
    let full = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"))
        .args(["collect", "--plan"])
        .arg(&plan)
        .arg("-o")
        .arg(dir.path().join("量时间"))
        .arg(&returns)
        .output()
        .unwrap();
    assert!(full.status.success());
    let whole = started.elapsed();

    let mut kills = 0;
    let mut mixed = 0;
    for k in 1..=12u32 {
        let at = whole * k / 14;
        let mut child = spawn_collect(&plan, &out, &returns, false);
        std::thread::sleep(at);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let _ = child.wait();
        if finished {
            break;
        }
        kills += 1;
        // The output folder is the previous result, whatever the moment. (Killed between the
        // swap's two renames, the folder would be missing for a moment, its previous result
        // beside it under another name: the next run puts it back.)
        if out.exists() && snapshot(&out) != previous {
            mixed += 1;
        }
    }
    eprintln!("{kills} kills over a {whole:?} run, {mixed} mixed folders");
    assert!(
        kills >= 3,
        "only {kills} kills landed before the run finished"
    );
    assert_eq!(
        mixed, 0,
        "{mixed} of {kills} kills left a folder that mixes two results"
    );

    // The next run clears what the killed ones left beside the output and completes.
    let done = collect_cmd(&plan, &out)
        .env("SOURCE_DATE_EPOCH", "1652400000")
        .arg(&returns)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let after = snapshot(&out);
    assert_eq!(
        after.get("处长的备注.txt").map(Vec::as_slice),
        Some("留着".as_bytes())
    );
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
}

#[test]
fn a_second_run_on_the_same_output_refuses_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 30);
    let out = dir.path().join("汇总");
    let mut first = spawn_collect(&plan, &out, &returns, false);
    // Wait until the first run holds the lock (it takes it first thing).
    let lock = dir.path().join(".汇总.jixiao-lock");
    wait_for(&lock);
    let second = collect_cmd(&plan, &out).arg(&returns).output().unwrap();
    let err = String::from_utf8_lossy(&second.stderr).into_owned();
    let first_status = first.wait().unwrap();
    assert!(first_status.success());
    if lock.exists() {
        panic!("the lock outlived its run");
    }
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(
        err.contains("另一个 jixiao 正在写入") && err.contains("进程"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_removes_the_staging_folder_says_so_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, returns) = many_returns(dir.path(), 30);
    let out = dir.path().join("汇总");
    let previous = snapshot(&out);
    let child = spawn_collect(&plan, &out, &returns, true);
    let lock = dir.path().join(".汇总.jixiao-lock");
    wait_for(&lock);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let sent = std::process::Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success());
    let result = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(130), "{err}");
    assert!(
        err.contains("已中断") && err.contains("上次的结果保持不变"),
        "{err}"
    );
    assert_eq!(snapshot(&out), previous);
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
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
    let left: Vec<_> = std::fs::read_dir(&disk.0).unwrap().collect();
    assert!(left.is_empty(), "partial output left: {left:?}");
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
