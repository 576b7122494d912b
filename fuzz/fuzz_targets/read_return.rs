//! Bytes → read one return (sniff, guards, workbook reader, identification, validation,
//! scoring). Nothing may panic, hang or allocate without bound.
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
    // libfuzzer-sys aborts on any panic through its hook; while a file is read, the program
    // catches panics instead (see `collect::read_isolated`), so the harness does the same.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let plan = plan();
    // As in `collect::read_all`: a panic while reading one file is caught and becomes a
    // finding (F10). What the fuzzer hunts is what isolation cannot catch: aborts, stack
    // overflows, runaway memory and time, and panics after reading.
    let read = std::panic::catch_unwind(|| jixiao::collect::read_bytes(plan, "fuzz.xlsx", data, false));
    if let Ok(read) = read
        && let jixiao::collect::Intake::Identified(read) = read.into_intake()
        && let Some(dept) = plan.department(&read.dept)
    {
        let inputs = jixiao::validate::validate(plan, dept, &read);
        let _ = jixiao::evaluate::evaluate(plan, inputs, None);
    }
});
