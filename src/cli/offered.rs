//! Arguments that take any text but have usual values worth offering in
//! shell completions: the built-in questionnaires' names (besides any file)
//! for every argument that names a questionnaire, `latest`/`previous`
//! (besides ids and files), and the subcommands' names for `man`.

use std::ffi::OsStr;

use clap::ValueHint;
use clap::builder::{PossibleValue, PossibleValuesParser, StringValueParser, TypedValueParser};
use clap_complete::Shell;

use crate::core::questionnaire::builtin;

/// A value parser that accepts any UTF-8 text and offers `values` for
/// completion. Arguments using it also carry a file value hint, which the
/// completion scripts add to the words offered ([`offer_files_too`]); their help
/// hides the values, which are not the only ones accepted.
#[derive(Debug, Clone)]
pub struct Offered(Vec<&'static str>);

impl Offered {
    /// The built-in questionnaires' names.
    pub fn questionnaires() -> Offered {
        Offered(builtin::BUILTINS.iter().map(|b| b.name).collect())
    }

    /// The assessments named by position in the history.
    pub fn references() -> Offered {
        Offered(vec!["latest", "previous"])
    }
}

impl TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|v| PossibleValue::new(*v))))
    }
}

/// The ids of the arguments that name questionnaires, in any subcommand:
/// `-q/--questionnaire` and the positionals of `show` and `lint`.
const QUESTIONNAIRE_ARGS: [&str; 2] = ["questionnaire", "questionnaires"];

/// `cmd` as the completion scripts are made from it: every argument that
/// names a questionnaire offers the built-in names besides files, and
/// `man` offers the subcommands' names. One rule here, rather than on
/// each argument, so that a new `-q` is offered the same way.
pub fn with_offers(mut cmd: clap::Command) -> clap::Command {
    let pages: Vec<String> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set()).map(|s| s.get_name().to_string()).collect();
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let ids: Vec<String> = sub
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .filter(|id| QUESTIONNAIRE_ARGS.contains(&id.as_str()))
                .collect();
            for id in ids {
                sub = sub.mut_arg(id, |a| {
                    a.value_parser(Offered::questionnaires()).value_hint(ValueHint::FilePath).hide_possible_values(true)
                });
            }
            if name == "man" {
                sub = sub.mut_arg("page", |a| a.value_parser(PossibleValuesParser::new(pages.clone())));
            }
            sub
        });
    }
    cmd
}

/// An argument with offered values, as the completion scripts name it.
struct OfferedArg {
    subcommand: String,
    /// Its long option; `None` for a positional argument.
    long: Option<String>,
    values: Vec<String>,
}

/// The arguments of `cmd`'s subcommands whose values are offered besides
/// file names: those with [`Offered`] values and a file value hint.
fn offered_args(cmd: &clap::Command) -> Vec<OfferedArg> {
    let mut found = Vec::new();
    for sub in cmd.get_subcommands() {
        for arg in sub.get_arguments() {
            let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
            if values.is_empty() || !matches!(arg.get_value_hint(), ValueHint::FilePath | ValueHint::AnyPath) {
                continue;
            }
            let long = arg.get_long().map(str::to_string);
            found.push(OfferedArg { subcommand: sub.get_name().to_string(), long, values });
        }
    }
    found
}

/// clap_complete's scripts offer either an argument's possible values or
/// file names, never both. Adds the file names where `cmd` offers values
/// besides them (bash, zsh and fish; other shells offer the values only).
pub fn offer_files_too(shell: Shell, script: &str, cmd: &clap::Command) -> String {
    let args = offered_args(cmd);
    match shell {
        Shell::Bash => bash(script, cmd.get_name(), &args),
        Shell::Zsh => zsh(script, &args),
        Shell::Fish => fish(script, cmd.get_name(), &args),
        _ => script.to_string(),
    }
}

/// Files for `cur`, shown as file names (a `/` after a directory).
const BASH_FILES: &str = r#" $(compgen -f -- "${cur}") ); compopt -o filenames 2>/dev/null"#;

/// An option's values are one `compgen -W` line of their own, where the
/// script (for the file hint) splits words at line breaks only, and shows
/// them as file names; a positional's values are among its subcommand's
/// `opts`, in whose arm every completion of words gets the files too.
fn bash(script: &str, program: &str, args: &[OfferedArg]) -> String {
    let mut script = script.to_string();
    for arg in args.iter().filter(|a| a.long.is_some()) {
        let values = arg.values.join(" ");
        let words = format!(r#"COMPREPLY=($(compgen -W "{values}" -- "${{cur}}"))"#);
        let with_files =
            format!(r#"COMPREPLY=( $(IFS=' ' compgen -W "{values}" -- "${{cur}}") $(compgen -f -- "${{cur}}") )"#);
        script = script.replace(&words, &with_files);
    }
    let arms: Vec<String> = args
        .iter()
        .filter(|a| a.long.is_none())
        .map(|a| format!("        {}__subcmd__{})", program.replace('-', "__"), a.subcommand))
        .collect();
    let words = r#"COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )"#;
    let with_files = format!(r#"COMPREPLY=( $(compgen -W "${{opts}}" -- "${{cur}}"){BASH_FILES}"#);
    let mut out = String::with_capacity(script.len());
    let mut in_arm = false;
    for line in script.lines() {
        if line.starts_with("        ") && line.ends_with(')') && !line.starts_with("         ") {
            in_arm = arms.iter().any(|arm| arm == line);
        }
        let line = if let Some(opts) = line.trim_start().strip_prefix("opts=\"") {
            // Two positionals with the same values list them twice.
            let indent = &line[..line.len() - line.trim_start().len()];
            format!("{indent}opts=\"{}\"", unique(opts.trim_end_matches('"').split(' ')).join(" "))
        } else if in_arm {
            line.replace(words, &with_files)
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// zsh's `_arguments` takes one action per argument: `_alternative` gives
/// it the values and the files.
fn zsh(script: &str, args: &[OfferedArg]) -> String {
    let mut script = script.to_string();
    for arg in args {
        let values = arg.values.join(" ");
        let action = format!(":({values})'");
        let both = format!(r#": _alternative "values\:value\:({values})" "files\:file\:_files"'"#);
        script = script.replace(&action, &both);
    }
    script
}

/// fish: an option's values are given with `-f` (no files); `-F` asks for
/// files besides them. Positionals get no line of their own, so one is
/// added per subcommand.
fn fish(script: &str, program: &str, args: &[OfferedArg]) -> String {
    let mut script = script.to_string();
    let mut positional = Vec::new();
    for arg in args {
        match &arg.long {
            Some(long) => {
                script = script
                    .lines()
                    .map(|l| {
                        if l.contains(&format!(" -l {long} ")) {
                            l.replace(" -r -f -a \"", " -r -F -a \"")
                        } else {
                            l.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n";
            }
            None if !positional.contains(&arg.subcommand) => positional.push(arg.subcommand.clone()),
            None => {}
        }
    }
    let function = format!("__fish_{}_using_subcommand", program.replace('-', "_"));
    for sub in positional {
        let values = args.iter().filter(|a| a.long.is_none() && a.subcommand == sub).flat_map(|a| &a.values);
        let values = unique(values.map(String::as_str)).join(" ");
        script.push_str(&format!("complete -c {program} -n \"{function} {sub}\" -F -a \"{values}\"\n"));
    }
    script
}

/// The words, each once, in their first order.
fn unique<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = Vec::new();
    for word in words {
        if !seen.contains(&word) {
            seen.push(word);
        }
    }
    seen
}
