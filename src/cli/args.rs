//! What the command line said: clap derive `Args` per subcommand, with Chinese help.
//!
//! Nothing here is checked beyond what clap checks; each command module turns these into the
//! checked configs the commands run on. [`parse`] renders help, usage and clap's own errors in
//! Chinese (clap's English headings and messages never reach a user).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

/// 部门整体支出绩效自评价：下发模板、回收、审核、计分、汇总。
#[derive(Debug, Parser)]
#[command(
    name = "jixiao",
    version,
    long_about = None,
    args_conflicts_with_subcommands = true,
    after_help = "示例：\n  jixiao new 2024                 建立 2024 年度文件夹（内含评价方案.xlsx）\n  cd 2024 && jixiao issue         生成各部门模板，写入 模板/\n  jixiao collect                  （在年度文件夹中）回收 回收/ 中的报送，写入 汇总/\n  jixiao 2024                     对年度文件夹 2024 运行 collect（把文件夹拖到 jixiao.exe 上也一样）\n  jixiao demo                     用内置示例完整演示一遍"
)]
pub struct Cli {
    /// 子命令
    #[command(subcommand)]
    pub command: Option<Command>,
    /// 年度文件夹（只给出文件夹时，对它运行 collect）
    #[arg(value_name = "年度文件夹")]
    pub folder: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成评价方案（内置示例数据），供财政局修改后使用
    #[command(
        after_help = "示例：\n  jixiao init -o 评价方案.xlsx\n  jixiao init -o 评价方案.xlsx --force    覆盖已有文件"
    )]
    Init(InitArgs),
    /// 建立一个年度文件夹：评价方案.xlsx、模板/、回收/、汇总/
    #[command(
        after_help = "示例：\n  jixiao new 2024\n  然后把 2024/评价方案.xlsx 改成本年度的方案，在 2024 文件夹中运行 jixiao issue"
    )]
    New(NewArgs),
    /// 按评价方案为每个部门生成自评表模板
    #[command(
        after_help = "示例：\n  jixiao issue --plan 评价方案.xlsx -o 模板\n  jixiao issue                            （在年度文件夹中：评价方案.xlsx → 模板/）"
    )]
    Issue(IssueArgs),
    /// 读取部门报送的自评表，审核、计分并生成汇总表
    #[command(
        after_help = "示例：\n  jixiao collect --plan 评价方案.xlsx -o 汇总 回收\n  jixiao collect --plan 评价方案.xlsx -o 汇总 收件箱.mbox 附件.zip\n  jixiao collect                          （在年度文件夹中：回收/ → 汇总/）"
    )]
    Collect(CollectArgs),
    /// 只审核、计分并显示问题，不写任何文件
    #[command(
        after_help = "示例：\n  jixiao check --plan 评价方案.xlsx 回收\n  jixiao check                            （在年度文件夹中：检查 回收/）"
    )]
    Check(CheckArgs),
    /// 逐封发送一个文件夹中的邮件（.eml）；已发送的记在文件夹的 发送记录.tsv 中，不会重复发送
    #[command(
        after_help = "示例：\n  jixiao send 发件箱 --smtp smtps://jxk%40czj.gov.cn@smtp.example.cn\n  jixiao send 汇总/审核意见 --smtp smtps://jxk@smtp.example.cn:465 --dry-run\n\n密码取自环境变量 JIXIAO_SMTP_PASSWORD；没有设置时在命令行窗口中输入（不显示）。\n用户名中的 @ 写作 %40。不加密的 smtp:// 只能连接本机。"
    )]
    Send(SendArgs),
    /// 从邮箱收取带附件的邮件，存为 .eml 供 collect 读取（只读：不删除、不移动、不标记邮件）
    #[command(
        after_help = "示例：\n  jixiao fetch --imap imaps://jxk%40czj.gov.cn@imap.example.cn/INBOX -o 回收\n  jixiao fetch --imap imaps://jxk@imap.example.cn/绩效自评 --since 2024-05-01\n\n密码取自环境变量 JIXIAO_IMAP_PASSWORD；没有设置时在命令行窗口中输入（不显示）。\n再次运行只收取新邮件（记录在保存目录的 .jixiao-收取记录.tsv 中）。不加密的 imap:// 只能连接本机。"
    )]
    Fetch(FetchArgs),
    /// 用内置示例完整演示一遍：方案 → 模板 → 回收 → 汇总
    #[command(after_help = "示例：\n  jixiao demo\n  jixiao demo -o 演示")]
    Demo(DemoArgs),
}

/// `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// 输出文件（默认 评价方案.xlsx）
    #[arg(short, long, value_name = "文件", default_value = "评价方案.xlsx")]
    pub output: PathBuf,
    /// 输出文件已存在时覆盖
    #[arg(long)]
    pub force: bool,
}

/// `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// 评价年度，如 2024
    #[arg(value_name = "年度")]
    pub year: i32,
    /// 在哪个目录下建立年度文件夹（默认当前目录）
    #[arg(short = 'C', long = "in", value_name = "目录")]
    pub parent: Option<PathBuf>,
    /// 以上一年度文件夹的方案为基础（年度加一、截止日期顺延、趋势指标基准值取上年实际、预算金额清空）
    #[arg(long, value_name = "上年文件夹")]
    pub from: Option<PathBuf>,
}

