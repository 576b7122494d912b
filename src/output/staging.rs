//! All or nothing, and nothing a person wrote is lost: a run writes its whole output into a
//! staging folder beside the output folder (same volume), and only a complete run replaces
//! the output with it.
//!
//! - [`Staging::begin`] refuses a folder that another command wrote (templates are not
//!   results; a folder of the user's own files is written into beside them), follows a link to
//!   the folder it names, takes the output's operating-system lock ([`super::lock`]), mends
//!   what a killed run left (its staging folder is removed; a half-done swap is finished), and
//!   creates the staging folder.
//! - The run writes into [`Staging::dir`].
//! - [`Staging::commit`] swaps the folders by two renames and carries over everything that is
//!   not jixiao's unedited output: the user's own files, files jixiao wrote that a person has
//!   edited since (their digest in the manifest no longer matches) and the parts the run left
//!   alone (`报告/` without `--report`). An edited file the new run writes again is kept beside
//!   it in `已编辑/`; the run says so.
//! - Dropping an uncommitted `Staging` (an error, Ctrl+C) removes the staging folder: the
//!   previous result stays as it was.

use super::lock::{Lock, LockError};
use super::manifest::{MANIFEST, Manifest, Writer};
use std::fs;
use std::path::{Path, PathBuf};

/// Why a run could not start or finish its output.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// Another run holds the output.
    #[error("另一个 jixiao 正在写入 {}（{holder}），请等它结束后再运行；如确定没有在运行，请删除 {}", path.display(), lock.display())]
    Busy {
        /// The output folder.
        path: PathBuf,
        /// Who holds it, as its lock says.
        holder: String,
        /// The lock file.
        lock: PathBuf,
    },
    /// The file system refused.
    #[error("无法写入输出目录 {}：{}", path.display(), crate::domain::io_text(error))]
    Io {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The output path is a file.
    #[error("输出路径 {} 是一个文件，不是目录；请换一个目录名", path.display())]
    NotADirectory {
        /// The path.
        path: PathBuf,
    },
    /// The folder holds another command's output.
    #[error("输出目录 {} 中是 jixiao 写出的{found}，不能写入{label}；请指定另一个目录", path.display())]
    OtherWriter {
        /// The folder.
        path: PathBuf,
        /// What it holds.
        found: &'static str,
        /// What this run writes.
        label: &'static str,
    },
    /// The output would replace the disk's root, the current folder or one above it.
    #[error(
        "不能把 {} 作为输出目录（{why}）：jixiao 会整体替换输出目录；请指定一个新的子目录，如 -o 汇总",
        path.display()
    )]
    Unsuitable {
        /// The path given.
        path: PathBuf,
        /// Why, in Chinese.
        why: &'static str,
    },
    /// The output is, or holds, a folder the run reads from.
    #[error("输出目录 {} {how}{what} {}，写入会替换其中的文件；请指定另一个输出目录", output.display(), other.display())]
    Overlap {
        /// The output folder.
        output: PathBuf,
        /// `就是` or `包含`.
        how: &'static str,
        /// What the other folder is (报送目录, 模板目录 …).
        what: String,
        /// The other folder.
        other: PathBuf,
    },
}

/// Refuses an output folder that is, or contains, one of `others` ((what it is, path)): a
/// run must never replace the files it reads or the templates it issued.
pub fn refuse_overlap(output: &Path, others: &[(&str, &Path)]) -> Result<(), StageError> {
    unsuitable(output)?;
    let out = absolute(output);
    for (what, other) in others {
        let o = absolute(other);
        let how = if o == out {
            "就是"
        } else if o.starts_with(&out) {
            "包含"
        } else {
            continue;
        };
        return Err(StageError::Overlap {
            output: output.to_path_buf(),
            how,
            what: (*what).to_string(),
            other: other.to_path_buf(),
        });
    }
    Ok(())
}

/// A path made absolute and, as far as it exists, with its links resolved.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(parent), Some(name)) => absolute(parent).join(name),
        _ => abs,
    }
}

