//! Isolation: one file's reading runs under `catch_unwind`; a panic inside any library becomes
//! finding F10 for that file, and the batch goes on.

use super::*;

thread_local! {
    /// Set while a worker reads one file: a panic there is caught and becomes a finding, so
    /// the default hook's message and backtrace would only alarm the user.
    pub(super) static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs (once) a panic hook that stays quiet for panics caught while reading a file and
/// defers to the previous hook for everything else.
fn quiet_panics_while_reading() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !READING.with(|r| r.get()) {
                previous(info);
            }
        }));
    });
}

/// Reads and identifies one input with its work isolated: a panic inside any library while
/// reading it becomes finding F10 for that file, and the batch goes on.
pub fn read_isolated(plan: &Plan, input: &Input) -> Vec<ReadReturn> {
    identify_isolated(plan, input, read_unidentified(input))
}

/// [`read_isolated`] without the plan: the returns in one input, read but not identified.
pub fn read_unidentified(input: &Input) -> Vec<ReadReturn> {
    isolate(input, || read_one(input))
}

/// Identifies the returns [`read_unidentified`] read from one input, isolated the same way.
pub fn identify_isolated(plan: &Plan, input: &Input, read: Vec<ReadReturn>) -> Vec<ReadReturn> {
    isolate(input, move || {
        let mut read = read;
        for r in &mut read {
            r.identify(plan);
        }
        read
    })
}

/// Runs one file's work; a panic becomes finding F10 for that file.
pub(super) fn isolate(input: &Input, work: impl FnOnce() -> Vec<ReadReturn>) -> Vec<ReadReturn> {
    catch_quietly(work).unwrap_or_else(|what| {
        vec![problem(
            input.path.clone(),
            input.display.clone(),
            Code::InternalError,
            format!("读取该文件时程序内部出错（{what}），其他文件不受影响"),
            "请把该文件另存为 .xlsx 后重新报送；如仍出错，请把文件发给技术支持",
        )]
    })
}

/// Runs `work` on this thread with a panic inside it caught and kept off the terminal: `Err`
/// holds the first line of the panic's message, for the caller to turn into Chinese words.
pub fn catch_quietly<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    quiet_panics_while_reading();
    let was = READING.with(|r| r.replace(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    READING.with(|r| r.set(was));
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        what.lines().next().unwrap_or("").to_string()
    })
}

/// Reads and identifies every input in parallel; `tick` is called once per file.
pub fn read_all(plan: &Plan, inputs: &[Input], tick: &(dyn Fn() + Sync)) -> Vec<ReadReturn> {
    let per_file: Vec<Vec<ReadReturn>> = inputs
        .par_iter()
        .map(|input| {
            let r = read_isolated(plan, input);
            tick();
            r
        })
        .collect();
    per_file.into_iter().flatten().collect()
}
