# The messages of the command line in English. Every message has the same id
# in nl.ftl. Add new messages at the end of their section, one entry (or one
# small group of entries) per diagnostic code.

## Summaries and progress

summary-errors = { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
check-ok = checked { $contracts } { $contracts ->
    [one] contract
   *[other] contracts
} with { $questions } { $questions ->
    [one] question
   *[other] questions
}, { $updates } { $updates ->
    [one] update
   *[other] updates
} and { $pages } { $pages ->
    [one] page
   *[other] pages
}: no problems
build-nothing-written = nothing was written: fix the errors above and build again
build-done = built { $files } files into { $out } in { $seconds } s
build-done-none-changed = built { $files } files into { $out } in { $seconds } s (none changed)
build-done-changed = built { $files } files into { $out } in { $seconds } s ({ $changed } changed)
no-site-here = no site here: go to the folder with site.toml, or use --root
no-site-here-help = { $dir } has no site.toml. Start a new site with `afspraak init FOLDER`.
error-prefix = error
level-error = error
level-warning = warning
level-help = help
level-note = note
progress-load = reading files
progress-validate = checking
progress-render = making pages
progress-write = writing

## init and new

init-done = created a new site in { $dir } ({ $files } files)
init-next = next: cd { $dir } && afspraak check && afspraak build; the guide is in LEESMIJ.md
new-done = wrote { $path }: fill it in, then run `afspraak check`

## import

import-done = { $created ->
    [yes] created
   *[no] updated
} { $path }: { $added } added [{ $added_ids }], { $updated } updated [{ $updated_ids }], { $unchanged } unchanged
import-problems = { $count } { $count ->
    [one] problem
   *[other] problems
} in the spreadsheet; nothing was written:
import-row = row { $row }: { $message }
import-row-column = row { $row }, column { $column }: { $message }
import-not-utf8 = this row is not UTF-8 text; save the spreadsheet as "CSV UTF-8" (in Excel: Save as, then CSV UTF-8) and import again
import-formula-no-value = the cell holds the formula ={ $formula } but no calculated value; open the file in Excel or LibreOffice and save it, or type the value instead
import-and = { $first }; { $then }
import-column-twice = this column repeats column { $first } ({ $key }); keep one of them
import-unknown-column = unknown column; known: { $known }
import-unknown-column-suggest = unknown column; did you mean { $suggestion }? Known: { $known }
import-no-id-column = there is no { $column } column; every row needs the question's number in its contract
import-blank-column = this column has no name in the first row; name it, or empty it
import-too-many-cells = this row has more cells than the first row has column names ({ $names })
import-date-does-not-exist = `{ $value }` is a date that does not exist
import-not-a-date = `{ $value }` is not a date; write a year (2012), quarter (2011-Q3), month (2011-10) or day (2011-10-15)
import-not-a-number = `{ $value }` is not a question number; use 1, 2, 3, …
import-one-line = write this on one line
import-not-a-kind = `{ $value }` is not a kind; write question (vraag) or initiative (initiatief)
import-not-a-channel = `{ $value }` is not a channel; one of: { $keys }
import-not-a-channel-suggest = `{ $value }` is not a channel; did you mean `{ $suggestion }`? One of: { $keys }
import-not-an-outcome = `{ $value }` is not an outcome; one of: resolved (Direct opgelost), honoured (Binnen de looptijd), scheduled (Al gepland), prioritised (Meegenomen in prioritering), declined (Kan niet / mag niet)
import-not-yes-no = `{ $value }` is not ja or nee
import-not-a-scale = `{ $value }` is not a scale; one of: neighbourhood (wijk), district (stadsdeel), city (stad)
import-not-a-ground = `{ $value }` is not a ground; one of: legal (wettelijk), policy (beleid), financial (financieel)
import-not-a-reference = `{ $value }` is not a question reference; write neighbourhood/year/id, such as delftwijk/2010/4
import-empty-id = empty; every row needs the question's number in this contract
import-id-twice = question { $id } is also on row { $first }; each question once
import-flow-question = question { $id } is written on one line (`{ "{" } … { "}" }`) in the contract file; write it as `key: value` lines to update it
import-new-needs = empty; question { $id } is new, and a new question needs { $column } (and { $others })
import-no-such-question = there is no question { $question } in the contract files
import-follows-itself = a question cannot follow itself
import-volunteers-not-initiative = question { $id } is not an initiative, so it cannot wait for volunteers; write initiative (initiatief) in { $kind }, or nee in { $volunteers }
import-not-applicable = { $column } has no meaning for outcome { $outcome } ({ $label }); it belongs to { $owners }; leave the cell empty or change the outcome
import-leftover-field = question { $id } becomes { $outcome } ({ $label }), but the contract file still has `{ $key }`, which belongs to { $owners }; the import never deletes: remove `{ $key }` from the file first
import-leftover-decision = question { $id } becomes { $outcome } ({ $label }), but the contract file still has a `decision`, which belongs to prioritised; remove it from the file first
import-needs = empty; a { $outcome } ({ $label }) answer needs { $what ->
    [when-done] when it is done
    [when-planned] when the planned work happens
    [planning] whether the planning was brought forward (ja or nee)
    [reason-planning] a reason why the planning was not brought forward
    [report-by] by when the council hears the outcome
    [ground] its ground: legal (wettelijk), policy (beleid) or financial (financieel)
   *[reason] a reason: say why it cannot be done
}
import-out-of-range = { $value } is far outside this contract's years; a date lies between { $low } and { $high }
import-outside-period = { $value } lies outside the contract period ({ $from } to { $to }); honoured (Binnen de looptijd) means done within the contract year; use scheduled (Al gepland) for later work
import-would-not-check = the imported contract would not pass `afspraak check` (line { $line }: { $message }); nothing was written
import-not-a-contract = `{ $contract }` is not a contract; write NEIGHBOURHOOD/YEAR, such as meerwijk/2026
import-use-a-neighbourhood = use a neighbourhood slug from content/districts.yaml
import-contract-not-utf8 = { $file } is not UTF-8 text; fix it first
import-no-rows = the spreadsheet has no rows for { $contract }{ $skipped ->
    [yes] {" "}(rows of other contracts were skipped)
   *[no] {""}
}
import-too-many-rows = the spreadsheet has more than { $max } rows; import at most { $max } rows at a time (split the file)
import-too-many-columns = the row has a value in column { $column } (number { $number }); import reads at most { $max } columns: delete the columns after the last one you use
import-too-many-cells-total = the spreadsheet has more than { $max } cells up to this row; import fewer rows at a time (split the file)
import-cell-too-long = the cell holds { $chars } characters; a cell may hold at most { $max } bytes of text
cannot-read-spreadsheet = cannot read { $file }
import-file-too-large = { $file } is { $size } MB; import reads spreadsheets of at most { $max } MB: split it
import-not-a-spreadsheet = { $file } is not a .csv or .xlsx file; save the spreadsheet as CSV (UTF-8) or as an Excel workbook (.xlsx)
import-file-not-utf8 = the file is not UTF-8 text (byte { $byte }); save it as "CSV UTF-8"
import-file-empty = the file is empty; the first row names the columns
import-not-xlsx = the file is not an Excel workbook (.xlsx): { $error }
import-damaged = the workbook is damaged ({ $error })
import-zip-part = the workbook's part { $part } { $what ->
    [part] unpacks to more than { $limit } MB
    [total] takes the workbook over { $limit } MB unpacked
   *[ratio] unpacks to over { $limit } times its packed size, as a zip bomb does
}; save the sheet again (or as CSV), without what it does not need
import-no-sheets = the workbook has no sheets
import-sheet-too-large = the first sheet says it spans { $rows } rows and { $columns } columns (up to cell { $cell }); import reads at most { $max_rows } rows and { $max_columns } columns: delete the empty rows and columns after the table, or copy the table into a new sheet
import-sheet-empty = the first sheet is empty; its first row names the columns
import-cell-error = the cell holds a spreadsheet error ({ $error })

