//! The Chinese font the 汇总报告's figures are drawn in: `JIXIAO_FONT`, else the first of the
//! usual system fonts that exists (Windows: 微软雅黑, 黑体, 宋体; Linux: Noto Sans CJK, 文泉驿;
//! macOS: 苹方), read once and handed to `consolidate::report::figures`.

use std::path::PathBuf;

/// Where Chinese fonts usually are.
const CANDIDATES: [&str; 9] = [
    r"C:\Windows\Fonts\msyh.ttc",
    r"C:\Windows\Fonts\simhei.ttf",
    r"C:\Windows\Fonts\simsun.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
];

/// Finds and registers the font; false when there is none (the report then says so).
pub fn prepare(given: Option<PathBuf>) -> bool {
    let paths = given
        .into_iter()
        .chain(CANDIDATES.iter().map(PathBuf::from));
    for p in paths {
        if let Ok(bytes) = std::fs::read(&p) {
            // Registered once for the process, as the plotting library wants it.
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            if crate::consolidate::report::figures::use_font(bytes) {
                return true;
            }
        }
    }
    false
}
