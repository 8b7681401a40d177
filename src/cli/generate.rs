//! Files generated from the command-line definition itself, so they never
//! drift from it: shell completions and the man page.

use clap::Args;
use clap_complete::Shell;

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
/// `crm-ready completions bash > ~/.local/share/bash-completion/completions/crm-ready`.
pub fn completions(args: CompletionsArgs, mut cmd: clap::Command, out: &Output) -> anyhow::Result<u8> {
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name.clone(), &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if args.shell == Shell::Bash {
        script = fix_bash_state_names(&script, &name);
    }
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

/// Prints the man page (roff) of `cmd`, the whole command line, e.g.
/// `crm-ready man | man -l -`.
pub fn man(cmd: clap::Command, out: &Output) -> anyhow::Result<u8> {
    let man = clap_mangen::Man::new(cmd);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    // Instead of clap_mangen's "EXTRA" (the --help footer): the sections a
    // man page reader looks for.
    page.extend_from_slice(conventions_sections().as_bytes());
    man.render_version_section(&mut page)?;
    out.data(&String::from_utf8_lossy(&page))?;
    Ok(exit::OK)
}

const EXIT_STATUS: &[(u8, &str)] = &[
    (exit::OK, "Done as asked."),
    (exit::GATE, "A --fail-on gate tripped: the assessment is at or below the bar given."),
    (
        exit::INVALID,
        "Invalid input or usage: a questionnaire or answers file failed its checks (every problem is \
         listed on stderr with its file, line and column), or the command line is wrong.",
    ),
    (exit::IO, "A file could not be read or written."),
    (exit::INTERRUPTED, "Interrupted by Ctrl-C or a signal."),
];

fn conventions_sections() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in EXIT_STATUS {
        roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff_text(meaning)));
    }
    roff.push_str(".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR\n");
    roff.push_str(&roff_text("When set and not empty, no colour is used, whatever --color says."));
    roff.push_str("\n.TP\n\\fBCRM_READY_STORE\\fR\n");
    roff.push_str(&roff_text(
        "The directory of the assessment history, when --store is not given; when neither is, \
         crm-ready/assessments in your data directory.",
    ));
    roff.push('\n');
    roff
}

/// Escapes plain text for roff: backslashes and hyphens (which roff may
/// otherwise render as typographic dashes, breaking copy and paste).
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}
