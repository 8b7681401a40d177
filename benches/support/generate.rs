//! A generated questionnaire of any size, for benchmarks: every kind of
//! question, conditions on earlier questions, and a full answer set.

use std::fmt::Write;

/// TOML source of a questionnaire with `questions` questions in areas of 100.
pub fn questionnaire(questions: usize) -> String {
    let mut s = String::with_capacity(questions * 420);
    s.push_str("[questionnaire]\nid = \"generated\"\nversion = \"1\"\ntitle = \"Generated\"\n\n");
    for i in 0..questions {
        if i % 100 == 0 {
            let _ = write!(
                s,
                "[[area]]\nid = \"area{}\"\ntitle = \"Area {}\"\nweight = 2\nwhy = \"Generated area.\"\n\n",
                i / 100,
                i / 100
            );
        }
        let _ = write!(
            s,
            "[[area.question]]\nid = \"q{i}\"\ntext = \"Question {i}?\"\nhelp = \"Why question {i} matters.\"\n"
        );
        match i % 4 {
            0 => {
                s.push_str("kind = \"single\"\n");
                for (id, score) in [("good", 100), ("fair", 50), ("poor", 0)] {
                    let _ = write!(s, "[[area.question.choice]]\nid = \"{id}\"\nlabel = \"{id}\"\nscore = {score}\n");
                    if score < 70 {
                        s.push_str("recommendation = \"Do better.\"\nphase = \"setup\"\n");
                    }
                }
            }
            1 => {
                let _ = write!(
                    s,
                    "kind = \"yes_no\"\nwhen = {{ question = \"q{}\", is_any = [\"fair\", \"poor\"] }}\n",
                    i - 1
                );
                s.push_str("[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 0\nred_flag = \"major\"\nrecommendation = \"Fix it.\"\nphase = \"before-signing\"\n");
            }
            2 => {
                s.push_str("kind = \"multi\"\n");
                for id in ["a", "b", "c"] {
                    let _ = write!(
                        s,
                        "[[area.question.choice]]\nid = \"{id}\"\nlabel = \"{id}\"\nscore = 34\nif_missing = \"Add {id}.\"\nphase = \"production\"\n"
                    );
                }
            }
            _ => {
                s.push_str("kind = \"scale\"\nmin = 1\nmax = 5\n");
                s.push_str("[[area.question.band]]\nfrom = 1\nto = 2\nscore = 0\nrecommendation = \"Raise it.\"\nphase = \"setup\"\n");
                s.push_str("[[area.question.band]]\nfrom = 3\nto = 5\nscore = 100\n");
            }
        }
        s.push('\n');
    }
    s
}

/// TOML answers to [`questionnaire`]: a mix of good, poor and unknown.
pub fn answers(questions: usize) -> String {
    let mut s = String::from("questionnaire = \"generated\"\nversion = \"1\"\n\n[answers]\n");
    for i in 0..questions {
        // The yes/no follow-up is shown only after "fair" (or "poor").
        let previous_fair = i % 4 == 1 && (i - 1) % 3 == 0 && (i - 1) % 7 != 6;
        if i % 4 == 1 && !previous_fair {
            continue;
        }
        let value = match (i % 4, i % 7) {
            (_, 6) => "\"dont-know\"".to_string(),
            (0, _) => if i % 3 == 0 { "\"fair\"" } else { "\"good\"" }.to_string(),
            (1, _) => "\"no\"".to_string(),
            (2, _) => "[\"a\", \"c\"]".to_string(),
            _ => (i % 5 + 1).to_string(),
        };
        let _ = writeln!(s, "q{i} = {value}");
    }
    s
}