/// `issue`.
#[derive(Debug, Args)]
pub struct IssueArgs {
    /// 评价方案文件（默认当前目录的 评价方案.xlsx）
    #[arg(long, value_name = "方案文件")]
    pub plan: Option<PathBuf>,
    /// 模板输出目录（默认 模板）
    #[arg(short, long, value_name = "目录")]
    pub output: Option<PathBuf>,
    /// 在模板中显示上年实际完成值：上年的汇总目录或其 summary.json（年度文件夹中默认取 ../上一年/汇总/）
    #[arg(long = "previous", value_name = "上年汇总")]
    pub previous: Vec<PathBuf>,
    /// 同时为每个部门写一封附带模板的通知邮件（.eml，写入年度文件夹的 发件箱/），可在 Outlook、Foxmail 中直接发送
    #[arg(long)]
    pub mail: bool,
}

/// `collect`.
#[derive(Debug, Args)]
pub struct CollectArgs {
    /// 评价方案文件（默认当前目录的 评价方案.xlsx）
    #[arg(long, value_name = "方案文件")]
    pub plan: Option<PathBuf>,
    /// 汇总输出目录（默认 汇总）
    #[arg(short, long, value_name = "目录")]
    pub output: Option<PathBuf>,
    /// 有「错误」级审核问题时以退出码 3 结束
    #[arg(long)]
    pub strict: bool,
    /// 采用已填写的复核表（可多次给出，后给出的优先；年度文件夹中默认取最新的已填复核表）
    #[arg(long = "review", value_name = "复核表")]
    pub reviews: Vec<PathBuf>,
    /// 与往年比较：往年的汇总目录或其 summary.json（可多次给出；年度文件夹中默认取 ../上一年/汇总/）
    #[arg(long = "previous", value_name = "往年汇总")]
    pub previous: Vec<PathBuf>,
    /// 同时写出 Word 报告初稿：每个已计分部门的自评价报告和汇总报告（写入 报告/）
    #[arg(long)]
    pub report: bool,
    /// 抽查：随机抽取的部门数，如 5，或比例，如 20%
    #[arg(long, value_name = "数量或比例")]
    pub sample: Option<String>,
    /// 抽查的随机种子（同一种子、同样的部门抽到同样的结果；不给则随机选取并显示）
    #[arg(long, value_name = "整数")]
    pub seed: Option<u64>,
    /// 采用一份「身份存疑」的报送（汇总表「身份冲突」中列出的文件名；可多次给出）；决定记入报送记录，以后的运行沿用
    #[arg(long = "accept", value_name = "文件")]
    pub accept: Vec<String>,
    /// 报送文件或目录（可多个，目录递归读取；默认 回收）
    #[arg(value_name = "报送文件或目录")]
    pub inputs: Vec<PathBuf>,
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 评价方案文件（默认当前目录的 评价方案.xlsx）
    #[arg(long, value_name = "方案文件")]
    pub plan: Option<PathBuf>,
    /// 有「错误」级审核问题时以退出码 3 结束
    #[arg(long)]
    pub strict: bool,
    /// 同时显示读取库给出的原始错误信息（供技术支持）
    #[arg(short, long)]
    pub verbose: bool,
    /// 上年结果：上年的汇总目录或其 summary.json（趋势指标基准值留空时取上年实际；年度文件夹中默认取 ../上一年/汇总/）
    #[arg(long = "previous", value_name = "上年汇总")]
    pub previous: Vec<PathBuf>,
    /// 本年度的汇总目录：按其中的报送记录判断逾期、身份存疑（默认 汇总；collect 用 -o 写到别处时给出同一目录）
    #[arg(long = "results", value_name = "汇总目录")]
    pub results: Option<PathBuf>,
    /// 报送文件或目录（可多个，目录递归读取；默认 回收）
    #[arg(value_name = "报送文件或目录")]
    pub inputs: Vec<PathBuf>,
}

/// `send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// 邮件文件夹（issue --mail 写出的 发件箱，或汇总结果中的 审核意见）
    #[arg(value_name = "邮件文件夹")]
    pub folder: PathBuf,
    /// SMTP 服务器：smtps://用户名@服务器[:端口]（默认端口 465）
    #[arg(long, value_name = "地址")]
    pub smtp: String,
    /// 只列出将要发送的邮件，不连接服务器
    #[arg(long)]
    pub dry_run: bool,
}

/// `fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// IMAP 服务器和文件夹：imaps://用户名@服务器[:端口]/文件夹（默认端口 993，默认文件夹 INBOX）
    #[arg(long, value_name = "地址")]
    pub imap: String,
    /// 保存目录（默认 回收）
    #[arg(short, long, value_name = "目录")]
    pub output: Option<PathBuf>,
    /// 只收取该日期及以后的邮件，如 2024-05-01
    #[arg(long, value_name = "日期")]
    pub since: Option<String>,
}

