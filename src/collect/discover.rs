//! Discovery: INPUT paths → the files to read, in name order, leaving out folders jixiao
//! wrote (this run's output, earlier results); what cannot be read is a finding, not dropped.

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
/// folder holding a `summary.json` that jixiao wrote (an earlier run's results).
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

    fn contains(&self, dir: &Path) -> bool {
        if let Ok(c) = fs::canonicalize(dir)
            && self.skip.contains(&c)
        {
            return true;
        }
        written_by_jixiao(&dir.join(OWN_MARKER))
    }
}

/// The file whose presence (written by jixiao) marks a folder of jixiao's results.
pub const OWN_MARKER: &str = crate::layout::consolidated::SUMMARY_FILE;

/// Whether `path` is a summary.json that jixiao wrote.
fn written_by_jixiao(path: &Path) -> bool {
    use std::io::Read;
    let Ok(f) = fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(1024);
    if f.take(1024).read_to_end(&mut head).is_err() {
        return false;
    }
    String::from_utf8_lossy(&head).contains("\"generated_by\": \"jixiao")
}

/// Walks the inputs, leaving out folders jixiao wrote (`skip` and earlier results, one 提示
/// each). Missing inputs and special files come back as findings.
pub fn discover(inputs: &[PathBuf], skip: &[PathBuf]) -> (Vec<Input>, Vec<ReadReturn>) {
    let own = Own::new(skip);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let display = display_name(input);
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(&own, input, input, &mut files, &mut problems),
            Ok(m) if m.is_file() => files.push(Input {
                path: input.clone(),
                display,
                walked: false,
            }),
            Ok(_) => problems.push(problem(
                input.clone(),
                display,
                Code::NotRegularFile,
                "不是普通文件（设备、管道或套接字），已跳过",
                "请只放入部门报送的文件",
            )),
            Err(e) => problems.push(problem(
                input.clone(),
                display,
                Code::Unreadable,
                format!("找不到或无法访问：{}", io_text(&e)),
                "请检查路径是否正确",
            )),
        }
    }
    (files, problems)
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

fn walk(
    own: &Own,
    root: &Path,
    dir: &Path,
    files: &mut Vec<Input>,
    problems: &mut Vec<ReadReturn>,
) {
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .components()
            .map(|c| show_os(c.as_os_str()))
            .collect::<Vec<_>>()
            .join("/")
    };
    if own.contains(dir) {
        let shown = match rel(dir) {
            r if r.is_empty() => display_name(dir),
            r => r,
        };
        problems.push(problem(
            dir.to_path_buf(),
            shown.clone(),
            Code::OwnOutput,
            format!("「{shown}」是 jixiao 写出的汇总结果目录，其中的文件未作为报送读取"),
            "无需处理；汇总结果不要放在报送目录中",
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(problem(
                dir.to_path_buf(),
                rel(dir),
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
            Ok(m) if m.is_dir() => walk(own, root, &path, files, problems),
            Ok(m) if m.is_file() => files.push(Input {
                display: rel(&path),
                path,
                walked: true,
            }),
            Ok(_) => problems.push(problem(
                path.clone(),
                rel(&path),
                Code::NotRegularFile,
                "不是普通文件（设备、管道或套接字），已跳过",
                "请只放入部门报送的文件",
            )),
            Err(e) => problems.push(problem(
                path.clone(),
                rel(&path),
                Code::Unreadable,
                format!("无法访问：{}（可能是失效的快捷方式或链接）", io_text(&e)),
                "请检查该文件",
            )),
        }
    }
}
