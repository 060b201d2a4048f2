//! Saving safely: never over a file that changed since its form was opened,
//! never a change that makes the site invalid (the whole site is checked
//! with the new text in memory first), written atomically, and followed by
//! the rebuild that reloads open pages.

use std::path::Path;

use crate::diagnostic::Severity;
use crate::i18n::Lang;

use super::super::App;
use super::apply;
use super::view::Errors;

/// What a save came to.
pub(super) enum Saved {
    /// Written (or nothing to change), and the site rebuilt.
    Done,
    /// Nothing written: what `check` or the form found, by field.
    Invalid(Errors),
    /// Nothing written: the file changed on disk since the form was opened.
    Conflict {
        disk: Option<String>,
        /// The file as this save would make it from what is on disk now.
        yours: Option<String>,
    },
}

/// The version of a file's text that a form carries: `nieuw` for no file.
pub(super) fn version(text: Option<&str>) -> String {
    match text {
        None => "nieuw".into(),
        // FNV-1a: stable between runs, enough to tell two texts apart.
        Some(t) => {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in t.as_bytes() {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            format!("{h:016x}")
        }
    }
}

pub(super) fn read(root: &Path, rel: &str) -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow::anyhow!("{rel} kan niet gelezen worden: {e}")),
    }
}

/// Saves `make(text on disk)` to `rel` when the file is still at `seen`
/// and the site checks with it; `id` is the question the form edits, to
/// place errors beside its fields.
pub(super) fn save(
    app: &App,
    rel: &str,
    seen: &str,
    id: Option<u32>,
    make: impl Fn(Option<&str>) -> anyhow::Result<String>,
) -> anyhow::Result<Saved> {
    let editor = app.editor.as_ref().expect("only with the editor on");
    // One save at a time: the second sees the first's file.
    let _one = editor.saving.lock().expect("save lock");
    let disk = read(&app.root, rel)?;
    if version(disk.as_deref()) != seen {
        let yours = make(disk.as_deref()).ok();
        return Ok(Saved::Conflict { disk, yours });
    }
    let new = match make(disk.as_deref()) {
        Ok(t) => t,
        Err(e) => return Ok(Saved::Invalid(general(format!("{e:#}")))),
    };
    if disk.as_deref() == Some(new.as_str()) {
        return Ok(Saved::Done);
    }
    let errors = check_errors(app, rel, &new, id)?;
    if !errors.is_empty() {
        return Ok(Saved::Invalid(errors));
    }
    // The check took a while: another program may have written since.
    let now = read(&app.root, rel)?;
    if now != disk {
        let yours = make(now.as_deref()).ok();
        return Ok(Saved::Conflict { disk: now, yours });
    }
    crate::import::write_atomically(&app.root.join(rel), &new)?;
    eprintln!("{}", crate::tr!("serve-saved", file = rel));
    app.rebuild();
    Ok(Saved::Done)
}

fn general(message: String) -> Errors {
    let mut e = Errors::new();
    e.insert(String::new(), vec![message]);
    e
}

/// The errors the site would have with `new` in place of `rel` that it does
/// not have now, in Dutch, by the field of question `id` they concern.
fn check_errors(app: &App, rel: &str, new: &str, id: Option<u32>) -> anyhow::Result<Errors> {
    let words = |d: &crate::diagnostic::Diagnostic| match &d.help {
        Some(help) => format!("{} (tip: {})", d.message.get(Lang::Nl), help.get(Lang::Nl)),
        None => d.message.get(Lang::Nl).to_string(),
    };
    let after = crate::check_with_overlay(&app.root, [(rel.to_string(), new.to_string())])?;
    // A site that has errors already keeps them; only new ones refuse a save.
    let mut before: Vec<(String, String)> = Vec::new();
    if app.current().errors.is_some() {
        let checked = crate::check(&app.root, None)?;
        for d in checked.diagnostics.iter() {
            if d.severity == Severity::Error {
                before.push((checked.sources.get(d.span.file).path.clone(), words(d)));
            }
        }
    }
    let mut errors = Errors::new();
    for d in after.diagnostics.iter() {
        if d.severity != Severity::Error {
            continue;
        }
        let path = after.sources.get(d.span.file).path.clone();
        let text = words(d);
        if let Some(i) = before.iter().position(|(p, t)| *p == path && *t == text) {
            before.remove(i);
            continue;
        }
        let offset = d.span.start as usize;
        let field = (path == rel)
            .then(|| id.and_then(|id| apply::field_at(new, id, offset)))
            .flatten();
        match field {
            Some(key) => errors.entry(key).or_default().push(text),
            None => errors.entry(String::new()).or_default().push(format!(
                "{path}, regel {}: {text}",
                apply::line_of(&after.sources.get(d.span.file).text, offset)
            )),
        }
    }
    Ok(errors)
}
