// py_freeze! reads py/ at compile time; tell cargo to rebuild when it changes.
fn main() {
    println!("cargo::rerun-if-changed=py");
}