/// Staging folders of the runs in progress and the output each will become, for
/// [`abandon_all`] and [`shown`].
static ACTIVE: std::sync::Mutex<Vec<(PathBuf, PathBuf)>> = std::sync::Mutex::new(Vec::new());

/// A path as the user should see it: inside a staging folder, the same path in the output
/// folder it will become (an error never names jixiao's internal folders).
pub fn shown(path: &Path) -> PathBuf {
    let active = match ACTIVE.lock() {
        Ok(a) => a.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for (dir, target) in active {
        if let Ok(rest) = path.strip_prefix(&dir) {
            return target.join(rest);
        }
    }
    path.to_path_buf()
}

/// Held while a run swaps its output in, and forever once Ctrl+C is being handled: a swap
/// and an interruption never overlap, and no swap starts after one.
static SWAP: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Set (before any staging folder is removed) once Ctrl+C is being handled.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether any run of this process has swapped its output in.
static SWAPPED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// How often [`abandon_all`] tries to remove a staging folder that workers still write into.
const REMOVE_ATTEMPTS: usize = 20;

/// What [`abandon_all`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abandoned {
    /// No output was replaced: every previous result stays as it was.
    Nothing,
    /// A run had already swapped its complete output in before the interruption.
    AfterSwap,
}

/// Removes every staging folder of this process (on Ctrl+C, before exiting): the previous
/// results stay as they were (the locks go with the process). Waits for a swap in progress
/// to finish and keeps any later one from starting; from the first step on, [`stopping`]
/// is true, so that an error the removal causes in the run is known for what it is.
pub fn abandon_all() -> Abandoned {
    let guard = match SWAP.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
    // The process ends after this: no swap may start in the meantime.
    std::mem::forget(guard);
    let active = match ACTIVE.lock() {
        Ok(a) => a.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for (dir, _) in active {
        // A worker still writing may add a file while the folder is removed: try again (a
        // folder that still cannot go is removed by the next run, which says so).
        for _ in 0..REMOVE_ATTEMPTS {
            if !dir.exists() || fs::remove_dir_all(&dir).is_ok() {
                break;
            }
        }
    }
    if SWAPPED.load(std::sync::atomic::Ordering::SeqCst) {
        Abandoned::AfterSwap
    } else {
        Abandoned::Nothing
    }
}

/// Whether Ctrl+C is being handled: the run's own errors from then on are the interruption's
/// doing and are not reported (the handler says what happened and ends the process).
pub fn stopping() -> bool {
    STOPPING.load(std::sync::atomic::Ordering::SeqCst)
}

fn register(dir: &Path, target: &Path, active: bool) {
    let mut a = match ACTIVE.lock() {
        Ok(a) => a,
        Err(poisoned) => poisoned.into_inner(),
    };
    a.retain(|(d, _)| d != dir);
    if active {
        a.push((dir.to_path_buf(), target.to_path_buf()));
    }
}

/// A run's staging folder for one output folder.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Held while the run lasts; the operating system releases it however the run ends.
    _lock: Lock,
    writer: Writer,
    committed: bool,
    /// What was mended from an earlier run or kept of a person's work, for 提示 lines.
    pub notes: Vec<String>,
}

/// Refuses an output folder that cannot be swapped: the root of a disk, the current folder
/// (`-o .`) or a folder above it (`-o ..`).
fn unsuitable(target: &Path) -> Result<(), StageError> {
    let refuse = |why| {
        Err(StageError::Unsuitable {
            path: target.to_path_buf(),
            why,
        })
    };
    let full = absolute(target);
    if full.parent().is_none() || full.file_name().is_none() {
        return refuse("这是磁盘的根目录");
    }
    if let Ok(cwd) = std::env::current_dir().map(|c| absolute(&c)) {
        if cwd == full {
            return refuse("这是当前目录");
        }
        if cwd.starts_with(&full) {
            return refuse("这是当前目录的上级目录");
        }
    }
    Ok(())
}

/// `.{name}.jixiao-{what}` beside the output folder: its lock and staging folders.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    parent.join(format!(".{name}.jixiao-{what}"))
}

