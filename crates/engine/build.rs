//! Rebuilds the crate when py/ changes, which lib.rs's py_freeze! reads at
//! compile time.

fn main() {
    println!("cargo::rerun-if-changed=py");
}
