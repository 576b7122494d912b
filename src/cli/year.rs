//! The year-folder convention: one folder per year holding `评价方案.xlsx`, `模板/` (what
//! `issue` writes), `回收/` (the returns) and `汇总/` (what `collect` writes). Inside such a
//! folder, or given one, the commands need no flags.

use super::UsageError;
use std::path::{Path, PathBuf};

/// The plan's file name in a year folder.
pub const PLAN_FILE: &str = crate::sample::PLAN_FILE;
/// Templates written by `issue`.
pub const TEMPLATES_DIR: &str = "模板";
/// Returns as the departments sent them.
pub const RETURNS_DIR: &str = "回收";
/// What `collect` writes.
pub const RESULTS_DIR: &str = "汇总";

/// A year folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFolder {
    /// The folder.
    pub root: PathBuf,
}

impl YearFolder {
    /// `root/评价方案.xlsx`.
    pub fn plan(&self) -> PathBuf {
        self.root.join(PLAN_FILE)
    }
    /// `root/模板`.
    pub fn templates(&self) -> PathBuf {
        self.root.join(TEMPLATES_DIR)
    }
    /// `root/回收`.
    pub fn returns(&self) -> PathBuf {
        self.root.join(RETURNS_DIR)
    }
    /// `root/汇总`.
    pub fn results(&self) -> PathBuf {
        self.root.join(RESULTS_DIR)
    }

    /// A folder given on the command line as a year folder: it must exist and hold the plan.
    pub fn at(root: &Path) -> Result<Self, UsageError> {
        if !root.is_dir() {
            return Err(UsageError(format!(
                "「{}」既不是子命令（init、new、issue、collect、check、demo），也不是存在的年度文件夹。运行「jixiao --help」查看用法",
                root.display()
            )));
        }
        let year = Self {
            root: root.to_path_buf(),
        };
        if !year.plan().is_file() {
            return Err(UsageError(format!(
                "文件夹 {} 中没有 {PLAN_FILE}，不是年度文件夹。可用「jixiao new 年度」建立年度文件夹",
                root.display()
            )));
        }
        Ok(year)
    }

    /// The folder a command works in when its flags are left out: the plan's folder when
    /// `--plan` is given, else the current folder, which must then hold `评价方案.xlsx`.
    pub fn for_plan(plan: Option<&Path>) -> Result<(PathBuf, Self), UsageError> {
        match plan {
            Some(p) => {
                let root = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                Ok((p.to_path_buf(), Self { root }))
            }
            None => {
                let year = Self {
                    root: PathBuf::from("."),
                };
                if year.plan().is_file() {
                    Ok((year.plan(), year))
                } else {
                    Err(UsageError(format!(
                        "未指定评价方案：请用 --plan 指定方案文件，或在年度文件夹（含 {PLAN_FILE}）中运行"
                    )))
                }
            }
        }
    }
}

/// Checks that every INPUT exists: a mistyped folder is a run error naming it, never an empty
/// collection that reports every department as missing.
pub fn check_inputs(inputs: &[PathBuf]) -> anyhow::Result<()> {
    for input in inputs {
        if let Err(e) = std::fs::symlink_metadata(input) {
            anyhow::bail!(
                "找不到报送文件或目录 {}：{}。请检查路径是否拼写正确",
                input.display(),
                crate::domain::io_text(&e)
            );
        }
    }
    Ok(())
}
