//! Discovery: INPUT paths → the files to read, in name order, leaving out folders jixiao
//! wrote (this run's output, folders with its manifest); each folder walked and each file read
//! once however links lead to them; what cannot be read or was skipped is a finding, not dropped.

use super::*;

/// A path given on the command line or found below one, and how to show it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path.
    pub path: PathBuf,
    /// Display name.
    pub display: String,
    /// Found by walking a folder (then only likely returns are read).
    pub walked: bool,
}

/// Folders jixiao wrote, never read as returns: the output folder of this run (`skip`), and any
/// folder whose `.jixiao-manifest` says jixiao wrote it (an earlier run's results, templates).
/// A `summary.json` alone marks nothing: a department may send anything.
struct Own {
    skip: Vec<PathBuf>,
}

impl Own {
    fn new(skip: &[PathBuf]) -> Own {
        Own {
            skip: skip
                .iter()
                .filter_map(|p| fs::canonicalize(p).ok())
                .collect(),
        }
    }

    /// What jixiao wrote in `dir`, if it did.
    fn writer(&self, dir: &Path) -> Option<&'static str> {
        if let Ok(c) = fs::canonicalize(dir)
            && self.skip.contains(&c)
        {
            return Some("汇总结果");
        }
        let manifest = crate::output::Manifest::of(dir)?;
        Some(match manifest.writer {
            Some(w) => w.label(),
            None => "汇总结果",
        })
    }
}

/// How deep below an input folder discovery goes; deeper folders are named and skipped.
pub const MAX_DEPTH: usize = 16;

/// One discovery: what was found, what was skipped, and the folders and files already seen
/// (by their canonical path), so that a link loop ends and a linked file is read once.
struct Walk<'a> {
    own: &'a Own,
    files: Vec<Input>,
    problems: Vec<ReadReturn>,
    dirs: std::collections::HashSet<PathBuf>,
    seen: std::collections::HashMap<PathBuf, String>,
}

/// Walks the inputs, leaving out folders jixiao wrote (`skip` and earlier results, one 提示
/// each). Every folder is walked once and every file read once, however many links lead to
/// it (the others are named as skipped); missing inputs and special files come back as
/// findings.
pub fn discover(inputs: &[PathBuf], skip: &[PathBuf]) -> (Vec<Input>, Vec<ReadReturn>) {
    let own = Own::new(skip);
    let mut w = Walk {
        own: &own,
        files: Vec::new(),
        problems: Vec::new(),
        dirs: Default::default(),
        seen: Default::default(),
    };
    for input in inputs {
        let display = display_name(input);
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => w.dir(input, input, 0),
            Ok(m) if m.is_file() => w.file(input.clone(), display, false),
            Ok(_) => w.problems.push(problem(
                input.clone(),
                display,
                Code::NotRegularFile,
                "不是普通文件（设备、管道或套接字），已跳过",
                "请只放入部门报送的文件",
            )),
            Err(e) => w.problems.push(problem(
                input.clone(),
                display,
                Code::Unreadable,
                format!("找不到或无法访问：{}", io_text(&e)),
                "请检查路径是否正确",
            )),
        }
    }
    (w.files, w.problems)
}

fn display_name(p: &Path) -> String {
    p.file_name()
        .map(show_os)
        .unwrap_or_else(|| p.display().to_string())
}

/// A file name for display: as is when it is Unicode; otherwise invalid bytes are shown as
/// `\xNN`, so that two different broken names never look the same.
pub fn show_os(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// A path below `root` as shown: relative, with `/`.
fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| show_os(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

impl Walk<'_> {
    /// A file found: taken unless the same file (by its canonical path) was taken already.
    fn file(&mut self, path: PathBuf, display: String, walked: bool) {
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if let Some(first) = self.seen.get(&key) {
            let msg =
                format!("「{display}」与「{first}」是同一个文件（链接或快捷方式），只读取一次");
            self.problems
                .push(problem(path, display, Code::LinkSkipped, msg, "无需处理"));
            return;
        }
        self.seen.insert(key, display.clone());
        self.files.push(Input {
            path,
            display,
            walked,
        });
    }

    /// A folder at `depth` below `root`: walked unless jixiao wrote it, it was walked already
    /// (a link back up, or two links to one folder), or it lies too deep.
    fn dir(&mut self, root: &Path, dir: &Path, depth: usize) {
        let shown = match relative(root, dir) {
            r if r.is_empty() => display_name(dir),
            r => r,
        };
        if let Some(what) = self.own.writer(dir) {
            self.problems.push(problem(
                dir.to_path_buf(),
                shown.clone(),
                Code::OwnOutput,
                format!("「{shown}」是 jixiao 写出的{what}目录，其中的文件未作为报送读取"),
                "无需处理；汇总结果和模板不要放在报送目录中",
            ));
            return;
        }
        let key = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.dirs.insert(key) {
            self.problems.push(problem(
                dir.to_path_buf(),
                shown.clone(),
                Code::LinkSkipped,
                format!("「{shown}」指向已读取过的目录（链接或快捷方式形成循环或重复），已跳过"),
                "无需处理；如需读取，请把文件直接放入报送目录",
            ));
            return;
        }
        if depth >= MAX_DEPTH {
            self.problems.push(problem(
                dir.to_path_buf(),
                shown.clone(),
                Code::LinkSkipped,
                format!(
                    "「{shown}」位于第 {depth} 层子目录，超过 {MAX_DEPTH} 层，其中的文件未读取"
                ),
                "请把报送文件放在较浅的目录中",
            ));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.problems.push(problem(
                    dir.to_path_buf(),
                    relative(root, dir),
                    Code::Unreadable,
                    format!("无法读取目录：{}", io_text(&e)),
                    "请检查目录权限",
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = display_name(&path);
            if name.starts_with('.')
                || name.eq_ignore_ascii_case("thumbs.db")
                || name.eq_ignore_ascii_case("desktop.ini")
            {
                continue;
            }
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.dir(root, &path, depth + 1),
                Ok(m) if m.is_file() => {
                    let display = relative(root, &path);
                    self.file(path, display, true)
                }
                Ok(_) => self.problems.push(problem(
                    path.clone(),
                    relative(root, &path),
                    Code::NotRegularFile,
                    "不是普通文件（设备、管道或套接字），已跳过",
                    "请只放入部门报送的文件",
                )),
                Err(e) => self.problems.push(problem(
                    path.clone(),
                    relative(root, &path),
                    Code::Unreadable,
                    format!("无法访问：{}（可能是失效的快捷方式或链接）", io_text(&e)),
                    "请检查该文件",
                )),
            }
        }
    }
}
