//! The only code that touches the filesystem: input files, interview
//! drafts, the assessment store, the atomic write they all use, and the
//! output the user names (`named_output`).

pub mod atomic_write;
pub mod brand;
pub mod drafts;
pub mod input;
pub mod named_output;
pub mod regular_file;
pub mod stdin;

pub mod store;
