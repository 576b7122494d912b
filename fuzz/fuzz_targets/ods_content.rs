//! Bytes → the content.xml of an .ods return, packed as a real ODS and read like
//! `read_return` reads a file. libFuzzer mutates the XML itself here, which it cannot reach
//! through a compressed container; the ODS guard and calamine's ODS reader are the targets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::sync::OnceLock;

fn plan() -> &'static jixiao::plan::Plan {
    static PLAN: OnceLock<jixiao::plan::Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        jixiao::plan::parse("评价方案.xlsx", &jixiao::sample::plan_sheets()).expect("sample plan")
    })
}

fn ods(content: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default();
        let _ = w.start_file("mimetype", stored);
        let _ = w.write_all(b"application/vnd.oasis.opendocument.spreadsheet");
        let _ = w.start_file("content.xml", deflated);
        let _ = w.write_all(content);
        let _ = w.finish();
    }
    buf.into_inner()
}

fuzz_target!(|data: &[u8]| {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let plan = plan();
    let bytes = ods(data);
    let read = std::panic::catch_unwind(|| jixiao::collect::read_bytes(plan, "fuzz.ods", &bytes, false));
    if let Ok(read) = read
        && let jixiao::collect::Intake::Identified(read) = read.into_intake()
        && let Some(dept) = plan.department(&read.dept)
    {
        let inputs = jixiao::validate::validate(plan, dept, &read);
        let _ = jixiao::evaluate::evaluate(plan, inputs);
    }
});
