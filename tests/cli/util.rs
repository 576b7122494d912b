//! Helpers shared by every test file: the binary, plans and templates in temporary folders,
//! reading outputs back.

pub use assert_cmd::Command;
pub use calamine::{Data, Reader, open_workbook_auto};
pub use std::io::Read;
pub use std::path::Path;

/// A program a test needs is not installed: outside CI the test is skipped, saying how to
/// install it; under CI (`CI` set: `.ci/run` installs it) the test fails.
pub fn not_installed(what: &str, package: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} 未安装（CI 中应由 .ci/run 安装 {package}）");
    }
    eprintln!("跳过：{what} 未安装。安装方法：sudo apt-get install {package}");
}

pub fn jixiao() -> Command {
    Command::cargo_bin("jixiao").unwrap()
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard output then standard error of a finished run, as text.
pub fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `jixiao collect --plan PLAN -o OUT`, for the caller to add inputs (and environment).
pub fn collect_cmd(plan: impl AsRef<std::ffi::OsStr>, out: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = jixiao();
    cmd.arg("collect")
        .arg("--plan")
        .arg(plan)
        .arg("-o")
        .arg(out);
    cmd
}

/// The number format of a cell as umya-spreadsheet reads it (`General` when none is set).
pub fn number_format(ws: &umya_spreadsheet::Worksheet, cell: &str) -> String {
    ws.style(cell)
        .number_format()
        .map(|f| f.format_code().to_string())
        .unwrap_or_default()
}

/// The XML of one part of an .xlsx package.
pub fn zip_part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// A temporary folder with the sample plan and its templates.
pub struct IssuedEnv {
    pub dir: tempfile::TempDir,
    pub plan_path: std::path::PathBuf,
    pub plan: jixiao::plan::Plan,
    pub templates: std::path::PathBuf,
}

pub fn issued_env() -> IssuedEnv {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = sample_plan_in(dir.path());
    let templates = dir.path().join("模板");
    stdout_of(
        jixiao()
            .arg("issue")
            .arg("--plan")
            .arg(&plan_path)
            .arg("-o")
            .arg(&templates),
    );
    IssuedEnv {
        plan: jixiao::plan::read(&plan_path).unwrap(),
        dir,
        plan_path,
        templates,
    }
}

/// Every row of a sheet of a workbook, as text.
pub fn sheet_rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(jixiao::sheet::cell_text).collect())
        .collect()
}

/// `jixiao issue --plan plan -o templates`.
pub fn issue_cmd(plan: &Path, templates: &Path) -> Command {
    let mut cmd = jixiao();
    cmd.arg("issue")
        .arg("--plan")
        .arg(plan)
        .arg("-o")
        .arg(templates);
    cmd
}

/// `jixiao issue --plan plan -o templates`, which must succeed.
pub fn issue_into(plan: &Path, templates: &Path) -> String {
    stdout_of(&mut issue_cmd(plan, templates))
}

/// Writes the sample plan into `dir` and returns its path.
pub fn sample_plan_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("评价方案.xlsx");
    stdout_of(jixiao().arg("init").arg("-o").arg(&path));
    path
}

/// summary.json of an output folder.
pub fn summary(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

/// One department of summary.json.
pub fn dept<'a>(json: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    json["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap()
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// `jixiao collect` started in the background, its output silenced (`stderr` piped when
/// asked, to read it afterwards).
pub fn spawn_collect(plan: &Path, out: &Path, inputs: &Path, stderr: bool) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"))
        .args(["collect", "--plan"])
        .arg(plan)
        .arg("-o")
        .arg(out)
        .arg(inputs)
        .stdout(std::process::Stdio::null())
        .stderr(if stderr {
            std::process::Stdio::piped()
        } else {
            std::process::Stdio::null()
        })
        .spawn()
        .unwrap()
}

/// `jixiao demo -o dir` with a fixed clock; gives what it printed.
pub fn demo_in(dir: &Path) -> String {
    stdout_of(
        jixiao()
            .env("SOURCE_DATE_EPOCH", "1652400000")
            .arg("demo")
            .arg("-o")
            .arg(dir),
    )
}

