//! `collect`'s 复核 step: the filled 复核表 (given, or the year folder's newest) and `--sample`
//! → the decisions applied to the assessment and the [`ReviewLog`] for the outputs.
//!
//! A review file inside the output folder would be replaced by this run's new 复核表; it is
//! kept, byte for byte, in the new output's `已用复核表/`.

use crate::evaluate::State;
use crate::layout::review::USED_REVIEW_DIR;
use crate::layout::review::{REVIEW_DIR, REVIEW_FILE};
use crate::pipeline::Assessment;
use crate::plan::Plan;
use crate::review::draw::{self, Draw, SampleSize};
use crate::review::{ReviewFile, ReviewFileError, ReviewLog, read_review_file};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Where the filled 复核表 come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewSource {
    /// `--review`, in the order given (each exists).
    Given(Vec<PathBuf>),
    /// The year folder's: the newest filled one among these (which may not exist).
    Newest(Vec<PathBuf>),
}

impl ReviewSource {
    /// The year folder's candidates: every workbook in `复核/`, and the last run's 复核表.
    pub(super) fn of_year(year: &super::YearFolder, output: &Path) -> Self {
        let mut found = vec![output.join(REVIEW_FILE)];
        if let Ok(dir) = std::fs::read_dir(year.root.join(REVIEW_DIR)) {
            let mut files: Vec<PathBuf> = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
                })
                .collect();
            files.sort();
            found.extend(files);
        }
        ReviewSource::Newest(found)
    }
}

/// Reads the review files (from where `reviews` says; one inside `output` is kept), draws
/// for 抽查 when `sample` asks, and applies the decisions.
pub fn apply(
    plan: &Plan,
    assessment: &mut Assessment<'_>,
    (reviews, output, sample): (&ReviewSource, &Path, Option<(SampleSize, Option<u64>)>),
    staging: &Path,
) -> Result<ReviewLog> {
    let (files, draw_from_files) = review_files(plan, reviews)?;
    for (path, _) in &files {
        keep_if_inside_output(path, output, staging)?;
    }
    for (path, f) in &files {
        eprintln!(
            "提示：采用复核表 {}（{} 项复核，{} 行未采用，指纹 {}）",
            path.display(),
            f.decisions.len(),
            f.refused.len(),
            f.fingerprint
        );
    }
    let scored: Vec<_> = assessment
        .evaluations
        .iter()
        .filter(|e| e.state() == State::Scored)
        .map(|e| e.dept().code.clone())
        .collect();
    // A kept draw stays over the departments drawable now (one that cannot be drawn any
    // more is replaced by the next the seed places), and the run says what changed.
    let draw_from_files = draw_from_files.map(|d| {
        say_set_changed(&d, &scored);
        let (kept, gone) = d.kept_for(&scored);
        if !gone.is_empty() && !d.from.is_empty() {
            eprintln!(
                "提示：原抽中的 {} 已不能抽查（未通过审核或未计分），按同一种子补抽 {}",
                codes(&gone),
                codes(
                    &kept
                        .depts
                        .iter()
                        .filter(|c| !d.depts.contains(c))
                        .cloned()
                        .collect::<Vec<_>>()
                )
            );
            kept
        } else {
            d
        }
    });
    let draw = match (draw_from_files, sample) {
        (Some(d), Some(_)) => {
            eprintln!(
                "提示：复核表中已有抽查结果（种子 {}），保留原抽查部门，不重新抽取",
                d.seed
            );
            Some(d)
        }
        (Some(d), None) => Some(d),
        (None, Some((size, seed))) => {
            let seed = seed.unwrap_or_else(random_seed);
            let d = draw::draw(seed, size, &scored);
            eprintln!(
                "抽查：种子 {seed}，从 {} 个已计分部门中抽取 {} 个：{}（用 --seed {seed} 可重现）",
                scored.len(),
                d.depts.len(),
                d.depts
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            );
            Some(d)
        }
        (None, None) => None,
    };
    let files: Vec<ReviewFile> = files.into_iter().map(|(_, f)| f).collect();
    let log = crate::review::apply(plan, &mut assessment.evaluations, files, draw)
        .map_err(|e| anyhow::anyhow!(crate::evaluate::spill_error_text(&e)))?;
    for x in &log.refused {
        eprintln!("复核未采用：{}：{}", x.at, x.why.text());
    }
    Ok(log)
}

