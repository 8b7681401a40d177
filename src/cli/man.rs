//! The man pages, generated from the command-line definition itself so
//! they never drift from it: `crm-ready(1)`, which lists the subcommands,
//! and one page per subcommand, `crm-ready-assess(1)` and so on, each named
//! where the main page refers to it.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::Output;
use crate::core::suggest::did_you_mean;
use crate::exit::{self, UsageError};
use crate::io::named_output::{destination, named_directory};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print, e.g. assess [default: the main page].
    #[arg(value_name = "SUBCOMMAND")]
    pub page: Option<String>,
    /// Write every page into this directory as crm-ready.1, crm-ready-assess.1, ... (atomically) instead of printing one.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with = "page")]
    pub dir: Option<PathBuf>,
}

/// One rendered page.
struct Page {
    /// `crm-ready-assess.1`.
    file_name: String,
    roff: String,
}

/// Prints one page of `cmd`, the whole command line, or writes them all,
/// e.g. `crm-ready man assess | man -l -`.
pub fn man(args: ManArgs, cmd: clap::Command, out: &Output) -> anyhow::Result<u8> {
    // `help` is no page of its own: `--help` is on every page.
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    match (args.dir, args.page) {
        (Some(dir), _) => write_all(&cmd, &dir, out)?,
        (None, Some(name)) => {
            let Some(sub) = subcommands(&cmd).find(|s| s.get_name() == name) else {
                let names: Vec<&str> = subcommands(&cmd).map(clap::Command::get_name).collect();
                let list = names.join(", ");
                let message = match did_you_mean(&name, &names) {
                    Some(meant) => format!("no man page for `{name}`; {meant} Pages exist for {list}"),
                    None => format!("no man page for `{name}`; pages exist for {list}"),
                };
                return Err(UsageError::new(message).into());
            };
            out.data(&render(sub, Some(&cmd))?.roff)?;
        }
        (None, None) => out.data(&render(&cmd, None)?.roff)?,
    }
    Ok(exit::OK)
}

/// The subcommands that get a page: every one shown in `--help`.
fn subcommands(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands().filter(|s| !s.is_hide_set())
}

/// Writes the main page and every subcommand's into `dir`, which must be
/// a directory, each page as any named output is written.
fn write_all(cmd: &clap::Command, dir: &Path, out: &Output) -> anyhow::Result<()> {
    named_directory(dir, false, "--dir")?;
    let mut pages = vec![render(cmd, None)?];
    for sub in subcommands(cmd) {
        pages.push(render(sub, Some(cmd))?);
    }
    // Every name is judged before any page is written: a refusal leaves
    // the directory as it was.
    let targets = pages.iter().map(|p| destination(&dir.join(&p.file_name))).collect::<anyhow::Result<Vec<_>>>()?;
    for (page, to) in pages.iter().zip(&targets) {
        out.write_quietly(to, &page.roff)?;
    }
    out.note(&format!("wrote {} man pages to {}", pages.len(), dir.display()));
    Ok(())
}

/// The page of `cmd`; `parent` is the main command when `cmd` is one of
/// its subcommands.
fn render(cmd: &clap::Command, parent: Option<&clap::Command>) -> anyhow::Result<Page> {
    let program = parent.unwrap_or(cmd);
    let source = format!("{} {}", program.get_name(), program.get_version().unwrap_or_default());
    let man = clap_mangen::Man::new(cmd.clone()).source(source);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    if parent.is_none() {
        man.render_subcommands_section(&mut page)?;
    }
    // Instead of clap_mangen's "EXTRA" (the --help footer): the sections a
    // man page reader looks for.
    page.extend_from_slice(conventions_sections().as_bytes());
    if let Some(parent) = parent {
        page.extend_from_slice(format!(".SH \"SEE ALSO\"\n\\fB{}\\fR(1)\n", roff_text(parent.get_name())).as_bytes());
    }
    man.render_version_section(&mut page)?;
    Ok(Page { file_name: man.get_filename(), roff: title_first(&String::from_utf8_lossy(&page)) })
}

/// clap_mangen opens every section it renders with the two lines that
/// define the apostrophe string; a page should open with its title, `.TH`,
/// and define the string once.
fn title_first(roff: &str) -> String {
    const APOSTROPHE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    let body = roff.replace(APOSTROPHE, "");
    match body.split_once('\n') {
        Some((title, rest)) if title.starts_with(".TH ") => format!("{title}\n{APOSTROPHE}{rest}"),
        _ => format!("{APOSTROPHE}{body}"),
    }
}

fn conventions_sections() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for m in exit::MEANINGS {
        roff.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", m.code, roff_text(m.detail)));
    }
    roff.push_str(".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR\n");
    roff.push_str(&roff_text(
        "When set and not empty, no colour is used with --color auto (the default); \
         --color always still colours, as a flag given on the command line wins.",
    ));
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
