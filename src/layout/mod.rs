//! Every workbook jixiao writes or reads, declared once: sheet names, table columns (header
//! text and position), `_meta` keys, file and folder names. Writers and readers both take them
//! from here, so a header can never be spelled one way when written and another when read.
//!
//! - [`plan`] — 评价方案.xlsx;
//! - [`template`] — the department template (and so the returns read back);
//! - [`consolidated`] — the consolidated workbook and the other outputs of `collect`;
//! - [`report`] — the Word report drafts' tables;
//! - [`review`] — 复核表.xlsx, written by `collect` and read back with the bureau's reviews;
//! - [`files`] — names valid on Windows.

pub mod consolidated;
pub mod files;
pub mod mail;
pub mod plan;
pub mod report;
pub mod review;
pub mod template;

/// Declares a table's columns: an enum whose variants give the header text and the 0-based
/// column jixiao writes them in (readers find columns by header, wherever they are).
macro_rules! columns {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $header:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every column, in the order written.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// Every header, in the order written.
            pub const HEADERS: &'static [&'static str] = &[$($header),*];

            /// The header text.
            pub const fn header(self) -> &'static str {
                match self { $($name::$variant => $header),* }
            }

            /// The 0-based column in the layout jixiao writes.
            pub const fn col(self) -> u16 {
                self as u16
            }
        }
    };
}
pub(crate) use columns;
