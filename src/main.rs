//! The `crm-ready` binary: all work happens in the library's `cli` module.

/// Reading a large questionnaire makes and frees a great many small blocks,
/// on several threads: mimalloc does that in about two thirds of the time
/// glibc's allocator takes. The benchmarks use the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crm_ready::cli::main()
}
