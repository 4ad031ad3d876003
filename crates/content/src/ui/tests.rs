use super::*;

/// Fields whose Chinese may be all Latin or equal to the English: no words
/// to translate.
const LATIN_OK: &[&str] = &["page_title", "solved_of", "next_topic"];

fn cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The text without its placeholders, which are filled with values.
fn words(template: &str) -> String {
    placeholders(template).iter().fold(template.to_string(), |t, name| t.replace(&format!("{{{name}}}"), ""))
}

#[test]
fn fill_replaces_known_placeholders_only() {
    assert_eq!(fill("Step {n} of {count}", &[("n", &1), ("count", &"3")]), "Step 1 of 3");
    assert_eq!(fill("{a}{a} {b} {", &[("a", &'x')]), "xx {b} {");
    assert_eq!(fill("", &[]), "");
    assert_eq!(placeholders("{a} and {b}, {a}"), ["a", "b", "a"]);
}

#[test]
fn both_tables_have_the_same_placeholders() {
    for ((name, en), (_, zh)) in EN.texts().into_iter().zip(ZH.texts()) {
        let (mut want, mut got) = (placeholders(en), placeholders(zh));
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(want, got, "{name}: {en:?} / {zh:?}");
    }
}

#[test]
fn the_chinese_is_chinese() {
    let mut latin_texts = Vec::new();
    for ((name, en), (_, zh)) in EN.texts().into_iter().zip(ZH.texts()) {
        assert!(!zh.trim().is_empty(), "{name} is empty");
        if LATIN_OK.contains(&name) {
            continue;
        }
        assert_ne!(en, zh, "{name} is not translated");
        // As build/check.rs for the lessons: at least a third of the letters CJK.
        let text = words(zh);
        let han = text.chars().filter(|&c| cjk(c)).count();
        let latin = text.chars().filter(char::is_ascii_alphabetic).count();
        if han == 0 || han * 3 < han + latin {
            latin_texts.push(name);
        }
    }
    assert!(latin_texts.is_empty(), "mostly Latin: {latin_texts:?}");
    for (en, zh) in ZH.editor_phrases {
        assert!(!en.is_empty() && zh.chars().any(cjk), "{en}: {zh}");
    }
    assert!(EN.editor_phrases.is_empty(), "CodeMirror speaks English already");
}

#[test]
fn the_chinese_uses_the_glossary_terms() {
    let glossary: toml::Table = include_str!("../../zh/glossary.toml").parse().expect("glossary.toml parses");
    let terms = glossary["terms"].as_array().expect("[[terms]]");
    let avoid: Vec<&str> = terms
        .iter()
        .flat_map(|t| t["avoid"].as_array().into_iter().flatten())
        .filter_map(|w| w.as_str())
        .collect();
    assert!(avoid.len() > 10);
    let texts = ZH.texts().into_iter().chain(ZH.editor_phrases.iter().map(|p| ("phrase", p.1)));
    for (name, zh) in texts {
        for word in &avoid {
            assert!(!zh.contains(word), "{name} uses {word:?}, which the glossary avoids");
        }
    }
    // The terms the interface shares with the lessons.
    for (field, term) in
        [("follow_ups", "追问"), ("embed_snippet", "代码示例"), ("generator_frame", "生成器")]
    {
        let zh = ZH.texts().into_iter().find(|(n, _)| *n == field).unwrap().1;
        assert!(zh.contains(term), "{field}: {zh}");
    }
}

#[test]
fn ui_picks_the_table_of_a_language() {
    assert_eq!(ui(Lang::En).run, "Run");
    assert_eq!(ui(Lang::Zh).run, "运行");
    assert_eq!(EN.texts().len(), ZH.texts().len());
}