/// When the departments a kept draw was made from are not the ones that could be drawn now
/// (a resubmission was sent back, another department's was accepted), the run says so: the
/// departments drawn stay drawn.
fn say_set_changed(d: &Draw, scored: &[crate::domain::DeptCode]) {
    let (joined, left) = d.set_changed(scored);
    if joined.is_empty() && left.is_empty() {
        return;
    }
    let list =
        |v: &[crate::domain::DeptCode]| v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("、");
    let mut what = Vec::new();
    if !joined.is_empty() {
        what.push(format!("新增 {}", list(&joined)));
    }
    if !left.is_empty() {
        what.push(format!("不再可抽 {}", list(&left)));
    }
    eprintln!(
        "提示：抽查（种子 {}）时可抽取的部门有 {} 个，现为 {} 个（{}）；原抽中的部门仍可抽查的保留",
        d.seed,
        d.from.len(),
        scored.len(),
        what.join("，"),
    );
}

/// Department codes joined for a line.
fn codes(v: &[crate::domain::DeptCode]) -> String {
    v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("、")
}

/// Review files with their paths.
type Found = Vec<(PathBuf, ReviewFile)>;

/// The review files to use, and the draw the newest of them holds.
fn review_files(plan: &Plan, source: &ReviewSource) -> Result<(Found, Option<Draw>)> {
    let bytes_of = |p: &Path| -> Result<Vec<u8>> {
        std::fs::read(p)
            .map_err(|e| anyhow::anyhow!(crate::domain::io_text(&e)))
            .with_context(|| format!("无法读取复核表 {}", p.display()))
    };
    let unusable = |p: &Path| format!("复核表 {} 无法使用", p.display());
    let read = |p: &Path| -> Result<ReviewFile> {
        read_review_file(plan, &p.display().to_string(), &bytes_of(p)?).with_context(|| unusable(p))
    };
    match source {
        ReviewSource::Given(paths) => {
            let mut out = Vec::new();
            for p in paths {
                out.push((p.clone(), read(p)?));
            }
            let draw = out.iter().rev().find_map(|(_, f)| f.draw.clone());
            Ok((out, draw))
        }
        ReviewSource::Newest(candidates) => {
            // Files that are not a 复核表 of this year are not the year folder's reviews.
            let mut found: Vec<(std::time::SystemTime, PathBuf, ReviewFile)> = Vec::new();
            for p in candidates.iter().filter(|p| p.is_file()) {
                // A file that is not a 复核表 of this year is another file of the folder; one
                // that is, but cannot be used, stops the run.
                let f = match read_review_file(plan, &p.display().to_string(), &bytes_of(p)?) {
                    Ok(f) => f,
                    Err(ReviewFileError::NotReview(_) | ReviewFileError::WrongYear { .. }) => {
                        continue;
                    }
                    Err(e) => return Err(e).with_context(|| unusable(p)),
                };
                if let Ok(t) = std::fs::metadata(p).and_then(|m| m.modified()) {
                    found.push((t, p.clone(), f));
                }
            }
            found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            let draw = found.iter().rev().find_map(|(_, _, f)| f.draw.clone());
            // Every filled one, oldest first: two reviewers' files are both applied (for the
            // same indicator the newer wins, and the older's row is listed as replaced).
            let filled: Found = found
                .into_iter()
                .filter(|(_, _, f)| !f.decisions.is_empty() || !f.refused.is_empty())
                .map(|(_, p, f)| (p, f))
                .collect();
            Ok((filled, draw))
        }
    }
}

/// A review file inside the output folder is copied into the new output before the old
/// output is replaced.
fn keep_if_inside_output(path: &Path, output: &Path, staging: &Path) -> Result<()> {
    let (Ok(file), Ok(out)) = (path.canonicalize(), output.canonicalize()) else {
        return Ok(());
    };
    if !file.starts_with(&out) {
        return Ok(());
    }
    let bytes = std::fs::read(&file).with_context(|| format!("无法读取 {}", path.display()))?;
    let mut h = crate::domain::Fnv::new();
    h.bytes(&bytes);
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = staging
        .join(USED_REVIEW_DIR)
        .join(format!("{stem}_{}.xlsx", &h.hex()[..8]));
    std::fs::create_dir_all(kept.parent().unwrap_or(staging))
        .with_context(|| format!("无法创建 {}", staging.join(USED_REVIEW_DIR).display()))?;
    crate::output::write_atomic(&kept, &bytes)
        .with_context(|| format!("无法写入 {}", kept.display()))?;
    Ok(())
}

/// A seed when none was given: from the clock, printed so that the draw can be repeated.
fn random_seed() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    (t ^ u64::from(std::process::id()).rotate_left(32)) % 1_000_000
}