## serve

serve-overlay-title = The site cannot be built
serve-overlay-text = Below is what is wrong. Once you save the fix, this message goes away by itself.

## invalid-value

invalid-value-keyword = `{ $value }` is not a valid { $field }
invalid-value-keyword-help = `{ $field }` is one of: { $keys } (or in Dutch: { $dutch })
invalid-value-keyword-suggest-help = did you mean `{ $suggestion }`? `{ $field }` is one of: { $keys } (or in Dutch: { $dutch })
invalid-value-positive = `{ $field }` must be a positive whole number
invalid-value-positive-help = use 1, 2, 3, …
invalid-value-url = `{ $value }` is not a web address
invalid-value-url-help = write the full address, starting with https://
invalid-value-path = `{ $value }` is not a path on this site
invalid-value-path-help = write a path that starts with /, such as /wijken/meerwijk/
invalid-question-ref = `{ $field }: { $value }` is not a question reference
invalid-question-ref-help = write neighbourhood/year/id, such as `delftwijk/2010/4`
invalid-value-from = `{ $value }` is not one of the five answers
follows-not-earlier = `follows: { $question }` points to a contract that is not earlier than this one
follows-not-earlier-help = `follows` names the question from an earlier year that this one carries over
invalid-value-email = `{ $value }` is not an e-mail address
invalid-value-email-help = write the address alone, such as `email = "wijkcontracten@haarlem.nl"`

## invalid-date

invalid-date-does-not-exist = `{ $field }: { $value }` is a date that does not exist
invalid-date-format = `{ $field }: { $value }` is not a date
invalid-date-vague = `{ $field }: { $value }` is not a fixed stretch of days, so no one can tell when the promise is due
invalid-date-vague-help = write a quarter (2027-Q2 or "tweede kwartaal 2027"), a month (2027-05 or "mei 2027") or a day (2027-05-15 or 15-05-2027)
invalid-date-day = write a day, such as 2011-10-15 or 15-10-2011
invalid-date-when = write a year (2012), quarter (2011-Q3 or "derde kwartaal 2011"), month (2011-10 or "oktober 2011") or day (2011-10-15 or 15-10-2011)
invalid-date-datetime = write a date and time in Dutch time, such as 2011-04-14T10:00
invalid-date-year = `{ $field }: { $value }` is not a year
invalid-as-of = `as_of = { $value }` is not a date and time
invalid-as-of-help = write a local date and time, such as `as_of = 2011-12-31T12:00:00`

## empty-file

empty-file = this YAML is empty
empty-file-help = write the fields this file needs; the guide (docs/handleiding.md) shows each file's fields

## yaml-syntax

yaml-syntax = the YAML cannot be read here: { $detail }
yaml-syntax-help = check the indentation (spaces, lined up with the line above) and that every bracket and quote is closed
yaml-syntax-tab = there is a tab in the indentation
yaml-syntax-tab-help = YAML is indented with spaces, never tabs; replace the tab with spaces
yaml-no-space-after-colon = there is no space after the colon of `{ $key }:`
yaml-no-space-after-colon-help = put a space after the colon: `{ $key }: …`
yaml-colon-in-value = the text of `{ $key }` holds a colon followed by a space, which YAML reads as a new key
yaml-colon-in-value-help = put the whole text in double quotes: { $key }: { $quoted }
yaml-apostrophe = the text of `{ $key }` starts with an apostrophe, which YAML reads as the start of a quoted text that never ends
yaml-apostrophe-help = put the whole text in double quotes: { $key }: { $quoted }