/// Refuses a folder that another command wrote (templates are not results). A folder of the
/// user's own files (no manifest) is written into beside them: none of them is ever removed.
fn refuse_foreign(target: &Path, writer: Writer) -> Result<(), StageError> {
    match Manifest::of(target).and_then(|m| m.writer) {
        Some(w) if w != writer => Err(StageError::OtherWriter {
            path: target.to_path_buf(),
            found: w.label(),
            label: writer.label(),
        }),
        _ => Ok(()),
    }
}

impl Staging {
    /// Checks `target`, takes its lock, mends leftovers of a killed run, creates the staging
    /// folder. `holder` says who this run is (shown to a second run); `writer` is the command
    /// whose output the folder holds.
    pub fn begin(target: &Path, holder: &str, writer: Writer) -> Result<Self, StageError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StageError::Io { path, error }
        };
        // A link to a folder: the folder it names is the output (never replaced by a folder of
        // our own that would hide the user's files).
        let target = match fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
            }
            _ => target.to_path_buf(),
        };
        let target = target.as_path();
        unsuitable(target)?;
        if target.is_file() {
            return Err(StageError::NotADirectory {
                path: target.to_path_buf(),
            });
        }
        refuse_foreign(target, writer)?;
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let lock_path = sibling(target, "lock");
        let lock = match Lock::take(&lock_path, holder) {
            Ok(l) => l,
            Err(LockError::Held(holder)) => {
                return Err(StageError::Busy {
                    path: target.to_path_buf(),
                    holder,
                    lock: lock_path,
                });
            }
            Err(LockError::Io(e)) => return Err(io(&lock_path)(e)),
        };
        let pid = std::process::id();
        let mut staging = Self {
            target: target.to_path_buf(),
            dir: sibling(target, &format!("new-{pid}")),
            old: sibling(target, &format!("old-{pid}")),
            _lock: lock,
            writer,
            committed: false,
            notes: Vec::new(),
        };
        register(&staging.dir, &staging.target, true);
        staging.mend()?;
        fs::create_dir_all(&staging.dir).map_err(io(&staging.dir))?;
        Ok(staging)
    }

    /// Mends what a killed run left beside the output (this run holds the lock, so no live
    /// run owns them): staging folders are removed; an old output left by a swap that stopped
    /// halfway is put back, or what must be kept of it is carried into the new one.
    fn mend(&mut self) -> Result<(), StageError> {
        let parent = self.target.parent().filter(|p| !p.as_os_str().is_empty());
        let parent = parent
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let prefix = sibling(&self.target, "")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(entries) = fs::read_dir(&parent) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(&prefix) else {
                continue;
            };
            let path = entry.path();
            let io = |error| StageError::Io {
                path: path.clone(),
                error,
            };
            if rest.starts_with("new-") {
                fs::remove_dir_all(&path).map_err(io)?;
                self.notes
                    .push("已删除上次中断的运行留下的临时目录，上次完整的结果未受影响".into());
            } else if rest.starts_with("old-") {
                if self.target.exists() {
                    let carried = Manifest::of(&self.target)
                        .map(|m| m.carried)
                        .unwrap_or_default();
                    let kept = carry(&path, &self.target, &carried).map_err(io)?;
                    self.notes.extend(kept);
                    fs::remove_dir_all(&path).map_err(io)?;
                } else {
                    fs::rename(&path, &self.target).map_err(io)?;
                }
                self.notes
                    .push("上次运行在替换结果时中断，已恢复为完整的结果".into());
            }
        }
        Ok(())
    }

    /// The folder this run writes into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The output folder the run replaces.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Replaces the output with what this run wrote. `carried` are the parts (`报告/`) this
    /// run left alone: an earlier run's files there stay as they were. Gives a line for each
    /// file a person edited that was kept.
    pub fn commit(mut self, carried: &[&str]) -> Result<Vec<String>, StageError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StageError::Io { path, error }
        };
        // Blocks for good once Ctrl+C is being handled (the process is ending): nothing is
        // written into the staging folder while it is removed.
        let _swap = match SWAP.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let carried: Vec<String> = carried.iter().map(|c| c.to_string()).collect();
        // The manifest of this run (the carried parts' lines come with them, below).
        let mut written = Vec::new();
        list_files(&self.dir, &self.dir, &mut written).map_err(io(&self.dir))?;
        let mut manifest = Manifest {
            writer: Some(self.writer),
            carried: carried.clone(),
            ..Manifest::default()
        };
        for w in written {
            let bytes = fs::read(self.dir.join(&w)).map_err(io(&self.dir))?;
            manifest
                .files
                .insert(w, Some(crate::domain::content_digest(&bytes)));
        }
        // A carried part's files stay listed with the digest jixiao wrote, so that one a
        // person edited is still known as edited when a later run replaces the part.
        if let Some(old) = Manifest::of(&self.target) {
            for (path, digest) in &old.files {
                if carried.iter().any(|c| path.starts_with(c.as_str()))
                    && !manifest.files.contains_key(path)
                {
                    manifest.files.insert(path.clone(), digest.clone());
                }
            }
        }
        fs::write(self.dir.join(MANIFEST), manifest.text()).map_err(io(&self.dir))?;
        let mut kept = Vec::new();
        if self.target.exists() {
            fs::rename(&self.target, &self.old).map_err(io(&self.target))?;
            fs::rename(&self.dir, &self.target).map_err(io(&self.target))?;
            kept = carry(&self.old, &self.target, &carried).map_err(io(&self.old))?;
            fs::remove_dir_all(&self.old).map_err(io(&self.old))?;
        } else {
            fs::rename(&self.dir, &self.target).map_err(io(&self.target))?;
        }
        self.committed = true;
        SWAPPED.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(kept)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        register(&self.dir, &self.target, false);
    }
}

