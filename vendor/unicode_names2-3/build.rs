//! Writes the names table from `data/` (Unicode 17, as unicode_names2 3.1.0
//! ships it) to `OUT_DIR/names.txt`: built into native builds, and written
//! by pyplay-stdlib's build as a pack the browser fetches on first use.

#[path = "src/write.rs"]
mod write;

fn main() {
    println!("cargo::rerun-if-changed=data");
    let read = |file: &str| {
        std::fs::read_to_string(format!("data/{file}")).unwrap_or_else(|e| panic!("data/{file}: {e}"))
    };
    let table = write::table(&read("UnicodeData.txt"), &read("NameAliases.txt"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("names.txt"), table).expect("OUT_DIR/names.txt");
}