/// Runs `collect` (plan, output folder, further arguments) twice under the same
/// `SOURCE_DATE_EPOCH`: once holding every result in memory, once spilling each department's
/// indicator results to a temporary file (`JIXIAO_SPILL_FROM=0`, as runs of thousands of
/// departments do); asserts that both wrote the same files, byte for byte, and returns how
/// many.
pub fn spilled_run_writes_the_same(plan: &Path, out: &Path, args: &[&std::ffi::OsStr]) -> usize {
    let run = |dir: &str, spill_from: &str| {
        let o = out.join(dir);
        let mut cmd = collect_cmd(plan, &o);
        cmd.env("SOURCE_DATE_EPOCH", "1652400000")
            .env("JIXIAO_SPILL_FROM", spill_from)
            .args(args);
        let done = cmd.output().unwrap();
        // 0 and 3 (findings) are both finished runs.
        assert!(
            matches!(done.status.code(), Some(0 | 3)),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        snapshot(&o)
    };
    let held = run("held", "1000000");
    let spilled = run("spilled", "0");
    assert_eq!(
        held.keys().collect::<Vec<_>>(),
        spilled.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &held {
        assert!(
            spilled[name] == *bytes,
            "{name} differs when results are spilled"
        );
    }
    held.len()
}

/// What a run held at a pause point has done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pause {
    /// It is at its pause point.
    Reached,
    /// It ended (without reaching it, or after).
    Ended,
}

/// A run started to pause at a named point (`JIXIAO_PAUSE`), held there until released: its
/// standard error is read on a thread that tells `(id, Pause)` on a channel — the pipes are
/// the synchronisation, never time.
pub struct Held {
    pub child: std::process::Child,
    stderr: Option<std::thread::JoinHandle<Vec<u8>>>,
    events: Option<std::sync::mpsc::Receiver<(usize, Pause)>>,
}

impl Held {
    /// Starts `cmd` to pause at `point`.
    pub fn start(cmd: std::process::Command, point: &str) -> Held {
        let (tell, events) = std::sync::mpsc::channel();
        let mut held = Held::start_telling(cmd, point, 0, tell);
        held.events = Some(events);
        held
    }

    /// Starts `cmd` to pause at `point`, telling what it does as `id` on `tell` (for a test
    /// that waits on several runs at once).
    pub fn start_telling(
        mut cmd: std::process::Command,
        point: &str,
        id: usize,
        tell: std::sync::mpsc::Sender<(usize, Pause)>,
    ) -> Held {
        use std::io::BufRead;
        cmd.env("JIXIAO_PAUSE", point)
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let err = child.stderr.take().unwrap();
        let mark = format!("jixiao-pause: {point}\n");
        let stderr = std::thread::spawn(move || {
            let mut lines = std::io::BufReader::new(err);
            let mut kept = Vec::new();
            let mut line = Vec::new();
            while lines.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
                if line == mark.as_bytes() {
                    let _ = tell.send((id, Pause::Reached));
                } else {
                    kept.extend_from_slice(&line);
                }
                line.clear();
            }
            let _ = tell.send((id, Pause::Ended));
            kept
        });
        Held {
            child,
            stderr: Some(stderr),
            events: None,
        }
    }

    /// Waits until the run is at its pause point (or has ended); whether it got there.
    pub fn reached(&mut self) -> bool {
        let events = self.events.as_ref().expect("started with Held::start");
        matches!(events.recv(), Ok((_, Pause::Reached)))
    }

    /// Lets the run go on, and waits for it.
    pub fn release(mut self) -> std::process::Output {
        use std::io::Write;
        if let Some(mut input) = self.child.stdin.take() {
            let _ = input.write_all(b"\n");
        }
        self.finish()
    }

    /// Waits for a run still held at its pause point to end by itself (after a signal): its
    /// standard input stays open, so the run never goes on past the point.
    pub fn end_held(mut self) -> std::process::Output {
        let input = self.child.stdin.take();
        let out = self.finish();
        drop(input);
        out
    }

    /// Waits for the run to end (its standard error as it wrote it, less the pause line).
    pub fn finish(mut self) -> std::process::Output {
        let stderr = self.stderr.take();
        let mut out = self.child.wait_with_output().unwrap();
        out.stderr = stderr.map(|h| h.join().unwrap()).unwrap_or_default();
        out
    }
}

/// `collect` as a command, its output piped.
pub fn collect_process(plan: &Path, out: &Path, inputs: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"));
    c.args(["collect", "--plan"])
        .arg(plan)
        .arg("-o")
        .arg(out)
        .arg(inputs)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    c
}