yaml-no-space-after-colon-label = a space belongs after this colon
yaml-colon-in-value-label = this colon
yaml-apostrophe-label = this text starts with an apostrophe
## duplicate-key

duplicate-key = { $detail }
duplicate-key-named = { $detail }
duplicate-key-help = each key may appear once per item; remove or rename one of them

## yaml-too-complex

yaml-too-complex = this YAML nests too deeply or repeats aliases too often to be read safely
yaml-too-complex-help = content files need no deep nesting or repeated aliases (`*name`); write the values out

## unknown-partner, unknown-topic, unknown-neighbourhood, unknown-district

unknown-slug = unknown { $what } `{ $slug }`
unknown-slug-suggest = did you mean `{ $suggestion }`?
unknown-slug-none = { $file } defines none yet; add it there
unknown-slug-known = { $file } defines: { $known }
unknown-slug-many = add it to { $file }, or use one of the slugs defined there
unknown-intro = neighbourhoods/{ $stem }.md names no neighbourhood in districts.yaml
unknown-intro-suggest = did you mean `{ $suggestion }.md`? The file name is the neighbourhood's slug
unknown-intro-help = name the file after a neighbourhood slug from districts.yaml
unknown-contract-folder = contracts/{ $folder }/ names no neighbourhood in districts.yaml
unknown-contract-folder-suggest = did you mean `{ $suggestion }`? The folder name under contracts/ is the neighbourhood's slug from districts.yaml
unknown-contract-folder-help = the folder name under contracts/ must be a neighbourhood slug from districts.yaml

## items

# Names of the parts of a file, used as { $what } in other messages.
item-home-front-matter = the home page's front matter
item-update = an update
item-page = a page
item-redirect = a redirect
item-move = a move of the deadline
item-revision = a change of the answer
item-district = a district
item-neighbourhood = a neighbourhood
item-opted-out = `opted_out`
item-partner = a partner
item-topic = a topic
item-contract = the contract
item-period = the period
item-question = a question
item-progress = a progress entry
item-decision = the decision
item-dispute = the dispute
value-kind = { $kind ->
    [null] nothing
    [bool] yes/no (true/false)
    [int] a whole number
    [float] a number
    [text] text
    [list] a list
   *[map] a mapping (key: value pairs)
}

## wrong-type

wrong-type = `{ $field }` must be { $expected ->
    [text] text
    [bool] `true` or `false`
    [int] a whole number
    [list] a list
    [date] a date
    [year] a year
   *[other] { $expected }
}, not { $kind }
wrong-type-text-help = write the text after the key; use `|` and an indented block for several lines, and put text that starts with a special character in quotes
wrong-type-bool-help = write `true` or `false`
wrong-type-int-help = write a number such as `7`, without quotes
wrong-type-list-help = write a list as `[a, b]` or as lines starting with `- `
wrong-type-date-help = write a date such as 2011-10-15
wrong-type-mapping = { $what } must be a mapping of `key: value` lines, not { $kind }
wrong-type-mapping-help = write one `key: value` per line, indented under the item
wrong-type-opted-out = `opted_out` must be a mapping with `since` and `note`, not { $kind }
wrong-type-opted-out-help = write `opted_out: { "{" } since: 2012, note: De wijkraad organiseert zelf bewonersavonden. { "}" }`
year-help = write the year as four digits, such as `{ $field }: 2012`

## missing-field

field-empty = `{ $field }` is empty
field-empty-label = `{ $field }` has no value in { $what }
field-empty-text-help = write the text, or leave the field out if it is optional
field-missing = { $what } has no `{ $field }`
field-missing-label = `{ $field }` is missing in this item
missing-slug-help = add `slug: <lowercase-name>`
missing-name-help = add `name:` with the { $what ->
    [district] district's
    [neighbourhood] neighbourhood's
    [partner] organisation's
   *[topic] topic's
} name
missing-since-help = add `since:` with the first year without a contract, such as `since: 2012`
missing-opted-out-note-help = add `note:` saying in plain words why the council chose this, or where residents can go instead
update-no-front-matter = this update has no front matter
update-no-front-matter-help = start the file with a `---` block holding at least `title:` and `date:`
missing-update-title-help = add `title:` with the update's headline
missing-update-date-help = add `date:` such as `date: 2011-10-21`
page-no-front-matter = this page has no front matter with a `title`
page-no-front-matter-help = start the file with:
    ---
    title: The page's title
    ---
