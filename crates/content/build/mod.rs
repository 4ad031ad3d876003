//! The build script's steps: load the content files, check every rule,
//! emit the Rust statics. A module rather than build.rs itself, so the
//! crate's unit tests can run the steps on made-up content (a build script
//! cannot have tests).

pub mod check;
pub mod emit;
pub mod load;
pub mod markdown;
pub mod schema;
#[cfg(test)]
mod tests;

pub use load::Sources;

/// The Rust source of `CHAPTERS`, or every problem found in the content.
pub fn compile(sources: &Sources) -> Result<String, Vec<String>> {
    let syllabus = load::load(sources)?;
    let problems = check::check(&syllabus);
    if problems.is_empty() { Ok(emit::emit(&syllabus)) } else { Err(problems) }
}
