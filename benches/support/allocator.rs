//! The binary's allocator (see `src/main.rs`), so that a benchmark measures
//! the library as the shipped program runs it.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