missing-page-title-help = add `title:` with the page's title
missing-redirect-help = write `- { "{" } from: /wijken/oud/, to: /wijken/nieuw/ { "}" }`
missing-period-help = write `period: { "{" } from: 2011-04-01, to: 2012-03-31 { "}" }`
missing-signatories-help = add `signatories: [wijkraad, gemeente, …]` with the partners that signed
missing-id-help = add `id:` with the next free number in this contract
missing-title-help = add `title:` with a short title
missing-asked-help = add `asked:` with the question as residents put it
missing-topic-help = add `topic:` with a slug from topics.yaml
missing-partner-help = add `partner:` with the slug of the responsible partner
missing-outcome-help = add `outcome:` — one of resolved, honoured, scheduled, prioritised, declined
missing-progress-help = write `- { "{" } date: 2011-06-01, state: started, note: … { "}" }`
missing-decision-help = write `decision: { "{" } date: 2011-11-30, included: true, note: … { "}" }`
missing-dispute-help = write `disputed: { "{" } date: 2011-09-01, note: what the council says { "}" }`
missing-move-help = each move needs the day it was agreed, the new `{ $key }` and why: `- { "{" } date: 2026-09-15, { $key }: 2027-Q1, reason: De aannemer is failliet. { "}" }`
missing-revision-help = each change needs its date, the answer before it and why: `- { "{" } date: 2026-10-01, from: honoured, reason: Er bleek geen vergunning mogelijk. { "}" }`
open-data-missing = site.toml has no `[open_data]` table: the open data catalogue needs its publisher and a contact point
open-data-missing-label = add [open_data] here
open-data-missing-help = add at the end of site.toml, with your own organisation (its TOOI identifier is optional):
    
    { "[" }open_data]
    publisher = { "{" } name = "Gemeente Haarlem", uri = "https://identifier.overheid.nl/tooi/id/gemeente/gm0392" { "}" }
    contact = { "{" } name = "Team Wijkcontracten", email = "wijkcontracten@haarlem.nl" { "}" }
