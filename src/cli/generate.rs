//! Shell completions, generated from the command-line definition itself so
//! they never drift from it (the man pages are `man`).

use clap::Args;
use clap_complete::Shell;

use super::offered::{offer_files_too, with_offers};
use super::output::Output;
use crate::exit;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script of `cmd`, the whole command line, for a
/// shell, e.g.
/// `crm-ready completions bash > ~/.local/share/bash-completion/completions/crm-ready`
/// (that directory made first: a fresh machine may not have it).
pub fn completions(args: CompletionsArgs, cmd: clap::Command, out: &Output) -> anyhow::Result<u8> {
    let mut cmd = with_offers(cmd);
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name.clone(), &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if args.shell == Shell::Bash {
        script = fix_bash_state_names(&script, &name);
    }
    script = offer_files_too(args.shell, &script, &cmd);
    out.data(&script)?;
    Ok(exit::OK)
}

/// clap_complete's bash script spells a subcommand's state two ways when the
/// program's name has a hyphen (`crm__ready__subcmd__assess` while walking
/// the words, `crm__subcmd__ready__subcmd__assess` in the `case` arms), so
/// no subcommand option ever completes (clap-rs/clap#6421). Spell the arms
/// the way the walk does; once fixed upstream there is nothing to replace.
fn fix_bash_state_names(script: &str, name: &str) -> String {
    let wrong = format!("{}__subcmd__", name.replace('-', "__subcmd__"));
    let right = format!("{}__subcmd__", name.replace('-', "__"));
    script.replace(&wrong, &right)
}