/// `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// 演示输出目录（默认 jixiao-demo）
    #[arg(short, long, value_name = "目录", default_value = "jixiao-demo")]
    pub output: PathBuf,
}

/// The help layout: clap's headings replaced by Chinese ones.
const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The clap command with Chinese help flags, headings and layout on every level.
pub fn command() -> clap::Command {
    localize(Cli::command(), true)
}

fn localize(cmd: clap::Command, root: bool) -> clap::Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .hide_possible_values(true)
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let a = a.help_heading(heading);
            if a.get_action().takes_values() {
                a.hide_default_value(true)
            } else {
                a
            }
        })
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    cmd.mut_subcommands(|s| localize(s, false))
}

/// clap's placeholders in usage lines, in Chinese.
fn chinese_usage(s: &str) -> String {
    s.replace("Usage: ", "")
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("[COMMAND]", "[命令]")
}

/// The top-level help, as `jixiao --help` prints it.
pub fn help_text() -> String {
    chinese_usage(&command().render_help().to_string())
}

/// How parsing ended when it did not give arguments to run.
#[derive(Debug)]
pub enum Exit {
    /// Help or version was asked for: print this on standard output, exit 0.
    Print(String),
    /// A bad command line: print this on standard error, exit 2.
    Usage(String),
}

/// Parses the command line; help, version and errors come back as Chinese text.
pub fn parse<I, T>(args: I) -> Result<Cli, Exit>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut cmd = command();
    let matches = cmd
        .try_get_matches_from_mut(args)
        .map_err(|e| explain(&e))?;
    Cli::from_arg_matches(&matches).map_err(|e| explain(&e))
}

fn context_text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    e.get(kind).map(|v| match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join("、"),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    })
}

/// A clap error as Chinese text.
fn explain(e: &clap::Error) -> Exit {
    let arg = || context_text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context_text(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = |kind| {
        context_text(e, kind)
            .filter(|s| !s.is_empty())
            .map(|s| format!("，是否想输入「{s}」？"))
            .unwrap_or_default()
    };
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let mut text = chinese_usage(&e.render().to_string());
            if !text.ends_with('\n') {
                text.push('\n');
            }
            return Exit::Print(text);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            return Exit::Usage(chinese_usage(&e.render().to_string()));
        }
        ErrorKind::InvalidSubcommand => format!(
            "没有子命令「{}」{}",
            context_text(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => format!(
            "不认识的选项「{}」{}",
            arg(),
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{}", arg()),
        ErrorKind::InvalidValue => {
            if value().is_empty() {
                format!("选项 {} 需要一个值", arg())
            } else {
                format!("选项 {} 的值「{}」无效", arg(), value())
            }
        }
        ErrorKind::ValueValidation => format!(
            "参数 {} 的值「{}」无效{}",
            arg(),
            value(),
            if arg().contains("年度") {
                "，应为四位年份，如 2024"
            } else {
                ""
            }
        ),
        ErrorKind::ArgumentConflict => format!(
            "选项 {} 不能与 {} 同时使用",
            arg(),
            context_text(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => format!("参数过多或重复：{}", arg()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("选项 {} 的值的个数不对", arg())
        }
        ErrorKind::NoEquals => format!("选项 {} 的值须写成 {}=值", arg(), arg()),
        ErrorKind::InvalidUtf8 => "命令行中有无法识别的字符".into(),
        _ => "命令行有误".into(),
    };
    let usage = context_text(e, ContextKind::Usage)
        .map(|u| format!("\n\n用法：{}", chinese_usage(u.trim())))
        .unwrap_or_default();
    Exit::Usage(format!(
        "错误：{message}{usage}\n\n运行「jixiao --help」查看帮助。\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(args: &[&str]) -> String {
        match parse(args) {
            Ok(_) => String::new(),
            Err(Exit::Print(s) | Exit::Usage(s)) => s,
        }
    }

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn help_and_errors_are_chinese() {
        for args in [
            vec!["jixiao", "--help"],
            vec!["jixiao", "collect", "--help"],
            vec!["jixiao", "issue", "-h"],
            vec!["jixiao", "new", "--help"],
            vec!["jixiao", "collect", "--bogus"],
            vec!["jixiao", "new"],
            vec!["jixiao", "new", "明年"],
            vec!["jixiao", "collect", "--plan"],
        ] {
            let t = text(&args);
            assert!(!t.is_empty(), "{args:?}");
            for english in [
                "Usage",
                "Options",
                "Print help",
                "default:",
                "error:",
                "tip:",
                "For more",
                "Arguments",
                "Commands",
                "[OPTIONS]",
                "required",
                "unexpected",
            ] {
                assert!(!t.contains(english), "{args:?} shows «{english}»:\n{t}");
            }
        }
        assert!(text(&["jixiao", "collect", "--help"]).contains("示例："));
        assert!(text(&["jixiao", "collect", "--bogus"]).contains("不认识的选项「--bogus」"));
        assert!(text(&["jixiao", "new"]).contains("缺少必需的参数"));
    }
}