open-data-no-publisher = `[open_data]` has no `publisher`: the organisation that publishes the open data
open-data-no-publisher-help = add `publisher = { "{" } name = "Gemeente Haarlem" { "}" }` to [open_data], with the name of your organisation
open-data-no-contact = `[open_data]` has no `contact`: where readers of the open data can ask their questions
open-data-no-contact-help = add `contact = { "{" } name = "Team Wijkcontracten", email = "wijkcontracten@haarlem.nl" { "}" }` to [open_data]; a `url` of a contact form works too
open-data-contact-no-way = the open data contact has neither an `email` nor a `url`
open-data-contact-no-way-help = add `email = "wijkcontracten@haarlem.nl"` (a shared address, not a person's) or `url = "https://…/contact"`
open-data-name-empty = the `name` is empty
open-data-name-empty-help = write the name of the organisation or team, such as `name = "Gemeente Haarlem"`

## unknown-key

unknown-key = unknown key `{ $key }` in { $what }
unknown-key-suggest = did you mean `{ $suggestion }`?
unknown-key-known = { $what } may have: { $known }
intro-front-matter = a neighbourhood introduction has no front matter; it is ignored
intro-front-matter-help = the name and council are set in districts.yaml; remove the `---` block
narrative-front-matter = a contract narrative has no front matter; it is ignored
narrative-front-matter-help = the contract's settings live in its .yaml file; remove the `---` block

## invalid-slug

invalid-slug = `{ $slug }` is not a valid slug
invalid-slug-help = a slug has only lowercase letters, digits and single hyphens
invalid-slug-suggest-help = a slug has only lowercase letters, digits and single hyphens: try `{ $suggestion }`
invalid-slug-wijkraad = `wijkraad` is reserved for the neighbourhood council in `signatories`
invalid-slug-wijkraad-help = give the partner another slug
invalid-page-name = `{ $stem }.md` is not a valid page name
invalid-page-name-help = page file names are slugs (lowercase letters, digits, hyphens): try `{ $suggestion }.md`

## duplicate-slug

duplicate-slug = the { $what } `{ $slug }` is defined twice
duplicate-slug-first = first defined here
duplicate-slug-help = every { $what } needs its own slug; rename or remove one
duplicate-update = two updates share the address /nieuws/{ $slug }/
duplicate-update-other = the other update
duplicate-update-help = give one of the files another name after its date

## field-not-applicable

opted-out-contract = { $name } has chosen to have no contract since { $since }, but there is a contract for { $years }
opted-out-contract-help = if the council has chosen for a contract again, remove `opted_out` from { $slug }; if it stopped later, set `since` to the first year without a contract ({ $year })
opted-out-contract-for = the contract for { $year }
field-not-applicable = `{ $field }` has no meaning for outcome `{ $outcome }`
field-not-applicable-outcome = the outcome is set here
field-not-applicable-help = `{ $field }` belongs to { $owners }; remove it, or change the outcome
volunteers-not-applicable = `needs_volunteers` has no meaning for a question, only for an initiative
volunteers-not-applicable-help = add `kind: initiative` if residents carry this out themselves and it goes ahead when enough of them join; otherwise remove `needs_volunteers`
volunteers-not-applicable-kind = the kind is set here
move-wrong-deadline = this answer is `{ $outcome }`, so a move changes its `{ $key }`, not `{ $other }`
move-wrong-deadline-help = rename `{ $other }` to `{ $key }`
field-not-applicable-help-many = `{ $field }` belongs to { $owners } and { $last }; remove it, or change the outcome

## invalid-file-name

invalid-update-name = `{ $stem }.md` is not named <yyyy-mm-dd>-<slug>.md
invalid-update-name-help = name updates after their date and a short slug, such as `2011-10-21-lantaarnpalen.md`
reserved-page-name = `pages/{ $stem }.md` would take the address /{ $stem }/, which the site uses for its own pages
reserved-page-name-help = give the page another file name, such as `over-{ $stem }.md`
invalid-contract-name = `{ $stem }.yaml` is not named after a year
invalid-contract-name-help = name a contract file after the year its period starts, such as `2011.yaml`
path-not-utf8 = this path is not valid UTF-8, so it cannot become an address; it is left out
path-not-utf8-help = rename the file or folder using ordinary letters, digits and hyphens

## date-mismatch

date-mismatch = the file name says { $file }, but `date` is { $date }
date-mismatch-help = rename the file or correct the date, so that the list of files reads in date order

## no-questions

no-questions = the contract has no questions
no-questions-help = add `questions:` with at least one question
no-questions-empty-help = a contract records at least one question; add it under `questions:`

## year-mismatch

year-mismatch = the file is named { $file }.yaml, but the period starts in { $start }
year-mismatch-help = rename the file to { $start }.yaml, or correct the period

## duplicate-id

duplicate-id = question id { $id } is used twice in this contract
duplicate-id-first = first used here
duplicate-id-help = ids are permanent links and are never reused: give this question the next free id, { $next }

## period-order

period-order = the period ends before it starts
period-order-start = it starts here
period-order-help = swap `from` and `to`, or correct the year

## missing-when, missing-reason, missing-ground, missing-planning-adjusted, missing-report-by

outcome-needs = { $outcome ->
    [honoured] an
   *[other] a
} `{ $outcome }` answer needs `{ $field }`
outcome-needs-label = `{ $field }` is missing for this outcome
missing-when-honoured-help = say when it is done: `when: 2011-10` (a year, quarter such as 2011-Q3, month or day)
missing-when-scheduled-help = say when the planned work happens: `when: 2013` (a year, quarter, month or day)
missing-planning-adjusted-help = say whether the planning was brought forward: `planning_adjusted: true` or `false` (with a `reason`)
missing-reason-planning = the planning was not brought forward, but no `reason` says why
missing-reason-planning-help = add `reason:` explaining why the work cannot happen sooner
missing-report-by-help = say by when the council will hear the outcome: `report_by: 2011-12`
missing-reason-help = add `reason:` explaining, in plain words, why it cannot be done
missing-ground-help = add `ground:` — legal, policy or financial
missing-move-reason-help = say in plain words why the deadline moved: `reason: De aannemer is failliet.`
missing-revision-reason-help = say in plain words why the answer changed: `reason: Er bleek geen vergunning mogelijk.`

## when-out-of-range

when-out-of-range = `{ $field }: { $value }` is far outside this contract's years
when-out-of-range-help = a date for this contract lies between { $low } and { $high }; check the year for a typo

## when-outside-period

when-outside-period = `when: { $value }` lies outside the contract period ({ $from } to { $to })
when-outside-period-help = `honoured` means done within the contract year; use `scheduled` for later work, or correct the date

## progress-out-of-order

progress-out-of-order = { $date } comes before the entry above it ({ $previous })
progress-out-of-order-above = the entry above
progress-out-of-order-help = list progress oldest first, and check the dates for a typo

## date-in-future

date-in-future = { $date } lies in the future (today is { $today })
date-in-future-help = record what has happened only; for a future step, use the answer's `when`
move-date-in-future-help = date a move on the day it was agreed, not the day of the new deadline
revision-date-in-future-help = date a change on the day the answer changed

## move-unchanged

move-unchanged = this move does not change the deadline: it is { $deadline } already
move-unchanged-help = a move records a new deadline: write the new `{ $key }`, or remove this entry

## revision-unchanged

revision-unchanged-current = `from: { $key }` is the answer as it is now, so nothing changed
revision-unchanged-current-label = the answer as it is now
revision-unchanged-next = `from: { $key }` is also where the next change starts, so nothing changed here
revision-unchanged-next-label = the next change
revision-unchanged-help = `from` is the answer as it was before this change: correct it, or remove this entry

## history-out-of-order

history-out-of-order = this { $what ->
    [move] move
   *[revision] change of the answer
} is dated { $date }, before the entry above it ({ $before })
history-out-of-order-help = list the entries oldest first, and check the dates for a typo

## promise-changed

promise-changed-published = published like this in { $file }
promise-changed-label = changed after publication
promise-changed-outcome = the answer to { $question } was published as `outcome: { $was }` and is now `outcome: { $now }`, without a `revised` entry that records the change
promise-changed-outcome-help = a published answer is not rewritten: { $add }; or, if this was a mistake, put back `outcome: { $was }`
promise-changed-add-revised = add `revised: [{ $entry }]` to the question
promise-changed-append-revised = add `- { $entry }` at the end of its `revised` list
promise-changed-deadline = the deadline of { $question } was published as { $was } and is now { $now }, without a `rescheduled` entry that records the move
promise-deadline = { $first }
promise-deadline-moved = { $first }, moved to { $moves }
promise-changed-deadline-help = a published deadline is not rewritten but moved, with the date and the reason: { $fix }
promise-fix-remove-rescheduled = remove `rescheduled`
promise-fix-add-rescheduled = add `rescheduled: [{ $moves }]`
promise-fix-make-rescheduled = make it `rescheduled: [{ $moves }]`
promise-fix-put-back = put back { $value }
promise-fix-put-back-and = put back { $value } and { $then }

## unknown-question

unknown-question = { $what ->
    [follows] this question follows
   *[update] this update links to
} `{ $question }`, which does not exist
unknown-question-help = write neighbourhood/year/id of a question that exists, such as `delftwijk/2010/4`

## hidden-reference

hidden-reference = `{ $question }` is in a draft or embargoed contract; the link is left out until it is public
hidden-reference-follows-help = publish the earlier contract, or remove `follows`
hidden-reference-update-help = give the update the same `publish_from` as the contract, or remove the link

## personal-data

personal-data = this looks like { $kind }, which must not be published
personal-data-kind = { $kind ->
    [email] an e-mail address
    [phone] a phone number
    [address] a postcode with a house number
    [bsn] a citizen service number (BSN)
   *[iban] a bank account number (IBAN)
}
personal-data-help = remove it or make it general ("een bewoner", "de straat"); if it is a public contact detail, add it to `[privacy] allow` in site.toml

## base-url-invalid

base-url-invalid = `base_url = "{ $url }"` is not a web address for the site: { $problem ->
    [no-host] it does not start with `https://` and a host name
    [query] it has a `?` or `#`: a query or fragment is not where a site lives
   *[character] it contains a space or a character that does not belong in a web address
}
base-url-invalid-help = write the address where residents will open the site, such as `base_url = "https://www.haarlem.nl/wijkcontracten/"`

## example-address

example-address = `base_url` is still the example address { $url }: every canonical link, feed, sitemap entry and open-data link points there
example-address-label = an example address
example-address-help = before publishing, set `base_url` in site.toml to the site's real address, such as `base_url = "https://www.haarlem.nl/wijkcontracten/"`

## missing-file

missing-site-toml = there is no site.toml in the site folder
missing-site-toml-help = run afspraak in the site folder, pass --root DIR, or create one with `afspraak init`
missing-file = content/{ $file } is missing
missing-file-help = every site needs districts.yaml, partners.yaml and topics.yaml in content/

## unreadable-file

cannot-read = cannot read: { $error }
cannot-read-file = cannot read { $file }: { $error }
cannot-read-file-exists-help = check that the file exists and can be read
cannot-read-file-help = check that the file can be read
link-outside-site = { $file } is a link to { $target }, outside the site folder
link-outside-site-help = copy the file into the site instead of linking to it
not-ordinary-file = { $file } is not an ordinary file
not-ordinary-file-help = content files are ordinary text files; remove this one

## file-too-large

file-too-large = { $file } is { $size } MB; the limit for one file is { $limit } MB
file-too-large-help = split the contract or remove pasted material; content files are normally a few hundred KB at most

## not-utf8

not-utf8 = { $file } is not UTF-8 text
not-utf8-help = save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)