/// Every file below `dir`, as paths relative to `root` with `/`.
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_files(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// The folder a kept edited file goes to, beside the file the new run wrote.
pub const EDITED_DIR: &str = "已编辑";

/// Carries from the old output `old` into the new one `new` everything that is not jixiao's
/// unedited output: the user's own files, files jixiao wrote that were edited since, and
/// every file under the `carried` parts. A file the new run wrote under the same name (with
/// other bytes) pushes the old one into `已编辑/` beside it. Gives a line for each edited
/// file kept.
fn carry(old: &Path, new: &Path, carried: &[String]) -> std::io::Result<Vec<String>> {
    let manifest = Manifest::of(old).unwrap_or_default();
    let mut files = Vec::new();
    list_files(old, old, &mut files)?;
    let mut notes = Vec::new();
    for rel in files {
        if rel == MANIFEST {
            continue;
        }
        let ours = manifest.files.contains_key(&rel);
        let unedited = manifest.unedited(old, &rel);
        let in_carried = carried.iter().any(|c| rel.starts_with(c.as_str()));
        if ours && unedited && !in_carried {
            continue;
        }
        let from = old.join(&rel);
        let to = new.join(&rel);
        if to.exists() {
            if fs::read(&from)? == fs::read(&to)? {
                continue;
            }
            let kept = kept_name(new, &rel);
            move_file(&from, &new.join(&kept))?;
            let what = if ours {
                "上次运行后被修改过"
            } else {
                "与本次写出的文件同名"
            };
            notes.push(format!("{rel} {what}，已保留为 {kept}"));
            continue;
        }
        if move_file(&from, &to).is_err() {
            // The file clashes with a folder of this run's output: it is kept beside it under
            // the top-level name with （原有） added, never lost.
            let top = rel.split('/').next().unwrap_or(&rel);
            let kept = new.join(format!("{top}（原有）"));
            if !kept.exists() {
                fs::rename(old.join(top), &kept)?;
            }
        } else if ours && !unedited && !in_carried {
            notes.push(format!("{rel} 在上次运行后被修改过，已保留"));
        }
    }
    Ok(notes)
}

/// `报告/已编辑/x.docx`, or `…/x（2）.docx` when that is taken.
fn kept_name(new: &Path, rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/{EDITED_DIR}"), n.to_string()),
        None => (EDITED_DIR.to_string(), rel.to_string()),
    };
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    let mut k = 1;
    loop {
        let candidate = if k == 1 {
            format!("{dir}/{stem}{ext}")
        } else {
            format!("{dir}/{stem}（{k}）{ext}")
        };
        if !new.join(&candidate).exists() {
            return candidate;
        }
        k += 1;
    }
}

