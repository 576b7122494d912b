//! Bytes → read as a filled 复核表 against the sample plan. Nothing may panic; whatever the
//! bytes, the answer is decisions, refused rows or a `ReviewFileError` in Chinese.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static jixiao::plan::Plan {
    static PLAN: OnceLock<jixiao::plan::Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        jixiao::plan::parse("评价方案.xlsx", &jixiao::sample::plan_sheets()).expect("sample plan")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Err(e) = jixiao::review::read_review_file(plan(), "fuzz.xlsx", data) {
        let said = e.to_string();
        assert!(!said.contains("Xml error") && !said.contains("Zip"), "{said}");
    }
});