## unexpected-file

unexpected-file = afspraak does not use this file
unexpected-file-yml-help = YAML files in content/ end in .yaml: rename the file
unexpected-file-help = content/ holds _index.md, districts.yaml, partners.yaml, topics.yaml, redirects.yaml, neighbourhoods/<slug>.md, contracts/<neighbourhood>/<year>.yaml (and .md), updates/<yyyy-mm-dd>-<slug>.md and pages/<slug>.md (with an English version beside it as <slug>.en.md)
narrative-without-contract = this narrative has no contract file contracts/{ $neighbourhood }/{ $year }.yaml beside it
narrative-without-contract-help = rename it to match a contract, or add the contract's YAML file

## front-matter

front-matter-unclosed = the front matter that starts here is never closed
front-matter-unclosed-help = end the front matter with a line holding only `---`

## toml-syntax

toml-unknown-field = site.toml has no field `{ $field }`
toml-unknown-field-help = site.toml knows: title, description, base_url, language, languages, theme, output_dir, precompress, council, as_of, [privacy] allow, [notice] text, [open_data] publisher, creator, contact
toml-missing-field = site.toml is missing `{ $field }`
toml-missing-field-help = add the field; `title` is required, and in [open_data] every publisher, creator and contact has a `name`
toml-syntax = site.toml cannot be read here ({ $detail })
toml-syntax-help = text goes in double quotes, lists in [ ], dates as 2011-12-31T12:00:00

## record-invalid

record-conflict = a merge-conflict marker in { $file }: git could not merge two versions of the record here
record-conflict-label = merge-conflict marker
record-conflict-help = keep the lines of both sides and remove the marker lines (`<<<<<<<`, `=======`, `>>>>>>>`); then run `afspraak build`, which writes { $file } afresh, and commit it
record-conflict-leftover = a merge-conflict marker in { $file }, left over from a merge
record-conflict-leftover-help = remove the marker line and keep the lines around it
record-no-url = this line of { $file } does not start with a URL
record-not-field = `{ $field }` is not a `key=value` field
record-not-outcome = `{ $value }` is not an outcome
record-not-deadline = `{ $value }` is not a deadline with its moves, such as `2026-Q3>2027-Q1`
record-damaged-help = { $file } is written by `afspraak build`: restore this line from version control (`git checkout -- { $file }`, or the version before the edit); a line that was never published can go

## dropped-url

dropped-url = this build would drop { $url }, which the site published before
dropped-url-help = { $cause } Add `- { "{" } from: { $url }, to: <the new address> { "}" }` to content/redirects.yaml, or build with --allow-dropped-urls if it must go
dropped-neighbourhood = The neighbourhood slug `{ $slug }` no longer exists in districts.yaml: was it renamed?
dropped-contract-hidden = The contract { $slug }/{ $year } is now a draft or under embargo.
dropped-question = Question { $id } was removed from contracts/{ $slug }/{ $year }.yaml, or its id changed.
dropped-contract-file = The contract file contracts/{ $slug }/{ $year }.yaml is gone.
dropped-contract = The contract contracts/{ $slug }/{ $year }.yaml was removed, renamed or made a draft.
dropped-partner = The partner `{ $slug }` is no longer in partners.yaml: was it renamed?
dropped-topic = The topic `{ $slug }` is no longer in topics.yaml: was it renamed?
dropped-district = The district `{ $slug }` is no longer in districts.yaml: was it renamed?
dropped-update = The update `{ $slug }` was removed or renamed in content/updates/.
dropped-page = The page content/pages/{ $slug }.md was removed or renamed.
dropped-other = The page that had this address is gone.

## id-reused

id-reused = the question at { $url } was "{ $old }" and is now "{ $new }"
id-reused-help = question ids are permanent: if this is another question, give it a new id and restore the old one

## redirect-conflict

