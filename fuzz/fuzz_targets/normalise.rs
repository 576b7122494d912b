//! Text → the value normaliser, target and rule parsers, and scoring against every sample
//! indicator. Scores must stay within 0..=weight.
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
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = jixiao::text::parse_value(text);
    let _ = jixiao::plan::parse_target(text);
    let _ = jixiao::plan::parse_rule(text);
    for ind in plan().indicators.iter().step_by(7) {
        if let Ok(s) = jixiao::score::score_indicator(ind, text, None) {
            assert!(s.score >= rust_decimal_zero() && s.score <= ind.weight);
        }
    }
});

fn rust_decimal_zero() -> jixiao::domain::Score {
    jixiao::domain::Score::ZERO
}
