//! End-to-end tests: the real `jixiao` binary on real files in a temporary folder, one file
//! per concern (ripgrep's layout). Workbooks are compared by reading them back (calamine,
//! umya-spreadsheet, or the XML inside), never by bytes.

mod util;
use util::*;

mod check;
mod consolidate;
mod fill;
mod findings;
mod hostile;
mod hostile_imap;
mod identity;
mod init;
mod interrupted;
mod issue;
mod journals;
mod keeping;
mod lying;
mod mail;
mod mailboxes;
mod many_departments;
mod matrix;
mod other_programs;
mod outbox;
mod places;
mod readings;
mod reports;
mod review;
mod round;
mod rules;
mod scripted;
mod servers;
mod tolerance;
mod trust;
mod usage;
mod years;