redirect-hides-page = { $from } is still a page of this site; a redirect cannot replace it
redirect-hides-page-help = remove this redirect, or remove or rename the page it would hide
redirect-to-nowhere = the redirect leads to { $to }, which this build does not publish
redirect-to-nowhere-help = check the new address for a typo

## placeholder-text

placeholder-text = this is still the example text "{ $text }"
placeholder-text-label = example text
placeholder-text-help = replace the example text by your own, or mark the file `draft: true` until it is finished

## init-refusals

init-not-a-folder = { $dir } exists and is not a folder
init-not-empty = { $dir } is not empty; `init` only writes into an empty or new folder, so that nothing is overwritten
cannot-write = cannot write { $path }
new-not-a-year = { $year } is not a contract year; write the year the contract starts, such as 2026
new-not-a-slug = `{ $slug }` is not a neighbourhood slug (lowercase letters, digits and hyphens)
new-no-neighbourhoods = found no neighbourhoods in { $file }; run `new` in a site folder or pass --root
new-known-neighbourhoods = known neighbourhoods: { $known }
new-unknown-neighbourhood = there is no neighbourhood `{ $slug }` in content/districts.yaml; { $hint }
new-exists = { $path } already exists; `new` never overwrites a contract

## progress and serve

progress-render-detail = { $contracts } { $contracts ->
    [one] contract
   *[other] contracts
}, { $languages } { $languages ->
    [one] language
   *[other] languages
}, into { $out }
progress-write-detail = { $files } files to { $out }
serve-serving = serving the site on { $url } — press Ctrl-C to stop
serve-stopping = stopping
serve-rebuilt = rebuilt in { $ms } ms
serve-rebuild-failed = rebuild failed in { $ms } ms: the last good site stays served, with the errors shown on every page
serve-reachable = the preview on { $bind } is reachable from other computers, drafts and embargoed items included; it answers only to the names given with --host
serve-bad-bind = `{ $bind }` is not an address to listen on; use e.g. 127.0.0.1, ::1 or ::
serve-remote-refused = --bind { $bind } makes the preview, drafts and embargoed items included, reachable from other computers; add --allow-remote to confirm, or leave out --bind
serve-cannot-open = cannot open the site folder { $dir }: { $error }
serve-port-in-use = port { $port } on { $bind } is already in use (is another afspraak serve running?); stop that program or choose another port with --port


## Reliability, round 2 (issue 18)

yaml-too-large = this file holds more than { $limit } values (lists, fields and texts), more than a content file may; about 20,000 questions reach that
yaml-too-large-help = split it: give each contract year its own file, and keep a contract's questions well below that number
output-in-sources = refusing to write the site into { $dir }: it lies inside the site's { $folder }/ folder, whose every file would be read as a source; choose an --output outside { $folder }/, such as public/

## Reliability, round 2: redirects and import read-back (merged)
redirect-circle = the redirects go round in a circle: { $chain }
redirect-into-circle = this redirect leads into redirects that go round in a circle: { $from } → { $chain }
redirect-circle-help = point one of these redirects at a page the site publishes
redirect-to-hidden = this redirect leads to a page that is not public (a draft, or under embargo)
redirect-to-hidden-help = point the redirect at a public page, or add it once the page is published
import-unreadable-after = the contract file would not be readable after this import ({ $error }); nothing was written
import-not-written = question { $id } could not be written into the contract file; nothing was written
import-reads-back = `{ $value }` would read back from the contract file as { $got }; nothing was written
import-reads-back-nothing = nothing

## map-invalid, map-missing-shape (content/map.geojson)

map-invalid-help = content/map.geojson is a GeoJSON FeatureCollection with a Polygon or MultiPolygon for each neighbourhood and `"properties": {"{"} "slug": "…" {"}"}`; the slugs are in districts.yaml
map-not-json = this is not valid JSON: { $error }
map-not-collection = the map must be a GeoJSON FeatureCollection
map-not-geojson = this is not valid GeoJSON: { $error }
map-no-slug = shape { $number } has no `slug` in its `properties`
map-not-polygon = the shape of `{ $slug }` is not a Polygon or MultiPolygon
map-bad-ring = the shape of `{ $slug }` has a ring of fewer than four points or an invalid coordinate
map-duplicate = the neighbourhood `{ $slug }` is on the map twice
map-too-large = the map has { $points } points; at most { $max } are allowed
map-missing-shape = { $count } neighbourhoods of districts.yaml have no shape on the map
map-missing-shape-help = add a shape with their slug; the list below the map still names them

## Short links in the record (merged)
record-not-code = `{ $value }` is not a short-link code

# The editor of `serve`: a save from the browser was written.
serve-saved = saved from the browser: { $file }
item-translation = a translation
translation-without-original = this translation belongs to the Dutch file { $original }, which does not exist
translation-without-original-help = an English version has the name of the Dutch file with `.en` before `.md`: `2026-03-01-moestuin.md` becomes `2026-03-01-moestuin.en.md`; rename the file or add the Dutch one
translation-no-front-matter = this translation has no front matter with a `title`
translation-no-front-matter-help = start the file with:
    ---
    title: The English title
    ---
missing-translation-title-help = add `title:` with the English title
item-topic-english = a topic's English name
missing-topic-english-name-help = write `en: { "{" } name: Clean { "}" }`: the topic's English name

