//! Plugin loading figures (filled in below).
fn main() {}