/// Moves a file, creating the folder it goes to.
fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<String> {
        let mut v = Vec::new();
        list_files(dir, dir, &mut v).unwrap();
        v.sort();
        v
    }

    fn run(out: &Path, files: &[(&str, &str)], carried: &[&str]) -> Vec<String> {
        let s = Staging::begin(out, "测试", Writer::Collect).unwrap();
        for (rel, text) in files {
            let p = s.dir().join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        s.commit(carried).unwrap()
    }

    /// What lies beside the output: only its lock.
    fn beside(root: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn an_error_inside_the_staging_folder_names_the_output() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("模板");
        let s = Staging::begin(&out, "测试", Writer::Issue).unwrap();
        let inside = s.dir().join("2021_001_市应急管理局.xlsx");
        assert_eq!(
            shown(&inside),
            s.target().join("2021_001_市应急管理局.xlsx")
        );
        let e = crate::output::OutputError::Write {
            path: inside,
            error: std::io::Error::from(std::io::ErrorKind::InvalidFilename),
        };
        assert!(!e.to_string().contains("jixiao-new"), "{e}");
        drop(s);
        let later = root.path().join(".模板.jixiao-new-1/a.xlsx");
        assert_eq!(shown(&later), later, "a run that ended maps nothing");
    }

    #[test]
    fn a_complete_run_replaces_the_output_and_keeps_the_users_files() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        run(
            &out,
            &[
                ("summary.json", "one"),
                ("审核意见/001_甲.txt", "a"),
                ("审核意见/002_乙.txt", "b"),
            ],
            &[],
        );
        fs::write(out.join("处长的备注.txt"), "mine").unwrap();
        run(
            &out,
            &[("summary.json", "two"), ("审核意见/001_甲.txt", "a2")],
            &[],
        );
        assert_eq!(
            tree(&out),
            [
                MANIFEST,
                "summary.json",
                "处长的备注.txt",
                "审核意见/001_甲.txt"
            ],
            "002's letter of the earlier run is gone, the user's note stays"
        );
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "two");
        assert_eq!(beside(root.path()), [".汇总.jixiao-lock", "汇总"]);
    }

    #[test]
    fn what_a_person_edited_is_kept_and_a_carried_part_stays() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        run(
            &out,
            &[
                ("summary.json", "one"),
                ("审核意见/001_甲.txt", "letter"),
                ("报告/甲.docx", "draft"),
                ("报告/乙.docx", "draft2"),
            ],
            &[],
        );
        // An officer edits a draft and a letter.
        fs::write(out.join("报告/甲.docx"), "draft, edited").unwrap();
        fs::write(out.join("审核意见/001_甲.txt"), "letter, edited").unwrap();
        // A run without --report: 报告/ stays as it is.
        let notes = run(
            &out,
            &[("summary.json", "two"), ("审核意见/001_甲.txt", "letter 2")],
            &["报告/"],
        );
        assert_eq!(
            fs::read_to_string(out.join("报告/甲.docx")).unwrap(),
            "draft, edited"
        );
        assert_eq!(
            fs::read_to_string(out.join("报告/乙.docx")).unwrap(),
            "draft2"
        );
        assert_eq!(
            fs::read_to_string(out.join("审核意见/已编辑/001_甲.txt")).unwrap(),
            "letter, edited"
        );
        assert_eq!(
            fs::read_to_string(out.join("审核意见/001_甲.txt")).unwrap(),
            "letter 2"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("审核意见/已编辑/001_甲.txt")),
            "{notes:?}"
        );
        // A run with --report writes the drafts again: the edited one is kept beside.
        let notes = run(
            &out,
            &[
                ("summary.json", "three"),
                ("报告/甲.docx", "draft 3"),
                ("报告/乙.docx", "draft 3b"),
            ],
            &[],
        );
        assert_eq!(
            fs::read_to_string(out.join("报告/已编辑/甲.docx")).unwrap(),
            "draft, edited"
        );
        assert_eq!(
            fs::read_to_string(out.join("报告/甲.docx")).unwrap(),
            "draft 3"
        );
        assert_eq!(
            fs::read_to_string(out.join("报告/乙.docx")).unwrap(),
            "draft 3b"
        );
        assert!(
            notes.iter().any(|n| n.contains("报告/已编辑/甲.docx")),
            "{notes:?}"
        );
        // The earlier edited letter is the user's own now and stays.
        assert!(out.join("审核意见/已编辑/001_甲.txt").exists());
    }

    #[test]
    fn a_folder_of_other_files_keeps_them_and_another_command_s_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let year = root.path().join("2025");
        fs::create_dir_all(year.join("回收")).unwrap();
        fs::write(year.join("回收/甲.xlsx"), "a return").unwrap();
        fs::write(year.join("notes.tmp.txt"), "mine").unwrap();
        fs::write(year.join("summary.json"), "someone else's").unwrap();
        // Written beside them, never cleared: no manifest, so nothing is jixiao's.
        let notes = run(&year, &[("summary.json", "ours"), ("汇总.xlsx", "x")], &[]);
        assert_eq!(
            fs::read_to_string(year.join("回收/甲.xlsx")).unwrap(),
            "a return"
        );
        assert_eq!(
            fs::read_to_string(year.join("notes.tmp.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(year.join("已编辑/summary.json")).unwrap(),
            "someone else's"
        );
        assert!(
            notes.iter().any(|n| n.contains("已编辑/summary.json")),
            "{notes:?}"
        );
        let templates = root.path().join("模板");
        let s = Staging::begin(&templates, "测试", Writer::Issue).unwrap();
        fs::write(s.dir().join("甲.xlsx"), "template").unwrap();
        s.commit(&[]).unwrap();
        let e = Staging::begin(&templates, "测试", Writer::Collect)
            .unwrap_err()
            .to_string();
        assert!(e.contains("是 jixiao 写出的模板，不能写入汇总结果"), "{e}");
        let e = refuse_overlap(&year, &[("报送目录", &year.join("回收"))])
            .unwrap_err()
            .to_string();
        assert!(e.contains("包含报送目录"), "{e}");
        assert!(
            refuse_overlap(
                &root.path().join("汇总"),
                &[("报送目录", &year.join("回收"))]
            )
            .is_ok()
        );
    }

    #[test]
    fn a_second_run_is_refused_while_one_runs() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        run(&out, &[("summary.json", "one")], &[]);
        let s = Staging::begin(&out, "第一次", Writer::Collect).unwrap();
        fs::write(s.dir().join("summary.json"), "half").unwrap();
        let second = Staging::begin(&out, "第二次", Writer::Collect)
            .unwrap_err()
            .to_string();
        assert!(
            second.contains("另一个 jixiao 正在写入") && second.contains("第一次"),
            "{second}"
        );
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        assert_eq!(beside(root.path()), [".汇总.jixiao-lock", "汇总"]);
    }

    #[test]
    fn leftovers_of_a_killed_run_are_mended() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("汇总");
        run(&out, &[("summary.json", "one")], &[]);
        // A killed run's staging folder (its lock went with it).
        let dead = sibling(&out, "new-999999");
        fs::create_dir_all(&dead).unwrap();
        fs::write(dead.join("summary.json"), "half").unwrap();
        let s = Staging::begin(&out, "测试", Writer::Collect).unwrap();
        assert_eq!(s.notes.len(), 1, "{:?}", s.notes);
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        // A swap killed between its two renames: the old output is put back.
        fs::rename(&out, sibling(&out, "old-999999")).unwrap();
        let s = Staging::begin(&out, "测试", Writer::Collect).unwrap();
        drop(s);
        assert_eq!(fs::read_to_string(out.join("summary.json")).unwrap(), "one");
        assert_eq!(beside(root.path()), [".汇总.jixiao-lock", "汇总"]);
    }
}