## The command line's help (`afspraak --help`) and usage errors
cli = afspraak — neighbourhood contracts as a public website.
cli-usage = Usage
cli-commands = Commands
cli-command-value = COMMAND
cli-arguments = Arguments
cli-options = Options
cli-options-tag = [OPTIONS]
cli-help-flag = Print help
cli-version-flag = Print version
cli-help-command = Print this message or the help of the given command
cli-help-command-arg = The command to print the help of
cli-value-root = ROOT
cli-value-format = FORMAT
cli-value-as_of = AS_OF
cli-value-output = OUTPUT
cli-value-port = PORT
cli-value-bind = BIND
cli-value-hosts = HOST
cli-value-file = FILE
cli-value-contract = NEIGHBOURHOOD/YEAR
cli-value-dir = DIR
cli-value-neighbourhood = NEIGHBOURHOOD
cli-value-year = YEAR
cli-check = Validate the whole site and report every problem; writes nothing.
cli-check-root = The site folder (holding site.toml and content/). Default: the current folder.
cli-check-format = How to print the diagnostics: human (to read, the default) or json (for other programs).
cli-check-as_of = Judge the site as at this moment (Europe/Amsterdam), e.g. 2011-12-31T12:00.
cli-build = Build the site into the output folder (default: output_dir in site.toml, "public").
cli-build-root = The site folder (holding site.toml and content/). Default: the current folder.
cli-build-output = Where to write the site. Default: output_dir in site.toml.
cli-build-as_of = Build the site as it stands at this moment (Europe/Amsterdam), e.g. to preview an embargo; a preview does not update published.txt.
cli-build-allow_dropped_urls = Allow this build to drop URLs the site published before (reported as warnings; they leave published.txt).
cli-build-timings = Print how long each stage took (load, validate, render, write).
cli-serve = Preview the site: build it in memory, serve it, and rebuild and reload on every change.
cli-serve-root = The site folder. Default: the current folder.
cli-serve-port = The port to listen on. Default: 8080.
cli-serve-bind = The address to listen on. Default: 127.0.0.1, only reachable from this computer.
cli-serve-hosts = A host name the preview may be reached by, besides localhost and the bind address (repeatable).
cli-serve-allow_remote = Confirm a --bind address that other computers can reach.
cli-import = Import questions from a spreadsheet (CSV or XLSX) into a contract file.
cli-import-file = The spreadsheet: .csv (comma or semicolon, UTF-8) or .xlsx.
cli-import-contract = The contract to update or create, as NEIGHBOURHOOD/YEAR.
cli-import-root = The site folder. Default: the current folder.
cli-init = Create a new site with a small example and the starter kit in DIR (which must be empty or new).
cli-init-dir = The folder to create the site in.
cli-new = Create a file to fill in.
cli-new-contract = A contract file: content/contracts/NEIGHBOURHOOD/YEAR.yaml.
cli-new-contract-neighbourhood = The neighbourhood's slug, as in districts.yaml.
cli-new-contract-year = The year the contract starts.
cli-new-contract-root = The site folder. Default: the current folder.
cli-not-a-moment = `{ $value }` is not a date and time; write e.g. 2011-12-31 or 2011-12-31T12:00
cli-error-unknown-argument = unknown option `{ $arg }`
cli-error-unknown-command = unknown command `{ $command }`
cli-error-missing = still to give: { $args }
cli-error-missing-command = choose a command: { $valid }
cli-error-invalid-value = `{ $value }` is not a value for { $arg }; choose from: { $valid }
cli-error-value = `{ $value }` is not a value for { $arg }: { $reason }
cli-error-conflict = { $arg } cannot be used with another option given
cli-error-too-many = { $arg } gets more than one value
cli-error-other = cannot understand this ({ $error })
cli-did-you-mean = did you mean `{ $suggestion }`?
cli-more = More: { $command } --help

## Refusals and failures outside the diagnostics: the output folder, the theme, serve, import
output-cannot-open-root = cannot open the site folder { $dir }
output-is-sources = refusing to write the site into { $dir }: it holds the site's own sources; choose another --output
output-holds-a-site = refusing to write into { $dir }: it contains content/ or site.toml; choose another --output
output-is-a-file = refusing to write into { $dir }: it is a file, not a folder
output-not-ours = refusing to write into { $dir }: the folder is not empty and was not made by afspraak (its index.html has no `{ $generator }`); empty it, or choose another --output
output-locked = another build is writing into { $dir } (it holds { $path }); wait until it has finished and build again
output-cannot-lock = cannot lock { $path } for this build
output-no-parent = { $dir } cannot be an output folder: choose a folder with a name, such as public/
output-cannot-remove = cannot remove the previous output { $dir }
output-cannot-move-aside = cannot move the previous output { $dir } aside
output-cannot-move-into = cannot move the new site into { $dir }
cannot-create = cannot create the folder { $path }
cannot-remove = cannot remove { $path }
cannot-read-path = cannot read { $path }
internal-outside-output = internal error: { $path } would be written outside the output folder; nothing was written
theme-missing = site.toml sets theme = "{ $name }", but there is no folder themes/{ $name }/
theme-not-utf8 = { $path } in the theme is not UTF-8 text; save the file as UTF-8
theme-texts-invalid = the theme's texts in { $path } cannot be read: { $error }
theme-templates-invalid = the theme's templates have an error:
theme-no-language = the theme has no texts for the language `{ $lang }`; add i18n/{ $lang }.yaml to the theme
render-failed = the page { $url } could not be made with the template { $template }:
serve-wrong-host = this preview answers only to localhost and the names given with --host
serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-cannot-watch = cannot watch the folder { $dir }: { $error }
import-contract-unreadable = the contract file cannot be read ({ $error }); fix it first (`afspraak check` says how)
import-contract-not-a-mapping = the contract file is not a mapping of `key: value` lines; fix it first (`afspraak check` says how)
line-column = line { $line }, column { $column }: { $message }
