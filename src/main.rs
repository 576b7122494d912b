//! `jixiao` binary: parse arguments, run the library, map the result to an exit code.

use jixiao::cli::{Exit, UsageError, run, waits_for_key};
use std::io::IsTerminal;

// Reading and writing thousands of workbooks allocates millions of small strings from two
// threads at once; mimalloc does this markedly faster than the system allocators.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = match jixiao::cli::args::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(Exit::Print(text)) => {
            print!("{text}");
            std::process::exit(0);
        }
        Err(Exit::Usage(text)) => {
            eprint!("{text}");
            std::process::exit(2);
        }
    };
    let wait = waits_for_key(&cli);
    let result = run(cli);
    if jixiao::cli::interrupted() {
        // The Ctrl+C handler is removing the staging folders; it reports and exits.
        loop {
            std::thread::park();
        }
    }
    let code = match result {
        Ok(outcome) => outcome.exit_code(),
        Err(e) if e.downcast_ref::<UsageError>().is_some() => {
            eprintln!("错误：{e}");
            2
        }
        Err(e) => {
            eprintln!("错误：{}", jixiao::terminal::error_text(&e));
            1
        }
    };
    // A folder dropped onto jixiao.exe opens a console window that would close at once.
    if wait && std::io::stdin().is_terminal() {
        println!("按回车键关闭窗口……");
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
    std::process::exit(code);
}
