//! `jixiao` binary: parse arguments, run the library, map the result to an exit code.

use clap::Parser;
use jixiao::cli::{Cli, run};

// Reading and writing thousands of workbooks allocates millions of small strings from two
// threads at once; mimalloc does this markedly faster than the system allocators.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(e) => {
            eprintln!("错误：{}", jixiao::report::error_text(&e));
            1
        }
    };
    std::process::exit(code);
}
