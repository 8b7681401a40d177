//! The only code that touches the filesystem: input files, interview
//! drafts, the assessment store and the atomic write they all use.

pub mod atomic_write;
pub mod brand;
pub mod drafts;
pub mod input;
pub mod regular_file;
pub mod stdin;

pub mod store;
