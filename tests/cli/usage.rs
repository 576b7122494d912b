//! End-to-end tests: usage.

use super::*;

#[test]
fn bad_command_line_exits_2() {
    let out = jixiao().arg("collect").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = jixiao().arg("nonsense").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
