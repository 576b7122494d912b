//! Bytes → read as a saved message, a mailbox and a ZIP archive (mail inside mail, archives
//! inside archives, entries that lie about their size or cannot be opened). Nothing may
//! panic, hang or inflate past the input's budget.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let budget = jixiao::collect::guard::Budget::default();
    let _ = std::panic::catch_unwind(|| {
        let _ = jixiao::collect::mail::read_eml("fuzz.eml", data, &budget);
        let _ = jixiao::collect::mail::read_zip("fuzz.zip", data, None, 1, &budget);
        let _ = jixiao::collect::mail::read_mbox("fuzz.mbox", data);
    });
});
