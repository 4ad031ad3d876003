//! unicode_names2 1.x's lookup by name, answered from 3.x's tables, which
//! the VM links anyway: one copy of the Unicode names in the wasm, not two.
#![no_std]
#![forbid(unsafe_code)]

/// The character with this Unicode name or alias, as `\N{...}` needs.
pub fn character(name: &str) -> Option<char> {
    v3::character(name)
}
