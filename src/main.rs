//! The `crm-ready` binary: all work happens in the library's `cli` module.

fn main() -> std::process::ExitCode {
    crm_ready::cli::main()
}
